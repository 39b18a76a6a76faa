"""Every permission rule through both the pages and the API (the same desk.access decisions behind both)."""

from __future__ import annotations

import pytest

from tinhhinh.desk import cases
from tinhhinh.web.app import WebSettings

from .conftest import CONTENT, PASSWORD, PETITIONER, form_post


@pytest.fixture
def records(site):
    case_a = cases.open_case(
        site.engine, site.users["coord"], title="Sạt lở bờ sông xã A", agency_id=site.agency_a
    )
    att = cases.attach(
        site.engine, site.users["coord"], case_a, "bien-ban.txt", "Biên bản hiện trường".encode()
    )
    pet_a = site.petition(agency_id=site.agency_a)
    return {"case": case_a, "attachment": att, "petition": pet_a}


def test_anonymous_is_sent_to_login_and_api_needs_a_token(site, records):
    c = site.client()
    for url in ("/", f"/cases/{records['case']}", f"/petitions/{records['petition']}", "/stories", "/flags"):
        r = c.get(url)
        assert r.status_code == 303 and r.headers["location"].split("?")[0] == "/login", url
    r = c.get(f"/api/v1/cases/{records['case']}")
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = c.get("/api/v1/me", headers={"Authorization": "Bearer thk_not-a-real-token"})
    assert r.status_code == 401


def test_officer_of_b_gets_404_for_agency_a_records_on_pages(site, records):
    c = site.client("officer_b")
    case_id, pet_id = records["case"], records["petition"]
    for url in (f"/cases/{case_id}", f"/petitions/{pet_id}", f"/attachments/{records['attachment']}"):
        r = c.get(url)
        assert r.status_code == 404, url
        assert "Sạt lở" not in r.text and PETITIONER["name"] not in r.text
    # Writes answer 404 too (not 403, which would confirm the record exists).
    for action, data in [
        (f"/cases/{case_id}/transition", {"to": "in_progress", "version": "1"}),
        (f"/cases/{case_id}/comment", {"body": "xin chào"}),
        (f"/petitions/{pet_id}/transition", {"to": "accepted", "version": "1"}),
        (f"/petitions/{pet_id}/note", {"note": "ghi chú"}),
    ]:
        assert form_post(c, "/", action, data).status_code == 404, action
    # Lists never show them.
    assert "Sạt lở" not in c.get("/cases").text
    assert "Bồi thường" not in c.get("/petitions").text
    assert "Sạt lở" not in c.get("/").text


def test_officer_of_b_gets_404_for_agency_a_records_in_the_api(site, records):
    api = site.api("officer_b")
    case_id, pet_id = records["case"], records["petition"]
    assert api.get(f"/api/v1/cases/{case_id}").status_code == 404
    assert api.get(f"/api/v1/petitions/{pet_id}").status_code == 404
    r = api.post(f"/api/v1/cases/{case_id}/transition", json={"to": "in_progress", "version": 1})
    assert r.status_code == 404 and "Sạt lở" not in r.text
    assert api.patch(f"/api/v1/cases/{case_id}", json={"version": 1, "title": "x"}).status_code == 404
    assert api.post(f"/api/v1/cases/{case_id}/comments", json={"body": "x"}).status_code == 404
    r = api.post(f"/api/v1/petitions/{pet_id}/transition", json={"to": "accepted", "version": 1})
    assert r.status_code == 404
    assert api.get("/api/v1/cases").json()["total"] == 0
    assert api.get("/api/v1/petitions").json()["total"] == 0


def test_merge_target_of_another_agency_answers_like_a_missing_one(site, records):
    # A 403 for agency A's petition and a 404 for a missing one let officer B list A's ids.
    own = site.petition(agency_id=site.agency_b, sector="health")
    api = site.api("officer_b")
    answers = [
        api.post(
            f"/api/v1/petitions/{own}/transition",
            json={"to": "merged_duplicate", "version": 1, "merged_into": target},
        )
        for target in (records["petition"], 9999)
    ]
    assert [r.status_code for r in answers] == [404, 404]
    assert [r.json()["error"] for r in answers] == [
        f"no petition #{records['petition']}",
        "no petition #9999",
    ]


def test_officer_of_a_works_on_own_agency_records(site, records):
    c = site.client("officer_a")
    page = c.get(f"/petitions/{records['petition']}")
    assert page.status_code == 200
    assert PETITIONER["phone"] in page.text and CONTENT in page.text
    assert c.get(f"/cases/{records['case']}").status_code == 200
    api = site.api("officer_a")
    assert (
        api.get(f"/api/v1/petitions/{records['petition']}").json()["petitioner"]["name"] == PETITIONER["name"]
    )
    # Assigning to another agency is the coordinator's: same agency, so 403 (not hidden).
    r = form_post(c, f"/cases/{records['case']}", f"/cases/{records['case']}/transition",
                  {"to": "transferred", "version": "1", "agency_id": str(site.agency_b), "reason": "không thuộc thẩm quyền"})  # fmt: skip
    assert r.status_code == 403


