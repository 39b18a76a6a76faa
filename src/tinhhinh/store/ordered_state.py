"""Ordered stages for ``ingest``: near-copies and story detection whose state lives in the database.

Near-copies: a MinHash detector over the most recent ``COPY_MEMORY`` stored items (their signatures are
stored with them), so an edited re-publication is linked to its original across runs. Signatures of an
older scheme (``copies.is_current``) are recomputed from the stored text when the detector loads.

The index is loaded once per run (active stories only) and every batch's story assignments, touched
stories, merges and counters are written in the same transaction as the batch's items, so a run killed
at any point and run again continues exactly as an uninterrupted run would.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine

from tinhhinh.item import Item
from tinhhinh.ordered import stories_version
from tinhhinh.store import stories as story_store

COPY_MEMORY = 20_000


def story_id_for(n: int) -> str:
    """Story ids are sequential per database, so the same input gives the same ids (repeatable runs)."""
    return f"s{n:07d}"


class StoreOrdered:
    name = "stories"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.index = None
        self.copies = None
        self._took_over: dict[str, str] = {}
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
        self.version = stories_version(index.model)  # the same value analyze --stories gives
        return index

    def _load_copies(self, conn: Connection):
        from tinhhinh.nlp.copies import CopyDetector, is_current, item_signature

        detector = CopyDetector(window=COPY_MEMORY)
        rows = story_store.recent_signatures(conn, COPY_MEMORY)
        stale = [key for key, sig, _ in rows if not is_current(sig)]
        if stale:
            # signatures of an older scheme cannot be compared with new ones: recompute them from the
            # stored text (once: they are saved back in this batch's transaction)
            from tinhhinh.console import err

            err.print(f"copies: recomputing {len(stale):,} signatures made by an older version (once)")
            texts = story_store.signature_texts(conn, stale)
            fresh = {k: item_signature(Item(title=t, text=b)) for k, (_, t, b) in texts.items()}
            story_store.save_signatures(conn, [(texts[k][0], sig) for k, sig in fresh.items()])
            rows = [(k, fresh.get(k, sig), p) for k, sig, p in rows if k in fresh or is_current(sig)]
        for key, sig, published in rows:
            detector.add_signature(key, sig, published)
        detector.repointed()  # history is already linked
        return detector

    def _near_copies(
        self, conn: Connection, fresh: list[Item], keyed: dict[str, int], prepared: dict[str, tuple]
    ) -> int:
        from tinhhinh.nlp.copies import VERSION, item_signature

        if self.copies is None:
            self.copies = self._load_copies(conn)
        sigs, links = [], []
        for it in fresh:
            ready = prepared.get(it.key)
            sig = ready[0] if ready is not None else item_signature(it)
            sigs.append((keyed[it.key], sig))
            original = self.copies.add_signature(it.key, sig, it.published_at)
            if original:
                links.append((keyed[it.key], original))
            it.model_version["copies"] = VERSION
        story_store.save_signatures(conn, sigs)
        repointed = self.copies.repointed()
        # an item that became its group's original joins the story its copies are already in
        self._took_over = {new: old for old, new in repointed}
        return story_store.link_near_copies(conn, links, repointed)

    def __call__(
        self,
        conn: Connection,
        fresh: list[Item],
        keyed: dict[str, int],
        prepared: dict[str, tuple] | None = None,
    ) -> int:
        """Link near-copies and assign stories to the batch's new items inside the batch's transaction.

        ``prepared`` maps an item's key to its copy signature and story vectors when worker processes
        computed them (``ingest --workers``); the rest are computed here. Returns the number of items
        newly linked as near-copies."""
        prepared = prepared or {}
        near = self._near_copies(conn, fresh, keyed, prepared)
        if self.index is None:
            self.index = self._load(conn)
        index = self.index
        index.story_of = lambda key: story_store.story_of_item(conn, key)
        index.story_row = lambda sid: story_store.story_row(conn, sid)
        pks = [keyed[it.key] for it in fresh]
        copy_of = story_store.originals(conn, pks)
        n_merges = len(index.merges)
        touched: set[str] = set()
        assigned: list[tuple[int, str]] = []
        for it in fresh:
            pk = keyed[it.key]
            if pk in copy_of:
                it.dup_of = copy_of[pk]
            elif it.key in self._took_over:
                it.dup_of = self._took_over[it.key]
            ready = prepared.get(it.key)
            sid = index.assign(it, ready[1] if ready is not None else None)
            it.story_id = sid
            it.model_version["stories"] = self.version
            touched.add(sid)
            assigned.append((pk, sid))
        new_merges = index.merges[n_merges:]
        for m in new_merges:
            touched.add(m["into"])
        versions = {keyed[it.key]: it.model_version for it in fresh}
        story_store.set_item_stories(conn, [(pk, index.resolve(sid), versions[pk]) for pk, sid in assigned])
        # a story may leave memory, be loaded back by a late copy and leave again within one batch: save
        # each story once, as it is last (in memory now, else as it last left)
        rows = {r["id"]: r for r in index.pop_evicted()}
        for s in {index.resolve(s) for s in touched}:
            if s in index.stories:
                rows[s] = index.stories[s].to_row()
        story_store.save_rows(conn, list(rows.values()))
        story_store.record_merges(conn, new_merges)
        del index.merges[:]  # recorded: a watcher running for months keeps none of them in memory
        story_store.save_meta(conn, {"clock": index.clock, "n_created": index.n_created, "now": index.now})
        return near

    def state(self) -> dict[str, Any]:
        return {"stories": len(self.index) if self.index else 0}
