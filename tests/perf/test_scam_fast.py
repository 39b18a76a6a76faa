"""The scam stage's two short cuts give exactly the answers of the plain computation.

- ``LiteralScan`` (one Aho–Corasick pass → a bit mask of the gate literals present) opens exactly the
  gates that ``could_match`` (one substring test per literal) opens.
- ``may_flag`` says "cannot be flagged" only for items ``assess`` does not flag, so ``ScamStage``
  (which stops there) outputs what it would output from ``assess`` alone.
- Every rule's quick pattern (``quick_pattern``: the pattern without its leading assertions and optional
  items) matches every text the pattern matches, so skipping the pattern when it does not is exact.
- The skeleton's list-indexed translate table gives the same string as the dict it replaced.
- Every rule pattern as compiled with its first-character set (``fast_compile``) finds the same matches
  (spans and groups) as the engine's own compilation; a quick pattern split at its leading alternation
  (``AnyOf``) matches where the pattern does (checked with the other quick patterns); the scan's
  first-gate pattern set (``LiteralScan.scan``) is exactly the patterns whose first gate mask the text's
  mask meets, and ``may_flag`` answers the same with and without it.
- ``domain_matches`` (the domain regex tried only around the top-level-domain gate's matches) gives the
  matches of ``domain_re.finditer``.

Checked on the committed scam and fact-check texts (many flagged), on random texts glued from the rules'
own literals and trigger phrases (hypothesis), and on VNTC articles when the data folder is there.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhhinh.harm.scam import (
    AnyOf,
    LiteralScan,
    ScamStage,
    _Prepared,
    assess,
    could_match,
    domain_matches,
    fast_compile,
    load_rules,
    may_flag,
    passes,
    quick_pattern,
    quick_searcher,
)
from tinhhinh.harm.text import (
    _COMBINING,
    _DECORATED,
    _NUMPY_FROM,
    _TABLE,
    _TABLE_LIST,
    _fast_skeleton,
    skeleton,
)
from tinhhinh.item import Item

sys.path.insert(0, str(Path(__file__).parent))
import stages as S  # noqa: E402

RULES = load_rules()
QUICK = [(p, q) for r in RULES.signals for p, q in zip(r.patterns, r.quick, strict=True) if q is not None]
ALL_GATES = [(g, m) for r in (*RULES.signals, *RULES.context) for g, m in zip(r.gates, r.masks, strict=True)]
LITERALS = sorted({lit for g, _ in ALL_GATES for opts in g for lit in opts})
# every pattern the rules search with, next to the engine's own compilation of it
PLAIN = [
    (re.compile(p.pattern, p.flags), p)
    for p in (
        *(p for r in RULES.signals for p in (*r.patterns, *r.unless)),
        *(p for c in RULES.context for p in c.patterns),
        RULES.domain_re,
        RULES.teencode_all_re,
        RULES.teencode_always_re,
    )
    if p is not None
]
# pieces that make rules fire (and warning context that damps them), to glue into random texts
PHRASES = [
    "Chuyển khoản ngay",
    "mã OTP",
    "gửi mã OTP cho em",
    "0912 345 678",
    "+84912345678",
    "5.000.000đ",
    "500k",
    "trúng thưởng iPhone",
    "nhận quà tri ân",
    "tài khoản sẽ bị khóa sau 24h",
    "trong vòng 2 giờ",
    "không được nói với ai",
    "vietcombank-vn.xyz/login",
    "bit.ly/abc",
    "stk 0123456789 vietcombank",
    "chụp 2 mặt CCCD",
    "việc nhẹ lương cao, đóng phí hồ sơ",
    "cài ứng dụng",
    "công an cảnh báo",
    "thủ đoạn lừa đảo",
    "theo báo",
    "Đông",
    "động trước",
    "đóng trước",
    # rules -6: sextortion, isolation, new-number excuse, remote-control app, loan fees, an official portal
    "video call tối qua tao quay lại hết",
    "gửi clip cho bạn bè, đồng nghiệp",
    "không được tắt máy",
    "cháu đổi số mới",
    "cài AnyDesk",
    "phí giải ngân",
    "học bổng toàn phần",
    "thuedientu.gdt.gov.vn",
    "\n",
    ". ",
    ", ",
    " ",
]


def _fields(title: str, text: str) -> list[tuple[str, int | None]]:
    # what ScamStage hands to may_flag: the skeletons with chat spellings written out (expand_teencode)
    p = _Prepared(title, text, RULES)
    a, b = p.t_skel.text, p.b_skel.text
    return [(a, RULES.scan.mask(a)), (b, RULES.scan.mask(b))]


def _check_text(title: str, text: str) -> None:
    (a, _), (b, _) = _fields(title, text)
    p = _Prepared(title, text, RULES)
    assert may_flag(p.fields(), RULES) == may_flag(_fields(title, text), RULES)
    for t in (a, b):
        assert [(m.span(), m.groups()) for m in domain_matches(t, RULES)] == [
            (m.span(), m.groups()) for m in RULES.domain_re.finditer(t)
        ]
        for plain, fast in PLAIN:
            assert [(m.span(), m.groups()) for m in plain.finditer(t)] == [
                (m.span(), m.groups()) for m in fast.finditer(t)
            ], (plain.pattern, t[:200])
    for t in (
        skeleton(title).text,
        skeleton(text).text,
        skeleton(title).text + "\n" + skeleton(text).text,
        a,
        b,
    ):
        for pattern, quick in QUICK:
            if pattern.search(t):
                assert quick.search(t), (pattern.pattern, t[:200])
        mask = RULES.scan.mask(t)
        m, firsts = RULES.scan.scan(t)
        assert m == mask
        assert {j for j in range(len(RULES.gated)) if firsts >> j & 1} == {
            j for j, g in enumerate(RULES.gated) if mask & g[3]
        }
        for gate, gmask in ALL_GATES:
            assert passes(mask, gmask) == could_match(gate, t), (gate, t[:200])
    flagged = assess(title, text, RULES).flagged
    if flagged:
        assert may_flag(_fields(title, text), RULES), (title, text[:300])
    got = ScamStage()(Item(title=title, text=text)).harm
    r = assess(title, text, RULES)
    want = (
        [{"type": "scam", "score": r.score, "evidence": r.evidence, "status": "unconfirmed"}]
        if r.flagged
        else []
    )
    assert got == want


def test_rules_meet_the_short_cuts_conditions():
    # the rules as shipped: context only lowers scores; literals can be OR-ed across the title/text join
    assert RULES.context_lowers and RULES.scan is not None and RULES.scan.joinable
    assert len(LITERALS) > 100
    assert len(QUICK) > 30  # most patterns start with \b or a look-behind
    assert len(RULES.flat) == sum(len(r.patterns) for r in RULES.signals)


def test_quick_pattern_shape():
    # what is dropped: leading assertions and optional items; nothing when nothing leads or all is optional
    q = quick_pattern(re.compile(r"\b(bi |se bi )?(tam )?(khoa|ngung)\b.{0,15}(sau|neu)"))
    assert q is not None and q.pattern is None
    assert q.search("tai khoan khoa sau") and not q.search("khoa") and q.search("xkhoa sau")
    assert quick_pattern(re.compile(r"chuyen nham")) is None
    assert quick_pattern(re.compile(r"\b(x)?")) is None
    # a back-reference to a dropped group would make the rest stricter, not weaker: no quick pattern
    assert quick_pattern(re.compile(r"(a)?b\1")) is None
    assert quick_pattern(re.compile(r"(?:(a)|b)?c(?(1)d|e)")) is None


def test_fast_compile_and_split_quick_shape():
    text = "ông nộp phí 500k, dong tien 2tr; 0912345678 +84 912 345 678 khoá tài khoản x1 sau 2h nop phat"
    text = skeleton(text).text
    for p in (
        r"\b\d+([.,]\d+)*\s*(k|tr)\b",
        r"(?<![\d.,])(\+?84|0)(?:[ .\-]?\d){8,10}(?![\d.,]*\d)",
        r"\b(bi |se bi )?(tam )?(khoa|ngung)\b.{0,15}(sau|neu)",
        r"(?:(?<=nop )|(?<=dong ))(phi|tien|phat)",
        r"(?P<w>\bdong|nop) (?P<what>tien|phi)",
        r"\b(x)?",  # may match empty: compiled as the engine does
        r"[^a]b|\bsau",  # a negated set leads: compiled as the engine does
    ):
        plain = re.compile(p)
        fast = fast_compile(plain)
        assert fast.pattern == p and fast.groupindex == plain.groupindex
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == [
            (m.span(), m.groups()) for m in fast.finditer(text)
        ]
    q = quick_searcher(re.compile(r"\b(dong|nop) (phi|tien|\d)"))
    assert isinstance(q, AnyOf) and len(q.patterns) == 2
    assert q.search("ba nop 5") and q.search("dong tien") and not q.search("dong gop")
    # not every branch starts with a literal: one quick pattern
    assert not isinstance(quick_searcher(re.compile(r"\b(\d+|nop) phi")), AnyOf)


def test_domain_matches_are_finditer():
    pieces = [
        "https://a.com.vn/x?y=.vn",
        "x.com.y.vn",
        "e-mail@a.com",
        "1.5.vn",
        "a..vn",
        "-a.vn",
        "www.abc.vn.com",
        "bit.ly/abc",
        "vietcombank-vn.xyz/login",
        "http://",
        ".vn",
        "a.vnx",
        "a.vn-b",
        "abc.com.",
        "tuoitre.vn/a.vn",
        " ",
        "/",
        ".",
        "\n",
        "x",
    ]
    rng = random.Random(7)
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        want = [(m.span(), m.groups()) for m in RULES.domain_re.finditer(t)]
        assert [(m.span(), m.groups()) for m in domain_matches(t, RULES)] == want, t


def test_skeleton_table_list_is_the_dict():
    every = "".join(map(chr, range(0x3000))) + "\u3000\uff21\U0001f600"
    assert every.translate(_TABLE_LIST) == every.translate(_TABLE)


def _plain_fast_path(text: str) -> str | None:
    """The skeleton's fast path for NFC text before the code point arrays: translate, lower, no mark
    (decorated letters read as plain ones first, as the plain path does)."""
    fast = text.translate(_DECORATED).translate(_TABLE_LIST).lower()
    return fast if len(fast) == len(text) and not _COMBINING.search(fast) else None


def test_skeleton_code_point_arrays_are_translate_and_lower():
    """The arrays answer for a text exactly as translate + lower + the combining-mark search would, or
    not at all (None: the plain path then decides) — every BMP character, in runs and among letters."""
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        for text in (c * _NUMPY_FROM, "Chuyển khoản " + c + " tới ĐẠI LÝ" * 6, c + " ĐẶNG " * 13):
            got = _fast_skeleton(text)
            assert got is None or got == _plain_fast_path(text), hex(code)
    rng = random.Random(13)
    pool = "ăâđêôơưÀÁẢÃẠẤẦẨẪẬĐđƯỮỰ aAbBzZ0Σσςİıﬁ\u0301\u0345ΑΩ€“”…–\u00a0\n"
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(_NUMPY_FROM, 200)))
        got = _fast_skeleton(text)
        assert got is None or got == _plain_fast_path(text), text
    # ordinary Vietnamese text takes the arrays; odd characters, astral ones and surrogates do not
    news = "Người dân Đà Nẵng CHUYỂN KHOẢN 5 triệu đồng cho kẻ lừa đảo qua Zalo. " * 3
    assert _fast_skeleton(news) == _plain_fast_path(news) is not None
    for odd in ("e\u0301", "\u1dc0", "\U0001f600", "\ud800"):
        assert _fast_skeleton(news + odd) is None, odd
    for text in (news + "\U0001f600", news + "ΣΑΣ İ ς"):  # (the table already lowers Σ and İ)
        assert skeleton(text).text == _plain_fast_path(text)


def test_committed_texts():
    rows = S.extra_texts()
    flagged = 0
    for r in rows:
        _check_text(r["title"], r["text"])
        flagged += assess(r["title"], r["text"], RULES).flagged
    assert flagged >= 50  # the set exercises the flagged path, not only the short cut


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(LITERALS + PHRASES), max_size=40),
    st.lists(st.sampled_from(PHRASES + LITERALS), max_size=6),
)
def test_random_texts(body, title):
    _check_text("".join(title), "".join(body))


def test_literal_scan_odd_literals():
    scan = LiteralScan({"ab", "b", "a\nb", ""})
    assert not scan.joinable
    gate = (frozenset({"a\nb"}), frozenset({"b", ""}))
    mask = scan.mask("xa\nb")
    assert passes(mask, scan.gate_masks(gate)) == could_match(gate, "xa\nb") is True
    assert scan.mask("") == 0


@pytest.mark.data
def test_vntc_articles(data_dir):
    for r in S.vntc_articles(300):
        _check_text(r["title"], r["text"])
