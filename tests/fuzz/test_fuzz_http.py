"""The fetcher against a server answering with random statuses, headers and bodies:
every outcome is a Response or a FetchError (with a one-line reason), never another exception."""

from __future__ import annotations

import gzip
import sys
import zlib
from pathlib import Path

import pytest
from fuzzkit import FUZZ, check_rejection_message, hard_limit
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1] / "ingest_web"))
from localweb import Reply, Site  # noqa: E402

from tinhhinh.ingest.http import Fetcher, FetchError, FetchPolicy  # noqa: E402

PAGE = "<html><body><p>Người dân được sơ tán khỏi vùng lũ.</p></body></html>".encode()


@pytest.fixture(scope="module")
def server():
    site = Site().start()
    site.routes["/robots.txt"] = Reply(b"User-agent: *\nDisallow: /no/\n", content_type="text/plain")
    fetcher = Fetcher(
        FetchPolicy(retries=1, backoff=0, read_timeout=2, total_timeout=3, max_bytes=64 * 1024, host_delay=0),
        sleep=lambda s: None,
    )
    yield site, fetcher
    fetcher.close()
    site.stop()


bodies = st.one_of(
    st.binary(max_size=3000),
    st.just(PAGE),
    st.just(gzip.compress(PAGE)),
    st.just(zlib.compress(PAGE)),
    st.just(gzip.compress(b"\0" * 1_000_000)),  # inflates past the 64 kB limit
)
headers = st.dictionaries(
    st.sampled_from(["Content-Encoding", "Content-Type", "Location", "ETag", "Last-Modified", "Retry-After"]),
    st.one_of(
        st.sampled_from(
            ["gzip", "deflate", "br", "identity", "x-gzip", "gzip, gzip", "text/html; charset=x-unknown"]
        ),
        st.sampled_from(["/ok", "/no/secret", "http://127.0.0.1:1/", "ftp://x/", "//", "/loop", "?a=1", "#"]),
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
    ),
    max_size=4,
)


@settings(FUZZ, max_examples=max(25, FUZZ.max_examples // 2))
@given(
    status=st.sampled_from([200, 200, 200, 204, 301, 302, 304, 307, 400, 403, 404, 410, 429, 500, 503]),
    body=bodies,
    hdrs=headers,
)
def test_fetcher_outcomes(server, status: int, body: bytes, hdrs: dict) -> None:
    site, fetcher = server
    site.routes["/ok"] = Reply(PAGE)
    site.routes["/loop"] = Reply(b"", 302, headers={"Location": "/loop"})
    site.routes["/x"] = Reply(body, status, headers=hdrs, content_type="")
    with hard_limit(30):
        try:
            resp = fetcher.get(site.url("/x"))
        except FetchError as exc:
            check_rejection_message(exc.reason)
            return
    assert len(resp.body) <= fetcher.policy.max_bytes
    assert isinstance(resp.text(), str)
