"""Input records → Items: validation, identity, time zones, authors.

A record is valid when it has a non-empty ``title`` or ``text`` and an ``id`` or ``url``. Unknown fields
are kept in ``extra``. Authors are dropped unless the installation turns them on, and even then only a
daily-rotating salted hash is kept (for re-post detection; never exported, never grouped by).
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from tinhhinh import config
from tinhhinh.item import INPUT_FIELDS, KINDS, Item

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Query parameters that track the reader, not the article: stripped so one article has one URL.
# fmt: off
_TRACKING = {
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "zarsrc", "mc_cid", "mc_eid",
    "ref", "ref_src", "referrer", "cmpid", "utm_id", "_ga", "gidzl", "vn_source", "vn_medium", "vn_campaign",
}
# fmt: on


@dataclass
class Rejection:
    """One input record that was not accepted, and why (printed as one line)."""

    where: str  # "file.jsonl:12"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def canonical_url(url: str) -> str:
    """Lower-case scheme/host, no fragment, no tracking parameters, no trailing slash on paths."""
    url = url.strip()
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    host = parts.netloc.lower()
    if host.endswith(":80") and parts.scheme == "http":
        host = host[:-3]
    if host.endswith(":443") and parts.scheme == "https":
        host = host[:-4]
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING
    ]
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 (or a few common forms) → naive UTC. No time zone means Asia/Ho_Chi_Minh."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"published_at {value!r} is not a date")
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError) as exc:
            raise ValueError(f"published_at {value!r} is not a usable Unix time") from exc
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip().replace("Z", "+00:00")
        dt = None
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            for fmt in (
                "%d/%m/%Y %H:%M",
                "%d/%m/%Y %H:%M:%S",
                "%d/%m/%Y",
                "%d-%m-%Y %H:%M",
                "%Y/%m/%d %H:%M",
            ):
                try:
                    dt = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
        if dt is None:
            raise ValueError(f"published_at {str(value)[:40]!r} is not an ISO 8601 date")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL_TZ)
    return dt.astimezone(UTC).replace(tzinfo=None)


def author_hash(author: str, when: datetime) -> str:
    """Salted hash that rotates daily, so it can spot a re-post within a day but never links days."""
    salt = config.secret("author-salt")
    day = when.strftime("%Y-%m-%d").encode()
    return hmac.new(salt + day, author.strip().casefold().encode(), hashlib.sha256).hexdigest()[:32]


def authors_enabled() -> bool:
    return bool(config.setting("privacy.keep_author_hash", False))


def _text(value: Any, name: str = "value") -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        # str() would analyse "['a', 'b']" as if it were the article; say what is wrong instead
        raise ValueError(f"{name} must be text, not a JSON {'list' if isinstance(value, list) else 'object'}")
    if not isinstance(value, str):
        value = str(value)  # numbers: ids are often numeric
    # NUL bytes break some databases and never carry meaning in news text.
    return value.replace("\x00", "")


# Longest values the store keeps (store.schema's column lengths; a test keeps them equal). PostgreSQL
# refuses a longer value and with it the whole batch, SQLite would keep it: reject the record on both.
# Kept here rather than imported so that `analyze` does not load SQLAlchemy.
STORED_LENGTHS = {"key": 1024, "id": 512, "source": 255, "url": 2048}


def _check_lengths(item: Item) -> None:
    for name, value in (("id", item.id), ("source", item.source), ("url", item.url), ("key", item.key)):
        limit = STORED_LENGTHS[name]
        if value and len(value) > limit:
            what = "identity (source + id, or url)" if name == "key" else name
            raise ValueError(
                f"{what} is {len(value):,} characters long; the store keeps at most {limit:,}: shorten it"
            )


def to_item(
    record: dict[str, Any],
    *,
    where: str,
    default_source: str = "",
    keep_authors: bool | None = None,
    require_identity: bool = True,
) -> Item:
    """Validate one input record. Raises ValueError with the reason on a bad record.

    ``require_identity=False`` is for the database-free ``analyze``, which never needs to recognise a
    record again.
    """
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    title = _text(record.get("title"), "title").strip()
    text = _text(record.get("text"), "text").strip()
    if not title and not text:
        raise ValueError("neither title nor text is present and non-empty")
    rid = record.get("id")
    rid = _text(rid, "id").strip() if rid is not None else ""
    url = _text(record.get("url"), "url").strip()
    if not rid and not url and require_identity:
        raise ValueError("has neither id nor url, so it cannot be identified on re-ingest")
    kind = _text(record.get("kind"), "kind").strip().lower() or "article"
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    source = (
        _text(record.get("source"), "source").strip()
        or (urlsplit(url).netloc.lower() if url else "")
        or default_source
    )
    published = parse_time(record.get("published_at"))
    extra = {k: v for k, v in record.items() if k not in INPUT_FIELDS}
    item = Item(
        id=rid or None,
        source=source,
        kind=kind,
        url=canonical_url(url) if url else None,
        title=title,
        text=text,
        published_at=published,
        fetched_at=datetime.now(UTC).replace(tzinfo=None),
        provenance={"input": where.rsplit(":", 1)[0], "line": where.rsplit(":", 1)[-1]},
        extra=extra,
    )
    if require_identity:
        _check_lengths(item)
    if keep_authors is None:
        keep_authors = authors_enabled()
    author = record.get("author")
    if keep_authors and author:
        item.author_hash = author_hash(_text(author, "author"), published or item.fetched_at)
    return item


# Notepad and Windows PowerShell save UTF-8 with a byte-order mark: JSON refuses it, so the first record
# of such a file was rejected
BOM = b"\xef\xbb\xbf"


def read_jsonl(path: Path, *, source: str = "") -> Iterator[Item | Rejection]:
    keep = authors_enabled()
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if lineno == 1:
                raw = raw.removeprefix(BOM)
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Rejection(where, "line is not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Rejection(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            try:
                yield to_item(record, where=where, default_source=source, keep_authors=keep)
            except ValueError as exc:
                yield Rejection(where, str(exc))


def csv_delimiter(sample: str) -> str:
    """The delimiter of a CSV (",", ";" as Excel writes it in Vietnamese locales, or tab). Only the
    delimiter is taken from the guess: the sniffer also guesses the quoting from the few lines it sees and
    turns off Excel's doubled quotes (""), which breaks later rows quoting a quote."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


