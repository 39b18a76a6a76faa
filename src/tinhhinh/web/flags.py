"""The flag review queue for pages and API: a thin view over ``tinhhinh.harm.flags``.

That module owns the rules (who decides, that only a person-confirmed scam or fact-check flag opens a case,
the audit). The queue shows scam and fact-check flags only: toxic language is reported as rates, never
reviewed item by item here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from tinhhinh.desk.access import Actor, require
from tinhhinh.desk.errors import Invalid
from tinhhinh.harm import flags as harm_flags

QUEUED_TYPES = ("scam", "factcheck")
DECISIONS = ("confirm", "dismiss")


def queue(
    engine: Engine, actor: Actor, status: str | None = "unconfirmed", limit: int = 200
) -> list[dict[str, Any]]:
    # Seeing the queue is for those who may act on it: the people who open cases.
    require(actor, "case.create")
    rows: list[dict[str, Any]] = []
    for t in QUEUED_TYPES:
        # with the evidence: a reviewer decides on what the machine saw, not on the title alone
        rows.extend(harm_flags.list_flags(engine, status=status, type=t, limit=limit, with_evidence=True))
    rows.sort(key=lambda r: r["id"], reverse=True)
    return rows[:limit]


def review(
    engine: Engine, actor: Actor, flag_id: int, decision: str, note: str | None = None
) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise Invalid(f"unknown decision {decision!r}: confirm or dismiss")
    fn = harm_flags.confirm if decision == "confirm" else harm_flags.dismiss
    return fn(engine, actor, flag_id, note or None)


def open_case(engine: Engine, actor: Actor, flag_id: int, **fields: Any) -> int:
    return harm_flags.open_case(engine, actor, flag_id, **fields)
