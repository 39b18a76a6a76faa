"""What storing an item writes besides the item itself, computed without the database or SQLAlchemy: the
search index's texts, the exact-copy hash and, for SQLite, the insert values.

Ingest's reader process (``ingest.reader``) makes these away from the writing process; keeping this module
free of SQLAlchemy keeps that process's start (the writer waits for its first batch) short.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, search_spelling, strip_diacritics, tokens


def index_forms(title: str, body: str) -> dict[str, str]:
    """The texts of the search index (see migration 0001), plus the exact-copy hash.

    The index's own tokenizer splits the folded text into words (and, for the diacritic-free tables,
    strips the marks), so the ingest path does no Python tokenizing; only đ→d is done here, because
    the tokenizer does not fold it. PostgreSQL gets the same words through ``pg_forms``.

    The index texts also read the i/y spellings alike (``search_spelling``: "kỹ" is indexed as "kĩ"), as
    queries do; the copy hash is of the folded text without that (stored hashes stay comparable).
    """
    title_f = fold(title)
    body_f = fold(body)
    doc_f = f"{title_f}\n{body_f}" if title_f and body_f else title_f or body_f
    title_x = search_spelling(title_f)
    body_x = search_spelling(body_f)
    doc_x = f"{title_x}\n{body_x}" if title_x and body_x else title_x or body_x
    return {
        "title_x": title_x,
        "title_a": title_x.replace("đ", "d"),
        "doc_x": doc_x,
        "doc_a": doc_x.replace("đ", "d"),
        "hash": _copy_hash(doc_f.encode()),
    }


def index_wire(title: str, body: str) -> dict[str, Any]:
    """``index_forms`` with the four index texts as UTF-8 bytes, as ingest's reader process sends them: the
    index reads bytes as text, so the writing process neither decodes them from the pipe nor encodes them
    for SQLite. Byte for byte the encoding of ``index_forms``'s texts (tested), made with one encoding of
    each folded text: the document is the title's bytes and the body's joined, and the diacritic-free
    texts differ only by đ→d, one fixed UTF-8 byte pair that no other character contains."""
    title_f = fold(title)
    body_f = fold(body)
    title_b = title_f.encode()
    body_b = body_f.encode()
    doc = title_b + b"\n" + body_b if title_b and body_b else title_b or body_b
    chash = _copy_hash(doc)  # of the folded text, as ``index_forms``
    title_s = search_spelling(title_f)
    body_s = search_spelling(body_f)
    if title_s is not title_f or body_s is not body_f:  # an i/y spelling to index alike: encode again
        title_b = title_s.encode()
        body_b = body_s.encode()
        doc = title_b + b"\n" + body_b if title_b and body_b else title_b or body_b
    return {
        "title_x": title_b,
        "title_a": title_b.replace(_D_BAR, b"d"),
        "doc_x": doc,
        "doc_a": doc.replace(_D_BAR, b"d"),
        "hash": chash,
    }


_D_BAR = "đ".encode()
# The exact-copy hash is the SHA-1 of the folded document with its whitespace collapsed as ``str.split``
# collapses it. In UTF-8, bytes.split() splits on the same ASCII whitespace and never inside a character,
# so for text without str.split's other separators the collapse can be done on the bytes, without
# splitting into ~500 words and joining them (which was a sixth of the reader process's time).
_ASCII_SPACES = bytes.maketrans(b"\t\n\x0b\x0c\r", b"     ")
# str.isspace() characters beyond " \t\n\v\f\r" (``test_odd_spaces_are_all_of_str_isspace`` checks the
# list against every code point): U+001C-001F, U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029, U+202F,
# U+205F, U+3000. Common punctuation (“ ” – …) shares the lead bytes E2 80, hence the pattern for those.
_ODD_SPACE_E2 = re.compile(rb"\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f")


def _has_odd_space(doc: bytes) -> bool:
    """Whether UTF-8 text holds whitespace that ``str.split`` splits on and ``bytes.split`` does not."""
    return (
        b"\x1c" in doc
        or b"\x1d" in doc
        or b"\x1e" in doc
        or b"\x1f" in doc
        or (b"\xc2" in doc and (b"\xc2\x85" in doc or b"\xc2\xa0" in doc))
        or b"\xe1\x9a\x80" in doc
        or b"\xe3\x80\x80" in doc
        or (b"\xe2" in doc and _ODD_SPACE_E2.search(doc) is not None)
    )


def _copy_hash(doc: bytes) -> str:
    """SHA-1 (hex) of ``" ".join(doc.decode().split())``, the folded document's words one space apart."""
    if _has_odd_space(doc):
        return hashlib.sha1(" ".join(doc.decode().split()).encode()).hexdigest()
    flat = doc.translate(_ASCII_SPACES)
    while b"  " in flat:
        flat = flat.replace(b"  ", b" ")
    return hashlib.sha1(flat.strip(b" ")).hexdigest()


