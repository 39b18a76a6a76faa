"""Story detection on VN-MDS mixtures, cross-validated over clusters. Prints Markdown tables.

Usage:
    .venv/bin/python bench/stories_eval.py [--folds 5] [--distractors 1000] [--ship]

Per fold: the model (logistic "same story" + join threshold) is trained on the other folds' VN-MDS
clusters plus VNTC *train* distractors; it is scored on a stream of ALL VN-MDS articles (the held-out
clusters, mixed with the same weeks' articles about other events) plus VNTC *test* distractors with times
spread over the same weeks, each its own story, fed in time order.

Columns:
- held F1: B-cubed averaged over the held-out clusters' articles only (whatever got glued onto them,
  distractor or other-event article, counts against precision);
- held+distr F1: averaged over held-out articles and distractors;
- all: B-cubed and pairwise over the whole stream.
``--ship`` then trains on all clusters and writes src/tinhhinh/models/stories_lr.json. ``--cross 2``: the
weights are one cross-fitted DAgger round (model ``lr-2x``, see docs/stories.md). ``--by-size``
(experimental, docs/stories.md): after the single join threshold, one threshold per size of the best
candidate story (1, 2, 3+ articles) from the grid 0.15-0.5 is tuned on the training stream too.
``--rel-gap ratio|log`` (experimental ``lr-4``, docs/stories.md): the span-relative gap is a feature too.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
from functools import partial

from tinhhinh.stories.evaluate import (
    cluster_folds,
    fit_model,
    fit_single_pass,
    load_mds,
    load_vntc,
    mean_sd,
    run,
    score,
    time_order,
)
from tinhhinh.stories.index import MODEL_PATH

SIZE_GRID = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)  # the nested rule's grid (bench/stories_nested.py)


def fmt(values: list[float]) -> str:
    m, sd = mean_sd(values)
    return f"{m:.3f} ± {sd:.3f}"


def grids(quick: bool) -> tuple[tuple[float, ...], tuple[float, ...]]:
    thresholds = (0.2, 0.25, 0.3, 0.35, 0.4) if quick else (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
    merges = (0.8,) if quick else (0.4, 0.6, 0.8, 0.95)
    return thresholds, merges


def one_fold(fold: tuple[int, set[str]], mds: list, args: argparse.Namespace) -> tuple[int, dict, list]:
    """Train on the other folds (never on ``test``), score the streams; rows of (table key, scores)."""
    k, test = fold
    thresholds, merges = grids(args.quick and not args.full_grid)
    train_docs = [d for d in mds if d.cluster not in test]
    train_stream = time_order(train_docs + load_vntc("train", args.distractors, seed=k))
    eval_distr = load_vntc("test", args.distractors, seed=100 + k)
    settings = {"same weeks + VNTC": time_order(mds + eval_distr)}
    if not args.quick:
        settings["held-out + VNTC only"] = time_order([d for d in mds if d.cluster in test] + eval_distr)
    models = {}
    if not args.quick:
        models["single-pass TF-IDF (tuned t)"] = fit_single_pass(train_stream)
    models["logistic (ours)"] = fit_model(
        train_stream,
        thresholds,
        merges,
        interactions=not args.no_interactions,
        cross=args.cross,
        size_grid=SIZE_GRID if args.by_size else None,
        rel_gap=args.rel_gap,
    )
    rows = []
    for setting, stream in settings.items():
        orders = {"time order": stream}
        if args.shuffled:
            shuffled = list(stream)
            random.Random(k).shuffle(shuffled)
            orders["shuffled"] = shuffled
        for order, docs in orders.items():
            for name, model in models.items():
                rows.append((f"{setting} | {order} | {name}", score(docs, run(docs, model), test)))
    return k, models["logistic (ours)"].spec, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--distractors", type=int, default=1000)
    ap.add_argument("--ship", action="store_true")
    ap.add_argument("--shuffled", action="store_true", help="also score a random (not time) order")
    ap.add_argument("--quick", action="store_true", help="main stream only, no baseline, smaller grids")
    ap.add_argument("--ship-only", action="store_true", help="skip cross-validation, only --ship")
    ap.add_argument("--full-grid", action="store_true", help="with --quick: still tune on the full grids")
    ap.add_argument("--jobs", type=int, default=1, help="folds run in this many processes")
    ap.add_argument("--no-interactions", action="store_true", help="the 10 base features only (lr-1 family)")
    ap.add_argument(
        "--cross", type=int, default=0, help="one cross-fitted DAgger round over this many parts (lr-2x: 2)"
    )
    ap.add_argument(
        "--by-size", action="store_true", help="also tune a join threshold per story size (1, 2, 3+)"
    )
    ap.add_argument("--rel-gap", choices=("log", "ratio"), help="lr-4: the span-relative gap as a feature")
    args = ap.parse_args()
    if args.ship and (args.by_size or args.rel_gap):
        ap.error("--by-size and --rel-gap are experiments: not for --ship (docs/stories.md)")

    mds = load_mds()
    folds = cluster_folds(mds, args.folds)
    results: dict[str, dict[str, list[float]]] = {}
    t0 = time.time()
    thresholds, merges = grids(args.quick and not args.full_grid)
    todo = [] if args.ship_only else list(enumerate(folds))
    work = partial(one_fold, mds=mds, args=args)
    if args.jobs > 1 and len(todo) > 1:
        with mp.get_context("fork").Pool(args.jobs) as pool:
            done = pool.map(work, todo, chunksize=1)
    else:
        done = [work(t) for t in todo]
    for k, spec, rows in done:
        print(f"fold {k}: {spec} ({time.time() - t0:.0f}s)", file=sys.stderr)
        for key, s in rows:
            row = results.setdefault(key, {})
            for name, v in s.items():
                row.setdefault(name, []).append(v)

    n_clusters = len({d.cluster for d in mds})
    print(
        f"\nVN-MDS: {len(mds)} articles, {n_clusters} clusters, {args.folds} folds over clusters; "
        f"{args.distractors} VNTC distractors per fold. Mean ± sd over folds.\n"
    )
    print(
        "| stream | order | method | held F1 | held P | held R | held+distr F1 | all B³ F1 | all pairwise F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for key, row in results.items():
        setting, order, name = key.split(" | ")
        print(
            f"| {setting} | {order} | {name} | {fmt(row['held_f1'])} | {fmt(row['held_p'])} | "
            f"{fmt(row['held_r'])} | {fmt(row['heldmix_f1'])} | {fmt(row['b3_f1'])} | {fmt(row['pw_f1'])} |"
        )

    if args.ship:
        stream = time_order(mds + load_vntc("train", args.distractors, seed=999))
        model = fit_model(
            stream,
            thresholds,
            merges,
            interactions=not args.no_interactions,
            cross=args.cross,
        )
        spec = dict(model.spec)
        spec["version"] = "lr-1" if args.no_interactions else ("lr-2x" if args.cross else "lr-2")
        spec["trained_on"] = f"VN-MDS {n_clusters} clusters + {args.distractors} VNTC train distractors"
        MODEL_PATH.write_text(json.dumps(spec, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {MODEL_PATH}: {spec}", file=sys.stderr)


if __name__ == "__main__":
    main()
