"""`eval area` on a small labelled file: JSON on stdout, tables otherwise, clear errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tinhhinh.nlp.commands import eval_app, train_app

RECORDS = [
    {
        "id": "1",
        "label": "TT",
        "title": "Đội tuyển thắng 3-0",
        "text": "Các cầu thủ thi đấu xuất sắc, tiền đạo ghi hai bàn thắng.",
    },
    {
        "id": "2",
        "label": "SK",
        "title": "Phòng bệnh sốt xuất huyết",
        "text": "Bác sĩ khuyên diệt muỗi, bệnh nhân cần điều trị sớm ở bệnh viện.",
    },
    {
        "id": "3",
        "label": "VT",
        "title": "Phần mềm diệt virus mới",
        "text": "Máy tính chạy Windows cần cập nhật phần mềm, trình duyệt và hệ điều hành.",
    },
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_eval_area_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_app, ["area", "--data", str(_file(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    m = json.loads(result.stdout)
    assert m["n"] == 3 and m["accuracy"] == 1.0
    assert set(m["per_class"]) >= {"sports", "health", "technology"}


def test_eval_area_tables_and_ids(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("1\n2\n")
    result = CliRunner().invoke(eval_app, ["area", "--data", str(_file(tmp_path)), "--ids", str(ids)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.stdout and "confusion" in result.stdout


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_app, ["area", "--data", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1
    result = CliRunner().invoke(train_app, ["area", "--data", str(tmp_path)])
    assert result.exit_code == 1


def test_eval_area_reads_csv_and_gzip(tmp_path: Path) -> None:
    import csv
    import gzip

    def scores(output: str) -> dict:
        return {k: v for k, v in json.loads(output).items() if k != "articles_per_second"}

    want = scores(CliRunner().invoke(eval_app, ["area", "--data", str(_file(tmp_path)), "--json"]).stdout)
    table = tmp_path / "small.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as fh:  # Excel's "CSV UTF-8"
        out = csv.DictWriter(fh, fieldnames=list(RECORDS[0]))
        out.writeheader()
        out.writerows(RECORDS)
    packed = tmp_path / "small.jsonl.gz"
    packed.write_bytes(gzip.compress(_file(tmp_path).read_bytes()))
    for path in (table, packed):
        result = CliRunner().invoke(eval_app, ["area", "--data", str(path), "--json"])
        assert result.exit_code == 0, result.output
        assert scores(result.stdout) == want
    broken = tmp_path / "broken.jsonl"
    broken.write_text(_file(tmp_path).read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    result = CliRunner().invoke(eval_app, ["area", "--data", str(broken)])
    assert result.exit_code == 1 and "broken.jsonl:4: not valid JSON" in "".join(result.output.split("\n"))


# --- labels and --ids/--model mistakes: one line each, through the real command -------------------

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"


def _eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [EXE, "eval", "area", *args], capture_output=True, text=True, env={**os.environ}, timeout=300
    )


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_records_without_a_usable_label_are_skipped_and_named(tmp_path: Path) -> None:
    no_label = {k: v for k, v in RECORDS[0].items() if k != "label"}
    bad = _write(
        tmp_path / "bad.jsonl",
        [no_label, {**RECORDS[1], "label": "XX"}, *RECORDS, {**RECORDS[2], "id": "4", "label": "technology"}],
    )
    r = _eval("--data", str(bad), "--json")
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["n"] == 4 and m["skipped"] == 2 and m["macro_f1"] == 1.0
    assert "XX" not in m["labels"] and None not in m["labels"]
    said = [line for line in r.stderr.splitlines() if "skipped" in line]
    assert len(said) == 1
    assert "bad.jsonl:1 (no label)" in said[0] and "bad.jsonl:2 (label 'XX')" in said[0]
    table = _eval("--data", str(bad))  # the tables too (a None label crashed them)
    assert table.returncode == 0 and "macro-F1" in table.stdout, table.stderr


def test_a_file_with_no_area_labels_is_one_error(tmp_path: Path) -> None:
    vihsd = _write(
        tmp_path / "vihsd.jsonl",
        [{"id": str(i), "text": "bài viết hay quá", "label": i % 3} for i in range(5)],
    )
    for extra in ([], ["--json"]):
        r = _eval("--data", str(vihsd), *extra)
        assert r.returncode == 1 and r.stdout == "", r.stdout
        (line,) = _errors(r.stderr)
        assert "no usable records" in line and "VNTC code" in line and "area code" in line


def test_ids_and_model_mistakes_say_what_is_wrong(tmp_path: Path) -> None:
    data = _file(tmp_path)
    r = _eval("--data", str(data), "--ids", str(tmp_path / "missing.txt"))
    (line,) = _errors(r.stderr)
    assert r.returncode == 1 and "cannot read --ids" in line and "missing.txt" in line
    other = tmp_path / "other.txt"
    other.write_text("x9\nx10\n", encoding="utf-8")
    r = _eval("--data", str(data), "--ids", str(other))
    (line,) = _errors(r.stderr)
    assert r.returncode == 1 and "none of the 2 ids" in line and "'x9'" in line and "'1'" in line
    r = _eval("--data", str(data), "--model", str(data))
    (line,) = _errors(r.stderr)
    assert r.returncode == 1 and "is not an area model file" in line and "fix that line" not in line
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf1\r\n2\r\n3\r\n")  # Notepad
    r = _eval("--data", str(data), "--ids", str(bom), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["n"] == 3
