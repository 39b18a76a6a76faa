"""Copies signature CPU time: the current scheme against scheme 1 (the code before 27 Nov 2026), same articles.

Usage: .venv/bin/python bench/copies_speed.py [--n 1000] [--reps 15]
Needs the shared data (TINHHINH_DATA). The folded words are computed first (in the pipeline the text
view has them), then the two signatures are timed in turns, 200 articles at a time, ``reps`` times;
CPU time (``time.process_time``), so other processes on the machine disturb it less than wall time.
Prints a Markdown table of min / first quartile / median CPU ms per article.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "perf"))

import stages  # noqa: E402
from copies_eval import scheme1_signature  # noqa: E402

from tinhhinh.nlp.copies import VERSION, signature  # noqa: E402
from tinhhinh.nlp.normalize import folded_tokens  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=15)
    args = ap.parse_args()
    rows = stages.vntc_articles(args.n)
    data = [(c, folded_tokens(c)) for c in (f"{r['title']}\n{r['text']}" for r in rows)]
    fs = {"scheme 1 (minhash-128)": scheme1_signature, f"current ({VERSION})": signature}
    for f in fs.values():  # warm: permutations, word memo
        for c, w in data:
            f(c, w)
    res: dict[str, list[float]] = {k: [] for k in fs}
    for _ in range(args.reps):
        for k, f in fs.items():
            for s in range(0, len(data), 200):
                chunk = data[s : s + 200]
                t = time.process_time()
                for c, w in chunk:
                    f(c, w)
                res[k].append((time.process_time() - t) / len(chunk) * 1000)
    words = statistics.mean(len(w) for _, w in data)
    print(f"{len(data)} VNTC articles (one in {stages.STRIDE} test lines), {words:.0f} words on average\n")
    print("| signature | min | first quartile | median (CPU ms/article) |")
    print("|---|---:|---:|---:|")
    for k, v in res.items():
        v.sort()
        print(f"| {k} | {v[0]:.3f} | {v[len(v) // 4]:.3f} | {statistics.median(v):.3f} |")


if __name__ == "__main__":
    main()
