"""`tinhhinh analyze`: JSONL in, JSONL out, no database.

Each input line gives exactly one output line, in input order, with the analysis fields added and every
input field passed through. Per-record stages run in ``--workers`` processes; ordered stages (copies,
stories) run in this process over a window of records. A record stays in the window until ``--window``
newer records have arrived (default 50,000), so a copy that arrives later but was published earlier can
still become the original. Memory is bounded by the window, not by the input.
"""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
import stat
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from multiprocessing.connection import wait as mp_wait
from pathlib import Path
from typing import IO, Any

from tinhhinh import console
from tinhhinh.console import UserError
from tinhhinh.ingest.records import (
    UTF16_BOMS,
    csv_delimiter,
    read_jsonl_records,
    to_item,
    utf16_lines,
    without_personal,
)
from tinhhinh.item import Item
from tinhhinh.ordered import Entry, ordered_stages
from tinhhinh.pipeline import load_stages, run_stages

DEFAULT_WINDOW = 50_000
CHUNK = 64

# Fields analyze adds; everything else in a record passes through untouched.
ADDED = ("area", "area_scores", "keywords", "places", "toxicity", "toxicity_score")


def _added_fields(item: Item) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ADDED:
        value = getattr(item, name)
        if value is not None:
            fields[name] = value
    fields["harm"] = item.harm or []
    fields["model_version"] = item.model_version
    return fields


# ------------------------------------------------------------------ per-record work (worker processes)

_STAGES: list | None = None
_STAGE_OPTIONS: dict = {}


_WARM_UP = Item(
    id="warm-up",
    title="Hà Nội: cảnh báo lừa đảo",
    text="Chuyển khoản 5.000.000đ vào tài khoản qua https://vi-du.com ngay hôm nay, gọi 0912345678.",
)


def _init_worker(options: dict, warn: Callable[[str], None] | None = None) -> None:
    """Load the per-record stages in this process, models included (stages load some lazily: one
    throw-away item makes them load now, so a pool forked afterwards shares them)."""
    global _STAGES, _STAGE_OPTIONS
    _STAGE_OPTIONS = options
    _STAGES = load_stages(options=options, warn=warn, load_models=True)
    entry = _analyse_one(0, dict(id=_WARM_UP.id, title=_WARM_UP.title, text=_WARM_UP.text))
    entry.prepare()


def _init_forked_worker(options: dict) -> None:
    if _STAGES is None or _STAGE_OPTIONS is not options:  # not inherited from the parent (spawn)
        _init_worker(options)


def _error_fields(message: str) -> dict[str, Any]:
    """What a record analyze could not analyse gets: the reason, and (issue 3: every record gets them) an
    empty ``harm`` and ``model_version``, so a consumer can read ``rec["harm"]`` on every line."""
    return {"error": message, "harm": [], "model_version": {}}


def _analyse_one(lineno: int, record: Any) -> Entry:
    if isinstance(record, Exception):
        return Entry(lineno=lineno, record={}, added=_error_fields(str(record)), item=None)
    warnings: list[str] = []
    try:
        item = to_item(
            record, where=f"line:{lineno}", require_identity=False, keep_authors=False, undated=warnings
        )
    except ValueError as exc:
        passthrough = record if isinstance(record, dict) else {"value": record}
        return Entry(lineno=lineno, record=passthrough, added=_error_fields(str(exc)), item=None)
    item = run_stages(item, _STAGES or [])
    added = _added_fields(item)
    if warnings:  # analysed, but not all of the record was usable (a published_at that is not a date)
        added["warnings"] = warnings
    return Entry(lineno=lineno, record=record, added=added, item=item)


def _analyse_chunk(chunk: list[tuple[int, Any]], full_items: bool = False) -> list[Entry]:
    """Each record through the stages, then at once the per-record part of the ordered stages (MinHash
    signature; with ``full_items`` the story vectors): they read the text view the stages just built,
    which is shared only with the last item's title and text (``text_view``): done after the whole
    chunk, each item's view was cut and looked up again."""
    if full_items:
        # Story vectors are most of what assigning a story costs and need only the item: computed here,
        # the one ordered process only searches candidates and decides (same vectors, same stories).
        from tinhhinh.stories.prepare import EXTRA_KEY, story_vectors
    entries = []
    for n, r in chunk:
        e = _analyse_one(n, r)
        e.prepare()  # per-record part of ordered stages (e.g. MinHash signatures) runs in the worker
        if full_items and e.item is not None:
            e.extra[EXTRA_KEY] = story_vectors(e.item)
        entries.append(e)
    return entries


_SAME = "\x00same-record"