@pytest.mark.parametrize("who", ["admin", "viewer"])
def test_admin_and_viewer_never_see_petition_personal_data(site, records, who):
    c = site.client(who)
    pages = [
        c.get(u)
        for u in ("/", "/petitions", f"/petitions/{records['petition']}", f"/cases/{records['case']}")
    ]
    for r in pages:
        for value in (*PETITIONER.values(), CONTENT):
            assert value not in r.text
    assert pages[1].status_code == 403
    assert pages[2].status_code == 404 and pages[3].status_code == 404
    api = site.api(who)
    for url in ("/api/v1/petitions", f"/api/v1/petitions/{records['petition']}", "/api/v1/cases"):
        r = api.get(url)
        assert r.status_code in (403, 404), url
        assert PETITIONER["name"] not in r.text


def test_viewer_sees_counts_only_and_admin_manages_accounts(site, records):
    viewer = site.client("viewer")
    home = viewer.get("/")
    assert home.status_code == 200 and "Số liệu đơn thư" in home.text
    assert viewer.get("/admin/users").status_code == 403
    admin = site.client("admin")
    assert admin.get("/admin/users").status_code == 200
    r = form_post(admin, "/admin/users", "/admin/users",
                  {"username": "officer_a2", "role": "officer", "password": PASSWORD, "agency_id": str(site.agency_a)})  # fmt: skip
    assert r.status_code == 303
    assert site.client("officer_a2").get(f"/cases/{records['case']}").status_code == 200
    # Only coordinators/officers may open cases or review flags.
    assert admin.get("/cases/new").status_code == 403
    assert admin.get("/flags").status_code == 403
    assert (
        site.api("viewer").post("/api/v1/flags/1", json={"decision": "confirm", "version": 1}).status_code
        == 403
    )
    assert site.api("admin").get("/api/v1/flags").status_code == 403


def test_denouncer_identity_only_for_the_named_resolver(site):
    officer_a = site.users["officer_a"]
    pid = site.petition(kind="to_cao", agency_id=site.agency_a, resolver_id=officer_a.id)
    coord = site.client("coord").get(f"/petitions/{pid}")
    assert coord.status_code == 200 and PETITIONER["name"] not in coord.text and "NTC-" in coord.text
    resolver = site.client("officer_a").get(f"/petitions/{pid}")
    assert PETITIONER["name"] in resolver.text
    assert PETITIONER["name"] not in site.api("coord").get(f"/api/v1/petitions/{pid}").text


def test_deactivated_account_loses_its_session_and_tokens_at_once(site, records):
    c = site.client("officer_a")
    api = site.api("officer_a")
    assert c.get("/").status_code == 200 and api.get("/api/v1/me").status_code == 200
    admin = site.client("admin")
    uid = site.users["officer_a"].id
    assert form_post(admin, "/admin/users", f"/admin/users/{uid}/active", {"active": "no"}).status_code == 303
    assert c.get("/").status_code == 303
    assert api.get("/api/v1/me").status_code == 401


def test_trusted_proxy_setting_does_not_change_permissions(site, records):
    app = site.app(trusted_proxies=["testclient"])
    c = site.client("officer_b", app=app)
    assert c.get(f"/cases/{records['case']}").status_code == 404
    assert isinstance(site.settings, WebSettings)


@pytest.mark.parametrize(
    "who, expected",
    [("coord", 201), ("officer_a", 201), ("officer_b", 201), ("admin", 403), ("viewer", 403)],
)
def test_who_may_open_cases_and_take_in_petitions_via_api(site, who, expected):
    api = site.api(who)
    assert api.post("/api/v1/cases", json={"title": "Mở qua API"}).status_code == expected
    body = {"kind": "khieu_nai", "subject": "Qua API", "received_on": "2026-11-20", "petitioner": {"name": "Trần Văn B"},
            "content": "Nội dung", "privacy_notice_given": True}  # fmt: skip
    assert api.post("/api/v1/petitions", json=body).status_code == expected
    if expected == 201:
        refused = api.post("/api/v1/petitions", json={**body, "privacy_notice_given": False})
        assert refused.status_code == 422 and "privacy notice" in refused.json()["error"]
        future = api.post("/api/v1/petitions", json={**body, "received_on": "2099-01-01"})
        assert future.status_code == 422 and "after today" in future.json()["error"]


def test_coordinator_only_moves_via_api(site, records):
    officer = site.api("officer_a")
    r = officer.post(f"/api/v1/cases/{records['case']}/transition",
                     json={"to": "transferred", "version": 1, "agency_id": site.agency_b, "reason": "không thuộc thẩm quyền"})  # fmt: skip
    assert r.status_code == 403
    r = officer.post(
        f"/api/v1/petitions/{records['petition']}/assign", json={"version": 1, "agency_id": site.agency_b}
    )
    assert r.status_code == 403
    coord = site.api("coord")
    r = coord.post(
        f"/api/v1/petitions/{records['petition']}/assign", json={"version": 1, "agency_id": site.agency_b}
    )
    assert r.status_code == 200
    # Now it belongs to B: A's officer loses it, B's officer has it.
    assert officer.get(f"/api/v1/petitions/{records['petition']}").status_code == 404
    assert site.api("officer_b").get(f"/api/v1/petitions/{records['petition']}").status_code == 200
