"""Cases: a matter the office follows up (opened by hand or from a story, an item or a confirmed harm flag)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Engine

from tinhhinh import config
from tinhhinh.desk import audit
from tinhhinh.desk.access import Actor, require, scope
from tinhhinh.desk.errors import Invalid, InvalidTransition, NotFound, check_version
from tinhhinh.desk.people import check_sector, default_agency_for
from tinhhinh.store import desk as store

STATUSES = ("new", "assigned", "in_progress", "responded", "closed", "reopened", "transferred", "rejected")
TRANSITIONS: dict[str, set[str]] = {
    "new": {"assigned", "rejected"},
    "assigned": {"in_progress", "transferred", "rejected"},
    "in_progress": {"responded", "transferred"},
    "transferred": {"assigned", "in_progress", "rejected"},
    "responded": {"closed", "in_progress"},
    "closed": {"reopened"},
    "rejected": {"reopened"},
    "reopened": {"assigned", "in_progress", "transferred"},
}
# Moves that change which agency holds the case are the coordinator's (access: case.assign).
AGENCY_MOVES = {"assigned", "transferred"}
PRIORITIES = ("low", "normal", "high", "urgent")

# Attachments are stored in the database (one file to back up, erased with the row under secure_delete).
# Types are checked by their first bytes, not by the name the uploader gave.
ATTACHMENT_TYPES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
    "text/plain": (),
}
EXTENSIONS = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain",
}


def max_attachment_bytes() -> int:
    return int(config.setting("desk.attachments.max_bytes", 10 * 1024 * 1024))


def _view(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date | dt.datetime) else v) for k, v in row.items()}


def _load(conn, case_id: int) -> dict[str, Any]:
    row = store.get_case(conn, case_id)
    if not row:
        raise NotFound(f"no case #{case_id}")
    return row


def open_case(
    engine: Engine,
    actor: Actor,
    *,
    title: str,
    description: str = "",
    sector: str | None = None,
    priority: str = "normal",
    agency_id: int | None = None,
    due_date: dt.date | None = None,
    origin: str = "manual",
    origin_ref: str | None = None,
    links: list[dict[str, Any]] | None = None,
) -> int:
    require(actor, "case.create")
    if not title.strip():
        raise Invalid("a case needs a title")
    if priority not in PRIORITIES:
        raise Invalid(f"unknown priority {priority!r}: {', '.join(PRIORITIES)}")
    check_sector(sector)
    if actor.role == "officer":
        agency_id = actor.agency_id
    elif agency_id is None:
        agency_id = default_agency_for(engine, sector)
    with store.transaction_for(engine) as conn:
        case_id = store.insert_case(
            conn,
            title=title.strip(),
            description=description,
            sector=sector,
            priority=priority,
            agency_id=agency_id,
            due_date=due_date,
            status="assigned" if agency_id else "new",
            origin=origin,
            origin_ref=origin_ref,
            created_by=actor.id,
            version=1,
        )
        for link in links or []:
            store.insert_case_link(conn, case_id=case_id, **link)
        audit.record(
            conn,
            actor,
            "case.open",
            "case",
            case_id,
            data={
                "title": title,
                "sector": sector,
                "agency_id": agency_id,
                "origin": origin,
                "origin_ref": origin_ref,
            },
        )
    return case_id


def open_from_item(
    engine: Engine, actor: Actor, item_pk: int, *, harm_index: int | None = None, **fields: Any
) -> int:
    """A case about an item (or one of its confirmed harm flags). Copies title and link only: never author data.

    With ``harm_index`` the flag's rules apply (``tinhhinh.harm.flags.open_case``): only a person-confirmed
    scam or fact-check flag opens a case, one case per flag, and the case is recorded on the flag."""
    if harm_index is not None:
        from tinhhinh.harm import flags as harm_flags

        return harm_flags.open_case_for_entry(engine, actor, item_pk, harm_index, **fields)
    return _open_about_item(engine, actor, item_pk, None, **fields)


def open_harm_case(engine: Engine, actor: Actor, item_pk: int, harm_index: int, **fields: Any) -> int:
    """The case of one harm flag, for ``tinhhinh.harm.flags.open_case`` (which checked the flag's rules)."""
    return _open_about_item(engine, actor, item_pk, harm_index, **fields)


def _open_about_item(
    engine: Engine, actor: Actor, item_pk: int, harm_index: int | None, **fields: Any
) -> int:
    with engine.connect() as conn:
        item = store.item_public_fields(conn, item_pk)
    if not item:
        raise NotFound(f"no item #{item_pk}")
    origin = "item"
    origin_ref = str(item_pk)
    if harm_index is not None:
        origin, origin_ref = "harm", f"{item_pk}:{harm_index}"
    fields.setdefault("title", item["title"] or f"item #{item_pk}")
    link = {"kind": origin, "ref": origin_ref, "title": item["title"], "url": item["url"]}
    return open_case(engine, actor, origin=origin, origin_ref=origin_ref, links=[link], **fields)


def open_from_story(engine: Engine, actor: Actor, story_id: str, *, title: str, **fields: Any) -> int:
    link = {"kind": "story", "ref": story_id, "title": title, "url": None}
    return open_case(engine, actor, title=title, origin="story", origin_ref=story_id, links=[link], **fields)


LINK_KINDS = ("story", "item", "harm")


def link(
    engine: Engine, actor: Actor, case_id: int, kind: str, ref: str, *, title: str | None = None
) -> None:
    """Link a case to another story or item (title and URL only, never author data)."""
    if kind not in LINK_KINDS:
        raise Invalid(f"unknown link kind {kind!r}: {', '.join(LINK_KINDS)}")
    url = None
    if kind in ("item", "harm"):
        pk = ref.split(":", 1)[0]
        if not pk.isdigit():
            raise Invalid(f"an {kind} link names an item pk (harm: pk:index), not {ref!r}")
        with engine.connect() as conn:
            item = store.item_public_fields(conn, int(pk))
        if not item:
            raise NotFound(f"no item #{pk}")
        title, url = title or item["title"], item["url"]
    with store.transaction_for(engine) as conn:
        row = _load(conn, case_id)
        require(actor, "case.update", row)
        if any(lk["kind"] == kind and lk["ref"] == ref for lk in store.list_case_links(conn, case_id)):
            return
        store.insert_case_link(conn, case_id=case_id, kind=kind, ref=ref, title=title, url=url)
        audit.record(conn, actor, "case.link", "case", case_id, data={"kind": kind, "ref": ref})


def get_case(engine: Engine, actor: Actor, case_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        row = _load(conn, case_id)
        require(actor, "case.read", row)
        view = _view(row)
        view["links"] = store.list_case_links(conn, case_id)
        view["comments"] = [_view(c) for c in store.list_case_comments(conn, case_id)]
        view["attachments"] = [_view(a) for a in store.list_attachments(conn, case_id)]
    return view


def list_cases(engine: Engine, actor: Actor, status: str | None = None) -> list[dict[str, Any]]:
    # a mistyped status would list nothing, which reads as "no cases": say so instead
    if status and status not in STATUSES:
        raise Invalid(f"unknown case status {status!r}: use one of {', '.join(STATUSES)}")
    sc = scope(actor, "case.read")
    with engine.connect() as conn:
        return [_view(r) for r in store.list_cases(conn, status=status, **sc.as_kwargs())]


def transition(
    engine: Engine,
    actor: Actor,
    case_id: int,
    to: str,
    *,
    expected_version: int,
    reason: str | None = None,
    agency_id: int | None = None,
) -> dict[str, Any]:
    if to not in STATUSES:
        raise InvalidTransition(f"unknown case status {to!r}: {', '.join(STATUSES)}")
    with store.transaction_for(engine) as conn:
        row = _load(conn, case_id)
        require(actor, "case.transition", row)
        check_version("case", row, expected_version)
        if to not in TRANSITIONS[row["status"]]:
            allowed = ", ".join(sorted(TRANSITIONS[row["status"]])) or "none"
            raise InvalidTransition(
                f"case #{case_id} is {row['status']}: cannot go to {to} (allowed: {allowed})"
            )
        values: dict[str, Any] = {"status": to, "status_reason": reason}
        if to in AGENCY_MOVES:
            require(actor, "case.assign", row)
            target = agency_id if agency_id is not None else (row["agency_id"] if to == "assigned" else None)
            if target is None:
                raise InvalidTransition(f"{to} needs the agency that takes the case (--agency)")
            if to == "transferred" and target == row["agency_id"]:
                raise InvalidTransition("a transfer goes to another agency")
            if store.get_agency(conn, agency_id=target) is None:
                raise NotFound(f"no agency #{target}")
            values["agency_id"] = target
        if to in ("rejected", "reopened", "transferred") and not (reason and reason.strip()):
            raise InvalidTransition(f"{to} needs a reason")
        version = store.update_case(conn, case_id, expected_version, **values)
        audit.record(
            conn,
            actor,
            "case.transition",
            "case",
            case_id,
            data={
                "from": row["status"],
                "to": to,
                "reason": reason,
                "agency_id": values.get("agency_id", row["agency_id"]),
            },
        )
    return {"id": case_id, "status": to, "version": version}


def update_case(engine: Engine, actor: Actor, case_id: int, *, expected_version: int, **fields: Any) -> int:
    allowed = {"title", "description", "sector", "priority", "due_date"}
    bad = set(fields) - allowed
    if bad:
        raise Invalid(f"cannot set {', '.join(sorted(bad))} here (agency and status change by transition)")
    if "title" in fields:
        if fields["title"] is None or not str(fields["title"]).strip():
            raise Invalid("a case needs a title: it cannot be blank or null", field="title")
        fields["title"] = str(fields["title"]).strip()
    if "description" in fields and fields["description"] is None:
        fields["description"] = ""  # no description is an empty one (the column holds text, never null)
    if "sector" in fields:
        check_sector(fields["sector"])
    if "priority" in fields and fields["priority"] not in PRIORITIES:
        raise Invalid(f"unknown priority {fields['priority']!r}: use one of {', '.join(PRIORITIES)}")
    with store.transaction_for(engine) as conn:
        row = _load(conn, case_id)
        require(actor, "case.update", row)
        check_version("case", row, expected_version)
        # what really changes: an edit that changes nothing moves no version and writes no audit row
        fields = {k: v for k, v in fields.items() if row[k] != v}
        if not fields:
            return row["version"]
        version = store.update_case(conn, case_id, expected_version, **fields)
        audit.record(conn, actor, "case.update", "case", case_id, data={k: str(v) for k, v in fields.items()})
    return version


def comment(engine: Engine, actor: Actor, case_id: int, body: str) -> int:
    if not body.strip():
        raise Invalid("empty comment")
    with store.transaction_for(engine) as conn:
        row = _load(conn, case_id)
        require(actor, "case.comment", row)
        cid = store.insert_case_comment(conn, case_id=case_id, author_id=actor.id, at=store.now(), body=body)
        audit.record(conn, actor, "case.comment", "case", case_id, data={"comment_id": cid, "body": body})
    return cid


def sniff_type(filename: str, data: bytes) -> str:
    ext = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    content_type = EXTENSIONS.get(ext)
    if content_type is None:
        raise Invalid(f"{filename}: type not accepted (allowed: {', '.join(sorted(EXTENSIONS))})")
    magics = ATTACHMENT_TYPES[content_type]
    if magics and not any(data.startswith(m) for m in magics):
        raise Invalid(f"{filename}: content is not a {ext} file")
    if content_type == "text/plain":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid(f"{filename}: a .txt attachment must be UTF-8 text") from None
    return content_type


def attach(engine: Engine, actor: Actor, case_id: int, filename: str, data: bytes) -> int:
    limit = max_attachment_bytes()
    if len(data) > limit:
        raise Invalid(
            f"{filename}: {len(data)} bytes is over the {limit}-byte limit (setting desk.attachments.max_bytes)"
        )
    if not data:
        raise Invalid(f"{filename}: empty file")
    content_type = sniff_type(filename, data)
    safe_name = filename.replace("\\", "/").rsplit("/", 1)[-1][:255]
    sha = hashlib.sha256(data).hexdigest()
    with store.transaction_for(engine) as conn:
        row = _load(conn, case_id)
        require(actor, "case.attach", row)
        aid = store.insert_attachment(
            conn,
            case_id=case_id,
            filename=safe_name,
            content_type=content_type,
            size=len(data),
            sha256=sha,
            data=data,
            uploaded_by=actor.id,
            at=store.now(),
        )
        audit.record(
            conn,
            actor,
            "case.attach",
            "case",
            case_id,
            data={"attachment_id": aid, "filename": safe_name, "sha256": sha},
        )
    return aid


def get_attachment(engine: Engine, actor: Actor, attachment_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        att = store.get_attachment(conn, attachment_id)
        if not att:
            raise NotFound(f"no attachment #{attachment_id}")
        require(actor, "case.read", _load(conn, att["case_id"]))
    return att
