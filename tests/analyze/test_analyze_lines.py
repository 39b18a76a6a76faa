"""``analyze`` writes lines the workers dumped (with a hole for ``model_version``): they must be the same
bytes as ``json.dumps`` of the records ``analyse_stream`` gives, on every kind of input line, with one
process and with workers, with and without stories."""

from __future__ import annotations

import io
import json

import pytest

from tinhhinh.analyze import _HOLE, _line, _output_line, analyse_lines, analyse_stream
from tinhhinh.ingest.records import read_jsonl_records
from tinhhinh.ordered import Entry

TEXT = "Hà Nội: công an cảnh báo lừa đảo chuyển khoản qua Zalo, gọi 0912345678 ngay hôm nay để nhận quà."

LINES = [
    {"id": "a1", "source": "s", "title": "Tin một", "text": TEXT, "author": "Nguyễn Văn A"},
    {"id": "a2", "source": "s", "title": "Tin một", "text": TEXT, "published_at": "2026-11-01"},  # a copy
    {
        "id": "a3",
        "source": "s",
        "title": "Bóng đá",
        "text": "Đội tuyển thắng 2-0 trên sân Mỹ Đình.",
        "x": [1, 2.5],
    },
    # keys the analysis also writes: their place is inside the record
    {"id": "a4", "title": "t", "text": "văn bản", "dup_of": "old", "model_version": {"copies": "v0"}},
    {"id": "a5", "title": "t", "text": "văn bản", "story_id": 7, "area": "kept?", "harm": None},
    {"id": "a6", "title": "t", "text": _HOLE, "note": _HOLE},  # the hole's own marker as data
    {"id": "a7", "title": "", "text": ""},  # nothing to analyse: an error field
    ["not", "an", "object"],
    "just a string",
    {"id": "a8", "text": "số NaN", "score": float("nan"), "big": 10**30, "esc": '"\\\n\t\u0001'},
]


def _input() -> bytes:
    rows = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in LINES]
    rows.insert(3, b"")  # a blank line: a line with an error (one line out per line in)
    rows.insert(5, b"{not json")
    rows.insert(7, b"\xff\xfe bad utf-8")
    rows.insert(9, "  \u00a0 ".encode())  # blank to str.strip, not to bytes.strip
    return b"\n".join(rows) + b"\n"


def _expected(**kw) -> list[tuple[str, bool]]:
    recs = analyse_stream(read_jsonl_records(io.BytesIO(_input()), blanks=True), **kw)
    return [(json.dumps(r, ensure_ascii=False, default=str).encode("utf-8"), "error" in r) for r in recs]


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("stories", [False, True])
def test_lines_are_the_dumped_records(workers, stories):
    kw = {"workers": workers, "stories": stories, "window": 3}
    got = list(analyse_lines(enumerate(io.BytesIO(_input()), 1), **kw))
    want = _expected(**kw)
    # the bad JSON, the bad UTF-8 and the two blank lines give errors
    assert len(got) == len(want) == len(LINES) + 4
    for g, w in zip(got, want, strict=True):
        assert g == w
    # the copy was found through the hole path (a1 is undated, so the dated a2 is the original)
    assert any(b'"dup_of": "a2"' in g for g, _ in got)


def test_finish_fallbacks_match_the_merged_record():
    out = {"id": "x", "dup_of": "mine", "model_version": {"area": "v1", "copies": "old"}, "z": 1}
    for added, new_mv in [
        ({}, {}),
        ({"dup_of": "a"}, {"copies": "v2"}),  # both already in the record: replaced in place
        ({"story_id": "s1", "other": 3}, {"stories": "v"}),  # a key no ordered stage is known to add
        ({"dup_of": None}, {"unknown": "v"}),
    ]:
        e = Entry(
            lineno=1,
            record=_output_line(dict(out)),
            added={**added, "model_version": dict(new_mv)},
            item=None,
        )
        want = dict(out)
        want["model_version"] = {**out["model_version"], **new_mv}
        want.update(added)
        assert _line(e) == (json.dumps(want, ensure_ascii=False, default=str).encode("utf-8"), False)
