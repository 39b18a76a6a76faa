"""Security pieces of the web app: login rate limits, security headers, cookies, CSRF, safe access logs."""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
import time
import traceback
from collections import deque
from collections.abc import Awaitable, Callable

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

SESSION_COOKIE = "th_session"
PRE_CSRF_COOKIE = "th_csrf"  # double-submit token for forms shown before sign-in (login)
LANG_COOKIE = "lang"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

access_log = logging.getLogger("tinhhinh.web.access")


class SecurityHeaders(BaseHTTPMiddleware):
    """Headers on every response; HSTS only over HTTPS; pages are never cached (they carry desk data)."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # noqa: BLE001 - the one place a crash becomes a 500
            # Exception messages (SQL parameters, form values) can hold personal data: log the type and
            # the frames only, never the message.
            access_log.error(
                "%s %s crashed: %s\n%s", request.method, request.url.path, exc.__class__.__name__,
                "".join(traceback.format_tb(exc.__traceback__)),
            )  # fmt: skip
            response = PlainTextResponse("internal error (logged without its details)", status_code=500)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        # The path only: query strings may carry search words; paths carry ids, never names.
        access_log.info(
            "%s %s %d %.0fms",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response


def is_https(request: Request) -> bool:
    """True when the browser talks HTTPS to us (directly, or via a configured proxy's X-Forwarded-Proto)."""
    return request.url.scheme == "https"


def set_cookie(
    response: Response, request: Request, name: str, value: str, max_age: int | None = None
) -> None:
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="lax", secure=is_https(request), path="/"
    )


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


class LoginLimiter:
    """Failed sign-ins per account and per client address in a sliding window (in memory, per process)."""

    def __init__(self, per_user: int = 5, per_ip: int = 20, window: float = 900.0) -> None:
        self.per_user, self.per_ip, self.window = per_user, per_ip, window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def retry_after(self, username: str, ip: str) -> int:
        """Seconds to wait before another attempt (0 = may try now)."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key, limit in ((f"u:{username.lower()}", self.per_user), (f"ip:{ip}", self.per_ip)):
                q = self._recent(key, now)
                if len(q) >= limit:
                    waits.append(int(q[0] + self.window - now) + 1)
            return max(waits, default=0)

    def failed(self, username: str, ip: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in (f"u:{username.lower()}", f"ip:{ip}"):
                self._recent(key, now).append(now)
            if len(self._fails) > 100_000:  # bound memory under a spray of names
                self._fails.clear()

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._fails.pop(f"u:{username.lower()}", None)
