"""Text folding for matching and search.

Stored text is always the original. Matching uses two derived copies:

- ``fold(text)``: NFC, one tone-mark placement per syllable (hoà = hòa, thuý = thúy), lower case.
- ``strip_diacritics(text)``: ``fold`` with every mark removed and đ→d ("Đà Nẵng" → "da nang").

Both read letters typed in decorative "fonts" (𝐓𝐔𝐘𝐄̂̉𝐍, ＣＴＶ, ᴛᴜʏᴇ̂̉ɴ: other characters that look like letters)
as the plain letters first (``plain_letters``), one character for one.

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


def _ascii_table() -> dict[int, str]:
    # Every precomposed Latin letter → its base letter; keeps string length, so offsets survive.
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in range(0xC0, 0x2000):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)
        if len(base) > 1 and base[0].isascii() and all(unicodedata.combining(c) for c in base[1:]):
            table[cp] = base[0]
    return table


_ASCII_TABLE = _ascii_table()


def _decorated_table() -> dict[int, str]:
    """Letters and digits in decorative forms → the plain character, one for one. Posts (scams above all)
    are typed in "fonts" that are really other characters: 𝐓𝐔𝐘𝐄̂̉𝐍 (mathematical bold, the marks as
    combining characters), 𝘊𝘛𝘝, ＣＴＶ (full width), ᴛᴜʏᴇ̂̉ɴ (small capitals), Ⓩⓐⓛⓞ, 🅩🅐🅛🅞. Read as they
    are, no rule, model or search sees the words."""
    table: dict[int, str] = {}
    # compatibility forms that stand for one letter or digit (mathematical alphanumerics, full width,
    # circled and squared letters); not the ones that stand for several ("⒜" is "(a)")
    ranges = [(0x1D400, 0x1D800), (0xFF01, 0xFF5F), (0x24B6, 0x24EA), (0x1F130, 0x1F14A)]
    for lo, hi in ranges:
        for code in range(lo, hi):
            plain = unicodedata.normalize("NFKC", chr(code))
            if len(plain) == 1 and plain != chr(code) and (plain.isalnum() or lo == 0xFF01):
                table[code] = plain
    table[0x3000] = " "  # full-width space
    # negative circled and negative squared capitals have no compatibility mapping: A–Z in order
    for lo in (0x1F150, 0x1F170):
        for k in range(26):
            table[lo + k] = chr(ord("A") + k)
    # small capitals (phonetic letters, which no Vietnamese text uses as such; not "ǫ", which is o with a mark)
    small = "ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz"
    for pair in small.split():
        table[ord(pair[0])] = pair[1]
    return table


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


DECORATED = _decorated_table()
# the ones whose plain form is a word character exactly when they are (not Ⓩ, a symbol, for "z"): read
# that way, cutting a text into words and folding each word still agree with folding it whole
DECORATED_WORDS = {
    c: p
    for c, p in DECORATED.items()
    if _is_word_char(chr(c)) == _is_word_char(p) and chr(c).isspace() == p.isspace()
}


# Every decorative form lies in these ranges (with much else, but none of the letters Vietnamese is written
# in): searching for them is the quick test, ~3 ns a character; the table then says which characters change.
# (A class of the ~1,200 forms themselves is searched 20-100x slower.)
_MAYBE_DECORATED = re.compile("[\u0262-\u029f\u1d00-\u1d22\u24b6-\U0010ffff]")


# Combining marks that only decorate — overline, underline, double underline, strike-through, short slash —
# which "font" generators put after every letter (u̲n̲d̲e̲r̲l̲i̲n̲e̲, s̶t̶r̶i̶k̶e̶): no Vietnamese letter carries them and
# nothing composes with them, so reading a text drops them (its length then changes). What ``fold``,
# ``strip_diacritics`` and ``nfc_plain`` apply: these dropped, the decorative word characters made plain.
DECORATION_MARKS = "\u0305\u0332\u0333\u0335\u0336\u0337"
_READING = {**DECORATED_WORDS, **dict.fromkeys(map(ord, DECORATION_MARKS))}
_MAYBE_READING = re.compile("[" + DECORATION_MARKS + "\u0262-\u029f\u1d00-\u1d22\u24b6-\U0010ffff]")


def plain_letters(text: str, symbols: bool = True) -> str:
    """``text`` with decorative letter forms read as plain letters (same length: offsets survive); ``text``
    itself when it has none. ``symbols=False``: only the forms that are word characters themselves (what
    ``fold`` reads)."""
    if text.isascii() or _MAYBE_DECORATED.search(text) is None:
        return text
    plain = text.translate(DECORATED if symbols else DECORATED_WORDS)
    return text if plain == text else plain


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfc_plain(text: str) -> str:
    """NFC of the text with decorative letters read as plain ones and decoration marks dropped: the copy to
    cut into words when a text may be decomposed or decorated (cut as it is, every combining mark ends a
    word: "Na", "ng" for a decomposed "Nẵng"). ``text`` itself when it is already that."""
    if not text.isascii() and _MAYBE_READING.search(text) is not None:
        text = text.translate(_READING)
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
    if tone is None or not letters:
        # No tone, or a stray tone mark with no letter to sit on (found by fuzzing the search API): as typed.
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
        elif (
            initial == "g" and bases[start] == "i" and start + 1 < len(bases) and bases[start + 1] in _VOWELS
        ):
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


# Syllables whose tone placement varies in real text: "new style" oa/oe/uy (hoà, khoẻ, thuý), and any
# syllable still holding a combining mark after NFC (a tone typed on the wrong letter). Every other
# syllable is already canonical after NFC, so only syllables around these cores are re-placed.
# The pattern starts with the toned vowel (a rare character class) and looks behind for the o/u: a
# pattern starting with o|u tries a match at every o and u of the text, which made finding the cores
# two thirds of ``fold``'s time. Same cores as ``o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]|[\u0300-\u036f]`` (tested).
_VARIANT_RE = re.compile(
    r"[àáảãạèéẻẽẹỳýỷỹỵ\u0300-\u036f](?:(?<=o[àáảãạèéẻẽẹ])|(?<=u[ỳýỷỹỵ])|(?<=[\u0300-\u036f]))"
)
_combining = unicodedata.combining


def fold(text: str) -> str:
    """NFC, canonical tone placement, lower case, decorative letters read as plain ones and decoration marks
    dropped. Same length as the NFC input (offsets survive) unless a decorative letter carries combining
    marks (𝐄̂̉ → ể) or the text has decoration marks (u̲ → u)."""
    if not text:
        return ""
    if not text.isascii() and _MAYBE_READING.search(text) is not None:  # (as in ``nfc_plain``)
        text = text.translate(_READING)
    s = unicodedata.normalize("NFC", text).lower()
    parts: list[str] | None = None
    last = 0
    size = len(s)
    for m in _VARIANT_RE.finditer(s):
        start = m.start()
        if start < last:
            continue  # a second core in the syllable just re-placed
        while start > 0 and s[start - 1].isalpha():
            start -= 1
        end = m.end()
        while end < size and (s[end].isalpha() or _combining(s[end])):
            end += 1
        if parts is None:
            parts = []
        parts.append(s[last:start])
        parts.append(_fold_syllable(s[start:end]))
        last = end
    if parts is None:
        return s
    parts.append(s[last:])
    return "".join(parts)


def _marked_letters() -> str:
    """Latin letters that carry a mark (precomposed), and đ/Đ."""
    out = ["đĐ"]
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        d = unicodedata.normalize("NFD", chr(cp))
        if len(d) > 1 and d[0].isascii() and d[0].isalpha():
            out.append(chr(cp))
    return "".join(out)


_MARKED_LETTER = re.compile(f"[{re.escape(_marked_letters())}\u0300-\u036f]")
_MARKS_SAMPLE = 600  # characters read: the start of a text says how it was typed


_MARKED_SHARE = 0.08


def typed_without_marks(title: str, text: str) -> bool:
    """Whether a text was typed without Vietnamese marks ("gia vang tang manh"): fewer than 8 % of the
    letters in its first 600 characters (title first) carry one, and fewer than 12 of its first 150
    characters (the quick answer for ordinary text). Marked Vietnamese has 17-30 % (VNTC: 99.9 % of
    articles over 17 %, the lowest 3 %); a post typed without marks may still quote a marked name
    ("di choi o Đà Nẵng": 5 %). A text with no letters is not."""
    sample = title[:_MARKS_SAMPLE] + " " + text[: max(0, _MARKS_SAMPLE - len(title))]
    if len(_MARKED_LETTER.findall(sample, 0, 150)) >= _MARKED_SHARE * 150:
        return False  # any ordinary marked text, from its first 150 characters (the whole call ~3 µs)
    marked = len(_MARKED_LETTER.findall(sample))
    letters = sum(map(str.isalpha, sample))
    return letters > 0 and marked < _MARKED_SHARE * letters


def strip_diacritics(text: str) -> str:
    """Lower case, no marks at all, đ→d, decorative letters read as plain ones. Works on raw or folded text."""
    if not text:
        return ""
    if not text.isascii() and _MAYBE_READING.search(text) is not None:  # (as in ``nfc_plain``)
        text = text.translate(_READING)
    fast = text.lower().translate(_ASCII_TABLE)
    if fast.isascii():
        return fast
    decomposed = unicodedata.normalize("NFD", fast)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def strip_same_length(folded: str) -> str:
    """Diacritic-free copy of NFC text with the same length (offsets map one to one)."""
    return folded.translate(_ASCII_TABLE)


@lru_cache(maxsize=200_000)
def strip_token(token: str) -> str:
    return strip_diacritics(token)


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese mark (including đ)."""
    return strip_diacritics(text) != plain_letters(text, symbols=False).lower()


