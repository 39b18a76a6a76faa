"""Precision of the hand-judged keywords (tests/nlp/data/keywords_judged.jsonl) as a Markdown table.

Usage: .venv/bin/python bench/keywords_precision.py
Also re-runs the current extractor on the same articles (needs TINHHINH_DATA) and reports how many
keywords changed since the judgement, so a stale judgement is visible.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tinhhinh import config
from tinhhinh.item import Item
from tinhhinh.nlp.area import read_vntc, vntc_files
from tinhhinh.nlp.keywords import KeywordsStage

JUDGED = Path(__file__).parents[1] / "tests/nlp/data/keywords_judged.jsonl"


def kind(reason: str) -> str:
    for k in ("generic", "fragment", "casing"):
        if k in reason:
            return k
    return "other"


def main() -> None:
    rows = [json.loads(line) for line in JUDGED.open(encoding="utf-8")]
    js = [j for r in rows for j in r["judgements"]]
    good = sum(j["good"] for j in js)
    top5 = [j for r in rows for j in r["judgements"][:5]]
    bad = Counter(kind(j["reason"]) for j in js if not j["good"])
    print(f"{len(rows)} articles, {len(js)} keywords judged (lexicon {rows[0]['lexicon']})\n")
    print("| measure | value |\n|---|---:|")
    print(f"| precision | {good / len(js):.3f} ({good}/{len(js)}) |")
    print(f"| precision, first 5 | {sum(j['good'] for j in top5) / len(top5):.3f} |")
    print(
        f"| articles with all keywords good | {sum(all(j['good'] for j in r['judgements']) for r in rows)} |"
    )
    for k, n in bad.most_common():
        print(f"| bad: {k} | {n} |")
    if (config.data_dir() / "vntc").exists():
        ids = {r["id"]: r for r in rows}
        stage = KeywordsStage()
        changed = 0
        for rec in read_vntc(vntc_files(config.data_dir())):
            if rec.id in ids:
                now = stage(Item(title=rec.title, text=rec.text)).keywords
                changed += now != [j["keyword"] for j in ids[rec.id]["judgements"]]
        print(f"| articles whose keywords changed since judged | {changed} |")


if __name__ == "__main__":
    main()
