"""Desk tables (agencies, users, cases, petitions, audit) and every SQL statement the desk runs.

Personal data of petitioners never sits here in clear: `desk_petition_personal.sealed` and
`desk_petition_notes.sealed` are AES-GCM blobs under a per-petition key, and that key (itself wrapped by an
installation key kept in TINHHINH_HOME) lives in `desk_petition_keys`. Erasure deletes the key row and the
blobs; with PRAGMA secure_delete the freed pages are zeroed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    delete,
    func,
    insert,
    select,
    text,
    update,
)

from tinhhinh import clock
from tinhhinh.console import UserError
from tinhhinh.store.schema import metadata


class StaleWrite(UserError):
    """Someone else changed the record since it was read (optimistic locking)."""


class NotFound(UserError):
    pass


agencies = Table(
    "desk_agencies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(255), nullable=False),
    Column("sectors", JSON, nullable=False, default=list),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
)

users = Table(
    "desk_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("full_name", String(255), nullable=False, default=""),
    Column("role", String(16), nullable=False),
    Column("agency_id", Integer, ForeignKey("desk_agencies.id")),
    Column("password_hash", String(255), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
)

cases = Table(
    "desk_cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", String(500), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("sector", String(32)),
    Column("priority", String(16), nullable=False, default="normal"),
    Column("agency_id", Integer, ForeignKey("desk_agencies.id"), index=True),
    Column("due_date", Date),
    Column("status", String(16), nullable=False, default="new", index=True),
    Column("status_reason", Text),
    Column("origin", String(16), nullable=False, default="manual"),  # manual, story, item, harm
    Column("origin_ref", String(255)),
    Column("created_by", Integer, ForeignKey("desk_users.id")),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

case_links = Table(
    "desk_case_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("desk_cases.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # story, item, harm
    Column("ref", String(255), nullable=False),
    Column("title", String(500)),
    Column("url", String(2048)),
    UniqueConstraint("case_id", "kind", "ref", name="uq_desk_case_links"),
)

case_comments = Table(
    "desk_case_comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("desk_cases.id"), nullable=False, index=True),
    Column("author_id", Integer, ForeignKey("desk_users.id")),
    Column("at", DateTime, nullable=False),
    Column("body", Text, nullable=False),
)

case_attachments = Table(
    "desk_case_attachments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("desk_cases.id"), nullable=False, index=True),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_by", Integer, ForeignKey("desk_users.id")),
    Column("at", DateTime, nullable=False),
)

petitions = Table(
    "desk_petitions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ref", String(64), unique=True),  # register number (số đơn), when the office has one
    Column("kind", String(24), nullable=False, index=True),
    Column("state", String(24), nullable=False, default="received", index=True),
    Column("subject", String(500), nullable=False),  # short, non-personal
    Column("sector", String(32)),
    Column("agency_id", Integer, ForeignKey("desk_agencies.id"), index=True),
    Column("resolver_id", Integer, ForeignKey("desk_users.id")),
    Column("case_id", Integer, ForeignKey("desk_cases.id")),
    Column("first_petition_id", Integer, ForeignKey("desk_petitions.id")),  # a second-time complaint's first
    Column("merged_into_id", Integer, ForeignKey("desk_petitions.id")),
    Column("second", Boolean, nullable=False, default=False),
    Column("complex", Boolean, nullable=False, default=False),
    Column("very_complex", Boolean, nullable=False, default=False),
    Column("remote", Boolean, nullable=False, default=False),
    Column("extensions", Integer, nullable=False, default=0),
    Column("received_on", Date, nullable=False),
    Column("accepted_on", Date),
    Column("due_on", Date),
    Column("closed_on", Date),
    Column("state_reason", Text),  # reason / guidance / where forwarded: non-personal by rule
    Column("privacy_notice_at", DateTime, nullable=False),
    Column("privacy_notice_version", String(64), nullable=False),
    Column("pseudonym", String(32), nullable=False),
    Column("erased_at", DateTime),
    Column("created_by", Integer, ForeignKey("desk_users.id")),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

petition_keys = Table(
    "desk_petition_keys",
    metadata,
    Column("petition_id", Integer, ForeignKey("desk_petitions.id"), primary_key=True),
    Column("wrapped", LargeBinary, nullable=False),
)

petition_personal = Table(
    "desk_petition_personal",
    metadata,
    Column("petition_id", Integer, ForeignKey("desk_petitions.id"), primary_key=True),
    Column("sealed", LargeBinary, nullable=False),
)

petition_notes = Table(
    "desk_petition_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("petition_id", Integer, ForeignKey("desk_petitions.id"), nullable=False, index=True),
    Column("author_id", Integer, ForeignKey("desk_users.id")),
    Column("at", DateTime, nullable=False),
    Column("sealed", LargeBinary, nullable=False),
)

audit = Table(
    "desk_audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column(
        "at", String(32), nullable=False
    ),  # ISO text, so the MAC input never depends on a driver's parsing
    Column("actor", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("object_type", String(32), nullable=False),
    Column("object_id", String(64)),
    Column("petition_id", Integer),  # no FK: the chain outlives erasure
    Column("data", Text, nullable=False),  # canonical JSON, non-personal
    Column("sealed", LargeBinary),  # personal values, AES-GCM under the petition's key
    Column("prev_mac", String(64), nullable=False),
    Column("mac", String(64), nullable=False),
)

DESK_TABLES = [
    agencies,
    users,
    cases,
    case_links,
    case_comments,
    case_attachments,
    petitions,
    petition_keys,
    petition_personal,
    petition_notes,
    audit,
]


def now() -> dt.datetime:
    return clock.utcnow().replace(microsecond=0)


def _one(conn: Connection, stmt: Any) -> dict[str, Any] | None:
    row = conn.execute(stmt).mappings().first()
    return dict(row) if row else None


def _all(conn: Connection, stmt: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(stmt).mappings()]


# ------------------------------------------------------------------ agencies and users
def insert_agency(conn: Connection, **values: Any) -> int:
    values.setdefault("created_at", now())
    return int(conn.execute(insert(agencies).values(**values)).inserted_primary_key[0])


def get_agency(
    conn: Connection, agency_id: int | None = None, code: str | None = None
) -> dict[str, Any] | None:
    cond = agencies.c.id == agency_id if agency_id is not None else agencies.c.code == code
    return _one(conn, select(agencies).where(cond))


def list_agencies(conn: Connection) -> list[dict[str, Any]]:
    return _all(conn, select(agencies).order_by(agencies.c.code))


def update_agency(conn: Connection, agency_id: int, **values: Any) -> None:
    conn.execute(update(agencies).where(agencies.c.id == agency_id).values(**values))


def insert_user(conn: Connection, **values: Any) -> int:
    values.setdefault("created_at", now())
    return int(conn.execute(insert(users).values(**values)).inserted_primary_key[0])


def get_user(
    conn: Connection, user_id: int | None = None, username: str | None = None
) -> dict[str, Any] | None:
    cond = users.c.id == user_id if user_id is not None else users.c.username == username
    return _one(conn, select(users).where(cond))


def list_users(conn: Connection) -> list[dict[str, Any]]:
    return _all(conn, select(users).order_by(users.c.username))


def count_users(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def update_user(conn: Connection, user_id: int, **values: Any) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(**values))


# ------------------------------------------------------------------ versioned updates
def _versioned_update(
    conn: Connection, table: Table, row_id: int, expected_version: int, values: dict
) -> int:
    values = {**values, "version": table.c.version + 1, "updated_at": now()}
    res = conn.execute(
        update(table).where(and_(table.c.id == row_id, table.c.version == expected_version)).values(**values)
    )
    if res.rowcount == 1:
        return expected_version + 1
    current = conn.execute(select(table.c.version).where(table.c.id == row_id)).scalar()
    if current is None:
        raise NotFound(f"no {table.name.removeprefix('desk_')[:-1]} #{row_id}")
    raise StaleWrite(
        f"{table.name.removeprefix('desk_')[:-1]} #{row_id} was changed by someone else (you had version "
        f"{expected_version}, it is now {current}): reload it and apply your change again"
    )


# ------------------------------------------------------------------ cases
def insert_case(conn: Connection, **values: Any) -> int:
    values.setdefault("created_at", now())
    values.setdefault("updated_at", values["created_at"])
    return int(conn.execute(insert(cases).values(**values)).inserted_primary_key[0])


def get_case(conn: Connection, case_id: int) -> dict[str, Any] | None:
    return _one(conn, select(cases).where(cases.c.id == case_id))


def list_cases(
    conn: Connection, *, agency_id: int | None = None, all_agencies: bool = False, status: str | None = None
) -> list[dict[str, Any]]:
    stmt = select(cases).order_by(cases.c.id)
    if not all_agencies:
        stmt = stmt.where(cases.c.agency_id == agency_id)
    if status:
        stmt = stmt.where(cases.c.status == status)
    return _all(conn, stmt)


def update_case(conn: Connection, case_id: int, expected_version: int, **values: Any) -> int:
    return _versioned_update(conn, cases, case_id, expected_version, values)


def insert_case_link(conn: Connection, **values: Any) -> None:
    conn.execute(insert(case_links).values(**values))


def list_case_links(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    return _all(conn, select(case_links).where(case_links.c.case_id == case_id).order_by(case_links.c.id))


def insert_case_comment(conn: Connection, **values: Any) -> int:
    return int(conn.execute(insert(case_comments).values(**values)).inserted_primary_key[0])


def list_case_comments(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    return _all(
        conn, select(case_comments).where(case_comments.c.case_id == case_id).order_by(case_comments.c.id)
    )


def insert_attachment(conn: Connection, **values: Any) -> int:
    return int(conn.execute(insert(case_attachments).values(**values)).inserted_primary_key[0])


def list_attachments(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    cols = [c for c in case_attachments.c if c.name != "data"]
    return _all(
        conn, select(*cols).where(case_attachments.c.case_id == case_id).order_by(case_attachments.c.id)
    )


def get_attachment(conn: Connection, attachment_id: int) -> dict[str, Any] | None:
    return _one(conn, select(case_attachments).where(case_attachments.c.id == attachment_id))


def item_public_fields(conn: Connection, item_pk: int) -> dict[str, Any] | None:
    """What a case may copy from an item: never the author hash or provenance."""
    from tinhhinh.store.schema import items

    return _one(
        conn,
        select(
            items.c.pk,
            items.c.title,
            # a post or comment often has no title: a case about it is named by the start of its text
            func.substr(items.c.text, 1, 400).label("snippet"),
            items.c.url,
            items.c.source,
            items.c.kind,
            items.c.published_at,
            items.c.area,
            items.c.harm,
        ).where(items.c.pk == item_pk),
    )


def open_case_links(
    conn: Connection,
    kinds: Any,
    open_statuses: Any,
    *,
    agency_id: int | None = None,
    all_agencies: bool = True,
) -> list[dict[str, Any]]:
    """(kind, ref, case id, title, status) of every link of these kinds from an open case in the reader's
    scope (open cases are few: a listing matches its rows against them in Python)."""
    stmt = (
        select(case_links.c.kind, case_links.c.ref, cases.c.id, cases.c.title, cases.c.status)
        .join(cases, cases.c.id == case_links.c.case_id)
        .where(case_links.c.kind.in_(list(kinds)), cases.c.status.in_(list(open_statuses)))
        .order_by(cases.c.id)
    )
    if not all_agencies:
        stmt = stmt.where(cases.c.agency_id == agency_id)
    return _all(conn, stmt)


def open_cases_linked(
    conn: Connection,
    kind: str,
    refs: list[str],
    open_statuses: Any,
    *,
    ref_prefix: str | None = None,
    agency_id: int | None = None,
    all_agencies: bool = True,
) -> list[dict[str, Any]]:
    """Open cases linked to one of ``refs`` of ``kind`` (or, with ``ref_prefix``, to a harm flag of that
    item), oldest first, within the reader's scope."""
    cond = (case_links.c.kind == kind) & case_links.c.ref.in_(refs)
    if ref_prefix is not None:
        cond = cond | (
            (case_links.c.kind == "harm") & case_links.c.ref.startswith(ref_prefix, autoescape=True)
        )
    stmt = (
        select(cases)
        .where(
            cases.c.id.in_(select(case_links.c.case_id).where(cond)), cases.c.status.in_(list(open_statuses))
        )
        .order_by(cases.c.id)
    )
    if not all_agencies:
        stmt = stmt.where(cases.c.agency_id == agency_id)
    return _all(conn, stmt)


