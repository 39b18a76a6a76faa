from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from localweb import Site  # noqa: E402

from tinhhinh.ingest.http import Fetcher, FetchPolicy  # noqa: E402
from tinhhinh.store.db import dispose_all  # noqa: E402


@pytest.fixture
def site():
    s = Site().start()
    s.routes["/robots.txt"] = lambda req: __import__("localweb").Reply(
        b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    yield s
    s.stop()


@pytest.fixture
def slept():
    return []


@pytest.fixture
def fetcher(slept):
    """A fetcher with small limits and no real sleeping between retries (waits are recorded)."""
    policy = FetchPolicy(
        connect_timeout=2,
        read_timeout=1.0,
        total_timeout=3.0,
        retries=2,
        backoff=0.5,
        backoff_max=4,
        max_bytes=256 * 1024,
        max_redirects=4,
        host_delay=0,
        contact="desk@so-tttt.example.gov.vn",
    )
    f = Fetcher(policy, sleep=slept.append)
    yield f
    f.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """The database backend under test; PostgreSQL runs when TINHHINH_TEST_PG names a server."""
    return request.param


@pytest.fixture
def new_db(backend, tmp_path, request):
    """Factory for empty databases of the backend under test: ``new_db("clean")`` -> the ``--db`` value
    (a SQLite path in tmp_path, or the URL of a fresh PostgreSQL database dropped after the test)."""
    if backend == "postgresql":
        create_pg = request.getfixturevalue("pg_database")
        return lambda name: create_pg()
    return lambda name: str(tmp_path / f"{name}.db")


@pytest.fixture
def engine(new_db):
    """A migrated engine on the backend under test (tests/ingest_web/test_watch.py)."""
    from tinhhinh.store.db import engine_for

    eng = engine_for(new_db("watch"))
    yield eng
    dispose_all()
