"""Scam signals: analyst-editable rules (``data/scam_rules.yaml``) that combine into a score.

One rule hit never flags an item. Hits combine only when they lie close together (a window of
characters), each rule group counts once, and context that marks a WARNING about scams (news,
police advice, reported speech, official channels) multiplies the score down. What comes out is a
``harm`` entry with the evidence an analyst needs to confirm or dismiss it; every flag is
``unconfirmed`` until a person looks at it.
"""

from __future__ import annotations

import _sre as _sre_engine  # type: ignore[import-not-found]
import re
import re._compiler as _sre_compile
import re._constants as _sre
import re._parser as _sre_parse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from importlib import resources
from operator import itemgetter, or_
from pathlib import Path
from typing import Any

import ahocorasick_rs
import yaml

from tinhhinh.harm.text import MAX_CHARS, Skeleton, as_text, safe_fold, skeleton
from tinhhinh.item import Item
from tinhhinh.nlp.normalize import plain_letters

DEFAULT_RULES = "scam_rules.yaml"
# libyaml's loader when PyYAML has it: the same data (tests/harm compares) in a tenth of the time
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Rule:
    id: str
    group: str
    weight: float
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()  # matched on the folded ORIGINAL span (with marks)
    # per pattern: literal sets a match must contain one of each (see `required_literals`)
    gates: tuple[tuple[frozenset[str], ...], ...] = field(default=(), compare=False)
    # the same gates as bit masks over ``Rules.literals`` (see `LiteralScan`)
    masks: tuple[tuple[int, ...], ...] = field(default=(), compare=False)
    # per pattern: a cheaper pattern that must match somewhere when it does, or None (see `quick_pattern`)
    quick: tuple[re.Pattern[str] | AnyOf | None, ...] = field(default=(), compare=False)
    # the words the rule means, as folded marked spellings, by their mark-free form (see `_misspelt`)
    spellings: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    # rule ids whose reading of the same characters is the more specific one: a hit of this rule that
    # overlaps one of theirs is dropped (an account number after "tài khoản" is not also a phone number)
    yields_to: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True)
class ContextRule:
    id: str
    factor: float
    patterns: tuple[re.Pattern[str], ...]
    gates: tuple[tuple[frozenset[str], ...], ...] = field(default=(), compare=False)
    masks: tuple[tuple[int, ...], ...] = field(default=(), compare=False)


# ------------------------------------------------------------------ prefilter
# Scanning ~60 regular expressions over every article costs ~5 ms; almost none of them can match, and
# each one needs some literal text to be present ("otp", "chuyen ", ...). A substring test (C speed)
# for those literals skips the regex exactly when it could not have matched: outputs do not change.

_MAX_SET = 300


@lru_cache(maxsize=4096)
def _parse(source: str, flags: int) -> Any:
    """A pattern's parse tree, once per pattern (the gates, the quick pattern and `fast_compile` all
    read it; nothing here changes a tree, they build new ones from its pieces)."""
    return _sre_parse.parse(source, flags)


def _exact(items: list) -> set[str] | None:
    """Every string a pattern sequence can match, when that is a small finite set of literals."""
    out = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            opts: set[str] | None = {chr(av)}
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            opts = {""}  # zero width: constrains, never adds text
        elif op is _sre.SUBPATTERN:
            opts = _exact(list(av[3])) if not av[1] and not av[2] else None
        elif op is _sre.BRANCH:
            opts = set()
            for branch in av[1]:
                sub = _exact(list(branch))
                if sub is None:
                    opts = None
                    break
                opts |= sub
        elif op is _sre.IN:
            opts = (
                {chr(v) for o, v in av if o is _sre.LITERAL}
                if all(o is _sre.LITERAL for o, _ in av)
                else None
            )
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[1] != _sre.MAXREPEAT and av[1] <= 2:
            sub = _exact(list(av[2]))
            opts = None
            if sub is not None:
                opts, power = set(), {""}
                for k in range(av[1] + 1):
                    if k >= av[0]:
                        opts |= power
                    power = {a + b for a in power for b in sub}
        else:
            opts = None
        if opts is None:
            return None
        out = {a + b for a in out for b in opts}
        if len(out) > _MAX_SET:
            return None
    return out


def _minimal(strings: set[str]) -> frozenset[str] | None:
    """Drop strings that contain another member (finding the shorter one is enough); None if "" is in."""
    if "" in strings:
        return None
    # shortest first: a string that contains another member contains a kept one (containment is
    # transitive), and only a shorter string can be inside a different one
    keep: list[str] = []
    for s in sorted(strings, key=len):
        if not any(map(s.__contains__, keep)):
            keep.append(s)
    return frozenset(keep)


def _required(items: list) -> list[frozenset[str]]:
    """Sets of literals such that every match of the sequence contains a member of each set."""
    reqs: list[frozenset[str]] = []
    run: set[str] = {""}

    def flush() -> None:
        nonlocal run
        s = _minimal(run)
        if s:
            reqs.append(s)
        run = {""}

    for item in items:
        ex = _exact([item])
        if ex is not None:
            joined = {a + b for a in run for b in ex}
            if len(joined) <= _MAX_SET:
                run = joined
                continue
            flush()
            run = ex
            continue
        flush()
        op, av = item
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:
            reqs.extend(_required(list(av[3])))
        elif op is _sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sub = _required(list(branch))
                if not sub:
                    union = set()
                    break
                union |= max(sub, key=lambda s: min(map(len, s)))
            if union:
                reqs.append(_minimal(union) or frozenset())
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            reqs.extend(_required(list(av[2])))
    flush()
    return [r for r in reqs if r]


def required_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Literal sets a match of ``pattern`` must contain (one member of each); () when none is known."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    try:
        parsed = _parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - no gate is always correct
        return ()
    reqs = _required(list(parsed))
    # cheapest useful checks first: the set whose shortest member is longest is the most selective
    return tuple(sorted(reqs, key=lambda s: -min(map(len, s))))


_first = itemgetter(0)


_SKIPPABLE = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))


def _ops(obj: Any) -> Any:
    """Every opcode anywhere in a parsed pattern (sub-patterns nest in tuples and lists)."""
    if isinstance(obj, _sre_parse.SubPattern):
        for op, av in obj:
            yield op
            yield from _ops(av)
    elif isinstance(obj, list | tuple):
        for x in obj:
            yield from _ops(x)


