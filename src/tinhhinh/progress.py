"""Progress bars for long work (stderr only, so pipes stay clean)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tinhhinh import console

if TYPE_CHECKING:
    from rich.progress import Progress

# rich.progress is imported only when a bar is shown: ~20 ms of start-up that `--quiet` and pipes skip.


def _progress() -> Progress:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console.err,
        transient=True,
    )


class _IngestProgress:
    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._task = progress.add_task("ingesting", total=None) if progress else None

    def update(self, summary) -> None:
        if self._progress is None:
            return
        self._progress.update(
            self._task,
            completed=summary.seen,
            description=(
                f"ingesting: {summary.new} new, {summary.copies} copies, {summary.present} present, "
                f"{summary.rejected} rejected ({summary.rate:,.0f}/s)"
            ),
        )


@contextmanager
def ingest_progress(disable: bool = False) -> Iterator[_IngestProgress]:
    if disable or not console.err.is_terminal:
        yield _IngestProgress(None)
        return
    with _progress() as progress:
        yield _IngestProgress(progress)


@contextmanager
def counter(label: str, disable: bool = False) -> Iterator:
    """A live count for streams of unknown length; returns a tick(n) function."""
    if disable or not console.err.is_terminal:
        yield lambda n: None
        return
    with _progress() as progress:
        task = progress.add_task(label, total=None)

        def tick(n: int) -> None:
            if n % 100 == 0:
                progress.update(task, completed=n, description=f"{label}: {n:,} records")

        yield tick
