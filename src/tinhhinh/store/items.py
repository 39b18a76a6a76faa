"""Storing items: one transaction per batch, identity by key, copies linked, search index kept in step."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, Engine, and_, func, insert, select, text, update

from tinhhinh.item import Item
from tinhhinh.store.forms import (  # noqa: F401 - index_forms and friends are used from here too
    _ROW_COLUMNS,
    _UTF8_COLUMNS,
    _copy_hash,
    _has_odd_space,
    _row_values,
    index_forms,
    index_wire,
    pg_forms,
    ready_values,
)
from tinhhinh.store.schema import items

FTS_TABLES = ("title_x", "title_a", "doc_x", "doc_a")


@dataclass
class KeyConflict:
    """A record whose identity (source + id, or url) is already stored, or came earlier in the same batch,
    with a different text: it is not stored, and ingest names it rather than count it as already present
    (two CSV exports both numbering rows 1, 2 without a source would otherwise lose the second's rows)."""

    key: str
    where: str

    def __str__(self) -> str:
        if self.key.startswith("url:"):
            what = f"url {self.key[4:]}"
        else:
            source, _, rid = self.key.partition(":")
            what = f"id {rid!r}" + (f" of source {source!r}" if source else "")
        hint = "" if self.key.startswith("url:") else "; give --source (or a source field) to keep both"
        return f"{self.where}: {what} already stored with different text: kept the stored one{hint}"


@dataclass
class BatchResult:
    new: int = 0
    copies: int = 0
    present: int = 0
    conflicts: list[KeyConflict] = field(default_factory=list)


class StoredKey:
    """An item no stage has changed, as storing sees it when its insert values come ready-made (ingest's
    reader process, ``forms.ready_values``): its identity is all ``add_items`` reads, so the whole item is not
    sent to the writing process."""

    __slots__ = ("key", "where")
    dup_of = None

    def __init__(self, key: str, where: str = "") -> None:
        self.key = key
        self.where = where


def where_of(item: Item | StoredKey) -> str:
    """ "file:line" of an item, as rejections name records."""
    return item.where


def content_hash(item: Item) -> str:
    return index_forms(item.title, item.text)["hash"]


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


def stored_hashes(conn: Connection, keys: Sequence[str]) -> dict[str, str | None]:
    """The stored items among these keys, with their content hash (the exact-copy hash)."""
    found: dict[str, str | None] = {}
    keys = list(dict.fromkeys(keys))
    sqlite = conn.dialect.name == "sqlite"
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        if sqlite:
            sql = f"SELECT key, content_hash FROM items WHERE key IN ({', '.join('?' * len(chunk))})"
            found.update(conn.connection.driver_connection.execute(sql, chunk).fetchall())
        else:
            found.update(
                conn.execute(select(items.c.key, items.c.content_hash).where(items.c.key.in_(chunk))).all()
            )
    return found


def known_hashes(engine: Engine, keys: Sequence[str]) -> dict[str, str | None]:
    with engine.connect() as conn:
        return stored_hashes(conn, keys)


def same_text(stored_hash: str | None, item_hash: str) -> bool:
    """Whether a record whose key is stored is the stored text again (a re-run: nothing to say). A row
    without a hash cannot be compared and counts as the same."""
    return stored_hash is None or stored_hash == item_hash


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
    ``forms``, when given, are ``index_forms`` (or ``index_wire``) of the batch's items in the same order
    (computed elsewhere, e.g. in ingest's reader process); ``values``, likewise, the SQLite insert values
    (``forms.ready_values``) of items no stage has changed.
    """
    result = BatchResult()
    batch = list(batch)
    with engine.begin() as conn:
        present = stored_hashes(conn, [it.key for it in batch])
        seen_in_batch: dict[str, str] = {}  # key → content hash of its first record in this batch
        fresh: list[Item] = []
        fresh_forms: list[dict[str, str]] = []
        fresh_at: list[int] = []
        for i, it in enumerate(batch):
            key = it.key
            if key in present or key in seen_in_batch:
                chash = forms[i]["hash"] if forms is not None else content_hash(it)
                if same_text(present[key] if key in present else seen_in_batch[key], chash):
                    result.present += 1
                else:
                    result.conflicts.append(KeyConflict(key, where_of(it)))
                continue
            form = forms[i] if forms is not None else index_forms(it.title, it.text)
            seen_in_batch[key] = form["hash"]
            fresh.append(it)
            fresh_at.append(i)
            fresh_forms.append(form)
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


# The reader process's values (``forms.ready_values``) under the name it had here.
sqlite_values = ready_values


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
    """Whether ``add_items`` stores ``ready_values`` made elsewhere as they are (a SQLite engine configured
    like ``db.engine_for``'s, whose bind processors give what ``ready_values`` gives); otherwise it needs the
    whole items to make its own."""
    dialect = engine.dialect
    return dialect.name == "sqlite" and _same_json(dialect) and _ready_values_match(dialect)


_MATCH: dict[Any, bool] = {}


def _ready_values_match(dialect: Any) -> bool:
    """``ready_values`` makes without SQLAlchemy what this dialect's bind processors make: the same columns
    have processors, and a probe item with every kind of value gets the same values."""
    known = _MATCH.get(dialect)
    if known is None:
        from datetime import date

        from tinhhinh.store import forms

        with_proc = {name for i, name in enumerate(_ROW_COLUMNS) if i in dict(_procs(dialect))}
        probe = Item(
            id="x", source="s", title="Tiêu đề", text="Nội dung", published_at=datetime(2026, 1, 2, 3, 4, 5, 6),
            fetched_at=datetime(1, 1, 1), provenance={"input": "ở đâu", "line": "1"}, extra={"n": [1, 2.5, None]},
            area="a", area_scores={"a": 0.25}, keywords=["từ"], places=[], harm=[{"type": "scam"}],
            model_version={"area": "1"}, toxicity="clean", toxicity_score=1, author_hash="h", story_id="s1",
        )  # fmt: skip
        plain = Item(id="y", title="t", published_at=None, fetched_at=date(2026, 1, 2))
        ready = [list(row) for row in ready_values([probe, plain], ["h1", "h2"])]
        for row in ready:
            for i in forms._UTF8_AT:
                row[i] = row[i].decode()
        core = [
            list(row) for row in _sqlite_values(dialect, [_row_values(probe, "h1"), _row_values(plain, "h2")])
        ]
        known = (
            with_proc == {*forms._DATE_COLUMNS, *forms._JSON_COLUMNS, *forms._FLOAT_COLUMNS} and ready == core
        )
        _MATCH[dialect] = known
    return known


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


def has_source(engine: Engine, source: str) -> bool:
    """Whether any stored item comes from ``source`` (uses the source index)."""
    with engine.connect() as conn:
        return conn.execute(select(items.c.pk).where(items.c.source == source).limit(1)).first() is not None


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
        return rebuild_index(conn, batch_size=batch_size, on_batch=on_batch)


def rebuild_index(
    conn: Connection, *, batch_size: int = 2000, on_batch: Callable[[int, int], None] | None = None
) -> int:
    """``reindex`` inside the caller's transaction (a migration that changes what the index holds)."""
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


# --- items stored without analysis (ingest --no-analyze) ------------------------------------------------

# Every item the ordered stages have seen has a story (a story of one is a story), so an item without one
# was stored without analysis.
_UNANALYSED = items.c.story_id.is_(None)


def count_unanalysed(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(items).where(_UNANALYSED)).scalar() or 0)


def unanalysed(engine: Engine, after_pk: int, limit: int) -> list[tuple[int, Item]]:
    """The next ``limit`` items stored without analysis after ``after_pk``, in the order they were stored,
    as items again (their input fields; identity gives the same ``key``)."""
    c = items.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                c.pk,
                c.key,
                c.ext_id,
                c.source,
                c.kind,
                c.url,
                c.title,
                c.text,
                c.published_at,
                c.fetched_at,
                c.lang,
            )
            .where(_UNANALYSED, c.pk > after_pk)
            .order_by(c.pk)
            .limit(limit)
        ).all()
    out = []
    for r in rows:
        it = Item(
            id=r.ext_id, source=r.source or "", kind=r.kind or "article", url=r.url, title=r.title or "",
            text=r.text or "", published_at=r.published_at, fetched_at=r.fetched_at, lang=r.lang or "vi",
        )  # fmt: skip
        if it.key != r.key:  # an identity this version would not give; its stored key is what counts
            it.id, it.source, it.url = None, "", r.key.removeprefix("url:")
            if it.key != r.key:
                continue
        out.append((r.pk, it))
    return out


