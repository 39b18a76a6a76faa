"""The dashboard on a phone (375 px wide, real headless Chromium): charts scale, nothing scrolls sideways."""

from __future__ import annotations

import pytest

from .conftest import PASSWORD
from .test_browser import CHROMIUM, FLAGS, server  # noqa: F401 - the live-server fixture

pytestmark = pytest.mark.browser


def test_dashboard_fits_a_phone_screen(server, tmp_path):  # noqa: F811 - the fixture imported above
    from playwright.sync_api import sync_playwright

    site, base = server
    site.petition()  # a petitions chart too
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 375, "height": 740}, locale="vi-VN")
        page.set_default_timeout(10_000)
        page.goto(base + "/login")
        page.locator("#username").fill("coord")
        page.locator("#password").fill(PASSWORD)
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(lambda url: "/login" not in url)
        for days in (7, 30):
            page.goto(base + f"/dashboard?days={days}")
            charts = page.locator("figure.chart svg")
            assert charts.count() >= 3
            for i in range(charts.count()):
                box = charts.nth(i).bounding_box()
                assert box and 100 < box["width"] <= 375 and box["x"] + box["width"] <= 375, box
            # open every table view too: wide tables scroll inside their panel, not the page
            for summary in page.locator("details > summary").all():
                summary.click()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"the page scrolls sideways at 375 px: {width} px wide"
        browser.close()


def _sign_in(page, base, username="coord"):
    page.goto(base + "/login")
    page.locator("#username").fill(username)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/login" not in url)


def test_main_pages_fit_a_phone_screen(server, tmp_path):  # noqa: F811 - the fixture imported above
    """Forms with long sector and agency names, the flag queue and the case and petition tables: nothing
    wider than 375 px (the audit measured /petitions/new at 439 px; tables scroll inside their own box)."""
    from playwright.sync_api import sync_playwright

    from tinhhinh.desk import cases

    site, base = server
    site.petition()
    case_id = cases.open_case(site.engine, site.users["coord"], title="Vụ việc có tiêu đề khá dài " * 3,
                              agency_id=site.agency_a, sector="land")  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 375, "height": 740}, locale="vi-VN")
        page.set_default_timeout(10_000)
        _sign_in(page, base)
        for url in ("/petitions/new", "/cases/new", f"/cases/{case_id}", "/stories/st-ngap-hue", "/flags",
                    "/cases", "/petitions", "/"):  # fmt: skip
            page.goto(base + url)
            for summary in page.locator("details > summary").all():
                summary.click()  # the edit forms too
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{url} scrolls sideways at 375 px: {width} px wide"
        browser.close()


def test_htmx_search_after_the_session_expired_goes_to_sign_in(server, tmp_path):  # noqa: F811
    """The search form posts through htmx: after expiry it used to do nothing at all."""
    import datetime as dt

    from playwright.sync_api import sync_playwright
    from sqlalchemy import update

    from tinhhinh.store import web_queries as wq

    site, base = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        page = browser.new_page(locale="vi-VN")
        page.set_default_timeout(10_000)
        _sign_in(page, base)
        page.goto(base + "/search")
        with site.engine.begin() as conn:
            old = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=3)
            conn.execute(update(wq.web_sessions).values(last_seen=old))
        page.locator("#q").fill("ngập")
        page.locator("#q").press("Enter")
        page.wait_for_url(lambda url: "/login" in url)
        assert "Phiên đăng nhập đã hết hạn" in page.locator("#session-expired").inner_text()
        page.locator("#username").fill("coord")
        page.locator("#password").fill(PASSWORD)
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(lambda url: url.endswith("/search"))
        browser.close()