def _analyse_chunk_slim(chunk: list[tuple[int, Any]], full_items: bool) -> list[Entry]:
    """``_analyse_chunk`` for worker processes: what travels back through the pipe is only what the
    parent lacks. The parent still holds the input record (it is not sent back), and the ordered stages
    need only the item's identity and time (and, with ``--stories``, its title and story vectors)."""
    entries = _analyse_chunk(chunk, full_items)
    for e, (_, record) in zip(entries, chunk, strict=True):
        if e.record is record:
            e.record = _SAME
        if e.item is not None:
            it = e.item
            # the parent needs identity and time (copies), and with --stories the title (story labels)
            e.item = Item(
                id=it.id,
                source=it.source,
                url=it.url,
                published_at=it.published_at,
                title=it.title if full_items else "",
            )
    return entries


# ------------------------------------------------------------------ output lines made in the workers
#
# ``analyze`` reads and writes JSONL. Parsing each input line, sending the parsed record to a worker and
# its added fields back, copying and merging them and dumping the merged record cost the one ordered
# process ~0.15 ms per record, next to the two workers. Instead the workers get the raw line, parse it
# (``read_jsonl_records``, the same function) and dump the output record themselves, with a hole where
# ``model_version`` goes; the ordered stages add only ``dup_of``/``story_id`` and their own
# ``model_version`` entries, which this process writes into the hole and at the end: the same bytes
# as ``json.dumps`` of the merged record (tests/analyze compares both ways on every kind of input).
# The lines travel back already encoded for the output (bytes unpickle as a copy; a str of
# Vietnamese text is decoded and scanned again) and are written to its binary buffer.

_DUMPS = {"ensure_ascii": False, "default": str}
# what the ordered stages may add: anything else (or a key the record already has, whose place is then
# inside the line) makes this process rebuild the record from the line and dump it whole
ORDERED_KEYS = frozenset({"dup_of", "story_id"})
ORDERED_NAMES = frozenset({"copies", "stories"})
_HOLE = "\x00model_version\x00"
_HOLE_JSON = json.dumps(_HOLE)


# ``json.dumps(value, **_DUMPS)`` makes this same encoder for each call (~7 µs, five calls per record
# in the ordered process): one made once gives the same text (json.dumps is ``JSONEncoder(...).encode``)
_dumps: Callable[[Any], str] = json.JSONEncoder(**_DUMPS).encode


def _output_line(
    out: dict[str, Any], codec: tuple[str, str] = ("utf-8", "strict"), error: bool | None = None
) -> tuple:
    """The worker's part of an output line, encoded with ``codec`` (encoding, errors): ("hole", before,
    model_version items, after, keys of ``ORDERED_KEYS`` and of ``ORDERED_NAMES`` already present,
    has error, codec) or ("whole", line, has error, codec). ``error``: whether analyze added an
    ``error`` (default: whether ``out`` has one; an input field of that name is not analyze's error)."""
    if error is None:
        error = "error" in out
    mv = out.get("model_version")
    if isinstance(mv, dict):
        holed = dict(out)
        holed["model_version"] = _HOLE
        line = _dumps(holed)
        if line.count(_HOLE_JSON) == 1:
            before, after = line.split(_HOLE_JSON)
            return (
                "hole",
                before.encode(*codec),
                _dumps(mv)[1:-1].encode(*codec),
                after[:-1].encode(*codec),
                ORDERED_KEYS.intersection(out),
                ORDERED_NAMES.intersection(mv),
                error,
                codec,
            )
    return ("whole", _dumps(out).encode(*codec), error, codec)


def _record_out(entry: Entry) -> dict[str, Any]:
    # A person's name, account, e-mail or phone never leaves analyze (see README, "lines"), whatever the
    # field is called ("Author", "full_name", "Tác giả", "owner_id"…: records.is_person_field), at any depth
    record = without_personal(entry.record) if isinstance(entry.record, dict) else {}
    out = dict(record)
    out.update(entry.added)
    return out


def _parse_lines(chunk: list[tuple[int, bytes | str]]) -> list[tuple[int, Any]]:
    # a blank line is no record, but tools pair input and output lines (``paste``): it gives a line
    # with an ``error`` field like any line that holds no record
    return [(lineno, next(read_jsonl_records((raw,), blanks=True))[1]) for lineno, raw in chunk]


