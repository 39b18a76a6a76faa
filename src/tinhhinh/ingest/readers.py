"""Turn command-line inputs (files, folders, feeds, pages) into a stream of Items or Rejections."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tinhhinh.console import UserError, note
from tinhhinh.ingest.records import (
    UNKNOWN_TYPE,
    FileRecords,
    Rejection,
    _reader_for,
    files_in,
    is_gzip_name,
    read_file,
)
from tinhhinh.item import Item

DUMP_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}


def _kind(arg: str) -> str:
    lower = arg.lower().split("?")[0]
    if lower.startswith(("http://", "https://")):
        return "url"
    suffixes = Path(lower).suffixes
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in DUMP_SUFFIXES:
        return "dump"
    if suffix in {".xml", ".rss", ".atom"}:
        return "feed"
    if suffix in {".html", ".htm"}:
        return "page"
    return "dump"


def expand(args: list[str]) -> list[str]:
    """Check every input exists before anything is stored, so a typo fails fast with nothing written."""
    found: list[str] = []
    for arg in args:
        if _kind(arg) == "url":
            found.append(arg)
            continue
        path = Path(arg)
        if not path.exists():
            raise UserError(f"{arg}: no such file or folder")
        if path.is_dir():
            skipped: list[Path] = []
            files = files_in([path], skipped) + sorted(
                p for p in path.rglob("*") if p.is_file() and _kind(str(p)) in {"feed", "page"}
            )
            if skipped:
                note(
                    f"{arg}: {len(skipped)} .json file(s) left out (a folder's .json files are often settings "
                    f"or metadata): name them to ingest them, e.g. {skipped[0]}"
                )
            if not files:
                raise UserError(f"{arg}: folder has no .jsonl, .ndjson, .csv, .xml or .html files")
            found.extend(str(p) for p in files)
        else:
            if _kind(arg) == "dump" and not is_gzip_name(path) and _reader_for(path) is None:
                raise UserError(f"{arg}: {UNKNOWN_TYPE}")
            found.append(arg)
    return found


class Inputs:
    """The records of all inputs, in order; picklable, so a large dump ingest can read in a worker process."""

    def __init__(self, args: list[str], source: str = "") -> None:
        self.args = list(args)
        self.source = source

    def __iter__(self) -> Iterator[Item | Rejection]:
        return _read_all(self.args, self.source)

    def worker_bytes(self) -> int:
        """Input size when every input is a local dump file (feeds and pages are read in-process), else 0."""
        if not self.args or any(_kind(arg) != "dump" for arg in self.args):
            return 0
        return FileRecords([Path(a) for a in self.args]).worker_bytes()


def read_all(args: list[str], *, source: str = "") -> Inputs:
    return Inputs(args, source)


def _read_all(args: list[str], source: str) -> Iterator[Item | Rejection]:
    for arg in args:
        kind = _kind(arg)
        if kind == "dump":
            try:
                yield from read_file(Path(arg), source=source)
            except OSError as exc:
                raise UserError(f"{arg}: cannot read ({exc.strerror or exc})") from exc
        else:
            yield from _web_items(arg, kind, source)


def _web_items(arg: str, kind: str, source: str) -> Iterator[Item | Rejection]:
    """Feeds and pages (file or URL)."""
    try:
        from tinhhinh.ingest import feeds, pages
    except ModuleNotFoundError:
        yield Rejection(arg, "feeds and pages are not supported in this build")
        return
    if kind == "feed" or (kind == "url" and not arg.lower().split("?")[0].endswith((".html", ".htm"))):
        yield from feeds.items_from_feed(arg, source=source)
    else:
        yield from pages.items_from_page(arg, source=source)
