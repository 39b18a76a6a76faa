"""CSRF, cookies, headers, rate limiting, sessions, API tokens, and what reaches the logs."""

from __future__ import annotations

import json
import logging
import re

from tinhhinh.desk import cases
from tinhhinh.item import Item
from tinhhinh.store import items as item_store

from .conftest import CONTENT, PASSWORD, PETITIONER, csrf_of, form_post, login


def test_every_form_needs_the_session_csrf_token(site):
    c = site.client("coord")
    case_id = cases.open_case(
        site.engine, site.users["coord"], title="Kiểm tra CSRF", agency_id=site.agency_a
    )
    targets = [
        ("/cases", {"title": "x"}),
        (f"/cases/{case_id}/comment", {"body": "x"}),
        (f"/cases/{case_id}/transition", {"to": "in_progress", "version": "1"}),
        (
            "/petitions",
            {"kind": "khieu_nai", "subject": "x", "name": "x", "content": "x", "privacy_notice_given": "yes"},
        ),
        ("/search", {"q": "hue"}),
        ("/account/tokens", {"name": "x"}),
        ("/flags/1", {"decision": "confirm"}),
        ("/logout", {}),
        ("/lang", {"lang": "en"}),
    ]
    for action, data in targets:
        assert c.post(action, data=data).status_code == 403, action
        assert c.post(action, data={**data, "csrf": "forged"}).status_code == 403, action
    # Another user's token is not this session's token.
    other = site.client("officer_a")
    foreign = csrf_of(other.get("/").text)
    assert c.post(f"/cases/{case_id}/comment", data={"body": "x", "csrf": foreign}).status_code == 403
    # A right token from a foreign Origin is refused too.
    token = csrf_of(c.get("/").text)
    r = c.post(
        f"/cases/{case_id}/comment",
        data={"body": "x", "csrf": token},
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403
    assert cases.get_case(site.engine, site.users["coord"], case_id)["comments"] == []
    # With the token the same request works.
    assert c.post(f"/cases/{case_id}/comment", data={"body": "được", "csrf": token}).status_code == 303


def test_login_form_is_csrf_protected_too(site):
    c = site.client()
    r = c.post("/login", data={"username": "coord", "password": PASSWORD, "csrf": "x"})
    assert r.status_code == 403 and "th_session" not in r.cookies


def test_session_cookie_flags_and_secure_behind_tls(site):
    c = site.client()
    r = login(c, "coord")
    cookie = r.headers["set-cookie"]
    assert (
        "th_session=" in cookie
        and "HttpOnly" in cookie
        and "SameSite=lax" in cookie
        and "Secure" not in cookie
    )
    # Directly over HTTPS.
    s = site.client(base_url="https://testserver")
    assert "Secure" in login(s, "coord").headers["set-cookie"]
    # Behind a configured proxy that says the browser used HTTPS.
    proxied = site.client(app=site.app(trusted_proxies=["testclient"]))
    proxied.headers["X-Forwarded-Proto"] = "https"
    page = proxied.get("/login")
    assert "Secure" in page.headers["set-cookie"]
    # The client talks plain HTTP to the app, so it would not send a Secure cookie back: pass it by hand.
    pre = page.headers["set-cookie"].split(";")[0]
    r = proxied.post("/login", data={"username": "coord", "password": PASSWORD, "csrf": csrf_of(page.text)},
                     headers={"Cookie": pre})  # fmt: skip
    assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]
    # The same header from an address that is not a configured proxy is ignored.
    spoofed = site.client()
    spoofed.headers["X-Forwarded-Proto"] = "https"
    assert "Secure" not in login(spoofed, "coord").headers["set-cookie"]


def test_security_headers_on_pages_api_and_errors(site):
    c = site.client("coord")
    for r in (
        c.get("/"),
        c.get("/login"),
        c.get("/nope"),
        site.api("coord").get("/api/v1/me"),
        c.get("/static/app.css"),
    ):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
    assert c.get("/").headers["cache-control"] == "no-store"
    # No inline script or handler anywhere in the pages (CSP would block them anyway).
    for url in ("/", "/cases/new", "/petitions/new", "/search", "/stories", "/flags", "/account"):
        html = c.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert not re.search(r"\son[a-z]+=", html), url
        assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html), url  # nothing from a CDN


