"""Ordered stages for ``ingest``: story detection whose state lives in the database.

The index is loaded once per run (active stories only) and every batch's story assignments, touched
stories, merges and counters are written in the same transaction as the batch's items, so a run killed
at any point and run again continues exactly as an uninterrupted run would.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine

from tinhhinh.item import Item
from tinhhinh.store import stories as story_store


def story_id_for(n: int) -> str:
    """Story ids are sequential per database, so the same input gives the same ids (repeatable runs)."""
    return f"s{n:07d}"


class StoreOrdered:
    name = "stories"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.index = None
        self.version = ""

    def _load(self, conn: Connection):
        from tinhhinh.stories.index import StoryIndex

        meta = story_store.load_meta(conn)
        index = StoryIndex(id_factory=story_id_for)
        index.story_of = lambda key: story_store.story_of_item(conn, key)
        index.clock = int(meta.get("clock") or 0)
        index.n_created = int(meta.get("n_created") or 0)
        index.now = meta.get("now")
        since = None
        if index.now is not None:
            from datetime import UTC, datetime

            since = datetime.fromtimestamp(index.now, UTC).replace(tzinfo=None) - timedelta(
                days=index.max_idle_days
            )
        index.from_rows(story_store.active_rows(conn, since))
        self.version = getattr(index.model, "version", "")
        return index

    def __call__(self, conn: Connection, fresh: list[Item], keyed: dict[str, int]) -> None:
        """Assign stories to the batch's new items inside the batch's transaction."""
        if self.index is None:
            self.index = self._load(conn)
        index = self.index
        index.story_of = lambda key: story_store.story_of_item(conn, key)
        pks = [keyed[it.key] for it in fresh]
        copy_of = story_store.originals(conn, pks)
        n_merges = len(index.merges)
        touched: set[str] = set()
        assigned: list[tuple[int, str]] = []
        for it in fresh:
            pk = keyed[it.key]
            if pk in copy_of:
                it.dup_of = copy_of[pk]
            sid = index.assign(it)
            it.story_id = sid
            it.model_version["stories"] = self.version
            touched.add(sid)
            assigned.append((pk, sid))
        new_merges = index.merges[n_merges:]
        for m in new_merges:
            touched.add(m["into"])
        story_store.set_item_stories(conn, [(pk, index.resolve(sid)) for pk, sid in assigned])
        rows = [index.stories[s].to_row() for s in {index.resolve(s) for s in touched} if s in index.stories]
        story_store.save_rows(conn, rows + index.pop_evicted())
        story_store.record_merges(conn, new_merges)
        story_store.save_meta(conn, {"clock": index.clock, "n_created": index.n_created, "now": index.now})

    def state(self) -> dict[str, Any]:
        return {"stories": len(self.index) if self.index else 0}
