"""Demo step: write the review of the demo's 30-day replay next to the demo database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from tinhhinh.console import UserError


def report_dir(engine: Engine) -> Path:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database:
        return Path.cwd() / "demo-reports"
    db = Path(database).resolve()
    return db.parent / f"{db.stem}-reports"


def demo_report(engine: Engine, end: dt.datetime) -> str:
    """DOCX + HTML (+ PDF when its font is installed) for the replay's days; returns one summary line."""
    from tinhhinh.report.build import build_report
    from tinhhinh.report.commands import render

    first, last = (end - dt.timedelta(days=30)).date(), end.date()
    folder = report_dir(engine)
    folder.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    stem = f"bao-cao-{first.isoformat()}_{last.isoformat()}"
    report = build_report(engine, first, last)
    for fmt in ("docx", "html", "pdf"):
        try:
            render(report, fmt, folder / f"{stem}.{fmt}")
            written.append(fmt.upper())
        except UserError as exc:
            skipped.append(f"{fmt.upper()} skipped: {exc}")
    line = f"report of the replay ({first} → {last}): {', '.join(written)} in {folder}/"
    return line + (f" ({'; '.join(skipped)})" if skipped else "")
