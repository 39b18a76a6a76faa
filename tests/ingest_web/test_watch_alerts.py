"""The watcher reports saved-search alerts after each poll that stored new items (a real `tinhhinh watch`
process against a local news site)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from localweb import Reply
from vnsites import STORIES, article, rss

from tinhhinh.store.db import dispose_all, engine_for


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    exe = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text(
        '[collect]\ncontact = "alerts-test@example.vn"\n[collect.http]\nhost_delay = 0\nretries = 0\n',
        encoding="utf-8",
    )
    dispose_all()
    return {**os.environ, "TINHHINH_HOME": str(home), "COLUMNS": "200"}


@pytest.fixture
def news(site, tmp_path) -> Path:
    """A feed list naming a VnExpress-like RSS feed of three articles (one about a scam)."""
    site.routes["/rss/thoi-su.rss"] = Reply(rss(site.base).encode(), content_type="application/rss+xml")
    for s in STORIES:
        site.routes[f"/thoi-su/{s.slug}.html"] = Reply(article(s).encode())
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/rss/thoi-su.rss") + "\n", encoding="utf-8")
    return feeds


def _follow_scams(db: str, env: dict) -> None:
    engine_for(db)  # an empty database, as `tinhhinh alerts add` needs one
    dispose_all()
    assert _cli("alerts", "add", "lua-dao", "--query", "lừa đảo", "--db", db, env=env).returncode == 0
    # checked once before the watcher starts: from now on everything stored counts as new, whatever its date
    first = _cli("alerts", "check", "--db", db, env=env)
    assert first.returncode == 0 and first.stdout == "", first.stderr


def test_watch_reports_alerts_after_a_poll_that_stored_items(tmp_path, env, news):
    db = str(tmp_path / "w.db")
    _follow_scams(db, env)
    out = tmp_path / "alerts.jsonl"
    watch = _cli("watch", "--feeds", str(news), "--once", "--db", db, "--alerts-to-file", str(out), env=env)
    assert watch.returncode == 0, watch.stderr[-3000:]
    (line,) = [x for x in watch.stderr.splitlines() if x.startswith("[lua-dao]")]
    assert line.startswith("[lua-dao] new story: Cảnh báo lừa đảo giả danh nhân viên điện lực")
    (row,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert row["search"] == "lua-dao" and row["kind"] == "new"
    # reported once: neither the next check nor a poll that stores nothing repeats it
    assert _cli("alerts", "check", "--db", db, env=env).stdout == ""
    again = _cli("watch", "--feeds", str(news), "--once", "--db", db, "--alerts-to-file", str(out), env=env)
    assert again.returncode == 0 and "[lua-dao]" not in again.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_watch_keeps_collecting_when_alerts_cannot_be_mailed(tmp_path, env, news):
    db = str(tmp_path / "w.db")
    _follow_scams(db, env)
    with socket.socket() as s:  # a port nobody listens on: the mail server is down
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    home = Path(env["TINHHINH_HOME"])
    with (home / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write(f'[smtp]\nhost = "127.0.0.1"\nport = {closed}\nstarttls = false\n')
    watch = _cli(
        "watch", "--feeds", str(news), "--once", "--db", db, "--alerts-email", "a@example.vn", env=env
    )
    assert watch.returncode == 0, watch.stderr[-3000:]
    assert "alerts not delivered" in watch.stderr and "cannot mail the alerts" in watch.stderr
    # not marked as reported: the next check still has it
    later = _cli("alerts", "check", "--db", db, env=env)
    assert later.stdout.startswith("[lua-dao] new story: Cảnh báo lừa đảo"), later.stderr


def test_watch_rejects_an_alert_file_in_a_missing_folder(tmp_path, env, news):
    db = str(tmp_path / "w.db")
    bad = str(tmp_path / "nowhere" / "alerts.jsonl")
    watch = _cli("watch", "--feeds", str(news), "--once", "--db", db, "--alerts-to-file", bad, env=env)
    assert watch.returncode == 1 and "--alerts-to-file" in watch.stderr and "does not exist" in watch.stderr


def test_failing_source_and_its_recovery_are_delivered_once_each(tmp_path, env, site):
    """A source reaching `failure_alert` failures in a row goes to the alert file (not only stderr), once;
    its recovery too. No saved search is needed."""
    from tinhhinh.store import sources as source_store

    home = Path(env["TINHHINH_HOME"])
    text = (home / "settings.toml").read_text(encoding="utf-8")
    (home / "settings.toml").write_text(
        text.replace("[collect]\n", "[collect]\nfailure_alert = 2\n"), "utf-8"
    )
    site.routes["/rss/500.rss"] = Reply(b"oops", 500)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/rss/500.rss") + "\n", encoding="utf-8")
    db = str(tmp_path / "b.db")
    out = tmp_path / "alerts.jsonl"

    def poll() -> list[dict]:
        engine = engine_for(db)
        with engine.begin() as conn:  # no backoff wait between the runs
            conn.execute(source_store.sources.update().values(next_attempt_at=None))
        dispose_all()
        run = _cli(
            "watch", "--feeds", str(feeds), "--once", "--db", db, "--alerts-to-file", str(out), env=env
        )
        assert run.returncode in (0, 2), run.stderr[-3000:]
        return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []

    assert poll() == []  # 1 failure: below the threshold
    (failing,) = poll()  # 2 in a row: delivered
    assert failing["kind"] == "source failing" and failing["url"] == site.url("/rss/500.rss")
    assert failing["failures"] == 2 and "HTTP 500" in failing["last_error"]
    assert len(poll()) == 1  # 3 in a row: still failing, not delivered again
    site.routes["/rss/500.rss"] = Reply(rss(site.base).encode(), content_type="application/rss+xml")
    for s in STORIES:
        site.routes[f"/thoi-su/{s.slug}.html"] = Reply(article(s).encode())
    rows = poll()
    assert [r["kind"] for r in rows] == ["source failing", "source recovered"]
    assert len(poll()) == 2  # working on: nothing more
