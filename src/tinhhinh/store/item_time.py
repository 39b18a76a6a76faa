"""An item's time for counting it in a period: when it was published, else when it was stored.

A valid record needs only an id and a text (README), so some items have no ``published_at``; counted by
``published_at`` alone they vanished from every period (report, dashboard) while their flags were in the
review queue. ``fetched_at`` is set by every ingest path (records, feeds, pages), so it is the fallback.

Use ``item_time()`` wherever an item's time is selected, grouped or ordered, and
``item_time_between(start, end)`` to filter a period: it keeps the same rows as
``start <= item_time() < end`` but is written so the ``published_at`` index is still used (a bare
``coalesce`` in a WHERE clause scans the whole items table).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, or_
from sqlalchemy.sql.elements import ColumnElement

from tinhhinh.store.schema import items


def item_time() -> ColumnElement:
    """``coalesce(items.published_at, items.fetched_at)``: naive UTC, like both columns."""
    return func.coalesce(items.c.published_at, items.c.fetched_at)


def item_time_between(start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
    """Items whose ``item_time()`` lies in [start, end) (naive UTC, ``end`` exclusive)."""
    c = items.c
    return or_(
        and_(c.published_at >= start, c.published_at < end),
        and_(c.published_at.is_(None), c.fetched_at >= start, c.fetched_at < end),
    )


def item_time_since(start: dt.datetime) -> ColumnElement[bool]:
    """Items whose ``item_time()`` is ``start`` or later (naive UTC), the ``published_at`` index still used."""
    c = items.c
    return or_(c.published_at >= start, and_(c.published_at.is_(None), c.fetched_at >= start))
