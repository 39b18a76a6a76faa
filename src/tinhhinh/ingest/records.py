"""Input records → Items: validation, identity, time zones, authors.

A record is valid when it has a non-empty ``title`` or ``text`` and an ``id`` or ``url``. Unknown fields
are kept in ``extra``, without personal data (``without_personal``). Authors are dropped unless the
installation turns them on, and even then only a salted hash whose salt exists for one day is kept
(``author_hash``; never exported, never grouped by).
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from tinhhinh import clock, config
from tinhhinh.item import INPUT_FIELDS, KINDS, Item
from tinhhinh.nlp.lang import item_lang

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


def site_host(url: str | None) -> str:
    """An outlet's name from an address: ``https://www.vnexpress.net:443/rss/x.rss`` -> ``vnexpress.net``
    (host in lower case, without ``www.`` and port; empty when not a URL). Feeds, pages and dump records
    name their source with it, so one outlet has one name on every path."""
    if not url:
        return ""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def http_url(url: str) -> str | None:
    """The canonical form of an http(s) address with a host, else None: an item's link is followed by
    people and rendered as a link, so ``javascript:``, ``data:``, ``file:`` or a bare host is never one."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return canonical_url(url)


# Unix times are taken only within these bounds (1990-01-01 … 2100-01-01 UTC), in seconds or milliseconds:
# a bare number such as 2024 is a year or a count, and storing it as 1970-01-01 00:33:44 hid the mistake.
_EPOCH_MIN, _EPOCH_MAX = 631152000, 4102444800


def _from_number(value: int | float) -> datetime:
    for seconds in (value, value / 1000):
        if _EPOCH_MIN <= seconds < _EPOCH_MAX:
            return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
    raise ValueError(
        f"published_at {value!r} is a number but not a Unix time (seconds or milliseconds) between 1990 "
        "and 2100: give the date as text, e.g. 2024-05-01T10:00:00+07:00"
    )


