"""The fast run-time paths give exactly what the word-by-word reference paths give.

Keywords: one automaton scan over the text's word codes (``_extract_scan``) against ``segment`` word
by word (``_extract_words``). The text view: words folded one by one (``folded_words``) against
``fold`` of the whole text. Generated texts mix lexicon words in every case, names, digits, every
kind of punctuation, NFD, combining marks, emoji and the characters that force the slow path.
"""

from __future__ import annotations

import random
import re
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
    assert view.n_title == (len(_WORD_RE.findall(title)) if title else 0)
    if fw is None:
        assert view.ids is None
        return
    assert [textview.WORDS.words[i] for i in view.ids_list] == words
    assert view.ids.tolist() == view.ids_list
    if view.words_are_tokens:
        assert view.folded_tokens is fw
        # area reads the title's folded words as the first n_title of the whole text's
        assert fw[: view.n_title] == _WORD_RE.findall(fold(title))
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


# --- places ---------------------------------------------------------------------------------------


def _reference_find(g, text: str, folded_text: str | None = None) -> list[tuple[int, int, str, str]]:
    """``Gazetteer.find`` as it was before the word-class and prefix pruning (commit af8b11f), plus the
    rules of places-2 (blocker exceptions, the person guard within one phrase, streets, numbered
    districts of a foreign city) and places-3 (communes named like a province, clock times before a time
    zone, Roman-numbered districts) and places-4 (a clock time a few time words before a time zone inside a
    bracket, numbered districts in a text naming a city abroad that has them, a bare name followed by another
    province's district in brackets), written the plain way; a text not in NFC or in decorative letters is
    read as its ``nfc_plain`` copy (session 10)."""
    from operator import itemgetter

    from tinhhinh.nlp.normalize import nfc_plain, strip_token
    from tinhhinh.stories import places as P

    if not text:
        return []
    text = nfc_plain(text)
    spans = [m.span() for m in P._TOKEN_RE.finditer(text)]
    raw = P._TOKEN_RE.findall(text)
    whole = fold(text) if folded_text is None else folded_text
    if len(whole) == len(text):
        folded = [whole[a:b] for a, b in spans]
    else:
        folded = [fold(t) for t in raw]
    heads = list(map(itemgetter(0), raw))
    upper = list(map(str.isupper, heads))
    lower_text = sum(upper) < 0.02 * max(1, len(raw))
    if lower_text:
        may = [True] * len(raw)
    else:
        may = [
            u or d or lf
            for u, d, lf in zip(
                upper, map(str.isdigit, heads), map(g.lower_first.__contains__, folded), strict=True
            )
        ]
    starts = [
        i
        for i, (ok, f, inf) in enumerate(zip(may, folded, map(g.first.__contains__, folded), strict=True))
        if ok and (inf or strip_token(f) in g.first_plain)
    ]

    def gap_at(k: int) -> str:
        return text[spans[k][1] : spans[k + 1][0]]

    def gap_ok(k: int) -> bool:
        gap = gap_at(k)
        if not P._GAP_OK.fullmatch(gap):
            return False
        return "." not in gap or text[spans[k][0] : spans[k][1]].lower() in P._ABBREVIATIONS

    def joined_run(i: int, limit: int) -> int:
        r = 1
        while r < limit and gap_ok(i + r - 1):
            r += 1
        return r

    def clock_in_bracket(i: int) -> bool:
        # walk back over time words to a clock time, then look for the bracket opened before it
        clock = None
        for j in range(i - 1, max(-1, i - 1 - P._TIME_WINDOW), -1):
            if not re.fullmatch(r"[ \u00a0,:/'’]*", gap_at(j)):
                return False
            w = folded[j]
            if (
                re.fullmatch(r"\d{1,2}h\d{0,2}", w)
                or w.isdigit()
                and (":" in gap_at(j) or folded[j + 1] in ("giờ", "g"))
            ):
                clock = j
                break
            if w not in P._TIME_WORDS and not w.isdigit():
                return False
        if clock is None:
            return False
        for k in range(clock - 1, max(-1, clock - 4), -1):
            gap = gap_at(k)
            if "(" in gap:
                return ")" not in gap[gap.rindex("(") :]
            if ")" in gap or "\n" in gap:
                return False
        return False

    out = []
    kinds_at = []
    i = 0
    n = len(raw)
    foreign_numbered = False
    for start in starts:
        if start < i:
            continue
        i = start
        hit = None
        for length in range(joined_run(i, min(g.max_len, len(raw) - i)), 0, -1):
            key = tuple(folded[i : i + length])
            if key in g.blockers:
                if i > 0 and (folded[i - 1], *key) in g.unblock:
                    continue
                hit = (length, None)
                break
            place = g.exact.get(key)
            if place is None and length >= 2 and not any(P._marked(t) for t in raw[i : i + length]):
                plain_key = tuple(map(strip_token, key))
                place = g.plain.get(plain_key)
                key = plain_key
            if place is None:
                continue
            name_part = raw[i + g.n_prefix.get(key, 0) : i + length]
            capitalised = all(t[:1].isupper() or t[:1].isdigit() for t in name_part)
            if not capitalised and (not lower_text or tuple(folded[i : i + length]) in g.common):
                continue
            in_phrase = i > 0 and P._in_name(gap_at(i - 1))
            plain_name = not g.n_prefix.get(key, 0) and folded[i] not in P._NOT_A_GIVEN_NAME
            if in_phrase and plain_name and raw[i - 1][:1].isupper() and folded[i - 1] in P._PERSON_BEFORE:
                continue
            if (
                in_phrase
                and plain_name
                and folded[i - 1] in P._STREET_BEFORE
                and (i < 2 or folded[i - 2] not in P._NOT_A_STREET)
                and (i + length >= n or not P._DASH.search(gap_at(i + length - 1)))
            ):
                continue
            if (
                in_phrase
                and plain_name
                and folded[i - 1] in P._UNIT_BEFORE
                and (i < 2 or folded[i - 2] not in P._NOT_A_UNIT)
            ):
                continue
            if in_phrase and P._CLOCK.fullmatch(folded[i - 1]) and key in g.time_zones:
                continue
            if key in g.time_zones and clock_in_bracket(i):
                continue
            end = i + length
            if P._numbered(place.name) and end < n and raw[end][:1].isupper() and P._foreign_word(raw[end]):
                if P._in_name(gap_at(end - 1)):
                    foreign_numbered = True
                    continue
            hit = (length, place)
            break
        if hit is None:
            i += 1
            continue
        length, place = hit
        if place is not None:
            a, b = spans[i][0], spans[i + length - 1][1]
            out.append((a, b, place.code, place.name))
            kinds_at.append((a, b, place.kind))
        i += length
    if foreign_numbered:
        out = [h for h in out if not P._numbered(h[3])]
    else:
        # numbered districts, the text's only sign of their city, in a text naming Paris (Lyon, Marseille)
        numbered_codes = {h[2] for h in out if P._numbered(h[3])}
        sole = not any(h[2] in numbered_codes and not P._numbered(h[3]) for h in out)
        if numbered_codes and sole and any(f in g.numbered_abroad for f in folded):
            out = [h for h in out if not P._numbered(h[3])]
    # a commune whose address goes on in another province; a bare district with another province in brackets
    # (then every mention of that name)
    kinds = {(a, b): k for a, b, k in kinds_at}
    dropped = set()
    for k, h in enumerate(out[:-1]):
        nxt = out[k + 1]
        gap = text[h[1] : nxt[0]]
        kind, next_kind = kinds[h[0], h[1]], kinds[nxt[0], nxt[1]]
        other = g.by_code[h[2]]["name"] != g.by_code[nxt[2]]["name"]
        if other and P._TOKEN_RE.search(gap) is None:
            if kind == "commune" and re.fullmatch(r"\s*[,(]\s*", gap):
                dropped.add((h[2], h[3], kind))
            if (
                kind in ("former_district", "landmark")
                and next_kind in ("province", "alias", "former_province", "former_district")
                and re.fullmatch(r"\s*\(\s*", gap)
            ):
                dropped.add((h[2], h[3], kind))
    return [h for h in out if (h[2], h[3], kinds[h[0], h[1]]) not in dropped]


