"""The copies signature computed without datasketch's per-text MinHash object equals datasketch's own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tinhhinh.nlp.copies import signature, signature_datasketch
from tinhhinh.nlp.normalize import folded_tokens

sys.path.insert(0, str(Path(__file__).parent))
import stages as S  # noqa: E402

SHORT = ["", "a", "a b", "a b c", "Hoà bình", "Chuyển khoản gấp 5.000.000đ cho em nhé!!!", "x " * 300]


@pytest.mark.parametrize("text", SHORT)
def test_short_texts(text):
    assert signature(text) == signature_datasketch(text)
    assert signature(text, words=folded_tokens(text)) == signature(text)


def test_committed_texts():
    rows = S.extra_texts()
    assert len(rows) > 300
    for r in rows:
        text = f"{r['title']}\n{r['text']}"
        assert signature(text) == signature_datasketch(text), r["id"]


@pytest.mark.data
def test_vntc_articles(data_dir):
    for r in S.vntc_articles(200):
        text = f"{r['title']}\n{r['text']}"
        assert signature(text) == signature_datasketch(text), r["id"]


def test_permutations_and_lsh_match_datasketch():
    """Copies no longer imports datasketch at run time; its MinHash permutations and LSH band layout are
    rebuilt here and must stay datasketch's."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from tinhhinh.nlp import copies

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

    from tinhhinh.nlp import copies

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
