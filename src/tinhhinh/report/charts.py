"""Server-side SVG charts: data in, an SVG string out. Used by the report and the dashboard.

Every chart is a standalone ``<svg>`` with ``role="img"``, a ``<title>`` and a ``<desc>`` (read by screen
readers), axis labels, and a ``<title>`` on each bar/point giving its exact value. A chart never stands
alone in a report: the same numbers are always given as a table next to it.

    bar([("Y tế", 12), ("Giáo dục", 7)], title="Items by area", value_label="items")
    stacked_bar(["SYT", "CA"], {"resolved": [3, 1], "open": [2, 4]}, title=...)
    line(["01/11", "02/11"], {"items": [40, 52]}, title=..., x_label="day", y_label="items")

``to_png(svg)`` needs the optional ``cairosvg`` package (and the system cairo library); it raises
``UserError`` saying what to install when they are missing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

from tinhhinh.console import UserError

# Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in greyscale print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
_ids = {"n": 0}


def _esc(text: object) -> str:
    return escape(str(text), {'"': "&quot;"})


def _fmt_num(v: float, decimal_comma: bool = False) -> str:
    """An integer as is, else one decimal: 2.8, or 2,8 in Vietnamese (``decimal_comma``)."""
    s = f"{int(v)}" if float(v).is_integer() else f"{v:.1f}"
    return s.replace(".", ",") if decimal_comma else s


_num = _fmt_num


def nice_ticks(top: float, max_ticks: int = 5) -> list[float]:
    """0 and round steps (1, 2, 5 × 10^k) up to at least ``top``."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / max_ticks
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    if step < 1 and float(top).is_integer():
        step = 1.0
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def _clip(label: str, n: int) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def _open(width: int, height: int, title: str, desc: str) -> tuple[str, str]:
    # Ids are derived from the title (not a counter) so the same data always gives the same SVG.
    import hashlib

    tid = "c" + hashlib.sha1(f"{title}|{desc}".encode()).hexdigest()[:10]
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{tid}-t {tid}-d" '
        f'font-family="{FONT}" font-size="12">'
        f'<title id="{tid}-t">{_esc(title)}</title><desc id="{tid}-d">{_esc(desc)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
        f'<text x="{width / 2:.1f}" y="18" text-anchor="middle" font-size="14" font-weight="bold">'
        f"{_esc(title)}</text>"
    )
    return head, "</svg>"


# Average advance of a character of DejaVu Sans (the font the PDF embeds) at 12 px; Vietnamese letters
# with marks are no wider. An estimate is enough: it only decides where text is cut or wrapped.
_CHAR_PX = 7.0


def _text_px(text: str, size: float = 12) -> float:
    return len(text) * _CHAR_PX * size / 12


def _legend(names: Sequence[str], x: float, y: float, right: float) -> tuple[str, float]:
    """Legend entries left to right, wrapping to a new line at ``right`` instead of cutting names
    ("đang xử lý, còn h…"); returns the SVG and the height it takes."""
    parts, xx, line_h, lines = [], x, 18, 1
    for i, name in enumerate(names):
        label = _clip(str(name), 48)
        w = 14 + _text_px(label) + 16
        if xx > x and xx + w > right:
            xx, lines = x, lines + 1
        yy = y + (lines - 1) * line_h
        parts.append(
            f'<rect x="{xx:.1f}" y="{yy - 9:.1f}" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{xx + 14:.1f}" y="{yy:.1f}">{_esc(label)}</text>'
        )
        xx += w
    return "".join(parts), lines * line_h


def _label_width(labels: Sequence[str], width: int) -> int:
    """Room for the category names left of the bars: the longest name, within 60 px and 45 % of the chart."""
    longest = max((_text_px(str(c)) for c in labels), default=0)
    return int(min(max(60, longest + 14), 0.45 * width))


