from __future__ import annotations

from datetime import datetime

import pytest
from localweb import Reply
from vnsites import STORIES, article, atom, cp1258, rss

from tinhhinh.ingest.feeds import items_from_feed, parse_date
from tinhhinh.ingest.pages import items_from_page
from tinhhinh.ingest.records import Rejection
from tinhhinh.item import Item


def _items(records):
    return [r for r in records if isinstance(r, Item)], [r for r in records if isinstance(r, Rejection)]


def test_rss_file_with_cdata(tmp_path):
    path = tmp_path / "thoi-su.rss"
    path.write_text(rss("https://vntin.example.vn"), encoding="utf-8")
    items, rejected = _items(list(items_from_feed(path)))
    assert not rejected and len(items) == 3
    first = items[0]
    assert first.kind == "article" and first.source == "vntin.example.vn"
    assert first.url == f"https://vntin.example.vn/thoi-su/{STORIES[0].slug}.html"
    assert first.title == STORIES[0].title  # CDATA padding stripped
    assert first.text == STORIES[0].lead  # teaser <a><img></a></br> removed
    assert first.published_at == datetime(2026, 11, 25, 9, 42, 10)  # +0700 -> naive UTC
    assert first.provenance["via"] == "feed"


def test_atom_dates_without_zone_are_vietnam_time(tmp_path):
    path = tmp_path / "portal.atom"
    path.write_text(atom("https://quangngai.example.gov.vn"), encoding="utf-8")
    items, rejected = _items(list(items_from_feed(path)))
    assert not rejected and len(items) == 3
    assert items[0].published_at == datetime(2026, 11, 25, 9, 42, 10)
    assert items[0].source == "quangngai.example.gov.vn"
    assert items[0].text == STORIES[0].lead


def test_feed_declared_utf8_but_windows_1258(site, fetcher):
    body = cp1258(rss(site.base, encoding="UTF-8"))
    site.routes["/rss/thoi-su.rss"] = Reply(body, content_type="application/rss+xml; charset=utf-8")
    items, rejected = _items(list(items_from_feed(site.url("/rss/thoi-su.rss"), fetcher=fetcher)))
    assert not rejected and items[1].title == STORIES[1].title


def test_feed_declared_windows_1258_but_utf8(site, fetcher):
    body = rss(site.base, encoding="windows-1258").encode("utf-8")
    site.routes["/rss/x.rss"] = Reply(body, content_type="text/xml; charset=windows-1258")
    items, _ = _items(list(items_from_feed(site.url("/rss/x.rss"), fetcher=fetcher)))
    assert items[0].title == STORIES[0].title


