"""Story summaries on VN-MDS: ROUGE-1/2/L on syllables against the two human references per cluster.

Usage:
  .venv/bin/python bench/summaries.py [--max-sentences 3]      # lead-3 / centroid (before) / lead-aware (now)
  .venv/bin/python bench/summaries.py --cv 5 [--seed 20261127] # choose the lead-aware weights on 4 folds,
                                                                # score the 5th; mean ± sd over the folds

Each cluster's articles (sapo + body, real timestamps) are summarised; scores are averaged over the two
references, then over clusters. ROUGE here is our own implementation on folded syllables (no stemming, no
stopword removal), so numbers are comparable within this table, not with published ROUGE-1.5.5 runs.

The CV grid is the union of the three grids searched when the default was chosen (docs/stories.md §4); the
objective on the training folds is mean ROUGE-2 F + ROUGE-L F. ~2,000 weightings: ~7 CPU minutes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
from collections import defaultdict

from tinhhinh import config
from tinhhinh.nlp.normalize import tokens
from tinhhinh.stories.evaluate import load_mds
from tinhhinh.stories.features import Idf
from tinhhinh.stories.summaries import (
    DEFAULT_METHOD,
    DEFAULT_WEIGHTS,
    Weights,
    centroid_summary,
    display,
    lead,
    pick,
    pool,
    rouge,
    summarize,
)

GRIDS = [
    dict(
        lead=[0, 0.15, 0.3, 0.5],
        central=[0, 0.15, 0.3, 0.6],
        first_item=[0, 0.1, 0.2],
        quote=[0.1, 0.3],
        dangling=[0.1, 0.3],
        caption=[0.1, 0.3],
        redundancy=[0.5, 0.7],
        overlap=[0.25, 0.5],
        central_first=[False],
    ),
    # the first grid's best weights sat at its edge (central 0.6, redundancy 0.5): extended there
    dict(
        lead=[0, 0.15, 0.3],
        central=[0.6, 1.0, 2.0],
        first_item=[0, 0.1],
        quote=[0.1, 0.3],
        dangling=[0.3],
        caption=[0.1],
        redundancy=[0.3, 0.4, 0.5],
        overlap=[0.25, 0.5],
        central_first=[False, True],
    ),
    # readers: quotes, dangling openers and captions still opened some summaries with penalties ≤ 0.3
    dict(
        lead=[0.15],
        central=[0.6, 1.0],
        first_item=[0, 0.1],
        quote=[0.1, 0.5, 1.0],
        dangling=[0.3, 0.5, 1.0],
        caption=[0.1, 0.5, 1.0],
        redundancy=[0.5],
        overlap=[0.25, 0.5],
        central_first=[True],
    ),
]


def _load() -> tuple[list[list], list[list[str]]]:
    by_cluster = defaultdict(list)
    for d in load_mds():
        by_cluster[d.cluster].append(d.item)
    clusters = [json.loads(line) for line in (config.data_dir() / "vn-mds-200" / "clusters.jsonl").open()]
    items, refs = [], []
    for c in clusters:
        its = by_cluster.get(f"mds-{c['cluster_id']}")
        if its:
            items.append(its)
            refs.append([c["ref_summary_1"], c["ref_summary_2"]])
    return items, refs


def _fmt(rows: list[list[float]], j: int) -> str:
    vals = [r[j] for r in rows]
    return f"{statistics.mean(vals):.3f} ± {statistics.stdev(vals):.3f}"


def cross_validate(k: int, seed: int) -> None:
    items, refs = _load()
    n = len(items)
    idf = Idf.shipped()
    pools = [pool(its, idf) for its in items]
    scores: dict[tuple[int, tuple[int, ...]], tuple[float, float, float]] = {}

    def score(ci: int, text: str, key: tuple[int, ...] | None = None) -> tuple[float, float, float]:
        if key is not None and (ci, key) in scores:
            return scores[(ci, key)]
        r = rouge(text, refs[ci])
        out = (r["R1_f"], r["R2_f"], r["RL_f"])
        if key is not None:
            scores[(ci, key)] = out
        return out

    per_cluster: dict[object, list[tuple[float, float, float]]] = {
        "lead-3": [score(i, " ".join(lead(its, 3))) for i, its in enumerate(items)],
        "centroid": [score(i, " ".join(centroid_summary(its, 3, idf=idf))) for i, its in enumerate(items)],
    }
    weights = {
        Weights(**dict(zip(g, vals, strict=True))) for g in GRIDS for vals in itertools.product(*g.values())
    }
    for w in sorted(weights, key=repr):
        rows = []
        for ci, p in enumerate(pools):
            chosen = tuple(pick(p, w))
            rows.append(score(ci, " ".join(display(p.sentences[c]) for c in chosen), chosen))
        per_cluster[w] = rows
    print(f"{len(weights)} weightings scored", file=sys.stderr)
    # fixed seed: clusters in id order, shuffled, dealt into k folds
    order = list(range(n))
    random.Random(seed).shuffle(order)
    folds = [sorted(order[f::k]) for f in range(k)]

    def mean(rows: list[tuple[float, float, float]], idx: list[int], j: int) -> float:
        return statistics.mean(rows[i][j] for i in idx)

    table: dict[str, list[list[float]]] = {
        "lead-3": [],
        "centroid": [],
        "lead-aware (chosen on 4 folds)": [],
    }
    chosen_w = []
    for f in range(k):
        test = folds[f]
        train = [i for g in range(k) if g != f for i in folds[g]]
        best = max(
            sorted(weights, key=repr),
            key=lambda w: mean(per_cluster[w], train, 1) + mean(per_cluster[w], train, 2),
        )
        chosen_w.append(best)
        table["lead-aware (chosen on 4 folds)"].append([mean(per_cluster[best], test, j) for j in range(3)])
        table["lead-3"].append([mean(per_cluster["lead-3"], test, j) for j in range(3)])
        table["centroid"].append([mean(per_cluster["centroid"], test, j) for j in range(3)])
    print(f"VN-MDS (shared part): {n} clusters, {k} folds (seed {seed}); mean ± sd over the folds.\n")
    print("| system | R-1 F | R-2 F | R-L F |")
    print("|---|---|---|---|")
    for name, rows in table.items():
        print(f"| {name} | {_fmt(rows, 0)} | {_fmt(rows, 1)} | {_fmt(rows, 2)} |")
    print()
    ours, base = table["lead-aware (chosen on 4 folds)"], table["lead-3"]
    for j, name in enumerate(("R-1", "R-2", "R-L")):
        diffs = [o[j] - b[j] for o, b in zip(ours, base, strict=True)]
        print(
            f"- {name} F, lead-aware minus lead-3: mean {statistics.mean(diffs):+.4f} "
            f"(folds: {', '.join(f'{d:+.4f}' for d in diffs)})"
        )
    for f, w in enumerate(chosen_w):
        print(f"- fold {f}: {w}")
    all_best = max(
        sorted(weights, key=repr),
        key=lambda w: mean(per_cluster[w], list(range(n)), 1) + mean(per_cluster[w], list(range(n)), 2),
    )
    print(f"- all {n} clusters: {all_best} (shipped default: {all_best == DEFAULT_WEIGHTS})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-sentences", type=int, default=3)
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation of the lead-aware weights")
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()
    if args.cv:
        cross_validate(args.cv, args.seed)
        return
    items, refs = _load()
    m = args.max_sentences
    systems = {
        f"lead-{m} (earliest article)": lambda its: lead(its, m),
        f"centroid + lead bias + MMR (≤ {m} sentences)": lambda its: centroid_summary(its, m),
        f"lead-aware: central article's lead + MMR (≤ {m} sentences)": lambda its: summarize(
            its, m, method="lead-aware"
        ),
    }
    results = {name: defaultdict(list) for name in systems}
    lengths = {name: [] for name in systems}
    for its, rs in zip(items, refs, strict=True):
        for name, fn in systems.items():
            summary = " ".join(fn(its))
            lengths[name].append(len(tokens(summary)))
            for key, v in rouge(summary, rs).items():
                results[name][key].append(v)
    ref_len = statistics.mean(len(tokens(r[0] + " " + r[1])) / 2 for r in refs)
    print(
        f"VN-MDS (shared part): {len(items)} clusters, 2 references each (mean {ref_len:.0f} syllables); "
        f"`summarize` default: {DEFAULT_METHOD}.\n"
    )
    print("| system | syllables | R-1 F | R-2 F | R-L F | R-1 recall | R-2 recall |")
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        mm = {key: statistics.mean(v) for key, v in r.items()}
        print(
            f"| {name} | {statistics.mean(lengths[name]):.0f} | {mm['R1_f']:.3f} | {mm['R2_f']:.3f} | "
            f"{mm['RL_f']:.3f} | {mm['R1_r']:.3f} | {mm['R2_r']:.3f} |"
        )


if __name__ == "__main__":
    main()
