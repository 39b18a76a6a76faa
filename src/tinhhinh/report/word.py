"""The report as an editable Word document in the state administrative format (Decree 30/2020/NĐ-CP, Appendix I).

Layout (Appendix I, as recalled and cross-checked against common templates; see docs/report.md):
A4; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; a borderless two-column
head: issuing body (upper case, bold, 13 pt, a short rule under it) and the number/symbol line on the left,
national title (upper case, bold, 13 pt) and motto (bold, 14 pt, a rule under it) and the place/date line
(italic, 14 pt) on the right; document type (bold, 14 pt, centred) and subject; body 14 pt, justified,
first-line indent 1.27 cm, 6 pt after; parts "I.", items "1."; page numbers centred at the top from page 2;
"Nơi nhận:" (bold italic 12 pt, list 11 pt) and the signer block at the end.

Everything is real paragraphs and real tables (editable); charts are added as PNG pictures (drawn with
Pillow from the chart's data, needs the DejaVu font the PDF uses; else cairosvg if installed), always next
to their table, which carries the same numbers.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from tinhhinh.report import charts
from tinhhinh.report.model import Chart, Para, Report, Table

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
TEXT_WIDTH_MM = 210 - 30 - 15


def _fonts(el, name: str = FONT) -> None:
    """Set every script's font and drop theme fonts (Word prefers a theme font over a named one)."""
    rpr = el.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _run(par, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False):
    run = par.add_run(text)
    run.font.name = FONT
    _fonts(run._element)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    return run


def _par(container, text: str = "", *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6, before: float = 0):  # fmt: skip
    par = container.add_paragraph()
    fmt = par.paragraph_format
    fmt.alignment = align
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _run(par, text, size=size, bold=bold, italic=italic)
    return par


