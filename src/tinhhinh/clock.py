"""The desk's clock: the one place that says what time it is for records the desk stamps.

Records, deadlines and the audit chain are stamped with this clock rather than ``datetime.now`` so that
the demo can replay a month of desk work at the times it "happened" (and tests can pin time) without
patching modules. Outside a ``replay`` block it is the real UTC clock.

The office's day (``office_today``) is the date in the office's zone, Asia/Ho_Chi_Minh (UTC+7), whatever
the server's zone: every business date the desk records or compares (a decision's date, "received today",
overdue, retention) is that day, never ``datetime.date.today()``, which is the server's (often UTC) date and
is a day early from 00:00 to 07:00 in Vietnam.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from zoneinfo import ZoneInfo

from tinhhinh.timefmt import LOCAL_TZ

OFFICE_ZONE: ZoneInfo = LOCAL_TZ

# A per-context override, so a replay in one thread (or task) never moves another's clock.
_override: ContextVar[dt.datetime | None] = ContextVar("tinhhinh_clock", default=None)


def utcnow() -> dt.datetime:
    """Now, naive UTC, to the microsecond."""
    value = _override.get()
    return value if value is not None else dt.datetime.now(dt.UTC).replace(tzinfo=None)


def office_date(value: dt.datetime) -> dt.date:
    """The office's date of an instant (naive = UTC, as the store keeps times)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(OFFICE_ZONE).date()


def office_today() -> dt.date:
    """Today in the office (Asia/Ho_Chi_Minh), on this clock: the one "today" for the desk's business dates."""
    return office_date(utcnow())


class Replay:
    """A settable clock: assign ``.now`` (naive UTC) to move time during a ``replay`` block."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    @property
    def now(self) -> dt.datetime:
        return utcnow()

    @now.setter
    def now(self, value: dt.datetime) -> None:
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        _override.set(value)


@contextmanager
def replay(start: dt.datetime | None = None) -> Iterator[Replay]:
    """Run the block on a replay clock starting at ``start`` (default: now); the real clock returns after."""
    token = _override.set(None)
    try:
        yield Replay(start or utcnow())
    finally:
        _override.reset(token)