def _analyse_lines(
    chunk: list[tuple[int, bytes | str]],
    full_items: bool,
    slim: bool = True,
    codec: tuple[str, str] = ("utf-8", "strict"),
) -> list[Entry]:
    """Raw input lines → entries whose ``record`` is the output line with a hole (``_output_line``)."""
    parsed = _parse_lines(chunk)
    entries = _analyse_chunk_slim(parsed, full_items) if slim else _analyse_chunk(parsed, full_items)
    raws = dict(chunk) if slim else {}
    for e, (lineno, record) in zip(entries, parsed, strict=True):
        if isinstance(e.record, str) and e.record == _SAME:
            e.record = record
        pre = _output_line(_record_out(e), codec, error="error" in e.added)
        raw = raws.get(lineno)
        if pre[0] == "hole" and isinstance(raw, bytes):
            # Input written by json.dumps (as the ingest exports and the bench's are) is the output's
            # first part byte for byte: that part stays in the parent, which still has the line.
            head = raw.rstrip(b"\r\n")[:-1]
            if head and pre[1].startswith(head):
                pre = ("held", len(head), pre[1][len(head) :], *pre[2:])
        e.record = pre
        e.added = None
    return entries


def _unhold(entry: Entry, raw: bytes) -> None:
    """Put back the part of the output line a worker left out because it is the input line's start."""
    pre = entry.record
    if pre[0] == "held":
        entry.record = ("hole", raw[: pre[1]] + pre[2], *pre[3:])


def _line(entry: Entry) -> tuple[bytes, bool]:
    """The output line of an entry from ``_analyse_lines`` once the ordered stages have finished it."""
    added = entry.added
    new_mv = added.pop("model_version")
    pre = entry.record
    fast = (
        pre[0] == "hole"
        and all(k in ORDERED_KEYS and k not in pre[4] for k in added)
        and all(k in ORDERED_NAMES and k not in pre[5] for k in new_mv)
    ) or (pre[0] == "whole" and not added and not new_mv)
    codec = pre[-1]
    if fast and pre[0] == "whole":
        return pre[1], pre[2]
    if fast:
        _, before, mv_items, after, _, _, error, _ = pre
        parts = [before, b"{", mv_items]
        if new_mv:
            try:
                parts.append(_mv_bytes(tuple(new_mv.items()), bool(mv_items), codec))
            except TypeError:  # a value that cannot be a cache key
                more = _dumps(new_mv)[1:-1].encode(*codec)
                parts.append(b", " + more if mv_items else more)
        parts.append(b"}")
        parts.append(after)
        for k, v in added.items():
            parts.append(_key_bytes(k, codec) + _dumps(v).encode(*codec))
        parts.append(b"}")
        return b"".join(parts), error
    # rare: rebuild the merged record from the line (json.loads of json.dumps output dumps back the same)
    if pre[0] == "hole":
        out = json.loads((pre[1] + b"{" + pre[2] + b"}" + pre[3] + b"}").decode(*codec))
    else:
        out = json.loads(pre[1].decode(*codec))
    if new_mv:
        mv = out.get("model_version")
        if isinstance(mv, dict):
            mv.update(new_mv)
        else:
            out["model_version"] = new_mv
    out.update(added)
    return _dumps(out).encode(*codec), pre[-2]  # the workers' flag: an error analyze added


@lru_cache(maxsize=64)
def _mv_bytes(items: tuple[tuple[str, Any], ...], after_items: bool, codec: tuple[str, str]) -> bytes:
    """The ordered stages' ``model_version`` entries as they follow the workers' (the same few each time)."""
    more = _dumps(dict(items))[1:-1].encode(*codec)
    return b", " + more if after_items else more


@lru_cache(maxsize=64)
def _key_bytes(key: str, codec: tuple[str, str]) -> bytes:
    return f", {_dumps(key)}: ".encode(*codec)


