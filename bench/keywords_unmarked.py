"""Keywords of text typed without marks against the marked article's: how many agree.

    .venv/bin/python bench/keywords_unmarked.py [--n 500] [--seed 5]

Held-out VNTC articles (tests/nlp/data/area_heldout_ids.txt), each read twice by `KeywordsStage`: as
published and as typed without marks (no tone or vowel marks, đ as d, capitals kept). Prints the share of
the unmarked text's keywords that are also keywords of the marked article, and what the extractor for
marked text alone gives on the unmarked text (before 27 Nov, every text was read that way).
Needs TINHHINH_DATA with vntc/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tinhhinh import config  # noqa: E402
from tinhhinh.item import Item  # noqa: E402
from tinhhinh.nlp.keywords import KeywordsStage  # noqa: E402


def typed_without_marks(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    heldout = ROOT / "tests" / "nlp" / "data" / "area_heldout_ids.txt"
    ids = {line.strip() for line in heldout.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows = []
    for split in ("test", "train"):
        with gzip.open(config.data_dir() / "vntc" / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
            rows += [r for r in map(json.loads, fh) if r["id"] in ids]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.n]
    stage = KeywordsStage()
    print(
        "| reading of the unmarked text | keywords | also keywords of the marked article | articles without any |"
    )
    print("|---|---:|---:|---:|")
    for name, extract in (
        ("as `analyze` reads it (the extractor for text without marks)", None),
        ("the extractor for marked text alone (before 27 Nov)", stage.extractor.extract),
    ):
        same = total = empty = 0
        for r in rows:
            marked = set(stage(Item(title=r["title"], text=r["text"])).keywords)
            title, text = typed_without_marks(r["title"]), typed_without_marks(r["text"])
            bare = stage(Item(title=title, text=text)).keywords if extract is None else extract(title, text)
            same += sum(k in marked for k in bare)
            total += len(bare)
            empty += not bare
        print(f"| {name} | {total:,} | {same:,} ({same / total:.1%}) | {empty} of {len(rows)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
