"""Latency of ``StoryIndex.assign`` with 1k / 10k / 100k stories in memory. Prints a Markdown table.

Usage: .venv/bin/python bench/stories.py [--sizes 1000 10000 100000] [--probes 500]

Stories are built from real VNTC articles (the first 5k unique ones, vectorised once); to reach 100k
distinct stories, each story is the sum of two random articles' vectors, inserted through the same code
path as real stories (centroid truncation, inverted index). Probes are 500 other VNTC articles, assigned
one by one (so the index also grows); we report the median and p95 wall time per ``assign`` and the part
spent turning text into vectors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

from tinhhinh import config
from tinhhinh.item import Item
from tinhhinh.stories.index import Story, StoryIndex, vectorize


def load(n: int) -> list[Item]:
    out, seen = [], set()
    t0 = datetime(2025, 8, 1, tzinfo=UTC)
    with gzip.open(config.data_dir() / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if len(rec["text"]) < 200 or rec["text"][:300] in seen:
                continue
            seen.add(rec["text"][:300])
            ts = t0 + timedelta(minutes=len(out))
            out.append(
                Item(
                    id=rec["id"], source=rec["source"], title=rec["title"], text=rec["text"], published_at=ts
                )
            )
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--probes", type=int, default=500)
    ap.add_argument("--base", type=int, default=5000)
    args = ap.parse_args()
    items = load(args.base + args.probes)
    base, probes = items[: args.base], items[args.base :]
    index0 = StoryIndex()
    t = time.perf_counter()
    vecs = [vectorize(it, index0.idf) for it in base]
    print(f"vectorised {len(vecs)} articles in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    rows = []
    for size in args.sizes:
        rng = random.Random(size)
        counter = iter(range(10**9))
        index = StoryIndex(
            id_factory=lambda n, c=counter: f"s-{next(c)}", max_stories=10**7, max_idle_days=10**6
        )
        t = time.perf_counter()
        for n in range(size):
            a, b = rng.sample(vecs, 2)
            index.clock += 1
            story = Story(id=f"b-{n}", created=index.clock)
            story.add(a, index.clock)
            story.add(b, index.clock)
            index.stories[story.id] = story
            index._reindex(story)
        build = time.perf_counter() - t
        lat, vec_lat, cpu = [], [], []
        for it in probes:
            c1 = time.process_time()
            t1 = time.perf_counter()
            vec = vectorize(it, index.idf)
            t2 = time.perf_counter()
            index.assign(it, vec)
            t3 = time.perf_counter()
            cpu.append((time.process_time() - c1) * 1000)
            vec_lat.append((t2 - t1) * 1000)
            lat.append((t3 - t1) * 1000)
        lat.sort()
        med, p95 = statistics.median(lat), lat[int(0.95 * len(lat))]
        rows.append(
            (size, len(index.postings), build, med, p95, statistics.median(vec_lat), statistics.median(cpu))
        )
        print(f"{size}: median {med:.2f} ms", file=sys.stderr)
    print(
        "| stories in memory | indexed terms | build s | assign median ms (wall) | p95 ms (wall) "
        "| vectorise median ms (wall) | assign median ms (CPU time) |"
    )
    print("|---|---|---|---|---|---|---|")
    for size, terms, build, med, p95, vmed, cmed in rows:
        print(f"| {size:,} | {terms:,} | {build:.0f} | {med:.2f} | {p95:.2f} | {vmed:.2f} | {cmed:.2f} |")


if __name__ == "__main__":
    main()
