"""Persisted story state: one row per story (the index's own row format), merges, and index counters."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from tinhhinh.store.schema import items, stories, story_merges, story_meta


def _dt(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)


def load_meta(conn: Connection) -> dict[str, Any]:
    return {k: v for k, v in conn.execute(select(story_meta.c.key, story_meta.c.value)).all()}


def save_meta(conn: Connection, meta: dict[str, Any]) -> None:
    conn.execute(delete(story_meta).where(story_meta.c.key.in_(list(meta))))
    conn.execute(insert(story_meta), [{"key": k, "value": v} for k, v in meta.items()])


def active_rows(conn: Connection, since: datetime | None) -> list[dict[str, Any]]:
    """Stories still open to new items: not merged away, and seen recently (or never dated)."""
    q = select(stories.c.state).where(stories.c.merged_into.is_(None))
    if since is not None:
        q = q.where((stories.c.last_seen.is_(None)) | (stories.c.last_seen >= since))
    return [row for (row,) in conn.execute(q)]


def save_rows(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    ids = [r["id"] for r in rows]
    conn.execute(delete(stories).where(stories.c.id.in_(ids)))
    conn.execute(
        insert(stories),
        [
            {
                "id": r["id"],
                "label": r.get("label"),
                "size": r["size"],
                "n_sources": len(r.get("sources") or {}),
                "first_seen": _dt(r.get("first_seen")),
                "last_seen": _dt(r.get("last_seen")),
                "state": r,
            }
            for r in rows
        ],
    )


def record_merges(conn: Connection, merges: Iterable[dict[str, Any]]) -> None:
    merges = list(merges)
    if not merges:
        return
    conn.execute(
        insert(story_merges),
        [
            {"from_id": m["from"], "into_id": m["into"], "at": _dt(m.get("at")), "p": m.get("p")}
            for m in merges
        ],
    )
    for m in merges:
        conn.execute(update(stories).where(stories.c.id == m["from"]).values(merged_into=m["into"]))
        # Items keep pointing at a live story: people follow one id per event.
        conn.execute(update(items).where(items.c.story_id == m["from"]).values(story_id=m["into"]))


def story_of_item(conn: Connection, key: str) -> str | None:
    return conn.execute(select(items.c.story_id).where(items.c.key == key)).scalar()


def set_item_stories(conn: Connection, pairs: Iterable[tuple[int, str]]) -> None:
    for pk, sid in pairs:
        conn.execute(update(items).where(items.c.pk == pk).values(story_id=sid))


def originals(conn: Connection, pks: list[int]) -> dict[int, str]:
    """pk of a copy -> key of its original (for copies among ``pks``)."""
    orig = items.alias("orig")
    rows = conn.execute(
        select(items.c.pk, orig.c.key).join(orig, orig.c.pk == items.c.dup_of).where(items.c.pk.in_(pks))
    ).all()
    return dict(rows)
