"""Storing items: one transaction per batch, identity by key, copies linked, search index kept in step."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, Engine, and_, func, insert, select, text, update

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, strip_diacritics, tokens
from tinhhinh.store.schema import items

FTS_TABLES = ("title_x", "title_a", "doc_x", "doc_a")


@dataclass
class BatchResult:
    new: int = 0
    copies: int = 0
    present: int = 0


class StoredKey:
    """An item no stage has changed, as storing sees it when its insert values come ready-made (ingest's
    reader process, ``sqlite_values``): its identity is all ``add_items`` reads, so the whole item is not
    sent to the writing process."""

    __slots__ = ("key",)
    dup_of = None

    def __init__(self, key: str) -> None:
        self.key = key


def index_forms(title: str, body: str) -> dict[str, str]:
    """The texts of the search index (see migration 0001), plus the exact-copy hash.

    The index's own tokenizer splits the folded text into words (and, for the diacritic-free tables,
    strips the marks), so the ingest path does no Python tokenizing; only đ→d is done here, because
    the tokenizer does not fold it. PostgreSQL gets the same words through ``pg_forms``.
    """
    title_x = fold(title)
    body_x = fold(body)
    doc_x = f"{title_x}\n{body_x}" if title_x and body_x else title_x or body_x
    return {
        "title_x": title_x,
        "title_a": title_x.replace("đ", "d"),
        "doc_x": doc_x,
        "doc_a": doc_x.replace("đ", "d"),
        "hash": _copy_hash(doc_x.encode()),
    }


def index_wire(title: str, body: str) -> dict[str, Any]:
    """``index_forms`` with the four index texts as UTF-8 bytes, as ingest's reader process sends them: the
    index reads bytes as text, so the writing process neither decodes them from the pipe nor encodes them
    for SQLite. Byte for byte the encoding of ``index_forms``'s texts (tested), made with one encoding of
    each folded text: the document is the title's bytes and the body's joined, and the diacritic-free
    texts differ only by đ→d, one fixed UTF-8 byte pair that no other character contains."""
    title_b = fold(title).encode()
    body_b = fold(body).encode()
    doc = title_b + b"\n" + body_b if title_b and body_b else title_b or body_b
    return {
        "title_x": title_b,
        "title_a": title_b.replace(_D_BAR, b"d"),
        "doc_x": doc,
        "doc_a": doc.replace(_D_BAR, b"d"),
        "hash": _copy_hash(doc),
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


def content_hash(item: Item) -> str:
    return index_forms(item.title, item.text)["hash"]


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


def _row(item: Item, chash: str) -> dict[str, Any]:
    return dict(zip(_ROW_COLUMNS, _row_values(item, chash), strict=True))


def _pk_by_key(conn: Connection, keys: Sequence[str], *, pks: bool = True) -> dict[str, int | None]:
    """The stored items among these keys (their pks when asked). Index-only lookups; on SQLite through the
    driver, which costs a third of Core's for a thousand keys."""
    found: dict[str, int | None] = {}
    sqlite = conn.dialect.name == "sqlite"
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        if sqlite:
            sql = f"SELECT key, pk FROM items WHERE key IN ({', '.join('?' * len(chunk))})"
            found.update(conn.connection.driver_connection.execute(sql, chunk).fetchall())
        elif pks:
            found.update(conn.execute(select(items.c.key, items.c.pk).where(items.c.key.in_(chunk))).all())
        else:
            found.update(
                dict.fromkeys(conn.execute(select(items.c.key).where(items.c.key.in_(chunk))).scalars())
            )
    return found


def existing_keys(conn: Connection, keys: Sequence[str]) -> set[str]:
    return set(_pk_by_key(conn, keys, pks=False))


def known_keys(engine: Engine, keys: Sequence[str]) -> set[str]:
    with engine.connect() as conn:
        return existing_keys(conn, keys)