def parse_time(value: Any) -> datetime | None:
    """ISO 8601, RFC 2822 (RSS) or a few common forms → naive UTC. No time zone means Asia/Ho_Chi_Minh.

    Raises ValueError (never OverflowError) with the reason."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"published_at {value!r} is not a date")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"published_at {value!r} is not a usable Unix time")
        return _from_number(value)
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip()
        # RFC 3339 allows a lower-case "z" and "t"
        text = text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text
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
            dt = _rfc2822(text)
        if dt is None:
            raise ValueError(
                f"published_at {str(value)[:40]!r} is not a date (ISO 8601 like 2024-05-01T10:00:00+07:00, "
                "or RFC 2822 like 'Wed, 01 May 2024 10:00:00 +0700')"
            )
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL_TZ)
    try:
        return dt.astimezone(UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):
        # year 1 or 9999 with a zone: the UTC time falls outside what a datetime can hold
        raise ValueError(
            f"published_at {str(value)[:40]!r} is out of the range of dates that can be stored"
        ) from None


def _rfc2822(text: str) -> datetime | None:
    """An RFC 2822 date as RSS feeds write it ("Tue, 25 Nov 2025 08:00:00 +0700"), or None."""
    from email.utils import parsedate_to_datetime

    try:
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    # "-0000" means "zone unknown" in RFC 2822: parsedate_to_datetime gives a naive datetime, local here
    return dt


def author_hash(author: str, when: datetime) -> str:
    """Salted hash of an author for the local day of ``when`` (naive UTC): equal for one author within a
    day (a re-post), unrelated across days, and not computable again once that day's salt is destroyed
    (``day_salt``), so it is never a lasting per-author key."""
    salt = day_salt(_local_day(when))
    return hmac.new(salt, author.strip().casefold().encode(), hashlib.sha256).hexdigest()[:32]


def _local_day(when: datetime) -> str:
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_TZ).strftime("%Y-%m-%d")


# Salts live in $TINHHINH_HOME/author-salts/<day>, one random file per local day, for today and yesterday
# only (so an item published at 23:50 and collected at 00:10 is still hashed with its day's salt, and
# `watch` and `ingest` running the same day agree). Older files are deleted on every use. Items of other
# days (a back-filled dump, a future date) get a salt that lives only in this process, and only until the
# local day changes: their hashes agree within one run and can never be computed again.
SALT_DAYS_KEPT = 2
_SALT_DIR = "author-salts"
_LEGACY_SECRET = "author-salt"  # the old permanent salt: with it, every old hash could be recomputed
_salts: dict[str, bytes] = {}
_salts_today: list[Any] = [None]  # (the local day, the home) the salts above belong to


def day_salt(day: str) -> bytes:
    """The salt for local ``day`` ("YYYY-MM-DD"), made on first use; see above for how long it lives."""
    now = clock.utcnow().replace(tzinfo=UTC).astimezone(LOCAL_TZ).date()
    kept = {(now - timedelta(days=n)).isoformat() for n in range(SALT_DAYS_KEPT)}
    home = config.home()
    if _salts_today[0] != (now, home):  # a new day: destroy what is past it, in memory and on disk
        _salts.clear()
        _salts_today[0] = (now, home)
        directory = home / _SALT_DIR
        if directory.is_dir():
            for old in directory.iterdir():
                if old.name.lstrip(".").split(".")[0] not in kept:  # ".<day>.<pid>.<hex>": a crashed write
                    old.unlink(missing_ok=True)
        (home / "secrets" / _LEGACY_SECRET).unlink(missing_ok=True)
    if day in _salts:
        return _salts[day]
    if day not in kept:
        salt = _salts[day] = secrets.token_bytes(32)
        return salt
    directory = home / _SALT_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / day
    if not path.exists():
        # written whole under another name, then linked: a second process either wins or reads ours
        tmp = directory / f".{day}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    salt = _salts[day] = path.read_bytes()
    return salt


def authors_enabled() -> bool:
    return bool(config.setting("privacy.keep_author_hash", False))


# Field names that hold a person's name or account (compared with is_author_field's spelling: case, marks
# and separators ignored). Authors are not stored unless the installation turns on the daily hash, and
# a column named "Author" or "Tác giả" is as much an author as one named "author". Listed in
# docs/collection.md.
# fmt: off
AUTHOR_FIELDS = frozenset({
    "author", "authors", "authorname", "authorid", "authorurl", "by", "byline", "creator", "dccreator",
    "writer", "poster", "postedby", "posterid", "user", "username", "userid", "screenname", "handle",
    "nickname", "accountname", "profilename", "profileurl", "from", "reporter",
    "tacgia", "nguoiviet", "nguoidang", "nguoigui", "taikhoan", "tentaikhoan", "tennguoidung", "butdanh",
    "phongvien", "hoten", "hovaten",
})
# fmt: on


@lru_cache(maxsize=4096)
def is_author_field(name: str) -> bool:
    """Whether a record's field ``name`` holds an author: ``Author``, ``author_name``, ``dc:creator``,
    ``Tác giả``, ``người đăng``… (case, Vietnamese marks and separators ignored; see AUTHOR_FIELDS)."""
    return "".join(_name_words(name)) in AUTHOR_FIELDS


# What makes any field name personal (``is_person_field``), beyond the exact author names above. A
# scraper's comment dump names its person fields in endless ways (full_name, display_name, commenter,
# owner_id, fb_id, "Họ tên người đăng", author_email…); a fixed list of whole names missed most of them,
# so ``extra`` kept names, e-mails and phone numbers. Parts found anywhere in the folded, mark-free name:
# fmt: off
PERSON_STEMS = (
    "author", "user", "name", "mail", "phone", "owner", "sender", "commenter", "account", "profile",
    "nick", "creator", "writer", "poster", "reporter", "member", "customer", "follower", "friend",
    "avatar", "login", "fbid", "facebookid", "zaloid", "address", "birth",
    "tacgia", "nguoi", "hoten", "hovaten", "taikhoan", "butdanh", "phongvien", "dienthoai", "diachi",
    "ngaysinh", "namsinh",
)
# …and parts that are personal only as a whole word ("uid" but not "guid", "actor" but not "factor",
# "tên" but not "content"): words split at separators, case changes and digits.
PERSON_WORDS = frozenset({
    "by", "from", "uid", "fb", "ten", "ho", "sdt", "tel", "mobile", "actor", "handle", "ip", "contact",
    "cmnd", "cccd",
})
# fmt: on
# The item's own fields: never dropped as personal (their names hold none of the parts above anyway).
OWN_FIELDS = (*(f for f in INPUT_FIELDS if f != "author"), "lang")


def _name_words(name: str) -> tuple[str, ...]:
    """A field name's words, lower case without marks: "authorEmail" → (author, email); "Họ tên người
    đăng" → (ho, ten, nguoi, dang); "fb_id" → (fb, id); "dc:creator" → (dc, creator)."""
    from tinhhinh.nlp.normalize import strip_diacritics

    spaced = _CAMEL.sub(" ", unicodedata.normalize("NFC", str(name)))
    return tuple(_WORD.findall(strip_diacritics(spaced)))


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_WORD = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=4096)
def is_person_field(name: str) -> bool:
    """Whether a field ``name`` may hold a person's name, account, e-mail, phone or address: every author
    field, and any name holding one of PERSON_STEMS, or one of PERSON_WORDS as a word (case, marks and
    separators ignored). Such fields are never kept in ``extra`` nor passed through by ``analyze``."""
    words = _name_words(name)
    joined = "".join(words)
    if not joined:
        return False
    return (
        joined in AUTHOR_FIELDS
        or any(stem in joined for stem in PERSON_STEMS)
        or any(w in PERSON_WORDS for w in words)
    )


