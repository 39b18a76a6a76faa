"""Keywords: up to 10 real Vietnamese words or names per item, scored by TF-IDF.

No CRF at run time. A lexicon of multi-syllable words (built once from VNTC with underthesea's
segmenter over a training slice, see ``models/keywords.md``) drives a greedy longest-match
segmentation of the folded text. Runs of capitalised syllables that the lexicon does not know
(names like "Bảo Chấn") are candidates too. Output uses the word's usual written form (from the
corpus), so "hoà"/"hòa", NFC/NFD input give the same keywords.
"""

from __future__ import annotations

import gzip
import math
import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

import ahocorasick_rs
import numpy as np

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import ascii_fold, fold, has_diacritics, nfc, nfc_plain
from tinhhinh.nlp.textview import Column, Memo, text_view

LEXICON_FILE = "keywords.tsv.gz"
MAX_WORD = 4  # syllables
MAX_KEYWORDS = 10
MAX_CHARS = 30_000
# Words in more than this share of news articles are not keywords of any one article.
MAX_DF_SHARE = 0.08

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_DIGIT_RE = re.compile(r"\d")
# Punctuation that ends a phrase: words never span it.
_BREAK_RE = re.compile(r"[.,;:!?()\[\]{}\"“”«»…\n\r\t/|–—-]")
_SENTENCE_END_RE = re.compile(r"[.!?…:\n\"“”]")

# Reviewed additions to the MIT stopword list: time expressions (the brief excludes dates) and
# news boilerplate that the list misses.
EXTRA_STOP = {
    "hôm nay",
    "hôm qua",
    "hôm sau",
    "sáng nay",
    "chiều nay",
    "tối nay",
    "tối qua",
    "đêm qua",
    "sáng qua",
    "chiều qua",
    "năm nay",
    "năm ngoái",
    "năm qua",
    "tuần qua",
    "tuần này",
    "tuần sau",
    "tháng này",
    "tháng qua",
    "tháng sau",
    "thời gian",
    "hiện nay",
    "hiện tại",
    "gần đây",
    "vừa qua",
    "trước đó",
    "sau đó",
    "lúc này",
    "khi đó",
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "cuối tuần",
    "đầu năm",
    "cuối năm",
    "giữa năm",
    "tuy nhiên",
    "có thể",
    "không thể",
    "cho biết",
    "một số",
    "tất cả",
    "đối với",
    "theo đó",
    "ngoài ra",
    "bên cạnh",
    "đặc biệt",
    "trong khi",
    "thậm chí",
    "chúng tôi",
    "chúng ta",
    "các bạn",
    "bởi vì",
    "vì vậy",
    "do đó",
    "nhiều người",
    "mọi người",
    "trường hợp",
    "vấn đề",
    "khả năng",
    "thực hiện",
    "tiếp tục",
    "bắt đầu",
    "quan trọng",
    "kết quả",
    "đầu tiên",
    "cuối cùng",
    "hoạt động",
    "yêu cầu",
    "thông tin",
    "phóng viên",
    "bài viết",
    "theo ông",
    "theo bà",
    "tuy vậy",
    "như vậy",
    "nhất là",
    "hay không",
    "được biết",
    "còn lại",
    "trở thành",
    "trở lại",
    "cùng với",
    "tương tự",
    "khác nhau",
    "rất nhiều",
    "cũng như",
    "bao gồm",
    "nhằm mục đích",
    "có lẽ",
    "chắc chắn",
    "thường xuyên",
    "hàng ngày",
    "hàng năm",
    "mỗi năm",
    "mỗi ngày",
    "lần đầu",
    "lần này",
    "lần thứ",
    "số lượng",
    "ông ta",
    "bà ta",
    "anh ta",
    "cô ta",
    "họ đã",
    "đã được",
    "sẽ được",
    "đang được",
}
# Function syllables that never begin or end a keyword ("các doanh nghiệp" → no).
EDGE_STOP = {
    "các",
    "những",
    "của",
    "và",
    "là",
    "được",
    "bị",
    "đã",
    "sẽ",
    "đang",
    "cho",
    "với",
    "này",
    "đó",
    "kia",
    "thì",
    "mà",
    "nhưng",
    "hay",
    "hoặc",
    "như",
    "để",
    "từ",
    "tại",
    "ở",
    "vào",
    "ra",
    "lên",
    "xuống",
    "trong",
    "ngoài",
    "trên",
    "dưới",
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "trăm",
    "nghìn",
    "ngàn",
    "triệu",
    "tỷ",
    "tỉ",
    "không",
    "có",
    "rất",
    "cũng",
    "vẫn",
    "còn",
    "ông",
    "bà",
    "anh",
    "chị",
    "em",
    "ngày",
    "tháng",
    "lúc",
    "giờ",
    "phút",
    "khi",
    "nếu",
    "thế",
    "vậy",
    "nào",
    "gì",
    "ai",
    "đây",
    "ấy",
    "nhiều",
    "ít",
    "mỗi",
    "mọi",
    "cả",
    "theo",
    "về",
    "do",
    "bởi",
    "vì",
    "nên",
    "lại",
    "rồi",
    "thêm",
    "đều",
    "nhau",
}