def pg_forms(forms: dict[str, str]) -> dict[str, str]:
    """Word lists for to_tsvector('simple'), which neither splits like FTS5 nor strips marks.

    The diacritic-free lists strip the marks of each word (as queries typed without marks are stripped,
    ``search.parse``), after splitting: stripping first would drop non-ASCII separators (no-break space,
    en dash, ellipsis) and glue "Nẵng–Quảng" into one word that "quang" never finds.
    """
    title = " ".join(tokens(forms["title_x"]))
    doc = " ".join(tokens(forms["doc_x"]))
    return {
        "title_x": title,
        "title_a": strip_diacritics(title),
        "doc_x": doc,
        "doc_a": strip_diacritics(doc),
    }


# The items columns an insert sets, in the order of ``_row_values``.
_ROW_COLUMNS = [
    "key", "ext_id", "source", "kind", "url", "title", "text", "published_at", "fetched_at", "lang",
    "provenance", "extra", "author_hash", "content_hash", "area", "area_scores", "keywords", "story_id",
    "places", "toxicity", "toxicity_score", "harm", "model_version",
]  # fmt: skip


def _row_values(item: Item, chash: str) -> tuple:
    return (
        item.key,
        item.id,
        item.source,
        item.kind,
        item.url,
        item.title,
        item.text,
        item.published_at,
        item.fetched_at,
        item.lang,
        item.provenance or None,
        item.extra or None,
        item.author_hash,
        chash,
        item.area,
        item.area_scores,
        item.keywords,
        item.story_id,
        item.places,
        item.toxicity,
        item.toxicity_score,
        item.harm or [],
        item.model_version or None,
    )


# The long text columns: the insert casts them to TEXT, so they may be bound as UTF-8 bytes.
_UTF8_COLUMNS = ("title", "text")
# What SQLAlchemy's SQLite dialect binds for the other columns with a bind processor (``items`` in
# store.schema; ``store.items.takes_ready_values`` checks, against SQLAlchemy's own processors, that these
# are all of them and that they give the same values): DATETIME as its storage format, JSON through the
# engine's serializer (``store.db._json_dumps``), with None as JSON null; FLOAT as float.
_DATE_COLUMNS = ("published_at", "fetched_at")
_JSON_COLUMNS = ("provenance", "extra", "area_scores", "keywords", "places", "harm", "model_version")
_FLOAT_COLUMNS = ("toxicity_score",)
_DATE_FORMAT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"


def _sqlite_datetime(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return _DATE_FORMAT % (
            value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond
        )  # fmt: skip
    if isinstance(value, date):
        return _DATE_FORMAT % (value.year, value.month, value.day, 0, 0, 0, 0)
    raise TypeError("SQLite DateTime type only accepts Python datetime and date objects as input.")


def _sqlite_json(value: Any) -> str:
    if value is None:
        return "null"
    if value.__class__ is list and not value:
        return "[]"  # every item's harm before analysis
    return json.dumps(value, ensure_ascii=False)


_DATE_AT = [_ROW_COLUMNS.index(name) for name in _DATE_COLUMNS]
_JSON_AT = [_ROW_COLUMNS.index(name) for name in _JSON_COLUMNS]
_FLOAT_AT = [_ROW_COLUMNS.index(name) for name in _FLOAT_COLUMNS]
_UTF8_AT = [_ROW_COLUMNS.index(name) for name in _UTF8_COLUMNS]


def ready_values(batch: Sequence[Item], hashes: Sequence[str]) -> list[tuple]:
    """SQLite insert values of items no analysis will change (ingest's reader process): what Core binds for
    ``insert(items)`` on an engine made by ``db.engine_for``, except that title and text go as UTF-8 bytes,
    which the insert casts to TEXT (the same stored bytes and type), so the writing process neither decodes
    them from the pipe nor encodes them for SQLite."""
    title_at, text_at = _UTF8_AT
    out = []
    for it, chash in zip(batch, hashes, strict=True):
        values = list(_row_values(it, chash))
        for i in _DATE_AT:
            values[i] = _sqlite_datetime(values[i])
        for i in _JSON_AT:
            values[i] = _sqlite_json(values[i])
        for i in _FLOAT_AT:
            if values[i] is not None:
                values[i] = float(values[i])
        values[title_at] = values[title_at].encode()
        values[text_at] = values[text_at].encode()
        out.append(tuple(values))
    return out
