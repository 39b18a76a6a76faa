"""Latency of ``StoryIndex.assign`` with 1k / 10k / 100k stories in memory. Prints a Markdown table.

Usage: .venv/bin/python bench/stories.py [--sizes 1000 10000 100000] [--probes 500]

Stories are built from real VNTC articles (the first 5k unique ones, vectorised once); to reach 100k
distinct stories, each story is the sum of two random articles' vectors, inserted through the same code
path as real stories (centroid truncation, inverted index). Probes are 500 other VNTC articles, assigned
one by one (so the index also grows). CPU time (the machine is shared): "assign" is the ordered part
(candidate search, decision, update) given the item's vectors, which ``analyze`` computes in its worker
processes (``stories.prepare``); "vectorise" is that per-record part; both together is what one process
doing everything pays. "story_vectors" is what analyze's workers run instead of ``vectorize`` (the
same vectors, from the shared text view when it can; here the view is made for the probe alone).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

from tinhhinh import config
from tinhhinh.item import Item


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


def _index_module(path: str | None):
    if path is None:
        from tinhhinh.stories import index as mod
    else:
        spec = importlib.util.spec_from_file_location("index_under_test", path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = mod  # dataclasses look their module up
        spec.loader.exec_module(mod)
    return mod.Story, mod.StoryIndex, mod.vectorize


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--probes", type=int, default=500)
    ap.add_argument("--module", help="path of another index.py to time instead (before/after comparisons)")
    ap.add_argument("--base", type=int, default=5000)
    args = ap.parse_args()
    Story, StoryIndex, vectorize = _index_module(args.module)
    try:  # analyze's worker-side vectors (stories.prepare), when this tree has them
        from tinhhinh.stories.prepare import story_vectors
    except ImportError:
        story_vectors = None
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
            # the index's own term ids where it has them (arrays code); the dict code's plain Story otherwise
            if hasattr(index, "new_story"):
                story = index.new_story(f"b-{n}")
            else:
                story = Story(id=f"b-{n}", created=index.clock)
            story.add(a, index.clock)
            story.add(b, index.clock)
            index.stories[story.id] = story
            index._reindex(story)
        build = time.perf_counter() - t
        vec_cpu, assign_cpu, total_cpu, wall, sv_cpu = [], [], [], [], []
        for it in probes:
            if story_vectors is not None:  # what analyze's workers run (from the text view when they can)
                c = time.process_time()
                story_vectors(it)
                sv_cpu.append((time.process_time() - c) * 1000)
            c0 = time.process_time()
            t0 = time.perf_counter()
            vec = vectorize(it, index.idf)  # in analyze this runs in the worker processes (stories.prepare)
            c1 = time.process_time()
            index.assign(it, vec)  # the ordered part: candidate search + decision + update
            c2 = time.process_time()
            wall.append((time.perf_counter() - t0) * 1000)
            vec_cpu.append((c1 - c0) * 1000)
            assign_cpu.append((c2 - c1) * 1000)
            total_cpu.append((c2 - c0) * 1000)
        assign_cpu.sort()
        rows.append(
            (
                size,
                len(index.postings),
                build,
                statistics.median(assign_cpu),
                assign_cpu[int(0.95 * len(assign_cpu))],
                statistics.median(vec_cpu),
                statistics.median(total_cpu),
                statistics.median(wall),
                statistics.median(sv_cpu) if sv_cpu else float("nan"),
            )
        )
        print(f"{size}: assign median {rows[-1][3]:.2f} ms CPU", file=sys.stderr)
    print(
        "| stories in memory | indexed terms | build s | assign median ms (CPU) | assign p95 ms (CPU) "
        "| vectorise median ms (CPU) | vectorise + assign median ms (CPU) | vectorise + assign median ms (wall) "
        "| story_vectors median ms (CPU) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for size, terms, build, med, p95, vmed, tmed, wmed, svmed in rows:
        print(
            f"| {size:,} | {terms:,} | {build:.0f} | {med:.2f} | {p95:.2f} | {vmed:.2f} | {tmed:.2f} | {wmed:.2f} "
            f"| {svmed:.2f} |"
        )


if __name__ == "__main__":
    main()