# ------------------------------------------------------------------ petitions
def insert_petition(conn: Connection, **values: Any) -> int:
    values.setdefault("created_at", now())
    values.setdefault("updated_at", values["created_at"])
    values.setdefault("pseudonym", "")
    return int(conn.execute(insert(petitions).values(**values)).inserted_primary_key[0])


def get_petition(conn: Connection, petition_id: int) -> dict[str, Any] | None:
    return _one(conn, select(petitions).where(petitions.c.id == petition_id))


def get_petition_by_ref(conn: Connection, ref: str) -> dict[str, Any] | None:
    return _one(conn, select(petitions).where(petitions.c.ref == ref))


def list_petitions(
    conn: Connection,
    *,
    agency_id: int | None = None,
    all_agencies: bool = False,
    kind: str | None = None,
    state: str | None = None,
) -> list[dict[str, Any]]:
    stmt = select(petitions).order_by(petitions.c.id)
    if not all_agencies:
        stmt = stmt.where(petitions.c.agency_id == agency_id)
    if kind:
        stmt = stmt.where(petitions.c.kind == kind)
    if state:
        stmt = stmt.where(petitions.c.state == state)
    return _all(conn, stmt)


def update_petition(conn: Connection, petition_id: int, expected_version: int, **values: Any) -> int:
    return _versioned_update(conn, petitions, petition_id, expected_version, values)


