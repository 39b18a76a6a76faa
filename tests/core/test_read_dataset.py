"""``read_dataset``: labelled files for train/eval as datasets and offices ship them."""

from __future__ import annotations

import gzip
import json

import pytest

from tinhhinh.ingest.records import read_dataset

ROWS = [{"id": "a", "text": 'Đà Nẵng, "mưa"; lớn', "label": "0"}, {"id": "b", "text": "đồ ngu", "label": "2"}]


def _jsonl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def _csv(rows, sep: str) -> str:
    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"'

    return f"id{sep}text{sep}label\n" + "".join(
        sep.join(cell(r[k]) for k in ("id", "text", "label")) + "\n" for r in rows
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("d.jsonl", _jsonl(ROWS)),
        ("d.jsonl", b"\xef\xbb\xbf" + _jsonl(ROWS)),  # Notepad's byte-order mark
        ("d.jsonl.gz", gzip.compress(_jsonl(ROWS))),
        ("d.jsonl", gzip.compress(_jsonl(ROWS))),  # compressed without saying so in the name
        ("d.csv", _csv(ROWS, ",").encode("utf-8-sig")),
        ("d.csv", _csv(ROWS, ";").encode("utf-8")),  # Excel in a Vietnamese locale
        ("d.csv", _csv(ROWS, "\t").encode("utf-16")),  # Excel's "Unicode text"
        ("d.csv.gz", gzip.compress(_csv(ROWS, ",").encode("utf-8"))),
    ],
)
def test_the_same_records_from_every_form(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert [rec for _, rec in read_dataset(path)] == ROWS


def test_bad_lines_come_as_errors_with_where_they_are(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(_jsonl(ROWS[:1]) + b"{not json\n\n[1, 2]\n" + _jsonl(ROWS[1:]))
    got = list(read_dataset(path))
    assert [w for w, _ in got] == [f"{path}:1", f"{path}:2", f"{path}:4", f"{path}:5"]
    assert isinstance(got[1][1], ValueError) and "not valid JSON" in str(got[1][1])
    assert isinstance(got[2][1], ValueError) and "not a JSON object" in str(got[2][1])
    assert got[3][1] == ROWS[1]


def test_a_legacy_encoded_csv_says_how_to_save_it(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes("id,text\n1,Đà Nẵng\n".encode("cp1258", errors="replace").replace(b"?", b"\xd0"))
    with pytest.raises(ValueError, match="CSV UTF-8"):
        list(read_dataset(path))
