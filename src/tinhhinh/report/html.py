"""The report as one standalone HTML file: inline CSS, inline SVG charts, no script, no external request."""

from __future__ import annotations

from html import escape

from tinhhinh.report.model import Chart, Para, Report, Table
from tinhhinh.report.text import t

CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt;
       line-height: 1.35; color: #000; max-width: 170mm; margin: 2em auto; padding: 0 1em; }
table.head { width: 100%; border-collapse: collapse; margin-bottom: 1.2em; }
table.head td { vertical-align: top; text-align: center; border: none; padding: 0; }
table.head td.left { width: 40%; } table.head td.right { width: 60%; }
.body-name { font-weight: bold; } .title { font-weight: bold; font-size: 12.5pt; }
.motto { font-weight: bold; font-size: 13.5pt; }
.rule { display: inline-block; border-top: 1px solid #000; width: 45%; margin: 2px 0 6px; }
.rule.wide { width: 75%; }
.place-date { font-style: italic; margin-top: .6em; }
h1 { text-align: center; font-size: 14pt; margin: .8em 0 0; }
.subject { text-align: center; font-weight: bold; margin: .2em 0 1em; }
h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
h3 { font-size: 13pt; margin: 1em 0 .3em; }
h2, h3, caption { break-after: avoid; page-break-after: avoid; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
p.bullet { text-indent: 0; padding-left: 1cm; }
table.data { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 11pt; page-break-inside: auto; }
table.data caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: .2em; }
table.data th, table.data td { border: 1px solid #444; padding: 2px 5px; vertical-align: top; }
table.data th { background: #eee; } table.data td.num { text-align: right; white-space: nowrap; }
table.data tr.total td { font-weight: bold; }
figure { margin: .4em 0 .2em; page-break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 10.5pt; font-style: italic; }
table.sign { width: 100%; margin-top: 2em; } table.sign td { vertical-align: top; border: none; }
.recipients { font-size: 11pt; } .recipients b { font-style: italic; font-size: 12pt; }
.signer { text-align: center; font-weight: bold; }
@media print { body { margin: 0; max-width: none; } }
"""


def _table(tb: Table) -> str:
    num = tb.numeric or [False] * len(tb.columns)
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in tb.columns)
    rows = []
    for i, r in enumerate(tb.rows):
        cls = ' class="total"' if tb.total_row and i == len(tb.rows) - 1 else ""
        cells = "".join(
            f'<td class="num">{escape(v)}</td>' if (j < len(num) and num[j]) else f"<td>{escape(v)}</td>"
            for j, v in enumerate(r)
        )
        rows.append(f"<tr{cls}>{cells}</tr>")
    return (
        f'<table class="data"><caption>{escape(tb.caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def render_html(report: Report) -> str:
    h = report.header
    lang = report.lang
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(h.doc_type)} — {escape(h.subject)}</title><style>{CSS}</style></head><body>",
        '<table class="head" role="presentation"><tr><td class="left">',
    ]
    if h.parent_body:
        parts.append(f"<div>{escape(h.parent_body)}</div>")
    parts.append(
        f'<div class="body-name">{escape(h.issuer)}</div><div class="rule"></div><div style="white-space:pre">{escape(h.number_line)}</div>'
        f'</td><td class="right"><div class="title">{escape(h.national_title)}</div>'
        f'<div class="motto">{escape(h.motto)}</div><div class="rule wide"></div>'
        f'<div class="place-date">{escape(h.place_date)}</div></td></tr></table>'
        f'<h1>{escape(h.doc_type)}</h1><div class="subject">{escape(h.subject)}</div>'
    )
    for s in report.sections:
        if s.heading:
            tag = "h2" if s.level == 1 else "h3"
            parts.append(f"<{tag}>{escape(s.heading)}</{tag}>")
        for b in s.blocks:
            if isinstance(b, Para):
                cls = ' class="bullet"' if b.kind == "bullet" else ""
                text = ("- " if b.kind == "bullet" else "") + b.text
                parts.append(f"<p{cls}>{escape(text)}</p>")
            elif isinstance(b, Table):
                parts.append(_table(b))
            elif isinstance(b, Chart):
                note = t("chart_note", report.lang, title=b.title)
                parts.append(f"<figure>{b.svg}<figcaption>{escape(note)}</figcaption></figure>")
    rec = "".join(f"{escape(r)}<br>" for r in h.recipients)
    parts.append(
        f'<table class="sign" role="presentation"><tr><td class="recipients"><b>{escape(h.recipients_label)}</b><br>'
        f'{rec}</td><td class="signer">{escape(h.signer_title)}<br><i style="font-weight:normal">'
        f"{escape(h.signer_note)}</i></td></tr></table></body></html>"
    )
    return "\n".join(parts)
