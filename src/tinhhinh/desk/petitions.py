"""Petitions (đơn thư): intake with the privacy notice, their own state machine, deadlines, privacy, erasure.

Personal data (the petitioner's name, address, phone, e-mail, ID number, the letter's content, officers'
notes) is stored only sealed under a per-petition key (see crypto.py) and shown only to those ``access.can``
allows: contact details to coordinators and the assigned agency; a denouncer's identity (to_cao) only to the
named resolver, everyone else sees a pseudonym.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from sqlalchemy import Connection, Engine

from tinhhinh import clock, config
from tinhhinh.console import UserError
from tinhhinh.desk import audit, crypto, deadlines, receipts
from tinhhinh.desk.access import Actor, can, require, scope
from tinhhinh.desk.errors import Invalid, InvalidTransition, NotFound, check_version
from tinhhinh.desk.people import check_sector, default_agency_for
from tinhhinh.nlp.normalize import folded_tokens, strip_diacritics, strip_token
from tinhhinh.store import desk as store

KINDS = deadlines.KINDS
STATES = (
    "received",
    "not_accepted",
    "forwarded",
    "guided",
    "merged_duplicate",
    "accepted",
    "extended",
    "resolved",
    "closed",
)
TRANSITIONS: dict[str, set[str]] = {
    "received": {"not_accepted", "forwarded", "guided", "merged_duplicate", "accepted"},
    "accepted": {"extended", "resolved"},
    "extended": {"extended", "resolved"},
    "resolved": {"closed"},
    "not_accepted": {"closed"},
    "forwarded": {"closed"},
    "guided": {"closed"},
    "merged_duplicate": {"closed"},
    "closed": set(),
}
# what a duplicate may be merged into: still being handled here (so no chains and no cycles of merges)
LIVE_STATES = ("received", "accepted", "extended", "resolved")
NEEDS_REASON = {
    "not_accepted": "why it is not accepted",
    "forwarded": "the competent body it was forwarded to",
    "guided": "the guidance given",
    "extended": "the written extension decision",
}
PERSONAL_FIELDS = ("name", "address", "phone", "email", "id_number")
PRIVACY_NOTICE_VERSION = "1"


def retention_days() -> int:
    return int(config.setting("desk.retention_days", 5 * 365))


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else v


def _key(conn, petition_id: int) -> bytes | None:
    wrapped = store.get_petition_key(conn, petition_id)
    return crypto.unwrap(wrapped, petition_id) if wrapped else None


def _load(conn, petition_id: int) -> dict[str, Any]:
    row = store.get_petition(conn, petition_id)
    if not row:
        raise NotFound(f"no petition #{petition_id}")
    return row


def _public(row: dict[str, Any]) -> dict[str, Any]:
    """The non-personal fields of a petition."""
    keep = (
        "id", "ref", "kind", "state", "subject", "sector", "agency_id", "resolver_id", "case_id",
        "first_petition_id", "merged_into_id", "second", "complex", "very_complex", "remote", "extensions",
        "received_on", "accepted_on", "due_on", "closed_on", "state_reason", "privacy_notice_at",
        "privacy_notice_version", "erased_at", "version",
    )  # fmt: skip
    return {k: _iso(row[k]) for k in keep}


def _petitioner_view(actor: Actor, row: dict[str, Any], personal: dict[str, Any] | None) -> dict[str, Any]:
    if row["erased_at"]:
        return {"erased": True}
    if row["kind"] == "to_cao" and not can(actor, "petition.read_identity", row):
        return {"pseudonym": row["pseudonym"]}
    if row["kind"] != "to_cao" and not can(actor, "petition.read_contact", row):
        return {"hidden": True}
    return dict(personal or {})


def _due(row: dict[str, Any]) -> dt.date | None:
    """The date the petition's current step is due: while it waits in ``received``, initial handling (tố
    cáo) or acceptance (khiếu nại); once accepted, the resolution; kiến nghị, phản ánh from receipt. A
    petition that left ``received`` without being accepted has no clock left."""
    events: dict[str, dt.date] = {"received": row["received_on"]}
    if row["accepted_on"]:
        events["accepted"] = row["accepted_on"]
    if row["kind"] != "kien_nghi_phan_anh" and "accepted" not in events:
        if row["state"] != "received":
            return None
        return deadlines.receipt_due(row["kind"], row["received_on"], complex=row["complex"])
    return deadlines.resolution_due(
        row["kind"],
        events,
        second=row["second"],
        complex=row["complex"],
        very_complex=row["very_complex"],
        remote=row["remote"],
        extensions=row["extensions"],
    )


def _repeats(value: str, text_tokens: list[str]) -> bool:
    """Whether ``value`` appears in a text as whole words, with or without marks, in any case, spacing or
    Unicode form ("Tran Thi Mat", "TRẦN  THỊ MẬT" and a decomposed "Trần Thị Mật" all repeat "Trần Thị Mật").
    Staff often type without marks, so several words are compared without them; a single word keeps its
    marks, else a one-word value would match everyday words ("Hoàng" → "hoang mang")."""
    words = folded_tokens(value)
    if len("".join(words)) < 4:  # too short to tell a person's data from an everyday word
        return False
    if len(words) == 1:
        return words[0] in text_tokens
    words = [strip_token(w) for w in words]
    plain = [strip_token(t) for t in text_tokens]
    n = len(words)
    return any(plain[i : i + n] == words for i in range(len(plain) - n + 1))


def _not_after_today(day: dt.date, what: str) -> None:
    """A date the desk records must have happened: a mistyped year (2062 for 2026) would give wrong deadlines
    and figures and, on ``closed_on``, keep personal data decades past retention."""
    today = clock.office_today()
    if day > today:
        raise Invalid(f"{what} {day} is after today ({today}, office time): give the date it happened")


def _mentions_personal(text: str | None, personal: dict[str, Any]) -> str | None:
    """Which personal field ``text`` repeats, if any: subject and reasons outlive erasure, so they must not."""
    if not text:
        return None
    text_tokens = folded_tokens(text)
    digits = re.sub(r"\D", "", text)
    for field_name in PERSONAL_FIELDS:
        value = (personal.get(field_name) or "").strip()
        if field_name in ("phone", "id_number"):
            number = re.sub(r"\D", "", value)
            if len(number) >= 4 and number in digits:
                return field_name
        elif _repeats(value, text_tokens):
            return field_name
    return None


def intake(
    engine: Engine,
    actor: Actor,
    *,
    kind: str,
    subject: str,
    received_on: dt.date,
    petitioner: dict[str, str],
    content: str,
    privacy_notice_given: bool,
    sector: str | None = None,
    agency_id: int | None = None,
    resolver_id: int | None = None,
    remote: bool = False,
    complex: bool = False,
    first_petition_id: int | None = None,
    ref: str | None = None,
    case_id: int | None = None,
    conn: Connection | None = None,
) -> int:
    """Register a petition. Refused unless the privacy notice was given to the petitioner (Decree 13/2023 Art. 11).
    ``conn``: write inside the caller's transaction (a register import takes a whole file in one)."""
    kind = check_intake(
        actor,
        kind=kind,
        subject=subject,
        petitioner=petitioner,
        privacy_notice_given=privacy_notice_given,
        sector=sector,
        received_on=received_on,
    )
    if actor.role == "officer":
        agency_id = actor.agency_id
    elif agency_id is None:
        agency_id = default_agency_for(engine, sector)
    second = False
    with store.transaction_for(engine) if conn is None else contextlib.nullcontext(conn) as conn:
        if first_petition_id is not None:
            first = _load(conn, first_petition_id)
            require(actor, "petition.read", first)
            if first["kind"] != "khieu_nai" or kind != "khieu_nai":
                raise Invalid(
                    "only a complaint (khieu_nai) can be a second-time complaint of another complaint"
                )
            second = True
        if case_id is not None:
            case = store.get_case(conn, case_id)
            if case is None:
                raise NotFound(f"no case #{case_id}")
            require(actor, "case.read", case)
        if ref and store.get_petition_by_ref(conn, ref):
            raise Invalid(f"a petition with register number {ref!r} exists already")
        if resolver_id is not None:
            _check_resolver(conn, resolver_id, agency_id, actor=actor, kind=kind)
        petition_id = store.insert_petition(
            conn,
            ref=ref,
            kind=kind,
            state="received",
            subject=subject.strip(),
            sector=sector,
            agency_id=agency_id,
            resolver_id=resolver_id,
            case_id=case_id,
            first_petition_id=first_petition_id,
            second=second,
            complex=complex,
            very_complex=False,
            remote=remote,
            extensions=0,
            received_on=received_on,
            privacy_notice_at=store.now(),
            privacy_notice_version=str(config.setting("desk.privacy_notice_version", PRIVACY_NOTICE_VERSION)),
            created_by=actor.id,
            version=1,
        )
        key = crypto.new_key()
        store.put_petition_key(conn, petition_id, crypto.wrap(key, petition_id))
        personal = {k: v for k, v in petitioner.items() if v}
        personal["content"] = content
        store.put_personal(conn, petition_id, crypto.seal(key, personal, f"personal:{petition_id}"))
        row = _load(conn, petition_id)
        due = _due(row)
        # Part of creation (the pseudonym needs the id), so the version stays 1.
        store.complete_petition(conn, petition_id, pseudonym=crypto.pseudonym(petition_id), due_on=due)
        # Every petition gets a receipt code for the public status page; only its keyed hash is stored.
        receipt = receipts.issue(conn, petition_id)
        audit.record(
            conn,
            actor,
            "petition.intake",
            "petition",
            petition_id,
            petition_id=petition_id,
            data={
                "kind": kind,
                "subject": subject,
                "sector": sector,
                "agency_id": agency_id,
                "second": second,
            },
            personal=personal,
        )
    return receipts.Receipted(petition_id, receipt)  # an int; `.receipt` is the code, shown once


