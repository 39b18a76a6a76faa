"""Copy detection: precision/recall over thresholds on planted near-copies of VNTC articles.

Usage: .venv/bin/python bench/copies_eval.py [--n 1000] [--seed 7] [--offset 0] [--scheme current|1|both]
Prints Markdown tables. Needs the shared data (TINHHINH_DATA).

``--offset K`` skips the first K eligible articles (a slice disjoint from the default one, to choose
a threshold on data other than the data reported). ``--scheme 1`` evaluates the older signature
scheme 1 (SHA-1 of each shingle string, datasketch's MinHash; written out below) on the same stream,
``both`` prints the current scheme's table and then scheme 1's.

Setup: ``n`` articles (>= 800 characters, distinct texts) get one planted copy each, made by one of
six edits (below); ``2 n`` other articles are distractors that copy nothing. The stream (originals,
distractors, copies) is shuffled, so copies often arrive before their original; ``published_at`` says
which is earlier. A copy counts as found when its group's canonical is its original.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import time
import tracemalloc
from datetime import datetime, timedelta

import numpy as np

from tinhhinh import config
from tinhhinh.nlp import copies
from tinhhinh.nlp.area import read_jsonl
from tinhhinh.nlp.copies import CopyDetector, exact_hash, signature
from tinhhinh.nlp.normalize import folded_tokens

_SENT = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text.replace("\n", " ")) if s.strip()]


def edit(kind: str, title: str, text: str, other: dict, rnd: random.Random) -> tuple[str, str]:
    sents = sentences(text)
    words_pool = other["text"].split()
    if kind == "drop 20% sentences":
        keep = [s for s in sents if rnd.random() > 0.2] or sents[:1]
        return title, " ".join(keep)
    if kind == "reorder sentences":
        s2 = sents[:]
        rnd.shuffle(s2)
        return title, " ".join(s2)
    if kind == "change 5% of words":
        words = text.split()
        for i in rnd.sample(range(len(words)), max(1, len(words) // 20)):
            words[i] = rnd.choice(words_pool)
        return title, " ".join(words)
    if kind == "new headline":
        return other["title"], text
    if kind == "all of the above, lighter":
        keep = [s for s in sents if rnd.random() > 0.1] or sents[:1]
        rnd.shuffle(keep)
        words = " ".join(keep).split()
        for i in rnd.sample(range(len(words)), max(1, len(words) // 33)):
            words[i] = rnd.choice(words_pool)
        return other["title"], " ".join(words)
    if kind == "first half only":
        return title, " ".join(sents[: max(1, len(sents) // 2)])
    raise ValueError(kind)


KINDS = [
    "drop 20% sentences",
    "reorder sentences",
    "change 5% of words",
    "new headline",
    "all of the above, lighter",
    "first half only",
]


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(1)  # datasketch's MinHash permutations, seed 1
    a = gen.randint(0, 1 << 31, copies.NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, copies.NUM_PERM, dtype=np.uint32)
    return a, b


_PERM_A, _PERM_B = _permutations()


def scheme1_signature(text: str, words: list[str] | None = None) -> bytes:
    """Scheme 1 as the code before 27 Nov 2026 computed it (datasketch's MinHash arithmetic: SHA-1 prefix
    of each shingle string, MurmurHash3 32-bit finalizer, datasketch's permutations), tagged so the
    detector accepts it: only the values differ between the schemes."""
    if words is None:
        words = folded_tokens(text or "")
    if len(words) < 3:
        sh = {" ".join(words).encode("utf-8")} if words else set()
    else:
        sh = set(map(str.encode, map(" ".join, zip(words, words[1:], words[2:], strict=False))))
    values = np.full(copies.NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    if sh:
        hv = np.frombuffer(b"".join([_sha1(x).digest()[:4] for x in sh]), dtype="<u4").astype(np.uint32)
        hv ^= hv >> np.uint32(16)
        hv *= np.uint32(0x85EBCA6B)
        hv ^= hv >> np.uint32(13)
        hv *= np.uint32(0xC2B2AE35)
        hv ^= hv >> np.uint32(16)
        values = np.minimum(values, (hv.reshape(-1, 1) * _PERM_A + _PERM_B).min(axis=0))
    exact = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    return exact + values.astype("<u4").tobytes() + copies._TAG


_sha1 = hashlib.sha1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--offset", type=int, default=0, help="skip this many eligible articles first")
    ap.add_argument("--scheme", choices=["current", "1", "both"], default="current")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    seen: set[bytes] = set()
    pool = []
    skipped = 0
    for r in read_jsonl(config.data_dir() / "vntc" / "test.jsonl.gz"):
        if len(r["text"]) < 800:
            continue
        h = exact_hash(r["title"] + "\n" + r["text"])
        if h in seen:
            continue
        seen.add(h)
        if skipped < args.offset:
            skipped += 1
            continue
        pool.append(r)
        if len(pool) >= 6 * args.n:
            break
    rnd.shuffle(pool)
    originals, distractors = pool[: args.n], pool[args.n : 3 * args.n]
    t0 = datetime(2026, 1, 1)
    stream = []  # (key, text, published_at, original key or None, kind)
    for i, r in enumerate(originals):
        kind = KINDS[i % len(KINDS)]
        other = pool[3 * args.n + i]
        title, text = edit(kind, r["title"], r["text"], other, rnd)
        pub = t0 + timedelta(minutes=rnd.randrange(100_000))
        stream.append((f"o{i}", f"{r['title']}\n{r['text']}", pub, None, "original"))
        stream.append(
            (f"c{i}", f"{title}\n{text}", pub + timedelta(minutes=1 + rnd.randrange(600)), f"o{i}", kind)
        )
    for j, r in enumerate(distractors):
        stream.append(
            (
                f"d{j}",
                f"{r['title']}\n{r['text']}",
                t0 + timedelta(minutes=rnd.randrange(100_000)),
                None,
                "distractor",
            )
        )
    rnd.shuffle(stream)
    schemes = {"current": ["current"], "1": ["1"], "both": ["current", "1"]}[args.scheme]
    for scheme in schemes:
        evaluate(args, stream, scheme)


def evaluate(args, stream: list, scheme: str) -> None:
    # the words are folded outside the timed part: in the pipeline the text view has them
    words = [folded_tokens(text) for _, text, _, _, _ in stream]
    sign = signature if scheme == "current" else scheme1_signature
    t = time.process_time()
    sigs = [sign(x[1], w) for x, w in zip(stream, words, strict=True)]
    sig_ms = (time.process_time() - t) / len(stream) * 1000
    what = "signature CPU ms/item (folded words given, first pass)"

    name = copies.VERSION if scheme == "current" else "1 (minhash-128)"
    print(
        f"\n**Scheme {name}** (offset {args.offset}, seed {args.seed}): {args.n} planted copies "
        f"({args.n // len(KINDS)} per edit), {2 * args.n} distractors, "
        f"{len(stream)} items in shuffled order; {what}: {sig_ms:.3f}\n"
    )
    print(
        "| threshold | precision | recall | "
        + " | ".join(f"recall: {k}" for k in KINDS)
        + " | false flags on non-copies |"
    )
    print("|---:|---:|---:|" + "---:|" * len(KINDS) + "---:|")
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        det = CopyDetector(threshold=th)
        answer = {}
        for (key, _, pub, _, _), sig in zip(stream, sigs, strict=True):
            answer[key] = det.add_signature(key, sig, pub)
        repoints = dict(det.repointed())

        # The final answer for an item: follow re-pointing of the canonical it was given.
        def final(key: str, answer=answer, repoints=repoints) -> str | None:
            d = answer[key] or key
            while d in repoints:
                d = repoints[d]
            return d if d != key else None

        tp = fp = 0
        per_kind = {k: 0 for k in KINDS}
        nonflags = 0
        for key, _, _, orig, kind in stream:
            d = final(key)
            if orig is not None:
                if d == orig:
                    tp += 1
                    per_kind[kind] += 1
                elif d is not None:
                    fp += 1
            elif d is not None:
                fp += 1
                nonflags += 1
        flagged = tp + fp
        prec = tp / flagged if flagged else 1.0
        per = args.n // len(KINDS)
        print(
            f"| {th:.1f} | {prec:.3f} | {tp / args.n:.3f} | "
            + " | ".join(f"{per_kind[k] / per:.2f}" for k in KINDS)
            + f" | {nonflags} |"
        )

    tracemalloc.start()
    det = CopyDetector(threshold=0.5)
    before = tracemalloc.get_traced_memory()[0]
    for (key, _, pub, _, _), sig in zip(stream, sigs, strict=True):
        det.add_signature(key, sig, pub)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    t = time.process_time()
    det2 = CopyDetector(threshold=0.5)
    for (key, _, pub, _, _), sig in zip(stream, sigs, strict=True):
        det2.add_signature(key, sig, pub)
    add_rate = len(stream) / (time.process_time() - t)
    print(
        f"\nmemory per entry (threshold 0.5): {(after - before) / len(stream):,.0f} bytes; "
        f"add_signature: {add_rate:,.0f} items/CPU s"
    )


if __name__ == "__main__":
    main()
