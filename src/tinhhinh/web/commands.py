"""`tinhhinh serve`: the desk web app on uvicorn."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from tinhhinh.console import err


def serve_command(
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 behind a reverse proxy).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on; open http://HOST:PORT/ in a browser.")] = 8000,
    db: Annotated[
        str | None, typer.Option("--db", help="Database: a SQLite path or a PostgreSQL URL.")
    ] = None,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(help="Address of a reverse proxy whose X-Forwarded-Proto/For we believe (repeatable)."),
    ] = None,
) -> int:
    """Serve the response desk (pages and /api/v1) for the office.

    Vietnamese by default, English on the toggle. Sign in with an account made by `tinhhinh users add`.
    Behind a TLS proxy pass [bold]--trusted-proxy 127.0.0.1[/] so cookies get the Secure flag.
    """
    import uvicorn

    from tinhhinh.web.app import WebSettings, create_app

    settings = WebSettings.from_config()
    if trusted_proxy:
        settings.trusted_proxies = list(trusted_proxy)
    app = create_app(db=db, settings=settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    err.print(f"serving the desk on http://{host}:{port}/ (Ctrl+C to stop)")
    # Our own access log prints method, path and status only (query strings may hold search words);
    # uvicorn's proxy handling is off because the app applies it for the configured proxies only.
    uvicorn.run(app, host=host, port=port, access_log=False, proxy_headers=False, log_level="info")
    return 0