def tokens(text: str) -> list[str]:
    """Word tokens (letters and digits) of already-folded or raw text."""
    return _WORD_RE.findall(text)


def folded_tokens(text: str) -> list[str]:
    return _WORD_RE.findall(fold(text))


def ascii_fold(folded: str) -> str:
    """Diacritic-free copy of folded text for indexing (C speed; letters outside Latin are dropped)."""
    if folded.isascii():
        return folded
    plain = plain_letters(folded, symbols=False)
    if plain is not folded:
        folded = plain.lower()  # (callers pass raw text lower-cased too)
    return unicodedata.normalize("NFD", folded.replace("đ", "d")).encode("ascii", "ignore").decode("ascii")


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of word tokens in ``text`` (used to map matches back to the original)."""
    return [m.span() for m in _WORD_RE.finditer(text)]


# Syllable-final i and y after a consonant initial are two accepted spellings of one sound (kĩ/kỹ, lí/lý,
# mĩ/mỹ, quí/quý, hi sinh/hy sinh, công ti/công ty): a search typed one way must find the other. Only the
# search index and queries read them alike (``search_spelling``); ``fold`` keeps them apart, because the
# trained models read ``fold`` and a change there would silently change their inputs. The pattern starts
# at the y (a rare character class) and looks behind for a whole-word initial, as ``_VARIANT_RE`` does.
_Y_TO_I = {"y": "i", "ỳ": "ì", "ý": "í", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"}
_IY_RE = re.compile(
    r"[yỳýỷỹỵ](?![^\W_])"
    r"(?:(?<=(?<![^\W_])[bcdđghklmnprstvx].)"
    r"|(?<=(?<![^\W_])(?:ch|gh|kh|ng|nh|ph|qu|th|tr).)"
    r"|(?<=(?<![^\W_])ngh.))"
)


def _y_to_i(match: re.Match[str]) -> str:
    return _Y_TO_I[match.group(0)]


def search_spelling(folded: str) -> str:
    """Folded text with a word made of a consonant initial and a lone y written with i instead ("kỹ" →
    "kĩ", "quý" → "quí", "hy" → "hi"; "tay", "thuý", "y tế" unchanged). Same length. For the search index
    and queries only: never for model inputs (see above)."""
    return _IY_RE.sub(_y_to_i, folded)
