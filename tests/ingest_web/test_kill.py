"""Kill tests: SIGKILL a real `tinhhinh ingest` / `tinhhinh watch --once` after a batch has
committed, run it again, and the database holds exactly what one clean run stores.

Compared: every row of every content table (items incl. analysis fields, and whatever the ordered
stages keep), plus the search index's per-row sizes. Left out: run-time columns (fetched_at) and
the sources health tables, which by design record that a run was interrupted.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from localweb import Reply
from vnsites import article, many_stories, rss

RUNTIME_COLUMNS = {"fetched_at"}
# TINHHINH_TEST_NO_ANALYZE=1 runs these without the analysis stages (isolates storage from models)
NOAN = ["--no-analyze"] if os.environ.get("TINHHINH_TEST_NO_ANALYZE") else []
SKIP_TABLES = {"alembic_version", "search_audit", "sources", "source_days", "source_pages"}


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "tinhhinh"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tinhhinh.cli"]


def db_digest(path: Path) -> tuple[str, dict[str, int]]:
    """Hash of the database content, independent of run-time columns and of index segment layout."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        key_of = dict(conn.execute("SELECT pk, key FROM items"))
        h = hashlib.sha256()
        counts: dict[str, int] = {}
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if r[0] not in SKIP_TABLES and not r[0].startswith("sqlite_")
        ]
        for table in tables:
            if table.startswith("fts_") and not table.endswith("_docsize"):
                continue  # FTS segments depend on write history; per-row sizes below show the content
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in cols if c not in RUNTIME_COLUMNS]
            rows = []
            for row in conn.execute(f"SELECT {', '.join(keep) or 'rowid'} FROM {table}"):
                rec = dict(zip(keep, row, strict=True))
                if table == "items":
                    rec.pop("pk")
                    rec["dup_of"] = key_of.get(rec["dup_of"]) if rec["dup_of"] is not None else None
                if table.endswith("_docsize"):
                    rec["id"] = key_of.get(rec["id"])
                rows.append(json.dumps(rec, sort_keys=True, default=str, ensure_ascii=False))
            rows.sort()
            counts[table] = len(rows)
            h.update(table.encode() + b"\0" + "\n".join(rows).encode() + b"\0")
        return h.hexdigest(), counts
    finally:
        conn.close()


def _count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM items").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created/migrated yet


def _kill_after_first_commit(args: list[str], db: Path, env: dict, total: int) -> int:
    """Start the command, SIGKILL it as soon as items are committed; return the count seen then."""
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    seen = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            seen = _count(db)
            if seen > 0:
                break
            time.sleep(0.01)
        assert proc.poll() is None, (
            f"finished before it could be killed: {proc.stderr.read().decode()[-2000:]}"
        )
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert 0 < seen < total, f"the kill must land mid-run ({seen} of {total} stored)"
    return seen


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text(
        '[collect]\ncontact = "kill-test@example.vn"\n[collect.http]\nhost_delay = 0\nretries = 0\n',
        encoding="utf-8",
    )
    return {**os.environ, "TINHHINH_HOME": str(home), "COLUMNS": "200"}


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_kill_ingest_then_rerun_equals_clean_run(tmp_path, env):
    stories = many_stories(150)
    src = tmp_path / "dump.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for n, s in enumerate(stories):
            rec = {"id": f"vt{n}", "source": "vntin.example.vn", "title": s.title, "text": "\n".join(s.body)}
            rec["published_at"] = s.iso
            rec["url"] = f"https://vntin.example.vn/{s.slug}.html?utm_source=fb"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    base = [*_cli(), "ingest", str(src), "--batch-size", "10", "-q", *NOAN]
    _run([*base, "--db", str(clean)], env)
    _kill_after_first_commit([*base, "--db", str(killed)], killed, env, total=len(stories))
    _run([*base, "--db", str(killed)], env)
    clean_digest, clean_counts = db_digest(clean)
    killed_digest, killed_counts = db_digest(killed)
    assert clean_counts["items"] == len(stories)
    assert killed_counts == clean_counts
    assert killed_digest == clean_digest


def _serve_many(site, feeds: int, per_feed: int) -> list[str]:
    urls = []
    for f in range(feeds):
        stories = many_stories(per_feed, seed=f + 1)
        path = f"/rss/chuyen-muc-{f}.rss"
        site.routes[path] = Reply(
            rss(site.base, stories).encode(), content_type="application/rss+xml; charset=utf-8"
        )
        for s in stories:
            # a little latency per page so the run lasts long enough to be interrupted
            site.routes[f"/thoi-su/{s.slug}.html"] = Reply(article(s).encode(), delay=0.01)
        urls.append(site.url(path))
    return urls


def test_kill_watch_once_then_rerun_equals_clean_run(tmp_path, env, site):
    urls = _serve_many(site, feeds=3, per_feed=15)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# kill test\n" + "\n".join(urls) + "\n", encoding="utf-8")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    base = [*_cli(), "watch", "--feeds", str(feeds), "--once", *NOAN]
    _run([*base, "--db", str(clean)], env)
    _kill_after_first_commit([*base, "--db", str(killed)], killed, env, total=45)
    _run([*base, "--db", str(killed)], env)
    clean_digest, clean_counts = db_digest(clean)
    killed_digest, killed_counts = db_digest(killed)
    assert clean_counts["items"] == 45
    assert killed_counts == clean_counts
    assert killed_digest == clean_digest
    # and the health records agree the source is fine after the rerun
    conn = sqlite3.connect(killed)
    assert conn.execute("SELECT max(consecutive_failures) FROM sources").fetchone()[0] == 0
    conn.close()


def test_watch_stops_cleanly_on_sigterm(tmp_path, env, site):
    urls = _serve_many(site, feeds=3, per_feed=12)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("\n".join(urls) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    proc = subprocess.Popen(
        [*_cli(), "watch", "--feeds", str(feeds), "--every", "1m", "--db", str(db), *NOAN],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while _count(db) == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read()[-3000:]
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr
    assert "stopping after the current batch" in stderr
    assert "stopped on request" in stderr
    stored = _count(db)
    assert 0 < stored < 36  # the batch in flight was finished, the remaining feeds were not started
    conn = sqlite3.connect(db)
    # every stored item is complete (a batch is a transaction): page text, not a half-written row
    assert conn.execute("SELECT count(*) FROM items WHERE text = '' OR title = ''").fetchone()[0] == 0
    conn.close()
