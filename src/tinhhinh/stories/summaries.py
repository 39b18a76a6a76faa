"""Short extractive summary of a story: at most 3 sentences taken from its items.

Method: sentences of all items are scored by TF-IDF cosine to the story centroid (what the reports
share) plus a lead bonus (news puts the point first), then picked greedily with MMR so a second sentence
does not repeat the first. The chosen sentences are given in story order (item time, then position).

ROUGE-1/2/L on syllables (folded, punctuation dropped) is implemented here too, for the benchmark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tinhhinh.item import Item
from tinhhinh.nlp.normalize import fold, tokens
from tinhhinh.stories.features import Idf, cosine, ngrams, weigh
from tinhhinh.stories.index import to_epoch

# A sentence ends at . ! ? … (maybe closing quotes) followed by space, or at a line break; a piece that
# starts in lower case continues the previous sentence ("TP. hcm", "ông A. nói").
_SPLIT = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n+")
MIN_SYLLABLES = 8
MAX_SYLLABLES = 80


@dataclass
class Sentence:
    text: str
    doc: int
    pos: int
    vec: dict[str, float]


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SPLIT.split(text or ""):
        piece = piece.strip()
        if not piece:
            continue
        first = next((ch for ch in piece if ch.isalnum()), "")
        if out and first.islower() and not out[-1].endswith("\n"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def summarize(
    items: Sequence[Item],
    max_sentences: int = 3,
    lead_weight: float = 0.3,
    first_item_weight: float = 0.0,
    redundancy: float = 0.7,
    idf: Idf | None = None,
) -> list[str]:
    """Up to ``max_sentences`` sentences summarising the items of one story."""
    idf = idf or Idf.shipped()
    order = sorted(range(len(items)), key=lambda i: (to_epoch(items[i].published_at) or float("inf"), i))
    pool: list[Sentence] = []
    centroid: Counter[str] = Counter()
    for rank_, i in enumerate(order):
        for pos, sent in enumerate(sentences(items[i].text)):
            toks = tokens(fold(sent))
            if not (MIN_SYLLABLES <= len(toks) <= MAX_SYLLABLES):
                continue
            vec = weigh(ngrams(toks), idf)
            pool.append(Sentence(sent, rank_, pos, vec))
            for t, w in vec.items():
                centroid[t] += w
    if not pool:
        return [it.title for it in items[:1] if it.title]
    # headlines are the writers' own summaries: they pull the centroid towards the point of the story
    for it in items:
        for t, w in weigh(ngrams(tokens(fold(it.title))), idf).items():
            centroid[t] += 2 * w
    cent = dict(centroid)
    norm = sum(v * v for v in cent.values()) ** 0.5 or 1.0
    relevance = [
        cosine(s.vec, cent) / norm + lead_weight / (1 + s.pos) + first_item_weight / (1 + s.doc) for s in pool
    ]
    chosen: list[int] = []
    while len(chosen) < max_sentences:
        best, best_score = None, float("-inf")
        for k, s in enumerate(pool):
            if k in chosen:
                continue
            overlap = max((cosine(s.vec, pool[c].vec) for c in chosen), default=0.0)
            if overlap > redundancy:
                continue
            score = relevance[k] - 0.5 * overlap
            if score > best_score:
                best, best_score = k, score
        if best is None:
            break
        chosen.append(best)
    chosen.sort(key=lambda k: (pool[k].doc, pool[k].pos))
    return [pool[k].text for k in chosen]


def lead(items: Sequence[Item], n: int = 3) -> list[str]:
    """Baseline: the first ``n`` sentences of the earliest item."""
    if not items:
        return []
    first = min(range(len(items)), key=lambda i: (to_epoch(items[i].published_at) or float("inf"), i))
    return sentences(items[first].text)[:n]


# ---- ROUGE on syllables ---------------------------------------------------------------------------


def _syll(text: str) -> list[str]:
    return tokens(fold(text))


def _prf(overlap: float, n_pred: int, n_ref: int) -> dict[str, float]:
    p = overlap / n_pred if n_pred else 0.0
    r = overlap / n_ref if n_ref else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def rouge_n(pred: str, ref: str, n: int) -> dict[str, float]:
    a, b = _syll(pred), _syll(ref)
    ca = Counter(tuple(a[i : i + n]) for i in range(len(a) - n + 1))
    cb = Counter(tuple(b[i : i + n]) for i in range(len(b) - n + 1))
    return _prf(sum((ca & cb).values()), sum(ca.values()), sum(cb.values()))


def rouge_l(pred: str, ref: str) -> dict[str, float]:
    a, b = _syll(pred), _syll(ref)
    if not a or not b:
        return _prf(0, len(a), len(b))
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            cur[j] = prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1])
        prev = cur
    return _prf(prev[-1], len(a), len(b))


def rouge(pred: str, refs: Sequence[str]) -> dict[str, float]:
    """ROUGE-1/2/L recall and F1, averaged over the references."""
    out: dict[str, float] = {}
    for name, fn in (
        ("1", lambda p, r: rouge_n(p, r, 1)),
        ("2", lambda p, r: rouge_n(p, r, 2)),
        ("L", rouge_l),
    ):
        scores = [fn(pred, r) for r in refs]
        out[f"R{name}_r"] = sum(s["r"] for s in scores) / len(scores)
        out[f"R{name}_f"] = sum(s["f"] for s in scores) / len(scores)
    return out
