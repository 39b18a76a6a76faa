"""Ingest: read records, analyse them, store them in batches (one transaction each).

Re-running an ingest is safe: records already stored are counted as "already present" and nothing
changes, so a run killed half-way is finished by running it again.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tinhhinh.ingest.reader import _batches, _receive, _send
from tinhhinh.ingest.records import Rejection
from tinhhinh.item import Item
from tinhhinh.pipeline import Stage, run_stages
from tinhhinh.store import items as item_store

# Records per transaction. Larger batches mean fewer commits and fewer, larger FTS5 segments to merge:
# 100k raw ingest, writer CPU per article 0.46 at 500, 0.37-0.46 at 1,000, 0.35-0.38 at 2,500 (docs/core-speed.md).
BATCH = 2500
# Items per task handed to an analysis worker: large enough that pickling stays small next to the work.
ANALYSIS_CHUNK = 50
# Inputs at least this large (≈ 1,500 articles) are read in a worker process.
WORKER_MIN_BYTES = 4 << 20


@dataclass
class IngestSummary:
    new: int = 0
    copies: int = 0
    present: int = 0
    rejected: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = field(default_factory=list)
    # records not stored because their identity is stored (or came earlier) with a different text
    conflicts: list[item_store.KeyConflict] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.new + self.copies + self.present + self.rejected + len(self.conflicts)

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
        self.conflicts.extend(other.conflicts)


# items, rejections, and (from the worker) their index forms and, without analysis, their insert values
Prepared = tuple[list[Item], list[Rejection], list[dict[str, Any]] | None, list[tuple] | None]


def _prepare_in_process(records: Iterable[Item | Rejection], size: int, raw: bool) -> Iterator[Prepared]:
    for batch, rejected in _batches(records, size):
        yield batch, rejected, None, None


def _prepare_in_worker(records: Iterable[Item | Rejection], size: int, raw: bool) -> Iterator[Prepared]:
    # A plain child interpreter rather than multiprocessing: nothing of the caller's __main__ is
    # re-imported (library callers need no `if __name__ == "__main__"` guard) and no fork under threads.
    # The child imports this same tinhhinh, however the parent found it (installed, PYTHONPATH, sys.path).
    package_root = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "tinhhinh.ingest.reader"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    try:
        _send(proc.stdin, (records, size, raw))
        proc.stdin.close()
        while True:
            msg = _receive(proc.stdout)
            if len(msg) == 2:
                if msg[0] == "error":
                    raise msg[1]
                return
            yield msg
    finally:
        proc.stdout.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ------------------------------------------------------------------ analysis in worker processes

_POOL_STAGES: list[Stage] = []


def _init_analysis_worker(stages: list[Stage] | None) -> None:
    global _POOL_STAGES
    if stages is not None:  # spawn: the stages come pickled; fork: inherited from the parent
        _POOL_STAGES = stages


# what the ordered stages need of an item, computed beside the per-record stages: its copy signature
# and its story vectors (the writer then only links and assigns; same values as computing them there)
Prepared = dict[str, tuple[Any, Any]]


def _analyse_items(items: list[Item], for_ordered: bool) -> tuple[list[Item], list[tuple[Any, Any]] | None]:
    items = [run_stages(it, _POOL_STAGES) for it in items]
    if not for_ordered:
        return items, None
    from tinhhinh.nlp.copies import item_signature
    from tinhhinh.stories.prepare import story_vectors

    return items, [(item_signature(it), story_vectors(it)) for it in items]


class Analysis:
    """The per-record stages over a batch, in ``workers`` processes when more than one is asked for.

    Only the per-record stages move: copies and stories stay in the writing process, inside each batch's
    transaction, so what is stored is the same as with one process (tested)."""

    def __init__(self, stages: list[Stage], workers: int = 1, *, for_ordered: bool = False) -> None:
        self.stages = stages
        self.for_ordered = for_ordered
        self._pool = None
        if workers > 1 and stages:
            global _POOL_STAGES
            # Some stages load their models on the first item: do it once here, so forked workers share
            # the loaded models copy-on-write instead of each loading them again.
            run_stages(
                Item(id="warm-up", title="Hà Nội", text="Chuyển khoản 5.000.000đ, gọi 0912345678."), stages
            )
            _POOL_STAGES = stages
            if for_ordered:
                from tinhhinh.stories.prepare import warm_up

                warm_up()  # the story IDF table, shared by the forked workers
            method = "spawn" if sys.platform == "darwin" else "fork"
            if method == "fork":
                gc.freeze()  # loaded models are never scanned by the collector, so their pages stay shared
            self._pool = mp.get_context(method).Pool(
                workers,
                initializer=_init_analysis_worker,
                initargs=(None if method == "fork" else stages,),
            )
            gc.unfreeze()

    def __call__(self, batch: list[Item]) -> tuple[list[Item], Prepared | None]:
        """The analysed items and, from worker processes, what the ordered stages need of them."""
        if self._pool is None or len(batch) <= ANALYSIS_CHUNK:
            return [run_stages(it, self.stages) for it in batch], None
        chunks = [batch[i : i + ANALYSIS_CHUNK] for i in range(0, len(batch), ANALYSIS_CHUNK)]
        items: list[Item] = []
        prepared: Prepared = {}
        for part, extra in self._pool.map(partial(_analyse_items, for_ordered=self.for_ordered), chunks):
            items.extend(part)
            if extra is not None:
                prepared.update((it.key, x) for it, x in zip(part, extra, strict=True))
        return items, (prepared if self.for_ordered else None)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _use_worker(records: Iterable[Item | Rejection]) -> bool:
    """A worker process pays off for large dumps only (starting one costs a fraction of a second)."""
    forced = os.environ.get("TINHHINH_INGEST_WORKER", "")
    if forced in {"0", "1"}:
        return forced == "1" and hasattr(records, "worker_bytes")
    size = getattr(records, "worker_bytes", None)
    return bool(size) and size() >= WORKER_MIN_BYTES and (os.cpu_count() or 1) > 1


def ingest(
    records: Iterable[Item | Rejection],
    engine: Engine,
    *,
    stages: list[Stage] | None = None,
    ordered: Callable | None = None,
    batch_size: int = BATCH,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
    workers: int = 1,
    on_conflict: Callable[[item_store.KeyConflict], None] | None = None,
) -> IngestSummary:
    """Analyse and store records.

    ``ordered(conn, fresh_items, pk_by_key)`` runs the ordered stages (stories) inside each batch's
    transaction, after the store has linked copies.

    Large dump files (``read_file``/``read_all``) are read, checked and folded in a worker process while
    this process analyses and writes; the result is the same as reading them here. With ``workers`` > 1
    the per-record stages run in that many processes; what is stored is the same.
    """
    analyse = Analysis(stages or [], workers, for_ordered=ordered is not None)
    try:
        return _ingest(records, engine, analyse, ordered, batch_size, on_rejection, on_batch, on_conflict)
    finally:
        analyse.close()


def _ingest(
    records: Iterable[Item | Rejection],
    engine: Engine,
    analyse: Analysis,
    ordered: Callable | None,
    batch_size: int,
    on_rejection: Callable[[Rejection], None] | None,
    on_batch: Callable[[IngestSummary], None] | None,
    on_conflict: Callable[[item_store.KeyConflict], None] | None = None,
) -> IngestSummary:
    stages = analyse.stages
    summary = IngestSummary()
    started = time.perf_counter()
    prepare = _prepare_in_worker if _use_worker(records) else _prepare_in_process
    # Without analysis, the insert values can be made in the worker (SQLite), which then sends only keys.
    raw = not stages and ordered is None and item_store.takes_ready_values(engine)
    for batch, rejected, forms, values in prepare(records, batch_size, raw):
        if values is not None:
            batch = [item_store.StoredKey(key, where) for key, where in batch]
        for rej in rejected:
            summary.rejected += 1
            summary.rejections.append(rej)
            if on_rejection:
                on_rejection(rej)
        if batch and stages:
            # Analyse only what is not stored yet: a re-run costs a key lookup (and a content hash) per record.
            # (Without analysis, add_items does the same lookup itself.)
            known = item_store.known_hashes(engine, [it.key for it in batch])
            if known:
                for i, it in enumerate(batch):
                    if it.key not in known:
                        continue
                    chash = forms[i]["hash"] if forms is not None else item_store.content_hash(it)
                    if item_store.same_text(known[it.key], chash):
                        summary.present += 1
                    else:
                        _conflict(summary, item_store.KeyConflict(it.key, it.where), on_conflict)
                keep = [i for i, it in enumerate(batch) if it.key not in known]
                batch = [batch[i] for i in keep]
                forms = [forms[i] for i in keep] if forms is not None else None
            batch, prepared = analyse(batch)
            values = None
        else:
            prepared = None
        if batch:
            after = partial(ordered, prepared=prepared) if ordered is not None and prepared else ordered
            result = item_store.add_items(engine, batch, after=after, forms=forms, values=values)
            summary.new += result.new
            summary.copies += result.copies
            summary.present += result.present
            for conflict in result.conflicts:
                _conflict(summary, conflict, on_conflict)
        summary.seconds = time.perf_counter() - started
        if on_batch:
            on_batch(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _conflict(summary: IngestSummary, conflict, on_conflict: Callable | None) -> None:
    summary.conflicts.append(conflict)
    if on_conflict:
        on_conflict(conflict)


def analysis_for(engine: Engine, *, warn: Callable[[str], None] | None = None):
    """The per-record stages and the ordered stages bound to this database (copies, stories)."""
    from tinhhinh.pipeline import load_stages

    stages = load_stages(warn=warn)
    try:
        from tinhhinh.ordered import ordered_for_store
    except ModuleNotFoundError:
        return stages, None
    return stages, ordered_for_store(engine)


def analyse_stored(
    engine: Engine,
    *,
    batch: int = 500,
    warn: Callable[[str], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Analyse the items stored without analysis (``ingest --no-analyze``), in the order they were stored:
    the per-record stages, then copies and stories, each batch in one transaction with its flag rows, so
    a run stopped half-way and run again goes on where it stopped. Returns how many were analysed."""
    from tinhhinh.pipeline import run_stages
    from tinhhinh.store import flags as flag_store
    from tinhhinh.store import items as item_store

    stages, ordered = analysis_for(engine, warn=warn)
    done, after = 0, 0
    while True:
        rows = item_store.unanalysed(engine, after, batch)
        if not rows:
            return done
        analysed = [(pk, run_stages(it, stages)) for pk, it in rows]
        with engine.begin() as conn:
            item_store.save_analysis(conn, analysed)
            if ordered is not None:
                ordered(conn, [it for _, it in analysed], {it.key: pk for pk, it in analysed})
            flag_store.collect(conn, [pk for pk, _ in analysed])
        after = rows[-1][0]
        done += len(rows)
        if on_batch:
            on_batch(done)


if __name__ == "__main__":  # the reader process's old entry point
    from tinhhinh.ingest.reader import main

    main()
