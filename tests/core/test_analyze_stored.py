"""`tinhhinh analyze-stored`: items stored with `ingest --no-analyze` get what `ingest` gives every item."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"

SCAM = {
    "id": "scam1",
    "source": "fb",
    "kind": "post",
    "text": "Chúc mừng bạn trúng thưởng iPhone 15! Để nhận quà vui lòng chuyển khoản phí 500.000đ vào STK "
    "0123456789 và gửi mã OTP cho chúng tôi qua Zalo 0912345678.",
    "published_at": "2026-11-20T09:00:00",
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [EXE, *args], cwd=cwd, capture_output=True, text=True, env={**os.environ}, timeout=600
    )


def _demo_articles(n: int) -> list[dict]:
    path = resources.files("tinhhinh").joinpath("data/demo/vntc_demo.jsonl.gz")
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        rows = [json.loads(next(fh)) for _ in range(n)]
    # a syndicated copy under another id, so copies are part of what is compared
    rows.append({**rows[3], "id": "copy-of-3", "source": "baomoi.com"})
    return rows


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _analysis(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT key, area, area_scores, keywords, places, story_id, dup_of, harm, model_version "
            "FROM items ORDER BY pk"
        ).fetchall()


def test_items_stored_without_analysis_get_what_ingest_gives(tmp_path):
    rows = _demo_articles(120)
    first = _write(tmp_path / "first.jsonl", rows[:60])
    later = _write(tmp_path / "later.jsonl", rows[60:] + [SCAM])

    # the same files, analysed while stored ...
    assert run("ingest", str(first), "--db", "a.db", "-q", cwd=tmp_path).returncode == 0
    assert run("ingest", str(later), "--db", "a.db", "-q", cwd=tmp_path).returncode == 0
    # ... and the later one stored raw, analysed afterwards, continuing the stories of the first
    assert run("ingest", str(first), "--db", "b.db", "-q", cwd=tmp_path).returncode == 0
    assert run("ingest", str(later), "--db", "b.db", "-q", "--no-analyze", cwd=tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "b.db") as con:
        assert con.execute("SELECT count(*) FROM items WHERE story_id IS NULL").fetchone()[0] == 62
    r = run("analyze-stored", "--db", "b.db", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "62 stored items analysed" in r.stderr and r.stdout == ""

    assert _analysis(tmp_path / "b.db") == _analysis(tmp_path / "a.db")

    # the flags are there to review, the scam post's among them, as if analysed while stored
    def flags(db: str) -> list[tuple]:
        listed = json.loads(run("flags", "list", "--json", "--db", db, cwd=tmp_path).stdout)
        return sorted((f["type"], f["item_pk"], f["idx"], f["status"]) for f in listed)

    assert flags("b.db") == flags("a.db")
    assert ("scam", 122, 0, "unconfirmed") in flags("b.db")  # 120 articles, a copy, then the post

    again = run("analyze-stored", "--db", "b.db", cwd=tmp_path)
    assert again.returncode == 0 and "nothing to analyse" in again.stderr
    assert _analysis(tmp_path / "b.db") == _analysis(tmp_path / "a.db")


def test_a_mistyped_database_is_not_created(tmp_path):
    r = run("analyze-stored", "--db", "nope.db", cwd=tmp_path)
    assert r.returncode == 1 and "no database" in r.stderr
    assert not (tmp_path / "nope.db").exists()
