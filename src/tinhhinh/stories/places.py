"""Tag items with Vietnamese provinces on the current map (34 units since 1 July 2025).

Former names resolve to the province they merged into ("Hà Nam" → Ninh Bình); former districts and
current communes resolve to their province when the name is unique nationwide. Data:
``tinhhinh/data/places.json`` (see places.md for source, date, licence).

Matching runs on the original text, token by token (so never inside another word), longest name first:
- exact with diacritics (after ``fold``), and the name's syllables must be capitalised unless the text
  as a whole is written in lower case (many posts are);
- without diacritics only when the text itself carries none there and the name has ≥ 2 syllables
  ("ha noi" yes; a bare "hue" no);
- districts and communes only with their prefix ("huyện Gia Lâm", "xã Tân Hòa"), except former
  provincial cities ("Nha Trang", "Đà Lạt");
- a few longer phrases block a match ("Thái Bình Dương" is an ocean, "tư tưởng Hồ Chí Minh" a person,
  "giờ Hà Nội" a time zone, "chính quyền Sài Gòn" the former regime, "bán đảo Cà Mau" a region); a surname
  just before a name in the same phrase makes it a person, "đường"/"phố" a street, "xã"/"phường"/"thôn" a
  commune or hamlet of that name, a clock time ("6h30 Hà Nội", "(khoảng 4h sáng nay Hà Nội)") a time zone;
  "Hà Nam" alone in news naming China is Henan; numbered districts in a text naming Paris (and no other sign
  of Hồ Chí Minh City) are Paris's; a few places are also matched bare (landmarks: "Mỹ Đình", "Mộc Châu",
  "Sa Pa", "hồ Tây", "chợ Bến Thành", ...); a district also under a lower status than the list's last one
  ("huyện Điện Bàn", listed as "thị xã").
Measured on judged real articles: docs/stories.md section 3 (bench/places_eval.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, nfc_plain, strip_token
from tinhhinh.nlp.textview import Column, Memo, TextView, text_view

PLACES_PATH = Path(__file__).resolve().parent.parent / "data" / "places.json"
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_DASH = re.compile("[-–]")
_GAP_OK = re.compile(r"\s+|\.|\s*[-–]\s*|\.\s+")
_PREFIXES = {
    "quận": ["quận", "q"],
    "quận La Mã": ["quận"],  # "quận I": only the full word ("Q.V" is a person's initials)
    "huyện": ["huyện", "h"],
    "thị xã": ["thị xã", "tx"],
    "thành phố": ["thành phố", "tp"],
}
_ABBREVIATIONS = {"tp", "q", "tx", "h"}
# A capitalised surname or middle name just before a match means a person ("Nguyễn Hà Nam").
# Only when the two words are one phrase: "Giảng Võ, Hà Nội" is a place, then the city.
_PERSON_BEFORE = set(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh mai cao lưu "
    "vương trương tạ quách đoàn đào tô la kiều mạc lò hà tăng triệu khổng thân chu doãn lục âu "
    "lại tống nghiêm phùng đàm diệp nông tôn khúc hứa lữ cù thái "
    "văn thị đức hữu công quang minh ngọc xuân thanh bá trọng".split()
)

# A bare name right after these words is a street ("đường Điện Biên Phủ", "phố Huế"), not the place.
_STREET_BEFORE = {"đường", "phố"}
# ... unless the word before makes it "thành phố X" (a city) or sugar ("nhà máy đường X", "công ty đường X")
# or "đường phố X" (the streets of X); "đường X - Y" is a road between two places
_NOT_A_STREET = {"thành", "máy", "ty", "phần", "mía", "biến", "đường"}
# A bare name right after these words is a commune, ward or hamlet of that name ("xã Long An" in Tiền Giang,
# "phường Điện Biên" in Thanh Hóa), not the province ...
_UNIT_BEFORE = {"xã", "phường", "thôn", "ấp", "xóm"}
# ... unless the word before makes it "thị xã X" (a town), "phố phường X" (the streets of X), "hợp tác xã X"
# (a cooperative of X) or "nông thôn X" (the countryside of X)
_NOT_A_UNIT = {"thị", "phố", "tác", "nông"}
# A clock time ("6h30", "16h") right before a time-zone name: "(tức 6h30 Hà Nội)" is a time, not the city.
_CLOCK = re.compile(r"\d{1,2}h\d{0,2}")
# ... and a clock time a few time words before it inside one bracket: "(khoảng 4h sáng nay Hà Nội)",
# "(tức 6 giờ sáng nay Hà Nội)", "(11:30 trưa Hà Nội)"; only these words may stand between
_TIME_WORDS = frozenset("sáng trưa chiều tối đêm khuya sớm nay mai qua hôm cùng ngày giờ g phút".split())
_TIME_GAP = re.compile(r"[ \u00a0,:/'’]*")
_TIME_WINDOW = 6  # words between the name and the clock time, at most
# Districts were renamed as their status rose (huyện → thị xã → thành phố, huyện/thị xã → quận); the list carries
# the last status only, so a named district is also found under the lower ones older texts use ("huyện Điện
# Bàn", listed as "thị xã"; "thị xã Hà Đông", listed as "quận"). Not the higher ones: "thành phố Trùng Khánh"
# and "thành phố Thường Xuân" are Chinese cities named like Vietnamese districts.
_LOWER_STATUS = {
    "thành phố": ["thị xã", "tx", "huyện"],
    "quận": ["thị xã", "tx", "huyện"],
    "thị xã": ["huyện"],
}
_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII".split())
# An address going on: "xã A, huyện B", "xã A (huyện B)"; a province in brackets: "Hạ Long (TP.HCM)".
_CHAIN = re.compile(r"\s*[,(]\s*")
_BRACKET = re.compile(r"\s*\(\s*")
_BARE_KINDS = frozenset({"former_district", "landmark"})
_PROVINCE_KINDS = frozenset({"province", "alias", "former_province"})
# ... or a district of another province in brackets: "Cổ Loa (Q.Phú Nhuận)" is a street there
_AFTER_BARE = _PROVINCE_KINDS | {"former_district"}
# A match starting with these is an administrative form ("TP.HCM"), never part of a person's name.
_NOT_A_GIVEN_NAME = {"tp", "tphcm"}


# What ``find_words`` needs of one original word, as bits (one dict hit per word instead of several
# maps): its first letter is a capital; it may start a name in lower-case text; in mixed-case text.
_IS_UPPER, _STARTS_LOWER, _STARTS_MIXED, _MARKED = 1, 2, 4, 8
_UPPER_BIT = bytes(1 if v & _IS_UPPER else 0 for v in range(256))
_LOWER_START = bytes(1 if v & _STARTS_LOWER else 0 for v in range(256))
_MIXED_START = bytes(1 if v & _STARTS_MIXED else 0 for v in range(256))
_MARKED_BIT = bytes(1 if v & _MARKED else 0 for v in range(256))


def _gap_kind(gap: str) -> int:
    """0: two words around ``gap`` are apart; 1: one phrase; 2: one phrase if the first is an abbreviation."""
    if not _GAP_OK.fullmatch(gap):
        return 0
    return 2 if "." in gap else 1


@dataclass(frozen=True)
class Place:
    code: str  # province code on the current map
    province: str  # canonical province name on the current map
    kind: str  # province | alias | former_province | former_district | commune | landmark
    name: str  # the listed name that matched


@dataclass(frozen=True)
class Mention:
    place: Place
    start: int
    end: int
    text: str


class Gazetteer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.version = data["version"]
        self.exact: dict[tuple[str, ...], Place] = {}
        self.plain: dict[tuple[str, ...], Place] = {}
        self.n_prefix: dict[tuple[str, ...], int] = {}  # syllables of a key that are a prefix (not the name)
        self.blockers = {tuple(_toks(fold(b))) for b in data.get("blockers", [])}
        self.common = {tuple(_toks(fold(b))) for b in data.get("common_words", [])}
        # names that are also a foreign place, with the (folded) words that name that country
        self.foreign_twins = {
            n: tuple(re.compile(rf"(?<!\w){re.escape(fold(c))}(?!\w)") for c in cs)
            for n, cs in data.get("foreign_twins", {}).items()
        }
        # a blocker preceded by one more word is a place again ("bây giờ Hà Nội" = "now Hà Nội")
        self.unblock = {tuple(_toks(fold(b))) for b in data.get("blocker_exceptions", [])}
        # folded and plain keys ("6h30 Ha Noi" too)
        self.time_zones = {tuple(_toks(fold(b))) for b in data.get("time_zones", [])}
        self.time_zones |= {tuple(map(strip_token, k)) for k in self.time_zones}
        # cities abroad with numbered districts ("quận 9" in a Paris story): folded words
        self.numbered_abroad = frozenset(fold(c) for c in data.get("numbered_abroad", []))
        self.by_code = {p["code"]: p for p in data["provinces"]}
        needs_prefix = set(data.get("needs_prefix", []))
        for p in data["provinces"]:
            code, canonical = p["code"], p["name"]
            names = [(canonical, "province"), *((a, "alias") for a in p["aliases"])]
            names += [(f, "former_province") for f in p["former"]]
            for name, kind in names:
                if name in needs_prefix:
                    continue
                self._add(name, Place(code, canonical, kind, name), prefix_len=_prefix_len(name))
        for d in data.get("districts", []):
            prov = self.by_code[d["province"]]
            place = Place(d["province"], prov["name"], "former_district", d["name"])
            prefixes = list(_PREFIXES.get(d["kind"], []))
            if not _numbered(d["name"]):
                prefixes += _LOWER_STATUS.get(d["kind"], [])
            for prefix in prefixes:
                self._add(f"{prefix} {d['name']}", place, prefix_len=len(prefix.split()), weak=True)
            if d["kind"] == "thành phố":
                self._add(d["name"], place, prefix_len=0, weak=True)
        for lm in data.get("landmarks", []):
            prov = self.by_code[lm["province"]]
            # leading lower-case words are a generic prefix, not part of the name ("hồ Tây": "Hồ Tây" too)
            words = lm["name"].split()
            n_lower = next((k for k, w in enumerate(words) if not w[:1].islower()), len(words))
            place = Place(lm["province"], prov["name"], "landmark", lm["name"])
            # (no diacritic-free form then: "cho" would start a match at every "for")
            self._add(lm["name"], place, n_lower, weak=True, plain=not n_lower)
        for c in data.get("communes", []):
            prov = self.by_code[c["province"]]
            self._add(
                c["name"], Place(c["province"], prov["name"], "commune", c["name"]), prefix_len=1, weak=True
            )
        self.max_len = max(len(k) for k in self.exact)
        # Most words start no name: checking the first word against these sets skips them cheaply.
        self.first = {k[0] for k in self.exact} | {k[0] for k in self.blockers}
        self.first_plain = {k[0] for k in self.plain}
        # lower-case words can only start a match as a prefix ("tỉnh", "thành phố") or a blocker
        self.lower_first = {k[0] for k, n in self.n_prefix.items() if n > 0} | {k[0] for k in self.blockers}
        self._word_class = Memo(self._class_of)  # original word → its class bits
        self._class_column = Column(self._class_of_word, np.uint8)  # the same, by word id
        self._gap_kinds: dict[str, int] = {}
        self._exact_prefixes = {k[:j] for k in (*self.exact, *self.blockers) for j in range(1, len(k) + 1)}
        self._plain_prefixes = {k[:j] for k in self.plain for j in range(1, len(k) + 1)}
        # words that are a whole key or blocker on their own
        self._single = {k[0] for k in (*self.exact, *self.blockers) if len(k) == 1}

    def _add(self, name: str, place: Place, prefix_len: int, weak: bool = False, plain: bool = True) -> None:
        key = tuple(_toks(fold(name)))
        if not key:
            return
        # a province name always wins over a district/commune with the same spelling
        if weak and key in self.exact:
            return
        self.exact[key] = place
        self.n_prefix[key] = prefix_len
        if plain and len(key) - prefix_len >= 2:
            plain_key = tuple(map(strip_token, key))  # (memoised: names share most syllables)
            if not (weak and plain_key in self.plain):
                self.plain[plain_key] = place
            self.n_prefix[plain_key] = prefix_len

    def find(self, text: str, folded_text: str | None = None) -> list[Mention]:
        """Mentions in ``text``; ``folded_text`` = ``fold(text)`` when the caller already has it. A text
        not in NFC (typed with combining marks, "Unicode tổ hợp") or in decorative letters (𝐃𝐚̀ 𝐍𝐚̆̃𝐧𝐠) is
        read as its NFC plain-letter copy, to which the mentions' offsets then refer: cut as it is, every
        combining mark would end a word ("Na", "ng")."""
        if not text:
            return []
        text = nfc_plain(text)
        spans = [m.span() for m in _TOKEN_RE.finditer(text)]
        raw = _TOKEN_RE.findall(text)
        whole = fold(text) if folded_text is None else folded_text
        if len(whole) == len(text):  # fold keeps the length of NFC text: slice instead of folding each word
            folded = [whole[a:b] for a, b in spans]
        else:
            folded = [fold(t) for t in raw]
        first, first_plain = self.first, self.first_plain
        heads = list(map(itemgetter(0), raw))
        upper = list(map(str.isupper, heads))
        n_cap = sum(upper)
        lower_text = n_cap < 0.02 * max(1, len(raw))
        # Where a name could start, decided with C-level maps over all words at once; a word is
        # skipped when it is lower case (in mixed-case text) and cannot start a prefix or blocker, or
        # when neither its folded nor its plain form starts any name.
        if lower_text:
            may = [True] * len(raw)
        else:
            may = [
                u or d or lf
                for u, d, lf in zip(
                    upper, map(str.isdigit, heads), map(self.lower_first.__contains__, folded), strict=True
                )
            ]
        starts = [
            i
            for i, (ok, f, inf) in enumerate(zip(may, folded, map(first.__contains__, folded), strict=True))
            if ok and (inf or strip_token(f) in first_plain)
        ]
        if not starts:
            return []
        marked = bytes(map(_marked, raw))
        hits = self._match(
            raw, folded, lambda k: text[spans[k][1] : spans[k + 1][0]], starts, lower_text, marked
        )
        out = []
        for i, length, place in hits:
            a, b = spans[i][0], spans[i + length - 1][1]
            out.append(Mention(place, a, b, text[a:b]))
        return out

    def find_words(
        self,
        parts: list[str],
        folded: list[str],
        classes: bytes | None = None,
        words: list[str] | None = None,
    ) -> list[tuple[int, int, Place]]:
        """``find`` over a text already cut into ``parts`` (gap, word, gap, ...) whose words fold to ``folded``.

        ``folded`` must be ``fold`` of each word (``TextView.folded_words``; only then is a word's
        class below its own). ``classes``: each word's ``_class_of``, and ``words``: ``parts[1::2]``,
        when the caller has them.
        Returns (first word, number of words, place) per mention.
        """
        n = len(folded)
        if not n:
            return []
        cls = bytes(map(self._word_class.__getitem__, parts[1::2])) if classes is None else classes
        lower_text = cls.translate(_UPPER_BIT).count(1) < 0.02 * n
        starts = list(compress(range(n), cls.translate(_LOWER_START if lower_text else _MIXED_START)))
        if not starts:
            return []
        if words is None:
            words = parts[1::2]
        return self._match(
            words, folded, parts[2:-1:2].__getitem__, starts, lower_text, cls.translate(_MARKED_BIT)
        )

    def _class_of_word(self, word: str, folded: str) -> int:
        return self._class_of(word, folded)  # (the word table has folded it already)

    def _class_of(self, word: str, f: str | None = None) -> int:
        """``word``'s class bits; ``f``: ``fold(word)`` when the caller has it."""
        if f is None:
            f = fold(word)
        v = _MARKED if _marked(word) else 0
        if not (f in self.first or strip_token(f) in self.first_plain):
            return v | _IS_UPPER if word[:1].isupper() else v
        if word[:1].isupper():
            return v | _IS_UPPER | _STARTS_LOWER | _STARTS_MIXED
        if word[:1].isdigit() or f in self.lower_first:
            return v | _STARTS_LOWER | _STARTS_MIXED
        return v | _STARTS_LOWER

    def _match(
        self,
        raw: list[str],
        folded: list[str],
        gap_at: Callable[[int], str],
        starts: list[int],
        lower_text: bool,
        marked: bytes,
    ) -> list[tuple[int, int, Place]]:
        """Longest match first at each start word; ``marked[k]`` = word k carries a diacritic."""
        gap_ok: dict[int, bool] = {}
        gap_kinds = self._gap_kinds
        exact_prefixes, plain_prefixes, single = self._exact_prefixes, self._plain_prefixes, self._single

        def joined_run(i: int, limit: int) -> int:
            """How many words from i on form one phrase (at most ``limit``)."""
            r = 1
            while r < limit:
                k = i + r - 1
                ok = gap_ok.get(k)
                if ok is None:
                    kind = gap_kinds.get(gap := gap_at(k))
                    if kind is None:
                        if len(gap_kinds) >= 10_000:
                            gap_kinds.clear()
                        kind = gap_kinds[gap] = _gap_kind(gap)
                    ok = gap_ok[k] = kind == 1 or kind == 2 and raw[k].lower() in _ABBREVIATIONS
                if not ok:
                    break
                r += 1
            return r

        out: list[tuple[int, int, Place]] = []
        i = 0
        n = len(raw)
        foreign_numbered = numbered = False
        for start in starts:
            if start < i:
                continue
            i = start
            limit = min(self.max_len, n - i)
            # The usual start word: no key (nor blocker) continues past it, so only the word alone
            # could match, and it does not (nor can a plain key: that needs two unmarked words).
            # Exactly the search below finding nothing, at a fraction of its cost.
            if (
                limit < 2 or (marked[i] or marked[i + 1]) and (folded[i], folded[i + 1]) not in exact_prefixes
            ) and folded[i] not in single:
                i += 1
                continue
            hit = None
            # No key (nor blocker) is longer than the words from i that are a prefix of one: start
            # the longest-first search there. Plain keys count only over words without diacritics.
            top = 0
            while top < limit and tuple(folded[i : i + top + 1]) in exact_prefixes:
                top += 1
            unmarked = marked.find(1, i, i + limit)
            unmarked = limit if unmarked < 0 else unmarked - i
            plain: list[str] = []
            if unmarked >= 2:
                plain = list(map(strip_token, folded[i : i + unmarked]))
                p = 0
                while p < unmarked and tuple(plain[: p + 1]) in plain_prefixes:
                    p += 1
                top = max(top, p)
            if top > 1:
                top = joined_run(i, top)  # and no name spans a gap that is not a phrase's
            for length in range(top, 0, -1):
                key = tuple(folded[i : i + length])
                if key in self.blockers:
                    if i > 0 and (folded[i - 1], *key) in self.unblock:
                        continue
                    hit = (length, None)
                    break
                place = self.exact.get(key)
                if place is None and 2 <= length <= unmarked:
                    key = tuple(plain[:length])
                    place = self.plain.get(key)
                if place is None:
                    continue
                name_part = raw[i + self.n_prefix.get(key, 0) : i + length]
                capitalised = all(t[:1].isupper() or t[:1].isdigit() for t in name_part)
                if not capitalised and (not lower_text or tuple(folded[i : i + length]) in self.common):
                    continue
                if (
                    i > 0
                    and not self.n_prefix.get(key, 0)
                    and folded[i] not in _NOT_A_GIVEN_NAME
                    and raw[i - 1][:1].isupper()
                    and folded[i - 1] in _PERSON_BEFORE
                    and _in_name(gap_at(i - 1))
                ):
                    continue
                # "đường Điện Biên Phủ", "phố Huế": a street named after the place
                if (
                    i > 0
                    and folded[i - 1] in _STREET_BEFORE
                    and not self.n_prefix.get(key, 0)
                    and folded[i] not in _NOT_A_GIVEN_NAME
                    and (i < 2 or folded[i - 2] not in _NOT_A_STREET)
                    and _in_name(gap_at(i - 1))
                    and (i + length >= n or not _DASH.search(gap_at(i + length - 1)))
                ):
                    continue
                # "xã Long An", "thôn Hòa Bình": a commune or hamlet named like the province
                if (
                    i > 0
                    and folded[i - 1] in _UNIT_BEFORE
                    and not self.n_prefix.get(key, 0)
                    and folded[i] not in _NOT_A_GIVEN_NAME
                    and (i < 2 or folded[i - 2] not in _NOT_A_UNIT)
                    and _in_name(gap_at(i - 1))
                ):
                    continue
                # "(tức 6h30 Hà Nội)", "(khoảng 4h sáng nay Hà Nội)": a time zone
                if (
                    i > 0
                    and key in self.time_zones
                    and (
                        _CLOCK.fullmatch(folded[i - 1])
                        and _in_name(gap_at(i - 1))
                        or (folded[i - 1] in _TIME_WORDS or folded[i - 1][:1].isdigit())
                        and _clock_in_bracket(folded, gap_at, i)
                    )
                ):
                    continue
                # "quận 9 Paris": a numbered district named with a foreign city right after it; then
                # the text's other numbered districts are that city's too (dropped at the end)
                end = i + length
                if place.name.isdigit() or place.name in _ROMAN:  # _numbered(), inline: runs per hit
                    if (
                        end < n
                        and raw[end][:1].isupper()
                        and _foreign_word(raw[end])
                        and _in_name(gap_at(end - 1))
                    ):
                        foreign_numbered = True
                        continue
                    numbered = True
                hit = (length, place)
                break
            if hit is None:
                i += 1
                continue
            length, place = hit
            if place is not None:
                out.append((i, length, place))
            i += length
        if foreign_numbered:
            out = [h for h in out if not _numbered(h[2].name)]
        elif numbered and self.numbered_abroad:
            out = self._numbered_abroad(out, folded)
        if len(out) > 1:
            out = _drop_namesakes(out, gap_at)
        return out

    def _numbered_abroad(
        self, hits: list[tuple[int, int, Place]], folded: list[str]
    ) -> list[tuple[int, int, Place]]:
        """Numbered districts that are a text's only sign of their city, in a text naming a city abroad
        that has numbered districts ("Cháy khách sạn ở Paris ... nằm ở quận 9"), are that city's."""
        numbered = [h for h in hits if _numbered(h[2].name)]
        if not numbered:
            return hits
        codes = {h[2].code for h in numbered}
        if any(h[2].code in codes and not _numbered(h[2].name) for h in hits):
            return hits
        if self.numbered_abroad.isdisjoint(folded):
            return hits
        return [h for h in hits if not _numbered(h[2].name)]

    def provinces(self, text: str, folded_text: str | None = None) -> list[str]:
        """Canonical province names mentioned in ``text``, in order of first mention."""
        places = [m.place for m in self.find(text, folded_text)]
        return self._distinct(places, lambda: fold(text) if folded_text is None else folded_text)

    def provinces_in_view(self, view: TextView) -> list[str]:
        """``provinces(view.content)``, from the view's words when they are folded word by word."""
        fw = view.folded_words
        if fw is None:
            return self.provinces(view.content, view.folded)
        hits = self.find_words(view.parts, fw, self._class_column.take(view.ids).tobytes(), view.words)
        return self._distinct([h[2] for h in hits], lambda: view.folded)

    def _distinct(self, places: list[Place], folded_text: Callable[[], str]) -> list[str]:
        seen: list[str] = []
        for place in places:
            if place.province not in seen:
                seen.append(place.province)
        # "tỉnh Hà Nam" in news about China is Henan: a twin name that is the text's only place, in a
        # text naming the foreign country, is not counted
        if len(seen) == 1 and all(p.name in self.foreign_twins for p in places):
            markers = {m for p in places for m in self.foreign_twins[p.name]}
            if any(m.search(folded_text()) for m in markers):
                return []
        return seen


