"""Ingest's reader process (``ingest.run`` starts it for large dumps): read, check and fold
records and send them to the writing process in batches, as length-prefixed pickles over a pipe.

Nothing here imports SQLAlchemy (``store.forms`` makes the index texts and insert values without it): the
writer waits for the first batch, and importing SQLAlchemy was half of this process's start-up.
"""

from __future__ import annotations

import gc
import pickle
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from tinhhinh.ingest.records import Rejection
from tinhhinh.item import Item
from tinhhinh.store.forms import index_wire, ready_values


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


def _send(out: BinaryIO, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(8, "little"))
    out.write(data)
    out.flush()


def _receive(inp: BinaryIO) -> Any:
    head = inp.read(8)
    if len(head) < 8:
        raise RuntimeError("the ingest reader process ended unexpectedly")
    size = int.from_bytes(head, "little")
    data = inp.read(size)
    if len(data) < size:
        raise RuntimeError("the ingest reader process ended unexpectedly")
    # A batch is thousands of new objects and no reference cycle: the collector, run every few hundred
    # allocations, would scan them again and again for nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if paused:
            gc.enable()


def main() -> None:
    """``python -m tinhhinh.ingest.reader``: read, check and fold records (index forms and copy hash) and send
    them on, one batch at a time, as length-prefixed pickles on stdout.

    The pipe holds about one batch, so the worker is never far ahead (memory stays flat). When the main
    process dies, the next write fails and the worker ends."""
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the data pipe
    records, size, raw = _receive(inp)
    try:
        for batch, rejected in _batches(records, size):
            forms = [index_wire(it.title, it.text) for it in batch]
            if raw and batch:
                # Without analysis nothing changes an item after this, so its insert values are final too,
                # and storing needs nothing else of it but its key.
                values = ready_values(batch, [f["hash"] for f in forms])
                _send(out, ([(it.key, it.where) for it in batch], rejected, forms, values))
            else:
                _send(out, (batch, rejected, forms, None))
        _send(out, ("done", None))
    except (BrokenPipeError, ConnectionResetError):
        return
    except BaseException as exc:  # noqa: BLE001 - handed to the main process, which raises it
        try:
            _send(out, ("error", exc))
        except Exception:  # noqa: BLE001 - an unpicklable error still stops the ingest
            _send(out, ("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


if __name__ == "__main__":
    main()
