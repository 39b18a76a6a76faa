"""`tinhhinh stories`, `story`, `bursts` on real SQLite files: windows, undated and future-dated items,
place/area filters, new-story and copy explanations, option checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import tinhhinh
from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import analysis_for, ingest
from tinhhinh.store.db import dispose_all, engine_for

NOW = datetime(2026, 11, 20, 12, 0)  # naive UTC
SOURCES = ["vnexpress.net", "tuoitre.vn", "thanhnien.vn", "dantri.com.vn", "nld.com.vn", "vietnamnet.vn"]
FLOOD = (
    "Lũ lớn ở Huế: {n} hộ dân phải sơ tán",
    "Mưa lũ kéo dài tại Huế, chính quyền sơ tán {n} hộ dân",
)
FLOOD_BODY = (
    "Mưa lớn nhiều ngày làm nước sông Hương dâng cao, thành phố Huế sơ tán {n} hộ dân khỏi vùng trũng. "
    "Lực lượng cứu hộ dùng xuồng đưa người già và trẻ em đến nơi an toàn trong đêm."
)


def _iso(t: datetime) -> str:
    return t.isoformat() + "+00:00"


def flood(n: int, t: datetime, source: str, **extra) -> dict:
    return {
        "id": f"flood{n}",
        "source": source,
        "title": FLOOD[n % 2].format(n=100 + n % 2),
        "text": FLOOD_BODY.format(n=100 + n % 2),
        "published_at": _iso(t),
        **extra,
    }


def make_db(tmp_path: Path, records: list[dict], name: str = "t.db") -> str:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / name)
    eng = engine_for(db)
    stages, ordered = analysis_for(eng)
    ingest(read_file(path), eng, stages=stages, ordered=ordered, batch_size=50)
    dispose_all()
    return db


def cli(*args: str) -> subprocess.CompletedProcess:
    # the code under test, not whatever copy of the package the venv points at
    src = str(Path(tinhhinh.__file__).resolve().parents[1])
    env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": src}
    return subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture
def flood_db(tmp_path):
    recs = [flood(n, NOW - timedelta(minutes=5 + 20 * n), SOURCES[n % len(SOURCES)]) for n in range(6)]
    return make_db(tmp_path, recs)


@pytest.mark.parametrize(
    "args", [("stories", "--limit", "-1"), ("stories", "--limit", "0"), ("bursts", "--top", "-1")]
)
def test_counts_below_one_are_refused(flood_db, args):
    res = cli(*args, "--db", flood_db)
    assert res.returncode != 0 and res.stdout == ""
    assert "greater than or equal to 1" in res.stderr and args[1] in res.stderr
