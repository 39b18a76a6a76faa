"""What a case, a flag decision and a search hit say about the record behind them (audit of the web app,
defects 4, 5, 7, 8, 10 and 11): a case names what it is about and links to it, a stale flag decision is a
409, search folds copies and pages through every hit, the case page shows its history, a second "open a
case" leads to the open one, and API times carry +07:00."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from tinhhinh.desk import cases
from tinhhinh.harm import flags
from tinhhinh.item import Item
from tinhhinh.store import items as item_store
from tinhhinh.store.flags import flags as flag_table

from .conftest import STORY_ID, csrf_of, form_post

POST_TEXT = (
    "Chúc mừng bạn trúng thưởng xe máy, chuyển khoản phí nhận thưởng 500.000 đồng vào tài khoản "
    "0123456789 trước 17 giờ hôm nay để nhận quà."
)
SCAM = [
    {"type": "scam", "score": 0.88, "status": "unconfirmed", "evidence": [
        {"rule": "prize", "span": [13, 25], "text": "trúng thưởng", "field": "text", "weight": 0.3},
        {"rule": "money_request", "span": [35, 47], "text": "chuyển khoản", "field": "text", "weight": 0.35},
    ]},
]  # fmt: skip


def _post(site, **kw) -> int:
    """A post without a title (as most posts are), with a scam flag unless told otherwise."""
    kw.setdefault("harm", SCAM)
    it = Item(
        id=kw.pop("id", "p1"), source="facebook.com", kind="post", url=kw.pop("url", "https://facebook.com/p/9"),
        text=kw.pop("text", POST_TEXT), published_at=dt.datetime(2026, 11, 27, 2, 30), **kw,
    )  # fmt: skip
    item_store.add_items(site.engine, [it])
    with site.engine.connect() as conn:
        return item_store.find_key(conn, it.key)


def _flag_of(site, pk: int) -> dict:
    return next(f for f in flags.list_flags(site.engine) if f["item_pk"] == pk)


def _version_in(html: str, action: str) -> str:
    return re.search(rf'action="{re.escape(action)}".*?name="version" value="(\d+)"', html, re.S).group(1)


def test_a_case_from_a_confirmed_flag_says_what_the_post_said_and_links_to_it(site):
    # Was: "Dấu hiệu lừa đảo: item #2898", no description, and "harm: 2898:0" as plain text.
    pk = _post(site)
    flag = _flag_of(site, pk)
    c = site.client("coord")
    form_post(
        c, "/flags", f"/flags/{flag['id']}", {"decision": "confirm", "note": "đã báo công an", "version": "1"}
    )
    r = form_post(c, "/flags", f"/flags/{flag['id']}/case")
    case_id = int(r.headers["location"].rsplit("/", 1)[1])
    case = cases.get_case(site.engine, site.users["coord"], case_id)
    assert case["title"].startswith("Dấu hiệu lừa đảo: Chúc mừng bạn trúng thưởng xe máy")
    assert "item #" not in case["title"]
    d = case["description"]
    assert f"Cảnh báo #{flag['id']}: Dấu hiệu lừa đảo (điểm 0.88)" in d
    assert (
        "«trúng thưởng»: trúng thưởng, quà tặng" in d and "«chuyển khoản»: yêu cầu chuyển hoặc nộp tiền" in d
    )
    assert "Xác nhận: coord" in d and "đã báo công an" in d
    assert "Nguồn: facebook.com · 2026-11-27 09:30 (giờ Việt Nam)" in d
    assert "Đường dẫn: https://facebook.com/p/9" in d
    page = c.get(f"/cases/{case_id}").text
    assert "harm:" not in page and f"{pk}:0" not in page
    assert re.search(
        r'Bài có cảnh báo:\s*<a href="https://facebook.com/p/9"[^>]*>Chúc mừng bạn trúng thưởng', page
    )


def test_a_case_from_a_search_hit_without_a_title_is_named_by_its_first_words(site):
    pk = _post(site, harm=[])
    c = site.client("coord")
    r = form_post(c, "/search", f"/items/{pk}/case")
    case = cases.get_case(site.engine, site.users["coord"], int(r.headers["location"].rsplit("/", 1)[1]))
    assert case["title"] == "Chúc mừng bạn trúng thưởng xe máy, chuyển khoản phí nhận thưởng 500.000 đồng…"
    assert "Nguồn: facebook.com" in case["description"] and "https://facebook.com/p/9" in case["description"]
    page = c.get(f"/cases/{case['id']}").text
    assert re.search(r'Bài viết:\s*<a href="https://facebook.com/p/9"', page) and "item:" not in page


def test_a_stale_flag_decision_is_a_409_and_keeps_the_colleagues_decision_and_note(site):
    # Was: CA's "Bác bỏ" on a page loaded before coord confirmed silently replaced the confirmation.
    pk = _post(site)
    flag = _flag_of(site, pk)
    coord, ca = site.client("coord"), site.client("officer_a")
    ca_page = ca.get("/flags").text  # loaded before coord decides
    coord_page = coord.get("/flags").text
    seen = _version_in(coord_page, f"/flags/{flag['id']}")
    r = coord.post(f"/flags/{flag['id']}", data={"csrf": csrf_of(coord_page), "decision": "confirm",
                                                 "note": "Xác nhận: lừa đảo", "version": seen})  # fmt: skip
    assert r.status_code == 303
    stale = ca.post(f"/flags/{flag['id']}", data={"csrf": csrf_of(ca_page), "decision": "dismiss",
                                                  "version": _version_in(ca_page, f"/flags/{flag['id']}")})  # fmt: skip
    assert stale.status_code == 409
    with site.engine.connect() as conn:
        row = conn.execute(
            select(flag_table.c.status, flag_table.c.decided_by, flag_table.c.note).where(
                flag_table.c.id == flag["id"]
            )
        ).one()
    assert tuple(row) == ("confirmed", "coord", "Xác nhận: lừa đảo")
    # the API too: the version read is required, a stale one is a 409
    api = site.api("officer_a")
    assert api.post(f"/api/v1/flags/{flag['id']}", json={"decision": "dismiss"}).status_code == 422
    r = api.post(f"/api/v1/flags/{flag['id']}", json={"decision": "dismiss", "version": 1})
    assert r.status_code == 409 and "confirmed by coord" in r.json()["error"]
    # with the current version a person may still change the decision on purpose
    ok = api.post(f"/api/v1/flags/{flag['id']}", json={"decision": "dismiss", "version": 2, "note": "nhầm"})
    assert ok.status_code == 200 and ok.json()["version"] == 3


def test_web_search_folds_copies_counts_every_hit_and_pages_through_them(site):
    # Was: every syndicated copy a hit of its own, "Kết quả: 50" at most, no next page, empty <h2> for posts.
    base = dt.datetime(2026, 11, 20, 1)
    batch = []
    for n in range(45):
        batch.append(Item(id=f"vx{n}", source=f"bao{n}.vn", url=f"https://bao{n}.vn/vac-xin",
                          title=f"Tiêm vắc xin sởi đợt {n} cho trẻ em", text=f"Chiến dịch tiêm vắc xin sởi đợt {n}.",
                          published_at=base + dt.timedelta(hours=n)))  # fmt: skip
    item_store.add_items(site.engine, batch)
    with site.engine.begin() as conn:
        pks = [item_store.find_key(conn, it.key) for it in batch]
        # five papers ran a copy of the first article
        for pk in pks[1:6]:
            conn.execute(item_store.items.update().where(item_store.items.c.pk == pk).values(dup_of=pks[0]))
    _post(site, id="vx-post", text="Cho con tiêm vắc xin sởi ở trạm y tế phường hôm nay, mọi người nhớ đưa bé đi.",
          harm=[])  # fmt: skip
    c = site.client("officer_a")
    first = form_post(c, "/search", "/search", {"q": "vac xin soi"}).text
    assert "Kết quả: 46 · trong đó 5 bản sao được gộp dưới bài gốc · trang 1/3" in first
    assert first.count('<h2 class="hit">') == 20
    assert "Cùng nội dung được đăng lại: thêm 5 tin" in first
    assert '<h2 class="hit"></h2>' not in first
    third = form_post(c, "/search", "/search", {"q": "vac xin soi", "page": "3"}).text
    assert third.count('<h2 class="hit">') == 1 and 'name="page" value="2"' in third
    assert (
        "Cho con tiêm vắc xin sởi ở trạm y tế phường" in third.split('<h2 class="hit">')[1].split("</h2>")[0]
    )


def test_the_case_page_and_api_show_the_history_with_who_when_and_the_response(site):
    case_id = cases.open_from_story(site.engine, site.users["coord"], STORY_ID, title="Ngập ở Huế",
                                    agency_id=site.agency_a)  # fmt: skip
    steps = [("officer_a", "in_progress", None),
             ("officer_a", "responded", "Đã phối hợp gỡ bài, cảnh báo người dân qua loa phường."),
             ("coord", "closed", None), ("coord", "reopened", "Người dân phản ánh bài vẫn còn")]  # fmt: skip
    for version, (who, to, reason) in enumerate(steps, start=1):
        cases.transition(site.engine, site.users[who], case_id, to, expected_version=version, reason=reason)
    page = site.client("officer_a").get(f"/cases/{case_id}").text
    history = page.split('<ol class="history">')[1].split("</ol>")[0]
    assert "Đã phối hợp gỡ bài, cảnh báo người dân qua loa phường." in history
    assert history.count("officer_a") == 2 and history.count("coord") == 3
    assert "Mở hồ sơ" in history and "Trả lời → Đã trả lời" in history
    api = site.api("officer_a").get(f"/api/v1/cases/{case_id}").json()
    moves = [h for h in api["history"] if h["action"] == "transition"]
    assert [(h["by"], h["to"]) for h in moves] == [(w, t) for w, t, _r in steps]
    assert moves[1]["reason"].startswith("Đã phối hợp") and moves[1]["at"].endswith("+07:00")


def test_opening_a_case_twice_on_a_story_or_an_item_leads_to_the_open_case(site):
    # Was: two POSTs gave /cases/18 and /cases/19; the story page never said a case existed.
    c = site.client("coord")
    data = {"title": "Ngập lụt ở Huế"}
    one = form_post(c, f"/stories/{STORY_ID}", f"/stories/{STORY_ID}/case", data).headers["location"]
    assert one.startswith("/cases/") and "?" not in one
    case_id = int(one.rsplit("/", 1)[1])
    story_page = c.get(f"/stories/{STORY_ID}").text
    assert f'<a href="/cases/{case_id}">#{case_id}: Ngập lụt ở Huế</a>' in story_page
    again = c.post(f"/stories/{STORY_ID}/case", data={"csrf": csrf_of(story_page), **data})
    assert again.headers["location"] == f"/cases/{case_id}?existing=1"
    assert "Đã có hồ sơ đang mở về nội dung này" in c.get(again.headers["location"]).text
    api = site.api("coord")
    r = api.post(f"/api/v1/stories/{STORY_ID}/case", json={})
    assert r.status_code == 200 and r.json() == {"id": case_id, "existing": True}
    pk = site.item_pks[0]
    first = api.post(f"/api/v1/items/{pk}/case", json={})
    assert first.status_code == 201
    second = form_post(c, "/search", f"/items/{pk}/case").headers["location"]
    assert second == f"/cases/{first.json()['id']}?existing=1"
    hits = form_post(c, "/search", "/search", {"q": "ngap lut hue"}).text
    assert f'<a href="/cases/{first.json()["id"]}">' in hits
    # a closed case no longer counts: a new one may be opened
    cases.transition(
        site.engine, site.users["coord"], case_id, "rejected", expected_version=1, reason="trùng"
    )
    assert api.post(f"/api/v1/stories/{STORY_ID}/case", json={}).status_code == 201


def test_api_times_carry_the_vietnam_offset_with_the_same_field_names(site):
    # Was: cases and stories gave naive UTC ("2026-11-28T02:42:15") while flags gave +07:00.
    api = site.api("coord")
    case_id = api.post("/api/v1/cases", json={"title": "Sạt lở", "due_date": "2026-12-30"}).json()["id"]
    case = api.get(f"/api/v1/cases/{case_id}").json()
    raw = cases.get_case(site.engine, site.users["coord"], case_id)
    assert case["created_at"] == dt.datetime.fromisoformat(raw["created_at"]).replace(
        tzinfo=dt.UTC
    ).astimezone(dt.timezone(dt.timedelta(hours=7))).isoformat(timespec="seconds")
    assert case["updated_at"].endswith("+07:00") and case["due_date"] == "2026-12-30"
    listed = api.get("/api/v1/cases").json()["items"][0]
    assert listed["created_at"].endswith("+07:00")
    story = api.get(f"/api/v1/stories/{STORY_ID}").json()
    assert story["first_seen"].endswith("+07:00") and story["items"][0]["published_at"].endswith("+07:00")
    assert all(s["last_seen"].endswith("+07:00") for s in api.get("/api/v1/stories").json()["items"])
    pid = site.petition()
    assert api.get(f"/api/v1/petitions/{pid}").json()["privacy_notice_at"].endswith("+07:00")
    assert api.get("/api/v1/petitions").json()["items"][0]["privacy_notice_at"].endswith("+07:00")