NOT_UTF8 = (
    "file is not UTF-8: in Excel save it with Save As → 'CSV UTF-8'; text in an old Vietnamese "
    "encoding (TCVN3, VNI) must be converted to Unicode first, e.g. with UniKey's converter"
)


def _csv_text(raw: bytes) -> str:
    """A CSV file's text. Excel's "Unicode text" export is UTF-16 with a byte-order mark; everything else
    must be UTF-8 (with or without one). Raises UnicodeDecodeError."""
    return raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")


def read_csv(path: Path, *, source: str = "") -> Iterator[Item | Rejection]:
    keep = authors_enabled()
    try:
        content = _csv_text(path.read_bytes())
    except UnicodeDecodeError:
        yield Rejection(f"{path}:1", NOT_UTF8)
        return
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=csv_delimiter(content[:4096]))
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row:
                yield Rejection(
                    where, f"row has {len(row) - 1 + len(row[None])} fields, header has {len(row) - 1}"
                )
                continue
            record = {k.strip(): v for k, v in row.items() if k is not None}
            try:
                yield to_item(record, where=where, default_source=source, keep_authors=keep)
            except ValueError as exc:
                yield Rejection(where, str(exc))
    except csv.Error as exc:
        yield Rejection(f"{path}:{reader.line_num}", f"CSV is malformed: {exc}")


