"""With the optional author setting on, nothing the system keeps or prints carries a stable per-author key."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
AUTHOR = "Nguyễn Văn Bình"


def test_no_stable_author_key_anywhere(tmp_path, _isolated_home):
    (_isolated_home / "settings.toml").write_text("[privacy]\nkeep_author_hash = true\n")
    records = [
        {
            "id": f"p{d}-{k}",
            "kind": "comment",
            "author": AUTHOR,
            "source": "facebook.com",
            "text": f"Bình luận số {k} ngày {d}: giá vàng tăng quá",
            "published_at": f"2026-03-0{d}T0{k}:00:00",
        }
        for d in range(1, 5)
        for k in range(1, 4)
    ]
    src = tmp_path / "posts.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    env = {**os.environ, "TINHHINH_HOME": str(_isolated_home)}

    def run(*a):
        return subprocess.run([EXE, *a], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)

    assert run("ingest", str(src), "--db", "x.db").returncode == 0

    con = sqlite3.connect(tmp_path / "x.db")
    hashes = {}
    for h, published in con.execute("SELECT author_hash, published_at FROM items"):
        hashes.setdefault(published[:10], set()).add(h)
    # within a day one hash (re-post detection), across days all different (no stable key)
    assert all(len(v) == 1 for v in hashes.values())
    assert len({next(iter(v)) for v in hashes.values()}) == len(hashes)
    dump = "\n".join(con.iterdump())
    assert AUTHOR not in dump
    # no table other than items has any of the hashes (nothing groups by them)
    all_hashes = {h for v in hashes.values() for h in v}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name != 'items'"):
        rows = "\n".join(map(str, con.execute(f'SELECT * FROM "{table}"').fetchall()))
        assert not any(h in rows for h in all_hashes), table

    # outputs: search JSON, analyze JSONL, stories JSON carry neither the author nor the hash
    outputs = [
        run("search", "giá vàng", "--db", "x.db", "--json").stdout,
        run("analyze", "--input", str(src), "--stories").stdout,
        run("stories", "--db", "x.db", "--since", "3650d", "--json").stdout,
    ]
    for out in outputs:
        assert out.strip()
        assert AUTHOR not in out
        assert not any(h in out for h in all_hashes)
        assert '"author' not in out


def test_a_stored_hash_cannot_be_recomputed_from_a_name_once_its_day_is_over(tmp_path, _isolated_home):
    """Audit collect #2: the salt was a permanent secret, so anyone on the installation could hash a name
    for every day and list what that person posted. Now a day's salt exists only while the day (and the
    next) lasts, and salts of older days never reach the disk."""
    import datetime as dt

    from tinhhinh import clock
    from tinhhinh.ingest import records

    (_isolated_home / "settings.toml").write_text("[privacy]\nkeep_author_hash = true\n")
    (_isolated_home / "secrets").mkdir(exist_ok=True)
    (_isolated_home / "secrets" / "author-salt").write_bytes(b"old permanent salt")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    posts = [
        {"id": "old", "author": AUTHOR, "source": "fb", "text": "Bài cũ", "published_at": "2026-03-01T08:00:00"},
        {"id": "new", "author": AUTHOR, "source": "fb", "text": "Bài mới", "published_at": now.isoformat()},
    ]  # fmt: skip
    src = tmp_path / "p.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in posts), encoding="utf-8")
    env = {**os.environ, "TINHHINH_HOME": str(_isolated_home)}
    r = subprocess.run(
        [EXE, "ingest", str(src), "--db", "p.db", "--no-analyze", "-q"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    stored = dict(sqlite3.connect(tmp_path / "p.db").execute("SELECT ext_id, author_hash FROM items"))
    assert all(stored.values())
    assert not (_isolated_home / "secrets" / "author-salt").exists()  # the old salt is destroyed
    # a back-filled day's salt never reached the disk: another process cannot recompute that hash
    assert records.author_hash(AUTHOR, dt.datetime(2026, 3, 1, 1)) != stored["old"]
    assert sorted(p.name for p in (_isolated_home / "author-salts").iterdir()) == [
        records._local_day(now.replace(tzinfo=None))
    ]
    # today the same author gets the same hash in another process (re-posts within the day) …
    assert records.author_hash(AUTHOR, now.replace(tzinfo=None)) == stored["new"]
    # … and two days later the salt is gone: the hash cannot be recomputed from the name
    with clock.replay(now.replace(tzinfo=None) + dt.timedelta(days=2)):
        assert records.author_hash(AUTHOR, now.replace(tzinfo=None)) != stored["new"]
        assert list((_isolated_home / "author-salts").iterdir()) == []
