"""Registers in and out: import an existing Excel register of petitions; export cases and petitions (XLSX, CSV).

Exports carry no personal data unless a coordinator asks with a stated reason (audited). A denouncer's
identity is exported only to the named resolver; everyone else gets the pseudonym.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tinhhinh import clock, config
from tinhhinh.console import UserError
from tinhhinh.desk import audit, crypto, people, petitions
from tinhhinh.desk.access import Actor, can, require, scope
from tinhhinh.desk.errors import Invalid
from tinhhinh.nlp.normalize import strip_diacritics
from tinhhinh.store import desk as store

# ------------------------------------------------------------------ import

# Header (folded: no diacritics, lower case, single spaces) -> field. Several spellings seen in office registers.
HEADERS: dict[str, str] = {
    "so don": "ref", "so vao so": "ref", "so": "ref", "ref": "ref",
    "ngay nhan": "received_on", "ngay nhan don": "received_on", "received_on": "received_on",
    "loai don": "kind", "phan loai": "kind", "kind": "kind",
    "trich yeu": "subject", "tom tat noi dung": "subject", "subject": "subject",
    "ho ten": "name", "ho va ten": "name", "nguoi gui": "name", "name": "name",
    "dia chi": "address", "address": "address",
    "so dien thoai": "phone", "dien thoai": "phone", "phone": "phone",
    "email": "email", "thu dien tu": "email",
    "cccd": "id_number", "so cccd": "id_number", "so dinh danh": "id_number", "id_number": "id_number",
    "noi dung": "content", "content": "content",
    "linh vuc": "sector", "sector": "sector",
    "co quan xu ly": "agency", "don vi xu ly": "agency", "agency": "agency",
    "da thong bao xu ly du lieu ca nhan": "privacy_notice", "thong bao bao mat": "privacy_notice",
    "privacy_notice": "privacy_notice",
    "vung sau vung xa": "remote", "remote": "remote",
    "phuc tap": "complex", "complex": "complex",
}  # fmt: skip
REQUIRED = ("received_on", "kind", "subject", "name", "privacy_notice")
KIND_WORDS = {
    "khieu nai": "khieu_nai",
    "to cao": "to_cao",
    "kien nghi": "kien_nghi_phan_anh",
    "phan anh": "kien_nghi_phan_anh",
    "kien nghi, phan anh": "kien_nghi_phan_anh",
    "kien nghi phan anh": "kien_nghi_phan_anh",
}
YES = {"co", "x", "yes", "true", "1", "da", "da thong bao", "y"}
NO = {"khong", "no", "false", "0", "chua", "n", ""}
PHONE = re.compile(r"^(\+?84|0)\d{8,10}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _fold(value: Any) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(str(value)).lower()).strip(" :*")


@dataclass
class Rejection:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass
class ImportReport:
    rows: int = 0
    imported: list[int] = field(default_factory=list)
    valid: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    dry_run: bool = False

    @property
    def rejected_rows(self) -> int:
        return len({r.row for r in self.rejections})

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "valid": self.valid,
            "imported": len(self.imported),
            "rejected_rows": self.rejected_rows,
            "dry_run": self.dry_run,
            "rejections": [r.__dict__ for r in self.rejections],
        }


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (write dd/mm/yyyy)")


def _bool(value: Any) -> bool:
    folded = _fold(value if value is not None else "")
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise ValueError(f"{value!r} is not yes/no (có/không)")


def _parse_row(
    values: dict[str, Any], agencies: dict[str, int], sector_names: dict[str, str]
) -> tuple[dict, list[tuple[str, str]]]:
    errors: list[tuple[str, str]] = []
    out: dict[str, Any] = {"petitioner": {}}

    def text(name: str) -> str:
        v = values.get(name)
        return "" if v is None else str(v).strip()

    for name in REQUIRED:
        if name != "privacy_notice" and not text(name):
            errors.append((name, "empty (required)"))
    if text("received_on"):
        try:
            out["received_on"] = _date(values["received_on"])
            if out["received_on"] > clock.office_today():
                errors.append(("received_on", f"{out['received_on']} is in the future"))
        except ValueError as exc:
            errors.append(("received_on", str(exc)))
    if text("kind"):
        raw = text("kind")
        kind = raw if raw in petitions.KINDS else KIND_WORDS.get(_fold(raw))
        if kind is None:
            errors.append(("kind", f"{raw!r} is not khiếu nại, tố cáo or kiến nghị/phản ánh"))
        out["kind"] = kind
    out["subject"] = text("subject")
    if len(out["subject"]) > 500:
        errors.append(("subject", "longer than 500 characters"))
    try:
        if not _bool(values.get("privacy_notice")):
            errors.append(
                ("privacy_notice", "no record that the privacy notice was given: the row cannot be taken in")
            )
    except ValueError as exc:
        errors.append(("privacy_notice", str(exc)))
    for name in ("name", "address", "id_number"):
        if text(name):
            out["petitioner"][name] = text(name)
    phone = re.sub(r"[\s.()-]", "", text("phone"))
    if phone:
        if not PHONE.match(phone):
            errors.append(("phone", f"{text('phone')!r} is not a Vietnamese phone number"))
        out["petitioner"]["phone"] = phone
    if text("email"):
        if not EMAIL.match(text("email")):
            errors.append(("email", f"{text('email')!r} is not an e-mail address"))
        out["petitioner"]["email"] = text("email")
    if text("id_number") and not re.fullmatch(r"\d{9}|\d{12}", text("id_number")):
        errors.append(("id_number", "an ID number has 9 (CMND) or 12 (CCCD) digits"))
    out["content"] = text("content")
    if text("sector"):
        code = (
            text("sector") if text("sector") in people.sectors() else sector_names.get(_fold(text("sector")))
        )
        if code is None:
            errors.append(("sector", f"{text('sector')!r} is not a known sector (data/sectors.yaml)"))
        out["sector"] = code
    if text("agency"):
        agency = agencies.get(text("agency").upper())
        if agency is None:
            errors.append(("agency", f"{text('agency')!r} is not an agency code (tinhhinh agencies list)"))
        out["agency_id"] = agency
    for flag in ("remote", "complex"):
        try:
            out[flag] = _bool(values.get(flag)) if values.get(flag) is not None else False
        except ValueError as exc:
            errors.append((flag, str(exc)))
    ref = text("ref")
    out["ref"] = ref or None
    return out, errors


def import_register(engine: Engine, actor: Actor, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Read an .xlsx register (first sheet, header in row 1). Every rejected row is reported: row, column, reason."""
    require(actor, "petition.import")
    limit = int(config.setting("desk.import.max_bytes", 50 * 1024 * 1024))
    if path.exists() and path.stat().st_size > limit:
        raise UserError(
            f"{path}: larger than {limit} bytes (setting desk.import.max_bytes): split the register"
        )
    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UserError(f"no file {path}") from None
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise UserError(
            f"{path}: not a readable .xlsx workbook ({exc.__class__.__name__}): save it as .xlsx from Excel"
        ) from exc
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    report = ImportReport(dry_run=dry_run)
    if not header:
        raise UserError(f"{path}: the first sheet is empty")
    columns: dict[int, str] = {}
    shown: dict[str, str] = {}
    for i, cell in enumerate(header):
        if cell is None:
            continue
        name = HEADERS.get(_fold(cell))
        if name:
            columns[i] = name
            shown[name] = str(cell)
    missing = [f for f in REQUIRED if f not in columns.values()]
    if missing:
        raise UserError(
            f"{path}: missing column(s) {', '.join(missing)}; expected headers such as "
            "'Ngày nhận', 'Loại đơn', 'Trích yếu', 'Họ tên', 'Đã thông báo xử lý dữ liệu cá nhân'"
        )
    with engine.connect() as conn:
        agencies = {a["code"].upper(): a["id"] for a in store.list_agencies(conn) if a["active"]}
        existing_refs = {p["ref"] for p in store.list_petitions(conn, all_agencies=True) if p["ref"]}
    sector_names = {}
    for code, s in people.sectors().items():
        sector_names[_fold(s["vi"])] = code
        sector_names[_fold(s["en"])] = code
    seen_refs: dict[str, int] = {}
    valid: list[tuple[int, dict[str, Any]]] = []
    for rownum, raw in enumerate(rows, start=2):
        if raw is None or all(v is None or str(v).strip() == "" for v in raw):
            continue
        report.rows += 1
        values = {columns[i]: v for i, v in enumerate(raw) if i in columns}
        parsed, errors = _parse_row(values, agencies, sector_names)
        ref = parsed["ref"]
        if ref:
            if ref in existing_refs:
                errors.append(("ref", f"register number {ref!r} is already in the database"))
            elif ref in seen_refs:
                errors.append(("ref", f"register number {ref!r} repeats row {seen_refs[ref]}"))
            seen_refs.setdefault(ref, rownum)
        if not errors:
            # the checks intake itself makes (the subject repeating a personal field, ...), so that a
            # clean dry run means a clean import
            try:
                petitions.check_intake(
                    actor,
                    kind=parsed["kind"],
                    subject=parsed["subject"],
                    petitioner=parsed["petitioner"],
                    privacy_notice_given=True,
                    sector=parsed.get("sector"),
                )
            except Invalid as exc:
                errors.append((exc.field or "row", str(exc)))
        if errors:
            report.rejections.extend(Rejection(rownum, shown.get(c, c), why) for c, why in errors)
            continue
        report.valid += 1
        valid.append((rownum, parsed))
    wb.close()
    if dry_run:
        return report
    # All or nothing: a partly imported register cannot simply be fixed and imported again (its first rows
    # would then repeat register numbers already in the database).
    summary = {"rows": report.rows, "valid": report.valid, "rejected_rows": report.rejected_rows}
    if report.rejections:
        _audit_import(engine, actor, path, {**summary, "imported": 0, "refused": "rows rejected"})
        return report
    rownum = 0
    try:
        with store.transaction_for(engine) as conn:
            for at, parsed in valid:
                rownum = at
                pid = petitions.intake(
                    engine,
                    actor,
                    kind=parsed["kind"],
                    subject=parsed["subject"],
                    received_on=parsed["received_on"],
                    petitioner=parsed["petitioner"],
                    content=parsed["content"],
                    privacy_notice_given=True,
                    sector=parsed.get("sector"),
                    agency_id=parsed.get("agency_id"),
                    remote=parsed["remote"],
                    complex=parsed["complex"],
                    ref=parsed["ref"],
                    conn=conn,
                )
                report.imported.append(pid)
            audit.record(
                conn, actor, "petition.import", "register", path.name,
                data={**summary, "imported": len(report.imported)},
            )  # fmt: skip
    except UserError as exc:
        report.imported.clear()
        _audit_import(engine, actor, path, {**summary, "imported": 0, "refused": f"row {rownum}: {exc}"})
        raise UserError(
            f"{path.name}: row {rownum}: {exc}; nothing was imported: fix the row and run again"
        ) from exc
    return report


