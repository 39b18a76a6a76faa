from __future__ import annotations

import json
from pathlib import Path

import pytest

from tinhhinh.store.db import dispose_all, engine_for


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def jsonl(tmp_path):
    """Write records to a JSONL file in tmp_path: jsonl("name.jsonl", [...]) -> Path."""
    return lambda name, records: write_jsonl(tmp_path / name, records)


@pytest.fixture
def db(tmp_path):
    """A real SQLite file, created and migrated on first use."""
    path = tmp_path / "t.db"
    engine = engine_for(str(path))
    yield engine
    dispose_all()