def _place_names() -> list[str]:
    import json

    from tinhhinh.stories import places as P

    d = json.loads(P.PLACES_PATH.read_text(encoding="utf-8"))
    r = random.Random(11)
    names = list(d["blockers"]) + list(d["common_words"]) + list(d["needs_prefix"])
    for p in d["provinces"]:
        names += [p["name"], *p["aliases"], *p["former"]]
    for x in r.sample(d["districts"], 150):
        names += [
            f"{x['kind']} {x['name']}",
            f"Q. {x['name']}",
            f"TP.{x['name']}",
            f"tx {x['name']}",
            x["name"],
        ]
    names += [c["name"] for c in r.sample(d["communes"], 150)]
    names += [lm["name"] for lm in d["landmarks"]] + d["numbered_abroad"]
    # a district under a lower status than the list's ("huyện Điện Bàn", listed as "thị xã")
    names += [
        f"{k} {x['name']}" for x in r.sample(d["districts"], 40) for k in ("huyện", "thị xã", "thành phố")
    ]
    return names


_PLACE_NAMES = _place_names()
_PLACE_GAPS = [" ", " ", " ", ". ", ", ", "-", " - ", ".", "\n", "  ", " (", ") ", " – ", "...", "_", '"']
_PERSONS = ["Nguyễn", "Trần", "Văn", "Thị", "Minh", "ông", "bà"]
# words the guards of places-3 look at: commune words (and "thị xã", "phố phường"), clock times, Roman numerals
_PLACE_CONTEXT = ["xã", "phường", "thôn", "ấp", "thị", "phố", "nông", "6h30", "16h", "quận", "I", "IX", "X"]
_PLACE_CONTEXT += ["6h30 Hà Nội", "16h Ha Noi", "quận IX Paris", "quận I"]
# places-4: time words and clock times in brackets, numbered districts, "HN"
_PLACE_CONTEXT += ["sáng", "nay", "(khoảng 4h", "(tức 6 giờ", "(11:30", "giờ", "HN", "quận 9", "Q.5", "Paris"]
_PLACE_CONTEXT += [
    "(khoảng 4h sáng nay Hà Nội)",
    "(tức 6 giờ sáng Ha Noi",
    "(11:30 trưa HN",
    "lúc 8h (sáng) Hà Nội",
]


