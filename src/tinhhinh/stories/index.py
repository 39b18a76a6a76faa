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

import heapq
import json
import math
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import repeat
from operator import add as _plus
from operator import itemgetter, mul
from pathlib import Path
from typing import Any

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, tokens
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
_first_two = itemgetter(0, 1)


def _largest(n: int, items: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    # what heapq.nlargest(n, items, key=weight) returns (documented equal, ties included), with the sort in C
    return sorted(items, key=_weight, reverse=True)[:n]


@dataclass
class ItemVectors:
    title: dict[str, float]
    head: dict[str, float]
    body: dict[str, float]
    names: dict[str, float]
    ts: float | None
    source: str


@dataclass
class Story:
    id: str
    size: int = 0
    head: dict[str, float] = field(default_factory=dict)  # sum of unit item vectors (truncated)
    body: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    norms: dict[str, float] = field(default_factory=dict)
    first_seen: float | None = None
    last_seen: float | None = None
    sources: dict[str, int] = field(default_factory=dict)
    members: list[list[dict[str, float]]] = field(default_factory=list)  # [title, short body] per member
    label: str = ""  # the first item's title, for people
    created: int = 0  # logical clock: order of creation
    touched: int = 0  # logical clock: last item added

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
    def from_row(cls, row: dict[str, Any]) -> Story:
        story = cls(
            id=row["id"],
            size=int(row["size"]),
            head=dict(row["head"]),
            body=dict(row["body"]),
            names=dict(row["names"]),
            first_seen=row.get("first_seen"),
            last_seen=row.get("last_seen"),
            sources=dict(row.get("sources") or {}),
            members=[[dict(m[0]), dict(m[1])] for m in row.get("members", [])],
            label=row.get("label", ""),
            created=int(row.get("created", 0)),
            touched=int(row.get("touched", 0)),
        )
        story.renorm()
        return story

    def renorm(self) -> None:
        self.norms = {
            view: math.sqrt(sum(map(mul, vals, vals))) or 1.0
            for view in ("head", "body", "names")
            for vals in (list(getattr(self, view).values()),)
        }

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

    def add(self, vec: ItemVectors, clock: int) -> None:
        for view in ("head", "body", "names"):
            cent = getattr(self, view)
            add = getattr(vec, view)
            # cent[t] = cent.get(t, 0.0) + w for every term, in C (same sums, same key order)
            cent.update(zip(add, map(_plus, map(cent.get, add, repeat(0.0)), add.values()), strict=True))
            if len(cent) > TOP_K[view]:
                setattr(self, view, dict(sorted(cent.items(), key=_weight, reverse=True)[: TOP_K[view]]))
        self.size += 1
        if len(self.members) < MEMBERS:
            short = dict(_largest(MEMBER_BODY_TERMS, vec.body.items()))
            self.members.append([vec.title, short])
        if vec.ts is not None:
            self.first_seen = vec.ts if self.first_seen is None else min(self.first_seen, vec.ts)
            self.last_seen = vec.ts if self.last_seen is None else max(self.last_seen, vec.ts)
        if vec.source:
            self.sources[vec.source] = self.sources.get(vec.source, 0) + 1
        self.touched = clock
        self.renorm()

    def absorb(self, other: Story, clock: int) -> None:
        for view in ("head", "body", "names"):
            cent = getattr(self, view)
            for t, w in getattr(other, view).items():
                cent[t] = cent.get(t, 0.0) + w
            setattr(self, view, dict(sorted(cent.items(), key=_weight, reverse=True)[: TOP_K[view]]))
        self.size += other.size
        self.members = (self.members + other.members)[:MEMBERS]
        for ts in (other.first_seen, other.last_seen):
            if ts is not None:
                self.first_seen = ts if self.first_seen is None else min(self.first_seen, ts)
                self.last_seen = ts if self.last_seen is None else max(self.last_seen, ts)
        for src, n in other.sources.items():
            self.sources[src] = self.sources.get(src, 0) + n
        self.touched = clock
        self.renorm()

    def index_terms(self) -> set[str]:
        top = _largest(INDEX_TERMS, self.body.items())
        terms = {t for t, _ in top}
        terms.update(f"@{t}" for t in list(self.names)[:10])
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

    def prob_list(self, feats: list[float]) -> float:
        """``prob`` of the features as a list in ``FEATURES`` order: the same products, summed in the same
        order from the intercept, with the per-term loop in C."""
        f = [*feats, 1.0, 0.0]
        get = f.__getitem__
        z = sum(map(mul, map(mul, self._w, map(get, self._a)), map(get, self._b)), self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def feature_list(story: Story, vec: ItemVectors) -> list[float]:
    """``features`` as a list in ``FEATURES`` order (the same floats; no dict per candidate)."""
    gap = story.gap_hours(vec.ts)
    norms = story.norms
    head = story.head
    if vec.head and head:
        ch = cosine(vec.head, head) / norms.get("head", 1.0)
    else:
        ch = 0.0
    cb = story.sim("body", vec.body)
    members = story.members
    title, body = vec.title, vec.body
    return [
        ch,
        cb,
        story.sim("names", vec.names),
        math.log1p(gap) if gap is not None else 0.0,
        1.0 if gap is None else 0.0,
        math.log(story.size) if story.size > 0 else 0.0,
        ch * cb,
        max([cosine(title, m[0]) for m in members]) if members else 0.0,
        max([cosine(body, m[1]) for m in members]) if members else 0.0,
        cosine(title, head) / norms.get("head", 1.0) if title and head else 0.0,
    ]


def features(story: Story, vec: ItemVectors) -> dict[str, float]:
    gap = story.gap_hours(vec.ts)
    ch = story.sim("head", vec.head)
    cb = story.sim("body", vec.body)
    return {
        "cos_head": ch,
        "cos_body": cb,
        "cos_names": story.sim("names", vec.names),
        "log_gap_h": math.log1p(gap) if gap is not None else 0.0,
        "no_time": 1.0 if gap is None else 0.0,
        "log_size": math.log(story.size) if story.size > 0 else 0.0,
        "cos_head_x_body": ch * cb,
        "max_title": max((cosine(vec.title, m[0]) for m in story.members), default=0.0),
        "max_body": max((cosine(vec.body, m[1]) for m in story.members), default=0.0),
        "cos_title_head": story.sim("head", vec.title),
    }


def vectorize(item: Item, idf: Idf) -> ItemVectors:
    """The three views of an item as unit TF-IDF vectors."""
    text = (item.text or "")[:4000]  # ~BODY_TOKENS syllables are all we use; folding more is waste
    head_toks = tokens(fold(item.title))
    text_toks = tokens(fold(text))
    n_title = min(len(head_toks), HEADLINE_TOKENS)
    body = head_toks + text_toks[:BODY_TOKENS]
    # title and head are prefixes of body: their n-grams are the body's first ones, so the bigram strings
    # are built once and shared (pickled once, too), and every IDF weight is looked up once, in C
    n_head = min(len(body), HEADLINE_TOKENS)
    bigrams = [f"{a} {b}" for a, b in zip(body, body[1:], strict=False)]
    table, unseen = idf.table()
    body_counts = Counter(body)
    body_counts.update(bigrams)
    terms = list(body_counts)
    weight = dict(zip(terms, map(table.get, terms, repeat(unseen)), strict=True)).__getitem__
    return ItemVectors(
        title=weigh_known(_prefix_counts(body, bigrams, n_title), weight),
        head=weigh_known(_prefix_counts(body, bigrams, n_head), weight),
        body=weigh_known(body_counts, weight, top_k=400),
        names=weigh_known(names(f"{item.title}\n{text}"), lambda t: table.get(t, unseen), top_k=40),
        ts=to_epoch(item.published_at),
        source=item.source or "",
    )


def _prefix_counts(toks: list[str], bigrams: list[str], n: int) -> Counter[str]:
    """``ngrams(toks[:n])`` from precomputed bigrams (same terms, same order)."""
    counts = Counter(toks[:n])
    counts.update(bigrams[: max(0, n - 1)])
    return counts


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
        max_item_memory: int = 500_000,
    ) -> None:
        self.model = model or StoryModel.shipped()
        # loaded on first use: with vectors from analyze's workers this process never needs it
        self._idf = idf
        self.max_idle_days = max_idle_days
        self.max_stories = max_stories
        self.id_factory = id_factory or (lambda n: f"s-{uuid.uuid4().hex[:16]}")
        self.story_of = story_of  # the store's lookup of an item's story, for copies of evicted items
        self.max_item_memory = max_item_memory
        self.stories: dict[str, Story] = {}
        self.postings: dict[str, set[str]] = {}
        self._indexed: dict[str, set[str]] = {}
        self.items: OrderedDict[str, str] = OrderedDict()  # item key -> story id (recent items only)
        self.merges: list[dict[str, Any]] = []
        self._merged_into: dict[str, str] = {}
        self.clock = 0
        self.n_created = 0
        self.now: float | None = None  # latest event time seen
        self._evicted: list[dict[str, Any]] = []
        self._last_evict: float | None = None

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
        if item.dup_of:
            sid = self._story_of_original(item.dup_of)
            if sid is not None:
                self._add(self.stories[sid], vec)
                self._remember(key, sid)
                return sid
        scored = self.score(vec)
        best = scored[0] if scored else None
        if best is not None and best[0] >= self.model.threshold:
            story = self.stories[best[1]]
            self._add(story, vec)
            if len(scored) > 1 and scored[1][0] >= self.model.merge_threshold:
                story = self._merge(story, self.stories[scored[1][1]], scored[1][0], vec.ts)
        else:
            story = self._new_story(item, vec)
        self._remember(key, story.id)
        self._evict_if_needed()
        return story.id

    def score(self, vec: ItemVectors) -> list[tuple[float, str]]:
        """(P(same story), story id) for the retrieved candidates, best first."""
        stories, prob = self.stories, self.model.prob_list
        out = [(prob(feature_list(stories[sid], vec)), sid) for sid in self.candidates(vec)]
        out.sort(key=lambda ps: (-ps[0], stories[ps[1]].created))
        return out

    def candidates(self, vec: ItemVectors, limit: int = CANDIDATES) -> list[str]:
        """The ``limit`` stories sharing the most query weight with the item (deterministic order).

        Posting lists are walked rarest first under a budget of ``POSTING_BUDGET`` visited entries:
        rare terms (names, specific phrases) are the evidence that tells stories apart, and a term found
        in hundreds of stories adds cost without adding information. At 100k stories this bounds the walk.
        """
        postings = self.postings
        query = _largest(QUERY_TERMS, vec.body.items())
        query += [(f"@{t}", w) for t, w in vec.names.items()]
        lists = []
        for term, w in query:
            posting = postings.get(term)
            if posting and len(posting) <= MAX_POSTING:
                lists.append((len(posting), term, w, posting))
        lists.sort(key=_first_two)
        acc: dict[str, float] = {}
        budget = POSTING_BUDGET
        for n, _, w, posting in lists:
            if n > budget:
                break
            budget -= n
            # acc[sid] = acc.get(sid, 0.0) + w for every story of the posting, in C (a set is iterated in
            # the same order twice while unchanged)
            acc.update(zip(posting, map(_plus, map(acc.get, posting, repeat(0.0)), repeat(w)), strict=False))
        if len(acc) <= limit:
            return sorted(acc)
        # the limit-th best score, then ties broken by id: set order follows the hash seed, ids do not
        cut = heapq.nlargest(limit, acc.values())[-1]
        best = [s for s, a in acc.items() if a >= cut]
        best.sort(key=lambda s: (-acc[s], s))
        return best[:limit]

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
            story = Story.from_row(row)
            self.stories[story.id] = story
            self._reindex(story)

    def __len__(self) -> int:
        return len(self.stories)

    # ---- internals --------------------------------------------------------------------------------

    def _story_of_original(self, original: str) -> str | None:
        sid = self.items.get(original)
        if sid is None and self.story_of is not None:
            sid = self.story_of(original)
        if sid is None:
            return None
        sid = self.resolve(sid)
        return sid if sid in self.stories else None

    def _new_story(self, item: Item, vec: ItemVectors) -> Story:
        self.n_created += 1
        story = Story(id=self.id_factory(self.n_created), label=(item.title or "")[:200], created=self.clock)
        self.stories[story.id] = story
        self._add(story, vec)
        return story

    def _add(self, story: Story, vec: ItemVectors) -> None:
        story.add(vec, self.clock)
        self._reindex(story)

    def _merge(self, keep: Story, other: Story, prob: float, ts: float | None) -> Story:
        # the older story keeps its id: people have already seen and linked it
        if other.created < keep.created:
            keep, other = other, keep
        keep.absorb(other, self.clock)
        self._drop(other.id)
        self._reindex(keep)
        self._merged_into[other.id] = keep.id
        self.merges.append(
            {"from": other.id, "into": keep.id, "at": ts, "clock": self.clock, "p": round(prob, 4)}
        )
        return keep

    def _reindex(self, story: Story) -> None:
        new = story.index_terms()
        old = self._indexed.get(story.id, set())
        for t in old - new:
            posting = self.postings.get(t)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self.postings[t]
        for t in new - old:
            self.postings.setdefault(t, set()).add(story.id)
        self._indexed[story.id] = new

    def _drop(self, sid: str) -> None:
        for t in self._indexed.pop(sid, set()):
            posting = self.postings.get(t)
            if posting is not None:
                posting.discard(sid)
                if not posting:
                    del self.postings[t]
        self.stories.pop(sid, None)

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
                self._evicted.append(self.stories[sid].to_row())
                self._drop(sid)
        if len(self.stories) > self.max_stories:
            excess = len(self.stories) - int(self.max_stories * 0.9)
            for story in sorted(self.stories.values(), key=lambda s: s.touched)[:excess]:
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
