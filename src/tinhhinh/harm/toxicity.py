"""Toxic language: clean / offensive / hate, from a model the installation trains itself.

ViHSD (the only labelled Vietnamese set we have) is research-only, so no trained model ships with the
package: ``tinhhinh train toxicity --data DIR`` writes one to ``$TINHHINH_HOME/models/toxicity-vihsd/``
and ``ToxicityStage`` uses it from then on. Without it the stage leaves ``toxicity`` empty and
``model_status()`` says why.

The model: TF-IDF word 1–3-grams and char_wb 2–5-grams over two copies of the text (folded with
teencode normalised and institution names masked, and the same without diacritics), a class-balanced
linear SVM (recipe "svm", the default), per-class offsets tuned for macro-F1 and a softmax temperature
fitted on out-of-fold scores so that ``toxicity_score`` = P(offensive or hate) behaves like a
probability. Recipe "stack" (docs/harm.md, fourth round; not the default) feeds eight linear SVM scores
(3-class, NB-SVM per class, toxic/not, offensive/hate) to a logistic regression fitted on their
out-of-fold scores over comments and news chunks, folded into one linear model of the same format.
It is stored as plain arrays (``model.npz``, loaded with ``allow_pickle=False``) plus ``card.json``.

Toxicity is language, not opinion: the model says nothing about what a comment argues for. Results are
meant to be counted per story, area and source; no flag here opens a case by itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import UTC, datetime
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from tinhhinh import config
from tinhhinh.harm.teencode import normalize_tokens
from tinhhinh.harm.text import as_text, safe_fold
from tinhhinh.item import Item
from tinhhinh.nlp.normalize import strip_diacritics
from tinhhinh.nlp.textview import WORDS, Memo, text_view

MODEL_NAME = "toxicity-vihsd"
LABELS = ("clean", "offensive", "hate")
FORMAT = 3  # 3: word 1–3-grams
# A `harm` entry is added only when the label is not clean AND P(offensive or hate) reaches this.
HARM_THRESHOLD = 0.6
# Longer texts are scored per chunk of about this many characters (see `assess`).
CHUNK_CHARS = 200
MAX_CHARS = 100_000
# pieces of a long text that the screen estimates at or above this P(offensive or hate) are read by the
# full model (chosen so that no VNTC chunk the model scores ≥ 0.5 was missed; see docs/harm.md)
SCREEN_BAR = 0.25
# items longer than this (title + text, characters) are screened first; shorter ones (comments) are
# always read whole by the model
SCREEN_ABOVE = 2 * CHUNK_CHARS
# News chunks that join training as clean: NEWS_SAMPLES drawn at random, then HARD_NEWS more that a
# first fit reads as the most toxic among the next HARD_NEWS_POOL ("hard negatives": livestock, a dog
# barking, dead fish, a quoted proverb). 2,000 + 2,000 halves the share of unseen news chunks read as
# toxic (0.55-0.65 % -> 0.24 %) against 6,000 random ones, at the same macro-F1 (3 fold seeds; docs/harm.md)
NEWS_SAMPLES = 2000
HARD_NEWS = 2000
HARD_NEWS_POOL = 30_000
# How `prepare` reads text; kept in each model's card, so a model reads text as it was trained to.
# 1: the first models; 2: "lũ" in flood collocations is its own word ("lũlụt"), apart from the
# pejorative "lũ" of "lũ súc vật", so flood news is not read as hate (docs/harm.md, fourth round);
# 3: also in text typed without marks ("nuoc lu dang cao"), and "nạn lũ" is no flood ("khốn nạn lũ tham
# nhũng" is an insult; "nạn lũ lụt" is still one through "lũ lụt").
PREPARE = 3
_FLOOD_BEFORE = (
    "vùng|mưa|nước|bão|mùa|đỉnh|xả|chống|tránh|ngập|cơn|trận|sau|nạn|thoát|tâm|báo|cảnh báo|dòng|mực nước"
)
_FLOOD_AFTER = "lụt|quét|ống|lớn|về|dâng|rút|lên|kéo dài|đổ về|tràn"
_FLOOD_RE = re.compile(rf"(?<!\w)(?:(?:{_FLOOD_BEFORE}) lũ|lũ (?:{_FLOOD_AFTER}))(?!\w)")
_FLOOD_BEFORE_3 = _FLOOD_BEFORE.replace("|nạn|", "|")
# without marks only the neighbours that stay unambiguous: "lu lon" may be an obscenity, "lu dang"
# "lũ đảng", "con lu" "con lú", "lu ong" "lũ ông", so those are left out
_UNMARKED_BEFORE = "vung|mua|nuoc|bao|dinh|xa|chong|tranh|ngap|tran|sau|thoat|canh bao|dong"
_UNMARKED_AFTER = "lut|quet|ve|rut|len|keo dai|do ve|tran"
_FLOOD_RE_3 = re.compile(
    rf"(?<!\w)(?:(?:{_FLOOD_BEFORE_3}) lũ|lũ (?:{_FLOOD_AFTER})"
    rf"|(?:{_UNMARKED_BEFORE}) lu|lu (?:{_UNMARKED_AFTER}))(?!\w)"
)
_FLOOD_WORD = re.compile(r"(?<!\w)l[uũ](?!\w)")
_NOT_FOUND = -1  # vocabulary rows are >= 0
_BYTEORDER = sys.byteorder  # rows as bytes: native int64, as array('q') and np.frombuffer read them
_SCREEN_WORDS = 500_000  # words the screen remembers per process (then it forgets them all)
_CHAR_CACHE_WORDS = 300_000  # words whose char_wb rows are kept per view (then all are forgotten)
SVM_C = 0.1  # chosen on dev among 0.05/0.1/0.2 and against LR / LR+SVM / NB-LR ensembles (all within 0.5 pt)
# training recipes: "svm" (one linear SVM) or "stack" (LR over eight linear bases; docs/harm.md, fourth round)
RECIPES = ("svm", "stack")
# the stack gained +0.48 point of 4-seed CV macro-F1 and had fewer VNTC flags, but reads short flood
# news ("bà con vùng lũ") as hate more often than the SVM does: not the default (docs/harm.md, fourth round)
RECIPE = "svm"
STACK_C = 1.0  # the stack's second stage (LR over standardised base scores)
# the share of hot pieces the single SVM's screen passed at SCREEN_BAR (0.25), measured on its dev comments
# scored ≥ HARM_THRESHOLD (370/374) and 2,000 unseen VNTC train chunks scored ≥ 0.5 (14/14); a model
# with another recipe gets the highest bar that keeps both (`choose_screen_bar`, stored in the card)
SCREEN_RECALL_COMMENTS = 0.989
SCREEN_RECALL_NEWS = 1.0
SCREEN_NEWS_CHECK = 4000  # unseen news chunks that check the screen at train time

_URL_RE = re.compile(r"(?:https?://|www\.)\S+")
_REPEAT_RE = re.compile(r"(\w)\1\1+")  # = (\w)\1{2,}, ~25 % faster
_TOKEN_RE = re.compile(r"\w+|[^\w\s]+")
_WORD_PATTERN = r"(?u)\b\w+\b"
_WORD_TOKEN_RE = re.compile(_WORD_PATTERN)
_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?\n]*")
_PUNCT = [chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum() and chr(c) != "_"] + list(
    "“”‘’–—…«»·•‹›„″′©®°±×÷§¶"
)
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys(_PUNCT, " "))
# the same replacement as a regex: str.translate looks every character of a non-ASCII text up in a dict
# (~0.1 µs each); the regex engine tests a character class in C, ~4× faster on Vietnamese text
_PUNCT_RE = re.compile("[" + "".join(map(re.escape, _PUNCT)) + "]")


def _word_tokens(prepared: str, stripped: bool) -> list[str]:
    """``_WORD_TOKEN_RE.findall`` of one of `prepare`'s copies, ~2× faster where that is sure to be the
    same: the folded copy is its tokens joined by single spaces, each all word characters or none
    (``_TOKEN_RE``'s, teencode's words, the placeholder, "lũlụt"), so its word tokens are its parts
    that are ``isalnum`` — unless one holds "_" (a word character, not alphanumeric). Stripping keeps
    that, except for a few Tamil, Myanmar and Balinese letters (a letter and a non-word mark
    once stripped): the copy without marks takes this way only when it is ASCII."""
    if "_" in prepared or (stripped and not prepared.isascii()):
        return _WORD_TOKEN_RE.findall(prepared)
    return list(filter(str.isalnum, prepared.split(" ")))


@lru_cache(maxsize=512)
def _gram_slices(length: int, lo: int, hi: int) -> tuple[slice, ...]:
    """Where the char n-grams (``lo``..``hi``) of a padded word of ``length`` characters lie, in
    scikit-learn's char_wb order; a word no longer than n counts once, whole, and ends the list."""
    out: list[slice] = []
    for n in range(lo, hi + 1):
        if length <= n:
            out.append(slice(0, length))
            break
        out.extend(slice(j, j + n) for j in range(length - n + 1))
    return tuple(out)


