"""Keyword extraction speed vs. underthesea word_tokenize on the same 1,000 VNTC articles.

Usage: .venv/bin/python bench/keywords_speed.py [--n 1000]
Prints a Markdown table. Needs the shared data (TINHHINH_DATA) and underthesea (dev dependency).
"""

from __future__ import annotations

import argparse
import itertools
import time

from tinhhinh import config
from tinhhinh.nlp.area import read_jsonl
from tinhhinh.nlp.keywords import KeywordExtractor, Lexicon, segment


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    path = config.data_dir() / "vntc" / "test.jsonl.gz"
    docs = [(r["title"], r["text"]) for r in itertools.islice(read_jsonl(path), args.n)]
    words = sum(len(f"{t}\n{x}".split()) for t, x in docs)
    lex = Lexicon.load()
    ex = KeywordExtractor(lex)
    ex.extract(*docs[0])  # warm caches

    rows = []
    t = time.perf_counter()
    for title, text in docs:
        segment(f"{title}\n{text}", lex.entries, ex.prefixes)
    rows.append(("lexicon longest-match segmentation only", time.perf_counter() - t))
    t = time.perf_counter()
    for title, text in docs:
        ex.extract(title, text)
    rows.append(("KeywordsStage (segment + score + names)", time.perf_counter() - t))

    from underthesea import word_tokenize

    word_tokenize("khởi động")
    t = time.perf_counter()
    for title, text in docs:
        for line in f"{title}\n{text}".split("\n"):
            word_tokenize(line)
    rows.append(("underthesea word_tokenize (CRF), segmentation only", time.perf_counter() - t))

    print(f"{len(docs)} VNTC articles, {words} syllables, one process\n")
    print("| method | seconds | articles/s | syllables/s |")
    print("|---|---:|---:|---:|")
    for name, sec in rows:
        print(f"| {name} | {sec:.1f} | {len(docs) / sec:.0f} | {words / sec:,.0f} |")


if __name__ == "__main__":
    main()