# Values that are an e-mail address or a phone number (Vietnamese forms: 0912345678, 0912 345 678,
# 091.234.5678, +84 912 345 678, 024 3825 1234) whatever field holds them.
_PERSONAL_VALUE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.+])(?:\+84|84|0)[ .-]?[1-9](?:[ .-]?\d){7,9}(?![\w])"
)
_MAX_DEPTH = 32  # deeper values are dropped whole: nothing a news record needs is nested that far
_DROP = object()


def _scrubbed(value: Any, depth: int = 0) -> Any:
    """``value`` without personal fields at any depth and without e-mail/phone values (``_DROP`` when
    nothing may be kept of it)."""
    if isinstance(value, str):
        return _DROP if _PERSONAL_VALUE.search(value) else value
    if isinstance(value, dict):
        if depth >= _MAX_DEPTH:
            return _DROP
        out = {}
        for k, v in value.items():
            if is_person_field(k):
                continue
            v = _scrubbed(v, depth + 1)
            if v is not _DROP:
                out[k] = v
        return out if out or not value else _DROP  # {"meta": {"author": …}} leaves nothing of "meta"
    if isinstance(value, list):
        if depth >= _MAX_DEPTH:
            return _DROP
        kept = [v for v in (_scrubbed(v, depth + 1) for v in value) if v is not _DROP]
        return kept if kept or not value else _DROP
    return value


def without_personal(record: dict[str, Any], keep: tuple[str, ...] = OWN_FIELDS) -> dict[str, Any]:
    """``record`` with its ``keep`` fields as they are and every other field scrubbed of personal data
    (``is_person_field`` names at any depth, e-mail and phone values): what ``analyze`` passes through
    and what ``extra`` keeps."""
    fields = tuple(record)
    if _only_own(fields, keep):  # the usual case: the record itself, at one cached look-up
        return record
    dropped = _person_names(fields)
    out = {}
    for k, v in record.items():
        if k in keep:
            out[k] = v
        elif k not in dropped:
            v = _scrubbed(v)
            if v is not _DROP:
                out[k] = v
    return out


