"""`tinhhinh analyze` refuses what would lose data or do nothing, in one clear line, before it writes
anything; error records carry the fields every record carries; Excel's UTF-16 CSV is read as ingest
reads it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
BODY = "Nhiều tuyến phố Đà Nẵng ngập sâu sau trận mưa lớn kéo dài từ đêm qua đến sáng nay, giao thông ùn tắc."


def analyze(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [EXE, "analyze", *args], input=stdin, capture_output=True, text=True, env={**os.environ}, timeout=300
    )


def lines(text: str) -> list[dict]:
    return [json.loads(x) for x in text.splitlines()]


GOOD = [
    {"id": "a", "title": "Mưa lớn ở Đà Nẵng", "text": BODY},
    {"id": "b", "title": "Giá vàng hôm nay tăng mạnh, người dân đổ xô đi mua"},
]


def _jsonl(path, records) -> bytes:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(data)
    return data


def _one_error_line(stderr: str) -> str:
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert "Traceback" not in stderr
    return errors[0]


def test_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    src = tmp_path / "same.jsonl"
    data = _jsonl(src, GOOD)
    (tmp_path / "link.jsonl").symlink_to(src)
    os.link(src, tmp_path / "hard.jsonl")
    for args in (["-i", str(src), "-o", str(src)], ["-i", str(tmp_path / "link.jsonl"), "-o", str(src)],
                 ["-i", str(src), "-o", str(tmp_path / "hard.jsonl")]):  # fmt: skip
        r = analyze(*args, "-q")
        assert r.returncode == 1, (args, r.stderr)
        assert "same file as the input" in _one_error_line(r.stderr)
        assert src.read_bytes() == data  # nothing truncated
    with src.open("rb") as fh:  # -o F < F
        r = subprocess.run([EXE, "analyze", "-o", str(src), "-q"], stdin=fh, capture_output=True, text=True)
    assert r.returncode == 1 and "same file as the input" in _one_error_line(r.stderr)
    assert src.read_bytes() == data


def test_output_in_a_missing_folder_is_one_line_before_reading(tmp_path):
    src = tmp_path / "in.jsonl"
    _jsonl(src, GOOD)
    target = tmp_path / "no-such-dir" / "x.jsonl"
    r = analyze("-i", str(src), "-o", str(target))
    assert r.returncode == 1
    line = _one_error_line(r.stderr)
    assert str(target) in line and "does not exist" in line and "--output" in line
    assert "records analysed" not in r.stderr  # refused before reading anything


def test_factchecks_that_is_not_a_registry_is_refused(tmp_path):
    src = tmp_path / "in.jsonl"
    _jsonl(src, GOOD)
    news = tmp_path / "news.jsonl"
    _jsonl(news, GOOD)  # a news file: JSON lines, but no fact-check entries
    r = analyze("-i", str(src), "--factchecks", str(news), "-q")
    assert r.returncode == 1 and r.stdout == ""
    assert "not a fact-check registry" in _one_error_line(r.stderr)
    text = tmp_path / "notes.txt"
    text.write_text("not json at all\n", encoding="utf-8")
    r = analyze("-i", str(src), "--factchecks", str(text), "-q")
    assert r.returncode == 1 and "not a fact-check registry" in _one_error_line(r.stderr)
    registry = Path(__file__).resolve().parents[1] / "harm" / "data" / "factcheck_registry.jsonl"
    pending = tmp_path / "pending.jsonl"
    pending.write_text(
        registry.read_text(encoding="utf-8").replace('"approved"', '"pending"'), encoding="utf-8"
    )
    r = analyze(
        "-i", str(src), "--factchecks", str(pending), "-q"
    )  # a registry: runs, and says why nothing matches
    assert r.returncode == 0 and len(lines(r.stdout)) == len(GOOD)
    assert "none of its" in r.stderr and "approved" in r.stderr


def test_error_records_get_harm_and_model_version_and_only_added_errors_are_counted(tmp_path):
    stdin = (
        "".join(
            json.dumps(r, ensure_ascii=False) + "\n"
            for r in [{"id": "x", "title": ""}, {"id": "c3", "title": "Giá xăng", "error": "upstream"}]
        )
        + "{not json\n"
    )
    r = analyze("-q", stdin=stdin)
    assert r.returncode == 0, r.stderr
    out = lines(r.stdout)
    assert len(out) == 3
    assert all(rec["harm"] == [] and isinstance(rec["model_version"], dict) for rec in out)
    assert out[0]["model_version"] == {} and out[0]["error"]
    assert out[1]["error"] == "upstream" and out[1]["area"]  # passed through, analysed
    assert out[2]["model_version"] == {} and "JSON" in out[2]["error"]
    assert "3 records analysed, 2 with an error field" in r.stderr


def test_excel_unicode_text_csv_is_read_like_utf8(tmp_path):
    rows = "id\ttitle\ttext\r\n1\tGiá vàng tăng\tHà Nội mưa lớn\r\n2\tBão số 3\tMưa lớn\r\n"
    (tmp_path / "u16.csv").write_bytes(rows.encode("utf-16"))  # Excel: Save As "Unicode text"
    (tmp_path / "u8.csv").write_bytes(rows.encode("utf-8-sig"))  # Save As "CSV UTF-8"
    r16 = analyze("-i", str(tmp_path / "u16.csv"), "-q")
    r8 = analyze("-i", str(tmp_path / "u8.csv"), "-q")
    assert r16.returncode == 0 and r8.returncode == 0, r16.stderr
    assert r16.stdout == r8.stdout
    assert [rec["title"] for rec in lines(r16.stdout)] == ["Giá vàng tăng", "Bão số 3"]
    (tmp_path / "old.csv").write_bytes("id,title\n1,Giá vàng\n".encode("cp1258"))
    out = tmp_path / "old.jsonl"
    r = analyze("-i", str(tmp_path / "old.csv"), "-o", str(out))
    assert r.returncode == 1 and "not UTF-8" in _one_error_line(r.stderr)