def _chunks(records: Iterable[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _ForkedPool:
    """``multiprocessing.Pool`` for ``analyze``'s one pattern: ``imap`` over chunks, results in order.

    The stdlib pool's worker-handler thread waits on the result pipe too, so while a chunk's results
    sit there it loops without sleeping (~70 passes per chunk, ~0.05 ms of the parent's CPU per record,
    and GIL hand-offs the ordered stages wait for). Here the workers are forked once, a feeder thread
    sends chunks (at most ``ahead`` per worker not yet taken back) and the consuming thread reads the
    results itself; a worker that dies makes the run fail instead of waiting forever."""

    def __init__(self, processes: int, initializer: Callable[..., None], initargs: tuple) -> None:
        ctx = mp.get_context("fork")
        self._tasks = ctx.SimpleQueue()
        self._results = ctx.SimpleQueue()
        for queue in (self._tasks, self._results):
            _grow_pipe(queue._writer)
        self._processes = processes
        self._stop = threading.Event()
        self._room = threading.Semaphore(4 * processes)
        parent = os.getpid()
        self._workers = [
            ctx.Process(
                target=_pool_worker,
                args=(self._tasks, self._results, initializer, initargs, parent),
                daemon=True,
            )
            for _ in range(processes)
        ]
        for w in self._workers:
            w.start()

    def imap(self, func: Callable[[Any], Any], chunks: Iterable[Any], chunksize: int = 1) -> Iterator[Any]:
        feeder = threading.Thread(target=self._feed, args=(func, chunks), daemon=True)
        feeder.start()
        got: dict[int, Any] = {}
        total: int | None = None
        following = 0
        live = {w.sentinel: w for w in self._workers}
        reader = self._results._reader
        while total is None or following < total:
            ready = mp_wait([reader, *live])
            if reader not in ready:
                for sentinel in ready:
                    worker = live.pop(sentinel)
                    worker.join()  # its pipe closes a moment before its exit code can be read
                    if worker.exitcode:  # a signal (negative) or an error exit
                        raise RuntimeError(f"an analyze worker process stopped (exit code {worker.exitcode})")
                continue
            index, ok, value = self._results.get()
            if index < 0:  # from the feeder: the input ended after ``value`` chunks, or failed
                if not ok:
                    raise value
                total = value
                continue
            if not ok:
                raise value
            got[index] = value
            while following in got:
                self._room.release()
                yield got.pop(following)
                following += 1

    def _feed(self, func: Callable[[Any], Any], chunks: Iterable[Any]) -> None:
        n = 0
        try:
            for chunk in chunks:
                self._room.acquire()
                if self._stop.is_set():
                    return
                self._tasks.put((n, func, chunk))
                n += 1
            for _ in range(self._processes):
                self._tasks.put(None)
            self._results.put((-1, True, n))
        except BaseException as exc:  # noqa: BLE001 — reading the input failed: the consumer raises it
            if not self._stop.is_set():
                try:
                    self._results.put((-1, False, exc))
                except Exception:  # noqa: BLE001, S110 — unpicklable: say what it was
                    self._results.put((-1, False, RuntimeError(repr(exc))))

    def terminate(self) -> None:
        self._stop.set()
        for _ in range(4 * self._processes + 1):
            self._room.release()  # a feeder waiting for room sees the stop
        for w in self._workers:
            if w.exitcode is None:
                w.terminate()
        self._tasks._reader.close()  # a feeder blocked on a full pipe gets an error and ends

    def join(self) -> None:
        for w in self._workers:
            w.join()


def _grow_pipe(conn: Any) -> None:
    """A 1 MiB pipe (Linux): a worker's results for a chunk fit, so it never waits for the reader."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (OSError, ImportError):
        pass


def _pool_worker(
    tasks: Any, results: Any, initializer: Callable[..., None], initargs: tuple, parent: int
) -> None:
    from tinhhinh.workers import die_with_parent, worker_signals

    worker_signals()  # Ctrl-C is the parent's to handle; SIGTERM (the parent's terminate) ends this
    die_with_parent(parent)  # a parent killed outright (SIGKILL, OOM) must not leave this waiting forever
    # and, as the stdlib pool's workers do, only the parent may write tasks: once it is gone, reading
    # the next task ends (EOFError) instead of waiting on a pipe this worker itself kept open
    tasks._writer.close()
    results._reader.close()
    initializer(*initargs)
    while True:
        try:
            task = tasks.get()
        except EOFError:
            return
        if task is None:
            return
        index, func, chunk = task
        try:
            out = (index, True, func(chunk))
        except BaseException as exc:  # noqa: BLE001 — the parent raises it
            out = (index, False, exc)
        try:
            results.put(out)
        except Exception as exc:  # noqa: BLE001 — an unpicklable error: say what it was
            results.put((index, False, RuntimeError(repr(exc))))


MIN_CHUNK = 8


def _tail_chunks(
    lines: Iterable[tuple[int, bytes]], size: int, total_bytes: int, workers: int
) -> Iterator[list[tuple[int, bytes]]]:
    """``_chunks`` over an input of known size, cut finer near its end: the workers take chunks as they
    become free, so the last one starts while the other workers finish theirs, and they then idle for
    up to a chunk's time (64 articles: ~0.3 s of a 5,000-article run). Chunks shrink to about a
    ``2 × workers``-th of the lines left (at the mean line length so far), down to ``MIN_CHUNK``."""
    chunk: list[tuple[int, bytes]] = []
    target, seen, count = size, 0, 0
    for rec in lines:
        chunk.append(rec)
        seen += len(rec[1])
        count += 1
        if len(chunk) >= target:
            yield chunk
            chunk = []
            left = max(total_bytes - seen, 0) * count / max(seen, 1)
            target = max(MIN_CHUNK, min(size, int(left / (2 * workers))))
    if chunk:
        yield chunk


def analyse_stream(
    records: Iterable[tuple[int, Any]],
    *,
    workers: int = 1,
    window: int = DEFAULT_WINDOW,
    stories: bool = False,
    options: dict | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Analysed output records, in input order. ``warn`` hears about stages that cannot run."""
    for entry in _run(records, workers, window, stories, options, warn, lines=None):
        yield _record_out(entry)


def analyse_lines(
    lines: Iterable[tuple[int, bytes | str]],
    *,
    workers: int = 1,
    window: int = DEFAULT_WINDOW,
    stories: bool = False,
    options: dict | None = None,
    warn: Callable[[str], None] | None = None,
    codec: tuple[str, str] = ("utf-8", "strict"),
    input_bytes: int | None = None,
) -> Iterator[tuple[bytes, bool]]:
    """``analyse_stream`` from raw JSONL lines (numbered) to output lines (encoded with ``codec``,
    without the newline) and whether each has an ``error`` field: the same bytes as ``json.dumps`` of
    its output records, encoded; the parsing and most of the dumping are done in the workers.
    ``input_bytes``: the lines' total size when known (bytes lines), to share the input's end out
    finely between the workers."""
    for entry in _run(lines, workers, window, stories, options, warn, lines=codec, input_bytes=input_bytes):
        yield _line(entry)


def _run(
    records: Iterable[tuple[int, Any]],
    workers: int,
    window: int,
    stories: bool,
    options: dict | None,
    warn: Callable[[str], None] | None,
    *,
    lines: tuple[str, str] | None,
    input_bytes: int | None = None,
) -> Iterator[Entry]:
    """Finished entries in input order (``lines``: ``records`` are raw lines and this the output's
    (encoding, errors), see ``_analyse_lines``)."""
    options = options or {}

    def entries() -> Iterator[Entry]:
        if pool is None:
            # with --stories the story vectors come from the text view the stages built, as in the
            # workers (the same vectors; computed by the stage from the item alone they cost ~0.6 ms more)
            for chunk in _chunks(records, CHUNK):
                if lines:
                    batch = _analyse_lines(chunk, stories, slim=False, codec=lines)
                    for e in batch:
                        e.added = {"model_version": {}}
                    yield from batch
                else:
                    yield from _analyse_chunk(chunk, stories)
            return
        sent: deque[list[tuple[int, Any]]] = deque()

        def remembered(chunks: Iterator[list[tuple[int, Any]]]) -> Iterator[list[tuple[int, Any]]]:
            for chunk in chunks:
                sent.append(chunk)  # imap reads this in its own thread, in order
                yield chunk

        if lines:
            # the workers send back output lines with a hole, without the part that is the input line
            work = partial(_analyse_lines, full_items=stories, codec=lines)
            if input_bytes:
                chunks = _tail_chunks(records, CHUNK, input_bytes, workers)
            else:
                chunks = _chunks(records, CHUNK)
            for batch in pool.imap(work, remembered(chunks), chunksize=1):
                raws = dict(sent.popleft())
                for e in batch:
                    _unhold(e, raws[e.lineno])
                    e.added = {"model_version": {}}  # what the ordered stages write into
                yield from batch
            return
        work = partial(_analyse_chunk_slim, full_items=stories)
        # imap keeps input order; a bounded number of chunks is in flight at once.
        for batch in pool.imap(work, remembered(_chunks(records, CHUNK)), chunksize=1):
            chunk = sent.popleft()
            for e, (_, record) in zip(batch, chunk, strict=True):
                if isinstance(e.record, str) and e.record == _SAME:
                    e.record = record
            yield from batch

    pool = None

    def end_pool() -> None:
        nonlocal pool
        if pool is not None:
            pool.terminate()
            pool.join()
            pool = None

    # The stages and their models are loaded once, here; forked workers share them copy-on-write
    # instead of each importing and loading everything again (about a second of CPU per worker).
    _init_worker(options, warn)
    if stories and workers > 1:
        from tinhhinh.stories.prepare import warm_up

        warm_up()  # the story IDF table: loaded once here, shared by the forked workers
    # The loaded models are never scanned by the collector while the run lasts: in forked workers so
    # their pages stay shared, here because the ordered loop's full collections each walked them all
    # again (~0.1 ms per record with --stories). Unfrozen when the run ends, so they can go then.
    gc.freeze()
    try:
        if workers > 1:
            # fork shares the loaded models; macOS (unsafe after some system libraries) and Windows
            # (no fork) spawn, and each worker loads its own
            forkable = sys.platform != "darwin" and "fork" in mp.get_all_start_methods()
            method = "fork" if forkable else "spawn"
            if method == "fork":
                pool = _ForkedPool(workers, initializer=_init_forked_worker, initargs=(options,))
            else:
                pool = mp.get_context(method).Pool(
                    workers, initializer=_init_forked_worker, initargs=(options,)
                )
        yield from _ordered(entries(), stories=stories, window=window, stop=end_pool, warn=warn)
    finally:
        end_pool()
        gc.unfreeze()


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill PID``, systemd, ``docker stop``), handled like Ctrl-C."""


class _Interrupts:
    """Ctrl-C and SIGTERM while ``analyze_command`` runs. A signal is raised at once while the run waits
    for input or for the workers; while the ordered stages change their state or a line is written it is
    held and raised at the next wait, so the records in the window can still be finished and written
    out. A second signal is raised at once, wherever the run is."""

    def __init__(self) -> None:
        self.waiting = True
        self.pending: KeyboardInterrupt | None = None

    def handle(self, signum: int, frame: Any) -> None:
        import signal

        exc = Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()
        if self.waiting or self.pending is not None:
            raise exc
        self.pending = exc


_INTERRUPTS = _Interrupts()


def _ordered(
    entries: Iterable[Entry],
    *,
    stories: bool,
    window: int,
    stop: Callable[[], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Entry]:
    """The entries through the ordered stages, in order, each once ``window`` newer ones have arrived.
    Interrupted (Ctrl-C, SIGTERM) while waiting for the next entry: ``stop`` (the workers end), the
    entries in the window are finished with what the stages know so far and come out, then the
    interruption is raised again."""
    ordered = ordered_stages(stories=stories, window=window)
    buffer: deque[Entry] = deque()
    interrupts = _INTERRUPTS
    it = iter(entries)
    stopped: KeyboardInterrupt | None = None
    while True:
        try:
            interrupts.waiting = True
            if interrupts.pending is not None:
                raise interrupts.pending
            entry = next(it)
        except StopIteration:
            break
        except KeyboardInterrupt as exc:
            stopped = interrupts.pending = exc  # held: a second signal now stops the writing out too
            break
        finally:
            interrupts.waiting = False
        for stage in ordered:
            stage.add(entry)
        buffer.append(entry)
        while len(buffer) > window:
            yield _finish(buffer.popleft(), ordered)
    if stopped is not None and stop is not None:
        stop()  # the workers stop first: the rest needs only this process
    while buffer:
        yield _finish(buffer.popleft(), ordered)
    note = ordered[0].note()  # the copies stage: ids that repeated with another text
    if note and warn is not None:
        warn(note)
    interrupts.waiting = True
    if stopped is not None:
        raise stopped


def _finish(entry: Entry, ordered) -> Entry:
    for stage in ordered:
        stage.finish(entry)
    return entry


# ------------------------------------------------------------------ command


def _csv_text_of(stream: IO[bytes], where: Path) -> str:
    """A CSV input's text, told UTF-8 (BOM or not) or Excel's UTF-16 "Unicode text" the way ``ingest``
    tells them (``_csv_text``: it reads the whole file too). Read before any output is written, so a file
    in another encoding is one clear line and exit 1."""
    from tinhhinh.ingest.records import NOT_UTF8, _csv_text

    try:
        return _csv_text(stream.read())
    except UnicodeDecodeError:
        raise UserError(f"--input {where}: {NOT_UTF8}") from None


def _csv_as_jsonl(text: str) -> Iterator[bytes]:
    """A CSV's rows (its text, ``_csv_text_of``) as JSONL lines (the header names the fields; delimiter
    , ; or tab, as ``ingest`` reads them). Values past the header's columns pass through under ``_extra``."""
    import csv
    import io
    import itertools

    stream = io.StringIO(text, newline="")
    header = stream.readline()
    for row in csv.DictReader(itertools.chain([header], stream), delimiter=csv_delimiter(header)):
        extra = row.pop(None, None)  # type: ignore[call-overload]
        record = {k.strip(): v for k, v in row.items() if k is not None}
        if extra:
            record["_extra"] = extra
        yield json.dumps(record, ensure_ascii=False).encode("utf-8")


