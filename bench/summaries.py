"""Story summaries on VN-MDS: ROUGE-1/2/L on syllables against the two human references per cluster.

Usage: .venv/bin/python bench/summaries.py [--max-sentences 3]

Each cluster's articles (sapo + body, real timestamps) are summarised; scores are averaged over the two
references, then over clusters. ROUGE here is our own implementation on folded syllables (no stemming, no
stopword removal), so numbers are comparable within this table, not with published ROUGE-1.5.5 runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict

from tinhhinh import config
from tinhhinh.nlp.normalize import tokens
from tinhhinh.stories.evaluate import load_mds
from tinhhinh.stories.summaries import lead, rouge, summarize


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-sentences", type=int, default=3)
    args = ap.parse_args()
    docs = load_mds()
    by_cluster = defaultdict(list)
    for d in docs:
        by_cluster[d.cluster].append(d.item)
    clusters = [json.loads(line) for line in (config.data_dir() / "vn-mds-200" / "clusters.jsonl").open()]
    systems = {
        f"lead-{args.max_sentences} (earliest article)": lambda items: lead(items, args.max_sentences),
        f"centroid + lead bias + MMR (≤ {args.max_sentences} sentences)": lambda items: summarize(
            items, args.max_sentences
        ),
    }
    results = {name: defaultdict(list) for name in systems}
    lengths = {name: [] for name in systems}
    for c in clusters:
        items = by_cluster.get(f"mds-{c['cluster_id']}")
        if not items:
            continue
        refs = [c["ref_summary_1"], c["ref_summary_2"]]
        for name, fn in systems.items():
            summary = " ".join(fn(items))
            lengths[name].append(len(tokens(summary)))
            for k, v in rouge(summary, refs).items():
                results[name][k].append(v)
    n = len(next(iter(lengths.values())))
    ref_len = statistics.mean(
        len(tokens(c["ref_summary_1"] + " " + c["ref_summary_2"])) / 2 for c in clusters
    )
    print(f"VN-MDS (shared part): {n} clusters, 2 references each (mean {ref_len:.0f} syllables).\n")
    print("| system | syllables | R-1 F | R-2 F | R-L F | R-1 recall | R-2 recall |")
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        m = {k: statistics.mean(v) for k, v in r.items()}
        print(
            f"| {name} | {statistics.mean(lengths[name]):.0f} | {m['R1_f']:.3f} | {m['R2_f']:.3f} | {m['RL_f']:.3f} | "
            f"{m['R1_r']:.3f} | {m['R2_r']:.3f} |"
        )


if __name__ == "__main__":
    main()
