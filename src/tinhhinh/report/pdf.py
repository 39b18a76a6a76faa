"""The report as PDF, drawn with fpdf2 (pure Python) in the same layout as the Word file.

fpdf2 needs a Unicode TrueType font for Vietnamese: DejaVu Serif from Debian/Ubuntu ``fonts-dejavu-core``
(/usr/share/fonts/truetype/dejavu), or any folder holding DejaVuSerif*.ttf named by the setting
``report.font_dir`` / env ``TINHHINH_FONT_DIR``. Tables only: the charts are in the HTML (and DOCX with cairosvg).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tinhhinh import config
from tinhhinh.console import UserError
from tinhhinh.report.model import Chart, Para, Report, Table

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
# Condensed: its width is close to Times New Roman's, so the head lines break where they do in Word.
FACES = {"": "DejaVuSerifCondensed.ttf", "B": "DejaVuSerifCondensed-Bold.ttf",
         "I": "DejaVuSerifCondensed-Italic.ttf", "BI": "DejaVuSerifCondensed-BoldItalic.ttf"}  # fmt: skip
MISSING = (
    "PDF needs the DejaVu Serif font (Unicode, for Vietnamese): `sudo apt-get install fonts-dejavu-core` "
    "(Debian/Ubuntu) or set TINHHINH_FONT_DIR to a folder holding DejaVuSerif.ttf; DOCX and HTML work without it"
)


def font_dir() -> Path | None:
    candidates = [os.environ.get("TINHHINH_FONT_DIR"), config.setting("report.font_dir"), *FONT_DIRS]
    for c in candidates:
        if c and (Path(c) / FACES[""]).exists() and (Path(c) / FACES["B"]).exists():
            return Path(c)
    return None


def available() -> str | None:
    """None when PDF can be written, else what to install."""
    return None if font_dir() else MISSING


def render_pdf(report: Report, path: Path) -> Path:
    from fpdf import FPDF
    from fpdf.enums import TableCellFillMode

    fonts = font_dir()
    if fonts is None:
        raise UserError(MISSING)
    h = report.header

    class Doc(FPDF):
        def header(self) -> None:  # page number centred at the top, from page 2 (Decree 30 Appendix I)
            if self.page_no() > 1:
                self.set_font("serif", "", 13)
                self.set_y(10)
                self.cell(0, 6, str(self.page_no()), align="C")
                self.set_y(20)

    pdf = Doc(format="A4", unit="mm")
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, margin=20)
    for style, name in FACES.items():
        if (fonts / name).exists():
            pdf.add_font("serif", style, str(fonts / name))
    pdf.set_creation_date(
        dt.datetime.combine(dt.date.fromisoformat(report.period["last"]), dt.time(0), dt.UTC)
    )
    pdf.set_title(f"{h.doc_type} — {h.subject}")
    pdf.set_author(h.issuer)
    pdf.set_lang("vi" if report.lang == "vi" else "en")
    pdf.add_page()
    width = pdf.epw
    left_w = 65.0
    right_w = width - left_w

    def centred(text: str, x: float, w: float, size: float, style: str = "") -> None:
        pdf.set_font("serif", style, size)
        pdf.set_x(x)
        pdf.multi_cell(w, 6, text, align="C", new_x="LEFT", new_y="NEXT")

    def rule(x: float, w: float, length: float) -> None:
        y = pdf.get_y() + 2.5
        pdf.line(x + (w - length) / 2, y, x + (w + length) / 2, y)
        pdf.set_y(y + 2)

    top = pdf.get_y()
    x0 = pdf.l_margin
    if h.parent_body:
        centred(h.parent_body, x0, left_w, 12)
    centred(h.issuer, x0, left_w, 12, "B")
    rule(x0, left_w, left_w * 0.4)
    centred(h.number_line, x0, left_w, 12)
    left_end = pdf.get_y()
    pdf.set_y(top)
    xr = x0 + left_w
    centred(h.national_title, xr, right_w, 12, "B")
    centred(h.motto, xr, right_w, 13, "B")
    rule(xr, right_w, 60)
    centred(h.place_date, xr, right_w, 13, "I")
    pdf.set_y(max(left_end, pdf.get_y()) + 6)
    centred(h.doc_type, x0, width, 14, "B")
    centred(h.subject, x0, width, 13, "B")
    rule(x0, width, 45)
    pdf.ln(3)

    def para(text: str, size: float = 13, style: str = "", indent: bool = True) -> None:
        pdf.set_font("serif", style, size)
        pdf.set_x(x0)
        pdf.multi_cell(width, 6.2, ("      " if indent else "") + text, align="J", new_x="LEFT", new_y="NEXT")
        pdf.ln(1.5)

    for s in report.sections:
        if s.heading:
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            pdf.ln(1.5)
            para(s.heading, 13, "B", indent=False)
        for b in s.blocks:
            if isinstance(b, Para):
                para(("- " if b.kind == "bullet" else "") + b.text)
            elif isinstance(b, Table):
                pdf.set_font("serif", "I", 11)
                pdf.set_x(x0)
                pdf.multi_cell(width, 5.5, b.caption, new_x="LEFT", new_y="NEXT")
                pdf.set_font("serif", "", 10)
                num = b.numeric or [False] * len(b.columns)
                aligns = tuple(
                    "RIGHT" if (j < len(num) and num[j]) else "LEFT" for j in range(len(b.columns))
                )
                widths = _col_widths(b)
                with pdf.table(
                    width=min(width, sum(widths) * 2.0 + 4 * len(widths)),
                    align="CENTER",
                    text_align=aligns,
                    line_height=5,
                    headings_style=_headings(),
                    cell_fill_mode=TableCellFillMode.NONE,
                    col_widths=widths,
                    repeat_headings=1,
                ) as table:
                    table.row(b.columns)
                    for i, r in enumerate(b.rows):
                        if b.total_row and i == len(b.rows) - 1:
                            pdf.set_font("serif", "B", 10)
                        table.row(r)
                        pdf.set_font("serif", "", 10)
                pdf.ln(3)
            elif isinstance(b, Chart):
                # fpdf2 draws too little of SVG (text, markers) to be trusted: the PDF keeps the tables,
                # which carry the same numbers; the HTML file has the charts.
                continue
    pdf.ln(6)
    top = pdf.get_y()
    if top > pdf.h - 50:
        pdf.add_page()
        top = pdf.get_y()
    pdf.set_font("serif", "BI", 11)
    pdf.set_xy(x0, top)
    pdf.cell(left_w + 10, 5.5, h.recipients_label, new_x="LEFT", new_y="NEXT")
    pdf.set_font("serif", "", 10)
    for r in h.recipients:
        pdf.set_x(x0)
        pdf.cell(left_w + 10, 5, r, new_x="LEFT", new_y="NEXT")
    pdf.set_y(top)
    centred(h.signer_title, xr + 10, right_w - 10, 13, "B")
    centred(h.signer_note, xr + 10, right_w - 10, 13, "I")
    path = Path(path)
    pdf.output(str(path))
    return path


def _headings():
    from fpdf.fonts import FontFace

    return FontFace(family="serif", emphasis="BOLD", fill_color=(235, 235, 235))


def _col_widths(tb: Table) -> tuple[float, ...]:
    """Text columns get more room than numbers (in relative units)."""
    num = tb.numeric or [False] * len(tb.columns)
    widths = []
    for j, col in enumerate(tb.columns):
        longest = max([max(len(w) for w in col.split()) * 1.1] + [len(r[j]) for r in tb.rows if j < len(r)])
        widths.append(min(max(longest, 9), 18) if (j < len(num) and num[j]) else min(max(longest, 8), 36))
    return tuple(widths)
