"""The copies signature from the shared text view (word hashes by word id) equals the signature of the
item's content computed from scratch (with its marks put back when it was typed without them), whatever
the text and across clears of the word table."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tinhhinh.item import Item
from tinhhinh.nlp import copies, textview
from tinhhinh.nlp.marks import restore_marks
from tinhhinh.nlp.normalize import typed_without_marks
from tinhhinh.nlp.textview import WordTable, text_view

from .test_scan_paths import texts
from .test_textview_words import _texts


def _from_scratch(title: str, text: str) -> bytes:
    content = Item(title=title, text=text).content
    return copies.signature(restore_marks(content) if typed_without_marks(title, text) else content)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts(), text=texts())
def test_item_signature_from_the_view_equals_signature(title: str, text: str) -> None:
    item = Item(title=title, text=text)
    _ = text_view(title, text).folded_words  # as the per-record stages leave the view in a worker
    assert copies.item_signature(item) == _from_scratch(title, text)


def test_item_signature_across_table_clears(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _texts()
    expected = [_from_scratch(t, b) for t, b in rows]
    small = WordTable(limit=300)  # forgets everything every few texts
    first = small.generation
    monkeypatch.setattr(textview, "WORDS", small)
    got = []
    for t, b in rows:
        view = text_view(t, b)
        assert view.words_are_tokens  # the path under test: hashes by word id
        got.append(copies.item_signature(Item(title=t, text=b)))
    assert small.generation >= first + 5
    assert got == expected
