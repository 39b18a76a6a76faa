"""Harm benchmark: scam precision/recall, false alarms on ordinary news, toxicity speed and scores.

    .venv/bin/python bench/harm.py [--model DIR] [--articles 5000] [--heldout] [--set FILE ...]

--set FILE scores the scam rules on another labelled set (same fields as scam_set.jsonl); give it
more than once for several sets. Each set also gets one row per category.

Needs the shared corpora (TINHHINH_DATA) and, for the toxicity rows, a trained model
(`tinhhinh train toxicity --data ../shared/data/vihsd`, or --model DIR). Prints a Markdown table.
Speeds are given per CPU-second of this process (the machine is shared) and per wall-clock second.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tinhhinh import config  # noqa: E402
from tinhhinh.harm import toxicity as tox  # noqa: E402
from tinhhinh.harm.scam import assess as scam_assess  # noqa: E402
from tinhhinh.harm.scam import load_rules  # noqa: E402
from tinhhinh.item import Item  # noqa: E402

SCAM_SET = ROOT / "tests" / "harm" / "data" / "scam_set.jsonl"
HELDOUT = ROOT / "tests" / "harm" / "data" / "toxicity_heldout_ids.txt"


def _timed(fn):
    c0, w0 = time.process_time(), time.time()
    result = fn()
    return result, time.process_time() - c0, time.time() - w0


def scam_rows(rows_out: list[tuple[str, str]], path: Path = SCAM_SET) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_variant: dict[str, list[int]] = {}
    by_category: dict[tuple[str, str], list[int]] = {}
    tp = fp = fn = 0
    for r in rows:
        flagged = scam_assess(r["title"], r["text"]).flagged
        gold = r["label"] == "scam"
        tp += flagged and gold
        fp += flagged and not gold
        fn += gold and not flagged
        v = by_variant.setdefault(r["variant"], [0, 0, 0])
        v[0] += flagged and gold
        v[1] += flagged and not gold
        v[2] += gold and not flagged
        c = by_category.setdefault((r["label"], r.get("category", "")), [0, 0])
        c[0] += flagged
        c[1] += 1

    # nothing flagged has no precision: "—", not 0.000 (which read as "every flag was wrong")
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "—"

    pos = sum(r["label"] == "scam" for r in rows)
    rows_out.append(
        (
            f"scam precision / recall, {path.name} ({len(rows)} rows: {pos} scam, {len(rows) - pos} hard negatives; rules {load_rules().version})",
            f"{ratio(tp, tp + fp)} / {ratio(tp, tp + fn)}",
        )
    )
    for variant, (a, b, c) in sorted(by_variant.items()):
        rows_out.append((f"  — {variant}", f"{ratio(a, a + b)} / {ratio(a, a + c)}"))
    if path != SCAM_SET:
        for (label, cat), (flagged, n) in sorted(by_category.items()):
            what = "caught (recall)" if label == "scam" else "flagged (false alarms)"
            rows_out.append((f"  — {label} / {cat}: {what}", f"{flagged}/{n}"))


def vntc_articles(n: int) -> list[dict]:
    path = config.data_dir() / "vntc" / "test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, n)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument(
        "--heldout", action="store_true", help="also score the held-out ViHSD ids (the test split)"
    )
    ap.add_argument(
        "--set",
        type=Path,
        action="append",
        default=[],
        help="another labelled scam set (JSONL, same fields as scam_set.jsonl); repeatable",
    )
    args = ap.parse_args()

    table: list[tuple[str, str]] = []
    scam_rows(table)
    for extra in args.set:
        scam_rows(table, extra)

    articles = vntc_articles(args.articles)
    flags, cpu, wall = _timed(lambda: [scam_assess(a["title"], a["text"]).flagged for a in articles])
    table.append(
        (f"scam flags on {len(articles):,} VNTC articles", f"{sum(flags)} ({sum(flags) / len(articles):.2%})")
    )
    table.append(
        ("scam speed, articles/s (CPU / wall)", f"{len(articles) / cpu:,.0f} / {len(articles) / wall:,.0f}")
    )

    reason = tox.model_status(args.model)
    if reason:
        table.append(("toxicity", f"not measured: {reason}"))
    else:
        model = tox.load_model(args.model)
        assert model is not None
        model_dir = args.model or tox.default_model_dir()
        size = sum(p.stat().st_size for p in model_dir.iterdir()) / 1e6
        table.append(
            (f"toxicity model ({model.version})", f"{size:.1f} MB, {model.card['features']:,} features")
        )
        comments = [t for _, t, _ in tox.read_labelled(config.data_dir() / "vihsd" / "dev.jsonl")]
        model.predict("warm up")
        _, cpu, wall = _timed(lambda: [model.predict(t) for t in comments])
        table.append(
            (
                "toxicity speed, comments/s, one core (CPU / wall)",
                f"{len(comments) / cpu:,.0f} / {len(comments) / wall:,.0f}",
            )
        )
        stage = tox.ToxicityStage(model_dir=model_dir)
        items, cpu, wall = _timed(
            lambda: [stage(Item(kind="article", title=a["title"], text=a["text"])) for a in articles]
        )
        toxic = sum(any(h["type"] == "toxic" for h in it.harm) for it in items)
        labelled = sum(it.toxicity != "clean" for it in items)
        table.append(
            (
                f"toxic flags on {len(articles):,} VNTC articles (per-chunk, 2nd-worst chunk, threshold {stage.threshold})",
                f"{toxic} ({toxic / len(articles):.2%}); not-clean label {labelled} ({labelled / len(articles):.2%})",
            )
        )
        screen_above = tox.SCREEN_ABOVE
        tox.SCREEN_ABOVE = 10**9  # the model reads every piece (no screen)
        try:
            (full, cpu_full, _) = _timed(lambda: [tox.assess(model, a["title"], a["text"]) for a in articles])
        finally:
            tox.SCREEN_ABOVE = screen_above
        ft = sum(r.label != "clean" and r.score >= stage.threshold for r in full)
        same = sum(it.toxicity == r.label for it, r in zip(items, full, strict=True))
        table.append(
            (
                "  — alternative: the model reads every piece (no screen)",
                f"{ft} ({ft / len(articles):.2%}); same label as with the screen: {same}/{len(articles)}",
            )
        )
        whole = [model.predict(f"{a['title']}\n{a['text']}") for a in articles]
        wt = sum(lbl != "clean" and s >= stage.threshold for lbl, s in whole)
        table.append(("  — alternative: whole article as one text", f"{wt} ({wt / len(articles):.2%})"))
        worst = []
        for a in articles:
            pieces = [a["title"]] + [a["text"][x:y] for x, y in tox._chunks(a["text"])]
            best = max(
                (model.predict(p) for p in pieces if p.strip()), key=lambda t: t[1], default=("clean", 0.0)
            )
            worst.append(best[0] != "clean" and best[1] >= stage.threshold)
        table.append(
            ("  — alternative: worst single chunk", f"{sum(worst)} ({sum(worst) / len(articles):.2%})")
        )
        table.append(
            (
                "toxicity speed on articles, articles/s (CPU / wall)",
                f"{len(articles) / cpu:,.0f} / {len(articles) / wall:,.0f}",
            )
        )
        table.append(
            (
                "toxicity CPU ms per article: stage with the screen / model reads every piece",
                f"{cpu / len(articles) * 1000:.2f} / {cpu_full / len(articles) * 1000:.2f}",
            )
        )
        dev = tox.read_labelled(config.data_dir() / "vihsd" / "dev.jsonl")
        m = tox.metrics([r[2] for r in dev], [tox.LABELS.index(model.predict(t)[0]) for _, t, _ in dev])
        table.append(("toxicity dev macro-F1 (tuning split)", f"{m['macro_f1']:.4f}"))
        if args.heldout:
            ids = {x.strip() for x in HELDOUT.read_text(encoding="utf-8").splitlines() if x.strip()}
            rows = [r for r in tox.read_labelled(config.data_dir() / "vihsd" / "test.jsonl") if r[0] in ids]
            m = tox.metrics([r[2] for r in rows], [tox.LABELS.index(model.predict(t)[0]) for _, t, _ in rows])
            pc = m["per_class"]
            table.append(
                (
                    f"toxicity held-out ({len(rows):,} test-split comments): acc / macro-F1",
                    f"{m['accuracy']:.4f} / {m['macro_f1']:.4f}",
                )
            )
            for label in tox.LABELS:
                table.append(
                    (
                        f"  — {label} P / R / F1",
                        f"{pc[label]['precision']:.3f} / {pc[label]['recall']:.3f} / {pc[label]['f1']:.3f}",
                    )
                )
            toxic_comments = [t for _, t, y in rows if y != 0]
            caught = sum(
                any(h["type"] == "toxic" for h in stage(Item(kind="comment", text=t)).harm)
                for t in toxic_comments
            )
            table.append(
                (
                    f"held-out offensive+hate comments that get a toxic flag (threshold {stage.threshold})",
                    f"{caught}/{len(toxic_comments)} ({caught / len(toxic_comments):.1%})",
                )
            )

    print("| measure | value |")
    print("|---|---|")
    for k, v in table:
        print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
