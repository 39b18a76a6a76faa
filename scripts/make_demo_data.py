"""Build the bundled demo corpus: real VNTC articles on a deterministic 30-day replay timeline.

    python scripts/make_demo_data.py [--data ../shared/data] [--out src/tinhhinh/data/demo/vntc_demo.jsonl.gz]

What it makes (seeded, so the same input gives the same file):
- ~3,000 VNTC articles (MIT, see src/tinhhinh/data/demo/README.md);
- "stories": groups of 2–6 articles about the same event, found by TF-IDF similarity inside VNTC,
  placed within a day or two of each other;
- syndication: exact copies VNTC already holds under other ids, plus planted near-copies (a sentence
  dropped, sentences swapped, a few words changed, another headline) under another source;
- three planted bursts: 25–40 articles on one theme inside a few hours; the newest ends two hours
  before the replay does, so `tinhhinh stories --hot` (last 24 h) has something to show right away;
- everything else spread over 30 days with a day/night rhythm;
- 8 scam posts from our own labelled scam set (tests/harm/data/scam_set.jsonl), for the flag review.
Each record carries ``replay_minutes`` (minutes before the end of the replay) instead of a date;
``tinhhinh demo`` turns it into ``published_at`` relative to the day it runs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from tinhhinh.nlp.normalize import fold

SEED = 20261126
DAY = 24 * 60
SPAN_DAYS = 30
SCAM_POSTS = 8
BURSTS = [
    # (theme, words that must all appear in the folded title+text, hours from the burst's first item to
    # the end of the replay, hours wide, count). The first one is "today" (10 h to 2 h before the end):
    # the analyst's first question is what is hot now.
    ("cum-gia-cam", ["cúm gia cầm"], 10, 8, 36),
    ("mua-lu", ["mưa lũ"], 9 * 24 + 10, 10, 28),
    ("gia-vang", ["giá vàng"], 19 * 24 + 10, 6, 25),
]


def load(data: Path) -> list[dict]:
    rows = []
    for name in ("train.jsonl.gz", "test.jsonl.gz"):
        with gzip.open(data / "vntc" / name, "rt", encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh)
    return rows


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+", text) if s.strip()]


def near_copy(row: dict, rng: random.Random) -> dict:
    """An edited re-publication: other headline, a sentence dropped, two swapped, a word or two changed."""
    sents = sentences(row["text"])
    if len(sents) > 4:
        del sents[rng.randrange(1, len(sents))]
        i = rng.randrange(0, len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
    text = " ".join(sents)
    for a, b in (("cho biết", "cho hay"), ("theo", "căn cứ"), ("ngày", "hôm")):
        if a in text and rng.random() < 0.7:
            text = text.replace(a, b, 1)
    words = row["title"].split()
    title = " ".join(words[: max(4, len(words) * 2 // 3)]) + " (tin tổng hợp)"
    return {**row, "title": title, "text": text}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("src/tinhhinh/data/demo/vntc_demo.jsonl.gz"))
    ap.add_argument("--size", type=int, default=3000)
    args = ap.parse_args()
    rng = random.Random(SEED)

    rows = load(args.data)
    # Order by a hash of the id: a stable shuffle independent of file order.
    rows.sort(key=lambda r: hashlib.md5(r["id"].encode()).hexdigest())
    # Keep articles of a readable size: a real body, not a whole-text title.
    pool = [r for r in rows if 300 <= len(r["text"]) <= 6000 and len(r["title"]) <= 160][:16000]
    folded = [fold(r["title"] + " " + r["text"]) for r in pool]

    chosen: dict[str, dict] = {}

    def take(row: dict, minutes: float, role: str, **extra) -> None:
        if row["id"] in chosen:
            return
        chosen[row["id"]] = {
            "id": row["id"].replace("/", "-").replace(" ", ""),
            "source": row["source"],
            "kind": "article",
            "title": row["title"],
            "text": row["text"],
            "vntc_label": row["label"],
            "replay_minutes": int(max(1, min(SPAN_DAYS * DAY - 1, minutes))),
            "replay_role": role,
            **extra,
        }

    # 1. Planted bursts: one event covered by many outlets within a few hours — the seed article, its
    # closest neighbours inside the theme, and rewrites of the seed published by other (demo) outlets.
    vec0 = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.3, sublinear_tf=True, max_features=200000)
    x0 = vec0.fit_transform(folded)
    outlets = [
        f"{name}-demo.vn"
        for name in (
            "baomoi",
            "tinnhanh",
            "thoisu",
            "dantri",
            "nguoiduatin",
            "tinmoi",
            "baodientu",
            "tintuc24h",
            "doisong",
        )
    ]
    for theme, words, starts_hours_before_end, hours, count in BURSTS:
        hits = [i for i, f in enumerate(folded) if all(w in f for w in words)]
        rng.shuffle(hits)
        seed = hits[0]
        sims = (x0[hits] @ x0[seed].T).toarray().ravel()
        near = [hits[j] for j in np.argsort(-sims)[:8]]
        centre = starts_hours_before_end * 60
        for i in near:
            take(pool[i], centre - rng.uniform(0, hours * 60), f"burst:{theme}")
        for n in range(count - len(near)):
            copy = near_copy(pool[seed], rng)
            copy["id"] = f"{pool[seed]['id']}-burst{n}"
            copy["source"] = outlets[n % len(outlets)]
            take(copy, centre - rng.uniform(0, hours * 60), f"burst:{theme}:rewrite")

    # 2. Stories: nearest neighbours by TF-IDF among the pool (not exact copies).
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.3, sublinear_tf=True, max_features=300000)
    x = vec.fit_transform(folded)
    seeds = list(range(0, 6000))
    rng.shuffle(seeds)
    stories = 0
    for start in range(0, len(seeds), 500):
        block = seeds[start : start + 500]
        sims = (x[block] @ x.T).toarray()
        for row_i, i in enumerate(block):
            if stories >= 220 or pool[i]["id"] in chosen:
                continue
            order = np.argsort(-sims[row_i])
            group = [j for j in order[1:8] if 0.35 <= sims[row_i, j] < 0.95 and pool[j]["id"] not in chosen]
            if len(group) < 1:
                continue
            group = [i, *group[: rng.randint(1, 5)]]
            centre = rng.uniform(1, SPAN_DAYS - 1) * DAY
            for j in group:
                take(pool[j], centre - rng.uniform(0, 36 * 60), f"story:{stories}")
            stories += 1

    # 3. Syndication: exact copies VNTC holds under other ids, and planted near-copies.
    by_text: dict[str, list[dict]] = {}
    for r in rows:
        by_text.setdefault(" ".join(fold(r["title"] + " " + r["text"]).split()), []).append(r)
    exact_groups = [g for g in by_text.values() if len(g) > 1 and 300 <= len(g[0]["text"]) <= 6000]
    rng.shuffle(exact_groups)
    for g in exact_groups[:60]:
        centre = rng.uniform(0.5, SPAN_DAYS - 0.5) * DAY
        for r in g[:3]:
            take(r, centre - rng.uniform(0, 12 * 60), "copy:exact")
    originals = [r for r in pool[8000:12000] if r["id"] not in chosen]
    for n, r in enumerate(originals[:80]):
        centre = rng.uniform(0.5, SPAN_DAYS - 0.5) * DAY
        take(r, centre, f"copy:original:{n}")
        copy = near_copy(r, rng)
        copy["id"] = r["id"] + "-tonghop"
        copy["source"] = "baodientu-demo.vn"
        take(
            copy,
            centre - rng.uniform(30, 600),
            f"copy:near:{n}",
            near_copy_of=r["id"].replace("/", "-").replace(" ", ""),
        )

    # 4. Background: the rest, spread over 30 days with more articles in the daytime.
    for r in pool[12000:]:
        if len(chosen) >= args.size:
            break
        day = rng.uniform(0, SPAN_DAYS)
        hour = rng.choice([7, 8, 9, 10, 11, 14, 15, 16, 17, 20, 21, 6, 13, 19, 22])
        take(r, int(day) * DAY + (24 - hour) * 60 - rng.uniform(0, 60), "background")

    # 5. Scam posts: a few messages from our own labelled scam set (written for this project from published
    # police and bank warnings; see tests/harm/data/scam_set.jsonl), so the flag review has real work.
    scam_set = Path(__file__).resolve().parents[1] / "tests" / "harm" / "data" / "scam_set.jsonl"
    scams = [json.loads(line) for line in scam_set.read_text(encoding="utf-8").splitlines() if line.strip()]
    scams = [r for r in scams if r["label"] == "scam" and r["variant"] in ("plain", "teencode")]
    for n, r in enumerate(rng.sample(scams, SCAM_POSTS)):
        chosen[f"scam-{r['id']}"] = {
            "id": f"demo-post-{r['id']}",
            "source": f"{['facebook', 'zalo', 'tiktok'][n % 3]}-demo.vn",
            "kind": "post",
            "title": r["title"],
            "text": r["text"],
            "replay_minutes": int(rng.uniform(0.2, SPAN_DAYS - 0.2) * DAY),
            "replay_role": f"scam:{r['category']}",
        }

    records = sorted(chosen.values(), key=lambda r: (-r["replay_minutes"], r["id"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        for rec in records:
            fh.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
    roles: dict[str, int] = {}
    for rec in records:
        key = rec["replay_role"].split(":")[0]
        roles[key] = roles.get(key, 0) + 1
    print(f"wrote {len(records)} records to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {roles}")


if __name__ == "__main__":
    main()
