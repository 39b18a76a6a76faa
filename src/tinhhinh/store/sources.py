"""Sources: the health record of each watched feed (migration 0005).

One row per feed URL: last success, last error, consecutive failures, ETag/Last-Modified for the
next conditional GET, and when to try again (backoff after failures). ``source_days`` counts
fetches, failures and new items per day, so "items per day" is a fact, not a guess.
``source_pages`` remembers article pages that failed to fetch, so a broken page is retried a few
times and then given up rather than fetched every poll forever.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    update,
)

from tinhhinh.store.schema import metadata

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("kind", String(16), nullable=False, default="feed"),
    Column("name", String(255), nullable=False, default=""),  # site host, e.g. vnexpress.net
    Column("added_at", DateTime, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("last_attempt_at", DateTime),
    Column("last_success_at", DateTime),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("last_error_at", DateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("total_failures", Integer, nullable=False, default=0),
    Column("total_successes", Integer, nullable=False, default=0),
    Column("items_total", Integer, nullable=False, default=0),
    Column("etag", String(512)),
    Column("last_modified", String(64)),
    Column("next_attempt_at", DateTime),
    # whether "failing" was last delivered through the alert channels (file, e-mail): a change of state
    # (failing, recovered) is delivered once, not at every poll (migration 0010)
    Column("alerted_failing", Boolean, nullable=False, default=False),
    extend_existing=True,
)

source_days = Table(
    "source_days",
    metadata,
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("fetches", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),
    Column("items", Integer, nullable=False, default=0),
    extend_existing=True,
)

source_pages = Table(
    "source_pages",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("updated_at", DateTime, nullable=False),
    extend_existing=True,
)


@dataclass
class Source:
    id: int
    url: str
    kind: str
    name: str
    added_at: datetime
    active: bool
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_status: int | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    total_failures: int
    total_successes: int
    items_total: int
    etag: str | None
    last_modified: str | None
    next_attempt_at: datetime | None
    alerted_failing: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _source(row: Any) -> Source:
    return Source(**dict(row._mapping))


def ensure(
    engine: Engine, urls: Iterable[tuple[str, str]], *, now: datetime, kind: str = "feed"
) -> list[Source]:
    """Register (url, name) pairs not yet known; return the rows for all of them, in the given order."""
    pairs = list(dict.fromkeys(urls))
    with engine.begin() as conn:
        known = {
            r.url for r in conn.execute(select(sources.c.url).where(sources.c.url.in_([u for u, _ in pairs])))
        }
        fresh = [
            {
                "url": url,
                "kind": kind,
                "name": name,
                "added_at": now,
                "active": True,
                "consecutive_failures": 0,
                "total_failures": 0,
                "total_successes": 0,
                "items_total": 0,
                "alerted_failing": False,
            }
            for url, name in pairs
            if url not in known
        ]
        if fresh:
            conn.execute(insert(sources), fresh)
        rows = {
            r.url: _source(r)
            for r in conn.execute(select(sources).where(sources.c.url.in_([u for u, _ in pairs])))
        }
    return [rows[u] for u, _ in pairs]


def set_watched(engine: Engine, urls: Iterable[str], *, kind: str = "feed") -> None:
    """The sources of ``kind`` in ``urls`` are active, the others (dropped from the feed list) inactive:
    an inactive source is shown as such and raises no alert."""
    urls = list(dict.fromkeys(urls))
    c = sources.c
    with engine.begin() as conn:
        rows = conn.execute(select(c.id, c.url, c.active).where(c.kind == kind)).all()
        listed = set(urls)
        on = [r.id for r in rows if r.url in listed and not r.active]
        off = [r.id for r in rows if r.url not in listed and r.active]
        if on:
            conn.execute(update(sources).where(c.id.in_(on)).values(active=True))
        if off:
            conn.execute(update(sources).where(c.id.in_(off)).values(active=False))


def retire(engine: Engine, url: str) -> bool:
    """Mark one source inactive now; False when no source has this URL."""
    with engine.begin() as conn:
        done = conn.execute(update(sources).where(sources.c.url == url).values(active=False))
    return done.rowcount > 0


def get(engine: Engine, url: str) -> Source | None:
    with engine.connect() as conn:
        row = conn.execute(select(sources).where(sources.c.url == url)).first()
    return _source(row) if row else None


def all_sources(engine: Engine) -> list[Source]:
    with engine.connect() as conn:
        return [_source(r) for r in conn.execute(select(sources).order_by(sources.c.name, sources.c.url))]


def _bump_day(
    conn: Any, source_id: int, day: date, *, fetches: int = 0, failures: int = 0, items: int = 0
) -> None:
    cols = source_days.c
    done = conn.execute(
        update(source_days)
        .where(cols.source_id == source_id, cols.day == day)
        .values(
            fetches=cols.fetches + fetches, failures=cols.failures + failures, items=cols["items"] + items
        )
    )
    if done.rowcount == 0:
        conn.execute(
            insert(source_days).values(
                source_id=source_id, day=day, fetches=fetches, failures=failures, items=items
            )
        )


def record_success(
    engine: Engine,
    source_id: int,
    *,
    now: datetime,
    status: int,
    new_items: int,
    etag: str | None,
    last_modified: str | None,
    next_attempt_at: datetime | None = None,
) -> None:
    """A poll that worked (200 or 304). Validators are saved only now, after the items are stored,
    so a run killed in between re-fetches the feed instead of skipping its unstored entries."""
    c = sources.c
    with engine.begin() as conn:
        values: dict[str, Any] = {
            "last_attempt_at": now,
            "last_success_at": now,
            "last_status": status,
            "consecutive_failures": 0,
            "total_successes": c.total_successes + 1,
            "items_total": c.items_total + new_items,
            "next_attempt_at": next_attempt_at,
        }
        if status != 304:  # a 304 may omit validators; keep the ones we have
            values["etag"] = _fits(etag, c.etag)
            values["last_modified"] = _fits(last_modified, c.last_modified)
        conn.execute(update(sources).where(c.id == source_id).values(**values))
        _bump_day(conn, source_id, now.date(), fetches=1, items=new_items)


def _fits(value: str | None, column: Any) -> str | None:
    """A validator longer than its column is dropped, not cut: a cut ETag never matches, and PostgreSQL
    (unlike SQLite) refuses the whole update. The feed is then simply fetched in full each poll."""
    return value if value is None or len(value) <= column.type.length else None


def record_items(engine: Engine, source_id: int, *, now: datetime, new_items: int) -> None:
    """New items stored from a source outside a full successful poll (e.g. a stopped run)."""
    if not new_items:
        return
    with engine.begin() as conn:
        conn.execute(
            update(sources)
            .where(sources.c.id == source_id)
            .values(items_total=sources.c.items_total + new_items)
        )
        _bump_day(conn, source_id, now.date(), items=new_items)


def record_failure(
    engine: Engine,
    source_id: int,
    *,
    now: datetime,
    error: str,
    status: int | None,
    base_wait: timedelta,
    max_wait: timedelta = timedelta(hours=6),
) -> int:
    """A poll that failed. Returns the new count of consecutive failures; schedules the next try
    ``base_wait * 2**(failures-1)`` later (capped), so a dead feed is not hammered every poll."""
    c = sources.c
    with engine.begin() as conn:
        failures = conn.execute(select(c.consecutive_failures).where(c.id == source_id)).scalar_one() + 1
        wait = min(max_wait, base_wait * (2 ** min(failures - 1, 20)))
        conn.execute(
            update(sources)
            .where(c.id == source_id)
            .values(
                last_attempt_at=now,
                last_status=status,
                last_error=error[:2000],
                last_error_at=now,
                consecutive_failures=failures,
                total_failures=c.total_failures + 1,
                next_attempt_at=now + wait,
            )
        )
        _bump_day(conn, source_id, now.date(), fetches=1, failures=1)
    return failures


def alert_changes(engine: Engine, failure_alert: int) -> list[tuple[Source, bool]]:
    """Active sources whose failing state (``failure_alert`` failures in a row or more) differs from what
    was last delivered: (source, failing now). Delivered changes are recorded with ``mark_alerted``."""
    c = sources.c
    failing = c.consecutive_failures >= failure_alert
    with engine.connect() as conn:
        rows = conn.execute(
            select(sources)
            .where(
                c.active.is_(True),
                ((failing) & c.alerted_failing.is_(False)) | ((~failing) & c.alerted_failing.is_(True)),
            )
            .order_by(c.id)
        ).all()
    return [(s, s.consecutive_failures >= failure_alert) for s in map(_source, rows)]


def mark_alerted(engine: Engine, changes: Iterable[tuple[int, bool]]) -> None:
    with engine.begin() as conn:
        for source_id, failing in changes:
            conn.execute(update(sources).where(sources.c.id == source_id).values(alerted_failing=failing))


def pages_given_up(engine: Engine, urls: list[str], max_attempts: int) -> set[str]:
    found: set[str] = set()
    c = source_pages.c
    with engine.connect() as conn:
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            found.update(
                conn.execute(select(c.url).where(c.url.in_(chunk), c.attempts >= max_attempts)).scalars()
            )
    return found


def record_page_failure(engine: Engine, url: str, source_id: int, *, now: datetime, error: str) -> int:
    c = source_pages.c
    with engine.begin() as conn:
        attempts = conn.execute(select(c.attempts).where(c.url == url)).scalar()
        if attempts is None:
            conn.execute(
                insert(source_pages).values(
                    url=url, source_id=source_id, attempts=1, last_error=error[:2000], updated_at=now
                )
            )
            return 1
        conn.execute(
            update(source_pages)
            .where(c.url == url)
            .values(attempts=attempts + 1, last_error=error[:2000], updated_at=now)
        )
        return attempts + 1


def health(engine: Engine, *, now: datetime, days: int = 7) -> list[dict[str, Any]]:
    """Every source with its items per day over the last ``days`` days (whole days incl. today), or over
    the days since it was added when that is fewer."""
    since = (now - timedelta(days=days - 1)).date()
    d = source_days.c
    with engine.connect() as conn:
        per_source = dict(
            conn.execute(
                select(d.source_id, func.coalesce(func.sum(d["items"]), 0))
                .where(d.day >= since)
                .group_by(d.source_id)
            ).all()
        )
    rows = []
    for s in all_sources(engine):
        row = s.as_dict()
        # a source added 2 days ago has 2 days of items, not 7: divide by the days it was watched
        watched = max(1, min(days, (now.date() - s.added_at.date()).days + 1))
        row["items_per_day"] = round(per_source.get(s.id, 0) / watched, 2)
        rows.append(row)
    return rows
