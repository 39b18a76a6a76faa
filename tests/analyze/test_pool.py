"""analyze's forked pool: results in input order, errors raised in the parent, a dead worker fails the run
instead of hanging it, bounded read-ahead."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from tinhhinh.analyze import _ForkedPool

pytestmark = pytest.mark.skipif(sys.platform == "darwin", reason="analyze forks its workers only on Linux")


def _nothing() -> None:
    pass


def _slow_square(chunk: list[int]) -> list[int]:
    # later chunks finish first: the pool must still hand them back in order
    time.sleep(0.002 * (10 - chunk[0] % 10))
    return [x * x for x in chunk]


def _fail_on_7(chunk: list[int]) -> list[int]:
    if 7 in chunk:
        raise ValueError("seven")
    return chunk


def _die_on_5(chunk: list[int]) -> list[int]:
    if 5 in chunk:
        os.kill(os.getpid(), signal.SIGKILL)
    return chunk


def _run(func, chunks, processes=2):
    pool = _ForkedPool(processes, initializer=_nothing, initargs=())
    try:
        return list(pool.imap(func, chunks))
    finally:
        pool.terminate()
        pool.join()


def test_results_come_back_in_input_order():
    chunks = [[i, i + 100] for i in range(40)]
    assert _run(_slow_square, chunks, processes=3) == [[i * i, (i + 100) ** 2] for i in range(40)]


def test_no_chunks():
    assert _run(_slow_square, []) == []


def test_an_error_in_a_worker_is_raised_here():
    with pytest.raises(ValueError, match="seven"):
        _run(_fail_on_7, [[i] for i in range(20)])


def test_an_error_reading_the_input_is_raised_here():
    def chunks():
        yield [1]
        yield [2]
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        _run(_slow_square, chunks())


def test_a_killed_worker_fails_the_run_instead_of_hanging():
    t0 = time.monotonic()
    with pytest.raises(RuntimeError, match="worker process stopped"):
        _run(_die_on_5, [[i] for i in range(50)])
    assert time.monotonic() - t0 < 30


def test_read_ahead_is_bounded():
    taken = []

    def chunks():
        for i in range(100):
            taken.append(i)
            yield [i]

    pool = _ForkedPool(2, initializer=_nothing, initargs=())
    try:
        it = pool.imap(_slow_square, chunks())
        assert next(it) == [0]
        time.sleep(0.5)
        assert len(taken) <= 4 * 2 + 2  # in flight: at most four chunks per worker
        assert list(it) == [[i * i] for i in range(1, 100)]
    finally:
        pool.terminate()
        pool.join()


def test_stopping_early_ends_the_workers():
    pool = _ForkedPool(2, initializer=_nothing, initargs=())
    it = pool.imap(_slow_square, ([i] for i in range(1000)))
    assert next(it) == [0]
    pool.terminate()
    pool.join()
    assert all(w.exitcode is not None for w in pool._workers)
