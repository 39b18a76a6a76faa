"""Consoles: stdout carries only a command's output; everything for people goes to stderr.

``err`` and ``out`` are rich consoles made on first use (``from tinhhinh.console import err`` too):
importing rich costs ~40 ms that a plain ``tinhhinh analyze`` run does not need.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("err", "out"):
        from rich.console import Console

        # soft wrap: a line longer than the console (an error naming a long path) stays one line in a log
        # or a pipe instead of being broken at 80 columns; a terminal still wraps it for the eye
        made = {
            "err": Console(stderr=True, highlight=False, soft_wrap=True),
            "out": Console(highlight=False, soft_wrap=True),
        }
        for key, value in made.items():
            globals().setdefault(key, value)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def note(message: str) -> None:
    """A warning line on stderr. The message is quoted, not markup: it often holds user input (paths,
    names, titles), and "[/x]" in a file name would otherwise stop the command."""
    from rich.markup import escape

    __getattr__("err").print("[yellow]note:[/] " + escape(str(message)))


class UserError(Exception):
    """A problem the user can fix: printed as one line (what, where, what to do), exit code 1."""
