from __future__ import annotations

import time
import zlib

import pytest
from localweb import Reply, gzip_bomb, gzipped
from vnsites import STORIES, article, cp1258

from tinhhinh import __version__
from tinhhinh.ingest.http import FetchError, RobotsDisallowed, TooLarge, decode

PAGE = article(STORIES[0]).encode("utf-8")


def test_user_agent_and_plain_get(site, fetcher):
    site.routes["/a.html"] = Reply(PAGE)
    resp = fetcher.get(site.url("/a.html"))
    assert resp.status == 200 and resp.body == PAGE
    ua = site.hits("/a.html")[0].headers["user-agent"]
    assert ua == f"tinhhinh/{__version__} (+desk@so-tttt.example.gov.vn)"
    assert "Quảng Ngãi sơ tán" in resp.text()


def test_robots_disallow_is_obeyed_and_cached(site, fetcher):
    site.routes["/private/x.html"] = Reply(PAGE)
    with pytest.raises(RobotsDisallowed):
        fetcher.get(site.url("/private/x.html"))
    assert site.hits("/private/x.html") == []
    site.routes["/b.html"] = Reply(PAGE)
    fetcher.get(site.url("/b.html"))
    assert len(site.hits("/robots.txt")) == 1  # one robots.txt per host per run


def test_robots_5xx_means_stay_away_404_means_allowed(site, fetcher):
    site.routes["/robots.txt"] = Reply(b"oops", 503)
    site.routes["/a.html"] = Reply(PAGE)
    with pytest.raises(RobotsDisallowed, match=r"robots.txt unreadable \(HTTP 503\)"):
        fetcher.get(site.url("/a.html"))
    assert site.hits("/a.html") == []
    fetcher._robots.clear()
    site.routes["/robots.txt"] = Reply(b"", 404)
    assert fetcher.get(site.url("/a.html")).status == 200


def test_retries_500_with_bounded_backoff_then_gives_up(site, fetcher, slept):
    site.routes["/down.rss"] = Reply(b"Internal Server Error", 500)
    with pytest.raises(FetchError) as info:
        fetcher.get(site.url("/down.rss"))
    assert info.value.status == 500 and info.value.retryable
    assert len(site.hits("/down.rss")) == 3  # first try + 2 retries
    assert len(slept) == 2 and slept[0] < slept[1] <= 4


def test_retry_heals_a_transient_failure(site, fetcher):
    calls = []

    def flaky(req):
        calls.append(1)
        return Reply(b"busy", 503, headers={"Retry-After": "1"}) if len(calls) == 1 else Reply(PAGE)

    site.routes["/flaky.html"] = flaky
    assert fetcher.get(site.url("/flaky.html")).body == PAGE


def test_404_is_not_retried(site, fetcher):
    with pytest.raises(FetchError) as info:
        fetcher.get(site.url("/missing.html"))
    assert info.value.status == 404 and not info.value.retryable
    assert len(site.hits("/missing.html")) == 1


def test_timeout_when_server_sleeps(site, fetcher):
    site.routes["/slow.html"] = Reply(PAGE, delay=2.0)
    fetcher.policy.retries = 0
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(site.url("/slow.html"))
    assert time.monotonic() - t0 < 1.9


def test_total_deadline_stops_a_trickling_server(site, fetcher):
    # each byte arrives within the read timeout, but the whole body would take ~40 s
    site.routes["/trickle.html"] = Reply(b"x" * 400, trickle=0.1)
    fetcher.policy.retries = 0
    fetcher.policy.total_timeout = 1.0
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="longer than"):
        fetcher.get(site.url("/trickle.html"))
    assert time.monotonic() - t0 < 2.5


def test_gzip_is_inflated(site, fetcher):
    site.routes["/z.html"] = Reply(gzipped(PAGE), headers={"Content-Encoding": "gzip"})
    assert fetcher.get(site.url("/z.html")).body == PAGE


def test_deflate_raw_and_zlib(site, fetcher):
    raw = zlib.compressobj(wbits=-15)
    site.routes["/raw.html"] = Reply(
        raw.compress(PAGE) + raw.flush(), headers={"Content-Encoding": "deflate"}
    )
    site.routes["/zl.html"] = Reply(zlib.compress(PAGE), headers={"Content-Encoding": "deflate"})
    assert fetcher.get(site.url("/raw.html")).body == PAGE
    assert fetcher.get(site.url("/zl.html")).body == PAGE


