"""Toxicity model choice by cross-validation on ViHSD train + dev (never the test split).

    .venv/bin/python bench/toxicity_cv.py [--seeds 4] [--with-lr]

Reproduces the main rows of docs/harm.md's third round: the shipped 3-class SVM against a stack (a
multinomial LR over the scores of several linear base models). Base models' out-of-fold scores come
from 5-fold CV over train + dev (fold seed 1; the 6,000 VNTC news chunks join every training fold);
the second stage is cross-validated over those scores with ``--seeds`` fold seeds, and class offsets
are tuned on the other folds (nested), as `train` tunes them. Prints a Markdown table. About 3 CPU-
minutes (8 with ``--with-lr``). Needs TINHHINH_DATA with vihsd/ and vntc/.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tinhhinh import config  # noqa: E402
from tinhhinh.harm import toxicity as tox  # noqa: E402


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


def _nested_f1(oof: np.ndarray, y: np.ndarray, folds) -> np.ndarray:
    from sklearn.metrics import f1_score

    pred = np.zeros(len(y), dtype=int)
    for tr, te in folds:
        bias, _ = tox._tune_bias(oof[tr], y[tr])
        pred[te] = (oof[te] + bias).argmax(1)
    return f1_score(y, pred, average=None)


def main() -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=4, help="fold seeds of the second stage")
    ap.add_argument("--with-lr", action="store_true", help="also a logistic-regression base (slow)")
    args = ap.parse_args()
    started = time.process_time()
    data = config.data_dir()
    rows = tox.read_labelled(data / "vihsd" / "train.jsonl") + tox.read_labelled(data / "vihsd" / "dev.jsonl")
    news = tox.read_news_chunks(data / "vntc" / "train.jsonl.gz", tox.NEWS_SAMPLES)
    prepared = [tox.prepare(t) for _, t, _ in rows] + [tox.prepare(t) for t in news]
    y = np.array([r[2] for r in rows] + [0] * len(news))
    n_c = len(rows)
    yc = y[:n_c]
    vecs, _ = tox._fit_features(prepared[:n_c])  # vocabulary from all comments (label-free)
    X = tox._transform(vecs, prepared)
    news_rows = np.arange(n_c, len(y))
    oof: dict[str, np.ndarray] = {}
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=1).split(np.zeros(n_c), yc):
        for name, s in _scores(X, y, np.concatenate([tr, news_rows]), te, args.with_lr).items():
            oof.setdefault(name, np.zeros((n_c, s.shape[1])))[te] = s
    candidates = [("3-class SVM alone (shipped)", ["svm"], False)]
    if args.with_lr:
        candidates.append(
            ("LR over SVM + LR(C 4) + NB-SVM + toxic/not + off/hate", ["svm", "lr4", "nb", "bin"], True)
        )
    candidates += [
        ("LR over SVM + NB-SVM + toxic/not + off/hate", ["svm", "nb", "bin"], True),
        ("LR over SVM + toxic/not + off/hate", ["svm", "bin"], True),
        ("LR over SVM + NB-SVM", ["svm", "nb"], True),
    ]
    print(f"{n_c:,} comments (train + dev), {len(news):,} news chunks, {X.shape[1]:,} features")
    print(f"second stage: {args.seeds} fold seeds; offsets tuned on the other folds\n")
    print("| variant | CV macro-F1 (per seed) | offensive F1 | hate F1 |")
    print("|---|---:|---:|---:|")
    for name, bases, stacked in candidates:
        Z = np.hstack([oof[b] for b in bases])
        per_seed = []
        for seed in range(11, 11 + args.seeds):
            folds = list(StratifiedKFold(5, shuffle=True, random_state=seed).split(Z, yc))
            if stacked:
                S = np.zeros((n_c, len(tox.LABELS)))
                for tr, te in folds:
                    m = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
                    S[te] = np.log(m.fit(Z[tr], yc[tr]).predict_proba(Z[te]) + 1e-9)
            else:
                S = Z
            per_seed.append(_nested_f1(S, yc, folds))
        f = np.array(per_seed)
        seeds = " ".join(f"{v:.4f}" for v in f.mean(1))
        print(f"| {name} | {f.mean(1).mean():.4f} ({seeds}) | {f[:, 1].mean():.3f} | {f[:, 2].mean():.3f} |")
    print(f"\n{time.process_time() - started:.0f} CPU-seconds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