def check_intake(
    actor: Actor,
    *,
    kind: str,
    subject: str,
    petitioner: dict[str, str],
    privacy_notice_given: bool,
    sector: str | None = None,
    received_on: dt.date | None = None,
) -> str:
    """The checks of ``intake`` that need no database (a register's dry run makes them too); the kind's code.
    Each ``Invalid`` names its field."""
    require(actor, "petition.create")
    if not privacy_notice_given:
        raise Invalid(
            "intake refused: record that the privacy notice was given to the petitioner (--privacy-notice-given) "
            "before any personal data is taken",
            field="privacy_notice",
        )
    try:
        kind = kind_code(kind)
    except Invalid as exc:
        raise Invalid(str(exc), field="kind") from None
    if not subject.strip():
        raise Invalid("a petition needs a short subject (no personal data in it)", field="subject")
    if not (petitioner.get("name") or "").strip():
        raise Invalid("the petitioner's name is required", field="name")
    unknown = set(petitioner) - set(PERSONAL_FIELDS)
    if unknown:
        raise Invalid(f"unknown petitioner field(s): {', '.join(sorted(unknown))}")
    try:
        check_sector(sector)
    except Invalid as exc:
        raise Invalid(str(exc), field="sector") from None
    if received_on is not None:
        try:
            _not_after_today(received_on, "received_on")
        except Invalid as exc:
            raise Invalid(str(exc), field="received_on") from None
    leaked = _mentions_personal(subject, petitioner)
    if leaked:
        raise Invalid(
            f"the subject repeats the petitioner's {leaked}: keep personal data out of the subject",
            field="subject",
        )
    return kind


