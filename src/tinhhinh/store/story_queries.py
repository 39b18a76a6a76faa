"""Reads for the hot-issues views: stories active in a window, their items, series for burst scores."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from tinhhinh.store.item_time import item_time_since
from tinhhinh.store.schema import alert_marks, items, saved_searches, stories, story_merges

# When an item counts for a listing window: its publication time, or for an undated item (a post, a feed
# without dates) when it was stored. Only for listing; burst scores and story time evidence use
# published_at alone (an undated backlog stored at once is not a burst).
_listed_at = func.coalesce(items.c.published_at, items.c.fetched_at)


def _place_like(place: str):
    return func.cast(items.c.places, items.c.title.type).like(f'%"{place}"%')


def active_story_ids(
    conn: Connection,
    since: datetime,
    *,
    area: str | None = None,
    place: str | None = None,
    until: datetime | None = None,
) -> list[str]:
    """Stories with at least one item in [since, until] (optionally in an area / place).

    An item counts at its published_at, or when undated at its fetched_at. Items dated after ``until`` (now,
    or the replayed --at) do not count: a feed labelling local time as GMT is not "active now"."""
    q = select(items.c.story_id).where(and_(_listed_at >= since, items.c.story_id.is_not(None)))
    if until is not None:
        q = q.where(_listed_at <= until)
    if area:
        q = q.where(items.c.area == area)
    if place:
        q = q.where(_place_like(place))
    return sorted({sid for (sid,) in conn.execute(q.distinct())})


def future_stories(
    conn: Connection, now: datetime, *, area: str | None = None, place: str | None = None
) -> dict[str, datetime]:
    """Stories with items dated after ``now`` (a wrong clock or time zone in a feed), with the latest such
    date: listings leave those items out, and say so."""
    q = select(items.c.story_id, func.max(items.c.published_at)).where(
        and_(items.c.published_at > now, items.c.story_id.is_not(None))
    )
    if area:
        q = q.where(items.c.area == area)
    if place:
        q = q.where(_place_like(place))
    return dict(conn.execute(q.group_by(items.c.story_id)).all())


def undated_in_window(
    conn: Connection, ids: list[str] | None, since: datetime, until: datetime, column: str = "story_id"
) -> dict[str, int]:
    """Items without a publication time stored in [since, until], per story (or per ``column``)."""
    col = items.c[column]
    q = select(col, func.count()).where(
        and_(
            items.c.published_at.is_(None),
            items.c.fetched_at >= since,
            items.c.fetched_at <= until,
            col.is_not(None),
        )
    )
    out: dict[str, int] = {}
    chunks = [ids[i : i + 500] for i in range(0, len(ids), 500)] if ids is not None else [None]
    for chunk in chunks:
        cq = q.where(col.in_(chunk)) if chunk is not None else q
        out.update(dict(conn.execute(cq.group_by(col)).all()))
    return out


def undated_count(conn: Connection, since: datetime, until: datetime) -> int:
    """Items without a publication time stored in [since, until] (burst scores cannot place them)."""
    q = select(func.count()).where(
        and_(items.c.published_at.is_(None), items.c.fetched_at >= since, items.c.fetched_at <= until)
    )
    return conn.execute(q).scalar_one()


def story_counts(conn: Connection, ids: list[str], until: datetime) -> dict[str, dict[str, Any]]:
    """Size, sources and first/last publication time of each story counting only items there were by
    ``until`` (dated no later, or undated and stored no later): what a listing as of then shows."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        q = (
            select(
                items.c.story_id,
                func.count(),
                func.count(items.c.source.distinct()),
                func.min(items.c.published_at),
                func.max(items.c.published_at),
            )
            .where(and_(items.c.story_id.in_(chunk), _listed_at <= until))
            .group_by(items.c.story_id)
        )
        for sid, n, n_src, first, last in conn.execute(q):
            out[sid] = {"size": n, "n_sources": n_src, "first_seen": first, "last_seen": last}
    return out


