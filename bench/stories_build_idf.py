"""Build the shipped document-frequency table for story detection from VNTC (MIT).

Usage: .venv/bin/python bench/stories_build_idf.py [--min-df 3] [--max-terms 400000]
Writes src/tinhhinh/models/stories_idf.tsv.gz (header "#docs<TAB>N", then "term<TAB>df").
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter

from tinhhinh import config
from tinhhinh.nlp.normalize import fold, tokens
from tinhhinh.stories.features import IDF_PATH


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("--max-terms", type=int, default=400_000)
    args = ap.parse_args()
    df: Counter[str] = Counter()
    n = 0
    seen: set[int] = set()
    t0 = time.time()
    for split in ("train", "test"):
        with gzip.open(config.data_dir() / "vntc" / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = f"{rec['title']}\n{rec['text']}"
                h = hash(text)
                if h in seen:  # exact duplicates would inflate df
                    continue
                seen.add(h)
                toks = tokens(fold(text))
                terms = set(toks)
                terms.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
                df.update(terms)
                n += 1
                if n % 10000 == 0:
                    print(f"{n} docs, {len(df)} terms, {time.time() - t0:.0f}s", file=sys.stderr)
    kept = [(t, c) for t, c in df.items() if c >= args.min_df]
    kept.sort(key=lambda tc: (-tc[1], tc[0]))
    kept = kept[: args.max_terms]
    with gzip.open(IDF_PATH, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"#docs\t{n}\n")
        for t, c in kept:
            out.write(f"{t}\t{c}\n")
    print(
        f"| docs | terms kept | min df | file |\n|---|---|---|---|\n| {n} | {len(kept)} | {args.min_df} | {IDF_PATH.name} |"
    )


if __name__ == "__main__":
    main()
