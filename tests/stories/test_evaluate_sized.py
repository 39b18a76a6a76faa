"""The experimental join threshold per story size of story evaluation (``evaluate.SizedModel``)."""

from __future__ import annotations

from collections import Counter

import pytest

from tinhhinh.stories.evaluate import (
    SIZE_BINS,
    Doc,
    SizedIndex,
    SizedModel,
    bcubed,
    fit_weights,
    make_model,
    run,
    training_pairs,
    tune_thresholds,
    with_threshold,
)
from tinhhinh.stories.index import StoryModel

from .synth import stream

NEVER = 1.01  # above any probability


def _docs() -> list[Doc]:
    return [Doc(item, gold, "mds") for item, gold in stream(per_event=4, seed=3)]


def _spec() -> dict:
    X, y, _ = training_pairs(_docs())
    return fit_weights(X, y)


def test_with_threshold_writes_one_or_per_size_thresholds() -> None:
    spec = {"features": [], "coef": [], "intercept": 0.0, "threshold": 0.5}
    one = with_threshold(spec, 0.3)
    assert one["threshold"] == 0.3 and "size_thresholds" not in one
    assert type(make_model(one)) is StoryModel
    sized = with_threshold(spec, (0.4, 0.2, 0.3))
    assert sized["size_bins"] == list(SIZE_BINS) == [1, 2]
    assert sized["size_thresholds"] == [0.4, 0.2, 0.3]
    assert sized["threshold"] == 0.2  # the smallest: SizedIndex refuses joins by lowering p below it
    assert spec["threshold"] == 0.5 and "size_bins" not in spec  # a copy
    assert "size_thresholds" not in with_threshold(sized, 0.3)
    with pytest.raises(ValueError):
        with_threshold(spec, (0.2, 0.3))
    with pytest.raises(ValueError):
        make_model(dict(sized, extra={"tau_h": 24.0}))


def test_threshold_for_looks_the_size_up_in_its_bin() -> None:
    model = make_model(with_threshold({"features": [], "coef": [], "intercept": 0.0}, (0.4, 0.2, 0.3)))
    assert isinstance(model, SizedModel)
    assert [model.threshold_for(n) for n in (1, 2, 3, 4, 50)] == [0.4, 0.2, 0.3, 0.3, 0.3]


def test_the_same_threshold_in_every_bin_decides_like_one_threshold() -> None:
    docs, spec = _docs(), _spec()
    for t in (0.2, 0.5):
        assert run(docs, make_model(with_threshold(spec, (t, t, t)))) == run(
            docs, StoryModel(with_threshold(spec, t))
        )


def test_the_size_thresholds_really_drive_the_decision() -> None:
    docs, spec = _docs(), _spec()
    plain = Counter(run(docs, StoryModel(with_threshold(spec, 0.0))))
    assert max(plain.values()) > 2  # joining freely, stories grow past two articles
    # never join a story of one article: every item starts its own story
    assert len(set(run(docs, make_model(with_threshold(spec, (NEVER, 0.0, 0.0)))))) == len(docs)
    # join stories of one article freely, never one of two or more: stories stop at two
    capped = Counter(run(docs, make_model(with_threshold(spec, (0.0, NEVER, NEVER)))))
    assert max(capped.values()) == 2
    # stories of three or more are closed: they stop at three
    three = Counter(run(docs, make_model(with_threshold(spec, (0.0, 0.0, NEVER)))))
    assert max(three.values()) == 3


def _partition(ids: list[str]) -> list[int]:
    first: dict[str, int] = {}
    return [first.setdefault(s, len(first)) for s in ids]


def test_run_uses_the_sized_index() -> None:
    spec = with_threshold(_spec(), (0.3, 0.3, NEVER))
    docs = _docs()
    sized = _partition(run(docs, index=SizedIndex(model=make_model(spec))))
    assert sized == _partition(run(docs, make_model(spec)))
    assert sized != _partition(run(docs, StoryModel(spec)))  # a plain model would ignore the size bins


def test_tune_thresholds_keeps_per_size_thresholds_only_when_they_score_higher() -> None:
    docs, spec = _docs(), _spec()
    gold = [d.cluster for d in docs]
    plain = tune_thresholds(docs, spec, (0.3, 0.5), (0.8,))
    assert "size_thresholds" not in plain.spec
    # the synthetic events are found whole at one threshold: no combination can score higher
    same = tune_thresholds(docs, spec, (0.3, 0.5), (0.8,), size_grid=(0.3, NEVER))
    assert same.spec == plain.spec and type(same) is StoryModel
    # a single threshold that never joins: a per-size combination that does join wins
    sized = tune_thresholds(docs, spec, (NEVER,), (), size_grid=(0.3, NEVER))
    assert isinstance(sized, SizedModel)
    assert (
        bcubed(gold, run(docs, sized))["f1"]
        > bcubed(gold, run(docs, make_model(spec | {"threshold": NEVER})))["f1"]
    )
