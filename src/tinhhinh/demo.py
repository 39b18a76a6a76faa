"""`tinhhinh demo`: build a demo database from the bundled corpus, print what was built, and exit."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

from rich.markup import escape

from tinhhinh.console import err, note, out
from tinhhinh.ingest.records import Rejection, to_item
from tinhhinh.item import Item
from tinhhinh.timefmt import LOCAL_TZ, local_short

CORPUS = "vntc_demo.jsonl.gz"


def replay_end(now: datetime | None = None) -> datetime:
    """The replay ends at the start of the current hour (local time), so one run's dates are stable."""
    now = now or datetime.now(LOCAL_TZ)
    return now.astimezone(LOCAL_TZ).replace(minute=0, second=0, microsecond=0)


def demo_records(end: datetime) -> Iterator[Item | Rejection]:
    path = resources.files("tinhhinh.data").joinpath("demo", CORPUS)
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            record = json.loads(line)
            published = end - timedelta(minutes=record["replay_minutes"])
            record["published_at"] = published.isoformat()
            try:
                yield to_item(record, where=f"{CORPUS}:{lineno}")
            except ValueError as exc:
                yield Rejection(f"{CORPUS}:{lineno}", str(exc))


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        p = Path(f"{db}{suffix}")
        if p.exists():
            p.unlink()


def build_demo(db: Path, *, fresh: bool = True) -> int:
    from tinhhinh.ingest.run import analysis_for, ingest
    from tinhhinh.progress import ingest_progress
    from tinhhinh.store import items as item_store
    from tinhhinh.store.db import dispose_all, engine_for

    db = db.expanduser().resolve()
    if fresh:
        dispose_all()
        _remove(db)
    engine = engine_for(str(db))
    end = replay_end()
    err.print(
        f"Building the demo database {db} (3,000 real VNTC articles and 8 scam posts replayed over the 30 days"
        f" to {local_short(end)})"
    )
    stages, ordered = analysis_for(engine, warn=note)
    with ingest_progress() as progress:
        summary = ingest(demo_records(end), engine, stages=stages, ordered=ordered, on_batch=progress.update)
    steps = [
        f"{summary.new + summary.copies} items stored, {summary.copies} of them copies of another "
        f"({summary.rate:,.0f} items/s)"
    ]
    for step in _extra_steps():
        steps.append(step(engine, end))
    counts = item_store.summary_counts(engine)
    out.print(f"[bold green]Demo database ready:[/] {escape(str(db))}")
    for line in steps:
        out.print(f"  • {line}")
    out.print(
        f"  • {counts['items']} items from {counts['sources']} sources, "
        f"{local_short(counts['first'])} → {local_short(counts['last'])} (dates are a replay)"
    )
    if counts["areas"]:
        top = ", ".join(f"{k} {v}" for k, v in sorted(counts["areas"].items(), key=lambda kv: -kv[1])[:5])
        out.print(f"  • areas: {top}")
    out.print("Next:")
    exe = _command_name()
    where = _shown_path(db)
    out.print(f"  {exe} search 'da nang' --db {where}", markup=False)
    for hint in _next_hints(where):
        out.print(f"  {hint.replace('tinhhinh ', exe + ' ', 1)}", markup=False)
    return 0


def _command_name() -> str:
    """How to type this command here: "tinhhinh" when that is what the shell finds, else its path
    (after `make demo` the virtual environment is usually not activated)."""
    import shutil
    import sys

    prog = Path(sys.argv[0])
    if prog.name != "tinhhinh":
        return "tinhhinh"  # run as `python -m tinhhinh.cli` or from a test: the documented name
    found = shutil.which("tinhhinh")
    if found and Path(found).resolve() == prog.resolve():
        return "tinhhinh"
    return _shown_path(prog)


def _shown_path(path: Path) -> str:
    """``path`` as the user can type it from here: relative when below the current folder, else absolute."""
    import os
    import shlex

    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        rel = ".."
    # quoted where the shell would split it (a home folder with a space in its name)
    return shlex.quote(str(path) if rel.startswith("..") else rel)


def _extra_steps():
    """Later stages add demo steps here (stories, desk fixtures, report); each returns one line."""
    steps = []
    try:
        from tinhhinh.desk.demo import seed_desk

        steps.append(seed_desk)
    except ModuleNotFoundError:
        pass
    try:
        from tinhhinh.report.demo import demo_report

        steps.append(demo_report)
    except ModuleNotFoundError:
        pass
    return steps


def _next_hints(db: str) -> list[str]:
    hints = []
    try:
        import tinhhinh.stories.commands  # noqa: F401

        hints.append(f"tinhhinh stories --hot --db {db}")
    except ModuleNotFoundError:
        pass
    try:
        import tinhhinh.web  # noqa: F401
        from tinhhinh.web import app as _app  # noqa: F401

        hints.append(f"tinhhinh serve --db {db}   # dashboard: http://127.0.0.1:8000/dashboard")
    except (ModuleNotFoundError, ImportError):
        pass
    return hints
