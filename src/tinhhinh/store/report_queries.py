"""Every SQL statement the periodic report (báo cáo tổng kết) runs. Read-only.

Aggregates only: no author column is ever selected, and petitions are read by kind, agency, dates and
state only (the report carries counts, never a petitioner).
Times: ``start``/``end`` are naive UTC datetimes, ``end`` exclusive. An item counts in the period by
``store.item_time.item_time()`` (published, else stored: an undated item is not left out).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, select

from tinhhinh.store.desk import agencies, audit, cases, petitions
from tinhhinh.store.flags import flags
from tinhhinh.store.item_time import item_time, item_time_between
from tinhhinh.store.schema import items, stories
from tinhhinh.store.sources import sources


def toxic_flag_dismissed():  # noqa: ANN201
    """True for an item whose toxic-language flag a person dismissed (the flag review's own table)."""
    f = flags.c
    return exists().where(f.item_pk == items.c.pk, f.type == "toxic", f.status == "dismissed")


def item_totals(conn: Connection, start: dt.datetime, end: dt.datetime) -> dict[str, int]:
    c = items.c
    where = item_time_between(start, end)
    total, copies, n_sources, with_story = conn.execute(
        select(
            func.count(),
            func.count(c.dup_of),
            func.count(func.distinct(c.source)),
            func.count(func.distinct(c.story_id)),
        ).where(where)
    ).one()
    # Stories as the web Stories page lists them by default: at least two items (a one-item "story" is
    # just an item nothing else was grouped with); the all-stories count stays available.
    grouped = select(c.story_id).where(c.story_id.is_not(None)).group_by(c.story_id).having(func.count() >= 2)
    n_stories = conn.execute(
        select(func.count(func.distinct(c.story_id))).where(and_(where, c.story_id.in_(grouped)))
    ).scalar_one()
    return {
        "items": int(total),
        "copies": int(copies),
        "originals": int(total) - int(copies),
        "sources": int(n_sources),
        "stories": int(n_stories),
        "stories_all": int(with_story),
    }


def counts_by(conn: Connection, column: str, start: dt.datetime, end: dt.datetime) -> dict[str | None, int]:
    """Items per value of ``area`` or ``source`` (copies included: a copy is another outlet carrying it)."""
    col = items.c[column]
    rows = conn.execute(select(col, func.count()).where(item_time_between(start, end)).group_by(col)).all()
    return {k: int(n) for k, n in rows}


def toxicity_counts(
    conn: Connection, column: str, start: dt.datetime, end: dt.datetime
) -> dict[str | None, tuple[int, int]]:
    """Per ``area`` or ``source``: (items the toxicity model read, items it labelled not clean that no
    person cleared). Never grouped by author: rates per topic or outlet only.

    The model's label is a measurement; a dismissed toxic flag is a person's reading that the item is
    not toxic, so such an item is counted as read but not as toxic (``toxic_flag_dismissed``)."""
    col = items.c[column]
    tox = items.c.toxicity
    rows = conn.execute(
        select(
            col,
            func.count(tox),
            # count() skips NULL: labels other than clean, unless a person dismissed the toxic flag
            func.count(case((and_(tox != "clean", ~toxic_flag_dismissed()), 1))),
        )
        .where(item_time_between(start, end))
        .group_by(col)
    ).all()
    return {k: (int(read), int(bad)) for k, read, bad in rows}


def item_dates(conn: Connection, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    return list(conn.execute(select(item_time()).where(item_time_between(start, end))).scalars())


def json_column(conn: Connection, column: str, start: dt.datetime, end: dt.datetime) -> list[Any]:
    """The non-null values of a JSON column (places, harm, model_version) for items in the period."""
    col = items.c[column]
    rows = conn.execute(select(col).where(and_(item_time_between(start, end), col.is_not(None))))
    return [v for (v,) in rows if v]


def story_activity(
    conn: Connection, start: dt.datetime, end: dt.datetime
) -> list[tuple[str, dt.datetime, str]]:
    """(story id, item time, source) of every item in a story in the period."""
    c = items.c
    at = item_time()
    rows = conn.execute(
        select(c.story_id, at, c.source)
        .where(and_(item_time_between(start, end), c.story_id.is_not(None)))
        .order_by(at, c.pk)
    )
    return [(sid, at, src) for sid, at, src in rows]


def story_rows(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    s = stories.c
    rows = conn.execute(
        select(s.id, s.label, s.size, s.n_sources, s.first_seen, s.last_seen, s.summary).where(s.id.in_(ids))
    ).mappings()
    return {r["id"]: dict(r) for r in rows}


def story_first_items(conn: Connection, story_id: str, limit: int = 5) -> list[dict[str, Any]]:
    """The earliest items of a story (title, text, time), for a summary when the story has none stored."""
    c = items.c
    rows = conn.execute(
        select(c.title, c.text, c.published_at, c.source)
        .where(and_(c.story_id == story_id, c.dup_of.is_(None)))
        .order_by(c.published_at, c.pk)
        .limit(limit)
    ).mappings()
    return [dict(r) for r in rows]


def monitored_sources(conn: Connection) -> list[dict[str, Any]]:
    """Watched feeds (source health table): name, kind, whether active, successes and failures."""
    s = sources.c
    rows = conn.execute(
        select(s.name, s.url, s.kind, s.active, s.total_successes, s.total_failures, s.items_total).order_by(
            s.name, s.url
        )
    ).mappings()
    return [dict(r) for r in rows]


# ------------------------------------------------------------------ desk (counts only)
def agency_rows(conn: Connection) -> list[dict[str, Any]]:
    a = agencies.c
    return [dict(r) for r in conn.execute(select(a.id, a.code, a.name).order_by(a.code)).mappings()]


def case_rows(conn: Connection, before: dt.datetime) -> list[dict[str, Any]]:
    """Cases opened before ``before``: the non-personal fields the statistics need (no title, no text)."""
    c = cases.c
    rows = conn.execute(
        select(c.id, c.agency_id, c.sector, c.status, c.origin, c.due_date, c.created_at)
        .where(c.created_at < before)
        .order_by(c.id)
    ).mappings()
    return [dict(r) for r in rows]


def case_transitions(conn: Connection) -> dict[int, list[dict[str, Any]]]:
    """Each case's status changes in audit order: {case id: [{at, to, agency_id}]} (reasons are not read)."""
    a = audit.c
    out: dict[int, list[dict[str, Any]]] = {}
    rows = conn.execute(
        select(a.object_id, a.at, a.data)
        .where(and_(a.object_type == "case", a.action == "case.transition"))
        .order_by(a.seq)
    )
    for object_id, at, data in rows:
        d = json.loads(data)
        out.setdefault(int(object_id), []).append(
            {
                "at": dt.datetime.fromisoformat(at),
                "from": d.get("from"),
                "to": d.get("to"),
                "agency_id": d.get("agency_id"),
            }
        )
    return out


AGENCY_MOVES = {
    "case": ("case.open", "case.transition"),
    "petition": ("petition.intake", "petition.assign"),
}


def agency_moves(conn: Connection, object_type: str) -> dict[int, list[tuple[dt.datetime, int | None]]]:
    """Each case's or petition's agency over time, from the audit trail: {id: [(at, agency id)]} in audit
    order. Cases: the agency at opening and after each transition; petitions: at intake and at each
    assignment that names an agency (an assignment of a resolver alone does not move it). Only the agency
    id is read from the entries."""
    a = audit.c
    out: dict[int, list[tuple[dt.datetime, int | None]]] = {}
    rows = conn.execute(
        select(a.object_id, a.at, a.data)
        .where(and_(a.object_type == object_type, a.action.in_(AGENCY_MOVES[object_type])))
        .order_by(a.seq)
    )
    for object_id, at, data in rows:
        d = json.loads(data) if data else {}
        if "agency_id" in d:
            out.setdefault(int(object_id), []).append((dt.datetime.fromisoformat(at), d["agency_id"]))
    return out


def petition_rows(conn: Connection, on_or_before: dt.date) -> list[dict[str, Any]]:
    """Petitions received by a date: kind, agency, dates and state, nothing else."""
    p = petitions.c
    rows = conn.execute(
        select(
            p.id,
            p.kind,
            p.sector,
            p.agency_id,
            p.state,
            p.received_on,
            p.accepted_on,
            p.due_on,
            p.closed_on,
            p.merged_into_id,
            p.complex,
        )
        .where(p.received_on <= on_or_before)
        .order_by(p.id)
    ).mappings()
    return [dict(r) for r in rows]


def petition_transitions(conn: Connection) -> dict[int, list[dict[str, Any]]]:
    """Each petition's state changes in audit order: {id: [{on, to, due_on}]} (reasons are not read)."""
    a = audit.c
    out: dict[int, list[dict[str, Any]]] = {}
    rows = conn.execute(
        select(a.object_id, a.data)
        .where(and_(a.object_type == "petition", a.action == "petition.transition"))
        .order_by(a.seq)
    )
    for object_id, data in rows:
        d = json.loads(data)
        out.setdefault(int(object_id), []).append(
            {
                "on": dt.date.fromisoformat(d["on"]),
                "to": d.get("to"),
                "due_on": dt.date.fromisoformat(d["due_on"]) if d.get("due_on") else None,
            }
        )
    return out


# ------------------------------------------------------------------ demo seeding
def story_candidates(conn: Connection, limit: int) -> list[dict[str, Any]]:
    """The biggest live stories with their most common area (the demo opens cases from them)."""
    s = stories.c
    rows = [
        dict(r)
        for r in conn.execute(
            select(s.id, s.label, s.size, s.first_seen)
            .where(and_(s.merged_into.is_(None), s.size >= 2))
            .order_by(s.size.desc(), s.id)
            .limit(limit)
        ).mappings()
    ]
    if not rows:
        return rows
    c = items.c
    areas: dict[str, Counter] = {}
    for sid, area, n in conn.execute(
        select(c.story_id, c.area, func.count())
        .where(c.story_id.in_([r["id"] for r in rows]))
        .group_by(c.story_id, c.area)
    ):
        areas.setdefault(sid, Counter())[area] = n
    for r in rows:
        counts = areas.get(r["id"], Counter())
        r["area"] = min(counts, key=lambda a: (-counts[a], str(a))) if counts else None
    return rows