def _drop_namesakes(
    hits: list[tuple[int, int, Place]], gap_at: Callable[[int], str]
) -> list[tuple[int, int, Place]]:
    """Drop a commune whose address goes on in another province ("xã Bắc Sơn, huyện Sóc Sơn": an older commune
    of the same name, not today's Bắc Sơn in Lạng Sơn), and a bare district or landmark followed by another
    province in brackets ("Điện Biên Phủ (TP HCM)": a street, "Hạ Long (TP.HCM)": a company). A name dropped
    once is dropped throughout the text (its later mentions are the same namesake)."""
    dropped: set[Place] = set()
    for (i, length, place), (j, _, after) in zip(hits, hits[1:], strict=False):
        if j == i + length and after.province != place.province:
            gap = gap_at(j - 1)
            if place.kind == "commune" and _CHAIN.fullmatch(gap):
                dropped.add(place)
            elif place.kind in _BARE_KINDS and after.kind in _AFTER_BARE and _BRACKET.fullmatch(gap):
                dropped.add(place)
    return [h for h in hits if h[2] not in dropped] if dropped else hits


def _clock_in_bracket(folded: list[str], gap_at: Callable[[int], str], i: int) -> bool:
    """A clock time ("4h", "6 giờ", "11:30") before word ``i``, with only time words between them
    ("sáng nay", "tối cùng ngày") and an open bracket just before it: "(khoảng 4h sáng nay Hà Nội)"."""
    for j in range(i - 1, max(-1, i - 1 - _TIME_WINDOW), -1):
        gap = gap_at(j)  # between word j and the next
        if not _TIME_GAP.fullmatch(gap):
            return False
        w = folded[j]
        if _CLOCK.fullmatch(w) or w.isdigit() and (":" in gap or folded[j + 1] in ("giờ", "g")):
            # the bracket opens right before the clock time or one or two words before it ("(tức", "(khoảng")
            for k in range(j - 1, max(-1, j - 4), -1):
                before = gap_at(k)
                if "(" in before:
                    return ")" not in before.rpartition("(")[2]
                if ")" in before or "\n" in before:
                    return False
            return False
        if not (w in _TIME_WORDS or w.isdigit()):
            return False
    return False


