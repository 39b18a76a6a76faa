"""Per-stage outputs and CPU time over real VNTC articles (helper for the golden tests and docs/performance.md).

    python tests/perf/stages.py dump  --n 2000 --out /tmp/before.jsonl [--registry R]
    python tests/perf/stages.py check /tmp/before.jsonl /tmp/after.jsonl
    python tests/perf/stages.py time  --n 1000 [--registry R]          # CPU ms/article per stage (Markdown)
    python tests/perf/stages.py registry --out R                        # the 1,000-claim bench registry

Each stage runs on its own fresh Item, so its output is exactly what it adds. Articles are every 21st
line of VNTC test.jsonl.gz (spread over the ten topics), plus the committed scam and fact-check
evaluation texts (so flagged paths are exercised too). The toxicity stage runs when a model is trained
into ``$TINHHINH_HOME`` (e.g. ``TINHHINH_HOME=/path/to/home python tests/perf/stages.py dump ...``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("area", "keywords", "places", "scam", "toxicity", "factcheck", "copies")
STRIDE = 21


def data_dir() -> Path:
    from tinhhinh import config

    return config.data_dir()


def vntc_articles(n: int, ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Every STRIDE-th VNTC test article (or exactly those with ``ids``), as {id, title, text}."""
    out = []
    with gzip.open(data_dir() / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if ids is None and k % STRIDE:
                continue
            r = json.loads(line)
            if ids is not None and r["id"] not in ids:
                continue
            out.append({"id": r["id"], "title": r.get("title") or "", "text": r.get("text") or ""})
            if ids is None and len(out) >= n:
                break
    return out


def extra_texts() -> list[dict[str, Any]]:
    rows = []
    for name in ("scam_set.jsonl", "factcheck_eval.jsonl"):
        with (ROOT / "tests/harm/data" / name).open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                rows.append(
                    {"id": f"{name}:{r['id']}", "title": r.get("title") or "", "text": r.get("text") or ""}
                )
    return rows


def make_stages(registry: str | None = None) -> dict[str, Callable[[Any], dict[str, Any]]]:
    """name → function(Item) → the fields that stage produces (JSON-able)."""
    from tinhhinh.harm.factcheck import FactcheckStage
    from tinhhinh.harm.scam import ScamStage
    from tinhhinh.harm.toxicity import ToxicityStage
    from tinhhinh.nlp.area import AreaStage
    from tinhhinh.nlp.copies import signature
    from tinhhinh.nlp.keywords import KeywordsStage
    from tinhhinh.stories.places import PlacesStage

    area, kw, places, scam = AreaStage(), KeywordsStage(), PlacesStage(), ScamStage()
    tox = ToxicityStage()
    fc = FactcheckStage(registry) if registry else None

    def run(stage, *fields):
        def f(item):
            item = stage(item)
            out = {k: getattr(item, k) for k in fields}
            out["model_version"] = item.model_version
            return out

        return f

    stages = {
        "area": run(area, "area", "area_scores"),
        "keywords": run(kw, "keywords"),
        "places": run(places, "places"),
        "scam": run(scam, "harm"),
        "toxicity": run(tox, "toxicity", "toxicity_score", "harm"),
        "copies": lambda item: {"signature": signature(item.content).hex()},
    }
    if fc is not None:
        stages["factcheck"] = run(fc, "harm")
    return stages


def items(rows: list[dict[str, Any]]) -> Iterator[Any]:
    from tinhhinh.item import Item

    for r in rows:
        yield r["id"], Item(id=r["id"], title=r["title"], text=r["text"])


def dump(rows: list[dict[str, Any]], stages: dict[str, Callable], out: Path) -> None:
    from tinhhinh.item import Item

    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            rec: dict[str, Any] = {"id": r["id"]}
            for name, f in stages.items():
                rec[name] = f(Item(id=r["id"], title=r["title"], text=r["text"]))
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")


def same(a: Any, b: Any, path: str = "") -> str | None:
    """None when equal (floats within 1e-6), else where they differ."""
    if isinstance(a, float) and isinstance(b, float | int) or isinstance(b, float) and isinstance(a, int):
        return None if math.isclose(a, b, abs_tol=1e-6) else f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a)} != {sorted(b)}"
        for k in a:
            d = same(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}: {a!r} / {b!r}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = same(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def check(before: Path, after: Path, only: set[str] | None = None) -> list[str]:
    diffs = []
    with before.open(encoding="utf-8") as fa, after.open(encoding="utf-8") as fb:
        for la, lb in zip(fa, fb, strict=True):
            a, b = json.loads(la), json.loads(lb)
            for rec in (a, b):  # equal-score fact-check matches: order was hash-seed dependent before
                if "factcheck" in rec and isinstance(rec["factcheck"].get("harm"), list):
                    rec["factcheck"]["harm"].sort(
                        key=lambda h: (-h.get("score", 0), str(h.get("evidence", {}).get("claim_id", "")))
                    )
            for name in a:
                if name == "id" or (only and name not in only):
                    continue
                if name not in b:
                    continue
                d = same(a[name], b[name], f"{a['id']}.{name}")
                if d:
                    diffs.append(d)
    return diffs


def cpu_times(rows: list[dict[str, Any]], stages: dict[str, Callable], repeat: int = 1) -> dict[str, float]:
    """CPU ms per article of each stage (time.process_time; warm caches: one untimed pass first)."""
    from tinhhinh.item import Item

    for f in stages.values():
        for r in rows[:50]:
            f(Item(title=r["title"], text=r["text"]))
    out = {}
    for name, f in stages.items():
        best = float("inf")
        for _ in range(repeat):
            its = [Item(id=r["id"], title=r["title"], text=r["text"]) for r in rows]
            t0 = time.process_time()
            for it in its:
                f(it)
            best = min(best, time.process_time() - t0)
        out[name] = best / len(rows) * 1000
    return out


GOLDEN = ROOT / "tests/perf/data/golden_stages.jsonl.gz"
GOLDEN_REGISTRY = ROOT / "tests/harm/data/factcheck_registry.jsonl"
GOLDEN_EXTRA_STAGES = ("scam", "factcheck")  # the committed texts: only the harm stages (small outputs)


def golden_records(
    rows: list[dict[str, Any]], stages: dict[str, Callable], only=None
) -> list[dict[str, Any]]:
    from tinhhinh.item import Item

    out = []
    for r in rows:
        rec: dict[str, Any] = {"id": r["id"]}
        for name, f in stages.items():
            if only is None or name in only:
                rec[name] = f(Item(id=r["id"], title=r["title"], text=r["text"]))
        out.append(json.loads(json.dumps(rec, ensure_ascii=False)))
    return out


def write_golden(n: int = 50) -> None:
    stages = {k: v for k, v in make_stages(str(GOLDEN_REGISTRY)).items() if k != "toxicity"}
    recs = golden_records(vntc_articles(n), stages) + golden_records(
        extra_texts(), stages, GOLDEN_EXTRA_STAGES
    )
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(GOLDEN, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(recs)} records → {GOLDEN}", file=sys.stderr)


def pipeline_time(rows: list[dict[str, Any]], registry: str | None) -> tuple[float, dict[str, float]]:
    """CPU ms/article of what an analyze worker does per record: every stage, then Entry.prepare; and
    each stage's share of it, timed inside that one pass (the same stages, the same order: what
    ``analyze`` pays, unlike the per-stage figures, which are best-of warm passes of one stage alone)."""
    from tinhhinh.item import Item
    from tinhhinh.ordered import Entry
    from tinhhinh.pipeline import load_stages

    stages = load_stages(options={"factcheck": {"registry": registry}} if registry else None)
    clock = time.process_time
    shares = dict.fromkeys([*(st.name for st in stages), "copies (Entry.prepare)"], 0.0)
    timing = False

    def one(r):
        item = Item(id=r["id"], title=r["title"], text=r["text"])
        for st in stages:  # as run_stages (the items here never carry an error)
            t0 = clock()
            item = st(item)
            if timing:
                shares[st.name] += clock() - t0
        t0 = clock()
        Entry(0, r, {}, item).prepare()
        if timing:
            shares["copies (Entry.prepare)"] += clock() - t0

    for r in rows[:50]:
        one(r)
    # the pass as a whole, untimed inside, then again with each stage timed (per-call clock reads)
    t0 = time.process_time()
    for r in rows:
        one(r)
    total = (time.process_time() - t0) / len(rows) * 1000
    timing = True
    for r in rows:
        one(r)
    return total, {k: v / len(rows) * 1000 for k, v in shares.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--n", type=int, default=2000)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--registry")
    d.add_argument("--stages", default=",".join(STAGES))
    c = sub.add_parser("check")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--stages")
    t = sub.add_parser("time")
    t.add_argument("--n", type=int, default=1000)
    t.add_argument("--registry")
    t.add_argument("--repeat", type=int, default=1)
    t.add_argument("--stages", default=",".join(STAGES))
    t.add_argument("--pipeline", action="store_true", help="also time the whole per-record pipeline")
    gd = sub.add_parser("golden", help="write the committed golden file (tests/perf/data)")
    gd.add_argument("--n", type=int, default=50)
    r = sub.add_parser("registry")
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--claims", type=int, default=1000)
    args = ap.parse_args()
    if args.cmd == "registry":
        sys.path.insert(0, str(ROOT / "bench"))
        from factcheck import synthetic_claims

        from tinhhinh.harm import factcheck_registry as reg

        reg.save(synthetic_claims(args.claims), args.out)
        print(args.out)
        return
    if args.cmd == "golden":
        write_golden(args.n)
        return
    if args.cmd == "check":
        diffs = check(args.before, args.after, set(args.stages.split(",")) if args.stages else None)
        for x in diffs[:30]:
            print(x)
        print(f"{len(diffs)} differences")
        raise SystemExit(1 if diffs else 0)
    wanted = set(args.stages.split(","))
    stages = {k: v for k, v in make_stages(args.registry).items() if k in wanted}
    if args.cmd == "dump":
        rows = vntc_articles(args.n) + extra_texts()
        dump(rows, stages, args.out)
        print(f"{len(rows)} records → {args.out}", file=sys.stderr)
        return
    rows = vntc_articles(args.n)
    times = cpu_times(rows, stages, args.repeat)
    print(f"| stage | CPU ms/article (n={len(rows)}, pid {os.getpid()}) |")
    print("|---|---:|")
    for k, v in times.items():
        print(f"| {k} | {v:.2f} |")
    print(f"| **sum of stages** | **{sum(times.values()):.2f}** |")
    if args.pipeline:
        total, shares = pipeline_time(rows, args.registry)
        print(f"| **pipeline as in analyze** (all stages on one item + copies signature) | **{total:.2f}** |")
        print("\nInside the pipeline (each stage timed in the same single pass, no warm repeat):\n")
        print("| stage | CPU ms/article |")
        print("|---|---:|")
        for k, v in shares.items():
            print(f"| {k} | {v:.2f} |")
        print(f"| **sum** | **{sum(shares.values()):.2f}** |")


if __name__ == "__main__":
    main()
