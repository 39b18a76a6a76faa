"""The web app: server-rendered pages for the office and a JSON API under /api/v1, one FastAPI application.

Every permission decision is ``tinhhinh.desk.access`` (through the desk domain functions, which call
``require``); this module only turns the domain's errors into HTTP answers. Records another agency holds
answer 404, not 403, so their existence does not leak.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from tinhhinh import clock, config
from tinhhinh.console import UserError
from tinhhinh.desk import people
from tinhhinh.desk.access import Actor, can
from tinhhinh.desk.errors import Forbidden, Invalid, InvalidTransition
from tinhhinh.store import desk as desk_store
from tinhhinh.store import web_queries as wq
from tinhhinh.store.desk import NotFound, StaleWrite
from tinhhinh.store.search import QueryError
from tinhhinh.web import errors, i18n, labels
from tinhhinh.web.security import (
    LANG_COOKIE,
    PRE_CSRF_COOKIE,
    SESSION_COOKIE,
    LoginLimiter,
    SecurityHeaders,
    same,
)

HERE = Path(__file__).parent
log = logging.getLogger("tinhhinh.web")


@dataclass
class WebSettings:
    trusted_proxies: list[str] = field(default_factory=list)  # addresses whose X-Forwarded-Proto we believe
    session_hours: float = 12.0
    idle_minutes: float = 120.0
    due_soon_days: int = 3
    login_per_user: int = 5
    login_per_ip: int = 20
    login_window_s: float = 900.0

    @classmethod
    def from_config(cls) -> WebSettings:
        s = config.setting("web", {}) or {}
        proxies = s.get("trusted_proxies", [])
        return cls(
            trusted_proxies=[proxies] if isinstance(proxies, str) else list(proxies),
            session_hours=float(s.get("session_hours", 12)),
            idle_minutes=float(s.get("idle_minutes", 120)),
            due_soon_days=int(s.get("due_soon_days", 3)),
            login_per_user=int(s.get("login_per_user", 5)),
            login_per_ip=int(s.get("login_per_ip", 20)),
        )


@dataclass
class Web:
    engine: Engine
    settings: WebSettings
    env: Environment
    limiter: LoginLimiter


class LoginRequired(Exception):
    """No live session. ``expired``: the browser sent a session cookie the server no longer accepts (idle
    or past its lifetime), so the page can say so instead of a bare sign-in form."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__()
        self.expired = expired


class CsrfFailed(Exception):
    pass


def web(request: Request) -> Web:
    return request.app.state.web


# ------------------------------------------------------------------ who is asking
def _actor_for_user_id(engine: Engine, user_id: int) -> Actor | None:
    row = wq.user_by_id(engine, user_id)
    if row is None:
        return None
    try:
        return people.actor_for(engine, row["username"])
    except Forbidden:
        return None


def page_actor(request: Request) -> Actor:
    """The signed-in user of a page request (from the server-side session), else a redirect to /login."""
    cached = getattr(request.state, "actor", None)
    if cached is not None:
        return cached
    w = web(request)
    token = request.cookies.get(SESSION_COOKIE)
    sess = wq.get_session(w.engine, token, dt.timedelta(minutes=w.settings.idle_minutes)) if token else None
    actor = _actor_for_user_id(w.engine, sess["user_id"]) if sess else None
    if actor is None:
        raise LoginRequired(expired=bool(token))
    request.state.actor = actor
    request.state.csrf = sess["csrf"]
    request.state.session_token = token
    return actor


async def checked_actor(request: Request) -> Actor:
    """page_actor + CSRF: the form's token (or X-CSRF-Token) must equal the session's, and the Origin ours."""
    actor = page_actor(request)
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        raise CsrfFailed()
    form = await request.form()
    sent = form.get("csrf") or request.headers.get("x-csrf-token")
    if not same(str(sent or ""), request.state.csrf):
        raise CsrfFailed()
    return actor


