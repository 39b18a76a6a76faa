"""The report as PDF, drawn with fpdf2 (pure Python) in the same layout as the Word file.

fpdf2 needs a Unicode TrueType font for Vietnamese: DejaVu Serif from Debian/Ubuntu ``fonts-dejavu-core``
(/usr/share/fonts/truetype/dejavu), or any folder holding DejaVuSerif*.ttf named by the setting
``report.font_dir`` / env ``TINHHINH_FONT_DIR``. Charts are drawn natively from their data (fpdf2 drops SVG text).
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
            # keep a heading with what follows it (a chart needs more room than a paragraph)
            if pdf.get_y() > pdf.h - (90 if s.blocks and isinstance(s.blocks[0], Chart) else 45):
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
            elif isinstance(b, Chart) and b.spec:
                # Drawn natively from the chart's data: fpdf2's SVG import drops text and markers.
                _draw_chart(pdf, b, x0, width)
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


COLOURS = ((0, 114, 178), (230, 159, 0), (0, 158, 115), (213, 94, 0), (204, 121, 167), (86, 180, 233))


def _num(v: float) -> str:
    return f"{int(v)}" if float(v).is_integer() else f"{v:.1f}"


def _draw_chart(pdf, chart: Chart, x0: float, width: float) -> None:
    """Bars (horizontal, stacked when several series) or a line, with ticks, axis label and legend."""
    from tinhhinh.report.charts import nice_ticks

    spec = chart.spec
    cats, series = list(spec["categories"]), dict(spec["series"])
    names = list(series)
    if spec["kind"] == "line":
        height = 62.0
    else:
        height = 14 + 5.0 * max(1, len(cats)) + (6 if len(names) > 1 else 0)
    if pdf.get_y() + height + 12 > pdf.h - pdf.b_margin:
        pdf.add_page()
    top = pdf.get_y() + 1
    pdf.set_font("serif", "B", 10)
    pdf.set_xy(x0, top)
    pdf.cell(width, 5, chart.title, align="C")
    y = top + 6
    pdf.set_font("serif", "", 8)
    if len(names) > 1:
        for i, name in enumerate(names):
            lx = x0 + 55 + i * 45
            pdf.set_fill_color(*COLOURS[i % len(COLOURS)])
            pdf.rect(lx, y + 1, 3, 3, style="F")
            pdf.set_xy(lx + 4, y)
            pdf.cell(40, 5, name)
        y += 6
    pdf.set_draw_color(200, 200, 200)
    if spec["kind"] == "line":
        values = [float(v) for v in series[names[0]]] if names else []
        ticks = nice_ticks(max(values, default=0))
        px0, px1, py0, py1 = x0 + 12, x0 + width - 4, y + height - 22, y + 2
        scale = (py0 - py1) / (ticks[-1] or 1)
        for tk in ticks:
            ty = py0 - tk * scale
            pdf.line(px0, ty, px1, ty)
            pdf.set_xy(x0, ty - 2)
            pdf.cell(11, 4, _num(tk), align="R")
        step = (px1 - px0) / max(1, len(values) - 1)
        every = max(1, -(-len(cats) // 10))
        for i, label in enumerate(cats):
            if i % every == 0 or i == len(cats) - 1:
                pdf.set_xy(px0 + i * step - 8, py0 + 1)
                pdf.cell(16, 4, label, align="C")
        pdf.set_draw_color(*COLOURS[0])
        pdf.set_line_width(0.5)
        pts = [(px0 + i * step, py0 - v * scale) for i, v in enumerate(values)]
        for a, b in zip(pts, pts[1:], strict=False):
            pdf.line(a[0], a[1], b[0], b[1])
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0, 0, 0)
        pdf.line(px0, py0, px1, py0)
        pdf.line(px0, py1, px0, py0)
        pdf.set_xy(px0, py0 + 6)
        pdf.cell(px1 - px0, 4, spec.get("x_label", ""), align="C")
        pdf.set_y(py0 + 12)
    else:
        totals = [sum(float(series[n][i]) for n in names) for i in range(len(cats))]
        ticks = nice_ticks(max(totals, default=0))
        label_w = 58.0
        bx0, bx1 = x0 + label_w, x0 + width - 10
        scale = (bx1 - bx0) / (ticks[-1] or 1)
        bottom = y + 5.0 * len(cats)
        for tk in ticks:
            tx = bx0 + tk * scale
            pdf.line(tx, y, tx, bottom)
            pdf.set_xy(tx - 6, bottom + 0.5)
            pdf.cell(12, 4, _num(tk), align="C")
        for i, cat in enumerate(cats):
            ry = y + i * 5.0
            pdf.set_xy(x0, ry + 0.5)
            text = cat if pdf.get_string_width(cat) < label_w - 2 else cat[:34] + "…"
            pdf.cell(label_w - 2, 4, text, align="R")
            bx = bx0
            for j, name in enumerate(names):
                w = float(series[name][i]) * scale
                if w > 0:
                    pdf.set_fill_color(*COLOURS[j % len(COLOURS)])
                    pdf.rect(bx, ry + 0.8, w, 3.4, style="F")
                bx += w
            pdf.set_xy(bx + 1, ry + 0.5)
            pdf.cell(10, 4, _num(totals[i]))
        pdf.set_draw_color(0, 0, 0)
        pdf.line(bx0, y, bx0, bottom)
        pdf.set_xy(bx0, bottom + 5)
        pdf.cell(bx1 - bx0, 4, spec.get("value_label", ""), align="C")
        pdf.set_y(bottom + 11)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)  # tables drawn next must not inherit the bar colour
