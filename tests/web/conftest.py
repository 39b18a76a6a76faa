"""Web test fixtures: a real SQLite file with agencies A and B, one account per role, a story with items
and harm flags, and signed-in TestClients (the real app, the real session and CSRF machinery)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from tinhhinh import clock
from tinhhinh.desk import people, petitions
from tinhhinh.desk.access import Actor
from tinhhinh.item import Item
from tinhhinh.store import db
from tinhhinh.store import items as item_store
from tinhhinh.store import stories as story_store
from tinhhinh.store import web_queries as wq
from tinhhinh.web.app import WebSettings, create_app

PASSWORD = "correct horse battery"
PETITIONER = {
    "name": "Nguyễn Thị Hoa Mai",
    "address": "Số 12 đường Lê Lợi, phường Quyết Thắng",
    "phone": "0912345678",
    "email": "hoamai.nguyen@example.vn",
    "id_number": "001190012345",
}
CONTENT = "Tôi phản ánh việc bồi thường đất của gia đình bà Nguyễn Thị Hoa Mai chưa đúng quy định."
STORY_ID = "st-ngap-hue"
STORY_LABEL = "Ngập lụt ở Huế sau mưa lớn"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Site:
    engine: Any
    path: Any
    users: dict[str, Actor]
    agency_a: int
    agency_b: int
    item_pks: list[int] = field(default_factory=list)
    settings: WebSettings = field(default_factory=WebSettings)

    def app(self, **settings: Any):
        return create_app(self.engine, settings=WebSettings(**{**self.settings.__dict__, **settings}))

    def client(
        self, username: str | None = None, *, app=None, base_url: str = "http://testserver"
    ) -> TestClient:
        c = TestClient(app or self.app(), base_url=base_url, follow_redirects=False)
        if username:
            login(c, username)
        return c

    def token(self, username: str) -> str:
        return wq.create_token(self.engine, self.users[username].id, "test")[1]

    def api(self, username: str) -> TestClient:
        c = TestClient(self.app(), follow_redirects=False)
        c.headers["Authorization"] = f"Bearer {self.token(username)}"
        return c

    def petition(self, kind: str = "khieu_nai", actor: str = "coord", **kw: Any) -> int:
        kw.setdefault("subject", "Bồi thường thu hồi đất dự án đường vành đai")
        kw.setdefault("received_on", clock.office_today() - dt.timedelta(days=3))
        kw.setdefault("petitioner", dict(PETITIONER))
        kw.setdefault("content", CONTENT)
        kw.setdefault("privacy_notice_given", True)
        kw.setdefault("sector", "land")
        return petitions.intake(self.engine, self.users[actor], kind=kind, **kw)


def csrf_of(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no CSRF field on the page"
    return m.group(1)


def login(c: TestClient, username: str, password: str = PASSWORD):
    page = c.get("/login")
    r = c.post("/login", data={"username": username, "password": password, "csrf": csrf_of(page.text)})
    assert r.status_code == 303, r.text
    return r


def form_post(c: TestClient, page_url: str, action: str, data: dict[str, Any] | None = None, **kw: Any):
    """POST a form the way a browser does: with the CSRF token from the page it is on."""
    page = c.get(page_url)
    assert page.status_code == 200, page.text
    return c.post(action, data={"csrf": csrf_of(page.text), **(data or {})}, **kw)


@pytest.fixture(autouse=True)
def _fast_hashes(monkeypatch):
    # Real argon2, cheap parameters: tests sign in many times.
    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def build_site(path) -> Site:
    db.dispose_all()
    engine = db.engine_for(str(path))
    people.add_user(engine, None, "admin", "admin", PASSWORD)
    admin = people.authenticate(engine, "admin", PASSWORD)
    a = people.add_agency(engine, admin, "SNNMT", "Sở Nông nghiệp và Môi trường", ["land"])
    b = people.add_agency(engine, admin, "SYT", "Sở Y tế", ["health"])
    for name, role, agency in [
        ("coord", "coordinator", None),
        ("officer_a", "officer", "SNNMT"),
        ("officer_b", "officer", "SYT"),
        ("viewer", "viewer", None),
    ]:
        people.add_user(engine, admin, name, role, PASSWORD, agency_code=agency)
    users = {
        n: people.authenticate(engine, n, PASSWORD)
        for n in ("admin", "coord", "officer_a", "officer_b", "viewer")
    }
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    batch = [
        Item(
            id="n1", source="baothuathienhue.vn", url="https://baothuathienhue.vn/ngap-1",
            title="Mưa lớn gây ngập lụt nhiều tuyến phố ở Huế",
            text="Mưa lớn kéo dài khiến nhiều tuyến phố ở thành phố Huế ngập sâu.",
            published_at=now - dt.timedelta(hours=5), story_id=STORY_ID,
        ),
        Item(
            id="n2", source="tuoitre.vn", url="https://tuoitre.vn/hue-ngap-2",
            title="Huế: nước lên nhanh, người dân di dời tài sản",
            text="Người dân Huế khẩn trương di dời tài sản khi nước lên nhanh sau mưa lớn.",
            published_at=now - dt.timedelta(hours=2), story_id=STORY_ID,
        ),
        Item(
            id="s1", source="facebook.com", kind="post", url="https://facebook.com/p/1",
            title="Nhận quà tri ân khách hàng, chuyển phí 200.000 đồng để nhận thưởng",
            text="Chúc mừng bạn trúng thưởng, chuyển khoản phí nhận thưởng 200.000 đồng vào tài khoản sau.",
            published_at=now - dt.timedelta(hours=1),
            harm=[{"type": "scam", "score": 0.93, "status": "unconfirmed", "evidence": [  # as ScamStage writes it
                {"rule": "prize", "span": [13, 25], "text": "trúng thưởng", "field": "text", "weight": 0.3},
                {"rule": "money_request", "span": [27, 39], "text": "chuyển khoản", "field": "text", "weight": 0.35},
            ]}],
        ),
    ]  # fmt: skip
    item_store.add_items(engine, batch)
    with engine.begin() as conn:
        story_store.save_rows(
            conn,
            [
                {
                    "id": STORY_ID, "label": STORY_LABEL, "size": 2,
                    "sources": {"baothuathienhue.vn": 1, "tuoitre.vn": 1},
                    "first_seen": (now - dt.timedelta(hours=5)).replace(tzinfo=dt.UTC).timestamp(),
                    "last_seen": (now - dt.timedelta(hours=2)).replace(tzinfo=dt.UTC).timestamp(),
                }
            ],
        )  # fmt: skip
        pks = [item_store.find_key(conn, it.key) for it in batch]
    return Site(engine=engine, path=path, users=users, agency_a=a, agency_b=b, item_pks=pks)


@pytest.fixture
def site(tmp_path) -> Site:
    s = build_site(tmp_path / "web.db")
    yield s
    db.dispose_all()
