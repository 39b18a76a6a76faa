"""Matching items against published fact-checks (``FactcheckStage``).

Each item is split into sentences; each sentence is compared with the registry's active claims on
diacritic-free syllables (so "vac xin gay vo sinh" meets "vắc xin gây vô sinh"). The score is a
BM25-style weighted coverage of the claim's syllable unigrams and bigrams by the sentence, with term
weights from news-corpus document frequencies (``data/factcheck_df.tsv``), normalised to 0..1 by the
claim's own score.

A lexical match is not agreement. A sentence that negates the claim ("vắc xin KHÔNG gây vô sinh"),
reports it as a rumour, calls it false, or asks it as a question is the opposite of repeating it, so
the sentence's polarity must agree with the claim's and there must be no refutation context around
it. What comes out is a suggestion (``status: unconfirmed``) for a person to confirm or dismiss.

Speed: most articles share no rare term with any claim, so an inverted index of the claims' rare
syllables rejects them before any sentence is split.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain, filterfalse, repeat
from pathlib import Path
from typing import Any

import numpy as np

from tinhhinh.harm import factcheck_registry as registry
from tinhhinh.harm.teencode import TEENCODE
from tinhhinh.harm.text import as_text, safe_fold
from tinhhinh.item import Item
from tinhhinh.nlp.normalize import ascii_fold, strip_same_length

VERSION = "lex-1"
THRESHOLD = 0.4
MAX_CHARS = 100_000  # longer items are matched on their first 100k characters

_WORD = re.compile(r"[^\W_]+")
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
# Sentence ends: . ! ? ; … and line breaks (titles and posts often have no full stop).
_SENT_END = re.compile(r"(?<=[.!?…;])\s+|\n+")

# Spellings folded onto one form before matching (diacritic-free, lower case).
_SYNONYMS = {
    "vaccine": "vac xin",
    "vacxin": "vac xin",
    "vaccin": "vac xin",
    "vacin": "vac xin",
    "cccd": "can cuoc cong dan",
    "covid19": "covid 19",
    "ko": "khong",
    "k": "khong",
    "kg": "khong",
    "hok": "khong",
}

# ------------------------------------------------------------------ polarity

# Negators on folded text WITH marks (exact tokens or token pairs).
_NEG_MARKED = {"không", "chẳng", "chả", "chưa", "ko", "hông", "hổng", "hok", "khỏi"}
# Without marks, only spellings that cannot be another word ("chua" is also chữa = cure, "chang" chàng).
_NEG_PLAIN = {"khong", "ko", "kg", "hok"}
_NEG_PLAIN_PAIRS = {("chua", "he"), ("chua", "tung"), ("chang", "he"), ("chua", "bao")}
# "không" inside a fixed expression is not a negation.
_NOT_NEG_NEXT = {
    "khi",
    "gian",
    "quan",
    "chi",
    "nhung",
    "ngung",
    "it",
    "lau",
    "may",
    "kem",
    "han",
    "ke",
    "phan",
    "nhiet",
    "dau",
    "so",
    "luu",
}
# Chat spellings of "không" from the project's teencode table (ko, k, kg, hok, hông, hem, k0, ...), as
# they appear in a sentence's words (mark-less, after _SYNONYMS). "kh" and "hk" stay out: in posts they
# are mostly abbreviations (KH = khách hàng / kế hoạch, HK = học kỳ / Hồng Kông).
_TEEN_NEG = frozenset(
    w
    for k, v in TEENCODE.items()
    if v == "không" and k not in ("kh", "hk")
    for w in _SYNONYMS.get(strip_same_length(k), strip_same_length(k)).split()
)
# Inside a sentence written with marks, a mark-less chat spelling is the negation ("Vắc xin ko gây ...").
_NEG_MARKED_ASCII = _TEEN_NEG
# Without marks "hong" is also hồng/hỏng and "hem" hẻm (alley): those two only count in marked sentences.
_NEG_PLAIN = _NEG_PLAIN | (_TEEN_NEG - {"hong", "hem"})
# Every diacritic-free spelling a detected negating word can have (for the whole-text bound).
_NEG_CANDIDATES = frozenset({"khong", "chang", "cha", "chua", "ko", "kg", "hok", "hong", "khoi"} | _TEEN_NEG)
_NOT_NEG_PREV = {"hay", "hoac", "ma", "chu"}  # "... hay không" is a question tag
# Phrases that say the surrounding statement is false, a rumour, or reported speech (diacritic-free).
_REFUTE = [
    "la sai",
    "sai su that",
    "thong tin sai",
    "khong dung su that",
    "khong chinh thong",
    "khong chinh xac",
    "thong tin that thiet",
    "that thiet",
    "tin don",
    "loi don",
    "don thoi",
    "tin gia",
    "bac bo",
    "bac tin",
    "phu nhan",
    "bia dat",
    "vo can cu",
    "khong co co so",
    "khong co can cu",
    "khong co bang chung",
    "chua co bang chung",
    "khong he co",
    "khong co chuyen",
    "gia mao",
    "thuc hu",
    "su that la",
    "su that ve",
    "cho rang",
    "duoc cho la",
    "lan truyen tren mang",
    "thong tin lan truyen",
    "dang lan truyen",
    "fake news",
    "canh bao tin",
    "hoang tin",
    "ngo nhan",
    "hieu lam",
    "khong nen tin",
    "dung tin",
]
_REFUTE_RE = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in _REFUTE) + r")(?![a-z])")
# "không phải tin đồn" asserts rather than refutes.
_ASSERT_RE = re.compile(
    r"(?<![a-z])(?:khong phai|chang phai|khong con la) (?:la )?(?:tin don|tin gia|loi don)"
)
_QUESTION_RE = re.compile(
    r"\?\s*$|(?<![a-z])(?:hay khong|phai khong|dung khong|co that khong|khong nhi)(?![a-z])"
)
# Reported speech / refutation words are not claim content.
_FUNCTION = {"la", "thi", "ma", "va", "cua", "co", "duoc", "bi", "nhung", "cac", "mot", "nay", "do", "se"}


def _strip(text: str) -> str:
    # same length as the NFC text (offsets survive); only word characters matter afterwards
    return strip_same_length(safe_fold(text))


_DIGIT = re.compile(r"\d")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_SYN_KEYS = frozenset(_SYNONYMS)


def _words_plain(text: str, ascii_only: bool = False) -> list[str]:
    """Diacritic-free syllables with the spelling variants folded."""
    if _DIGIT.search(text):
        text = _THOUSANDS.sub("", text)
    words = (_ASCII_WORD if ascii_only else _WORD).findall(text)
    if _SYN_KEYS.isdisjoint(words):
        return words
    out: list[str] = []
    for w in words:
        rep = _SYNONYMS.get(w)
        if rep is None:
            out.append(w)
        else:
            out.extend(rep.split())
    return out


def negations(original: str, plain_words: list[str], with_mode: bool = False):  # noqa: ANN201
    """Positions (in ``plain_words``) of negating words in one sentence (and whether marks were read)."""
    marked = _words_plain(safe_fold(original)) if original else []
    use_marks = len(marked) == len(plain_words) and any(not w.isascii() for w in marked)
    pos: list[int] = []
    n = len(plain_words)
    for i, w in enumerate(plain_words):
        nxt = plain_words[i + 1] if i + 1 < n else ""
        prev = plain_words[i - 1] if i > 0 else ""
        if use_marks:
            m = marked[i]
            # safe_fold + _SYNONYMS already turned "ko"/"k" into a mark-less "khong": read chat spellings too
            neg = m in _NEG_MARKED or (m in _NEG_MARKED_ASCII and m.isascii())
            if m == "chưa" and nxt == "ke":
                neg = False  # "chưa kể" = not to mention
        else:
            neg = w in _NEG_PLAIN or (w, nxt) in _NEG_PLAIN_PAIRS
        if not neg:
            continue
        if w in _TEEN_NEG and (nxt in _NOT_NEG_NEXT or prev in _NOT_NEG_PREV):
            continue
        if w == "chang" and nxt == "han":
            continue
        if w in _TEEN_NEG and nxt == "" and prev not in ("", "la"):
            continue  # sentence-final "không" is a question particle
        pos.append(i)
    return (pos, use_marks) if with_mode else pos


def refuted(plain_sentence: str) -> bool:
    """Does the sentence call something false, a rumour, or report it as hearsay?"""
    m = _REFUTE_RE.search(plain_sentence)
    if not m:
        return False
    # "đây không phải tin đồn" asserts; any other refutation word still counts
    cleaned = _ASSERT_RE.sub(" ", plain_sentence)
    return bool(_REFUTE_RE.search(cleaned))


def is_question(plain_sentence: str) -> bool:
    return bool(_QUESTION_RE.search(plain_sentence.strip()))


# ------------------------------------------------------------------ term weights


@lru_cache(maxsize=1)
def _df() -> tuple[dict[str, int], int]:
    raw = resources.files("tinhhinh.data").joinpath("factcheck_df.tsv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    df: dict[str, int] = {}
    docs = 1
    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("# docs\t"):
                docs = int(line.split("\t")[1])
            continue
        t, d = line.split("\t")
        df[t] = int(d)
    return df, docs


# Words news never used (new names, "covid") and numbers would otherwise outweigh the rest of a claim.
MAX_IDF = 6.0
NUMBER_IDF = 3.0


@lru_cache(maxsize=100_000)
def idf(term: str) -> float:
    if term.isdigit():
        return NUMBER_IDF
    if " " in term and any(p.isdigit() for p in term.split(" ")):
        return NUMBER_IDF
    df, docs = _df()
    d = df.get(term, 1)
    return min(MAX_IDF, math.log(1.0 + (docs - d + 0.5) / (d + 0.5)))


# A syllable is "rare" (worth indexing) when fewer than this share of news articles contain it.
RARE_DF_SHARE = 0.05


def _rare(term: str) -> bool:
    df, docs = _df()
    return df.get(term, 0) < RARE_DF_SHARE * docs and not term.isdigit()


# ------------------------------------------------------------------ claims


@dataclass(frozen=True)
class Claim:
    entry: dict[str, Any]
    terms: dict[str, float]  # unigram or "a b" bigram → weight
    total: float
    rare: frozenset[str]
    negations: int  # negating words in the claim, read with marks
    negations_plain: int  # the same read without marks (compared with diacritic-free sentences)
    unigrams: tuple[tuple[str, float], ...] = ()
    bigrams: tuple[tuple[str, str, float], ...] = ()


def _content(words: list[str]) -> list[str]:
    return list(filterfalse(_FUNCTION.__contains__, words))


def _grams(words: list[str]) -> list[str]:
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _claim_words(plain: str, original: str) -> tuple[list[str], int, int]:
    words = _words_plain(plain)
    neg = negations(original, words)
    kept = [w for i, w in enumerate(words) if i not in set(neg)]
    return _content(kept), len(neg), len(negations("", words))


def build_claim(entry: dict[str, Any]) -> Claim | None:
    text = entry.get("claim") or ""
    words, negs, negs_plain = _claim_words(_strip(text), text)
    if not words:
        return None
    terms: dict[str, float] = {}
    for g in _grams(words):
        terms[g] = idf(g)
    rare = frozenset(w for w in words if _rare(w))
    if not rare:
        rare = frozenset(sorted(words, key=idf, reverse=True)[:2])
    unigrams = tuple((t, w) for t, w in terms.items() if " " not in t)
    bigrams = tuple((*t.split(" "), w) for t, w in terms.items() if " " in t)
    return Claim(entry, terms, sum(terms.values()), rare, negs, negs_plain, unigrams, bigrams)


@dataclass
class Match:
    claim: Claim
    score: float
    sentence: str
    span: tuple[int, int]
    field: str


class Matcher:
    """The active registry, indexed for fast rejection of unrelated items."""

    def __init__(self, entries: list[dict[str, Any]], threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.claims: list[Claim] = [c for c in (build_claim(e) for e in registry.active(entries)) if c]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.claims):
            for t in c.rare:
                self.postings[t].append(i)
        self.index_terms = frozenset(self.postings)
        # how much rare-term weight each claim has: a candidate must show a good share of it
        vocab: dict[object, int] = {}  # unigram "a" or bigram ("a", "b") -> column
        rows, cols, vals = [], [], []
        for i, c in enumerate(self.claims):
            terms = [(t, w) for t, w in c.unigrams] + [((a, b), w) for a, b, w in c.bigrams]
            for t, w in terms:
                rows.append(i)
                cols.append(vocab.setdefault(t, len(vocab)))
                vals.append(w)
        self.vocab = vocab
        self.term_matrix = None  # without claims nothing reads it (an empty vocabulary matches nothing)
        if self.claims:
            from scipy import sparse  # imported only with a registry: ~0.5 s of start-up otherwise

            self.term_matrix = sparse.csc_matrix(
                (np.asarray(vals, dtype=np.float64), (rows, cols)),
                shape=(len(self.claims), max(1, len(vocab))),
            )
            self.term_matrix.sum_duplicates()
        self.needed = np.asarray([threshold * c.total - 1e-9 for c in self.claims], dtype=np.float64)
        self.rare_needed = [max(1, round(0.3 * len(c.rare))) for c in self.claims]

    def __len__(self) -> int:
        return len(self.claims)

    def candidates(self, plain_words: set[str]) -> list[int]:
        """Claims sharing at least two of their rare syllables (one if they have one) with the text.

        Most news shares none with any claim and stops here.
        """
        hits = plain_words & self.index_terms
        if not hits:
            return []
        counts = Counter(chain.from_iterable(self.postings[t] for t in hits))
        need = self.rare_needed
        return [i for i, n in counts.items() if n >= need[i]]

    def bounded(self, cand: list[int], words: list[str]) -> list[int]:
        """Keep claims whose coverage by the WHOLE text reaches the threshold: no sentence can score more."""
        content = _content(words)
        present: set = set(content)
        present.update(zip(content, content[1:], strict=False))
        if not _NEG_CANDIDATES.isdisjoint(present):
            # sentences drop their negating words before scoring: count those bigrams too
            kept = [w for w in content if w not in _NEG_CANDIDATES]
            present.update(zip(kept, kept[1:], strict=False))
        # Whole-text coverage of every claim at once (sparse claims × terms matrix, summed over the
        # terms present): no sentence can score more than the whole text.
        cols = np.fromiter(map(self.vocab.get, present, repeat(-1)), dtype=np.int64, count=len(present))
        cols = cols[cols >= 0]
        if not cols.size:
            return []
        cover = self._column_sums(cols)
        return [i for i in cand if cover[i] >= self.needed[i]]

    def _column_sums(self, cols: np.ndarray) -> np.ndarray:
        # the CSC columns' entries gathered with array arithmetic (scipy's slicing costs ~10x more here)
        m = self.term_matrix
        starts = m.indptr[cols]
        lengths = m.indptr[cols + 1] - starts
        total = int(lengths.sum())
        if not total:
            return np.zeros(m.shape[0])
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return np.bincount(m.indices[offsets], weights=m.data[offsets], minlength=m.shape[0])

    def score(self, claim: Claim, words: list[str]) -> float:
        """Weighted share of the claim's syllable unigrams and bigrams that ``words`` contain (0..1)."""
        return self._coverage(claim, set(_grams(words)))

    @staticmethod
    def _coverage(claim: Claim, present: set[str]) -> float:
        got = sum(w for t, w in claim.terms.items() if t in present)
        return got / claim.total if claim.total else 0.0

    def match(self, title: object, text: object) -> list[Match]:
        """The best matching sentence per claim, for claims matched with agreeing polarity."""
        if not self.claims:
            return []
        fields = [("title", as_text(title)[:MAX_CHARS]), ("text", as_text(text)[:MAX_CHARS])]
        # Fast path at C speed: an ASCII copy of the whole item, its words, the claims sharing rare ones.
        quick = _ascii(f"{fields[0][1]}\n{fields[1][1]}")
        words = _words_plain(quick, ascii_only=True)
        cand = self.candidates(set(words))
        if not cand:
            return []
        cand = self.bounded(cand, words)
        if not cand:
            return []
        title_refutes = refuted(_ascii(fields[0][1]))
        rare = frozenset().union(*(self.claims[i].rare for i in cand))
        best: dict[int, Match] = {}
        for name, original in fields:
            if not original:
                continue
            sentences = _sentences(original)
            for k, (start, end, sent, psent) in enumerate(sentences):
                words_all = _words_plain(psent, ascii_only=True)
                wset = set(words_all)
                if rare.isdisjoint(wset):
                    continue
                todo = [i for i in cand if not self.claims[i].rare.isdisjoint(wset)]
                # bound first (negating words may or may not be dropped), exact score only for survivors
                loose = set(_grams(_content(words_all)))
                if not _NEG_CANDIDATES.isdisjoint(wset):
                    loose.update(_grams(_content([w for w in words_all if w not in _NEG_CANDIDATES])))
                todo = [i for i in todo if self._coverage(self.claims[i], loose) >= self.threshold]
                if not todo:
                    continue
                neg, marked = negations(sent, words_all, with_mode=True)
                skip = set(neg)
                present = set(_grams(_content([w for j, w in enumerate(words_all) if j not in skip])))
                for i in todo:
                    c = self.claims[i]
                    s = self._coverage(c, present)
                    if s < self.threshold or (i in best and best[i].score >= s):
                        continue
                    if not self._agrees(c, neg, marked, psent, words_all, sentences, k, title_refutes, name):
                        continue
                    best[i] = Match(c, round(s, 4), sent, (start, end), name)
        # ties in claim-id order: candidates come out of sets, whose order changes with the hash seed
        return sorted(best.values(), key=lambda m: (-m.score, str(m.claim.entry.get("id", ""))))

    def _agrees(
        self,
        claim: Claim,
        neg: list[int],
        marked: bool,
        psent: str,
        words_all: list[str],
        sentences: list[tuple[int, int, str, str]],
        k: int,
        title_refutes: bool,
        field: str,
    ) -> bool:
        if is_question(psent) or refuted(psent):
            return False
        # refutation context: the title (for body sentences) or the neighbouring sentences
        if title_refutes and field == "text":
            return False
        for j in (k - 1, k + 1):
            if 0 <= j < len(sentences) and refuted(sentences[j][3]):
                return False
        if neg:
            # only negations within the stretch of the sentence the claim occupies count
            keys = {t for t in claim.terms if " " not in t}
            first: dict[str, int] = {}
            for i, w in enumerate(words_all):
                if w in keys and w not in first:
                    first[w] = i
            where = sorted(first.values())
            if where:
                lo, hi = where[0] - 3, where[-1]
                neg = [p for p in neg if lo <= p <= hi]
        # "vắc xin không gây vô sinh" against "vắc xin gây vô sinh": one negation more is disagreement
        return len(neg) == (claim.negations if marked else claim.negations_plain)