# (copy, analyzer, ngram_range) — copy "f" = folded + teencode, "s" = the same without diacritics
# (word 1–3-grams: +0.35 point of 5-fold CV macro-F1 on train+dev over 1–2-grams; see docs/harm.md)
VIEWS: tuple[tuple[str, str, tuple[int, int]], ...] = (
    ("f", "word", (1, 3)),
    ("f", "char_wb", (2, 5)),
    ("s", "word", (1, 3)),
    ("s", "char_wb", (2, 5)),
)
_WORD_VIEWS = tuple(k for k, (_, analyzer, _) in enumerate(VIEWS) if analyzer == "word")


# Names of the state, the Party, officials and public bodies. The model must not learn that naming them
# is toxic (in ViHSD, comments about them are often labelled HATE, so an unmasked model tags "Đảng và
# Nhà nước quan tâm đến người dân" as hate). Every such name becomes one placeholder whose features carry
# no weight, so only the words around it — the insult, the slur — can move the score, whoever the target.
# Written folded (with marks); the second list is for text typed without marks, where only phrases that
# stay unambiguous without marks are safe ("dang" could be đang/đáng/dạng).
INSTITUTION_TERMS = (
    "đảng cộng sản",
    "cộng sản",
    "đảng viên",
    "đảng",
    "nhà nước",
    "chính phủ",
    "chính quyền",
    "lãnh đạo",
    "quan chức",
    "cán bộ",
    "công chức",
    "bộ trưởng",
    "thứ trưởng",
    "thủ tướng",
    "chủ tịch",
    "tổng bí thư",
    "bí thư",
    "quốc hội",
    "đại biểu",
    "công an",
    "cảnh sát",
    "quân đội",
    "bộ đội",
    "ủy ban",
    "ubnd",
    "hđnd",
    "búa liềm",
    "việt cộng",
    "trung cộng",
    "tàu cộng",
    "csvn",
    "đcs",
    "bộ chính trị",
    "trung ương",
)
INSTITUTION_TERMS_PLAIN = (
    "dang cong san",
    "cong san",
    "dang vien",
    "nha nuoc",
    "chinh phu",
    "chinh quyen",
    "lanh dao",
    "quan chuc",
    "can bo",
    "cong chuc",
    "bo truong",
    "thu truong",
    "thu tuong",
    "chu tich",
    "tong bi thu",
    "bi thu",
    "quoc hoi",
    "dai bieu",
    "cong an",
    "canh sat",
    "quan doi",
    "bo doi",
    "uy ban",
    "ubnd",
    "hdnd",
    "bua liem",
    "viet cong",
    "trung cong",
    "tau cong",
    "csvn",
    "dcs",
    "bo chinh tri",
    "trung uong",
)
PLACEHOLDER = "§"
_INSTITUTION_WORDS = sorted(set(INSTITUTION_TERMS + INSTITUTION_TERMS_PLAIN), key=len, reverse=True)
_INSTITUTION_RE = re.compile(
    # (the lookahead on the terms' first letters changes no match; the engine then skips most places
    # without trying the lookbehind and the alternation: ~20 % faster)
    "(?=["
    + "".join(sorted({re.escape(t[0]) for t in _INSTITUTION_WORDS}))
    + r"])(?<!\w)(?:"
    + "|".join(map(re.escape, _INSTITUTION_WORDS))
    + r")(?!\w)"
)


_STRIPPED_TOKENS = Memo(strip_diacritics)


def prepare(text: object, reading: int = 1) -> tuple[str, str]:
    """The two copies the model reads: folded with teencode normalised and institutions masked, and
    that copy without marks. ``reading`` is the model card's ``prepare`` (see `PREPARE`): from 2 on,
    "lũ" in a flood collocation ("vùng lũ", "nước lũ", "lũ quét") becomes the word "lũlụt"; from 3 on,
    also written without marks ("vung lu", "nuoc lu")."""
    raw = as_text(text)[:MAX_CHARS]
    folded = safe_fold(raw).replace(PLACEHOLDER, " ")
    folded = _URL_RE.sub(" url ", folded)
    folded = _REPEAT_RE.sub(r"\1", folded)  # "quáaaa" → "quá"
    folded = " ".join(normalize_tokens(_TOKEN_RE.findall(folded)))
    folded = _INSTITUTION_RE.sub(PLACEHOLDER, folded)
    if reading >= 3:
        if "lu" in folded or "lũ" in folded:
            folded = _FLOOD_RE_3.sub(lambda m: _FLOOD_WORD.sub("lũlụt", m.group(0)), folded)
    elif reading == 2 and "lũ" in folded:
        folded = _FLOOD_RE.sub(lambda m: m.group(0).replace("lũ", "lũlụt"), folded)
    # token by token: marks and case never reach across the single spaces between tokens, so this is
    # strip_diacritics(folded); a token stays in the memo, the whole text would go through NFD
    return folded, " ".join(map(_STRIPPED_TOKENS.__getitem__, folded.split(" ")))


def _vectorizer(analyzer: str, ngrams: tuple[int, int], min_df: int = 2):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=analyzer,
        ngram_range=ngrams,
        min_df=min_df,
        sublinear_tf=True,
        lowercase=False,
        token_pattern=_WORD_PATTERN if analyzer == "word" else None,
        dtype=np.float32,
    )


def default_model_dir() -> Path:
    return config.home() / "models" / MODEL_NAME


# ---------------------------------------------------------------- data


@dataclass
class ReadNotes:
    """What ``read_labelled`` left out of a file, for one line each on stderr (nothing is dropped silently)."""

    no_text: int = 0
    first_no_text: str = ""
    spreadsheet_errors: int = 0  # ViHSD's `#ERROR!` cells
    unknown_labels: dict[str, int] = _field(default_factory=dict)
    first_unknown: str = ""
    rows: int = 0  # rows read, usable or not
    has_ids: bool = False  # some row has an ``id`` field (else rows are numbered, see ``read_labelled``)

    def lines(self) -> list[str]:
        out = []
        if self.no_text:
            out.append(
                f"skipped {self.no_text:,} row(s) without text (no 'text' or 'free_text' field, or an empty "
                f"one; first at {self.first_no_text})"
            )
        if self.unknown_labels:
            seen = ", ".join(f"{k} ×{n:,}" for k, n in sorted(self.unknown_labels.items()))
            out.append(
                f"skipped {sum(self.unknown_labels.values()):,} row(s) whose label is not one of "
                f"{'/'.join(LABELS)} or 0/1/2: {seen} (first at {self.first_unknown})"
            )
        if self.spreadsheet_errors:
            out.append(
                f"skipped {self.spreadsheet_errors:,} '#ERROR!' row(s) (a spreadsheet artefact, not a comment)"
            )
        return out


def row_id(path: Path, index: int) -> str:
    """The id of a row in a file without an ``id`` column: ``<file name before the first dot>-<index>``,
    index counted from 0 over the data rows (header not counted; an unnamed first column of row numbers,
    as pandas writes, is used when present), five digits. ViHSD's shared JSONL
    numbers its comments the same way from the authors' CSVs (``test-00001`` is data row 1 of
    ``test.csv``), so an id list written for the JSONL selects the same comments from those CSVs."""
    return f"{Path(path).name.split('.')[0]}-{index:05d}"


def read_labelled(path: Path, notes: ReadNotes | None = None) -> list[tuple[str, str, int]]:
    """(id, text, label index) from a labelled comments file: ViHSD as shared here (JSONL: ``text``,
    ``label``/``label_name``) or as its authors ship it (CSV: ``free_text``, ``label_id``), gzip or not.
    Skips rows without text, `#ERROR!` rows and unknown labels, counting them in ``notes``; a line that
    is not JSON stops with where it is. A row without an ``id`` gets ``row_id(path, index)``."""
    from tinhhinh.ingest.records import read_dataset

    notes = notes if notes is not None else ReadNotes()
    rows: list[tuple[str, str, int]] = []
    for n, (where, rec) in enumerate(read_dataset(Path(path))):
        if isinstance(rec, ValueError):
            raise ValueError(f"{where}: {rec}")
        notes.rows += 1
        text = as_text(rec["text"] if "text" in rec else rec.get("free_text"))
        if text.strip() == "#ERROR!":
            notes.spreadsheet_errors += 1
            continue  # spreadsheet artefact in ViHSD, not a comment
        if not text.strip():
            notes.no_text += 1
            notes.first_no_text = notes.first_no_text or where
            continue
        label = _label_index(rec)
        if label is None:
            raw = next(
                (rec[k] for k in ("label_name", "label", "label_id") if rec.get(k) not in (None, "")), None
            )
            key = "no label" if raw is None else repr(raw)
            notes.unknown_labels[key] = notes.unknown_labels.get(key, 0) + 1
            notes.first_unknown = notes.first_unknown or where
            continue
        rid = rec.get("id")
        if rid not in (None, ""):
            notes.has_ids = True
        else:
            # pandas writes its row index as an unnamed first column: the same number, when it is there
            index = rec.get("", rec.get("Unnamed: 0"))
            rid = row_id(path, int(index) if isinstance(index, str) and index.strip().isdigit() else n)
        rows.append((str(rid), text, label))
    return rows


def _split_file(data: Path, split: str) -> Path:
    for name in (f"{split}.jsonl", f"{split}.csv", f"{split}.jsonl.gz", f"{split}.csv.gz"):
        if (data / name).is_file():
            return data / name
    raise FileNotFoundError(
        f"{data / f'{split}.jsonl'} not found: --data must be a folder with train and dev files "
        "(ViHSD layout: train.jsonl and dev.jsonl, or ViHSD's own train.csv and dev.csv)"
    )


