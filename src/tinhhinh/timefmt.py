"""Times are stored as naive UTC and shown in Vietnam's time zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def local_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TZ).isoformat(timespec="seconds")


def local_short(value: datetime | None) -> str:
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_SPAN_RE = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_span(value: str) -> timedelta:
    """'10m', '6h', '7d', '2w' → timedelta."""
    m = _SPAN_RE.match(value or "")
    if not m:
        raise ValueError(f"{value!r} is not a span like 30m, 6h, 7d or 2w")
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


def parse_since(value: str | None, now: datetime | None = None) -> datetime | None:
    """A span back from now ('24h', '7d') or a date ('2026-11-01', local time) → naive UTC."""
    if not value:
        return None
    now = now or utcnow()
    try:
        return now - parse_span(value)
    except ValueError:
        pass
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"--since {value!r}: use a span like 24h or 7d, or a date like 2026-11-01") from exc
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL_TZ)
    try:
        return dt.astimezone(UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):
        raise ValueError(
            f"--since {value!r}: that date is out of range; give a date like 2026-11-01"
        ) from None
