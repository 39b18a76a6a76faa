"""Report tests share one small demo-like database (real ingest, real desk API), built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

sys.path.insert(0, str(Path(__file__).parent))

import fixture_db  # noqa: E402


@pytest.fixture(scope="session")
def report_db(tmp_path_factory) -> dict:
    """Path and facts of the shared database (open it with engine_for(str(path)) in each test)."""
    from tinhhinh.desk import people
    from tinhhinh.store.db import dispose_all

    root = tmp_path_factory.mktemp("reportdb")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TINHHINH_HOME", str(root / "home"))
        # real argon2, cheap parameters: the fixture creates a dozen accounts
        mp.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        built = fixture_db.build(root / "fx.db", every=15)
        dispose_all()
    return {
        "path": root / "fx.db",
        "home": root / "home",
        "end": built["end"],
        "desk_line": built["desk_line"],
    }
