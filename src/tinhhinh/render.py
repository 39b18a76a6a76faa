"""Terminal rendering of results (stdout)."""

from __future__ import annotations

from rich.text import Text

from tinhhinh.console import out
from tinhhinh.timefmt import local_short


def highlighted(snippet: str, marks: list[tuple[int, int]]) -> Text:
    text = Text(snippet)
    for start, end in marks:
        text.stylize("bold yellow", start, end)
    return text


def print_hits(hits) -> None:
    for n, hit in enumerate(hits, 1):
        head = Text(f"{n:>2}. ", style="dim")
        head.append(hit.title or "(no title)", style="bold")
        out.print(head)
        meta = f"    {hit.source} · {local_short(hit.published_at)} · {hit.area or '-'} · id {hit.id}"
        out.print(Text(meta, style="dim"))
        out.print(Text("    ").append(highlighted(hit.snippet, hit.highlights)))
        if hit.url:
            out.print(Text(f"    {hit.url}", style="blue"))
