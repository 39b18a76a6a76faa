"""Copies: which earlier item an item repeats (same text or nearly the same).

An ordered stage helper. ``CopyDetector.add(key, text, published_at)`` returns the key of the
group's canonical item (the earliest by ``published_at``, else the first seen) or ``None``.

- Exact copies (same folded word sequence) are always found through a hash.
- Near copies: a 128-value similarity sketch over 3-word shingles of the folded text, LSH for
  candidates, then the estimated Jaccard similarity (the share of equal values) must reach ``threshold``.
- Signature scheme 3 (``VERSION``). Each distinct folded word is hashed once per process (8-byte
  BLAKE2b, remembered in a bounded memo); a shingle's 64-bit hash is mixed arithmetically from its
  three word hashes in numpy. The sketch is Fast Similarity Sketching (Dahlgaard, Knudsen, Thorup,
  FOCS 2017): in round ``j`` every shingle drops the value ``j + h_j(shingle)`` into one of 128 bins
  (bin ``(u + j v) mod 128``, ``v`` odd, so in 128 rounds a shingle visits every bin) and each bin keeps
  its smallest value; rounds stop once every bin holds one, as later rounds cannot beat it. For an
  article one or two rounds fill the bins: O(shingles + 128 log 128) work instead of MinHash's
  shingles x 128. Equal bins are as likely as under MinHash (unbiased for Jaccard similarity), with a
  smaller spread (``docs/nlp.md``). Scheme 1 (until 27 Nov 2026) was datasketch's MinHash of SHA-1
  hashed shingle strings (528 bytes); scheme 2 (one commit, 194565f) that MinHash over the mixed
  shingle hashes. The exact-copy hash (the first 16 bytes) is the same in all schemes. A signature
  is 529 bytes: exact hash, 128 x uint32 (the low 32 bits of each bin's value), a scheme byte.
  ``add_signature`` refuses other schemes (``is_current``); the store recomputes older signatures
  from the item's text.
- Bounded window: at most ``window`` entries; the oldest *seen* entry is evicted first. Memory
  per entry is about 8.4 KB (measured by ``bench/copies_eval.py`` at threshold 0.5): the 512-byte
  signature is small, the LSH band tables (one bucket key per band) dominate. The default window
  of 50,000 items therefore needs about 420 MB.
- Threshold 0.4 (default): on planted near-copies of VNTC articles precision 0.988, recall 0.960
  (scheme 1: 0.988, 0.957; over four disjoint slices 0.989 / 0.959 against 0.988 / 0.960;
  ``docs/nlp.md``).

Order: input need not be in time order. When an item arrives that is earlier than the canonical
of the group it joins, it becomes the group's canonical and ``add`` returns ``None`` for it; the
records already emitted keep pointing at the previous canonical, which points at nothing. To let
the store repair them, ``add`` records the change: ``repointed()`` returns (and clears) the list of
``(old_canonical_key, new_canonical_key)`` pairs; the store sets ``dup_of = new`` for every item
whose ``dup_of`` was ``old`` and for the item ``old`` itself. Within the window, the canonical of a group is therefore
always the earliest member seen so far: the earliest published, a dated member before any undated one, and
arrival only between undated members or equal times (``_earlier``).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from datetime import datetime
from typing import Any

import numpy as np

from tinhhinh.nlp.normalize import folded_tokens
from tinhhinh.nlp.textview import Column, Memo

NUM_PERM = 128  # values (bins) per signature
SHINGLE = 3
DEFAULT_THRESHOLD = 0.4
DEFAULT_WINDOW = 50_000
# model_version["copies"]: the signature scheme and the threshold
VERSION = f"fss3-128/j{DEFAULT_THRESHOLD}"
_SIG_BYTES = NUM_PERM * 4
_TAG = b"\x03"  # signature scheme 3, the last byte of a signature
SIG_LEN = 16 + _SIG_BYTES + len(_TAG)
_OLD_LEN = 16 + _SIG_BYTES  # scheme 1: no scheme byte
_U32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1
# Odd multipliers that weight the three word hashes of a shingle by position (word order matters);
# the sum is then mixed with MurmurHash3's 64-bit finalizer.
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
_FMIX = (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53)
_ROUND = 0xD6E8FEB86659FD93  # added once per round before mixing: a fresh value per round
# rounds are computed in batches of at least this many (shingle, round) pairs: for an article of
# a few hundred shingles the first batch almost always fills all bins
_BATCH = 1024


def _word_hash(word: str) -> int:
    # stable across processes and runs (Python's own hash() is salted per process)
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


_WORD_HASH = Memo(_word_hash)


def _word_hashes(words: list[str], folded: list[str]) -> np.ndarray:
    return np.fromiter(map(_word_hash, folded), dtype=np.uint64, count=len(folded))


# the same hash per word of the shared word table (``TextView.ids``): one numpy gather per text
# instead of a memo lookup per word
_WORD_HASH_BY_ID = Column(_word_hashes, np.uint64, batch=True)
_EMPTY = np.full(NUM_PERM, _U32, dtype=np.uint32)
_C1, _C2, _C3 = (np.uint64(c) for c in _MIX)
_F1, _F2 = (np.uint64(c) for c in _FMIX)
_S33, _S32 = np.uint64(33), np.uint64(32)
_BINS = np.uint64(NUM_PERM - 1)
_S7 = np.uint64(7)
_ONE = np.uint64(1)
_J = np.arange(NUM_PERM, dtype=np.uint64)  # round numbers
_J_ROUND = _J * np.uint64(_ROUND)
_J_HIGH = _J << _S32  # a round's values start at j * 2^32: earlier rounds always win
_NONE = np.uint64(_M64)


def exact_hash(text: str) -> bytes:
    return hashlib.blake2b(" ".join(folded_tokens(text or "")).encode("utf-8"), digest_size=16).digest()


def _fmix64(x: np.ndarray) -> np.ndarray:
    x ^= x >> _S33
    x *= _F1
    x ^= x >> _S33
    x *= _F2
    x ^= x >> _S33
    return x


def _shingle_hashes(words: list[str], h: np.ndarray | None = None) -> np.ndarray:
    """uint64 hash of each 3-word shingle (in text order; repeats kept: a bin's minimum ignores them).

    Fewer than 3 words make one shingle, the missing word hashes taken as 0. ``h``: the words'
    hashes when the caller has them (``_WORD_HASH_BY_ID``)."""
    n = len(words)
    if h is None:
        h = np.fromiter(map(_WORD_HASH.__getitem__, words), dtype=np.uint64, count=n)
    if n < SHINGLE:
        h = np.concatenate([h, np.zeros(SHINGLE - n, dtype=np.uint64)])
    x = h[:-2] * _C1
    x += h[1:-1] * _C2
    x += h[2:] * _C3
    return _fmix64(x)


def _sketch(g: np.ndarray) -> np.ndarray:
    """Fast Similarity Sketching of the shingle hashes ``g``: 128 bins, each the low 32 bits of its
    smallest value ``j * 2^32 + h_j`` over rounds ``j`` and the shingles that round puts in the bin."""
    n = len(g)
    start = (g & _BINS)[:, None]
    step = (((g >> _S7) & _BINS) | _ONE)[:, None]
    gc = g[:, None]
    best = np.full(NUM_PERM, _NONE, dtype=np.uint64)
    r0, r1 = 0, min(NUM_PERM, -(-_BATCH // n))
    while True:
        bins = start + _J[r0:r1] * step
        bins &= _BINS
        values = _fmix64(gc + _J_ROUND[r0:r1])
        values >>= _S32
        values |= _J_HIGH[r0:r1]
        np.minimum.at(best, bins.ravel().astype(np.intp), values.ravel())
        # a filled bin cannot improve in a later round; after round 127 every bin is filled
        if r1 >= NUM_PERM or best.max() != _NONE:
            return (best & np.uint64(_U32)).astype(np.uint32)
        r0, r1 = r1, min(NUM_PERM, 2 * r1)


def signature(text: str, words: list[str] | None = None, hashes: np.ndarray | None = None) -> bytes:
    """Serialised fingerprint of a text: 16-byte exact hash + 128 x uint32 sketch values + scheme byte.

    ``words``: ``folded_tokens(text)`` when the caller already has them (the shared text view);
    ``hashes``: their ``_word_hash`` values, likewise."""
    if words is None:
        words = folded_tokens(text or "")
    values = _sketch(_shingle_hashes(words, hashes)) if words else _EMPTY
    ex = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    return ex + values.astype("<u4").tobytes() + _TAG


def item_signature(item: Any) -> bytes:
    """``signature`` of an item's title and text, from the shared text view when the per-record stages
    already built it (worker processes of ``analyze`` and ``ingest``): same bytes, no second fold.
    A text typed without marks is signed with its marks put back (`nlp.marks`), so a copy retyped
    without them can still meet its marked original (as a near copy: a few words come back wrong)."""
    if isinstance(item.title, str) and isinstance(item.text, str):
        from tinhhinh.nlp.textview import text_view

        view = text_view(item.title, item.text)
        if view.typed_without_marks:
            from tinhhinh.nlp.marks import restore_marks

            return signature(restore_marks(view.content))
        if view.words_are_tokens:  # folded_tokens are the view's folded words: their hashes by word id
            return signature(view.content, view.folded_tokens, _WORD_HASH_BY_ID.take(view.ids))
        return signature(view.content, words=view.folded_tokens)
    return signature(item.content)


def is_current(sig: bytes) -> bool:
    """Was ``sig`` made by this signature scheme? (Older ones must be recomputed from the text.)"""
    return len(sig) == SIG_LEN and sig[-1:] == _TAG


def _unpack(sig: bytes) -> tuple[bytes, np.ndarray | None]:
    if not is_current(sig):
        if len(sig) in (_OLD_LEN, SIG_LEN):
            raise ValueError("copies signature of an older scheme: recompute it from the text (signature())")
        raise ValueError(f"copies signature must be {SIG_LEN} bytes, got {len(sig)}")
    values = np.frombuffer(sig[16 : 16 + _SIG_BYTES], dtype="<u4").astype(np.uint32)
    if (values == np.uint32(_U32)).all():  # empty text: nothing to compare
        return sig[:16], None
    return sig[:16], values


# datasketch's MinHashLSH band parameters (b bands of r rows) for 128 permutations, which it computes by
# numerical integration (scipy) when an index is made; the common thresholds are kept here and
# tests/perf/test_copies_signature.py checks them against datasketch's ``_optimal_param``.
_LSH_PARAMS = {
    0.3: (37, 3),
    0.4: (32, 4),
    0.5: (25, 5),
    0.6: (18, 7),
    0.7: (14, 9),
    0.8: (9, 13),
    0.9: (5, 25),
}


def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows) as datasketch's ``MinHashLSH(threshold, num_perm=128)`` chooses them."""
    if threshold in _LSH_PARAMS:
        return _LSH_PARAMS[threshold]
    from datasketch.lsh import _optimal_param  # rare thresholds only: imports scipy

    return _optimal_param(threshold, NUM_PERM, 0.5, 0.5)


class _BandIndex:
    """datasketch's in-memory ``MinHashLSH`` (dict storage), restricted to what the detector uses: a band
    key is the band's values as big-endian uint32 bytes; each band table maps a key to a set of item
    keys. Built and queried with the same set operations, so candidates come back in the same order.
    A bucket holding one item key (most of them: ~32 new buckets per article) is that key itself, not a
    one-element set: it iterates the same and costs no set allocation (item keys are strings)."""

    __slots__ = ("b", "r", "tables")

    def __init__(self, threshold: float) -> None:
        self.b, self.r = lsh_params(threshold)
        self.tables: list[dict[bytes, str | set[str]]] = [{} for _ in range(self.b)]

    def bands(self, values: np.ndarray) -> list[bytes]:
        raw = values.byteswap().tobytes()
        w = 4 * self.r
        return [raw[i * w : (i + 1) * w] for i in range(self.b)]

    def insert(self, key: str, bands: list[bytes]) -> None:
        for h, table in zip(bands, self.tables, strict=True):
            bucket = table.get(h)
            if bucket is None:
                table[h] = key
            elif bucket.__class__ is str:
                table[h] = {bucket, key}  # added in this order, as set().add(bucket); .add(key)
            else:
                bucket.add(key)

    def query(self, bands: list[bytes]) -> list[str]:
        candidates: set[str] = set()
        for h, table in zip(bands, self.tables, strict=True):
            bucket = table.get(h)
            if bucket is None:
                continue
            if bucket.__class__ is str:
                candidates.add(bucket)
            else:
                candidates.update(bucket)  # in the bucket's order, as one add per key
        return list(candidates)

    def remove(self, key: str, bands: list[bytes]) -> None:
        for h, table in zip(bands, self.tables, strict=True):
            bucket = table[h]
            if bucket.__class__ is str:
                if bucket != key:
                    raise KeyError(key)
                del table[h]
                continue
            bucket.remove(key)
            if not bucket:
                del table[h]


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / float(NUM_PERM)


class _Group:
    """Items judged copies of each other; ``canonical`` is the earliest member seen so far."""

    __slots__ = ("canonical", "published_at", "order")

    def __init__(self, canonical: str, published_at: datetime | None, order: int) -> None:
        self.canonical = canonical
        self.published_at = published_at
        self.order = order


class _Entry:
    __slots__ = ("key", "exact", "minhash", "bands", "group", "order")

    def __init__(
        self,
        key: str,
        exact: bytes,
        minhash: np.ndarray | None,
        bands: list[bytes] | None,
        group: _Group,
        order: int = 0,
    ) -> None:
        self.key = key
        self.exact = exact
        self.minhash = minhash
        self.bands = bands
        self.group = group
        self.order = order  # arrival number: breaks ties between equally similar candidates


class CopyDetector:
    """Finds exact and near copies among items seen within a bounded window."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, window: int = DEFAULT_WINDOW) -> None:
        if not 0 < threshold <= 1:
            raise ValueError("threshold must be in (0, 1]")
        if window < 1:
            raise ValueError("window must be at least 1")
        self.threshold = threshold
        self.window = window
        # LSH cannot be tuned above ~0.9 with 128 permutations; the exact check below still applies.
        self._lsh = _BandIndex(min(threshold, 0.9))
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._exact: dict[bytes, list[str]] = {}  # exact hash -> keys of live entries with that text
        self._order = 0
        self._repointed: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, key: str, text: str, published_at: datetime | None = None) -> str | None:
        """Remember an item; return the key of the earliest item it copies, or None."""
        return self.add_signature(key, signature(text), published_at)

    def add_signature(self, key: str, sig: bytes, published_at: datetime | None = None) -> str | None:
        """Like ``add`` with a signature made earlier by ``signature`` (e.g. loaded from the store)."""
        if key in self._entries:  # the same item again: answer as before
            g = self._entries[key].group
            return None if g.canonical == key else g.canonical
        exact, mh = _unpack(sig)
        bands = self._lsh.bands(mh) if mh is not None else None
        self._order += 1
        match = self._find(exact, mh, bands)
        if match is None:
            group = _Group(key, published_at, self._order)
        else:
            group = self._entries[match].group
            if _earlier(published_at, self._order, group.published_at, group.order):
                # The newcomer is older than the group's canonical: it takes over.
                self._repointed.append((group.canonical, key))
                group.canonical, group.published_at, group.order = key, published_at, self._order
        self._insert(_Entry(key, exact, mh, bands, group, self._order))
        return None if group.canonical == key else group.canonical

    def repointed(self) -> list[tuple[str, str]]:
        """(old canonical, new canonical) pairs since the last call; the caller re-points stored items."""
        out, self._repointed = self._repointed, []
        return out

    # -- internals

    def _find(self, exact: bytes, mh: np.ndarray | None, bands: list[bytes] | None) -> str | None:
        same = self._exact.get(exact)
        if same:
            return same[0]
        if mh is None or bands is None:
            return None
        # Similarities are multiples of 1/128, so ties happen; the candidate that arrived first wins
        # them, not the first in set order (which depends on the process's hash seed).
        best, best_sim, best_order = None, -1.0, 0
        for cand in self._lsh.query(bands):
            entry = self._entries[cand]
            other = entry.minhash
            sim = _jaccard(mh, other) if other is not None else 0.0
            if sim >= self.threshold and (sim > best_sim or sim == best_sim and entry.order < best_order):
                best, best_sim, best_order = cand, sim, entry.order
        return best

    def _insert(self, entry: _Entry) -> None:
        self._entries[entry.key] = entry
        self._exact.setdefault(entry.exact, []).append(entry.key)
        if entry.bands is not None:
            self._lsh.insert(entry.key, entry.bands)
        while len(self._entries) > self.window:
            self._evict()

    def _evict(self) -> None:
        key, old = self._entries.popitem(last=False)
        if old.bands is not None:
            self._lsh.remove(key, old.bands)
        keys = self._exact[old.exact]
        keys.remove(key)
        if not keys:
            del self._exact[old.exact]


def _earlier(ta: datetime | None, oa: int, tb: datetime | None, ob: int) -> bool:
    """Is (time ta, arrival oa) earlier than (tb, ob)? A dated member comes before every undated one (as the
    store links exact copies: the canonical is the earliest published, else the first seen); between two
    dated ones the earlier time, then arrival; between two undated ones arrival. One total order, so the
    group's canonical is its first member in it whatever order the members arrive in."""
    if (ta is None) != (tb is None):
        return ta is not None
    if ta is not None and tb is not None:
        na, nb = _naive(ta), _naive(tb)
        if na != nb:
            return na < nb
    return oa < ob


def _naive(t: datetime) -> datetime:
    # Compare aware and naive times without raising: aware times are converted to UTC.
    if t.tzinfo is not None:
        from datetime import UTC

        return t.astimezone(UTC).replace(tzinfo=None)
    return t
