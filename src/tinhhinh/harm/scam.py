"""Scam signals: analyst-editable rules (``data/scam_rules.yaml``) that combine into a score.

One rule hit never flags an item. Hits combine only when they lie close together (a window of
characters), each rule group counts once, and context that marks a WARNING about scams (news,
police advice, reported speech, official channels) multiplies the score down. What comes out is a
``harm`` entry with the evidence an analyst needs to confirm or dismiss it; every flag is
``unconfirmed`` until a person looks at it.
"""

from __future__ import annotations

import re
import re._compiler as _sre_compile
import re._constants as _sre
import re._parser as _sre_parse
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
    quick: tuple[re.Pattern[str] | None, ...] = field(default=(), compare=False)
    # the words the rule means, as folded marked spellings, by their mark-free form (see `_misspelt`)
    spellings: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)


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
    keep = {s for s in strings if not any(t != s and t in s for t in strings)}
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
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
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


def quick_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without its leading zero-width assertions (``\\b``, look-behinds) and optional items
    (``(bi |se bi )?``): every match of ``pattern`` contains a match of what is left, which starts where
    the dropped part ended (assertions read the string, not the match, and no back-reference can refer
    to a dropped group), so ``quick.search(text) is None`` proves ``pattern.search(text) is None``. With
    a literal or a small character set at its start the regex engine skips ahead in C instead of trying
    the whole pattern at every position: 3–20× cheaper on articles. None when nothing leads."""
    if pattern.flags & re.VERBOSE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if any(op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS) for op in _ops(parsed)):
            return None
        items = list(parsed)
        i = 0
        while i < len(items):
            op, av = items[i]
            if op in _SKIPPABLE or (op in _REPEATS and av[0] == 0):
                i += 1
                continue
            break
        if i == 0 or i == len(items):
            return None
        return _sre_compile.compile(_sre_parse.SubPattern(parsed.state, items[i:]), pattern.flags)
    except Exception:  # noqa: BLE001 - no quick pattern is always correct
        return None


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

    __slots__ = ("bits", "joinable", "_matcher", "_short", "_bits")

    # Literals this short (single letters and digits: "h", "d", "0", ...) occur hundreds of times in every article,
    # which is most of the automaton's matches; a substring test stops at their first occurrence.
    SHORT = 1

    def __init__(self, literals: set[str] | list[str]) -> None:
        # a list keeps its order (bit 0 first; see `_literal_order`), a set is sorted
        ordered = list(dict.fromkeys(literals)) if isinstance(literals, list) else sorted(literals)
        ordered = [lit for lit in ordered if lit]  # "" is in every text: its set always passes
        # without a "\n" in any literal, none can straddle the title/text join of the context scan: the
        # mask of ``title + "\n" + text`` is then the OR of the two fields' masks
        self.joinable = not any("\n" in lit for lit in ordered)
        self.bits = {lit: 1 << i for i, lit in enumerate(ordered)}
        self._short = tuple((lit, self.bits[lit]) for lit in ordered if len(lit) <= self.SHORT)
        long = [lit for lit in ordered if len(lit) > self.SHORT]
        self._bits = [self.bits[lit] for lit in long]
        # standard match semantics with overlapping matches: every occurrence of every literal, also
        # literals inside longer ones (the same library as the keywords matcher)
        self._matcher = ahocorasick_rs.AhoCorasick(long) if long else None

    def mask(self, text: str) -> int:
        if not text:
            return 0
        mask = 0
        for lit, bit in self._short:
            if lit in text:
                mask |= bit
        if self._matcher is not None:
            # distinct bits summed = OR; C-level maps over the matches (pattern index first)
            found = self._matcher.find_matches_as_indexes(text, overlapping=True)
            mask |= sum(set(map(self._bits.__getitem__, map(_first, found))))
        return mask

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
    flat: tuple[tuple[int, re.Pattern[str], re.Pattern[str] | None, tuple[int, ...]], ...] = field(
        default=(), compare=False
    )
    # ``flat`` split for that loop: patterns with a gate as (rule index, pattern, quick, first gate mask,
    # the other gate masks), so one list comprehension drops most of them on the first mask; and
    # patterns without a gate (always tried)
    gated: tuple[tuple[int, re.Pattern[str], re.Pattern[str] | None, int, tuple[int, ...]], ...] = field(
        default=(), compare=False
    )
    ungated: tuple[tuple[int, re.Pattern[str], re.Pattern[str] | None], ...] = field(
        default=(), compare=False
    )
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
            out.append(re.compile(str(p)))
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
                tuple(map(quick_pattern, patterns)),
                spellings[i],
            )
        )
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
    domain_re = re.compile(
        r"(?<![\w@.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:"
        + "|".join(map(re.escape, tlds))
        + r"))(?![\w-])(/[^\s]*)?"
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
        gated=tuple((ri, p, q, m[0], m[1:]) for ri, p, q, m in flat if m),
        ungated=tuple((ri, p, q) for ri, p, q, m in flat if not m),
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
    return re.compile(
        r"(?<![a-z0-9@\-])(?<![a-z0-9]\.)(?:"
        + "|".join(map(re.escape, bare))
        + r")(?![a-z0-9@\-]|\.[a-z0-9])"
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
    if rules.teencode_all_re is None or not sk.text:
        return sk, mask
    plain = original.isascii()
    if not plain:
        # a text with marks is read further only when an always-form stands as a word of its own: the
        # literal scan also sees "nt" in "internet", "ck" in "click" (a fifth of articles), so look at
        # those few places before the word-share count and the token scan
        if mask is not None and not mask & rules.teencode_mask:
            return sk, mask
        if not _has_token(sk.text, rules, mask):
            return sk, mask
    unmarked = plain or _marked_share(original) < MARKED_TEXT
    regex = rules.teencode_all_re if unmarked else rules.teencode_always_re
    if regex is None:
        return sk, mask
    text = sk.text
    found: list[tuple[int, int, str, int, int]] = []
    for m in regex.finditer(text):
        a, b = sk.span(m.start(), m.end())
        typed = safe_fold(original[a:b])
        value = rules.teencode_always.get(typed)
        if value is None and unmarked:
            value = rules.teencode_unmarked.get(typed)
        if value is not None:
            found.append((m.start(), m.end(), value, a, b))
    if not found:
        return sk, mask
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
    new = Skeleton("".join(out), starts, ends)
    return new, _scan(new.text, rules)


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
    """Share of the words in ``original`` (its first 2,000 characters) that carry Vietnamese marks."""
    words = _WORD.findall(original[:2000])
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
                    folded = safe_fold(original[a:b])
                    if any(u.search(folded) for u in rule.unless):
                        continue  # the marks say it is another word ("động" is not "đóng")
                    if rule.spellings and _misspelt(rule.spellings, folded, marked_text):
                        continue
                add(rule.id, rule.group, rule.weight, m.start(), m.end())
    if rules.domain_gate is not None and not rules.domain_gate.search(text):
        return hits, sk
    for m in rules.domain_re.finditer(text):
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


def may_flag(fields: list[tuple[str, int | None]], rules: Rules) -> bool:
    """False only when no window of hits can reach the threshold: the noisy OR of every group that has a
    hit anywhere in the item (each at its rule's largest weight) bounds every window's score from above,
    and context only lowers a score (``Rules.context_lowers``). ``fields``: (skeleton text, literal
    mask) of title and text. Rules are tried strongest first and dropped when none of their patterns
    matches, until the bound falls under the threshold; ``unless`` is ignored (it only removes hits).
    Almost every article stops here, before any hit is built or context scanned."""
    if not rules.context_lowers:
        return True
    cands: list[tuple[float, str, Any]] = []  # (weight, group, patterns to try; None: known present)
    todos: dict[int, list[tuple[re.Pattern[str], re.Pattern[str] | None, str]]] = {}
    for text, mask in fields:
        if mask is not None and rules.flat:
            for ri, pattern, quick in rules.ungated:
                todos.setdefault(ri, []).append((pattern, quick, text))
            # passes(mask, gate_mask), inline: the first (most selective) mask drops most patterns in C
            for ri, pattern, quick, _, rest in [g for g in rules.gated if mask & g[3]]:
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
    for text, _ in fields:
        if rules.domain_gate is None or rules.domain_gate.search(text):
            for m in rules.domain_re.finditer(text):
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
    """An item's two fields as the rules read them: original text, skeleton, literal mask."""

    __slots__ = ("title", "text", "t_skel", "b_skel", "t_mask", "b_mask")

    def __init__(self, title: object, text: object, rules: Rules) -> None:
        self.title, self.text = as_text(title), as_text(text)
        self.t_skel = skeleton(self.title[:MAX_CHARS])
        self.b_skel = skeleton(self.text[:MAX_CHARS])
        self.t_skel, self.t_mask = expand_teencode(
            self.title[:MAX_CHARS], self.t_skel, _scan(self.t_skel.text, rules), rules
        )
        self.b_skel, self.b_mask = expand_teencode(
            self.text[:MAX_CHARS], self.b_skel, _scan(self.b_skel.text, rules), rules
        )


def assess(title: object, text: object, rules: Rules | None = None) -> ScamResult:
    """Score one item's title and text. Never raises on odd input (None, bytes, huge, garbage)."""
    rules = rules or load_rules()
    return _assess(_Prepared(title, text, rules), rules)


def _assess(p: _Prepared, rules: Rules) -> ScamResult:
    title_s, text_s, t_skel, b_skel = p.title, p.text, p.t_skel, p.b_skel
    t_hits, _ = _field_hits(title_s, "title", 0, rules, t_skel, p.t_mask)
    b_hits, _ = _field_hits(text_s, "text", len(t_skel.text) + 1, rules, b_skel, p.b_mask)
    hits = sorted(t_hits + b_hits, key=lambda h: (h.start, -h.weight))
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
        if not may_flag([(p.t_skel.text, p.t_mask), (p.b_skel.text, p.b_mask)], rules):
            item.model_version["scam"] = self.version
            return item
        result = _assess(p, rules)
        if result.flagged:
            item.harm.append(
                {"type": "scam", "score": result.score, "evidence": result.evidence, "status": "unconfirmed"}
            )
        item.model_version["scam"] = self.version
        return item
