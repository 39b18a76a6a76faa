"""What ``analyze``'s forked workers do so they never outlive their parent.

A parent killed by a signal it does not handle (``kill -9``, the OOM killer) runs no clean-up: its forked
workers, blocked waiting for the next task on a pipe whose writing end they held themselves, were
re-parented to PID 1 and slept forever, each holding its models in memory and the command's
stdout/stderr open (so whatever read the command's output waited forever too). ``ingest --workers``
uses the stdlib pool, whose workers close that end and so end when the parent does (tested).
"""

from __future__ import annotations

import os
import signal
import sys


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when ``parent`` ends, however it ends. Called once in each worker;
    nothing is checked while tasks run. Linux: the kernel sends SIGKILL when the parent exits
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere nothing is set (macOS and Windows spawn their workers, and
    the stdlib pool's workers see their task pipe close there)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc to call: the parent's own clean-up still runs
            pass
    if os.getppid() != parent:  # the parent ended before the line above took effect
        os._exit(1)


def worker_signals() -> None:
    """A worker leaves Ctrl-C to its parent (which stops the run and writes out what it has) and dies on
    SIGTERM, whatever handler it inherited from the parent it was forked from."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
