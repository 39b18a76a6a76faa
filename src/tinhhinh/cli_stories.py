"""Hot-issue commands: `stories`, `story ID`, `bursts`, `alerts`."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from tinhhinh.console import UserError, err, out
from tinhhinh.timefmt import local_iso, local_short, parse_since, parse_span, utcnow

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database path or URL (default $TINHHINH_DB, ./tinhhinh.db).")
]


def _engine(db):
    from tinhhinh.store.db import engine_for

    return engine_for(db, create=False)


def _now(at: str | None):
    if not at:
        return utcnow()
    try:
        return parse_since(at, now=utcnow())
    except ValueError as exc:
        raise UserError(f"--at {at!r}: {exc}") from exc


def place_option(name: str | None) -> str | None:
    """A --place value resolved to a current province (old names and merged provinces included)."""
    from tinhhinh.stories.places_lookup import resolve_place

    if not name:
        return None
    found = resolve_place(name)
    if found is None:
        raise UserError(
            f"--place {name!r}: not a province or city on the current map (try e.g. 'Đà Nẵng', 'Hà Nam')"
        )
    return found


def area_option(code: str | None) -> str | None:
    """An --area value checked against the area taxonomy (a typo would silently match nothing)."""
    from tinhhinh.nlp.area import load_areas

    if not code:
        return None
    areas = load_areas()
    if code not in areas:
        raise UserError(f"--area {code!r}: not an area code; use one of {', '.join(sorted(areas))}")
    return code


def stories_command(
    db: DbOption = None,
    since: Annotated[str, typer.Option(help="Window: stories with items in the last 24h, 7d, ...")] = "24h",
    area: Annotated[str | None, typer.Option(help="Only stories in this area (e.g. health).")] = None,
    place: Annotated[str | None, typer.Option(help="Only stories mentioning this province.")] = None,
    hot: Annotated[
        bool, typer.Option("--hot", help="Only stories whose volume is unusual (bursting).")
    ] = False,
    limit: Annotated[
        int, typer.Option(min=1, help="At most this many stories, the most unusual first.")
    ] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    at: Annotated[str | None, typer.Option(hidden=True, help="Pretend now is this date (replays).")] = None,
) -> int:
    """What are people talking about: stories (one event, many items) ranked by how unusual their volume is.

    Each story comes with a plain reason ("37 items from 9 sources in the last 6 h; usual rate 2/day") and a
    summary of at most three sentences. Example: [bold]tinhhinh stories --since 24h --hot[/]
    """
    from tinhhinh.stories.hot import future_dated, list_stories

    try:
        window = parse_span(since)
    except ValueError as exc:
        raise UserError(f"--since {since!r}: {exc}") from exc
    engine, now = _engine(db), _now(at)
    area, place = area_option(area), place_option(place)
    views = list_stories(engine, since=window, area=area, place=place, only_hot=hot, now=now, limit=limit)
    # items dated after now (a feed labelling local time as GMT) are left out; say so, wherever they are
    n_future, latest = future_dated(engine, now=now, area=area, place=place)
    if n_future:
        err.print(
            f"{_count(n_future, 'story has', 'stories have')} items dated after now (latest "
            f"{local_short(latest)}), not counted until then: a feed's clock or time zone may be wrong",
            markup=False,
        )
    if as_json:
        sys.stdout.write(json.dumps([v.as_json() for v in views], ensure_ascii=False, indent=1) + "\n")
        return 0
    for n, v in enumerate(views, 1):
        head = Text(f"{n:>2}. ", style="dim")
        head.append(v.label or "(untitled)", style="bold red" if v.burst.hot else "bold")
        out.print(head)
        out.print(Text(f"    {_meta(v)}", style="dim"))
        out.print(Text("    ") + _reason(v))
        for sentence in v.summary:
            out.print(Text(f"    – {sentence}"))
    summary = _count(len(views), "hot story" if hot else "story", "hot stories" if hot else "stories")
    summary += f" with items in the last {since}"
    undated_only = sum(1 for v in views if v.undated and not v.burst.recent)
    if undated_only:
        summary += f" ({undated_only} of them only by undated items, counted by when they were stored)"
    if len(views) == limit:
        summary += " (use --limit for more)"
    elif not views:
        # An empty list is the most common puzzle: say which filters narrowed it and what to try.
        tips = (["drop --hot"] if hot else []) + (["drop --area/--place"] if area or place else [])
        longer = _longer_span(window)
        tips.append(
            f"try a longer --since (e.g. {longer})" if longer else "check that --db is the right database"
        )
        summary += "; " + ", or ".join(tips)
    err.print(summary, markup=False)
    return 0


def _longer_span(window) -> str | None:
    """A --since worth trying after an empty list: longer than the one given."""
    for span in ("24h", "7d", "30d", "90d", "365d"):
        if parse_span(span) > window:
            return span
    return None


def _reason(view) -> Text:
    """The burst's plain explanation, marked HOT (in yellow) when it is one."""
    hot = view.burst.hot
    return Text(f"{'HOT: ' if hot else ''}{view.burst.explanation}", style="yellow" if hot else "")