def drop_author_fields(record: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """(the first non-empty author value or None, the record without any author field: the record itself
    when it has none, so do not change it). See ``without_personal`` for what may be passed on."""
    names = _author_names(tuple(record))
    if not names:  # the usual case, at one cached look-up per record
        return None, record
    author = next((record[k] for k in names if record[k] not in _EMPTY), None)
    return author, {k: v for k, v in record.items() if k not in names}


_EMPTY = (None, "", [], {})


@lru_cache(maxsize=1024)
def _only_own(fields: tuple[str, ...], keep: tuple[str, ...]) -> bool:
    return set(fields) <= set(keep)


@lru_cache(maxsize=1024)
def _person_names(fields: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for k in fields if k not in OWN_FIELDS and is_person_field(k))


@lru_cache(maxsize=1024)
def _author_names(fields: tuple[str, ...]) -> tuple[str, ...]:
    # the fields of a file's records are the same from record to record; in their order ("the first")
    return tuple(k for k in fields if is_author_field(k))


def _text(value: Any, name: str = "value", checked: bool = False) -> str:
    """A field's text. ``checked``: the caller knows the record holds no control character or surrogate
    (``read_jsonl`` tells from the raw line's bytes, which costs a third of scanning each text)."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        # str() would analyse "['a', 'b']" as if it were the article; say what is wrong instead
        raise ValueError(f"{name} must be text, not a JSON {'list' if isinstance(value, list) else 'object'}")
    if not isinstance(value, str):
        value = str(value)  # numbers: ids are often numeric
    # Hot path (every title and body): most titles are printable as they are, and a body passes one scan.
    if checked or value.isprintable() or _ODD.search(value) is None:
        return value
    return clean_text(value)


# Characters that never carry meaning in news text and do harm: NUL breaks some databases; other C0/C1
# controls (ESC above all) reach an analyst's terminal, where they set window titles, clear the screen or
# forge links; a lone surrogate (a scraper cutting an emoji in half; JSON allows "\ud800") cannot be
# encoded, so it stopped whole runs. \n and \t are kept.
_ODD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Whole terminal escape sequences (CSI "ESC [ … m", OSC "ESC ] … BEL|ESC \\", two-character ones), so no
# "[31m" is left in the text when their ESC is removed.
_ESCAPES = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    "|[\x1b][\\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x1b[@-Z\\\\-_]?"
)
_SURROGATES = re.compile("[\ud800-\udfff]")
# Controls that str.split() takes as spaces become a space (words stay apart, the copy hash is unchanged);
# the others are removed. \r\n and a lone \r become \n.
_CONTROLS = {c: None for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0x80, 0xA0)]}
_CONTROLS.update({c: " " for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F, 0x85)})


def clean_text(value: str) -> str:
    """``value`` without control characters (other than newline and tab) and with each lone surrogate
    replaced by U+FFFD."""
    value = _SURROGATES.sub("\ufffd", value)
    value = _ESCAPES.sub("", value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.translate(_CONTROLS)


# What a page or feed may hold that XML forbids and HTML parsers choke on: one \x08 pasted by a CMS made
# lxml/trafilatura find no article at all. \r, \n and \t are left for the parser.
_MARKUP_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_markup(markup: str) -> str:
    """Decoded HTML or XML without the characters ``clean_text`` removes, so that parsing sees the same
    text the item will keep (the markup itself as it was when it holds none)."""
    return markup if _MARKUP_ODD.search(markup) is None else clean_text(markup)


# Longest values the store keeps (store.schema's column lengths; a test keeps them equal). PostgreSQL
# refuses a longer value and with it the whole batch, SQLite would keep it: reject the record on both.
# Kept here rather than imported so that `analyze` does not load SQLAlchemy.
STORED_LENGTHS = {"key": 1024, "id": 512, "source": 255, "url": 2048}


def _url_source(link: str, rid: str) -> str:
    """The source of a record that names none: its address's outlet (``site_host``), as feeds and pages
    name it. A record with an id keeps the host as it was named before (``www.`` and port included):
    its source is part of its stored identity (``source:id``), and renaming it would store every such
    record of an old dump again on re-ingest (see docs/collection.md, "Identity")."""
    return urlsplit(link).netloc.lower() if rid else site_host(link)


_NOT_EXTRA = frozenset(INPUT_FIELDS) | frozenset(OWN_FIELDS)


def _extra(record: dict[str, Any]) -> dict[str, Any]:
    """The record's other fields, without personal data (``without_personal``)."""
    dropped = _person_names(tuple(record))
    extra = {}
    for k, v in record.items():
        if k in _NOT_EXTRA or k in dropped:
            continue
        if isinstance(v, str | dict | list):  # numbers and booleans pass as they are
            v = _scrubbed(v)
            if v is _DROP:
                continue
        extra[k] = v
    return extra


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
    checked: bool = False,
    undated: list[str] | None = None,
) -> Item:
    """Validate one input record. Raises ValueError with the reason on a bad record.

    ``undated``: a ``published_at`` that is not a usable date does not make the record bad; the item is
    undated and the reason is appended here (``analyze``, which reports instead of refusing).

    ``checked=True``: the caller knows the record's strings hold no control character and no lone
    surrogate (see ``clean_line``), so they are not scanned again.

    ``require_identity=False`` is for the database-free ``analyze``, which never needs to recognise a
    record again.
    """
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    title = _text(record.get("title"), "title", checked).strip()
    text = _text(record.get("text"), "text", checked).strip()
    if not title and not text:
        raise ValueError("neither title nor text is present and non-empty")
    rid = record.get("id")
    rid = _text(rid, "id", checked).strip() if rid is not None else ""
    url = _text(record.get("url"), "url", checked).strip()
    if not rid and not url and require_identity:
        raise ValueError("has neither id nor url, so it cannot be identified on re-ingest")
    kind = _text(record.get("kind"), "kind", checked).strip().lower() or "article"
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    link = http_url(url) if url else None
    if url and link is None:
        if not rid and require_identity:
            raise ValueError(
                f"url {url[:60]!r} is not an http(s) address and there is no id to identify the record by"
            )
    source = _text(record.get("source"), "source", checked).strip() or (
        _url_source(link, rid) if link else ""
    )
    source = source or default_source
    try:
        published = parse_time(record.get("published_at"))
    except ValueError as exc:
        if undated is None:
            raise
        undated.append(f"{exc}; the date was not used: analysed as undated")
        published = None
    # drop_author_fields inlined: one cached look-up per record on the hot path
    names = _author_names(tuple(record))
    author = next((record[k] for k in names if record[k] not in _EMPTY), None) if names else None
    extra = _extra(record)
    item = Item(
        id=rid or None,
        source=source,
        kind=kind,
        url=link,
        title=title,
        text=text,
        published_at=published,
        fetched_at=datetime.now(UTC).replace(tzinfo=None),
        lang=item_lang(record.get("lang") or record.get("language"), title, text),
        provenance={"input": where.rsplit(":", 1)[0], "line": where.rsplit(":", 1)[-1]},
        extra=extra,
    )
    if url and link is None:  # said where it came from, never the address itself (it may be a script)
        scheme = urlsplit(url).scheme.lower() if ":" in url else ""
        item.provenance["url_dropped"] = f"not an http(s) address ({scheme or 'no scheme'})"
    if require_identity:
        _check_lengths(item)
    if keep_authors is None:
        keep_authors = authors_enabled()
    if keep_authors and author is not None:
        if not isinstance(author, str):  # {"name": …} as some exports nest it; numbers are account ids
            author = json.dumps(author, ensure_ascii=False, sort_keys=True)
        item.author_hash = author_hash(_text(author, "author"), published or item.fetched_at)
    return item


