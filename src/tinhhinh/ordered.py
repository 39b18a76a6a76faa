"""Ordered stages: they see records one after another in one process and keep bounded state.

- copies: ``dup_of`` = the earliest record (by ``published_at``, a dated record before undated ones, else
  first seen) whose text is the
  same or nearly the same (MinHash + LSH over word shingles of the folded text);
- stories (with ``--stories``, and always when storing): ``story_id``; a copy joins its original's story.

The same stages serve ``analyze`` (a window of records, nothing stored) and ``ingest`` (state kept in
the database so runs continue where the last one stopped).
"""

from __future__ import annotations

from collections import OrderedDict
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
            from tinhhinh.nlp.copies import item_signature

            self.signature = item_signature(self.item)  # from the text view the stages already built


class CopiesStage:
    """``dup_of`` for ``analyze``: the earliest record in the window with the same or nearly the same text.

    Signatures are computed in the workers (``Entry.prepare``); here each record joins the detector when
    it arrives and reads its group's canonical when it leaves the window, so a copy that arrives later
    but was published earlier still becomes the original of records not yet written out.
    """

    name = "copies"

    def __init__(self, window: int) -> None:
        from tinhhinh.nlp.copies import VERSION, CopyDetector

        self.detector = CopyDetector(window=window)
        self.version = VERSION
        self._public: OrderedDict[str, str | None] = OrderedDict()
        self._limit = 2 * window
        # key -> exact-text hash of the records seen lately: a key seen again with another text is another
        # record (ids restart per file or per cluster in exported JSONL), not the same record again
        self._texts: OrderedDict[str, dict[bytes | None, str | None]] = OrderedDict()
        self.repeated = 0  # records whose id was seen before with another text
        self.first_repeat: tuple[str, int] | None = None  # (id, line) of the first of them

    def add(self, entry: Entry) -> None:
        if entry.item is None:
            return
        item = entry.item
        public = item.id or item.url
        if not item.id and not item.url:
            item.id = f"line:{entry.lineno}"  # identity within this run only
        exact = entry.signature[:16] if entry.signature is not None else None
        texts = self._texts.get(item.key)
        if texts is None:
            self._texts[item.key] = {exact: item.id}
            while len(self._texts) > self._limit:
                self._texts.popitem(last=False)
        elif exact in texts:  # the same record again (same id, same text): the same answers
            item.id = texts[exact]
        else:
            # analyze stores nothing, so identity only links records within this run: key this one by its
            # line, or unrelated records would share one story and one copy answer
            self.repeated += 1
            if self.first_repeat is None:
                self.first_repeat = (str(public), entry.lineno)
            item.id = texts[exact] = f"line:{entry.lineno}"
        key = item.key
        canon = self.detector.add_signature(key, entry.signature, entry.item.published_at)
        if canon is None:
            # an earlier member of a group that arrived after others (e.g. the dated article after its
            # undated reposts) becomes its original: it joins the story its copies are already in
            for old, new in self.detector.repointed():
                if new == key:
                    canon = old
        entry.item.dup_of = canon  # provisional: lets a copy join its original's story right away
        self._public[key] = public or item.id  # what the output's dup_of names: the record's own id
        while len(self._public) > self._limit:
            self._public.popitem(last=False)

    def note(self) -> str | None:
        """One line for stderr when ids repeated with another text (else None)."""
        if not self.repeated:
            return None
        rid, line = self.first_repeat or ("?", 0)
        return (
            f"{self.repeated:,} record(s) repeat an id already used by a record with another text (first: "
            f"id {rid!r} on line {line}): each is analysed as a record of its own; dup_of names ids, so give "
            "each record its own id (or a source) to tell them apart"
        )

    def finish(self, entry: Entry) -> None:
        if entry.item is None:
            return
        canon = self.detector.add_signature(entry.item.key, entry.signature, entry.item.published_at)
        entry.added["dup_of"] = self._public.get(canon, canon) if canon else None
        entry.added["model_version"][self.name] = self.version


def stories_version(model: Any) -> str:
    """``model_version["stories"]``, one spelling for ``analyze --stories`` and ``ingest``: the stage's
    scheme and the story model's version (ingest stored the bare model version, ``lr-2``, until
    2026-11-28; rows stored before keep it)."""
    return f"stories-1/{getattr(model, 'version', '')}"


class StoriesStage:
    """``story_id`` for ``analyze --stories``: assigned online as records arrive (input order).

    Memory is bounded like the window's: at most ``max(window, MIN_STORIES)`` stories stay in memory
    (the least recently joined leave first, and any story idle for 30 days of event time), and nothing
    is kept for stories that leave: ``analyze`` stores nothing, so a story that leaves is final."""

    name = "stories"
    MIN_STORIES = 10_000  # a small --window (to bound copies' wait) should not split ongoing stories

    def __init__(self, window: int = 50_000) -> None:
        from tinhhinh.stories.index import StoryIndex

        self.index = StoryIndex(
            id_factory=lambda n: f"s{n:07d}",
            max_stories=max(window, self.MIN_STORIES),
            max_item_memory=2 * max(window, self.MIN_STORIES),
            keep_records=False,
        )
        self.version = stories_version(self.index.model)
        self._sid: dict[int, str] = {}

    def add(self, entry: Entry) -> None:
        if entry.item is None:
            return
        # the workers may have turned the item into vectors already (stories.prepare): then only the
        # candidate search and the decision run here, in the one ordered process
        # (taken out of the entry: the record may wait in the window long after this)
        vectors = entry.extra.pop("story_vectors", None)
        self._sid[entry.lineno] = self.index.assign(entry.item, vectors)

    def finish(self, entry: Entry) -> None:
        if entry.item is None:
            return
        entry.added["story_id"] = self.index.resolve(self._sid.pop(entry.lineno))
        entry.added["model_version"][self.name] = self.version


def ordered_stages(*, stories: bool = False, window: int = 50_000) -> list:
    stages: list = [CopiesStage(window)]
    if stories:
        stages.append(StoriesStage(window))
    return stages


def ordered_for_store(engine):
    """The ordered stages for ``ingest``: state lives in the database between runs."""
    from tinhhinh.store.ordered_state import StoreOrdered

    return StoreOrdered(engine)