# what the per-record stages write (their model versions are merged, the ordered stages' kept)
_ANALYSIS_FIELDS = ("area", "area_scores", "keywords", "places", "toxicity", "toxicity_score", "harm")


def save_analysis(conn: Connection, analysed: Sequence[tuple[int, Item]]) -> None:
    """The per-record stages' fields of items stored without analysis (their story, copies and model
    versions are the ordered stages', written in the same transaction)."""
    for pk, it in analysed:
        values = {f: getattr(it, f) for f in _ANALYSIS_FIELDS}
        conn.execute(update(items).where(items.c.pk == pk).values(**values, model_version=it.model_version))


# --- items stored from a feed's summary, upgraded when their page can be read ----------------------------


def _is_feed_summary(provenance: Any) -> bool:
    """Stored from a feed entry's title and summary whose page was never judged unusable: the watcher may
    still fetch the page and put its body in."""
    return (
        isinstance(provenance, dict) and provenance.get("via") == "feed" and "page_unused" not in provenance
    )


def feed_summaries(engine: Engine, keys: Sequence[str]) -> dict[str, int]:
    """key → pk of the stored items among these keys that hold only a feed's summary."""
    found: dict[str, int] = {}
    keys = list(dict.fromkeys(keys))
    with engine.connect() as conn:
        for start in range(0, len(keys), 500):
            rows = conn.execute(
                select(items.c.key, items.c.pk, items.c.provenance).where(
                    items.c.key.in_(keys[start : start + 500])
                )
            ).all()
            found.update((key, pk) for key, pk, prov in rows if _is_feed_summary(prov))
    return found