def _first_chars(items: Any) -> tuple[list, bool] | None:
    """The characters a match of ``items`` can start with, as charset items (LITERAL, RANGE, CATEGORY),
    and whether it can match empty; None when that is not known (a negated set, ``.``, a reference...).
    Zero-width assertions consume nothing: they are looked through."""
    out: list = []
    for op, av in items:
        if op in _SKIPPABLE:
            continue
        if op is _sre.LITERAL:
            return [*out, (op, av)], False
        if op is _sre.IN:
            if any(o is _sre.NEGATE for o, _ in av):
                return None
            return [*out, *av], False
        if op is _sre.SUBPATTERN:
            if av[1] or av[2]:
                return None
            sub = _first_chars(av[3])
            if sub is None:
                return None
            out += sub[0]
            if not sub[1]:
                return out, False
        elif op is _sre.BRANCH:
            empty = False
            for branch in av[1]:
                sub = _first_chars(branch)
                if sub is None:
                    return None
                out += sub[0]
                empty = empty or sub[1]
            if not empty:
                return out, False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            sub = _first_chars(av[2])
            if sub is None:
                return None
            out += sub[0]
            if av[0] >= 1 and not sub[1]:
                return out, False
        else:
            return None
    return out, True


# Python versions on which tests/perf/test_scam_fast.py has checked `fast_compile` against the engine's
# own matches; any other (pyproject also allows 3.12) compiles patterns the engine's way: the same
# matches, found more slowly, until the tests have run there and the version is added here.
_ENGINE_VERSIONS = ((3, 11),)


def _engine_compile(parsed: Any, flags: int, source: str | None) -> re.Pattern[str]:
    """A parsed pattern compiled as ``re`` does, with the first-character set of `fast_compile`
    written into its info block when the engine found no prefix of its own."""
    all_flags = parsed.state.flags | flags
    code = _sre_compile._code(parsed, flags)
    # INFO, skip, mask, min, max, ...: no prefix or charset yet (mask 0), and no match is empty (min > 0)
    if (
        sys.version_info[:2] in _ENGINE_VERSIONS
        and not flags & (re.IGNORECASE | re.LOCALE)
        and code[0] == _sre.INFO
        and not code[2]
        and code[3]
    ):
        first = _first_chars(parsed)
        if first is not None and not first[1] and first[0]:
            info: list = []
            lead = _sre_parse.SubPattern(parsed.state, [(_sre.IN, first[0])])
            _sre_compile._compile_info(info, lead, all_flags)
            if info[0] == _sre.INFO and info[2] & _sre.SRE_INFO_CHARSET:
                info[3], info[4] = code[3], code[4]  # the pattern's own width bounds
                code = info + code[1 + code[1] :]
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for k, i in parsed.state.groupdict.items():
        indexgroup[i] = k
    return _sre_engine.compile(
        source, all_flags, code, parsed.state.groups - 1, parsed.state.groupdict, tuple(indexgroup)
    )


