"""The ``flags`` table: every harm flag in ``items.harm`` as a row a person confirms or dismisses.

Rows are collected from ``items.harm`` of items newer than the last collection (``sync``), so ingest
needs no change. A decision updates the row AND the entry's ``status`` in ``items.harm``, in one
transaction. Nothing here reads or returns author data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    select,
    update,
)

from tinhhinh.store.schema import items, metadata

FLAG_TYPES = ("scam", "toxic", "factcheck")

flags = Table(
    "flags",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_pk", Integer, ForeignKey("items.pk", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("score", Float),
    Column("status", String(16), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("decided_by", String(255)),
    Column("decided_at", DateTime),
    Column("note", Text),
    Column("case_id", Integer),
    # bumped by each decision: a reviewer's decision names the version they saw (0013_flag_version)
    Column("version", Integer, nullable=False, server_default="1"),
    UniqueConstraint("item_pk", "idx", name="uq_flags_item_idx"),
    Index("ix_flags_status_type", "status", "type"),
)

flag_sync = Table(
    "flag_sync",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_item_pk", Integer, nullable=False),
)

# What a flag listing may show of an item: never author_hash, provenance or extra.
# A post or comment often has no title: listings then show the start of its text instead.
_ITEM_COLUMNS = (
    items.c.title,
    func.substr(items.c.text, 1, 160).label("snippet"),
    items.c.url,
    items.c.source,
    items.c.published_at,
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _rows_for(rows) -> list[dict[str, Any]]:
    """Flag rows for the harm entries of (pk, harm) rows."""
    values = []
    for pk, harm in rows:
        for idx, h in enumerate(harm or []):
            if isinstance(h, dict) and h.get("type") in FLAG_TYPES:
                values.append(
                    {
                        "item_pk": pk,
                        "idx": idx,
                        "type": h["type"],
                        "score": h.get("score"),
                        "status": h.get("status") or "unconfirmed",
                        "created_at": now(),
                    }
                )
    return values


def _insert_new(conn: Connection, values: list[dict[str, Any]]) -> int:
    """Insert the flag rows not already there; how many were added."""
    if not values:
        return 0
    existing = set(
        conn.execute(
            select(flags.c.item_pk, flags.c.idx).where(flags.c.item_pk.in_({v["item_pk"] for v in values}))
        ).all()
    )
    fresh = [v for v in values if (v["item_pk"], v["idx"]) not in existing]
    if fresh:
        conn.execute(insert(flags), fresh)
    return len(fresh)


def collect(conn: Connection, pks: list[int]) -> int:
    """Flag rows for these items' harm entries now (items analysed after they were stored: ``sync`` only
    reads items stored after its last collection)."""
    rows = conn.execute(select(items.c.pk, items.c.harm).where(items.c.pk.in_(pks))).all() if pks else []
    return _insert_new(conn, _rows_for(rows))


def sync(conn: Connection, batch: int = 2000) -> int:
    """Add a row for each harm entry of items not yet collected; returns how many were added."""
    last = conn.execute(select(flag_sync.c.last_item_pk).where(flag_sync.c.id == 1)).scalar()
    if last is None:
        conn.execute(insert(flag_sync).values(id=1, last_item_pk=0))
        last = 0
    added = 0
    while True:
        rows = conn.execute(
            select(items.c.pk, items.c.harm).where(items.c.pk > last).order_by(items.c.pk).limit(batch)
        ).all()
        if not rows:
            break
        added += _insert_new(conn, _rows_for(rows))
        last = rows[-1][0]
        conn.execute(update(flag_sync).where(flag_sync.c.id == 1).values(last_item_pk=last))
    return added


def list_flags(
    conn: Connection,
    *,
    status: str | None = None,
    type: str | None = None,
    limit: int = 200,
    offset: int = 0,
    with_evidence: bool = False,
) -> list[dict[str, Any]]:
    """Flags newest first; ``with_evidence`` adds each flag's ``evidence`` (what a reviewer decides on)."""
    columns = [flags, *_ITEM_COLUMNS] + ([items.c.harm] if with_evidence else [])
    stmt = select(*columns).join(items, items.c.pk == flags.c.item_pk)
    if status:
        stmt = stmt.where(flags.c.status == status)
    if type:
        stmt = stmt.where(flags.c.type == type)
    stmt = stmt.order_by(flags.c.id.desc()).limit(limit).offset(offset)
    rows = [dict(r) for r in conn.execute(stmt).mappings()]
    if with_evidence:
        for r in rows:
            harm = r.pop("harm") or []
            entry = harm[r["idx"]] if r["idx"] < len(harm) else None
            r["evidence"] = entry.get("evidence") if isinstance(entry, dict) else None
    return rows


def get_flag(conn: Connection, flag_id: int) -> dict[str, Any] | None:
    row = (
        conn.execute(
            select(flags, *_ITEM_COLUMNS, items.c.harm)
            .join(items, items.c.pk == flags.c.item_pk)
            .where(flags.c.id == flag_id)
        )
        .mappings()
        .first()
    )
    if not row:
        return None
    out = dict(row)
    harm = out.pop("harm") or []
    out["entry"] = harm[out["idx"]] if out["idx"] < len(harm) else None
    return out


def decide(
    conn: Connection,
    flag_id: int,
    status: str,
    by: str,
    note: str | None,
    expected_version: int | None = None,
) -> dict[str, Any] | None:
    """Record the decision on the row (bumping its version) and mirror the status into ``items.harm``.
    With ``expected_version``, only when the row still has it: None when someone decided in between."""
    row = conn.execute(
        select(flags.c.item_pk, flags.c.idx, flags.c.type, flags.c.version).where(flags.c.id == flag_id)
    ).first()
    if row is None:
        raise LookupError(f"no flag #{flag_id}")
    item_pk, idx, ftype, version = row
    at = now()
    stmt = update(flags).where(flags.c.id == flag_id)
    if expected_version is not None:
        stmt = stmt.where(flags.c.version == expected_version)
    done = conn.execute(
        stmt.values(status=status, decided_by=by, decided_at=at, note=note, version=flags.c.version + 1)
    )
    if done.rowcount != 1:
        return None
    harm = conn.execute(select(items.c.harm).where(items.c.pk == item_pk)).scalar() or []
    harm = [dict(h) if isinstance(h, dict) else h for h in harm]
    if idx < len(harm) and isinstance(harm[idx], dict) and harm[idx].get("type") == ftype:
        harm[idx]["status"] = status
        conn.execute(update(items).where(items.c.pk == item_pk).values(harm=harm))
    return {"id": flag_id, "status": status, "decided_by": by, "decided_at": at, "version": version + 1}


def flag_id_for(conn: Connection, item_pk: int, idx: int) -> int | None:
    """The flag row of an item's harm entry (by its index in ``items.harm``), if any."""
    return conn.execute(select(flags.c.id).where(flags.c.item_pk == item_pk, flags.c.idx == idx)).scalar()


def item_exists(conn: Connection, item_pk: int) -> bool:
    return conn.execute(select(items.c.pk).where(items.c.pk == item_pk)).first() is not None


def set_case(conn: Connection, flag_id: int, case_id: int) -> None:
    conn.execute(update(flags).where(flags.c.id == flag_id).values(case_id=case_id))


def counts(conn: Connection) -> list[dict[str, Any]]:
    """Flags by type and status (aggregates only)."""
    stmt = select(flags.c.type, flags.c.status, func.count().label("n")).group_by(
        flags.c.type, flags.c.status
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]
