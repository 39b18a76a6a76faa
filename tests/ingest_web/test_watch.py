from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from localweb import Reply
from sqlalchemy import select
from vnsites import STORIES, Story, article, atom, rss

from tinhhinh.ingest.watch import Watcher, WatchOptions, read_feed_list
from tinhhinh.store import sources as source_store
from tinhhinh.store.schema import items
from tinhhinh.store.search import search


def _serve_news(site, *, etag: str = '"feed-v1"') -> None:
    """A VnExpress-like RSS feed with conditional GET, and its three article pages."""

    def feed(req):
        if req.headers.get("if-none-match") == etag:
            return Reply(b"", 304, headers={"ETag": etag})
        return Reply(
            rss(site.base).encode(),
            headers={"ETag": etag, "Last-Modified": "Wed, 26 Nov 2026 01:00:00 GMT"},
            content_type="application/rss+xml; charset=utf-8",
        )

    site.routes["/rss/thoi-su.rss"] = feed
    for s in STORIES:
        site.routes[f"/thoi-su/{s.slug}.html"] = Reply(article(s).encode())


def _watcher(engine, feeds, fetcher, logs, **opts):
    options = WatchOptions(every=timedelta(minutes=10), failure_alert=3, **opts)
    return Watcher(engine, feeds, fetcher=fetcher, options=options, log=logs.append)


def _rows(engine):
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(items).order_by(items.c.pk))]


def test_poll_stores_full_articles_then_304(site, fetcher, engine):
    _serve_news(site)
    feed_url = site.url("/rss/thoi-su.rss")
    logs: list[str] = []
    w = _watcher(engine, [feed_url], fetcher, logs)
    first = w.poll()
    assert first.fetched == 1 and first.pages == 3 and first.stored.new == 3 and not first.failed
    rows = _rows(engine)
    assert [r["title"] for r in rows] == [s.title for s in STORIES]
    assert "sông Trà Khúc dâng nhanh" in rows[0]["text"]  # the page's body, not the feed's teaser
    assert "Mong bà con an toàn" not in rows[0]["text"]  # comments left out
    assert rows[0]["source"] == "127.0.0.1"
    src = source_store.get(engine, feed_url)
    assert src.etag == '"feed-v1"' and src.consecutive_failures == 0 and src.items_total == 3
    assert src.last_success_at is not None and src.last_status == 200

    pages_before = sum(len(site.hits(f"/thoi-su/{s.slug}.html")) for s in STORIES)
    second = w.poll()
    assert second.not_modified == 1 and second.fetched == 0 and second.stored.new == 0
    assert site.hits("/rss/thoi-su.rss")[-1].headers["if-none-match"] == '"feed-v1"'
    assert sum(len(site.hits(f"/thoi-su/{s.slug}.html")) for s in STORIES) == pages_before
    assert source_store.get(engine, feed_url).total_successes == 2
    (health,) = source_store.health(engine, now=src.last_success_at, days=7)
    assert health["items_per_day"] == 3  # added today: 3 items in its one day, not 3/7
    for age, per_day in ((1, 1.5), (6, 0.43), (30, 0.43)):  # days watched, up to the 7-day window
        with engine.begin() as conn:
            conn.execute(
                source_store.sources.update().values(added_at=src.last_success_at - timedelta(days=age))
            )
        (health,) = source_store.health(engine, now=src.last_success_at, days=7)
        assert health["items_per_day"] == per_day, age


def test_new_entries_only_fetch_new_pages(site, fetcher, engine):
    _serve_news(site)
    w = _watcher(engine, [site.url("/rss/thoi-su.rss")], fetcher, [])
    w.poll()
    _serve_news(site, etag='"feed-v2"')  # feed changed (same entries): nothing new to fetch
    before = len(site.log)
    report = w.poll()
    assert report.fetched == 1 and report.pages == 0 and report.stored.new == 0
    assert [r.path for r in site.log[before:]] == ["/rss/thoi-su.rss"]