def api_actor(request: Request) -> Actor:
    """The user behind ``Authorization: Bearer <token>`` (revoked tokens stop at once)."""
    cached = getattr(request.state, "actor", None)
    if cached is not None:
        return cached
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise HTTPException(
            401, "an API token is needed: Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"}
        )
    w = web(request)
    user_id = wq.token_user(w.engine, value.strip())
    actor = _actor_for_user_id(w.engine, user_id) if user_id is not None else None
    if actor is None:
        raise HTTPException(401, "unknown or revoked API token", {"WWW-Authenticate": "Bearer"})
    request.state.actor = actor
    return actor


# ------------------------------------------------------------------ rendering
def lang_of(request: Request) -> str:
    return i18n.pick(request.cookies.get(LANG_COOKIE))


def due_state(value: Any, soon_days: int) -> str | None:
    if not value:
        return None
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    today = clock.office_today()
    if day < today:
        return "overdue"
    if day <= today + dt.timedelta(days=soon_days):
        return "soon"
    return None


def local_time(value: Any) -> str:
    """A stored (naive UTC) time as the office reads it: Vietnam time, minutes."""
    from tinhhinh.timefmt import local_short

    if not value:
        return "—"
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return local_short(value)


def render(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    w = web(request)
    lang = lang_of(request)
    tr = i18n.translations(lang)
    actor = getattr(request.state, "actor", None)
    csrf = getattr(request.state, "csrf", None)
    pre = None
    if actor is None:
        pre = request.cookies.get(PRE_CSRF_COOKIE) or _new_pre_token(request)
        csrf = pre
    html = w.env.get_template(template).render(
        request=request,
        _=tr.gettext,
        lang=lang,
        actor=actor,
        csrf=csrf,
        L=labels,
        can=can,
        due=lambda v: due_state(v, w.settings.due_soon_days),
        path=request.url.path,
        size=lambda n: errors.file_size(n, lang),
        **{"typed": {}, "error": None, "error_at": None, **ctx},
    )
    response = HTMLResponse(html, status_code=status_code)
    if pre and request.cookies.get(PRE_CSRF_COOKIE) != pre:
        from tinhhinh.web.security import set_cookie

        set_cookie(response, request, PRE_CSRF_COOKIE, pre)
    return response


def _new_pre_token(request: Request) -> str:
    from tinhhinh.web.security import new_token

    token = new_token()
    request.state.pre_csrf = token
    return token


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# ------------------------------------------------------------------ errors
def _hidden(request: Request) -> bool:
    """Whether a Forbidden on this request is about a record the actor may not even know exists."""
    actor = getattr(request.state, "actor", None)
    params = request.path_params
    if actor is None:
        return False
    w = web(request)
    with w.engine.connect() as conn:
        if "case_id" in params:
            row = desk_store.get_case(conn, int(params["case_id"]))
            return row is None or not can(actor, "case.read", row)
        if "petition_id" in params:
            row = desk_store.get_petition(conn, int(params["petition_id"]))
            return row is None or not can(actor, "petition.read", row)
        if "attachment_id" in params:
            return True
    return False


STATUS = {StaleWrite: 409, NotFound: 404, Invalid: 422, InvalidTransition: 422, QueryError: 422}
TITLES = {
    401: i18n.N_("Please sign in"),
    403: i18n.N_("Not allowed"),
    404: i18n.N_("Not found"),
    409: i18n.N_("Someone else changed this record"),
    422: i18n.N_("Please check the form"),
    429: i18n.N_("Too many attempts"),
    400: i18n.N_("Request not understood"),
}


def _status_for(request: Request, exc: Exception) -> int:
    if isinstance(exc, Forbidden):
        return 404 if _hidden(request) else 403
    for cls, code in STATUS.items():
        if isinstance(exc, cls):
            return code
    return 400


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def page_error(request: Request, exc: Exception, code: int | None = None) -> str:
    """The refusal as a page shows it: one line from the catalog in the page's language (web/errors.py)."""
    code = code or _status_for(request, exc)
    if code == 404 and isinstance(exc, Forbidden):
        return i18n.translations(lang_of(request)).gettext(errors.FALLBACK[404])
    return errors.page_message(str(exc), code, i18n.translations(lang_of(request)).gettext, lang_of(request))


def refusal(request: Request, exc: Exception) -> tuple[int, str]:
    """(status, page message) for a refusal a form shows next to itself."""
    code = _status_for(request, exc)
    return code, page_error(request, exc, code)


_RECORD = re.compile(r"^/(cases|petitions|stories)/([^/]+)")


def back_link(request: Request, code: int) -> str | None:
    """Where an error page sends the user back to: the record or page the failed form was on."""
    m = _RECORD.match(request.url.path)
    if m and not (code == 404 and m.group(1) != "stories"):
        return f"/{m.group(1)}/{m.group(2)}"
    for prefix in (
        "/flags",
        "/admin/users",
        "/admin/agencies",
        "/account",
        "/cases",
        "/petitions",
        "/search",
    ):
        if request.url.path.startswith(prefix) and request.method == "POST":
            return (
                "/cases/new" if prefix == "/cases" else "/petitions/new" if prefix == "/petitions" else prefix
            )
    return None


def error_page(request: Request, code: int, message: str) -> HTMLResponse:
    return render(
        request, "error.html", status_code=code, code=code, title=TITLES.get(code), message=message,
        back=back_link(request, code),
    )  # fmt: skip


async def on_user_error(request: Request, exc: Exception) -> Response:
    code = _status_for(request, exc)
    if _is_api(request):
        # 404 for hidden records says nothing about them (not even the domain's message).
        message = "not found" if code == 404 and isinstance(exc, Forbidden) else str(exc)
        return JSONResponse({"error": message, "status": code}, status_code=code)
    return error_page(request, code, page_error(request, exc, code))


async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _is_api(request):
        return JSONResponse(
            {"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code, headers=exc.headers
        )
    gettext = i18n.translations(lang_of(request)).gettext
    return error_page(
        request,
        exc.status_code,
        gettext(errors.FALLBACK.get(exc.status_code, TITLES.get(exc.status_code) or errors.FALLBACK[400])),
    )


def validation_message(exc: RequestValidationError) -> str:
    """Which fields are wrong and why, never the values sent (they can be personal data)."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


async def on_validation(request: Request, exc: RequestValidationError) -> Response:
    """422 in the documented shape, instead of FastAPI's ``{"detail": [...]}`` that echoes the input."""
    message = validation_message(exc)
    if _is_api(request):
        return JSONResponse({"error": message, "status": 422}, status_code=422)
    if request.url.path.startswith("/open311/"):
        return JSONResponse([{"code": 422, "description": message}], status_code=422)
    # a page names no field codes (query.page): the address or the form is not as expected
    gettext = i18n.translations(lang_of(request)).gettext
    return error_page(
        request, 422, gettext(i18n.N_("The address or the form is not valid: go back and try again."))
    )


async def on_integrity(request: Request, exc: Exception) -> Response:
    """A reference to a missing record (or a duplicate) the domain did not catch: 422, never a 500 whose
    traceback would print the SQL parameters (they can hold personal data)."""
    log.warning("integrity error on %s %s", request.method, request.url.path)
    message = "the request refers to a record that does not exist, or repeats one that does"
    if _is_api(request):
        return JSONResponse({"error": message, "status": 422}, status_code=422)
    gettext = i18n.translations(lang_of(request)).gettext
    return error_page(
        request,
        422,
        gettext(i18n.N_("The request refers to a record that does not exist, or repeats one that does.")),
    )


def login_url(request: Request, expired: bool) -> str:
    """/login with where to come back to: the page itself for a GET; for a POST (whose address is an
    action, not a page) the page the form was on, from a same-site Referer."""
    from urllib.parse import urlencode, urlsplit

    if request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    else:
        ref = urlsplit(request.headers.get("referer") or "")
        same_site = f"{ref.scheme}://{ref.netloc}".rstrip("/") == str(request.base_url).rstrip("/")
        target = (ref.path + (f"?{ref.query}" if ref.query else "")) if same_site and ref.path else "/"
    params: dict[str, str] = {}
    if target not in ("/", "/login"):
        params["next"] = target
    if expired:
        params["expired"] = "1"
        if request.method == "POST" and request.url.path != "/logout":
            params["lost"] = "1"  # what was sent is not saved: the page says so
    return "/login" + (f"?{urlencode(params)}" if params else "")


async def on_login_required(request: Request, exc: LoginRequired) -> Response:
    url = login_url(request, exc.expired)
    if request.headers.get("hx-request"):
        # htmx swaps the answer into part of the page: a redirect would put the sign-in form inside the
        # results, or nothing at all. HX-Redirect makes htmx load the sign-in page as a whole page.
        return Response(status_code=401, headers={"HX-Redirect": url})
    return redirect(url)


async def on_csrf(request: Request, exc: CsrfFailed) -> Response:
    message = "the form's security token is missing or stale: reload the page and try again"
    if _is_api(request):
        return JSONResponse({"error": message, "status": 403}, status_code=403)
    gettext = i18n.translations(lang_of(request)).gettext
    return error_page(
        request,
        403,
        gettext(i18n.N_("The form's security token is missing or stale: reload the page and try again.")),
    )


# ------------------------------------------------------------------ one-time messages (flash)
def _flash_key(token: str) -> bytes:
    import hashlib

    return hashlib.sha256(b"tinhhinh-flash:" + token.encode()).digest()


def set_flash(request: Request, value: dict[str, Any]) -> None:
    """Keep ``value`` for the next page of this session only (a code shown once after a redirect). Sealed
    under a key made from the session cookie, which the database does not hold."""
    from tinhhinh.desk import crypto

    token = request.state.session_token
    wq.put_flash(web(request).engine, token, crypto.seal(_flash_key(token), value, "flash"))


def take_flash(request: Request) -> dict[str, Any] | None:
    """The session's flash, once: a reload of the page finds nothing."""
    from tinhhinh.desk import crypto

    token = getattr(request.state, "session_token", None)
    blob = wq.take_flash(web(request).engine, token) if token else None
    if blob is None:
        return None
    try:
        return crypto.open_sealed(_flash_key(token), blob, "flash")
    except Exception:  # noqa: BLE001 - a flash that does not open is no flash
        return None


def is_weblink(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


# ------------------------------------------------------------------ the app
def create_app(
    engine: Engine | None = None, *, db: str | None = None, settings: WebSettings | None = None
) -> FastAPI:
    from tinhhinh.store.db import engine_for
    from tinhhinh.web import api, dashboard, pages, public

    engine = engine or engine_for(db)
    settings = settings or WebSettings.from_config()
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = local_time
    # an item's or fact-check's address is rendered as a link only when it is http(s): a javascript: or
    # data: address from a dump (or an older database) stays text
    env.tests["weblink"] = is_weblink
    app = FastAPI(
        title="tinhhinh desk API",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        description="Cases, petitions, stories, search and flags for the office desk. "
        "Authenticate with `Authorization: Bearer <token>` (make a token on the Account page).",
    )
    app.state.web = Web(
        engine=engine,
        settings=settings,
        env=env,
        limiter=LoginLimiter(settings.login_per_user, settings.login_per_ip, settings.login_window_s),
    )
    app.add_exception_handler(UserError, on_user_error)
    app.add_exception_handler(QueryError, on_user_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(IntegrityError, on_integrity)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(LoginRequired, on_login_required)
    app.add_exception_handler(CsrfFailed, on_csrf)
    app.add_middleware(SecurityHeaders)
    if settings.trusted_proxies:
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(public.router)  # citizens: receipt lookup and Open311 (no sign-in)
    app.include_router(dashboard.router)  # the situation at a glance (aggregates only)
    app.include_router(pages.router)
    return app