# Notepad and Windows PowerShell save UTF-8 with a byte-order mark: JSON refuses it. It is taken off every
# line, not only the first: files saved by Notepad and concatenated (`type *.jsonl > all.jsonl`) carry
# one at the start of each part.
BOM = b"\xef\xbb\xbf"

NOT_UTF8_JSONL = (
    "file is not UTF-8 (nor UTF-16 with a byte-order mark): if its text is in an old Vietnamese encoding "
    "(TCVN3, VNI, Windows-1258), convert it to Unicode first (e.g. with UniKey's converter, or "
    "`iconv -f CP1258 -t UTF-8`) and save it as UTF-8"
)
# Excel's and Notepad's "Unicode" is UTF-16 with a byte-order mark: read as such, JSON lines or CSV
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def utf16_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a UTF-16 text (the BOM tells the byte order), as UTF-8 bytes; a lone surrogate
    comes through as bytes that are not UTF-8, so its line is the one refused."""
    for line in io.TextIOWrapper(stream, encoding="utf-16", errors="surrogatepass", newline=None):
        yield line.encode("utf-8", "surrogatepass")


# The start of a file read to tell UTF-8 from an 8-bit encoding, which is refused as a whole
_SNIFF = 1 << 16


def _not_utf8(sample: bytes) -> bool:
    """Whether the start of a file shows an 8-bit encoding (a cut multi-byte character at its end does not)."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(sample) - 3
    return False


