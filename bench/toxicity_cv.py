"""Toxicity model choice by cross-validation on ViHSD train + dev (never the test split).

    .venv/bin/python bench/toxicity_cv.py [--seeds 4] [--with-lr] [--cache FILE.npz] [--flood-sense]
        [--reading 3] [--news 6000]

Compares the shipped 3-class SVM with stacks (a multinomial LR over the scores of several linear base
models). Base models' out-of-fold scores come from 5-fold CV over train + dev (fold seed 1); the 6,000
VNTC news chunks are split into 5 folds too, paired with the comment folds, so every base model is
fitted on 4/5 of the comments and 4/5 of the news and scores the rest: news chunks get out-of-fold
scores as well (docs/harm.md, fourth round). The second stage is cross-validated over those scores with
``--seeds`` fold seeds, class offsets tuned on the other folds' comments (nested), as `train` tunes
them. Stacks are fitted either on comments only (the third round's recipe) or on comments + the news
chunks' out-of-fold rows (clean): the "news not clean" column is the share of out-of-fold news chunks
the variant labels offensive or hate (with the offsets), a cheap proxy for flags on news. Prints a
Markdown table. About 3 CPU-minutes (8 with ``--with-lr``); ``--cache`` keeps the base scores so a
second run only refits the second stage. Needs TINHHINH_DATA with vihsd/ and vntc/.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tinhhinh import config  # noqa: E402
from tinhhinh.harm import toxicity as tox  # noqa: E402

# a candidate for the next round (docs/harm.md, fourth round), not in the model: "lũ" in flood
# collocations becomes one token of its own, apart from the pejorative "lũ" of "lũ súc vật"
_FLOOD_BEFORE = (
    "vùng|mưa|nước|bão|mùa|đỉnh|xả|chống|tránh|ngập|cơn|trận|sau|nạn|thoát|tâm|báo|cảnh báo|dòng|mực nước"
)
_FLOOD_AFTER = "lụt|quét|ống|lớn|về|dâng|rút|lên|kéo dài|đổ về|tràn"
_FLOOD_RE = re.compile(rf"(?<!\w)(?:(?:{_FLOOD_BEFORE}) lũ|lũ (?:{_FLOOD_AFTER}))(?!\w)")


READING = 1  # `--reading`
# the 6,000 random news chunks of the rounds this bench measured; `train` now takes 2,000 random ones and
# 2,000 mined hard ones (docs/harm.md, "Hard news negatives"), which bench/toxicity_hard.py compares
NEWS = 6000


def _flood_sense(prepare):
    """``prepare`` with flood collocations of "lũ" turned into "lũlụt" on the folded copy."""
    from tinhhinh.nlp.normalize import strip_diacritics

    def prepared(text):
        folded, stripped = prepare(text, READING)
        changed = _FLOOD_RE.sub(lambda m: m.group(0).replace("lũ", "lũlụt"), folded)
        return (changed, strip_diacritics(changed)) if changed != folded else (folded, stripped)

    return prepared


def _svm(X, y):
    from sklearn.svm import LinearSVC

    return LinearSVC(C=tox.SVM_C, class_weight="balanced", random_state=0).fit(X, y)


def _scores(X, y, fit_rows, test_rows, with_lr: bool) -> dict[str, np.ndarray]:
    """Scores of each base model on ``test_rows``, fitted on ``fit_rows``."""
    Xf, yf, Xt = X[fit_rows], y[fit_rows], X[test_rows]
    out = {"svm": _svm(Xf, yf).decision_function(Xt)}
    present = (Xf > 0).astype(np.float64)
    nb = []
    for k in range(len(tox.LABELS)):  # NB-SVM: features scaled by their log-count ratio, per class
        yk = yf == k
        p = np.asarray(present[yk].sum(0)).ravel() + 1.0
        q = np.asarray(present[~yk].sum(0)).ravel() + 1.0
        r = sp.diags(np.log((p / p.sum()) / (q / q.sum())))
        nb.append(_svm(Xf @ r, yk.astype(int)).decision_function(Xt @ r))
    out["nb"] = np.column_stack(nb)
    toxic = np.flatnonzero(yf > 0)
    out["bin"] = np.column_stack(
        [
            _svm(Xf, (yf > 0).astype(int)).decision_function(Xt),
            _svm(Xf[toxic], (yf[toxic] == 2).astype(int)).decision_function(Xt),
        ]
    )
    if with_lr:
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=4, class_weight="balanced", max_iter=300).fit(Xf, yf)
        out["lr4"] = lr.decision_function(Xt)
    return out


def _base_scores(with_lr: bool) -> tuple[dict[str, np.ndarray], np.ndarray, int]:
    """Out-of-fold base scores of every comment and news chunk, the labels, and how many are comments."""
    from sklearn.model_selection import KFold, StratifiedKFold

    data = config.data_dir()
    rows = tox.read_labelled(data / "vihsd" / "train.jsonl") + tox.read_labelled(data / "vihsd" / "dev.jsonl")
    news = tox.read_news_chunks(data / "vntc" / "train.jsonl.gz", NEWS)
    prepared = [tox.prepare(t, READING) for _, t, _ in rows] + [tox.prepare(t, READING) for t in news]
    y = np.array([r[2] for r in rows] + [0] * len(news))
    n_c = len(rows)
    vecs, _ = tox._fit_features(prepared[:n_c])  # vocabulary from all comments (label-free)
    X = tox._transform(vecs, prepared)
    print(f"{n_c:,} comments (train + dev), {len(news):,} news chunks, {X.shape[1]:,} features")
    comment_folds = StratifiedKFold(5, shuffle=True, random_state=1).split(np.zeros(n_c), y[:n_c])
    news_folds = KFold(5, shuffle=True, random_state=1).split(np.zeros(len(news)))
    oof: dict[str, np.ndarray] = {}
    for (tr, te), (ntr, nte) in zip(comment_folds, news_folds, strict=True):
        fit_rows = np.concatenate([tr, n_c + ntr])
        test_rows = np.concatenate([te, n_c + nte])
        for name, s in _scores(X, y, fit_rows, test_rows, with_lr).items():
            oof.setdefault(name, np.zeros((len(y), s.shape[1])))[test_rows] = s
    return oof, y, n_c


def _second_stage(Z: np.ndarray, y: np.ndarray, n_c: int, seed: int, news_weight: float | None):
    """(per-class F1 on comments, share of news chunks not labelled clean) of one fold seed: an LR
    over ``Z`` (``news_weight`` None: the raw scores, no second stage; 0: fitted on comments only)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import KFold, StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    yc = y[:n_c]
    n_n = len(y) - n_c
    folds = list(
        zip(
            StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(n_c), yc),
            KFold(5, shuffle=True, random_state=seed).split(np.zeros(n_n)),
            strict=True,
        )
    )
    if news_weight is None:
        S = Z
    else:
        S = np.zeros((len(y), len(tox.LABELS)))
        for (tr, te), (ntr, nte) in folds:
            fit = np.concatenate([tr, n_c + ntr]) if news_weight else tr
            w = np.where(fit >= n_c, news_weight, 1.0)
            m = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
            m.fit(Z[fit], y[fit], logisticregression__sample_weight=w)
            test = np.concatenate([te, n_c + nte])
            S[test] = np.log(m.predict_proba(Z[test]) + 1e-9)
    pred = np.zeros(len(y), dtype=int)
    for (tr, te), (_, nte) in folds:
        bias, _ = tox._tune_bias(S[tr], yc[tr])  # offsets from the other folds' comments only
        test = np.concatenate([te, n_c + nte])
        pred[test] = (S[test] + bias).argmax(1)
    return f1_score(yc, pred[:n_c], average=None), float(np.mean(pred[n_c:] != 0))