def _regular_size(src: IO[bytes]) -> int | None:
    """Bytes left to read in ``src`` when it is a regular file (not a pipe or a terminal)."""
    try:
        st = os.fstat(src.fileno())
        return st.st_size - src.tell() if stat.S_ISREG(st.st_mode) else None
    except (OSError, ValueError, AttributeError):
        return None


def _check_output(output: Path, src: IO[bytes], input: Path | None) -> None:
    """``--output`` must not be the input (opening it for writing truncates it: ``-i F -o F`` destroyed
    F and exited 0) and its folder must exist. The same file is told by device and inode, so a symlink,
    a hard link or ``-o F < F`` is refused too."""
    where = f"--output {output}"
    try:
        out_stat = os.stat(output)
    except OSError:
        out_stat = None  # no such file yet (or open() below says what is wrong)
    # only a regular file: ``-o /dev/null < /dev/null`` is the same device file and destroys nothing
    if out_stat is not None and stat.S_ISREG(out_stat.st_mode):
        try:
            in_stat = os.fstat(src.fileno())
        except (OSError, ValueError, AttributeError):
            in_stat = None
        if in_stat is not None and (in_stat.st_dev, in_stat.st_ino) == (out_stat.st_dev, out_stat.st_ino):
            name = input if input is not None else "the standard input"
            raise UserError(
                f"{where} is the same file as the input ({name}): writing it would destroy the input; "
                "pass another --output"
            )
    parent = output.parent
    if not parent.is_dir():
        raise UserError(f"{where}: the folder {parent} does not exist; create it or pass another --output")