def test_atom_portal_and_robots_fallback(site, fetcher, engine):
    site.routes["/atom.xml"] = Reply(atom(site.base).encode(), content_type="application/atom+xml")
    site.routes["/robots.txt"] = Reply(b"User-agent: *\nDisallow: /tin-tuc/\n", content_type="text/plain")
    w = _watcher(engine, [site.url("/atom.xml")], fetcher, [])
    report = w.poll()
    assert report.stored.new == 3 and report.pages == 0 and report.fallbacks == 3
    assert not [r for r in site.log if r.path.startswith("/tin-tuc/")]
    rows = _rows(engine)
    assert rows[0]["text"] == STORIES[0].lead  # the feed's summary stands in for the page
    assert rows[0]["provenance"]["page_unused"] == "robots.txt disallows the page"


def test_failing_source_counts_backs_off_and_alerts(site, fetcher, engine):
    site.routes["/rss/dead.rss"] = Reply(b"Service Unavailable", 503)
    _serve_news(site)
    feeds = [site.url("/rss/dead.rss"), site.url("/rss/thoi-su.rss")]
    logs: list[str] = []
    w = _watcher(engine, feeds, fetcher, logs)
    w.options.every = timedelta(0)  # no backoff wait, to count failures quickly
    for n in range(1, 4):
        report = w.poll()
        assert report.failed == [feeds[0]]
        assert source_store.get(engine, feeds[0]).consecutive_failures == n
    assert report.alerts and "failed 3 times in a row" in report.alerts[0]
    assert any("SOURCE FAILING" in line for line in logs)
    good = source_store.get(engine, feeds[1])
    assert good.consecutive_failures == 0 and good.items_total == 3  # one bad feed never blocks the others

    w.options.every = timedelta(minutes=10)
    w.poll()  # 4th failure: next try 10 min * 2**3 later
    dead = source_store.get(engine, feeds[0])
    assert dead.next_attempt_at - dead.last_attempt_at == timedelta(minutes=80)
    hits = len(site.hits("/rss/dead.rss"))
    report = w.poll()
    assert report.waiting == 1 and len(site.hits("/rss/dead.rss")) == hits  # backing off, not hammering
    assert "HTTP 503" in dead.last_error

    # recovery resets the count
    _serve_news(site)
    site.routes["/rss/dead.rss"] = site.routes["/rss/thoi-su.rss"]
    with engine.begin() as conn:
        conn.execute(source_store.sources.update().values(next_attempt_at=None))
    w.poll()
    assert source_store.get(engine, feeds[0]).consecutive_failures == 0


def test_invalid_xml_feed_is_a_failure(site, fetcher, engine):
    site.routes["/rss/broken.rss"] = Reply(b"<?xml version='1.0'?><rss><channel><item><title>Tin", 200)
    site.routes["/rss/html.rss"] = Reply(b"<html><body>Trang b\xe1\xba\xa3o tr\xc3\xac</body></html>")
    w = _watcher(engine, [site.url("/rss/html.rss")], fetcher, [])
    report = w.poll()
    assert (
        report.failed
        and "not an RSS/Atom feed" in source_store.get(engine, site.url("/rss/html.rss")).last_error
    )


def test_transient_page_failure_retried_then_given_up(site, fetcher, engine):
    _serve_news(site)
    slug = STORIES[1].slug
    site.routes[f"/thoi-su/{slug}.html"] = Reply(b"busy", 503)
    fetcher.policy.retries = 0
    w = _watcher(engine, [site.url("/rss/thoi-su.rss")], fetcher, [], page_attempts=2)
    first = w.poll()
    assert first.stored.new == 2
    assert source_store.get(engine, site.url("/rss/thoi-su.rss")).etag is None  # feed not done: no validators
    second = w.poll()  # feed fetched again (200), the page retried, given up -> feed summary stored
    assert second.fetched == 1 and second.stored.new == 1
    row = [r for r in _rows(engine) if slug in r["url"]][0]
    assert row["text"] == STORIES[1].lead and "2 attempts" in row["provenance"]["page_unused"]
    assert source_store.get(engine, site.url("/rss/thoi-su.rss")).etag == '"feed-v1"'


def test_stop_request_finishes_current_batch(site, fetcher, engine):
    _serve_news(site)
    site.routes["/rss/other.rss"] = site.routes["/rss/thoi-su.rss"]
    feeds = [site.url("/rss/thoi-su.rss"), site.url("/rss/other.rss")]
    w = _watcher(engine, feeds, fetcher, [])
    w.log = lambda msg: w.stop.set()  # a SIGTERM arriving while the first feed is stored
    report = w.poll()
    assert report.stopped and report.stored.new == 3
    assert site.hits("/rss/other.rss") == []


