"""Desk test fixtures: a real SQLite file per test with agencies A and B and one account per role."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher

from tinhhinh.desk import people, petitions
from tinhhinh.desk.access import Actor
from tinhhinh.store import db

PASSWORD = "correct horse battery"
PETITIONER = {
    "name": "Nguyễn Thị Hoa Mai",
    "address": "Số 12 đường Lê Lợi, phường Quyết Thắng",
    "phone": "0912345678",
    "email": "hoamai.nguyen@example.vn",
    "id_number": "001190012345",
}
CONTENT = "Tôi phản ánh việc bồi thường đất của gia đình bà Nguyễn Thị Hoa Mai chưa đúng quy định."


@dataclass
class Desk:
    engine: object
    path: object
    admin: Actor
    coord: Actor
    coord2: Actor
    officer_a: Actor
    officer_a2: Actor
    officer_b: Actor
    viewer: Actor
    agency_a: int
    agency_b: int

    PASSWORD = PASSWORD
    PETITIONER = PETITIONER
    CONTENT = CONTENT

    def petition(self, kind: str = "khieu_nai", actor: Actor | None = None, **kw) -> int:
        kw.setdefault("subject", "Bồi thường thu hồi đất dự án đường vành đai")
        kw.setdefault("received_on", dt.date(2026, 3, 2))
        kw.setdefault("petitioner", dict(PETITIONER))
        kw.setdefault("content", CONTENT)
        kw.setdefault("privacy_notice_given", True)
        kw.setdefault("sector", "land")
        return petitions.intake(self.engine, actor or self.coord, kind=kind, **kw)


@pytest.fixture(autouse=True)
def _fast_hashes(monkeypatch):
    # Real argon2, cheap parameters: tests create many accounts.
    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def pytest_generate_tests(metafunc):
    """Tests named in their module's BOTH_BACKENDS run on SQLite and, when TINHHINH_TEST_PG names a server,
    on PostgreSQL too (a chosen few: each PostgreSQL setup re-creates the schema)."""
    if "backend" in metafunc.fixturenames:
        both = metafunc.function.__name__ in getattr(metafunc.module, "BOTH_BACKENDS", ())
        metafunc.parametrize("backend", ["sqlite", "postgresql"] if both else ["sqlite"])


def _fresh_pg() -> str:
    url = os.environ.get("TINHHINH_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL not configured (set TINHHINH_TEST_PG; .ci/run starts a server)")
    from sqlalchemy import create_engine, text

    db.dispose_all()
    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()
    return url


@pytest.fixture
def desk(tmp_path, backend) -> Desk:
    path = tmp_path / "desk.db"
    engine = db.engine_for(str(path) if backend == "sqlite" else _fresh_pg())
    people.add_user(engine, None, "admin", "admin", PASSWORD)
    admin = people.authenticate(engine, "admin", PASSWORD)
    a = people.add_agency(engine, admin, "SNNMT", "Sở Nông nghiệp và Môi trường", ["land", "environment"])
    b = people.add_agency(engine, admin, "SYT", "Sở Y tế", ["health"])
    for name, role, agency in [
        ("coord", "coordinator", None),
        ("coord2", "coordinator", None),
        ("officer_a", "officer", "SNNMT"),
        ("officer_a2", "officer", "SNNMT"),
        ("officer_b", "officer", "SYT"),
        ("viewer", "viewer", None),
    ]:
        people.add_user(engine, admin, name, role, PASSWORD, agency_code=agency)
    actors = {
        n: people.authenticate(engine, n, PASSWORD)
        for n in ("coord", "coord2", "officer_a", "officer_a2", "officer_b", "viewer")
    }
    yield Desk(engine, path, admin, agency_a=a, agency_b=b, **actors)
    db.dispose_all()
