from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tinhhinh.store.db import dispose_all, engine_for

sys.path.insert(0, str(Path(__file__).parent))  # helper modules beside the tests (dbdump)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def jsonl(tmp_path):
    """Write records to a JSONL file in tmp_path: jsonl("name.jsonl", [...]) -> Path."""
    return lambda name, records: write_jsonl(tmp_path / name, records)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A real database, created and migrated on first use: a SQLite file, and PostgreSQL when
    TINHHINH_TEST_PG names a server (the same tests run on both backends)."""
    if request.param == "sqlite":
        engine = engine_for(str(tmp_path / "t.db"))
    else:
        engine = engine_for(fresh_pg())
    yield engine
    dispose_all()


@pytest.fixture
def sqlite_db(tmp_path):
    """Tests about SQLite files themselves (raw bytes, WAL)."""
    engine = engine_for(str(tmp_path / "t.db"))
    yield engine
    dispose_all()


def fresh_pg() -> str:
    url = os.environ.get("TINHHINH_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL not configured (set TINHHINH_TEST_PG; .ci/run starts a server)")
    from sqlalchemy import create_engine, text

    dispose_all()
    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()
    return url
