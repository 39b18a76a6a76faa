"""SQL for the public side of the desk: receipt hashes, the citizen's status view, digest queries.

Nothing here selects personal data: the status view reads the petition's state and dates and the agency's
code (to name its level), never the sealed tables, the subject, the reason, or any user.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    and_,
    insert,
    select,
)
from sqlalchemy import delete as sql_delete

from tinhhinh.store.desk import agencies, audit, cases, now, petitions
from tinhhinh.store.schema import metadata

receipts = Table(
    "public_receipts",
    metadata,
    Column("petition_id", Integer, ForeignKey("desk_petitions.id"), primary_key=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("issued_at", DateTime, nullable=False),
)

digests = Table(
    "public_digests",
    metadata,
    Column("day", Date, primary_key=True),
    Column("agency_id", Integer, ForeignKey("desk_agencies.id"), primary_key=True),
    Column("channel", String(8), primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("items", Integer, nullable=False),
)

OPEN_PETITION_STATES = ("received", "accepted", "extended")
OPEN_CASE_STATUSES = ("new", "assigned", "in_progress", "reopened", "transferred")


# ------------------------------------------------------------------ receipts
def put_receipt(conn: Connection, petition_id: int, code_hash: str) -> None:
    """Store (or replace: a reissued receipt invalidates the old code) the petition's receipt hash."""
    conn.execute(sql_delete(receipts).where(receipts.c.petition_id == petition_id))
    conn.execute(insert(receipts).values(petition_id=petition_id, code_hash=code_hash, issued_at=now()))


def has_receipt(conn: Connection, petition_id: int) -> bool:
    return (
        conn.execute(select(receipts.c.petition_id).where(receipts.c.petition_id == petition_id)).first()
        is not None
    )


def status_by_hash(conn: Connection, code_hash: str) -> dict[str, Any] | None:
    """The citizen's view of the petition behind a receipt hash: state, dates, agency code. One query either
    way, so a wrong code costs the same as a right one."""
    stmt = (
        select(
            receipts.c.code_hash,
            petitions.c.kind,
            petitions.c.sector,
            petitions.c.state,
            petitions.c.received_on,
            petitions.c.accepted_on,
            petitions.c.due_on,
            petitions.c.closed_on,
            petitions.c.created_at,
            petitions.c.updated_at,
            petitions.c.erased_at,
            petitions.c.agency_id,
            agencies.c.code.label("agency_code"),
        )
        .select_from(
            receipts.join(petitions, petitions.c.id == receipts.c.petition_id).outerjoin(
                agencies, agencies.c.id == petitions.c.agency_id
            )
        )
        .where(receipts.c.code_hash == code_hash)
    )
    row = conn.execute(stmt).mappings().first()
    return dict(row) if row else None


# ------------------------------------------------------------------ digests
def open_petitions(conn: Connection) -> list[dict[str, Any]]:
    """Open petitions with a due date: non-personal columns only."""
    stmt = (
        select(
            petitions.c.id,
            petitions.c.kind,
            petitions.c.sector,
            petitions.c.state,
            petitions.c.agency_id,
            petitions.c.due_on,
        )  # fmt: skip
        .where(and_(petitions.c.state.in_(OPEN_PETITION_STATES), petitions.c.erased_at.is_(None)))
        .order_by(petitions.c.due_on, petitions.c.id)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def open_cases(conn: Connection) -> list[dict[str, Any]]:
    stmt = (
        select(
            cases.c.id,
            cases.c.sector,
            cases.c.status,
            cases.c.priority,
            cases.c.agency_id,
            cases.c.due_date.label("due_on"),
        )  # fmt: skip
        .where(cases.c.status.in_(OPEN_CASE_STATUSES))
        .order_by(cases.c.due_date, cases.c.id)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


ASSIGNING_ACTIONS = ("petition.intake", "petition.assign", "case.open", "case.transition")


def assignments_between(conn: Connection, start: dt.datetime, end: dt.datetime) -> list[dict[str, Any]]:
    """Audit rows in [start, end) (naive UTC) that may give a record to an agency; the caller reads `data`."""
    stmt = (
        select(audit.c.seq, audit.c.at, audit.c.action, audit.c.object_type, audit.c.object_id, audit.c.data)
        .where(
            and_(
                audit.c.action.in_(ASSIGNING_ACTIONS),
                audit.c.at >= start.isoformat(timespec="microseconds"),
                audit.c.at < end.isoformat(timespec="microseconds"),
            )
        )
        .order_by(audit.c.seq)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def petition_facts(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    stmt = select(
        petitions.c.id, petitions.c.kind, petitions.c.sector, petitions.c.due_on, petitions.c.agency_id
    ).where(petitions.c.id.in_(ids))
    return {r["id"]: dict(r) for r in conn.execute(stmt).mappings()}


def case_facts(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    stmt = select(
        cases.c.id, cases.c.sector, cases.c.priority, cases.c.due_date.label("due_on"), cases.c.agency_id
    ).where(cases.c.id.in_(ids))
    return {r["id"]: dict(r) for r in conn.execute(stmt).mappings()}


def active_agencies(conn: Connection) -> list[dict[str, Any]]:
    stmt = select(agencies.c.id, agencies.c.code, agencies.c.name).where(agencies.c.active.is_(True))
    return [dict(r) for r in conn.execute(stmt.order_by(agencies.c.code)).mappings()]


def digest_sent(conn: Connection, day: dt.date, agency_id: int, channel: str) -> bool:
    stmt = select(digests.c.day).where(
        and_(digests.c.day == day, digests.c.agency_id == agency_id, digests.c.channel == channel)
    )
    return conn.execute(stmt).first() is not None


def mark_digest(conn: Connection, day: dt.date, agency_id: int, channel: str, items: int) -> None:
    conn.execute(
        sql_delete(digests).where(
            and_(digests.c.day == day, digests.c.agency_id == agency_id, digests.c.channel == channel)
        )
    )
    conn.execute(insert(digests).values(day=day, agency_id=agency_id, channel=channel, at=now(), items=items))
