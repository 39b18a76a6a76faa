"""The typer side of the `tinhhinh` command: the app, its built-in commands (ingest, search, searches,
reindex, demo) and the registration of the stages' command groups (``tinhhinh.cli._GROUPS``).

``tinhhinh.cli`` is the entry point and imports this module only when typer is needed: a plain
``tinhhinh analyze`` call runs without typer, click or rich loaded before its workers start.
stdout carries only a command's output (tables, or JSON/JSONL when asked); progress, summaries and
warnings go to stderr. Exit codes: 0 done, 2 done but some input rejected, 1 could not run.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from tinhhinh import __version__
from tinhhinh.cli import _GROUPS, STATE
from tinhhinh.console import UserError, err, out

app = typer.Typer(
    name="tinhhinh",
    help=(
        "tình hình — keep a clear, current picture of public Vietnamese information and respond to it.\n\n"
        "Start with [bold]tinhhinh demo[/] (builds demo.db from bundled articles), then "
        "[bold]tinhhinh search 'da nang' --db demo.db[/]."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite path or a PostgreSQL URL. Default: $TINHHINH_DB, else ./tinhhinh.db.",
    ),
]


def _print_version(value: bool) -> None:
    if value:
        out.print(__version__)
        raise typer.Exit(0)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show full error details.")] = False,
    version: Annotated[
        bool,
        # eager: answered while parsing, before click asks for the missing command
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    STATE["verbose"] = verbose


def _note(message: str) -> None:
    from tinhhinh.console import note

    note(message)


def _engine(db: str | None, *, create: bool = True):
    from tinhhinh.store.db import engine_for

    return engine_for(db, create=create)


# ---------------------------------------------------------------- ingest


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="JSONL/CSV files (optionally .gz), folders of them, feeds or pages."),
    ],
    db: DbOption = None,
    source: Annotated[
        str | None,
        typer.Option(
            help="Source name for records that carry neither a source nor a url (a url gives its site's "
            "host, e.g. vnexpress.net). Records are identified by source + id: give one per export."
        ),
    ] = None,
    no_analyze: Annotated[
        bool, typer.Option("--no-analyze", help="Store only; skip the analysis stages.")
    ] = False,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Records per transaction (default 2,500).")
    ] = None,
    workers: Annotated[
        int,
        typer.Option(help="Processes for the per-record analysis (area, keywords, harm signals)."),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> int:
    """Store articles and posts once, analysed and searchable.

    Each record needs a non-empty [bold]title[/] or [bold]text[/] and an [bold]id[/] or [bold]url[/]. Bad records
    are reported one line each (file:line: why) and skipped; the rest are stored. Running the same
    input again adds nothing. Exit code 2 when some records were rejected.

    Example: [bold]tinhhinh ingest dump.jsonl --db office.db --workers 2[/]
    """
    if workers < 1:
        raise UserError("--workers must be at least 1")
    from tinhhinh.ingest import readers
    from tinhhinh.ingest.run import BATCH, analysis_for
    from tinhhinh.ingest.run import ingest as run_ingest
    from tinhhinh.progress import ingest_progress

    engine = _engine(db)
    inputs = readers.expand(paths)
    stages, ordered = ([], None) if no_analyze else analysis_for(engine, warn=_note)
    shown = {"n": 0}

    def on_rejection(rej) -> None:
        shown["n"] += 1
        if shown["n"] <= 50:
            err.print(f"[yellow]rejected[/] {escape(str(rej))}")
        elif shown["n"] == 51:
            err.print("[yellow]… more rejections: see the summary count[/]")

    def on_conflict(conflict) -> None:
        shown["n"] += 1
        if shown["n"] <= 50:
            err.print(f"[yellow]not stored[/] {escape(str(conflict))}")
        elif shown["n"] == 51:
            err.print("[yellow]… more rejections: see the summary count[/]")

    with ingest_progress(disable=quiet) as progress:
        summary = run_ingest(
            readers.read_all(inputs, source=source or ""),
            engine,
            stages=stages,
            ordered=ordered,
            batch_size=batch_size or BATCH,
            on_rejection=on_rejection,
            on_batch=progress.update,
            workers=1 if no_analyze else workers,
            on_conflict=on_conflict,
        )
    # a rate over a handful of records measures start-up, not throughput ("2 new — 1 items/s")
    rate = f" — {summary.rate:,.0f} items/s" if summary.seen >= 500 else ""
    err.print(
        f"[bold]{summary.new}[/] new, [bold]{summary.copies}[/] copies, [bold]{summary.present}[/] already present, "
        f"[bold]{summary.rejected}[/] rejected"
        + (
            f", [bold]{len(summary.conflicts)}[/] not stored (id already stored with different text)"
            if summary.conflicts
            else ""
        )
        + rate
    )
    return 2 if summary.rejected or summary.conflicts else 0


# ---------------------------------------------------------------- search


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all must match), "a phrase", -excluded.')],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits as a JSON list.")] = False,
    since: Annotated[
        str | None,
        typer.Option(help="Only items published since: 24h, 7d, or a date (undated items: stored since)."),
    ] = None,
    source: Annotated[str | None, typer.Option(help="Only this source (e.g. vnexpress.net).")] = None,
    kind: Annotated[str | None, typer.Option(help="article, post or comment.")] = None,
    area: Annotated[str | None, typer.Option(help="Area code, e.g. health, business, law.")] = None,
    place: Annotated[str | None, typer.Option(help="A province, e.g. 'Đà Nẵng'.")] = None,
    limit: Annotated[
        int, typer.Option(min=1, help="At most this many hits, best first (up to 1,000 per search).")
    ] = 20,
    user: Annotated[
        str | None,
        typer.Option(
            help="Who is searching (for the audit). Default: OS account. The OS account is recorded too."
        ),
    ] = None,
) -> int:
    """Search stored items the way people type.

    Without diacritics, [bold]da nang[/] finds "Đà Nẵng"; with diacritics, [bold]Đà Nẵng[/] finds only
    "Đà Nẵng" (never "đa năng"); each word as typed ([bold]khanh hòa[/] finds "Khánh Hoà"). Words are ANDed
    (OR, AND, NOT and a trailing * are words too), "quoted phrases" must be adjacent, -word excludes.
    Title matches and adjacent words rank first. Every search is recorded in the search audit.
    """
    from tinhhinh.cli_stories import area_option, place_option
    from tinhhinh.item import KINDS
    from tinhhinh.store.search import MAX_HITS, Filters, QueryError, query_notes
    from tinhhinh.store.search import search as run_search
    from tinhhinh.timefmt import parse_since

    if kind and kind not in KINDS:
        raise UserError(f"--kind {kind!r}: use one of {', '.join(KINDS)}")
    engine = _engine(db, create=False)
    try:
        filters = Filters(
            since=parse_since(since),
            source=source,
            kind=kind,
            area=area_option(area),
            place=place_option(place),
        )
        hits = run_search(engine, query, filters=filters, limit=limit, user=user)
    except (QueryError, ValueError) as exc:
        raise UserError(f"search {query!r}: {exc}") from exc
    for line in query_notes(query):
        _note(line)
    capped = limit > MAX_HITS and len(hits) == MAX_HITS
    cap_note = (
        f"only the first {MAX_HITS:,} hits of this search are returned (--limit {limit:,} asked for more): "
        "narrow it with --since, --source, --area or more words"
    )
    if as_json:
        sys.stdout.write(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=1) + "\n")
        if capped:
            _note(cap_note)
        return 0
    from tinhhinh.render import print_hits

    folded = print_hits(hits)
    err.print(
        f"{len(hits)} hit(s)"
        + (f", {folded} of them a copy shown under its original" if folded else "")
        + (" (limit reached: use --limit for more)" if len(hits) == limit else "")
    )
    if capped:
        _note(cap_note)
    if not hits and source:
        from tinhhinh.store.items import has_source

        if not has_source(engine, source):
            err.print(
                f"note: no stored item comes from source {source!r} (`tinhhinh sources` lists the watched ones)"
            )
    return 0


@app.command("reindex")
def reindex(
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> int:
    """Rebuild the search index from the stored items.

    Needed after an upgrade that changes how texts are folded or split into words (the release notes say
    so), or if the index was damaged. Items are not touched; searches keep using the old index until the
    new one is complete.

    Example: [bold]tinhhinh reindex --db office.db[/]
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from tinhhinh.store.items import reindex as rebuild

    engine = _engine(db, create=False)  # a mistyped --db must not become a new, empty database
    columns = ("reindexing", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, disable=quiet, transient=True) as progress:
        task = progress.add_task("reindexing", total=None)
        n = rebuild(
            engine,
            on_batch=lambda done, total: progress.update(task, completed=done, total=total),
        )
    err.print(f"search index rebuilt: [bold]{n:,}[/] items")
    return 0


