"""Online, stable story detection.

A story is a running centroid per view (headline, body, names) plus counts, first/last seen and sources.
A new item is compared with the few stories that share its heaviest terms (inverted index), a logistic
model turns the similarity features of each candidate into P(same story), and the item joins the best
candidate when that probability clears the threshold, else it starts a story of its own. Nothing already
assigned is ever moved, so story ids are stable; when one item binds two stories strongly, the younger
story is merged into the older and the merge is recorded (``merges``), never silently.

State is plain data (``export_state`` / ``from_state``, ``to_rows`` / ``from_rows``) so the store can
persist it. Memory is bounded: stories idle for more than ``max_idle_days`` (event time, checked once per event-day) or beyond ``max_stories``
(least recently touched) leave the in-memory index; ``pop_evicted`` hands their rows to the caller.
"""

from __future__ import annotations

import json
import math
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate, chain, repeat
from operator import itemgetter, mul
from pathlib import Path
from typing import Any

import numpy as np

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, tokens, typed_without_marks
from tinhhinh.stories.features import Idf, cosine, names, weigh_known

STATE_VERSION = 1
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "stories_lr.json"

HEADLINE_TOKENS = 60
BODY_TOKENS = 400
TOP_K = {"head": 80, "body": 250, "names": 40}  # centroid terms kept per view
INDEX_TERMS = 25  # heaviest body terms + names under which a story is indexed
QUERY_TERMS = 25
MAX_POSTING = 800  # terms in more stories than this are too common to retrieve by (bounds latency at 100k)
POSTING_BUDGET = 3000  # posting entries visited per query, rarest terms first
CANDIDATES = 12

FEATURES = (
    "cos_head",
    "cos_body",
    "cos_names",
    "log_gap_h",
    "no_time",
    "log_size",
    "cos_head_x_body",
    "max_title",
    "max_body",
    "cos_title_head",
)
MEMBERS = 8  # per story, the first items' title and short body vectors (single-link evidence)
MEMBER_BODY_TERMS = 60

# Fallback weights when no trained model ships (hand-set, roughly what training gives).
_DEFAULT_MODEL = {
    "features": list(FEATURES[:9]),
    "coef": [4.0, 6.0, 3.0, -0.6, -1.0, 0.2, 2.0, 3.0, 3.0],
    "intercept": -4.5,
    "threshold": 0.5,
    "merge_threshold": 0.9,
}


