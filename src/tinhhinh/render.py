"""Terminal rendering of results (stdout)."""

from __future__ import annotations

from rich.text import Text

from tinhhinh.console import out
from tinhhinh.item import copy_roots
from tinhhinh.timefmt import local_short


def highlighted(snippet: str, marks: list[tuple[int, int]]) -> Text:
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
        head.append(hit.title or "(no title)", style="bold")
        out.print(head)
        copy = " · copy" if hit.dup_of is not None else ""
        meta = f"    {hit.source} · {local_short(hit.published_at)} · {hit.area or '-'}{copy} · id {hit.id}"
        out.print(Text(meta, style="dim"))
        out.print(Text("    ").append(highlighted(hit.snippet, hit.highlights)))
        if hit.url:
            out.print(Text(f"    {hit.url}", style="blue"))
        for c in copies.get(hit.pk, []):
            line = f"    = copy: {c.source} · {local_short(c.published_at)} · id {c.id}"
            out.print(Text(line + (f" · {c.url}" if c.url else ""), style="dim"))
    return len(folded)
