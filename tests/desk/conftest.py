"""Desk test fixtures: a real SQLite file per test with agencies A and B and one account per role."""

from __future__ import annotations

import datetime as dt
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


@pytest.fixture
def desk(tmp_path) -> Desk:
    path = tmp_path / "desk.db"
    engine = db.engine_for(str(path))
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
