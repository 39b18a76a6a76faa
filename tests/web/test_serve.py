"""`tinhhinh serve` as a real process: it serves, and its log lines carry paths without query strings."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_process_logs_no_query_strings(tmp_path):
    port = _free_port()
    db = tmp_path / "serve.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tinhhinh.cli", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and "Đăng nhập" in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
        r = httpx.get(f"http://127.0.0.1:{port}/stories?page=2&name=Nguyen+Thi+Hoa+Mai", timeout=5)
        assert r.status_code == 303
        assert httpx.get(f"http://127.0.0.1:{port}/static/htmx.min.js", timeout=5).status_code == 200
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=15)
    assert "GET /stories 303" in stderr
    assert "Nguyen" not in stderr and "page=2" not in stderr
