"""The scam sets written blind to the rules they were scored on: the fifth (scam_fresh4.jsonl, blind to
rules 2026.11.27-5) and the sixth (scam_fresh5.jsonl, blind to -6).

These tests check each set itself, never the rules: its sources are new, its rows are shaped like the earlier
sets' rows, and its make script rebuilds it byte for byte (the sixth also names its kinds differently from
every earlier set). The lead scored each set once, after its rules were final (docs/harm.md, "The fifth set",
"The sixth set")."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tinhhinh.nlp.normalize import has_diacritics, strip_diacritics

DATA = Path(__file__).parent / "data"
ORDER = (
    "scam_set.jsonl",
    "scam_fresh.jsonl",
    "scam_fresh2.jsonl",
    "scam_fresh3.jsonl",
    "scam_fresh4.jsonl",
    "scam_fresh5.jsonl",
)
KEYS = ["id", "label", "category", "kind", "title", "text", "variant", "source"]
# (set, fewest teencode scam rows its task asked for, whether its kinds must all be new)
BLIND = [("scam_fresh4.jsonl", 12, False), ("scam_fresh5.jsonl", 15, True)]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _base(rows: list[dict]) -> list[dict]:
    return [r for r in rows if "-" not in r["id"]]


def _earlier(name: str) -> tuple[str, ...]:
    return ORDER[: ORDER.index(name)]


@pytest.mark.parametrize("name", [b[0] for b in BLIND])
def test_set_cites_warnings_no_earlier_set_used(name):
    cited = {r["source"]["url"] for e in _earlier(name) for r in _rows(DATA / e) if r.get("source")}
    scams = [r for r in _rows(DATA / name) if r["label"] == "scam"]
    overlap = {r["source"]["url"] for r in scams} & cited
    assert not overlap, overlap
    # many publishers' pages, not one page cited many times
    assert len({r["source"]["url"] for r in scams}) >= 40


@pytest.mark.parametrize("name", [b[0] for b in BLIND if b[2]])
def test_set_categories_are_new(name):
    earlier = {r["category"] for e in _earlier(name) for r in _rows(DATA / e)}
    mine = {r["category"] for r in _rows(DATA / name)}
    assert not mine & earlier, mine & earlier


@pytest.mark.parametrize("name", [b[0] for b in BLIND])
def test_set_rows_are_shaped_like_the_earlier_sets(name):
    earlier_keys = {tuple(r) for e in _earlier(name)[2:] for r in _rows(DATA / e)}
    rows = _rows(DATA / name)
    assert {tuple(r) for r in rows} == earlier_keys == {tuple(KEYS)}
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["id"].startswith("is" if r["label"] == "scam" else "in") for r in rows)
    assert {r["label"] for r in rows} == {"scam", "ok"}
    assert {r["variant"] for r in rows} == {"plain", "no_diacritics", "teencode"}
    assert {r["kind"] for r in rows} <= {"comment", "post", "article"}
    assert all(r["title"] == "" and r["text"].strip() and r["category"] for r in rows)
    for r in rows:
        if r["label"] == "scam":
            src = r["source"]
            assert set(src) == {"publisher", "title", "url"}, r["id"]
            assert src["url"].startswith("http") and src["publisher"] and src["title"], r["id"]
        else:
            assert r["source"] is None, r["id"]


@pytest.mark.parametrize("name, teencode", [b[:2] for b in BLIND])
def test_set_has_the_size_and_forms_the_task_asked_for(name, teencode):
    rows = _rows(DATA / name)
    base = _base(rows)
    assert sum(r["label"] == "scam" for r in base) >= 60
    assert sum(r["label"] == "ok" for r in base) >= 40
    forms = Counter((r["label"], r["variant"]) for r in rows)
    assert forms["scam", "teencode"] >= teencode
    assert forms["scam", "no_diacritics"] >= 20 and forms["ok", "no_diacritics"] >= 10
    # rows typed without marks or in teencode really carry no marks
    for r in rows:
        if r["variant"] != "plain":
            assert not has_diacritics(r["text"]), r["id"]
    # a "-nd" copy is its base text with the marks taken off, same label, category and source
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        if r["id"].endswith("-nd"):
            b = by_id[r["id"][:-3]]
            assert r["text"] == strip_diacritics(b["text"]).lower()
            assert (r["label"], r["category"], r["source"]) == (b["label"], b["category"], b["source"])


@pytest.mark.parametrize("name", [b[0] for b in BLIND])
def test_set_rebuilds_byte_identical(name, tmp_path):
    script = "make_" + name.removesuffix(".jsonl") + ".py"
    for f in (script, "scamsets.py"):
        shutil.copy(DATA / f, tmp_path / f)
    src = Path(__file__).resolve().parents[2] / "src"
    subprocess.run(
        [sys.executable, str(tmp_path / script)],
        cwd=tmp_path,
        env={"PYTHONPATH": f"{src}:{tmp_path}", "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()
