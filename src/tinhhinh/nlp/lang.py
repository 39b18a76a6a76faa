"""An item's language: the one its record, page or feed declares, else a cheap check of the text.

Every model here reads Vietnamese. A text that is clearly not Vietnamese (an English wire story, a
French page) must not be given a Vietnamese area and counted as local news; a short or doubtful text is
taken as Vietnamese, as before. See docs/collection.md ("Language").
"""

from __future__ import annotations

import re

from tinhhinh.nlp.normalize import strip_diacritics

# Letters only Vietnamese uses among Latin scripts (ă đ ơ ư and the vowels with hook, dot below or two
# marks: U+1EA0–U+1EF9). French â ê ô é are left out, so a French text does not pass for Vietnamese.
_VI_LETTER = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
# The most frequent syllables of VNTC (first 2,000 test articles, marks removed, 45 % of all words) and of
# ViHSD comments,
# without those that are also common words of English, French, Spanish or Italian (to, do, an, can, de,
# la, du, se, con, di, da…), plus the chat forms "dc", "ko": a text typed without marks (or with a few)
# is Vietnamese by them.
# fmt: off
_VI_SYLLABLES = frozenset("""
co va cac cua cho trong dong cong tu duoc nam nhung tai hoc thi nay khong quan voi truong
mot nguoi bo thanh dung nuoc dan nhan cung gia dinh noi thu tinh ngay dau nha doi dang
moi sinh qua theo hoi lam bao duong hien tren vien thong phai chinh toi giao ong vao viec
khi nhu bi thuc trinh nhieu trung dien dat chu lai nguyen ky hoa xe hai anh biet cap dao cao chung
phong ly pho phat sau cau thoi chuc khach quoc phan phuong khu chua hop luong roi duoc dc ko khong
minh oi vay gi luon cuoi chui gio ne kho ngheo xau ba em ke mieng tieng
""".split())
_EN_WORDS = frozenset("the and of to in is for on that with was are by as at from it this be has have".split())
# fmt: on
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 600  # characters read, title first
MIN_LETTERS = 40  # fewer letters cannot tell a language: taken as Vietnamese
_VI_LETTER_SHARE = 0.03  # marked Vietnamese has 10-20 % of its letters among _VI_LETTER
_VI_SYLLABLE_SHARE = 0.15  # Vietnamese without marks: ~45 % of its words; English, French ~0-5 %
_EN_SHARE = 0.1  # English: ~25 % of its words are _EN_WORDS


def declared(value: object) -> str | None:
    """A declared language ("vi", "vi-VN", "vi_VN", "en-US", "English"?) as its primary subtag in lower
    case ("vi", "en"), or None when it is not a language tag."""
    if not isinstance(value, str):
        return None
    tag = value.strip().replace("_", "-").split("-")[0].lower()
    return tag if 2 <= len(tag) <= 3 and tag.isascii() and tag.isalpha() else None


def guess(title: str, text: str) -> str:
    """ "vi" unless the text is clearly not Vietnamese: then "en" for English, else "und" (undetermined)."""
    sample = (title or "")[:SAMPLE] + " " + (text or "")[: max(0, SAMPLE - len(title or ""))]
    if len(_VI_LETTER.findall(sample, 0, 150)) >= 5:
        return "vi"  # ordinary marked Vietnamese, from its first 150 characters
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS or len(_VI_LETTER.findall(sample)) >= _VI_LETTER_SHARE * letters:
        return "vi"
    words = _WORD.findall(strip_diacritics(sample))
    if not words:
        return "vi"
    if sum(w in _VI_SYLLABLES for w in words) >= _VI_SYLLABLE_SHARE * len(words):
        return "vi"
    return "en" if sum(w in _EN_WORDS for w in words) >= _EN_SHARE * len(words) else "und"


def item_lang(given: object, title: str, text: str) -> str:
    """The declared language when there is one, else ``guess``."""
    return declared(given) or guess(title, text)
