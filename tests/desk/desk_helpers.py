"""Shared helpers for the desk tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tinhhinh.desk import petitions
from tinhhinh.desk.access import Actor

PASSWORD = "correct horse battery"


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


PETITIONER = {
    "name": "Nguyễn Thị Hoa Mai",
    "address": "Số 12 đường Lê Lợi, phường Quyết Thắng",
    "phone": "0912345678",
    "email": "hoamai.nguyen@example.vn",
    "id_number": "001190012345",
}
CONTENT = "Tôi phản ánh việc bồi thường đất của gia đình bà Nguyễn Thị Hoa Mai chưa đúng quy định."


def make_petition(d: Desk, kind: str = "khieu_nai", actor: Actor | None = None, **kw) -> int:
    kw.setdefault("subject", "Bồi thường thu hồi đất dự án đường vành đai")
    kw.setdefault("received_on", dt.date(2026, 3, 2))
    kw.setdefault("petitioner", dict(PETITIONER))
    kw.setdefault("content", CONTENT)
    kw.setdefault("privacy_notice_given", True)
    kw.setdefault("sector", "land")
    return petitions.intake(d.engine, actor or d.coord, kind=kind, **kw)
