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
from tinhhinh.desk.errors import Conflict, Forbidden, Invalid, NotFound
from tinhhinh.store import flags as store
from tinhhinh.store.db import transaction

STATUSES = ("unconfirmed", "confirmed", "dismissed")
CASE_TYPES = ("scam", "factcheck")
# Which sector a case about a fact-check flag goes to (data/sectors.yaml), by registry domain.
# Disasters: the provincial steering committee for disaster prevention sits with the agriculture and
# environment department (SNNMT), which data/sectors.yaml gives the `agriculture` sector.
_SECTOR_FOR_DOMAIN = {
    "health": "health",
    "public_service": "admin_procedures",
    "scam": "public_order",
    "disaster": "agriculture",
}


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


def _stale(row: dict[str, Any], expected_version: int) -> Conflict:
    from tinhhinh.timefmt import local_short

    what = {"confirmed": "confirmed", "dismissed": "dismissed"}.get(row["status"], row["status"])
    by = f" by {row['decided_by']} at {local_short(row['decided_at'])}" if row.get("decided_by") else ""
    return Conflict(
        f"flag #{row['id']} was {what}{by} after you loaded it (you had version {expected_version}, it is "
        f"now {row['version']}): reload the flags and decide again"
    )


def _decide(
    engine: Engine,
    actor: Actor,
    flag_id: int,
    status: str,
    note: str | None,
    expected_version: int | None = None,
) -> dict[str, Any]:
    _may_decide(actor)
    sync(engine)
    with transaction(engine) as conn:
        row = store.get_flag(conn, flag_id)
        if row is None:
            raise NotFound(f"no flag #{flag_id}: list them with `tinhhinh flags list`")
        # the page's or API client's version first: a colleague's decision is never silently replaced
        if expected_version is not None and row["version"] != expected_version:
            raise _stale(row, expected_version)
        if row["status"] == status:
            raise Invalid(f"flag #{flag_id} is already {status}")
        if status == "dismissed" and row.get("case_id"):
            # the flag already led somewhere: undoing it here would leave a case about a dismissed flag
            raise Invalid(
                f"flag #{flag_id} opened case #{row['case_id']}: close or reject case #{row['case_id']} "
                "instead (`tinhhinh case show " + str(row["case_id"]) + "`); a flag that opened a case "
                "stays confirmed"
            )
        if status == "confirmed":
            retired = retired_factcheck(row)
            if retired is not None:
                raise Invalid(_retired_line(flag_id, retired) + ": it cannot be confirmed (dismiss it)")
        result = store.decide(conn, flag_id, status, actor.username, note, expected_version)
        if result is None:  # decided between the read and the write
            raise _stale(store.get_flag(conn, flag_id) or row, expected_version or 0)
        audit.record(
            conn,
            actor,
            f"flag.{'confirm' if status == 'confirmed' else 'dismiss'}",
            "flag",
            flag_id,
            data={"type": row["type"], "item_pk": row["item_pk"], "idx": row["idx"], "note": note or ""},
        )
    return result


def confirm(
    engine: Engine,
    actor: Actor,
    flag_id: int,
    note: str | None = None,
    *,
    expected_version: int | None = None,
) -> dict[str, Any]:
    """Confirm a flag. Pages and the API pass the ``expected_version`` the reviewer saw (a stale one is a
    409 ``Conflict``); the command line decides on the flag as it is now (``flags show`` prints it)."""
    return _decide(engine, actor, flag_id, "confirmed", note, expected_version)


def dismiss(
    engine: Engine,
    actor: Actor,
    flag_id: int,
    note: str | None = None,
    *,
    expected_version: int | None = None,
) -> dict[str, Any]:
    return _decide(engine, actor, flag_id, "dismissed", note, expected_version)


