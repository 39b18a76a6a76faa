"""AreaModel's key table (``_rows``, ``_lookup``) finds exactly the rows a binary search over the sorted keys
finds; the scoring shortcuts (the 1 + log tf table, float16 weights kept) give the same bytes."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhhinh.nlp import area as A
from tinhhinh.nlp.area import AreaModel

from .test_textview_words import _reference_decision


def _model(keys: np.ndarray) -> AreaModel:
    n = len(keys)
    return AreaModel(
        keys, np.ones(n, np.float32), np.zeros((n, 2), np.float32), np.zeros(2, np.float32), ["a", "b"], 1.0
    )


def _reference(keys: np.ndarray, u: np.ndarray) -> np.ndarray:
    p = np.minimum(np.searchsorted(keys, u), len(keys) - 1)
    return np.where(keys[p] == u, p, -1)


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 3000),
    crowd=st.booleans(),
)
def test_rows_equal_binary_search(seed: int, n: int, crowd: bool) -> None:
    rng = np.random.default_rng(seed)
    keys = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)
    if crowd:  # many keys with one home slot: displaced far past the two probes
        keys[: n // 2] = (rng.integers(0, 2**32, 1, dtype=np.uint64)[0] & 0xFFF00000) + np.arange(n // 2)
    keys = np.unique(np.concatenate([keys, np.array([0, 2**32 - 1], np.uint32)[: int(rng.integers(0, 3))]]))
    m = _model(keys)
    q = np.unique(
        np.concatenate(
            [
                rng.choice(keys, min(len(keys), 500)),
                rng.integers(0, 2**32, 500, dtype=np.uint64).astype(np.uint32),
                keys[rng.integers(0, len(keys), 100)] + 1,
                np.array([0, 1, 2**32 - 2, 2**32 - 1], np.uint32),
            ]
        )
    )
    assert m._rows(q).tolist() == _reference(keys, q).tolist()
    assert m._rows(keys).tolist() == list(range(len(keys)))


def test_shipped_model_rows() -> None:
    m = AreaModel.load()
    rng = np.random.default_rng(3)
    q = np.unique(
        np.concatenate([rng.choice(m.keys, 20_000), rng.integers(0, 2**32, 20_000).astype(np.uint32)])
    )
    assert m._rows(q).tolist() == _reference(m.keys, q).tolist()


def test_lookup_unsorted_keys_with_repeats() -> None:
    m = AreaModel.load()
    rng = np.random.default_rng(5)
    q = np.concatenate([rng.choice(m.keys, 3000), rng.integers(0, 2**32, 3000).astype(np.uint32)])
    q = np.concatenate([q, q[:500], np.array([0, 2**32 - 1], np.uint32)])
    rng.shuffle(q)
    assert m._lookup(q).tolist() == _reference(m.keys, q).tolist()


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 2000))
def test_lookup_crowded_unsorted(seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    base = int(rng.integers(0, 2**32, 1, dtype=np.uint64)[0]) & 0xFFF00000
    keys = np.unique(np.concatenate([rng.integers(0, 2**32, n, dtype=np.uint64), base + np.arange(n // 2)]))
    keys = keys[keys < 2**32].astype(np.uint32)
    m = _model(keys)
    q = np.concatenate(
        [rng.choice(keys, 300), keys[: n // 2] + 1, rng.integers(0, 2**32, 300).astype(np.uint32)]
    )
    rng.shuffle(q)
    assert m._lookup(q).tolist() == _reference(keys, q).tolist()


def test_one_plus_log_table_is_the_computed_values() -> None:
    c = np.arange(1, A._TF_TABLE_SIZE)
    want = (1.0 + np.log(c)).astype(np.float32)
    assert A._ONE_PLUS_LOG[c].tobytes() == want.tobytes()
    for k in (1, 2, 3, 7, 15, 17, 100, 4095):  # short arrays (other loop paths in numpy's log)
        assert A._ONE_PLUS_LOG[c[:k]].tobytes() == (1.0 + np.log(c[:k])).astype(np.float32).tobytes()
    rng = np.random.default_rng(1)
    s = rng.permutation(c)[:777]
    assert A._ONE_PLUS_LOG[s].tobytes() == (1.0 + np.log(s)).astype(np.float32).tobytes()


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "mưa " * 4500),  # one row counted past the table: the computed path
        ("Mưa to", "mưa to " * 2100),
        ("Bão số 3", " ".join(f"xã {i} bị ngập" for i in range(1000))),
    ],
)
def test_decision_with_many_ngrams(title: str, text: str) -> None:
    m = AreaModel.load()
    assert m.decision(title, text).tobytes() == _reference_decision(m, title, text).tobytes()


def test_float16_weights_kept_and_float32_when_asked(tmp_path) -> None:
    m = AreaModel.load()
    assert m._coef.dtype == np.float16
    assert m.coef.dtype == np.float32
    assert m.coef.tobytes() == m._coef.astype(np.float32).tobytes()
    trained = AreaModel(
        m.keys, m.idf, m.coef.astype(np.float64), m.intercept, m.classes, m.temperature, m.meta
    )
    assert trained._coef.dtype == np.float32  # a freshly trained model computes as before
    trained.save(tmp_path / "a.npz")
    again = AreaModel.load(tmp_path / "a.npz")
    assert again._coef.tobytes() == m._coef.tobytes()
    for title, text in [("Hà Nội", "mưa to gây ngập"), ("", "Bộ Y tế cảnh báo sốt xuất huyết")]:
        assert trained.decision(title, text).tobytes() == m.decision(title, text).tobytes()
