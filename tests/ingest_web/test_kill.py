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
import subprocess
import sys
import time
from pathlib import Path

import pytest
from localweb import Reply
from sqlalchemy import MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool
from vnsites import article, many_stories, rss

RUNTIME_COLUMNS = {"fetched_at"}
# TINHHINH_TEST_NO_ANALYZE=1 runs these without the analysis stages (isolates storage from models)
NOAN = ["--no-analyze"] if os.environ.get("TINHHINH_TEST_NO_ANALYZE") else []
SKIP_TABLES = {"alembic_version", "search_audit", "sources", "source_days", "source_pages"}
# columns holding an item's pk: compared as the item's key (pk values differ between runs on PostgreSQL)
ITEM_PK_COLUMNS = {
    "items": ("pk", "dup_of"),
    "item_search": ("pk",),
    **{f"fts_{n}_docsize": ("id",) for n in ("title_x", "title_a", "doc_x", "doc_a")},
}


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "tinhhinh"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tinhhinh.cli"]


def _url(db: str) -> str:
    """SQLAlchemy URL for reading a ``--db`` value; SQLite files are opened read-only (never created)."""
    return db if "://" in db else f"sqlite:///file:{db}?mode=ro&uri=true"


def _scalar(db: str, sql: str):
    engine = create_engine(_url(db), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


SEARCH_TABLES = ("fts_", "item_search")  # the backends' own search index layouts


def db_digest(db: str, *, search: bool = True) -> tuple[str, dict[str, int]]:
    """Hash of the database content, independent of run-time columns, of primary-key values (PostgreSQL
    sequences keep the numbers a killed transaction used) and of index segment layout.

    One code path for both backends: tables are found and read through SQLAlchemy, item pks are
    replaced by item keys, values are compared as JSON. The search index is compared per row: FTS5's
    per-row sizes on SQLite, the tsvectors on PostgreSQL; ``search=False`` leaves it out, so two
    backends can be compared with each other.
    """
    engine = create_engine(_url(db), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            key_of = dict(conn.execute(text("SELECT pk, key FROM items")).all())
            h = hashlib.sha256()
            counts: dict[str, int] = {}
            tables = sorted(
                t
                for t in inspect(conn).get_table_names()
                if t not in SKIP_TABLES and not t.startswith("sqlite_")
            )
            for name in tables:
                if not search and name.startswith(SEARCH_TABLES):
                    continue
                if name.startswith("fts_") and not name.endswith("_docsize"):
                    continue  # FTS segments depend on write history; per-row sizes below show the content
                table = Table(name, MetaData(), autoload_with=conn)
                keep = [c for c in table.columns if c.name not in RUNTIME_COLUMNS]
                rows = []
                for row in conn.execute(select(*keep)):
                    rec = dict(row._mapping)
                    for col in ITEM_PK_COLUMNS.get(name, ()):
                        if rec[col] is not None:
                            rec[col] = key_of.get(rec[col], f"missing item pk {rec[col]}")
                    rows.append(json.dumps(_numbers(rec), sort_keys=True, default=_plain, ensure_ascii=False))
                rows.sort()
                counts[name] = len(rows)
                h.update(name.encode() + b"\0" + "\n".join(rows).encode() + b"\0")
            return h.hexdigest(), counts
    finally:
        engine.dispose()


def _numbers(value):
    """1.0 and 1 as one value: a whole number in a JSON column comes back as int from SQLite (the column's
    NUMERIC affinity converts '1.0') and as float from PostgreSQL."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    return value


def _plain(value):
    return value.hex() if isinstance(value, bytes) else str(value)


def _count(db: str) -> int:
    """Items committed so far (0 while the database is not created or migrated yet)."""
    try:
        return _scalar(db, "SELECT count(*) FROM items")
    except SQLAlchemyError:
        return 0


def _kill_after_first_commit(args: list[str], db: str, env: dict, total: int) -> int:
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


def _dump_file(path: Path, stories) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n, s in enumerate(stories):
            rec = {"id": f"vt{n}", "source": "vntin.example.vn", "title": s.title, "text": "\n".join(s.body)}
            rec["published_at"] = s.iso
            rec["url"] = f"https://vntin.example.vn/{s.slug}.html?utm_source=fb"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def test_kill_ingest_then_rerun_equals_clean_run(tmp_path, env, new_db):
    stories = many_stories(150)
    src = _dump_file(tmp_path / "dump.jsonl", stories)
    clean, killed = new_db("clean"), new_db("killed")
    base = [*_cli(), "ingest", str(src), "--batch-size", "10", "-q", *NOAN]
    _run([*base, "--db", clean], env)
    _kill_after_first_commit([*base, "--db", killed], killed, env, total=len(stories))
    _run([*base, "--db", killed], env)
    clean_digest, clean_counts = db_digest(clean)
    killed_digest, killed_counts = db_digest(killed)
    assert clean_counts["items"] == len(stories)
    assert killed_counts == clean_counts
    assert killed_digest == clean_digest


def test_same_content_on_sqlite_and_postgresql(tmp_path, env, pg_database):
    """The same input through the same code stores the same content on both backends (search index
    aside: its layout is each backend's own; tests/core/test_search.py compares its answers)."""
    src = _dump_file(tmp_path / "dump.jsonl", many_stories(40, seed=7))
    lite, pg = str(tmp_path / "lite.db"), pg_database()
    for db in (lite, pg):
        _run([*_cli(), "ingest", str(src), "--batch-size", "10", "-q", "--db", db, *NOAN], env)
    lite_digest, lite_counts = db_digest(lite, search=False)
    pg_digest, pg_counts = db_digest(pg, search=False)
    assert lite_counts["items"] == 40
    assert pg_counts == lite_counts
    assert pg_digest == lite_digest


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


def test_kill_watch_once_then_rerun_equals_clean_run(tmp_path, env, site, new_db):
    urls = _serve_many(site, feeds=3, per_feed=15)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# kill test\n" + "\n".join(urls) + "\n", encoding="utf-8")
    clean, killed = new_db("clean"), new_db("killed")
    base = [*_cli(), "watch", "--feeds", str(feeds), "--once", *NOAN]
    _run([*base, "--db", clean], env)
    _kill_after_first_commit([*base, "--db", killed], killed, env, total=45)
    _run([*base, "--db", killed], env)
    clean_digest, clean_counts = db_digest(clean)
    killed_digest, killed_counts = db_digest(killed)
    assert clean_counts["items"] == 45
    assert killed_counts == clean_counts
    assert killed_digest == clean_digest
    # and the health records agree the source is fine after the rerun
    assert _scalar(killed, "SELECT max(consecutive_failures) FROM sources") == 0


def test_watch_stops_cleanly_on_sigterm(tmp_path, env, site, new_db):
    urls = _serve_many(site, feeds=3, per_feed=12)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("\n".join(urls) + "\n", encoding="utf-8")
    db = new_db("w")
    proc = subprocess.Popen(
        [*_cli(), "watch", "--feeds", str(feeds), "--every", "1m", "--db", db, *NOAN],
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
    # every stored item is complete (a batch is a transaction): page text, not a half-written row
    assert _scalar(db, "SELECT count(*) FROM items WHERE text = '' OR title = ''") == 0