def to_epoch(value: Any) -> float | None:
    """Seconds since the epoch, or None for a missing or unusable time (never "now")."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        ts = float(value)
    else:
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                return None
        if not isinstance(value, datetime):
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)  # naive times are read as UTC, consistently
        ts = value.timestamp()
    # 1990..2100: anything else is a parsing accident, not evidence
    if not (631152000.0 <= ts <= 4102444800.0) or math.isnan(ts):
        return None
    return ts


_weight = itemgetter(1)
_chain = chain.from_iterable
_first_two = itemgetter(0, 1)


def _largest(n: int, items: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    # what heapq.nlargest(n, items, key=weight) returns (documented equal, ties included), with the sort in C
    return sorted(items, key=_weight, reverse=True)[:n]


@dataclass(eq=False)
class ItemVectors:
    title: dict[str, float]
    head: dict[str, float]
    body: dict[str, float]
    names: dict[str, float]
    ts: float | None
    source: str
    # (term ids, weights) per view (title, head, body, names), in the dicts' order, for the array code;
    # ids from the IDF table (``Idf.ids``; -1 for a term outside it), valid where ``ids_key`` matches
    arrays: tuple[tuple[np.ndarray, np.ndarray], ...] | None = None
    ids_key: tuple[int, int] | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ItemVectors):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in (*_ITEM_VIEWS, "ts", "source"))

    __hash__ = None  # type: ignore[assignment]

    def unseen(self, view: int) -> list[str]:
        """The terms at the -1 ids of ``arrays[view]``, in order."""
        packed = self.__dict__.get("_unseen")
        if packed is not None:
            return packed[view]
        keys = list(getattr(self, _ITEM_VIEWS[view]))
        return list(map(keys.__getitem__, np.flatnonzero(self.arrays[view][0] < 0).tolist()))

    def __getstate__(self) -> dict[str, Any]:
        # between analyze's workers and the parent only the arrays and the few terms outside the table
        # travel (the parent never reads the dicts); the dicts come back on first use if someone asks
        # the four views' ids and weights as one array each (two arrays to pickle, not eight)
        if self.arrays is None or self.ids_key != Idf.shipped_key():
            return dict(self.__dict__)
        arrays = self.arrays
        return {
            # as bytes: an ndarray pickles and unpickles ~10 us slower each (same machine, same dtypes)
            "packed": (
                np.concatenate([a[0] for a in arrays]).astype(np.int32, copy=False).tobytes(),
                np.concatenate([a[1] for a in arrays]).astype(np.float64, copy=False).tobytes(),
                tuple(len(a[0]) for a in arrays),
            ),
            "ids_key": self.ids_key,
            "ts": self.ts,
            "source": self.source,
            "_unseen": [self.unseen(v) for v in range(4)],
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        packed = state.pop("packed", None)
        if packed is not None:
            ids, w, lens = np.frombuffer(packed[0], np.int32), np.frombuffer(packed[1], np.float64), packed[2]
            ends = list(accumulate(lens))
            state["arrays"] = tuple((ids[e - k : e], w[e - k : e]) for k, e in zip(lens, ends, strict=True))
            state["_ids_all"] = ids  # the views' ids side by side (``Terms.item`` reads them so)
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        # only reached for a view dict left out of the pickle: rebuilt from the arrays and the shipped table
        if name not in _ITEM_VIEWS or "_unseen" not in self.__dict__:
            raise AttributeError(name)
        view = _ITEM_VIEWS.index(name)
        ids, w = self.arrays[view]
        table = Idf.shipped().terms()
        extra = iter(self._unseen[view])
        vec = dict(zip([table[i] if i >= 0 else next(extra) for i in ids.tolist()], w.tolist(), strict=True))
        self.__dict__[name] = vec
        return vec


_ITEM_VIEWS = ("title", "head", "body", "names")
Arrays = tuple[np.ndarray, np.ndarray]  # (term ids, weights) in a vector's order
_NO_IDS = np.zeros(0, dtype=np.int32)
_NO_W = np.zeros(0, dtype=np.float64)
VIEWS = ("head", "body", "names")
# segments of one candidate in ``_dots``: 0 head centroid (vs the item's head), 1 body centroid (vs body),
# 2 names (vs names), 3.. member titles (vs title), 3+MEMBERS.. member bodies (vs body), last: the head
# centroid again (vs title). Query rows: 0 title, 1 head, 2 body, 3 names.
_SEG_TITLE_HEAD = 3 + 2 * MEMBERS
NSEG = _SEG_TITLE_HEAD + 1
_ROW_OF_SEG = np.array([1, 2, 3] + [0] * MEMBERS + [2] * MEMBERS + [0], dtype=np.int64)
VOCAB_LIMIT = 1_000_000  # ids of terms outside the IDF table before the index starts them again


class Terms:
    """Term ids of one index: the IDF table's ids (the same in every process, so workers can send them),
    then ids for other terms (new names, rare bigrams) in order of first sight. Ids never leave the
    process: rows and state store the terms."""

    def __init__(self, idf: Idf) -> None:
        self.idf = idf
        self.ids = idf.ids()
        self.n = len(self.ids)
        self.key = idf.ids_key()
        self._table_terms: list[str] | None = None
        self.extra: dict[str, int] = {}
        self.extra_terms: list[str] = []
        self._q: np.ndarray | None = None
        self._cap = 0
        self._set = _NO_IDS  # the positions ``query`` wrote

    def table_terms(self) -> list[str]:
        if self._table_terms is None:
            self._table_terms = self.idf.terms()
        return self._table_terms

    def term(self, i: int) -> str:
        return self.table_terms()[i] if i < self.n else self.extra_terms[i - self.n]

    def terms(self, ids: np.ndarray) -> list[str]:
        table, extra, n = self.table_terms(), self.extra_terms, self.n
        return [table[i] if i < n else extra[i - n] for i in ids.tolist()]

    def fill(self, ids: np.ndarray, unseen: Callable[[], list[str]]) -> np.ndarray:
        """``ids`` with each -1 (a term outside the table) replaced by that term's extra id; ``unseen``
        gives those terms in order (a term may come more than once: it gets one id, at first sight)."""
        neg = np.flatnonzero(ids < 0)
        if not neg.size:
            return ids
        missing = unseen()
        got = list(map(self.extra.get, missing))
        if None in got:  # first sight of some (a view's terms are distinct): ids in order, in C
            new = list(dict.fromkeys(t for t, i in zip(missing, got, strict=True) if i is None))
            start = self.n + len(self.extra_terms)
            self.extra.update(zip(new, range(start, start + len(new)), strict=True))
            self.extra_terms += new
            got = list(map(self.extra.__getitem__, missing))
        ids = ids.copy()
        ids[neg] = got
        return ids

    def arrays(self, vec: dict[str, float]) -> Arrays:
        n = len(vec)
        ids = np.fromiter(map(self.ids.get, vec, repeat(-1)), dtype=np.int32, count=n)
        keys = list(vec)
        return (
            self.fill(ids, lambda: [keys[i] for i in np.flatnonzero(ids < 0).tolist()]),
            np.fromiter(vec.values(), dtype=np.float64, count=n),
        )

    def dict(self, arr: Arrays) -> dict[str, float]:
        return dict(zip(self.terms(arr[0]), arr[1].tolist(), strict=True))

    def query(self, item: tuple[Arrays, ...]) -> tuple[np.ndarray, int]:
        """A dense copy of the item's views: row r (title, head, body, names) of term id t at 4 * t + r
        (the four rows of a term side by side: one cache line for all the segments that read it); zero
        everywhere else (``clear_query`` after use). Returns the array and its capacity in terms."""
        need = self.n + len(self.extra_terms)
        if self._q is None or need > self._cap:
            self._cap = max(1 << 16, 1 << need.bit_length())
            self._q = np.zeros(4 * self._cap)
        q = self._q
        self._set = pos = np.concatenate(
            [ids.astype(np.int64) * 4 + row for row, (ids, _) in enumerate(item)]
        )
        q[pos] = np.concatenate([w for _, w in item])
        return q, self._cap

    def clear_query(self, item: tuple[Arrays, ...]) -> None:
        self._q[self._set] = 0.0

    def item(self, vec: ItemVectors) -> tuple[Arrays, ...]:
        """The item's four views (title, head, body, names) as arrays of this index's ids."""
        if vec.arrays is None or vec.ids_key != self.key:
            return tuple(self.arrays(d) for d in (vec.title, vec.head, vec.body, vec.names))
        arrs = vec.arrays
        ids = vec.__dict__.get("_ids_all")
        if ids is None:
            ids = np.concatenate([a[0] for a in arrs])
        if not (ids < 0).any():
            return arrs
        # the four views' terms outside the table in one pass: first sight in view order, as four
        # ``fill`` calls one after another would number them
        ids = self.fill(ids, lambda: list(chain.from_iterable(vec.unseen(v) for v in range(4))))
        out, start = [], 0
        for _, w in arrs:
            end = start + len(w)
            out.append((ids[start:end], w))
            start = end
        return tuple(out)


def _unique_inverse(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(a, return_inverse=True)`` of a non-empty 1-d integer array, with less overhead."""
    order = a.argsort()
    s = a[order]
    first = np.empty(len(s), dtype=bool)
    first[0] = True
    np.not_equal(s[1:], s[:-1], out=first[1:])
    inv = np.empty(len(s), dtype=np.intp)
    inv[order] = np.cumsum(first) - 1
    return s[first], inv