def _ascii(text: str) -> str:
    """Lower-case ASCII copy for matching words and phrases (marks dropped, đ→d; C speed)."""
    return ascii_fold(text.lower())


def _sentences(original: str) -> list[tuple[int, int, str, str]]:
    """(start, end, sentence, its ASCII copy), split on . ! ? ; … and line breaks of the original."""
    res = []
    pos = 0
    bounds = []
    for m in _SENT_END.finditer(original):
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = m.end()
    if pos < len(original):
        bounds.append((pos, len(original)))
    for a, b in bounds:
        sent = original[a:b]
        psent = _ascii(sent)
        if psent.strip():
            res.append((a, b, sent, psent))
    return res


@lru_cache(maxsize=4)
def _load_matcher(path: str, mtime: float, threshold: float) -> Matcher:
    return Matcher(registry.load(path), threshold)


def load_matcher(path: str | Path | None = None, threshold: float = THRESHOLD) -> Matcher:
    p = registry.registry_path(path)
    if not p.exists():
        return Matcher([], threshold)
    return _load_matcher(str(p), p.stat().st_mtime, threshold)


def harm_entry(m: Match) -> dict[str, Any]:
    e = m.claim.entry
    return {
        "type": "factcheck",
        "score": m.score,
        "evidence": {
            "sentence": m.sentence[:1000],
            "field": m.field,
            "span": [m.span[0], m.span[1]],
            "claim": e["claim"],
            "claim_id": e["id"],
            "verdict": e.get("verdict") or e.get("rating"),
            "rating": e.get("rating"),
            "domain": e.get("domain"),
            "source": e.get("url"),
            "publisher": e.get("publisher"),
        },
        "status": "unconfirmed",
    }


