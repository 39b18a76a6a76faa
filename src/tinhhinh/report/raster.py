"""PNG charts for the Word file, drawn with Pillow (installed with fpdf2) from the chart's data.

The SVG (charts.py) stays the reference; this draws the same bars and lines so a Word document has its
charts without cairo. Needs the DejaVu font the PDF uses; without it the Word file keeps tables only.
"""

from __future__ import annotations

import io
from pathlib import Path

from tinhhinh.report.charts import nice_ticks

COLOURS = ((0, 114, 178), (230, 159, 0), (0, 158, 115), (213, 94, 0), (204, 121, 167), (86, 180, 233))
W = 1400


def _fonts(font_dir: Path):
    from PIL import ImageFont

    regular = font_dir / "DejaVuSans.ttf"
    bold = font_dir / "DejaVuSans-Bold.ttf"
    if not regular.exists():
        regular = font_dir / "DejaVuSerifCondensed.ttf"
        bold = font_dir / "DejaVuSerifCondensed-Bold.ttf"
    return ImageFont.truetype(str(regular), 22), ImageFont.truetype(
        str(bold if bold.exists() else regular), 26
    )


def _num(v: float) -> str:
    return f"{int(v)}" if float(v).is_integer() else f"{v:.1f}"


def chart_png(spec: dict, title: str, font_dir: Path) -> bytes:
    """A PNG of a bar / stacked / line chart spec (see build._chart)."""
    from PIL import Image, ImageDraw

    font, bold = _fonts(font_dir)
    cats, series = list(spec["categories"]), dict(spec["series"])
    names = list(series)
    legend = len(names) > 1
    top = 60 + (40 if legend else 0)
    if spec["kind"] == "line":
        height = 560
    else:
        height = top + 44 * max(1, len(cats)) + 90
    img = Image.new("RGB", (W, height), "white")
    d = ImageDraw.Draw(img)
    d.text((W / 2, 14), title, font=bold, fill="black", anchor="ma")
    if legend:
        for i, name in enumerate(names):
            x = 460 + i * 300
            d.rectangle([x, 66, x + 22, 88], fill=COLOURS[i % len(COLOURS)])
            d.text((x + 32, 64), name, font=font, fill="black")
    grid = (210, 210, 210)
    if spec["kind"] == "line":
        values = [float(v) for v in series[names[0]]] if names else []
        ticks = nice_ticks(max(values, default=0))
        x0, x1, y0, y1 = 110, W - 70, height - 110, top + 20
        d.text((x0 - 90, top - 16), spec.get("value_label", ""), font=font, fill="black")
        scale = (y0 - y1) / (ticks[-1] or 1)
        for tk in ticks:
            y = y0 - tk * scale
            d.line([x0, y, x1, y], fill=grid, width=2)
            d.text((x0 - 12, y), _num(tk), font=font, fill="black", anchor="rm")
        step = (x1 - x0) / max(1, len(values) - 1)
        every = max(1, -(-len(cats) // 10))
        for i, label in enumerate(cats):
            if i % every == 0 or i == len(cats) - 1:
                d.text((x0 + i * step, y0 + 12), label, font=font, fill="black", anchor="ma")
        pts = [(x0 + i * step, y0 - v * scale) for i, v in enumerate(values)]
        if len(pts) > 1:
            d.line(pts, fill=COLOURS[0], width=5, joint="curve")
        for px, py in pts:
            d.ellipse([px - 5, py - 5, px + 5, py + 5], fill=COLOURS[0])
        d.line([x0, y0, x1, y0], fill="black", width=2)
        d.line([x0, y1, x0, y0], fill="black", width=2)
        d.text(((x0 + x1) / 2, height - 50), spec.get("x_label", ""), font=font, fill="black", anchor="ma")
    else:
        totals = [sum(float(series[n][i]) for n in names) for i in range(len(cats))]
        ticks = nice_ticks(max(totals, default=0))
        x0, x1 = 520, W - 90
        scale = (x1 - x0) / (ticks[-1] or 1)
        bottom = top + 44 * len(cats)
        for tk in ticks:
            x = x0 + tk * scale
            d.line([x, top, x, bottom], fill=grid, width=2)
            d.text((x, bottom + 10), _num(tk), font=font, fill="black", anchor="ma")
        for i, cat in enumerate(cats):
            y = top + i * 44
            label = cat if d.textlength(cat, font=font) < x0 - 30 else cat[:38] + "…"
            d.text((x0 - 14, y + 22), label, font=font, fill="black", anchor="rm")
            x = float(x0)
            for j, name in enumerate(names):
                w = float(series[name][i]) * scale
                if w > 0:
                    d.rectangle([x, y + 7, x + w, y + 37], fill=COLOURS[j % len(COLOURS)])
                x += w
            d.text((x + 10, y + 22), _num(totals[i]), font=font, fill="black", anchor="lm")
        d.line([x0, top, x0, bottom], fill="black", width=2)
        d.text(
            ((x0 + x1) / 2, bottom + 46), spec.get("value_label", ""), font=font, fill="black", anchor="ma"
        )
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()
