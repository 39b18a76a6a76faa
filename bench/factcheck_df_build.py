"""Build src/tinhhinh/data/factcheck_df.tsv.gz (term weights for fact-check matching) from the VNTC IDF table.

Diacritic-free syllables with df >= 20 and syllable bigrams with df >= 100 (47k lines, 220 kB).
Run: .venv/bin/python bench/factcheck_df_build.py
"""

from __future__ import annotations

import collections
import gzip
import io
from pathlib import Path

from tinhhinh.nlp.normalize import strip_diacritics

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    rows = (
        gzip.open(ROOT / "src/tinhhinh/models/stories_idf.tsv.gz", "rt", encoding="utf-8").read().splitlines()
    )
    docs = int(rows[0].split("\t")[1])
    uni: collections.Counter[str] = collections.Counter()
    bi: collections.Counter[str] = collections.Counter()
    for line in rows[1:]:
        t, d = line.split("\t")
        (bi if " " in t else uni)[strip_diacritics(t)] += int(d)
    items = [(t, min(docs, d)) for t, d in uni.items() if d >= 20 and t.isalpha()]
    items += [(t, min(docs, d)) for t, d in bi.items() if d >= 100 and t.replace(" ", "").isalpha()]
    items.sort(key=lambda x: -x[1])
    buf = io.StringIO()
    buf.write(
        f"# version\t2\n# docs\t{docs}\n# diacritic-free syllable (df>=20) and syllable-bigram (df>=100) "
    )
    buf.write("document frequencies over VNTC (68,601 news articles, MIT); bench/factcheck_df_build.py\n")
    for t, d in items:
        buf.write(f"{t}\t{d}\n")
    out = ROOT / "src/tinhhinh/data/factcheck_df.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(buf.getvalue())
    print(f"{len(items)} terms -> {out}")


if __name__ == "__main__":
    main()