def _check_resolver(
    conn, resolver_id: int, agency_id: int | None, *, actor: Actor | None = None, kind: str | None = None
) -> None:
    if kind == "to_cao" and actor is not None and resolver_id == actor.id:
        # Only the resolver sees a denouncer's identity: naming oneself would let one person lift the
        # pseudonym alone (and hand the petition back afterwards).
        raise Invalid(
            "you cannot name yourself resolver of a denunciation (to_cao): the resolver sees the denouncer's "
            "identity, so another coordinator must name you",
            field="resolver_id",
        )
    user = store.get_user(conn, user_id=resolver_id)
    if not user or not user["active"] or user["role"] not in ("coordinator", "officer"):
        raise Invalid(
            f"user #{resolver_id} cannot be a resolver (an active coordinator or officer is needed)"
        )
    if user["role"] == "officer" and user["agency_id"] != agency_id:
        raise Invalid(f"user {user['username']} belongs to another agency than the petition's")


def show(engine: Engine, actor: Actor, petition_id: int) -> dict[str, Any]:
    """One petition as this actor may see it; disclosing personal data is audited."""
    with store.transaction_for(engine) as conn:
        row = _load(conn, petition_id)
        require(actor, "petition.read", row)
        view = _public(row)
        personal = None
        key = _key(conn, petition_id)
        shows_personal = key is not None and (
            can(actor, "petition.read_identity", row)
            if row["kind"] == "to_cao"
            else can(actor, "petition.read_contact", row)
        )
        if shows_personal:
            personal = crypto.open_sealed(
                key, store.get_personal(conn, petition_id), f"personal:{petition_id}"
            )
            view["notes"] = [
                {
                    "at": _iso(n["at"]),
                    "author_id": n["author_id"],
                    **crypto.open_sealed(key, n["sealed"], f"note:{petition_id}"),
                }
                for n in store.list_notes(conn, petition_id)
            ]
            audit.record(
                conn,
                actor,
                "petition.disclose",
                "petition",
                petition_id,
                petition_id=petition_id,
                data={"fields": sorted(personal)},
            )
        view["petitioner"] = _petitioner_view(actor, row, personal)
        if personal is not None:
            view["content"] = personal.get("content")
            view["petitioner"].pop("content", None)
    return view


