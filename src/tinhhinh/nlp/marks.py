"""Marks put back on text typed without them, so that such a post meets the marked news of its story
and the marked original it copies.

Story views and copy signatures compare folded, marked syllables: a post typed without marks ("mua lu
gay ngap o mien trung") shares almost no term with the articles about the same flood.
``restore_marks`` reads each word as the most frequent marked term that VNTC spells that way (the
document frequencies of the stories' IDF table, which ships anyway): through a bigram with a neighbour when
the table has one (the neighbour tells "ban hanh" from "ban hang"), else the word alone. Capitals are
kept, so names still read as names; words the table does not know stay as typed. Only texts that
``typed_without_marks`` picks are read this way: marked text is never touched.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from tinhhinh.nlp.normalize import ascii_fold

_WORD = re.compile(r"\w+")
# VNTC's folded words and bigrams with their document frequencies: the table the stories' IDF reads too
DF_PATH = Path(__file__).resolve().parent.parent / "models" / "stories_idf.tsv.gz"


@lru_cache(maxsize=2)
def document_frequencies(path: Path = DF_PATH) -> tuple[dict[str, int], int]:
    """(term → document frequency, number of documents) of a ``#docs``-headed TSV(.gz) table, read once
    per process; ({}, 1) when the file is missing. Callers read, never change, the dict."""
    if not path.exists():
        return {}, 1
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        # one split over the whole table, then C-level zip/map: ~4x faster than a loop over lines
        cells = fh.read().replace("\n", "\t").split("\t")
    if cells and cells[-1] == "":
        cells.pop()
    return dict(zip(cells[0::2], map(int, cells[1::2]), strict=True)), int(header[1])


def spelt_without_marks(entries: Iterable[tuple[str, tuple[str, int]]]) -> dict[str, tuple[str, int]]:
    """(word, (form, df)) pairs keyed by the word's mark-less spelling, keeping the most frequent form
    of each spelling (the first seen on a tie): "da nang" → ("Đà Nẵng", df)."""
    out: dict[str, tuple[str, int]] = {}
    for word, (form, df) in entries:
        key = ascii_fold(word)
        best = out.get(key)
        if best is None or df > best[1]:
            out[key] = (form, df)
    return out


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    """Mark-less spelling → (the most frequent marked word, its df), for words and for bigrams."""
    df = document_frequencies()[0]
    words = spelt_without_marks((t, (t, d)) for t, d in df.items() if " " not in t)
    bigrams = spelt_without_marks((t, (t, d)) for t, d in df.items() if " " in t)
    return words, bigrams


def _cased(form: str, typed: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return form.upper()
    if typed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def restore_marks(text: str) -> str:
    """``text`` with each word it knows written with its most frequent marks ("Mua lu o mien Trung" →
    "Mưa lũ ở miền Trung"); everything between the words as typed."""
    if not text:
        return text
    words, bigrams = _forms()
    spans = [m.span() for m in _WORD.finditer(text)]
    typed = [text[a:b] for a, b in spans]
    keys = [ascii_fold(w.lower()) for w in typed]
    chosen: list[tuple[str, int] | None] = [None] * len(spans)
    for i in range(len(spans) - 1):
        if not text[spans[i][1] : spans[i + 1][0]].isspace():
            continue  # a bigram never spans punctuation
        hit = bigrams.get(f"{keys[i]} {keys[i + 1]}")
        if hit is None:
            continue
        left, _, right = hit[0].partition(" ")
        for j, form in ((i, left), (i + 1, right)):
            held = chosen[j]
            if held is None or hit[1] > held[1]:  # the more frequent of a word's two bigrams
                chosen[j] = (form, hit[1])
    out: list[str] = []
    last = 0
    for i, (a, b) in enumerate(spans):
        held = chosen[i] or words.get(keys[i])
        if held is None:
            continue
        form = _cased(held[0], typed[i])
        if form != typed[i]:
            out += (text[last:a], form)
            last = b
    out.append(text[last:])
    return "".join(out)
