"""Story detection under nested cross-validation: every choice made on training clusters only.

Usage:
    nice .venv/bin/python bench/stories_nested.py [--folds 5] [--inner 4] [--jobs 2] [--cache FILE]

Outer loop: the same 5 folds of VN-MDS clusters, training streams and evaluation streams as
``bench/stories_eval.py`` (eval = ALL VN-MDS articles + 1,000 VNTC *test* distractors, time order; the
score is B-cubed over the held-out clusters' articles). An outer fold is used only to score.

Inner loop, inside each outer fold's training clusters only: ``--inner`` folds of those clusters. For
each inner fold, the model is fitted on the other inner folds (+ VNTC *train* distractors) and run on a
stream of all the outer-training clusters' articles + other VNTC *train* distractors, once per
(feature set, regularisation C, join threshold); the inner score is held F1 on the inner fold's
clusters. The configuration and join threshold with the best mean inner held F1 are chosen; then the merge
threshold the same way (a merge must gain > 0.002). The model is refitted with those choices on the whole
outer-training stream and scored once on the outer fold.

Selection rules (each a row of the table):
- ``lr-1/lr-2, C=1``: today's method with its choices made cleanly (feature set: 10 base features or
  + their 45 products; C fixed at 1);
- ``lr-1/lr-2, C by inner CV``: for lr-2, C ∈ {0.1, 1, 10} chosen by the inner folds as well;
- ``lr-1/lr-2/lr-3 (tau by inner CV), C=1`` (experimental, 2026-11-27): also ``lr-3`` = lr-2 + three
  time-decay features (``evaluate.EXTRA_FEATURES``: body and best-member body cosine × exp(−gap/tau),
  log story span) and their products, tau ∈ {24, 96} hours chosen by the inner folds too.
- ``lr-1/lr-2/lr-2 DAgger (rounds 1-2 by inner CV), C=1`` (2026-11-27): also lr-2 trained on the union of
  its teacher-forced pairs and the pairs of replays of the training stream by its own previous round
  (``evaluate.fit_dagger``), 1 or 2 rounds; each join threshold replays with its own weights;
- ``lr-1/lr-2/lr-2 DAgger cross-fitted (1 round), C=1`` (2026-11-27, candidate ``lr-2x``, not shipped): the replay of each
  half of the training clusters is done by the teacher-forced model of the other half
  (``evaluate.crossfit_pairs``).
- ``lr-1/lr-2, C=1, + lr-2 join threshold per story size (1 / 2 / 3+)`` (2026-11-27): also lr-2 C=1 with
  one join threshold per size of the best candidate story (``evaluate.SIZE_BINS``; ``with_threshold``,
  ``SizedModel``), every combination of three values of the threshold grid (the full grid: each is a
  run of the inner stream, the join decisions change the stream). The model is the same as lr-2's.
- ``lr-1/lr-2/lr-4 (span-relative gap, form by inner CV), C=1`` (2026-11-27): also ``lr-4`` = lr-2 + one
  base feature, the gap relative to the story's span (``evaluate.SPAN_FEATURES``: log(1+gap)/log(2+span)
  or gap/(span+24 h), the form chosen by the inner folds), and its products.
``--rules`` restricts the outer scoring to the rules whose name contains one of the given strings (the
inner grid is computed for every configuration a cached task lacks).
Prints Markdown tables; ``--cache`` keeps the inner results (JSON) so the selection can be re-run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import random
import sys
import time
from pathlib import Path

from tinhhinh.stories.evaluate import (
    Doc,
    cluster_folds,
    crossfit_models,
    fit_dagger,
    fit_weights,
    load_mds,
    load_vntc,
    make_model,
    mean_sd,
    run,
    score,
    time_order,
    training_pairs,
    vntc_pool,
    with_threshold,
)

THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
MERGES = (0.6, 0.8)
# (interactions, C, tau_h of the time-decay features (lr-3) or the form of the span-relative gap (lr-4) or
#  None, DAgger rounds: 0 = teacher-forced only,
#  cross-fitted parts of the first round's rollouts: 0 = the whole stream replayed by round 0's model)
Config = tuple[bool, float, float | str | None, int, int]
BASE_CONFIGS: list[Config] = [(False, 1.0, None, 0, 0), *((True, c, None, 0, 0) for c in (0.1, 1.0, 10.0))]
LR3_CONFIGS: list[Config] = [(True, 1.0, tau, 0, 0) for tau in (24.0, 96.0)]
DAGGER_CONFIGS: list[Config] = [(True, 1.0, None, r, 0) for r in (1, 2)]
CROSS_CONFIGS: list[Config] = [(True, 1.0, None, 1, 2)]
LR4_CONFIGS: list[Config] = [(True, 1.0, form, 0, 0) for form in ("log", "ratio")]
CONFIGS = BASE_CONFIGS + LR3_CONFIGS + DAGGER_CONFIGS + CROSS_CONFIGS + LR4_CONFIGS
C1 = [cfg for cfg in BASE_CONFIGS if cfg[1] == 1.0]
LR2 = (True, 1.0, None, 0, 0)
# join thresholds per size bin (1, 2, 3+ articles): all combinations but the diagonal (= one threshold)
SIZED = [t for t in itertools.product(THRESHOLDS, repeat=3) if len(set(t)) > 1]
SIZED_RULE = "lr-1/lr-2, C=1, + lr-2 join threshold per story size (1 / 2 / 3+)"
Thr = float | tuple[float, ...]
RULES = {
    "lr-1/lr-2, C=1": C1,
    "lr-1/lr-2, C by inner CV (lr-2: 0.1, 1, 10)": BASE_CONFIGS,
    "lr-1/lr-2/lr-3 (tau by inner CV), C=1": C1 + LR3_CONFIGS,
    "lr-1/lr-2/lr-2 DAgger (rounds 1-2 by inner CV), C=1": C1 + DAGGER_CONFIGS,
    "lr-1/lr-2/lr-2 DAgger cross-fitted (1 round), C=1": C1 + CROSS_CONFIGS,
    SIZED_RULE: C1,
    "lr-1/lr-2/lr-4 (span-relative gap, form by inner CV), C=1": C1 + LR4_CONFIGS,
}

MDS: list[Doc] = []
OUTER: list[set[str]] = []
ARGS: argparse.Namespace | None = None


def cfg_key(cfg: Config) -> str:
    if isinstance(cfg[2], str):
        return f"lr-4 rel={cfg[2]} C={cfg[1]:g}"
    if cfg[2] is not None:
        return f"lr-3 tau={cfg[2]:g} C={cfg[1]:g}"
    key = f"{'lr-2' if cfg[0] else 'lr-1'} C={cfg[1]:g}"
    if cfg[3]:
        key += f" dagger={cfg[3]}"
    return key + f" cross={cfg[4]}" if cfg[4] else key


def thr_key(thr: Thr) -> str:
    return str(thr) if isinstance(thr, float) else "size:" + ",".join(f"{t:g}" for t in thr)


def thr_max(thr: Thr) -> float:
    return thr if isinstance(thr, float) else max(thr)


def rule_thresholds(rule: str, cfg: Config) -> list[Thr]:
    return [*THRESHOLDS, *(SIZED if rule == SIZED_RULE and cfg == LR2 else [])]


def fit(train: list[Doc], X: list, y: list, aux: list, cfg: Config, thr: Thr) -> dict:
    """The spec of ``cfg`` with join threshold(s) ``thr`` (DAgger rounds replay ``train`` at ``thr``)."""
    tau, rel = (None, cfg[2]) if isinstance(cfg[2], str) else (cfg[2], None)
    spec = fit_weights(X, y, interactions=cfg[0], C=cfg[1], aux=aux, tau_h=tau, rel_gap=rel)
    if cfg[3]:
        assert isinstance(thr, float), "DAgger replays at one threshold"
        spec = fit_dagger(
            train, X, y, threshold=thr, rounds=cfg[3], interactions=cfg[0], C=cfg[1], base=spec, cross=cfg[4]
        )[-1]
    return with_threshold(spec, thr)


def distractors(n_train: int, n_eval: int, seed: int) -> tuple[list[Doc], list[Doc]]:
    """Two disjoint sets of VNTC *train* articles with times over the VN-MDS weeks."""
    docs = load_vntc("train", n_train + n_eval, seed)  # one draw, split: the two sets never overlap
    return docs[:n_train], docs[n_train:]


def inner_folds(k: int, n: int) -> list[set[str]]:
    train = sorted({d.cluster for d in MDS if d.cluster not in OUTER[k]})
    random.Random(1000 + k).shuffle(train)
    return [set(train[i::n]) for i in range(n)]


def inner_streams(k: int, j: int) -> tuple[list[Doc], list[Doc], set[str]]:
    assert ARGS is not None
    folds = inner_folds(k, ARGS.inner)
    held = folds[j]
    outer_train = [d for d in MDS if d.cluster not in OUTER[k]]
    # same mix ratio as the outer stream
    n_eval = round(ARGS.inner_distractors * len(outer_train) / len(MDS))
    d_train, d_eval = distractors(ARGS.inner_distractors, n_eval, seed=10_000 + 10 * k + j)
    train = time_order([d for d in outer_train if d.cluster not in held] + d_train)
    evaluate = time_order(outer_train + d_eval)
    return train, evaluate, held


def inner_task(args: tuple[int, int, list[Config]]) -> tuple[int, int, dict[str, float]]:
    """Held F1 on inner fold j of outer fold k for the given configurations and every join threshold."""
    k, j, cfgs = args
    train, evaluate, held = inner_streams(k, j)
    aux: list = []
    X, y, _ = training_pairs(train, aux=aux)
    out: dict[str, float] = {}
    for cfg in [c for c in cfgs if not c[3]]:
        spec = fit(train, X, y, aux, cfg, THRESHOLDS[0])
        for thr in THRESHOLDS:
            spec["threshold"] = thr
            out[f"{cfg_key(cfg)}|{thr}"] = score(evaluate, run(evaluate, make_model(dict(spec))), held)[
                "held_f1"
            ]
    # DAgger: one chain of rounds per (features, C, cross) and threshold; every requested round is scored
    chains: dict[tuple[bool, float, int], int] = {}
    for c in cfgs:
        if c[3]:
            chains[(c[0], c[1], c[4])] = max(chains.get((c[0], c[1], c[4]), 0), c[3])
    for (inter, C, cross), rounds in chains.items():
        base = fit(train, X, y, aux, (inter, C, None, 0, 0), THRESHOLDS[0])
        models = crossfit_models(train, folds=cross, interactions=inter, C=C) if cross else None
        for thr in THRESHOLDS:
            specs = fit_dagger(
                train,
                X,
                y,
                threshold=thr,
                rounds=rounds,
                interactions=inter,
                C=C,
                base=base,
                cross=cross,
                models=models,
            )
            for r in range(1, rounds + 1):
                cfg = (inter, C, None, r, cross)
                if cfg in cfgs:
                    pred = run(evaluate, make_model(dict(specs[r])))
                    out[f"{cfg_key(cfg)}|{thr}"] = score(evaluate, pred, held)["held_f1"]
    return k, j, out


def sized_task(args: tuple[int, int]) -> tuple[int, int, dict[str, float]]:
    """Held F1 on inner fold j of outer fold k for lr-2 C=1 and every per-size threshold combination."""
    k, j = args
    train, evaluate, held = inner_streams(k, j)
    aux: list = []
    X, y, _ = training_pairs(train, aux=aux)
    spec = fit(train, X, y, aux, LR2, THRESHOLDS[0])
    out = {}
    for thr in SIZED:
        out[f"{cfg_key(LR2)}|{thr_key(thr)}"] = score(
            evaluate, run(evaluate, make_model(with_threshold(spec, thr))), held
        )["held_f1"]
    return k, j, out


def merge_task(args: tuple[int, int, Config, Thr]) -> tuple[int, int, str, dict[float, float]]:
    k, j, cfg, thr = args
    train, evaluate, held = inner_streams(k, j)
    aux: list = []
    X, y, _ = training_pairs(train, aux=aux)
    spec = fit(train, X, y, aux, cfg, thr)
    out = {}
    for m in MERGES:
        if m <= thr_max(thr):
            continue
        spec["merge_threshold"] = m
        out[m] = score(evaluate, run(evaluate, make_model(dict(spec))), held)["held_f1"]
    return k, j, f"{cfg_key(cfg)}|{thr_key(thr)}", out


def outer_task(args: tuple[int, list[tuple[str, Config, float, float]]]) -> tuple[int, list]:
    """Refit each chosen configuration on the whole outer-training stream; score the outer fold once."""
    k, choices = args
    assert ARGS is not None
    test = OUTER[k]
    train = time_order(
        [d for d in MDS if d.cluster not in test] + load_vntc("train", ARGS.distractors, seed=k)
    )
    evaluate = time_order(MDS + load_vntc("test", ARGS.distractors, seed=100 + k))
    aux: list = []
    X, y, _ = training_pairs(train, aux=aux)
    rows = []
    for rule, cfg, thr, merge in choices:
        spec = fit(train, X, y, aux, cfg, thr)  # per-size thresholds when the rule chose them
        spec["merge_threshold"] = merge
        rows.append((rule, score(evaluate, run(evaluate, make_model(dict(spec))), test)))
    return k, rows


def pool_map(fn, tasks: list, jobs: int) -> list:
    if jobs > 1 and len(tasks) > 1:
        with mp.get_context("fork").Pool(jobs) as pool:
            return pool.map(fn, tasks, chunksize=1)
    return [fn(t) for t in tasks]


def main() -> None:
    global ARGS, MDS, OUTER
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--inner", type=int, default=4)
    ap.add_argument("--distractors", type=int, default=1000)
    ap.add_argument(
        "--inner-distractors", type=int, default=500, help="VNTC distractors in the inner streams (cost)"
    )
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--cache", type=Path, help="JSON file for the inner results (read if present)")
    ap.add_argument("--only", help="comma-separated outer folds to run (default: all)")
    ap.add_argument("--dump", type=Path, help="write the outer scores and choices as JSON")
    ap.add_argument("--rules", help="comma-separated substrings: score only the matching rules (default all)")
    ARGS = args = ap.parse_args()
    MDS = load_mds()
    OUTER = cluster_folds(MDS, args.folds)
    vntc_pool("train"), vntc_pool("test")  # read once before forking
    t0 = time.time()

    cache = json.loads(args.cache.read_text()) if args.cache and args.cache.exists() else {}
    inner = cache.get("inner", {})
    only = [int(x) for x in args.only.split(",")] if args.only else list(range(args.folds))
    rules = {
        name: cfgs
        for name, cfgs in RULES.items()
        if not args.rules or any(r in name for r in args.rules.split(","))
    }
    needed = {cfg for cfgs in rules.values() for cfg in cfgs}
    todo = []
    for k in only:
        for j in range(args.inner):
            have = inner.get(f"{k},{j}", {})
            missing = [c for c in CONFIGS if c in needed and f"{cfg_key(c)}|{THRESHOLDS[0]}" not in have]
            if missing:
                todo.append((k, j, missing))
    sized_todo = [
        (k, j)
        for k in only
        for j in range(args.inner)
        if SIZED_RULE in rules and f"{cfg_key(LR2)}|{thr_key(SIZED[0])}" not in inner.get(f"{k},{j}", {})
    ]
    with mp.get_context("fork").Pool(max(1, args.jobs)) as pool:
        # saved as each task ends: a long run that is stopped keeps what it computed
        for k, j, out in itertools.chain(
            pool.imap_unordered(inner_task, todo, chunksize=1),
            pool.imap_unordered(sized_task, sized_todo, chunksize=1),
        ):
            inner.setdefault(f"{k},{j}", {}).update(out)
            if args.cache:
                args.cache.write_text(
                    json.dumps({"inner": inner, "merges": cache.get("merges", {})}, indent=0)
                )
            print(f"inner {k},{j} done ({time.time() - t0:.0f}s)", file=sys.stderr)
    print(f"inner grid done ({time.time() - t0:.0f}s)", file=sys.stderr)

    # per outer fold and rule: configuration and join threshold with the best mean inner held F1
    chosen: dict[tuple[int, str], tuple[Config, Thr, float]] = {}
    for k in only:
        for rule, cfgs in rules.items():
            best = None
            for cfg in cfgs:
                for thr in rule_thresholds(rule, cfg):
                    vals = [inner[f"{k},{j}"][f"{cfg_key(cfg)}|{thr_key(thr)}"] for j in range(args.inner)]
                    m = sum(vals) / len(vals)
                    if best is None or m > best[0]:
                        best = (m, cfg, thr)
            assert best is not None
            chosen[(k, rule)] = (best[1], best[2], best[0])

    merges = cache.get("merges", {})
    wanted = {(k, cfg, thr) for (k, _), (cfg, thr, _) in chosen.items()}
    mtodo = [
        (k, j, cfg, thr)
        for k, cfg, thr in sorted(wanted, key=lambda t: (t[0], cfg_key(t[1]), thr_key(t[2])))
        for j in range(args.inner)
        if f"{k},{j},{cfg_key(cfg)}|{thr_key(thr)}" not in merges
    ]
    for k, j, key, out in pool_map(merge_task, mtodo, args.jobs):
        merges[f"{k},{j},{key}"] = {str(m): v for m, v in out.items()}
    if args.cache:
        args.cache.write_text(json.dumps({"inner": inner, "merges": merges}, indent=0))
    print(f"merge grid done ({time.time() - t0:.0f}s)", file=sys.stderr)

    choices: dict[int, list] = {k: [] for k in only}
    lines = []
    for (k, rule), (cfg, thr, base) in sorted(chosen.items()):
        best_m, best_f = 2.0, base
        for m in MERGES:
            if m <= thr_max(thr):
                continue
            vals = [merges[f"{k},{j},{cfg_key(cfg)}|{thr_key(thr)}"][str(m)] for j in range(args.inner)]
            f = sum(vals) / len(vals)
            if f > best_f + 0.002:
                best_m, best_f = m, f
        choices[k].append((rule, cfg, thr, best_m))
        lines.append(
            f"| {k} | {rule} | {cfg_key(cfg)} | {thr_key(thr)} | {'never' if best_m > 1 else best_m} "
            f"| {best_f:.3f} |"
        )

    results: dict[str, dict[str, list[float]]] = {}
    for _, rows in pool_map(outer_task, sorted(choices.items()), args.jobs):
        for rule, s in rows:
            for name, v in s.items():
                results.setdefault(rule, {}).setdefault(name, []).append(v)
    print(f"outer scoring done ({time.time() - t0:.0f}s)", file=sys.stderr)
    if args.dump:
        args.dump.write_text(json.dumps({"folds": only, "results": results, "choices": lines}, indent=0))

    print(
        f"\nNested CV: {args.folds} outer folds of VN-MDS clusters, {args.inner} inner folds per outer fold.\n"
    )
    print("| outer fold | rule | chosen features | join threshold | merge | mean inner held F1 |")
    print("|---|---|---|---|---|---|")
    print("\n".join(lines))
    print("\n| rule | held F1 | held P | held R | held+distr F1 | all B³ F1 | all pairwise F1 |")
    print("|---|---|---|---|---|---|---|")
    for rule, row in results.items():
        cells = [row[c] for c in ("held_f1", "held_p", "held_r", "heldmix_f1", "b3_f1", "pw_f1")]
        print(f"| {rule} | " + " | ".join("{:.3f} ± {:.3f}".format(*mean_sd(v)) for v in cells) + " |")
        print(f"|  per fold | {' / '.join(f'{v:.3f}' for v in row['held_f1'])} | | | | | |")


if __name__ == "__main__":
    main()
