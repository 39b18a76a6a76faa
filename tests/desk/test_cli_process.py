"""The desk CLI: a few runs as real processes (stdout only output, one-line errors, exit codes); the
longer round trip in-process."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from tinhhinh.desk.commands import audit_app, petition_app, users_app


def _run(args, home, extra_env=None):
    env = {**os.environ, "TINHHINH_HOME": str(home), **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_real_process(tmp_path, _isolated_home):
    db = str(tmp_path / "office.db")
    r = _run(
        ["petition", "deadline", "--kind", "khieu_nai", "--event", "accepted=2027-01-15", "--json"],
        _isolated_home,
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["dates"][0]["due"] == "2027-02-15" and data["dates"][0]["rolled_forward_because"] == "Sunday"
    r = _run(["petition", "list", "--db", db], _isolated_home, {"TINHHINH_USER": "", "TINHHINH_PASSWORD": ""})
    assert r.returncode == 1 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "pass --user" in r.stderr


def test_cli_round_trip(desk, monkeypatch):
    db = str(desk.path)
    run = CliRunner().invoke

    def as_user(name, password=None):
        monkeypatch.setenv("TINHHINH_USER", name)
        monkeypatch.setenv("TINHHINH_PASSWORD", password or desk.PASSWORD)

    as_user("admin")
    monkeypatch.setenv("TINHHINH_NEW_PASSWORD", "short")
    r = run(users_app, ["add", "x", "--role", "viewer", "--db", db])
    assert r.exit_code == 1 and "too short" in r.output
    as_user("coord")
    intake = ["intake", "--kind", "to_cao", "--subject", "Sai phạm đất đai", "--received", "2026-10-15",
              "--name", "Phan Thị Quỳnh", "--phone", "0901234567", "--db", db]  # fmt: skip
    r = run(petition_app, intake)
    assert r.exit_code == 1 and "privacy notice" in r.output
    r = run(petition_app, [*intake, "--privacy-notice-given"])
    assert r.exit_code == 0, r.output
    pid = r.stdout.strip()
    r = run(petition_app, ["show", pid, "--db", db])
    shown = json.loads(r.stdout)
    # while received, initial handling is due (Luật Tố cáo Art. 24(1): 7 working days; worked example 5)
    assert (
        shown["due_on"] == "2026-10-26"
        and list(shown["petitioner"]) == ["pseudonym"]
        and "Quỳnh" not in r.stdout
    )
    r = run(petition_app, ["transition", pid, "accepted", "--version", "1", "--on", "2026-06-10", "--db", db])
    assert r.exit_code == 1 and "before the petition was received" in r.output
    r = run(petition_app, ["assign", pid, "--version", "1", "--resolver", "officer_a", "--db", db])
    assert r.exit_code == 1 and "another agency" in r.output  # no sector given, so no agency yet
    r = run(petition_app, ["transition", pid, "accepted", "--version", "1", "--on", "2026-10-20", "--db", db])
    assert json.loads(r.stdout)["due_on"] == "2026-11-19"
    r = run(petition_app, ["transition", pid, "accepted", "--version", "1", "--db", db])
    assert r.exit_code == 1 and "changed by someone else" in r.output
    # a new receipt code for the citizen: on stdout, audited, the old one stops working
    from tinhhinh.desk import receipts

    r = run(petition_app, ["receipt", pid, "--db", db])
    assert r.exit_code == 0, r.output
    code = r.stdout.strip()
    assert receipts.public_status(desk.engine, code).state == "accepted"
    assert "previous code no longer works" in r.stderr
    r = run(petition_app, ["receipt", "999", "--db", db])
    assert r.exit_code == 1 and "no petition #999" in r.output
    as_user("admin")
    r = run(petition_app, ["show", pid, "--db", db])
    assert r.exit_code == 1 and "may not petition.read" in r.output
    r = run(audit_app, ["verify", "--db", db])
    assert r.exit_code == 0, r.output
    as_user("viewer")
    r = run(petition_app, ["stats", "--db", db])
    assert json.loads(r.stdout)["total"] == 1
    # no test hook in the production command: erasure cannot be undone, so no pretending it is 2031
    as_user("coord")
    r = run(petition_app, ["purge", "--today", "2031-12-31", "--db", db])
    assert r.exit_code == 2 and "No such option" in r.output
    r = run(petition_app, ["intake", "--kind", "khieu_nai", "--subject", "Khiếu nại đất", "--received", "2099-01-01",
                           "--name", "Tương Lai", "--privacy-notice-given", "--db", db])  # fmt: skip
    assert r.exit_code == 1 and "after today" in r.output
    as_user("coord", "wrong-password")
    r = run(petition_app, ["list", "--db", db])
    assert r.exit_code == 1 and "wrong user name or password" in r.output


def test_lists_fit_an_80_column_terminal(desk, _isolated_home):
    # at 80 columns the lists wrapped every title one word per line and cut states and dates ("in_prog…",
    # "2026-11…"); a mistyped --status listed nothing, which read as "no cases"
    from tinhhinh.desk import cases

    long_title = (
        "Theo dõi thông tin sai lệch về giá điện tăng gấp đôi từ tháng sau lan truyền trên mạng xã hội"
    )
    cases.open_case(desk.engine, desk.coord, title=long_title, sector="land", due_date=dt.date(2026, 12, 24))
    desk.petition("Tố cáo", subject="Tố cáo lấn chiếm đất công")  # the kind as people write it
    desk.petition("kien_nghi_phan_anh", subject="Phản ánh đường hỏng")
    env = {"TINHHINH_USER": "coord", "TINHHINH_PASSWORD": desk.PASSWORD, "COLUMNS": "80"}
    db = str(desk.path)

    r = _run(["case", "list", "--db", db], _isolated_home, env)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines and all(len(line) <= 80 for line in lines), r.stdout
    assert any("assigned" in line.split() and "2026-12-24" in line and "SNNMT" in line for line in lines), (
        r.stdout
    )
    assert any(line.strip().startswith("Theo dõi thông tin sai lệch") for line in lines)

    r = _run(["petition", "list", "--db", db, "--kind", "tố cáo"], _isolated_home, env)
    assert r.returncode == 0, r.stderr
    assert "Tố cáo lấn chiếm đất công" in r.stdout and "Phản ánh đường hỏng" not in r.stdout
    assert all(len(line) <= 80 for line in r.stdout.splitlines()) and "received" in r.stdout

    r = _run(["case", "list", "--db", db, "--status", "in-progress"], _isolated_home, env)
    assert r.returncode == 1 and r.stdout == ""
    assert "unknown case status 'in-progress'" in r.stderr and "in_progress" in r.stderr
    r = _run(["petition", "list", "--db", db, "--state", "done"], _isolated_home, env)
    assert r.returncode == 1 and "unknown petition state 'done'" in r.stderr
    r = _run(["case", "list", "--db", db, "--status", "closed"], _isolated_home, env)
    assert r.returncode == 0 and r.stdout == "" and "no cases in status closed" in r.stderr

    wide = _run(["case", "list", "--db", db], _isolated_home, {**env, "COLUMNS": "160"})
    row = next(line for line in wide.stdout.splitlines() if "2026-12-24" in line)
    assert long_title in row  # room for it: one line per case

    # accounts by their agency's code, as the other lists show it (it showed the agency's row number)
    admin_env = {**env, "TINHHINH_USER": "admin"}
    r = _run(["users", "list", "--db", db], _isolated_home, admin_env)
    assert r.returncode == 0, r.stderr
    row = next(line.split() for line in r.stdout.splitlines() if "officer_b" in line.split())
    assert "SYT" in row and "agency_id" not in r.stdout
    r = _run(["users", "list", "--db", db, "--json"], _isolated_home, admin_env)
    by_name = {u["username"]: u for u in json.loads(r.stdout)}
    assert by_name["officer_b"]["agency_id"] == desk.agency_b  # JSON keeps its fields as they were
