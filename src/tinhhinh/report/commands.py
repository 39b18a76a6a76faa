"""`tinhhinh report`: the periodic review (báo cáo tổng kết công tác) as DOCX, PDF or HTML."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from tinhhinh.console import UserError, err

FORMATS = ("docx", "pdf", "html")


def _day(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{name} {value!r}: use a date like 2026-11-01") from None


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The previous calendar month."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def resolve_period(first: dt.date | None, last: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """--from/--to as typed, with the defaults: neither → last month; --from alone → to the end of that
    month or today, whichever is earlier; --to alone → from the first day of that month."""
    if first is None and last is None:
        return default_period(today)
    if last is None:
        assert first is not None
        return first, max(first, min(month_end(first), today))
    if first is None:
        return last.replace(day=1), last
    return first, last


def check_backend(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UserError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "pdf":
        from tinhhinh.report.pdf import available

        missing = available()
        if missing:
            raise UserError(missing)


def render(report, fmt: str, out: Path) -> Path:
    """Write a built Report as ``fmt`` to ``out``."""
    check_backend(fmt)
    if fmt == "html":
        from tinhhinh.report.html import render_html

        out.write_text(render_html(report), encoding="utf-8")
    elif fmt == "docx":
        from tinhhinh.report.word import render_docx

        render_docx(report, out)
    else:
        from tinhhinh.report.pdf import render_pdf

        render_pdf(report, out)
    return out


def write_report(engine, first: dt.date, last: dt.date, fmt: str, out: Path, *, lang: str = "vi",
                 issued: dt.date | None = None):  # fmt: skip
    """Build and write one report; returns the Report (its content, for checks)."""
    from tinhhinh.report.build import build_report

    check_backend(fmt)  # before the work: a missing PDF font is said at once
    report = build_report(engine, first, last, lang=lang, issued=issued)
    render(report, fmt, out)
    return report


def report_command(
    date_from: Annotated[
        str | None, typer.Option("--from", help="First day (local), e.g. 2026-11-01.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Last day, included. Default: last month.")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="docx (default), pdf or html.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="vi (default) or en.")] = "vi",
    out: Annotated[
        Path | None,
        typer.Option("--out", help="File to write. Default: bao-cao-FROM_TO.EXT (none with --json)"),
    ] = None,
    issued: Annotated[str | None, typer.Option("--issued", help="Date on the report. Default: --to.")] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print every figure as JSON on stdout (instead of the path); writes no document unless "
            "--out or --format names one.",
        ),
    ] = False,
    db: Annotated[str | None, typer.Option("--db", help="SQLite path or PostgreSQL URL.")] = None,
) -> int:
    """Write the periodic review: figures, volume by area/place/source, hot stories per month, harm flags,
    cases and petitions per agency, what is still open, change from the previous period, methods.

    DOCX follows the state format (Decree 30/2020/NĐ-CP) and stays editable; HTML is one standalone file
    with charts; PDF needs the DejaVu font (fonts-dejavu-core). Counts only: no petitioner data.
    Example: [bold]tinhhinh report --from 2026-11-01 --to 2026-11-30 --format docx --db office.db[/]
    """
    from tinhhinh import clock
    from tinhhinh.store.db import engine_for

    if lang not in ("vi", "en"):
        raise UserError(f"--lang {lang!r}: use vi or en")
    # --json prints the figures; a document only when one is asked for by --out or --format
    write = not as_json or out is not None or fmt is not None
    fmt = (fmt or "docx").lower()
    first, last = _day(date_from, "--from"), _day(date_to, "--to")
    today = clock.office_today()
    if first is not None and last is not None and last < first:
        raise UserError(f"--to {last} is before --from {first}")
    if first is not None and first > today:
        raise UserError(f"--from {first} is after today ({today}): there is nothing to report yet")
    first, last = resolve_period(first, last, today)
    if first > today:  # --to alone, in a month that has not started
        raise UserError(f"--to {last}: its month starts after today ({today}); give --from as well")
    if last > today:
        err.print(
            f"the period runs to {last}: figures up to today ({today}), compared with the matching days before"
        )
    out = out or Path(f"bao-cao-{first.isoformat()}_{last.isoformat()}.{fmt}")
    if write:
        if out.is_dir():
            name = f"bao-cao-{first.isoformat()}_{last.isoformat()}.{fmt}"
            raise UserError(f"--out {out} is a folder: give a file name, e.g. --out {out / name}")
        if not out.parent.exists():
            raise UserError(f"cannot write {out}: folder {out.parent} does not exist")
    engine = engine_for(db, create=False)
    iss = _day(issued, "--issued")
    if write:
        report = write_report(engine, first, last, fmt, out, lang=lang, issued=iss)
        done = f"({fmt}, {lang}) written"
    else:
        from tinhhinh.report.build import build_report

        report = build_report(engine, first, last, lang=lang, issued=iss)
        done = f"({lang}) built, no document written"
    err.print(f"report {first} → {last} {done}; content checksum {report.checksum()[:12]}")
    if as_json:
        from tinhhinh.report.model import dumps

        sys.stdout.write(json.dumps(json.loads(dumps(report.figures)), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(f"{out}\n")
    return 0
