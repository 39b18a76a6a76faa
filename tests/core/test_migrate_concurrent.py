"""Several commands opening a new database at the same moment (a cron `watch` and a manual `ingest`): the
schema is created once, the others wait for it and go on (real processes, real databases)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

# each child waits for the same moment, then opens (creates and migrates) the database
_CHILD = """
import sys, time
from tinhhinh.store.db import engine_for
from sqlalchemy import text
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
engine = engine_for(sys.argv[1])
with engine.connect() as conn:
    print(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())
"""

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _open_at_once(db: str, n: int) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")]))}
    start = time.time() + 2.0  # after every interpreter has started
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, db, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(n)
    ]
    done = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_commands_opening_a_new_database_together_all_succeed(backend, tmp_path, request):
    from tinhhinh.store.db import _head_revision

    for attempt in range(3):  # the race is a matter of milliseconds: several rounds
        if backend == "sqlite":
            db = str(tmp_path / f"new{attempt}.db")
        else:
            db = request.getfixturevalue("pg_database")()
        runs = _open_at_once(db, 4)
        for run in runs:
            assert run.returncode == 0, run.stderr[-2000:]
            assert run.stdout.strip() == _head_revision()