def kind_code(value: str) -> str:
    """A petition kind as its code or as people write it ("khiếu nại", "To cao", "kiến nghị, phản ánh")."""
    if value in KINDS:
        return value
    words = re.sub(r"[\s_,]+", " ", strip_diacritics(value).lower()).strip()
    for code in KINDS:
        if words == code.replace("_", " "):
            return code
    if words in ("kien nghi", "phan anh"):
        return "kien_nghi_phan_anh"
    raise Invalid(
        f"unknown petition kind {value!r}: use one of {', '.join(KINDS)} (or khiếu nại, tố cáo, kiến nghị)"
    )


def list_petitions(
    engine: Engine, actor: Actor, *, kind: str | None = None, state: str | None = None
) -> list[dict[str, Any]]:
    """Lists carry no personal data (to_cao shows the pseudonym)."""
    # a mistyped filter would list nothing, which reads as "no petitions": say so instead
    kind = kind_code(kind) if kind else None
    if state and state not in STATES:
        raise Invalid(f"unknown petition state {state!r}: use one of {', '.join(STATES)}")
    sc = scope(actor, "petition.read")
    with engine.connect() as conn:
        rows = store.list_petitions(conn, kind=kind, state=state, **sc.as_kwargs())
    out = []
    for row in rows:
        view = _public(row)
        if row["kind"] == "to_cao":
            view["pseudonym"] = row["pseudonym"]
        out.append(view)
    return out


