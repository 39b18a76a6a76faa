from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tinhhinh import config

_SMALL_CAPS = dict(zip("abcdefghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", strict=True))
# first capital, first small letter, first digit (None: the style has none) of the mathematical alphanumerics
_MATH = {"bold": (0x1D400, 0x1D41A, 0x1D7CE), "sans_bold_italic": (0x1D63C, 0x1D656, None)}
DECORATIVE_STYLES = ("bold", "sans_bold_italic", "full_width", "small_caps", "underline", "strike")
_DECORATION = {"underline": "\u0332", "strike": "\u0336"}


def decorated(text: str, style: str = "bold") -> str:
    """``text`` as the "font" generators people paste posts from write it: each base letter (or digit)
    replaced by another character, the Vietnamese marks left combining after it; or (underline, strike) a
    decoration mark after every character but spaces."""
    if style in _DECORATION:
        return "".join(c if c.isspace() else c + _DECORATION[style] for c in text)
    out = []
    for ch in unicodedata.normalize("NFD", text):
        o = ord(ch)
        if style in _MATH:
            cap, small, digit = _MATH[style]
            if "A" <= ch <= "Z":
                ch = chr(cap + o - ord("A"))
            elif "a" <= ch <= "z":
                ch = chr(small + o - ord("a"))
            elif "0" <= ch <= "9" and digit is not None:
                ch = chr(digit + o - ord("0"))
        elif style == "full_width":
            ch = chr(o + 0xFEE0) if "!" <= ch <= "~" else "\u3000" if ch == " " else ch
        elif style == "small_caps":
            ch = _SMALL_CAPS.get(ch.lower(), ch)
        out.append(ch)
    return "".join(out)


@pytest.fixture
def decorate():
    """``decorated(text, style="bold")``: a post typed in decorative letters (see ``DECORATIVE_STYLES``)."""
    return decorated


def without_marks(text: str) -> str:
    """``text`` as typed without Vietnamese marks: no tone or vowel marks, đ as d, capitals kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.fixture
def unmark():
    """``without_marks(text)``: a text as typed without marks ("gia vang tang manh")."""
    return without_marks


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


@pytest.fixture
def pg_database():
    """Factory for fresh, empty PostgreSQL databases on the TINHHINH_TEST_PG server: ``pg_database()`` -> URL.

    Each call creates its own database (so tests, and the several databases one test compares, never share
    tables, and tests may run while others use the server); all are dropped when the test ends, with
    ``WITH (FORCE)`` so a connection left by a killed child process cannot keep one alive.
    Skips the test when TINHHINH_TEST_PG is not set (.ci/run sets it after starting a server).
    """
    import os
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tinhhinh.store.db import dispose_all

    base = os.environ.get("TINHHINH_TEST_PG")
    if not base:
        pytest.skip("PostgreSQL not configured (set TINHHINH_TEST_PG; .ci/run starts a server)")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def create() -> str:
        name = f"th_test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
        made.append(name)
        return make_url(base).set(database=name).render_as_string(hide_password=False)

    yield create
    dispose_all()  # engines the test opened through engine_for
    with admin.connect() as conn:
        for name in made:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def cli_process():
    """``run(args, home, cwd)``: `python -m tinhhinh.cli ARGS` as a real process with its own TINHHINH_HOME
    and a bare environment, running the code under test (also when another checkout is the installed one)."""
    import subprocess
    import sys

    import tinhhinh

    src = str(Path(tinhhinh.__file__).resolve().parents[1])

    def run(args: list[str], home: Path, cwd: Path) -> subprocess.CompletedProcess:
        env = {"TINHHINH_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": src}
        return subprocess.run(
            [sys.executable, "-m", "tinhhinh.cli", *args], capture_output=True, text=True, cwd=cwd, env=env,
            timeout=300,
        )  # fmt: skip

    return run


@pytest.fixture
def coordinator(tmp_path, monkeypatch):
    """(engine, actor): a fresh office database (tmp_path/office.db) with an admin and a coordinator, the
    person who decides flags (cheap password hashing: real argon2, small parameters)."""
    from argon2 import PasswordHasher

    from tinhhinh.desk import people
    from tinhhinh.store.db import engine_for

    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    engine = engine_for(str(tmp_path / "office.db"))
    people.add_user(engine, None, "admin", "admin", "correct horse battery")
    admin = people.authenticate(engine, "admin", "correct horse battery")
    people.add_user(engine, admin, "coord", "coordinator", "correct horse battery")
    return engine, people.authenticate(engine, "coord", "correct horse battery")