def add_items(
    engine: Engine,
    batch: Iterable[Item],
    after: Callable[[Connection, list[Item], dict[str, int]], int | None] | None = None,
    forms: Sequence[dict[str, str]] | None = None,
    values: Sequence[tuple] | None = None,
) -> BatchResult:
    """Store one batch in one transaction. Re-ingesting a stored record adds nothing.

    ``after(conn, fresh_items, pk_by_key)`` runs inside the same transaction once copies are linked: the
    ordered stages (stories) write their state there, so items and state commit together or not at all.
    ``forms``, when given, are ``index_forms`` of the batch's items in the same order (computed elsewhere,
    e.g. in ingest's reader process); ``values``, likewise, the SQLite insert values (``sqlite_values``) of
    items no stage has changed.
    """
    result = BatchResult()
    batch = list(batch)
    with engine.begin() as conn:
        present = existing_keys(conn, [it.key for it in batch])
        seen_in_batch: set[str] = set()
        fresh: list[Item] = []
        fresh_forms: list[dict[str, str]] = []
        fresh_at: list[int] = []
        for i, it in enumerate(batch):
            if it.key in present or it.key in seen_in_batch:
                result.present += 1
                continue
            seen_in_batch.add(it.key)
            fresh.append(it)
            fresh_at.append(i)
            fresh_forms.append(forms[i] if forms is not None else index_forms(it.title, it.text))
        if not fresh:
            return result
        hashes = [f["hash"] for f in fresh_forms]
        keyed: dict[str, int] | None = None
        if conn.dialect.name != "sqlite":
            conn.execute(insert(items), [_row(it, h) for it, h in zip(fresh, hashes, strict=True)])
        else:
            if values is not None and _same_json(conn.dialect):
                rows = [values[i] for i in fresh_at]
            else:
                rows = _sqlite_values(
                    conn.dialect, [_row_values(it, h) for it, h in zip(fresh, hashes, strict=True)]
                )
            keyed = _insert_sqlite(conn, rows, [it.key for it in fresh])
        if keyed is None:
            keyed = _pk_by_key(conn, [it.key for it in fresh])
        _index(conn, [(keyed[it.key], f) for it, f in zip(fresh, fresh_forms, strict=True)])
        result.copies = _link_copies(conn, set(hashes), fresh, keyed)
        result.new = len(fresh) - result.copies
        if after is not None:
            near = after(conn, fresh, keyed) or 0
            result.copies += near
            result.new -= near
    return result


_BIND: dict[Any, list[tuple[int, Callable[[Any], Any]]]] = {}


def _none_fast(column: Any, dialect: Any) -> Callable[[Any], Any] | None:
    proc = column.type.dialect_impl(dialect).bind_processor(dialect)
    if proc is None or not isinstance(column.type, JSON):
        return proc
    null = proc(None)  # 'null': Core stores None in a JSON column as JSON null
    empty = proc([])  # the constant text of an empty list (every item's harm before analysis)

    def fast(value: Any) -> Any:
        if value is None:
            return null
        if value.__class__ is list and not value:
            return empty
        return proc(value)

    return fast


def _procs(dialect: Any) -> list[tuple[int, Callable[[Any], Any]]]:
    procs = _BIND.get(dialect)
    if procs is None:
        procs = [(i, p) for i, name in enumerate(_ROW_COLUMNS) if (p := _none_fast(items.c[name], dialect))]
        _BIND[dialect] = procs
    return procs


def _sqlite_values(dialect: Any, rows: list[tuple]) -> list[tuple]:
    """The values ``insert(items)`` binds for these rows (``_row_values``), through SQLAlchemy's own bind
    processors for each column (dates as its text format, JSON with the dialect's serializer, None in a JSON
    column as 'null'), so the stored rows are byte-for-byte what Core stores."""
    procs = _procs(dialect)
    out = []
    for row in rows:
        values = list(row)
        for i, proc in procs:
            values[i] = proc(values[i])
        out.append(tuple(values))
    return out


_WORKER_DIALECT: Any = None
# The long text columns: the insert casts them to TEXT, so they may be bound as UTF-8 bytes.
_UTF8_COLUMNS = ("title", "text")
_UTF8_AT = [_ROW_COLUMNS.index(name) for name in _UTF8_COLUMNS]


def sqlite_values(batch: Sequence[Item], hashes: Sequence[str]) -> list[tuple]:
    """Insert values for items that no analysis will change, computed away from the writing process (ingest's
    reader process): the dialect is configured as ``db.engine_for`` configures its engines.

    Title and text go as UTF-8 bytes, which the insert casts to TEXT (the same stored bytes and type): the
    writing process then neither decodes them from the pipe nor encodes them for SQLite."""
    global _WORKER_DIALECT
    if _WORKER_DIALECT is None:
        from sqlalchemy.dialects import sqlite

        from tinhhinh.store.db import _json_dumps

        _WORKER_DIALECT = sqlite.dialect(json_serializer=_json_dumps)
    procs = _procs(_WORKER_DIALECT)
    title_at, text_at = _UTF8_AT
    out = []
    for it, chash in zip(batch, hashes, strict=True):
        values = list(_row_values(it, chash))
        for i, proc in procs:
            values[i] = proc(values[i])
        values[title_at] = values[title_at].encode()
        values[text_at] = values[text_at].encode()
        out.append(tuple(values))
    return out


