"""The flag review queue for pages and API: a thin view over ``tinhhinh.harm.flags``.

That module owns the rules (who decides, that only a person-confirmed scam or fact-check flag opens a case,
the audit). The queue holds scam and fact-check flags only: toxic language is reported as rates per story,
area and source (issue #7: "not as queues of individual commenters") and never opens a case. A wrong toxic
flag on an item someone is looking at can still be dismissed by its id (``tinhhinh flags dismiss``, or
``POST /api/v1/flags/{id}``), and the rates leave dismissed ones out.

A decision carries the flag's ``version`` the reviewer saw: when a colleague decided in between, it is a
409, never a silent overwrite of their decision and note.

Times leave here as Vietnam time with its offset (``timefmt.local_iso``), as the CLI and search give them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from tinhhinh.desk.access import Actor, require
from tinhhinh.desk.errors import Invalid
from tinhhinh.harm import flags as harm_flags
from tinhhinh.timefmt import local_iso

QUEUED_TYPES = ("scam", "factcheck")
DECISIONS = ("confirm", "dismiss")
_TIMES = ("published_at", "decided_at", "created_at")


def _local_times(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (local_iso(v) if k in _TIMES and isinstance(v, dt.datetime) else v) for k, v in row.items()}


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
    retired = harm_flags.retired_entries()
    out = []
    for r in rows[:limit]:
        r = harm_flags.with_factcheck_state(r, retired)
        r["can_open_case"] = harm_flags.can_open_case(r, retired)
        out.append(_local_times(r))
    return out


def review(
    engine: Engine,
    actor: Actor,
    flag_id: int,
    decision: str,
    note: str | None = None,
    *,
    expected_version: int,
) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise Invalid(f"unknown decision {decision!r}: confirm or dismiss")
    fn = harm_flags.confirm if decision == "confirm" else harm_flags.dismiss
    return _local_times(fn(engine, actor, flag_id, note or None, expected_version=expected_version))


def open_case(engine: Engine, actor: Actor, flag_id: int, **fields: Any) -> int:
    return harm_flags.open_case(engine, actor, flag_id, **fields)
