"""The desk's audit: an append-only HMAC chain.

Each row's MAC = HMAC-SHA256(K, prev_mac || canonical(row)), K kept in $TINHHINH_HOME/secrets/audit-hmac.
Editing a row breaks its MAC; deleting a row breaks the sequence and the next row's prev_mac; deleting the
newest rows is caught against a head (seq, mac) exported earlier and kept elsewhere; a chain recomputed by
someone without K does not verify under K. Personal values are stored only sealed under the petition's key;
erasure deletes that key, the ciphertext stays (so the MACs still verify) but can no longer be read.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from tinhhinh import clock, config
from tinhhinh.console import UserError
from tinhhinh.desk import crypto
from tinhhinh.desk.access import Actor, require
from tinhhinh.store import desk as store

GENESIS = "0" * 64


def _key() -> bytes:
    return config.secret("audit-hmac", 32)


def canonical(row: dict[str, Any]) -> bytes:
    sealed = row.get("sealed")
    fields = [
        row["seq"],
        row["at"],
        row["actor"],
        row["action"],
        row["object_type"],
        row["object_id"],
        row["petition_id"],
        row["data"],
        base64.b64encode(sealed).decode() if sealed else None,
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()


def mac_for(key: bytes, prev_mac: str, row: dict[str, Any]) -> str:
    return hmac.new(key, prev_mac.encode() + b"\n" + canonical(row), hashlib.sha256).hexdigest()


def record(
    conn: Connection,
    actor: Actor | str,
    action: str,
    object_type: str,
    object_id: Any = None,
    *,
    data: dict[str, Any] | None = None,
    petition_id: int | None = None,
    personal: dict[str, Any] | None = None,
) -> int:
    """Append one entry in the caller's transaction. ``data`` must hold no personal values: those go in ``personal``."""
    sealed = None
    if personal:
        if petition_id is None:
            raise ValueError("personal audit values need a petition key")
        wrapped = store.get_petition_key(conn, petition_id)
        if wrapped is None:
            raise UserError(
                f"petition #{petition_id} has been erased: no personal data may be recorded for it"
            )
        sealed = crypto.seal(crypto.unwrap(wrapped, petition_id), personal, f"audit:{petition_id}")
    last = store.last_audit(conn, for_append=True)
    row = {
        "seq": (last["seq"] + 1) if last else 1,
        "at": clock.utcnow().isoformat(timespec="microseconds"),
        "actor": actor if isinstance(actor, str) else actor.username,
        "action": action,
        "object_type": object_type,
        "object_id": None if object_id is None else str(object_id),
        "petition_id": petition_id,
        "data": json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str),
        "sealed": sealed,
    }
    prev = last["mac"] if last else GENESIS
    row["prev_mac"] = prev
    row["mac"] = mac_for(_key(), prev, row)
    store.insert_audit(conn, **row)
    return row["seq"]


def head(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        last = store.last_audit(conn)
    return {
        "seq": last["seq"] if last else 0,
        "mac": last["mac"] if last else GENESIS,
        "at": last["at"] if last else None,
    }


def export_head(engine: Engine, actor: Actor, path: Path | None = None) -> dict[str, Any]:
    require(actor, "audit.export_head")
    result = {**head(engine), "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    with store.transaction_for(engine) as conn:
        record(conn, actor, "audit.export_head", "audit", result["seq"])
    if path is not None:
        path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def verify(engine: Engine, actor: Actor, expected_head: dict[str, Any] | None = None) -> dict[str, Any]:
    """Check the whole chain; ``problems`` is empty when it is intact (and reaches ``expected_head``)."""
    require(actor, "audit.verify")
    key = _key()
    problems: list[str] = []
    prev_mac = GENESIS
    expected_seq = 1
    rows = 0
    last: dict[str, Any] | None = None
    seen: dict[int, str] = {}
    with engine.connect() as conn:
        for row in store.iter_audit(conn):
            rows += 1
            seq = row["seq"]
            if seq != expected_seq:
                problems.append(f"rows {expected_seq}..{seq - 1} are missing (deleted)")
            if row["prev_mac"] != prev_mac:
                problems.append(
                    f"row {seq}: does not follow the previous row (a row before it was deleted or changed)"
                )
            if not hmac.compare_digest(mac_for(key, row["prev_mac"], row), row["mac"]):
                problems.append(
                    f"row {seq}: MAC does not match its content (edited, or written without the key)"
                )
            prev_mac = row["mac"]
            expected_seq = seq + 1
            seen[seq] = row["mac"]
            last = row
    if expected_head:
        hseq, hmac_ = int(expected_head["seq"]), str(expected_head["mac"])
        if last is None or last["seq"] < hseq:
            problems.append(
                f"the chain ends at row {last['seq'] if last else 0} but the exported head is row {hseq}: "
                "newest rows were deleted"
            )
        elif seen.get(hseq) != hmac_:
            problems.append(f"row {hseq} differs from the exported head: the chain was rewritten")
    return {
        "ok": not problems,
        "rows": rows,
        "head": {"seq": last["seq"] if last else 0, "mac": last["mac"] if last else GENESIS},
        "problems": problems,
    }


def read_head_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {"seq": int(data["seq"]), "mac": str(data["mac"])}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(
            f"cannot read the audit head {path}: {exc}; export one with `tinhhinh audit export-head`"
        ) from exc


def entries_for(engine: Engine, actor: Actor, petition_id: int) -> list[dict[str, Any]]:
    """A petition's audit trail as ``actor`` may see it: sealed values opened only for those allowed to read
    the petitioner's data, and only while the key exists ("(erased)" after)."""
    from tinhhinh.desk.access import can

    out = []
    with engine.connect() as conn:
        row = store.get_petition(conn, petition_id)
        require(actor, "petition.read", row)
        personal_ok = can(
            actor, "petition.read_identity" if row["kind"] == "to_cao" else "petition.read_contact", row
        )
        wrapped = store.get_petition_key(conn, petition_id)
        key = crypto.unwrap(wrapped, petition_id) if wrapped else None
        for entry_row in store.iter_audit(conn):
            if entry_row["petition_id"] != petition_id:
                continue
            entry = {k: entry_row[k] for k in ("seq", "at", "actor", "action", "object_type", "object_id")}
            entry["data"] = json.loads(entry_row["data"])
            if entry_row["sealed"]:
                if key is None:
                    entry["personal"] = "(erased)"
                elif personal_ok:
                    entry["personal"] = crypto.open_sealed(key, entry_row["sealed"], f"audit:{petition_id}")
                else:
                    entry["personal"] = "(hidden)"
            out.append(entry)
    return out