def _insert_sqlite(conn: Connection, values: list[tuple], keys: list[str]) -> dict[str, int] | None:
    """Rows through the driver's executemany: skipping Core's per-row statement machinery halves the cost.

    Returns the new rows' pks by key. ``pk`` is the rowid (no AUTOINCREMENT), and SQLite gives each inserted
    row the table's largest rowid plus one, so within this transaction the rows get consecutive pks after
    the largest before; checked against the last rowid inserted (None, and the caller looks them up, if the
    numbers disagree)."""
    dbapi = conn.connection.driver_connection
    before = dbapi.execute("SELECT max(pk) FROM items").fetchone()[0] or 0
    cols = ", ".join(f'"{name}"' for name in _ROW_COLUMNS)
    marks = ", ".join("CAST(? AS TEXT)" if name in _UTF8_COLUMNS else "?" for name in _ROW_COLUMNS)
    dbapi.executemany(f"INSERT INTO items ({cols}) VALUES ({marks})", values)
    last = dbapi.execute("SELECT last_insert_rowid()").fetchone()[0]
    if last - before != len(keys):
        return None
    return {key: before + 1 + i for i, key in enumerate(keys)}


def takes_ready_values(engine: Engine) -> bool:
    """Whether ``add_items`` stores ``sqlite_values`` made elsewhere as they are (a SQLite engine configured
    like ``db.engine_for``'s); otherwise it needs the whole items to make its own."""
    return engine.dialect.name == "sqlite" and _same_json(engine.dialect)


def _same_json(dialect: Any) -> bool:
    from tinhhinh.store.db import _json_dumps

    return getattr(dialect, "_json_serializer", None) is _json_dumps


def _index(conn: Connection, forms: list[tuple[int, dict[str, str]]]) -> None:
    if conn.dialect.name == "sqlite":
        dbapi = conn.connection.driver_connection
        for name in FTS_TABLES:
            dbapi.executemany(
                f"INSERT INTO fts_{name}(rowid, t) VALUES (?, ?)", [(pk, f[name]) for pk, f in forms]
            )
    else:
        conn.execute(
            text(
                "INSERT INTO item_search (pk, title_x, title_a, doc_x, doc_a) VALUES "
                "(:pk, to_tsvector('simple', :title_x), to_tsvector('simple', :title_a), "
                "to_tsvector('simple', :doc_x), to_tsvector('simple', :doc_a))"
            ),
            [{"pk": pk, **pg_forms(_text_forms(f))} for pk, f in forms],
        )


def _text_forms(forms: dict[str, Any]) -> dict[str, str]:
    """Index forms may arrive as UTF-8 bytes (from ingest's reader process); SQLite's index reads those as
    text as they are, PostgreSQL's word lists need str."""
    return {k: v.decode() if isinstance(v, bytes) else v for k, v in forms.items()}


def _link_copies(conn: Connection, hashes: set[str], fresh: list[Item], keyed: dict[str, int]) -> int:
    """Point every exact copy at the earliest item with the same text (published_at, then first stored).

    Input order is arbitrary, so an older copy arriving later becomes the new original and its group
    is re-pointed. Near-copies found by the analysis pipeline (``item.dup_of``) are linked too.
    """
    # Hash and pk come from the index alone; dates are read only for the (few) texts stored more than once,
    # since reading every new item's row again costs more than the rest of linking.
    pks_by_hash: dict[str, list[int]] = {}
    hashes = list(hashes)
    dbapi = conn.connection.driver_connection if conn.dialect.name == "sqlite" else None
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        if (
            dbapi is not None
        ):  # plain strings and ints: the driver's rows are Core's, at a fraction of the cost
            sql = f"SELECT content_hash, pk FROM items WHERE content_hash IN ({', '.join('?' * len(chunk))})"
            rows = dbapi.execute(sql, chunk).fetchall()
        else:
            rows = conn.execute(
                select(items.c.content_hash, items.c.pk).where(items.c.content_hash.in_(chunk))
            ).all()
        for h, pk in rows:
            pks_by_hash.setdefault(h, []).append(pk)
    shared = [pk for pks in pks_by_hash.values() if len(pks) > 1 for pk in pks]
    published_of: dict[int, datetime | None] = {}
    for start in range(0, len(shared), 500):
        chunk = shared[start : start + 500]
        published_of.update(
            conn.execute(select(items.c.pk, items.c.published_at).where(items.c.pk.in_(chunk))).all()
        )
    fresh_pks = set(keyed.values())
    copies = 0
    for pks in pks_by_hash.values():
        if len(pks) < 2:
            continue
        members = [(pk, published_of[pk]) for pk in pks]
        original = min(members, key=lambda m: (m[1] is None, m[1] or datetime.max, m[0]))[0]
        others = [pk for pk, _ in members if pk != original]
        conn.execute(update(items).where(items.c.pk.in_(others)).values(dup_of=original))
        conn.execute(update(items).where(items.c.pk == original).values(dup_of=None))
        copies += sum(1 for pk in others if pk in fresh_pks)
    # Near-copies flagged by the pipeline: they name their original by key.
    near = [(keyed[it.key], it.dup_of) for it in fresh if it.dup_of and it.dup_of != it.key]
    if near:
        originals = dict(
            conn.execute(select(items.c.key, items.c.pk).where(items.c.key.in_([k for _, k in near]))).all()
        )
        for pk, okey in near:
            opk = originals.get(okey)
            if opk is not None and opk != pk:
                row = conn.execute(select(items.c.dup_of).where(items.c.pk == pk)).scalar()
                if row is None:
                    conn.execute(update(items).where(items.c.pk == pk).values(dup_of=opk))
                    copies += 1
    return copies