class FactcheckStage:
    """Per-record stage: a ``factcheck`` harm entry for each active claim an item repeats."""

    name = "factcheck"

    def __init__(self, registry: str | Path | None = None, threshold: float = THRESHOLD) -> None:
        self.registry = str(registry_path_or_default(registry))
        self.threshold = threshold
        matcher = load_matcher(self.registry, threshold)
        self.version = f"{VERSION}+{len(matcher)}claims"
        self._matcher: Matcher | None = matcher

    def __getstate__(self) -> dict[str, Any]:
        # workers load the registry once themselves; the index is not shipped through pickle
        return {"registry": self.registry, "threshold": self.threshold, "version": self.version}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._matcher = None

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = load_matcher(self.registry, self.threshold)
        return self._matcher

    def __call__(self, item: Item) -> Item:
        matcher = self.matcher
        if not len(matcher):
            return item
        if not isinstance(item.harm, list):
            item.harm = []
        item.harm = [h for h in item.harm if not (isinstance(h, dict) and h.get("type") == "factcheck")]
        for m in matcher.match(item.title, item.text):
            item.harm.append(harm_entry(m))
        item.model_version["factcheck"] = self.version
        return item


def registry_path_or_default(path: str | Path | None) -> Path:
    return registry.registry_path(path)


def evaluate(rows: list[dict[str, Any]], entries: list[dict[str, Any]], threshold: float = THRESHOLD) -> dict:
    """Precision/recall on labelled rows ({text, expected: claim id or null}); per-kind error counts."""
    matcher = Matcher(entries, threshold)
    tp = fp = fn = 0
    errors: list[dict[str, Any]] = []
    by_kind: dict[str, dict[str, int]] = {}
    for r in rows:
        got = {m.claim.entry["id"]: m.score for m in matcher.match(r.get("title", ""), r["text"])}
        exp = r.get("expected")
        k = by_kind.setdefault(r.get("kind", "?"), {"n": 0, "wrong": 0})
        k["n"] += 1
        wrong = False
        if exp:
            if exp in got:
                tp += 1
            else:
                fn += 1
                wrong = True
        extra = [c for c in got if c != exp]
        fp += len(extra)
        wrong = wrong or bool(extra)
        if wrong:
            k["wrong"] += 1
            errors.append(
                {"id": r.get("id"), "kind": r.get("kind"), "text": r["text"], "got": got, "expected": exp}
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "rows": len(rows),
        "positives": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "by_kind": by_kind,
        "errors": errors,
    }
