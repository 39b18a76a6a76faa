"""`tinhhinh factchecks ...` (the registry) and `tinhhinh flags ...` (confirm/dismiss), thin over the domain."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from tinhhinh.console import UserError, err

factchecks_app = typer.Typer(
    help="Published fact-checks the matcher uses (health, disasters, scams, public services).",
    no_args_is_help=True,
)
publishers_app = typer.Typer(help="The office's allow-list of fact-check publishers.", no_args_is_help=True)
factchecks_app.add_typer(publishers_app, name="publishers")
flags_app = typer.Typer(
    help="Harm flags (scam, toxic, factcheck): confirm or dismiss them.", no_args_is_help=True
)

RegistryOpt = Annotated[
    Path | None, typer.Option("--registry", help="Registry file. Default: $TINHHINH_HOME/factchecks.jsonl.")
]
DbOpt = Annotated[
    str | None, typer.Option("--db", help="Database (desk users, flags). Default: $TINHHINH_DB.")
]
ByOpt = Annotated[
    str, typer.Option("--by", help="Who decides (a desk user; password from TINHHINH_PASSWORD or a prompt).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]


@factchecks_app.callback()
@publishers_app.callback()
@flags_app.callback()
def _group() -> None:
    """Keep each app a command group."""


def _print(line: str) -> None:
    sys.stdout.write(line + "\n")


def _header(*columns: str) -> None:
    """Column names above tab-separated rows, for a person at a terminal; piped output stays rows only,
    as scripts read it."""
    if sys.stdout.isatty():
        _print("\t".join(columns))


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _actor(db: str | None, username: str):  # noqa: ANN202
    """Sign the deciding person in through the desk's users (argon2 passwords)."""
    import getpass

    from tinhhinh.desk.people import authenticate
    from tinhhinh.store.db import engine_for

    engine = engine_for(db, create=False)
    password = os.environ.get("TINHHINH_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise UserError("no password: set TINHHINH_PASSWORD or run in a terminal to be prompted")
        password = getpass.getpass(f"password for {username}: ")
    return engine, authenticate(engine, username, password)


def _require_coordinator(actor, what: str) -> None:  # noqa: ANN001
    from tinhhinh.desk.errors import Forbidden

    if actor.role != "coordinator":
        raise Forbidden(f"{actor.username} ({actor.role}) may not {what}: a coordinator does")


def _audit(engine, actor, action: str, object_id: str, data: dict[str, Any]) -> None:  # noqa: ANN001
    from tinhhinh.desk import audit
    from tinhhinh.store.db import transaction

    with transaction(engine) as conn:
        audit.record(conn, actor, action, "factcheck", object_id, data=data)


def _registry_call(fn, *args, **kwargs):  # noqa: ANN001, ANN202
    from tinhhinh.harm.factcheck_registry import RegistryError

    try:
        return fn(*args, **kwargs)
    except (RegistryError, KeyError, ValueError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        raise UserError(msg) from exc


# ---------------------------------------------------------------- factchecks


@factchecks_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV, JSONL or ClaimReview JSON-LD (.json/.jsonld/.jsonl).")],
    domain: Annotated[
        str | None,
        typer.Option(
            "--domain", help="Domain for rows that carry none: health, disaster, scam, public_service."
        ),
    ] = None,
    registry: RegistryOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only; write nothing.")] = False,
    as_json: JsonOpt = False,
) -> int:
    """Add fact-checks as [bold]pending[/] entries (a coordinator approves each before it is used).

    Refused rows are reported one line each (file:line: why). Exit code 2 when some rows were refused.
    """
    from tinhhinh.harm import factcheck_registry as reg

    if not file.is_file():
        raise UserError(f"factchecks import: {file} is not a file")
    result = _registry_call(reg.import_file, file, registry, default_domain=domain, dry_run=dry_run)
    for r in result.rejected[:200]:
        err.print(f"[yellow]refused[/] {escape(str(r))}", markup=True, highlight=False, soft_wrap=True)
    if as_json:
        _emit(
            {
                "added": result.added,
                "duplicates": result.duplicates,
                "revived": result.revived,
                "rejected": [str(r) for r in result.rejected],
            }
        )
    else:
        for e in result.added:
            _print(f"{e['id']}\t{e['domain']}\t{e['rating']}\t{e['claim']}")
    err.print(
        f"{len(result.added)} added (pending approval){' [dry run]' if dry_run else ''}, "
        f"{len(result.duplicates)} already present, {len(result.rejected)} refused"
        + (f" ({len(result.revived)} retired entries back for review)" if result.revived else "")
    )
    return 2 if result.rejected else 0


@factchecks_app.command("list")
def list_command(
    status: Annotated[str | None, typer.Option("--status", help="pending, approved or retired.")] = None,
    domain: Annotated[
        str | None, typer.Option("--domain", help="health, disaster, scam, public_service.")
    ] = None,
    registry: RegistryOpt = None,
    as_json: JsonOpt = False,
) -> int:
    """The registry's entries (id, status, domain, rating, publisher, claim)."""
    from tinhhinh.harm import factcheck_registry as reg

    if status and status not in reg.STATUSES:
        raise UserError(f"factchecks list: unknown status {status!r}: use one of {', '.join(reg.STATUSES)}")
    if domain and reg.normalize_domain(domain) is None:
        raise UserError(f"factchecks list: unknown domain {domain!r}: use one of {', '.join(reg.DOMAINS)}")
    entries = _registry_call(reg.load, registry)
    if status:
        entries = [e for e in entries if e.get("status") == status]
    if domain:
        entries = [e for e in entries if e.get("domain") == (reg.normalize_domain(domain) or domain)]
    if as_json:
        _emit(entries)
        return 0
    if entries:
        _header("id", "status", "domain", "rating", "publisher", "claim")
    for e in entries:
        _print(f"{e['id']}\t{e['status']}\t{e['domain']}\t{e['rating']}\t{e['publisher']}\t{e['claim']}")
    return 0


@factchecks_app.command("show")
def show_command(
    entry: Annotated[str, typer.Argument(help="Entry id (or a unique prefix).")], registry: RegistryOpt = None
) -> int:
    """One entry, all fields, as JSON."""
    from tinhhinh.harm import factcheck_registry as reg

    _emit(_registry_call(lambda: reg.find(reg.load(registry), entry)))
    return 0


@factchecks_app.command("approve")
def approve_command(
    entry: Annotated[str, typer.Argument(help="Entry id (or a unique prefix).")],
    by: ByOpt,
    db: DbOpt = None,
    registry: RegistryOpt = None,
) -> int:
    """A coordinator approves a pending entry; from then on the matcher uses it."""
    from tinhhinh.harm import factcheck_registry as reg

    engine, actor = _actor(db, by)
    _require_coordinator(actor, "approve fact-checks")
    e = _registry_call(reg.set_status, entry, "approved", actor.username, registry)
    _audit(engine, actor, "factcheck.approve", e["id"], {"claim": e["claim"], "publisher": e["publisher"]})
    _print(f"{e['id']}\tapproved\t{e['approved_by']}\t{e['approved_at']}")
    return 0


@factchecks_app.command("retire")
def retire_command(
    entry: Annotated[str, typer.Argument(help="Entry id (or a unique prefix).")],
    by: ByOpt,
    reason: Annotated[
        str, typer.Option("--reason", help="Why (withdrawn by the publisher, outdated, ...).")
    ] = "",
    db: DbOpt = None,
    registry: RegistryOpt = None,
) -> int:
    """A coordinator retires an entry; it is kept for the record and never matched again."""
    from tinhhinh.harm import factcheck_registry as reg

    engine, actor = _actor(db, by)
    _require_coordinator(actor, "retire fact-checks")
    e = _registry_call(reg.set_status, entry, "retired", actor.username, registry, reason=reason or None)
    _audit(engine, actor, "factcheck.retire", e["id"], {"reason": reason})
    _print(f"{e['id']}\tretired\t{e['retired_by']}\t{e['retired_at']}")
    return 0


@factchecks_app.command("check")
def check_command(
    text: Annotated[str, typer.Argument(help="Text to match (a sentence, a post, an article).")],
    registry: RegistryOpt = None,
    as_json: JsonOpt = False,
) -> int:
    """Show which active fact-checks a text repeats (negations and refutations do not count)."""
    from tinhhinh.harm.factcheck import harm_entry, load_matcher

    matcher = _registry_call(load_matcher, registry)
    found = [harm_entry(m) for m in matcher.match("", text)]
    if as_json:
        _emit(found)
    else:
        for h in found:
            ev = h["evidence"]
            _print(f"{h['score']:.3f}\t{ev['claim_id']}\t{ev['claim']}\t{ev['sentence']}")
    if not len(matcher):
        err.print("[yellow]note:[/] no approved refuted fact-checks in the registry")
    return 0


@factchecks_app.command("eval")
def eval_command(
    data: Annotated[
        Path, typer.Option("--data", help="JSONL rows: text, expected (claim id or null), kind.")
    ],
    registry: RegistryOpt = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", help="Score threshold (default: the stage's).")
    ] = None,
    as_json: JsonOpt = False,
) -> int:
    """Precision and recall of the matcher on a labelled file."""
    from tinhhinh.harm import factcheck as fc
    from tinhhinh.harm import factcheck_registry as reg

    if not data.is_file():
        raise UserError(f"factchecks eval: {data} is not a file")
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = fc.evaluate(
        rows, _registry_call(reg.load, registry), threshold if threshold is not None else fc.THRESHOLD
    )
    if as_json:
        _emit(result)
        return 0
    _print(f"rows\t{result['rows']}\npositives\t{result['positives']}")
    _print(f"precision\t{result['precision']:.4f}\nrecall\t{result['recall']:.4f}")
    for kind, v in result["by_kind"].items():
        _print(f"{kind}\t{v['n']} rows\t{v['wrong']} wrong")
    return 0


@publishers_app.command("list")
def publishers_list() -> int:
    """The allow-list in use (the office's file, else the shipped default)."""
    from tinhhinh.harm import factcheck_registry as reg

    for p in _registry_call(reg.publishers):
        _print(p)
    err.print(
        f"from {reg.publishers_path() if reg.publishers_path().exists() else 'the shipped default list'}"
    )
    return 0


@publishers_app.command("add")
def publishers_add(
    name: Annotated[str, typer.Argument(help="Publisher name or web domain.")], by: ByOpt, db: DbOpt = None
) -> int:
    """A coordinator adds a publisher (or a domain) to the office's allow-list."""
    from tinhhinh.harm import factcheck_registry as reg

    engine, actor = _actor(db, by)
    _require_coordinator(actor, "change the publisher allow-list")
    added = _registry_call(reg.add_publisher, name)
    if added:
        _audit(engine, actor, "factcheck.publisher_add", name, {"publisher": name})
    err.print(
        f"{name}: {'added' if added else 'already on the list'} ({reg.publishers_path()})", markup=False
    )
    return 0


@publishers_app.command("remove")
def publishers_remove(
    name: Annotated[str, typer.Argument(help="Publisher name or web domain.")], by: ByOpt, db: DbOpt = None
) -> int:
    """A coordinator removes a publisher from the office's allow-list (entries already imported stay)."""
    from tinhhinh.harm import factcheck_registry as reg

    engine, actor = _actor(db, by)
    _require_coordinator(actor, "change the publisher allow-list")
    removed = _registry_call(reg.remove_publisher, name)
    if removed:
        _audit(engine, actor, "factcheck.publisher_remove", name, {"publisher": name})
    err.print(f"{name}: {'removed' if removed else 'not on the list'}", markup=False)
    return 0 if removed else 2


# ---------------------------------------------------------------- flags


def _engine(db: str | None):  # noqa: ANN202
    from tinhhinh.store.db import engine_for

    return engine_for(db, create=False)


def _flag_row(f: dict[str, Any]) -> dict[str, Any]:
    # what a listing shows: the flag and the item's title/link/source/date, never author data
    keys = (
        "id",
        "type",
        "score",
        "status",
        "item_pk",
        "idx",
        "title",
        "snippet",
        "url",
        "source",
        "published_at",
        "decided_by",
        "decided_at",
        "note",
        "case_id",
    )
    from tinhhinh.timefmt import local_iso

    row = {k: f.get(k) for k in keys}
    # stored as naive UTC: shown in Vietnam time with its offset, as search --json does
    for k in ("published_at", "decided_at"):
        if isinstance(row[k], dt.datetime):
            row[k] = local_iso(row[k])
    if f.get("type") == "factcheck" and "factcheck_retired" in f:
        row["factcheck_retired"] = f["factcheck_retired"]
        row["factcheck_retire_reason"] = f.get("factcheck_retire_reason")
    return row


def _short(when: Any) -> str:
    """A local ISO time as 'YYYY-MM-DD HH:MM' (Vietnam time), '-' when there is none."""
    if not when:
        return "-"
    from tinhhinh.timefmt import local_short

    return local_short(dt.datetime.fromisoformat(str(when)))


def _label(f: dict[str, Any]) -> str:
    """The item's title, else the start of its text (posts), on one line."""
    text = f.get("title") or f.get("snippet") or ""
    return " ".join(text.split())[:80]


@flags_app.command("list")
def flags_list(
    status: Annotated[
        str | None, typer.Option("--status", help="unconfirmed, confirmed or dismissed.")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="scam, toxic or factcheck.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many, newest first.")] = 200,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> int:
    """Flags, newest first (never showing or grouping by authors)."""
    from tinhhinh.harm import flags

    rows = [_flag_row(f) for f in flags.list_flags(_engine(db), status=status, type=type, limit=limit)]
    if as_json:
        _emit(rows)
        return 0
    if rows:
        _header("id", "type", "score", "status", "source", "title or text", "url", "date")
    for f in rows:
        score = f"{f['score']:.3f}" if isinstance(f["score"], int | float) else "-"
        # the date goes last, so scripts reading the first columns by position are unchanged
        _print(
            f"{f['id']}\t{f['type']}\t{score}\t{f['status']}\t{f['source']}\t{_label(f)}\t{f['url'] or ''}"
            f"\t{_short(f['published_at'])}"
        )
    if not rows:
        err.print("no flags" + (" with these filters" if status or type else " yet"), markup=False)
    elif any(f["status"] == "unconfirmed" for f in rows):
        err.print(
            f"{len(rows)} flag(s); look at one with `tinhhinh flags show ID`, then "
            "`tinhhinh flags confirm ID --by NAME` or `tinhhinh flags dismiss ID --by NAME --note WHY`",
            markup=False,
            highlight=False,
            soft_wrap=True,  # commands are copied: no line break inside one
        )
    return 0


@flags_app.command("show")
def flags_show(
    flag_id: Annotated[int, typer.Argument(help="Flag id.")],
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (the default when piped).")] = False,
) -> int:
    """One flag with its evidence: at a terminal, the item and what the machine saw in it, to decide on;
    piped or with --json, JSON."""
    from tinhhinh.harm import flags

    f = flags.with_factcheck_state(flags.get_flag(_engine(db), flag_id))
    row = {**_flag_row(f), "evidence": (f.get("entry") or {}).get("evidence")}
    if as_json or not sys.stdout.isatty():
        _emit(row)
    else:
        _show_flag(row)
    return 0


def _signal_descriptions() -> dict[str, str]:
    """What each bundled scam signal means, from the rules file's own descriptions (by signal id)."""
    from importlib import resources

    import yaml

    from tinhhinh.harm.scam import DEFAULT_RULES

    try:
        data = yaml.safe_load(resources.files("tinhhinh.data").joinpath(DEFAULT_RULES).read_text("utf-8"))
    except (OSError, yaml.YAMLError):  # help text only
        return {}
    described = {
        "url_shortener": "a shortened link that hides where it leads",
        "lookalike_domain": "a web address dressed up as a bank's or a government site's",
        "link": "a link",
    }
    rules = list(data.get("signals") or []) + list((data.get("links") or {}).values())
    described.update(
        {
            r["id"]: r["description"]
            for r in rules
            if isinstance(r, dict) and "id" in r and r.get("description")
        }
    )
    return described


def _show_flag(f: dict[str, Any]) -> None:
    from rich.text import Text

    from tinhhinh.console import out

    score = f"{f['score']:.2f}" if isinstance(f["score"], int | float) else "-"
    out.print(Text(f"flag {f['id']} · {f['type']} · score {score} · {f['status']}", style="bold"))
    when = _short(f["published_at"]) if f["published_at"] else None
    out.print(Text(" · ".join(str(x) for x in (f["source"], when, f["url"]) if x)), style="dim")
    if f["title"]:
        out.print(Text(f["title"], style="bold"))
    if f["snippet"]:
        out.print(Text(" ".join(f["snippet"].split()) + ("…" if len(f["snippet"]) >= 160 else "")))
    ev = f["evidence"]
    out.print(Text("what the machine saw:", style="bold"))
    if isinstance(ev, dict) and f.get("factcheck_retired"):  # the fact-check no longer stands
        why = f" ({f['factcheck_retire_reason']})" if f.get("factcheck_retire_reason") else ""
        out.print(Text(f"  fact-check {ev.get('claim_id', '')} was retired{why}: it no longer says "
                       f"«{ev.get('claim', '')}» is false — {ev.get('publisher', '')} {ev.get('source', '')}"
                       .rstrip(), style="yellow"))  # fmt: skip
        if ev.get("sentence"):
            out.print(Text(f"  sentence in the item: «{ev['sentence']}»"))
    elif isinstance(ev, dict):  # a fact-check match
        out.print(Text(f"  claim rated false: «{ev.get('claim', '')}» — {ev.get('publisher', '')} "
                       f"({ev.get('verdict', '')}) {ev.get('source', '')}".rstrip()))  # fmt: skip
        if ev.get("sentence"):
            out.print(Text(f"  sentence in the item: «{ev['sentence']}»"))
    elif isinstance(ev, list) and ev:
        meaning = _signal_descriptions()
        for e in ev:
            if isinstance(e, dict):
                rule = str(e.get("rule", ""))
                out.print(Text(f"  «{e.get('text', '')}» — {meaning.get(rule) or rule} ({rule})"))
            else:
                out.print(Text(f"  {e}"))
    else:
        out.print(Text("  (no evidence recorded)"))
    if f.get("decided_by"):
        decided = f"{f['status']} by {f['decided_by']}, {_short(f.get('decided_at'))}"
        out.print(Text(f"decision: {decided}" + (f" — {f['note']}" if f.get("note") else "")))
    if f.get("case_id"):
        out.print(Text(f"case: #{f['case_id']} (tinhhinh case show {f['case_id']})"))
    if f.get("factcheck_retired") and f["status"] != "dismissed":
        err.print(
            f"the fact-check was retired: dismiss it with `tinhhinh flags dismiss {f['id']} --by NAME "
            "--note WHY`",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    elif f["status"] == "unconfirmed":
        err.print(
            f"decide: `tinhhinh flags confirm {f['id']} --by NAME` or "
            f"`tinhhinh flags dismiss {f['id']} --by NAME --note WHY`",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _decide(action: str, flag_id: int, by: str, note: str | None, db: str | None) -> int:
    from tinhhinh.harm import flags

    engine, actor = _actor(db, by)
    from tinhhinh.timefmt import local_iso

    result = (flags.confirm if action == "confirm" else flags.dismiss)(engine, actor, flag_id, note)
    _print(f"{result['id']}\t{result['status']}\t{result['decided_by']}\t{local_iso(result['decided_at'])}")
    return 0


@flags_app.command("confirm")
def flags_confirm(
    flag_id: Annotated[int, typer.Argument(help="Flag id.")],
    by: ByOpt,
    note: Annotated[str | None, typer.Option("--note", help="Why (what was checked).")] = None,
    db: DbOpt = None,
) -> int:
    """A person confirms the flag is right (recorded with who and when)."""
    return _decide("confirm", flag_id, by, note, db)


@flags_app.command("dismiss")
def flags_dismiss(
    flag_id: Annotated[int, typer.Argument(help="Flag id.")],
    by: ByOpt,
    note: Annotated[str | None, typer.Option("--note", help="Why (what was checked).")] = None,
    db: DbOpt = None,
) -> int:
    """A person dismisses the flag as wrong (recorded with who and when)."""
    return _decide("dismiss", flag_id, by, note, db)


@flags_app.command("open-case")
def flags_open_case(
    flag_id: Annotated[int, typer.Argument(help="A confirmed scam or factcheck flag.")],
    by: ByOpt,
    db: DbOpt = None,
) -> int:
    """Open a desk case from a confirmed scam or fact-check flag (toxic flags never open cases)."""
    from tinhhinh.harm import flags

    engine, actor = _actor(db, by)
    case_id = flags.open_case(engine, actor, flag_id)
    _print(str(case_id))
    return 0
