"""The flag review queue: a person confirms or dismisses every scam / fact-check flag before it is acted on.

Uses ``tinhhinh.harm.flags`` when that module exists and offers ``list_flags`` and ``review``; until then it
works on the ``harm`` list stored with each item (``{type, score, evidence, status}``), recording each
decision in the desk audit chain. Who may review: whoever may open a case (``access.can(actor,
"case.create")``: coordinators and officers), because a confirmed flag is what a case is opened from.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import Engine

from tinhhinh.desk import audit
from tinhhinh.desk.access import Actor, can, require
from tinhhinh.desk.errors import Invalid, NotFound
from tinhhinh.store import desk as desk_store
from tinhhinh.store import web_queries as wq

DECISIONS = {"confirm": "confirmed", "dismiss": "dismissed"}


def _backend() -> Any | None:
    try:
        mod = importlib.import_module("tinhhinh.harm.flags")
    except ModuleNotFoundError:
        return None
    return mod if hasattr(mod, "list_flags") and hasattr(mod, "review") else None


def may_review(actor: Actor) -> bool:
    return can(actor, "case.create")


def queue(engine: Engine, actor: Actor, status: str | None = "unconfirmed") -> list[dict[str, Any]]:
    require(actor, "case.create")
    backend = _backend()
    if backend is not None:
        return list(backend.list_flags(engine, status=status))
    return wq.list_flags(engine, status=status)


def review(engine: Engine, actor: Actor, item_pk: int, index: int, decision: str) -> str:
    require(actor, "case.create")
    if decision not in DECISIONS:
        raise Invalid(f"unknown decision {decision!r}: confirm or dismiss")
    backend = _backend()
    if backend is not None:
        return backend.review(engine, actor, item_pk, index, decision)
    status = DECISIONS[decision]
    with desk_store.transaction_for(engine) as conn:
        harm = wq.get_item_harm(conn, item_pk)
        if harm is None or not (0 <= index < len(harm)) or not isinstance(harm[index], dict):
            raise NotFound(f"no flag #{index} on item #{item_pk}")
        flag = dict(harm[index])
        if flag.get("type") not in wq.FLAG_TYPES_REVIEWED:
            raise Invalid(f"flag #{index} on item #{item_pk} is not reviewed one by one ({flag.get('type')})")
        previous = flag.get("status") or "unconfirmed"
        flag["status"] = status
        flag["reviewed_by"] = actor.username
        flag["reviewed_at"] = desk_store.now().isoformat()
        harm[index] = flag
        wq.set_item_harm(conn, item_pk, harm)
        audit.record(
            conn,
            actor,
            f"flag.{decision}",
            "item",
            item_pk,
            data={"index": index, "type": flag.get("type"), "from": previous, "to": status},
        )
    return status
