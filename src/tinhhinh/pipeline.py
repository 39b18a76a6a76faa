"""The analysis pipeline: the order of the stages, nothing else.

Two kinds of stage:
- per-record stages (area, keywords, places, scam signals, toxicity, fact-check matching) see one
  item at a time, hold only read-only models, and run in worker processes;
- ordered stages (copies, stories) see items one after another in one process and keep bounded state.
"""

from __future__ import annotations

import importlib
import threading
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
    load_models: bool = False,
) -> list[Stage]:
    """The per-record stages, in order. ``load_models``: also load the models of stages that load them
    lazily (a ``model`` property), each in a background thread while the next stages are built: reading
    and inflating a numpy model file releases the GIL, so on an otherwise idle core that costs the
    start-up nothing. Every thread has finished when this returns."""
    loading: list[threading.Thread] = []
    try:
        return _load_stages(spec, warn, options, loading if load_models else None)
    finally:
        for thread in loading:
            thread.join()


def _load_stages(spec, warn, options, loading: list[threading.Thread] | None) -> list[Stage]:
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
            stage = cls(**(options or {}).get(cls.name if hasattr(cls, "name") else class_name, {}))
        except StageUnavailable as exc:
            if warn:
                warn(str(exc))
            continue
        stages.append(stage)
        # a stage that runs but leaves its fields absent (toxicity before a model is trained locally)
        # says why, once per process
        reason = stage.warning() if warn is not None and hasattr(stage, "warning") else None
        if reason:
            warn(reason)
        if loading is not None and isinstance(getattr(cls, "model", None), property):
            thread = threading.Thread(target=_load_model, args=(stage,), daemon=True)
            thread.start()
            loading.append(thread)
    return stages


def _load_model(stage: Stage) -> None:
    try:
        stage.model  # type: ignore[attr-defined]  # noqa: B018 — the property loads it
    except Exception:  # noqa: BLE001 — the stage's first use raises it again, in the caller's thread
        pass


def run_stages(item: Item, stages: list[Stage]) -> Item:
    if item.error:
        return item
    for stage in stages:
        item = stage(item)
    return item
