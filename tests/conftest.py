from __future__ import annotations

from pathlib import Path

import pytest

from tinhhinh import config


@pytest.fixture
def data_dir() -> Path:
    """The shared corpora; tests that need them skip with a reason when absent."""
    path = config.data_dir()
    if not (path / "vntc").exists():
        pytest.skip(
            f"shared data not found at {path} (set TINHHINH_DATA to the folder with vntc/, vihsd/, ...)"
        )
    return path


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own TINHHINH_HOME so secrets, models and settings never leak between tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TINHHINH_HOME", str(home))
    monkeypatch.delenv("TINHHINH_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    """`tinhhinh demo` run once per test session as a real process (slow: the whole bundled corpus through
    every stage); tests that need the demo database share it."""
    import os
    import shutil
    import subprocess
    import sys
    from types import SimpleNamespace

    folder = tmp_path_factory.mktemp("demo")
    home = folder / "home"
    exe = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
    env = {**os.environ, "TINHHINH_HOME": str(home), "COLUMNS": "120"}
    result = subprocess.run(
        [exe, "demo", "--db", "demo.db"], cwd=folder, env=env, capture_output=True, text=True, timeout=1800
    )
    return SimpleNamespace(dir=folder, db=folder / "demo.db", home=home, result=result)
