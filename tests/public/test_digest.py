"""Daily digests: per agency, overdue / due soon / new, no personal data; files, SMTP, CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading

import pytest
from sqlalchemy import text

from tinhhinh.desk import cases, digest, petitions
from tinhhinh.desk.errors import Forbidden


def _setup(desk):
    """Agency A: one overdue petition, one due soon, one new case; agency B: one new petition."""
    coord = desk.users["coord"]
    today = digest.today()
    overdue = desk.petition(kind="kien_nghi_phan_anh", received_on=today - dt.timedelta(days=40))
    # accepted 28 days ago: the 30-day term ends in 2 days (a weekend may move it 2 more, still "soon" for
    # tomorrow's digest with the default 3-day window)
    soon = desk.petition(kind="khieu_nai", received_on=today - dt.timedelta(days=30))
    petitions.transition(
        desk.engine, coord, soon, "accepted", expected_version=1, on=today - dt.timedelta(days=28)
    )
    case_id = cases.open_case(
        desk.engine, coord, title="Sạt lở bờ sông", sector="land", due_date=today + dt.timedelta(days=10)
    )
    b_new = desk.petition(kind="kien_nghi_phan_anh", sector="health")
    # All of it happened today, so tomorrow's digest lists it as new (audit times are MAC-covered: not faked).
    return {"overdue": overdue, "soon": soon, "case": case_id, "b_new": b_new, "today": today}


def test_build_per_agency(desk):
    s = _setup(desk)
    day = s["today"] + dt.timedelta(days=1)
    by = {d.agency_code: d for d in digest.build(desk.engine, desk.users["coord"], day)}
    a, b = by["SNNMT"], by["SYT"]
    assert [x.id for x in a.overdue] == [int(s["overdue"])]
    due_soon = {(x.what, x.id) for x in a.due_soon}
    assert ("petition", int(s["soon"])) in due_soon
    new_a = {(x.what, x.id) for x in a.new}
    assert {("petition", int(s["overdue"])), ("petition", int(s["soon"])), ("case", s["case"])} <= new_a
    assert {(x.what, x.id) for x in b.new} == {("petition", int(s["b_new"]))}
    assert not b.overdue
    # today's digest: nothing was given "yesterday"
    today = {d.agency_code: d for d in digest.build(desk.engine, desk.users["coord"], s["today"])}
    assert today["SNNMT"].new == [] and today["SYT"].new == []


def test_no_personal_data_and_files(desk, tmp_path):
    s = _setup(desk)
    petitions.add_note(desk.engine, desk.users["officer_a"], s["soon"], "Gọi ông Trần Văn Bình An")
    result = digest.run(desk.engine, out=tmp_path / "out", day=s["today"] + dt.timedelta(days=1))
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    day = (s["today"] + dt.timedelta(days=1)).isoformat()
    assert files == sorted(f"digest-{day}-{c}.{ext}" for c in ("SNNMT", "SYT") for ext in ("html", "txt"))
    everything = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()) + json.dumps(
        result, ensure_ascii=False
    )
    for secret in [*desk.personal.values(), desk.content, desk.subject, "Bình An", "Sạt lở bờ sông"]:
        assert secret not in everything
    for staff in ("coord", "officer_a", "Cán bộ"):
        assert staff not in everything
    txt = (tmp_path / "out" / f"digest-{day}-SNNMT.txt").read_text(encoding="utf-8")
    assert f"Đơn #{int(s['overdue'])}" in txt and "Quá hạn (1)" in txt
    assert "<script" not in (tmp_path / "out" / f"digest-{day}-SNNMT.html").read_text(encoding="utf-8")


def test_who_may_run(desk):
    with pytest.raises(Forbidden):
        digest.build(desk.engine, desk.users["officer_a"])
    with pytest.raises(Forbidden):
        digest.build(desk.engine, desk.users["admin"])


class _Smtp(threading.Thread):
    """A tiny SMTP sink on 127.0.0.1 (no TLS): enough to see what the digest sends."""

    def __init__(self):
        super().__init__(daemon=True)
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.messages: list[tuple[str, str]] = []

    def run(self):
        conn, _ = self.sock.accept()
        f = conn.makefile("rwb")

        def say(line):
            f.write(line.encode() + b"\r\n")
            f.flush()

        say("220 sink")
        rcpt = ""
        while True:
            line = f.readline().decode().strip()
            if not line:
                break
            cmd = line.split(" ")[0].upper()
            if cmd in ("EHLO", "HELO"):
                say("250 sink")
            elif cmd == "RCPT":
                rcpt = line
                say("250 ok")
            elif cmd == "DATA":
                say("354 go")
                data = []
                while (chunk := f.readline()) not in (b".\r\n", b""):
                    data.append(chunk.decode("utf-8", "replace"))
                self.messages.append((rcpt, "".join(data)))
                say("250 queued")
            elif cmd == "QUIT":
                say("221 bye")
                break
            else:
                say("250 ok")
        conn.close()


def test_send_by_smtp_once_per_day(desk):
    sink = _Smtp()
    sink.start()
    (desk.home / "settings.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {sink.port}\nfrom = "desk@example.vn"\nstarttls = false\n'
        '[digest.agency_email]\nSNNMT = "vanthu@snnmt.example.vn"\n'
    )
    s = _setup(desk)
    result = digest.run(desk.engine, do_send=True, day=s["today"])
    sink.join(5)
    assert result["sent"] == ["SNNMT"] and result["skipped"] == ["SYT"]  # SYT has no address
    [(rcpt, message)] = sink.messages
    assert "vanthu@snnmt.example.vn" in rcpt
    assert "desk@example.vn" in message
    for secret in desk.personal.values():
        assert secret not in message
    with desk.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM public_digests WHERE channel='smtp'")).scalar() == 1


def test_send_without_smtp_is_one_clear_error(desk):
    from tinhhinh.console import UserError

    with pytest.raises(UserError, match=r"\[smtp\]"):
        digest.run(desk.engine, do_send=True)


def test_cli_writes_files(desk, tmp_path):
    s = _setup(desk)
    path = desk.engine.url.database
    day = (s["today"] + dt.timedelta(days=1)).isoformat()
    proc = subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", "digest", "--db", path, "--out", str(tmp_path / "d"), "--date", day, "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["day"] == day
    assert (tmp_path / "d" / f"digest-{day}-SYT.txt").exists()
    bad = subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", "digest", "--db", path, "--date", "tomorrow", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_without_a_destination_previews_and_records_nothing(desk):
    # it used to stop with "say where the digests go"; an officer checking today's digest wants to read it
    s = _setup(desk)
    path = desk.engine.url.database
    day = (s["today"] + dt.timedelta(days=1)).isoformat()
    proc = subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", "digest", "--db", path, "--date", day],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Bản tin hằng ngày" in proc.stdout and "(SYT)" in proc.stdout and "Quá hạn (" in proc.stdout
    assert "nothing sent" in proc.stderr
    with desk.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM public_digests")).scalar() == 0


def test_daily_hook_runs_once_per_day_after_its_time(desk, tmp_path):
    (desk.home / "settings.toml").write_text(f'[digest]\nout_dir = "{tmp_path / "daily"}"\n')
    daily = digest.DailyDigest(desk.engine, "07:30", log=lambda m: None)
    tz = digest._tz()
    early = dt.datetime(2026, 11, 27, 7, 0, tzinfo=tz)
    assert daily.tick(early) is None and not (tmp_path / "daily").exists()
    first = daily.tick(early.replace(hour=8))
    assert first is not None and len(first["files"]) == 4
    assert daily.tick(early.replace(hour=9)) is None  # once a day
    again = digest.DailyDigest(desk.engine, "07:30", log=lambda m: None)  # a restarted watcher
    assert again.tick(early.replace(hour=10)) is None
    assert again.tick(early.replace(day=28, hour=8)) is not None
    with pytest.raises(Exception, match="HH:MM"):
        digest.DailyDigest(desk.engine, "7h30")


def test_watch_accepts_digest_at():
    from typer.testing import CliRunner

    from tinhhinh.cli import _register_subcommands, app

    _register_subcommands()
    result = CliRunner().invoke(app, ["watch", "--help"])
    assert "--digest-at" in result.output