def test_gzip_bomb_is_stopped_by_decompressed_size(site, fetcher):
    bomb = gzip_bomb(50 * 1024 * 1024)  # ~50 kB on the wire, 50 MB inflated
    assert len(bomb) < fetcher.policy.max_bytes
    site.routes["/bomb.html"] = Reply(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(TooLarge, match="decompressed"):
        fetcher.get(site.url("/bomb.html"))


def test_declared_too_large_is_refused_before_reading(site, fetcher):
    site.routes["/huge.html"] = Reply(b"x" * (300 * 1024))
    with pytest.raises(TooLarge):
        fetcher.get(site.url("/huge.html"))


def test_corrupt_gzip_is_a_clear_error(site, fetcher):
    site.routes["/bad.html"] = Reply(
        b"\x1f\x8b\x08\x00garbage-not-gzip", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match="corrupt gzip"):
        fetcher.get(site.url("/bad.html"))


def test_redirects_followed_and_loops_stopped(site, fetcher):
    site.routes["/old.html"] = Reply(b"", 301, headers={"Location": "/new.html"})
    site.routes["/new.html"] = Reply(PAGE)
    resp = fetcher.get(site.url("/old.html"))
    assert resp.url == site.url("/new.html") and resp.redirects == [site.url("/old.html")]
    site.routes["/loop-a"] = Reply(b"", 302, headers={"Location": "/loop-b"})
    site.routes["/loop-b"] = Reply(b"", 302, headers={"Location": "/loop-a"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(site.url("/loop-a"))
    for i in range(10):
        site.routes[f"/hop{i}"] = Reply(b"", 302, headers={"Location": f"/hop{i + 1}"})
    with pytest.raises(FetchError, match="more than 4 redirects"):
        fetcher.get(site.url("/hop0"))


def test_redirect_into_disallowed_path_is_refused(site, fetcher):
    site.routes["/go"] = Reply(b"", 302, headers={"Location": "/private/secret.html"})
    site.routes["/private/secret.html"] = Reply(PAGE)
    with pytest.raises(RobotsDisallowed):
        fetcher.get(site.url("/go"))
    assert site.hits("/private/secret.html") == []


def test_conditional_get_gives_304(site, fetcher):
    def feed(req):
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(b"", 304, headers={"ETag": '"v1"'})
        return Reply(b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Wed, 26 Nov 2026 01:00:00 GMT"})

    site.routes["/f.rss"] = feed
    first = fetcher.get(site.url("/f.rss"))
    assert first.status == 200 and first.etag == '"v1"'
    second = fetcher.get(site.url("/f.rss"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.body == b""
    assert site.hits("/f.rss")[1].headers["if-modified-since"] == "Wed, 26 Nov 2026 01:00:00 GMT"


def test_not_http_scheme_refused(fetcher):
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")


# --- charset ---------------------------------------------------------------------------------------

VI = "Người dân Quảng Ngãi được sơ tán khỏi vùng lũ; đường sá ngập sâu."


def test_decode_declared_utf8_but_windows_1258():
    body = cp1258(f"<html><head><meta charset='utf-8'></head><body>{VI}</body></html>")
    assert VI in decode(body, "text/html; charset=utf-8")


def test_decode_declared_windows_1258_but_utf8():
    body = f"<html><body>{VI}</body></html>".encode()
    assert VI in decode(body, "text/html; charset=windows-1258")


def test_decode_meta_charset_when_header_silent():
    body = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>{VI}</body></html>'
    assert VI in decode(cp1258(body), "text/html")


def test_decode_nfd_becomes_nfc_and_bom():
    import unicodedata

    nfd = unicodedata.normalize("NFD", VI)
    assert decode(nfd.encode()) == VI
    assert decode(b"\xef\xbb\xbf" + VI.encode()) == VI
    assert decode(VI.encode("utf-16")) == VI


def test_decode_declared_latin1_but_windows_1258():
    # old Vietnamese sites: iso-8859-1 in the header, windows-1258 bytes in the body
    body = cp1258(f"<html><body>{VI}</body></html>")
    assert VI in decode(body, "text/html; charset=iso-8859-1")


def test_decode_plain_western_text_stays_western():
    text = "Café société, naïve façade — résumé"
    assert decode(text.encode("cp1252"), "text/html; charset=windows-1252") == text


def test_policy_from_settings(monkeypatch, tmp_path):
    from tinhhinh.console import UserError
    from tinhhinh.ingest.http import FetchPolicy

    home = tmp_path / "h"
    home.mkdir()
    monkeypatch.setenv("TINHHINH_HOME", str(home))
    (home / "settings.toml").write_text(
        '[collect]\ncontact = "so@example.vn"\n[collect.http]\nretries = 4\nhost_delay = 2\n',
        encoding="utf-8",
    )
    policy = FetchPolicy.from_settings()
    assert policy.retries == 4 and policy.host_delay == 2.0 and policy.user_agent.endswith("(+so@example.vn)")
    (home / "settings.toml").write_text('[collect.http]\nretries = "many"\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"\[collect.http\] retries = 'many': expected a int"):
        FetchPolicy.from_settings()


def test_network_down_is_named_before_robots(fetcher):
    from localweb import free_port

    url = f"http://127.0.0.1:{free_port()}/rss.xml"  # nothing listens: as when the network or DNS is down
    with pytest.raises(RobotsDisallowed) as caught:
        fetcher.get(url)
    assert caught.value.reason.startswith("cannot reach 127.0.0.1 (network error: ")
    assert "check the network" in caught.value.reason and caught.value.temporary
