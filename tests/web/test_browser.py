"""The desk in real headless Chromium against the real server (uvicorn on a free 127.0.0.1 port).

Screenshots go to artifacts/screenshots/ (gitignored) for a look by eye.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import PASSWORD, PETITIONER, STORY_ID, STORY_LABEL, build_site

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    import uvicorn

    site = build_site(tmp_path / "browser.db")
    port = _free_port()
    config = uvicorn.Config(site.app(), host="127.0.0.1", port=port, access_log=False, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield site, f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_office_day_in_chromium(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    site, base = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    csp_errors: list[str] = []
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            locale="vi-VN",
        )
        page = ctx.new_page()
        page.on(
            "console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None
        )
        page.set_default_timeout(10_000)

        # Sign in (Vietnamese by default).
        page.goto(base + "/")
        expect(page).to_have_url(base + "/login")
        expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
        page.get_by_label("Tên đăng nhập").fill("coord")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_role("heading", name="Việc của tôi")).to_be_visible()
        page.screenshot(path=str(SHOTS / "01-my-work.png"), full_page=True)

        # Open a case from a story.
        page.get_by_role("link", name="Sự kiện nổi bật").click()
        page.get_by_role("link", name=STORY_LABEL).click()
        expect(page.get_by_role("heading", name=re.compile("Ngập lụt ở Huế"))).to_be_visible()
        page.screenshot(path=str(SHOTS / "02-story.png"), full_page=True)
        page.locator("#open-case").click()
        expect(page).to_have_url(re.compile(r"/cases/\d+$"))
        case_url = page.url
        expect(page.locator("#case-status")).to_have_text("Mới")

        # Assign to agency A, start, respond, close.
        page.locator("#to").select_option("assigned")
        page.locator("#agency_id").select_option(str(site.agency_a))
        page.locator("#apply-move").click()
        expect(page.locator("#case-status")).to_have_text("Đã giao")
        for to, status, reason in [
            ("in_progress", "Đang xử lý", ""),
            ("responded", "Đã trả lời", "Đã đăng thông tin chính thức về tình hình ngập"),
            ("closed", "Đã đóng", ""),
        ]:
            page.locator("#to").select_option(to)
            page.locator("#reason").fill(reason)
            page.locator("#apply-move").click()
            expect(page.locator("#case-status")).to_have_text(status)
        page.get_by_label("Thêm ý kiến").fill("Đã phối hợp với UBND thành phố Huế")
        page.get_by_role("button", name="Gửi ý kiến").click()
        expect(page.get_by_text("Đã phối hợp với UBND thành phố Huế")).to_be_visible()
        page.screenshot(path=str(SHOTS / "03-case-closed.png"), full_page=True)
        assert page.url.startswith(case_url)

        # File a petition through the intake form (the privacy notice must be ticked).
        page.goto(base + "/petitions/new")
        expect(page.get_by_text("Thông báo xử lý dữ liệu cá nhân", exact=False).first).to_be_visible()
        page.locator("#kind").select_option("kien_nghi_phan_anh")
        page.locator("#subject").fill("Đèn chiếu sáng đường Lê Lợi bị hỏng")
        page.locator("#sector").select_option("land")
        page.locator("#name").fill(PETITIONER["name"])
        page.locator("#phone").fill(PETITIONER["phone"])
        page.locator("#content").fill("Đề nghị sửa đèn chiếu sáng trước số nhà 12.")
        page.screenshot(path=str(SHOTS / "04-petition-form.png"), full_page=True)
        page.get_by_role("button", name="Vào sổ đơn thư").click()
        # Without the tick the browser itself refuses (required checkbox): still on the form.
        expect(page).to_have_url(base + "/petitions/new")
        page.locator("#privacy_notice_given").check()
        page.get_by_role("button", name="Vào sổ đơn thư").click()
        # The receipt code is shown once for the citizen's paper receipt, and never in the URL.
        expect(page.locator("[data-receipt]")).to_be_visible()
        receipt = page.locator("[data-receipt]").inner_text().strip()
        assert receipt and receipt not in page.url
        page.screenshot(path=str(SHOTS / "05a-petition-receipt.png"), full_page=True)
        page.get_by_role("link", name="Mở hồ sơ đơn").click()
        expect(page).to_have_url(re.compile(r"/petitions/\d+$"))
        assert "/petitions/" in page.url and PETITIONER["name"] not in page.url
        expect(page.get_by_text(PETITIONER["name"])).to_be_visible()
        page.screenshot(path=str(SHOTS / "05-petition.png"), full_page=True)

        # Search with htmx (POST; the words never reach the URL).
        page.goto(base + "/search")
        page.locator("#q").fill("ngap lut")
        page.get_by_role("button", name="Tìm kiếm").click()
        expect(page.locator("#results")).to_contain_text("Mưa lớn gây ngập lụt")
        assert "ngap" not in page.url
        page.screenshot(path=str(SHOTS / "06-search.png"), full_page=True)

        # Switch language.
        page.goto(base + "/")
        page.locator("#lang-switch").click()
        expect(page.get_by_role("heading", name="My work")).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.screenshot(path=str(SHOTS / "07-english.png"), full_page=True)
        page.locator("#lang-switch").click()
        expect(page.get_by_role("heading", name="Việc của tôi")).to_be_visible()
        ctx.close()
    assert not csp_errors, csp_errors
    with site.engine.connect() as conn:
        from tinhhinh.store.desk import get_case

        case = get_case(conn, int(case_url.rsplit("/", 1)[1]))
    assert case["status"] == "closed" and case["origin"] == "story" and case["origin_ref"] == STORY_ID
