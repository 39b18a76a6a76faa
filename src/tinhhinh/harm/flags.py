"""Confirm or dismiss harm flags; open a case from a confirmed scam or fact-check flag.

Every flag (scam, toxic, factcheck) starts ``unconfirmed``: a machine suggestion. A coordinator or an
officer confirms or dismisses it; the decision (who, when, note) is stored on the flag row, mirrored into
``items.harm`` and written to the desk's audit chain. Only a confirmed scam or factcheck flag may open a
case; toxic language is reported as rates and never opens a case. Listings show the flag and the item's
title, link, source and date — never author data, and nothing is grouped by author.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from tinhhinh.desk import access, audit
from tinhhinh.desk.access import Actor
from tinhhinh.desk.errors import Forbidden, Invalid, NotFound
from tinhhinh.store import flags as store
from tinhhinh.store.db import transaction

STATUSES = ("unconfirmed", "confirmed", "dismissed")
CASE_TYPES = ("scam", "factcheck")
# Which sector a case about a fact-check flag goes to (data/sectors.yaml), by registry domain.
_SECTOR_FOR_DOMAIN = {"health": "health", "public_service": "admin_procedures", "scam": "public_order"}


def _may_decide(actor: Actor) -> None:
    if not access.can(actor, "flag.decide"):
        raise Forbidden(
            f"{actor.username} ({actor.role}) may not confirm or dismiss flags: coordinators and officers do"
        )


def sync(engine: Engine) -> int:
    """Collect flags of newly stored items (cheap when nothing is new)."""
    with transaction(engine) as conn:
        return store.sync(conn)


def list_flags(
    engine: Engine,
    *,
    status: str | None = None,
    type: str | None = None,
    limit: int = 200,
    with_evidence: bool = False,
) -> list[dict[str, Any]]:
    if status and status not in STATUSES:
        raise Invalid(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    if type and type not in store.FLAG_TYPES:
        raise Invalid(f"unknown flag type {type!r}: use one of {', '.join(store.FLAG_TYPES)}")
    sync(engine)
    with engine.connect() as conn:
        return store.list_flags(conn, status=status, type=type, limit=limit, with_evidence=with_evidence)


def get_flag(engine: Engine, flag_id: int) -> dict[str, Any]:
    sync(engine)
    with engine.connect() as conn:
        row = store.get_flag(conn, flag_id)
    if row is None:
        raise NotFound(f"no flag #{flag_id}: list them with `tinhhinh flags list`")
    return row


def _decide(engine: Engine, actor: Actor, flag_id: int, status: str, note: str | None) -> dict[str, Any]:
    _may_decide(actor)
    sync(engine)
    with transaction(engine) as conn:
        row = store.get_flag(conn, flag_id)
        if row is None:
            raise NotFound(f"no flag #{flag_id}: list them with `tinhhinh flags list`")
        if row["status"] == status:
            raise Invalid(f"flag #{flag_id} is already {status}")
        result = store.decide(conn, flag_id, status, actor.username, note)
        audit.record(
            conn,
            actor,
            f"flag.{'confirm' if status == 'confirmed' else 'dismiss'}",
            "flag",
            flag_id,
            data={"type": row["type"], "item_pk": row["item_pk"], "idx": row["idx"], "note": note or ""},
        )
    return result


def confirm(engine: Engine, actor: Actor, flag_id: int, note: str | None = None) -> dict[str, Any]:
    return _decide(engine, actor, flag_id, "confirmed", note)


def dismiss(engine: Engine, actor: Actor, flag_id: int, note: str | None = None) -> dict[str, Any]:
    return _decide(engine, actor, flag_id, "dismissed", note)


def can_open_case(flag: dict[str, Any]) -> bool:
    """Only a person-confirmed scam or fact-check flag may open a case (toxic flags never do)."""
    return flag.get("type") in CASE_TYPES and flag.get("status") == "confirmed"


def _case_title(flag: dict[str, Any]) -> str:
    entry = flag.get("entry") or {}
    evidence = entry.get("evidence")
    if flag["type"] == "factcheck" and isinstance(evidence, dict):
        return f"Tin trùng nội dung đã được kiểm chứng là sai: {evidence.get('claim', '')}"[:300]
    return f"Dấu hiệu lừa đảo: {flag.get('title') or 'item #' + str(flag['item_pk'])}"[:300]


def open_case(engine: Engine, actor: Actor, flag_id: int, **fields: Any) -> int:
    """Open a desk case about a confirmed scam/fact-check flag; the case copies title and link, never authors."""
    from tinhhinh.desk import cases

    flag = get_flag(engine, flag_id)
    if not can_open_case(flag):
        if flag["type"] == "toxic":
            raise Invalid(
                f"flag #{flag_id} is a toxic-language flag: those are reported as rates and never open a case"
            )
        raise Invalid(
            f"flag #{flag_id} is {flag['status']}: a person confirms a flag before it can open a case"
        )
    if flag.get("case_id"):
        raise Invalid(f"flag #{flag_id} already opened case #{flag['case_id']}")
    entry = flag.get("entry") or {}
    evidence = entry.get("evidence") if isinstance(entry, dict) else None
    if flag["type"] == "factcheck" and isinstance(evidence, dict):
        fields.setdefault("sector", _SECTOR_FOR_DOMAIN.get(evidence.get("domain") or ""))
        fields.setdefault(
            "description",
            f"Sentence: {evidence.get('sentence', '')}\nFact-check: {evidence.get('publisher', '')} — "
            f"{evidence.get('verdict', '')} — {evidence.get('source', '')}",
        )
    elif flag["type"] == "scam":
        fields.setdefault("sector", "public_order")
    fields.setdefault("title", _case_title(flag))
    if fields.get("sector") is None:
        fields.pop("sector", None)
    case_id = cases.open_from_item(engine, actor, flag["item_pk"], harm_index=flag["idx"], **fields)
    with transaction(engine) as conn:
        store.set_case(conn, flag_id, case_id)
    return case_id


def counts(engine: Engine) -> list[dict[str, Any]]:
    sync(engine)
    with engine.connect() as conn:
        return store.counts(conn)
