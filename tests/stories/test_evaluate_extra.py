"""The experimental time-decay features of story evaluation (``evaluate.EXTRA_FEATURES``)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tinhhinh.stories.evaluate import (
    EXTRA_FEATURES,
    Doc,
    ExtendedModel,
    bcubed,
    extra_matrix,
    fit_weights,
    make_model,
    run,
    training_pairs,
)
from tinhhinh.stories.index import FEATURES, StoryModel

from .synth import stream


def _docs() -> list[Doc]:
    return [Doc(item, gold, "mds") for item, gold in stream(per_event=4, seed=3)]


def test_extra_matrix_values() -> None:
    base = np.zeros((3, len(FEATURES)))
    base[:, FEATURES.index("cos_body")] = [0.5, 0.5, 0.5]
    base[:, FEATURES.index("max_body")] = [0.8, 0.8, 0.8]
    aux = np.array([[0.0, 10.0], [24.0, math.nan], [math.nan, 0.0]])
    out = extra_matrix(base, aux, tau_h=24.0)
    assert out.shape == (3, len(EXTRA_FEATURES))
    assert out[0].tolist() == pytest.approx([0.5, 0.8, math.log1p(10.0)])
    assert out[1].tolist() == pytest.approx([0.5 / math.e, 0.8 / math.e, 0.0])
    assert out[2].tolist() == [0.0, 0.0, 0.0]  # no time: the no-time flag carries it, not the decay


def test_extended_model_with_zero_extra_weights_decides_like_the_plain_model() -> None:
    docs = _docs()
    aux: list[list[float]] = []
    X, y, _ = training_pairs(docs, aux=aux)
    assert len(aux) == len(X)
    spec = fit_weights(X, y)
    spec["threshold"] = 0.3
    same = dict(spec, extra={"tau_h": 48.0})
    assert isinstance(make_model(same), ExtendedModel)
    assert run(docs, make_model(same)) == run(docs, StoryModel(dict(spec)))


def test_extended_fit_names_the_extra_features_and_runs() -> None:
    docs = _docs()
    aux: list[list[float]] = []
    X, y, _ = training_pairs(docs, aux=aux)
    with pytest.raises(ValueError):
        fit_weights(X, y, tau_h=24.0)
    spec = fit_weights(X, y, aux=aux, tau_h=24.0)
    k = len(FEATURES) + len(EXTRA_FEATURES)
    assert len(spec["features"]) == k + k * (k - 1) // 2
    assert "decay_body*log_span_h" in spec["features"]
    spec["threshold"] = 0.3
    pred = run(docs, make_model(spec))
    gold = [d.cluster for d in docs]
    assert bcubed(gold, pred)["f1"] > 0.9  # the synthetic events are easy: it must still find them


def test_the_extra_features_really_drive_the_decision() -> None:
    # only "decay_body" has a weight: strongly against joining any similar story that has a time; a plain
    # StoryModel ignores the unknown name (p = sigmoid(1) > 0.5 for every candidate, so items join)
    docs = _docs()
    spec = {"features": ["decay_body"], "coef": [-1000.0], "intercept": 1.0, "threshold": 0.5}
    spec["merge_threshold"] = 2.0
    plain = run(docs, StoryModel(dict(spec)))
    extended = run(docs, make_model(dict(spec, extra={"tau_h": 1e6})))  # decay ~ 1 over days
    assert len(set(extended)) == len(docs)
    assert len(set(plain)) < len(docs) // 2
