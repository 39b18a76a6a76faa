"""`tinhhinh ingest --workers N`: the per-record analysis runs in N processes; what is stored must be exactly
what one process stores (analysis fields, copies, stories, index)."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

from dbdump import items_dump

from tinhhinh.ingest import run as ingest_run
from tinhhinh.ingest.records import read_file
from tinhhinh.store.db import dispose_all, engine_for


def _demo_records(n: int) -> list[dict]:
    path = resources.files("tinhhinh.data") / "demo" / "vntc_demo.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for _, line in zip(range(n), fh, strict=False)]
    # a syndicated copy under another id and source, and a record without title or text
    recs.append({**recs[3], "id": "copy-of-3", "source": "copy.vn"})
    recs.append({"id": "empty", "title": "", "text": ""})
    return recs


def _dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        cols, rows = items_dump(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        stories = sorted(conn.execute("SELECT id, size FROM stories")) if "stories" in tables else None
        return [cols, rows, stories]
    finally:
        conn.close()


def _ingest(tmp_path, name: str, src, workers: int):
    engine = engine_for(str(tmp_path / name))
    stages, ordered = ingest_run.analysis_for(engine)
    summary = ingest_run.ingest(
        read_file(src), engine, stages=stages, ordered=ordered, batch_size=120, workers=workers
    )
    dispose_all()
    return summary


def test_analysis_in_workers_stores_what_one_process_stores(tmp_path, jsonl):
    src = jsonl("demo.jsonl", _demo_records(300))
    one = _ingest(tmp_path, "one.db", src, workers=1)
    two = _ingest(tmp_path, "two.db", src, workers=2)
    assert (one.new, one.copies, one.present, one.rejected) == (
        two.new,
        two.copies,
        two.present,
        two.rejected,
    )
    assert one.copies >= 1 and one.rejected == 1
    a, b = _dump(tmp_path / "one.db"), _dump(tmp_path / "two.db")
    assert "area" in a[0] and "keywords" in a[0]
    assert sum(1 for r in a[1] if r[a[0].index("area")]) >= 290  # analysed, not just stored
    assert a == b
    # re-ingest with workers adds nothing
    again = _ingest(tmp_path, "two.db", src, workers=2)
    assert (again.new, again.copies) == (0, 0) and again.present == one.new + one.copies


def test_workers_below_one_is_a_clear_error(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_text('{"id": "1", "title": "Tin"}\n', encoding="utf-8")
    db = tmp_path / "x.db"
    exe = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
    result = subprocess.run(
        [exe, "ingest", str(src), "--db", str(db), "--workers", "0"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    assert "--workers must be at least 1" in result.stderr
    assert not db.exists()  # refused before anything was opened


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def test_workers_end_when_the_ingest_is_killed(tmp_path, jsonl):
    # `kill -9` (or the OOM killer) of an `ingest --workers 2` left its pool workers waiting for tasks
    # forever, re-parented to PID 1
    import os
    import signal
    import time

    import pytest

    import tinhhinh

    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc; the workers fork on Linux")
    src = jsonl("many.jsonl", _demo_records(1000) * 3)
    env = {
        "TINHHINH_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(Path(tinhhinh.__file__).resolve().parents[1]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "tinhhinh.cli", "ingest", str(src), "--db", str(tmp_path / "k.db"), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    kids: list[int] = []
    end = time.monotonic() + 60
    while len(kids) < 2 and proc.poll() is None and time.monotonic() < end:
        time.sleep(0.05)
        kids = [int(c) for c in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    assert len(kids) >= 2, "the pool never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    end = time.monotonic() + 10
    while any(_alive(k) for k in kids) and time.monotonic() < end:
        time.sleep(0.05)
    left = [k for k in kids if _alive(k)]
    for k in left:
        os.kill(k, signal.SIGKILL)
    assert left == []
