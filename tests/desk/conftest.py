from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from desk_helpers import PASSWORD, Desk

from tinhhinh.desk import people
from tinhhinh.store import db


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