def _norm(w: np.ndarray) -> float:
    # summed in order, like the dict code's sum(map(mul, vals, vals)): the same float
    return math.sqrt(sum((w * w).tolist())) or 1.0


def _top(arr: Arrays, k: int) -> Arrays:
    """The ``k`` heaviest terms, heaviest first, ties in vector order (``sorted(..., reverse=True)``)."""
    order = np.argsort(-arr[1], kind="stable")[:k]
    return arr[0][order], arr[1][order]


def _add_into(cent: Arrays, add: Arrays) -> Arrays:
    """``cent[t] = cent.get(t, 0.0) + w`` for each (t, w) of ``add``: dict semantics (a term already
    there keeps its place, new terms follow in ``add``'s order), the same float sums."""
    ids, w = cent
    if not len(ids):
        return add[0].copy(), add[1].copy()
    aids, aw = add
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    pos = np.searchsorted(sorted_ids, aids)
    pos[pos == len(ids)] = 0
    hit = sorted_ids[pos] == aids
    w = w.copy()
    w[order[pos[hit]]] += aw[hit]
    new = ~hit
    return np.concatenate((ids, aids[new])), np.concatenate((w, aw[new]))


@dataclass(eq=False)
class Story:
    id: str
    terms: Terms | None = field(default=None, repr=False)
    size: int = 0
    # per view (head, body, names): the sum of unit item vectors, truncated, as arrays in dict order
    vecs: dict[str, Arrays] = field(default_factory=lambda: {v: (_NO_IDS, _NO_W) for v in VIEWS})
    norms: dict[str, float] = field(default_factory=dict)
    first_seen: float | None = None
    last_seen: float | None = None
    sources: dict[str, int] = field(default_factory=dict)
    mem: list[tuple[Arrays, Arrays]] = field(default_factory=list)  # [title, short body] per member
    label: str = ""  # the first item's title, for people
    created: int = 0  # logical clock: order of creation
    touched: int = 0  # logical clock: last item added
    _pack: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    num: int = field(default=-1, repr=False)  # the index's number for it in its posting lists (-1: none yet)

    # the vectors as term -> weight maps (rows, training code); the arrays are what scoring reads
    @property
    def head(self) -> dict[str, float]:
        return self._terms().dict(self.vecs["head"])

    @property
    def body(self) -> dict[str, float]:
        return self._terms().dict(self.vecs["body"])

    @property
    def names(self) -> dict[str, float]:
        return self._terms().dict(self.vecs["names"])

    @property
    def members(self) -> list[list[dict[str, float]]]:
        t = self._terms()
        return [[t.dict(a), t.dict(b)] for a, b in self.mem]

    def _terms(self) -> Terms:
        if self.terms is None:
            self.terms = Terms(Idf.shipped())
        return self.terms

    def to_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "head": self.head,
            "body": self.body,
            "names": self.names,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "sources": dict(self.sources),
            "members": self.members,
            "label": self.label,
            "created": self.created,
            "touched": self.touched,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any], terms: Terms | None = None) -> Story:
        story = cls(
            id=row["id"],
            terms=terms,
            size=int(row["size"]),
            first_seen=row.get("first_seen"),
            last_seen=row.get("last_seen"),
            sources=dict(row.get("sources") or {}),
            label=row.get("label", ""),
            created=int(row.get("created", 0)),
            touched=int(row.get("touched", 0)),
        )
        t = story._terms()
        story.vecs = {v: t.arrays(dict(row[v])) for v in VIEWS}
        story.mem = [(t.arrays(dict(m[0])), t.arrays(dict(m[1]))) for m in row.get("members", [])]
        story.renorm()
        return story

    def remap(self, old: Terms, new: Terms) -> None:
        """The same vectors under another id table (``StoryIndex`` starts its extra ids again)."""

        def conv(arr: Arrays) -> Arrays:
            return new.arrays(old.dict(arr))

        self.vecs = {v: conv(a) for v, a in self.vecs.items()}
        self.mem = [(conv(a), conv(b)) for a, b in self.mem]
        self.terms = new
        self._repack()

    def renorm(self) -> None:
        self.norms = {view: _norm(self.vecs[view][1]) for view in VIEWS}
        self._repack()  # every change ends here

    def _repack(self) -> None:
        """Put every vector the features compare the item with into one array "pack" (term ids,
        weights, segment: see ``NSEG``), so scoring concatenates one pack per candidate; the views and
        members then point into it (one copy in memory)."""
        head, body, names = self.vecs["head"], self.vecs["body"], self.vecs["names"]
        n = len(self.mem)
        arrs = [head, body, names, head] + [m[0] for m in self.mem] + [m[1] for m in self.mem]
        codes = [0, 1, 2, _SEG_TITLE_HEAD] + [3 + i for i in range(n)] + [3 + MEMBERS + i for i in range(n)]
        lens = [len(a[0]) for a in arrs]
        ids = np.concatenate([a[0] for a in arrs]).astype(np.int32, copy=False)
        w = np.concatenate([a[1] for a in arrs])
        self._pack = (ids, w, np.repeat(np.array(codes, dtype=np.int8), lens))
        ends = list(accumulate(lens))
        cut = [(e - k, e) for k, e in zip(lens, ends, strict=True)]
        views = [(ids[a:b], w[a:b]) for a, b in cut]
        self.vecs = {"head": views[0], "body": views[1], "names": views[2]}
        self.mem = list(zip(views[4 : 4 + n], views[4 + n :], strict=True))

    def sim(self, view: str, vec: dict[str, float]) -> float:
        cent = getattr(self, view)
        if not vec or not cent:
            return 0.0
        return cosine(vec, cent) / self.norms.get(view, 1.0)

    def gap_hours(self, ts: float | None) -> float | None:
        if ts is None or self.first_seen is None or self.last_seen is None:
            return None
        if self.first_seen <= ts <= self.last_seen:
            return 0.0
        return min(abs(ts - self.first_seen), abs(ts - self.last_seen)) / 3600.0

    def add(self, vec: ItemVectors, clock: int, arrays: tuple[Arrays, ...] | None = None) -> None:
        """Add one item; ``arrays`` are its views from ``Terms.item`` (computed here when not given)."""
        title, head, body, names = arrays or self._terms().item(vec)
        for view, add in (("head", head), ("body", body), ("names", names)):
            cent = _add_into(self.vecs[view], add)
            if len(cent[0]) > TOP_K[view]:
                cent = _top(cent, TOP_K[view])
            self.vecs[view] = cent
        self.size += 1
        if len(self.mem) < MEMBERS:
            self.mem.append((title, _top(body, MEMBER_BODY_TERMS)))
        if vec.ts is not None:
            self.first_seen = vec.ts if self.first_seen is None else min(self.first_seen, vec.ts)
            self.last_seen = vec.ts if self.last_seen is None else max(self.last_seen, vec.ts)
        if vec.source:
            self.sources[vec.source] = self.sources.get(vec.source, 0) + 1
        self.touched = clock
        self.renorm()

    def absorb(self, other: Story, clock: int) -> None:
        for view in VIEWS:
            self.vecs[view] = _top(_add_into(self.vecs[view], other.vecs[view]), TOP_K[view])
        self.size += other.size
        self.mem = (self.mem + other.mem)[:MEMBERS]
        for ts in (other.first_seen, other.last_seen):
            if ts is not None:
                self.first_seen = ts if self.first_seen is None else min(self.first_seen, ts)
                self.last_seen = ts if self.last_seen is None else max(self.last_seen, ts)
        for src, n in other.sources.items():
            self.sources[src] = self.sources.get(src, 0) + n
        self.touched = clock
        self.renorm()

    def index_keys(self) -> set[int]:
        """``index_terms`` as posting keys of this story's ``Terms``: a body term's id, ``~id`` of a name."""
        keys = set(_top(self.vecs["body"], INDEX_TERMS)[0].tolist())
        keys.update((~self.vecs["names"][0][:10]).tolist())
        return keys

    def index_terms(self) -> set[str]:
        t = self._terms()
        terms = set(t.terms(_top(self.vecs["body"], INDEX_TERMS)[0]))
        terms.update(f"@{n}" for n in t.terms(self.vecs["names"][0][:10]))
        return terms


