"""CLI for the response desk: `tinhhinh users|agencies|case|petition|audit ...` (thin: the domain does the work)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from tinhhinh.console import UserError, err

users_app = typer.Typer(help="Desk user accounts (admin only).", no_args_is_help=True)
agencies_app = typer.Typer(
    help="Member agencies and the sectors they handle (admin only).", no_args_is_help=True
)
case_app = typer.Typer(help="Cases: open, assign, move through their states.", no_args_is_help=True)
petition_app = typer.Typer(
    help="Petitions (đơn thư): intake, deadlines, transitions, registers.", no_args_is_help=True
)
audit_app = typer.Typer(help="The tamper-evident audit chain.", no_args_is_help=True)

DbOpt = typer.Option(None, "--db", help="database path or URL (default TINHHINH_DB or ./tinhhinh.db)")
UserOpt = typer.Option(
    None,
    "--user",
    "-u",
    help="acting user (default TINHHINH_USER); password from TINHHINH_PASSWORD or a prompt",
)
JsonOpt = typer.Option(False, "--json", help="print JSON to stdout")
VerboseOpt = typer.Option(False, "--verbose", help="show tracebacks")


@users_app.callback()
@agencies_app.callback()
@case_app.callback()
@petition_app.callback()
@audit_app.callback()
def _group() -> None:
    """Keep each app a command group even while it has one command."""


def _cli(fn: Callable[..., Any]) -> Callable[..., Any]:
    """One clear line and exit 1 for problems the user can fix; tracebacks only with --verbose."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except UserError as exc:
            if kwargs.get("verbose"):
                raise
            err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _parse_date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{what}: {value!r} is not a date; write YYYY-MM-DD, e.g. 2026-03-02") from None


