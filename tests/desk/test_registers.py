"""Registers: Excel import with a dry run that reports every rejected row; XLSX/CSV exports."""

from __future__ import annotations

import csv
import datetime as dt
import json

import openpyxl
import pytest
from typer.testing import CliRunner

from tinhhinh.console import UserError
from tinhhinh.desk import audit, petitions, registers
from tinhhinh.desk.commands import petition_app
from tinhhinh.desk.errors import Forbidden, Invalid

HEADER = [
    "Số đơn", "Ngày nhận", "Loại đơn", "Trích yếu", "Họ tên", "Địa chỉ", "Số điện thoại", "Email", "CCCD",
    "Nội dung", "Lĩnh vực", "Cơ quan xử lý", "Đã thông báo xử lý dữ liệu cá nhân", "Vùng sâu vùng xa",
]  # fmt: skip
ROWS = [
    # row 2: valid
    ["KN-01", "02/03/2026", "Khiếu nại", "Bồi thường đất", "Lê Thị Lan", "Xã A", "0912 345 678", "lan@example.vn", "001190012345", "…", "Đất đai, bồi thường, hỗ trợ, tái định cư", "SNNMT", "Có", "không"],
    # row 3: impossible date
    ["KN-02", "31/02/2026", "Khiếu nại", "x", "Phạm Văn Bình", "", "", "", "", "", "", "", "có", ""],
    # row 4: unknown kind
    ["KN-03", "03/03/2026", "Khiếu kiện", "x", "Hồ Văn Cường", "", "", "", "", "", "", "", "có", ""],
    # row 5: name missing
    ["KN-04", "03/03/2026", "Tố cáo", "x", None, "", "", "", "", "", "", "", "có", ""],
    # row 6: privacy notice not given
    ["KN-05", "03/03/2026", "Phản ánh", "x", "Đỗ Thị Dung", "", "", "", "", "", "", "", "Không", ""],
    # row 7: bad phone
    ["KN-06", "03/03/2026", "Kiến nghị", "x", "Vũ Văn Em", "", "12345", "", "", "", "", "", "có", ""],
    # row 8: bad e-mail
    ["KN-07", "03/03/2026", "Kiến nghị", "x", "Ngô Thị Giang", "", "", "giang-at-example", "", "", "", "", "có", ""],
    # row 9: unknown sector
    ["KN-08", "03/03/2026", "Khiếu nại", "x", "Bùi Văn Hải", "", "", "", "", "", "Vũ trụ", "", "có", ""],
    # row 10: unknown agency
    ["KN-09", "03/03/2026", "Khiếu nại", "x", "Đặng Thị Hương", "", "", "", "", "", "", "SXYZ", "có", ""],
    # row 11: register number repeats row 2
    ["KN-01", "03/03/2026", "Khiếu nại", "x", "Lý Văn Khoa", "", "", "", "", "", "", "", "có", ""],
    # row 12: blank: skipped, not counted
    [None] * 14,
    # row 13: received in the future
    ["KN-10", "01/01/2099", "Khiếu nại", "x", "Mai Văn Long", "", "", "", "", "", "", "", "có", ""],
    # row 14: two errors in one row
    ["KN-11", "03/03/2026", "Tố cáo", "x", "Tô Thị Minh", "", "", "", "12ab", "", "", "", "có", "hơi xa"],
    # row 15: valid, date cell, sector by its Vietnamese name
    ["KN-12", dt.datetime(2026, 3, 4), "tố cáo", "Sai phạm tại trạm y tế", "Trịnh Văn Nam", "", "", "", "", "", "Y tế", "", "x", "có"],
]  # fmt: skip
EXPECTED = [
    (3, "Ngày nhận", "not a date"),
    (4, "Loại đơn", "is not khiếu nại"),
    (5, "Họ tên", "empty (required)"),
    (6, "Đã thông báo xử lý dữ liệu cá nhân", "privacy notice"),
    (7, "Số điện thoại", "phone number"),
    (8, "Email", "e-mail"),
    (9, "Lĩnh vực", "not a known sector"),
    (10, "Cơ quan xử lý", "not an agency code"),
    (11, "Số đơn", "repeats row 2"),
    (13, "Ngày nhận", "future"),
    (14, "CCCD", "9 (CMND) or 12 (CCCD) digits"),
    (14, "Vùng sâu vùng xa", "yes/no"),
]