def transition(
    engine: Engine,
    actor: Actor,
    petition_id: int,
    to: str,
    *,
    expected_version: int,
    on: dt.date | None = None,
    reason: str | None = None,
    merged_into: int | None = None,
    very_complex: bool = False,
) -> dict[str, Any]:
    if to not in STATES:
        raise InvalidTransition(f"unknown petition state {to!r}: {', '.join(STATES)}")
    on = on or clock.office_today()
    with store.transaction_for(engine) as conn:
        row = _load(conn, petition_id)
        require(actor, "petition.transition", row)
        check_version("petition", row, expected_version)
        if row["erased_at"]:
            raise InvalidTransition(f"petition #{petition_id} has been erased")
        if to not in TRANSITIONS[row["state"]]:
            allowed = ", ".join(sorted(TRANSITIONS[row["state"]])) or "none: it is closed"
            raise InvalidTransition(
                f"petition #{petition_id} is {row['state']}: cannot go to {to} (allowed: {allowed})"
            )
        if to in NEEDS_REASON and not (reason and reason.strip()):
            raise InvalidTransition(f"{to} needs {NEEDS_REASON[to]} (--reason)")
        key = _key(conn, petition_id)
        if reason and key is not None:
            personal = crypto.open_sealed(
                key, store.get_personal(conn, petition_id), f"personal:{petition_id}"
            )
            leaked = _mentions_personal(reason, personal)
            if leaked:
                raise InvalidTransition(
                    f"the reason repeats the petitioner's {leaked}: reasons are kept after erasure"
                )
        values: dict[str, Any] = {"state": to, "state_reason": reason}
        try:
            _not_after_today(on, "the decision date")
        except Invalid as exc:
            raise InvalidTransition(str(exc)) from None
        if on < row["received_on"]:
            raise InvalidTransition(f"{on} is before the petition was received ({row['received_on']})")
        # received <= accepted <= (extended)* <= resolved <= closed: a decision cannot predate the one before
        earlier = [d for d in (row["accepted_on"], store.last_transition_on(conn, petition_id)) if d]
        if earlier and on < max(earlier):
            raise InvalidTransition(
                f"{on} is before the petition became {row['state']} ({max(earlier)}): "
                "date the decision on or after that day"
            )
        if to == "merged_duplicate":
            if merged_into is None or merged_into == petition_id:
                raise InvalidTransition("merged_duplicate needs the petition it duplicates (--into ID)")
            target = store.get_petition(conn, merged_into)
            if target is None or not can(actor, "petition.read", target):
                # the same answer for another agency's petition as for a missing one: no existence oracle
                raise NotFound(f"no petition #{merged_into}")
            if target["kind"] != row["kind"]:
                raise InvalidTransition(
                    f"petition #{merged_into} is a {target['kind']}, this one a {row['kind']}: a duplicate "
                    "is merged only into a petition of the same kind (each kind has its own law and clock)"
                )
            if target["erased_at"] or target["state"] not in LIVE_STATES:
                raise InvalidTransition(
                    f"petition #{merged_into} is {'erased' if target['erased_at'] else target['state']}: a "
                    "duplicate is merged only into a petition still being handled "
                    f"({', '.join(LIVE_STATES)}); take this one on instead"
                )
            values["merged_into_id"] = merged_into
        if to == "accepted":
            values["accepted_on"] = on
        if to == "extended":
            if row["kind"] == "to_cao":
                values["extensions"] = row["extensions"] + 1
                values["very_complex"] = row["very_complex"] or very_complex
                values["complex"] = True
            elif row["kind"] == "khieu_nai":
                if row["complex"]:
                    raise InvalidTransition(
                        "this complaint already has the longer term for complex cases (Luật Khiếu nại Art. 28/37)"
                    )
                values["complex"] = True
            else:
                raise InvalidTransition(
                    "kien_nghi_phan_anh has no extension: change the office setting instead"
                )
        if to == "closed":
            values["closed_on"] = on
        merged = {**row, **values}
        try:
            values["due_on"] = _due(merged)
        except UserError as exc:  # e.g. an extension the law does not allow
            raise InvalidTransition(str(exc)) from None
        version = store.update_petition(conn, petition_id, expected_version, **values)
        audit.record(
            conn,
            actor,
            "petition.transition",
            "petition",
            petition_id,
            petition_id=petition_id,
            data={
                "from": row["state"],
                "to": to,
                "on": on.isoformat(),
                "reason": reason,
                "due_on": _iso(values["due_on"]),
            },
        )
    return {"id": petition_id, "state": to, "version": version, "due_on": _iso(values["due_on"])}