def complete_petition(conn: Connection, petition_id: int, **values: Any) -> None:
    """Fill fields derived at creation (pseudonym, first due date) without counting as a change."""
    conn.execute(update(petitions).where(petitions.c.id == petition_id).values(**values))


def petition_counts(conn: Connection, by: str) -> list[dict[str, Any]]:
    col = petitions.c[by]
    return _all(conn, select(col.label("key"), func.count().label("n")).group_by(col).order_by(col))


def closed_before(conn: Connection, day: dt.date) -> list[int]:
    stmt = select(petitions.c.id).where(
        and_(
            petitions.c.closed_on.is_not(None), petitions.c.closed_on <= day, petitions.c.erased_at.is_(None)
        )
    )
    return [int(r) for r in conn.execute(stmt).scalars()]


def put_petition_key(conn: Connection, petition_id: int, wrapped: bytes) -> None:
    conn.execute(insert(petition_keys).values(petition_id=petition_id, wrapped=wrapped))


def get_petition_key(conn: Connection, petition_id: int) -> bytes | None:
    return conn.execute(
        select(petition_keys.c.wrapped).where(petition_keys.c.petition_id == petition_id)
    ).scalar()


def put_personal(conn: Connection, petition_id: int, sealed: bytes) -> None:
    conn.execute(delete(petition_personal).where(petition_personal.c.petition_id == petition_id))
    conn.execute(insert(petition_personal).values(petition_id=petition_id, sealed=sealed))


