"""Text folding for matching and search.

Stored text is always the original. Matching uses two derived copies:

- ``fold(text)``: NFC, one tone-mark placement per syllable (hoà = hòa, thuý = thúy), lower case.
- ``strip_diacritics(text)``: ``fold`` with every mark removed and đ→d ("Đà Nẵng" → "da nang").

Tone placement follows the classic rule used by most Vietnamese newspapers ("hòa", "thúy"):
the tone sits on the vowel that carries a quality mark (â ă ê ô ơ ư; ơ in ươ); otherwise, with a
final consonant, on the last vowel; otherwise on the first of two vowels or the middle of three.
Which rule we pick does not matter for matching; that every input is mapped onto one rule does.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (the five tones besides level).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Combining marks that change the vowel itself (â ê ô ă ơ ư): they stay with their letter.
_QUALITY = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aeiouy")

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A syllable-like run: letters (with combining marks) only.
_SYLLABLE_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

_STRIP_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _place_tone(syllable: str) -> str:
    """Re-place the tone mark of one lower-case syllable (NFD-agnostic input, NFC output)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = None
    letters: list[list[str]] = []  # each letter with its quality marks
    for ch in decomposed:
        if ch in _TONES:
            tone = ch
        elif unicodedata.combining(ch):
            if letters:
                letters[-1].append(ch)
        else:
            letters.append([ch])
    if tone is None:
        return unicodedata.normalize("NFC", decomposed)
    bases = [group[0] for group in letters]
    # Vowel cluster: first maximal run of vowels, skipping the "qu" and "gi" initials.
    start = 0
    while start < len(bases) and bases[start] not in _VOWELS:
        start += 1
    if start < len(bases) and start > 0:
        initial = "".join(bases[:start])
        if initial == "q" and bases[start] == "u":
            start += 1
        elif initial == "g" and bases[start] == "i" and start + 1 < len(bases) and bases[start + 1] in _VOWELS:
            start += 1
    end = start
    while end < len(bases) and bases[end] in _VOWELS:
        end += 1
    if start >= end:
        # No vowel (e.g. a bare "gi" with a tone: "gì"): put the tone on the last letter.
        target = len(letters) - 1
    else:
        cluster = range(start, end)
        marked = [i for i in cluster if len(letters[i]) > 1]
        if marked:
            target = marked[-1]  # ươ → ơ; otherwise the only marked vowel
        elif end < len(bases):
            target = end - 1  # closed syllable: last vowel (hoàng, toán, tuyết)
        elif end - start >= 3:
            target = start + 1  # three vowels, open: middle (khuỷu, ngoài is closed-like: handled above)
        else:
            target = start  # open syllable: first of two (hòa, thúy, mùa)
    letters[target].append(tone)
    return unicodedata.normalize("NFC", "".join("".join(g) for g in letters))


@lru_cache(maxsize=200_000)
def _fold_syllable(syllable: str) -> str:
    return _place_tone(syllable)


def _fold_match(match: re.Match[str]) -> str:
    return _fold_syllable(match.group(0))


def fold(text: str) -> str:
    """NFC, canonical tone placement, lower case."""
    if not text:
        return ""
    lowered = unicodedata.normalize("NFC", text).lower()
    return _SYLLABLE_RE.sub(_fold_match, lowered)


def strip_diacritics(text: str) -> str:
    """Lower case, no marks at all, đ→d. Works on raw or folded text."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_STRIP_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def strip_token(token: str) -> str:
    return strip_diacritics(token)


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese mark (including đ)."""
    return strip_diacritics(text) != text.lower()


def tokens(text: str) -> list[str]:
    """Word tokens (letters and digits) of already-folded or raw text."""
    return _WORD_RE.findall(text)


def folded_tokens(text: str) -> list[str]:
    return tokens(fold(text))


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of word tokens in ``text`` (used to map matches back to the original)."""
    return [m.span() for m in _WORD_RE.finditer(text)]
