"""The text view's cut and word checks (round 6): the BMP word class cuts exactly as ``_SPLIT_RE``, the
view's parts equal the reference cut whichever way it was made, and ``words_are_tokens`` skips its
per-word check only when no word in the table folds to other than one token."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhhinh.nlp import area as A
from tinhhinh.nlp import textview
from tinhhinh.nlp.textview import _SPLIT_RE, TextView, WordTable

from .test_scan_paths import texts
from .test_textview_words import _reference_decision

_BMP = "".join(map(chr, range(0x10000)))


def test_bmp_class_is_the_word_class_on_every_bmp_character() -> None:
    split = textview._bmp_splitter()
    assert split(_BMP) == _SPLIT_RE.split(_BMP)
    spaced = " ".join(_BMP)  # each character on its own: words of one character
    assert split(spaced) == _SPLIT_RE.split(spaced)


def _reference_parts(title: str, text: str) -> tuple[list[str], int]:
    content = f"{title}\n{text}" if title and text else title or text
    return _SPLIT_RE.split(content), len(_SPLIT_RE.findall(title))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts(), text=texts())
def test_view_parts_equal_the_reference_cut(title: str, text: str) -> None:
    v = TextView(title, text)
    assert (v.parts, v.n_title) == _reference_parts(title, text)


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=40), text=st.text(max_size=200))
def test_view_parts_any_characters(title: str, text: str) -> None:
    v = TextView(title, text)
    assert (v.parts, v.n_title) == _reference_parts(title, text)
    assert v.risk == textview._risk(v.content)
    assert (v.risk == 2) == textview._has_risky(v.content)


@pytest.mark.parametrize(
    ("text", "risk"),
    [
        ("Hà Nội mưa to", 0),
        ("Hà Nội 😀 mưa", 1),
        ("𝐀 chữ", 1),
        ("x\u0301", 2),
        ("Σ 😀", 2),
        ("😀 x\u0301", 2),
    ],
)
def test_risk_levels(text: str, risk: int) -> None:
    v = TextView("", text)
    assert v.risk == risk
    assert v.parts == _SPLIT_RE.split(text)


def test_words_are_tokens_checks_words_once_some_word_splits(monkeypatch: pytest.MonkeyPatch) -> None:
    table = WordTable()
    monkeypatch.setattr(textview, "WORDS", table)
    real_fold = textview.fold
    # no real NFC, non-risky word folds to two tokens; pretend one does
    monkeypatch.setattr(textview, "fold", lambda w: "ha noi" if w == "Hanoi" else real_fold(w))
    plain = TextView("Bộ Y tế", "cảnh báo sốt xuất huyết")
    assert plain.words_are_tokens and table.n_split == 0
    odd = TextView("", "mưa to ở Hanoi")
    assert odd.ids is not None
    assert table.n_split == 1
    assert not odd.words_are_tokens
    assert odd.folded_tokens == ["mưa", "to", "ở", "hanoi"]  # from fold(content), not the words
    again = TextView("Bộ Y tế", "cảnh báo mưa to")  # checked word by word now: still one token each
    assert again.words_are_tokens
    table._reset()
    assert table.n_split == 0


def test_words_are_tokens_kept_across_a_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    table = WordTable(limit=6)
    monkeypatch.setattr(textview, "WORDS", table)
    v = TextView("", "một hai ba")
    assert v.words_are_tokens
    assert TextView("", "bốn năm sáu bảy").ids is not None  # clears the table
    assert v.words_are_tokens
    assert [table.folded[i] for i in v.ids_list] == ["một", "hai", "ba"]


def test_area_decision_when_a_word_splits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textview, "WORDS", WordTable())
    real_fold = textview.fold
    monkeypatch.setattr(textview, "fold", lambda w: "ha noi" if w == "Hanoi" else real_fold(w))
    m = A.AreaStage().model
    for title, text in [("Mưa ở Hanoi", "Bộ Y tế cảnh báo"), ("Bộ Y tế", "cảnh báo sốt xuất huyết")]:
        # the view's words are not the folded tokens: area computes its keys itself
        assert m.decision(title, text).tobytes() == _reference_decision(m, title, text).tobytes()
