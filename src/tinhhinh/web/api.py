"""JSON API under /api/v1: the same domain calls (and so the same desk.access checks) as the pages.

Authentication: ``Authorization: Bearer <token>`` (tokens are made on the Account page, hashed at rest,
revocable). Lists are paginated (``page``, ``per_page`` ≤ 200). Writes to cases and petitions carry the
``version`` the client read; a stale version answers 409.

Times leave here as Vietnam time with its offset (``2026-11-28T09:42:14+07:00``), as the flags and search
answers always did: the store keeps naive UTC, and an integrator reading a bare time would be 7 h off.
Dates (a case's due date, a petition's received_on) stay dates.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from tinhhinh.desk import cases, people, petitions
from tinhhinh.desk.access import Actor
from tinhhinh.desk.errors import Invalid
from tinhhinh.store import web_queries as wq
from tinhhinh.store.desk import NotFound
from tinhhinh.store.search import Filters
from tinhhinh.store.search import search as run_search
from tinhhinh.timefmt import local_iso
from tinhhinh.web import flags as flag_queue
from tinhhinh.web.app import api_actor, web
from tinhhinh.web.params import BodyId, Id, Version

router = APIRouter(prefix="/api/v1", tags=["desk"])
MAX_PER_PAGE = 200


def _page(rows: list[Any], page: int, per_page: int) -> dict[str, Any]:
    start = (page - 1) * per_page
    return {
        "items": _times(rows[start : start + per_page]), "page": page, "per_page": per_page,
        "total": len(rows),
    }  # fmt: skip


_NAIVE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
_TIME_KEYS = {"at", "first_seen", "last_seen"}


def _times(value: Any, key: str = "") -> Any:
    """Every stored time in an answer as Vietnam time with its offset; field names unchanged. A time
    is a datetime, or the domain's ISO text of one under a time field (``*_at``, ``at``, ``first_seen``,
    ``last_seen``); dates and aware times are left as they are."""
    if isinstance(value, dict):
        return {k: _times(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_times(v, key) for v in value]
    if isinstance(value, dt.datetime):
        return local_iso(value)
    if isinstance(value, str) and (key in _TIME_KEYS or key.endswith("_at")) and _NAIVE_TIME.fullmatch(value):
        return local_iso(dt.datetime.fromisoformat(value))
    return value


Page = Query(1, ge=1, le=1_000_000)
PerPage = Query(50, ge=1, le=MAX_PER_PAGE)


# ------------------------------------------------------------------ models
class CaseIn(BaseModel):
    title: str = Field(..., max_length=500)
    description: str = ""
    sector: str | None = None
    priority: str = "normal"
    agency_id: BodyId | None = None
    due_date: dt.date | None = None


class CaseUpdate(BaseModel):
    version: Version
    title: str | None = Field(None, max_length=500)
    description: str | None = None
    sector: str | None = None
    priority: str | None = None
    due_date: dt.date | None = None


class CaseMove(BaseModel):
    to: str
    version: Version
    reason: str | None = None
    agency_id: BodyId | None = None


class CommentIn(BaseModel):
    body: str


class NoteIn(BaseModel):
    note: str


class Petitioner(BaseModel):
    name: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    id_number: str | None = None


class PetitionIn(BaseModel):
    kind: str
    subject: str = Field(..., max_length=500)
    received_on: dt.date
    petitioner: Petitioner
    content: str
    privacy_notice_given: bool
    sector: str | None = None
    agency_id: BodyId | None = None
    remote: bool = False
    complex: bool = False


class PetitionMove(BaseModel):
    to: str
    version: Version
    on: dt.date | None = None
    reason: str | None = None
    merged_into: BodyId | None = None
    very_complex: bool = False


class PetitionAssign(BaseModel):
    version: Version
    agency_id: BodyId | None = None
    resolver_id: BodyId | None = None


class SearchIn(BaseModel):
    q: str
    area: str | None = None
    source: str | None = None
    kind: str | None = None
    story: str | None = None
    since: dt.datetime | None = None
    limit: int = Field(20, ge=1, le=200)


class StoryCaseIn(BaseModel):
    title: str | None = None
    sector: str | None = None
    priority: str = "normal"
    agency_id: BodyId | None = None


class FlagDecision(BaseModel):
    decision: str = Field(..., pattern="^(confirm|dismiss)$")
    version: Version  # the flag's version the reviewer saw (409 when someone decided since)
    note: str | None = None


# ------------------------------------------------------------------ me
@router.get("/me", summary="Who the token belongs to")
def me(actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    return {"id": actor.id, "username": actor.username, "role": actor.role, "agency_id": actor.agency_id}


# ------------------------------------------------------------------ cases
@router.get("/cases", summary="Cases this user may see (paginated)")
def list_cases(
    request: Request, status: str | None = None, page: int = Page, per_page: int = PerPage,
    actor: Actor = Depends(api_actor),
) -> dict[str, Any]:  # fmt: skip
    return _page(cases.list_cases(web(request).engine, actor, status=status), page, per_page)


@router.post("/cases", status_code=201, summary="Open a case")
def create_case(request: Request, body: CaseIn, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    fields = body.model_dump()
    case_id = cases.open_case(web(request).engine, actor, **fields)
    return _times(cases.get_case(web(request).engine, actor, case_id))


@router.get("/cases/{case_id}", summary="One case with links, history, comments and attachment metadata")
def get_case(request: Request, case_id: Id, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    return _times(cases.get_case(web(request).engine, actor, case_id))


@router.patch("/cases/{case_id}", summary="Edit a case's fields (optimistic lock: send the version you read)")
def update_case(
    request: Request, case_id: Id, body: CaseUpdate, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    fields = body.model_dump(exclude_unset=True)
    version = fields.pop("version")
    new_version = cases.update_case(web(request).engine, actor, case_id, expected_version=version, **fields)
    return {"id": case_id, "version": new_version}


@router.post(
    "/cases/{case_id}/transition", summary="Move a case (assign, transfer, respond, close, reopen...)"
)
def move_case(
    request: Request, case_id: Id, body: CaseMove, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    return cases.transition(
        web(request).engine, actor, case_id, body.to, expected_version=body.version,
        reason=body.reason, agency_id=body.agency_id,
    )  # fmt: skip


@router.post("/cases/{case_id}/comments", status_code=201, summary="Comment on a case")
def comment_case(
    request: Request, case_id: Id, body: CommentIn, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    return {"id": cases.comment(web(request).engine, actor, case_id, body.body)}


@router.post(
    "/cases/{case_id}/attachments", status_code=201, summary="Attach a file (multipart field `file`)"
)
async def attach_case(
    request: Request, case_id: Id, file: UploadFile, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    data = await file.read(cases.max_attachment_bytes() + 1)
    return {"id": cases.attach(web(request).engine, actor, case_id, file.filename or "file", data)}


@router.get("/attachments/{attachment_id}", summary="Download an attachment", response_class=Response)
def get_attachment(request: Request, attachment_id: Id, actor: Actor = Depends(api_actor)) -> Response:
    att = cases.get_attachment(web(request).engine, actor, attachment_id)
    return Response(
        att["data"],
        media_type=att["content_type"],
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(att['filename'])}"},
    )


# ------------------------------------------------------------------ petitions
@router.get("/petitions", summary="Petitions this user may see, without personal data (paginated)")
def list_petitions(
    request: Request, kind: str | None = None, state: str | None = None, page: int = Page,
    per_page: int = PerPage, actor: Actor = Depends(api_actor),
) -> dict[str, Any]:  # fmt: skip
    return _page(petitions.list_petitions(web(request).engine, actor, kind=kind, state=state), page, per_page)


@router.post("/petitions", status_code=201, summary="Take in a petition (privacy_notice_given must be true)")
def create_petition(request: Request, body: PetitionIn, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    w = web(request)
    petition_id = petitions.intake(
        w.engine,
        actor,
        kind=body.kind,
        subject=body.subject,
        received_on=body.received_on,
        petitioner={k: v for k, v in body.petitioner.model_dump().items() if v},
        content=body.content,
        privacy_notice_given=body.privacy_notice_given,
        sector=body.sector,
        agency_id=body.agency_id,
        remote=body.remote,
        complex=body.complex,
    )
    # The citizen's receipt code, in this answer only (the database keeps its keyed hash)
    return {"id": petition_id, "receipt": getattr(petition_id, "receipt", None)}


@router.get(
    "/petitions/{petition_id}", summary="One petition; personal data only where access allows (audited)"
)
def get_petition(request: Request, petition_id: Id, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    return _times(petitions.show(web(request).engine, actor, petition_id))


@router.post(
    "/petitions/{petition_id}/transition", summary="Move a petition (accept, extend with reason, resolve...)"
)
def move_petition(
    request: Request, petition_id: Id, body: PetitionMove, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    return petitions.transition(
        web(request).engine, actor, petition_id, body.to, expected_version=body.version, on=body.on,
        reason=body.reason, merged_into=body.merged_into, very_complex=body.very_complex,
    )  # fmt: skip


@router.post("/petitions/{petition_id}/assign", summary="Assign a petition to an agency and/or a resolver")
def assign_petition(
    request: Request, petition_id: Id, body: PetitionAssign, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    version = petitions.assign(
        web(request).engine, actor, petition_id, expected_version=body.version,
        agency_id=body.agency_id, resolver_id=body.resolver_id,
    )  # fmt: skip
    return {"id": petition_id, "version": version}


@router.post("/petitions/{petition_id}/notes", status_code=201, summary="Add a note (stored sealed)")
def note_petition(
    request: Request, petition_id: Id, body: NoteIn, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    if not body.note.strip():
        raise Invalid("empty note")
    petitions.add_note(web(request).engine, actor, petition_id, body.note)
    return {"id": petition_id, "noted": True}


# ------------------------------------------------------------------ stories, search, flags
@router.get("/stories", summary="Live stories, most recently active first (paginated)")
def list_stories(
    request: Request, page: int = Page, per_page: int = PerPage, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    w = web(request)
    rows = wq.list_stories(w.engine, offset=(page - 1) * per_page, limit=per_page)
    return {"items": _times(rows), "page": page, "per_page": per_page, "total": wq.count_stories(w.engine)}


@router.get("/stories/{story_id}", summary="One story with its newest articles")
def get_story(request: Request, story_id: str, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    story = wq.get_story(web(request).engine, story_id)
    if story is None:
        raise NotFound(f"no story {story_id}")
    return _times(story)


def _opened(case_id: int, response: Response) -> dict[str, Any]:
    """201 with the new case's id; 200 with ``existing: true`` when an open case about the same story or
    item already was there (no second case is opened)."""
    if getattr(case_id, "existing", False):
        response.status_code = 200
        return {"id": int(case_id), "existing": True}
    return {"id": int(case_id)}


@router.post(
    "/stories/{story_id}/case", status_code=201,
    summary="Open a case on a story (200 with existing: true when an open case about it exists)",
)  # fmt: skip
def story_case(
    request: Request, story_id: str, body: StoryCaseIn, response: Response, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    w = web(request)
    story = wq.get_story(w.engine, story_id, item_limit=1)
    if story is None:
        raise NotFound(f"no story {story_id}")
    title = body.title or story["label"] or f"story {story['id']}"
    case_id = cases.open_from_story(
        w.engine, actor, story["id"], title=title, sector=body.sector, priority=body.priority,
        agency_id=body.agency_id,
    )  # fmt: skip
    return _opened(case_id, response)


@router.post("/search", summary="Search articles (words in the body, not the URL; every search is audited)")
def search(request: Request, body: SearchIn, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    filters = Filters(
        since=body.since.replace(tzinfo=None) if body.since else None, source=body.source, kind=body.kind,
        area=body.area, story=body.story,
    )  # fmt: skip
    hits = run_search(
        web(request).engine, body.q, filters=filters, limit=body.limit, user=actor.username, via="api"
    )
    return {"items": [{"pk": h.pk, **h.as_json()} for h in hits], "total": len(hits)}


@router.get("/flags", summary="Scam / fact-check flags by review status (paginated)")
def list_flags(
    request: Request, status: str = "unconfirmed", page: int = Page, per_page: int = PerPage,
    actor: Actor = Depends(api_actor),
) -> dict[str, Any]:  # fmt: skip
    return _page(flag_queue.queue(web(request).engine, actor, status, limit=10_000), page, per_page)


@router.post(
    "/flags/{flag_id}", summary="Confirm or dismiss one flag (send the version you read: 409 when stale)"
)
def review_flag(
    request: Request, flag_id: Id, body: FlagDecision, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    return flag_queue.review(
        web(request).engine, actor, flag_id, body.decision, body.note, expected_version=body.version
    )


@router.post(
    "/flags/{flag_id}/case", status_code=201, summary="Open a case from a confirmed scam / fact-check flag"
)
def flag_case(
    request: Request, flag_id: Id, body: StoryCaseIn, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    fields = {k: v for k, v in body.model_dump().items() if v is not None}
    return {"id": flag_queue.open_case(web(request).engine, actor, flag_id, **fields)}


@router.post(
    "/items/{item_pk}/case", status_code=201,
    summary="Open a case about an article (200 with existing: true when an open case about it exists)",
)  # fmt: skip
def item_case(
    request: Request, item_pk: Id, body: StoryCaseIn, response: Response, actor: Actor = Depends(api_actor)
) -> dict[str, Any]:
    fields = {k: v for k, v in body.model_dump().items() if v is not None}
    return _opened(cases.open_from_item(web(request).engine, actor, item_pk, **fields), response)


# ------------------------------------------------------------------ tokens
@router.get("/tokens", summary="This user's API tokens (never their values)")
def list_tokens(request: Request, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    return {"items": _times(wq.list_tokens(web(request).engine, actor.id))}


@router.delete("/tokens/{token_id}", summary="Revoke one of this user's tokens (effective at once)")
def revoke_token(request: Request, token_id: Id, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    people.revoke_api_token(web(request).engine, actor, token_id)
    return {"id": token_id, "revoked": True}


# ------------------------------------------------------------------ docs (no CDN: a plain page from the schema)
@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    routes = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            body = None
            content = (op.get("requestBody") or {}).get("content", {})
            if "application/json" in content:
                body = (
                    content["application/json"].get("schema", {}).get("$ref", "").rsplit("/", 1)[-1] or "JSON"
                )
            routes.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "params": [f"{p['name']} ({p['in']})" for p in op.get("parameters", [])],
                    "body": body,
                }
            )
    html = web(request).env.get_template("api_docs.html").render(
        title=spec["info"]["title"], version=spec["info"]["version"],
        description=spec["info"].get("description", ""), openapi=spec.get("openapi"), routes=routes,
    )  # fmt: skip
    return HTMLResponse(html)
