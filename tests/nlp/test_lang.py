"""An item's language (audit collect #12): declared wins; else Vietnamese unless clearly not."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

from tinhhinh.nlp.lang import declared, guess, item_lang
from tinhhinh.nlp.normalize import strip_diacritics

EN = "Heavy rain flooded many streets in Hanoi today, officials said. Traffic was slow across the city."
FR = "De fortes pluies ont inondé de nombreuses rues de Hanoï aujourd'hui, selon les autorités de la ville."


@pytest.mark.parametrize(
    ("value", "tag"), [("vi", "vi"), ("vi-VN", "vi"), ("vi_VN", "vi"), ("EN-us", "en"), ("", None),
                       (None, None), (3, None), ("Tiếng Việt", None), ("x" * 9, None)],
)  # fmt: skip
def test_declared_language_tags(value, tag):
    assert declared(value) == tag


def test_clearly_not_vietnamese_is_not_vi_and_doubtful_text_is():
    assert guess("Flood in Hanoi", EN) == "en"
    assert guess("", FR) == "und"
    assert (
        guess("Giá vàng hôm nay", "Giá vàng tăng mạnh, người dân đổ xô đi mua vàng ở các cửa hàng.") == "vi"
    )
    assert guess("gia vang hom nay", "gia vang tang manh, nguoi dan do xo di mua vang o cac cua hang") == "vi"
    assert guess("Weather", "Sunny") == "vi"  # too short to tell: as before
    assert item_lang("en", "Giá vàng", "Giá vàng tăng mạnh") == "en"  # declared wins


@pytest.mark.data
def test_vntc_articles_marked_or_not_are_vietnamese(data_dir):
    with gzip.open(data_dir / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for line in itertools.islice(fh, 2000)]
    marked = sum(guess(r.get("title") or "", r.get("text") or "") != "vi" for r in recs)
    plain = sum(
        guess(strip_diacritics(r.get("title") or ""), strip_diacritics(r.get("text") or "")) != "vi"
        for r in recs
    )
    assert marked <= 2 and plain <= 2, (marked, plain)
