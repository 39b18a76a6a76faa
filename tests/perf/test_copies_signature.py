"""The copies signature computed without datasketch's per-text MinHash object equals datasketch's own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tinhhinh.nlp.copies import signature, signature_datasketch
from tinhhinh.nlp.normalize import folded_tokens

sys.path.insert(0, str(Path(__file__).parent))
import stages as S  # noqa: E402

SHORT = ["", "a", "a b", "a b c", "Hoà bình", "Chuyển khoản gấp 5.000.000đ cho em nhé!!!", "x " * 300]


@pytest.mark.parametrize("text", SHORT)
def test_short_texts(text):
    assert signature(text) == signature_datasketch(text)
    assert signature(text, words=folded_tokens(text)) == signature(text)


def test_committed_texts():
    rows = S.extra_texts()
    assert len(rows) > 300
    for r in rows:
        text = f"{r['title']}\n{r['text']}"
        assert signature(text) == signature_datasketch(text), r["id"]


@pytest.mark.data
def test_vntc_articles(data_dir):
    for r in S.vntc_articles(200):
        text = f"{r['title']}\n{r['text']}"
        assert signature(text) == signature_datasketch(text), r["id"]
