"""Erasure after retention: no petitioner string or key left in the database file, its WAL, FTS tables or
any later export; the audit chain still verifies."""

from __future__ import annotations

import datetime as dt
import sqlite3

from tinhhinh.desk import audit, petitions, registers
from tinhhinh.store import db
from tinhhinh.store import desk as store

D = dt.date.fromisoformat
OTHER = {"name": "Trần Văn Bách", "phone": "0987654321"}


def _raw_bytes(path) -> bytes:
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


def _dump(path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())  # every table, FTS shadow tables included
    finally:
        con.close()


def _strings(desk) -> list[str]:
    p = desk.PETITIONER
    return [
        p["name"],
        "Hoa Mai",
        p["address"],
        "Lê Lợi",
        p["phone"],
        p["email"],
        p["id_number"],
        "bồi thường đất của gia đình",
    ]


def test_purge_erases_everything_personal(desk, tmp_path, _isolated_home):
    e, c = desk.engine, desk.coord
    p1 = desk.petition()
    petitions.add_note(e, c, p1, f"Đã gọi {desk.PETITIONER['phone']}")
    p2 = desk.petition(kind="to_cao", subject="Tố cáo sai phạm")
    petitions.assign(e, c, p2, expected_version=1, resolver_id=desk.officer_a.id)
    petitions.add_note(e, desk.officer_a, p2, f"Người tố cáo {desk.PETITIONER['name']} xin giữ bí mật")
    petitions.show(e, desk.officer_a, p2)  # the resolver reads the identity (audited, sealed)
    trail = audit.entries_for(e, desk.officer_a, p2)
    assert (
        trail[0]["personal"]["name"] == desk.PETITIONER["name"]
    )  # the resolver reads the sealed audit values
    assert desk.PETITIONER["name"] not in repr(audit.entries_for(e, c, p2))  # a coordinator does not
    p3 = desk.petition(kind="kien_nghi_phan_anh", petitioner=dict(OTHER), content="Đèn đường hỏng")
    for pid in (p1, p2):
        v = petitions.show(e, c, pid)["version"]
        r = petitions.transition(e, c, pid, "accepted", expected_version=v, on=D("2026-03-03"))
        r = petitions.transition(e, c, pid, "resolved", expected_version=r["version"], on=D("2026-03-20"))
        petitions.transition(e, c, pid, "closed", expected_version=r["version"], on=D("2026-04-01"))
    plain_export = tmp_path / "before.csv"
    registers.export_petitions(e, c, plain_export)
    with e.connect() as conn:
        secrets = [store.get_petition_key(conn, p) for p in (p1, p2)] + [
            store.get_personal(conn, p) for p in (p1, p2)
        ]
        secrets += [n["sealed"] for p in (p1, p2) for n in store.list_notes(conn, p)]
    assert all(secrets) and len(secrets) == 6
    before = _raw_bytes(desk.path)
    assert all(s in before for s in secrets)  # the scan below can see such bytes when they exist

    (_isolated_home / "settings.toml").write_text("[desk]\nretention_days = 30\n")
    assert petitions.purge(e, c, today=D("2026-04-20")) == []  # 19 days after closing: kept
    erased = petitions.purge(e, c, today=D("2026-06-01"))
    assert erased == [p1, p2]
    after_export = tmp_path / "after.xlsx"
    registers.export_petitions(
        e, c, after_export, personal=True, reason="Báo cáo thanh tra tỉnh theo yêu cầu"
    )
    result = audit.verify(e, c)
    assert result["ok"], result["problems"]
    assert petitions.show(e, c, p1)["petitioner"] == {"erased": True}
    assert petitions.show(e, desk.officer_a, p2)["petitioner"] == {"erased": True}
    assert "(erased)" in repr(audit.entries_for(e, c, p1))
    assert petitions.show(e, c, p3)["petitioner"]["name"] == OTHER["name"]  # open petition untouched

    db.dispose_all()
    wal = desk.path.with_name(desk.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    raw = _raw_bytes(desk.path)
    dump = _dump(desk.path)
    for s in secrets:
        assert s not in raw
    import openpyxl

    wb = openpyxl.load_workbook(after_export)
    exported = "\n".join(
        str(v) for row in wb.active.iter_rows(values_only=True) for v in row if v is not None
    )
    assert OTHER["name"] in exported  # personal export works for what is not erased
    for text in _strings(desk):
        assert text.encode() not in raw, text
        assert text not in dump, text
        assert text not in plain_export.read_text(encoding="utf-8-sig"), text
        assert text not in exported, text
    # the audit chain still verifies from a fresh engine
    from tinhhinh.store.db import engine_for

    assert audit.verify(engine_for(str(desk.path)), desk.admin)["ok"]


def test_purge_is_coordinator_or_system_only(desk):
    import pytest

    from tinhhinh.desk.access import SYSTEM
    from tinhhinh.desk.errors import Forbidden

    for actor in (desk.admin, desk.officer_a, desk.viewer):
        with pytest.raises(Forbidden):
            petitions.purge(desk.engine, actor)
    assert petitions.purge(desk.engine, SYSTEM) == []