def stacked_bar(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    value_label: str = "",
    category_label: str = "",
    width: int = 640,
    label_width: int | None = None,
    decimal_comma: bool = False,
) -> str:
    """Horizontal bars, one per category, each split into the series (in the mapping's order).
    ``label_width``: room for the category names (default: as wide as the longest needs, within 45 %).
    ``decimal_comma``: write 2,8 rather than 2.8 (Vietnamese)."""

    def _num(v: float) -> str:
        return _fmt_num(v, decimal_comma)

    names = list(series)
    cats = list(categories)
    totals = [sum(float(series[s][i]) for s in names) for i in range(len(cats))]
    label_width = label_width if label_width is not None else _label_width(cats, width)
    x0, x1 = label_width, width - 24
    legend, legend_h = _legend(names, x0, 40, width - 8) if len(names) > 1 else ("", 0)
    row_h, top_pad = 22, 34 + legend_h
    plot_h = max(1, len(cats)) * row_h
    height = top_pad + plot_h + 46
    ticks = nice_ticks(max(totals, default=0))
    scale = (x1 - x0) / (ticks[-1] or 1)
    desc = "; ".join(
        f"{c}: " + ", ".join(f"{s} {_num(series[s][i])}" for s in names) for i, c in enumerate(cats)
    )
    head, tail = _open(width, height, title, desc or "no data")
    parts = [head, legend]
    y_axis_bottom = top_pad + plot_h
    fits = max(4, int((label_width - 10) / _CHAR_PX))  # characters of a name left of the bars
    for t in ticks:
        x = x0 + t * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top_pad - 4}" x2="{x:.1f}" y2="{y_axis_bottom}" stroke="#dddddd"/>'
            f'<text x="{x:.1f}" y="{y_axis_bottom + 14}" text-anchor="middle" font-size="11">{_num(t)}</text>'
        )
    for i, cat in enumerate(cats):
        y = top_pad + i * row_h
        parts.append(
            f'<text x="{x0 - 6}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end"><title>{_esc(cat)}</title>'
            f"{_esc(_clip(cat, fits))}</text>"
        )
        x = float(x0)
        for j, s in enumerate(names):
            v = float(series[s][i])
            w = v * scale
            if w > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"><title>{_esc(cat)} — {_esc(s)}: {_num(v)}</title></rect>'
                )
            x += w
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + row_h / 2 + 4:.1f}" font-size="11">{_num(totals[i])}</text>'
        )
    parts.append(f'<line x1="{x0}" y1="{top_pad - 4}" x2="{x0}" y2="{y_axis_bottom}" stroke="#333333"/>')
    parts.append(
        f'<text x="{(x0 + x1) / 2:.1f}" y="{height - 10}" text-anchor="middle">{_esc(value_label)}</text>'
    )
    if category_label:
        parts.append(f'<text x="8" y="{top_pad - 10}" font-style="italic">{_esc(category_label)}</text>')
    parts.append(tail)
    return "".join(parts)


def bar(
    data: Sequence[tuple[str, float]],
    *,
    title: str,
    value_label: str = "",
    category_label: str = "",
    width: int = 640,
    label_width: int | None = None,
    decimal_comma: bool = False,
) -> str:
    """Horizontal bars (long Vietnamese labels stay readable), in the order given."""
    name = value_label or "value"
    return stacked_bar(
        [c for c, _ in data],
        {name: [v for _, v in data]},
        title=title,
        value_label=value_label,
        category_label=category_label,
        width=width,
        label_width=label_width,
        decimal_comma=decimal_comma,
    )


def line(
    x: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    x_label: str = "",
    y_label: str = "",
    width: int = 640,
    height: int = 280,
) -> str:
    """Lines over time: ``x`` are the labels of the points (dates), one line per series."""
    names = list(series)
    xs = list(x)
    legend, legend_h = _legend(names, 56, 40, width - 8) if len(names) > 1 else ("", 0)
    top_pad = 34 + legend_h
    height += max(0, legend_h - 18)  # a second legend line does not squeeze the plot
    x0, x1, y0, y1 = 56, width - 20, height - 52, top_pad
    ticks = nice_ticks(max((float(v) for s in names for v in series[s]), default=0))
    ys = (y0 - y1) / (ticks[-1] or 1)
    step = (x1 - x0) / max(1, len(xs) - 1)
    desc = "; ".join(
        f"{s}: " + ", ".join(f"{xs[i]} {_num(v)}" for i, v in enumerate(series[s])) for s in names
    )
    head, tail = _open(width, height, title, desc or "no data")
    parts = [head, legend]
    for t in ticks:
        y = y0 - t * ys
        parts.append(
            f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{_num(t)}</text>'
        )
    every = max(1, math.ceil(len(xs) / 8))
    for i, label in enumerate(xs):
        # counted back from the last point (today, the one people look for), evenly: the last label no
        # longer lands on top of its neighbour ("11-2611-27")
        if (len(xs) - 1 - i) % every == 0:
            xx = x0 + i * step
            parts.append(
                f'<text x="{xx:.1f}" y="{y0 + 16}" text-anchor="middle" font-size="11">{_esc(label)}</text>'
            )
    for j, s in enumerate(names):
        colour = PALETTE[j % len(PALETTE)]
        pts = [(x0 + i * step, y0 - float(v) * ys) for i, v in enumerate(series[s])]
        if pts:
            d = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
            parts.append(f'<polyline points="{d}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, (px, py) in enumerate(pts):
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.5" fill="{colour}">'
                f"<title>{_esc(s)}, {_esc(xs[i])}: {_num(series[s][i])}</title></circle>"
            )
    parts.append(
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="#333333"/>'
        f'<line x1="{x0}" y1="{y1}" x2="{x0}" y2="{y0}" stroke="#333333"/>'
        f'<text x="{(x0 + x1) / 2:.1f}" y="{height - 12}" text-anchor="middle">{_esc(x_label)}</text>'
        f'<text x="14" y="{(y0 + y1) / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {(y0 + y1) / 2:.1f})">{_esc(y_label)}</text>'
    )
    parts.append(tail)
    return "".join(parts)


def png_available() -> bool:
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def to_png(svg: str, scale: float = 2.0) -> bytes:
    """Rasterise a chart (for Word documents). Needs cairosvg and the system cairo library."""
    try:
        import cairosvg
    except (ImportError, OSError) as exc:
        raise UserError(
            "PNG charts need cairosvg: `pip install 'cairosvg>=2.7,<3'` (and `apt-get install libcairo2` "
            f"on Debian/Ubuntu); reports still contain every figure as a table ({exc})"
        ) from exc
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