def test_feed_list_parsing(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# mine\nhttps://a.vn/rss/x.rss  # thời sự\n\nhttps://a.vn/rss/x.rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.vn/rss/x.rss"]
    path.write_text("vnexpress.net/rss\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"feeds.txt:1: .* is not an http\(s\) URL"):
        read_feed_list(path)
    shipped = read_feed_list(Path(__file__).parents[2] / "src/tinhhinh/data/feeds.txt")
    assert len(shipped) >= 15 and all(u.startswith("https://") for u in shipped)


def test_sources_command_json_and_red_alert(site, fetcher, engine, tmp_path):
    site.routes["/rss/dead.rss"] = Reply(b"oops", 500)
    w = _watcher(engine, [site.url("/rss/dead.rss")], fetcher, [])
    w.options.every = timedelta(0)
    for _ in range(5):
        w.poll()
    db = engine.url.render_as_string(hide_password=False)  # a SQLite file or a PostgreSQL database

    def sources(*extra: str, columns: int = 250) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "tinhhinh.cli", "sources", "--db", db, *extra],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "COLUMNS": str(columns)},
        )

    done = sources("--json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert (
        row["consecutive_failures"] == 5 and row["status"] == "FAILING ×5" and "HTTP 500" in row["last_error"]
    )
    assert "SOURCE FAILING" in done.stderr
    table = sources()
    assert "FAILING ×5" in table.stdout and "127.0.0.1" in table.stdout
    # an 80-column terminal: the status, the times and the error stay readable (the error has its own
    # line below the table; it was wrapped into a column a few letters wide)
    lines = sources(columns=80).stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any("FAILING ×5" in line and "never" in line for line in lines)
    assert any(re.search(r": HTTP 500\b", line) for line in lines)


def test_big_backlog_is_fetched_over_several_polls(site, fetcher, engine):
    _serve_news(site)
    w = _watcher(engine, [site.url("/rss/thoi-su.rss")], fetcher, [], max_pages_per_feed=2)
    first = w.poll()
    assert first.pages == 2 and first.stored.new == 2
    assert source_store.get(engine, site.url("/rss/thoi-su.rss")).etag is None  # not done: no 304 next time
    second = w.poll()
    assert second.fetched == 1 and second.pages == 1 and second.stored.new == 1
    assert source_store.get(engine, site.url("/rss/thoi-su.rss")).etag == '"feed-v1"'
    assert w.poll().not_modified == 1


def test_collected_page_is_found_as_people_type(site, fetcher, engine):
    """Real pages glue words with &nbsp;, en dashes and ellipses. Whatever the backend, a query typed
    without diacritics (how most people type) finds the words on both sides of them."""
    story = Story(
        "bao-so-9-do-bo-4821200",
        "Bão số 9 đổ bộ Đà Nẵng–Quảng Nam, Hà&nbsp;Nội mưa rét",
        "Mùa mưa bão 2025–2026 được dự báo kéo dài.",
        [
            "Chiều 25/11, bão số 9 đổ bộ vùng biển Đà Nẵng–Quảng Nam, gió giật cấp 12. Tại Hà&nbsp;Nội, "
            "trời mưa rét, nhiệt độ thấp nhất 12 độ C…theo Trung tâm Dự báo khí tượng thủy văn quốc gia.",
            "Người dân gọi đợt mưa này là “mưa vàng”; ngành nông nghiệp khuyến cáo chằng chống nhà cửa.",
        ],
        "Tue, 25 Nov 2026 16:42:10 +0700",
        "2026-11-25T16:42:10+07:00",
    )
    site.routes["/rss/bao.rss"] = Reply(rss(site.base, [story]).encode(), content_type="application/rss+xml")
    site.routes[f"/thoi-su/{story.slug}.html"] = Reply(article(story).encode())
    report = _watcher(engine, [site.url("/rss/bao.rss")], fetcher, []).poll()
    assert report.pages == 1 and report.stored.new == 1
    (row,) = _rows(engine)
    assert (
        "Nẵng–Quảng" in row["text"] and "12 độ C…theo" in row["text"]
    )  # the page's own characters were kept
    for query in (
        "ha noi",
        "Hà Nội",
        "quang nam",
        "Quảng Nam",
        "da nang",
        "2026",
        "nhiet do",
        "theo trung tam",
    ):
        assert [h.title for h in search(engine, query, audit=False)] == [row["title"]], query