def _open_output(output: Path) -> IO[bytes]:
    where = f"--output {output}"
    try:
        return output.open("wb")
    except OSError as exc:
        raise UserError(
            f"{where}: cannot write ({exc.strerror}); pass a file in a folder you can write to"
        ) from exc


def _check_registry(path: Path) -> None:
    """``--factchecks`` must be a fact-check registry with at least one claim: any other file (a news
    JSONL, a CSV to import) was accepted silently and no fact-check stage ran."""
    from tinhhinh.harm.factcheck_registry import RegistryError, active, load

    where = f"--factchecks {path}"
    if not path.exists():
        raise UserError(f"{where}: no such file")
    if path.is_dir():
        raise UserError(f"{where} is a folder; pass the registry file (a JSONL of fact-check entries)")
    made = "pass the registry `tinhhinh factchecks import` writes (default $TINHHINH_HOME/factchecks.jsonl)"
    try:
        entries = load(path)
    except RegistryError as exc:
        if isinstance(exc.__cause__, OSError):
            raise UserError(f"{where}: cannot read ({exc.__cause__.strerror})") from None
        raise UserError(f"{where} is not a fact-check registry (a line is not JSON); {made}") from None
    except ValueError:  # not UTF-8 text
        raise UserError(f"{where} is not a fact-check registry (not UTF-8 text); {made}") from None
    if not entries:
        raise UserError(f"{where} is not a fact-check registry (no line has an id and a claim); {made}")
    if not active(entries):
        console.note(
            f"{where}: none of its {len(entries)} entries is an approved refuted claim, so nothing is "
            "matched; a coordinator approves entries with `tinhhinh factchecks approve`"
        )