def can_open_case(flag: dict[str, Any], retired: dict[str, dict[str, Any]] | None = None) -> bool:
    """Only a person-confirmed scam or fact-check flag that has not opened a case yet may open one
    (toxic flags never do), and never one whose fact-check was retired."""
    return (
        flag.get("type") in CASE_TYPES
        and flag.get("status") == "confirmed"
        and not flag.get("case_id")
        and retired_factcheck(flag, retired=retired) is None
    )


def _evidence(flag: dict[str, Any]) -> Any:
    entry = flag.get("entry")
    if isinstance(entry, dict):
        return entry.get("evidence")
    return flag.get("evidence")


def retired_entries(registry: Any = None) -> dict[str, dict[str, Any]]:
    """Retired registry entries by id (read once for a listing)."""
    from tinhhinh.harm import factcheck_registry as reg

    try:
        entries = reg.load(registry)
    except reg.RegistryError:
        return {}  # an unreadable registry is reported by the factchecks commands, not here
    return {e["id"]: e for e in entries if e.get("status") == "retired"}


def retired_factcheck(
    flag: dict[str, Any], registry: Any = None, *, retired: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any] | None:
    """The registry entry a fact-check flag rests on, when a coordinator has retired it (else None).

    A retired fact-check no longer says the claim is false (the publisher withdrew it, it went out of
    date): its flags may still be dismissed, but not confirmed nor lead to a case."""
    if flag.get("type") != "factcheck":
        return None
    evidence = _evidence(flag)
    claim_id = evidence.get("claim_id") if isinstance(evidence, dict) else None
    if not claim_id:
        return None
    if retired is None:
        retired = retired_entries(registry)
    return retired.get(claim_id)


def _retired_line(flag_id: int, entry: dict[str, Any]) -> str:
    why = f" ({entry['retire_reason']})" if entry.get("retire_reason") else ""
    return f"flag #{flag_id} rests on fact-check {entry['id']}, which was retired{why}"