def _numbered(name: str) -> bool:
    """A numbered district's name: "8", or "VIII" (Roman numerals)."""
    return name.isdigit() or name in _ROMAN


def _foreign_word(word: str) -> bool:
    """Not a Vietnamese syllable: no marks and an ending or letter Vietnamese never has ("Paris")."""
    low = word.lower()
    if len(low) < 4 or not low.isascii() or not low.isalpha():
        return False
    return low[-1] in "slrdbvxkq" or any(c in low for c in "fjwz")


def _in_name(gap: str) -> bool:
    """Two words with only spaces between them can be one person's name; a comma or a line break parts them."""
    return bool(gap) and not gap.strip(" \u00a0")


def _toks(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def _prefix_len(name: str) -> int:
    low = fold(name)
    for prefix in ("thành phố ", "tỉnh ", "thủ đô ", "cố đô ", "tp "):
        if low.startswith(prefix):
            return len(prefix.split())
    return 0


def _marked(token: str) -> bool:
    return strip_token(token) != token.lower()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(json.loads(PLACES_PATH.read_text(encoding="utf-8")))


class PlacesStage:
    """Per-record stage: ``item.places`` = canonical province names (current map) the item mentions."""

    name = "places"

    def __init__(self) -> None:
        self.gazetteer = gazetteer()
        # 2: judged-set fixes; 3: fresh-set fixes; 4: the third fresh set's error kinds (docs/stories.md §3)
        # 5: text not in NFC, or in decorative letters, read as its NFC plain-letter copy (the same places as 4
        # on NFC text; before, NFD text found none)
        self.version = f"places-5/{self.gazetteer.version}"

    def __call__(self, item: Item) -> Item:
        if isinstance(item.title, str) and isinstance(item.text, str):
            view = text_view(item.title, item.text)  # words (and folds) shared with area, keywords, copies
            item.places = self.gazetteer.provinces_in_view(view)
        else:
            item.places = self.gazetteer.provinces(item.content)
        item.model_version[self.name] = self.version
        return item
