"""The copies signature (scheme 2, numpy) equals a plain, slow, per-shingle reference of the same scheme;
the LSH band layout stays datasketch's."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhhinh.nlp import copies
from tinhhinh.nlp.copies import signature
from tinhhinh.nlp.normalize import folded_tokens

sys.path.insert(0, str(Path(__file__).parent))
import stages as S  # noqa: E402

M64, U32 = (1 << 64) - 1, 0xFFFFFFFF


def reference(text: str, words: list[str] | None = None) -> bytes:
    """Scheme 2 written out one shingle and one permutation at a time, in Python integers."""
    if words is None:
        words = folded_tokens(text or "")
    exact = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    wh = [int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little") for w in words]
    if 0 < len(wh) < 3:
        wh += [0] * (3 - len(wh))
    shingles = set()
    for i in range(len(wh) - 2):
        x = (
            wh[i] * 0x9E3779B97F4A7C15 + wh[i + 1] * 0xC2B2AE3D27D4EB4F + wh[i + 2] * 0x165667B19E3779F9
        ) & M64
        x ^= x >> 33
        x = (x * 0xFF51AFD7ED558CCD) & M64
        x ^= x >> 33
        x = (x * 0xC4CEB9FE1A85EC53) & M64
        x ^= x >> 33
        shingles.add(x >> 32)
    a_s, b_s = (int(v) for v in copies._PERM_A), (int(v) for v in copies._PERM_B)
    values = [min(((a * x + b) & U32 for x in shingles), default=U32) for a, b in zip(a_s, b_s, strict=True)]
    return exact + b"".join(v.to_bytes(4, "little") for v in values) + b"\x02"


SHORT = ["", "a", "a b", "a b c", "Hoà bình", "Chuyển khoản gấp 5.000.000đ cho em nhé!!!", "x " * 300]


@pytest.mark.parametrize("text", SHORT)
def test_short_texts(text):
    assert signature(text) == reference(text)
    assert signature(text, words=folded_tokens(text)) == signature(text)
    assert len(signature(text)) == copies.SIG_LEN and copies.is_current(signature(text))


def test_exact_hash_is_scheme_1s():
    """The first 16 bytes (exact copies) are what scheme 1 stored: old and new exact copies still meet."""
    text = "Mưa lớn gây ngập nhiều tuyến phố ở Đà Nẵng."
    old = hashlib.blake2b(" ".join(folded_tokens(text)).encode("utf-8"), digest_size=16).digest()
    assert signature(text)[:16] == old == copies.exact_hash(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["mưa", "lớn", "đà", "nẵng", "a", "1", "ngập", "phố"]), max_size=3 * copies._BLOCK
    )
)
def test_random_word_sequences(words):
    """Repeated shingles, fewer than three words, more shingles than one block of the permutation step."""
    text = " ".join(words)
    assert signature(text, words=words) == reference(text, words)


def test_long_text_spans_several_blocks():
    import random

    rnd = random.Random(3)
    vocab = [f"từ{i}" for i in range(60)]
    words = [rnd.choice(vocab) for _ in range(5 * copies._BLOCK + 7)]
    text = " ".join(words)
    assert folded_tokens(text) == words
    assert signature(text) == reference(text)


def test_committed_texts():
    rows = S.extra_texts()
    assert len(rows) > 300
    for r in rows:
        text = f"{r['title']}\n{r['text']}"
        assert signature(text) == reference(text), r["id"]


@pytest.mark.data
def test_vntc_articles(data_dir):
    for r in S.vntc_articles(40):
        text = f"{r['title']}\n{r['text']}"
        assert signature(text) == reference(text), r["id"]


def test_scheme_1_signatures_are_refused():
    det = copies.CopyDetector()
    with pytest.raises(ValueError, match="older scheme"):
        det.add_signature("old", signature("Mưa lớn ở Huế")[: copies._OLD_LEN])
    assert not copies.is_current(b"\x00" * copies._OLD_LEN)
    assert not copies.is_current(b"\x00" * (copies.SIG_LEN - 1) + b"\x01")


def test_permutations_and_lsh_match_datasketch():
    """Copies does not import datasketch at run time; its MinHash permutations and LSH band layout are
    rebuilt here and must stay datasketch's."""
    from datasketch import MinHash, MinHashLSH

    a, b = MinHash(num_perm=copies.NUM_PERM, seed=copies._SEED, scheme="affine32").permutations
    assert np.array_equal(a, copies._PERM_A) and np.array_equal(b, copies._PERM_B)
    for t, (bands, rows) in copies._LSH_PARAMS.items():
        lsh = MinHashLSH(threshold=t, num_perm=copies.NUM_PERM)
        assert (lsh.b, lsh.r) == (bands, rows), t
    lsh = MinHashLSH(threshold=0.4, num_perm=copies.NUM_PERM)
    index = copies._BandIndex(0.4)
    sig = signature("Chuyển khoản gấp 5.000.000đ cho em nhé, tài khoản bị khoá sau 24 giờ")
    _, values = copies._unpack(sig)
    assert index.bands(values) == [lsh._H(values[s:e]) for s, e in lsh.hashranges]


def test_detector_candidates_match_datasketch_lsh():
    """Same inserts, removals and queries: the same candidate lists, in the same order."""
    from datasketch import LeanMinHash, MinHashLSH

    rows = S.extra_texts()[:300]
    lsh = MinHashLSH(threshold=0.4, num_perm=copies.NUM_PERM)
    index = copies._BandIndex(0.4)
    live: list[tuple[str, object, list[bytes]]] = []
    for k, r in enumerate(rows):
        _, values = copies._unpack(signature(f"{r['title']}\n{r['text']}"))
        if values is None:
            continue
        mh = LeanMinHash(seed=copies._SEED, hashvalues=values, scheme="affine32")
        bands = index.bands(values)
        assert index.query(bands) == lsh.query(mh)
        key = f"k{k}"
        lsh.insert(key, mh, check_duplication=False)
        index.insert(key, bands)
        live.append((key, mh, bands))
        if len(live) > 50:  # a window, as the detector evicts
            old, _, old_bands = live.pop(0)
            lsh.remove(old)
            index.remove(old, old_bands)
