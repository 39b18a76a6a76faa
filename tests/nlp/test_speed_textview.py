"""The text view's words (cut once for every stage) and its parts when title and body are cut apart and
joined: the same lists as cutting ``content`` as a whole."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tinhhinh.nlp.textview import _SPLIT_RE, TextView

from .test_scan_paths import texts


def _check(title: str, text: str) -> None:
    view = TextView(title, text)
    parts = _SPLIT_RE.split(view.content)
    assert view.parts == parts
    assert view.words == parts[1::2]
    assert view.n_title == (len(_SPLIT_RE.split(title)) // 2 if title else 0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts(), text=texts())
def test_words_and_parts_equal_cutting_the_content(title: str, text: str) -> None:
    _check(title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Tiêu đề.", "Nội dung"),
        ("Tiêu đề", "!Nội dung"),
        ("…", "Nội dung"),
        ("Tiêu đề", "…"),
        ("", "Nội dung, tiếp."),
        ("Tiêu đề", ""),
        ("", ""),
        ("a", "b"),
    ],
)
def test_words_and_parts_edge_texts(title: str, text: str) -> None:
    _check(title, text)