class _TextSink:
    def __init__(self, stream: IO[str], codec: tuple[str, str]) -> None:
        self.stream, self.codec = stream, codec

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode(*self.codec))


class _Lines:
    """The input's lines, numbered from 1, counting those read. A read error (a truncated or corrupt
    .gz, a disk error) ends the lines instead of the run: the lines read before it are analysed and
    written out like a whole input, and ``error`` says what stopped the reading."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self.lines = lines
        self.read = 0
        self.error: BaseException | None = None

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        import zlib

        try:
            for n, line in enumerate(self.lines, 1):
                self.read = n
                yield n, line
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
            self.error = exc


def _read_error(where: str, exc: BaseException, gz: bool) -> tuple[str, str]:
    """What went wrong reading the input and what to do, for the one line that says it."""
    import zlib

    if isinstance(exc, EOFError):
        return (
            f"{where}: the gzip file ends in the middle (an interrupted download or copy?)",
            "copy or download the file again (`gzip -t` checks one)",
        )
    if isinstance(exc, UnicodeDecodeError):
        return (
            f"{where}: the UTF-16 text breaks off ({exc.reason})",
            "save the file again (in Notepad: Save As, encoding UTF-8)",
        )
    if gz and isinstance(exc, (OSError, zlib.error)) and not getattr(exc, "errno", None):
        return (
            f"{where}: the gzip data is corrupt ({exc})",
            "copy or download the file again (`gzip -t` checks one)",
        )
    reason = getattr(exc, "strerror", None) or str(exc)
    return f"{where}: reading failed ({reason})", "check the file and the disk, then run again"


class _SignalsHandled:
    """Ctrl-C and SIGTERM raise into the run (``_Interrupts``) while ``analyze_command`` runs; the
    handlers before are put back after. Only the main thread can set handlers (a library caller
    running analyze in a thread keeps its own)."""

    def __enter__(self) -> _Interrupts:
        import signal

        global _INTERRUPTS
        _INTERRUPTS = _Interrupts()
        self.old: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.old[sig] = signal.signal(sig, _INTERRUPTS.handle)
        return _INTERRUPTS

    def __exit__(self, *exc: object) -> None:
        import signal

        for sig, old in self.old.items():
            signal.signal(sig, old)


def analyze_command(
    input: Path | None = None,
    output: Path | None = None,
    workers: int = 1,
    window: int = DEFAULT_WINDOW,
    stories: bool = False,
    factchecks: Path | None = None,
    quiet: bool = False,
) -> int:
    """The ``analyze`` command (its options and help: ``tinhhinh.cli_app.analyze_command``)."""
    if workers < 1:
        raise UserError("--workers must be at least 1")
    if window < 1:
        raise UserError("--window must be at least 1")
    options: dict = {}
    if factchecks is not None:
        _check_registry(factchecks)
        options["factcheck"] = {"registry": factchecks}
    src: IO[bytes]
    if input is None:
        src = sys.stdin.buffer
    else:
        try:
            src = input.open("rb")
        except OSError as exc:
            raise UserError(f"--input {input}: cannot read ({exc.strerror})") from exc
    where = f"--input {input}" if input is not None else "the standard input"
    import zlib

    dst: IO[bytes] | _TextSink | None = None
    gz = False
    try:
        if output is not None:
            _check_output(output, src, input)  # before reading the input, and before truncating anything
        input_bytes = _regular_size(src)
        lines: Any = src
        if hasattr(src, "peek") and src.peek(2)[:2] == b"\x1f\x8b":  # gzip (by content), as ingest reads it
            import gzip

            lines, input_bytes, gz = gzip.GzipFile(fileobj=src), None, True
        if input is not None and input.name.lower().endswith((".csv", ".csv.gz")):
            lines, input_bytes = _csv_as_jsonl(_csv_text_of(lines, input)), None
        elif hasattr(lines, "peek") and lines.peek(2)[:2] in UTF16_BOMS:
            # UTF-16 with a byte-order mark (Excel's and Notepad's "Unicode"), as ingest reads it
            lines, input_bytes = utf16_lines(lines), None
        if output is not None:
            dst = _open_output(output)
    except (OSError, EOFError, zlib.error) as exc:
        if input is not None:
            src.close()
        if not gz:
            raise
        what, todo = _read_error(where, exc, gz)
        raise UserError(f"{what}; {todo}") from exc
    except BaseException:
        if input is not None:
            src.close()
        raise
    # lines come encoded from the workers: for the terminal/pipe as sys.stdout would encode them
    codec = ("utf-8", "strict")
    if dst is None and hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
        codec = (sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")
        dst = sys.stdout.buffer
    elif dst is None:  # a text-only stream (some embedding): decode again
        dst = _TextSink(sys.stdout, codec)
    newline = "\n".encode(*codec)
    count = errors = 0
    numbered = _Lines(lines)
    stopped: KeyboardInterrupt | None = None
    try:
        from tinhhinh.progress import counter

        with _SignalsHandled() as interrupts, counter("analysing", disable=quiet) as tick:
            try:
                for line, error in analyse_lines(
                    numbered,
                    workers=workers,
                    window=window,
                    stories=stories,
                    options=options,
                    warn=console.note,
                    codec=codec,
                    input_bytes=input_bytes,
                ):
                    dst.write(line + newline)
                    count += 1
                    errors += error
                    tick(count)
                if interrupts.pending is not None:  # came while the last records were written
                    raise interrupts.pending
            except KeyboardInterrupt as exc:
                stopped = exc
    finally:
        if output is not None:
            dst.close()
        if input is not None:
            src.close()
    written = f"wrote {count} of the {numbered.read} records read to {output or 'the standard output'}"
    if stopped is not None:
        why = "terminated (SIGTERM)" if isinstance(stopped, Terminated) else "interrupted"
        sys.stderr.write(f"{why}: {written}; the output is incomplete\n")
        return 143 if isinstance(stopped, Terminated) else 130
    if numbered.error is not None:
        what, todo = _read_error(where, numbered.error, gz)
        raise UserError(f"{what}; {written}; {todo}")
    # plain text, as rich prints it: importing rich for this line would cost ~40 ms after the work is done
    sys.stderr.write(f"{count} records analysed, {errors} with an error field\n")
    return 0
