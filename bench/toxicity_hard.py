"""Hard news negatives for the toxicity SVM: 5-fold CV over ViHSD train + dev (never the test split).

    .venv/bin/python bench/toxicity_hard.py [--variants 6000:0,2000:2000] [--seed 1]

Each variant R:K trains the shipped recipe's SVM on the comments of four folds plus R random VNTC train
news chunks as clean, then (K > 0) scores the next 30,000 chunks with that fit and adds the K it reads as
most toxic as clean too, refits and scores the fifth fold. Class offsets are tuned on the other folds'
out-of-fold scores (nested), as `train` tunes them. The "news not clean" column is the share of 8,000
further news chunks (in no training set) that each variant's full model, with offsets tuned on all
out-of-fold scores, labels offensive or hate: a proxy for flags on news. The last column is the label
(C clean, O offensive, H hate) of eight news sentences that earlier models flagged, then six insults.
Vocabulary from all comments (transductive, label-free, as bench/toxicity_cv.py). About 2 CPU-minutes
for five variants. Needs TINHHINH_DATA with vihsd/ and vntc/. Prints a Markdown table.
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

SENTENCES = [  # news first (earlier models flagged each), then insults that must stay toxic
    "Bắt giữ đối tượng trộm chó",
    "Kết quả là năm con bò đậu thai trở lại, sinh sản bình thường, cho sữa đều đặn.",
    "Đang đi, chị bỗng nghe tiếng con chó của nhà chị đang nằm co ro trên trần sủa lớn.",
    "Nước sông dơ, cá lờ đờ",
    "ĐBSCL: cá tiếp tục chết hàng loạt",
    "Phần nữa, vật tế thần không chỉ duy nhất là con trâu, có thể con bò, con heo, thậm chí con gà vẫn được.",
    "10.000 hộ dân cù lao Lợi Quan thiếu nước",
    "Dịch tả lợn châu Phi bùng phát tại 3 xã",
    "đồ con chó",
    "ngu như bò",
    "thằng chó này",
    "mày là con lợn à",
    "lũ súc vật",
    "óc chó thật sự",
]


def _fit(X, y):
    m = tox._svc().fit(X, y)
    return m.coef_.T, m.intercept_


def _toxic_margin(S: np.ndarray) -> np.ndarray:
    return S[:, 1:].max(1) - S[:, 0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", default="6000:0,2000:2000", help="R:K pairs, comma-separated")
    ap.add_argument("--seed", type=int, default=1, help="fold seed")
    args = ap.parse_args()
    variants = [tuple(map(int, v.split(":"))) for v in args.variants.split(",")]
    from sklearn.model_selection import StratifiedKFold

    started = time.process_time()
    data = config.data_dir()
    rows = tox.read_labelled(data / "vihsd" / "train.jsonl") + tox.read_labelled(data / "vihsd" / "dev.jsonl")
    y = np.array([r[2] for r in rows])
    max_r = max(r for r, _ in variants)
    news = tox.read_news_chunks(data / "vntc" / "train.jsonl.gz", max_r + tox.HARD_NEWS_POOL + 8000)
    random_news = news[:max_r]
    pool = news[max_r : max_r + tox.HARD_NEWS_POOL]
    check = news[max_r + tox.HARD_NEWS_POOL :]

    def prepared(texts):
        return [tox.prepare(t, tox.PREPARE) for t in texts]

    vecs, Xc = tox._fit_features(prepared([r[1] for r in rows]))
    Xn, Xp, Xk, Xs = (tox._transform(vecs, prepared(t)) for t in (random_news, pool, check, SENTENCES))

    def model(rows_, r, k, first_fits):
        X0 = sp.vstack([Xc[rows_], Xn[:r]]).tocsr()
        y0 = np.concatenate([y[rows_], np.zeros(r, int)])
        if r not in first_fits:
            first_fits[r] = _fit(X0, y0)
        if not k:
            return first_fits[r]
        W, b = first_fits[r]
        hard = np.argsort(-_toxic_margin(Xp @ W + b), kind="stable")[:k]
        return _fit(sp.vstack([X0, Xp[hard]]).tocsr(), np.concatenate([y0, np.zeros(k, int)]))

    folds = list(StratifiedKFold(5, shuffle=True, random_state=args.seed).split(Xc, y))
    oof = {v: np.zeros((len(y), 3)) for v in variants}
    for fit_rows, test_rows in folds:
        first_fits: dict = {}
        for v in variants:
            W, b = model(fit_rows, *v, first_fits)
            oof[v][test_rows] = Xc[test_rows] @ W + b
    first_fits = {}
    full = {v: model(np.arange(len(y)), *v, first_fits) for v in variants}

    print(
        f"| random:hard news | CV macro-F1 (seed {args.seed}) | clean / offensive / hate F1 | news not clean | sentences |"
    )
    print("|---|---:|---|---:|---|")
    for v in variants:
        pred = np.zeros(len(y), int)
        for _, test_rows in folds:
            other = np.setdiff1d(np.arange(len(y)), test_rows)
            bias, _ = tox._tune_bias(oof[v][other], y[other])
            pred[test_rows] = (oof[v][test_rows] + bias).argmax(1)
        per = tox.metrics(y, pred)
        f1s = [per["per_class"][label]["f1"] for label in tox.LABELS]
        bias, _ = tox._tune_bias(oof[v], y)
        W, b = full[v]
        not_clean = float(np.mean((Xk @ W + b + bias).argmax(1) != 0))
        labels = "".join("COH"[i] for i in (Xs @ W + b + bias).argmax(1))
        print(
            f"| {v[0]}:{v[1]} | {np.mean(f1s):.4f} | {' / '.join(f'{f:.3f}' for f in f1s)} "
            f"| {not_clean:.2%} | {labels[:8]} {labels[8:]} |"
        )
    print(f"\n{time.process_time() - started:.0f} CPU-seconds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