def _label_index(rec: dict[str, Any]) -> int | None:
    name = rec.get("label_name")
    if isinstance(name, str) and name.lower() in LABELS:
        return LABELS.index(name.lower())
    label = rec["label"] if "label" in rec else rec.get("label_id")
    if isinstance(label, str):
        if label.lower() in LABELS:
            return LABELS.index(label.lower())
        if label.isdigit():
            label = int(label)
    if isinstance(label, int) and 0 <= label < len(LABELS):
        return label
    return None


def read_news_chunks(path: Path, n: int, seed: int = 20261126) -> list[str]:
    """``n`` sentence-aligned chunks (≤ CHUNK_CHARS) drawn from news articles, deterministic."""
    import gzip
    import random

    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    rng = random.Random(seed)
    rng.shuffle(lines)
    chunks: list[str] = []
    for line in lines:  # titles and up to two chunks per article, so many articles and topics are seen
        rec = json.loads(line)
        text = as_text(rec.get("text"))
        picked = [as_text(rec.get("title"))] + [
            text[a:b] for a, b in rng.sample(_chunks(text), min(2, len(_chunks(text))))
        ]
        chunks.extend(c for c in picked if c.strip())
        if len(chunks) >= n:
            break
    return chunks[:n]


# ---------------------------------------------------------------- metrics


def metrics(gold: Iterable[int], pred: Iterable[int]) -> dict[str, Any]:
    gold, pred = list(gold), list(pred)
    per: dict[str, dict[str, float]] = {}
    for k, name in enumerate(LABELS):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == k and p == k)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != k and p == k)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == k and p != k)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[name] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    return {
        "n": len(gold),
        "accuracy": acc,
        "macro_f1": sum(v["f1"] for v in per.values()) / len(LABELS),
        "per_class": per,
    }


# ---------------------------------------------------------------- model


