"""The dashboard in real headless Chromium on the demo database: every chart drawn, tables equal SQL counts."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from .test_browser import CHROMIUM, FLAGS, SHOTS, _free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "dashboard test password"


@pytest.fixture
def demo_server(demo_run, monkeypatch):
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    import uvicorn

    from tinhhinh.desk import people
    from tinhhinh.store.db import dispose_all, engine_for
    from tinhhinh.web.app import create_app

    assert demo_run.result.returncode == 0, demo_run.result.stderr[-2000:]
    monkeypatch.setenv("TINHHINH_HOME", str(demo_run.home))  # the demo's audit key
    engine = engine_for(str(demo_run.db))
    if "dash-coord" not in {
        u["username"] for u in people.list_users(engine, people.actor_for(engine, "demo-admin"))
    }:
        people.add_user(engine, people.actor_for(engine, "demo-admin"), "dash-coord", "coordinator", PASSWORD)
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, access_log=False, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield demo_run.db, f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    dispose_all()


def test_dashboard_on_the_demo(demo_server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    path, base = demo_server
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            locale="vi-VN",
        )
        page = ctx.new_page()
        page.set_default_timeout(20_000)
        page.goto(base + "/login")
        page.locator("#username").fill("dash-coord")
        page.locator("#password").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(base + "/dashboard?days=30")
        expect(page.get_by_role("heading", name="Tình hình", exact=True)).to_be_visible()
        # every chart is drawn: an SVG with real marks, not an empty element
        charts = page.locator("figure.chart svg")
        assert charts.count() >= 5
        for i in range(charts.count()):
            marks = charts.nth(i).locator("rect, path, polyline, line, circle").count()
            box = charts.nth(i).bounding_box()
            assert marks > 3 and box and box["width"] > 100 and box["height"] > 50
        # hot stories from the planted bursts are listed with their reason
        expect(page.locator("#hot article").first).to_be_visible()
        # the hot ones say so in words (a badge), not only by their place in the list
        expect(page.locator("#hot article.hot .badge.hot").first).to_have_text("Nóng")
        assert page.locator("#hot article.hot").count() == page.locator("#hot .badge.hot").count()
        page.screenshot(path=str(SHOTS / "10-dashboard-demo.png"), full_page=True)
        # the hot story's page: the same reason, and its planted copies folded under their originals
        # (copies of copies included): every item appears exactly once
        hot_href = page.locator("#hot article.hot h3 a").first.get_attribute("href")
        page.goto(base + hot_href)
        expect(page.locator("p.why .badge.hot")).to_have_text("Nóng")
        size = int(page.locator("dl.facts dd").first.inner_text())
        entries = page.locator("ul.story-items > li").count()
        copies = page.locator("ul.story-items details.copies li").count()
        assert copies > 0 and entries + copies == size and entries < size / 2
        page.goto(base + "/dashboard?days=30")
        # the table view of volume equals a direct count over the same 30 local days
        page.locator("#panel-volume summary").click()
        cells = page.locator('table[data-table="volume"] tbody tr').all_inner_texts()
        # areas and case statuses by their Vietnamese names, in the charts and the tables
        heads = page.locator('table[data-table="volume"] thead th').all_inner_texts()
        assert "Chính trị – Xã hội" in heads and "politics_society" not in heads
        assert "politics_society" not in page.content() and "in_progress" not in page.content()
        assert "Đang xử lý" in page.locator("#panel-cases").inner_text()
        shown = sum(int(x) for row in cells for x in re.split(r"\s+", row.strip())[1:])
        ctx.close()
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    start = dt.datetime.combine(today - dt.timedelta(days=29), dt.time()) - dt.timedelta(hours=7)
    end = dt.datetime.combine(today + dt.timedelta(days=1), dt.time()) - dt.timedelta(hours=7)
    con = sqlite3.connect(path)
    expected = con.execute(
        "SELECT count(*) FROM items WHERE published_at >= ? AND published_at < ?",
        (start.isoformat(" "), end.isoformat(" ")),
    ).fetchone()[0]
    assert shown == expected > 2500
    assert Path(SHOTS / "10-dashboard-demo.png").stat().st_size > 10_000
