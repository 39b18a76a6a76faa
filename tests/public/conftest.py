"""Public-side fixtures: a real SQLite desk with two agencies, one account per role and a real app."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from tinhhinh import clock
from tinhhinh.desk import people, petitions
from tinhhinh.desk.access import Actor
from tinhhinh.store import db
from tinhhinh.web.app import WebSettings, create_app

PASSWORD = "correct horse battery"
PETITIONER = {
    "name": "Trần Văn Bình An",
    "address": "Số 45 đường Hùng Vương, phường Phú Hội",
    "phone": "0987654321",
    "email": "binhan.tran@example.vn",
    "id_number": "046090001234",
}
CONTENT = "Đề nghị xem xét việc thu hồi đất của hộ ông Trần Văn Bình An ở tổ 7 chưa đúng quy định."
SUBJECT = "Thu hồi đất dự án mở rộng quốc lộ"


@dataclass
class Desk:
    engine: Any
    users: dict[str, Actor]
    agency_a: int
    agency_b: int
    personal = PETITIONER
    content = CONTENT
    subject = SUBJECT

    @property
    def home(self):
        import os
        from pathlib import Path

        return Path(os.environ["TINHHINH_HOME"])

    def app(self):
        return create_app(self.engine, settings=WebSettings())

    def client(self, app=None) -> TestClient:
        return TestClient(app or self.app(), follow_redirects=False)

    def petition(self, kind: str = "kien_nghi_phan_anh", actor: str = "coord", **kw: Any):
        kw.setdefault("subject", SUBJECT)
        kw.setdefault("received_on", clock.office_today() - dt.timedelta(days=2))
        kw.setdefault("petitioner", dict(PETITIONER))
        kw.setdefault("content", CONTENT)
        kw.setdefault("privacy_notice_given", True)
        kw.setdefault("sector", "land")
        return petitions.intake(self.engine, self.users[actor], kind=kind, **kw)


@pytest.fixture(autouse=True)
def _fast_hashes(monkeypatch):
    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def build_desk(url: str) -> Desk:
    db.dispose_all()
    engine = db.engine_for(url)
    people.add_user(engine, None, "admin", "admin", PASSWORD)
    admin = people.authenticate(engine, "admin", PASSWORD)
    a = people.add_agency(engine, admin, "SNNMT", "Sở Nông nghiệp và Môi trường", ["land"])
    b = people.add_agency(engine, admin, "SYT", "Sở Y tế", ["health"])
    for name, role, agency in [
        ("coord", "coordinator", None),
        ("officer_a", "officer", "SNNMT"),
        ("officer_b", "officer", "SYT"),
    ]:
        people.add_user(engine, admin, name, role, PASSWORD, agency_code=agency, full_name=f"Cán bộ {name}")
    users = {
        n: people.authenticate(engine, n, PASSWORD) for n in ("admin", "coord", "officer_a", "officer_b")
    }
    return Desk(engine=engine, users=users, agency_a=a, agency_b=b)


@pytest.fixture
def desk(tmp_path) -> Desk:
    d = build_desk(str(tmp_path / "public.db"))
    yield d
    db.dispose_all()
