"""The experimental span-relative gap of story evaluation (``evaluate.SPAN_FEATURES``)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tinhhinh.stories.evaluate import (
    SPAN_FEATURES,
    Doc,
    ExtendedModel,
    bcubed,
    fit_model,
    fit_weights,
    make_model,
    run,
    span_matrix,
    training_pairs,
)
from tinhhinh.stories.index import FEATURES, StoryModel

from .synth import stream


def _docs() -> list[Doc]:
    return [Doc(item, gold, "mds") for item, gold in stream(per_event=4, seed=3)]


def test_span_matrix_values() -> None:
    aux = np.array([[0.0, 10.0], [48.0, 0.0], [48.0, 96.0], [math.nan, math.nan]])
    log = span_matrix(aux, "log")[:, 0].tolist()
    assert log == pytest.approx([0.0, math.log(49) / math.log(2), math.log(49) / math.log(98), 0.0])
    ratio = span_matrix(aux, "ratio")[:, 0].tolist()
    assert ratio == pytest.approx([0.0, 2.0, 0.4, 0.0])  # the same gap weighs less for a long-lived story
    with pytest.raises(ValueError):
        span_matrix(aux, "exp")


def test_span_fit_names_the_feature_and_runs() -> None:
    docs = _docs()
    aux: list[list[float]] = []
    X, y, _ = training_pairs(docs, aux=aux)
    with pytest.raises(ValueError):
        fit_weights(X, y, aux=aux, tau_h=24.0, rel_gap="log")
    spec = fit_weights(X, y, aux=aux, rel_gap="ratio")
    k = len(FEATURES) + len(SPAN_FEATURES)
    assert len(spec["features"]) == k + k * (k - 1) // 2
    assert "cos_body*rel_gap" in spec["features"] and spec["extra"] == {"rel_gap": "ratio"}
    spec["threshold"] = 0.3
    model = make_model(spec)
    assert isinstance(model, ExtendedModel) and model.tau_h is None
    gold = [d.cluster for d in docs]
    assert bcubed(gold, run(docs, model))["f1"] > 0.9  # the synthetic events are easy


def test_the_span_feature_really_drives_the_decision() -> None:
    # only "rel_gap" has a weight: strongly against joining a story far (relative to its span) in time
    docs = _docs()
    spec = {"features": ["rel_gap"], "coef": [-1000.0], "intercept": 1.0, "threshold": 0.5}
    spec["merge_threshold"] = 2.0
    plain = run(docs, StoryModel(dict(spec)))
    extended = run(docs, make_model(dict(spec, extra={"rel_gap": "log"})))
    assert len(set(plain)) < len(docs) // 2
    assert len(set(extended)) > len(set(plain))


def test_fit_model_with_the_span_feature() -> None:
    docs = _docs()
    model = fit_model(docs, thresholds=(0.3, 0.5), merge_thresholds=(), rel_gap="log")
    assert isinstance(model, ExtendedModel) and model.spec["extra"] == {"rel_gap": "log"}
    assert "rel_gap" in model.spec["features"]
    with pytest.raises(ValueError):
        fit_model(docs, thresholds=(0.3,), merge_thresholds=(), rel_gap="log", cross=2)
