"""Ingest: read records, analyse them, store them in batches (one transaction each).

Re-running an ingest is safe: records already stored are counted as "already present" and nothing
changes, so a run killed half-way is finished by running it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine

from tinhhinh.ingest.records import Rejection
from tinhhinh.item import Item
from tinhhinh.pipeline import Stage, run_stages
from tinhhinh.store import items as item_store

BATCH = 500


@dataclass
class IngestSummary:
    new: int = 0
    copies: int = 0
    present: int = 0
    rejected: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.new + self.copies + self.present + self.rejected

    @property
    def rate(self) -> float:
        return (self.new + self.copies + self.present) / self.seconds if self.seconds else 0.0

    def add(self, other: IngestSummary) -> None:
        self.new += other.new
        self.copies += other.copies
        self.present += other.present
        self.rejected += other.rejected
        self.seconds += other.seconds
        self.rejections.extend(other.rejections)


def _batches(records: Iterable[Item | Rejection], size: int) -> Iterator[tuple[list[Item], list[Rejection]]]:
    batch: list[Item] = []
    rejected: list[Rejection] = []
    for rec in records:
        if isinstance(rec, Rejection):
            rejected.append(rec)
        else:
            batch.append(rec)
        if len(batch) >= size:
            yield batch, rejected
            batch, rejected = [], []
    if batch or rejected:
        yield batch, rejected


def ingest(
    records: Iterable[Item | Rejection],
    engine: Engine,
    *,
    stages: list[Stage] | None = None,
    ordered: Callable | None = None,
    batch_size: int = BATCH,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Analyse and store records.

    ``ordered(conn, fresh_items, pk_by_key)`` runs the ordered stages (stories) inside each batch's
    transaction, after the store has linked copies.
    """
    summary = IngestSummary()
    started = time.perf_counter()
    for batch, rejected in _batches(records, batch_size):
        for rej in rejected:
            summary.rejected += 1
            summary.rejections.append(rej)
            if on_rejection:
                on_rejection(rej)
        if batch:
            # Analyse only what is not stored yet: a re-run costs a key lookup per record.
            known = item_store.known_keys(engine, [it.key for it in batch])
            summary.present += sum(1 for it in batch if it.key in known)
            batch = [it for it in batch if it.key not in known]
        if batch:
            if stages:
                batch = [run_stages(it, stages) for it in batch]
            result = item_store.add_items(engine, batch, after=ordered)
            summary.new += result.new
            summary.copies += result.copies
            summary.present += result.present
        summary.seconds = time.perf_counter() - started
        if on_batch:
            on_batch(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def analysis_for(engine: Engine, *, warn: Callable[[str], None] | None = None):
    """The per-record stages and the ordered stages bound to this database (copies, stories)."""
    from tinhhinh.pipeline import load_stages

    stages = load_stages(warn=warn)
    try:
        from tinhhinh.ordered import ordered_for_store
    except ModuleNotFoundError:
        return stages, None
    return stages, ordered_for_store(engine)
