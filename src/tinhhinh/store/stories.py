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


def story_row(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """The stored row of a story (of the story it was merged into, if it was), e.g. one that left the
    index's memory and is joined again by a late copy of one of its items."""
    for _ in range(100):  # a merge chain is short; never loop on a damaged one
        row = conn.execute(
            select(stories.c.state, stories.c.merged_into).where(stories.c.id == story_id)
        ).first()
        if row is None:
            return None
        if row.merged_into is None:
            return row.state
        story_id = row.merged_into
    return None


def set_item_stories(conn: Connection, rows: Iterable[tuple[int, str, dict[str, str]]]) -> None:
    """Each item's story id, and its model versions now that the ordered stages have run."""
    for pk, sid, versions in rows:
        conn.execute(update(items).where(items.c.pk == pk).values(story_id=sid, model_version=versions))


def originals(conn: Connection, pks: list[int]) -> dict[int, str]:
    """pk of a copy -> key of its original (for copies among ``pks``)."""
    orig = items.alias("orig")
    rows = conn.execute(
        select(items.c.pk, orig.c.key).join(orig, orig.c.pk == items.c.dup_of).where(items.c.pk.in_(pks))
    ).all()
    return dict(rows)


def recent_signatures(conn: Connection, limit: int) -> list[tuple[str, bytes, datetime | None]]:
    """(key, copies signature, published_at) of the most recently stored items that have one."""
    rows = conn.execute(
        select(items.c.key, items.c.minhash, items.c.published_at)
        .where(items.c.minhash.is_not(None))
        .order_by(items.c.pk.desc())
        .limit(limit)
    ).all()
    return [(k, bytes.fromhex(sig), ts) for k, sig, ts in reversed(rows)]


def save_signatures(conn: Connection, pairs: Iterable[tuple[int, bytes]]) -> None:
    for pk, sig in pairs:
        conn.execute(update(items).where(items.c.pk == pk).values(minhash=sig.hex()))


def signature_texts(conn: Connection, keys: list[str]) -> dict[str, tuple[int, str, str]]:
    """key -> (pk, title, text) of stored items: to recompute copies signatures of an older scheme."""
    out: dict[str, tuple[int, str, str]] = {}
    for i in range(0, len(keys), 500):  # SQLite's limit on bound parameters
        rows = conn.execute(
            select(items.c.key, items.c.pk, items.c.title, items.c.text).where(
                items.c.key.in_(keys[i : i + 500])
            )
        ).all()
        out.update((k, (pk, title or "", text or "")) for k, pk, title, text in rows)
    return out


def link_near_copies(
    conn: Connection, links: Iterable[tuple[int, str]], repointed: Iterable[tuple[str, str]]
) -> int:
    """Point near-copies at their original (by key); re-point groups whose original changed.

    An exact copy is already linked by the store and keeps its link. Returns the number of new links.
    """
    n = 0
    keys = {}

    def pk_of(key: str) -> int | None:
        if key not in keys:
            keys[key] = conn.execute(select(items.c.pk).where(items.c.key == key)).scalar()
        return keys[key]

    for pk, original_key in links:
        opk = pk_of(original_key)
        if opk is None or opk == pk:
            continue
        current = conn.execute(select(items.c.dup_of).where(items.c.pk == pk)).scalar()
        if current is None:
            conn.execute(update(items).where(items.c.pk == pk).values(dup_of=opk))
            n += 1
    for old_key, new_key in repointed:
        old, new = pk_of(old_key), pk_of(new_key)
        if old is None or new is None or old == new:
            continue
        conn.execute(update(items).where(items.c.dup_of == old).values(dup_of=new))
        conn.execute(update(items).where(items.c.pk == old).values(dup_of=new))
        conn.execute(update(items).where(items.c.pk == new).values(dup_of=None))
    return n