def test_oversized_links_and_validators_are_handled_alike_on_both_backends(site, fetcher, engine):
    """Servers send what they like: a 600-character ETag, a 100-character Last-Modified, an article
    link of 3,000 characters. SQLite ignores column lengths, PostgreSQL refuses the whole batch; so the
    watcher rejects the entry it cannot store (with the reason), stores the others, and keeps the feed
    healthy without the oversized validators."""
    long_slug = "tin-" + "x" * 3000
    story = Story(
        long_slug,
        "Tin có đường dẫn rất dài",
        STORIES[0].lead,
        STORIES[0].body,
        STORIES[0].published,
        STORIES[0].iso,
    )

    def feed(req):
        return Reply(
            rss(site.base, [story, STORIES[1]]).encode(),
            headers={
                "ETag": '"' + "e" * 600 + '"',
                "Last-Modified": "Wed, 26 Nov 2026 01:00:00 GMT" + "x" * 70,
            },
            content_type="application/rss+xml; charset=utf-8",
        )

    site.routes["/rss/dai.rss"] = feed
    site.routes[f"/thoi-su/{long_slug}.html"] = Reply(article(story).encode())
    site.routes[f"/thoi-su/{STORIES[1].slug}.html"] = Reply(article(STORIES[1]).encode())
    w = _watcher(engine, [site.url("/rss/dai.rss")], fetcher, [])
    report = w.poll()
    assert report.stored.new == 1 and report.stored.rejected == 1 and not report.failed
    (rej,) = report.stored.rejections
    assert "link of 3," in rej.reason and "longer than the 2,048" in rej.reason
    assert [r["title"] for r in _rows(engine)] == [STORIES[1].title]
    assert not site.hits(f"/thoi-su/{long_slug}.html")  # not fetched either
    src = source_store.get(engine, site.url("/rss/dai.rss"))
    assert src.consecutive_failures == 0 and src.last_success_at is not None
    assert src.etag is None and src.last_modified is None  # dropped, not cut
    again = w.poll()
    assert again.fetched == 1 and again.pages == 0 and again.stored.new == 0  # a full fetch, nothing new
    assert "if-none-match" not in site.hits("/rss/dai.rss")[-1].headers


def test_feed_summaries_stored_by_ingest_get_their_page_once(site, fetcher, engine):
    """`ingest FEED_URL` stores the feed's summaries; watching the same feed then fetches each page and
    puts its body into the stored item (same pk, analysed again), once."""
    from tinhhinh.ingest.feeds import items_from_feed
    from tinhhinh.ingest.run import analysis_for, ingest
    from tinhhinh.store.flags import flags

    _serve_news(site)
    feed_url = site.url("/rss/thoi-su.rss")
    stages, ordered = analysis_for(engine)
    first = ingest(items_from_feed(feed_url, fetcher=fetcher), engine, stages=stages, ordered=ordered)
    assert first.new == 3
    before = {r["url"]: r for r in _rows(engine)}
    assert all(r["text"] == s.lead for r, s in zip(before.values(), STORIES, strict=True))
    assert not search(engine, "dâng nhanh")

    logs: list[str] = []
    w = _watcher(engine, [feed_url], fetcher, logs)
    w.stages, w.ordered = stages, ordered
    report = w.poll()
    assert report.stored.new == 0 and report.stored.present == 3  # the summary counts say so
    assert report.upgraded == 3 and report.pages == 3 and report.fallbacks == 0
    assert "3 already stored (3 given their page's text)" in logs[0]
    after = {r["url"]: r for r in _rows(engine)}
    assert [r["pk"] for r in after.values()] == [r["pk"] for r in before.values()]
    flood = after[site.url(f"/thoi-su/{STORIES[0].slug}.html")]
    assert "sông Trà Khúc dâng nhanh" in flood["text"] and "Mong bà con an toàn" not in flood["text"]
    assert flood["provenance"]["via"] == "page" and flood["provenance"]["upgraded_from"] == "feed"
    assert flood["story_id"] == before[flood["url"]]["story_id"]
    assert flood["content_hash"] != before[flood["url"]]["content_hash"]
    assert [h.pk for h in search(engine, "dâng nhanh")] == [flood["pk"]]  # the index follows
    assert search(engine, "Trà Khúc")  # and still finds what the summary said
    scam = after[site.url(f"/thoi-su/{STORIES[1].slug}.html")]
    assert "OTP" in scam["text"] and scam["keywords"] != before[scam["url"]]["keywords"]  # analysed again
    with engine.connect() as conn:
        flag_items = set(conn.execute(select(flags.c.item_pk)).scalars())
    assert flag_items == {r["pk"] for r in after.values() if r["harm"]}

    _serve_news(site, etag='"feed-v2"')  # the feed changes: nothing is fetched or changed again
    pages = len(site.log)
    again = w.poll()
    assert again.upgraded == 0 and again.stored.present == 3 and again.pages == 0
    assert [r.path for r in site.log[pages:]] == ["/rss/thoi-su.rss"]
    assert _rows(engine) == list(after.values())