def read_jsonl_records(
    stream: io.TextIOBase | io.BufferedIOBase, name: str = "<stdin>"
) -> Iterator[tuple[int, Any]]:
    """Raw records for the database-free ``analyze``: (line number, parsed object or the error text)."""
    for lineno, raw in enumerate(stream, 1):
        if lineno == 1:
            raw = raw.removeprefix(BOM) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield lineno, ValueError("line is not valid UTF-8")
                continue
        if not raw.strip():
            continue
        try:
            yield lineno, json.loads(raw)
        except json.JSONDecodeError as exc:
            yield lineno, ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})")


def read_dataset(path: Path) -> Iterator[tuple[str, dict[str, Any] | ValueError]]:
    """(where, record) for each record of a labelled data file, as datasets and offices ship them: JSONL,
    or CSV by its name (``,`` ``;`` or tab; a header row names the fields); gzip-compressed or not (told
    by the content, not the name); UTF-8 with or without a byte-order mark, or Excel's UTF-16 CSV. A
    line that is not a JSON object comes as a ValueError saying why, for the caller to count or stop on.
    For ``train``/``eval``, which read fields of their own (labels, cluster ids), not Items."""
    import gzip

    path = Path(path)
    with path.open("rb") as fh:
        opener = gzip.open if fh.read(2) == b"\x1f\x8b" else open
    if path.name.lower().removesuffix(".gz").endswith(".csv"):
        with opener(path, "rb") as fh:
            try:
                content = _csv_text(fh.read())
            except UnicodeDecodeError:
                raise ValueError(f"{path}: {NOT_UTF8}") from None
        reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=csv_delimiter(content[:4096]))
        for row in reader:
            yield f"{path}:{reader.line_num}", {k.strip(): v for k, v in row.items() if k is not None}
        return
    with opener(path, "rb") as fh:
        for lineno, rec in read_jsonl_records(fh, str(path)):
            if not isinstance(rec, dict | ValueError):
                rec = ValueError("not a JSON object")
            yield f"{path}:{lineno}", rec


READERS = {".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_jsonl, ".csv": read_csv}


def files_in(paths: list[Path]) -> list[Path]:
    """Expand directories into the files we know how to read (sorted, so runs are repeatable)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and _reader_for(p) is not None))
        else:
            found.append(path)
    return found


def _reader_for(path: Path):
    suffixes = path.suffixes
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return READERS.get(suffixes[-1].lower()) if suffixes else None


class FileRecords:
    """The records of dump files, in order. Iterable like a generator, and picklable, so a large ingest can
    read, check and fold them in a worker process while the main process writes (see ``ingest.run``)."""

    def __init__(self, paths: list[Path], source: str = "") -> None:
        self.paths = [Path(p) for p in paths]
        self.source = source

    def __iter__(self) -> Iterator[Item | Rejection]:
        for path in self.paths:
            yield from _read_one(path, source=self.source)

    def worker_bytes(self) -> int:
        """Bytes of input (0 when unknown): ingest reads in a worker process only when this is large."""
        total = 0
        for path in self.paths:
            try:
                total += path.stat().st_size
            except OSError:
                return 0  # let the in-process reader report it
        return total


def read_file(path: Path, *, source: str = "") -> FileRecords:
    """Records of one JSONL or CSV file (optionally gzip-compressed)."""
    return FileRecords([path], source)


def _read_one(path: Path, *, source: str = "") -> Iterator[Item | Rejection]:
    if path.suffix == ".gz":
        import gzip
        import tempfile

        # Decompress to a temporary file so readers keep line numbers and bounded memory.
        with tempfile.NamedTemporaryFile(suffix="".join(path.suffixes[:-1])) as tmp:
            with gzip.open(path, "rb") as src:
                while chunk := src.read(1 << 20):
                    tmp.write(chunk)
            tmp.flush()
            reader = _reader_for(path)
            for rec in reader(Path(tmp.name), source=source):
                if isinstance(rec, Rejection):
                    rec.where = rec.where.replace(tmp.name, str(path))
                else:
                    rec.provenance["input"] = str(path)
                yield rec
        return
    reader = _reader_for(path)
    if reader is None:
        raise ValueError(f"{path}: unknown file type (expected .jsonl, .csv, optionally .gz)")
    yield from reader(path, source=source)
