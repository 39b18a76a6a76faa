"""DAgger training of the story model (``evaluate.replay_pairs``, ``crossfit_pairs``, ``fit_dagger``)."""

from __future__ import annotations

import pytest

from tinhhinh.stories.evaluate import (
    Doc,
    bcubed,
    crossfit_models,
    crossfit_pairs,
    fit_dagger,
    fit_weights,
    make_model,
    replay_pairs,
    run,
    training_pairs,
)
from tinhhinh.stories.index import FEATURES

from .synth import EVENTS, stream

PER_EVENT = 4


def _docs() -> list[Doc]:
    return [Doc(item, gold, "mds") for item, gold in stream(per_event=PER_EVENT, seed=3)]


def _never_join() -> dict:
    return {"features": ["cos_body"], "coef": [0.0], "intercept": -50.0, "threshold": 0.5}


def test_replay_labels_follow_the_models_own_state() -> None:
    # a model that never joins leaves every item alone: a candidate is one earlier item, labelled 1 exactly
    # when it reports the same event (teacher forcing would show one gold story of all of them instead)
    docs = _docs()
    X, y, stats = replay_pairs(docs, _never_join(), hide_time=0.0)
    assert len(X) == len(y) == stats["rows"] and all(len(row) == len(FEATURES) for row in X)
    assert set(y) == {0, 1}
    assert stats["positives"] == len(EVENTS) * sum(range(PER_EVENT))  # every earlier report retrieved
    assert stats["lost"] == 0
    tf_X, tf_y, _ = training_pairs(docs, hide_time=0.0)
    assert sum(tf_y) == len(EVENTS) * (PER_EVENT - 1)  # gold state: one positive per later report


def test_replay_with_a_joining_model_and_hidden_times() -> None:
    docs = _docs()
    X, y, _ = training_pairs(docs)
    spec = fit_weights(X, y)
    spec["threshold"] = 0.3
    Xr, yr, stats = replay_pairs(docs, spec)
    assert stats["items"] == len(docs) and stats["lost"] == 0
    assert sum(yr) == len(EVENTS) * (PER_EVENT - 1)  # it finds the events, so its state is the gold one
    no_time = FEATURES.index("no_time")
    assert 0 < sum(row[no_time] for row in Xr) < len(Xr)  # some rows without time, as in training_pairs
    with pytest.raises(ValueError):
        replay_pairs(docs, dict(spec, extra={"tau_h": 24.0}))


def test_fit_dagger_rounds_keep_the_model_form() -> None:
    docs = _docs()
    X, y, _ = training_pairs(docs)
    specs = fit_dagger(docs, X, y, threshold=0.3, rounds=2)
    assert len(specs) == 3
    plain = fit_weights(X, y)
    assert specs[0]["coef"] == plain["coef"] and specs[0]["intercept"] == plain["intercept"]
    gold = [d.cluster for d in docs]
    for spec in specs:
        assert spec["features"] == plain["features"] and spec["threshold"] == 0.3
        assert spec["merge_threshold"] == 2.0 and "extra" not in spec
        assert bcubed(gold, run(docs, make_model(dict(spec))))["f1"] > 0.9
    assert specs[1]["coef"] != specs[0]["coef"]  # trained on more pairs
    crossed = fit_dagger(docs, X, y, threshold=0.3, rounds=1, cross=2)
    assert crossed[1]["coef"] != specs[1]["coef"]


def test_crossfit_replays_each_part_with_the_other_parts_model() -> None:
    docs = _docs()
    models = crossfit_models(docs, folds=2)
    parts = [own for own, _ in models]
    assert sorted(d.item.id for own in parts for d in own) == sorted(d.item.id for d in docs)
    assert not {d.cluster for d in parts[0]} & {d.cluster for d in parts[1]}
    X, y, stats = crossfit_pairs(docs, 0.3, models=models)
    assert stats["items"] == len(docs) and len(X) == len(y) == stats["rows"]
    assert (X, y) == crossfit_pairs(docs, 0.3, folds=2)[:2]  # the same models when not given
