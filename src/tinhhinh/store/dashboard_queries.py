"""Aggregates for the dashboard: counts only, never a person, never petition personal data.

An item counts in a window by ``store.item_time.item_time()`` (published, else stored), as in the report."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, and_, case, func, select

from tinhhinh.store.item_time import item_time, item_time_between
from tinhhinh.store.report_queries import toxic_flag_dismissed
from tinhhinh.store.schema import items
from tinhhinh.timefmt import LOCAL_TZ


def _local_day(value: dt.datetime) -> str:
    return value.replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ).date().isoformat()


def volume_by_area_day(conn: Connection, start: dt.datetime, end: dt.datetime) -> dict[str, Counter]:
    """area -> Counter(local day -> items)."""
    out: dict[str, Counter] = defaultdict(Counter)
    q = select(items.c.area, item_time()).where(item_time_between(start, end))
    for area, published in conn.execute(q):
        out[area or "unknown"][_local_day(published)] += 1
    return out


def volume_by_place(conn: Connection, start: dt.datetime, end: dt.datetime) -> Counter:
    counts: Counter = Counter()
    q = select(items.c.places).where(item_time_between(start, end))
    for (places,) in conn.execute(q):
        for p in places or []:
            counts[p] += 1
    return counts


def harm_counts(conn: Connection, start: dt.datetime, end: dt.datetime) -> dict[tuple[str, str], int]:
    """(harm type, status) -> flags, for items published (else stored) in the window."""
    counts: Counter = Counter()
    q = select(items.c.harm).where(item_time_between(start, end))
    for (harm,) in conn.execute(q):
        for h in harm or []:
            counts[(h.get("type", "?"), h.get("status", "unconfirmed"))] += 1
    return dict(counts)


def toxicity_rates(conn: Connection, start: dt.datetime, end: dt.datetime, by: str) -> list[dict[str, Any]]:
    """Share of scored items that are offensive or hateful, per area or source (rates, never people).
    An item whose toxic flag a person dismissed counts as scored, not as offensive or hateful."""
    col = items.c[by]
    cleared = toxic_flag_dismissed()
    q = (
        select(
            col,
            func.count(items.c.toxicity),
            func.count(case((and_(items.c.toxicity == "offensive", ~cleared), 1))),
            func.count(case((and_(items.c.toxicity == "hate", ~cleared), 1))),
        )
        .where(and_(item_time_between(start, end), items.c.toxicity.is_not(None)))
        .group_by(col)
    )
    rows = []
    for key, scored, offensive, hate in conn.execute(q):
        scored = scored or 0
        if scored:
            rows.append(
                {
                    "key": key or "unknown",
                    "scored": scored,
                    "offensive": offensive or 0,
                    "hate": hate or 0,
                    "rate": round(((offensive or 0) + (hate or 0)) / scored, 4),
                }
            )
    rows.sort(key=lambda r: (-r["rate"], r["key"]))
    return rows


def scored_items(conn: Connection, start: dt.datetime, end: dt.datetime) -> int:
    return conn.execute(
        select(func.count()).where(and_(item_time_between(start, end), items.c.toxicity.is_not(None)))
    ).scalar_one()


def desk_status_by_agency(conn: Connection) -> dict[str, Any]:
    """Cases by status and agency now (counts only). Open and overdue petitions are counted by the
    period report's rule (``report.build.desk_open_at``), not here."""
    from tinhhinh.store.desk import agencies, cases

    names = {aid: name for aid, name in conn.execute(select(agencies.c.id, agencies.c.name))}
    case_counts: dict[str, Counter] = defaultdict(Counter)
    for aid, status, n in conn.execute(
        select(cases.c.agency_id, cases.c.status, func.count()).group_by(cases.c.agency_id, cases.c.status)
    ):
        case_counts[names.get(aid, "—")][status] += n
    return {"cases": case_counts}