def with_factcheck_state(
    flag: dict[str, Any], retired: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The flag plus ``factcheck_retired`` (bool) and ``factcheck_retire_reason`` for a fact-check flag."""
    if flag.get("type") != "factcheck":
        return flag
    entry = retired_factcheck(flag, retired=retired)
    return {
        **flag,
        "factcheck_retired": entry is not None,
        "factcheck_retire_reason": (entry or {}).get("retire_reason"),
    }


def _case_title(flag: dict[str, Any]) -> str:
    from tinhhinh.desk.cases import headline

    entry = flag.get("entry") or {}
    evidence = entry.get("evidence")
    if flag["type"] == "factcheck" and isinstance(evidence, dict):
        return f"Tin trùng nội dung đã được kiểm chứng là sai: {evidence.get('claim', '')}"[:300]
    # what the post says, not its number: a post or comment usually has no title
    label = headline(flag.get("title"), flag.get("snippet")) or f"bài #{flag['item_pk']}"
    return f"Dấu hiệu lừa đảo: {label}"[:300]


def _rule_meaning(rule: str) -> str:
    """A scam signal in the office's words (the web's Vietnamese labels), else its id."""
    try:
        from tinhhinh.web import i18n, labels
    except ImportError:  # the web extra is not installed
        return rule
    msg = labels.SCAM_RULE.get(rule)
    return i18n.translations("vi").gettext(msg) if msg else rule


def _case_description(flag: dict[str, Any]) -> str:
    """What the case is about, copied from the flag when the case opens: the flag's type and score, what
    the machine saw, who confirmed it, and where the item appeared (Vietnamese, as the office reads
    its cases; never author data)."""
    from tinhhinh.desk.cases import item_facts
    from tinhhinh.timefmt import local_short

    evidence = _evidence(flag)
    name = {"scam": "Dấu hiệu lừa đảo", "factcheck": "Trùng nội dung đã được kiểm chứng là sai"}
    score = f" (điểm {flag['score']:.2f})" if isinstance(flag.get("score"), int | float) else ""
    header = f"Cảnh báo #{flag['id']}: {name.get(flag['type'], flag['type'])}{score}"
    lines = [header]
    if flag["type"] == "factcheck" and isinstance(evidence, dict):
        # the matched sentence and the fact-check lead: they are what the case is about
        lines = [
            f"Câu trong tin: {evidence.get('sentence', '')}",
            f"Đã được kiểm chứng: {evidence.get('publisher', '')} — {evidence.get('verdict', '')} — "
            f"{evidence.get('source', '')}",
            header,
        ]
    elif isinstance(evidence, list) and evidence:
        lines.append("Dấu hiệu máy phát hiện:")
        for e in evidence:
            if isinstance(e, dict):
                lines.append(f"- «{e.get('text', '')}»: {_rule_meaning(str(e.get('rule', '')))}")
            else:
                lines.append(f"- {e}")
    if flag.get("decided_by"):
        when = f", {local_short(flag['decided_at'])}" if flag.get("decided_at") else ""
        note = f": {flag['note']}" if flag.get("note") else ""
        lines.append(f"Xác nhận: {flag['decided_by']}{when}{note}")
    item = {k: flag.get(k) for k in ("title", "snippet", "source", "published_at", "url")}
    if item["title"]:
        lines.append(f"Bài: {' '.join(item['title'].split())}")
    lines.extend(item_facts(item))
    return "\n".join(lines)


def open_case(engine: Engine, actor: Actor, flag_id: int, **fields: Any) -> int:
    """Open a desk case about a confirmed scam/fact-check flag; the case copies title and link, never authors."""
    from tinhhinh.desk import cases

    flag = get_flag(engine, flag_id)
    _check_can_open(flag)
    # a field left empty (the CLI passes description "" and sector None) takes the flag's own value
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    evidence = _evidence(flag)
    if flag["type"] == "factcheck" and isinstance(evidence, dict):
        sector = _SECTOR_FOR_DOMAIN.get(evidence.get("domain") or "")
        if sector:
            fields.setdefault("sector", sector)
    elif flag["type"] == "scam":
        fields.setdefault("sector", "public_order")
    fields.setdefault("description", _case_description(flag))
    fields.setdefault("title", _case_title(flag))
    case_id = cases.open_harm_case(engine, actor, flag["item_pk"], flag["idx"], **fields)
    with transaction(engine) as conn:
        store.set_case(conn, flag_id, case_id)
    return case_id


def _check_can_open(flag: dict[str, Any]) -> None:
    """One line saying why this flag may not open a case (nothing when it may)."""
    flag_id = flag["id"]
    if flag["type"] not in CASE_TYPES:
        raise Invalid(
            f"flag #{flag_id} is a toxic-language flag: those are reported as rates and never open a case"
        )
    if flag.get("case_id"):
        raise Invalid(
            f"flag #{flag_id} already opened case #{flag['case_id']}: see `tinhhinh case show {flag['case_id']}`"
        )
    if flag["status"] != "confirmed":
        raise Invalid(
            f"flag #{flag_id} is {flag['status']}: a person confirms a flag before it can open a case"
        )
    retired = retired_factcheck(flag)
    if retired is not None:
        raise Invalid(_retired_line(flag_id, retired) + ": it no longer opens a case")


def open_case_for_entry(engine: Engine, actor: Actor, item_pk: int, idx: int, **fields: Any) -> int:
    """Open a case from an item's harm entry by its index (``case open --item N --harm I``): the same
    rules as ``open_case`` — one flag, one case, only a confirmed scam or fact-check flag."""
    sync(engine)
    with engine.connect() as conn:
        flag_id = store.flag_id_for(conn, item_pk, idx)
    if flag_id is None:
        with engine.connect() as conn:
            if not store.item_exists(conn, item_pk):
                raise NotFound(f"no item #{item_pk}")
        raise Invalid(
            f"item #{item_pk} has no confirmed harm flag #{idx}: list flags with `tinhhinh flags list`"
        )
    return open_case(engine, actor, flag_id, **fields)


def counts(engine: Engine) -> list[dict[str, Any]]:
    sync(engine)
    with engine.connect() as conn:
        return store.counts(conn)
