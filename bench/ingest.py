"""Ingest throughput and peak memory at 10k and 100k articles, raw and with analysis.

    python bench/ingest.py [--sizes 10000 100000] [--backends sqlite postgresql] [--no-analysis] [--workers 2]

Each run is a fresh process (so peak memory is that run's own), ingesting a JSONL file of real VNTC articles
whose texts all differ. PostgreSQL runs when TINHHINH_TEST_PG (or --pg URL) names a server.
Prints a Markdown table: wall-clock articles/s, and the CPU time per article of the writing process and of
the child processes (the reader: large dumps are read and folded in a worker process, 0 when read in-process;
with analysis also the --workers analysis processes), which are what to compare on a shared machine. Peak
memory likewise (for children: the largest one).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _corpus import write_jsonl  # noqa: E402

CACHE = Path(os.environ.get("TINHHINH_BENCH_CACHE", Path(tempfile.gettempdir()) / "tinhhinh-bench"))

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import analysis_for, ingest
from tinhhinh.store.db import engine_for
src, db, analyse, workers = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
engine = engine_for(db)
stages, ordered = analysis_for(engine) if analyse else ([], None)
def cpu():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime
t0 = time.perf_counter()
c0 = cpu()
s = ingest(read_file(Path(src)), engine, stages=stages, ordered=ordered, workers=workers)  # default batch, as the CLI
dt = time.perf_counter() - t0
c1 = cpu()
n = s.new + s.copies
print(json.dumps({"n": n, "seconds": dt, "rate": n / dt,
                  "main_cpu_ms": (c1[0] - c0[0]) * 1000 / n, "reader_cpu_ms": (c1[1] - c0[1]) * 1000 / n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "reader_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    eng.dispose()


def run(src: Path, db: str, analyse: bool, workers: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(src), db, "1" if analyse else "0", str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--no-analysis", action="store_true", help="Only raw ingest (--no-analyze).")
    ap.add_argument("--workers", type=int, default=2, help="Analysis processes (ingest --workers).")
    ap.add_argument("--pg", default=os.environ.get("TINHHINH_TEST_PG"))
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        src = write_jsonl(CACHE / f"articles-{n}.jsonl", n)
        for backend in args.backends:
            if backend == "postgresql" and not args.pg:
                print("(skipping PostgreSQL: set TINHHINH_TEST_PG)", file=sys.stderr)
                continue
            for analyse in [False] if args.no_analysis else [False, True]:
                if backend == "sqlite":
                    db = CACHE / f"ingest-{n}-{int(analyse)}.db"
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{db}{suffix}").unlink(missing_ok=True)
                    target = str(db)
                else:
                    reset_pg(args.pg)
                    target = args.pg
                r = run(src, target, analyse, args.workers)
                mode = f"with analysis (--workers {args.workers})" if analyse else "raw (--no-analyze)"
                rows.append((n, backend, mode, r))
                print(f"{n} {backend} {'analysis' if analyse else 'raw'}: {r['rate']:.0f}/s", file=sys.stderr)
    print(
        "| articles | backend | mode | articles/s | seconds | CPU ms/article (writer + children) "
        "| peak memory MB (writer + largest child) |"
    )
    print("|---:|---|---|---:|---:|---:|---:|")
    for n, backend, mode, r in rows:
        print(
            f"| {n:,} | {backend} | {mode} | {r['rate']:,.0f} | {r['seconds']:.1f} "
            f"| {r['main_cpu_ms']:.2f} + {r['reader_cpu_ms']:.2f} | {r['peak_mb']:.0f} + {r['reader_peak_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