@lru_cache(maxsize=50_000)
def canonical_surface(word: str) -> str:
    """Canonical tone placement, keeping which syllables start with a capital."""
    out = []
    for syl in word.split():
        f = fold(syl)
        if len(syl) > 1 and syl.isupper():
            f = f.upper()  # acronyms stay acronyms: "TP HCM", "CHDCND"
        elif syl[:1].isupper():
            f = f[:1].upper() + f[1:]
        out.append(f)
    return " ".join(out)


# canonical_surface of single words (syllables), remembered per process
_SURFACE = Memo(canonical_surface.__wrapped__, 50_000)


# --- stopwords --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Folded stopwords: the MIT list (minus reviewed content words) plus EXTRA_STOP."""
    root = resources.files("tinhhinh").joinpath("data")
    words = {
        fold(line.strip())
        for line in root.joinpath("vietnamese-stopwords.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    keep = {
        fold(line.strip())
        for line in root.joinpath("vietnamese-stopwords-keep.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return frozenset((words - keep) | {fold(w) for w in EXTRA_STOP})


# --- lexicon ----------------------------------------------------------------------------------------


class Lexicon:
    """Folded multi-syllable word -> (usual written form, document frequency in VNTC)."""

    def __init__(self, entries: dict[str, tuple[str, int]], n_docs: int, meta: dict[str, str] | None = None):
        self.entries = entries
        self.n_docs = n_docs
        self.meta = meta or {}

    @property
    def version(self) -> str:
        return self.meta.get("version", "unknown")

    def idf(self, df: int) -> float:
        return math.log((1 + self.n_docs) / (1 + df)) + 1.0

    def without_marks(self) -> Lexicon:
        """The lexicon as text typed without marks spells it: each word under its mark-less spelling,
        with the written form and df of the most frequent word spelt that way ("da nang" → "Đà Nẵng")."""
        from tinhhinh.nlp.marks import spelt_without_marks

        entries = spelt_without_marks(self.entries.items())
        return Lexicon(entries, self.n_docs, {**self.meta, "version": f"{self.version}+without-marks"})

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.GzipFile(path, "wb", mtime=0) as raw:
            lines = [f"#{k}\t{v}" for k, v in sorted(self.meta.items())]
            lines.append(f"#n_docs\t{self.n_docs}")
            lines += [f"{k}\t{s}\t{df}" for k, (s, df) in sorted(self.entries.items())]
            raw.write(("\n".join(lines) + "\n").encode("utf-8"))

    @classmethod
    def load(cls, path: Path | str | None = None) -> Lexicon:
        if path is None:
            ref = resources.files("tinhhinh").joinpath(f"models/{LEXICON_FILE}")
            data = ref.read_bytes()
        else:
            data = Path(path).read_bytes()
        entries: dict[str, tuple[str, int]] = {}
        meta: dict[str, str] = {}
        n_docs = 1
        for line in gzip.decompress(data).decode("utf-8").splitlines():
            if line.startswith("#"):
                k, _, v = line[1:].partition("\t")
                if k == "n_docs":
                    n_docs = int(v)
                else:
                    meta[k] = v
                continue
            k, s, df = line.split("\t")
            entries[k] = (s, int(df))
        return cls(entries, n_docs, meta)


@lru_cache(maxsize=4)
def _cached_lexicon(path: str | None) -> Lexicon:
    return Lexicon.load(path)


# --- segmentation -----------------------------------------------------------------------------------


# One pass over the text: a token, a sentence end, or another phrase break.
_SCAN_RE = re.compile(r"([^\W_]+)|([.!?…:\n\"“”'‘’])|([,;()\[\]{}«»/|–—\-\t\r])")


def _phrases(text: str) -> list[list[tuple[str, str, bool]]]:
    """Runs of (original token, folded token, sentence-initial) between punctuation breaks. Decorative
    letters are read as plain ones first (𝐍𝐚̆̃𝐧𝐠 is "Nẵng", one token, not three)."""
    text = nfc_plain(text)[:MAX_CHARS]
    folded = fold(text)
    same = len(folded) == len(text)
    out: list[list[tuple[str, str, bool]]] = []
    cur: list[tuple[str, str, bool]] = []
    sentence_start = True
    for m in _SCAN_RE.finditer(text):
        kind = m.lastindex  # which of the three groups matched: 1 token, 2 sentence end, 3 other break
        if kind != 1:
            if cur:
                out.append(cur)
                cur = []
            if kind == 2:
                sentence_start = True
            continue
        tok = m.group(1)
        if same:
            a, b = m.span()
            cur.append((tok, folded[a:b], sentence_start))
        else:
            cur.append((tok, fold(tok), sentence_start))
        sentence_start = False
    if cur:
        out.append(cur)
    return out


def _prefixes(lexicon: dict[str, Any]) -> frozenset[str]:
    return frozenset(" ".join(w.split()[:2]) for w in lexicon)


def segment(
    text: str, lexicon: dict[str, Any], prefixes: frozenset[str] | None = None
) -> list[tuple[str, str, bool, bool]]:
    """Greedy longest match: (folded word, original surface, sentence-initial, phrase-initial).

    Multi-syllable words carry an empty surface: callers use the lexicon's written form.
    """
    if prefixes is None:
        prefixes = _prefixes(lexicon)
    words = []
    for phrase in _phrases(text):
        n = len(phrase)
        folded = [f for _, f, _ in phrase]
        i = 0
        while i < n:
            tok, ftok, initial = phrase[i]
            if i + 1 < n and f"{ftok} {folded[i + 1]}" in prefixes:
                for k in range(min(MAX_WORD, n - i), 1, -1):
                    cand = " ".join(folded[i : i + k])
                    if cand in lexicon:
                        words.append((cand, "", initial, i == 0))
                        i += k
                        break
                else:
                    words.append((ftok, tok, initial, i == 0))
                    i += 1
            else:
                words.append((ftok, tok, initial, i == 0))
                i += 1
    return words


def _is_name_syllable(tok: str) -> bool:
    return tok[:1].isupper() and not _DIGIT_RE.search(tok)


def _good_candidate(folded: str, stop: frozenset[str]) -> bool:
    if " " not in folded or _DIGIT_RE.search(folded):
        return False
    if folded in stop:
        return False
    parts = folded.split()
    return parts[0] not in EDGE_STOP and parts[-1] not in EDGE_STOP


# --- extraction ---------------------------------------------------------------------------------------


# --- the run-time scan ----------------------------------------------------------------------------------
#
# ``segment`` walks the words one by one in Python. At run time the same greedy longest match is done in
# C: every folded word becomes one character of a code string (words the lexicon does not use share one
# code), every gap between words one more (a space when words may join, "," or "." at a phrase break),
# and an Aho–Corasick automaton over the lexicon's words, spelt in those codes, lists every lexicon
# word in the text. Python then sees only the matches and the capitalised words.

# the same classes as _SCAN_RE's groups 2 (sentence end) and 3 (other phrase break)
_SENTENCE_CHARS = frozenset(".!?…:\n\"“”'‘’")
_BREAK_CHARS = frozenset(",;()[]{}«»/|–—-\t\r")
_JOIN, _BREAK, _SENTENCE = " ", ",", "."
_OTHER_WORD = "\x01"
_SENTENCE_CODE = ord(_SENTENCE)
_ONE_PLUS_LOG = [0.0] + [1.0 + math.log(f) for f in range(1, 64)]  # the same floats as computing them
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


def _gap_kind(gap: str) -> str:
    """Gap between two words → _JOIN, _BREAK or _SENTENCE (memoised: most gaps are a few strings)."""
    if not _SENTENCE_CHARS.isdisjoint(gap):
        return _SENTENCE
    if not _BREAK_CHARS.isdisjoint(gap):
        return _BREAK
    return _JOIN


def _gap_code(gap: str) -> int:
    return ord(_gap_kind(gap))


def _code_char(k: int) -> str:
    c = 0x100 + k
    return chr(c + 0x800 if c >= 0xD800 else c)  # never a surrogate


class KeywordExtractor:
    def __init__(
        self, lexicon: Lexicon, max_keywords: int = MAX_KEYWORDS, without_marks: bool = False
    ) -> None:
        """``without_marks``: for text typed without marks: the lexicon's words and the text's are read
        without marks (`Lexicon.without_marks`); keywords keep the lexicon's written forms, and the
        stopword tests read those (without marks "da" is "đã" and "đà", "hai" "hai" and "hải")."""
        self.without_marks = without_marks
        if without_marks:
            lexicon = lexicon.without_marks()
        self.stop = stopwords()
        self.lexicon = lexicon
        self.max_keywords = max_keywords
        self.max_df = MAX_DF_SHARE * lexicon.n_docs
        self._prefixes: frozenset[str] | None = None  # (only the word-by-word path needs them)
        self._gap_codes = Memo(_gap_code, 20_000)  # gap between two words → its kind's code point
        # per word of the shared word table (``TextView.ids``): its code, whether it may be in a name
        self._code_column = Column(self._code_of, np.uint32)
        self._name_column = Column(self._name_of, np.uint8)
        self._codes: dict[str, str] = {}
        patterns: list[str] = []
        self._words: list[str] = []
        # lexicon word → (surface, idf) for the words that may be keywords at all
        self._good: dict[str, tuple[str, float]] = {}
        stop, max_df, good, codes_of = self.stop, self.max_df, self._good, self._codes
        is_token: dict[str, bool] = {}  # syllable → _TOKEN_RE.fullmatch (5k syllables in 14k words)
        for w, (surface, df) in lexicon.entries.items():
            # (df first: a cheaper test than _good_candidate, and both are pure)
            if df <= max_df and _good_candidate(fold(surface) if without_marks else w, stop):
                good[w] = (surface, lexicon.idf(df))
            syllables = w.split(" ")
            # only words ``segment`` can match: 2..MAX_WORD tokens joined by single spaces
            if not 2 <= len(syllables) <= MAX_WORD:
                continue
            for syl in syllables:
                ok = is_token.get(syl)
                if ok is None:
                    ok = is_token[syl] = _TOKEN_RE.fullmatch(syl) is not None
                if not ok:
                    break
            else:
                codes = []
                for syl in syllables:
                    code = codes_of.get(syl)
                    if code is None:
                        code = codes_of[syl] = _code_char(len(codes_of))
                    codes.append(code)
                patterns.append(" ".join(codes))
                self._words.append(w)
        self._matcher = ahocorasick_rs.AhoCorasick(
            patterns, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST
        )
        # by pattern (the automaton's match ids): (word, surface, idf) of those that may be keywords
        self._good_pattern = [(w, *self._good[w]) if w in self._good else None for w in self._words]
        self._idf_name = lexicon.idf(1)

    @property
    def prefixes(self) -> frozenset[str]:
        if self._prefixes is None:
            self._prefixes = _prefixes(self.lexicon.entries)
        return self._prefixes

    def _code_of(self, word: str, folded: str) -> int:
        if self.without_marks:
            folded = ascii_fold(folded)  # a marked word in such a text ("Đà Nẵng") still matches
        return ord(self._codes.get(folded, _OTHER_WORD))

    @staticmethod
    def _name_of(word: str, folded: str) -> bool:
        return _is_name_syllable(word)

    def extract(self, title: str, text: str) -> list[str]:
        out = self._extract_scan(title, text)
        if out is None:
            out = self._extract_words(title or "", text or "")
        return out

    def _extract_scan(self, title: str, text: str) -> list[str] | None:
        """``_extract_words``'s result from one C-level scan; None when this text needs the word-by-word path."""
        view = text_view(title, text)  # words and folded words shared with area, places, copies
        fwords = view.folded_words  # None unless fold(word) is what ``_phrases`` would read
        if fwords is None or len(view.content) > MAX_CHARS:
            return None  # (each part is cut at MAX_CHARS on its own)
        n = len(fwords)
        if not n:
            return []
        parts = view.parts
        words = view.words
        ids = view.ids
        # The title's words weigh 2, the body's 1. A gap with a newline (a sentence end) separates
        # them, so words and names never span the two, as when each part is scanned on its own.
        n_title = view.n_title
        # code string: gap kind, word code, gap kind, word code, ... (word i's gap kind at 2i), as
        # code points: the gaps' from a memo, the words' by word id
        codes = np.empty(2 * n, dtype=np.uint32)
        codes[0::2] = np.fromiter(map(self._gap_codes.__getitem__, parts[0 : 2 * n : 2]), np.uint32, n)
        codes[0] = _SENTENCE_CODE  # the text's first word starts a sentence
        codes[1::2] = self._code_column.take(ids)
        pieces = codes.tobytes().decode("utf-32-le")
        # Greedy longest match from the left, as ``segment``: a leftmost-longest automaton gives
        # exactly those words (they start and end at word codes, never across a break)
        matches = self._matcher.find_matches_as_indexes(pieces)
        found = list(map(_FIRST, matches))  # pattern ids: one per lexicon word
        starts = list(map(_SECOND, matches))
        tf: Counter[int] = Counter(found)
        tf.update(found[: bisect_left(starts, 2 * n_title)])  # title words count twice
        # Unknown names: runs of 2..MAX_WORD capitalised single words (not lexicon words) next to
        # each other within one phrase, not starting a sentence (a capital there says nothing).
        entries = self.lexicon.entries
        names: dict[str, Counter[str]] = defaultdict(Counter)
        name_tf: Counter[str] = Counter()
        run: list[int] = []
        prev = -2
        # only name syllables next to another can be in a run of two or more: one bit test each
        flags = int.from_bytes(self._name_column.take(ids).tobytes(), "little")
        paired = (flags & ((flags << 8) | (flags >> 8))).to_bytes(n, "little")
        for i in compress(range(n), paired):
            p = 2 * i + 1
            j = bisect_right(starts, p) - 1
            if j >= 0 and matches[j][2] > p:
                continue  # inside a lexicon word: not a name syllable, ends a run as any word
            kind = pieces[2 * i]
            if run and i == prev + 1 and kind == _JOIN:
                run.append(i)
            else:
                if 2 <= len(run) <= MAX_WORD:
                    self._count_name(run, words, fwords, n_title, entries, name_tf, names)
                run = [] if kind == _SENTENCE else [i]
            prev = i
        if 2 <= len(run) <= MAX_WORD:
            self._count_name(run, words, fwords, n_title, entries, name_tf, names)
        return self._rank(tf, name_tf, names)

    @staticmethod
    def _count_name(run, words, fwords, n_title, entries, name_tf, names) -> None:
        key = " ".join([fwords[i] for i in run])
        if key not in entries:
            name_tf[key] += 2 if run[0] < n_title else 1
            # canonical_surface of the joined words, syllable by syllable (each word is one syllable):
            # a memo per word misses far less often than one per run of words
            names[key][" ".join([_SURFACE[words[i]] for i in run])] += 1

    def _rank(self, tf: Counter[int], name_tf: Counter[str], names: dict[str, Counter[str]]) -> list[str]:
        """``tf``: lexicon words' counts by pattern id; ``name_tf``: names' counts by folded name."""
        scored = []
        good = self._good_pattern
        log = math.log
        one_plus_log = _ONE_PLUS_LOG
        for p, f in tf.items():
            g = good[p]
            if g is not None:
                w, surface, idf = g
                scored.append((-(one_plus_log[f] if f < 64 else 1.0 + log(f)) * idf, w, surface))
        for w, f in name_tf.items():
            # an unknown capitalised run seen once is too often a fragment
            if f >= 2 and _good_candidate(w, self.stop):
                scored.append((-(1.0 + log(f)) * self._idf_name, w, names[w].most_common(1)[0][0]))
        scored.sort()  # best score first, then the folded word (unique: surfaces never compared)
        out: list[str] = []
        seen = ""  # " word " per kept word, one per line
        for _, w, surface in scored:
            # Skip a word contained in a better-ranked one ("Hồ Chí" after "Hồ Chí Minh").
            spaced = f" {w} "
            if spaced in seen:
                continue
            seen += f"{spaced}\n"
            out.append(surface)
            if len(out) >= self.max_keywords:
                break
        return out

    def _extract_words(self, title: str, text: str) -> list[str]:
        """The word-by-word reference (``segment`` per part); used when the scan cannot be."""
        entries = self.lexicon.entries
        tf: Counter[str] = Counter()
        names: dict[str, Counter[str]] = defaultdict(Counter)
        for part, weight in ((title or "", 2.0), (text or "", 1.0)):
            if not part.strip():
                continue
            words = segment(part, entries, self.prefixes)
            for w, _, _, _ in words:
                if w in entries:
                    tf[w] += weight
            # Unknown names: runs of >= 2 capitalised single syllables within one phrase, not
            # starting a sentence (a capital there says nothing).
            run: list[tuple[str, str]] = []
            for w, surf, initial, phrase_start in [*words, ("", "", True, True)]:
                is_name = bool(surf) and " " not in w and _is_name_syllable(surf)
                if run and is_name and not phrase_start:
                    run.append((w, surf))
                    continue
                if 2 <= len(run) <= MAX_WORD:
                    key = " ".join(f for f, _ in run)
                    if key not in entries:
                        tf[key] += weight
                        names[key][canonical_surface(" ".join(sf for _, sf in run))] += 1
                run = [(w, surf)] if is_name and not initial else []
        scored = []
        for w, f in tf.items():
            if not _good_candidate(
                fold(entries[w][0]) if self.without_marks and w in entries else w, self.stop
            ):
                continue
            if w in entries:
                surface, df = entries[w]
                if df > self.max_df:
                    continue
            else:
                if f < 2:  # an unknown capitalised run seen once is too often a fragment
                    continue
                surface, df = names[w].most_common(1)[0][0], 1
            scored.append(((1.0 + math.log(f)) * self.lexicon.idf(df), w, surface))
        scored.sort(key=lambda t: (-t[0], t[1]))
        out: list[str] = []
        seen: set[str] = set()
        for _, w, surface in scored:
            # Skip a word contained in a better-ranked one ("Hồ Chí" after "Hồ Chí Minh").
            if any(f" {w} " in f" {s} " for s in seen):
                continue
            seen.add(w)
            out.append(surface)
            if len(out) >= self.max_keywords:
                break
        return out


class KeywordsStage:
    """Per-record stage: sets ``item.keywords`` (up to 10 words or names, best first)."""

    name = "keywords"

    def __init__(self, lexicon_path: str | Path | None = None, max_keywords: int = MAX_KEYWORDS) -> None:
        self.lexicon_path = str(lexicon_path) if lexicon_path else None
        self.max_keywords = max_keywords
        self._extractor: KeywordExtractor | None = None
        self._plain: KeywordExtractor | None = None

    @property
    def extractor(self) -> KeywordExtractor:
        if self._extractor is None:
            self._extractor = KeywordExtractor(_cached_lexicon(self.lexicon_path), self.max_keywords)
        return self._extractor

    @property
    def plain_extractor(self) -> KeywordExtractor:
        """For text typed without marks; built on the first such text (news never waits for it)."""
        if self._plain is None:
            lexicon = _cached_lexicon(self.lexicon_path)
            self._plain = KeywordExtractor(lexicon, self.max_keywords, without_marks=True)
        return self._plain

    @property
    def version(self) -> str:
        return f"lex-{self.extractor.lexicon.version}"

    def __getstate__(self) -> dict[str, Any]:
        return {
            "lexicon_path": self.lexicon_path,
            "max_keywords": self.max_keywords,
            "_extractor": None,
            "_plain": None,
        }

    def __call__(self, item: Item) -> Item:
        title, text = item.title or "", item.text or ""
        extractor = self.plain_extractor if text_view(title, text).typed_without_marks else self.extractor
        item.keywords = extractor.extract(title, text)
        item.model_version[self.name] = f"lex-{extractor.lexicon.version}"
        return item


# --- building the lexicon (training time only; underthesea is a dev dependency) ------------------------


def build_lexicon(
    texts_for_segmenter: Iterable[str],
    texts_for_df: Iterable[str],
    out_path: Path | str | None = None,
    min_count: int = 3,
    log: Any = None,
) -> Lexicon:
    """Collect multi-syllable words from underthesea's segmenter, then document frequencies over VNTC.

    ``texts_for_segmenter``: a slice of training articles segmented by the CRF once.
    ``texts_for_df``: the articles whose greedy segmentation gives the document frequencies.
    """
    from underthesea import word_tokenize  # training-time only

    say = log or (lambda msg: None)
    t0 = time.time()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    n = 0
    for text in texts_for_segmenter:
        for line in nfc(text).split("\n"):
            for w in word_tokenize(line):
                syls = w.split()
                if not 2 <= len(syls) <= MAX_WORD or not all(_TOKEN_RE.fullmatch(s) for s in syls):
                    continue
                surfaces[fold(w)][canonical_surface(w)] += 1
        n += 1
    say(f"segmented {n} articles with underthesea ({time.time() - t0:.0f}s): {len(surfaces)} word types")
    return finish_lexicon(surfaces, texts_for_df, out_path, min_count, log)


def usual_surface(forms: Counter[str]) -> str | None:
    """The written form to show, or None for entries we do not keep.

    Lower-case words written without any diacritic are untoned Vietnamese ("co the"), not words.
    A form that differs from the lower-case one only by its first capital is usually a sentence
    start ("Giấc mơ"), so the lower-case form wins unless it is rare (then it is a name: "Tỉnh ủy").
    """
    surface = forms.most_common(1)[0][0]
    lower = surface.lower()
    if surface == lower and not has_diacritics(lower):
        return None
    if surface != lower and surface[1:] == lower[1:] and forms[lower] * 5 >= forms[surface]:
        surface = lower
    return surface


def finish_lexicon(
    surfaces: dict[str, Counter[str]],
    texts_for_df: Iterable[str],
    out_path: Path | str | None = None,
    min_count: int = 3,
    log: Any = None,
) -> Lexicon:
    say = log or (lambda msg: None)
    t0 = time.time()
    words = {w: c for w, c in surfaces.items() if sum(c.values()) >= min_count and not _DIGIT_RE.search(w)}
    df: Counter[str] = Counter()
    n_docs = 0
    prefixes = _prefixes(words)
    for text in texts_for_df:
        df.update({w for w, _, _, _ in segment(text, words, prefixes) if w in words})
        n_docs += 1
    entries = {}
    for w, c in words.items():
        if df[w] < 2:
            continue
        surface = usual_surface(c)
        if surface is not None:
            entries[w] = (surface, df[w])
    say(f"document frequencies over {n_docs} articles ({time.time() - t0:.0f}s): {len(entries)} words kept")
    import hashlib

    digest = hashlib.sha1(
        "\n".join(f"{k}\t{v[0]}\t{v[1]}" for k, v in sorted(entries.items())).encode()
    ).hexdigest()
    lex = Lexicon(entries, n_docs, {"version": digest[:8], "source": "VNTC; underthesea word_tokenize slice"})
    if out_path is not None:
        lex.save(Path(out_path))
    return lex