def _rule(cell, width_mm: float, cell_mm: float) -> None:
    """A centred solid line ``width_mm`` long: an empty paragraph with a bottom border, indented both sides."""
    par = cell.add_paragraph()
    side = max(0.0, (cell_mm - width_mm) / 2)
    fmt = par.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.space_after = Pt(4)
    fmt.space_before = Pt(0)
    fmt.line_spacing = Pt(2)
    ppr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _cell_text(cell, text: str, *, size: float, bold: bool = False, italic: bool = False, align=None) -> None:
    par = cell.paragraphs[0]
    if par.text:
        par = cell.add_paragraph()
    par.paragraph_format.space_after = Pt(0)
    par.paragraph_format.space_before = Pt(0)
    if align is not None:
        par.alignment = align
    _run(par, text, size=size, bold=bold, italic=italic)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _page_number_header(section) -> None:
    """Page number centred at the top, not on the first page (Appendix I)."""
    section.different_first_page_header_footer = True
    par = section.header.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(par, "", size=BODY_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _data_table(doc, tb: Table) -> None:
    cap = _par(
        doc, tb.caption, size=TABLE_PT + 1, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=2, before=4
    )
    cap.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1 + len(tb.rows), cols=len(tb.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    num = tb.numeric or [False] * len(tb.columns)
    for j, col in enumerate(tb.columns):
        _cell_text(table.rows[0].cells[j], col, size=TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table.rows[0])
    for i, r in enumerate(tb.rows, 1):
        bold = tb.total_row and i == len(tb.rows)
        cells = table.rows[i].cells
        for j, v in enumerate(r):
            align = WD_ALIGN_PARAGRAPH.RIGHT if j < len(num) and num[j] else WD_ALIGN_PARAGRAPH.LEFT
            _cell_text(cells[j], v, size=TABLE_PT, bold=bold, align=align)
    _par(doc, "", after=4)


def render_docx(report: Report, path: Path, *, with_charts: bool | None = None) -> Path:
    h = report.header
    doc = Document()
    # Document defaults: Times New Roman everywhere, also for styles python-docx adds later.
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _fonts(normal.element)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        try:
            st = doc.styles[name]
        except KeyError:
            continue
        st.font.name = FONT
        _fonts(st.element)
        if name.startswith("Heading"):
            st.font.size = Pt(BODY_PT)
            st.font.bold = True
            st.font.italic = False
            st.font.color.rgb = None
            st.font.color.theme_color = None
            st.paragraph_format.space_before = Pt(6)
            st.paragraph_format.space_after = Pt(6)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance = Mm(10)
    _page_number_header(sec)

    # ---- head: issuing body (left) | national title, motto, place and date (right)
    left_mm, right_mm = 65.0, TEXT_WIDTH_MM - 65.0
    head = doc.add_table(rows=1, cols=2)
    head.autofit = False
    _no_borders(head)
    head.columns[0].width, head.columns[1].width = Mm(left_mm), Mm(right_mm)  # the grid Word lays out by
    lc, rc = head.rows[0].cells
    lc.width, rc.width = Mm(left_mm), Mm(right_mm)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if h.parent_body:
        _cell_text(lc, h.parent_body, size=13, align=center)
    _cell_text(lc, h.issuer, size=13, bold=True, align=center)
    _rule(lc, left_mm * 0.4, left_mm)
    _cell_text(lc, h.number_line, size=13, align=center)
    _cell_text(rc, h.national_title, size=13, bold=True, align=center)
    _cell_text(rc, h.motto, size=14, bold=True, align=center)
    _rule(rc, 62.0, right_mm)
    _cell_text(rc, h.place_date, size=14, italic=True, align=center)

    _par(doc, h.doc_type, bold=True, align=center, before=18, after=0)
    _par(doc, h.subject, bold=True, align=center, after=0)
    rule_par = doc.add_table(rows=1, cols=1)
    _no_borders(rule_par)
    _rule(rule_par.rows[0].cells[0], 45.0, TEXT_WIDTH_MM)

    font_dir = None
    if with_charts is None or with_charts:
        from tinhhinh.report.pdf import font_dir as find_fonts

        font_dir = find_fonts()
    if with_charts is None:
        with_charts = font_dir is not None or charts.png_available()
    for s in report.sections:
        if s.heading:
            level = 1 if s.level == 1 else 2
            par = doc.add_heading(level=level)
            par.paragraph_format.keep_with_next = True
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT
            _run(par, s.heading, bold=True)
        for b in s.blocks:
            if isinstance(b, Para):
                text = ("- " + b.text) if b.kind == "bullet" else b.text
                _par(doc, text, indent=True)
            elif isinstance(b, Table):
                _data_table(doc, b)
            elif isinstance(b, Chart) and with_charts:
                if font_dir is not None and b.spec:
                    from tinhhinh.report.raster import chart_png

                    png = chart_png(b.spec, b.title, font_dir)
                else:
                    png = charts.to_png(b.svg)
                doc.add_picture(io.BytesIO(png), width=Mm(TEXT_WIDTH_MM - 10))
                doc.paragraphs[-1].alignment = center

    # ---- recipients (left) | signer (right)
    _par(doc, "", after=6)
    tail = doc.add_table(rows=1, cols=2)
    tail.autofit = False
    _no_borders(tail)
    tail.columns[0].width, tail.columns[1].width = Mm(left_mm + 10), Mm(right_mm - 10)
    lc, rc = tail.rows[0].cells
    lc.width, rc.width = Mm(left_mm + 10), Mm(right_mm - 10)
    _cell_text(lc, h.recipients_label, size=12, bold=True, italic=True)
    for r in h.recipients:
        _cell_text(lc, r, size=11)
    _cell_text(rc, h.signer_title, size=14, bold=True, align=center)
    _cell_text(rc, h.signer_note, size=14, italic=True, align=center)

    # Fixed metadata: the same report gives the same document properties.
    issued = dt.datetime.combine(dt.date.fromisoformat(report.period["last"]), dt.time(0))
    cp = doc.core_properties
    cp.title = f"{h.doc_type} — {h.subject}"
    cp.subject = h.subject
    cp.author = h.issuer
    cp.last_modified_by = h.issuer
    cp.language = "vi-VN" if report.lang == "vi" else "en"
    cp.created = issued
    cp.modified = issued
    cp.last_printed = issued
    cp.revision = 1
    cp.comments = "tinhhinh report"
    path = Path(path)
    doc.save(str(path))
    return path
