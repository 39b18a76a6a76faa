"""Benchmark corpora: N real VNTC articles whose texts all differ (copies beyond the corpus are varied)."""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

DATA = Path(os.environ.get("TINHHINH_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data")


def vntc_records() -> list[dict]:
    rows = []
    for name in ("train.jsonl.gz", "test.jsonl.gz"):
        with gzip.open(DATA / "vntc" / name, "rt", encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh)
    return rows


def _vary(text: str, rng: random.Random, round_: int) -> str:
    """Reorder sentences and change a few numbers, so a re-used article is a different text."""
    sents = re.split(r"(?<=[.!?])\s+", text)
    rng.shuffle(sents)
    text = " ".join(sents)
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + round_), text, count=3) + f" (bản {round_})"


def articles(n: int, seed: int = 7) -> Iterator[dict]:
    rows = vntc_records()
    rng = random.Random(seed)
    for i in range(n):
        base = rows[i % len(rows)]
        round_ = i // len(rows)
        text = base["text"] if round_ == 0 else _vary(base["text"], rng, round_)
        title = base["title"] if round_ == 0 else f"{base['title']} ({round_})"
        yield {
            "id": f"{base['id']}#{round_}",
            "source": base["source"],
            "title": title,
            "text": text,
            "published_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+07:00",
        }


def write_jsonl(path: Path, n: int) -> Path:
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in articles(n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.rename(path)
    return path
