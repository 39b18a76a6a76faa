"""The fast run-time paths give exactly what the word-by-word reference paths give.

Keywords: one automaton scan over the text's word codes (``_extract_scan``) against ``segment`` word
by word (``_extract_words``). The text view: words folded one by one (``folded_words``) against
``fold`` of the whole text. Generated texts mix lexicon words in every case, names, digits, every
kind of punctuation, NFD, combining marks, emoji and the characters that force the slow path.
"""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhhinh.nlp import textview
from tinhhinh.nlp.keywords import KeywordExtractor, _cached_lexicon
from tinhhinh.nlp.normalize import _WORD_RE, fold
from tinhhinh.nlp.textview import TextView


@pytest.fixture(scope="module")
def extractor() -> KeywordExtractor:
    return KeywordExtractor(_cached_lexicon(None))


_LEX = sorted(_cached_lexicon(None).entries)
_rng = random.Random(7)
_SAMPLE_WORDS = _rng.sample(_LEX, 400)
_SYLLABLES = sorted({s for w in _SAMPLE_WORDS for s in w.split()})
_GAPS = [
    " ",
    " ",
    " ",
    "  ",
    ", ",
    ". ",
    "\n",
    " - ",
    " – ",
    "; ",
    ": ",
    "! ",
    "? ",
    " (",
    ") ",
    '"',
    " “",
    "” ",
    "'",
    "…",
    "/",
    " | ",
    "_",
    " % ",
    "\t",
    " + ",
    "\u00a0",
    " 😀 ",
    "‘",
    "’ ",
]
_ODD = [
    "hoà",
    "thuý",
    "Hoà",
    "HOÀ",
    "x\u0301",
    "e\u0301",
    "Σ",
    "İ",
    "ǅ",
    "Å",
    "가",
    "\u1100\u1161",
    "😀",
    "𝐀",
    "ß",
    "ﬁ",
    "Ⓐ",
    "Ⅻ",
    "١٢",
    "TP",
    "HCM",
    "F1",
    "A4",
    "3G",
    "ÖOÀ",
]


def _case(word: str, r: random.Random) -> str:
    k = r.random()
    if k < 0.45:
        return word
    if k < 0.85:
        return " ".join(s[:1].upper() + s[1:] for s in word.split(" "))
    return word.upper()


@st.composite
def texts(draw) -> str:
    seed = draw(st.integers(0, 2**32 - 1))
    odd = draw(st.booleans())
    r = random.Random(seed)
    out = []
    for _ in range(r.randint(0, 60)):
        k = r.random()
        if k < 0.4:
            out.append(_case(r.choice(_SAMPLE_WORDS), r))
        elif k < 0.85:
            out.append(_case(r.choice(_SYLLABLES), r))
        elif k < 0.93:
            out.append(str(r.randint(0, 2000)))
        elif odd:
            out.append(r.choice(_ODD))
        else:
            out.append(_case(r.choice(_SYLLABLES), r))
        out.append(r.choice(_GAPS))
    text = "".join(out)
    if odd and r.random() < 0.2:
        text = unicodedata.normalize("NFD", text)
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts(), text=texts())
def test_keywords_scan_equals_word_by_word(extractor: KeywordExtractor, title: str, text: str) -> None:
    reference = extractor._extract_words(title, text)
    assert extractor.extract(title, text) == reference
    fast = extractor._extract_scan(title, text)
    assert fast is None or fast == reference


def test_keywords_scan_is_taken_for_plain_news(extractor: KeywordExtractor) -> None:
    title = "Đà Nẵng hoà giải tranh chấp đất đai ở quận Hải Châu"
    text = "Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị hòa giải tranh chấp đất đai."
    fast = extractor._extract_scan(title, text)
    assert fast is not None and fast == extractor._extract_words(title, text)
    assert "tranh chấp" in fast


@settings(max_examples=300, deadline=None)
@given(title=texts(), text=texts())
def test_folded_words_are_the_folded_texts_words(title: str, text: str) -> None:
    view = TextView(title, text)
    words = _WORD_RE.findall(view.content)
    assert view.parts[1::2] == words
    assert "".join(view.parts) == view.content
    fw = view.folded_words
    assert view.folded_tokens == _WORD_RE.findall(fold(view.content))
    if fw is None:
        return
    assert fw == [fold(w) for w in words]
    folded = fold(view.content)
    if len(folded) == len(view.content):  # the slices the reference paths read
        spans = [m.span() for m in _WORD_RE.finditer(view.content)]
        assert fw == [folded[a:b] for a, b in spans]


def test_risky_table_matches_this_unicode() -> None:
    """The shipped table is what ``_risky_codepoints`` derives (regenerate it if this fails)."""
    if unicodedata.unidata_version != textview._RISKY_UNICODE:
        pytest.skip(
            f"table is for Unicode {textview._RISKY_UNICODE}; this Python has {unicodedata.unidata_version}"
        )
    expected = set(textview._risky_codepoints())
    shipped = {c for c in range(0x110000) if textview._has_risky(chr(c))}
    assert shipped == expected


def test_risky_text_takes_the_slow_path() -> None:
    assert TextView("", "Hoa\u0300 bi\u0300nh").folded_words is None  # NFD
    assert TextView("", "ΟΔΟΣ hòa").folded_words is None  # capital sigma
    assert TextView("", "hòa 😀 bình").folded_words == ["hòa", "bình"]
    assert TextView("", "hòa 😀\U0001d165 bình").folded_words is None  # a combining mark beyond the BMP
