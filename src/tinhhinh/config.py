"""Where things live.

- The database: ``--db`` > ``TINHHINH_DB`` > ``./tinhhinh.db`` (a path or a SQLAlchemy URL).
- Installation state that is not the database (secrets, trained models, settings, the fact-check
  registry): ``TINHHINH_HOME``, default the platform's user data directory.
- Corpora for training and tests: ``TINHHINH_DATA``, default ``../shared/data``.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from pathlib import Path
from typing import Any

import platformdirs

DEFAULT_DB = "tinhhinh.db"


def db_url(db: str | None = None) -> str:
    """Resolve the database location to a SQLAlchemy URL."""
    value = db or os.environ.get("TINHHINH_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def home() -> Path:
    path = Path(os.environ.get("TINHHINH_HOME") or platformdirs.user_data_dir("tinhhinh", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return Path(os.environ.get("TINHHINH_DATA") or Path.cwd().parent / "shared" / "data")


def settings() -> dict[str, Any]:
    """Installation settings from ``$TINHHINH_HOME/settings.toml`` (missing file = defaults)."""
    path = home() / "settings.toml"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def setting(dotted: str, default: Any = None) -> Any:
    node: Any = settings()
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def secret(name: str, nbytes: int = 32) -> bytes:
    """A per-installation secret kept in ``$TINHHINH_HOME/secrets/NAME`` (created on first use, mode 0600)."""
    directory = home() / "secrets"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(nbytes))
    return path.read_bytes()
