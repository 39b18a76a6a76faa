"""Text views of an item for story detection: syllable n-grams over folded text, plus names.

No segmenter: a Vietnamese word is one to three syllables, so syllable unigrams + bigrams carry most
of what word tokens would, at a fraction of the cost (see docs/stories.md).

Three views (after Miranda et al., EMNLP 2018, who used title / body / entities):
- ``title``: the title (and lead/sapo when the source gives one), unigrams + bigrams;
- ``body``: title + the first ``BODY_TOKENS`` syllables of the text, unigrams + bigrams;
- ``names``: runs of capitalised syllables in the original text ("Phnom Penh", "Bộ Y tế"), folded.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat
from operator import itemgetter, mul, truediv

from tinhhinh.nlp.marks import DF_PATH, document_frequencies
from tinhhinh.nlp.normalize import fold, tokens

BODY_TOKENS = 400
IDF_PATH = DF_PATH

# Sentence-ish chunks, then words or single punctuation marks (punctuation ends a name run).
_TOK_RE = re.compile(r"[^\W_]+|[^\w \t]", re.UNICODE)
_SENT_MARKS = frozenset('.!?:;"“”…\n([]')


def ngrams(toks: list[str]) -> Counter[str]:
    """Syllable unigrams and bigrams (bigrams joined by a space)."""
    counts: Counter[str] = Counter(toks)
    counts.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
    return counts


def names(text: str, limit: int = 2500) -> Counter[str]:
    """Runs of capitalised syllables, folded; one-syllable runs only when not sentence-initial.

    Why: names of people, places and bodies are the strongest "same event" evidence between two reports,
    and capitalisation is a cheap, segmenter-free signal of them in edited news text.
    """
    out: Counter[str] = Counter()
    run: list[str] = []
    initial = True  # the current run starts a sentence
    at_start = True  # the next word starts a sentence
    for tok in _TOK_RE.findall(text[:limit]):
        if tok[0].isupper():
            if not run:
                initial = at_start
            run.append(tok)
            at_start = False
            continue
        if run:
            _flush(run, initial, out)
            run = []
        at_start = tok in _SENT_MARKS if not tok[0].isalnum() else False
    if run:
        _flush(run, initial, out)
    return out


def _flush(run: list[str], initial: bool, out: Counter[str]) -> None:
    if len(run) == 1 and initial and not run[0].isupper():
        return  # a sentence-initial capital says nothing
    out[fold(" ".join(run[:6]))] += 1


def title_view(title: str, lead: str = "") -> Counter[str]:
    return ngrams(tokens(fold(f"{title}\n{lead}")))


def body_view(title: str, text: str) -> Counter[str]:
    toks = tokens(fold(title)) + tokens(fold(text))[:BODY_TOKENS]
    return ngrams(toks)


class Idf:
    """Document frequencies from a reference corpus (shipped), optionally updated online.

    Terms missing from the table get the IDF of a term seen once: unseen names are the best evidence.
    """

    def __init__(self, df: dict[str, int] | None = None, n_docs: int = 1) -> None:
        self.df = df or {}
        self.n_docs = max(1, n_docs)
        self._table: tuple[dict[str, float], float] | None = None
        self._ids: dict[str, int] | None = None
        self._terms: list[str] | None = None
        self._by_id: list[float] | None = None

    @classmethod
    @lru_cache(maxsize=1)
    def shipped(cls) -> Idf:
        # the same table (and dict) `nlp.marks` reads to put marks back: parsed once per process
        return cls(*document_frequencies(IDF_PATH))

    def __call__(self, term: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(term, 1) + 1)) + 1.0

    def weights(self, terms: list[str]) -> list[float]:
        log_n = math.log(self.n_docs + 1) + 1.0
        get = self.df.get
        return [log_n - _log1p_cache(get(t, 1)) for t in terms]

    def table(self) -> tuple[dict[str, float], float]:
        """(term -> weight, weight of an unseen term): the same floats as ``weights``, looked up in C.

        Built once per process (the shipped table is loaded before analyze's workers fork, so they share it).
        """
        if self._table is None or len(self._table[0]) != len(self.df):
            log_n = math.log(self.n_docs + 1) + 1.0
            by_df = {d: log_n - _log1p_cache(d) for d in set(self.df.values())}
            self._table = (
                dict(zip(self.df, map(by_df.__getitem__, self.df.values()), strict=True)),
                log_n - _log1p_cache(1),
            )
        return self._table

    def ids(self) -> dict[str, int]:
        """term -> id, the table's order: the same ids in every process that loads the same table (the
        story scorer's arrays use them; a term outside the table has no id here)."""
        if self._ids is None or len(self._ids) != len(self.df):
            self._ids = dict(zip(self.df, range(len(self.df)), strict=True))
        return self._ids

    def terms(self) -> list[str]:
        """The table's terms in id order."""
        if self._terms is None or len(self._terms) != len(self.df):
            self._terms = list(self.df)
        return self._terms

    def weights_by_id(self) -> list[float]:
        """``table()``'s weights in id order (the same floats), then the unseen-term weight: index -1,
        the id a term outside the table gets, reads it."""
        if self._by_id is None or len(self._by_id) != len(self.df) + 1:
            table, unseen = self.table()
            self._by_id = [*map(table.__getitem__, self.df), unseen]
        return self._by_id

    @classmethod
    def shipped_key(cls) -> tuple[int, int] | None:
        """``ids_key`` of the shipped table if it is loaded in this process (None if not)."""
        return cls.shipped().ids_key() if cls.shipped.cache_info().currsize else None

    def ids_key(self) -> tuple[int, int]:
        """Tells two tables' ids apart (vectors made with another table are re-mapped by name)."""
        return (self.n_docs, len(self.df))

    def cached(self) -> CachedIdf:
        return CachedIdf(self)


class CachedIdf(Idf):
    """The same weights, memoised for one item (its views share most terms)."""

    def __init__(self, base: Idf) -> None:
        self.df = base.df
        self.n_docs = base.n_docs
        self._table = None
        self._ids = None
        self._terms = None
        self._by_id = None
        self._memo: dict[str, float] = {}

    def weights(self, terms: list[str]) -> list[float]:
        memo = self._memo
        missing = [t for t in terms if t not in memo]
        if missing:
            memo.update(zip(missing, Idf.weights(self, missing), strict=True))
        return [memo[t] for t in terms]


@lru_cache(maxsize=100_000)
def _log1p_cache(df: int) -> float:
    return math.log(df + 1)


def weigh(counts: Counter[str], idf: Idf, top_k: int | None = None) -> dict[str, float]:
    """Sublinear TF x IDF, L2-normalised, optionally truncated to the ``top_k`` heaviest terms."""
    terms = list(counts)
    vec = {
        t: (1.0 + _log_tf(c)) * w for t, c, w in zip(terms, counts.values(), idf.weights(terms), strict=True)
    }
    if top_k is not None and len(vec) > top_k:
        vec = dict(sorted(vec.items(), key=itemgetter(1), reverse=True)[:top_k])
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


@lru_cache(maxsize=1024)
def _log_tf(c: int) -> float:
    return math.log(c)


_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 4096)]  # 1 + log(tf), the same floats as in ``weigh``


def weigh_known(
    counts: Counter[str], weight: Callable[[str], float], top_k: int | None = None
) -> dict[str, float]:
    """``weigh`` with the IDF weight of each term given by ``weight`` (C-level maps, identical floats).

    Same arithmetic in the same order as ``weigh``: (1 + log tf) * idf, truncation by a stable sort,
    the norm summed in the vector's order.
    """
    terms = list(counts)
    try:
        tfs = list(map(_TF.__getitem__, counts.values()))
    except IndexError:  # a term seen 4,096 times or more: never in one news article, but stay correct
        tfs = [1.0 + _log_tf(c) for c in counts.values()]
    vals = list(map(mul, tfs, map(weight, terms)))
    if top_k is not None and len(terms) > top_k:
        top = sorted(zip(terms, vals, strict=True), key=itemgetter(1), reverse=True)[:top_k]
        terms = [t for t, _ in top]
        vals = [v for _, v in top]
    norm = math.sqrt(sum(map(mul, vals, vals))) or 1.0
    return dict(zip(terms, map(truediv, vals, repeat(norm)), strict=True))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # key-view intersection and the products run in C: several times faster than a loop over the terms
    common = a.keys() & b.keys()
    return sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))
