"""Server-rendered pages. Every change is a POST with the session's CSRF token; ids in paths, never names."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from tinhhinh import clock
from tinhhinh.desk import cases, people, petitions, receipts
from tinhhinh.desk.access import Actor, can
from tinhhinh.desk.errors import Forbidden, Invalid, InvalidTransition
from tinhhinh.item import copy_roots
from tinhhinh.nlp.normalize import fold
from tinhhinh.store import web_queries as wq
from tinhhinh.store.desk import NotFound, StaleWrite
from tinhhinh.store.search import MAX_HITS, Filters, typed_operators
from tinhhinh.store.search import search as run_search
from tinhhinh.web import flags as flag_queue
from tinhhinh.web import i18n, labels
from tinhhinh.web.app import (
    CsrfFailed,
    LoginRequired,
    checked_actor,
    lang_of,
    page_actor,
    redirect,
    refusal,
    render,
    set_flash,
    take_flash,
    web,
)
from tinhhinh.web.params import MAX_ID, Id, PageNo
from tinhhinh.web.security import LANG_COOKIE, PRE_CSRF_COOKIE, SESSION_COOKIE, same, set_cookie

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
# Refusals a form shows next to itself, with what was typed kept (anything else is an error page).
REFUSED = (Invalid, InvalidTransition, StaleWrite)


def _typed(form: Any) -> dict[str, str]:
    """What the user typed, to fill the form again after a refusal (never files, never the CSRF token)."""
    return {k: v for k, v in form.multi_items() if isinstance(v, str) and k != "csrf"}


# ------------------------------------------------------------------ small parsers
def _text(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _opt_int(form: Any, name: str) -> int | None:
    value = _text(form, name)
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise Invalid(f"{name}: not a number") from None
    if not 0 <= number <= MAX_ID:
        raise Invalid(f"{name}: out of range")
    return number


def _opt_date(form: Any, name: str) -> dt.date | None:
    value = _text(form, name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{name}: not a date (YYYY-MM-DD)") from None


def _version(form: Any) -> int:
    v = _opt_int(form, "version")
    if v is None:
        raise Invalid("the form has no record version: reload the page")
    return v


def _agencies(request: Request) -> list[dict[str, Any]]:
    return people.list_agencies(web(request).engine)


def _local_path(value: str | None) -> str:
    """Only same-site paths as redirect targets."""
    if not value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return "/"
    return value


# ------------------------------------------------------------------ sign in / out, language
def _login_page(request: Request, status_code: int = 200, **ctx: Any) -> Response:
    q = request.query_params
    ctx.setdefault("next", _local_path(q.get("next")) if q.get("next") else "")
    return render(
        request, "login.html", status_code=status_code,
        expired=q.get("expired") == "1", lost=q.get("lost") == "1", **ctx,
    )  # fmt: skip


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
async def login(request: Request) -> Response:
    w = web(request)
    form = await request.form()
    username = _text(form, "username")
    # the user name and the page to return to survive a refusal; the password never comes back
    keep = {
        "typed": {"username": username},
        "next": _local_path(_text(form, "next")) if _text(form, "next") else "",
    }
    if not same(str(form.get("csrf") or ""), request.cookies.get(PRE_CSRF_COOKIE)):
        return _login_page(
            request, status_code=403, error=i18n.N_("The form expired: please try again."), **keep
        )
    password = str(form.get("password") or "")
    ip = request.client.host if request.client else "?"
    wait = w.limiter.retry_after(username, ip)
    if wait:
        response = _login_page(
            request, status_code=429, error=i18n.N_("Too many failed attempts: wait and try again."), **keep
        )
        response.headers["Retry-After"] = str(wait)
        return response
    try:
        actor = people.sign_in(w.engine, username, password)
    except Forbidden:
        w.limiter.failed(username, ip)
        return _login_page(request, status_code=401, error=i18n.N_("Wrong user name or password."), **keep)
    w.limiter.succeeded(username)
    old = request.cookies.get(SESSION_COOKIE)
    if old:  # a new sign-in never reuses or keeps the previous session
        wq.delete_session(w.engine, old)
    wq.purge_sessions(w.engine)
    token, _csrf = wq.create_session(w.engine, actor.id, dt.timedelta(hours=w.settings.session_hours))
    response = redirect(keep["next"] or "/")
    set_cookie(response, request, SESSION_COOKIE, token, max_age=int(w.settings.session_hours * 3600))
    response.delete_cookie(PRE_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    wq.delete_session(web(request).engine, request.state.session_token)
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/lang")
async def set_lang(request: Request) -> Response:
    form = await request.form()
    # Signed in: the session token; before sign-in: the double-submit cookie.
    try:
        page_actor(request)
        expected = request.state.csrf
    except LoginRequired:
        expected = request.cookies.get(PRE_CSRF_COOKIE)
    if not same(str(form.get("csrf") or ""), expected):
        raise CsrfFailed()
    lang = i18n.pick(_text(form, "lang"))
    response = redirect(_local_path(_text(form, "next")))
    set_cookie(response, request, LANG_COOKIE, lang, max_age=365 * 86400)
    return response


# ------------------------------------------------------------------ my work
def _work_key(row: dict[str, Any], due_field: str, soon: int) -> tuple:
    due = row.get(due_field)
    day = dt.date.fromisoformat(due[:10]) if due else None
    today = clock.office_today()
    rank = 3 if day is None else (0 if day < today else 1 if day <= today + dt.timedelta(days=soon) else 2)
    return (rank, day or dt.date.max, row["id"])


@router.get("/", response_class=HTMLResponse)
def my_work(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    w = web(request)
    soon = w.settings.due_soon_days
    ctx: dict[str, Any] = {"cases": [], "petitions": [], "stats": None}
    if can(actor, "case.read"):
        rows = [r for r in cases.list_cases(w.engine, actor) if r["status"] in labels.OPEN_CASE]
        ctx["cases"] = sorted(rows, key=lambda r: _work_key(r, "due_date", soon))
    if can(actor, "petition.read"):
        rows = [r for r in petitions.list_petitions(w.engine, actor) if r["state"] in labels.OPEN_PETITION]
        ctx["petitions"] = sorted(rows, key=lambda r: _work_key(r, "due_on", soon))
    if can(actor, "stats.read"):
        ctx["stats"] = petitions.stats(w.engine, actor)
    ctx["agency_names"] = {a["id"]: a["name"] for a in _agencies(request)}
    return render(request, "my_work.html", **ctx)


# ------------------------------------------------------------------ cases
def _paged(rows: list[dict[str, Any]], page: int) -> dict[str, Any]:
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(page, pages)
    return {
        "rows": rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        "page": page,
        "pages": pages,
        "total": len(rows),
    }


@router.get("/cases", response_class=HTMLResponse)
def case_list(
    request: Request, status: str | None = None, page: PageNo = 1, actor: Actor = Depends(page_actor)
) -> Response:
    status = status if status in cases.STATUSES else None
    rows = cases.list_cases(web(request).engine, actor, status=status)
    rows.sort(key=lambda r: r["id"], reverse=True)  # newest first
    agency_names = {a["id"]: a["name"] for a in _agencies(request)}
    return render(request, "case_list.html", status=status, agency_names=agency_names, **_paged(rows, page))


@router.get("/cases/new", response_class=HTMLResponse)
def case_new(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    if not can(actor, "case.create"):
        raise Forbidden(f"{actor.username} may not open cases")
    return render(request, "case_new.html", agencies=_agencies(request), sectors=people.sectors())


def _refused_form(request: Request, exc: Exception, template: str, form: Any, **ctx: Any) -> Response:
    code, message = refusal(request, exc)
    return render(request, template, status_code=code, error=message, typed=_typed(form),
                  error_field=getattr(exc, "field", None), **ctx)  # fmt: skip


def _case_fields(form: Any, actor: Actor) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "description": _text(form, "description"),
        "sector": _text(form, "sector") or None,
        "priority": _text(form, "priority") or "normal",
        "due_date": _opt_date(form, "due_date"),
    }
    if can(actor, "case.assign"):
        fields["agency_id"] = _opt_int(form, "agency_id")
    return fields


@router.post("/cases")
async def case_create(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    try:
        case_id = cases.open_case(
            web(request).engine, actor, title=_text(form, "title"), **_case_fields(form, actor)
        )
    except REFUSED as exc:
        return _refused_form(
            request, exc, "case_new.html", form, agencies=_agencies(request), sectors=people.sectors()
        )
    return redirect(f"/cases/{case_id}")


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request, case_id: Id, existing: bool = False, actor: Actor = Depends(page_actor)
) -> Response:
    return _case_view(request, actor, case_id, existing=existing)


def _case_view(
    request: Request, actor: Actor, case_id: int, *, refused: Exception | None = None,
    form: Any = None, at: str | None = None, existing: bool = False,
) -> Response:  # fmt: skip
    """The case page; after a refusal, the form that failed (``at``) is shown again with what was typed and
    the message next to it, with the refusal's status (409 when someone else changed the case). ``existing``:
    the user asked to open a case that already was open about the same story or item."""
    w = web(request)
    extra: dict[str, Any] = {}
    if refused is not None:
        code, message = refusal(request, refused)
        extra = {"status_code": code, "error": message, "error_at": at, "typed": _typed(form)}
    case = cases.get_case(w.engine, actor, case_id)
    moves = sorted(cases.TRANSITIONS.get(case["status"], ()))
    may_assign = can(actor, "case.assign", case)
    moves = [m for m in moves if m not in cases.AGENCY_MOVES or may_assign]
    ids = {c["author_id"] for c in case["comments"]} | {a["uploaded_by"] for a in case["attachments"]}
    agencies = _agencies(request)
    return render(
        request,
        "case.html",
        case=case,
        moves=moves,
        agencies=agencies,
        agency_names={a["id"]: a["name"] for a in agencies},
        names=wq.usernames(w.engine, ids),
        sectors=people.sectors(),
        existing=existing,
        **extra,
    )


def _to_case(case_id: int) -> Response:
    """To the case just opened, or to the open case that already was about the same story or item
    (the page then says so)."""
    return redirect(f"/cases/{case_id}" + ("?existing=1" if getattr(case_id, "existing", False) else ""))


@router.post("/cases/{case_id}/edit")
async def case_edit(request: Request, case_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    fields = {
        "title": _text(form, "title"),
        "description": _text(form, "description"),
        "sector": _text(form, "sector") or None,
        "priority": _text(form, "priority") or "normal",
        "due_date": _opt_date(form, "due_date"),
    }
    try:
        if not fields["title"]:
            raise Invalid("a case needs a title")
        cases.update_case(web(request).engine, actor, case_id, expected_version=_version(form), **fields)
    except REFUSED as exc:
        return _case_view(request, actor, case_id, refused=exc, form=form, at="edit")
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/transition")
async def case_transition(request: Request, case_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    try:
        cases.transition(
            web(request).engine,
            actor,
            case_id,
            _text(form, "to"),
            expected_version=_version(form),
            reason=_text(form, "reason") or None,
            agency_id=_opt_int(form, "agency_id"),
        )
    except REFUSED as exc:
        return _case_view(request, actor, case_id, refused=exc, form=form, at="transition")
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/comment")
async def case_comment(request: Request, case_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    try:
        cases.comment(web(request).engine, actor, case_id, _text(form, "body"))
    except REFUSED as exc:
        return _case_view(request, actor, case_id, refused=exc, form=form, at="comment")
    return redirect(f"/cases/{case_id}#comments")


@router.post("/cases/{case_id}/attach")
async def case_attach(request: Request, case_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    upload = form.get("file")
    try:
        if upload is None or isinstance(upload, str) or not upload.filename:
            raise Invalid("choose a file to attach")
        limit = cases.max_attachment_bytes()
        data = await upload.read(limit + 1)
        cases.attach(web(request).engine, actor, case_id, upload.filename, data)
    except REFUSED as exc:
        return _case_view(request, actor, case_id, refused=exc, form=form, at="attach")
    return redirect(f"/cases/{case_id}#attachments")


@router.get("/attachments/{attachment_id}")
def attachment(request: Request, attachment_id: Id, actor: Actor = Depends(page_actor)) -> Response:
    att = cases.get_attachment(web(request).engine, actor, attachment_id)
    from urllib.parse import quote

    return Response(
        att["data"],
        media_type=att["content_type"],
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(att['filename'])}",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


# ------------------------------------------------------------------ petitions
@router.get("/petitions", response_class=HTMLResponse)
def petition_list(
    request: Request, state: str | None = None, page: PageNo = 1, actor: Actor = Depends(page_actor)
) -> Response:
    state = state if state in petitions.STATES else None
    rows = petitions.list_petitions(web(request).engine, actor, state=state)
    rows.sort(key=lambda r: r["id"], reverse=True)  # newest first
    agency_names = {a["id"]: a["name"] for a in _agencies(request)}
    return render(request, "petition_list.html", state=state, agency_names=agency_names, **_paged(rows, page))


def _petition_form(request: Request, status_code: int = 200, **ctx: Any) -> Response:
    return render(
        request, "petition_new.html", status_code=status_code, agencies=_agencies(request),
        sectors=people.sectors(), today=clock.office_today().isoformat(), kinds=petitions.KINDS, **ctx,
    )  # fmt: skip


@router.get("/petitions/new", response_class=HTMLResponse)
def petition_new(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    if not can(actor, "petition.create"):
        raise Forbidden(f"{actor.username} may not take in petitions")
    return _petition_form(request)


@router.post("/petitions")
async def petition_create(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    petitioner = {k: _text(form, k) for k in petitions.PERSONAL_FIELDS if _text(form, k)}
    try:
        petition_id = petitions.intake(
            web(request).engine,
            actor,
            kind=_text(form, "kind"),
            subject=_text(form, "subject"),
            received_on=_opt_date(form, "received_on") or clock.office_today(),
            petitioner=petitioner,
            content=_text(form, "content"),
            privacy_notice_given=form.get("privacy_notice_given") == "yes",
            sector=_text(form, "sector") or None,
            agency_id=_opt_int(form, "agency_id") if can(actor, "petition.assign") else None,
            remote=form.get("remote") == "yes",
            complex=form.get("complex") == "yes",
        )
    except REFUSED as exc:
        # the whole form again, with everything typed (the petitioner's details too: the browser does not
        # restore autocomplete="off" fields on Back) and the message at the field at fault
        code, message = refusal(request, exc)
        return _petition_form(
            request, status_code=code, error=message, typed=_typed(form),
            error_field=getattr(exc, "field", None),
        )  # fmt: skip
    receipt = getattr(petition_id, "receipt", None)
    if receipt:
        # Post/Redirect/Get: a reload or Back/Forward repeats the GET below, never the intake. The code is
        # shown once from a one-time session slot, never put in a URL or a log.
        set_flash(request, {"receipt": receipt, "petition_id": int(petition_id)})
        return redirect(f"/petitions/{int(petition_id)}/receipt")
    return redirect(f"/petitions/{petition_id}")


@router.get("/petitions/{petition_id}/receipt", response_class=HTMLResponse)
def petition_receipt_page(request: Request, petition_id: Id, actor: Actor = Depends(page_actor)) -> Response:
    """The receipt code just made, once; a reload says it was shown and offers a new one."""
    from tinhhinh.store import desk as desk_store

    with web(request).engine.connect() as conn:  # not petitions.show: this page reads no personal data
        row = desk_store.get_petition(conn, petition_id)
    if row is None or not can(actor, "petition.read", row):
        raise Forbidden(f"no petition #{petition_id}")  # 404: its existence does not leak
    flash = take_flash(request) or {}
    receipt = flash.get("receipt") if flash.get("petition_id") == petition_id else None
    return render(
        request, "petition_receipt.html", petition_id=petition_id, receipt=receipt,
        reissued=bool(flash.get("reissued")),
    )  # fmt: skip


def _petition_moves(p: dict[str, Any]) -> list[str]:
    """The next steps that can succeed for this petition: its state's moves, less an extension its kind
    does not have or has used up (desk/petitions.py ``transition``, deadlines' ``max_extensions``)."""
    if p["erased_at"]:
        return []
    moves = sorted(petitions.TRANSITIONS.get(p["state"], ()))
    no_extension = (
        p["kind"] == "kien_nghi_phan_anh"
        or (p["kind"] == "khieu_nai" and p["complex"])
        or (p["kind"] == "to_cao" and p["extensions"] >= 2)
    )
    return [m for m in moves if not (m == "extended" and no_extension)]


@router.get("/petitions/{petition_id}", response_class=HTMLResponse)
def petition_page(request: Request, petition_id: Id, actor: Actor = Depends(page_actor)) -> Response:
    return _petition_view(request, actor, petition_id)


def _petition_view(
    request: Request, actor: Actor, petition_id: int, *, refused: Exception | None = None,
    form: Any = None, at: str | None = None,
) -> Response:  # fmt: skip
    """The petition page; after a refusal, the failed form (``at``) again with what was typed."""
    w = web(request)
    extra: dict[str, Any] = {}
    if refused is not None:
        code, message = refusal(request, refused)
        extra = {"status_code": code, "error": message, "error_at": at, "typed": _typed(form)}
    p = petitions.show(w.engine, actor, petition_id)
    agencies = _agencies(request)
    ids = {n["author_id"] for n in p.get("notes", [])} | {p["resolver_id"]}
    return render(
        request,
        "petition.html",
        p=p,
        moves=_petition_moves(p),
        agencies=agencies,
        agency_names={a["id"]: a["name"] for a in agencies},
        resolvers=_resolver_choices(w.engine, actor, p),
        names=wq.usernames(w.engine, ids),
        needs_reason=petitions.NEEDS_REASON,
        today=clock.office_today().isoformat(),
        **extra,
    )


def _resolver_choices(engine, actor: Actor, p: dict) -> list:
    """Who the petition can be assigned to: coordinators, and officers of the petition's agency (an
    officer of another agency is refused). Nobody names themself resolver of a denunciation (that would
    let them read the denouncer's identity on their own), so the list leaves them out."""
    if not can(actor, "petition.assign", p):
        return []
    users = [
        u for u in wq.resolvers(engine) if u["role"] == "coordinator" or u["agency_id"] == p["agency_id"]
    ]
    if p["kind"] == "to_cao":
        users = [u for u in users if u["id"] != actor.id]
    return users


@router.post("/petitions/{petition_id}/transition")
async def petition_transition(
    request: Request, petition_id: Id, actor: Actor = Depends(checked_actor)
) -> Response:
    form = await request.form()
    try:
        petitions.transition(
            web(request).engine,
            actor,
            petition_id,
            _text(form, "to"),
            expected_version=_version(form),
            on=_opt_date(form, "on"),
            reason=_text(form, "reason") or None,
            merged_into=_opt_int(form, "merged_into"),
            very_complex=form.get("very_complex") == "yes",
        )
    except REFUSED as exc:
        return _petition_view(request, actor, petition_id, refused=exc, form=form, at="transition")
    return redirect(f"/petitions/{petition_id}")


@router.post("/petitions/{petition_id}/assign")
async def petition_assign(
    request: Request, petition_id: Id, actor: Actor = Depends(checked_actor)
) -> Response:
    form = await request.form()
    try:
        petitions.assign(
            web(request).engine,
            actor,
            petition_id,
            expected_version=_version(form),
            agency_id=_opt_int(form, "agency_id"),
            resolver_id=_opt_int(form, "resolver_id"),
        )
    except REFUSED as exc:
        return _petition_view(request, actor, petition_id, refused=exc, form=form, at="assign")
    return redirect(f"/petitions/{petition_id}")


@router.post("/petitions/{petition_id}/receipt")
async def petition_receipt(
    request: Request, petition_id: Id, actor: Actor = Depends(checked_actor)
) -> Response:
    """A new receipt code (the citizen lost theirs, or the petition came in by the API or a register):
    shown once on the page this redirects to (a reload there makes no new code), the old code stops
    working; audited."""
    code = receipts.reissue(web(request).engine, actor, petition_id)
    set_flash(request, {"receipt": code, "petition_id": petition_id, "reissued": True})
    return redirect(f"/petitions/{petition_id}/receipt")


@router.post("/petitions/{petition_id}/note")
async def petition_note(request: Request, petition_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    text = _text(form, "note")
    try:
        if not text:
            raise Invalid("empty note")
        petitions.add_note(web(request).engine, actor, petition_id, text)
    except REFUSED as exc:
        return _petition_view(request, actor, petition_id, refused=exc, form=form, at="note")
    return redirect(f"/petitions/{petition_id}#notes")


# ------------------------------------------------------------------ stories, search, flags
@router.get("/stories", response_class=HTMLResponse)
def story_list(
    request: Request,
    page: PageNo = 1,
    show_all: Annotated[bool, Query(alias="all")] = False,
    actor: Actor = Depends(page_actor),
) -> Response:
    """Stories of two or more articles by default: most stories are one article that nothing else
    reported, and 2,000 of them buried the few that several papers covered (``?all=1`` shows them)."""
    w = web(request)
    page = max(1, page)
    min_size = 1 if show_all else 2
    total = wq.count_stories(w.engine, min_size=min_size)
    hidden = 0 if show_all else wq.count_stories(w.engine) - total
    rows = wq.list_stories(w.engine, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, min_size=min_size)
    return render(
        request,
        "stories.html",
        rows=rows,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
        hidden=hidden,
        all=show_all,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, actor: Actor = Depends(page_actor)) -> Response:
    w = web(request)
    story = wq.get_story(w.engine, story_id)
    if story is None:
        raise NotFound(f"no story {story_id}")
    try:
        from tinhhinh.stories.hot import story_summary
    except ImportError:  # story detection not installed: show the stored summary, if any
        pass
    else:
        # Computed once per story size and cached with the story by the stories stage.
        story["summary"] = {
            "sentences": story_summary(w.engine, story["id"], story["size"], story["summary"])
        }
    burst = toxicity = None
    try:
        from tinhhinh.stories.hot import story_detail
    except ImportError:
        pass
    else:
        detail = story_detail(w.engine, story["id"])
        burst = detail.burst if detail is not None else None
        toxicity = detail.toxicity if detail is not None else None
    return render(
        request,
        "story.html",
        story=story,
        open_cases=cases.open_cases_about(w.engine, actor, "story", story["id"])
        if can(actor, "case.read")
        else [],
        groups=_with_copies(story["items"]),
        burst=burst,
        toxicity=toxicity,
        agencies=_agencies(request),
        sectors=people.sectors(),
    )


# Originals (with their copies folded under them) per page of search results.
SEARCH_PAGE = 20


def _with_copies_of(hits: list[Any]) -> list[tuple[Any, list[Any]]]:
    """Search hits, best first, each with the copies of it (``dup_of``, chains followed) found by the same
    search folded under it, as ``tinhhinh search`` prints "= copy" lines: a syndicated article is read
    once. A copy whose original is not among the hits stays a hit of its own."""
    root = copy_roots({h.pk: h.dup_of for h in hits})
    copies: dict[int, list[Any]] = {}
    for h in hits:
        if root[h.pk] != h.pk:
            copies.setdefault(root[h.pk], []).append(h)
    return [(h, copies.get(h.pk, [])) for h in hits if root[h.pk] == h.pk]


def _with_copies(rows: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each article with the copies of it (``dup_of``) listed among the story's items, so a syndicated
    article is one entry with "also in: …" instead of the same title 20 times."""
    root = copy_roots({r["pk"]: r.get("dup_of") for r in rows})
    copies: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if root[r["pk"]] != r["pk"]:
            copies.setdefault(root[r["pk"]], []).append(r)
    return [(r, copies.get(r["pk"], [])) for r in rows if root[r["pk"]] == r["pk"]]


@router.post("/stories/{story_id}/case")
async def story_case(request: Request, story_id: str, actor: Actor = Depends(checked_actor)) -> Response:
    w = web(request)
    story = wq.get_story(w.engine, story_id, item_limit=1)
    if story is None:
        raise NotFound(f"no story {story_id}")
    form = await request.form()
    title = _text(form, "title") or story["label"] or f"story {story['id']}"
    case_id = cases.open_from_story(w.engine, actor, story["id"], title=title, **_case_fields(form, actor))
    return _to_case(case_id)


@router.post("/items/{item_pk}/case")
async def item_case(request: Request, item_pk: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    fields = _case_fields(form, actor)
    if _text(form, "title"):
        fields["title"] = _text(form, "title")
    case_id = cases.open_from_item(web(request).engine, actor, item_pk, **fields)
    return _to_case(case_id)


def _search_choices(request: Request) -> dict[str, Any]:
    """The area and province lists of the search form, named in the page's language."""
    from tinhhinh.nlp.area import load_areas
    from tinhhinh.stories.places import gazetteer

    vi = lang_of(request) == "vi"
    areas = [(code, a.vi if vi else a.en) for code, a in load_areas().items()]
    provinces = sorted({p["name"] for p in gazetteer().by_code.values()}, key=fold)
    return {"areas": areas, "provinces": provinces}


@router.get("/search", response_class=HTMLResponse)
def search_form(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    return render(request, "search.html", hits=None, q="", **_search_choices(request))


@router.post("/search", response_class=HTMLResponse)
async def search_run(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    """POST so the words searched never sit in URLs, logs or browser history (the dashboard's search box
    posts here too)."""
    form = await request.form()
    q = _text(form, "q")
    choices = _search_choices(request)
    if not q:
        return render(request, "search.html", hits=None, q="", **choices)
    area = _text(form, "area") or None
    place = _text(form, "place") or None
    if area is not None and area not in dict(choices["areas"]):
        raise Invalid(f"area: unknown code {area!r}")
    if place is not None and place not in choices["provinces"]:
        raise Invalid(f"place: not a province on the current map: {place!r}")
    filters = Filters(area=area, place=place, source=_text(form, "source") or None)
    page = _opt_int(form, "page") or 1
    w = web(request)
    # every hit up to the command line's cap, so the total is true and copies fold under their original
    # however far apart they rank; a page shows SEARCH_PAGE originals with their copies
    hits = run_search(w.engine, q, filters=filters, limit=MAX_HITS, user=actor.username, via="web")
    groups = _with_copies_of(hits)
    pages = max(1, -(-len(groups) // SEARCH_PAGE))
    page = min(max(page, 1), pages)
    shown = groups[(page - 1) * SEARCH_PAGE : page * SEARCH_PAGE]
    case_of = (
        cases.open_cases_for_items(w.engine, actor, [h.pk for h, _c in shown])
        if can(actor, "case.read")
        else {}
    )
    operators, star = typed_operators(q)
    return render(
        request,
        "search.html",
        hits=hits,
        groups=[
            (h, copies, cases.headline(h.title, h.snippet), case_of.get(h.pk, [])) for h, copies in shown
        ],
        total=len(hits),
        folded=len(hits) - len(groups),
        capped=len(hits) >= MAX_HITS,
        max_hits=MAX_HITS,
        per_page=SEARCH_PAGE,
        page=page,
        pages=pages,
        q=q,
        area=area,
        place=place,
        source=filters.source,
        operators=", ".join(operators),
        star=star,
        **choices,
    )


@router.get("/flags", response_class=HTMLResponse)
def flag_page(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    w = web(request)
    pending = flag_queue.queue(w.engine, actor, "unconfirmed")
    # what may still open a case: a confirmed scam/fact-check flag without one (never a toxic flag)
    confirmed = [f for f in flag_queue.queue(w.engine, actor, "confirmed") if f["can_open_case"]]
    return render(request, "flags.html", pending=pending, confirmed=confirmed)


@router.post("/flags/{flag_id}")
async def flag_review(request: Request, flag_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    flag_queue.review(
        web(request).engine, actor, flag_id, _text(form, "decision"), _text(form, "note"),
        expected_version=_version(form),
    )  # fmt: skip
    return redirect("/flags")


@router.post("/flags/{flag_id}/case")
async def flag_case(request: Request, flag_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    fields = _case_fields(form, actor)
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    case_id = flag_queue.open_case(web(request).engine, actor, flag_id, **fields)
    return redirect(f"/cases/{case_id}")


# ------------------------------------------------------------------ admin
@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    rows = people.list_users(web(request).engine, actor)
    agencies = _agencies(request)
    return render(
        request,
        "users.html",
        rows=rows,
        agencies=agencies,
        agency_names={a["id"]: a["code"] for a in agencies},
    )


@router.post("/admin/users")
async def user_add(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    agency_code = None
    agency_id = _opt_int(form, "agency_id")
    if agency_id is not None:
        agency_code = next((a["code"] for a in _agencies(request) if a["id"] == agency_id), None)
    people.add_user(
        web(request).engine,
        actor,
        _text(form, "username"),
        _text(form, "role"),
        str(form.get("password") or ""),
        agency_code=agency_code,
        full_name=_text(form, "full_name"),
    )
    return redirect("/admin/users")


@router.post("/admin/users/{user_id}/active")
async def user_active(request: Request, user_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    w = web(request)
    form = await request.form()
    row = wq.user_by_id(w.engine, user_id)
    if row is None:
        raise NotFound(f"no user #{user_id}")
    active = _text(form, "active") == "yes"
    people.set_active(w.engine, actor, row["username"], active)
    if not active:
        wq.delete_user_sessions(w.engine, user_id)
    return redirect("/admin/users")


@router.get("/admin/agencies", response_class=HTMLResponse)
def agencies_page(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    if not can(actor, "agency.manage"):
        raise Forbidden(f"{actor.username} may not manage agencies")
    return render(request, "agencies.html", rows=_agencies(request), sectors=people.sectors())


@router.post("/admin/agencies")
async def agency_add(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    form = await request.form()
    sector_codes = [s for s in form.getlist("sectors") if isinstance(s, str) and s]
    people.add_agency(web(request).engine, actor, _text(form, "code"), _text(form, "name"), sector_codes)
    return redirect("/admin/agencies")


# ------------------------------------------------------------------ account: password, API tokens
@router.get("/account", response_class=HTMLResponse)
def account(request: Request, actor: Actor = Depends(page_actor)) -> Response:
    flash = take_flash(request) or {}
    return render(
        request, "account.html", tokens=wq.list_tokens(web(request).engine, actor.id),
        new_token=flash.get("api_token"),
    )  # fmt: skip


@router.post("/account/tokens", response_class=HTMLResponse)
async def token_create(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    w = web(request)
    form = await request.form()
    _id, clear = people.create_api_token(w.engine, actor, _text(form, "name") or "API")
    # Post/Redirect/Get: shown once on /account from the session's one-time slot (never in a URL); a
    # reload of that page makes no second token.
    set_flash(request, {"api_token": clear})
    return redirect("/account")


@router.post("/account/tokens/{token_id}/revoke")
async def token_revoke(request: Request, token_id: Id, actor: Actor = Depends(checked_actor)) -> Response:
    people.revoke_api_token(web(request).engine, actor, token_id)
    return redirect("/account")


@router.post("/account/password")
async def password_change(request: Request, actor: Actor = Depends(checked_actor)) -> Response:
    w = web(request)
    form = await request.form()
    try:
        people.authenticate(w.engine, actor.username, str(form.get("current") or ""))
    except Forbidden:
        raise Invalid("the current password is wrong") from None
    people.set_password(w.engine, actor, actor.username, str(form.get("new") or ""))
    return redirect("/account")