def assign(
    engine: Engine,
    actor: Actor,
    petition_id: int,
    *,
    expected_version: int,
    agency_id: int | None = None,
    resolver_id: int | None = None,
) -> int:
    with store.transaction_for(engine) as conn:
        row = _load(conn, petition_id)
        require(actor, "petition.assign", row)
        values: dict[str, Any] = {}
        cleared: dict[str, Any] = {}
        if agency_id is not None:
            if store.get_agency(conn, agency_id=agency_id) is None:
                raise NotFound(f"no agency #{agency_id}")
            values["agency_id"] = agency_id
            if resolver_id is None and row["resolver_id"] is not None and agency_id != row["agency_id"]:
                # An officer of the old agency can no longer read the petition, and a denouncer's identity
                # would be shown to nobody: the new agency's resolver must be named.
                old = store.get_user(conn, user_id=row["resolver_id"])
                if old is None or old["role"] != "coordinator":
                    values["resolver_id"] = None
                    cleared["resolver_cleared"] = row["resolver_id"]
        if resolver_id is not None:
            _check_resolver(
                conn,
                resolver_id,
                values.get("agency_id", row["agency_id"]),
                actor=actor,
                kind=row["kind"],
            )
            values["resolver_id"] = resolver_id
        if not values:
            raise Invalid("nothing to assign: give an agency or a resolver")
        version = store.update_petition(conn, petition_id, expected_version, **values)
        audit.record(
            conn,
            actor,
            "petition.assign",
            "petition",
            petition_id,
            petition_id=petition_id,
            data={**values, **cleared},
        )
    return version


def add_note(engine: Engine, actor: Actor, petition_id: int, text: str) -> None:
    """Officers' notes may name people: sealed like the petitioner's data."""
    with store.transaction_for(engine) as conn:
        row = _load(conn, petition_id)
        require(actor, "petition.note", row)
        key = _key(conn, petition_id)
        if key is None:
            raise InvalidTransition(f"petition #{petition_id} has been erased")
        store.insert_note(
            conn,
            petition_id=petition_id,
            author_id=actor.id,
            at=store.now(),
            sealed=crypto.seal(key, {"note": text}, f"note:{petition_id}"),
        )
        audit.record(
            conn,
            actor,
            "petition.note",
            "petition",
            petition_id,
            petition_id=petition_id,
            personal={"note": text},
        )


def purge(engine: Engine, actor: Actor, today: dt.date | None = None) -> list[int]:
    """Erase the personal data of petitions closed more than the retention period ago (setting desk.retention_days).
    ``today`` is for tests only (the CLI offers no way to move it): the office's today by default."""
    require(actor, "petition.purge")
    today = today or clock.office_today()
    cutoff = today - dt.timedelta(days=retention_days())
    with store.transaction_for(engine) as conn:
        ids = store.closed_before(conn, cutoff)
        for pid in ids:
            store.erase_petition_personal(conn, pid)
            audit.record(
                conn,
                actor,
                "petition.erase",
                "petition",
                pid,
                petition_id=pid,
                data={"retention_days": retention_days(), "cutoff": cutoff.isoformat()},
            )
    # Fold the WAL back so no copy of the erased pages remains in the -wal file.
    store.checkpoint(engine)
    return ids


def stats(engine: Engine, actor: Actor) -> dict[str, Any]:
    """Counts only: what a viewer may see."""
    require(actor, "stats.read")
    today = clock.office_today()
    with engine.connect() as conn:
        out = {
            by: {str(r["key"]): r["n"] for r in store.petition_counts(conn, by)}
            for by in ("kind", "state", "sector", "agency_id")
        }
        rows = store.list_petitions(conn, all_agencies=True)
    out["overdue"] = sum(
        1
        for r in rows
        if r["due_on"] and r["due_on"] < today and r["state"] in ("received", "accepted", "extended")
    )
    out["total"] = len(rows)
    return out
