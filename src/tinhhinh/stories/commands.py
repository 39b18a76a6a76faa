"""CLI for stories: ``tinhhinh eval stories --data FILE``.

The lead registers ``app`` (or calls ``eval_stories``) from cli.py.

Input: JSONL (or CSV with a header row; either may be gzip-compressed), one record per line with ``cluster_id`` (gold story) and the public record fields
(``id``, ``source``, ``title``, ``text``, ``published_at`` read as ingest reads it, no zone = Asia/Ho_Chi_Minh;
``time`` "dd/mm/yyyy hh:mm" and ``sapo``
as in VN-MDS are accepted too; ``dup_of`` optional). Records are fed in file order.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from tinhhinh.console import err
from tinhhinh.ingest.records import parse_time, read_dataset
from tinhhinh.item import Item
from tinhhinh.stories.evaluate import bcubed, pairwise
from tinhhinh.stories.index import StoryIndex

SHOWN = 10  # rejected lines named one by one on stderr

app = typer.Typer(help="Stories: evaluation of story detection.", no_args_is_help=True)


@app.callback()
def _group() -> None:
    """Evaluate story detection (``eval stories``)."""


def _published(rec: dict[str, Any]) -> Any:
    """``published_at`` (else VN-MDS ``time``) read exactly as ingest and analyze read it: a time without a
    zone is Asia/Ho_Chi_Minh, so the same instants score the same whichever way a file writes them."""
    value = rec.get("published_at")
    if value in (None, "") and rec.get("time"):
        value = str(rec["time"])
    try:
        return parse_time(value)
    except ValueError:
        return None  # a bad time is no time


def _item(rec: dict[str, Any], line_no: int) -> Item:
    published = _published(rec)
    text = "\n".join(str(x) for x in (rec.get("sapo"), rec.get("text")) if x)
    return Item(
        id=str(rec.get("id") or rec.get("doc_id") or f"line{line_no}"),
        source=str(rec.get("source") or rec.get("source_domain") or ""),
        title=str(rec.get("title") or ""),
        text=text,
        published_at=published,
        dup_of=rec.get("dup_of"),
    )


def _rejection(rec: dict[str, Any] | ValueError) -> str | None:
    """Why a line cannot be scored, or None."""
    if isinstance(rec, ValueError):
        return str(rec)
    cluster = rec.get("cluster_id")
    if cluster in (None, ""):
        return "no cluster_id"
    if isinstance(cluster, dict | list):
        # a list or object is no story label, and str() of it would make up one
        return f"cluster_id must be a string or a number, not {'an object' if isinstance(cluster, dict) else 'a list'}"
    return None


def eval_stories(path: str | Path) -> dict[str, Any]:
    """Run story detection over a labelled JSONL file; B-cubed and pairwise scores against ``cluster_id``.

    ``rejections`` lists the lines not scored ("file:line: why"); ``repeated_ids`` counts records whose
    id (within their source) was already used by a record with another text: each is scored as a record
    of its own (keyed by its line), not as the same record again."""
    gold: list[str] = []
    items: list[Item] = []
    rejections: list[str] = []
    texts: dict[str, dict[tuple[str, str], str]] = {}  # key -> (title, text) -> the id used for it
    repeated = 0
    for n, (where, rec) in enumerate(read_dataset(Path(path)), 1):
        why = _rejection(rec)
        if why is not None:
            rejections.append(f"{where}: {why}")
            continue
        gold.append(str(rec["cluster_id"]))
        item = _item(rec, n)
        seen = texts.setdefault(item.key, {})
        content = (item.title, item.text)
        if content in seen:  # the same record again
            item.id = seen[content]
        elif seen:
            repeated += 1
            item.id = seen[content] = f"line{n}"
        else:
            seen[content] = item.id
        items.append(item)
    rejected = len(rejections)
    if not items:
        # scores of nothing (pairwise 1.0 on no pairs) would read as a result
        why = f"all {rejected} line(s) rejected ({rejections[0]})" if rejected else "the file is empty"
        raise ValueError(f"nothing to evaluate: {why}; give one JSON record with cluster_id per line")
    index = StoryIndex(id_factory=lambda k: f"s-{k}")
    raw = [index.assign(it) for it in items]
    pred = [index.resolve(s) for s in raw]
    b = bcubed(gold, pred)
    pw = pairwise(gold, pred)
    return {
        "items": len(items),
        "rejected": rejected,
        "rejections": rejections,
        "repeated_ids": repeated,
        "gold_stories": len(set(gold)),
        "predicted_stories": len(set(pred)),
        "merges": len(index.merges),
        "bcubed": {k: round(v, 4) for k, v in b.items()},
        "pairwise": {k: round(v, 4) for k, v in pw.items()},
        "model_version": index.model.version,
    }


@app.command("stories")
def stories_command(
    data: Path = typer.Option(..., "--data", help="JSONL (or CSV, .gz too) with cluster_id per record"),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table"),
    verbose: bool = typer.Option(
        False, "--verbose", help="Show the full error when the file cannot be evaluated."
    ),
) -> None:
    """B-cubed P/R/F1 and pairwise F1 of story detection against a cluster_id field."""
    if not data.exists():
        err.print(
            f"[red]no such file: {escape(str(data))} (give a JSONL file with cluster_id per line)[/red]"
        )
        raise typer.Exit(1)
    try:
        result = eval_stories(data)
    except Exception as exc:  # noqa: BLE001 - one clear line unless --verbose
        if verbose:
            raise
        err.print(f"[red]could not evaluate {escape(str(data))}: {escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        b, pw = result["bcubed"], result["pairwise"]
        sys.stdout.write(
            "| items | gold stories | predicted | B³ P | B³ R | B³ F1 | pairwise P | pairwise R | pairwise F1 |\n"
            "|---|---|---|---|---|---|---|---|---|\n"
            f"| {result['items']} | {result['gold_stories']} | {result['predicted_stories']} | {b['p']:.4f} | "
            f"{b['r']:.4f} | {b['f1']:.4f} | {pw['p']:.4f} | {pw['r']:.4f} | {pw['f1']:.4f} |\n"
        )
    if result["repeated_ids"]:
        err.print(
            f"note: {result['repeated_ids']} record(s) repeat an id already used by a record with another "
            "text: each was scored as a record of its own; give each record its own id (or a source)"
        )
    if result["rejected"]:
        for line in result["rejections"][:SHOWN]:
            err.print(escape(line))
        more = result["rejected"] - SHOWN
        err.print(
            f"{result['rejected']} line(s) rejected{f' ({more} more not shown)' if more > 0 else ''}: "
            "give one JSON record with a cluster_id (string or number) per line"
        )
        raise typer.Exit(2)
