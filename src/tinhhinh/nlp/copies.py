"""Copies: which earlier item an item repeats (same text or nearly the same).

An ordered stage helper. ``CopyDetector.add(key, text, published_at)`` returns the key of the
group's canonical item (the earliest by ``published_at``, else the first seen) or ``None``.

- Exact copies (same folded word sequence) are always found through a hash.
- Near copies: MinHash (128 permutations) over 3-word shingles of the folded text, LSH for
  candidates, then the estimated Jaccard similarity must reach ``threshold``.
- Bounded window: at most ``window`` entries; the oldest *seen* entry is evicted first. Memory
  per entry is about 8.4 KB (measured by ``bench/copies_eval.py`` at threshold 0.5): the 512-byte
  signature is small, the LSH band tables (one bucket key per band) dominate. The default window
  of 50,000 items therefore needs about 420 MB.
- Threshold 0.4 (default): on planted near-copies of VNTC articles precision 0.988, recall 0.957
  (``docs/nlp.md``).

Order: input need not be in time order. When an item arrives that is earlier than the canonical
of the group it joins, it becomes the group's canonical and ``add`` returns ``None`` for it; the
records already emitted keep pointing at the previous canonical, which points at nothing. To let
the store repair them, ``add`` records the change: ``repointed()`` returns (and clears) the list of
``(old_canonical_key, new_canonical_key)`` pairs; the store sets ``dup_of = new`` for every item
whose ``dup_of`` was ``old`` and for the item ``old`` itself. Within the window, the canonical of a group is therefore
always the earliest member seen so far.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from datetime import datetime

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.minhash import _fmix

from tinhhinh.nlp.normalize import folded_tokens

NUM_PERM = 128
SHINGLE = 3
DEFAULT_THRESHOLD = 0.4
DEFAULT_WINDOW = 50_000
_SEED = 1
_SIG_BYTES = NUM_PERM * 4
# datasketch >= 2.0 hashes into 32 bits ("affine32"); signatures store exactly those values.
_SCHEME = MinHash(num_perm=1).scheme


def _shingles(words: list[str]) -> set[bytes]:
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    if SHINGLE == 3:
        return set(map(str.encode, map(" ".join, zip(words, words[1:], words[2:], strict=False))))
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


# What datasketch's MinHash(num_perm, seed, scheme).update_batch computes on the CPU, without building
# the permutations again for every text (RandomState) and with the SHA-1 prefixes gathered in one
# buffer; ``test_signature_matches_datasketch`` keeps the two equal.
_BASE = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
_PERM_A, _PERM_B = _BASE.permutations
_EMPTY = _BASE.hashvalues.copy()
_sha1 = hashlib.sha1


def exact_hash(text: str) -> bytes:
    return hashlib.blake2b(" ".join(folded_tokens(text or "")).encode("utf-8"), digest_size=16).digest()


def signature(text: str, words: list[str] | None = None) -> bytes:
    """Serialised fingerprint of a text: 16-byte exact hash + 128 x uint32 MinHash values (528 bytes).

    ``words``: ``folded_tokens(text)`` when the caller already has them (the shared text view)."""
    if words is None:
        words = folded_tokens(text or "")
    sh = _shingles(words)
    values = _EMPTY
    if sh:
        hv = np.frombuffer(b"".join([_sha1(s).digest()[:4] for s in sh]), dtype="<u4")
        hv = _fmix(hv.astype(_EMPTY.dtype).reshape(-1, 1), 32)
        values = np.minimum(_EMPTY, (hv * _PERM_A + _PERM_B).min(axis=0))
    ex = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    return ex + values.astype("<u4").tobytes()


def signature_datasketch(text: str) -> bytes:
    """``signature`` computed through datasketch's own MinHash (reference for tests)."""
    words = folded_tokens(text or "")
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    sh = _shingles(words)
    if sh:
        m.update_batch(list(sh))
    ex = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    return ex + m.hashvalues.astype("<u4").tobytes()


def _unpack(sig: bytes) -> tuple[bytes, LeanMinHash | None]:
    if len(sig) != 16 + _SIG_BYTES:
        raise ValueError(f"copies signature must be {16 + _SIG_BYTES} bytes, got {len(sig)}")
    values = np.frombuffer(sig[16:], dtype="<u4").astype(np.uint32)
    if (values == np.uint32(0xFFFFFFFF)).all():  # empty text: nothing to compare
        return sig[:16], None
    return sig[:16], LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)


class _Group:
    """Items judged copies of each other; ``canonical`` is the earliest member seen so far."""

    __slots__ = ("canonical", "published_at", "order")

    def __init__(self, canonical: str, published_at: datetime | None, order: int) -> None:
        self.canonical = canonical
        self.published_at = published_at
        self.order = order


class _Entry:
    __slots__ = ("key", "exact", "minhash", "group")

    def __init__(self, key: str, exact: bytes, minhash: LeanMinHash | None, group: _Group) -> None:
        self.key = key
        self.exact = exact
        self.minhash = minhash
        self.group = group


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
        self._lsh = MinHashLSH(threshold=min(threshold, 0.9), num_perm=NUM_PERM)
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
        self._order += 1
        match = self._find(exact, mh)
        if match is None:
            group = _Group(key, published_at, self._order)
        else:
            group = self._entries[match].group
            if _earlier(published_at, self._order, group.published_at, group.order):
                # The newcomer is older than the group's canonical: it takes over.
                self._repointed.append((group.canonical, key))
                group.canonical, group.published_at, group.order = key, published_at, self._order
        self._insert(_Entry(key, exact, mh, group))
        return None if group.canonical == key else group.canonical

    def repointed(self) -> list[tuple[str, str]]:
        """(old canonical, new canonical) pairs since the last call; the caller re-points stored items."""
        out, self._repointed = self._repointed, []
        return out

    # -- internals

    def _find(self, exact: bytes, mh: LeanMinHash | None) -> str | None:
        same = self._exact.get(exact)
        if same:
            return same[0]
        if mh is None:
            return None
        best, best_sim = None, -1.0
        for cand in self._lsh.query(mh):
            other = self._entries[cand].minhash
            sim = mh.jaccard(other) if other is not None else 0.0
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = cand, sim
        return best

    def _insert(self, entry: _Entry) -> None:
        self._entries[entry.key] = entry
        self._exact.setdefault(entry.exact, []).append(entry.key)
        if entry.minhash is not None:
            self._lsh.insert(entry.key, entry.minhash, check_duplication=False)
        while len(self._entries) > self.window:
            self._evict()

    def _evict(self) -> None:
        key, old = self._entries.popitem(last=False)
        if old.minhash is not None:
            self._lsh.remove(key)
        keys = self._exact[old.exact]
        keys.remove(key)
        if not keys:
            del self._exact[old.exact]


def _earlier(ta: datetime | None, oa: int, tb: datetime | None, ob: int) -> bool:
    """Is (time ta, arrival oa) earlier than (tb, ob)? By published time when both have one, else by arrival."""
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