@pytest.fixture
def register(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    path = tmp_path / "so-theo-doi-don.xlsx"
    wb.save(path)
    return path


def test_dry_run_reports_every_rejected_row(desk, register):
    report = registers.import_register(desk.engine, desk.coord, register, dry_run=True)
    assert (report.rows, report.valid, report.rejected_rows) == (13, 2, 11)
    got = [(r.row, r.column, r.reason) for r in report.rejections]
    assert len(got) == len(EXPECTED)
    for (row, col, reason), (erow, ecol, efrag) in zip(got, EXPECTED, strict=True):
        assert (row, col) == (erow, ecol) and efrag in reason, (row, col, reason)
    assert petitions.list_petitions(desk.engine, desk.coord) == []  # nothing imported


def test_cli_dry_run_exit_code_and_lines(desk, register, monkeypatch):
    monkeypatch.setenv("TINHHINH_USER", "coord")
    monkeypatch.setenv("TINHHINH_PASSWORD", desk.PASSWORD)
    r = CliRunner().invoke(petition_app, ["import", str(register), "--dry-run", "--db", str(desk.path)])
    assert r.exit_code == 2, r.output
    lines = r.stdout.strip().splitlines()
    assert len(lines) == len(EXPECTED)
    assert lines[0].startswith("so-theo-doi-don.xlsx: row 3, column Ngày nhận:")
    r = CliRunner().invoke(
        petition_app, ["import", str(register), "--dry-run", "--json", "--db", str(desk.path)]
    )
    assert json.loads(r.stdout)["rejected_rows"] == 11


def _register(tmp_path, rows, name="so.xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def test_import_takes_valid_rows_sealed(desk, register, tmp_path):
    # All or nothing: with rejected rows, not even the valid ones go in (a partly imported register could
    # not be fixed and run again: its first rows would repeat register numbers already in the database).
    refused = registers.import_register(desk.engine, desk.coord, register)
    assert (refused.valid, refused.rejected_rows, refused.imported) == (2, 11, [])
    assert petitions.list_petitions(desk.engine, desk.coord) == []
    clean = _register(tmp_path, [ROWS[0], ROWS[-1]])
    report = registers.import_register(desk.engine, desk.coord, clean)
    assert len(report.imported) == 2
    first, second = (petitions.show(desk.engine, desk.coord, p) for p in report.imported)
    assert (first["ref"], first["kind"], first["sector"], first["agency_id"]) == (
        "KN-01",
        "khieu_nai",
        "land",
        desk.agency_a,
    )
    assert first["petitioner"]["phone"] == "0912345678"
    assert (second["kind"], second["sector"], second["remote"]) == ("to_cao", "health", True)
    assert set(second["petitioner"]) == {"pseudonym"}  # no resolver named yet
    again = registers.import_register(desk.engine, desk.coord, clean, dry_run=True)
    assert any(r.row == 2 and "already in the database" in r.reason for r in again.rejections)
    with pytest.raises(Forbidden):
        registers.import_register(desk.engine, desk.officer_a, register)
    imports = [r["data"] for r in _audit_rows(desk) if r["action"] == "petition.import"]
    assert [(d["imported"], d["rejected_rows"], d.get("refused")) for d in imports] == [
        (0, 11, "rows rejected"),
        (2, 0, None),
    ]


def test_dry_run_makes_the_checks_of_intake(desk, tmp_path):
    # The dry run used to skip intake's own checks: it promised a clean import, then the real one stopped
    # at the row whose subject repeats the petitioner's name, with earlier rows in and no row number.
    rows = [
        ["R-001", "02/03/2026", "Khiếu nại", "Bồi thường đất", "Lê Thị Lan", "", "", "", "", "", "", "", "có", ""],
        ["R-002", "02/03/2026", "Phản ánh", "Đường hỏng", "Phan Văn Tú", "", "", "", "", "", "", "", "có", ""],
        ["R-003", "02/03/2026", "Tố cáo", "Don cua Hoang Thi Hai ve can bo", "Hoàng Thị Hai", "", "", "", "", "", "", "", "có", ""],
    ]  # fmt: skip
    path = _register(tmp_path, rows)
    dry = registers.import_register(desk.engine, desk.coord, path, dry_run=True)
    assert [str(r) for r in dry.rejections] == [
        "row 4, column Trích yếu: the subject repeats the petitioner's name: keep personal data out of the subject"
    ]
    assert (dry.valid, dry.rejected_rows) == (2, 1)
    report = registers.import_register(desk.engine, desk.coord, path)
    assert report.imported == [] and [r.row for r in report.rejections] == [4]
    assert petitions.list_petitions(desk.engine, desk.coord) == []
    rows[2][3] = "Tố cáo cán bộ phường"
    fixed = _register(tmp_path, rows, "fixed.xlsx")
    assert len(registers.import_register(desk.engine, desk.coord, fixed).imported) == 3


def test_import_failing_midway_leaves_nothing_and_names_the_row(desk, tmp_path, monkeypatch):
    # Whatever fails while writing (here: the receipt of the second row), the whole file is rolled back.
    from tinhhinh.desk import receipts

    real, calls = receipts.issue, []

    def issue(conn, petition_id):
        calls.append(petition_id)
        if len(calls) == 2:
            raise UserError("the receipt could not be issued")
        return real(conn, petition_id)

    monkeypatch.setattr(receipts, "issue", issue)
    path = _register(tmp_path, [ROWS[0], ROWS[-1]])
    with pytest.raises(
        UserError, match=r"so.xlsx: row 3: the receipt could not be issued; nothing was imported"
    ):
        registers.import_register(desk.engine, desk.coord, path)
    assert petitions.list_petitions(desk.engine, desk.coord) == []
    last = [r for r in _audit_rows(desk) if r["action"] == "petition.import"][-1]["data"]
    assert last["imported"] == 0 and last["refused"].startswith("row 3:")
    assert audit.verify(desk.engine, desk.coord)["ok"]


def test_unreadable_or_headerless_register(desk, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(UserError, match="not a readable .xlsx"):
        registers.import_register(desk.engine, desk.coord, bad, dry_run=True)
    wb = openpyxl.Workbook()
    wb.active.append(["Ngày nhận", "Họ tên"])
    path = tmp_path / "few.xlsx"
    wb.save(path)
    with pytest.raises(UserError, match="missing column"):
        registers.import_register(desk.engine, desk.coord, path, dry_run=True)


def test_exports_scoped_safe_and_audited(desk, tmp_path):
    e = desk.engine
    desk.petition(subject='=HYPERLINK("http://x","bấm")')
    desk.petition(sector="health")  # agency B
    out_csv = tmp_path / "p.csv"
    s = registers.export_petitions(e, desk.coord, out_csv)
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8-sig")))
    assert s["rows"] == 2 and len(rows) == 2
    assert rows[0]["subject"].startswith("'=")  # no formula injection
    assert "name" not in rows[0]
    registers.export_petitions(e, desk.officer_b, tmp_path / "b.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert wb.active.max_row == 2  # header + agency B's one petition
    with pytest.raises(Forbidden):
        registers.export_petitions(e, desk.viewer, tmp_path / "v.csv")
    with pytest.raises(Forbidden):
        registers.export_petitions(
            e, desk.officer_a, tmp_path / "o.csv", personal=True, reason="muốn xem danh sách"
        )
    with pytest.raises(Invalid, match="reason"):
        registers.export_petitions(e, desk.coord, tmp_path / "c.csv", personal=True)
    registers.export_petitions(
        e, desk.coord, tmp_path / "c.csv", personal=True, reason="Thanh tra tỉnh yêu cầu số liệu"
    )
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert desk.PETITIONER["phone"] in text
    entries = [r for r in _audit_rows(desk) if r["action"] == "petition.export"]
    assert (
        entries[-1]["data"]["reason"] == "Thanh tra tỉnh yêu cầu số liệu" and entries[-1]["data"]["personal"]
    )
    registers.export_cases(e, desk.coord, tmp_path / "cases.xlsx")
    with pytest.raises(Forbidden):
        registers.export_cases(e, desk.admin, tmp_path / "cases.csv")
    assert audit.verify(e, desk.coord)["ok"]


def test_personal_export_is_in_each_disclosed_petitions_own_trail(desk, tmp_path):
    # The export wrote one summary row with counts only, so "who received my data?" had no answer.
    e = desk.engine
    complaint = desk.petition()
    denunciation = desk.petition(kind="to_cao", subject="Tố cáo cán bộ địa chính")  # pseudonym only
    registers.export_petitions(
        e, desk.coord, tmp_path / "c.xlsx", personal=True, reason="Thanh tra tỉnh yêu cầu số liệu"
    )
    trail = [x for x in audit.entries_for(e, desk.coord, complaint) if x["action"] == "petition.disclose"]
    assert [x["data"] for x in trail] == [
        {
            "export": "c.xlsx",
            "fields": ["address", "content", "email", "id_number", "name", "phone"],
            "reason": "Thanh tra tỉnh yêu cầu số liệu",
        }
    ]
    assert trail[0]["actor"] == "coord"
    assert not [
        x for x in audit.entries_for(e, desk.coord, denunciation) if x["action"] == "petition.disclose"
    ]
    assert audit.verify(e, desk.coord)["ok"]


def test_xlsx_cells_keep_their_value_csv_keeps_the_injection_guard(desk, tmp_path):
    # The CSV guard (a leading apostrophe) was applied to XLSX too, where it became part of the data.
    e = desk.engine
    petitioner = {**desk.PETITIONER, "phone": "+84905111333"}
    desk.petition(subject="-Đường liên xã bị hỏng", petitioner=petitioner)
    desk.petition(subject='=HYPERLINK("http://x","bấm")')
    reason = "Thanh tra tỉnh yêu cầu số liệu"
    registers.export_petitions(e, desk.coord, tmp_path / "p.xlsx", personal=True, reason=reason)
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    header = [c.value for c in ws[1]]
    subject, phone = header.index("subject"), header.index("phone")
    rows = list(ws.iter_rows(min_row=2))
    assert [r[subject].value for r in rows] == ["-Đường liên xã bị hỏng", '=HYPERLINK("http://x","bấm")']
    assert rows[0][phone].value == "+84905111333"
    assert all(r[subject].data_type == "s" for r in rows)  # text, never a formula
    registers.export_petitions(e, desk.coord, tmp_path / "p.csv", personal=True, reason=reason)
    got = list(csv.DictReader((tmp_path / "p.csv").open(encoding="utf-8-sig")))
    assert [r["subject"] for r in got] == ["'-Đường liên xã bị hỏng", '\'=HYPERLINK("http://x","bấm")']
    assert got[0]["phone"] == "'+84905111333"


def _audit_rows(desk):
    from tinhhinh.store import desk as store

    with desk.engine.connect() as conn:
        return [{**r, "data": json.loads(r["data"])} for r in store.iter_audit(conn)]