def _json_line(raw: bytes | str) -> Any:
    """One parsed JSON line; ValueError saying why not (never RecursionError: a line of 100,000 nested
    arrays must cost only that line)."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not usable JSON (nested too deeply)") from None


def clean_line(raw: bytes) -> bool:
    """Whether a JSON line's strings certainly hold no control character and no surrogate: JSON allows
    C0 controls only escaped (\\u001b), surrogates only escaped, and C1 controls raw only as UTF-8
    C2 80-9F; DEL may be raw. Three byte searches, against a regex over every text."""
    # (a compiled regex finds "\\u" twice as fast as ``in`` does; one byte, ``in`` is fastest)
    return _ESCAPE_U.search(raw) is None and b"\xc2" not in raw and b"\x7f" not in raw


_ESCAPE_U = re.compile(rb"\\u")


def read_jsonl(path: Path, *, source: str = "") -> Iterator[Item | Rejection]:
    keep = authors_enabled()
    with path.open("rb") as fh:
        head = fh.read(_SNIFF)
        fh.seek(0)
        lines: Iterable[bytes] = fh
        if head[:2] in UTF16_BOMS:
            lines = utf16_lines(fh)
        elif _not_utf8(head):
            yield Rejection(f"{path}:1", NOT_UTF8_JSONL)
            return
        for lineno, raw in enumerate(lines, 1):
            where = f"{path}:{lineno}"
            raw = raw.removeprefix(BOM)
            if not raw.strip():
                continue
            try:
                record = _json_line(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Rejection(where, "line is not valid UTF-8")
                continue
            except ValueError as exc:
                yield Rejection(where, str(exc))
                continue
            try:
                yield to_item(
                    record, where=where, default_source=source, keep_authors=keep, checked=clean_line(raw)
                )
            except ValueError as exc:
                yield Rejection(where, str(exc))


def read_json(path: Path, *, source: str = "") -> Iterator[Item | Rejection]:
    """A ``.json`` file: one array of records, or one record, or (as files named .json often are) JSONL."""
    data = path.read_bytes()
    if data[:2] in UTF16_BOMS:
        try:
            data = data.decode("utf-16").encode("utf-8")  # (read_jsonl reads the file as UTF-16 too)
        except UnicodeDecodeError:
            yield Rejection(f"{path}:1", "file starts as UTF-16 but is not valid UTF-16")
            return
    if _not_utf8(data[:_SNIFF]):
        yield Rejection(f"{path}:1", NOT_UTF8_JSONL)
        return
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield from read_jsonl(path, source=source)  # line by line, so the bad lines are named
        return
    start = len(content) - len(content.lstrip())
    if content[start : start + 1] != "[":
        try:
            whole = json.loads(content)
        except (json.JSONDecodeError, RecursionError):
            whole = None  # several lines: JSONL
        if isinstance(whole, dict):
            yield from _records_of(iter([(1 + content.count("\n", 0, start), whole)]), path, source)
        else:
            yield from read_jsonl(path, source=source)
        return
    yield from _records_of(_array_items(content, start, path), path, source)


def _array_items(content: str, start: int, path: Path) -> Iterator[tuple[int, Any]]:
    """(line, element) of a JSON array, one element at a time so each is named by the line it starts on;
    the element that breaks the array comes as a ValueError (nothing after it can be read)."""
    decoder = json.JSONDecoder()
    pos, line = start + 1, 1 + content.count("\n", 0, start)
    counted = 0
    while True:
        while pos < len(content) and content[pos] in " \t\r\n,":
            pos += 1
        line += content.count("\n", counted, pos)
        counted = pos
        if pos >= len(content):
            yield line, ValueError("the JSON array is not closed (']' missing): the file may be cut short")
            return
        if content[pos] == "]":
            if content[pos + 1 :].strip():
                yield line, ValueError("text after the end of the JSON array")
            return
        try:
            value, pos = decoder.raw_decode(content, pos)
        except json.JSONDecodeError as exc:
            yield (
                exc.lineno,
                ValueError(
                    f"not valid JSON ({exc.msg} at column {exc.colno}); the rest of the file is not read"
                ),
            )
            return
        except RecursionError:
            yield line, ValueError("not usable JSON (nested too deeply); the rest of the file is not read")
            return
        yield line, value


def _records_of(found: Iterator[tuple[int, Any]], path: Path, source: str) -> Iterator[Item | Rejection]:
    keep = authors_enabled()
    for line, record in found:
        where = f"{path}:{line}"
        if isinstance(record, ValueError):
            yield Rejection(where, str(record))
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


BLANK_LINE = "blank line (no record)"


def read_jsonl_records(
    stream: io.TextIOBase | io.BufferedIOBase | Iterable, name: str = "<stdin>", *, blanks: bool = False
) -> Iterator[tuple[int, Any]]:
    """Raw records for the database-free ``analyze``: (line number, parsed object or the error text).
    A blank line is skipped, or with ``blanks`` comes as an error (``analyze``: one line out per line in)."""
    for lineno, raw in enumerate(stream, 1):
        raw = raw.removeprefix(BOM) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield lineno, ValueError("line is not valid UTF-8")
                continue
        if not raw.strip():
            if blanks:
                yield lineno, ValueError(BLANK_LINE)
            continue
        try:
            yield lineno, _json_line(raw)
        except ValueError as exc:
            yield lineno, exc


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


READERS = {".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json, ".csv": read_csv}
# What a folder gives: a folder's .json files are as often settings and metadata as records, so they are
# read only when named (``files_in`` says how many it left).
FOLDER_SUFFIXES = (".jsonl", ".ndjson", ".csv")


def files_in(paths: list[Path], skipped: list[Path] | None = None) -> list[Path]:
    """Expand directories into the files we know how to read (sorted, so runs are repeatable). The .json
    files a folder holds are left out (and listed in ``skipped`` when given)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(p for p in path.rglob("*") if p.is_file()):
                inner = _inner_suffix(p)
                if inner in FOLDER_SUFFIXES:
                    found.append(p)
                elif inner == ".json" and skipped is not None:
                    skipped.append(p)
        else:
            found.append(path)
    return found