class StoryModel:
    """Logistic P(item belongs to story | similarity features)."""

    def __init__(self, spec: dict[str, Any] | None = None) -> None:
        spec = spec or _DEFAULT_MODEL
        self.spec = spec
        self.coef = dict(zip(spec["features"], spec["coef"], strict=True))
        # a feature named "a*b" is the product of two base features (interactions learned by the model)
        self._terms = [
            (w, *name.split("*", 1)) if "*" in name else (w, name, "") for name, w in self.coef.items()
        ]
        self.intercept = float(spec["intercept"])
        # the same terms as index lists into [*features in FEATURES order, 1.0, 0.0], for ``prob_list``
        slot = {name: i for i, name in enumerate(FEATURES)}
        one, zero = len(FEATURES), len(FEATURES) + 1
        self._w = [w for w, _, _ in self._terms]
        self._a = [slot.get(a, zero) for _, a, _ in self._terms]
        self._b = [slot.get(b, zero) if b else one for _, _, b in self._terms]
        self._wa = np.array(self._w, dtype=np.float64)
        self._ia = np.array(self._a, dtype=np.intp)
        self._ib = np.array(self._b, dtype=np.intp)
        self.threshold = float(spec.get("threshold", 0.5))
        self.merge_threshold = float(spec.get("merge_threshold", 0.9))
        self.version = str(spec.get("version", "default"))

    @classmethod
    def shipped(cls) -> StoryModel:
        if MODEL_PATH.exists():
            return cls(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
        return cls()

    def prob(self, feats: dict[str, float]) -> float:
        get = feats.get
        z = self.intercept
        for w, a, b in self._terms:
            z += w * get(a, 0.0) * (get(b, 0.0) if b else 1.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def prob_matrix(self, f: np.ndarray) -> np.ndarray:
        """``prob_list`` for each row of ``f`` (features in ``FEATURES`` order, then 1.0 and 0.0 columns)."""
        z = (f[:, self._ia] * f[:, self._ib]) @ self._wa + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))

    def prob_list(self, feats: list[float]) -> float:
        """``prob`` of the features as a list in ``FEATURES`` order: the same products, summed in the same
        order from the intercept, with the per-term loop in C."""
        f = [*feats, 1.0, 0.0]
        get = f.__getitem__
        z = sum(map(mul, map(mul, self._w, map(get, self._a)), map(get, self._b)), self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def feature_list(story: Story, vec: ItemVectors) -> list[float]:
    """The features of one candidate as a list in ``FEATURES`` order."""
    return _feature_matrix([story], story._terms().item(vec), vec.ts)[0, : len(FEATURES)].tolist()


def features(story: Story, vec: ItemVectors) -> dict[str, float]:
    return dict(zip(FEATURES, feature_list(story, vec), strict=True))


def vectorize(item: Item, idf: Idf) -> ItemVectors:
    """The three views of an item as unit TF-IDF vectors (of its text with marks put back when it was
    typed without them: `stories.marks`)."""
    headline = item.title or ""
    text = (item.text or "")[:4000]  # ~BODY_TOKENS syllables are all we use; folding more is waste
    if typed_without_marks(headline, text):
        from tinhhinh.nlp.marks import restore_marks

        headline, text = restore_marks(headline), restore_marks(text)
    head_toks = tokens(fold(headline))
    text_toks = tokens(fold(text))
    n_title = min(len(head_toks), HEADLINE_TOKENS)
    body = head_toks + text_toks[:BODY_TOKENS]
    # title and head are prefixes of body: their n-grams are the body's first ones, so the bigram strings
    # are built once and shared (pickled once, too), and every IDF weight is looked up once, in C
    n_head = min(len(body), HEADLINE_TOKENS)
    bigrams = [f"{a} {b}" for a, b in zip(body, body[1:], strict=False)]
    table, unseen = idf.table()
    ids, by_id = idf.ids(), idf.weights_by_id()  # by_id[-1] is the unseen-term weight
    body_counts = Counter(body)
    body_counts.update(bigrams)
    terms = list(body_counts)
    # one lookup per term in the 400k-term table (the expensive part: cache misses), for its id; the
    # weight is the table's weight of that id (the same float), or the unseen-term weight
    tids = list(map(ids.get, terms, repeat(-1)))
    weight = dict(zip(terms, map(by_id.__getitem__, tids), strict=True)).__getitem__  # [-1]: unseen
    id_of = dict(zip(terms, tids, strict=True))
    title = weigh_known(_prefix_counts(body, bigrams, n_title), weight)
    head = weigh_known(_prefix_counts(body, bigrams, n_head), weight)
    body_vec = weigh_known(body_counts, weight, top_k=400)
    names_vec = weigh_known(names(f"{headline}\n{text}"), lambda t: table.get(t, unseen), top_k=40)
    id_of.update(zip(names_vec, map(ids.get, names_vec, repeat(-1)), strict=True))
    return ItemVectors(
        title=title,
        head=head,
        body=body_vec,
        names=names_vec,
        ts=to_epoch(item.published_at),
        source=item.source or "",
        arrays=tuple(
            (
                np.fromiter(map(id_of.__getitem__, v), dtype=np.int32, count=len(v)),
                np.fromiter(v.values(), dtype=np.float64, count=len(v)),
            )
            for v in (title, head, body_vec, names_vec)
        ),
        ids_key=idf.ids_key(),
    )


def _prefix_counts(toks: list[str], bigrams: list[str], n: int) -> Counter[str]:
    """``ngrams(toks[:n])`` from precomputed bigrams (same terms, same order)."""
    counts = Counter(toks[:n])
    counts.update(bigrams[: max(0, n - 1)])
    return counts


# ---- batched scoring ------------------------------------------------------------------------------
# The candidates' similarity features are dot products of the item's four views with each candidate's
# centroids and members. Instead of ~20 dict intersections per candidate, each story keeps its vectors
# as one array "pack" (positions in a dense query, weights, segment), the item's views are written into
# the dense query array, and one gather + one bincount gives all dot products of all candidates at once.


def _dots(stories: list[Story], item: tuple[Arrays, ...]) -> np.ndarray:
    """(len(stories), NSEG) dot products of the item's views with each story's vectors: one gather
    from a dense copy of the item's views and one bincount for all candidates (instead of ~20 dict
    intersections per candidate)."""
    terms = stories[0]._terms()
    packs = [st._pack for st in stories]
    seg = np.concatenate([p[2] for p in packs]).astype(np.int64)
    q, _ = terms.query(item)
    # where each entry reads the dense query: 4 * term id + the row its segment compares with (computed
    # here: a stored copy per story cost memory and measured no faster)
    pos = np.concatenate([p[0] for p in packs]).astype(np.int64)
    pos *= 4
    pos += _ROW_OF_SEG[seg]
    prods = q[pos]
    terms.clear_query(item)
    prods *= np.concatenate([p[1] for p in packs])
    if len(packs) > 1:
        seg += np.repeat(np.arange(0, len(packs) * NSEG, NSEG), [len(p[0]) for p in packs])
    return np.bincount(seg, prods, minlength=len(packs) * NSEG).reshape(len(packs), NSEG)


def _feature_matrix(stories: list[Story], item: tuple[Arrays, ...], ts: float | None) -> np.ndarray:
    """Features of each candidate in ``FEATURES`` order, then a 1.0 and a 0.0 column (for the model)."""
    d = _dots(stories, item)
    n = len(stories)
    norms = np.array([(s.norms["head"], s.norms["body"], s.norms["names"]) for s in stories]).reshape(n, 3)
    f = np.empty((n, len(FEATURES) + 2))
    ch = d[:, 0] / norms[:, 0]
    cb = d[:, 1] / norms[:, 1]
    f[:, 0] = ch
    f[:, 1] = cb
    f[:, 2] = d[:, 2] / norms[:, 2]
    # per candidate in Python (math's log1p/log, as always), written column by column
    gaps = [st.gap_hours(ts) for st in stories]
    f[:, 3] = [0.0 if g is None else math.log1p(g) for g in gaps]
    f[:, 4] = [1.0 if g is None else 0.0 for g in gaps]
    f[:, 5] = [math.log(st.size) if st.size > 0 else 0.0 for st in stories]
    f[:, 6] = ch * cb
    # an absent member's cosine is 0 and cosines are >= 0, so the max over all slots is the max over members
    f[:, 7] = d[:, 3 : 3 + MEMBERS].max(axis=1)
    f[:, 8] = d[:, 3 + MEMBERS : 3 + 2 * MEMBERS].max(axis=1)
    f[:, 9] = d[:, _SEG_TITLE_HEAD] / norms[:, 0]
    f[:, len(FEATURES)] = 1.0
    f[:, len(FEATURES) + 1] = 0.0
    return f


class StoryIndex:
    """Assign items to stories online. ``assign(item)`` returns a stable story id and never moves others."""

    def __init__(
        self,
        model: StoryModel | None = None,
        idf: Idf | None = None,
        *,
        max_idle_days: float = 30.0,
        max_stories: int = 200_000,
        id_factory: Callable[[int], str] | None = None,
        story_of: Callable[[str], str | None] | None = None,
        story_row: Callable[[str], dict[str, Any] | None] | None = None,
        max_item_memory: int = 500_000,
        keep_records: bool = True,
    ) -> None:
        self.model = model or StoryModel.shipped()
        # loaded on first use: with vectors from analyze's workers this process never needs it
        self._idf = idf
        self.max_idle_days = max_idle_days
        self.max_stories = max_stories
        self.id_factory = id_factory or (lambda n: f"s-{uuid.uuid4().hex[:16]}")
        self.story_of = story_of  # the store's lookup of an item's story, for copies of evicted items
        # the store's row of a story that left memory, so a late copy of its item joins it again
        self.story_row = story_row
        self.max_item_memory = max_item_memory
        # the rows of stories that leave memory and the merge records, for a caller that persists them
        # (``pop_evicted``, ``merges``); a caller that stores nothing (``analyze --stories``) passes False,
        # else both would grow with the input
        self.keep_records = keep_records
        self.stories: dict[str, Story] = {}
        # posting key (``Story.index_keys``: term ids, names as ~id) -> numbers (``Story.num``) of the
        # stories indexed under it, as the keys of a dict (a set whose iteration reads a dense array:
        # a set's sparse table costs several times more to walk); ints hash and gather faster than the
        # term and id strings
        self.postings: dict[int, dict[int, None]] = {}
        self._indexed: dict[str, set[int]] = {}
        self._by_num: dict[int, Story] = {}
        self._next_num = 0
        self.items: OrderedDict[str, str] = OrderedDict()  # item key -> story id (recent items only)
        self.merges: list[dict[str, Any]] = []
        self._merged_into: dict[str, str] = {}
        self.clock = 0
        self.n_created = 0
        self.now: float | None = None  # latest event time seen
        self._evicted: list[dict[str, Any]] = []
        self._last_evict: float | None = None
        self._terms: Terms | None = None
        self._restart_at = 0

    @property
    def terms(self) -> Terms:
        """This index's term ids (its stories' arrays use them)."""
        if self._terms is None:
            self._terms = Terms(self.idf)
        return self._terms

    @property
    def idf(self) -> Idf:
        if self._idf is None:
            self._idf = Idf.shipped()
        return self._idf

    # ---- public API -------------------------------------------------------------------------------

    def assign(self, item: Item, vectors: ItemVectors | None = None) -> str:
        """Put one item into a story (existing or new) and return that story's id.

        ``vectors`` (from ``vectorize``) may be passed when the caller already computed them.
        """
        self.clock += 1
        key = item.key if (item.id or item.url) else None  # a record with neither has no identity
        if key is not None and key in self.items:  # the same record again: same answer
            return self.resolve(self.items[key])
        vec = vectors or vectorize(item, self.idf)
        if vec.ts is not None and (self.now is None or vec.ts > self.now):
            self.now = vec.ts
        if len(self.terms.extra_terms) > max(VOCAB_LIMIT, self._restart_at):
            self._restart_terms()
        arrays = self.terms.item(vec)  # once per item: scoring and the update share them
        if item.dup_of:
            # a copy always joins its original's story, also one that left memory (idle for the event-time
            # horizon or pushed out by newer stories): input order is arbitrary, e.g. two dumps each
            # sorted by time and read one after the other
            sid = self._story_of_original(item.dup_of)
            if sid is not None:
                story = self.stories.get(sid)
                if story is None:
                    story = self._load_story(sid)
                if story is not None:
                    self._add(story, vec, arrays)
                    sid = story.id  # a stored story may have been merged into another since
                # else nothing can load it back (analyze stores nothing, so a story that left is final):
                # the copy still gets its id
                self._remember(key, sid)
                return sid
        scored = self.score(vec, arrays)
        best = scored[0] if scored else None
        if best is not None and best[0] >= self.model.threshold:
            story = self.stories[best[1]]
            self._add(story, vec, arrays)
            if len(scored) > 1 and scored[1][0] >= self.model.merge_threshold:
                story = self._merge(story, self.stories[scored[1][1]], scored[1][0], vec.ts)
        else:
            story = self._new_story(item, vec, arrays)
        self._remember(key, story.id)
        self._evict_if_needed()
        return story.id

    def score(self, vec: ItemVectors, arrays: tuple[Arrays, ...] | None = None) -> list[tuple[float, str]]:
        """(P(same story), story id) for the retrieved candidates, best first."""
        stories = self.stories
        cands = [stories[sid] for sid in self.candidates(vec, arrays=arrays)]
        if not cands:
            return []
        f = _feature_matrix(cands, arrays or self.terms.item(vec), vec.ts)
        out = list(zip(self.model.prob_matrix(f).tolist(), [s.id for s in cands], strict=True))
        out.sort(key=lambda ps: (-ps[0], stories[ps[1]].created))
        return out

    def candidates(
        self, vec: ItemVectors, limit: int = CANDIDATES, arrays: tuple[Arrays, ...] | None = None
    ) -> list[str]:
        """The ``limit`` stories sharing the most query weight with the item (deterministic order).

        Posting lists are walked rarest first under a budget of ``POSTING_BUDGET`` visited entries:
        rare terms (names, specific phrases) are the evidence that tells stories apart, and a term found
        in hundreds of stories adds cost without adding information. At 100k stories this bounds the walk.
        """
        postings = self.postings
        # the heaviest body terms (ties in vector order, as ``_largest``), picked on the weight array
        if arrays is None:
            arrays = self.terms.item(vec)
        body_ids, body_w = arrays[2]
        top = np.argsort(-body_w, kind="stable")[:QUERY_TERMS]
        names_ids, names_w = arrays[3]
        keys = body_ids[top].tolist() + (~names_ids).tolist()
        lists = []
        for key, w in zip(keys, body_w[top].tolist() + names_w.tolist(), strict=True):
            posting = postings.get(key)
            if posting and len(posting) <= MAX_POSTING:
                lists.append((len(posting), key, w, posting))
        if not lists:
            return []
        # rarest first, ties by the term ("@" + name for a name), as the walk has always gone
        term = self.terms.term
        lists.sort(key=lambda e: (e[0], term(e[1]) if e[1] >= 0 else f"@{term(~e[1])}"))
        budget = POSTING_BUDGET
        take = 0
        for n, _, _, _ in lists:
            if n > budget:
                break
            budget -= n
            take += 1
        if not take:
            return []
        lists = lists[:take]
        nums = np.fromiter(
            chain.from_iterable(e[3] for e in lists), dtype=np.int64, count=POSTING_BUDGET - budget
        )
        # each story's share: the weights of its lists added in walk order from 0.0 (bincount adds in
        # array order), the same floats as a running sum per story
        uniq, inv = _unique_inverse(nums)
        acc = np.bincount(inv, np.repeat([e[2] for e in lists], [e[0] for e in lists]))
        by_num = self._by_num
        if len(uniq) <= limit:
            return sorted(by_num[i].id for i in uniq.tolist())
        # the limit-th best score, then ties broken by id: numbers follow creation, ids need not
        cut = np.partition(acc, len(acc) - limit)[len(acc) - limit]  # one of the sums, exactly
        pick = np.flatnonzero(acc >= cut)
        best = sorted(zip((-acc[pick]).tolist(), [by_num[i].id for i in uniq[pick].tolist()], strict=True))
        return [sid for _, sid in best[:limit]]

    def resolve(self, story_id: str) -> str:
        """The surviving id of a story that may have been merged since."""
        seen = 0
        while story_id in self._merged_into and seen < 1000:
            story_id = self._merged_into[story_id]
            seen += 1
        return story_id

    def pop_evicted(self) -> list[dict[str, Any]]:
        """Rows of stories that left memory since the last call (persist them; they are final)."""
        out, self._evicted = self._evicted, []
        return out

    def to_rows(self) -> list[dict[str, Any]]:
        return [s.to_row() for s in self.stories.values()]

    def export_state(self) -> dict[str, Any]:
        """Everything needed to continue exactly where this index stopped (JSON-serialisable)."""
        return {
            "version": STATE_VERSION,
            "model_version": self.model.version,
            "clock": self.clock,
            "n_created": self.n_created,
            "now": self.now,
            "last_evict": self._last_evict,
            "stories": self.to_rows(),
            "items": list(self.items.items()),
            "merges": list(self.merges),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], **kwargs: Any) -> StoryIndex:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story state version {state.get('version')} is not {STATE_VERSION}")
        index = cls(**kwargs)
        index.clock = int(state["clock"])
        index.n_created = int(state["n_created"])
        index.now = state.get("now")
        index._last_evict = state.get("last_evict")
        index.from_rows(state["stories"])
        index.items = OrderedDict((k, v) for k, v in state.get("items", []))
        for merge in state.get("merges", []):
            index.merges.append(dict(merge))
            index._merged_into[merge["from"]] = merge["into"]
        return index

    def from_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        """Load story rows (e.g. the active stories from the store) into the index."""
        for row in rows:
            story = Story.from_row(row, self.terms)
            self.stories[story.id] = story
            self._reindex(story)

    def __len__(self) -> int:
        return len(self.stories)

    # ---- internals --------------------------------------------------------------------------------

    def _story_of_original(self, original: str) -> str | None:
        sid = self.items.get(original)
        if sid is None and self.story_of is not None:
            sid = self.story_of(original)
        return None if sid is None else self.resolve(sid)

    def _load_story(self, sid: str) -> Story | None:
        row = self.story_row(sid) if self.story_row is not None else None
        if row is None:
            return None
        self.from_rows([row])
        return self.stories.get(row["id"])

    def _new_story(self, item: Item, vec: ItemVectors, arrays: tuple[Arrays, ...] | None = None) -> Story:
        self.n_created += 1
        story = Story(
            id=self.id_factory(self.n_created),
            terms=self.terms,
            label=(item.title or "")[:200],
            created=self.clock,
        )
        self.stories[story.id] = story
        self._add(story, vec, arrays)
        return story

    def new_story(self, story_id: str) -> Story:
        """An empty story using this index's term ids (not yet in the index; benches build them)."""
        return Story(id=story_id, terms=self.terms, created=self.clock)

    def _add(self, story: Story, vec: ItemVectors, arrays: tuple[Arrays, ...] | None = None) -> None:
        story.add(vec, self.clock, arrays or self.terms.item(vec))
        self._reindex(story)

    def _restart_terms(self) -> None:
        # ids of terms outside the IDF table only grow; past the limit the index starts them again with
        # only the terms its stories still hold (bounded memory on an endless stream; same vectors)
        old, new = self.terms, Terms(self.idf)
        for story in self.stories.values():
            story.remap(old, new)
        self._terms = new
        # posting keys are term ids: index the stories again under the new ones
        self.postings, self._indexed = {}, {}
        for story in self.stories.values():
            self._reindex(story)
        self._restart_at = 2 * len(new.extra_terms)  # never again soon if the stories hold that many

    def _merge(self, keep: Story, other: Story, prob: float, ts: float | None) -> Story:
        # the older story keeps its id: people have already seen and linked it
        if other.created < keep.created:
            keep, other = other, keep
        keep.absorb(other, self.clock)
        self._drop(other.id)
        self._reindex(keep)
        self._merged_into[other.id] = keep.id
        if self.keep_records:
            self.merges.append(
                {"from": other.id, "into": keep.id, "at": ts, "clock": self.clock, "p": round(prob, 4)}
            )
        return keep

    def _reindex(self, story: Story) -> None:
        num = story.num
        if self._by_num.get(num) is not story:
            num = story.num = self._next_num
            self._next_num += 1
            self._by_num[num] = story
        new = story.index_keys()
        old = self._indexed.get(story.id, set())
        postings = self.postings
        for t in old - new:
            posting = postings.get(t)
            if posting is not None:
                posting.pop(num, None)
                if not posting:
                    del postings[t]
        for t in new - old:
            posting = postings.get(t)
            if posting is None:
                postings[t] = {num: None}
            else:
                posting[num] = None
        self._indexed[story.id] = new

    def _drop(self, sid: str) -> None:
        story = self.stories.pop(sid, None)
        num = story.num if story is not None else -1
        for t in self._indexed.pop(sid, set()):
            posting = self.postings.get(t)
            if posting is not None:
                posting.pop(num, None)
                if not posting:
                    del self.postings[t]
        if story is not None and self._by_num.get(num) is story:
            del self._by_num[num]

    def _remember(self, key: str | None, sid: str) -> None:
        if key is None:
            return
        self.items[key] = sid
        while len(self.items) > self.max_item_memory:
            self.items.popitem(last=False)

    def _evict_if_needed(self) -> None:
        # by event time: at most once per event-day (cheap), so stories idle > max_idle_days + 1 day are gone
        if self.now is not None and (self._last_evict is None or self.now - self._last_evict >= 86400.0):
            self._last_evict = self.now
            horizon = self.now - self.max_idle_days * 86400.0
            idle = [s.id for s in self.stories.values() if s.last_seen is not None and s.last_seen < horizon]
            for sid in idle:
                self._evict(self.stories[sid])
        if len(self.stories) > self.max_stories:
            excess = len(self.stories) - int(self.max_stories * 0.9)
            for story in sorted(self.stories.values(), key=lambda s: s.touched)[:excess]:
                self._evict(story)

    def _evict(self, story: Story) -> None:
        if self.keep_records:
            self._evicted.append(story.to_row())
        self._drop(story.id)


class StoriesStage:
    """Ordered pipeline stage: ``item.story_id`` from a shared ``StoryIndex`` (every item gets one)."""

    name = "stories"

    def __init__(self, index: StoryIndex | None = None) -> None:
        self.index = index or StoryIndex()
        self.version = f"stories-1/{self.index.model.version}"

    def __call__(self, item: Item) -> Item:
        item.story_id = self.index.assign(item)
        item.model_version[self.name] = self.version
        return item