def mark_page_unused(engine: Engine, pk: int, reason: str) -> None:
    """The page of an item stored from a feed summary cannot be used: say why, and stop trying it."""
    with engine.begin() as conn:
        prov = conn.execute(select(items.c.provenance).where(items.c.pk == pk)).scalar()
        if _is_feed_summary(prov):
            conn.execute(
                update(items).where(items.c.pk == pk).values(provenance={**prov, "page_unused": reason})
            )


def upgrade_from_page(
    engine: Engine, pk: int, page: Item, *, analysed: bool, signature: bytes | None = None
) -> bool:
    """Put an article page's title, body and provenance into the item ``pk`` stored from a feed summary.

    The item keeps its pk, key, source, dates and story; its search index rows, exact-copy links and, when
    ``analysed``, the per-record stages' fields (and copies signature) follow the new text, in one
    transaction. Harm entries a person has already decided on are kept as they are. Returns False (and
    changes nothing) when the stored item is no longer a feed summary: upgrading is done once."""
    from tinhhinh.store.flags import collect, flags

    with engine.begin() as conn:
        row = conn.execute(
            select(items.c.title, items.c.text, items.c.provenance, items.c.content_hash, items.c.model_version)
            .where(items.c.pk == pk)
        ).first()  # fmt: skip
        if row is None or not _is_feed_summary(row.provenance):
            return False
        old_forms = index_forms(row.title or "", row.text or "")
        forms = index_forms(page.title, page.text)
        values: dict[str, Any] = {
            "title": page.title,
            "text": page.text,
            "provenance": {**row.provenance, **page.provenance, "upgraded_from": "feed"},
            "content_hash": forms["hash"],
        }
        if analysed:
            decided = conn.execute(
                select(flags.c.idx).where(flags.c.item_pk == pk, flags.c.status != "unconfirmed").limit(1)
            ).first()
            values.update({f: getattr(page, f) for f in _ANALYSIS_FIELDS})
            if decided is not None:
                values.pop("harm")  # a person's decision is about the stored entries: they stay
            else:
                conn.execute(flags.delete().where(flags.c.item_pk == pk))
            values["model_version"] = {**(row.model_version or {}), **(page.model_version or {})}
            if signature is not None:
                values["minhash"] = signature.hex()
        # the old text's exact copies lose their original here: they are re-linked among themselves below
        conn.execute(
            update(items)
            .where(items.c.dup_of == pk, items.c.content_hash == row.content_hash)
            .values(dup_of=None)
        )
        original = conn.execute(select(items.c.dup_of).where(items.c.pk == pk)).scalar()
        if original is not None:
            original_hash = conn.execute(select(items.c.content_hash).where(items.c.pk == original)).scalar()
            if original_hash == row.content_hash:
                values["dup_of"] = None
        conn.execute(update(items).where(items.c.pk == pk).values(**values))
        if conn.dialect.name == "sqlite":
            dbapi = conn.connection.driver_connection
            for name in FTS_TABLES:  # contentless tables: a row is deleted by giving its indexed text again
                dbapi.execute(
                    f"INSERT INTO fts_{name}(fts_{name}, rowid, t) VALUES ('delete', ?, ?)",
                    (pk, old_forms[name]),
                )
        else:
            conn.execute(text("DELETE FROM item_search WHERE pk = :pk"), {"pk": pk})
        _index(conn, [(pk, forms)])
        _link_copies(conn, {row.content_hash, forms["hash"]}, [], {})
        if analysed:
            collect(conn, [pk])
    return True