def _inner_suffix(path: Path) -> str:
    """The suffix that says the format, lower-cased, under an optional .gz ("" when there is none)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_gzip_name(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def _reader_for(path: Path):
    return READERS.get(_inner_suffix(path))


def _sniffed_reader(path: Path):
    """The reader for a file whose name does not tell its format (``five.gz``): JSON lines start with
    "{", a JSON array with "["; a first line with a comma, semicolon or tab is CSV. None when unclear."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return read_csv  # Excel's "Unicode text"
    head = head.removeprefix(BOM).lstrip()
    if head[:1] == b"{":
        return read_jsonl
    if head[:1] == b"[":
        return read_json
    first = head.split(b"\n", 1)[0]
    if any(sep in first for sep in (b",", b";", b"\t")):
        return read_csv
    return None


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
    if is_gzip_name(path):
        import gzip
        import tempfile

        # Decompress to a temporary file so readers keep line numbers and bounded memory.
        with tempfile.NamedTemporaryFile(suffix=_inner_suffix(path)) as tmp:
            with gzip.open(path, "rb") as src:
                while chunk := src.read(1 << 20):
                    tmp.write(chunk)
            tmp.flush()
            reader = _reader_for(path) or _sniffed_reader(Path(tmp.name))
            if reader is None:
                yield Rejection(
                    f"{path}:1",
                    "cannot tell the format inside (neither JSON lines nor CSV): name it .jsonl.gz or .csv.gz",
                )
                return
            for rec in reader(Path(tmp.name), source=source):
                if isinstance(rec, Rejection):
                    rec.where = rec.where.replace(tmp.name, str(path))
                else:
                    rec.provenance["input"] = str(path)
                yield rec
        return
    reader = _reader_for(path)
    if reader is None:
        raise ValueError(f"{path}: {UNKNOWN_TYPE}")
    yield from reader(path, source=source)


UNKNOWN_TYPE = "unknown file type (expected .jsonl, .ndjson, .json or .csv, optionally .gz)"