def story_rows(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        q = select(
            stories.c.id,
            stories.c.label,
            stories.c.size,
            stories.c.n_sources,
            stories.c.first_seen,
            stories.c.last_seen,
            stories.c.merged_into,
            stories.c.summary,
        ).where(stories.c.id.in_(chunk))
        out.update({r["id"]: dict(r) for r in conn.execute(q).mappings()})
    return out


def text_labels(conn: Connection, ids: list[str], chars: int = 120) -> dict[str, str]:
    """For stories without a label (their first item had no title: a post, a comment), the start of the
    text of their earliest item, so a listing never shows an empty name."""
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        q = (
            select(items.c.story_id, func.substr(items.c.text, 1, chars))
            .where(items.c.story_id.in_(chunk))
            .order_by(items.c.story_id, items.c.published_at, items.c.pk)
        )
        for sid, text in conn.execute(q):
            if sid not in out and text:
                out[sid] = " ".join(text.split())
    return out


def series(
    conn: Connection, column: str, keys: list[str] | None, since: datetime, until: datetime | None = None
) -> dict[str, tuple[list, list]]:
    """(published_at list, source list) per story / area, sorted by time, for items published in
    [since, until] (no upper bound when ``until`` is None)."""
    col = items.c[column]
    q = select(col, items.c.published_at, items.c.source).where(
        and_(items.c.published_at >= since, col.is_not(None))
    )
    if until is not None:
        q = q.where(items.c.published_at <= until)
    if keys is not None:
        q = q.where(col.in_(keys))
    out: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for key, ts, src in conn.execute(q.order_by(items.c.published_at)):
        out[key][0].append(ts)
        out[key][1].append(src)
    return dict(out)


def story_series(
    conn: Connection, ids: list[str], since: datetime, until: datetime
) -> dict[str, tuple[list, list, list]]:
    """(published_at list, source list, is-a-copy list) per story for items published in [since, until]."""
    q = (
        select(items.c.story_id, items.c.published_at, items.c.source, items.c.dup_of)
        .where(
            and_(
                items.c.published_at >= since,
                items.c.published_at <= until,
                items.c.story_id.in_(ids),
            )
        )
        .order_by(items.c.published_at)
    )
    out: dict[str, tuple[list, list, list]] = defaultdict(lambda: ([], [], []))
    for sid, ts, src, dup in conn.execute(q):
        out[sid][0].append(ts)
        out[sid][1].append(src)
        out[sid][2].append(dup is not None)
    return dict(out)


def place_series(
    conn: Connection, since: datetime, until: datetime | None = None
) -> dict[str, tuple[list, list]]:
    q = select(items.c.places, items.c.published_at, items.c.source).where(
        and_(items.c.published_at >= since, items.c.places.is_not(None))
    )
    if until is not None:
        q = q.where(items.c.published_at <= until)
    out: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for places, ts, src in conn.execute(q.order_by(items.c.published_at)):
        for place in places or []:
            out[place][0].append(ts)
            out[place][1].append(src)
    return dict(out)


def story_items(conn: Connection, story_id: str, limit: int | None = None) -> list[dict[str, Any]]:
    q = (
        select(
            items.c.pk,
            items.c.ext_id,
            items.c.url,
            items.c.source,
            items.c.kind,
            items.c.title,
            items.c.text,
            items.c.published_at,
            items.c.area,
            items.c.places,
            items.c.dup_of,
            items.c.harm,
            items.c.key,
        )
        .where(items.c.story_id == story_id)
        .order_by(items.c.published_at, items.c.pk)
    )
    if limit:
        q = q.limit(limit)
    return [dict(r) for r in conn.execute(q).mappings()]


def _by_count(counter: Counter) -> list[tuple[str, int]]:
    # most first, ties by name: the same story shows the same places on every run
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def story_profile(
    conn: Connection, ids: list[str], *, area: str | None = None, place: str | None = None
) -> dict[str, dict[str, Any]]:
    """Majority area and the three most-mentioned places per story (from its items), ties by name.

    Listed because of a filter, a story shows it: ``place`` comes first among its places and ``area`` is
    its area; ``areas`` (count per area, most first) tells how mixed the story is."""
    areas: dict[str, Counter] = defaultdict(Counter)
    places: dict[str, Counter] = defaultdict(Counter)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for sid, a, pl in conn.execute(
            select(items.c.story_id, items.c.area, items.c.places).where(items.c.story_id.in_(chunk))
        ):
            if a:
                areas[sid][a] += 1
            for p in pl or []:
                places[sid][p] += 1
    out = {}
    for sid in ids:
        by_area = _by_count(areas[sid])
        ranked = [p for p, _ in _by_count(places[sid])]
        if place and place in places[sid]:
            ranked = [place] + [p for p in ranked if p != place]
        shown_area = by_area[0][0] if by_area else None
        if area and area in areas[sid]:
            shown_area = area
        out[sid] = {"area": shown_area, "places": ranked[:3], "areas": dict(by_area)}
    return out


def merges_of(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    q = select(story_merges).where(
        (story_merges.c.into_id == story_id) | (story_merges.c.from_id == story_id)
    )
    return [dict(r) for r in conn.execute(q.order_by(story_merges.c.id)).mappings()]


def resolve_story(conn: Connection, story_id: str) -> str | None:
    """Follow merges to the story that now carries an id (people keep old ids in notes)."""
    for _ in range(100):
        row = conn.execute(select(stories.c.merged_into).where(stories.c.id == story_id)).first()
        if row is None:
            return None
        if row[0] is None:
            return story_id
        story_id = row[0]
    return story_id


def save_summary(conn: Connection, story_id: str, summary: dict[str, Any]) -> None:
    conn.execute(update(stories).where(stories.c.id == story_id).values(summary=summary))


# ---- saved searches and alerts


def add_saved_search(conn: Connection, **values: Any) -> int:
    return conn.execute(insert(saved_searches).values(**values)).inserted_primary_key[0]


def saved_search_list(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(saved_searches).order_by(saved_searches.c.name)).mappings()]


def remove_saved_search(conn: Connection, name: str) -> bool:
    row = conn.execute(select(saved_searches.c.id).where(saved_searches.c.name == name)).first()
    if row is None:
        return False
    conn.execute(delete(alert_marks).where(alert_marks.c.search_id == row[0]))
    conn.execute(delete(saved_searches).where(saved_searches.c.id == row[0]))
    return True


def marks(conn: Connection, search_id: int) -> set[tuple[str, str]]:
    q = select(alert_marks.c.story_id, alert_marks.c.kind).where(alert_marks.c.search_id == search_id)
    return {(s, k) for s, k in conn.execute(q)}


def add_marks(
    conn: Connection, search_id: int, pairs: list[tuple[str, str]], at: datetime, seen_pk: int | None = None
) -> None:
    """Record what was reported (each pair once, even if another check recorded it meanwhile) and how
    far the search has looked."""
    fresh = sorted(set(pairs) - marks(conn, search_id))
    if fresh:
        conn.execute(
            insert(alert_marks),
            [{"search_id": search_id, "story_id": s, "kind": k, "at": at} for s, k in fresh],
        )
    values: dict[str, Any] = {"last_checked": at}
    if seen_pk is not None:
        values["last_item_pk"] = seen_pk
    conn.execute(update(saved_searches).where(saved_searches.c.id == search_id).values(**values))


def max_item_pk(conn: Connection) -> int:
    return conn.execute(select(func.max(items.c.pk))).scalar() or 0


def arrived_story_ids(
    conn: Connection,
    *,
    after_pk: int | None,
    upto_pk: int,
    published_since: datetime | None = None,
    area: str | None = None,
    place: str | None = None,
) -> set[str]:
    """Stories of the items stored after ``after_pk`` (up to ``upto_pk``), whatever their publication
    date; with ``after_pk`` None, of the items published (or, without a publication date, stored) since
    ``published_since``."""
    q = select(items.c.story_id).where(and_(items.c.story_id.is_not(None), items.c.pk <= upto_pk))
    if after_pk is not None:
        q = q.where(items.c.pk > after_pk)
    if published_since is not None:
        q = q.where(item_time_since(published_since))
    if area:
        q = q.where(items.c.area == area)
    if place:
        q = q.where(func.cast(items.c.places, items.c.title.type).like(f'%"{place}"%'))
    return {sid for (sid,) in conn.execute(q.distinct())}


def stories_with_harm(conn: Connection, ids: list[str], harm_type: str) -> set[str]:
    """Stories with an item flagged ``harm_type`` that a person has not dismissed (unconfirmed or
    confirmed): a dismissed flag was judged wrong and must not raise an alert."""
    out = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for sid, harm in conn.execute(
            select(items.c.story_id, items.c.harm).where(items.c.story_id.in_(chunk))
        ):
            if any(
                isinstance(h, dict) and h.get("type") == harm_type and h.get("status") != "dismissed"
                for h in harm or []
            ):
                out.add(sid)
    return out


def story_toxicity(conn: Connection, ids: list[str]) -> dict[str, tuple[int, int]]:
    """Per story: (items the toxicity model read, items it labelled not clean that no person cleared), the
    rate the report gives per area and source (``report_queries.toxicity_counts``); never per author."""
    from sqlalchemy import case

    from tinhhinh.store.report_queries import toxic_flag_dismissed

    if not ids:
        return {}
    tox = items.c.toxicity
    rows = conn.execute(
        select(
            items.c.story_id,
            func.count(tox),
            func.count(case((and_(tox != "clean", ~toxic_flag_dismissed()), 1))),
        )
        .where(items.c.story_id.in_(ids))
        .group_by(items.c.story_id)
    ).all()
    return {sid: (int(read), int(bad)) for sid, read, bad in rows if read}
