"""`eval area` on a small labelled file: JSON on stdout, tables otherwise, clear errors."""

from __future__ import annotations

import json
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
