from __future__ import annotations

from pathlib import Path

import pytest

from tinhhinh import config


@pytest.fixture
def data_dir() -> Path:
    """The shared corpora; tests that need them skip with a reason when absent."""
    path = config.data_dir()
    if not (path / "vntc").exists():
        pytest.skip(f"shared data not found at {path} (set TINHHINH_DATA to the folder with vntc/, vihsd/, ...)")
    return path


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own TINHHINH_HOME so secrets, models and settings never leak between tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TINHHINH_HOME", str(home))
    monkeypatch.delenv("TINHHINH_DB", raising=False)
    return home