def test_login_rate_limit(site):
    c = site.client()
    for _ in range(5):
        page = c.get("/login")
        r = c.post(
            "/login", data={"username": "coord", "password": "wrong password", "csrf": csrf_of(page.text)}
        )
        assert r.status_code == 401
    page = c.get("/login")
    r = c.post("/login", data={"username": "coord", "password": PASSWORD, "csrf": csrf_of(page.text)})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    # Other accounts from the same address still may sign in (per-IP limit is higher).
    login(c, "officer_a")


def test_signing_in_again_drops_the_previous_session(site):
    c = site.client("coord")
    first = c.cookies.get("th_session")
    login(c, "coord")
    assert c.cookies.get("th_session") != first
    stale = site.client()
    stale.cookies.set("th_session", first)
    assert stale.get("/").status_code == 303


def test_logout_ends_the_session_on_the_server(site):
    c = site.client("coord")
    cookie = c.cookies.get("th_session")
    assert form_post(c, "/", "/logout").status_code == 303
    replay = site.client()
    replay.cookies.set("th_session", cookie)
    assert replay.get("/").status_code == 303


def test_api_tokens_hashed_and_revocable(site):
    c = site.client("officer_a")
    r = form_post(c, "/account", "/account/tokens", {"name": "laptop"})
    assert r.status_code == 303
    r = c.get(r.headers["location"])  # shown once on /account (Post/Redirect/Get)
    token = re.search(r'id="new-token">([^<]+)<', r.text).group(1)
    assert token.startswith("thk_")
    raw = site.path.read_bytes()
    assert token.encode() not in raw  # only its hash is stored
    api = site.client()
    api.headers["Authorization"] = f"Bearer {token}"
    assert api.get("/api/v1/me").json()["username"] == "officer_a"
    # Shown once: the account page lists only the prefix.
    assert token not in c.get("/account").text
    tid = api.get("/api/v1/tokens").json()["items"][0]["id"]
    # Another user cannot revoke it.
    assert site.api("officer_b").delete(f"/api/v1/tokens/{tid}").status_code == 404
    assert form_post(c, "/account", f"/account/tokens/{tid}/revoke").status_code == 303
    assert api.get("/api/v1/me").status_code == 401
    # Revoking through the API works the same way.
    api2 = site.api("officer_a")
    tid2 = api2.get("/api/v1/tokens").json()["items"][-1]["id"]
    assert api2.delete(f"/api/v1/tokens/{tid2}").json()["revoked"] is True
    assert api2.get("/api/v1/me").status_code == 401


def _audit(site, after=0):
    from tinhhinh.store import desk as desk_store

    with site.engine.connect() as conn:
        return [r for r in desk_store.iter_audit(conn) if r["seq"] > after]


def test_sign_ins_and_api_tokens_are_audited_without_secrets(site):
    # Tokens are long-lived credentials that read petition data: creating and revoking them, and signing
    # in, left no trace in the audit chain.
    before = _audit(site)[-1]["seq"] if _audit(site) else 0
    c = site.client()
    page = c.get("/login")
    for username in ("officer_a", "mật khẩu gõ nhầm chỗ"):
        r = c.post("/login", data={"username": username, "password": "wrong", "csrf": csrf_of(page.text)})
        assert r.status_code == 401
    login(c, "officer_a")
    r = form_post(c, "/account", "/account/tokens", {"name": "laptop"})
    assert r.status_code == 303
    r = c.get(r.headers["location"])  # shown once on /account (Post/Redirect/Get)
    token = re.search(r'id="new-token">([^<]+)<', r.text).group(1)
    tid = site.api("officer_a").get("/api/v1/tokens").json()["items"][0]["id"]
    assert form_post(c, "/account", f"/account/tokens/{tid}/revoke").status_code == 303
    rows = _audit(site, before)
    got = [
        (r["actor"], r["action"], r["object_id"]) for r in rows if r["action"].startswith(("user.", "token."))
    ]
    uid = str(site.users["officer_a"].id)
    assert got == [
        ("officer_a", "user.sign_in_failed", uid),
        ("unknown", "user.sign_in_failed", None),  # the typed name is not kept: it may be a password
        ("officer_a", "user.sign_in", uid),
        ("officer_a", "token.create", str(tid)),
        ("officer_a", "token.revoke", str(tid)),
    ]
    create = next(r for r in rows if r["action"] == "token.create")
    revoke = next(r for r in rows if r["action"] == "token.revoke")
    for r in (create, revoke):
        data = json.loads(r["data"])
        assert data == {"token_id": tid, "prefix": token[:10]}
    flat = repr(rows)
    assert token not in flat and "mật khẩu gõ nhầm chỗ" not in flat and "wrong" not in flat
    from tinhhinh.desk import audit

    assert audit.verify(site.engine, site.users["coord"])["ok"]