@app.command("analyze-stored")
def analyze_stored(
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> int:
    """Analyse the items that were stored without analysis ([bold]ingest --no-analyze[/]).

    Gives them what [bold]ingest[/] gives every item: area, keywords, places, harm signals (flags to review),
    copies and stories, in the order they were stored, continuing the stories already in the database.
    Analysed items are not touched, so running it again does nothing; a run stopped half-way goes on where
    it stopped.

    Example: [bold]tinhhinh ingest big.jsonl.gz --no-analyze --db office.db[/], later
    [bold]tinhhinh analyze-stored --db office.db[/]
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from tinhhinh.ingest.run import analyse_stored
    from tinhhinh.store.items import count_unanalysed

    engine = _engine(db, create=False)  # a mistyped --db must not become a new, empty database
    total = count_unanalysed(engine)
    if not total:
        err.print("nothing to analyse: every stored item has been analysed")
        return 0
    columns = ("analysing", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, disable=quiet, transient=True) as progress:
        task = progress.add_task("analysing", total=total)
        n = analyse_stored(engine, warn=_note, on_batch=lambda done: progress.update(task, completed=done))
    err.print(f"[bold]{n:,}[/] stored items analysed")
    return 0


def _when(value: object, show=None) -> object:  # noqa: ANN001 - show: a timefmt function
    """A filter's time ("since", recorded in UTC) as the audit shows times (``show``, default the table's
    ``local_short``); anything else as it is."""
    from datetime import datetime

    from tinhhinh.timefmt import local_short

    if isinstance(value, str) and "T" in value:
        try:
            return (show or local_short)(datetime.fromisoformat(value))
        except ValueError:
            pass
    return value


@app.command("searches")
def searches(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Most recent N searches.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> int:
    """Show the search audit: who searched what, when."""
    from tinhhinh.store.search import audit_log
    from tinhhinh.timefmt import local_iso

    rows = audit_log(_engine(db, create=False), limit)
    if as_json:
        for r in rows:
            r["at"] = local_iso(r["at"])
            if r["filters"]:  # a "since" is recorded in UTC: shown in local time like "at"
                r["filters"] = {k: _when(v, local_iso) for k, v in r["filters"].items()}
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return 0
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from tinhhinh.render import visible
    from tinhhinh.timefmt import local_short

    if not rows:
        err.print("no searches recorded yet")
        return 0
    # local time to the minute and filters as key=value: the audit is read at a terminal (--json has both
    # in full); what people typed may wrap, it is what the audit is for
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("when", no_wrap=True)
    table.add_column("who", no_wrap=True)
    table.add_column("query", overflow="fold")
    table.add_column("filters", overflow="fold")
    table.add_column("hits", justify="right", no_wrap=True)
    table.add_column("via", no_wrap=True)
    for r in rows:
        filters = " ".join(f"{k}={_when(v)}" for k, v in (r["filters"] or {}).items())
        who = r["user"] or ""
        if r.get("os_user") and r["os_user"] != who:
            who += f" (OS: {r['os_user']})"
        table.add_row(  # Text: what people typed is shown as typed, never read as markup
            local_short(r["at"]),
            Text(visible(who)),
            Text(visible(r["query"] or "")),
            Text(visible(filters)),
            str(r["results"]),
            r["via"] or "",
        )
    out.print(table)
    return 0


# ---------------------------------------------------------------- demo


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Where to build the demo database.")] = "demo.db",
    fresh: Annotated[bool, typer.Option("--fresh/--keep", help="Start from an empty database.")] = True,
) -> int:
    """Build a demo database from bundled real articles (VNTC) replayed over the last 30 days.

    The dates are a replay: the articles are from the 2000s; their publication times are spread
    deterministically over the 30 days before today so stories and bursts can be seen.
    """
    from tinhhinh.demo import build_demo

    return build_demo(Path(db), fresh=fresh)


# ---------------------------------------------------------------- analyze (listed in _GROUPS)


def analyze_command(
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL file to read (default: stdin).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSONL file to write (default: stdout).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Processes for per-record stages.")] = 1,
    window: Annotated[
        int, typer.Option(help="Records held for ordered stages (copies, stories).")
    ] = 50_000,  # tinhhinh.analyze.DEFAULT_WINDOW (a test keeps them equal)
    stories: Annotated[
        bool, typer.Option("--stories", help="Also group records into stories (story_id).")
    ] = False,
    factchecks: Annotated[
        Path | None, typer.Option(help="Fact-check registry file (default: the installation's).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
) -> int:
    """Analyse JSONL records without a database: area, keywords, places, copies, harm signals.

    Reads records with the ingest fields (id, source, kind, url, title, text, published_at) and writes
    each one back with [bold]area[/], [bold]area_scores[/], [bold]keywords[/], [bold]dup_of[/], [bold]harm[/],
    [bold]model_version[/] (and [bold]story_id[/] with --stories) added. Unknown fields pass through; order and
    count are preserved: each input line gives one output line, and a line with no usable record (blank,
    not JSON, no title and no text) gets an [bold]error[/] field. A [bold]published_at[/] that is not a date is not
    used: the record is analysed as undated and gets a [bold]warnings[/] field saying so. Ctrl-C, SIGTERM or
    an input that cannot be read further (a cut .gz): the records analysed so far are written out and
    stderr says how many of those read. Only JSONL goes to stdout.

    Example: [bold]tinhhinh analyze --workers 2 -i items.jsonl -o analysed.jsonl[/]
    """
    from tinhhinh.analyze import analyze_command as run

    return run(
        input=input,
        output=output,
        workers=workers,
        window=window,
        stories=stories,
        factchecks=factchecks,
        quiet=quiet,
    )


def _register_subcommands(only: str | None = None) -> None:
    """Register the stages' command groups: all of them, or only the one named ``only``. Each is added
    once, so calling again (e.g. with no argument after a partial registration) adds just the rest."""
    import importlib

    done: set[str] = STATE.setdefault("registered", set())  # type: ignore[assignment]
    for module, attr, name in _GROUPS:
        if name in done or (only is not None and name != only):
            continue
        done.add(name)
        obj = getattr(importlib.import_module(module), attr)
        if isinstance(obj, typer.Typer):
            app.add_typer(obj, name=name)
        else:
            app.command(name)(obj)
        if name in ("train", "eval"):
            from tinhhinh.harm.commands import (
                register_on_nlp_groups,
            )  # `train toxicity`, `eval toxicity`

            register_on_nlp_groups()
        if name == "eval":
            from tinhhinh.stories.commands import stories_command

            obj.command("stories")(stories_command)
    reflow_help(app)


# a line starting like this keeps its own line in --help (lists, examples); any other line continues
# the sentence of the line before it
_OWN_LINE = re.compile(r"^(?:\s|[-*•$]\s|\d+[.)]\s|Example|Ví dụ)")


def reflow(doc: str) -> str:
    """A docstring as --help should show it. Docstrings are wrapped for the source file; typer's rich
    help keeps their single line breaks, so the terminal showed lines broken in mid-sentence ("finds
    only" / "Đà Nẵng"). Paragraphs stay; within one, lines are joined unless a line starts a list
    item or an example (``_OWN_LINE``); a paragraph starting with "\\b" is kept as it is."""
    import inspect

    paragraphs = []
    for para in inspect.cleandoc(doc).split("\n\n"):
        if para.startswith("\b"):
            paragraphs.append(para)
            continue
        lines: list[str] = []
        for line in para.split("\n"):
            if lines and not _OWN_LINE.match(line):
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            else:
                lines.append(line.rstrip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def reflow_help(typer_app: typer.Typer) -> None:
    """``reflow`` every command's and group's help below ``typer_app`` (idempotent; before typer builds
    the click commands, which is when it reads them)."""
    import inspect

    for info in typer_app.registered_commands:
        doc = info.help if info.help is not None else inspect.getdoc(info.callback)
        if doc:
            info.help = reflow(doc)
        _flags_without_type(info.callback)
    if typer_app.registered_callback is not None:
        _flags_without_type(typer_app.registered_callback.callback)
    for group in typer_app.registered_groups:
        sub = group.typer_instance
        if sub is None:
            continue
        for holder in (group, sub.info):
            if isinstance(holder.help, str):
                holder.help = reflow(holder.help)
        callback = sub.registered_callback.callback if sub.registered_callback else None
        if callback is not None and inspect.getdoc(callback) and not isinstance(sub.info.help, str):
            sub.registered_callback.help = reflow(inspect.getdoc(callback))
        reflow_help(sub)


def _flags_without_type(callback) -> None:  # noqa: ANN001
    """Typer's help shows every option's type, flags included ("--json <bool>"), which reads as if the
    flag took a value ("--json true"); an empty metavar leaves the type column empty for flags."""
    import inspect
    import typing

    if callback is None:
        return
    try:
        hints = typing.get_type_hints(callback, include_extras=True)
    except Exception:  # noqa: BLE001 — help text only: never stop a command over it
        return
    for name, param in inspect.signature(callback).parameters.items():
        hint = hints.get(name)
        infos = [m for m in getattr(hint, "__metadata__", ()) if isinstance(m, typer.models.OptionInfo)]
        if isinstance(param.default, typer.models.OptionInfo):
            infos.append(param.default)
        base = typing.get_args(hint)[0] if infos and getattr(hint, "__metadata__", None) else hint
        if base is bool and any(option.metavar is None for option in infos):
            for option in infos:
                if option.metavar is None:
                    option.metavar = ""
            # annotations are strings here (``from __future__ import annotations``): typer would evaluate
            # them again into new OptionInfo objects, so keep the evaluated one
            callback.__annotations__[name] = hint


def _help_flag_without_type() -> None:
    """The same for the help flag itself ("--help <bool>"), which typer's bundled click makes per command
    when help is asked for; a typer without that module keeps its own display."""
    try:
        from typer._click import core as typer_click_core
    except ImportError:  # pragma: no cover — another typer layout: cosmetic only
        return
    made = typer_click_core.Command.get_help_option
    if getattr(made, "_tinhhinh", False):
        return

    def get_help_option(self, ctx):  # noqa: ANN001, ANN202
        option = made(self, ctx)
        if option is not None and getattr(option, "metavar", "") is None:
            option.metavar = ""
        return option

    get_help_option._tinhhinh = True  # type: ignore[attr-defined]
    typer_click_core.Command.get_help_option = get_help_option


_help_flag_without_type()
reflow_help(app)
