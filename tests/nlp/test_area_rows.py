"""AreaModel's key table (``_rows``) finds exactly the rows a binary search over the sorted keys finds."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhhinh.nlp.area import AreaModel


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
