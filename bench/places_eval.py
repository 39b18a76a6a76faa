"""Place tagging (``PlacesStage``) against hand-judged real articles.

The judged sets (``tests/stories/data/places_judged*.jsonl``: source, id, places, unsure) hold ids and
judgements only; the texts are read from the data folder by id (VNTC test split; VN-MDS 200, whose title,
sapo and body are joined the way ``tinhhinh stories`` and ``analyze`` join them). How the sets were made:
docs/stories.md section 3.

Prints micro precision / recall / F1 over (article, province) pairs and per-article exact match, per
source and overall, as a Markdown table; ``--errors`` lists every false positive and miss on stderr.

Usage: .venv/bin/python bench/places_eval.py [--set tests/stories/data/places_judged.jsonl] [--errors]
       .venv/bin/python bench/places_eval.py --select 3   # ids of a new fresh set (see ``select``)
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "tests" / "stories" / "data" / "places_judged.jsonl"


def load_judged(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_texts(rows: list[dict[str, Any]], data: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(source, id) → (title, text), read from the data folder."""
    want: dict[str, set[str]] = {}
    for r in rows:
        want.setdefault(r["source"], set()).add(r["id"])
    out: dict[tuple[str, str], tuple[str, str]] = {}
    if "vntc" in want:
        for split in ("test", "train"):
            with gzip.open(data / "vntc" / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
                for line in fh:
                    r = json.loads(line)
                    if r["id"] in want["vntc"]:
                        out["vntc", r["id"]] = (r.get("title") or "", r.get("text") or "")
    if "vn-mds-200" in want:
        with (data / "vn-mds-200" / "docs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r["doc_id"] in want["vn-mds-200"]:
                    text = "\n".join(str(x) for x in (r.get("sapo"), r.get("text")) if x)
                    out["vn-mds-200", r["doc_id"]] = (r.get("title") or "", text)
    missing = [(r["source"], r["id"]) for r in rows if (r["source"], r["id"]) not in out]
    if missing:
        raise SystemExit(f"{len(missing)} judged articles not found in {data}, e.g. {missing[:3]}")
    return out


def select(data: Path, per_label: int, judged: list[Path]) -> list[dict[str, Any]]:
    """A new fresh set drawn the documented way, continuing after the judged sets' positions.

    VNTC test articles of ≤ 3,500 characters (title + text), shuffled with ``random.Random(20261127)``;
    per topic label, from one past the last position any judged set used in that label, the first
    ``per_label`` in which the current code finds a place and the first ``per_label`` in which it finds none.
    """
    import random

    from tinhhinh.item import Item
    from tinhhinh.stories.places import PlacesStage

    with gzip.open(data / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = [r for r in rows if len(r.get("title") or "") + len(r.get("text") or "") <= 3500]
    random.Random(20261127).shuffle(rows)
    used = {r["id"] for p in judged for r in load_judged(p) if r["source"] == "vntc"}
    by_label: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_label.setdefault(r["label"], []).append(r)
    stage = PlacesStage()
    out = []
    for _label, items in sorted(by_label.items()):
        start = 1 + max((k for k, r in enumerate(items) if r["id"] in used), default=-1)
        with_place: list[dict[str, Any]] = []
        without: list[dict[str, Any]] = []
        for r in items[start:]:
            found = stage(Item(title=r.get("title") or "", text=r.get("text") or "")).places
            group = with_place if found else without
            if len(group) < per_label:
                group.append(r)
            if len(with_place) == len(without) == per_label:
                break
        out += with_place + without
    return out


def score(pairs: list[tuple[set[str], set[str]]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in pairs)
    fp = sum(len(p - g) for g, p in pairs)
    fn = sum(len(g - p) for g, p in pairs)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    exact = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    return {"n": len(pairs), "tp": tp, "fp": fp, "fn": fn, "p": prec, "r": rec, "f1": f1, "exact": exact}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=DEFAULT_SET, help="judged JSONL (default: %(default)s)")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses on stderr")
    ap.add_argument(
        "--select",
        type=int,
        metavar="N",
        help="print the ids of a new fresh set (N with a place found + N without, per label) and exit",
    )
    args = ap.parse_args()

    from tinhhinh import config
    from tinhhinh.item import Item
    from tinhhinh.stories.places import PlacesStage

    if args.select:
        judged = sorted((ROOT / "tests" / "stories" / "data").glob("places_judged*.jsonl"))
        for r in select(config.data_dir(), args.select, judged):
            print(json.dumps({"source": "vntc", "id": r["id"], "label": r["label"]}, ensure_ascii=False))
        return

    rows = load_judged(args.set)
    texts = load_texts(rows, config.data_dir())
    stage = PlacesStage()
    by_source: dict[str, list[tuple[set[str], set[str]]]] = {}
    errors = []
    for r in rows:
        title, text = texts[r["source"], r["id"]]
        got = stage(Item(title=title, text=text)).places
        gold, pred = set(r["places"]), set(got)
        by_source.setdefault(r["source"], []).append((gold, pred))
        if gold != pred:
            errors.append((r, sorted(pred - gold), sorted(gold - pred)))

    print(f"Places on `{args.set.name}` ({stage.version})\n")
    print("| set | articles | pairs judged | TP | FP | FN | precision | recall | F1 | exact match |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    groups = [*sorted(by_source.items()), ("all", [p for v in by_source.values() for p in v])]
    for name, pairs in groups:
        s = score(pairs)
        print(
            f"| {name} | {s['n']} | {s['tp'] + s['fn']} | {s['tp']} | {s['fp']} | {s['fn']} | "
            f"{s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {s['exact']:.3f} |"
        )
    if args.errors:
        for r, fp, fn in errors:
            print(f"{r['source']} {r['id']}: FP {fp} FN {fn}  [{r.get('unsure', '')}]", file=sys.stderr)


if __name__ == "__main__":
    main()
