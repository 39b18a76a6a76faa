"""The audit chain: intact chains verify; edits, deletions, truncated tails and key-less rewrites do not."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3

import pytest

from tinhhinh.desk import audit, cases, petitions
from tinhhinh.desk.errors import Forbidden
from tinhhinh.store import db


def _activity(desk, n: int = 3) -> None:
    for i in range(n):
        pid = desk.petition()
        petitions.add_note(desk.engine, desk.coord, pid, f"ghi chú {i}")
    cases.open_case(desk.engine, desk.coord, title="Vụ việc", sector="land")


def _raw(desk) -> sqlite3.Connection:
    db.dispose_all()  # nobody else holds the file while the "attacker" edits it
    return sqlite3.connect(desk.path)


def _verify(desk, head=None):
    from tinhhinh.store.db import engine_for

    return audit.verify(engine_for(str(desk.path)), desk.coord, head)


def test_intact_chain_verifies_and_holds_no_personal_values(desk):
    _activity(desk)
    result = audit.verify(desk.engine, desk.admin)
    assert result["ok"], result["problems"]
    assert result["rows"] >= 10
    con = _raw(desk)
    blob = b"".join(
        json.dumps(r[0]).encode() + (r[1] or b"") for r in con.execute("SELECT data, sealed FROM desk_audit")
    )
    for value in desk.PETITIONER.values():
        assert value.encode() not in blob
    assert "ghi chú".encode() not in blob  # notes are sealed too


def test_only_admin_and_coordinator_verify(desk):
    for actor in (desk.officer_a, desk.viewer):
        with pytest.raises(Forbidden):
            audit.verify(desk.engine, actor)


def test_edited_row_detected(desk):
    _activity(desk)
    con = _raw(desk)
    con.execute("UPDATE desk_audit SET data = replace(data, 'land', 'health') WHERE seq = 12")
    assert con.total_changes == 1
    con.commit()
    con.close()
    result = _verify(desk)
    assert not result["ok"]
    assert any("row 12: MAC" in p for p in result["problems"])


def test_edited_actor_detected(desk):
    _activity(desk)
    con = _raw(desk)
    con.execute("UPDATE desk_audit SET actor = 'coord2' WHERE seq = 5")
    con.commit()
    con.close()
    assert any("row 5" in p for p in _verify(desk)["problems"])


def test_deleted_row_detected(desk):
    _activity(desk)
    con = _raw(desk)
    con.execute("DELETE FROM desk_audit WHERE seq = 7")
    con.commit()
    con.close()
    problems = _verify(desk)["problems"]
    assert any("7..7 are missing" in p for p in problems)
    assert any("row 8: does not follow" in p for p in problems)


def test_deleted_first_row_detected(desk):
    con = _raw(desk)
    con.execute("DELETE FROM desk_audit WHERE seq = 1")
    con.commit()
    con.close()
    assert not _verify(desk)["ok"]


def test_deleted_tail_detected_against_exported_head(desk, tmp_path):
    _activity(desk)
    head_file = tmp_path / "head.json"
    head = audit.export_head(desk.engine, desk.coord, head_file)
    assert json.loads(head_file.read_text())["seq"] == head["seq"]
    _activity(desk, 1)  # the chain grows after the export: still fine
    assert _verify(desk, audit.read_head_file(head_file))["ok"]
    con = _raw(desk)
    con.execute("DELETE FROM desk_audit WHERE seq >= ?", (head["seq"] - 2,))
    con.commit()
    con.close()
    # the shortened chain is internally consistent ...
    assert _verify(desk)["ok"]
    # ... but not against the head kept elsewhere
    result = _verify(desk, audit.read_head_file(head_file))
    assert not result["ok"]
    assert "newest rows were deleted" in result["problems"][0]


def _rewrite_chain(con: sqlite3.Connection, key: bytes | None) -> None:
    """What an attacker without the installation key can do: edit, then recompute every MAC."""
    con.execute("UPDATE desk_audit SET actor = 'someone_else' WHERE seq = 3")
    prev = audit.GENESIS
    for row in con.execute("SELECT * FROM desk_audit ORDER BY seq").fetchall():
        cols = [d[0] for d in con.execute("SELECT * FROM desk_audit LIMIT 0").description]
        r = dict(zip(cols, row, strict=True))
        r["prev_mac"] = prev
        body = prev.encode() + b"\n" + audit.canonical(r)
        mac = hmac.new(key, body, hashlib.sha256).hexdigest() if key else hashlib.sha256(body).hexdigest()
        con.execute("UPDATE desk_audit SET prev_mac = ?, mac = ? WHERE seq = ?", (prev, mac, r["seq"]))
        prev = mac
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "attacker_key", [b"\x00" * 32, b"guessed-key", None], ids=["zero-key", "guessed", "plain-sha256"]
)
def test_chain_recomputed_without_the_key_detected(desk, tmp_path, attacker_key):
    _activity(desk)
    head = audit.export_head(desk.engine, desk.coord, tmp_path / "h.json")
    _rewrite_chain(_raw(desk), attacker_key)
    result = _verify(desk)
    assert not result["ok"]
    assert "row 1: MAC" in result["problems"][0]
    assert not _verify(desk, head)["ok"]


def test_cli_verify_and_export_head(desk, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from tinhhinh.desk.commands import audit_app

    monkeypatch.setenv("TINHHINH_USER", "coord")
    monkeypatch.setenv("TINHHINH_PASSWORD", "correct horse battery")
    head_file = tmp_path / "head.json"
    r = CliRunner().invoke(audit_app, ["export-head", "--db", str(desk.path), "--out", str(head_file)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(audit_app, ["verify", "--db", str(desk.path), "--head", str(head_file), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["ok"] is True
    con = _raw(desk)
    con.execute("UPDATE desk_audit SET action = 'x' WHERE seq = 2")
    con.commit()
    con.close()
    r = CliRunner().invoke(audit_app, ["verify", "--db", str(desk.path), "--json"])
    assert r.exit_code == 1
    assert json.loads(r.stdout)["ok"] is False
