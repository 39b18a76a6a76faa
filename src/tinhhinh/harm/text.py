"""Matching copies of a text that remember where each character came from.

Scam rules match on a "skeleton": lower case, no marks, đ→d (what ``strip_diacritics`` gives), so one
rule covers "chuyển khoản", "chuyen khoan" and decomposed (non-NFC) input alike. Evidence must point
into the ORIGINAL text, so the skeleton keeps, for every character, the span of original characters
it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from tinhhinh.nlp.normalize import DECORATED, fold, nfc, plain_letters, strip_diacritics

# Longest text we analyse per field: anything longer is cut (and said so in the evidence-free path).
MAX_CHARS = 200_000


@dataclass(frozen=True)
class Skeleton:
    text: str  # the matching copy
    starts: list[int] | None  # None: identity mapping (skeleton[i] came from original[i])
    ends: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for skeleton [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def as_text(value: object) -> str:
    """Any field value as text: None → "", bytes decoded leniently, control characters kept as spaces."""
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("utf-8", errors="replace")
    if not isinstance(value, str):
        value = str(value)
    return value


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x2000):
        ch = chr(code)
        stripped = strip_diacritics(ch)
        if stripped != ch and len(stripped) == 1:
            table[code] = stripped
    return table


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# decorative letter forms, read as plain letters in the matching copy (`tinhhinh.nlp.normalize`); the scam
# rules read the symbols among them too (a "Ⓩⓐⓛⓞ" is a chat channel), which folding leaves to other stages
_DECORATED = DECORATED


# precomposed letter → lower-case base letter (one character each), for the fast path
_TABLE = _build_table()
# The same mapping as a list indexed by code point, every other character mapped to itself: str.translate
# then finds every character of ordinary text in the table (a list index) instead of a dict miss that
# raises and clears a KeyError per ASCII character: 2.3× faster, same string. Characters past the end
# raise IndexError, which translate also reads as "unchanged".
_TABLE_LIST = [_TABLE.get(code, chr(code)) for code in range(0x3000)]
# Longer texts: the whole fast path (translate, then lower case, then no combining mark) as two arrays over
# the BMP, built on first use with numpy: each character's translated lower-case code point, and whether
# the character is one the arrays cannot answer for — its lower case is not one character or depends on
# its neighbours (İ, Σ), or it is (or becomes) a combining mark. The text's UTF-32 code points index them
# in C (~10 ns per character against ~45 for ``translate`` alone, which fetches a Python object per
# character, plus ``lower`` and the combining-mark search). Texts with such a character, astral
# characters (outside the arrays: ``take`` raises) and lone surrogates (no UTF-32) take the plain path.
_NUMPY_FROM = 64  # characters; shorter texts cost less through ``translate`` than numpy's per-call overhead
_ARRAYS: Any = None


def _lower_arrays() -> Any:
    """(translated lower-case code point, odd) per BMP code point (see above)."""
    global _ARRAYS
    if _ARRAYS is None:
        import numpy as np

        bmp = np.arange(0x10000, dtype=np.uint32)
        plain = (bmp < 0xD800) | (bmp >= 0xE000)  # (lone surrogates cannot be encoded)
        chars = bmp[plain].tobytes().decode("utf-32-le")
        translated = chars.translate(_TABLE_LIST)
        codes = bmp.copy()
        odd = ~plain
        # str.lower is per character except for Σ (final or not by its neighbours; flagged): one call for
        # the whole plane when no character lowers to several, else one character at a time
        lowered = translated.lower()
        if len(lowered) == len(translated):
            codes[plain] = np.frombuffer(lowered.encode("utf-32-le"), dtype=np.uint32)
        else:
            each = list(map(str.lower, translated))
            codes[plain] = [ord(c) if len(c) == 1 else 0 for c in each]
            odd[plain] |= np.asarray([len(c) != 1 for c in each])
        odd[plain] |= np.frombuffer(translated.encode("utf-32-le"), dtype=np.uint32) == 0x3A3
        # decorated letters in the plane: their plain letter's code point (letters, no marks: not odd)
        for code, letter in _DECORATED.items():
            if code < 0x10000:
                codes[code] = ord(letter.translate(_TABLE_LIST).lower())
        marks = np.zeros(0x10000, dtype=bool)
        marks[[ord(c) for c in _COMBINING.findall(chars)]] = True
        odd |= marks | marks[codes]
        _ARRAYS = codes, odd
    return _ARRAYS


def _fast_skeleton(text: str) -> str | None:
    """``text.translate(_TABLE_LIST).lower()`` when that has no combining mark and the same length as
    ``text``; None when the arrays cannot tell (then the plain path decides)."""
    import numpy as np

    codes, odd = _lower_arrays()
    try:
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        if odd.take(cps).any():
            return None
        return codes.take(cps).tobytes().decode("utf-32-le")
    except (UnicodeEncodeError, IndexError):
        return None


def skeleton(original: str) -> Skeleton:
    """Lower-case, mark-free copy of ``original`` with a map back to original offsets."""
    if not original:
        return Skeleton("", None, None)
    if original.isascii():
        return Skeleton(original.lower(), None, None)
    if unicodedata.is_normalized("NFC", original):
        if len(original) >= _NUMPY_FROM:
            fast = _fast_skeleton(original)
            if fast is not None:
                return Skeleton(fast, None, None)
        if plain_letters(original) is original:  # (the arrays above read decorated forms too)
            fast = original.translate(_TABLE_LIST).lower()
            if len(fast) == len(original) and not _COMBINING.search(fast):
                # NFC precomposed letters each strip to one letter: offsets are unchanged.
                return Skeleton(fast, None, None)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        piece = original[i:j]
        plain = _DECORATED.get(ord(piece[0]))
        if plain is not None:  # a decorated letter takes its marks as the plain letter would
            piece = plain + piece[1:]
        piece = strip_diacritics(unicodedata.normalize("NFC", piece))
        for ch in piece:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Skeleton("".join(out), starts, ends)


def safe_fold(text: str) -> str:
    """``fold`` that never raises: odd input (a stray combining mark after punctuation) falls back to
    NFC + lower case instead of stopping the pipeline."""
    try:
        return fold(text)
    except (IndexError, ValueError):
        return nfc(text).lower()