def fast_compile(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled so that ``search``/``finditer`` try only the positions whose character can
    start a match: the same matches. The regex engine finds such a first-character set by itself only
    when a literal or a set leads; behind a ``\\b``, a look-behind, an optional item or a group of
    alternatives it tries the whole pattern at every position (~10–20 ns per character of an article).
    Here the set is worked out through those (`_first_chars`) and written into the compiled pattern's info
    block, where the engine reads it; the pattern's code is otherwise the engine's own. Every match of a
    pattern that cannot match empty starts with one of those characters, so skipping the other
    positions changes no match. ``pattern`` itself when that is not known or the flags are unusual."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE | re.LOCALE):
        return pattern
    if sys.version_info[:2] not in _ENGINE_VERSIONS:
        return pattern  # the info block is the engine's private format (`_engine_compile`)
    try:
        return _engine_compile(_parse(pattern.pattern, pattern.flags), pattern.flags, pattern.pattern)
    except Exception:  # noqa: BLE001 - the engine's own compilation is always correct
        return pattern


def _lead(items: list, state: Any) -> tuple[list, bool] | None:
    """``items`` with what leads them dropped where that loses nothing the engine could skip on: zero-width
    assertions, optional items, and inside a leading group or alternation the same for each branch; a
    leading ``x+`` of one character (set) becomes ``x x*`` (the same matches, and a first character the
    engine can skip to). Returns (items, changed), or None when everything may match empty."""
    i = 0
    while i < len(items):
        op, av = items[i]
        if op in _SKIPPABLE or (op in _REPEATS and av[0] == 0):
            i += 1
            continue
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:
            inner = _lead(list(av[3]), state)
            if inner is None:
                i += 1
                continue
            sub, changed = inner
            if changed:
                return [(op, (av[0], 0, 0, _sre_parse.SubPattern(state, sub))), *items[i + 1 :]], True
        elif op is _sre.BRANCH:
            alts = [_lead(list(b), state) for b in av[1]]
            if any(a is None for a in alts):
                i += 1
                continue
            if any(a[1] for a in alts):  # type: ignore[index]
                branches = [_sre_parse.SubPattern(state, a[0]) for a in alts]  # type: ignore[index]
                return [(op, (av[0], branches)), *items[i + 1 :]], True
        elif (
            op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
            and av[0] >= 1
            and len(av[2]) == 1
            and av[2][0][0] in (_sre.LITERAL, _sre.IN)
        ):
            hi = av[1] if av[1] == _sre.MAXREPEAT else av[1] - 1
            rest = [(op, (av[0] - 1, hi, av[2]))] if hi else []
            return [av[2][0], *rest, *items[i + 1 :]], True
        return items[i:], i > 0
    return None


@lru_cache(maxsize=4096)
def _refers_back(source: str, flags: int) -> bool:
    """Whether a pattern refers to a group (``\\1``, ``(?(1)...)``) or has atomic or possessive parts:
    then what is left after dropping its lead is not a weaker pattern, and no quick pattern is made."""
    banned = (_sre.GROUPREF, _sre.GROUPREF_EXISTS, _sre.ATOMIC_GROUP, _sre.POSSESSIVE_REPEAT)
    return any(op in banned for op in _ops(_parse(source, flags)))


def quick_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without what leads it (see `_lead`: leading zero-width assertions such as ``\\b`` and
    look-behinds, optional items such as ``(bi |se bi )?``, the same at the start of each branch of a
    leading group): every match of ``pattern`` contains a match of what is left (dropping any leading item
    only weakens a pattern; assertions read the string, not the match, and no back-reference can refer
    to a dropped group), so ``quick.search(text) is None`` proves ``pattern.search(text) is None``. With
    a literal or a small character set at its start the regex engine skips ahead in C instead of trying
    the whole pattern at every position: 3–20× cheaper on articles. None when nothing changes or
    nothing is left."""
    try:
        lead = _quick_lead(pattern)
        if lead is None or not lead[2] or not lead[1]:
            return None
        return _engine_compile(_sre_parse.SubPattern(lead[0], lead[1]), pattern.flags, None)
    except Exception:  # noqa: BLE001 - no quick pattern is always correct
        return None


def _quick_lead(pattern: re.Pattern[str]) -> tuple[Any, list, bool] | None:
    """(parse state, `_lead`'s items, whether anything was dropped) for `quick_pattern` and
    `quick_searcher`; None when no quick form can be made (verbose, back-references, may match empty)."""
    if pattern.flags & re.VERBOSE:
        return None
    parsed = _parse(pattern.pattern, pattern.flags)
    if _refers_back(pattern.pattern, pattern.flags):
        return None
    lead = _lead(list(parsed), parsed.state)
    return None if lead is None else (parsed.state, lead[0], lead[1])


class AnyOf:
    """Patterns one of which must match (``search`` gives the first one's match, else None): a quick
    pattern split at its leading alternation (see `quick_searcher`)."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)

    def search(self, text: str) -> re.Match[str] | None:
        for p in self.patterns:
            m = p.search(text)
            if m is not None:
                return m
        return None


_MAX_SPLIT = 8


def _split_lead(items: list, state: Any) -> list[list] | None:
    """``items`` once per branch of their leading alternation (inside a leading group too), when every
    branch starts with a literal: (a|b)R matches where aR or bR does."""
    if not items:
        return None
    op, av = items[0]
    if op is _sre.BRANCH:
        if len(av[1]) > _MAX_SPLIT or not all(b and b[0][0] is _sre.LITERAL for b in av[1]):
            return None
        return [[*b, *items[1:]] for b in av[1]]
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        inner = _split_lead(list(av[3]), state)
        if inner is None:
            return None
        return [[(op, (av[0], 0, 0, _sre_parse.SubPattern(state, alt))), *items[1:]] for alt in inner]
    return None


def quick_searcher(pattern: re.Pattern[str]) -> re.Pattern[str] | AnyOf | None:
    """`quick_pattern`, split into one pattern per branch when it starts with an alternation of
    literals (``(dong|nop) (phi|tien)`` → ``dong (phi|tien)``, ``nop (phi|tien)``): each then has a
    literal prefix, which the engine finds ~10× faster than it tries a set of first letters as common
    as "d" and "n" (money_request's 20 → 7 µs per bench article). Same answer: some branch matches
    where the alternation does."""
    try:
        lead = _quick_lead(pattern)
        if lead is None:
            return None
        state, items, _ = lead
        alts = _split_lead(items, state)
        if alts is None:
            return quick_pattern(pattern)
        return AnyOf([_engine_compile(_sre_parse.SubPattern(state, a), pattern.flags, None) for a in alts])
    except Exception:  # noqa: BLE001 - the quick pattern itself is always correct
        return quick_pattern(pattern)


def could_match(gate: tuple[frozenset[str], ...], text: str) -> bool:
    for options in gate:
        for lit in options:
            if lit in text:
                break
        else:
            return False
    return True


class LiteralScan:
    """Every gate literal of the rules in one Aho–Corasick automaton: one pass over a text gives the bit
    mask of the literals it contains, and a gate is then a few integer ANDs (``passes``). Same answers as
    ``could_match`` (tests/perf/test_scam_fast.py), ~6× cheaper than ~350 substring tests per text."""

    __slots__ = ("bits", "joinable", "_matcher", "_short", "_bits", "_firsts", "_long_firsts")

    # Literals this short (single letters and digits: "h", "d", "0", ...) occur hundreds of times in every article,
    # which is most of the automaton's matches; a substring test stops at their first occurrence.
    SHORT = 1
    # Longer literals as common in news: on the bench articles each is in more than half of them, and
    # together they made 80% of the automaton's matches (~115 of ~145 per article), each match a tuple
    # built and mapped in Python; a substring test mostly stops within the first lines.
    COMMON = frozenset(
        {
            "ong ", "tr", "cu", "anh", "anh ", "tu", "ga", "cho", "qua", "em ",
            "trong", "trong ", "dong", "dong ", "go", "chi ", "nhan", "hinh", "dang", "ngay",
        }
    )  # fmt: skip

    def __init__(self, literals: set[str] | list[str]) -> None:
        # a list keeps its order (bit 0 first; see `_literal_order`), a set is sorted
        ordered = list(dict.fromkeys(literals)) if isinstance(literals, list) else sorted(literals)
        ordered = [lit for lit in ordered if lit]  # "" is in every text: its set always passes
        # without a "\n" in any literal, none can straddle the title/text join of the context scan: the
        # mask of ``title + "\n" + text`` is then the OR of the two fields' masks
        self.joinable = not any("\n" in lit for lit in ordered)
        self.bits = {lit: 1 << i for i, lit in enumerate(ordered)}
        by_in = [lit for lit in ordered if len(lit) <= self.SHORT or lit in self.COMMON]
        self._short = tuple((lit, self.bits[lit], 0) for lit in by_in)
        long = [lit for lit in ordered if not (len(lit) <= self.SHORT or lit in self.COMMON)]
        self._bits = [self.bits[lit] for lit in long]
        self._long_firsts = [0] * len(long)
        self._firsts: list[int] = []
        # standard match semantics with overlapping matches: every occurrence of every literal, also
        # literals inside longer ones (the same library as the keywords matcher)
        self._matcher = ahocorasick_rs.AhoCorasick(long) if long else None

    def index_first_gates(self, first_masks: list[int]) -> None:
        """Remember which of ``first_masks`` (gate masks, one per pattern) each literal is part of, so that
        `scan` also gives the bit set of the patterns whose first gate the text passes (``mask & m``
        for each ``m``, without one test per pattern)."""
        by_bit: dict[int, int] = {}
        for j, m in enumerate(first_masks):
            while m:
                low = m & -m
                by_bit[low] = by_bit.get(low, 0) | (1 << j)
                m ^= low
        self._firsts = list(first_masks)
        self._short = tuple((lit, bit, by_bit.get(bit, 0)) for lit, bit, _ in self._short)
        self._long_firsts = [by_bit.get(bit, 0) for bit in self._bits]

    def mask(self, text: str) -> int:
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[int, int]:
        """(literal mask, first-gate pattern set: bit j set when ``mask & first_masks[j]``; see
        `index_first_gates`)."""
        if not text:
            return 0, 0
        mask = firsts = 0
        for lit, bit, pm in self._short:
            if lit in text:
                mask |= bit
                firsts |= pm
        if self._matcher is not None:
            # distinct literals; their bits summed = OR; C-level maps over the matches (pattern index first)
            found = set(map(_first, self._matcher.find_matches_as_indexes(text, overlapping=True)))
            mask |= sum(map(self._bits.__getitem__, found))
            firsts |= reduce(or_, map(self._long_firsts.__getitem__, found), 0)
        return mask, firsts

    def gate_masks(self, gate: tuple[frozenset[str], ...]) -> tuple[int, ...]:
        return tuple(
            reduce(or_, (self.bits[lit] for lit in options), 0) for options in gate if "" not in options
        )


def passes(mask: int, gate_mask: tuple[int, ...]) -> bool:
    """``could_match`` from a text's literal mask."""
    for m in gate_mask:
        if not mask & m:
            return False
    return True


@dataclass(frozen=True)
class Hit:
    rule: str
    group: str
    weight: float
    field: str
    start: int  # position in the combined skeleton (title, "\n", text)
    end: int
    span: tuple[int, int]  # into the original field
    text: str


class RuleError(ValueError):
    """The rules file is malformed (message says where)."""


@dataclass(frozen=True)
class Rules:
    version: str
    threshold: float
    window: int
    signals: tuple[Rule, ...]
    context: tuple[ContextRule, ...]
    min_factor: float
    link_rules: dict[str, tuple[str, str, float]]  # kind -> (rule id, group, weight)
    shorteners: frozenset[str]
    brands: dict[str, tuple[str, ...]]
    domain_re: re.Pattern[str]
    # every domain match ends in "." + a listed TLD not followed by a word character: a cheap scan first
    domain_gate: re.Pattern[str] | None = None
    scan: LiteralScan | None = field(default=None, compare=False)
    # every context factor and the floor lie in [0, 1]: context can only lower a score, so an item whose
    # score before context is under the threshold is not flagged (``ScamStage`` stops there)
    context_lowers: bool = field(default=False, compare=False)
    # every signal pattern in rule order as (rule index, pattern, quick pattern, gate mask): the loop
    # ``may_flag`` runs per field without a function call per pattern (empty: no ``LiteralScan``)
    flat: tuple[tuple[int, re.Pattern[str], re.Pattern[str] | AnyOf | None, tuple[int, ...]], ...] = field(
        default=(), compare=False
    )
    # ``flat`` split for that loop: patterns with a gate as (rule index, pattern, quick, first gate mask,
    # the other gate masks), so one list comprehension drops most of them on the first mask; and
    # patterns without a gate (always tried)
    gated: tuple[tuple[int, re.Pattern[str], re.Pattern[str] | AnyOf | None, int, tuple[int, ...]], ...] = (
        field(default=(), compare=False)
    )
    ungated: tuple[tuple[int, re.Pattern[str], re.Pattern[str] | AnyOf | None], ...] = field(
        default=(), compare=False
    )
    # rule id -> the rule ids it yields to on overlapping text (``Rule.yields_to``; empty: none)
    yields: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    # chat spellings read as the words they stand for (see `expand_teencode`): typed form → mark-free
    # words, for every text (``teencode_always``) and for texts typed without marks only
    teencode_always: dict[str, str] = field(default_factory=dict, compare=False)
    teencode_unmarked: dict[str, str] = field(default_factory=dict, compare=False)
    teencode_always_re: re.Pattern[str] | None = field(default=None, compare=False)
    teencode_all_re: re.Pattern[str] | None = field(default=None, compare=False)
    # literal mask of the always-expanded forms: a text without one of them is not expanded (news)
    teencode_mask: int = field(default=0, compare=False)
    teencode_always_bare: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # (form, bit)


def _literal_order(gates: list[tuple[tuple[frozenset[str], ...], ...]], extra: set[str]) -> list[str]:
    """Every gate literal, in the order their bits are given: the first (most selective) gate of the
    patterns with the smallest first gates first, then the other gates, then ``extra``. A pattern's
    ``mask & first_gate`` (``may_flag`` tests it for every pattern and field) costs in proportion to the
    gate mask's highest bit, and the patterns whose gates are every combination of a few alternatives
    (hundreds of long, rare literals) would otherwise push the bits of the small gates up with them."""
    firsts = sorted((g[0] for pattern_gates in gates for g in pattern_gates if g), key=len)
    order = [lit for gate in firsts for lit in sorted(gate)]
    order += sorted({lit for pattern_gates in gates for g in pattern_gates for opts in g for lit in opts})
    order += sorted(extra)
    return order


def _compile(patterns: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(patterns, list) or not patterns:
        raise RuleError(f"{where}: 'patterns' must be a non-empty list")
    out = []
    for p in patterns:
        try:
            out.append(fast_compile(re.compile(str(p))))
        except re.error as exc:
            raise RuleError(f"{where}: bad pattern {p!r}: {exc}") from exc
    return tuple(out)


def parse_rules(data: dict[str, Any], origin: str = "rules") -> Rules:
    if not isinstance(data, dict) or "version" not in data:
        raise RuleError(f"{origin}: missing 'version'")
    signals = []
    raw_signals = data.get("signals") or []
    raw_context = data.get("context") or []
    compiled: list[tuple[tuple[re.Pattern[str], ...], tuple[tuple[frozenset[str], ...], ...]]] = []
    unlesses: list[tuple[re.Pattern[str], ...]] = []
    spellings: list[dict[str, frozenset[str]]] = []
    # every pattern first: the gate literals of all rules go into one automaton
    for i, s in enumerate(raw_signals):
        where = f"{origin}: signals[{i}] ({s.get('id', '?')})"
        unlesses.append(_compile(s["unless"], where + " unless") if s.get("unless") else ())
        spellings.append(_spellings(s.get("spellings"), where + " spellings"))
        patterns = _compile(s.get("patterns"), where)
        compiled.append((patterns, tuple(required_literals(p) for p in patterns)))
    for i, c in enumerate(raw_context):
        patterns = _compile(c.get("patterns"), f"{origin}: context[{i}] ({c.get('id', '?')})")
        compiled.append((patterns, tuple(required_literals(p) for p in patterns)))
    tc_always, tc_unmarked = _teencode_tables(data.get("teencode"), f"{origin}: teencode")
    tc_literals = {skeleton(k).text for k in tc_always}
    scan = LiteralScan(_literal_order([gates for _, gates in compiled], tc_literals))
    for i, s in enumerate(raw_signals):
        unless = unlesses[i]
        patterns, gates = compiled[i]
        signals.append(
            Rule(
                str(s["id"]),
                str(s.get("group", s["id"])),
                float(s["weight"]),
                patterns,
                unless,
                gates,
                tuple(map(scan.gate_masks, gates)),
                tuple(map(quick_searcher, patterns)),
                spellings[i],
                frozenset(str(r) for r in s.get("yields_to") or ()),
            )
        )
    ids = {r.id for r in signals}
    for r in signals:
        unknown = sorted(r.yields_to - ids)
        if unknown:
            raise RuleError(f"{origin}: signal {r.id}: 'yields_to' names no signal: {', '.join(unknown)}")
    context = []
    for i, c in enumerate(raw_context):
        patterns, gates = compiled[len(raw_signals) + i]
        context.append(
            ContextRule(str(c["id"]), float(c["factor"]), patterns, gates, tuple(map(scan.gate_masks, gates)))
        )
    min_factor = float(data.get("min_factor", 0.1))
    links = data.get("links") or {}
    link_rules = {
        kind: (str(links[kind]["id"]), str(links[kind]["group"]), float(links[kind]["weight"]))
        for kind in ("shortener", "lookalike", "other")
        if kind in links
    }
    tlds = sorted(
        {str(t).lower() for t in links.get("tlds") or ["com", "vn", "net", "org"]}, key=len, reverse=True
    )
    flat = tuple(
        (ri, pattern, rule.quick[k], rule.masks[k])
        for ri, rule in enumerate(signals)
        for k, pattern in enumerate(rule.patterns)
    )
    gated = tuple((ri, p, q, m[0], m[1:]) for ri, p, q, m in flat if m)
    scan.index_first_gates([g[3] for g in gated])
    domain_re = fast_compile(
        re.compile(
            r"(?<![\w@.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:"
            + "|".join(map(re.escape, tlds))
            + r"))(?![\w-])(/[^\s]*)?"
        )
    )
    return Rules(
        version=str(data["version"]),
        threshold=float(data.get("threshold", 0.6)),
        window=int(data.get("window", 350)),
        signals=tuple(signals),
        context=tuple(context),
        min_factor=min_factor,
        link_rules=link_rules,
        shorteners=frozenset(str(s).lower() for s in links.get("shorteners") or []),
        brands={
            str(k).lower(): tuple(str(d).lower() for d in (v or []))
            for k, v in (links.get("brands") or {}).items()
        },
        domain_re=domain_re,
        domain_gate=re.compile(r"\.(?:" + "|".join(map(re.escape, tlds)) + r")(?![\w-])"),
        scan=scan,
        context_lowers=min_factor <= 1.0 and all(0.0 <= c.factor <= 1.0 for c in context),
        flat=flat,
        gated=gated,
        ungated=tuple((ri, p, q) for ri, p, q, m in flat if not m),
        yields={r.id: r.yields_to for r in signals if r.yields_to},
        teencode_always=tc_always,
        teencode_unmarked=tc_unmarked,
        teencode_always_re=_token_re(tc_always),
        teencode_all_re=_token_re({**tc_always, **tc_unmarked}),
        teencode_mask=reduce(or_, (scan.bits[lit] for lit in tc_literals if lit in scan.bits), 0),
        teencode_always_bare=tuple((lit, scan.bits.get(lit, 0)) for lit in sorted(tc_literals)),
    )


_TEENCODE_VALUE = re.compile(r"[a-z]+( [a-z]+)*")


def _teencode_tables(raw: Any, where: str) -> tuple[dict[str, str], dict[str, str]]:
    """``teencode: {always: {typed: words}, unmarked: {...}}`` → two {folded typed form: mark-free words}."""
    if not raw:
        return {}, {}
    if not isinstance(raw, dict) or set(raw) - {"always", "unmarked"}:
        raise RuleError(f"{where}: expected 'always' and/or 'unmarked' maps of typed form → words")
    out: list[dict[str, str]] = []
    for tier in ("always", "unmarked"):
        table = raw.get(tier) or {}
        if not isinstance(table, dict):
            raise RuleError(f"{where}.{tier}: expected a map, e.g. {{ck: chuyen khoan}}")
        tier_out: dict[str, str] = {}
        for key, value in table.items():
            typed = safe_fold(str(key).strip())
            if not _WORD.fullmatch(typed) or not _TEENCODE_VALUE.fullmatch(str(value)):
                raise RuleError(
                    f"{where}.{tier}: {key!r}: {value!r}: one typed word → mark-free lower-case words"
                )
            tier_out[typed] = str(value)
        out.append(tier_out)
    return out[0], out[1]


def _token_re(table: dict[str, str]) -> re.Pattern[str] | None:
    """The typed forms (mark-free) as whole tokens: not inside a word, a number ("500k"), an address
    ("e-mail", "j.f.kennedy", "a@b") or after a digit and a dot."""
    if not table:
        return None
    bare = sorted({skeleton(k).text for k in table}, key=lambda w: (-len(w), w))
    return fast_compile(
        re.compile(
            r"(?<![a-z0-9@\-])(?<![a-z0-9]\.)(?:"
            + "|".join(map(re.escape, bare))
            + r")(?![a-z0-9@\-]|\.[a-z0-9])"
        )
    )


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_TOKEN_CHARS = _ALNUM | {"@", "-"}


def _has_token(text: str, rules: Rules, mask: int | None = None) -> bool:
    """Whether some ``always`` form occurs in ``text`` as a whole token (the boundaries of `_token_re`);
    with the text's literal ``mask``, only the forms it contains are looked for."""
    for key, bit in rules.teencode_always_bare:
        if mask is not None and not mask & bit:
            continue
        n = len(key)
        i = text.find(key)
        while i >= 0:
            before = text[i - 1] if i else " "
            after = text[i + n : i + n + 1]
            if (
                before not in _TOKEN_CHARS
                and not (before == "." and i >= 2 and text[i - 2] in _ALNUM)
                and after not in _TOKEN_CHARS
                and not (after == "." and text[i + n + 1 : i + n + 2] in _ALNUM)
            ):
                return True
            i = text.find(key, i + 1)
    return False


def expand_teencode(
    original: str, sk: Skeleton, mask: int | None, rules: Rules
) -> tuple[Skeleton, int | None]:
    """``sk`` with chat spellings written out ("ck" → "chuyen khoan", "stk" → "so tai khoan"), so that every
    rule reads "ck cọc 500k trc" as "chuyển khoản cọc 500k trước" without listing the spellings itself.
    The new skeleton maps each written-out word to the typed token's original span, so evidence still points
    into ``original``. A token is written out only when its ORIGINAL form is the listed one ("đc" and "dc",
    not "đá"); the ``unmarked`` forms (single letters, "hk") only in a text typed without marks, where they
    cannot be a label ("hạng A", "anh K.", "HK II"). A text with none of the ``always`` forms and some marks —
    almost every article — costs one bit test. Returns ``(sk, mask)`` unchanged when nothing is written out."""
    new = _expand(original, sk, mask, rules)
    return (sk, mask) if new is None else (new, _scan(new.text, rules))


def _expand(original: str, sk: Skeleton, mask: int | None, rules: Rules) -> Skeleton | None:
    """`expand_teencode`'s new skeleton, or None when nothing is written out."""
    if rules.teencode_all_re is None or not sk.text:
        return None
    plain = original.isascii()
    if not plain:
        # a text with marks is read further only when an always-form stands as a word of its own: the
        # literal scan also sees "nt" in "internet", "ck" in "click" (a fifth of articles), so look at
        # those few places before the word-share count and the token scan
        if mask is not None and not mask & rules.teencode_mask:
            return None
        if not _has_token(sk.text, rules, mask):
            return None
    unmarked = plain or _marked_share(original) < MARKED_TEXT
    regex = rules.teencode_all_re if unmarked else rules.teencode_always_re
    if regex is None:
        return None
    text = sk.text
    found: list[tuple[int, int, str, int, int]] = []
    for m in regex.finditer(text):
        a, b = sk.span(m.start(), m.end())
        typed = safe_fold(plain_letters(original[a:b]))
        value = rules.teencode_always.get(typed)
        if value is None and unmarked:
            value = rules.teencode_unmarked.get(typed)
        if value is not None:
            found.append((m.start(), m.end(), value, a, b))
    if not found:
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def copy(i: int, j: int) -> None:
        out.append(text[i:j])
        if sk.starts is None or sk.ends is None:
            starts.extend(range(i, j))
            ends.extend(range(i + 1, j + 1))
        else:
            starts.extend(sk.starts[i:j])
            ends.extend(sk.ends[i:j])

    pos = 0
    for s, e, value, a, b in found:
        copy(pos, s)
        out.append(value)
        starts.extend([a] * len(value))
        ends.extend([b] * len(value))
        pos = e
    copy(pos, len(text))
    return Skeleton("".join(out), starts, ends)


def _spellings(words: Any, where: str) -> dict[str, frozenset[str]]:
    """``spellings: [gấp, chuyển, …]`` → {mark-free form: {folded spellings}}."""
    if not words:
        return {}
    if not isinstance(words, list) or not all(
        isinstance(w, str) and _WORD.fullmatch(w.strip()) for w in words
    ):
        raise RuleError(f"{where}: expected a list of single words, e.g. [gấp, chuyển]")
    by_bare: dict[str, set[str]] = {}
    for w in words:
        folded = safe_fold(w.strip())
        by_bare.setdefault(skeleton(folded).text, set()).add(folded)
    return {bare: frozenset(forms) for bare, forms in sorted(by_bare.items())}


_WORD = re.compile(r"[^\W\d_]+")


def _marked_share(original: str) -> float:
    """Share of the words in ``original`` (its first 2,000 characters) that carry Vietnamese marks (a word
    in decorative letters, "𝐤𝐡𝐨𝐚", carries none)."""
    words = _WORD.findall(plain_letters(original[:2000]))
    if not words:
        return 0.0
    return sum(not w.isascii() for w in words) / len(words)


# A text with at least this share of marked words is written with marks: there, an unmarked "khoa" is the
# word "khoa" (a faculty), not a "khóa" (lock) typed without marks. Typed-without-marks posts score ~0.
MARKED_TEXT = 0.6


def _misspelt(
    spellings: dict[str, frozenset[str]], folded_span: str, marked_text: Callable[[], bool]
) -> bool:
    """True when the hit's first word is, by its marks, another word than the ones the rule means
    ("gặp" (meet) is not "gấp" (urgent); "đồng tiền" (currency) is not "đóng tiền" (pay)). A word
    without marks is another word only in a text written with marks (``marked_text()``), and only when
    every spelling the rule means carries marks. Words the rule lists no spelling for always pass."""
    m = _WORD.match(folded_span)
    if m is None:
        return False
    word = m.group(0)
    bare = skeleton(word).text
    allowed = spellings.get(bare)
    if allowed is None or word in allowed:
        return False
    # marked as another word; or unmarked while the rule's spellings of it all carry marks
    return word != bare or marked_text()


@lru_cache(maxsize=8)
def load_rules(path: str | None = None) -> Rules:
    """The rules from ``path``, else the bundled ``tinhhinh/data/scam_rules.yaml``."""
    if path:
        text = Path(path).read_text(encoding="utf-8")
        origin = path
    else:
        text = resources.files("tinhhinh.data").joinpath(DEFAULT_RULES).read_text(encoding="utf-8")
        origin = DEFAULT_RULES
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RuleError(f"{origin}: not valid YAML: {exc}") from exc
    return parse_rules(data, origin)


# short brand tokens that are also common word starts: only a whole label part counts
_LOOSE_SHORT = frozenset({"vib", "acb", "msb", "shb", "tcb", "evn", "gov", "agri"})


def _under(domain: str, official: str) -> bool:
    return domain == official or domain.endswith("." + official)


def _classify_domain(domain: str, rules: Rules) -> str:
    domain = domain.lower().strip(".")
    if domain.startswith("www."):
        domain = domain[4:]
    if domain in rules.shorteners:
        return "shortener"
    if domain.endswith(".gov.vn"):
        # only state bodies can register under .gov.vn: a brand there (csgt.bocongan.gov.vn) is that body's
        return "other"
    parts = [p for p in re.split(r"[.\-\d]+", domain) if p]
    joined = domain.replace("-", "").replace(".", "")
    for brand, officials in rules.brands.items():
        if brand == "gov":
            if "gov" in parts and not domain.endswith(".gov.vn"):
                return "lookalike"
            continue
        # short brand tokens must be a whole label part (mb, vib, acb); long ones may be glued (vietcombankvn)
        present = (
            brand in parts
            or (len(brand) >= 6 and brand in joined)
            or (len(brand) >= 3 and brand not in _LOOSE_SHORT and any(p.startswith(brand) for p in parts))
        )
        if present and not any(_under(domain, o) for o in officials):
            return "lookalike"
    return "other"


# every character a match of ``Rules.domain_re`` can have before its top-level domain ("https://", labels)
_DOMAIN_RUN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.:/")


def domain_matches(text: str, rules: Rules) -> list[re.Match[str]]:
    """``list(rules.domain_re.finditer(text))``, tried only around the places ``domain_gate`` finds.
    Every domain match ends its host with ".<listed top-level domain>" not followed by a word character,
    which is a gate match, and runs back from there over characters of ``_DOMAIN_RUN`` only; so the
    next match after position ``pos`` starts between ``pos`` (or the start of that run) and a gate
    match, and trying those positions in order with ``match`` finds what ``finditer`` finds. The regex
    itself, tried at every letter of an article (its labels can start anywhere), cost ~0.3 ms per text
    that names a site."""
    gate, domain_re = rules.domain_gate, rules.domain_re
    if gate is None:
        return list(domain_re.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0  # where finditer would look next
    run = _DOMAIN_RUN
    for g in gate.finditer(text):
        s = g.start()
        if s < pos:
            continue
        q = s
        while q > pos and text[q - 1] in run:
            q -= 1
        while q <= s:
            m = domain_re.match(text, q)
            if m is None:
                q += 1
                continue
            out.append(m)
            pos = q = max(m.end(), q + 1)
    return out


def _scan(text: str, rules: Rules) -> int | None:
    """The text's literal mask (None: rules without a ``LiteralScan``, gates are then tested one by one)."""
    return rules.scan.mask(text) if rules.scan is not None else None


def _gate_open(mask: int | None, masks: tuple, gates: tuple, k: int, text: str) -> bool:
    if mask is not None and masks:
        return passes(mask, masks[k])
    return not gates or could_match(gates[k], text)


def _field_hits(
    original: str,
    field: str,
    offset: int,
    rules: Rules,
    sk: Skeleton | None = None,
    mask: int | None = None,
) -> tuple[list[Hit], Skeleton]:
    """Every rule hit in one field. ``sk``/``mask``: the field's skeleton and literal mask when the
    caller has them already (computed from ``original`` otherwise)."""
    if sk is None:
        original = original[:MAX_CHARS]
        sk = skeleton(original)
        sk, mask = expand_teencode(original, sk, _scan(sk.text, rules), rules)
    text = sk.text
    hits: list[Hit] = []
    share: list[bool] = []

    def marked_text() -> bool:
        if not share:
            share.append(_marked_share(original) >= MARKED_TEXT)
        return share[0]

    def add(rule: str, group: str, weight: float, m_start: int, m_end: int) -> Hit:
        a, b = sk.span(m_start, m_end)
        hit = Hit(rule, group, weight, field, offset + m_start, offset + m_end, (a, b), original[a:b])
        hits.append(hit)
        return hit

    for rule in rules.signals:
        for k, pattern in enumerate(rule.patterns):
            if not _gate_open(mask, rule.masks, rule.gates, k, text):
                continue
            if rule.quick and rule.quick[k] is not None and rule.quick[k].search(text) is None:
                continue  # no match of the quick pattern: none of the pattern either
            for m in pattern.finditer(text):
                if m.end() <= m.start():
                    continue
                if rule.unless or rule.spellings:
                    a, b = sk.span(m.start(), m.end())
                    folded = safe_fold(plain_letters(original[a:b]))
                    if any(u.search(folded) for u in rule.unless):
                        continue  # the marks say it is another word ("động" is not "đóng")
                    if rule.spellings and _misspelt(rule.spellings, folded, marked_text):
                        continue
                add(rule.id, rule.group, rule.weight, m.start(), m.end())
    for m in domain_matches(text, rules):
        kind = _classify_domain(m.group(1), rules)
        if kind in rules.link_rules:
            rid, group, weight = rules.link_rules[kind]
            add(rid, group, weight, m.start(), m.end())
    return hits, sk


def _clamp(w: float) -> float:
    return max(0.0, min(1.0, w))


def _bound(cands: list[tuple[float, str, Any]]) -> float:
    """Noisy OR over groups, each at the largest weight among its candidates."""
    best: dict[str, float] = {}
    for w, g, _ in cands:
        if w > best.get(g, -1.0):
            best[g] = w
    p = 1.0
    for w in best.values():
        p *= 1.0 - w
    return 1.0 - p


def may_flag(
    fields: list[tuple[str, int | None]] | list[tuple[str, int | None, int | None]], rules: Rules
) -> bool:
    """False only when no window of hits can reach the threshold: the noisy OR of every group that has a
    hit anywhere in the item (each at its rule's largest weight) bounds every window's score from above,
    and context only lowers a score (``Rules.context_lowers``). ``fields``: (skeleton text, literal
    mask) of title and text, optionally with the first-gate pattern set of ``LiteralScan.scan``. Rules are tried strongest first and dropped when none of their patterns
    matches, until the bound falls under the threshold; ``unless`` is ignored (it only removes hits).
    Almost every article stops here, before any hit is built or context scanned."""
    if not rules.context_lowers:
        return True
    cands: list[tuple[float, str, Any]] = []  # (weight, group, patterns to try; None: known present)
    todos: dict[int, list[tuple[re.Pattern[str], re.Pattern[str] | AnyOf | None, str]]] = {}
    for fld in fields:
        text, mask = fld[0], fld[1]
        if mask is not None and rules.flat:
            for ri, pattern, quick in rules.ungated:
                todos.setdefault(ri, []).append((pattern, quick, text))
            firsts = fld[2] if len(fld) > 2 else None
            if firsts is None:
                # passes(mask, gate_mask), inline: the first (most selective) mask drops most patterns in C
                passing = [g for g in rules.gated if mask & g[3]]
            else:
                # the same patterns in the same order, from the scan's first-gate bit set
                passing = []
                while firsts:
                    low = firsts & -firsts
                    firsts ^= low
                    passing.append(rules.gated[low.bit_length() - 1])
            for ri, pattern, quick, _, rest in passing:
                for m in rest:
                    if not mask & m:
                        break
                else:
                    todos.setdefault(ri, []).append((pattern, quick, text))
            continue
        for ri, rule in enumerate(rules.signals):
            for k, pattern in enumerate(rule.patterns):
                if _gate_open(mask, rule.masks, rule.gates, k, text):
                    todos.setdefault(ri, []).append((pattern, rule.quick[k] if rule.quick else None, text))
    for ri, rule in enumerate(rules.signals):
        if ri in todos:
            cands.append((_clamp(rule.weight), rule.group, todos[ri]))
    for fld in fields:
        text = fld[0]
        for m in domain_matches(text, rules):
            kind = _classify_domain(m.group(1), rules)
            if kind in rules.link_rules:
                _, group, weight = rules.link_rules[kind]
                cands.append((_clamp(weight), group, None))

    def under(cands: list[tuple[float, str, Any]]) -> bool:
        # margin: the window's noisy OR multiplies the same factors in another order (last-bit differences)
        return round(_bound(cands) + 1e-9, 4) < rules.threshold

    if under(cands):
        return False
    cands.sort(key=lambda c: -c[0])
    present: set[str] = set()
    i = 0
    while i < len(cands):
        w, group, todo = cands[i]
        if todo is None or group in present:  # a stronger rule of the group is known present
            present.add(group)
            i += 1
            continue
        if any((q is None or q.search(text)) and pattern.search(text) for pattern, q, text in todo):
            present.add(group)
            i += 1
            continue
        del cands[i]
        if under(cands):
            return False
    return True


def _one_reading(hits: list[Hit], yields: dict[str, frozenset[str]]) -> list[Hit]:
    """Drop each hit that overlaps a hit of a rule it yields to: one stretch of text is one signal.

    Only lowers scores, so ``may_flag``'s bound still holds."""
    if not any(h.rule in yields for h in hits):
        return hits
    return [
        h
        for h in hits
        if h.rule not in yields
        or not any(
            o.rule in yields[h.rule] and o.start < h.end and h.start < o.end for o in hits if o is not h
        )
    ]


def _noisy_or(hits: list[Hit]) -> tuple[float, dict[str, Hit]]:
    best: dict[str, Hit] = {}
    for h in hits:
        if h.group not in best or h.weight > best[h.group].weight:
            best[h.group] = h
    p = 1.0
    for h in best.values():
        p *= 1.0 - max(0.0, min(1.0, h.weight))
    return 1.0 - p, best


@dataclass
class ScamResult:
    score: float
    raw_score: float
    factor: float
    evidence: list[dict[str, Any]]
    flagged: bool


class _Prepared:
    """An item's two fields as the rules read them: original text, skeleton, literal mask, and the
    patterns whose first gate the field passes (``LiteralScan.scan``; None without a scan)."""

    __slots__ = ("title", "text", "t_skel", "b_skel", "t_mask", "b_mask", "t_firsts", "b_firsts")

    def __init__(self, title: object, text: object, rules: Rules) -> None:
        self.title, self.text = as_text(title), as_text(text)
        self.t_skel, self.t_mask, self.t_firsts = _prepare(self.title[:MAX_CHARS], rules)
        self.b_skel, self.b_mask, self.b_firsts = _prepare(self.text[:MAX_CHARS], rules)

    def fields(self) -> list[tuple[str, int | None, int | None]]:
        return [
            (self.t_skel.text, self.t_mask, self.t_firsts),
            (self.b_skel.text, self.b_mask, self.b_firsts),
        ]


def _prepare(original: str, rules: Rules) -> tuple[Skeleton, int | None, int | None]:
    """A field's skeleton with chat spellings written out, its literal mask and first-gate patterns."""
    sk = skeleton(original)
    if rules.scan is None:
        return expand_teencode(original, sk, None, rules) + (None,)
    mask, firsts = rules.scan.scan(sk.text)
    new = _expand(original, sk, mask, rules)
    if new is None:
        return sk, mask, firsts
    return (new, *rules.scan.scan(new.text))


def assess(title: object, text: object, rules: Rules | None = None) -> ScamResult:
    """Score one item's title and text. Never raises on odd input (None, bytes, huge, garbage)."""
    rules = rules or load_rules()
    return _assess(_Prepared(title, text, rules), rules)


def _assess(p: _Prepared, rules: Rules) -> ScamResult:
    title_s, text_s, t_skel, b_skel = p.title, p.text, p.t_skel, p.b_skel
    t_hits, _ = _field_hits(title_s, "title", 0, rules, t_skel, p.t_mask)
    b_hits, _ = _field_hits(text_s, "text", len(t_skel.text) + 1, rules, b_skel, p.b_mask)
    hits = sorted(t_hits + b_hits, key=lambda h: (h.start, -h.weight))
    if rules.yields:
        hits = _one_reading(hits, rules.yields)
    t_sk, b_sk = t_skel.text, b_skel.text
    whole = t_sk + "\n" + b_sk
    w_mask: int | None = None
    if rules.scan is not None and p.t_mask is not None and p.b_mask is not None:
        w_mask = p.t_mask | p.b_mask if rules.scan.joinable else rules.scan.mask(whole)

    # Context over the whole item, each rule once.
    factor = 1.0
    context_evidence: list[dict[str, Any]] = []
    for c in rules.context:
        for k, pattern in enumerate(c.patterns):
            m = pattern.search(whole) if _gate_open(w_mask, c.masks, c.gates, k, whole) else None
            if m:
                factor *= c.factor
                field, start = (
                    ("title", m.start()) if m.start() < len(t_sk) else ("text", m.start() - len(t_sk) - 1)
                )
                original, sk = (title_s, t_skel) if field == "title" else (text_s, b_skel)
                a, b = sk.span(start, start + (m.end() - m.start()))
                context_evidence.append(
                    {
                        "rule": c.id,
                        "span": [a, b],
                        "text": original[a:b],
                        "field": field,
                        "weight": round(c.factor - 1.0, 3),
                    }
                )
                break
    factor = max(factor, rules.min_factor)

    raw, chosen = 0.0, {}
    j = 0
    for i, h in enumerate(hits):
        j = max(j, i)
        while j < len(hits) and hits[j].start < h.start + rules.window:
            j += 1
        score, best = _noisy_or(hits[i:j])
        if score > raw:
            raw, chosen = score, best
    score = round(raw * factor, 4)
    evidence = [
        {"rule": h.rule, "span": [h.span[0], h.span[1]], "text": h.text, "field": h.field, "weight": h.weight}
        for h in sorted(chosen.values(), key=lambda h: h.start)
    ]
    flagged = score >= rules.threshold
    if flagged:
        evidence.extend(context_evidence)
    return ScamResult(
        score=score, raw_score=round(raw, 4), factor=round(factor, 4), evidence=evidence, flagged=flagged
    )


class ScamStage:
    """Per-record stage: adds ``{type: "scam", ...}`` to ``item.harm`` when the rules flag the item."""

    name = "scam"

    def __init__(self, rules_path: str | None = None) -> None:
        self.rules_path = rules_path
        self.version = f"rules-{load_rules(rules_path).version}"

    def __call__(self, item: Item) -> Item:
        rules = load_rules(self.rules_path)
        if not isinstance(item.harm, list):
            item.harm = []
        item.harm = [h for h in item.harm if not (isinstance(h, dict) and h.get("type") == "scam")]
        p = _Prepared(item.title, item.text, rules)
        # may_flag is exact on "not flagged", and that is all this stage outputs for such an item
        if not may_flag(p.fields(), rules):
            item.model_version["scam"] = self.version
            return item
        result = _assess(p, rules)
        if result.flagged:
            item.harm.append(
                {"type": "scam", "score": result.score, "evidence": result.evidence, "status": "unconfirmed"}
            )
        item.model_version["scam"] = self.version
        return item