def count(engine: Engine, *, copies: bool | None = None) -> int:
    with engine.connect() as conn:
        q = select(func.count()).select_from(items)
        if copies is True:
            q = q.where(items.c.dup_of.is_not(None))
        elif copies is False:
            q = q.where(items.c.dup_of.is_(None))
        return conn.execute(q).scalar_one()


def get_by_pks(conn: Connection, pks: Sequence[int]) -> dict[int, Any]:
    rows = conn.execute(select(items).where(items.c.pk.in_(list(pks)))).mappings().all()
    return {r["pk"]: r for r in rows}


def public_id(row: Any) -> str:
    """The id a user knows an item by: its own id where it had one, else its URL."""
    return row["ext_id"] or row["url"] or str(row["pk"])


def find_key(conn: Connection, key: str) -> int | None:
    return conn.execute(select(items.c.pk).where(items.c.key == key)).scalar()


def set_analysis(conn: Connection, pk: int, **fields: Any) -> None:
    conn.execute(update(items).where(items.c.pk == pk).values(**fields))


def summary_counts(engine: Engine) -> dict[str, Any]:
    """Figures the demo and `status` print."""
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(items)).scalar_one()
        copies = conn.execute(
            select(func.count()).select_from(items).where(items.c.dup_of.is_not(None))
        ).scalar_one()
        sources = conn.execute(select(func.count(func.distinct(items.c.source)))).scalar_one()
        first, last = conn.execute(
            select(func.min(items.c.published_at), func.max(items.c.published_at))
        ).one()
        areas = dict(
            conn.execute(
                select(items.c.area, func.count())
                .where(and_(items.c.area.is_not(None)))
                .group_by(items.c.area)
            ).all()
        )
    return {
        "items": total,
        "copies": copies,
        "sources": sources,
        "first": first,
        "last": last,
        "areas": areas,
    }


def reindex(
    engine: Engine, *, batch_size: int = 2000, on_batch: Callable[[int, int], None] | None = None
) -> int:
    """Rebuild the search index from the stored items; returns how many items were indexed.

    For when the way texts are folded or split changes (an upgrade), or an index was damaged: the index is
    derived data, the items are the record. One transaction: searches see the old index until the new one
    is complete, and an interrupted rebuild leaves the old one in place.
    """
    with engine.begin() as conn:
        total = int(conn.execute(select(func.count()).select_from(items)).scalar_one())
        if conn.dialect.name == "sqlite":
            for name in FTS_TABLES:
                conn.exec_driver_sql(f"INSERT INTO fts_{name}(fts_{name}) VALUES ('delete-all')")
        else:
            conn.execute(text("DELETE FROM item_search"))
        done, last = 0, 0
        while True:
            rows = conn.execute(
                select(items.c.pk, items.c.title, items.c.text)
                .where(items.c.pk > last)
                .order_by(items.c.pk)
                .limit(batch_size)
            ).all()
            if not rows:
                break
            _index(conn, [(pk, index_forms(title or "", body or "")) for pk, title, body in rows])
            done += len(rows)
            last = rows[-1][0]
            if on_batch:
                on_batch(done, total)
    return done
