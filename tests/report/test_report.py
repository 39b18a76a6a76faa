"""The periodic report: figures against direct SQL, the Word format, HTML, PDF pages, reproducibility, CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tinhhinh.report.build import build_report, utc_bounds
from tinhhinh.report.commands import render
from tinhhinh.store.db import engine_for

PERSONAL_MARKERS = ("[DEMO]", "example.invalid", "0900000", "Hư Cấu, xã")


def _period(report_db) -> tuple[dt.date, dt.date]:
    end = report_db["end"]
    return (end - dt.timedelta(days=30)).date(), end.date()


@pytest.fixture(scope="module")
def built(report_db, tmp_path_factory):
    """One report per language and format, written once for the module."""
    first, last = _period(report_db)
    out = tmp_path_factory.mktemp("out")
    engine = engine_for(str(report_db["path"]), create=False)
    files = {}
    reports = {}
    for lang in ("vi", "en"):
        reports[lang] = build_report(engine, first, last, lang=lang)
        for fmt in ("docx", "html", "pdf"):
            files[(lang, fmt)] = render(reports[lang], fmt, out / f"r-{lang}.{fmt}")
    return {"reports": reports, "files": files, "first": first, "last": last}


def _sql(report_db):
    return sqlite3.connect(str(report_db["path"]))


def _bounds_sql(first: dt.date, last: dt.date) -> tuple[str, str]:
    start, end = utc_bounds(first, last)
    return start.isoformat(" "), end.isoformat(" ")


# ------------------------------------------------------------------ figures
def test_item_figures_match_direct_sql(report_db, built):
    f = built["reports"]["vi"].figures
    a, b = _bounds_sql(built["first"], built["last"])
    with _sql(report_db) as con:
        where = "published_at >= ? AND published_at < ?"
        total = con.execute(f"SELECT count(*) FROM items WHERE {where}", (a, b)).fetchone()[0]
        copies = con.execute(
            f"SELECT count(*) FROM items WHERE {where} AND dup_of IS NOT NULL", (a, b)
        ).fetchone()[0]
        by_source = dict(
            con.execute(f"SELECT source, count(*) FROM items WHERE {where} GROUP BY source", (a, b))
        )
        by_area = dict(con.execute(f"SELECT area, count(*) FROM items WHERE {where} GROUP BY area", (a, b)))
        scam = con.execute(
            f"SELECT count(*) FROM items, json_each(items.harm) j WHERE {where} "
            "AND json_extract(j.value, '$.type') = 'scam'",
            (a, b),
        ).fetchone()[0]
    assert total > 100 and f["items"] == total
    assert f["copies"] == copies
    assert f["by_source"] == by_source
    assert f["by_area"] == by_area
    assert (
        f["flags"].get("scam", {}).get("unconfirmed", 0)
        + f["flags"].get("scam", {}).get("confirmed", 0)
        + f["flags"].get("scam", {}).get("dismissed", 0)
        == scam
    )
    assert sum(f["by_area"].values()) == total


def test_desk_figures_match_direct_sql(report_db, built):
    """Nothing happened after the replay's end, so the state at period end is the current state."""
    f = built["reports"]["vi"].figures
    first, last = built["first"], built["last"]
    a, b = _bounds_sql(first, last)
    open_cases = "('new','assigned','in_progress','transferred','reopened')"
    with _sql(report_db) as con:
        pet_in = con.execute(
            "SELECT count(*) FROM desk_petitions WHERE received_on BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        ).fetchone()[0]
        pet_resolved = con.execute(
            "SELECT count(*) FROM desk_audit WHERE action='petition.transition' "
            "AND json_extract(data,'$.to')='resolved' AND json_extract(data,'$.on') BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        ).fetchone()[0]
        pet_overdue = con.execute(
            "SELECT count(*) FROM desk_petitions WHERE state IN ('received','accepted','extended') "
            "AND due_on IS NOT NULL AND due_on <= ?",
            (last.isoformat(),),
        ).fetchone()[0]
        cases_in = con.execute(
            "SELECT count(*) FROM desk_cases WHERE created_at >= ? AND created_at < ?", (a, b)
        ).fetchone()[0]
        cases_open = con.execute(f"SELECT count(*) FROM desk_cases WHERE status IN {open_cases}").fetchone()[
            0
        ]
        cases_overdue = con.execute(
            f"SELECT count(*) FROM desk_cases WHERE status IN {open_cases} AND due_date <= ?",
            (last.isoformat(),),
        ).fetchone()[0]
        cases_done = con.execute(
            "SELECT count(DISTINCT object_id) FROM desk_audit WHERE action='case.transition' "
            "AND json_extract(data,'$.to') IN ('responded','closed')"
        ).fetchone()[0]
        by_agency = dict(
            con.execute(
                "SELECT agency_id, count(*) FROM desk_petitions WHERE received_on BETWEEN ? AND ? GROUP BY agency_id",
                (first.isoformat(), last.isoformat()),
            )
        )
    assert pet_in >= 30 and f["petitions_received"] == pet_in
    assert f["petitions_resolved"] == pet_resolved > 0
    assert f["petitions_overdue"] == pet_overdue > 0
    assert f["cases_received"] == cases_in >= 8
    assert f["cases_open"] == cases_open > 0
    assert f["cases_overdue"] == cases_overdue > 0
    assert f["cases_resolved"] == cases_done > 0
    assert {k: v["received"] for k, v in f["desk"]["petitions"].items() if v.get("received")} == by_agency
    # every petition kind is present in the demo
    assert set(f["desk"]["kinds"]) == {"kien_nghi_phan_anh", "khieu_nai", "to_cao"}


def test_previous_period_is_compared(report_db):
    """Half the replay against the half before it: both sides have data and the change column says so."""
    end = report_db["end"].date()
    first, last = end - dt.timedelta(days=13), end
    engine = engine_for(str(report_db["path"]), create=False)
    report = build_report(engine, first, last)
    prev = report.figures["previous"]
    assert prev["first"] == first - dt.timedelta(days=14) and prev["last"] == first - dt.timedelta(days=1)
    a, b = _bounds_sql(prev["first"], prev["last"])
    with _sql(report_db) as con:
        n = con.execute(
            "SELECT count(*) FROM items WHERE published_at >= ? AND published_at < ?", (a, b)
        ).fetchone()[0]
    assert prev["items"] == n > 0
    lines = report.content_lines()
    row = next(x for x in lines if x.startswith("Tin, bài thu thập |"))
    cells = row.split(" | ")
    assert cells[2] == f"{n:,}".replace(",", ".") and re.match(r"^[+−±]", cells[3])


def test_a_period_not_ended_yet_is_reported_up_to_today(report_db):
    """This month's report asked for before the month ends: days to come drew as zeros, cases due
    tomorrow counted as overdue, and part of a month was compared with a whole one."""
    end = report_db["end"].date()  # nothing happens in the database after this day
    first, last = end - dt.timedelta(days=13), end + dt.timedelta(days=10)
    engine = engine_for(str(report_db["path"]), create=False)
    report = build_report(engine, first, last, today=end)
    f = report.figures
    assert f["daily"][-1][0] == end.isoformat() and len(f["daily"]) == 14
    assert f["previous"]["first"] == first - dt.timedelta(days=14)
    whole = build_report(engine, first, end)  # the same days, asked for as a finished period
    for key in (
        "items",
        "stories",
        "cases_received",
        "cases_overdue",
        "petitions_overdue",
        "petitions_received",
    ):
        assert f[key] == whole.figures[key], key
    assert f["previous"] == whole.figures["previous"]
    text = "\n".join(report.content_lines())
    assert f"đến hết ngày {end.strftime('%d/%m/%Y')}" in text and last.strftime("%d/%m/%Y") in text
    assert "đến hết ngày" not in "\n".join(whole.content_lines())
    with pytest.raises(ValueError, match="after today"):
        build_report(engine, end + dt.timedelta(days=1), last, today=end)


# ------------------------------------------------------------------ formats
def test_docx_follows_the_state_format(built):
    from docx import Document
    from docx.shared import Mm

    doc = Document(str(built["files"][("vi", "docx")]))
    sec = doc.sections[0]
    assert abs(sec.top_margin - Mm(20)) < Mm(0.5) and abs(sec.bottom_margin - Mm(20)) < Mm(0.5)
    assert abs(sec.left_margin - Mm(30)) < Mm(0.5) and abs(sec.right_margin - Mm(15)) < Mm(0.5)
    head = doc.tables[0]
    left, right = (c.text for c in head.rows[0].cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert re.search(r"ngày \d\d tháng \d\d năm \d{4}", right)
    assert "CƠ QUAN BÁO CÁO" in left and "Số:" in left
    motto = next(p for p in head.rows[0].cells[1].paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc")
    assert motto.runs[0].bold and motto.runs[0].font.size.pt == 14
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    body = [
        p
        for p in doc.paragraphs
        if p.text.strip() and p.style.name == "Normal" and p.paragraph_format.first_line_indent
    ]
    assert body and all(13 <= r.font.size.pt <= 14 for p in body for r in p.runs)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    parts = [h.split(".")[0] for h in headings if re.match(r"^[IVX]+\. ", h)]
    assert parts == ["I", "II", "III", "IV", "V"]
    assert any(re.match(r"^1\. ", h) for h in headings) and any(re.match(r"^2\. ", h) for h in headings)
    assert "BÁO CÁO" in [p.text for p in doc.paragraphs]
    data_tables = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(data_tables) >= 10
    assert data_tables[0].rows[0].cells[0].text == "Chỉ tiêu"
    assert doc.core_properties.created.replace(tzinfo=None) == dt.datetime.combine(built["last"], dt.time(0))
    assert "Nơi nhận:" in doc.tables[-1].rows[0].cells[0].text
    from tinhhinh.report.pdf import font_dir

    if font_dir() is not None:  # charts as pictures next to their tables (same font as the PDF)
        assert (
            len(doc.inline_shapes)
            == len(
                [b for s in built["reports"]["vi"].sections for b in s.blocks if type(b).__name__ == "Chart"]
            )
            >= 3
        )


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(x for x in parts if x.strip())


def _html_text(path: Path) -> str:
    import lxml.html

    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    for svg in tree.xpath("//*[local-name()='svg']"):
        svg.getparent().remove(svg)
    return "\n".join(s.strip() for s in tree.itertext() if s.strip())


def test_no_personal_data_in_any_format(built):
    for (lang, fmt), path in built["files"].items():
        if fmt == "docx":
            text = _docx_text(path)
        elif fmt == "html":
            text = path.read_text(encoding="utf-8")
        else:
            if not shutil.which("pdftotext"):
                continue
            text = subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
        assert "hư cấu" in text or "(hư cấu)" in text  # agency names are there...
        for marker in PERSONAL_MARKERS:  # ...petitioners never are
            assert marker not in text, (lang, fmt, marker)


def test_html_is_standalone_with_accessible_charts(built):
    html = built["files"][("vi", "html")].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="vi">' in html
    assert "<script" not in html and not re.search(r"(src|href)=\"https?:", html)
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) >= 3
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert html.count('<table class="data">') >= 10
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    en = built["files"][("en", "html")].read_text(encoding="utf-8")
    assert "Cases by agency" in en and "SOCIALIST REPUBLIC OF VIET NAM" in en


def test_pdf_pages_render(built, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed (apt-get install poppler-utils)")
    for lang in ("vi", "en"):
        pdf = built["files"][(lang, "pdf")]
        assert pdf.read_bytes().startswith(b"%PDF-")
        res = subprocess.run(
            ["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / lang)], capture_output=True
        )
        assert res.returncode == 0, res.stderr
        pages = sorted(tmp_path.glob(f"{lang}*.png"))
        assert len(pages) >= 3 and all(p.stat().st_size > 1000 for p in pages)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(built["files"][("vi", "pdf")]), "-"], capture_output=True, text=True
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "IV. TIẾP NHẬN" in text


# ------------------------------------------------------------------ reproducibility
def test_same_database_same_content(report_db, built, tmp_path):
    """A second, independent build gives the same normalised DOCX and HTML content (checksums)."""
    engine = engine_for(str(report_db["path"]), create=False)
    again = build_report(engine, built["first"], built["last"], lang="vi")
    assert again.checksum() == built["reports"]["vi"].checksum()
    render(again, "docx", tmp_path / "b.docx")
    render(again, "html", tmp_path / "b.html")

    def digest(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    assert digest(_docx_text(tmp_path / "b.docx")) == digest(_docx_text(built["files"][("vi", "docx")]))
    assert digest(_html_text(tmp_path / "b.html")) == digest(_html_text(built["files"][("vi", "html")]))
    # every line of the content model is in the Word file's text
    docx_text = _docx_text(tmp_path / "b.docx")
    missing = [x for x in again.content_lines() if x not in docx_text]
    assert not missing, missing[:3]


def test_report_queries_never_touch_authors_or_sealed_data():
    import tinhhinh.store.report_queries as rq

    src = Path(rq.__file__).read_text(encoding="utf-8")
    for forbidden in (
        "author_hash",
        "sealed",
        "petition_personal",
        "petition_notes",
        "pseudonym",
        ".subject",
    ):
        assert forbidden not in src


# ------------------------------------------------------------------ CLI (real process)
def test_cli_in_a_real_process(report_db, built, tmp_path, cli_process):
    first, last = built["first"].isoformat(), built["last"].isoformat()
    args = [
        "report",
        "--from",
        first,
        "--to",
        last,
        "--db",
        str(report_db["path"]),
        "--format",
        "html",
        "--lang",
        "en",
    ]
    res = cli_process(args + ["--json"], report_db["home"], tmp_path)
    assert res.returncode == 0, res.stderr
    figures = json.loads(res.stdout)
    assert figures["items"] == built["reports"]["vi"].figures["items"]
    assert figures["petitions_received"] == built["reports"]["vi"].figures["petitions_received"]
    out = tmp_path / f"bao-cao-{first}_{last}.html"
    assert out.exists() and "content checksum" in res.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "yesterday"], "--from 'yesterday': use a date"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "is before --from"),
        (["--from", "2026-11-01", "--to", "2026-11-20", "--format", "odt"], "--format 'odt'"),
        (["--from", "2026-11-01", "--to", "2026-11-20", "--lang", "fr"], "--lang 'fr'"),
        (["--from", "2099-01-01", "--to", "2099-01-31"], "is after today"),
    ],
)
def test_cli_bad_arguments_are_one_clear_error(report_db, tmp_path, args, message):
    from typer.testing import CliRunner

    from tinhhinh import cli
    from tinhhinh.console import UserError

    cli._register_subcommands()
    res = CliRunner().invoke(cli.app, ["report", *args, "--db", str(report_db["path"]), "--out",
                                       str(tmp_path / "x.out")])  # fmt: skip
    assert isinstance(res.exception, UserError) and message in str(res.exception)
    assert not (tmp_path / "x.out").exists()


def test_pdf_missing_font_says_what_to_install(monkeypatch, tmp_path):
    from tinhhinh.console import UserError
    from tinhhinh.report import pdf

    monkeypatch.setattr(pdf, "FONT_DIRS", (str(tmp_path),))
    monkeypatch.delenv("TINHHINH_FONT_DIR", raising=False)
    from tinhhinh.report.commands import check_backend

    with pytest.raises(UserError, match="fonts-dejavu-core"):
        check_backend("pdf")


def test_figures_with_items_of_no_area_dump_as_json():
    # items stored without analysis (or with nothing to read) are counted under area None
    from tinhhinh.report.model import dumps

    out = json.loads(dumps({"by_area": {None: 1, "health": 3}, "tox_area": {None: (0, 0)}}))
    assert out == {"by_area": {"health": 3, "unknown": 1}, "tox_area": {"unknown": [0, 0]}}


def test_flag_decisions_are_counted_under_the_status_the_review_gives(coordinator):
    """A flag a person dismissed is in the report's "dismissed" column, not only in the total."""
    from tinhhinh.harm import flags
    from tinhhinh.item import Item
    from tinhhinh.report.text import t
    from tinhhinh.store.items import add_items

    engine, coord = coordinator
    scam = {"type": "scam", "score": 0.9, "evidence": [], "status": "unconfirmed"}
    add_items(
        engine,
        [
            Item(
                id=str(i),
                source="fb",
                title=f"Bài {i}",
                text="Chuyển khoản ngay",
                harm=[dict(scam)],
                published_at=dt.datetime(2026, 10, 10 + i, 3),
            )
            for i in range(3)
        ],  # fmt: skip
    )
    listed = sorted(f["id"] for f in flags.list_flags(engine))
    flags.confirm(engine, coord, listed[0])
    flags.dismiss(engine, coord, listed[1], note="a bank's own warning")

    report = build_report(engine, dt.date(2026, 10, 1), dt.date(2026, 10, 31), lang="en")
    assert report.figures["flags"] == {"scam": {"confirmed": 1, "dismissed": 1, "unconfirmed": 1}}
    table = next(
        b for s in report.sections for b in s.blocks if getattr(b, "caption", None) == t("s_flags", "en")
    )
    assert table.columns == ["Flag type", "Awaiting review", "Confirmed", "Dismissed", "Total"]
    assert table.rows[-1][1:] == ["1", "1", "1", "3"]