def main() -> int:
    global NEWS, READING
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=4, help="fold seeds of the second stage")
    ap.add_argument("--with-lr", action="store_true", help="also a logistic-regression base (slow)")
    ap.add_argument("--cache", type=Path, default=None, help="keep/read the base scores here (.npz)")
    ap.add_argument(
        "--flood-sense", action="store_true", help='"lũ" in flood collocations as its own token (candidate)'
    )
    ap.add_argument(
        "--reading",
        type=int,
        default=1,
        help="how text is prepared (a model card's `prepare`): 1 as in the published tables, "
        f"{tox.PREPARE} as `tinhhinh train toxicity` does today",
    )
    ap.add_argument("--news", type=int, default=NEWS, help="random news chunks (clean)")
    args = ap.parse_args()
    READING = args.reading
    NEWS = args.news
    if args.flood_sense:
        tox.prepare = _flood_sense(tox.prepare)
    started = time.process_time()
    if args.cache and args.cache.exists():
        with np.load(args.cache) as z:
            oof = {k: z[k] for k in z.files if k not in ("y", "n_c")}
            y, n_c = z["y"], int(z["n_c"])
        print(f"base scores from {args.cache}: {n_c:,} comments, {len(y) - n_c:,} news chunks")
    else:
        oof, y, n_c = _base_scores(args.with_lr)
        if args.cache:
            np.savez(args.cache, y=y, n_c=n_c, **oof)
    four = ["svm", "nb", "bin"]
    candidates: list[tuple[str, list[str], float | None]] = [("3-class SVM alone (shipped)", ["svm"], None)]
    if "lr4" in oof:
        candidates.append(
            ("LR over SVM + LR(C 4) + NB-SVM + toxic/not + off/hate", ["svm", "lr4", "nb", "bin"], 0)
        )
    candidates += [
        ("LR over SVM + NB-SVM + toxic/not + off/hate, comments only (third round)", four, 0),
        ("the same stack, fitted with the news rows too", four, 1.0),
        ("the same stack, news rows weighted 0.5", four, 0.5),
        ("the same stack, news rows weighted 2", four, 2.0),
        ("LR over SVM + toxic/not + off/hate, with the news rows", ["svm", "bin"], 1.0),
    ]
    print(f"second stage: {args.seeds} fold seeds; offsets tuned on the other folds' comments\n")
    print("| variant | CV macro-F1 (per seed) | offensive F1 | hate F1 | news not clean |")
    print("|---|---:|---:|---:|---:|")
    for name, bases, news_weight in candidates:
        Z = np.hstack([oof[b] for b in bases])
        per_seed, news_rate = [], []
        for seed in range(11, 11 + args.seeds):
            f1, rate = _second_stage(Z, y, n_c, seed, news_weight)
            per_seed.append(f1)
            news_rate.append(rate)
        f = np.array(per_seed)
        seeds = " ".join(f"{v:.4f}" for v in f.mean(1))
        print(
            f"| {name} | {f.mean(1).mean():.4f} ({seeds}) | {f[:, 1].mean():.3f} | {f[:, 2].mean():.3f} "
            f"| {np.mean(news_rate):.2%} |",
            flush=True,
        )
    print(f"\n{time.process_time() - started:.0f} CPU-seconds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