def test_no_personal_data_or_search_words_in_logs_or_urls(site, caplog):
    caplog.set_level(logging.DEBUG)
    c = site.client("coord")
    page = c.get("/petitions/new")
    r = c.post(
        "/petitions",
        data={"csrf": csrf_of(page.text), "kind": "khieu_nai", "subject": "Bồi thường đất", "sector": "land",
              "received_on": "2026-11-20", **PETITIONER, "content": CONTENT, "privacy_notice_given": "yes"},
    )  # fmt: skip
    # the receipt code is shown once on the page the intake redirects to, never put in a URL
    assert r.status_code == 303 and "/receipt" in r.headers["location"]
    r = c.get(r.headers["location"])
    assert r.status_code == 200 and "data-receipt" in r.text
    receipt = re.search(r"<p class=\"code\" data-receipt><strong>([^<]+)</strong>", r.text).group(1)
    link = re.search(r'href="(/petitions/\d+)"', r.text).group(1)
    assert PETITIONER["name"] in c.get(link).text
    r = form_post(c, "/search", "/search", {"q": "Nguyễn Thị Hoa Mai"})
    assert r.status_code == 200
    logged = caplog.text
    assert "/petitions" in logged  # the access log is on...
    for value in (*PETITIONER.values(), CONTENT, "Hoa Mai", receipt):
        assert value not in logged  # ...and carries no personal data or search words


def test_a_crash_is_a_500_whose_log_has_no_message(site, caplog, monkeypatch):
    from tinhhinh.web import pages

    def boom(*_a, **_k):
        raise RuntimeError(f"secret {PETITIONER['name']}")

    monkeypatch.setattr(pages.cases, "list_cases", boom)
    caplog.set_level(logging.DEBUG)
    c = site.client("coord")
    r = c.get("/cases")
    assert r.status_code == 500 and PETITIONER["name"] not in r.text
    assert "RuntimeError" in caplog.text and PETITIONER["name"] not in caplog.text


def test_ids_beyond_64_bits_and_dangling_references_are_422_not_500(site):
    api = site.api("coord")
    assert api.get(f"/api/v1/cases/{2**64}").status_code == 422
    r = api.post("/api/v1/cases", json={"title": "x", "agency_id": 999})
    assert r.status_code in (404, 422)  # 404 once the desk checks the agency itself
    c = site.client("coord")
    assert c.get(f"/cases/{2**64}").status_code == 422


def test_password_change_needs_the_current_password(site):
    c = site.client("officer_a")
    bad = form_post(
        c, "/account", "/account/password", {"current": "not it at all", "new": "mật khẩu mới dài hơn"}
    )
    assert bad.status_code == 422
    ok = form_post(c, "/account", "/account/password", {"current": PASSWORD, "new": "mật khẩu mới dài hơn"})
    assert ok.status_code == 303
    login(site.client(), "officer_a", "mật khẩu mới dài hơn")


def test_an_item_address_that_is_not_http_is_never_a_link(site):
    """Audit collect #15: a javascript: url from a dump (as an older database may hold it) was rendered
    as <a href="javascript:…">; only http(s) addresses are links."""
    item_store.add_items(
        site.engine,
        [Item(id="x1", source="xss", url="javascript:alert(3)", title="Lũ quét xss ở Hà Giang",
              text="Lũ quét xss cuốn trôi nhà cửa.")],
    )  # fmt: skip
    c = site.client("officer_a")
    r = form_post(c, "/search", "/search", {"q": "lu quet xss"})
    assert r.status_code == 200 and "Lũ quét xss ở Hà Giang" in r.text
    assert "javascript:" not in r.text
    r = form_post(c, "/search", "/search", {"q": "ngap lut hue"})
    assert 'href="https://baothuathienhue.vn/ngap-1"' in r.text  # http(s) links stay links