def test_feed_summary_whose_page_is_unusable_is_kept_and_not_fetched_again(site, fetcher, engine):
    from tinhhinh.ingest.feeds import items_from_feed
    from tinhhinh.ingest.run import ingest

    _serve_news(site)
    slug = STORIES[2].slug
    site.routes[f"/thoi-su/{slug}.html"] = Reply(b"gone", 404)
    feed_url = site.url("/rss/thoi-su.rss")
    ingest(items_from_feed(feed_url, fetcher=fetcher), engine)
    w = _watcher(engine, [feed_url], fetcher, [])
    assert w.poll().upgraded == 2
    row = [r for r in _rows(engine) if slug in r["url"]][0]
    assert row["text"] == STORIES[2].lead and "404" in row["provenance"]["page_unused"]
    _serve_news(site, etag='"feed-v2"')
    site.routes[f"/thoi-su/{slug}.html"] = Reply(b"gone", 404)
    hits = len(site.hits(f"/thoi-su/{slug}.html"))
    w.poll()
    assert len(site.hits(f"/thoi-su/{slug}.html")) == hits


def test_feed_dropped_from_the_list_is_inactive_and_raises_no_alert(site, fetcher, engine):
    site.routes["/rss/dead.rss"] = Reply(b"oops", 500)
    _serve_news(site)
    dead, good = site.url("/rss/dead.rss"), site.url("/rss/thoi-su.rss")
    w = _watcher(engine, [dead, good], fetcher, [])
    w.options.every = timedelta(0)
    for _ in range(4):
        w.poll()
    assert source_store.alert_changes(engine, 3)[0][0].url == dead  # failing, alert due
    _watcher(engine, [good], fetcher, []).poll()  # the list no longer has the dead feed
    assert not source_store.get(engine, dead).active and source_store.get(engine, good).active
    assert source_store.alert_changes(engine, 3) == []
    db = engine.url.render_as_string(hide_password=False)

    def sources(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "tinhhinh.cli", "sources", "--db", db, *extra],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "COLUMNS": "250"},
        )

    done = sources("--json")
    assert done.returncode == 0, done.stderr
    status = {r["url"]: r["status"] for r in json.loads(done.stdout)}
    assert status == {dead: "inactive", good: "ok"}
    assert "SOURCE FAILING" not in done.stderr
    assert "inactive" in sources().stdout

    retired = sources("--retire", good, "--json")  # retire one now, before editing the list
    assert retired.returncode == 0 and f"retired {good}" in retired.stderr
    assert {r["status"] for r in json.loads(retired.stdout)} == {"inactive"}
    unknown = sources("--retire", site.url("/nope.rss"))
    assert unknown.returncode == 1 and "no such source" in unknown.stderr
    w.poll()  # listed again: watched again
    assert source_store.get(engine, good).active and source_store.get(engine, dead).active


def test_paywall_page_falls_back_to_the_feed_summary(site, fetcher, engine):
    _serve_news(site)
    slug = STORIES[0].slug
    site.routes[f"/thoi-su/{slug}.html"] = Reply(
        "<html><body><article><h1>Có ngày</h1><p>Nội dung dành cho thành viên. Đăng nhập để đọc tiếp.</p>"
        "</article></body></html>".encode()
    )
    report = _watcher(engine, [site.url("/rss/thoi-su.rss")], fetcher, []).poll()
    assert report.stored.new == 3 and report.fallbacks == 1
    row = [r for r in _rows(engine) if slug in r["url"]][0]
    assert row["text"] == STORIES[0].lead
    assert "paywall" in row["provenance"]["page_unused"]