@st.composite
def place_texts(draw) -> str:
    from tinhhinh.nlp.normalize import strip_diacritics

    seed = draw(st.integers(0, 2**32 - 1))
    lower = draw(st.booleans())
    r = random.Random(seed)
    out = []
    for _ in range(r.randint(0, 40)):
        k = r.random()
        if k < 0.35:
            w = r.choice(_PLACE_NAMES)
            v = r.random()
            if v < 0.15:
                w = w.lower()
            elif v < 0.3:
                w = strip_diacritics(w) if r.random() < 0.5 else strip_diacritics(w).title()
            elif v < 0.35:
                w = w.upper()
            elif v < 0.5:  # some syllables without their marks: "Ha Nội" is not a plain match
                w = " ".join(strip_diacritics(x).title() if r.random() < 0.5 else x for x in w.split())
        elif k < 0.45:
            w = r.choice(_PERSONS if r.random() < 0.5 else _PLACE_CONTEXT)
        elif k < 0.9:
            w = _case(r.choice(_SYLLABLES), r)
        elif k < 0.95:
            w = str(r.randint(1, 30))
        else:
            w = r.choice(_ODD)
        out.append(w)
        # a context word mostly stays in one phrase with the next word ("xã Long An", "6h30 Hà Nội")
        out.append(" " if w in _PLACE_CONTEXT and r.random() < 0.7 else r.choice(_PLACE_GAPS))
    text = "".join(out)
    return text.lower() if lower else text


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=place_texts(), text=place_texts())
def test_places_fast_paths_equal_reference(title: str, text: str) -> None:
    from tinhhinh.stories.places import gazetteer

    g = gazetteer()
    view = TextView(title, text)
    content = view.content
    reference = _reference_find(g, content)
    assert [(m.start, m.end, m.place.code, m.place.name) for m in g.find(content)] == reference
    assert [(m.start, m.end, m.place.code, m.place.name) for m in g.find(content, view.folded)] == reference
    seen: list[str] = []
    for _, _, code, _ in reference:
        province = g.by_code[code]["name"]
        if province not in seen:
            seen.append(province)
    assert g.provinces_in_view(view) == seen
    fw = view.folded_words
    if fw is not None:
        words = view.parts[1::2]
        spans = [m.span() for m in _WORD_RE.finditer(content)]
        got = [(spans[i][0], spans[i + n - 1][1], p.code, p.name) for i, n, p in g.find_words(view.parts, fw)]
        assert got == reference
        assert len(words) == len(fw)
