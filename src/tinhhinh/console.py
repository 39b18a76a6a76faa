"""Consoles: stdout carries only a command's output; everything for people goes to stderr."""

from __future__ import annotations

from rich.console import Console

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)


class UserError(Exception):
    """A problem the user can fix: printed as one line (what, where, what to do), exit code 1."""
