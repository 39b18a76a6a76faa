"""Public pages (no sign-in): a citizen follows a petition with its receipt code, and an Open311 GeoReport v2
endpoint lets civic-reporting apps file kiến nghị/phản ánh and read their status.

Privacy wins over the standard: there is no way to list requests, a request is known only by its receipt
code, and what comes back is a status and dates — never a name, a description, an address or a staff member.
Every lookup (right or wrong) counts against the client's rate limit, and a wrong code gets the same page,
status code and size as a right one.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections import deque
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from tinhhinh import clock, config
from tinhhinh.console import UserError
from tinhhinh.desk import receipts
from tinhhinh.desk.people import sectors
from tinhhinh.web.app import lang_of, render, web
from tinhhinh.web.security import access_log

router = APIRouter(tags=["public"])
PAGE_BYTES = 8192  # every status page is padded to this size, so its length says nothing about the code
NOT_FOUND = "not found or not yet available"


# ------------------------------------------------------------------ rate limits (per client, in memory)
class ClientLimiter:
    """At most ``limit`` requests per client address in a sliding ``window`` (seconds)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str) -> int:
        """Count one request; return 0 when allowed, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            q = self._hits.setdefault(client, deque())
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.limit:
                return int(q[0] + self.window - now) + 1
            q.append(now)
            if len(self._hits) > 100_000:  # bound memory under a spray of addresses
                self._hits.clear()
            return 0


def _limiters(request: Request) -> dict[str, ClientLimiter]:
    state = request.app.state
    if not hasattr(state, "public_limiters"):
        s = config.setting("public", {}) or {}
        state.public_limiters = {
            "lookup": ClientLimiter(int(s.get("lookups_per_minute", 10)), 60.0),
            "report": ClientLimiter(int(s.get("reports_per_hour", 5)), 3600.0),
        }
    return state.public_limiters


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


class _RedactReceipts(logging.Filter):
    """Access logs keep paths; an Open311 status path carries a receipt code, which is a secret."""

    PATTERN = re.compile(r"(/open311/v2/requests/)[^/\s]+")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                self.PATTERN.sub(r"\1***", a) if isinstance(a, str) else a for a in record.args
            )
        return True


if not any(isinstance(f, _RedactReceipts) for f in access_log.filters):
    access_log.addFilter(_RedactReceipts())


# ------------------------------------------------------------------ the citizen's page
def _t(lang: str):
    return lambda vi, en: vi if lang == "vi" else en


def _padded(response: HTMLResponse) -> HTMLResponse:
    body = bytes(response.body)
    pad = PAGE_BYTES - len(body)
    if pad >= 7:
        body += b"<!--" + b" " * (pad - 7) + b"-->"
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    return HTMLResponse(body, status_code=response.status_code, headers=headers)


def _status_page(request: Request, *, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    lang = lang_of(request)
    ctx.setdefault("status", None)
    ctx.setdefault("asked", False)
    ctx.setdefault("limited", False)
    return _padded(render(request, "public/status.html", status_code=status_code, t=_t(lang), **ctx))


@router.get("/tra-cuu", response_class=HTMLResponse, include_in_schema=False)
def status_form(request: Request) -> Response:
    return _status_page(request)


@router.post("/tra-cuu", response_class=HTMLResponse, include_in_schema=False)
async def status_lookup(request: Request) -> Response:
    # A read-only lookup: no CSRF token (nothing changes), but every attempt is counted per client.
    wait = _limiters(request)["lookup"].hit(_client(request))
    if wait:
        response = _status_page(request, status_code=429, asked=True, limited=True)
        response.headers["Retry-After"] = str(wait)
        return response
    form = await request.form()
    code = str(form.get("code") or "")
    # The lookup is blocking database work: off the event loop, like the sync endpoints.
    status = await run_in_threadpool(receipts.public_status, web(request).engine, code)
    return _status_page(request, asked=True, status=status)


# ------------------------------------------------------------------ Open311 GeoReport v2
OPEN311 = "/open311/v2"
PRIVACY_ATTRIBUTE = "privacy_notice_ack"


# GeoReport v2 XML: a list's element is named after its parent.
_ITEM = {"services": "service", "service_requests": "request", "errors": "error", "attributes": "attribute",
         "values": "value"}  # fmt: skip


def _xml_into(parent: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, v in value.items():
            _xml_into(ET.SubElement(parent, key), v)
    elif isinstance(value, list):
        for v in value:
            _xml_into(ET.SubElement(parent, _ITEM.get(parent.tag, "item")), v)
    elif isinstance(value, bool):
        parent.text = "true" if value else "false"
    elif value is not None:
        parent.text = str(value)


def _reply(
    fmt: str, data: Any, root: str, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """JSON, or GeoReport v2 XML (``root`` names the outer element: services, service_requests, errors...)."""
    if fmt != "xml":
        return JSONResponse(data, status_code=status_code, headers=headers)
    element = ET.Element(root)
    _xml_into(element, data)
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="utf-8")
    return Response(body, status_code=status_code, headers=headers, media_type="text/xml; charset=utf-8")


def _errors(
    code: int, description: str, headers: dict[str, str] | None = None, fmt: str = "json"
) -> Response:
    """GeoReport v2 errors: a list of {code, description}, with the same HTTP status."""
    return _reply(fmt, [{"code": code, "description": description}], "errors", code, headers)


def _fmt_of(request: Request) -> str:
    return "xml" if request.url.path.endswith(".xml") else "json"


def _format(name: str) -> tuple[str, str, str | None]:
    """Split "x.json" into ("x", "json", None); the third value is the error for a missing/unknown format."""
    stem, dot, fmt = name.rpartition(".")
    if not dot:
        return name, "json", "add the format to the resource: .json or .xml"
    fmt = fmt.lower()
    if fmt not in ("json", "xml"):
        return stem, "json", f"format .{fmt} is not supported here: use .json or .xml"
    return stem, fmt, None


def _service(code: str, sector: dict[str, Any]) -> dict[str, Any]:
    return {
        "service_code": code,
        "service_name": sector.get("vi", code),
        "description": f"Kiến nghị, phản ánh về lĩnh vực: {sector.get('vi', code)} ({sector.get('en', code)})",
        "metadata": False,
        "type": "realtime",
        "keywords": ", ".join(k for k in (code, sector.get("en", "")) if k),
        "group": "kien_nghi_phan_anh",
    }


def _iso_utc(value: dt.datetime | None) -> str | None:
    return value.replace(tzinfo=dt.UTC).isoformat() if value else None


def _end_of_day(day: dt.date | None) -> str | None:
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=clock.OFFICE_ZONE).isoformat()


@router.get(OPEN311 + "/services.xml", include_in_schema=False)
@router.get(OPEN311 + "/services.json", summary="Open311: the sectors a report can be about")
def services(request: Request) -> Response:
    return _reply(_fmt_of(request), [_service(code, s) for code, s in sectors().items()], "services")


@router.get(OPEN311 + "/services/{name}", summary="Open311: one service definition (attributes to send)")
def service_definition(name: str) -> Response:
    code, fmt, problem = _format(name)
    if problem:
        return _errors(400, problem)
    sector = sectors().get(code)
    if sector is None:
        return _errors(404, f"no service {code!r}: see {OPEN311}/services.json", fmt=fmt)
    return _reply(
        fmt,
        {
            "service_code": code,
            "attributes": [
                {
                    "variable": True,
                    "code": PRIVACY_ATTRIBUTE,
                    "datatype": "singlevaluelist",
                    "required": True,
                    "datatype_description": "true once the reporter has read the privacy notice",
                    "order": 1,
                    "description": "Tôi đã đọc thông báo xử lý dữ liệu cá nhân / I have read the privacy notice",
                    "values": [{"key": "true", "name": "Đồng ý / I agree"}],
                }
            ],
        },
        "service_definition",
    )


@router.get(OPEN311 + "/requests.xml", include_in_schema=False)
@router.get(OPEN311 + "/requests.json", summary="Open311: not offered (requests are never listed)")
def list_requests(request: Request) -> Response:
    return _errors(
        405,
        "requests are not listed here, to protect the people who file them: ask for one request by its "
        f"receipt code at {OPEN311}/requests/CODE.json",
        {"Allow": "POST"},
        _fmt_of(request),
    )


def _text(form: Any, key: str, limit: int = 2000) -> str:
    value = form.get(key)
    return str(value).strip()[:limit] if value is not None else ""


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9 .()-]{8,20}$")


_REQUEST_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["service_code", "description", f"attribute[{PRIVACY_ATTRIBUTE}]"],
                    "properties": {
                        **{
                            k: {"type": "string"}
                            for k in (
                                "api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string",
                                "address_id", "email", "device_id", "account_id", "first_name", "last_name",
                                "phone", "description", "media_url",
                            )
                        },
                        f"attribute[{PRIVACY_ATTRIBUTE}]": {"type": "string", "enum": ["true"]},
                    },
                }
            }
        },
    }
}  # fmt: skip


@router.post(OPEN311 + "/requests.xml", status_code=201, include_in_schema=False)
@router.post(
    OPEN311 + "/requests.json",
    status_code=201,
    summary="Open311: file a kiến nghị/phản ánh (GeoReport v2 fields, form-encoded)",
    openapi_extra=_REQUEST_FORM,
)
async def create_request(request: Request) -> Response:
    fmt = _fmt_of(request)
    if _limiters(request)["report"].hit(_client(request)):
        return _errors(429, "too many reports from this address: try again later", fmt=fmt)
    try:
        form = await request.form()
    except Exception:  # noqa: BLE001 - a body that is not a form is the client's error, not ours
        return _errors(400, "send the fields form-encoded (application/x-www-form-urlencoded)", fmt=fmt)
    keys = config.setting("public.open311_api_keys", []) or []
    if keys and _text(form, "api_key") not in keys:
        return _errors(403, "a valid api_key is needed", fmt=fmt)
    problems = []
    service_code = _text(form, "service_code", 64)
    if not service_code:
        problems.append("service_code is required")
    elif service_code not in sectors():
        problems.append(f"unknown service_code {service_code!r}: see {OPEN311}/services.json")
    if _text(form, f"attribute[{PRIVACY_ATTRIBUTE}]").lower() not in ("true", "1", "yes"):
        problems.append(
            f"attribute[{PRIVACY_ATTRIBUTE}]=true is required: the reporter must have read the privacy notice "
            "before any personal data is sent"
        )
    lat, long_ = _text(form, "lat", 32), _text(form, "long", 32)
    address_string, address_id = _text(form, "address_string", 500), _text(form, "address_id", 100)
    if lat or long_:
        try:
            if not (-90 <= float(lat) <= 90 and -180 <= float(long_) <= 180):
                raise ValueError
        except ValueError:
            problems.append("lat and long must both be decimal degrees")
    if not ((lat and long_) or address_string or address_id):
        problems.append("a location is required: lat and long, address_string or address_id")
    description = _text(form, "description", 4000)
    if not description:
        problems.append("description is required (what the report is about)")
    first, last = _text(form, "first_name", 100), _text(form, "last_name", 100)
    if not (first or last):
        problems.append("first_name or last_name is required (a petition names its sender)")
    email, phone = _text(form, "email", 200), _text(form, "phone", 40)
    if email and not EMAIL.match(email):
        problems.append("email is not an e-mail address")
    if phone and not PHONE.match(phone):
        problems.append("phone is not a phone number")
    if problems:
        return _reply(fmt, [{"code": 400, "description": p} for p in problems], "errors", 400)
    try:
        pid = await run_in_threadpool(
            receipts.public_intake,
            web(request).engine,
            sector=service_code,
            description=description,
            contact={
                "first_name": first,
                "last_name": last,
                "email": email,
                "phone": phone,
                "address": address_string,
            },  # fmt: skip
            location={
                "lat": lat,
                "long": long_,
                "address_id": address_id,
                "media_url": _text(form, "media_url", 2048),
            },  # fmt: skip
            privacy_notice_ack=True,
        )
    except UserError as exc:
        return _errors(400, str(exc), fmt=fmt)
    notice = (
        "Lưu mã này để tra cứu tình trạng xử lý; mã chỉ hiển thị một lần. "
        "Keep this code to follow your report; it is shown only once."
    )
    return _reply(
        fmt,
        [{"service_request_id": pid.receipt, "service_notice": notice, "account_id": None}],
        "service_requests",
        201,
    )


@router.get(OPEN311 + "/requests/{name}", summary="Open311: the status of one request, by its receipt code")
def get_request(request: Request, name: str) -> Response:
    wait = _limiters(request)["lookup"].hit(_client(request))
    if wait:
        return _errors(
            429,
            "too many lookups from this address: try again later",
            {"Retry-After": str(wait)},
            _fmt_of(request),
        )
    code, fmt, problem = _format(name)
    if problem:
        return _errors(400, problem)
    status = receipts.public_status(web(request).engine, code)
    if status is None:
        return _errors(404, NOT_FOUND, fmt=fmt)
    return _reply(
        fmt,
        [
            {
                "service_request_id": receipts.pretty(receipts.normalize(code)),
                "status": "open" if status.open else "closed",
                "requested_datetime": _iso_utc(status.requested_at),
                "updated_datetime": _iso_utc(status.updated_at),
                "expected_datetime": _end_of_day(status.expected_on),
            }
        ],
        "service_requests",
    )
