"""In-process A/B of the per-record pipeline against another tree (CPU time, same articles, same process).

    python bench/stages_ab.py --base /path/to/other/src [--n 1000] [--rounds 6] [--input F]

The other tree (e.g. ``git archive <rev> src | tar -x -C /tmp/base``, then ``--base /tmp/base/src``) is
copied to a temporary folder as the package ``tinhhinh_base`` (imports rewritten), so both pipelines load
in one process and run over the same articles in alternating passes: as an analyze worker does, every
stage on one item and then ``Entry.prepare``, each stage timed inside the pass. The outputs of area,
keywords and places must be equal item by item. Whole-command runs on this shared, loaded machine move
by ±15% between identical runs; alternating passes in one process resolve much smaller differences.
Prints a Markdown table (CPU ms per article, mean over the passes). Set TINHHINH_HOME for a toxicity model.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = Path("/tmp/tinhhinh-bench/articles-5000.jsonl")


def install_base(src: Path, into: Path) -> None:
    """Copy ``src/tinhhinh`` to ``into/tinhhinh_base`` with its imports renamed."""
    dest = into / "tinhhinh_base"
    shutil.copytree(src / "tinhhinh", dest)
    for py in dest.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        text = re.sub(r"\btinhhinh\.", "tinhhinh_base.", text)
        text = re.sub(r"from tinhhinh import", "from tinhhinh_base import", text)
        text = re.sub(r'files\("tinhhinh"\)', 'files("tinhhinh_base")', text)
        py.write_text(text, encoding="utf-8")


def pipeline(pkg: str):
    item_cls = __import__(f"{pkg}.item", fromlist=["x"]).Item
    entry_cls = __import__(f"{pkg}.ordered", fromlist=["x"]).Entry
    stages = __import__(f"{pkg}.pipeline", fromlist=["x"]).load_stages()
    acc = dict.fromkeys([*(s.name for s in stages), "copies (Entry.prepare)"], 0.0)
    clock = time.process_time

    def one(r: dict) -> tuple:
        it = item_cls(id=r["id"], title=r.get("title") or "", text=r.get("text") or "")
        for s in stages:
            t = clock()
            it = s(it)
            acc[s.name] += clock() - t
        t = clock()
        entry_cls(0, r, {}, it).prepare()
        acc["copies (Entry.prepare)"] += clock() - t
        return (it.area, it.area_scores, it.keywords, it.places)

    return one, acc


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, required=True, help="the other tree's src folder")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    args = ap.parse_args()
    rows = []
    with args.input.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= args.n:
                break
    tmp = Path(tempfile.mkdtemp(prefix="stages_ab_"))
    try:
        install_base(args.base, tmp)
        sys.path.insert(0, str(tmp))
        sys.path.insert(0, str(ROOT / "src"))
        runs = {"base": pipeline("tinhhinh_base"), "this tree": pipeline("tinhhinh")}
        for r in rows[:50]:  # warm both, and check they agree
            assert runs["base"][0](r) == runs["this tree"][0](r)
        total = {k: dict.fromkeys(acc, 0.0) for k, (_, acc) in runs.items()}
        chain: dict[str, list[float]] = {k: [] for k in runs}
        for k in range(args.rounds):
            outs = {}
            for name in ("base", "this tree") if k % 2 == 0 else ("this tree", "base"):
                one, acc = runs[name]
                for key in acc:
                    acc[key] = 0.0
                outs[name] = [one(r) for r in rows]
                for key in acc:
                    total[name][key] += acc[key]
                chain[name].append((acc["area"] + acc["keywords"] + acc["places"]) / len(rows) * 1000)
            assert outs["base"] == outs["this tree"], "area/keywords/places outputs differ"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    per = len(rows) * args.rounds / 1000
    print(
        f"{len(rows)} articles, {args.rounds} alternating passes each; CPU ms/article inside the pipeline\n"
    )
    print("| stage | base | this tree |\n|---|---:|---:|")
    for key in total["base"]:
        print(f"| {key} | {total['base'][key] / per:.3f} | {total['this tree'][key] / per:.3f} |")
    for name, v in chain.items():
        print(
            f"| area + keywords + places, {name}, per pass | {' '.join(f'{x:.2f}' for x in v)} | mean {sum(v) / len(v):.3f} |"
        )


if __name__ == "__main__":
    main()