# ---------------------------------------------------------------- petition deadline
@petition_app.command("deadline")
@_cli
def petition_deadline(
    kind: str = typer.Option(..., "--kind", help="kien_nghi_phan_anh | khieu_nai | to_cao"),
    event: list[str] = typer.Option(
        ..., "--event", help="received=DATE | accepted=DATE | learned=DATE (repeatable)"
    ),
    second: bool = typer.Option(False, "--second", help="second-time complaint (khieu_nai)"),
    complex_: bool = typer.Option(False, "--complex", help="complex matter (vụ việc phức tạp)"),
    very_complex: bool = typer.Option(
        False, "--very-complex", help="especially complex (to_cao: two extensions)"
    ),
    remote: bool = typer.Option(False, "--remote", help="remote / hard-to-reach area (vùng sâu, vùng xa)"),
    extensions: int = typer.Option(0, "--extensions", help="extensions granted (to_cao)"),
    as_json: bool = JsonOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Compute a petition's deadlines with the rule citations, so an officer can check one by hand."""
    from tinhhinh.desk.deadlines import compute

    events: dict[str, dt.date] = {}
    for spec in event:
        name, sep, value = spec.partition("=")
        if not sep:
            raise UserError(f"--event {spec!r}: write NAME=DATE, e.g. accepted=2026-03-02")
        events[name.strip()] = _parse_date(value.strip(), f"--event {name}")
    result = compute(
        kind,
        events,
        second=second,
        complex=complex_,
        very_complex=very_complex,
        remote=remote,
        extensions=extensions,
    )
    for warning in result["warnings"]:
        err.print(f"[yellow]warning:[/yellow] {escape(str(warning))}")
    if as_json:
        _emit(result)
        return
    for d in result["dates"]:
        moved = (
            f" (day {d['days']} = {d['unrolled_due']}, {d['rolled_forward_because']})"
            if d["rolled_forward_because"]
            else ""
        )
        sys.stdout.write(
            f"{d['stage']}: {d['due']}{moved}\n  {d['days']} {d['unit']} days from {d['event']} {d['event_date']}\n"
            f"  {d['law']}, {d['article']} [{d['confidence']}]\n"
        )


# ---------------------------------------------------------------- helpers
def _engine(db: str | None):
    from tinhhinh.store.db import engine_for

    return engine_for(db)


def _actor(engine, user: str | None):
    """Sign in: --user/TINHHINH_USER, password from TINHHINH_PASSWORD or a hidden prompt."""
    import getpass
    import os

    from tinhhinh.desk.people import authenticate

    username = user or os.environ.get("TINHHINH_USER")
    if not username:
        raise UserError("who is acting? pass --user NAME (or set TINHHINH_USER)")
    password = os.environ.get("TINHHINH_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise UserError("no password: set TINHHINH_PASSWORD or run in a terminal to be prompted")
        password = getpass.getpass(f"password for {username}: ")
    return authenticate(engine, username, password)


def _new_password(label: str) -> str:
    import getpass
    import os

    password = os.environ.get("TINHHINH_NEW_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise UserError(f"no password for {label}: set TINHHINH_NEW_PASSWORD or run in a terminal")
    first = getpass.getpass(f"new password for {label}: ")
    if first != getpass.getpass("again: "):
        raise UserError("the two passwords differ")
    return first


# columns that give way when a list is wider than the terminal; the others are never cut or wrapped
_TEXT_COLUMNS = ("title", "subject", "name", "full_name", "sectors")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value)


def _table(rows: list[dict[str, Any]], columns: list[str], as_json: bool, *, empty: str = "") -> None:
    """A list as JSON, or as a table a person can scan at 80 columns: ids, states and dates are never
    cut or wrapped; the text takes the rest of the line, or a line of its own under its row when the
    rest would be too narrow to read (several text columns wrap instead); a column empty in every row
    is left out; ``empty`` goes to stderr when there is nothing to show (an empty frame read like a
    broken command). ``show`` has every field in full."""
    if as_json:
        _emit(rows)
        return
    if not rows:
        err.print(empty or "nothing to list", markup=False)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from tinhhinh.console import out

    cells = {c: [_cell(r.get(c)) for r in rows] for c in columns}
    shown = [c for c in columns if c == "id" or any(cells[c])]
    natural = {c: max(len(c), *(len(v) for v in cells[c])) for c in shown}
    flexible = [c for c in shown if c in _TEXT_COLUMNS]
    fixed = [c for c in shown if c not in flexible]
    room = out.width - sum(natural[c] for c in fixed) - 3 * len(fixed)  # 3: padding and divider
    if len(flexible) == 1 and room < 30:
        _table_text_below(rows, fixed, flexible[0], cells, natural)
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for c in shown:
        if c not in flexible:
            justify = "right" if c in ("id", "version") else "left"
            table.add_column(c, no_wrap=True, justify=justify, min_width=natural[c])
        elif len(flexible) == 1:
            table.add_column(c, no_wrap=True, overflow="ellipsis", max_width=room)
        else:
            wanted = sum(natural[f] for f in flexible)
            table.add_column(c, max_width=max(12, max(room, 12 * len(flexible)) * natural[c] // wanted))
    for i in range(len(rows)):  # Text: titles and names are shown as written, never read as markup
        table.add_row(*(Text(cells[c][i]) for c in shown))
    out.print(table)


def _table_text_below(
    rows: list[dict[str, Any]], fixed: list[str], text: str, cells: dict[str, list[str]], natural: dict
) -> None:
    """The narrow-terminal form of ``_table``: each row's fields on one line, its text on the next,
    indented and cut with "…" at the terminal's edge."""
    from rich.text import Text

    from tinhhinh.console import out

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(natural[c]) if c in ("id", "version") else v.ljust(natural[c])
            for c, v in zip(fixed, values, strict=True)
        ).rstrip()

    out.print(Text(line(fixed), style="bold"), no_wrap=True, overflow="ellipsis")
    indent = " " * (natural[fixed[0]] + 2)
    for i in range(len(rows)):  # Text: titles and names are shown as written, never read as markup
        out.print(Text(line([cells[c][i] for c in fixed])), no_wrap=True, overflow="ellipsis")
        out.print(Text(indent + cells[text][i], style="dim"), no_wrap=True, overflow="ellipsis")


def _with_agency_codes(engine: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a table with the agency's code beside its number ("SYT" says more than "2")."""
    from tinhhinh.desk import people

    codes = {a["id"]: a["code"] for a in people.list_agencies(engine)}
    return [{**r, "agency": codes.get(r.get("agency_id"), r.get("agency_id"))} for r in rows]


# ---------------------------------------------------------------- users and agencies
@users_app.command("add")
@_cli
def users_add(
    username: str = typer.Argument(...),
    role: str = typer.Option(..., "--role", help="admin | coordinator | officer | viewer"),
    agency: str | None = typer.Option(None, "--agency", help="agency code (officers)"),
    full_name: str = typer.Option("", "--name", help="full name, as shown to colleagues"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Add an account (the very first account, an admin, needs no --user). Password from TINHHINH_NEW_PASSWORD or a prompt."""
    from tinhhinh.desk import people
    from tinhhinh.store import desk as store

    engine = _engine(db)
    with engine.connect() as conn:
        first = store.count_users(conn) == 0
    actor = None if first else _actor(engine, user)
    uid = people.add_user(
        engine, actor, username, role, _new_password(username), agency_code=agency, full_name=full_name
    )
    err.print(f"user {username} ({role}) added as #{uid}", markup=False)


@users_app.command("list")
@_cli
def users_list(
    db: str | None = DbOpt, user: str | None = UserOpt, as_json: bool = JsonOpt, verbose: bool = VerboseOpt
) -> None:
    """Desk accounts and their roles (admin only). Example: tinhhinh users list --user admin"""
    from tinhhinh.desk import people

    engine = _engine(db)
    rows = people.list_users(engine, _actor(engine, user))
    if not as_json:
        rows = _with_agency_codes(engine, rows)
    _table(rows, ["id", "username", "full_name", "role", "agency", "active"], as_json)


@users_app.command("passwd")
@_cli
def users_passwd(
    username: str, db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt
) -> None:
    """Set a password (your own, or anyone's as admin)."""
    from tinhhinh.desk import people

    engine = _engine(db)
    people.set_password(engine, _actor(engine, user), username, _new_password(username))
    err.print(f"password of {username} changed", markup=False)


@users_app.command("deactivate")
@_cli
def users_deactivate(
    username: str, db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt
) -> None:
    """Turn an account off: its sessions and API tokens end at once; its history stays (admin only)."""
    from tinhhinh.desk import people

    engine = _engine(db)
    people.set_active(engine, _actor(engine, user), username, False)
    err.print(f"{username} deactivated", markup=False)


@agencies_app.command("add")
@_cli
def agencies_add(
    code: str,
    name: str = typer.Option(..., "--name", help="the agency's name, e.g. 'Sở Y tế'"),
    sector: list[str] = typer.Option([], "--sector", help="sector code it handles (repeatable)"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Add a member agency. Example: tinhhinh agencies add SYT --name 'Sở Y tế' --sector health --user admin"""
    from tinhhinh.desk import people

    engine = _engine(db)
    aid = people.add_agency(engine, _actor(engine, user), code, name, sector)
    err.print(f"agency {code} added as #{aid}", markup=False)


@agencies_app.command("sectors")
@_cli
def agencies_sectors(
    code: str,
    sector: list[str] = typer.Option(..., "--sector", help="sector code (repeatable; data/sectors.yaml)"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Replace the sectors an agency handles."""
    from tinhhinh.desk import people

    engine = _engine(db)
    people.set_agency_sectors(engine, _actor(engine, user), code, sector)


@agencies_app.command("list")
@_cli
def agencies_list(
    db: str | None = DbOpt, user: str | None = UserOpt, as_json: bool = JsonOpt, verbose: bool = VerboseOpt
) -> None:
    """Member agencies, their codes and the sectors they handle."""
    from tinhhinh.desk import people

    engine = _engine(db)
    _actor(engine, user)
    _table(people.list_agencies(engine), ["id", "code", "name", "sectors", "active"], as_json)


# ---------------------------------------------------------------- cases
@case_app.command("open")
@_cli
def case_open(
    title: str = typer.Option(..., "--title", help="what the case is about, in a line"),
    description: str = typer.Option("", "--description", help="details for the agency"),
    sector: str | None = typer.Option(None, "--sector", help="sector code (data/sectors.yaml), e.g. health"),
    priority: str = typer.Option("normal", "--priority", help="low | normal | high | urgent"),
    agency: str | None = typer.Option(None, "--agency", help="agency code (default: from the sector)"),
    due: str | None = typer.Option(None, "--due", help="YYYY-MM-DD"),
    item: int | None = typer.Option(None, "--item", help="open from a stored item (pk)"),
    harm: int | None = typer.Option(None, "--harm", help="with --item: the index of a confirmed harm flag"),
    story: str | None = typer.Option(None, "--story", help="open from a story id"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Open a case and print its id. From a story, a stored item or a person-confirmed harm flag, or by hand.

    Example: tinhhinh case open --title 'Tin sai về dịch cúm' --sector health --priority high --story s0000042
    The agency comes from the sector (data/sectors.yaml) unless --agency names one.
    """
    from tinhhinh.desk import cases, people

    engine = _engine(db)
    actor = _actor(engine, user)
    fields: dict[str, Any] = {
        "description": description,
        "sector": sector,
        "priority": priority,
        "agency_id": people.agency_id(engine, agency) if agency else None,
        "due_date": _parse_date(due, "--due") if due else None,
    }
    if item is not None:
        cid = cases.open_from_item(engine, actor, item, harm_index=harm, title=title, **fields)
    elif story:
        cid = cases.open_from_story(engine, actor, story, title=title, **fields)
    else:
        cid = cases.open_case(engine, actor, title=title, **fields)
    sys.stdout.write(f"{cid}\n")


@case_app.command("list")
@_cli
def case_list(
    status: str | None = typer.Option(None, "--status", help="only cases in this status"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    as_json: bool = JsonOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Cases you may see (officers: their agency's), by id. --status: new, assigned, in_progress, responded, closed, reopened, transferred, rejected."""
    from tinhhinh.desk import cases

    engine = _engine(db)
    rows = cases.list_cases(engine, _actor(engine, user), status=status)
    if not as_json:
        rows = _with_agency_codes(engine, rows)
    _table(
        rows,
        ["id", "status", "priority", "agency", "due_date", "title", "version"],
        as_json,
        empty=f"no cases{f' in status {status}' if status else ''} that you may see",
    )


@case_app.command("show")
@_cli
def case_show(
    case_id: int, db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt
) -> None:
    """One case as JSON: fields, history, comments, links, attachments (what your role may see)."""
    from tinhhinh.desk import cases

    engine = _engine(db)
    _emit(cases.get_case(engine, _actor(engine, user), case_id))


@case_app.command("transition")
@_cli
def case_transition(
    case_id: int,
    to: str = typer.Argument(
        ..., help="assigned | in_progress | responded | closed | reopened | transferred | rejected"
    ),
    version: int = typer.Option(..., "--version", help="the version you read (conflict if it changed)"),
    reason: str | None = typer.Option(
        None, "--reason", help="why (kept in the history; needed to reject, reopen or transfer)"
    ),
    agency: str | None = typer.Option(None, "--agency", help="agency code (assigned/transferred)"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Move a case to another status, with the version you read (a conflict if someone changed it since).

    Example: tinhhinh case transition 12 assigned --version 1 --agency SYT
    """
    from tinhhinh.desk import cases, people

    engine = _engine(db)
    agency_id = people.agency_id(engine, agency) if agency else None
    _emit(
        cases.transition(
            engine,
            _actor(engine, user),
            case_id,
            to,
            expected_version=version,
            reason=reason,
            agency_id=agency_id,
        )
    )


@case_app.command("link")
@_cli
def case_link(
    case_id: int,
    kind: str = typer.Argument(..., help="story | item | harm"),
    ref: str = typer.Argument(..., help="story id, item pk, or pk:index for a harm flag"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Link a case to a story, a stored item or a harm flag. Example: tinhhinh case link 12 story s0000042"""
    from tinhhinh.desk import cases

    engine = _engine(db)
    cases.link(engine, _actor(engine, user), case_id, kind, ref)


@case_app.command("comment")
@_cli
def case_comment(
    case_id: int, text: str, db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt
) -> None:
    """Add a comment to a case (kept in its history and the audit chain)."""
    from tinhhinh.desk import cases

    engine = _engine(db)
    cases.comment(engine, _actor(engine, user), case_id, text)


@case_app.command("attach")
@_cli
def case_attach(
    case_id: int, file: Path, db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt
) -> None:
    """Attach a file (pdf, png, jpg, docx, xlsx, txt; size limit: setting desk.attachments.max_bytes)."""
    from tinhhinh.desk import cases

    engine = _engine(db)
    actor = _actor(engine, user)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror}") from None
    sys.stdout.write(f"{cases.attach(engine, actor, case_id, file.name, data)}\n")


@case_app.command("export")
@_cli
def case_export(
    out: Path = typer.Option(..., "--out", help="file .xlsx or .csv"),
    fmt: str | None = typer.Option(None, "--format", help="xlsx or csv (default: from --out)"),
    status: str | None = typer.Option(None, "--status", help="only cases in this status"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Write the case register to .xlsx or .csv."""
    from tinhhinh.desk import registers

    engine = _engine(db)
    summary = registers.export_cases(engine, _actor(engine, user), out, fmt=fmt, status=status)
    err.print(f"{summary['rows']} case(s) written to {out}", markup=False)


# ---------------------------------------------------------------- petitions
@petition_app.command("intake")
@_cli
def petition_intake(
    kind: str = typer.Option(..., "--kind", help="kien_nghi_phan_anh | khieu_nai | to_cao"),
    subject: str = typer.Option(..., "--subject", help="short, no personal data"),
    received: str = typer.Option(..., "--received", help="YYYY-MM-DD, not after today (office time)"),
    name: str = typer.Option(..., "--name", help="the petitioner's name (personal data)"),
    address: str = typer.Option("", "--address", help="personal data"),
    phone: str = typer.Option("", "--phone", help="personal data"),
    email: str = typer.Option("", "--email", help="personal data"),
    id_number: str = typer.Option("", "--id-number", help="ID card number (personal data)"),
    content: str = typer.Option("", "--content", help="what the petition says"),
    privacy_notice_given: bool = typer.Option(
        False, "--privacy-notice-given", help="the privacy notice was given (required)"
    ),
    sector: str | None = typer.Option(None, "--sector", help="sector code (data/sectors.yaml), e.g. land"),
    agency: str | None = typer.Option(None, "--agency", help="agency code (default: from the sector)"),
    remote: bool = typer.Option(
        False, "--remote", help="from a remote or hard-to-reach area (longer legal terms)"
    ),
    complex_: bool = typer.Option(False, "--complex", help="a complex case (longer legal terms)"),
    second_of: int | None = typer.Option(None, "--second-of", help="id of the first complaint"),
    ref: str | None = typer.Option(None, "--ref", help="register number"),
    case: int | None = typer.Option(None, "--case", help="link to a case"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Register a petition (đơn thư) and print its id; the petitioner's receipt code is shown once.

    --kind: kien_nghi_phan_anh, khieu_nai or to_cao. Deadlines follow the law for the kind (see
    `tinhhinh petition deadline`). The petitioner must have been given the privacy notice.
    Example: tinhhinh petition intake --kind khieu_nai --subject 'Bồi thường đất' --received 2026-11-20
    --name 'Nguyễn Văn A' --sector land --privacy-notice-given
    """
    from tinhhinh.desk import people, petitions

    engine = _engine(db)
    actor = _actor(engine, user)
    pid = petitions.intake(
        engine,
        actor,
        kind=kind,
        subject=subject,
        received_on=_parse_date(received, "--received"),
        petitioner={"name": name, "address": address, "phone": phone, "email": email, "id_number": id_number},
        content=content,
        privacy_notice_given=privacy_notice_given,
        sector=sector,
        agency_id=people.agency_id(engine, agency) if agency else None,
        remote=remote,
        complex=complex_,
        first_petition_id=second_of,
        ref=ref,
        case_id=case,
    )
    sys.stdout.write(f"{pid}\n")
    err.print(f"receipt code for the petitioner (shown only now; /tra-cuu): {pid.receipt}", markup=False)


@petition_app.command("list")
@_cli
def petition_list(
    kind: str | None = typer.Option(None, "--kind", help="kien_nghi_phan_anh | khieu_nai | to_cao"),
    state: str | None = typer.Option(None, "--state", help="only petitions in this state"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    as_json: bool = JsonOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Petitions you may see, with state and due date (no personal data). --state: received, accepted, extended, resolved, closed, ..."""
    from tinhhinh.desk import petitions

    engine = _engine(db)
    rows = petitions.list_petitions(engine, _actor(engine, user), kind=kind, state=state)
    if not as_json:
        rows = _with_agency_codes(engine, rows)
    _table(
        rows,
        ["id", "ref", "kind", "state", "agency", "received_on", "due_on", "subject", "version"],
        as_json,
        empty="no petitions that you may see match",
    )


@petition_app.command("show")
@_cli
def petition_show(
    petition_id: int, db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt
) -> None:
    """One petition as JSON; a denouncer's identity only for its named resolver."""
    from tinhhinh.desk import petitions

    engine = _engine(db)
    _emit(petitions.show(engine, _actor(engine, user), petition_id))


@petition_app.command("transition")
@_cli
def petition_transition(
    petition_id: int,
    to: str = typer.Argument(
        ...,
        help="accepted | not_accepted | forwarded | guided | merged_duplicate | extended | resolved | closed",
    ),
    version: int = typer.Option(..., "--version", help="the version you read (conflict if it changed)"),
    on: str | None = typer.Option(
        None, "--on", help="date of the decision, YYYY-MM-DD, not after today (default: today, office time)"
    ),
    reason: str | None = typer.Option(None, "--reason", help="why (kept in the history)"),
    into: int | None = typer.Option(None, "--into", help="merged_duplicate: the petition it duplicates"),
    very_complex: bool = typer.Option(False, "--very-complex", help="extended (to_cao): especially complex"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Move a petition to another state on a date, with the version you read.

    Example: tinhhinh petition transition 7 accepted --version 2 --on 2026-11-25
    """
    from tinhhinh.desk import petitions

    engine = _engine(db)
    _emit(
        petitions.transition(
            engine,
            _actor(engine, user),
            petition_id,
            to,
            expected_version=version,
            on=_parse_date(on, "--on") if on else None,
            reason=reason,
            merged_into=into,
            very_complex=very_complex,
        )
    )


@petition_app.command("assign")
@_cli
def petition_assign(
    petition_id: int,
    version: int = typer.Option(..., "--version", help="the version you read (conflict if it changed)"),
    agency: str | None = typer.Option(None, "--agency", help="agency code"),
    resolver: str | None = typer.Option(None, "--resolver", help="user name of the named resolver"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Assign a petition to an agency and/or a named resolver, with the version you read."""
    from tinhhinh.desk import people, petitions
    from tinhhinh.store import desk as store

    engine = _engine(db)
    actor = _actor(engine, user)
    resolver_id = None
    if resolver:
        with engine.connect() as conn:
            row = store.get_user(conn, username=resolver)
        if not row:
            raise UserError(f"no user {resolver!r}")
        resolver_id = row["id"]
    v = petitions.assign(
        engine,
        actor,
        petition_id,
        expected_version=version,
        agency_id=people.agency_id(engine, agency) if agency else None,
        resolver_id=resolver_id,
    )
    _emit({"id": petition_id, "version": v})


@petition_app.command("note")
@_cli
def petition_note(
    petition_id: int,
    text: str,
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Add a working note to a petition (kept in its history and the audit chain)."""
    from tinhhinh.desk import petitions

    engine = _engine(db)
    petitions.add_note(engine, _actor(engine, user), petition_id, text)


@petition_app.command("receipt")
@_cli
def petition_receipt(
    petition_id: int,
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Print a new receipt code for a petition (lost, or taken in by the API or a register); the old code stops working.

    Example: tinhhinh petition receipt 12 --user coord
    """
    from tinhhinh.desk import receipts

    engine = _engine(db)
    code = receipts.reissue(engine, _actor(engine, user), petition_id)
    sys.stdout.write(f"{code}\n")
    err.print(
        f"new receipt code for petition #{petition_id}: give it to the citizen; the previous code no longer works",
        markup=False,
    )


@petition_app.command("purge")
@_cli
def petition_purge(
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    as_json: bool = JsonOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Erase personal data of petitions closed longer ago than the retention period (setting desk.retention_days),
    counted back from today in the office (no way to pretend another day: erasure cannot be undone)."""
    from tinhhinh.desk import petitions

    engine = _engine(db)
    ids = petitions.purge(engine, _actor(engine, user))
    if as_json:
        _emit({"erased": ids})
    err.print(f"erased the personal data of {len(ids)} petition(s)")


@petition_app.command("stats")
@_cli
def petition_stats(db: str | None = DbOpt, user: str | None = UserOpt, verbose: bool = VerboseOpt) -> None:
    """Counts only (viewers, coordinators)."""
    from tinhhinh.desk import petitions

    engine = _engine(db)
    _emit(petitions.stats(engine, _actor(engine, user)))


@petition_app.command("export")
@_cli
def petition_export(
    out: Path = typer.Option(..., "--out", help="file .xlsx or .csv"),
    fmt: str | None = typer.Option(None, "--format", help="xlsx or csv (default: from --out)"),
    personal: bool = typer.Option(
        False, "--personal", help="include personal data (coordinator, needs --reason)"
    ),
    reason: str | None = typer.Option(None, "--reason", help="why personal data is exported (audited)"),
    kind: str | None = typer.Option(None, "--kind", help="kien_nghi_phan_anh | khieu_nai | to_cao"),
    state: str | None = typer.Option(None, "--state", help="only petitions in this state"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Write the petition register to .xlsx or .csv; personal data only with --personal and a --reason (audited)."""
    from tinhhinh.desk import registers

    engine = _engine(db)
    summary = registers.export_petitions(
        engine, _actor(engine, user), out, fmt=fmt, personal=personal, reason=reason, kind=kind, state=state
    )
    err.print(f"{summary['rows']} petition(s) written to {out}", markup=False)


@petition_app.command("import")
@_cli
def petition_import(
    file: Path,
    dry_run: bool = typer.Option(False, "--dry-run", help="check every row, import nothing"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    as_json: bool = JsonOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Import an Excel register (.xlsx), all rows or none. Every rejected row is reported (row, column, reason); exit 2 if any."""
    from tinhhinh.desk import registers

    engine = _engine(db)
    report = registers.import_register(engine, _actor(engine, user), file, dry_run=dry_run)
    if as_json:
        _emit(report.to_json())
    else:
        for r in report.rejections:
            sys.stdout.write(f"{file.name}: {r}\n")
    if dry_run:
        err.print(f"{report.rows} row(s): would import {report.valid}, rejected {report.rejected_rows}")
    elif report.rejections:
        err.print(
            f"{report.rows} row(s): rejected {report.rejected_rows}, so nothing was imported: "
            "fix those rows and run again"
        )
    else:
        err.print(f"{report.rows} row(s): imported {len(report.imported)}")
    if report.rejections:
        raise typer.Exit(2)


# ---------------------------------------------------------------- audit
@audit_app.command("verify")
@_cli
def audit_verify(
    head: Path | None = typer.Option(
        None, "--head", help="a head exported earlier (detects deleted newest rows)"
    ),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    as_json: bool = JsonOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Check the audit chain. Exit 0 intact, 1 tampered (or could not run)."""
    from tinhhinh.desk import audit

    engine = _engine(db)
    expected = audit.read_head_file(head) if head else None
    result = audit.verify(engine, _actor(engine, user), expected)
    if as_json:
        _emit(result)
    else:
        for p in result["problems"]:
            sys.stdout.write(f"{p}\n")
    if result["ok"]:
        err.print(f"audit chain intact: {result['rows']} rows, head {result['head']['seq']}")
        return
    err.print(f"[red]audit chain broken:[/red] {len(result['problems'])} problem(s)")
    raise typer.Exit(1)


@audit_app.command("export-head")
@_cli
def audit_export_head(
    out: Path | None = typer.Option(None, "--out", help="write the head here (keep a copy off this machine)"),
    db: str | None = DbOpt,
    user: str | None = UserOpt,
    verbose: bool = VerboseOpt,
) -> None:
    """Print (or write) the audit chain's head, to keep off this machine: `audit verify --head FILE` then also detects deleted newest rows."""
    from tinhhinh.desk import audit

    engine = _engine(db)
    _emit(audit.export_head(engine, _actor(engine, user), out))
