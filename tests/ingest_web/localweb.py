"""A tiny threaded HTTP server on 127.0.0.1 for collection tests: routes are set per test.

A route is a function ``(request) -> Reply`` or a Reply. Every request is logged so tests can check
what was sent (User-Agent, If-None-Match, ...). Also runnable as a process for the kill tests:
``python tests/ingest_web/localweb.py DIR PORTFILE`` serves a site folder (see ``serve_folder``).
"""

from __future__ import annotations

import gzip
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # a client that hangs up (a timeout, a cancelled fetch: what several tests do on purpose) is not a
        # server error; http.server printed its traceback into the test run's output
        if isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError):
            return
        super().handle_error(request, client_address)


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float = 0.0  # seconds between 1-byte writes of the body
    content_type: str = "text/html; charset=utf-8"


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Callable[[Request], Reply] | Reply] = {}
        self.log: list[Request] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.log if r.path == path]

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else delayed ACKs add ~40 ms to every keep-alive response

            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                req = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                site.log.append(req)
                route = site.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    reply = Reply(b"not found", 404, content_type="text/plain")
                else:
                    reply = route(req) if callable(route) else route
                try:
                    if reply.delay:
                        time.sleep(reply.delay)
                    self.send_response(reply.status)
                    if reply.content_type:
                        self.send_header("Content-Type", reply.content_type)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.trickle:
                        for i in range(len(reply.body)):
                            self.wfile.write(reply.body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(reply.trickle)
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def gzipped(body: bytes) -> bytes:
    return gzip.compress(body)


def gzip_bomb(decompressed_bytes: int) -> bytes:
    """A small gzip stream that inflates to ``decompressed_bytes`` zeros."""
    return gzip.compress(b"\0" * decompressed_bytes, compresslevel=9)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_folder(folder: Path, port_file: Path) -> None:
    """Serve ``folder`` (files by path; ``*.rss``/``*.xml`` as XML) until killed; write the port."""
    site = Site()

    def route(req: Request) -> Reply:
        path = (folder / req.path.lstrip("/").split("?", 1)[0]).resolve()
        if not str(path).startswith(str(folder.resolve())) or not path.is_file():
            return Reply(b"not found", 404, content_type="text/plain")
        ctype = (
            "application/rss+xml; charset=utf-8"
            if path.suffix in (".rss", ".xml")
            else "text/html; charset=utf-8"
        )
        if path.name == "robots.txt":
            ctype = "text/plain"
        return Reply(path.read_bytes(), content_type=ctype)

    class AnyRoute(dict):
        def get(self, key, default=None):
            return route

    site.routes = AnyRoute()
    site.start()
    port_file.write_text(site.base)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    serve_folder(Path(sys.argv[1]), Path(sys.argv[2]))