def test_invalid_xml_is_one_clear_rejection(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<html><body>502 Bad Gateway</body>")
    items, rejected = _items(list(items_from_feed(path)))
    assert items == [] and len(rejected) == 1
    assert "not an RSS/Atom feed" in rejected[0].reason


def test_truncated_feed_keeps_complete_entries(tmp_path):
    text = rss("https://vntin.example.vn")
    path = tmp_path / "cut.rss"
    path.write_text(text[: text.index("<item>", text.index("<item>") + 10) + 30], encoding="utf-8")
    items, _ = _items(list(items_from_feed(path)))
    assert len(items) >= 1 and items[0].title == STORIES[0].title


def test_entry_without_link_rejected_others_kept(tmp_path):
    text = rss("https://vntin.example.vn").replace(
        f"<link>https://vntin.example.vn/thoi-su/{STORIES[1].slug}.html</link>", "", 1
    )
    text = text.replace(
        f'<guid isPermaLink="true">https://vntin.example.vn/thoi-su/{STORIES[1].slug}.html</guid>', ""
    )
    path = tmp_path / "nolink.rss"
    path.write_text(text, encoding="utf-8")
    items, rejected = _items(list(items_from_feed(path)))
    assert len(items) == 2 and len(rejected) == 1
    assert "entry 2" in rejected[0].where and "no usable link" in rejected[0].reason


def test_feed_http_error_is_rejection(site):
    site.routes["/rss/down.rss"] = Reply(b"oops", 500)
    from tinhhinh.ingest.http import Fetcher, FetchPolicy

    with Fetcher(FetchPolicy(retries=0, host_delay=0)) as f:
        items, rejected = _items(list(items_from_feed(site.url("/rss/down.rss"), fetcher=f)))
    assert items == [] and "HTTP 500" in rejected[0].reason


def test_article_page_body_without_nav_ads_comments(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(article(STORIES[0]), encoding="utf-8")
    (item,) = list(items_from_page(path, url=f"https://vntin.example.vn/thoi-su/{STORIES[0].slug}.html"))
    assert isinstance(item, Item), item
    assert item.title == STORIES[0].title
    assert "sông Trà Khúc dâng nhanh" in item.text
    for noise in ("Vay tiền nhanh", "Trang chủ", "Mong bà con an toàn", "Copyright", "Tin liên quan"):
        assert noise not in item.text
    assert item.published_at == datetime(2026, 11, 25, 9, 42, 10)
    assert item.source == "vntin.example.vn"


PLAIN_PAGE = (
    "<html><head><meta charset='utf-8'><title>Lũ quét Hà Giang</title></head><body><article><h1>Lũ quét</h1>"
    "<p>Chiều 24/11, mưa lớn kéo dài khiến nhiều xã ở Hà Giang bị lũ quét, hàng chục ngôi nhà bị cuốn trôi.</p>"
    "<p>Ông Tâm cho biết đã sơ tán 120 hộ dân đến nơi an toàn trong đêm{c}, lực lượng cứu hộ vẫn túc trực.</p>"
    "</article></body></html>"
)


def test_a_stray_control_character_does_not_lose_the_article(tmp_path):
    # audit collect #3: \x08 \x01 \x07 \x1b in the body made trafilatura find no article at all
    for c in ("\x08", "\x01", "\x07", "\x1b", "\x1b[31m", "\x00"):
        path = tmp_path / "ctl.html"
        path.write_text(PLAIN_PAGE.format(c=c), encoding="utf-8")
        (item,) = list(items_from_page(path, url="https://baohagiang.vn/lu-quet.html"))
        assert isinstance(item, Item), (c, item)
        assert "sơ tán 120 hộ dân đến nơi an toàn trong đêm, lực lượng cứu hộ" in item.text, c


def test_a_control_character_in_a_feed_is_removed_before_parsing(tmp_path):
    path = tmp_path / "ctl.rss"
    feed = rss("https://vntin.example.vn").replace(STORIES[0].title, STORIES[0].title + "\x08", 1)
    path.write_text(feed.replace(STORIES[1].lead, "\x1b[31m" + STORIES[1].lead, 1), encoding="utf-8")
    items, rejected = _items(list(items_from_feed(path)))
    assert not rejected and len(items) == 3
    assert items[0].title == STORIES[0].title and items[1].text == STORIES[1].lead


def test_a_feed_entry_or_page_address_that_is_not_http_is_no_link(tmp_path):
    path = tmp_path / "js.rss"
    link = f"https://vntin.example.vn/thoi-su/{STORIES[0].slug}.html"
    feed = rss("https://vntin.example.vn").replace(f"<link>{link}</link>", "<link>javascript:alert(1)</link>")
    path.write_text(feed, encoding="utf-8")
    items, rejected = _items(list(items_from_feed(path)))
    assert len(items) == 2 and [r.reason for r in rejected] == ["entry has no usable link"]
    page = tmp_path / "og.html"
    page.write_text(
        PLAIN_PAGE.format(c="").replace("<head>", "<head><meta property='og:url' content='javascript:x'>"),
        encoding="utf-8",
    )
    (item,) = list(items_from_page(page))
    assert item.url == page.resolve().as_uri()  # a saved page's identity, as before; never a web link


def test_page_date_from_json_ld_and_url_from_server(site, fetcher):
    site.routes["/p.html"] = Reply(article(STORIES[1], json_ld=True).encode())
    (item,) = list(items_from_page(site.url("/p.html"), fetcher=fetcher))
    assert isinstance(item, Item), item
    assert item.published_at == datetime(2026, 11, 25, 11, 5)
    assert item.url == site.url("/p.html")
    assert "mã OTP" in item.text


def test_page_wrong_charset(site, fetcher):
    site.routes["/w.html"] = Reply(
        cp1258(article(STORIES[2], meta_charset="utf-8")), content_type="text/html; charset=utf-8"
    )
    (item,) = list(items_from_page(site.url("/w.html"), fetcher=fetcher))
    assert isinstance(item, Item), item
    assert item.title == STORIES[2].title and "nhiệt độ ngoài trời dưới 10 độ C" in item.text


def test_page_that_is_not_an_article(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", encoding="utf-8")
    (rej,) = list(items_from_page(path))
    assert isinstance(rej, Rejection) and "article text" in rej.reason


def test_parse_date_forms():
    assert parse_date("Tue, 25 Nov 2026 16:42:10 +0700") == parse_date("2026-11-25T09:42:10Z")
    assert parse_date("25/11/2026 16:42").hour == 9
    assert parse_date("16:42 25/11/2026").hour == 9
    assert parse_date("not a date") is None and parse_date("31/02/2026") is None


PAYWALL = (
    "<html><head><title>Có ngày</title></head><body><nav><a href='/'>Trang chủ</a></nav><article>"
    "<h1>Có ngày</h1><p>{}</p></article></body></html>"
)


@pytest.mark.parametrize(
    "notice",
    [
        "Nội dung dành cho thành viên. Đăng nhập để đọc tiếp.",
        "Bài viết này chỉ dành cho thành viên trả phí. Vui lòng đăng ký gói để tiếp tục.",
        "NỘI DUNG DÀNH CHO NGƯỜI ĐĂNG KÝ — hãy đăng nhập để đọc toàn bộ bài viết.",
        "This story is for subscribers only. Sign in to read the full article.",
    ],
)
def test_paywall_or_login_stub_is_not_an_article(tmp_path, notice):
    path = tmp_path / "p.html"
    path.write_text(PAYWALL.format(notice), encoding="utf-8")
    (rej,) = list(items_from_page(path, url="https://bao.example.vn/co-ngay.html"))
    assert isinstance(rej, Rejection) and "paywall or sign-in notice" in rej.reason


def test_article_mentioning_sign_in_is_kept(tmp_path):
    body = " ".join(
        [
            "Công an tỉnh cảnh báo người dân không đăng nhập để đọc tin nhắn từ đường link lạ gửi qua mạng xã hội."
        ]
        * 6
    )
    path = tmp_path / "a.html"
    path.write_text(PAYWALL.format(body), encoding="utf-8")
    (item,) = list(items_from_page(path, url="https://bao.example.vn/canh-bao.html"))
    assert isinstance(item, Item) and "đăng nhập để đọc tin nhắn" in item.text


def test_a_page_and_a_feed_give_their_declared_language(tmp_path):
    page = tmp_path / "en.html"
    page.write_text(
        "<html lang='en-GB'><head><meta charset='utf-8'></head><body><article><h1>Weather in Hanoi</h1>"
        "<p>Heavy rain flooded many streets in Hanoi today, officials said. Traffic was slow.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (item,) = list(items_from_page(page, url="https://x.example/a"))
    assert item.lang == "en"
    path = tmp_path / "f.rss"
    path.write_text(
        rss("https://vntin.example.vn").replace("<channel>", "<channel><language>vi-VN</language>")
    )
    items, _ = _items(list(items_from_feed(path)))
    assert {it.lang for it in items} == {"vi"}