def get_personal(conn: Connection, petition_id: int) -> bytes | None:
    stmt = select(petition_personal.c.sealed).where(petition_personal.c.petition_id == petition_id)
    return conn.execute(stmt).scalar()


def insert_note(conn: Connection, **values: Any) -> int:
    return int(conn.execute(insert(petition_notes).values(**values)).inserted_primary_key[0])


def list_notes(conn: Connection, petition_id: int) -> list[dict[str, Any]]:
    stmt = (
        select(petition_notes)
        .where(petition_notes.c.petition_id == petition_id)
        .order_by(petition_notes.c.id)
    )
    return _all(conn, stmt)


def erase_petition_personal(conn: Connection, petition_id: int) -> None:
    """Delete every copy of the petition's personal data and its key; mark the petition erased."""
    conn.execute(delete(petition_notes).where(petition_notes.c.petition_id == petition_id))
    conn.execute(delete(petition_personal).where(petition_personal.c.petition_id == petition_id))
    conn.execute(delete(petition_keys).where(petition_keys.c.petition_id == petition_id))
    conn.execute(
        update(petitions).where(petitions.c.id == petition_id).values(erased_at=now(), updated_at=now())
    )


# ------------------------------------------------------------------ audit
AUDIT_APPEND_LOCK = 0x7468_6175  # any constant: the advisory lock key that serialises audit appends


def last_audit(conn: Connection, *, for_append: bool = False) -> dict[str, Any] | None:
    """The chain's head. Before appending on PostgreSQL, wait for other appenders (a transaction-scoped
    advisory lock): otherwise two concurrent edits of *different* records read the same head and the second
    fails on the seq primary key. SQLite already serialises writers."""
    if for_append and conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_APPEND_LOCK})
    return _one(conn, select(audit).order_by(audit.c.seq.desc()).limit(1))


def last_transition_on(conn: Connection, petition_id: int) -> dt.date | None:
    """The date (``on``) of the petition's latest state change, from the audit chain (no column keeps it for
    every state: a resolution or a forwarding is dated only there)."""
    row = conn.execute(
        select(audit.c.data)
        .where(and_(audit.c.petition_id == petition_id, audit.c.action == "petition.transition"))
        .order_by(audit.c.seq.desc())
        .limit(1)
    ).first()
    on = json.loads(row[0]).get("on") if row else None
    return dt.date.fromisoformat(on) if on else None


def insert_audit(conn: Connection, **values: Any) -> None:
    conn.execute(insert(audit).values(**values))


def audit_of(conn: Connection, object_type: str, object_id: str, actions: Any) -> list[dict[str, Any]]:
    """One record's audit entries of these actions, oldest first (seq, at, actor, action, data as text;
    never the sealed column)."""
    stmt = (
        select(audit.c.seq, audit.c.at, audit.c.actor, audit.c.action, audit.c.data)
        .where(
            audit.c.object_type == object_type,
            audit.c.object_id == object_id,
            audit.c.action.in_(list(actions)),
        )
        .order_by(audit.c.seq)
    )
    return _all(conn, stmt)


def iter_audit(conn: Connection) -> Iterator[dict[str, Any]]:
    for row in conn.execute(select(audit).order_by(audit.c.seq)).mappings():
        yield dict(row)


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the database file and truncate it, so erased pages leave no copy behind."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        conn.commit()


def transaction_for(engine: Engine):  # noqa: ANN201 - a context manager yielding a Connection
    """One write transaction. The audit seq is the primary key, so two writers that read the same chain head
    cannot both append: one fails instead of forking the chain."""
    from tinhhinh.store.db import transaction

    return transaction(engine)
