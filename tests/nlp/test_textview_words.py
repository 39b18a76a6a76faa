"""The per-process word table (``textview.WORDS``) and its columns: ids stay right across the table's
clears, columns follow them, and the stages reading them give what the reference paths give."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from tinhhinh.item import Item
from tinhhinh.nlp import area as A
from tinhhinh.nlp import textview
from tinhhinh.nlp.area import AreaStage
from tinhhinh.nlp.keywords import KeywordsStage
from tinhhinh.nlp.normalize import fold, tokens
from tinhhinh.nlp.textview import Column, TextView, WordTable, text_view
from tinhhinh.stories.places import PlacesStage

from .test_scan_paths import texts

ROOT = Path(__file__).resolve().parents[2]


def _reference_keys(title: str, text: str) -> np.ndarray:
    """``area.feature_keys`` as it was before the word table: title and body folded and hashed again."""
    toks = tokens(fold(f"{title}\n{text}" if title and text else title or text))
    k = A._gram_keys(A._syllable_hashes(toks))
    if title:
        k = np.concatenate((k, A._gram_keys(A._syllable_hashes(tokens(fold(title)))) ^ A._SALT))
    return A._mix32(k)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts(), text=texts())
def test_area_keys_from_word_ids_equal_reference(title: str, text: str) -> None:
    assert A.feature_keys(title, text).tolist() == _reference_keys(title, text).tolist()


def _reference_decision(m: A.AreaModel, title: str, text: str) -> np.ndarray:
    """``AreaModel.decision`` as it was: unique keys, binary search, the same arithmetic."""
    k = _reference_keys(title or "", text or "")
    if not len(k):
        return m.intercept.copy()
    u, counts = np.unique(k, return_counts=True)
    pos = np.minimum(np.searchsorted(m.keys, u), len(m.keys) - 1)
    hit = m.keys[pos] == u
    if not hit.any():
        return m.intercept.copy()
    ix = pos[hit]
    w = (1.0 + np.log(counts[hit])).astype(np.float32) * m.idf[ix]
    w /= np.linalg.norm(w)
    return w @ m.coef[ix] + m.intercept


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts(), text=texts())
def test_area_decision_equals_reference(title: str, text: str) -> None:
    m = AreaStage().model
    assert m.decision(title, text).tobytes() == _reference_decision(m, title, text).tobytes()


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("…!", "Bộ Y tế cảnh báo"),  # a title without words
        ("Hà", "Nội"),
        ("", "một"),
        ("một", ""),
        ("?", "!"),
        ("Đà Nẵng", ""),
    ],
)
def test_area_decision_edge_texts(title: str, text: str) -> None:
    m = AreaStage().model
    assert m.decision(title, text).tobytes() == _reference_decision(m, title, text).tobytes()


def _texts() -> list[tuple[str, str]]:
    rows = []
    for name in ("scam_set.jsonl", "factcheck_eval.jsonl"):
        with (ROOT / "tests/harm/data" / name).open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                rows.append((r.get("title") or "", r.get("text") or ""))
    rows.append(("Hà Nội: Bộ Y tế cảnh báo", "Ông Nguyễn Văn An ở quận Hoàn Kiếm, TP Hà Nội cho biết."))
    return rows


def _run(rows: list[tuple[str, str]]) -> list[tuple]:
    stages = [AreaStage(), KeywordsStage(), PlacesStage()]
    out = []
    for title, text in rows:
        it = Item(title=title, text=text)
        for st in stages:
            it = st(it)
        out.append((it.area, it.area_scores, it.keywords, it.places))
    return out


def test_stages_right_across_table_clears(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _texts()
    expected = _run(rows)
    small = WordTable(limit=300)  # forgets everything every few texts
    first = small.generation
    monkeypatch.setattr(textview, "WORDS", small)
    got = _run(rows)
    assert small.generation >= first + 5
    assert got == expected


def test_view_ids_follow_a_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    table = WordTable(limit=10)
    monkeypatch.setattr(textview, "WORDS", table)
    col = Column(lambda word, folded: len(folded), np.int64)
    a = TextView("", "Một hai ba bốn năm sáu")
    assert col.take(a.ids).tolist() == [3, 3, 2, 3, 3, 3]
    b = TextView("", "bảy tám chín mười mười một")  # 10 words would pass the limit: the table starts over
    first = table.generation
    assert b.ids is not None and table.generation > first
    assert col.take(b.ids).tolist() == [3, 3, 4, 4, 4, 3]
    # the old view looks its words up again instead of reading the new ids
    assert [table.words[i] for i in a.ids_list] == ["Một", "hai", "ba", "bốn", "năm", "sáu"]
    assert col.take(a.ids).tolist() == [3, 3, 2, 3, 3, 3]


@pytest.mark.parametrize(
    "first", ["folded_tokens", "words_are_tokens", "ids", "folded_words", "n_title", "parts"]
)
def test_view_properties_in_any_order(first: str) -> None:
    """Each property is right whichever a stage asks for first (copies may read folded_tokens first)."""
    title, text = "Hà Nội: mưa lớn", "Sáng nay, mưa lớn ở Hà Nội; 20 tuyến phố ngập."
    view = TextView(title, text)
    getattr(view, first)
    assert view.folded_tokens == tokens(fold(view.content))
    assert view.folded_words == [fold(w) for w in tokens(view.content)]
    assert view.n_title == len(tokens(title))
    assert view.words_are_tokens


def test_column_pickles_without_its_values() -> None:
    col = Column(len_of_folded, np.int64)
    view = text_view("", "chỉ một câu")
    assert col.take(view.ids).tolist() == [3, 3, 3]
    copy = pickle.loads(pickle.dumps(col))
    assert copy._n == 0  # another process has its own ids
    assert copy.take(view.ids).tolist() == [3, 3, 3]


def len_of_folded(word: str, folded: str) -> int:
    return len(folded)
