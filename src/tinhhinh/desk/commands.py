"""CLI for the response desk: `tinhhinh users|agencies|case|petition|audit ...` (thin: the domain does the work)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import typer

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
            err.print(f"[red]error:[/red] {exc}")
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
        err.print(f"[yellow]warning:[/yellow] {warning}")
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