def _meta(view) -> str:
    """ "s0000042 · 29 items · 10 sources · health · Đà Nẵng": what is unknown is left out (a bare "-"
    did not say whether the area or the place was missing)."""
    parts = [view.id, _count(view.size, "item"), _count(view.sources, "source")]
    labelled = sum(view.areas.values())
    if view.area and view.areas.get(view.area, 0) < labelled:
        # a story spread over areas (or shown under the --area asked for): how much of it is that area
        parts.append(f"{view.area} ({view.areas.get(view.area, 0)} of {labelled} items)")
    elif view.area:
        parts.append(view.area)
    parts += [", ".join(view.places)] if view.places else []
    if view.toxicity and view.toxicity[1]:
        # a rate over the story's items, never who wrote them (toxicity is reported as rates)
        read, toxic = view.toxicity
        parts.append(f"toxic language {toxic} of {read} items read ({toxic / read:.0%})")
    return " · ".join(parts)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def story_command(
    story_id: Annotated[str, typer.Argument(help="A story id, e.g. s0000042 (merged ids are followed).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> int:
    """One story: its reason, summary, articles (each with its number of copies) and merges."""
    from tinhhinh.stories.hot import story_detail

    view = story_detail(_engine(db), story_id)
    if view is None:
        raise UserError(f"no story {story_id!r} (list them with `tinhhinh stories --since 7d`)")
    if as_json:
        sys.stdout.write(json.dumps(view.as_json(), ensure_ascii=False, indent=1) + "\n")
        return 0
    out.print(Text(view.label, style="bold"))
    if view.id != story_id:
        out.print(Text(f"({story_id} was merged into {view.id})", style="dim"))
    out.print(Text(_meta(view), style="dim"))
    out.print(_reason(view))
    for sentence in view.summary:
        out.print(f"– {sentence}", markup=False)
    from tinhhinh.item import copy_roots

    # a syndicated article is one row with its number of copies (the demo's hot story was one title 29 times)
    root = copy_roots({it["pk"]: it["dup_of"] for it in view.items})
    copies: dict[int, int] = {}
    for pk, top in root.items():
        if top != pk:
            copies[top] = copies.get(top, 0) + 1
    table = Table("published", "source", "title", "copies")
    for it in view.items:
        if root[it["pk"]] != it["pk"]:
            continue
        table.add_row(
            local_short(it["published_at"]),
            Text(it["source"] or ""),
            Text((it["title"] or it["text"] or "")[:90]),
            str(copies.get(it["pk"], "")),
        )
    out.print(table)
    if copies:
        n = sum(copies.values())
        err.print(f"{_count(n, 'copy', 'copies')} counted under their originals; --json lists every item")
    for m in view.merges:
        out.print(Text(f"merged {m['from_id']} → {m['into_id']} (p={m['p']})", style="dim"))
    return 0


def bursts_command(
    by: Annotated[str, typer.Option(help="area or place")] = "area",
    db: DbOption = None,
    top: Annotated[int, typer.Option(min=1, help="How many areas or places to show, busiest first.")] = 15,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    at: Annotated[str | None, typer.Option(hidden=True)] = None,
) -> int:
    """Which areas or places are unusually busy now, each against its own usual rate."""
    from tinhhinh.stories.bursts import BurstSettings
    from tinhhinh.stories.hot import group_bursts, undated_recent

    if by not in ("area", "place"):
        raise UserError("--by must be area or place")
    engine, now = _engine(db), _now(at)
    rows = group_bursts(engine, by, now=now, top=top)
    undated = undated_recent(engine, now=now)
    if undated:
        err.print(
            f"{_count(undated, 'item')} without a publication time stored in the last "
            f"{BurstSettings().longest_window_hours():g} h not counted "
            "(their time is unknown; `tinhhinh stories` lists their stories)",
            markup=False,
        )
    if as_json:
        sys.stdout.write(json.dumps([b.to_dict() for b in rows], ensure_ascii=False, indent=1) + "\n")
        return 0
    table = Table(by, "score", "hot", "explanation")
    for b in rows:
        table.add_row(b.key, f"{b.score:.1f}", "yes" if b.hot else "", b.explanation)
    out.print(table)
    return 0


alerts_app = typer.Typer(help="Saved searches (topics you follow) and their alerts.", no_args_is_help=True)


@alerts_app.command("add")
def alerts_add(
    name: Annotated[str, typer.Argument(help="A short name for the topic.")],
    query: Annotated[str | None, typer.Option(help="Words, as in `tinhhinh search`.")] = None,
    area: Annotated[str | None, typer.Option(help="Only stories in this area (e.g. health).")] = None,
    place: Annotated[str | None, typer.Option(help="Only stories mentioning this province.")] = None,
    harm: Annotated[str | None, typer.Option(help="scam, toxic or factcheck")] = None,
    user: Annotated[str | None, typer.Option(help="Who follows it (default: OS account).")] = None,
    db: DbOption = None,
) -> int:
    """Save a topic to follow. Example: [bold]tinhhinh alerts add sat-lo --query 'sạt lở' --place 'Quảng Nam'[/]"""
    from tinhhinh.store.search import current_user
    from tinhhinh.stories.alerts import add

    add(
        _engine(db),
        name,
        owner=current_user(user),
        query=query,
        area=area_option(area),
        place=place_option(place),
        harm=harm,
    )
    err.print(
        f"saved search {name!r} added; `tinhhinh alerts check` reports new matching stories", markup=False
    )
    return 0


@alerts_app.command("list")
def alerts_list(
    db: DbOption = None, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> int:
    """The saved searches."""
    from tinhhinh.store import story_queries as sq

    with _engine(db).connect() as conn:
        rows = sq.saved_search_list(conn)
    if as_json:
        # times as everywhere else: ISO 8601 in local time with its offset, not naive UTC
        shown = [{k: local_iso(v) if isinstance(v, datetime) else v for k, v in r.items()} for r in rows]
        sys.stdout.write(json.dumps(shown, ensure_ascii=False, default=str, indent=1) + "\n")
        return 0
    table = Table("name", "query", "area", "place", "harm", "owner", "last checked")
    for r in rows:
        table.add_row(
            Text(r["name"]),
            Text(r["query"] or ""),
            r["area"] or "",
            r["place"] or "",
            r["harm"] or "",
            r["owner"],
            local_short(r["last_checked"]),
        )
    out.print(table)
    return 0


@alerts_app.command("remove")
def alerts_remove(name: str, db: DbOption = None) -> int:
    """Stop following a topic."""
    from tinhhinh.store import story_queries as sq

    with _engine(db).begin() as conn:
        if not sq.remove_saved_search(conn, name):
            raise UserError(f"no saved search named {name!r} (see `tinhhinh alerts list`)")
    return 0


@alerts_app.command("check")
def alerts_check(
    db: DbOption = None,
    to_file: Annotated[
        Path | None, typer.Option("--to-file", help="Append alerts as JSONL to this file.")
    ] = None,
    email: Annotated[
        str | None, typer.Option(help="Send alerts to this address (needs \\[smtp] settings).")
    ] = None,
    user: Annotated[str | None, typer.Option(help="Who checks (for the search audit).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    at: Annotated[str | None, typer.Option(hidden=True)] = None,
) -> int:
    """Report new stories and bursts matching each saved search since the last check (each fires once).

    "Since the last check" means every item stored since the previous check, whatever its publication
    date; the first check of a saved search looks at items published in the last 7 days. Alerts count as
    reported only once delivered: if the file or mail cannot be written, the command fails (exit 1) and
    the next check reports them again.
    """
    from tinhhinh.store.search import current_user
    from tinhhinh.stories.alerts import check, deliver, delivery_problem

    problem = delivery_problem(to_file=to_file, email=email)
    if problem:
        raise UserError(problem)

    def to_destinations(alerts) -> None:
        try:
            deliver(alerts, to_file=to_file, email=email)
        except UserError as exc:
            raise UserError(f"{exc}; the {len(alerts)} alert(s) stay unreported for the next check") from exc

    alerts = check(_engine(db), user=current_user(user), now=_now(at), deliver=to_destinations)
    if as_json:
        sys.stdout.write(json.dumps([a.as_json() for a in alerts], ensure_ascii=False, indent=1) + "\n")
    else:
        for a in alerts:
            # not Rich markup: "[name]" would be read as a style tag and vanish
            out.print(a.line(), markup=False, highlight=False)
    err.print(f"{len(alerts)} new alert(s)")
    return 0
