"""Search the way people type.

Each word is matched the way it was typed: a word typed without diacritics matches the diacritic-free index
("da nang" finds "Đà Nẵng"), a word with diacritics matches them exactly after folding ("Đà Nẵng" never
returns "đa năng", but "hoà" = "hòa"). People often mark only some words ("khanh hòa", "Đà Nang"): the
unmarked ones still match loosely; and marks typed in an excluded word (``-bão``) say only what to exclude.
The i/y spellings of one syllable (kĩ/kỹ, lí/lý, quí/quý, hi sinh/hy sinh) are one word to the index and to
queries (``normalize.search_spelling``).

Ranking is in tiers, then BM25 within a tier: the query's words adjacent in the title, all words in the
title, adjacent anywhere, all words anywhere. Each tier reads a short title index or the full index;
common queries are usually answered from the title tiers, which keeps them fast. A query whose words are
all typed with marks (or all without) reads one index per tier, as before; a mixed query ranks in the
diacritic-free index and also requires its marked words in the exact one.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text

from tinhhinh.nlp.normalize import fold, has_diacritics, search_spelling, strip_token, tokens
from tinhhinh.store.items import public_id
from tinhhinh.store.schema import items, search_audit
from tinhhinh.timefmt import local_iso

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_TERM_RE = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
# Letters that may carry a mark (or be đ): a token without any ("19", "tp") reads the same in both indexes.
_MARKABLE = frozenset("aeiouyd")


class QueryError(ValueError):
    pass


@dataclass
class Term:
    tokens: list[str]  # folded, i/y spelling read alike; marks as typed
    phrase: bool  # typed in quotes: must be adjacent
    negated: bool
    exact: list[bool] = field(default_factory=list)  # per token: typed with marks, so matched with them

    def __post_init__(self) -> None:
        if not self.exact:
            self.exact = [has_diacritics(t) for t in self.tokens]

    @property
    def loose(self) -> list[str]:
        """The tokens as the diacritic-free index holds them."""
        return [strip_token(t) for t in self.tokens]

    def all_exact(self) -> bool:
        """Every token that could carry a mark was typed with one (and at least one was)."""
        return any(self.exact) and all(
            e or _MARKABLE.isdisjoint(t) for t, e in zip(self.tokens, self.exact, strict=True)
        )


@dataclass
class Query:
    raw: str
    terms: list[Term] = field(default_factory=list)

    @property
    def positive(self) -> list[Term]:
        return [t for t in self.terms if not t.negated and t.tokens]

    @property
    def negative(self) -> list[Term]:
        return [t for t in self.terms if t.negated and t.tokens]

    @property
    def exact(self) -> bool:
        """Every positive word that could carry a mark typed with one: the query reads the exact index only
        (as every query typed with marks did before words kept their own mode)."""
        modes = [(tok, e) for t in self.positive for tok, e in zip(t.tokens, t.exact, strict=True)]
        return any(e for _, e in modes) and all(e or _MARKABLE.isdisjoint(tok) for tok, e in modes)

    @property
    def mixed(self) -> bool:
        """Some positive words typed with marks, some without."""
        return not self.exact and any(any(t.exact) for t in self.positive)

    def all_tokens(self) -> list[str]:
        return [tok for t in self.positive for tok in t.tokens]

    def token_modes(self) -> list[tuple[str, bool]]:
        """(token, matched with its marks) of the positive words; a token typed both ways is listed twice."""
        out = [(tok, ex) for t in self.positive for tok, ex in zip(t.tokens, t.exact, strict=True)]
        return list(dict.fromkeys(out))


# Words that other search engines read as operators, and a trailing * (prefix search): read here as words,
# which silently finds nothing or too little; the command line and the web page say so.
_OPERATORS = ("OR", "AND", "NOT")


def typed_operators(raw: str) -> tuple[list[str], bool]:
    """The operator words typed outside quotes (OR, AND, NOT, in capitals as such engines want them), and
    whether a word ends in ``*``: none of them is an operator here."""
    norm = unicodedata.normalize("NFC", raw).translate(_QUOTES)
    bare = re.sub(r'"[^"]*"?', " ", norm).split()
    words = [op for op in _OPERATORS if op in bare or f"-{op}" in bare]
    return words, any(len(w) > 1 and w.endswith("*") and w.strip("-*") for w in bare)


def query_notes(raw: str) -> list[str]:
    """One line per operator-like thing typed in the query, for the command line (the web page says it in
    Vietnamese from ``typed_operators``)."""
    words, star = typed_operators(raw)
    notes = []
    if words:
        notes.append(
            f"{', '.join(words)} read as {'a word' if len(words) == 1 else 'words'}, not as an operator: "
            "every word must appear; exclude with -word and search alternatives one at a time"
        )
    if star:
        notes.append("a trailing * is not a prefix search (the word is read without it): type the whole word")
    return notes


def parse(raw: str) -> Query:
    """Words are ANDed; "quoted phrases" must be adjacent; -word and -"phrase" exclude. Each word keeps the
    way it was typed: with marks it matches them, without it matches any."""
    norm = unicodedata.normalize("NFC", raw).translate(_QUOTES)
    query = Query(raw=raw)
    for m in _TERM_RE.finditer(norm):
        if m.group(2) is not None:
            negated, body, phrase = m.group(1) == "-", m.group(2), True
        else:
            negated, body, phrase = m.group(3) == "-", m.group(4), False
        toks = tokens(search_spelling(fold(body)))
        if toks:
            exact = [has_diacritics(t) for t in toks]
            # unmarked tokens are matched in the diacritic-free form (letters typed in "fonts" made plain)
            toks = [t if e else strip_token(t) for t, e in zip(toks, exact, strict=True)]
            # A word that folds to several tokens ("Đà-Nẵng", "COVID-19") is matched as a phrase.
            query.terms.append(Term(toks, phrase or len(toks) > 1, negated, exact))
    if not query.positive:
        raise QueryError("the query has no word to look for (only exclusions or punctuation)")
    return query


def _fts_phrase(toks: list[str]) -> str:
    return '"' + " ".join(toks) + '"'


def _forms(t: Term, mode: str) -> list[str]:
    return t.tokens if mode == "x" else t.loose


def _match_all(q: Query, mode: str) -> str:
    parts = []
    for t in q.positive:
        toks = _forms(t, mode)
        parts.append(_fts_phrase(toks) if t.phrase else " AND ".join(f'"{x}"' for x in toks))
    return " AND ".join(parts)


def _match_adjacent(q: Query, mode: str) -> str | None:
    """The whole query as one phrase (in the order typed), when that differs from the AND form."""
    toks = [tok for t in q.positive for tok in _forms(t, mode)]
    if len(toks) < 2 or (len(q.positive) == 1 and q.positive[0].phrase):
        return None
    return _fts_phrase(toks)


def _match_required(q: Query) -> str | None:
    """For a mixed query: the words typed with marks, as the exact index must also hold them (a phrase typed
    all with marks as a phrase)."""
    if not q.mixed:
        return None
    parts = []
    for t in q.positive:
        if t.phrase and len(t.tokens) > 1 and all(t.exact):
            parts.append(_fts_phrase(t.tokens))
        else:
            parts += [f'"{tok}"' for tok, e in zip(t.tokens, t.exact, strict=True) if e]
    return " AND ".join(parts) or None


def _match_negative(q: Query) -> list[tuple[str, str]]:
    """(index, match) of the exclusions: an excluded word or phrase typed with marks excludes exactly those
    marks ("-bão" keeps "bao", "báo"), one typed without excludes every marked form."""
    by_mode: dict[str, list[str]] = {}
    for t in q.negative:
        mode = "x" if t.all_exact() else "a"
        by_mode.setdefault(mode, []).append(_fts_phrase(_forms(t, mode)))
    return [(mode, " OR ".join(parts)) for mode, parts in sorted(by_mode.items())]


@dataclass
class Filters:
    since: datetime | None = None
    source: str | None = None
    kind: str | None = None
    area: str | None = None
    place: str | None = None
    story: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in self.__dict__.items() if v}


@dataclass
class Hit:
    pk: int
    id: str
    title: str
    url: str | None
    source: str
    published_at: datetime | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    area: str | None = None
    kind: str = "article"
    story_id: str | None = None
    dup_of: int | None = None
    dup_of_id: str | None = None  # the original's public id (what ``id`` is for that item)
    dup_of_source: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published_at": local_iso(self.published_at),
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "kind": self.kind,
            "area": self.area,
            "story_id": self.story_id,
            # the id of the stored item this hit is a copy of (as the terminal's "= copy" lines fold them),
            # null when it is not a copy
            "dup_of": self.dup_of_id,
            "dup_of_source": self.dup_of_source,
        }


def _filter_sql(f: Filters) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if f.since:
        # an item's time is when it was published, else when it was stored (store/item_time.py): an item
        # without a publication date is not left out of "since" searches and saved-search checks
        clauses.append("(i.published_at >= :since OR (i.published_at IS NULL AND i.fetched_at >= :since))")
        params["since"] = f.since
    if f.source:
        clauses.append("i.source = :source")
        params["source"] = f.source
    if f.kind:
        clauses.append("i.kind = :kind")
        params["kind"] = f.kind
    if f.area:
        clauses.append("i.area = :area")
        params["area"] = f.area
    if f.story:
        clauses.append("i.story_id = :story")
        params["story"] = f.story
    if f.place:
        # places is a JSON list of canonical names; a LIKE on the quoted name is exact enough and portable
        clauses.append("CAST(i.places AS TEXT) LIKE :place")
        params["place"] = f'%"{f.place}"%'
    return (" AND " + " AND ".join(clauses)) if clauses else "", params


def _tier_sqlite(
    conn: Connection,
    table: str,
    match: str,
    required: str | None,
    negatives: list[tuple[str, str]],
    where: str,
    params: dict,
    limit: int,
):
    scope = table.split("_")[0]
    params = dict(params)
    extra = ""
    if required:
        extra += f" AND fts.rowid IN (SELECT rowid FROM fts_{scope}_x WHERE fts_{scope}_x MATCH :req)"
        params["req"] = required
    for n, (mode, neg) in enumerate(negatives):
        extra += (
            f" AND fts.rowid NOT IN (SELECT rowid FROM fts_doc_{mode} WHERE fts_doc_{mode} MATCH :neg{n})"
        )
        params[f"neg{n}"] = neg
    join = " JOIN items i ON i.pk = fts.rowid" if where else ""
    sql = (
        f"SELECT fts.rowid, bm25(fts_{table}) AS r FROM fts_{table} AS fts{join} "
        f"WHERE fts_{table} MATCH :m{extra}{where} ORDER BY r LIMIT :lim"
    )
    rows = conn.execute(text(sql), {**params, "m": match, "lim": limit}).all()
    return [(pk, -r) for pk, r in rows]


def _tsquery(match: str) -> str:
    """Translate our small FTS5 match language (quoted phrases, AND, OR) into to_tsquery syntax."""
    out = []
    for m in re.finditer(r'"([^"]*)"|\b(AND|OR)\b', match):
        if m.group(1) is not None:
            out.append("(" + " <-> ".join(m.group(1).split()) + ")")
        else:
            out.append("&" if m.group(2) == "AND" else "|")
    return " ".join(out)


def _pg_extra(required: str | None, negatives: list[tuple[str, str]], scope: str, params: dict) -> str:
    extra = ""
    if required:
        extra += f" AND s.{scope}_x @@ to_tsquery('simple', :req)"
        params["req"] = _tsquery(required)
    for n, (mode, neg) in enumerate(negatives):
        extra += f" AND NOT s.doc_{mode} @@ to_tsquery('simple', :neg{n})"
        params[f"neg{n}"] = _tsquery(neg)
    return extra


def _tier_pg(
    conn: Connection,
    table: str,
    match: str,
    required: str | None,
    negatives: list[tuple[str, str]],
    where: str,
    params: dict,
    limit: int,
):
    params = {**params, "m": _tsquery(match), "lim": limit}
    extra = _pg_extra(required, negatives, table.split("_")[0], params)
    # The join is only for filters on item columns; without filters it costs a fifth of the query.
    join = " JOIN items i ON i.pk = s.pk" if where else ""
    sql = (
        f"SELECT s.pk, ts_rank_cd(s.{table}, q, 1) AS r FROM item_search s{join}, "
        f"to_tsquery('simple', :m) q "
        f"WHERE s.{table} @@ q{extra}{where} ORDER BY r DESC, s.pk LIMIT :lim"
    )
    return [(pk, float(r) * 10) for pk, r in conn.execute(text(sql), params).all()]


@dataclass
class _Plan:
    """How a query reads the index: ``mode`` is the index its words are matched in ("x" with marks, "a"
    without); ``required`` the words a mixed query needs in the exact index too; ``negatives`` the
    exclusions, each in its own index."""

    mode: str
    match_all: str
    adjacent: str | None
    required: str | None
    negatives: list[tuple[str, str]]


def _plan(q: Query) -> _Plan:
    mode = "x" if q.exact else "a"
    return _Plan(mode, _match_all(q, mode), _match_adjacent(q, mode), _match_required(q), _match_negative(q))


@cache
def _place_names() -> dict[tuple[str, ...], str]:
    """Province names of the current map and the former ones (data/places.json), keyed by how they read typed
    without marks: ("da", "nang") -> "Đà Nẵng"."""
    data = json.loads((Path(__file__).resolve().parent.parent / "data" / "places.json").read_text("utf-8"))
    out: dict[tuple[str, ...], str] = {}
    for province in data["provinces"]:
        for name in [province["name"], *province.get("former", [])]:
            key = tuple(strip_token(t) for t in tokens(search_spelling(fold(name))))
            if len(key) > 1:  # one syllable ("Huế") is too often an ordinary word typed without marks
                out.setdefault(key, name)
    return out


def _place_reading(q: Query) -> Query | None:
    """A query typed without marks whose words run into a province's name ("da nang", "lu da nang") also
    reads that name with its marks: people searching a monitoring desk mean the place far more often than
    the homograph ("đa năng"), so the text naming the place ranks first (the loose reading follows)."""
    if q.exact or q.mixed or any(t.phrase for t in q.positive):
        return None
    words = q.all_tokens()
    names = _place_names()
    longest = max(len(k) for k in names)
    out, i, found = [], 0, False
    while i < len(words):
        for n in range(min(longest, len(words) - i), 1, -1):
            name = names.get(tuple(words[i : i + n]))
            if name is not None:
                out.append(f'"{name}"')
                i, found = i + n, True
                break
        else:
            out.append(words[i])
            i += 1
    return parse(" ".join(out)) if found else None


def _tiers(q: Query) -> list[tuple[str, str, str | None]]:
    """(index table, match, required) of each ranking tier, best first. A mixed query ("mưa to", "khanh
    hòa": some words typed without marks) first ranks the text holding every word exactly as typed, then
    the text its unmarked words match loosely, in the title and then anywhere. A query typed without marks
    that names a province ranks the text naming it with its marks first (``_place_reading``)."""
    plan = _plan(q)
    readings = [(q, "x", None)] if q.exact else [(q, "a", plan.required)]
    if q.mixed:
        readings.insert(0, (q, "x", None))
    place = _place_reading(q)
    if place is not None:
        readings.insert(0, (place, "x", None) if place.exact else (place, "a", _match_required(place)))
    tiers = []
    for scope in ("title", "doc"):
        for reading, mode, required in readings:
            adjacent = _match_adjacent(reading, mode)
            if adjacent:
                tiers.append((f"{scope}_{mode}", adjacent, required))
            tiers.append((f"{scope}_{mode}", _match_all(reading, mode), required))
    return tiers


# Hits one search returns at most (each costs a snippet); the command line says so when it applies.
MAX_HITS = 1000


def search(
    engine: Engine,
    raw: str,
    *,
    filters: Filters | None = None,
    limit: int = 20,
    user: str | None = None,
    via: str = "cli",
    audit: bool = True,
) -> list[Hit]:
    """Run a query; every search is written to the audit table, whatever it finds."""
    q = parse(raw)
    filters = filters or Filters()
    if limit < 1:
        raise ValueError(f"limit {limit}: give at least 1")
    limit = min(limit, MAX_HITS)
    negatives = _match_negative(q)
    where, params = _filter_sql(filters)
    tiers = _tiers(q)
    ranked: list[tuple[int, float]] = []
    seen: set[int] = set()
    with engine.connect() as conn:
        tier_fn = _tier_sqlite if conn.dialect.name == "sqlite" else _tier_pg
        for level, (table, match, required) in enumerate(tiers):
            base = len(tiers) - 1 - level
            for pk, r in tier_fn(conn, table, match, required, negatives, where, params, limit + len(seen)):
                if pk in seen:
                    continue
                seen.add(pk)
                r = max(r, 0.0)
                ranked.append((pk, base + r / (1.0 + r)))
                if len(ranked) >= limit:
                    break
            if len(ranked) >= limit:
                break
        rows = _hit_rows(conn, [pk for pk, _ in ranked]) if ranked else {}
        originals = _public_ids(conn, {r["dup_of"] for r in rows.values() if r["dup_of"] is not None})
        pattern = _Words(q)
        hits = []
        for pk, score in ranked:
            row = rows[pk]
            snippet, marks = make_snippet(row["title"], row["text"], q, pattern)
            hits.append(
                Hit(
                    pk=pk,
                    id=public_id(row),
                    title=row["title"],
                    url=row["url"],
                    source=row["source"],
                    published_at=row["published_at"],
                    score=score,
                    snippet=snippet,
                    highlights=marks,
                    area=row["area"],
                    kind=row["kind"],
                    story_id=row["story_id"],
                    dup_of=row["dup_of"],
                    dup_of_id=originals[row["dup_of"]][0] if row["dup_of"] in originals else None,
                    dup_of_source=originals[row["dup_of"]][1] if row["dup_of"] in originals else None,
                )
            )
    if audit:
        record_search(engine, raw, filters, len(hits), user=user, via=via)
    return hits


def matching_story_ids(
    engine: Engine,
    raw: str,
    *,
    filters: Filters | None = None,
    after_pk: int | None = None,
    upto_pk: int | None = None,
    user: str | None = None,
    via: str = "alert",
) -> set[str]:
    """Stories of every item matching the query (title or text), not only the best-ranked ones; items can
    be limited to ``after_pk < pk <= upto_pk`` (what arrived since a saved search was last checked).
    Audited like any search, with the number of stories found."""
    q = parse(raw)
    filters = filters or Filters()
    plan = _plan(q)
    mode = plan.mode
    where, params = _filter_sql(filters)
    where += " AND i.story_id IS NOT NULL"
    if after_pk is not None:
        where += " AND i.pk > :after_pk"
        params["after_pk"] = after_pk
    if upto_pk is not None:
        where += " AND i.pk <= :upto_pk"
        params["upto_pk"] = upto_pk
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            extra = ""
            if plan.required:
                extra += " AND fts.rowid IN (SELECT rowid FROM fts_doc_x WHERE fts_doc_x MATCH :req)"
                params["req"] = plan.required
            for n, (neg_mode, neg) in enumerate(plan.negatives):
                extra += (
                    f" AND fts.rowid NOT IN (SELECT rowid FROM fts_doc_{neg_mode} "
                    f"WHERE fts_doc_{neg_mode} MATCH :neg{n})"
                )
                params[f"neg{n}"] = neg
            sql = (
                f"SELECT DISTINCT i.story_id FROM fts_doc_{mode} AS fts JOIN items i ON i.pk = fts.rowid "
                f"WHERE fts_doc_{mode} MATCH :m{extra}{where}"
            )
            params["m"] = plan.match_all
        else:
            extra = _pg_extra(plan.required, plan.negatives, "doc", params)
            sql = (
                f"SELECT DISTINCT i.story_id FROM item_search s JOIN items i ON i.pk = s.pk "
                f"WHERE s.doc_{mode} @@ to_tsquery('simple', :m){extra}{where}"
            )
            params["m"] = _tsquery(plan.match_all)
        found = {sid for (sid,) in conn.execute(text(sql), params)}
    record_search(engine, raw, filters, len(found), user=user, via=via)
    return found


_HIT_COLUMNS = (
    "pk",
    "ext_id",
    "url",
    "title",
    "text",
    "source",
    "published_at",
    "area",
    "kind",
    "story_id",
    "dup_of",
)


def _hit_rows(conn: Connection, pks: list[int]) -> dict[int, Any]:
    """Only the columns a hit shows: the JSON analysis columns of 20 articles cost more to decode than
    the whole index lookup."""
    if conn.dialect.name == "sqlite":
        # Through the driver (a third of Core's cost for 20 rows); dates by SQLAlchemy's own converter.
        to_date = items.c.published_at.type.dialect_impl(conn.dialect).result_processor(conn.dialect, None)
        sql = f"SELECT {', '.join(_HIT_COLUMNS)} FROM items WHERE pk IN ({', '.join('?' * len(pks))})"
        found = {}
        for values in conn.connection.driver_connection.execute(sql, pks):
            row = dict(zip(_HIT_COLUMNS, values, strict=True))
            if to_date is not None:
                row["published_at"] = to_date(row["published_at"])
            found[row["pk"]] = row
        return found
    cols = [items.c[name] for name in _HIT_COLUMNS]
    return {r["pk"]: r for r in conn.execute(select(*cols).where(items.c.pk.in_(pks))).mappings()}


def _public_ids(conn: Connection, pks: set[int]) -> dict[int, tuple[str, str]]:
    """(public id as ``Hit.id`` gives it, source) of the items with these pks: what a copy's ``dup_of``
    points to."""
    if not pks:
        return {}
    cols = [items.c.pk, items.c.ext_id, items.c.url, items.c.source]
    rows = conn.execute(select(*cols).where(items.c.pk.in_(sorted(pks)))).mappings()
    return {r["pk"]: (public_id(r), r["source"]) for r in rows}


def os_account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def current_user(explicit: str | None = None) -> str:
    return explicit or os_account()


# The operating-system account that ran a command-line search, kept in the audit row's JSON ``filters``
# (no schema change): ``--user`` is what the person says, this is who the machine says ran it.
OS_USER = "os_user"


def record_search(
    engine: Engine, raw: str, filters: Filters, results: int, *, user: str | None, via: str
) -> None:
    recorded = filters.as_dict()
    if via == "cli":  # the web and the API record their logged-in user
        recorded[OS_USER] = os_account()
    with engine.begin() as conn:
        conn.execute(
            insert(search_audit).values(
                at=datetime.now(UTC).replace(tzinfo=None),
                user=current_user(user),
                query=raw,
                filters=recorded or None,
                results=results,
                via=via,
            )
        )


def audit_log(engine: Engine, limit: int = 50) -> list[dict[str, Any]]:
    """The most recent searches: at, user, query, filters, results, via, and ``os_user`` (the account that
    ran a command-line search; None for web/API searches and searches recorded before it was kept)."""
    cols = [search_audit.c[name] for name in ("at", "user", "query", "filters", "results", "via")]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).order_by(search_audit.c.id.desc()).limit(limit)).mappings()
        found = []
        for r in rows:
            row = dict(r)
            filters = dict(row["filters"] or {})
            row["os_user"] = filters.pop(OS_USER, None)
            row["filters"] = filters or None
            found.append(row)
        return found


_SNIPPET_BEFORE = 80
_SNIPPET_AFTER = 200
_VARIANTS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


def _token_pattern(tok: str, exact: bool) -> str:
    """A regex for one query token over folded text; without diacritics every accented variant matches."""
    if exact:
        return re.escape(tok)
    return "".join(f"[{_VARIANTS[c]}]" if c in _VARIANTS else re.escape(c) for c in tok)


def _snippet_regex(q: Query) -> re.Pattern[str]:
    """Over ``search_spelling(fold(text))``: each token with its marks if typed so, else any."""
    # One word-boundary test around the alternation (not one per token): about 3x faster on long texts.
    modes = sorted(q.token_modes(), key=lambda m: len(m[0]), reverse=True)
    alts = "|".join(_token_pattern(t, exact) for t, exact in modes)
    return re.compile(r"(?<![^\W_])(?:" + alts + r")(?![^\W_])")


def _densest(found: list[tuple[int, int, str]]) -> int:
    """Start of the first match whose window (``_SNIPPET_AFTER`` chars) holds the most distinct query words.

    A sliding window over the matches (they come in text order): linear, where common words in long
    articles made the pairwise count the slowest part of a search."""
    best, best_n = 0, -1
    counts: dict[str, int] = {}
    hi = 0
    for lo, (start, _, _) in enumerate(found):
        while hi < len(found) and found[hi][0] < start + _SNIPPET_AFTER:
            word = found[hi][2]
            counts[word] = counts.get(word, 0) + 1
            hi += 1
        if len(counts) > best_n:
            best, best_n = start, len(counts)
        word = found[lo][2]
        counts[word] -= 1
        if not counts[word]:
            del counts[word]
    return best


_COMBINING = re.compile(r"[\u0300-\u036f]")


# i also stands for y: a query's "kĩ" is the text's "kỹ" (``search_spelling``); what is not is filtered out.
_LOOSE_VARIANTS = {**_VARIANTS, "i": _VARIANTS["i"] + _VARIANTS["y"]}


def _loose_pattern(tok: str) -> str:
    """A regex matching the token with any tone on its vowels (and d for đ, y for i): a superset of its
    folded forms."""
    out = []
    for c in tok:
        base = strip_token(c)
        variants = _LOOSE_VARIANTS.get(base, "")
        out.append(f"[{variants}]" if c in variants else re.escape(c))
    return "".join(out)


class _Words:
    """Where the query's words are in a text, found without folding the whole text.

    Folding only moves tone marks inside a syllable (and lower-cases), so a word of the folded text has the
    same position and the same letters, tones aside, as in the lower-cased text: a tone-blind pattern finds
    the candidates there, and folding just those words (and their i/y spelling) decides whether they are
    the query's: the same word with marks for a word typed with them, the same letters for one typed
    without. Same matches as matching the folded text, at a fraction of the cost on long articles. Text
    with stray combining marks (which folding repairs) is folded whole, as before.
    """

    def __init__(self, q: Query) -> None:
        modes = q.token_modes()
        toks = sorted({t for t, _ in modes}, key=len, reverse=True)
        self.exact_tokens = {t for t, e in modes if e}
        self.loose_tokens = {t for t, e in modes if not e}
        alts = "|".join(_loose_pattern(t) for t in toks)
        self.loose = re.compile(r"(?<![^\W_])(?:" + alts + r")(?![^\W_])")
        self.precise = _snippet_regex(q)
        self.folded: dict[str, str | None] = {}  # word as found -> the query word it is, None if none

    def _word(self, word: str) -> str | None:
        folded = search_spelling(fold(word))
        if folded in self.exact_tokens or strip_token(folded) in self.loose_tokens:
            return folded
        return None

    def find(self, original: str) -> list[tuple[int, int, str]] | None:
        """(start, end, folded word) of each query word in NFC text; None when offsets cannot be kept."""
        lowered = original.lower()
        if len(lowered) != len(original):
            return None  # rare case mapping that changes length
        if _COMBINING.search(lowered):
            folded = search_spelling(fold(original))
            if len(folded) != len(original):
                return None
            return [(m.start(), m.end(), m.group(0)) for m in self.precise.finditer(folded)]
        found = []
        cache = self.folded
        for m in self.loose.finditer(lowered):
            word = m.group(0)
            if word in cache:
                folded_word = cache[word]
            else:
                folded_word = cache[word] = self._word(word)
            if folded_word is None:
                continue
            found.append((m.start(), m.end(), folded_word))
        return found


def make_snippet(
    title: str, body: str, q: Query, pattern: re.Pattern[str] | _Words | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """A window of the original text around the densest cluster of query words, with match offsets."""
    words = pattern if isinstance(pattern, _Words) else None
    if words is None:
        pattern = pattern or _snippet_regex(q)
    for source in (body, title):
        if not source:
            continue
        original = unicodedata.normalize("NFC", source)
        if words is not None:
            found = words.find(original)
            if found is None:
                return original[:_SNIPPET_AFTER], []
        else:
            folded = search_spelling(fold(original))
            if len(folded) != len(original):  # rare case mapping that changes length: no offsets
                return original[:_SNIPPET_AFTER], []
            found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(folded)]
        if not found and source is body and title:
            continue
        best = _densest(found)
        lo = max(0, best - _SNIPPET_BEFORE)
        while lo > 0 and not original[lo - 1].isspace():
            lo -= 1
        hi = min(len(original), best + _SNIPPET_AFTER)
        while hi < len(original) and not original[hi].isspace():
            hi += 1
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(original) else ""
        shift = len(prefix) - lo
        marks = [(a + shift, b + shift) for a, b, _ in found if lo <= a and b <= hi]
        return prefix + original[lo:hi].replace("\n", " ") + suffix, marks
    return (title or body or "")[:_SNIPPET_AFTER], []
