import unicodedata

import pytest

from tinhhinh.nlp.normalize import ascii_fold, fold, has_diacritics, strip_diacritics


@pytest.mark.parametrize(
    "a,b",
    [("hoà", "hòa"), ("thuý", "thúy"), ("Tỉnh uỷ", "tỉnh ủy"), ("khoẻ", "khỏe"), ("HOÀ BÌNH", "hòa bình")],
)
def test_tone_placement_variants_fold_alike(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("word", ["quý", "hoàng", "ngoài", "khuỷu", "người", "huỳnh", "giữa", "toán"])
def test_canonical_words_are_unchanged(word):
    assert fold(word) == word


def test_nfd_input_folds_to_nfc():
    nfd = unicodedata.normalize("NFD", "Thành phố Hồ Chí Minh hoà bình")
    assert fold(nfd) == "thành phố hồ chí minh hòa bình"


def test_fold_keeps_length_of_nfc_text():
    text = "Đà Nẵng: Thuý và Hoà đi khoẻ."
    assert len(fold(text)) == len(unicodedata.normalize("NFC", text))


def test_strip_maps_d_bar():
    assert strip_diacritics("Đà Nẵng ĐỒNG") == "da nang dong"
    assert ascii_fold(fold("Đà Nẵng")) == "da nang"


def test_has_diacritics():
    assert has_diacritics("đi")
    assert has_diacritics("Nẵng")
    assert not has_diacritics("da nang")


def test_stray_combining_marks_never_crash():
    for text in ["◐.̃◐", "\u0303", ". \u0301\u0300", "a\u0303b"]:
        assert isinstance(fold(text), str)
