"""Terminal rendering of results (stdout)."""

from __future__ import annotations

import re

from rich.text import Text

from tinhhinh.console import out
from tinhhinh.item import copy_roots
from tinhhinh.timefmt import local_short

# Control characters (C0 but newline and tab, DEL, C1) and lone surrogates. Ingest removes them since
# 29 Nov 2026, but older databases (and what people type into --user or a query) can hold them, and
# written to a terminal ESC sequences set window titles, clear the screen or forge links.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(value: str) -> str:
    """``value`` with each control character shown as an escape (``\\x1b``), so printing it cannot drive the
    terminal."""
    if value.isprintable() or _CONTROL.search(value) is None:
        return value
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", value
    )


def highlighted(snippet: str, marks: list[tuple[int, int]]) -> Text:
    if visible(snippet) is not snippet:  # escaping changes lengths: build it piece by piece
        text = Text()
        at = 0
        for start, end in sorted(marks):
            if start < at:
                continue
            text.append(visible(snippet[at:start]))
            text.append(visible(snippet[start:end]), style="bold yellow")
            at = end
        return text.append(visible(snippet[at:]))
    text = Text(snippet)
    for start, end in marks:
        text.stylize("bold yellow", start, end)
    return text


def print_hits(hits) -> int:
    """Hits, best first; a copy (``dup_of``) of a hit shown above is one line under that hit, so the
    same story syndicated by four papers is read once. Returns how many copies were folded that way."""
    root = copy_roots({hit.pk: hit.dup_of for hit in hits})
    copies: dict[int, list] = {}
    for hit in hits:
        if root[hit.pk] != hit.pk:
            copies.setdefault(root[hit.pk], []).append(hit)
    folded = {id(c) for group in copies.values() for c in group}
    n = 0
    for hit in hits:
        if id(hit) in folded:
            continue
        n += 1
        head = Text(f"{n:>2}. ", style="dim")
        head.append(visible(hit.title) or "(no title)", style="bold")
        out.print(head)
        copy = " · copy" if hit.dup_of is not None else ""
        meta = f"    {hit.source} · {local_short(hit.published_at)} · {hit.area or '-'}{copy} · id {hit.id}"
        out.print(Text(visible(meta), style="dim"))
        out.print(Text("    ").append(highlighted(hit.snippet, hit.highlights)))
        if hit.url:
            out.print(Text(visible(f"    {hit.url}"), style="blue"))
        for c in copies.get(hit.pk, []):
            line = f"    = copy: {c.source} · {local_short(c.published_at)} · id {c.id}"
            out.print(Text(visible(line + (f" · {c.url}" if c.url else "")), style="dim"))
    return len(folded)
