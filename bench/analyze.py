"""`tinhhinh analyze` throughput against underthesea's word segmenter, and memory as the input grows.

    python bench/analyze.py [--n 5000] [--grow 10] [--stories]

Runs exactly `tinhhinh analyze --workers 2 --input F --output G` as a whole process over N real VNTC
articles (wall time, including start-up), and underthesea `word_tokenize` alone over 1,000 of the same
articles in this process; prints both rates and their ratio (target ≥ 10×). Then runs analyze over
N × grow articles and compares peak memory (target: flat, bounded by the window).
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _corpus import write_jsonl  # noqa: E402
from ingest import CACHE  # noqa: E402

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"


def run_analyze(src: Path, extra: list[str]) -> tuple[float, float]:
    out = CACHE / f"{src.stem}.out.jsonl"
    cmd = [
        "/usr/bin/time",
        "-f",
        "%M",
        EXE,
        "analyze",
        "--workers",
        "2",
        "--input",
        str(src),
        "--output",
        str(out),
        "--quiet",
        *extra,
    ]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"analyze failed: {proc.stderr[-2000:]}")
    # children's peak RSS: the worker processes report through getrusage of their parent
    peak_kb = float(proc.stderr.strip().splitlines()[-1])
    n_out = sum(1 for _ in out.open(encoding="utf-8"))
    n_in = sum(1 for _ in src.open(encoding="utf-8"))
    assert n_out == n_in, f"{n_out} records out for {n_in} in"
    return dt, peak_kb / 1024


def underthesea_rate(src: Path, n: int = 1000) -> float:
    from underthesea import word_tokenize

    texts = []
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            texts.append(f"{r['title']}\n{r['text']}")
            if len(texts) >= n:
                break
    word_tokenize(texts[0])  # load the model outside the timing
    t0 = time.perf_counter()
    for t in texts:
        word_tokenize(t)
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--grow", type=int, default=10)
    ap.add_argument("--stories", action="store_true", help="Also run the story stage (--stories).")
    args = ap.parse_args()
    if not Path("/usr/bin/time").exists():
        raise SystemExit("needs /usr/bin/time (Debian package `time`) to read peak memory")
    extra = ["--stories"] if args.stories else []
    src = write_jsonl(CACHE / f"articles-{args.n}.jsonl", args.n)
    seconds, peak = run_analyze(src, extra)
    rate = args.n / seconds
    uts = underthesea_rate(src)
    print("| command | articles | articles/s | peak memory (MB) |")
    print("|---|---:|---:|---:|")
    label = "tinhhinh analyze --workers 2" + (" --stories" if args.stories else "")
    print(f"| {label} | {args.n:,} | {rate:,.0f} | {peak:.0f} |")
    print(f"| underthesea word_tokenize (1 process) | 1,000 | {uts:,.0f} | – |")
    print(f"\nratio: **{rate / uts:.1f}×** (target ≥ 10×)\n")
    if args.grow > 1:
        big = write_jsonl(CACHE / f"articles-{args.n * args.grow}.jsonl", args.n * args.grow)
        seconds_big, peak_big = run_analyze(big, extra + ["--window", str(args.n)])
        _, peak_small = run_analyze(src, extra + ["--window", str(args.n)])
        print("| input | window | articles/s | peak memory (MB) |")
        print("|---:|---:|---:|---:|")
        print(f"| {args.n:,} | {args.n:,} | – | {peak_small:.0f} |")
        print(
            f"| {args.n * args.grow:,} | {args.n:,} | {args.n * args.grow / seconds_big:,.0f} | {peak_big:.0f} |"
        )


if __name__ == "__main__":
    main()
