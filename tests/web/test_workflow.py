"""The desk's daily work through the pages and the API: cases, petitions, stories, flags, search, conflicts."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from tinhhinh import clock
from tinhhinh.desk import cases
from tinhhinh.item import Item
from tinhhinh.store import items as item_store
from tinhhinh.store.schema import search_audit

from .conftest import CONTENT, PETITIONER, STORY_ID, STORY_LABEL, csrf_of, form_post


def _case_id(r) -> int:
    assert r.status_code == 303, r.text
    m = re.fullmatch(r"/cases/(\d+)", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def _move(c, case_id: int, to: str, **extra) -> int:
    page = c.get(f"/cases/{case_id}")
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    r = c.post(
        f"/cases/{case_id}/transition",
        data={"csrf": csrf_of(page.text), "to": to, "version": version, **extra},
    )
    return r.status_code


def test_case_from_story_full_workflow_on_pages(site):
    c = site.client("coord")
    story = c.get(f"/stories/{STORY_ID}")
    assert STORY_LABEL in story.text and "Mưa lớn gây ngập lụt" in story.text
    case_id = _case_id(
        c.post(
            f"/stories/{STORY_ID}/case",
            data={"csrf": csrf_of(story.text), "title": STORY_LABEL, "agency_id": ""},
        )
    )
    page = c.get(f"/cases/{case_id}").text
    assert f"/stories/{STORY_ID}" in page and 'id="case-status">Mới<' in page
    assert _move(c, case_id, "assigned", agency_id=str(site.agency_a)) == 303
    # The officer of agency A now has it on "my work"; B does not.
    officer = site.client("officer_a")
    assert STORY_LABEL in officer.get("/").text
    assert STORY_LABEL not in site.client("officer_b").get("/").text
    assert _move(officer, case_id, "in_progress") == 303
    assert (
        form_post(
            officer, f"/cases/{case_id}", f"/cases/{case_id}/comment", {"body": "Đã liên hệ UBND phường"}
        ).status_code
        == 303
    )
    r = form_post(officer, f"/cases/{case_id}", f"/cases/{case_id}/attach",
                  files={"file": ("tra-loi.pdf", b"%PDF-1.4 tra loi", "application/pdf")})  # fmt: skip
    assert r.status_code == 303
    bad = form_post(officer, f"/cases/{case_id}", f"/cases/{case_id}/attach",
                    files={"file": ("virus.pdf", b"MZ\x90\x00", "application/pdf")})  # fmt: skip
    assert bad.status_code == 422
    assert _move(officer, case_id, "responded", reason="Đã trả lời trên cổng thông tin") == 303
    assert _move(officer, case_id, "closed") == 303
    # Reopen needs a reason (422 without, 303 with).
    assert _move(c, case_id, "reopened") == 422
    assert _move(c, case_id, "reopened", reason="Người dân phản ánh tiếp") == 303
    assert _move(c, case_id, "transferred", agency_id=str(site.agency_b), reason="Thuộc lĩnh vực y tế") == 303
    view = cases.get_case(site.engine, site.users["coord"], case_id)
    assert view["status"] == "transferred" and view["agency_id"] == site.agency_b
    assert [cm["body"] for cm in view["comments"]] == ["Đã liên hệ UBND phường"]
    att = view["attachments"][0]
    dl = site.client("officer_b").get(f"/attachments/{att['id']}")
    assert (
        dl.status_code == 200
        and dl.content.startswith(b"%PDF")
        and "attachment;" in dl.headers["content-disposition"]
    )
    assert site.client("officer_a").get(f"/attachments/{att['id']}").status_code == 404  # moved to B


def test_case_edit_form_uses_the_version_it_read(site):
    case_id = cases.open_case(site.engine, site.users["coord"], title="Sửa hồ sơ", agency_id=site.agency_a)
    c = site.client("officer_a")
    page = c.get(f"/cases/{case_id}")
    data = {"csrf": csrf_of(page.text), "version": "1", "title": "Sửa hồ sơ (đã cập nhật)", "priority": "urgent",
            "due_date": "2026-12-01", "description": "Thêm mô tả"}  # fmt: skip
    assert c.post(f"/cases/{case_id}/edit", data=data).status_code == 303
    assert c.post(f"/cases/{case_id}/edit", data={**data, "title": "Ghi đè"}).status_code == 409
    view = cases.get_case(site.engine, site.users["coord"], case_id)
    assert (view["title"], view["priority"], view["due_date"]) == (
        "Sửa hồ sơ (đã cập nhật)",
        "urgent",
        "2026-12-01",
    )


def test_stale_form_gets_409_never_a_silent_overwrite(site):
    case_id = cases.open_case(
        site.engine, site.users["coord"], title="Hai người cùng sửa", agency_id=site.agency_a
    )
    one, two = site.client("coord"), site.client("officer_a")
    page_one, page_two = one.get(f"/cases/{case_id}"), two.get(f"/cases/{case_id}")
    r1 = one.post(
        f"/cases/{case_id}/transition",
        data={"csrf": csrf_of(page_one.text), "to": "in_progress", "version": "1"},
    )
    assert r1.status_code == 303
    r2 = two.post(f"/cases/{case_id}/transition",
                  data={"csrf": csrf_of(page_two.text), "to": "rejected", "version": "1", "reason": "trùng"})  # fmt: skip
    # the case page again, as it is now, with the typed reason kept and the conflict said in Vietnamese
    # (it used to be an error page with the domain's English "version 1")
    assert r2.status_code == 409
    assert "Người khác đã thay đổi hồ sơ này" in r2.text and "phiên bản 1, nay là 2" in r2.text
    assert ">trùng</textarea>" in r2.text and 'name="version" value="2"' in r2.text
    assert cases.get_case(site.engine, site.users["coord"], case_id)["status"] == "in_progress"


def test_api_conflicts_pagination_and_case_flow(site):
    api = site.api("coord")
    for i in range(5):
        r = api.post("/api/v1/cases", json={"title": f"Vụ việc {i}", "agency_id": site.agency_a})
        assert r.status_code == 201
    page = api.get("/api/v1/cases", params={"page": 2, "per_page": 2}).json()
    assert (
        page["total"] == 5
        and page["page"] == 2
        and [x["title"] for x in page["items"]] == ["Vụ việc 2", "Vụ việc 3"]
    )
    assert api.get("/api/v1/cases", params={"per_page": 1000}).status_code == 422
    # a mistyped filter is an error, not an empty list that reads as "nothing there"
    bad = api.get("/api/v1/cases", params={"status": "in-progress"})
    assert bad.status_code == 422 and "unknown case status" in bad.json()["error"]
    assert api.get("/api/v1/petitions", params={"kind": "khiếu nại"}).status_code == 200
    assert api.get("/api/v1/petitions", params={"kind": "complaint"}).status_code == 422
    case_id = page["items"][0]["id"]
    first = api.patch(f"/api/v1/cases/{case_id}", json={"version": 1, "priority": "high"})
    assert first.status_code == 200 and first.json()["version"] == 2
    second = api.patch(f"/api/v1/cases/{case_id}", json={"version": 1, "priority": "low"})
    assert second.status_code == 409 and "changed by someone else" in second.json()["error"]
    moved = api.post(f"/api/v1/cases/{case_id}/transition", json={"to": "in_progress", "version": 1})
    assert moved.status_code == 409
    assert (
        api.post(f"/api/v1/cases/{case_id}/transition", json={"to": "in_progress", "version": 2}).json()[
            "version"
        ]
        == 3
    )
    assert (
        api.post(f"/api/v1/cases/{case_id}/transition", json={"to": "closed", "version": 3}).status_code
        == 422
    )
    assert api.get(f"/api/v1/cases/{case_id}").json()["priority"] == "high"
    assert api.post(f"/api/v1/stories/{STORY_ID}/case", json={}).status_code == 201
    stories = api.get("/api/v1/stories").json()
    assert stories["total"] == 1 and stories["items"][0]["label"] == STORY_LABEL


def test_petition_intake_form_requires_the_privacy_notice(site):
    c = site.client("officer_a")
    page = c.get("/petitions/new")
    assert "Thông báo xử lý dữ liệu cá nhân" in page.text and "Nghị định 13/2023/NĐ-CP" in page.text
    data = {
        "kind": "kien_nghi_phan_anh",
        "subject": "Đèn đường hỏng",
        "received_on": "2026-11-20",
        **PETITIONER,
        "content": CONTENT,
    }
    r = c.post("/petitions", data={"csrf": csrf_of(page.text), **data})
    assert r.status_code == 422 and "Hãy đánh dấu đã thông báo về bảo vệ dữ liệu cá nhân" in r.text
    future = {**data, "received_on": "2099-01-01", "privacy_notice_given": "yes"}
    r = c.post("/petitions", data={"csrf": csrf_of(page.text), **future})
    assert r.status_code == 422 and "muộn hơn hôm nay" in r.text
    r = c.post("/petitions", data={"csrf": csrf_of(page.text), **data, "privacy_notice_given": "yes"})
    assert r.status_code == 303  # Post/Redirect/Get: the receipt is a page of its own
    r = c.get(r.headers["location"])
    assert r.status_code == 200 and "data-receipt" in r.text  # the citizen's receipt code, shown once
    pid = int(re.search(r'href="/petitions/(\d+)"', r.text).group(1))
    shown = c.get(f"/petitions/{pid}").text
    assert PETITIONER["email"] in shown and CONTENT in shown
    # Officer intake is forced to the officer's own agency.
    assert site.api("officer_a").get(f"/api/v1/petitions/{pid}").json()["agency_id"] == site.agency_a


def test_api_refuses_blank_or_null_case_titles_and_a_no_op_keeps_the_version(site):
    api = site.api("coord")
    cid = api.post("/api/v1/cases", json={"title": "Sạt lở bờ sông"}).json()["id"]
    v = api.get(f"/api/v1/cases/{cid}").json()["version"]
    for title in ("   ", None):
        r = api.patch(f"/api/v1/cases/{cid}", json={"version": v, "title": title})
        assert r.status_code == 422 and r.json() == {
            "error": "a case needs a title: it cannot be blank or null",
            "status": 422,
        }
    r = api.patch(f"/api/v1/cases/{cid}", json={"version": v})
    assert r.status_code == 200 and r.json()["version"] == v
    assert api.get(f"/api/v1/cases/{cid}").json()["title"] == "Sạt lở bờ sông"


def test_api_validation_errors_use_the_error_shape_without_the_input(site):
    # FastAPI's default answered {"detail": [{..., "input": ...}]}: another shape, echoing what was sent.
    body = {"kind": "khieu_nai", "subject": "Bồi thường đất", "received_on": "2026-11-20",
            "petitioner": {"name": PETITIONER["name"], "phone": PETITIONER["phone"]}, "content": CONTENT,
            "privacy_notice_given": "maybe", "agency_id": "Nguyễn Văn Bí"}  # fmt: skip
    r = site.api("coord").post("/api/v1/petitions", json=body)
    assert r.status_code == 422
    data = r.json()
    assert set(data) == {"error", "status"} and data["status"] == 422
    assert "privacy_notice_given" in data["error"] and "agency_id" in data["error"]
    for sent in ("maybe", "Nguyễn Văn Bí", PETITIONER["name"], PETITIONER["phone"]):
        assert sent not in r.text


def test_receipt_code_from_the_api_once_and_a_new_one_from_the_petition_page(site):
    # The API answered only the id, and nothing but a Python function could issue a new code, so petitions
    # taken in by the API or a register had a code nobody ever saw.
    from tinhhinh.desk import receipts

    body = {"kind": "khieu_nai", "subject": "Bồi thường đất", "received_on": "2026-11-20",
            "petitioner": {"name": PETITIONER["name"]}, "content": CONTENT, "privacy_notice_given": True}  # fmt: skip
    created = site.api("coord").post("/api/v1/petitions", json=body)
    assert created.status_code == 201, created.text
    pid, code = created.json()["id"], created.json()["receipt"]
    assert receipts.public_status(site.engine, code).state == "received"
    assert code not in site.api("coord").get(f"/api/v1/petitions/{pid}").text  # shown once
    c = site.client("coord")
    page = c.get(f"/petitions/{pid}")
    assert f'action="/petitions/{pid}/receipt"' in page.text and "In mã biên nhận mới" in page.text
    r = c.post(f"/petitions/{pid}/receipt", data={"csrf": csrf_of(page.text)})
    assert r.status_code == 303 and r.headers["location"] == f"/petitions/{pid}/receipt"
    r = c.get(r.headers["location"])
    assert r.status_code == 200 and "Mã cũ không còn dùng được" in r.text
    new = re.search(r"data-receipt><strong>([^<]+)</strong>", r.text).group(1)
    assert receipts.public_status(site.engine, code) is None
    assert receipts.public_status(site.engine, new).state == "received"
    with site.engine.connect() as conn:
        from tinhhinh.store import desk as desk_store

        assert [a["action"] for a in desk_store.iter_audit(conn)][-1] == "petition.receipt"
    # another agency's officer: the petition does not exist for them
    other = site.client("officer_b")
    home = other.get("/")
    assert other.post(f"/petitions/{pid}/receipt", data={"csrf": csrf_of(home.text)}).status_code == 404


def test_petition_workflow_extension_and_conflict_via_api_and_pages(site):
    pid = site.petition(kind="khieu_nai", agency_id=site.agency_a)
    api = site.api("officer_a")
    r = api.post(f"/api/v1/petitions/{pid}/transition", json={"to": "accepted", "version": 1})
    assert r.status_code == 200 and r.json()["due_on"]
    assert (
        api.post(f"/api/v1/petitions/{pid}/transition", json={"to": "extended", "version": 2}).status_code
        == 422
    )
    c = site.client("officer_a")
    page = c.get(f"/petitions/{pid}")
    r = c.post(f"/petitions/{pid}/transition",
               data={"csrf": csrf_of(page.text), "to": "extended", "version": "2", "reason": "Quyết định gia hạn số 12/QĐ"})  # fmt: skip
    assert r.status_code == 303
    again = c.post(f"/petitions/{pid}/transition",
                   data={"csrf": csrf_of(page.text), "to": "resolved", "version": "2"})  # fmt: skip
    assert again.status_code == 409
    assert (
        form_post(
            c, f"/petitions/{pid}", f"/petitions/{pid}/note", {"note": "Đã gọi điện cho bà Mai"}
        ).status_code
        == 303
    )
    assert "Đã gọi điện cho bà Mai" in c.get(f"/petitions/{pid}").text
    # Coordinator assigns a resolver through the page (with the version it read).
    coord = site.client("coord")
    page = coord.get(f"/petitions/{pid}")
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    r = coord.post(f"/petitions/{pid}/assign",
                   data={"csrf": csrf_of(page.text), "version": version, "resolver_id": str(site.users["officer_a"].id)})  # fmt: skip
    assert r.status_code == 303
    assert api.get(f"/api/v1/petitions/{pid}").json()["resolver_id"] == site.users["officer_a"].id


def test_flag_review_then_case_from_confirmed_flag(site):
    scam_pk = site.item_pks[2]
    c = site.client("officer_a")
    page = c.get("/flags")
    assert "Nhận quà tri ân" in page.text
    # The reviewer sees what the machine saw: each matched span and what the signal means.
    assert "«chuyển khoản» — yêu cầu chuyển hoặc nộp tiền" in page.text
    assert "«trúng thưởng» — trúng thưởng, quà tặng" in page.text
    flag_id = int(re.search(r'action="/flags/(\d+)"', page.text).group(1))
    # A flag cannot open a case before a person confirms it.
    assert form_post(c, "/flags", f"/flags/{flag_id}/case").status_code == 422
    version = re.search(rf'action="/flags/{flag_id}".*?name="version" value="(\d+)"', page.text, re.S).group(
        1
    )
    assert (
        form_post(
            c,
            "/flags",
            f"/flags/{flag_id}",
            {"decision": "confirm", "note": "đúng dấu hiệu", "version": version},
        ).status_code
        == 303
    )
    api = site.api("officer_a")
    confirmed = api.get("/api/v1/flags", params={"status": "confirmed"}).json()
    assert confirmed["total"] == 1 and confirmed["items"][0]["item_pk"] == scam_pk
    assert "author_hash" not in confirmed["items"][0]
    case_id = _case_id(form_post(c, "/flags", f"/flags/{flag_id}/case"))
    view = cases.get_case(site.engine, site.users["officer_a"], case_id)
    assert view["origin"] == "harm" and view["agency_id"] == site.agency_a
    assert api.get("/api/v1/flags").json()["total"] == 0
    assert f"/flags/{flag_id}/case" not in c.get("/flags").text  # it has its case now
    assert api.post(f"/api/v1/flags/{flag_id}/case", json={}).status_code == 422  # only once
    assert api.post("/api/v1/flags/999", json={"decision": "dismiss", "version": 1}).status_code == 404
    assert api.post(f"/api/v1/flags/{flag_id}", json={"decision": "maybe", "version": 2}).status_code == 422


def test_search_on_pages_and_api_is_audited(site):
    c = site.client("officer_a")
    r = form_post(c, "/search", "/search", {"q": "ngap lut hue"})
    assert r.status_code == 200 and "Mưa lớn gây ngập lụt" in r.text
    hits = site.api("coord").post("/api/v1/search", json={"q": "Huế"}).json()
    assert hits["total"] >= 2
    assert form_post(c, "/search", "/search", {"q": '"'}).status_code == 422
    # OR and a trailing * are read as words: the page says so, in Vietnamese
    said = form_post(c, "/search", "/search", {"q": "ngap OR lut"}).text
    assert "OR được hiểu là một từ, không phải toán tử" in said
    assert "Dấu * ở cuối từ" in form_post(c, "/search", "/search", {"q": "ngap*"}).text
    assert "toán tử" not in form_post(c, "/search", "/search", {"q": "ngap lut"}).text
    # area and province are chosen from lists (codes and current provinces); others are refused
    form = c.get("/search").text
    assert '<option value="health">Sức khỏe</option>' in form and '<option value="Huế">Huế</option>' in form
    assert (
        form_post(c, "/search", "/search", {"q": "ngap lut", "place": "Huế", "area": "health"}).status_code
        == 200
    )
    assert form_post(c, "/search", "/search", {"q": "ngap lut", "area": "healt"}).status_code == 422
    assert form_post(c, "/search", "/search", {"q": "ngap lut", "place": "Atlantis"}).status_code == 422
    # the dashboard's search box posts (the words never sit in a URL) to the same page
    dash = c.get("/dashboard").text
    assert re.search(
        r'<form class="inline" method="post" action="/search" role="search">\s*<input type="hidden" name="csrf"',
        dash,
    )
    with site.engine.connect() as conn:
        rows = conn.execute(select(search_audit.c.user, search_audit.c.query, search_audit.c.via)).all()
    assert ("officer_a", "ngap lut hue", "web") in rows and ("coord", "Huế", "api") in rows
    with site.engine.connect() as conn:
        filters = conn.execute(
            select(search_audit.c.filters).where(search_audit.c.query == "ngap lut")
        ).scalars()
        assert any(f and f.get("place") == "Huế" and f.get("area") == "health" for f in filters)


def test_my_work_puts_overdue_then_due_soon_first(site):
    import datetime as dt

    today = clock.office_today()
    coord = site.users["coord"]
    for title, due in [("Còn lâu", today + dt.timedelta(days=30)), ("Đã trễ", today - dt.timedelta(days=1)),
                       ("Không hạn", None), ("Ngày mai", today + dt.timedelta(days=1))]:  # fmt: skip
        cases.open_case(site.engine, coord, title=title, agency_id=site.agency_a, due_date=due)
    html = site.client("officer_a").get("/").text
    order = [html.index(t) for t in ("Đã trễ", "Ngày mai", "Còn lâu", "Không hạn")]
    assert order == sorted(order)
    row = lambda t: html[html.rindex("<tr", 0, html.index(t)) : html.index("</tr>", html.index(t))]  # noqa: E731
    assert "Quá hạn" in row("Đã trễ") and 'class="overdue"' in row("Đã trễ")
    assert "Sắp đến hạn" in row("Ngày mai")
    assert "Quá hạn" not in row("Còn lâu") and "Sắp đến hạn" not in row("Còn lâu")


def test_api_attachments_and_petition_notes(site):
    case_id = cases.open_case(site.engine, site.users["coord"], title="Tệp qua API", agency_id=site.agency_a)
    api = site.api("officer_a")
    r = api.post(
        f"/api/v1/cases/{case_id}/attachments",
        files={"file": ("anh.png", b"\x89PNG\r\n\x1a\nxx", "image/png")},
    )
    assert r.status_code == 201
    att = r.json()["id"]
    got = api.get(f"/api/v1/attachments/{att}")
    assert (
        got.status_code == 200
        and got.content.startswith(b"\x89PNG")
        and got.headers["content-type"] == "image/png"
    )
    assert site.api("officer_b").get(f"/api/v1/attachments/{att}").status_code == 404
    fake = api.post(
        f"/api/v1/cases/{case_id}/attachments", files={"file": ("anh.png", b"GIF89a", "image/png")}
    )
    assert fake.status_code == 422
    pid = site.petition(agency_id=site.agency_a)
    assert api.post(f"/api/v1/petitions/{pid}/notes", json={"note": "Đã hẹn gặp công dân"}).status_code == 201
    assert api.get(f"/api/v1/petitions/{pid}").json()["notes"][0]["note"] == "Đã hẹn gặp công dân"
    assert site.api("officer_b").post(f"/api/v1/petitions/{pid}/notes", json={"note": "x"}).status_code == 404


def test_case_list_pages(site):
    for i in range(55):
        cases.open_case(site.engine, site.users["coord"], title=f"Hồ sơ số {i:02d}", agency_id=site.agency_a)
    c = site.client("officer_a")
    first = c.get("/cases").text
    assert "Hồ sơ số 54" in first and "Hồ sơ số 04" not in first and 'href="/cases?page=2"' in first
    second = c.get("/cases", params={"page": 2}).text
    assert "Hồ sơ số 04" in second and "Hồ sơ số 54" not in second
    assert c.get("/cases", params={"page": 99}).status_code == 200
    assert 'page=2&amp;status=assigned"' in c.get("/cases", params={"status": "assigned"}).text


def test_flag_review_shows_the_fact_check_a_claim_matched(site):
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    evidence = {
        "sentence": "Uống nước chanh nóng chữa khỏi ung thư.", "field": "text", "span": [0, 40],
        "claim": "Nước chanh nóng chữa khỏi ung thư", "claim_id": "fc-1", "verdict": "Sai", "rating": "false",
        "domain": "health", "source": "https://example.org/kiem-chung/1", "publisher": "Báo Sức khỏe",
    }  # fmt: skip
    item_store.add_items(
        site.engine,
        [
            Item(
                id="f1", source="facebook.com", kind="post", url="https://facebook.com/p/2",
                title="", text="Uống nước chanh nóng chữa khỏi ung thư.", published_at=now,  # a post: no title
                harm=[{"type": "factcheck", "score": 0.9, "evidence": evidence, "status": "unconfirmed"}],
            )
        ],
    )  # fmt: skip
    page = site.client("officer_a").get("/flags")
    assert "«Nước chanh nóng chữa khỏi ung thư» — Báo Sức khỏe (Sai)" in page.text
    assert 'href="https://example.org/kiem-chung/1"' in page.text
    # without a title, the post is named by the start of its text
    assert '<a href="https://facebook.com/p/2" rel="noreferrer noopener">Uống nước chanh nóng' in page.text
    assert "«Uống nước chanh nóng chữa khỏi ung thư.»" in page.text
    items = site.api("officer_a").get("/api/v1/flags").json()["items"]
    assert {i["type"]: i["evidence"] for i in items}["factcheck"]["claim_id"] == "fc-1"


def test_story_list_leads_with_stories_of_several_articles(site):
    # one-article stories are most of a real archive; they are one click away, not in the way
    from tinhhinh.store import stories as story_store

    with site.engine.begin() as conn:
        story_store.save_rows(
            conn,
            [{"id": "st-single", "label": "Tin lẻ chỉ một báo đăng", "size": 1, "sources": {"a.vn": 1},
              "first_seen": 1_764_000_000.0, "last_seen": 1_764_000_000.0}],
        )  # fmt: skip
    c = site.client("coord")
    page = c.get("/stories").text
    assert STORY_LABEL in page and "Tin lẻ chỉ một báo đăng" not in page
    assert '<a href="/stories?all=1">Hiện cả 1 sự kiện chỉ có một tin</a>' in page
    everything = c.get("/stories?all=1").text
    assert STORY_LABEL in everything and "Tin lẻ chỉ một báo đăng" in everything
    assert site.api("coord").get("/api/v1/stories").json()["total"] == 2  # the API lists every story


def test_story_page_shows_toxic_language_as_a_rate(site):
    """A rate over the story's items (issue: toxicity reported per story), never who wrote them."""
    from sqlalchemy import text

    c = site.client("coord")
    assert "Ngôn từ độc hại" not in c.get(f"/stories/{STORY_ID}").text  # the model read none of them
    with site.engine.begin() as conn:
        pks = list(
            conn.execute(
                text("SELECT pk FROM items WHERE story_id = :s ORDER BY pk"), {"s": STORY_ID}
            ).scalars()
        )
        conn.execute(text("UPDATE items SET toxicity = 'clean' WHERE story_id = :s"), {"s": STORY_ID})
        conn.execute(text("UPDATE items SET toxicity = 'offensive' WHERE pk = :p"), {"p": pks[0]})
    page = c.get(f"/stories/{STORY_ID}").text
    assert "<dt>Ngôn từ độc hại</dt><dd>1 trên 2 tin, bài được đánh giá (50%)</dd>" in page


def test_a_denunciations_resolver_list_leaves_out_the_coordinator_reading_it(site):
    # naming oneself resolver of a tố cáo is refused (it would lift the denouncer's pseudonym with no second
    # person involved), so the page does not offer it; a complaint's list still does
    coord = site.users["coord"]
    options = r'<select id="pa_resolver" name="resolver_id">(.*?)</select>'
    tid = site.petition(kind="to_cao", agency_id=site.agency_a)
    listed = re.search(options, site.client("coord").get(f"/petitions/{tid}").text, re.S).group(1)
    assert f'value="{coord.id}"' not in listed and f'value="{site.users["officer_a"].id}"' in listed
    pid = site.petition(kind="khieu_nai", agency_id=site.agency_a)
    listed = re.search(options, site.client("coord").get(f"/petitions/{pid}").text, re.S).group(1)
    assert f'value="{coord.id}"' in listed
