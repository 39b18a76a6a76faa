"""Per-record part of story detection, for the parallel workers.

Turning an item into its TF-IDF views (fold, n-grams, IDF lookups, names) is most of what assigning it
to a story costs and needs nothing but the item, so the workers do it; the ordered stage then only
retrieves candidates and decides. ``story_vectors(item)`` gives exactly what ``StoryIndex.assign``
would compute itself (``vectorize``, the same shipped IDF), so results do not depend on where it ran.

In the workers the other stages have already cut and folded the text (``nlp.textview``): when the
view's folded words are the tokens ``vectorize`` would make, the views are computed from them with
numpy (terms by integer keys, one IDF lookup per distinct unigram through a ``Column`` and one per
distinct bigram string), to the same arrays, in the same order, with the same floats; otherwise
(text the view cannot vouch for, a cut word at ``vectorize``'s 4,000-character limit) ``vectorize``
itself runs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import repeat
from typing import Any

import numpy as np

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold
from tinhhinh.nlp.textview import WORDS, Column, text_view
from tinhhinh.stories.features import _SENT_MARKS, _TF, Idf, names, weigh_known
from tinhhinh.stories.index import BODY_TOKENS, HEADLINE_TOKENS, ItemVectors, to_epoch, vectorize

EXTRA_KEY = "story_vectors"  # where analyze's Entry carries them (``Entry.extra``)
_TEXT_LIMIT = 4000  # vectorize reads item.text[:4000]


def story_vectors(item: Item) -> ItemVectors:
    """The item's story views, computed with the shipped IDF (loaded once per process)."""
    idf = Idf.shipped()
    title, text = item.title, item.text
    if isinstance(title, str) and isinstance(text, str) and not text_view(title, text).typed_without_marks:
        vec = _from_view(item, title, text, idf)
        if vec is not None:
            return vec
    return vectorize(item, idf)  # (which puts the marks back on text typed without them)


def warm_up() -> None:
    """Load the shipped IDF, its weight table and term ids now (e.g. before worker processes fork, to share them)."""
    idf = Idf.shipped()
    idf.table()
    idf.ids()
    idf.weights_by_id()
    _Tables.get(idf)


class _FoldIds:
    """``Column`` function: a small id per distinct folded word (``WORDS`` ids of words that fold alike
    share it), so n-grams are counted by integer keys. Forgotten with ``WORDS``' ids."""

    def __init__(self) -> None:
        self.generation = -1
        self.ids: dict[str, int] = {}

    def __call__(self, words: list[str], folds: list[str]) -> list[int]:
        if self.generation != WORDS.generation:  # the column refills from id 0 after a clear
            self.generation = WORDS.generation
            self.ids = {}
        ids = self.ids
        return [ids.setdefault(f, len(ids)) for f in folds]

    def __reduce__(self) -> Any:
        return (_FoldIds, ())


class _TableIds:
    """``Column`` function: the shipped IDF table's id of each folded word (-1 outside the table)."""

    def __call__(self, words: list[str], folds: list[str]) -> list[int]:
        return list(map(Idf.shipped().ids().get, folds, repeat(-1)))


_FOLD_ID = Column(_FoldIds(), np.int64, batch=True)
_TABLE_ID = Column(_TableIds(), np.int32, batch=True)
_TF_ARRAY = np.array(_TF)
_CAPITAL = Column(lambda words, folds: [w[0].isupper() for w in words], bool, batch=True)
_ALL_CAPS = Column(lambda words, folds: [w.isupper() for w in words], bool, batch=True)
_NAMES_LIMIT = 2500  # names() reads this much of f"{title}\n{text}"
# the characters outside words that are upper case (isupper() and not \w: circled and squared
# letters); names() would count them in a run: such texts take names() itself
_UPPER_SYMBOL = re.compile("[\u24b6-\u24cf\U0001f130-\U0001f149\U0001f150-\U0001f169\U0001f170-\U0001f189]")
_NOT_TOKENS = " \t_"  # what names()' tokeniser skips between words (everything else there is a token)


class _Tables:
    """The shipped table's weights as a numpy array (index -1: the unseen-term weight), made once."""

    _cache: tuple[Any, np.ndarray] | None = None

    @classmethod
    def get(cls, idf: Idf) -> np.ndarray:
        if cls._cache is None or cls._cache[0] != idf.ids_key():
            cls._cache = (idf.ids_key(), np.array(idf.weights_by_id()))
        return cls._cache[1]


