"""The analysis pipeline: the order of the stages, nothing else.

Two kinds of stage:
- per-record stages (area, keywords, places, scam signals, toxicity, fact-check matching) see one
  item at a time, hold only read-only models, and run in worker processes;
- ordered stages (copies, stories) see items one after another in one process and keep bounded state.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol

from tinhhinh.item import Item


class Stage(Protocol):
    name: str
    version: str

    def __call__(self, item: Item) -> Item: ...


# (module, class) of each per-record stage, in order. Stages that need an optional model the
# installation lacks (toxicity without a trained model) raise StageUnavailable and are skipped with
# one warning.
PER_RECORD = [
    ("tinhhinh.nlp.area", "AreaStage"),
    ("tinhhinh.nlp.keywords", "KeywordsStage"),
    ("tinhhinh.stories.places", "PlacesStage"),
    ("tinhhinh.harm.scam", "ScamStage"),
    ("tinhhinh.harm.toxicity", "ToxicityStage"),
    ("tinhhinh.harm.factcheck", "FactcheckStage"),
]


class StageUnavailable(RuntimeError):
    """A stage cannot run in this installation (e.g. a model that must be trained locally)."""


def load_stages(
    spec: list[tuple[str, str]] | None = None,
    *,
    warn: Callable[[str], None] | None = None,
    options: dict[str, dict] | None = None,
) -> list[Stage]:
    stages: list[Stage] = []
    for module_name, class_name in spec if spec is not None else PER_RECORD:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # stage not part of this build
        cls = getattr(module, class_name)
        try:
            stages.append(cls(**(options or {}).get(cls.name if hasattr(cls, "name") else class_name, {})))
        except StageUnavailable as exc:
            if warn:
                warn(str(exc))
    return stages


def run_stages(item: Item, stages: list[Stage]) -> Item:
    if item.error:
        return item
    for stage in stages:
        item = stage(item)
    return item
