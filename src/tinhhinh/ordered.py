"""Ordered stages: they see records one after another in one process and keep bounded state.

- copies: ``dup_of`` = the earliest record (by ``published_at``, else first seen) whose text is the
  same or nearly the same (MinHash + LSH over word shingles of the folded text);
- stories (with ``--stories``, and always when storing): ``story_id``; a copy joins its original's story.

The same stages serve ``analyze`` (a window of records, nothing stored) and ``ingest`` (state kept in
the database so runs continue where the last one stopped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tinhhinh.item import Item


@dataclass
class Entry:
    """One record travelling through ``analyze``: the input record, the fields added so far, the Item."""

    lineno: int
    record: Any
    added: dict[str, Any]
    item: Item | None
    signature: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def prepare(self) -> None:
        """Per-record part of the ordered stages, computed in worker processes."""
        if self.item is not None:
            from tinhhinh.nlp.copies import signature

            self.signature = signature(self.item.content)


def ordered_stages(*, stories: bool = False) -> list:
    from tinhhinh.nlp.copies import CopiesStage

    stages: list = [CopiesStage()]
    if stories:
        from tinhhinh.stories.stage import StoriesStage

        stages.append(StoriesStage())
    return stages


def ordered_for_store(engine):
    """The ordered stages for ``ingest``: state lives in the database between runs."""
    from tinhhinh.store.ordered_state import StoreOrdered

    return StoreOrdered(engine)
