"""`model_version["stories"]` is one value whether `analyze --stories` or `ingest` assigned the story."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"

RECORDS = [
    {"id": "1", "source": "t", "title": "Mưa lớn ở Đà Nẵng", "text": "Nhiều tuyến phố Đà Nẵng ngập sâu."},
    {"id": "2", "source": "t", "title": "Giá vàng hôm nay tăng mạnh", "text": "Người dân đổ xô đi mua vàng."},
]


def test_analyze_and_ingest_spell_the_stories_version_alike(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    run = dict(capture_output=True, text=True, env={**os.environ, "HOME": str(tmp_path)}, timeout=300)
    analysed = subprocess.run([EXE, "analyze", "--stories", "-q", "-i", str(src)], **run)
    assert analysed.returncode == 0, analysed.stderr
    from_analyze = {json.loads(line)["model_version"]["stories"] for line in analysed.stdout.splitlines()}
    db = tmp_path / "t.db"
    stored = subprocess.run([EXE, "ingest", str(src), "--db", str(db), "-q"], **run)
    assert stored.returncode == 0, stored.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select model_version from items").fetchall()
    from_ingest = {json.loads(mv)["stories"] for (mv,) in rows}
    assert len(rows) == 2
    assert from_analyze == from_ingest
    assert next(iter(from_ingest)).startswith("stories-1/")