@dataclass
class ToxicityModel:
    vocabs: list[dict[str, int]]  # per view: term → row in W (views use disjoint rows)
    idf: np.ndarray  # (n_features,) by row
    W: np.ndarray  # (n_features, 3) float32
    b: np.ndarray  # (3,) includes the tuned biases
    temperature: float
    card: dict[str, Any]

    def __post_init__(self) -> None:
        # sklearn's analyzers, only for views without code of our own (see `_analyzers`)
        self._sk_analyzers: list | None = None
        # char_wb n-grams never cross a word boundary, so a word's known n-gram rows can be cached
        self._word_cache: list[dict[str, np.ndarray]] = [{} for _ in VIEWS]
        # the screen (`screen`): word as read (before teencode) → row of per-view sums (idf × W per class, idf²)
        self._screen_ids: dict[str, int] = {}
        self._screen_epoch = 0  # counts the clears of _screen_ids (rows handed out before are stale)
        # the text view's word ids (``textview.WORDS``) → screen row, -1 when not looked up yet; valid for
        # one (WORDS.generation, _screen_epoch)
        self._rows_by_id = np.full(0, -1, dtype=np.int64)
        self._rows_key: tuple[int, int] | None = None
        self._screen_table = np.zeros((1024, len(VIEWS), len(LABELS) + 1))
        # per feature row: idf × W per class and idf², the very products the screen sums (float64)
        self._screen_terms = np.empty((len(self.idf), len(LABELS) + 1))
        np.multiply(self.idf[:, None], self.W, out=self._screen_terms[:, : len(LABELS)])
        np.multiply(self.idf, self.idf, out=self._screen_terms[:, len(LABELS)])
        # per feature row: idf and W per class as float64 (exact: float32 widens without rounding), side by
        # side, so `decisions` gathers one cache line per feature instead of one per array
        self._idf_w = np.empty((len(self.idf), 1 + len(LABELS)))
        self._idf_w[:, 0] = self.idf
        self._idf_w[:, 1:] = self.W
        self._b64 = self.b.astype(np.float64)
        # word n-grams of the word views as integer keys (`_ngram_index`), built on first use
        self._ngrams: tuple[np.ndarray, np.ndarray] | None | bool = False
        _char_classes()
        # pieces of a long text the screen puts at or above this are read by the model (`assess`)
        self.screen_bar = float(self.card.get("screen_bar", SCREEN_BAR))
        # read text as the model was trained to (cards before `prepare` 2 have no key)
        self.reading = int(self.card.get("prepare", 1))

    @property
    def version(self) -> str:
        return str(self.card.get("version", "unknown"))

    @property
    def _analyzers(self) -> list:
        # built on first use: "word" and "char_wb" views never need them, and importing sklearn costs
        # ~1 s of CPU at every start of `analyze` (scipy.stats comes with it)
        if self._sk_analyzers is None:
            self._sk_analyzers = [_vectorizer(a, ng).build_analyzer() for _, a, ng in VIEWS]
        return self._sk_analyzers

    def _char_wb_word(self, k: int, word: str) -> bytes:
        """The char_wb feature rows of one word in view ``k`` (computed and cached)."""
        self._char_wb_fill(k, [word])
        return self._word_cache[k][word]

    def _char_wb_fill(self, k: int, words: Iterable[str]) -> None:
        """Compute and cache the char_wb feature rows of the ``words`` not cached yet, with one vocabulary
        pass over all their n-grams. A word's rows are kept as the bytes of an int64 array (its n-grams in
        the vocabulary, in n-gram order): a document's rows are then one ``bytes.join``, and no numpy call
        is made per word (a handful of new words per article: the calls' overhead would dominate)."""
        cache, vocab = self._word_cache[k], self.vocabs[k]
        asked = list(dict.fromkeys(words))
        todo = [w for w in asked if w not in cache]
        if not todo:
            return
        if len(cache) > _CHAR_CACHE_WORDS:  # bound the memory; every word asked must be there afterwards
            cache.clear()
            todo = asked
        lo, hi = VIEWS[k][2]
        grams: list[str] = []
        ends: list[int] = []
        for word in todo:
            w = " " + word + " "
            grams += map(w.__getitem__, _gram_slices(len(w), lo, hi))
            ends.append(len(grams))
        rows = list(map(vocab.get, grams, repeat(_NOT_FOUND)))
        start = 0
        for word, end in zip(todo, ends, strict=True):
            cache[word] = array("q", filter(_NOT_FOUND.__ne__, rows[start:end])).tobytes()
            start = end

    def _char_wb_rows(self, k: int, docs: list[str]) -> tuple[np.ndarray, list[int]]:
        """Feature rows of every document, and how many belong to each (documents in order)."""
        cache = self._word_cache[k]
        splits = [doc.split() for doc in docs]
        get = cache.get
        if any(None in map(get, words) for words in splits):
            self._char_wb_fill(k, [w for words in splits for w in words])
        segs = [b"".join(map(cache.__getitem__, words)) for words in splits]
        return np.frombuffer(b"".join(segs), dtype=np.int64), [len(b) >> 3 for b in segs]

    def _word_rows(self, k: int, docs: list[str]) -> tuple[np.ndarray, list[int]]:
        """Feature rows (word n-grams in the vocabulary, n-gram order) of every document, and how many
        belong to each."""
        vocab = self.vocabs[k]
        lo, hi = VIEWS[k][2]
        found: list[int] = []
        per_doc = []
        for doc in docs:
            toks = _WORD_TOKEN_RE.findall(doc)
            before = len(found)
            for n in range(lo, hi + 1):
                # the n-grams in order: " ".join over n shifted copies (C-level)
                grams = toks if n == 1 else map(" ".join, zip(*(toks[i:] for i in range(n)), strict=False))
                found += filter(_NOT_FOUND.__ne__, map(vocab.get, grams, repeat(_NOT_FOUND)))
            per_doc.append(len(found) - before)
        return np.fromiter(found, dtype=np.int64, count=len(found)), per_doc

    def _ngram_index(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Every word n-gram (n ≥ 2) of the word views as one integer key, ``row(head) × (F + 1) +
        row(last word)`` (F features; the head is the n-gram without its last word), sorted, with its
        row (the base F + 1 keeps a missing part, row -1, off every listed key); or None
        when some head or last word is not in the vocabulary itself. A vocabulary cut by document
        frequency always holds them (a text with the n-gram has its head and its words), so an n-gram
        of a text is in the vocabulary exactly when its head is and its key is listed: `decisions`
        looks up whole texts' n-grams with two ``searchsorted`` instead of a joined string and a dict
        miss each. Built once per process (~50 ms; in analyze's parent, before the workers fork). None
        too when the word views' n-gram ranges differ (`_word_view_rows` reads them in one pass)."""
        if self._ngrams is False and len({VIEWS[k][2] for k in _WORD_VIEWS}) != 1:
            self._ngrams = None
        if self._ngrams is False:
            keys: list[np.ndarray] | None = []
            rows = []
            width = len(self.idf) + 1
            for k in _WORD_VIEWS:
                vocab = self.vocabs[k]
                terms = [t for t in vocab if " " in t]
                parts = list(map(str.rpartition, terms, repeat(" ")))
                count = len(terms)
                head = np.fromiter(map(vocab.get, map(itemgetter(0), parts), repeat(-1)), np.int64, count)
                last = np.fromiter(map(vocab.get, map(itemgetter(2), parts), repeat(-1)), np.int64, count)
                if (head < 0).any() or (last < 0).any():
                    keys = None
                    break
                keys.append(head * width + last)
                rows.append(np.fromiter(map(vocab.__getitem__, terms), np.int64, count))
            if keys is None:
                self._ngrams = None
            else:
                # a last key above any n-gram's, so every search lands on a valid place
                key = np.concatenate([*keys, [np.iinfo(np.int64).max]])
                row = np.concatenate([*rows, [_NOT_FOUND]])
                order = np.argsort(key, kind="stable")
                self._ngrams = (key[order], row[order])
        return self._ngrams  # type: ignore[return-value]

    def _word_view_rows(
        self, prepared: list[tuple[str, str]], index: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The word n-gram rows of every prepared text in every word view, with each row's group (text ×
        views + view), in one numpy pass: the same rows as `_word_rows` per view and text (in another
        order, which `decisions` does not depend on: it sorts them)."""
        nv, width = len(VIEWS), len(self.idf) + 1  # (`_ngram_index`'s base)
        found: list[int] = []
        lengths: list[int] = []
        groups: list[int] = []
        for k in _WORD_VIEWS:
            get = self.vocabs[k].get
            column = 0 if VIEWS[k][0] == "f" else 1
            for i, texts in enumerate(prepared):
                tokens = _word_tokens(texts[column], column == 1)
                found += map(get, tokens, repeat(_NOT_FOUND))
                found.append(_NOT_FOUND)  # no n-gram spans two texts or views
                lengths.append(len(tokens) + 1)
                groups.append(i * nv + k)
        unigrams = np.fromiter(found, np.int64, len(found))
        group = np.repeat(np.asarray(groups, dtype=np.int64), lengths)
        keys, rows = index
        lo, hi = VIEWS[_WORD_VIEWS[0]][2]
        out_rows, out_groups = ([unigrams], [group]) if lo <= 1 else ([], [])
        head = unigrams
        for n in range(2, hi + 1):  # head: the row of the (n-1)-gram starting at each token, or -1
            last = unigrams[n - 1 :]
            head = head[:-1]
            # (a head of -1 makes the key negative, a last word of -1 makes it end in F: neither is listed)
            key = head * width
            key += last
            at = np.searchsorted(keys, key)
            head = np.where(keys[at] == key, rows[at], _NOT_FOUND)
            if n >= lo:
                out_rows.append(head)
                out_groups.append(group[: len(head)])
        rows_all, groups_all = np.concatenate(out_rows), np.concatenate(out_groups)
        keep = rows_all >= 0
        return rows_all[keep], groups_all[keep]

    def _screen_rows(self, words: list[str]) -> np.ndarray:
        """Row ids in the screen table of each word (as read, before teencode), adding words not seen before."""
        ids = self._screen_ids
        rows = np.fromiter(map(ids.get, words, repeat(-1)), dtype=np.int64, count=len(words))
        missing = np.flatnonzero(rows < 0)
        if not len(missing):
            return rows
        new = sorted({words[i] for i in missing.tolist()})
        if ids and len(ids) + len(new) > _SCREEN_WORDS:  # bound the memory of a long-running worker
            ids.clear()
            self._screen_epoch += 1
            self._screen_table = np.zeros((1024, *self._screen_table.shape[1:]))
            return self._screen_rows(words)
        n = len(new)
        normalized = normalize_tokens(new)
        part = self._screen_sums(normalized, [strip_diacritics(w) for w in normalized])
        start = len(ids)
        table = self._screen_table
        if start + n > len(table):
            grown = np.zeros((max(2 * len(table), start + n), *table.shape[1:]))
            grown[:start] = table[:start]
            table = grown
        table[start : start + n] = part
        self._screen_table = table
        ids.update(zip(new, range(start, start + n), strict=True))
        rows[missing] = [ids[words[i]] for i in missing.tolist()]
        return rows

    def _screen_part(self, new: list[str], stripped: list[str]) -> np.ndarray:
        """Per-view sums (idf × W per class, idf²) of each word: one numpy pass per view. The reference
        that `_screen_sums` must equal to the last bit (tests/perf/test_toxicity_screen_fast.py)."""
        n = len(new)
        part = np.zeros((n, len(VIEWS), len(LABELS) + 1))
        for k, (copy, analyzer, _) in enumerate(VIEWS):
            docs = new if copy == "f" else stripped
            rows, per_doc = (self._word_rows if analyzer == "word" else self._char_wb_rows)(k, docs)
            if rows.size == 0:
                continue
            owner = np.repeat(np.arange(n), per_doc)
            idf = self.idf[rows]
            for c in range(len(LABELS)):
                part[:, k, c] = np.bincount(owner, weights=idf * self.W[rows, c], minlength=n)
            part[:, k, len(LABELS)] = np.bincount(owner, weights=idf * idf, minlength=n)
        return part

    def _doc_rows(self, k: int, doc: str) -> list[int]:
        """One document's feature rows in view ``k``, in the order ``_word_rows``/``_char_wb_rows`` give them."""
        vocab = self.vocabs[k]
        if VIEWS[k][1] == "word":
            toks = _WORD_TOKEN_RE.findall(doc)
            if len(toks) == 1:  # a word: its unigram only
                row = vocab.get(toks[0])
                return [] if row is None else [row]
            lo, hi = VIEWS[k][2]
            grams: list[str] = []
            for n in range(lo, hi + 1):
                grams.extend(" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1))
            return [r for r in map(vocab.get, grams, repeat(-1)) if r >= 0]
        words = doc.split()
        self._char_wb_fill(k, words)
        cache = self._word_cache[k]
        return np.frombuffer(b"".join(map(cache.__getitem__, words)), dtype=np.int64).tolist()

    def _screen_sums(self, new: list[str], stripped: list[str]) -> np.ndarray:
        """``_screen_part`` in one pass for any number of words: the products come from a table made at
        load (``idf × W``, ``idf²``: the same float64 products) and one ``np.bincount`` over (word, view,
        column) bins adds each bin's terms one by one in the same order, from 0.0 — identical sums.
        Each (word, view) segment's rows are bytes (``_doc_rows`` order), joined once: a fixed handful
        of numpy calls whatever the number of words."""
        n, nv, width = len(new), len(VIEWS), len(LABELS) + 1
        by_view: list[list[bytes]] = []
        for k, (copy, analyzer, _) in enumerate(VIEWS):
            docs = new if copy == "f" else stripped
            if analyzer == "char_wb":
                cache = self._word_cache[k]
                splits = [doc.split() for doc in docs]
                self._char_wb_fill(k, [w for words in splits for w in words])
                by_view.append([b"".join(map(cache.__getitem__, words)) for words in splits])
                continue
            vocab = self.vocabs[k]
            segs = []
            for doc, toks in zip(docs, map(_WORD_TOKEN_RE.findall, docs), strict=True):
                if len(toks) == 1:  # a word: its unigram only
                    row = vocab.get(toks[0], _NOT_FOUND)
                    segs.append(b"" if row < 0 else row.to_bytes(8, _BYTEORDER, signed=True))
                else:
                    segs.append(array("q", self._doc_rows(k, doc)).tobytes())
            by_view.append(segs)
        segs = [seg for per_word in zip(*by_view, strict=True) for seg in per_word]  # word by word
        rows = np.frombuffer(b"".join(segs), dtype=np.int64)
        if not len(rows):
            return np.zeros((n, nv, width))
        counts = np.fromiter(map(len, segs), dtype=np.int64, count=len(segs)) >> 3
        owner = np.repeat(np.arange(len(segs)), counts)
        bins = (owner[:, None] * width + np.arange(width)).ravel()
        terms = self._screen_terms[rows].ravel()
        sums = np.bincount(bins, weights=terms, minlength=n * nv * width)
        return sums.reshape(n, nv, width)

    def screen(self, folded_pieces: list[str]) -> np.ndarray:
        """Cheap estimate of the decision values (n, 3) of already-folded texts.

        Each word's features (its word unigram and char n-grams in every view) are summed once per word
        and cached; a text's estimate adds its words' sums and normalises per view. It ignores word
        bigrams, n-grams repeated across words and institution masking, so it is only used to choose
        which chunks of a long text the full model reads (`assess`)."""
        words: list[str] = []
        bounds = [0]
        for piece in folded_pieces:  # (letter runs are not collapsed here: rare in long texts)
            # punctuation → spaces, then split: several times faster than the word regex, same words
            # except around rare symbols (which only cost the estimate a little)
            words.extend(_PUNCT_RE.sub(" ", piece).split())  # = piece.translate(_PUNCT_TO_SPACE)
            bounds.append(len(words))
        return self.screen_words(words, bounds)

    def _rows_of_ids(self, ids: np.ndarray) -> np.ndarray:
        """``_screen_rows`` of the folded words of the text view's word ids: one numpy gather through a
        per-id array; only ids not seen before go through the word dict."""
        table = WORDS
        by_id = self._rows_by_id
        key = (table.generation, self._screen_epoch)
        if self._rows_key != key:
            by_id = np.full(max(1024, len(table.words)), -1, dtype=np.int64)
        elif len(by_id) < len(table.words):
            grown = np.full(max(2 * len(by_id), len(table.words)), -1, dtype=np.int64)
            grown[: len(by_id)] = by_id
            by_id = grown
        self._rows_by_id, self._rows_key = by_id, key
        rows = by_id[ids]
        missing = np.flatnonzero(rows < 0)
        if len(missing):
            new_ids = ids[missing]
            found = self._screen_rows([table.folded[i] for i in new_ids.tolist()])
            if self._screen_epoch != key[1]:  # the word dict was cleared meanwhile: all rows changed
                self._rows_key = None
                return self._screen_rows([table.folded[i] for i in ids.tolist()])
            by_id[new_ids] = found
            rows[missing] = found
        return rows

    def screen_words(self, words: list[str] | np.ndarray, bounds: list[int]) -> np.ndarray:
        """`screen` of the texts whose words (folded, split as `screen` splits them, before teencode)
        are ``words[bounds[i]:bounds[i + 1]]``; ``words`` may be the text view's ids of those words
        (``textview.WORDS`` ids, a numpy array)."""
        if not len(words):
            return np.repeat(self._b64[None], len(bounds) - 1, axis=0)
        # (either may grow the table: index it only afterwards)
        rows = self._rows_of_ids(words) if isinstance(words, np.ndarray) else self._screen_rows(words)
        total = np.zeros((len(words) + 1, len(VIEWS), len(LABELS) + 1))
        np.cumsum(self._screen_table[rows], axis=0, out=total[1:])
        ends = np.asarray(bounds)
        sums = total[ends[1:]] - total[ends[:-1]]
        norm = np.sqrt(np.maximum(sums[:, :, len(LABELS)], 1e-12))[:, :, None]
        return self._b64 + (sums[:, :, : len(LABELS)] / norm).sum(axis=1)  # (b added to each row)

    def decision(self, text: object) -> np.ndarray:
        return self.decisions([text])[0]

    def decisions(self, texts: list[object]) -> np.ndarray:
        """Decision values (n, 3) of several texts at once (one numpy pass for all views and texts)."""
        prepared = [prepare(t, self.reading) for t in texts]
        n = len(prepared)
        out = np.repeat(self._b64[None], n, axis=0)
        if not n:
            return out
        nv, nc = len(VIEWS), len(LABELS)
        shift = len(self.idf).bit_length()  # key = group << shift | feature row
        index = self._ngram_index()
        rows_of_views, groups_of_views = [], []
        if index is not None:
            rows, group = self._word_view_rows(prepared, index)
            rows_of_views.append(rows)
            groups_of_views.append(group)
        for k, (copy, analyzer, _) in enumerate(VIEWS):
            docs = [f if copy == "f" else s for f, s in prepared]
            if analyzer == "char_wb":
                rows, per_doc = self._char_wb_rows(k, docs)
            elif analyzer == "word":
                if index is not None:
                    continue
                rows, per_doc = self._word_rows(k, docs)
            else:
                parts = [
                    np.fromiter(
                        (j for j in map(self.vocabs[k].get, self._analyzers[k](doc)) if j is not None),
                        dtype=np.int64,
                    )
                    for doc in docs
                ]
                per_doc = [len(p) for p in parts]
                rows = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
            rows_of_views.append(rows)
            # group of each row: text × views + view
            groups_of_views.append(np.repeat(np.arange(k, nv * n, nv, dtype=np.int64), per_doc))
        # key = (text, view, feature row): sorted, each (text, view) holds its features in row order
        keys = (np.concatenate(groups_of_views) << shift) | np.concatenate(rows_of_views)
        if not len(keys):
            return out
        # np.unique(keys, return_counts=True) without its wrapper's overhead (~10 µs a call)
        keys.sort()
        first = np.empty(len(keys), dtype=bool)
        first[0] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        counts = np.diff(starts, append=len(keys))
        keys = keys[starts]
        group = keys >> shift  # text × views + view
        idf_w = self._idf_w[keys & ((1 << shift) - 1)]
        # per text and view, as one text at a time: sublinear tf × idf, L2-normalised, times W; each
        # (text, view, class) sum adds its terms in row order from 0.0, as one bincount per view did
        v = (1.0 + np.log(counts)) * idf_w[:, 0]
        v /= np.sqrt(np.bincount(group, weights=v * v, minlength=nv * n))[group]
        # one bincount per class (the same products as v × float32 W, each bin's terms in the same order)
        sums = np.empty((n * nv, nc))
        for c in range(nc):
            sums[:, c] = np.bincount(group, weights=v * idf_w[:, 1 + c], minlength=nv * n)
        sums = sums.reshape(n, nv, nc)
        for k in range(nv):  # views added one after the other, as before
            out += sums[:, k]
        return out

    def probabilities_of(self, decisions: np.ndarray) -> np.ndarray:
        """P(offensive or hate) of each row of decision values."""
        z = decisions * self.temperature
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return (e[:, 1] + e[:, 2]) / e.sum(axis=1)

    def probabilities(self, decision: np.ndarray) -> np.ndarray:
        z = decision * self.temperature
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def predict(self, text: object) -> tuple[str, float]:
        """(label, P(offensive or hate)) for one text."""
        d = self.decision(text)
        p = self.probabilities(d)
        return LABELS[int(d.argmax())], float(p[1] + p[2])

    def save(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {
            "W": self.W.astype(np.float32),
            "b": self.b.astype(np.float64),
            "idf": self.idf.astype(np.float32),
        }
        for k, vocab in enumerate(self.vocabs):
            terms = sorted(vocab, key=vocab.__getitem__)
            arrays[f"terms{k}"] = np.asarray(terms, dtype=str)
            arrays[f"rows{k}"] = np.asarray([vocab[t] for t in terms], dtype=np.int32)
        tmp = directory / "model.tmp.npz"
        np.savez_compressed(tmp, **arrays)
        tmp.replace(directory / "model.npz")
        card = dict(self.card, temperature=self.temperature)
        (directory / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
        return directory

    @classmethod
    def load(cls, directory: Path) -> ToxicityModel:
        card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
        if card.get("format") != FORMAT:
            raise ValueError(f"{directory}: model format {card.get('format')} is not {FORMAT}; retrain it")
        with np.load(directory / "model.npz", allow_pickle=False) as z:
            vocabs = []
            for k in range(len(VIEWS)):
                terms, rows = z[f"terms{k}"].tolist(), z[f"rows{k}"].tolist()
                vocabs.append(dict(zip(terms, rows, strict=True)))
            W, b, idf = z["W"].astype(np.float32), z["b"].astype(np.float64), z["idf"].astype(np.float64)
        return cls(vocabs, idf, W, b, float(card["temperature"]), card)


# ---------------------------------------------------------------- training


def _fit_features(texts: list[tuple[str, str]]):
    import scipy.sparse as sp

    vecs, blocks = [], []
    for copy, analyzer, ngrams in VIEWS:
        vec = _vectorizer(analyzer, ngrams)
        blocks.append(vec.fit_transform([f if copy == "f" else s for f, s in texts]))
        vecs.append(vec)
    return vecs, sp.hstack(blocks).tocsr()


def _transform(vecs, texts: list[tuple[str, str]]):
    import scipy.sparse as sp

    blocks = [
        vec.transform([f if copy == "f" else s for f, s in texts])
        for vec, (copy, _, _) in zip(vecs, VIEWS, strict=True)
    ]
    return sp.hstack(blocks).tocsr()


def _macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    f1s = []
    for k in range(len(LABELS)):
        tp = np.sum((gold == k) & (pred == k))
        fp = np.sum((gold != k) & (pred == k))
        fn = np.sum((gold == k) & (pred != k))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def _tune_bias(S: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Per-class offsets (clean fixed at 0) that maximise macro-F1; ties → the smallest change."""
    best = (-1.0, 0.0, np.zeros(3))
    grid = np.round(np.arange(-1.0, 1.01, 0.1), 2)
    for b1 in grid:
        for b2 in grid:
            bias = np.array([0.0, b1, b2])
            f = _macro_f1(y, (S + bias).argmax(1))
            key = (round(f, 4), -(abs(b1) + abs(b2)))
            if key > (round(best[0], 4), -(abs(best[2][1]) + abs(best[2][2]))):
                best = (f, 0.0, bias)
    return best[2], best[0]


def _fit_temperature(S: np.ndarray, y: np.ndarray) -> float:
    best_t, best_loss = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.05), np.log(20), 60)):
        z = S * t
        z = z - z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        loss = -float(np.mean(logp[np.arange(len(y)), y]))
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def _svc(C: float = SVM_C):
    from sklearn.svm import LinearSVC

    return LinearSVC(C=C, class_weight="balanced", random_state=0)


def _linear_bases(X, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stack's base models fitted on (X, y), as one (n_features, 8) weight matrix and 8 intercepts
    (scores = X @ W + b): the 3-class SVM, an NB-SVM per class (one-vs-rest, features scaled by their
    log-count ratio: folded into its weights), toxic-or-not and offensive-or-hate (on toxic rows)."""
    import scipy.sparse as sp

    svm = _svc().fit(X, y)
    Ws, bs = [svm.coef_.T], [svm.intercept_]
    present = (X > 0).astype(np.float64)
    for k in range(len(LABELS)):
        yk = y == k
        p = np.asarray(present[yk].sum(0)).ravel() + 1.0
        q = np.asarray(present[~yk].sum(0)).ravel() + 1.0
        r = np.log((p / p.sum()) / (q / q.sum()))
        m = _svc().fit(X @ sp.diags(r), yk.astype(int))
        Ws.append((r * m.coef_.ravel())[:, None])
        bs.append(m.intercept_)
    m = _svc().fit(X, (y > 0).astype(int))
    Ws.append(m.coef_.T)
    bs.append(m.intercept_)
    toxic = np.flatnonzero(y > 0)
    m = _svc().fit(X[toxic], (y[toxic] == 2).astype(int))
    Ws.append(m.coef_.T)
    bs.append(m.intercept_)
    return np.hstack(Ws).astype(np.float64), np.concatenate(bs).astype(np.float64)


def _paired_folds(y_comments: np.ndarray, n_news: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """5 folds over comments (stratified) followed by ``n_news`` news rows (plain folds), paired: each
    fold's (fit rows, test rows) hold 4/5 and 1/5 of both."""
    from sklearn.model_selection import KFold, StratifiedKFold

    n_c = len(y_comments)
    comment_folds = list(StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(n_c), y_comments))
    if n_news < 5:
        return comment_folds
    news_folds = KFold(5, shuffle=True, random_state=seed).split(np.zeros(n_news))
    return [
        (np.concatenate([tr, n_c + ntr]), np.concatenate([te, n_c + nte]))
        for (tr, te), (ntr, nte) in zip(comment_folds, news_folds, strict=True)
    ]


def _second_stage(Z: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=STACK_C, max_iter=1000)).fit(Z, y)


def _fold_stack(Wb: np.ndarray, bb: np.ndarray, stage) -> tuple[np.ndarray, np.ndarray]:
    """One linear model (W, b) whose scores X @ W + b equal the second stage's decision values on the
    bases' scores X @ Wb + bb: standardising and the LR are linear, so the run-time code stays as is."""
    scaler, lr = stage[0], stage[-1]
    A = lr.coef_.T / scaler.scale_[:, None]  # (n_bases, 3)
    return Wb @ A, (bb - scaler.mean_) @ A + lr.intercept_


def _logits(stage, Z: np.ndarray) -> np.ndarray:
    return np.log(stage.predict_proba(Z) + 1e-9)


def _screen_recalls(model: ToxicityModel, texts: list[str], level: float) -> tuple[np.ndarray, np.ndarray]:
    """(the screen's estimates of the texts the model scores at ``level`` or above, all estimates)."""
    exact = model.probabilities_of(model.decisions(texts))
    estimate = model.probabilities_of(model.screen([safe_fold(t) for t in texts]))
    return estimate[exact >= level], estimate


def choose_screen_bar(
    model: ToxicityModel, comments: list[str], news: list[str]
) -> tuple[float, dict[str, Any]]:
    """The highest bar (0.10–0.50, step 0.01) at which the screen still passes at least the share of
    comments the model scores ≥ HARM_THRESHOLD (dev) and of unseen news chunks it scores ≥ 0.5 that the
    single SVM's screen passed at 0.25 (SCREEN_RECALL_COMMENTS / SCREEN_RECALL_NEWS); SCREEN_BAR when
    none does."""
    hot_c, all_c = _screen_recalls(model, comments, HARM_THRESHOLD)
    hot_n, all_n = _screen_recalls(model, news, 0.5) if news else (np.zeros(0), np.zeros(0))
    bar = SCREEN_BAR
    for candidate in np.round(np.arange(0.10, 0.501, 0.01), 2):
        if (hot_c >= candidate).mean() >= SCREEN_RECALL_COMMENTS - 1e-9 and (
            not len(hot_n) or (hot_n >= candidate).mean() >= SCREEN_RECALL_NEWS - 1e-9
        ):
            bar = float(candidate)
    info = {
        "bar": bar,
        "comments": len(comments),
        "comments_hot": int(len(hot_c)),
        "comments_recall": float((hot_c >= bar).mean()) if len(hot_c) else None,
        "news": len(news),
        "news_hot": int(len(hot_n)),
        "news_recall": float((hot_n >= bar).mean()) if len(hot_n) else None,
        "news_passing": float((all_n >= bar).mean()) if len(all_n) else None,
    }
    return bar, info


def train(
    data: Path,
    out_dir: Path | None = None,
    *,
    news: Path | None = None,
    news_samples: int = NEWS_SAMPLES,
    hard_news: int = HARD_NEWS,
    progress: Callable[[str], None] | None = None,
    recipe: str | None = None,
) -> tuple[Path, dict[str, Any]]:
    """Train on ``DATA/train.jsonl``, tune on ``DATA/dev.jsonl``; write the model; return (dir, card).

    ``news``: a JSONL(.gz) of news articles (default: ``DATA/../vntc/train.jsonl.gz`` when present).
    ``news_samples`` sentence chunks from it join the training set as CLEAN: ViHSD has comments only,
    and without news a model reads ordinary reporting ("tàu", "cửa khẩu", "CLB") as hate. ``hard_news``
    more chunks join them: those a first fit (comments + the random chunks) reads as the most toxic among
    the next HARD_NEWS_POOL chunks of the same file (0: none).
    ``recipe``: "svm" (one 3-class linear SVM) or "stack" (an LR over eight linear bases' scores, fitted
    with out-of-fold news rows too, folded into one linear model); default RECIPE."""
    from sklearn.model_selection import StratifiedKFold

    recipe = recipe or RECIPE
    if recipe not in RECIPES:
        raise ValueError(f"unknown toxicity recipe {recipe!r}: use one of {', '.join(RECIPES)}")
    say = progress or (lambda _msg: None)
    data = Path(data)
    # the shared copy's JSONL, or the CSV files of ViHSD's own download (vihsd/train.csv, dev.csv)
    train_path, dev_path = (_split_file(data, split) for split in ("train", "dev"))
    started = time.time()
    train_notes, dev_notes = ReadNotes(), ReadNotes()
    train_rows, dev_rows = read_labelled(train_path, train_notes), read_labelled(dev_path, dev_notes)
    for where, notes in ((train_path, train_notes), (dev_path, dev_notes)):
        for line in notes.lines():
            say(f"{where}: {line}")
    if len({r[2] for r in train_rows}) < len(LABELS) or not dev_rows:
        raise ValueError(f"{data}: need all three labels in train.jsonl and a non-empty dev.jsonl")
    say(f"read {len(train_rows):,} train and {len(dev_rows):,} dev comments")
    news_path = news if news is not None else data.parent / "vntc" / "train.jsonl.gz"
    has_news = bool(news_samples) and Path(news_path).exists()
    # after the random chunks: the pool hard negatives are mined from, then chunks that never join
    # training and check the screen (stack recipe)
    pool_size = HARD_NEWS_POOL if hard_news > 0 else 0
    n_read = news_samples + pool_size + (SCREEN_NEWS_CHECK if recipe != "svm" else 0)
    all_news = read_news_chunks(news_path, n_read) if has_news else []
    news_chunks = all_news[:news_samples]
    news_pool = all_news[news_samples : news_samples + pool_size]
    spare_news = all_news[news_samples + pool_size :]
    if news_chunks:
        say(f"adding {len(news_chunks):,} clean news chunks from {news_path}")
    n_comments = len(train_rows)
    train_rows = train_rows + [(f"news-{i}", t, 0) for i, t in enumerate(news_chunks)]
    Xtr_text = [prepare(t, PREPARE) for _, t, _ in train_rows]
    Xdv_text = [prepare(t, PREPARE) for _, t, _ in dev_rows]
    ytr = np.array([r[2] for r in train_rows])
    ydv = np.array([r[2] for r in dev_rows])
    # the vocabulary and idf come from the comments alone: news only teaches which of THEIR n-grams are
    # ordinary in reporting (keeps the model as small and fast as a comments-only one)
    import scipy.sparse as sp

    vecs, X_comments = _fit_features(Xtr_text[:n_comments])
    Xtr = (
        sp.vstack([X_comments, _transform(vecs, Xtr_text[n_comments:])]).tocsr()
        if news_chunks
        else X_comments
    )
    Xdv = _transform(vecs, Xdv_text)
    say(f"features: {Xtr.shape[1]:,}")
    hard_chunks: list[str] = []
    if hard_news > 0 and news_chunks and news_pool:
        say(f"mining {hard_news:,} hard clean news chunks from {len(news_pool):,} more")
        first = _svc().fit(Xtr, ytr)
        X_pool = _transform(vecs, [prepare(t, PREPARE) for t in news_pool])
        S_pool = np.asarray(X_pool @ first.coef_.T) + first.intercept_
        # the chunks the first fit reads as most toxic (offensive or hate over clean): reporting that
        # shares words with insults, which random chunks rarely show the model
        hard = np.argsort(S_pool[:, 0] - S_pool[:, 1:].max(1), kind="stable")[:hard_news]
        hard_chunks = [news_pool[i] for i in hard]
        Xtr = sp.vstack([Xtr, X_pool[hard]]).tocsr()
        ytr = np.concatenate([ytr, np.zeros(len(hard), dtype=ytr.dtype)])
    placeholder_rows = []
    offset = 0
    for vec in vecs:  # naming an institution carries no weight (see INSTITUTION_TERMS)
        placeholder_rows += [offset + j for term, j in vec.vocabulary_.items() if PLACEHOLDER in term]
        offset += len(vec.vocabulary_)
    extra: dict[str, Any] = {}

    if recipe == "svm":
        say("fitting a linear SVM, 5 folds for out-of-fold scores + the full model")
        oof = np.zeros((len(ytr), len(LABELS)))
        for fold_train, fold_test in StratifiedKFold(5, shuffle=True, random_state=0).split(Xtr, ytr):
            svm = _svc().fit(Xtr[fold_train], ytr[fold_train])
            oof[fold_test] = svm.decision_function(Xtr[fold_test])
        svm = _svc().fit(Xtr, ytr)
        W = svm.coef_.T.astype(np.float64)  # (n_features, 3)
        b = svm.intercept_.astype(np.float64)
        W[placeholder_rows] = 0.0
        S_dev = np.asarray(Xdv @ W) + b
        # Class offsets and the softmax temperature are tuned on out-of-fold train scores AND dev: dev
        # alone (180 offensive comments) is too small to tune on without chasing noise.
        # (comments only: the news chunks are there to teach the model what reporting looks like)
        S_tune, y_tune = np.vstack([oof[:n_comments], S_dev]), np.concatenate([ytr[:n_comments], ydv])
        model_text = f"LinearSVC(C={SVM_C}, class_weight=balanced), 4 TF-IDF views {VIEWS}"
    else:
        say("stack: 8 linear bases, 5 folds over comments and news for out-of-fold scores + the full bases")
        n_news = len(ytr) - n_comments
        Z = np.zeros((len(ytr), 8))
        for fit_rows, test_rows in _paired_folds(ytr[:n_comments], n_news, seed=0):
            Wf, bf = _linear_bases(Xtr[fit_rows], ytr[fit_rows])
            Z[test_rows] = np.asarray(Xtr[test_rows] @ Wf) + bf
        Wb, bb = _linear_bases(Xtr, ytr)
        Wb[placeholder_rows] = 0.0
        Z_dev = np.asarray(Xdv @ Wb) + bb
        # the second stage sees the comments (train out-of-fold, dev) AND the news chunks' out-of-fold
        # rows: fitted on comments only it never learns what reporting looks like and scores news higher
        Z_all = np.vstack([Z[:n_comments], Z_dev, Z[n_comments:]])
        y_all = np.concatenate([ytr[:n_comments], ydv, ytr[n_comments:]])
        n_c = n_comments + len(ydv)
        say("stack: second stage (LR), 5 folds for its out-of-fold scores + the full one")
        S2 = np.zeros((n_c, len(LABELS)))
        for fit_rows, test_rows in _paired_folds(y_all[:n_c], n_news, seed=0):
            stage = _second_stage(Z_all[fit_rows], y_all[fit_rows])
            comments = test_rows[test_rows < n_c]
            S2[comments] = _logits(stage, Z_all[comments])
        stage = _second_stage(Z_all, y_all)
        W, b = _fold_stack(Wb, bb, stage)
        W[placeholder_rows] = 0.0
        S_dev = np.asarray(Xdv @ W) + b
        # offsets and temperature from the second stage's own out-of-fold scores on the comments
        S_tune, y_tune = S2, y_all[:n_c]
        extra["cv_macro_f1_raw"] = _macro_f1(y_tune, S_tune.argmax(1))
        model_text = (
            f"stack: LR(C={STACK_C}) over LinearSVC(C={SVM_C}) 3-class + NB-SVM per class + toxic/not + "
            f"offensive/hate, fitted with out-of-fold news rows, folded into one linear model; "
            f"4 TF-IDF views {VIEWS}"
        )
    raw_f1 = _macro_f1(ydv, S_dev.argmax(1))
    bias, tuned_cv = _tune_bias(S_tune, y_tune)
    if recipe == "stack":
        extra["cv_macro_f1"] = tuned_cv
    tuned_f1 = _macro_f1(ydv, (S_dev + bias).argmax(1))
    temperature = _fit_temperature(S_tune + bias, y_tune)
    say(f"dev macro-F1 {raw_f1:.4f} raw, {tuned_f1:.4f} with class offsets {bias[1]:+.1f}/{bias[2]:+.1f}")

    vocabs = [{t: int(i) for t, i in vec.vocabulary_.items()} for vec in vecs]
    offsets = np.cumsum([0] + [len(v) for v in vocabs])
    vocabs = [{t: i + int(off) for t, i in v.items()} for v, off in zip(vocabs, offsets, strict=False)]
    idf = np.concatenate([vec.idf_.astype(np.float64) for vec in vecs])
    trained_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    card = {
        "name": MODEL_NAME,
        "format": FORMAT,
        "prepare": PREPARE,
        # the weights themselves name the model: two trainings that differ in anything differ here
        "version": f"{MODEL_NAME}-v{FORMAT}-{trained_at[:10].replace('-', '')}-"
        + hashlib.sha256(
            np.ascontiguousarray(W, dtype=np.float32).tobytes()
            + (b + bias).tobytes()
            + f"prepare={PREPARE}".encode()  # the same weights reading text another way are another model
        ).hexdigest()[:8],
        "trained_at": trained_at,
        "labels": list(LABELS),
        "data": {
            "train": str(train_path),
            "train_sha256": _sha256(train_path),
            "dev": str(dev_path),
            "dev_sha256": _sha256(dev_path),
            "n_train": n_comments,
            "n_dev": len(dev_rows),
            "news": str(news_path) if news_chunks else None,
            "news_sha256": _sha256(Path(news_path)) if news_chunks else None,
            "n_news_chunks": len(news_chunks),
            "n_hard_news_chunks": len(hard_chunks),
            "hard_news_pool": len(news_pool) if hard_chunks else 0,
            "licence": "ViHSD is research-only (no licence stated): do not redistribute this model",
        },
        "features": int(offsets[-1]),
        "class_offsets": [float(x) for x in bias],
        "harm_threshold": HARM_THRESHOLD,
        "dev": {"macro_f1_raw": raw_f1, "macro_f1": tuned_f1, **extra},
        "recipe": recipe,
        "model": model_text,
        "screen_bar": SCREEN_BAR,
        "seconds": round(time.time() - started, 1),
    }
    model = ToxicityModel(vocabs, idf, W.astype(np.float32), b + bias, temperature, card)
    if recipe != "svm":
        # the single SVM keeps SCREEN_BAR (the bar it was measured with); another model's screen and
        # scores are calibrated differently, so its bar is chosen to keep the same recall
        say("choosing the screen's bar on dev comments and unseen news chunks")
        bar, info = choose_screen_bar(model, [t for _, t, _ in dev_rows], spare_news)
        model.card["screen_bar"] = bar
        model.card["screen"] = info
        model.screen_bar = bar
        say(f"screen bar {bar:.2f}")
    model.card["seconds"] = round(time.time() - started, 1)
    directory = model.save(Path(out_dir) if out_dir else default_model_dir())
    _MODELS.pop(str(directory), None)
    say(f"saved {directory} in {time.time() - started:.0f} s")
    return directory, model.card


# ---------------------------------------------------------------- use

_MODELS: dict[str, ToxicityModel | None] = {}
_WARNED: set[str] = set()


def model_status(model_dir: Path | None = None) -> str | None:
    """None when a usable model exists; otherwise one line saying why toxicity will be absent."""
    directory = Path(model_dir) if model_dir else default_model_dir()
    if not (directory / "model.npz").exists() or not (directory / "card.json").exists():
        return (
            f"toxicity: no trained model in {directory} — run `tinhhinh train toxicity --data DIR` "
            "(DIR = a ViHSD folder); until then items get no toxicity"
        )
    try:
        card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return (
            f"toxicity: model card in {directory} unreadable ({exc}) — retrain with `tinhhinh train toxicity`"
        )
    if card.get("format") != FORMAT:
        return (
            f"toxicity: model in {directory} has format {card.get('format')}, expected {FORMAT} — retrain it"
        )
    return None


def load_model(model_dir: Path | None = None) -> ToxicityModel | None:
    directory = Path(model_dir) if model_dir else default_model_dir()
    key = str(directory)
    if key not in _MODELS:
        _MODELS[key] = None if model_status(directory) else ToxicityModel.load(directory)
    return _MODELS[key]


def _model_version(directory: Path) -> str:
    """``load_model(directory).version``, or "absent", without loading the arrays."""
    if model_status(directory) is not None:
        return "absent"
    loaded = _MODELS.get(str(directory))
    if loaded is not None:
        return loaded.version
    card = json.loads((directory / "card.json").read_text(encoding="utf-8"))
    return str(card.get("version", "unknown"))


def take_warning(model_dir: Path | None = None) -> str | None:
    """The reason toxicity is absent, once per process (None when the model is there or already said)."""
    reason = model_status(model_dir)
    if reason is None or reason in _WARNED:
        return None
    _WARNED.add(reason)
    return reason


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentence-aligned spans of about CHUNK_CHARS characters."""
    spans: list[tuple[int, int]] = []
    start = end = 0
    for m in _SENTENCE_RE.finditer(text):
        if m.end() - start > CHUNK_CHARS and end > start:
            spans.append((start, end))
            start = m.start()
        end = m.end()
    if end > start:
        spans.append((start, end))
    return spans


@dataclass
class ToxicityResult:
    label: str
    score: float
    field: str
    span: tuple[int, int]
    text: str


def _folded_pieces(
    title: object, text: object, title_s: str, text_s: str, pieces: list[tuple[str, int, int, str]]
) -> list[str]:
    """The folded copy of each piece, from the folded copy other stages already made when it lines up."""
    folded = ""
    if isinstance(title, str) and isinstance(text, str) and title is title_s and text is text_s:
        view = text_view(title, text)  # the same fold area and places read (computed once per item)
        if len(view.content) == len(view.folded) and view.content == (
            f"{title}\n{text}" if title and text else title or text
        ):
            start = len(title) + 1 if title else 0
            folded_title, folded = view.folded[: len(title)], view.folded[start:]
    if not folded:
        folded_title, folded = safe_fold(title_s), safe_fold(text_s)
    if len(folded) != len(text_s):  # not NFC: chunk offsets do not carry over, fold each chunk
        return [safe_fold(piece) for _, _, _, piece in pieces]
    return [folded_title if field == "title" else folded[a:b] for field, a, b, _ in pieces]


def _pieces(title_s: str, text_s: str) -> list[tuple[str, int, int, str]]:
    """(field, start, end, text) of each piece `assess` scores: the title, and the text whole or in chunks."""
    pieces: list[tuple[str, int, int, str]] = []
    if title_s.strip():
        pieces.append(("title", 0, len(title_s), title_s))
    if len(text_s) <= CHUNK_CHARS:
        if text_s.strip():
            pieces.append(("text", 0, len(text_s), text_s))
    else:
        pieces.extend(("text", a, b, text_s[a:b]) for a, b in _chunks(text_s))
    return pieces


_char_class: np.ndarray | None = None  # per BMP code point: see `_word_starts`


def _char_classes() -> np.ndarray:
    """0: white space or ``_PUNCT``, 1: letter or digit (``[^\\W_]``), 2: anything else; per BMP code point
    (built once, ~15 ms: at model load, so forked workers share it)."""
    global _char_class
    if _char_class is None:
        table = np.asarray(
            [1 if chr(c).isalnum() else 0 if chr(c).isspace() else 2 for c in range(0x10000)], dtype=np.int8
        )
        table[[ord(c) for c in _PUNCT]] = 0
        _char_class = table
    return _char_class


def _word_starts(content: str) -> np.ndarray | None:
    """Where each word (letters and digits, as the text view cuts them) starts in ``content``, or None
    when some character is neither such a letter nor one the screen turns into a space (white space,
    ``_PUNCT``): "_", "€", emoji, ... would stay inside the screen's words."""
    try:  # (a space in front: a word at the very start starts after a non-word too)
        cps = np.frombuffer((" " + content).encode("utf-32-le"), dtype="<u4")
    except UnicodeError:  # lone surrogates
        return None
    if cps.max() > 0xFFFF:
        return None
    kind = _char_classes()[cps]
    if kind.max() > 1:
        return None
    return np.flatnonzero(kind[1:] > kind[:-1])


def _view_words(
    title: object, text: object, title_s: str, text_s: str, pieces: list[tuple[str, int, int, str]]
) -> tuple[np.ndarray, list[int]] | None:
    """The screen's words of every piece — as the text view's word ids, whose folded words
    (``TextView.folded_words``) other stages already made — and where each piece's words start, or
    None when they could differ.

    They are the same words as ``screen`` cuts from the folded pieces when the view's folded words
    equal the folded text cut at its words (NFC, nothing whose fold depends on its neighbours: the
    view says so by giving them) and every character between words is white space or ``_PUNCT``
    (which the screen turns into spaces); pieces end at sentence ends or between title and text,
    never inside a word (checked: each piece's words must start where the previous piece's end)."""
    if not pieces or not (
        isinstance(title, str) and isinstance(text, str) and title is title_s and text is text_s
    ):
        return None
    view = text_view(title, text)
    ids = view.ids  # (None exactly when folded_words is)
    if ids is None:
        return None
    starts = _word_starts(view.content)
    if starts is None or len(starts) != len(ids):
        return None
    text_at = len(title) + 1 if title and text else 0
    edges = []
    for field, a, b, _ in pieces:
        at = 0 if field == "title" else text_at
        edges += (at + a, at + b)
    first = np.searchsorted(starts, edges).tolist()  # words starting before each edge
    if first[0] != 0 or first[-1] != len(ids) or first[2:-1:2] != first[1:-2:2]:
        return None
    return ids, [0, *first[1::2]]


def assess(model: ToxicityModel, title: object, text: object) -> ToxicityResult:
    """Label and score an item. Short items (title plus a text of at most CHUNK_CHARS) are read whole by
    the model. A long text is cut into sentence-aligned chunks (the title is one more piece); a cheap
    screen (`ToxicityModel.screen`) estimates every piece and the model reads only the pieces the
    screen puts at the model's bar (``screen_bar``, from its card; SCREEN_BAR for older models) or above — the rest keep the screen's estimate. The item takes the label
    and score of its SECOND most toxic piece, so one stray sentence (a quote, a crime report) does not
    tag a whole article; the evidence points at the most toxic piece."""
    title_s, text_s = as_text(title)[:MAX_CHARS], as_text(text)[:MAX_CHARS]
    pieces = _pieces(title_s, text_s)
    if not pieces:
        return ToxicityResult("clean", 0.0, "text", (0, 0), "")
    scores = None  # P(offensive or hate) of ``decisions`` while they stay as they are
    if len(title_s) + len(text_s) <= SCREEN_ABOVE:  # comment-sized: the model reads everything
        decisions = model.decisions([piece for _, _, _, piece in pieces])
    else:
        seen = _view_words(title, text, title_s, text_s, pieces)
        if seen is not None:
            decisions = model.screen_words(*seen)
        else:
            decisions = model.screen(_folded_pieces(title, text, title_s, text_s, pieces))
        # a long text's label is its second most toxic piece (a text of two pieces: its most toxic): when
        # fewer pieces than that reach the bar, the item is clean whatever the model would say about
        # them; otherwise the model reads the top pieces until the ones that decide are all its own
        need = 2 if len(pieces) > 2 else 1
        # (``scores`` always belongs to the current ``decisions``: the same row-wise numbers as computing
        # them again at each use)
        scores = model.probabilities_of(decisions)
        if int((scores >= model.screen_bar).sum()) >= need:
            done = np.zeros(len(pieces), dtype=bool)
            while True:
                top = np.argsort(-scores, kind="stable")[:need]
                todo = top[~done[top]]
                if not len(todo):
                    break
                decisions[todo] = model.decisions([pieces[i][3] for i in todo])
                done[todo] = True
                scores = model.probabilities_of(decisions)
    if scores is None:
        scores = model.probabilities_of(decisions)
    order = np.argsort(-scores, kind="stable")
    top = pieces[order[0]]
    # long text: the item counts as toxic only as far as its SECOND most toxic piece is
    judge = int(order[1]) if len(pieces) > 2 else int(order[0])
    label = LABELS[int(decisions[judge].argmax())]
    return ToxicityResult(label, round(float(scores[judge]), 4), top[0], (top[1], top[2]), top[3])


class ToxicityStage:
    """Per-record stage: sets ``toxicity``/``toxicity_score`` and, above the threshold, a ``toxic`` harm entry."""

    name = "toxicity"

    def __init__(self, model_dir: Path | None = None, threshold: float = HARM_THRESHOLD) -> None:
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        self.threshold = threshold
        # the version is the card's: the model itself loads on first use (``model``), which lets
        # ``load_stages(load_models=True)`` read it in a background thread while the next stages are built
        self.version = _model_version(self.model_dir)

    @property
    def model(self) -> ToxicityModel | None:
        model = self.__dict__.get("_model")
        if model is None:
            model = load_model(self.model_dir)
            self._model = model
        return model

    def __getstate__(self) -> dict[str, Any]:
        return {"model_dir": self.model_dir, "threshold": self.threshold, "version": self.version}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def warning(self) -> str | None:
        return take_warning(self.model_dir)

    def __call__(self, item: Item) -> Item:
        if not isinstance(item.harm, list):
            item.harm = []
        model = self.model
        if model is None:
            item.toxicity = None
            item.toxicity_score = None
            return item
        result = assess(model, item.title, item.text)
        item.toxicity = result.label
        item.toxicity_score = result.score
        item.harm = [h for h in item.harm if not (isinstance(h, dict) and h.get("type") == "toxic")]
        if result.label != "clean" and result.score >= self.threshold:
            item.harm.append(
                {
                    "type": "toxic",
                    "score": result.score,
                    "evidence": [
                        {
                            "rule": f"model:{result.label}",
                            # evidence text is capped at 500 characters; the span covers exactly that text
                            "span": [result.span[0], result.span[0] + len(result.text[:500])],
                            "text": result.text[:500],
                            "field": result.field,
                            "weight": result.score,
                        }
                    ],
                    "status": "unconfirmed",
                }
            )
        item.model_version["toxicity"] = model.version
        return item
