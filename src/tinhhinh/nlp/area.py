"""Area of social life an item is about (politics & society, health, sports, ...).

A linear model over hashed, folded syllable n-grams: no word segmentation and no vocabulary dict, so
it loads in a fraction of a second and scores an article in well under a millisecond. Trained on
VNTC (see ``models/area.md``).

The shipped model is one ``.npz`` (no pickle): the sorted 32-bit feature keys (as gaps), idf
weights, float16 class weights, intercepts, class codes, the softmax temperature and a JSON metadata
blob.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, strip_diacritics, tokens
from tinhhinh.nlp.textview import Column, Memo, text_view

MODEL_FILE = "area.npz"
# A second model for text typed without tone marks ("gia vang tang manh"), common in posts: the main
# model's features are marked syllables, so such a text matched almost nothing (held-out accuracy 0.11)
PLAIN_MODEL_FILE = "area-plain.npz"
WITHOUT_MARKS = "without-marks"  # the plain model's meta["reads"]: it strips marks from what it reads
# A third model for short texts (posts, comments, feed items of a title and a line): the main model is
# fitted on whole articles and read titles alone at 0.72 dev accuracy; one fitted on short readings of
# the same articles (``short_readings``) reads them at 0.84. Texts up to SHORT_CHARS characters (title
# and text together) go to it; the length where the two models are level on dev is measured in
# docs/nlp.md.
SHORT_MODEL_FILE = "area-short.npz"
PLAIN_SHORT_MODEL_FILE = "area-plain-short.npz"  # both: a short text typed without marks
SHORT_CHARS = 500
DEFAULT_SEED = 13
# Fraction of de-duplicated groups per label for the held-out test and the dev split.
TEST_FRACTION = 0.10
DEV_FRACTION = 0.10
NGRAMS = 2  # syllable 1..2-grams (hashed; see feature_keys)
MIN_DF = 3
SVM_C = 0.7
CLASS_WEIGHT: str | None = None  # "balanced" was no better on dev
MAX_CHARS = 20_000  # longer texts add nothing to the topic but cost time


# --- taxonomy -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    code: str
    vi: str
    en: str
    vntc: str


@lru_cache(maxsize=1)
def load_areas() -> dict[str, Area]:
    """The area taxonomy (``data/areas.yaml``) keyed by code, in file order."""
    text = resources.files("tinhhinh").joinpath("data/areas.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    if doc.get("version") != 1:
        raise ValueError(f"areas.yaml: unsupported version {doc.get('version')!r}")
    return {a["code"]: Area(a["code"], a["vi"], a["en"], a["vntc"]) for a in doc["areas"]}


def vntc_to_area() -> dict[str, str]:
    return {a.vntc: a.code for a in load_areas().values()}


# --- features -------------------------------------------------------------------------------------
#
# Features are hashed syllable n-grams: each folded syllable gets its CRC-32, a bigram is the pair of
# CRC-32s in one 64-bit integer, the title's own n-grams are the same integers XOR a salt, and every
# key is mixed down to 32 bits. The model keeps the sorted 32-bit keys of its vocabulary, so loading it
# builds no Python dict and scoring is a few numpy calls (unique + searchsorted) per article.

_SALT = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_S32 = np.uint64(32)
_S31 = np.uint64(31)
_S29 = np.uint64(29)
_EMPTY = np.uint32(0xFFFFFFFF)  # a free slot of AreaModel's key table: no row, the largest key
_WINDOW = 16  # slots read per key from its home slot (keys further on: a binary search)
_TF_TABLE_SIZE = 4096
# 1 + log(tf) as float32 for tf < _TF_TABLE_SIZE: the values (1.0 + np.log(counts)).astype(float32) gives
_ONE_PLUS_LOG = np.zeros(_TF_TABLE_SIZE, dtype=np.float32)
_ONE_PLUS_LOG[1:] = (1.0 + np.log(np.arange(1, _TF_TABLE_SIZE))).astype(np.float32)
_HASH_CACHE_MAX = 200_000  # distinct folded syllables seen in all of VNTC: ~60k
# What the model needs of one word of the shared word table: its CRC-32 and the rows of its unigram
# and title-unigram keys (-1: not a feature), kept per word id (``AreaModel._rows_from_view``)
_WORD_FEATURES = np.dtype([("crc", np.uint64), ("row", np.int32), ("title_row", np.int32)])


def _syllable_hash(syllable: str) -> int:
    return zlib.crc32(syllable.encode("utf-8", "surrogatepass"))


# CRC-32 of each folded syllable seen (a dict hit is ~3x cheaper than a CRC)
_HASHES = Memo(_syllable_hash, _HASH_CACHE_MAX)


# the same CRC-32 per word of the shared word table (``TextView.ids``): one numpy gather per text
_CRC = Column(lambda word, folded: _syllable_hash(folded), np.uint64)


def _syllable_hashes(toks: list[str]) -> np.ndarray:
    return np.fromiter(map(_HASHES.__getitem__, toks), dtype=np.uint64, count=len(toks))


def _gram_keys(h: np.ndarray) -> np.ndarray:
    """Unigram keys (the CRC-32s) and bigram keys (two CRC-32s side by side in 64 bits)."""
    if len(h) < 2:
        return h
    return np.concatenate((h, (h[:-1] << _S32) | h[1:]))


def _mix32(k: np.ndarray) -> np.ndarray:
    # multiply-xorshift: spreads the 64-bit keys before keeping the high 32 bits
    k = k ^ (k >> _S31)
    k = k * _MIX
    k = k ^ (k >> _S29)
    return (k >> _S32).astype(np.uint32)


def feature_keys(title: str, text: str) -> np.ndarray:
    """32-bit keys (with repeats) of the syllable 1–2-grams of folded title+body, plus the title's own.

    The title is short and topical, so giving it separate weights helps; the body n-grams already
    include the title once.
    """
    title = title or ""
    text = text or ""
    if len(text) <= MAX_CHARS:
        # the folded words of title + body are the shared view's (places and copies read the same)
        view = text_view(title, text)
        if view.words_are_tokens:
            # folded_tokens are the view's folded words: their CRCs by word id, and the title's are
            # the first n_title of them (its words fold as they do in the whole text)
            h = _CRC.take(view.ids)
            k = _gram_keys(h)
            if title:
                k = np.concatenate((k, _gram_keys(h[: view.n_title]) ^ _SALT))
            return _mix32(k)
        toks = view.folded_tokens
    else:
        toks = tokens(fold(f"{title}\n{text[:MAX_CHARS]}"))
    k = _gram_keys(_syllable_hashes(toks))
    if title:
        k = np.concatenate((k, _gram_keys(_syllable_hashes(tokens(fold(title)))) ^ _SALT))
    return _mix32(k)


# --- model ----------------------------------------------------------------------------------------


STORED = frozenset({"coef"})  # .npz members written without compression (see ``AreaModel.save``)


class AreaModel:
    """Sorted feature keys + idf + linear weights; scores are a tempered softmax over the decisions."""

    def __init__(
        self,
        keys: np.ndarray,
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
        temperature: float,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.keys = np.asarray(keys, dtype=np.uint32)
        if len(self.keys) > 1 and not (self.keys[1:] > self.keys[:-1]).all():
            raise ValueError("area model keys must be sorted and unique")
        self.idf = idf.astype(np.float32)
        # stored as float16 and computed in float32: a float16 model keeps its float16 weights (half the
        # memory, no 9-million-value conversion at load) and converts the few rows an article reads
        # (the same float32 values either way)
        self._coef = coef if coef.dtype == np.float16 else coef.astype(np.float32)  # (V, K)
        self._coef32: np.ndarray | None = None
        self.intercept = intercept.astype(np.float32)
        self.classes = list(classes)
        self.temperature = float(temperature)
        self.meta = meta or {}
        self._last = len(self.keys) - 1
        self._keys_t: np.ndarray | None = None  # see _build_table
        self._rows_t: np.ndarray | None = None
        self._windows: np.ndarray | None = None
        self._far = False
        self._word_features: Column | None = None  # see _rows_from_view
        self._shift = np.uint32(0)

    @property
    def coef(self) -> np.ndarray:
        """The class weights as float32, (V, K)."""
        if self._coef.dtype == np.float32:
            return self._coef
        if self._coef32 is None:
            self._coef32 = self._coef.astype(np.float32)
        return self._coef32

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unknown"))

    @property
    def reads_without_marks(self) -> bool:
        return self.meta.get("reads") == WITHOUT_MARKS

    def decision(self, title: str, text: str) -> np.ndarray:
        if self._last < 0:
            return self.intercept.copy()
        if self.reads_without_marks:
            title, text = strip_diacritics(title), strip_diacritics(text)
        found = self._rows_from_view(title or "", text or "")
        if found is None:
            k = feature_keys(title, text)
            if not len(k):
                return self.intercept.copy()
            u, counts = np.unique(k, return_counts=True)
            pos = self._rows(u)
            hit = pos >= 0
            ix, counts, n = pos[hit], counts[hit], len(k)
        else:
            ix, counts, n = found
        if not len(ix):
            return self.intercept.copy()
        # (1 + log tf) from a table of the same float32 values when every count is in it (a count is
        # at most the number n of n-grams); then as np.linalg.norm: sqrt(w.dot(w))
        if n < _TF_TABLE_SIZE:
            w = _ONE_PLUS_LOG[counts] * self.idf[ix]
        else:
            w = (1.0 + np.log(counts)).astype(np.float32) * self.idf[ix]
        w /= np.sqrt(w.dot(w))
        c = self._coef[ix]
        if c.dtype != np.float32:
            c = c.astype(np.float32)
        return w @ c + self.intercept

    def _rows_from_view(self, title: str, text: str) -> tuple[np.ndarray, np.ndarray, int] | None:
        """The rows ``feature_keys`` hits, how often (rows ascending) and the number of n-grams, from the
        shared text view; None when ``feature_keys`` does not read the view's words (then the caller
        computes them).

        A unigram's row depends on its word alone, so it is kept per word id with the word's CRC-32
        (one ``Column`` of ``_WORD_FEATURES``: one gather per text); only the bigram keys are looked
        up per text, all of them (repeats included: cheaper than counting the keys first). A row
        stands for one key, so counting rows over all n-grams counts the keys ``np.unique`` would (a
        unigram and a bigram with the same 32-bit key share a row either way).
        """
        if len(text) > MAX_CHARS:
            return None
        view = text_view(title, text)
        if not view.words_are_tokens:
            return None
        ids = view.ids
        if self._word_features is None:
            self._word_features = Column(self._word_feature_rows, _WORD_FEATURES, batch=True)
        f = self._word_features.take(ids)
        h = f["crc"]
        b = (h[:-1] << _S32) | h[1:]  # the bigram keys of title + body
        rows = [f["row"]]
        if title:
            nt = view.n_title
            rows.append(f["title_row"][:nt])
            if nt >= 2:  # the title's own bigrams are the first nt - 1, salted
                b = np.concatenate((b, b[: nt - 1] ^ _SALT))
        rows.append(self._lookup(_mix32(b)))
        r = np.concatenate(rows)
        r.sort()
        # runs of equal rows: their first rows and lengths (np.unique's counting, on sorted rows)
        edge = np.empty(len(r) + 1, dtype=bool)
        edge[0] = edge[-1] = True
        np.not_equal(r[1:], r[:-1], out=edge[1:-1])
        at = np.flatnonzero(edge)
        ix, counts = r[at[:-1]], at[1:] - at[:-1]
        if len(ix) and ix[0] < 0:  # -1 (not a feature) sorts first
            return ix[1:], counts[1:], len(r)
        return ix, counts, len(r)

    def _word_feature_rows(self, words: list[str], folded: list[str]) -> np.ndarray:
        """Each word's CRC-32 and the rows of its unigram and title-unigram keys (-1: not a feature)."""
        h = np.fromiter(map(_syllable_hash, folded), np.uint64, len(folded))
        out = np.empty(len(h), dtype=_WORD_FEATURES)
        out["crc"] = h
        rows = self._lookup(_mix32(np.concatenate((h, h ^ _SALT))))  # both keys in one lookup
        out["row"] = rows[: len(h)]
        out["title_row"] = rows[len(h) :]
        return out

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_keys_t"] = state["_rows_t"] = state["_windows"] = state["_coef32"] = None  # rebuilt on use
        return state

    def _build_table(self) -> None:
        """An ordered linear-probing table of the keys: slot = a key's top bits; keys and rows apart.

        ``keys`` are sorted and uniformly spread (mixed), so placing them in order at their home slot
        or the first free one after it keeps the table sorted: position = max(home, previous + 1),
        one cumulative maximum. A key sits a few slots after its home at most (load ≤ 0.45: 9 for the
        shipped model), so one window of that many slots from the home holds it, and the slots between
        its home and it hold smaller keys: the first equal key in the window is the key.
        """
        n = len(self.keys)
        bits = max(4, int(np.ceil(np.log2(max(n, 1) / 0.45))))
        self._shift = np.uint32(32 - bits) if bits < 32 else np.uint32(0)
        # 32-bit positions while they fit: half the transient memory of the build
        index = np.int32 if bits <= 30 and n < 2**30 else np.int64
        home = (self.keys >> self._shift).astype(index)
        rows = np.arange(n, dtype=index)
        pos = np.maximum.accumulate(home - rows) + rows if n else rows
        far = int((pos - home).max()) if n else 0  # how far past its home slot a key sits
        width = min(far + 1, _WINDOW)
        self._far = far >= width  # some keys lie past their home's window (then a binary search)
        # every home slot has a whole window; free slots hold the largest key and row -1
        size = max(int(pos[-1]) + 1 if n else 0, (1 << bits) + width - 1)
        keys_t = np.full(size, _EMPTY, dtype=np.uint32)
        keys_t[pos] = self.keys
        rows_t = np.full(size, -1, dtype=np.int32 if n < 2**31 else np.int64)
        rows_t[pos] = rows
        self._keys_t, self._rows_t = keys_t, rows_t
        self._windows = np.lib.stride_tricks.as_strided(
            keys_t, shape=(size - width + 1, width), strides=(4, 4), writeable=False
        )

    def _lookup(self, u: np.ndarray) -> np.ndarray:
        """Row of each 32-bit key of ``u`` (any order, repeats allowed) in ``keys``, or -1.

        A binary search over the 3.5 MB of keys is ~20 dependent memory reads per key, most missing
        the cache; the table takes one window read per key, all independent, in a few numpy calls
        per text (each call costs microseconds: their number is most of the time here).
        """
        if self._windows is None:
            self._build_table()
        h = (u >> self._shift).astype(np.intp)
        win = self._windows[h]  # type: ignore[index]
        pos = h + (win == u[:, None]).argmax(1)  # the first equal key, or the home slot
        r = self._rows_t[pos]  # type: ignore[index]
        r[self._keys_t[pos] != u] = -1  # type: ignore[index]
        if self._far:  # past the window: a smaller key at its end means ours may lie further on
            later = np.flatnonzero((r < 0) & (win[:, -1] < u))
            if len(later):
                q = u[later]
                p = np.minimum(np.searchsorted(self.keys, q), self._last)
                r[later] = np.where(self.keys[p] == q, p, -1)
        return r

    def _rows(self, u: np.ndarray) -> np.ndarray:
        """Row of each key of ``u`` in ``keys``, or -1 (as ``searchsorted`` + compare), as int64."""
        return self._lookup(u).astype(np.int64)

    def scores(self, title: str, text: str) -> dict[str, float]:
        d = self.decision(title, text) / self.temperature
        d = np.exp(d - d.max())
        p = d / d.sum()
        return dict(zip(self.classes, p.tolist(), strict=True))  # tolist: the same floats as float(v)

    def predict(self, title: str, text: str) -> str:
        return self.classes[int(np.argmax(self.decision(title, text)))]

    def save(self, path: Path) -> None:
        arrays = {
            # sorted keys as gaps: small numbers that compress well; cumsum restores them
            "key_gaps": np.diff(self.keys, prepend=np.uint32(0)).astype(np.uint32),
            "idf": self.idf.astype(np.float16),
            "coef": self._coef.astype(np.float16),
            "intercept": self.intercept.astype(np.float32),
            "classes": np.array(self.classes),
            "temperature": np.array(self.temperature, dtype=np.float32),
            "meta": np.frombuffer(json.dumps(self.meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        # an .npz (np.load reads it) whose weights are stored, not deflated: float16 weights shrink only
        # 30 % and inflating them was the longest part of `analyze`'s start-up (~0.1 s of CPU before its
        # workers can start); everything else compresses well and stays deflated
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            for name, value in arrays.items():
                info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED if name in STORED else zipfile.ZIP_DEFLATED
                with zf.open(info, "w", force_zip64=True) as fh:
                    np.lib.format.write_array(fh, value, allow_pickle=False)

    @classmethod
    def load(cls, path: Path | str | None = None) -> AreaModel:
        if path is None:
            ref = resources.files("tinhhinh").joinpath(f"models/{MODEL_FILE}")
            with resources.as_file(ref) as p:
                return cls.load(p)
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
            return cls(
                np.cumsum(z["key_gaps"], dtype=np.uint32),
                z["idf"],
                z["coef"],
                z["intercept"],
                [str(c) for c in z["classes"]],
                float(z["temperature"]),
                meta,
            )


@lru_cache(maxsize=4)
def _cached_model(path: str | None) -> AreaModel:
    model = AreaModel.load(path)
    # the key table now, not on the first article: analyze's parent loads the model in a background
    # thread (pipeline.load_stages), and most of the build is numpy work that releases the GIL
    model._build_table()
    return model


class AreaStage:
    """Per-record stage: sets ``item.area`` and ``item.area_scores`` ({area code: probability}).

    Four readers, by the text's form: the main model reads articles; a text typed without marks is read
    by the plain model (``PLAIN_MODEL_FILE``); a short one (title and text up to ``SHORT_CHARS``
    characters) by the short model (``SHORT_MODEL_FILE``), or, typed without marks, by the plain short
    model (``PLAIN_SHORT_MODEL_FILE``). A reader that is not installed falls back to the plain or main
    model. The others load on the first text that needs them, so a batch of news never waits for them;
    the record's ``model_version["area"]`` names the model that read it."""

    name = "area"

    def __init__(
        self,
        model_path: str | Path | None = None,
        plain_model_path: str | Path | None = None,
        short_model_path: str | Path | None = None,
        plain_short_model_path: str | Path | None = None,
    ) -> None:
        self.model_path = str(model_path) if model_path else None
        # (without marks, short) -> the path given, or None for the shipped file
        self.paths: dict[tuple[bool, bool], str | None] = {
            (True, False): str(plain_model_path) if plain_model_path else None,
            (False, True): str(short_model_path) if short_model_path else None,
            (True, True): str(plain_short_model_path) if plain_short_model_path else None,
        }
        self._model: AreaModel | None = None
        self._readers: dict[tuple[bool, bool], AreaModel | None] = {}

    @property
    def model(self) -> AreaModel:
        if self._model is None:
            self._model = _cached_model(self.model_path)
        return self._model

    def _reader(self, without_marks: bool, short: bool) -> AreaModel | None:
        key = (without_marks, short)
        if key not in self._readers:
            given = self.paths[key]
            path = Path(given) if given else default_model_path(without_marks, short)
            self._readers[key] = _cached_model(str(path)) if path.exists() else None
        return self._readers[key]

    @property
    def plain_model(self) -> AreaModel | None:
        """The model for text typed without marks; None when it is not installed."""
        return self._reader(True, False)

    @property
    def short_model(self) -> AreaModel | None:
        """The model for short texts; None when it is not installed."""
        return self._reader(False, True)

    @property
    def plain_short_model(self) -> AreaModel | None:
        """The model for short texts typed without marks; None when it is not installed."""
        return self._reader(True, True)

    @property
    def version(self) -> str:
        return self.model.version

    def __getstate__(self) -> dict[str, Any]:
        # Workers reload the models from disk instead of receiving 10+ MB through a pipe.
        return {"model_path": self.model_path, "paths": self.paths, "_model": None, "_readers": {}}

    def __call__(self, item: Item) -> Item:
        title = item.title or ""
        text = item.text or ""
        model = self.model
        # the models read Vietnamese: a text that is not (its declared or checked ``lang``) gets no area
        if not (title.strip() or text.strip()) or (item.lang or "vi") != "vi":
            item.area = None
            item.area_scores = None
        else:
            view = text_view(title, text)
            # counted on the folded text, so NFD input (a code point per mark) or letters in decorative
            # fonts are as short as the plain text; a text three times over the bar cannot fold under it
            short = len(title) + len(text) <= 3 * SHORT_CHARS and len(view.folded) <= SHORT_CHARS
            if view.typed_without_marks:
                model = (short and self._reader(True, True)) or self._reader(True, False) or model
            elif short:
                model = self._reader(False, True) or model
            scores = model.scores(title, text)
            item.area = max(scores, key=scores.__getitem__)
            # round(v, 4) of each score, mapped in C
            item.area_scores = dict(zip(scores, map(round, scores.values(), repeat(4)), strict=True))
        item.model_version[self.name] = model.version
        return item


# --- data: VNTC, de-duplication, split -------------------------------------------------------------


@dataclass
class Record:
    id: str
    label: str  # area code
    title: str
    text: str


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a VNTC-style file: JSONL (or CSV), gzip or not; a line that is not JSON stops here."""
    for _, rec in read_dataset_records(path):
        yield rec


def read_vntc(paths: Iterable[Path], skipped: list[tuple[str, Any]] | None = None) -> list[Record]:
    """Labelled records; ``label`` is a VNTC code (mapped to its area) or an area code. A record without
    one, or with any other label (a typo, "XX", ViHSD's 0/1/2), is left out and, with ``skipped``, listed
    there as (file:line, label): counted as an extra class it made macro-F1 meaningless, silently."""
    mapping = vntc_to_area()
    codes = set(mapping.values())
    out = []
    for path in paths:
        for n, (where, r) in enumerate(read_dataset_records(path), 1):
            label = r.get("label")
            if isinstance(label, str) and label in mapping:
                label = mapping[label]
            elif not (isinstance(label, str) and label in codes):
                if skipped is not None:
                    skipped.append((where, label))
                continue
            out.append(
                Record(
                    str(r.get("id") or f"{path.name}#{n}"),
                    label,
                    r.get("title") or "",
                    r.get("text") or "",
                )
            )
    return out


def read_dataset_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file:line, record) of a VNTC-style file (``read_jsonl`` with where each record is)."""
    from tinhhinh.ingest.records import read_dataset

    for where, rec in read_dataset(Path(path)):
        if isinstance(rec, ValueError):
            raise ValueError(f"{where}: {rec}")
        yield where, rec


def vntc_files(data_dir: Path) -> list[Path]:
    d = Path(data_dir)
    if (d / "vntc").is_dir():
        d = d / "vntc"
    files = [d / "train.jsonl.gz", d / "test.jsonl.gz"]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"VNTC files not found: {', '.join(missing)}")
    return files


def dedup_key(title: str, text: str) -> str:
    """Exact-duplicate identity: folded title+body, punctuation and spacing ignored."""
    return hashlib.md5(" ".join(tokens(fold(f"{title}\n{text}"))).encode("utf-8")).hexdigest()


def split_vntc(records: list[Record], seed: int = DEFAULT_SEED) -> dict[str, list[Record]]:
    """De-duplicate, then split by group into train/dev/test, stratified by label.

    Each exact-duplicate group becomes one record with the group's majority label (groups whose
    labels tie are dropped: their label is noise). Groups are assigned to splits whole, so a text
    never appears on both sides.
    """
    groups: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        groups[dedup_key(r.title, r.text)].append(r)
    by_label: dict[str, list[tuple[str, Record]]] = defaultdict(list)
    for key, members in groups.items():
        ranked = Counter(m.label for m in members).most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue
        label = ranked[0][0]
        rep = min((m for m in members if m.label == label), key=lambda m: m.id)
        by_label[label].append((key, rep))
    rnd = random.Random(seed)
    out: dict[str, list[Record]] = {"train": [], "dev": [], "test": []}
    for label in sorted(by_label):
        items = sorted(by_label[label], key=lambda kr: kr[0])
        rnd.shuffle(items)
        n_test = round(TEST_FRACTION * len(items))
        n_dev = round(DEV_FRACTION * len(items))
        for i, (_, rep) in enumerate(items):
            part = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
            out[part].append(rep)
    return out


# --- training and evaluation -----------------------------------------------------------------------


def short_readings(records: list[Record], seed: int = DEFAULT_SEED) -> list[Record]:
    """Short texts made from articles, as posts and feed items read: each article's title alone, the
    first 10–59 words of its body alone, and its title with the first 0–59 words of its body (lengths
    drawn from ``seed`` and the record's id, so a record always gives the same readings, whatever else is
    read with it and in whatever order). Empty readings are left out."""
    out: list[Record] = []
    for r in records:
        rng = random.Random(f"{seed}:{r.id}")
        words = r.text.split()
        lead = " ".join(words[: rng.randrange(10, 60)])
        head = " ".join(words[: rng.randrange(0, 60)])
        for title, text in ((r.title, ""), ("", lead), (r.title, head)):
            if title.strip() or text.strip():
                out.append(Record(r.id, r.label, title, text))
    return out


def _doc_counts(records: list[Record]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each article's distinct feature keys (sorted) and their counts, computed as at run time."""
    return [np.unique(feature_keys(r.title, r.text), return_counts=True) for r in records]


def _vocabulary(docs: list[tuple[np.ndarray, np.ndarray]], min_df: int) -> np.ndarray:
    """Sorted keys that occur in at least ``min_df`` of ``docs``."""
    keys, df = np.unique(np.concatenate([u for u, _ in docs]), return_counts=True)
    return keys[df >= min_df]


def _count_matrix(docs: list[tuple[np.ndarray, np.ndarray]], vocab: np.ndarray):
    """Sparse (articles x vocabulary) counts; rows hold only keys in ``vocab`` (as ``decision``)."""
    import scipy.sparse as sp

    indptr = [0]
    cols = []
    vals = []
    last = len(vocab) - 1
    for u, c in docs:
        pos = np.minimum(np.searchsorted(vocab, u), last)
        hit = vocab[pos] == u
        cols.append(pos[hit])
        vals.append(c[hit])
        indptr.append(indptr[-1] + int(hit.sum()))
    return sp.csr_matrix(
        (np.concatenate(vals).astype(np.float32), np.concatenate(cols), np.array(indptr, dtype=np.int64)),
        shape=(len(docs), len(vocab)),
    )


def _idf(counts) -> np.ndarray:
    """Smoothed idf, as at run time: log((1 + n) / (1 + df)) + 1."""
    df = np.diff(counts.tocsc().indptr)
    return (np.log((1 + counts.shape[0]) / (1 + df)) + 1).astype(np.float32)


def _tfidf(counts, idf: np.ndarray):
    """Sublinear tf x idf, rows L2-normalised (the same arithmetic as ``AreaModel.decision``)."""
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    x = counts.tocsr().astype(np.float32, copy=True)
    x.data = 1 + np.log(x.data)
    return normalize(x @ sp.diags(idf))


def _fit(docs, y, min_df: int, C: float, class_weight: str | None, seed: int):
    """Vocabulary, idf and a one-vs-rest LinearSVC fitted on ``docs``."""
    from sklearn.svm import LinearSVC

    vocab = _vocabulary(docs, min_df)
    counts = _count_matrix(docs, vocab)
    idf = _idf(counts)
    clf = LinearSVC(C=C, class_weight=class_weight, random_state=seed).fit(_tfidf(counts, idf), y)
    return vocab, idf, clf


def _fit_temperature(decisions: np.ndarray, y_idx: np.ndarray) -> float:
    """Temperature minimising dev log-loss of softmax(decision / T) (grid search; 1-D and smooth)."""
    best_t, best_loss = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.02), np.log(2.0), 60)):
        z = decisions / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -float(logp[np.arange(len(y_idx)), y_idx].mean())
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


def train_area(
    data_dir: Path | str,
    out_path: Path | str | None = None,
    seed: int = DEFAULT_SEED,
    min_df: int = MIN_DF,
    C: float = SVM_C,
    class_weight: str | None = CLASS_WEIGHT,
    log: Any = None,
    ids_dir: Path | str | None = None,
    without_marks: bool = False,
    short: bool = False,
) -> dict[str, Any]:
    """Train the area model on VNTC (de-duplicated, split by group), save it, return test metrics.

    ``without_marks``: the model for text typed without tone marks: every article is read with its
    marks stripped (the same split), and the model strips what it reads (``meta["reads"]``).
    ``short``: the model for short texts: fitted, tuned and tested on ``short_readings`` of the same
    split's articles (three per article), its vocabulary the features of those readings.

    Steps: feature keys (hashed syllable n-grams) in >= ``min_df`` articles; sublinear TF-IDF;
    LinearSVC. First on train alone: its dev scores are the ones reported, and the softmax
    temperature is fitted on its dev decisions (log-loss). The shipped model is then refitted with
    the same settings on train+dev (more data; dev has done its job) and evaluated once on test,
    as saved (float16 weights) through the same code path as the pipeline stage.
    """
    say = log or (lambda msg: None)
    t0 = time.time()
    records = read_vntc(vntc_files(Path(data_dir)))
    parts = split_vntc(records, seed=seed)
    if without_marks:
        parts = {
            k: [Record(r.id, r.label, strip_diacritics(r.title), strip_diacritics(r.text)) for r in v]
            for k, v in parts.items()
        }
    say(
        f"{len(records)} articles → train {len(parts['train'])}, dev {len(parts['dev'])}, test {len(parts['test'])}"
    )
    split_ids = parts
    if short:
        parts = {k: short_readings(v, seed) for k, v in parts.items()}
        say(
            f"short readings: train {len(parts['train'])}, dev {len(parts['dev'])}, test {len(parts['test'])}"
        )
    ys = {k: np.array([r.label for r in v]) for k, v in parts.items()}
    docs = {k: _doc_counts(parts[k]) for k in ("train", "dev")}
    say(f"features counted ({time.time() - t0:.0f}s)")

    vocab, idf, clf = _fit(docs["train"], ys["train"], min_df, C, class_weight, seed)
    classes = [str(c) for c in clf.classes_]
    dev_dec = clf.decision_function(_tfidf(_count_matrix(docs["dev"], vocab), idf))
    temperature = _fit_temperature(dev_dec, np.array([classes.index(c) for c in ys["dev"]]))
    dev_metrics = metrics(ys["dev"], np.array(classes)[dev_dec.argmax(1)], classes)
    say(
        f"train only: vocabulary {len(vocab)}, dev accuracy {dev_metrics['accuracy']:.4f}, "
        f"macro-F1 {dev_metrics['macro_f1']:.4f}, T={temperature:.3f} ({time.time() - t0:.0f}s)"
    )

    vocab, idf, clf = _fit(
        docs["train"] + docs["dev"], np.concatenate([ys["train"], ys["dev"]]), min_df, C, class_weight, seed
    )
    assert [str(c) for c in clf.classes_] == classes
    say(f"train+dev: vocabulary {len(vocab)} ({time.time() - t0:.0f}s)")
    meta = {
        "version": "",
        "trained_on": "VNTC train+test pooled, de-duplicated, split by group (tinhhinh.nlp.area.split_vntc); "
        "fitted on train+dev, temperature and dev scores from the same settings fitted on train only",
        "features": "crc32 syllable 1-2-grams of folded title+body and of the title, mixed to 32 bits",
        "seed": seed,
        "min_df": min_df,
        "C": C,
        "class_weight": class_weight,
        "ngrams": NGRAMS,
        "n_train": len(parts["train"]) + len(parts["dev"]),
        "dev": {"accuracy": dev_metrics["accuracy"], "macro_f1": dev_metrics["macro_f1"]},
    }
    if without_marks:
        meta["reads"] = WITHOUT_MARKS
        meta["features"] = (
            "crc32 syllable 1-2-grams of title+body and of the title, marks stripped, mixed to 32 bits"
        )
    if short:
        meta["for"] = f"short texts (title and text up to {SHORT_CHARS} characters)"
        meta["trained_on"] += (
            "; read as short_readings: title alone, first 10-59 body words, title + 0-59 words"
        )
    model = AreaModel(vocab, idf, clf.coef_.T, clf.intercept_, classes, temperature, meta)
    # Version = content hash, so two models never share a version string.
    digest = hashlib.sha1(model.coef.astype(np.float16).tobytes() + model.keys.tobytes()).hexdigest()[:8]
    kind = {
        (False, False): "hash",
        (True, False): "plain",
        (False, True): "short",
        (True, True): "plain-short",
    }[(without_marks, short)]
    model.meta["version"] = f"svm-{kind}{NGRAMS}-{digest}"
    out = Path(out_path) if out_path else default_model_path(without_marks, short)
    model.save(out)
    # Evaluate the model as shipped (float16 weights), not the in-memory sklearn object.
    shipped = AreaModel.load(out)
    test = evaluate(shipped, parts["test"])
    test["model"] = str(out)
    test["model_version"] = shipped.version
    test["model_bytes"] = out.stat().st_size
    test["dev"] = meta["dev"]
    test["split"] = {k: len(v) for k, v in parts.items()}
    test["train_seconds"] = round(time.time() - t0, 1)
    if ids_dir is not None:
        write_split_ids(split_ids, Path(ids_dir))
    return test


def write_split_ids(parts: dict[str, list[Record]], directory: Path) -> None:
    """Held-out ids (plain text) and training ids (gzip) so tests can check they are disjoint."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "area_heldout_ids.txt").write_text("\n".join(sorted(r.id for r in parts["test"])) + "\n")
    train_ids = sorted(r.id for r in parts["train"] + parts["dev"])
    with gzip.GzipFile(directory / "area_train_ids.txt.gz", "wb", mtime=0) as fh:
        fh.write(("\n".join(train_ids) + "\n").encode("utf-8"))


def default_model_path(without_marks: bool = False, short: bool = False) -> Path:
    name = {
        (False, False): MODEL_FILE,
        (True, False): PLAIN_MODEL_FILE,
        (False, True): SHORT_MODEL_FILE,
        (True, True): PLAIN_SHORT_MODEL_FILE,
    }[(without_marks, short)]
    return Path(str(resources.files("tinhhinh").joinpath(f"models/{name}")))


def metrics(y_true: Iterable[str], y_pred: Iterable[str], classes: list[str]) -> dict[str, Any]:
    yt = list(y_true)
    yp = list(y_pred)
    labels = list(classes)
    extra = sorted({*yt, *yp} - set(labels))
    labels += extra
    pos = {c: i for i, c in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for a, b in zip(yt, yp, strict=True):
        cm[pos[a], pos[b]] += 1
    per_class = {}
    f1s = []
    for c, i in pos.items():
        tp = cm[i, i]
        p = tp / cm[:, i].sum() if cm[:, i].sum() else 0.0
        r = tp / cm[i, :].sum() if cm[i, :].sum() else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class[c] = {
            "precision": float(p),
            "recall": float(r),
            "f1": float(f),
            "support": int(cm[i, :].sum()),
        }
        if cm[i, :].sum():
            f1s.append(f)
    n = len(yt)
    return {
        "n": n,
        "accuracy": float(np.trace(cm) / n) if n else 0.0,
        "macro_f1": float(np.mean(f1s)) if f1s else 0.0,
        "per_class": per_class,
        "labels": labels,
        "confusion": cm.tolist(),
    }


def evaluate(model: AreaModel, records: list[Record]) -> dict[str, Any]:
    t = time.perf_counter()
    pred = [model.predict(r.title, r.text) for r in records]
    elapsed = time.perf_counter() - t
    out = metrics([r.label for r in records], pred, model.classes)
    out["articles_per_second"] = round(len(records) / elapsed, 1) if elapsed else None
    return out


def eval_area(
    model: AreaModel | str | Path | None,
    jsonl_path: Path | str,
    ids: set[str] | None = None,
    without_marks: bool = False,
    short: bool = False,
    seen: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Metrics of ``model`` on a VNTC-format JSONL(.gz) file (VNTC labels mapped to area codes).

    ``ids`` restricts the evaluation to those record ids (e.g. the committed held-out ids).
    ``without_marks``: the records are read with their marks stripped, as typed without them, and the
    default model is the plain one (the one ``AreaStage`` uses for such text).
    ``short``: the records' ``short_readings`` are scored (three per record), and the default model is
    the short one (the one ``AreaStage`` uses for short text).
    Records without a VNTC or area label are left out (``read_vntc``) and counted in ``skipped``;
    ``seen`` (for messages) gets them as ``skipped`` [(file:line, label)], and ``labelled``, the
    number of labelled records before the ``ids`` filter, and ``example_id``, the first one's id.
    """
    if not isinstance(model, AreaModel):
        if model is None and (without_marks or short):
            model = default_model_path(without_marks, short)
        model = AreaModel.load(model)
    path = Path(jsonl_path)
    skipped: list[tuple[str, Any]] = []
    records = read_vntc(vntc_files(path) if path.is_dir() else [path], skipped)
    if seen is not None:
        seen.update(skipped=skipped, labelled=len(records), example_id=records[0].id if records else None)
    if ids is not None:
        records = [r for r in records if r.id in ids]
    if without_marks:
        records = [
            Record(r.id, r.label, strip_diacritics(r.title), strip_diacritics(r.text)) for r in records
        ]
    if short:
        records = short_readings(records)
    out = evaluate(model, records)
    out["model_version"] = model.version
    out["skipped"] = len(skipped)
    return out