def _audit_import(engine: Engine, actor: Actor, path: Path, data: dict[str, Any]) -> None:
    with store.transaction_for(engine) as conn:
        audit.record(conn, actor, "petition.import", "register", path.name, data=data)


# ------------------------------------------------------------------ export

PETITION_COLUMNS = [
    "id", "ref", "kind", "state", "subject", "sector", "agency", "received_on", "accepted_on", "due_on",
    "closed_on", "second", "complex", "remote", "extensions", "first_petition_id", "merged_into_id", "pseudonym",
]  # fmt: skip
PERSONAL_COLUMNS = ["name", "address", "phone", "email", "id_number", "content"]
CASE_COLUMNS = [
    "id", "title", "description", "sector", "priority", "agency", "status", "status_reason", "due_date",
    "origin", "origin_ref", "created_at", "updated_at",
]  # fmt: skip


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _csv_cell(value: Any) -> Any:
    value = _cell(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # A cell starting like a formula would run when Excel opens the CSV (CSV injection).
        return "'" + value
    return value


def _xlsx_cell(ws: Any, value: Any) -> Any:
    """In XLSX a text is a string cell, never a formula, when written as one: no prefix, the value kept
    as it is ("-Đường…", "+84905…"). openpyxl reads a str starting with "=" as a formula, hence the type."""
    value = _cell(value)
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def _write(path: Path, fmt: str, columns: list[str], rows: list[dict[str, Any]], sheet: str) -> None:
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel opens Vietnamese correctly
            writer = csv.writer(fh)
            writer.writerow(columns)
            for r in rows:
                writer.writerow(["" if r.get(c) is None else _csv_cell(r.get(c)) for c in columns])
    elif fmt == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet(sheet)
        ws.append(columns)
        for r in rows:
            ws.append([_xlsx_cell(ws, r.get(c)) for c in columns])
        wb.save(path)
    else:
        raise Invalid(f"unknown format {fmt!r}: xlsx or csv")


def _fmt(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in ("xlsx", "csv"):
        raise Invalid(f"{path}: say --format xlsx or csv (or name the file .xlsx/.csv)")
    return fmt


def export_petitions(
    engine: Engine,
    actor: Actor,
    path: Path,
    *,
    fmt: str | None = None,
    personal: bool = False,
    reason: str | None = None,
    kind: str | None = None,
    state: str | None = None,
) -> dict[str, Any]:
    fmt = _fmt(path, fmt)
    sc = scope(actor, "petition.export")
    if personal:
        require(actor, "petition.export_personal")
        if not reason or len(reason.strip()) < 10:
            raise Invalid("exporting personal data needs a stated reason (--reason, at least 10 characters)")
    with store.transaction_for(engine) as conn:
        codes = {a["id"]: a["code"] for a in store.list_agencies(conn)}
        rows = store.list_petitions(conn, kind=kind, state=state, **sc.as_kwargs())
        out = []
        identities = 0
        for row in rows:
            r = {c: row.get(c) for c in PETITION_COLUMNS if c in row}
            r["agency"] = codes.get(row["agency_id"])
            r["pseudonym"] = row["pseudonym"] if row["kind"] == "to_cao" else None
            if personal and not row["erased_at"]:
                allowed = (
                    can(actor, "petition.read_identity", row)
                    if row["kind"] == "to_cao"
                    else can(actor, "petition.read_contact", row)
                )
                wrapped = store.get_petition_key(conn, row["id"])
                if allowed and wrapped:
                    key = crypto.unwrap(wrapped, row["id"])
                    data = crypto.open_sealed(
                        key, store.get_personal(conn, row["id"]), f"personal:{row['id']}"
                    )
                    r.update({c: data.get(c) for c in PERSONAL_COLUMNS})
                    identities += 1
                    # in the petition's own trail, as a `show` is: whom was this petitioner's data given to?
                    audit.record(
                        conn, actor, "petition.disclose", "petition", row["id"], petition_id=row["id"],
                        data={"fields": sorted(c for c in PERSONAL_COLUMNS if data.get(c)), "export": path.name,
                              "reason": reason},
                    )  # fmt: skip
            out.append(r)
        _write(path, fmt, PETITION_COLUMNS + (PERSONAL_COLUMNS if personal else []), out, "petitions")
        summary = {
            "rows": len(out),
            "format": fmt,
            "personal": personal,
            "with_personal_data": identities,
            "reason": reason,
            "file": path.name,
        }
        audit.record(conn, actor, "petition.export", "register", path.name, data=summary)
    return summary


def export_cases(
    engine: Engine, actor: Actor, path: Path, *, fmt: str | None = None, status: str | None = None
) -> dict[str, Any]:
    fmt = _fmt(path, fmt)
    sc = scope(actor, "case.export")
    with store.transaction_for(engine) as conn:
        codes = {a["id"]: a["code"] for a in store.list_agencies(conn)}
        rows = store.list_cases(conn, status=status, **sc.as_kwargs())
        for r in rows:
            r["agency"] = codes.get(r["agency_id"])
        _write(path, fmt, CASE_COLUMNS, rows, "cases")
        summary = {"rows": len(rows), "format": fmt, "file": path.name}
        audit.record(conn, actor, "case.export", "register", path.name, data=summary)
    return summary


__all__ = ["import_register", "export_petitions", "export_cases", "ImportReport", "Rejection"]
