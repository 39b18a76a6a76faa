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
    unless_open_about: tuple[str, str] | None = None,
) -> int:
    """Open a case; with ``unless_open_about=(kind, ref)`` ("story"/"item"), when an open case about that
    story or item exists that this actor may read, its id instead (``CaseId.existing``), checked in the
    same transaction as the insert."""
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
        if unless_open_about is not None:
            existing = _open_cases_about(conn, actor, *unless_open_about)
            if existing:
                return CaseId(existing[0]["id"], existing=True)
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


def headline(title: str | None, text: str | None, words: int = 14) -> str:
    """What an item is called in a case: its title, else the first words of its text (posts and
    comments often have no title), on one line."""
    if title and title.strip():
        return " ".join(title.split())
    parts = (text or "").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def item_facts(item: dict[str, Any]) -> list[str]:
    """Where and when the item appeared, and its link: the lines a case about it starts with (Vietnamese,
    as the office reads its cases; never author data)."""
    from tinhhinh.timefmt import local_short

    when = item.get("published_at")
    lines = [
        f"Nguồn: {item.get('source') or '—'}" + (f" · {local_short(when)} (giờ Việt Nam)" if when else "")
    ]
    if item.get("url"):
        lines.append(f"Đường dẫn: {item['url']}")
    if not (item.get("title") or "").strip() and item.get("snippet"):
        lines.append(f"Nội dung: «{' '.join(str(item['snippet']).split())}…»")
    return lines


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
    label = headline(item["title"], item["snippet"]) or f"#{item_pk}"
    if not fields.get("title"):
        fields["title"] = label[:300]
    if not fields.get("description"):
        fields["description"] = "\n".join(item_facts(item))
    link = {"kind": origin, "ref": origin_ref, "title": label[:500], "url": item["url"]}
    # one open case per item: a second "open a case" (a double submit, a colleague) leads to it; a
    # flag's case has its own rule (one case per flag, harm.flags)
    about = ("item", str(item_pk)) if harm_index is None else None
    return open_case(
        engine, actor, origin=origin, origin_ref=origin_ref, links=[link], unless_open_about=about, **fields
    )


class CaseId(int):
    """A case id that says whether the case already existed (``open_from_story``/``open_from_item``
    lead to the open case about the same story or item instead of opening a second one)."""

    existing: bool = False

    def __new__(cls, value: int, *, existing: bool = False) -> CaseId:
        obj = super().__new__(cls, value)
        obj.existing = existing
        return obj


# Statuses in which a case is still being worked on (a closed or rejected one may be followed by a new one).
OPEN_STATUSES = ("new", "assigned", "in_progress", "responded", "reopened", "transferred")


def open_cases_about(engine: Engine, actor: Actor, kind: str, ref: str) -> list[dict[str, Any]]:
    """The open cases this actor may read that are about a story (``kind="story"``) or an item
    (``kind="item"``: linked to the item or to one of its harm flags), oldest first."""
    with engine.connect() as conn:
        return _open_cases_about(conn, actor, kind, ref)


def open_cases_for_items(engine: Engine, actor: Actor, pks: list[int]) -> dict[int, list[dict[str, Any]]]:
    """For a listing of items (search hits): the open cases about each, as ``open_cases_about`` finds them."""
    wanted = {str(pk) for pk in pks}
    sc = scope(actor, "case.read")
    with engine.connect() as conn:
        rows = store.open_case_links(conn, ("item", "harm"), OPEN_STATUSES, **sc.as_kwargs())
    out: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        ref = r["ref"].split(":", 1)[0]
        if ref in wanted and all(c["id"] != r["id"] for c in out.get(int(ref), [])):
            out.setdefault(int(ref), []).append({"id": r["id"], "title": r["title"], "status": r["status"]})
    return out


def _open_cases_about(conn, actor: Actor, kind: str, ref: str) -> list[dict[str, Any]]:  # noqa: ANN001
    sc = scope(actor, "case.read")
    rows = store.open_cases_linked(
        conn, kind, [ref], OPEN_STATUSES, ref_prefix=f"{ref}:" if kind == "item" else None, **sc.as_kwargs()
    )
    return [_view(r) for r in rows]


def open_from_story(engine: Engine, actor: Actor, story_id: str, *, title: str, **fields: Any) -> int:
    """A case about a story; when an open case about it exists (that this actor may read), that one."""
    link = {"kind": "story", "ref": story_id, "title": title, "url": None}
    return open_case(
        engine, actor, title=title, origin="story", origin_ref=story_id, links=[link],
        unless_open_about=("story", story_id), **fields,
    )  # fmt: skip


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
        view["history"] = _history(conn, case_id)
    return view


# What the case history shows of each audit entry: the workflow, never a comment's text (the comments
# are listed with the case) and nothing sealed.
_HISTORY_FIELDS = {
    "case.open": ("origin", "origin_ref", "agency_id"),
    "case.transition": ("from", "to", "reason", "agency_id"),
    "case.update": (),
    "case.link": ("kind", "ref"),
    "case.attach": ("filename",),
}


def _history(conn, case_id: int) -> list[dict[str, Any]]:  # noqa: ANN001
    """Each step of the case from the desk's audit chain: who, when (naive UTC ISO, as the case's own
    times), what, and the reason or response given."""
    import json

    out = []
    for row in store.audit_of(conn, "case", str(case_id), _HISTORY_FIELDS):
        data = json.loads(row["data"] or "{}")
        entry: dict[str, Any] = {
            "at": dt.datetime.fromisoformat(row["at"]).replace(microsecond=0).isoformat(),
            "by": row["actor"],
            "action": row["action"].removeprefix("case."),
        }
        entry.update({k: data.get(k) for k in _HISTORY_FIELDS[row["action"]]})
        if row["action"] == "case.update":
            entry["fields"] = sorted(data)
        out.append(entry)
    return out


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