class _Distinct:
    """The distinct keys of an integer array in order of first occurrence (a ``Counter``'s keys), and
    for any prefix of the array the ones it holds and their counts (a ``Counter`` of that prefix)."""

    __slots__ = ("first", "rank", "ngroups", "sorted_first", "group_of")

    def __init__(self, keys: np.ndarray) -> None:
        n = len(keys)
        order = keys.argsort(kind="stable")  # a group's first member in sorted order is its first occurrence
        s = keys[order]
        head = np.empty(n, dtype=bool)
        head[:1] = True
        np.not_equal(s[1:], s[:-1], out=head[1:])
        group = np.cumsum(head) - 1
        self.first = order[head]  # per group (sorted-key order): position of the first occurrence
        self.ngroups = len(self.first)
        by_first = np.argsort(self.first)  # groups in order of first occurrence
        self.sorted_first = self.first[by_first]
        rank_of_group = np.empty(self.ngroups, dtype=np.intp)
        rank_of_group[by_first] = np.arange(self.ngroups)
        self.rank = np.empty(n, dtype=np.intp)
        self.rank[order] = rank_of_group[group]  # per position: its key's rank in first-occurrence order
        self.group_of = np.empty(n, dtype=np.intp)
        self.group_of[order] = group

    def group(self) -> np.ndarray:
        """Per position: its key's group (index into ``first``)."""
        return self.group_of

    def prefix(self, m: int) -> tuple[np.ndarray, np.ndarray]:
        """For ``keys[:m]``: first-occurrence positions of its distinct keys, in order, and their counts."""
        k = int(np.searchsorted(self.sorted_first, m))
        return self.sorted_first[:k], np.bincount(self.rank[:m], minlength=k)


