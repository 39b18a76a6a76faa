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