def _from_view(item: Item, title: str, text: str, idf: Idf) -> ItemVectors | None:
    view = text_view(title, text)
    wids = view.ids
    if wids is None or not view.words_are_tokens:
        return None  # folded words may differ from fold()'s tokens: vectorize does it
    n_title = view.n_title
    n_text = min(len(wids) - n_title, BODY_TOKENS)
    n = n_title + n_text
    if n < 2:
        return None
    if len(text) > _TEXT_LIMIT:
        # vectorize tokenises text[:4000]: the same words when the last one it keeps ends before the cut
        if n_text < BODY_TOKENS:
            return None
        start = len(title) + 1 if title else 0
        if sum(map(len, view.parts[: 2 * n])) - start > _TEXT_LIMIT:
            return None
    body_ids = wids[:n]
    fid = _FOLD_ID.take(body_ids)
    tid_uni = _TABLE_ID.take(body_ids).astype(np.int64)
    bikeys = (fid[:-1] << 32) | fid[1:]
    uni, bi = _Distinct(fid), _Distinct(bikeys)
    # each distinct bigram's string, looked up once in the table (group order, then per position)
    folded = WORDS.folded
    wl = body_ids.tolist()
    bstr = [f"{folded[wl[p]]} {folded[wl[p + 1]]}" for p in bi.first.tolist()]
    bgroup = bi.group()
    tid_bi = np.fromiter(map(idf.ids().get, bstr, repeat(-1)), dtype=np.int64, count=len(bstr))[bgroup]
    by_id = _Tables.get(idf)

    def counted(m: int, top_k: int | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
        # the view of the first m words: unigrams then bigrams, each in order of first occurrence
        uf, uc = uni.prefix(m)
        bf, bc = bi.prefix(max(0, m - 1))
        tids = np.concatenate((tid_uni[uf], tid_bi[bf]))
        counts = np.concatenate((uc, bc))
        if counts.size and counts.max() >= len(_TF):
            raise _Fallback
        # where each term comes from: a unigram position p as p, a bigram position p as ~p
        where = np.concatenate((uf, ~bf))
        vals = _TF_ARRAY[counts] * by_id[tids]
        if top_k is not None and len(vals) > top_k:
            order = np.argsort(-vals, kind="stable")[:top_k]
            tids, vals, where = tids[order], vals[order], where[order]
        norm = math.sqrt(sum((vals * vals).tolist())) or 1.0
        unseen = [folded[wl[p]] if p >= 0 else bstr[bgroup[~p]] for p in where[tids < 0].tolist()]
        return tids.astype(np.int32), vals / norm, unseen

    try:
        title_v = counted(min(n_title, HEADLINE_TOKENS))
        head_v = counted(min(n, HEADLINE_TOKENS))
        body_v = counted(n, top_k=400)
    except _Fallback:
        return None
    found = _names(view, title, text)
    if found is None:
        found = names(f"{title}\n{text[:_TEXT_LIMIT]}")
    names_vec = weigh_known(found, lambda t, g=idf.table(): g[0].get(t, g[1]), top_k=40)
    nk = list(names_vec)
    names_ids = np.fromiter(map(idf.ids().get, nk, repeat(-1)), dtype=np.int32, count=len(nk))
    names_v = (
        names_ids,
        np.fromiter(names_vec.values(), dtype=np.float64, count=len(nk)),
        [nk[i] for i in np.flatnonzero(names_ids < 0).tolist()],
    )
    vec = ItemVectors.__new__(ItemVectors)
    views = (title_v, head_v, body_v, names_v)
    # the term -> weight dicts are rebuilt from the arrays if someone asks (ItemVectors.__getattr__)
    vec.__setstate__(
        {
            "arrays": tuple((v[0], v[1]) for v in views),
            "ids_key": idf.ids_key(),
            "ts": to_epoch(item.published_at),
            "source": item.source or "",
            "_unseen": [v[2] for v in views],
        }
    )
    return vec


class _Fallback(Exception):
    pass


def _names(view: Any, title: str, text: str) -> Counter[str] | None:
    """``names(f"{title}\\n{text[:4000]}")`` from the view: the same runs of capitalised words, found by
    visiting only the capitalised words (``Column`` flags) and the gaps before them. None when the
    view cannot say (the caller runs ``names``)."""
    parts = view.parts
    # that string's first 2,500 characters are the content's (with no title, "\n" + the content: the
    # newline only starts a sentence, as the start of the text does)
    limit = _NAMES_LIMIT if title else _NAMES_LIMIT - 1
    if _UPPER_SYMBOL.search(view.content, 0, limit):
        return None
    partial = ""
    total = len(view.content)  # the parts, joined, are the content
    if total <= limit:
        m = len(parts) // 2
    else:
        # the first part reaching past the limit: from a guess in proportion, one join (C) and a few
        # steps, instead of every part's length (most of this function's time when it summed them)
        k = max(1, len(parts) * limit // total)
        end = len("".join(parts[:k]))  # where parts[:k] ends
        while end <= limit:
            end += len(parts[k])
            k += 1
        while end - len(parts[k - 1]) > limit:
            k -= 1
            end -= len(parts[k])
        j = k - 1  # the part [end - len(parts[j]), end) holds the limit
        m = j // 2  # words wholly inside
        if j % 2:
            partial = parts[j][: limit - (end - len(parts[j]))]  # a word cut at the limit
    wids = view.ids[:m]
    caps_at = np.flatnonzero(_CAPITAL.take(wids))
    all_caps = _ALL_CAPS.take(wids)
    folded, wl = WORDS.folded, view.ids_list
    out: Counter[str] = Counter()
    run: list[int] = []  # word indexes of the current run
    initial = False

    def flush() -> None:
        if len(run) == 1 and initial and not all_caps[run[0]]:
            return  # a sentence-initial capital says nothing
        out[" ".join([folded[wl[i]] for i in run[:6]])] += 1

    if len(caps_at):
        # the runs, found with numpy: a capitalised word joins the run of the one before it when that
        # is the word just before and nothing but spaces lies between them
        caps = caps_at.tolist()
        gaps = [parts[2 * i].strip(_NOT_TOKENS) for i in caps]
        starts_run = np.fromiter(map(bool, gaps), dtype=bool, count=len(caps))
        starts_run[0] = True
        starts_run[1:] |= np.diff(caps_at) != 1
        starts = np.flatnonzero(starts_run).tolist()
        lone_caps = all_caps[caps_at].tolist()
        keys: list[str] = []  # the runs' keys in order (a Counter of them counts as flush() did, same order)
        for s, e in zip(starts, starts[1:], strict=False):
            i, gap = caps[s], gaps[s]
            if e - s == 1:
                # " ".join of one word is that word
                if lone_caps[s] or not (gap[-1] in _SENT_MARKS if gap else i == 0):
                    keys.append(folded[wl[i]])
            else:
                keys.append(" ".join([folded[wl[j]] for j in caps[s : min(e, s + 6)]]))
        out.update(keys)
        s = starts[-1]  # the last run stays open: the word cut at the limit may continue it
        run = caps[s:]
        initial = gaps[s][-1] in _SENT_MARKS if gaps[s] else caps[s] == 0
    if partial and partial[0].isupper():
        gap = parts[2 * m].strip(_NOT_TOKENS)
        if run and run[-1] == m - 1 and not gap:
            if len(run) < 6:
                out[" ".join([*(folded[wl[i]] for i in run), fold(partial)])] += 1
            else:
                flush()
            return out
        if run:
            flush()
        initial = gap[-1] in _SENT_MARKS if gap else m == 0
        if not (initial and not partial.isupper()):
            out[fold(partial)] += 1
        return out
    if run:
        flush()
    return out
