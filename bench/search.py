"""Search latency: a fixed mix of 100 queries through the library, in one process, at 10k and 100k articles.

    python bench/search.py [--sizes 10000 100000] [--backends sqlite postgresql]

The mix: 50 common Vietnamese queries (1–3 words, some quoted as phrases), each typed with and without
diacritics. Every search is audited, as in real use. Prints p50/p95/max (ms) as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _corpus import write_jsonl  # noqa: E402
from ingest import CACHE, reset_pg  # noqa: E402

from tinhhinh.nlp.normalize import strip_diacritics  # noqa: E402

TERMS = [
    "Hà Nội",
    "Đà Nẵng",
    "giá vàng",
    "bóng đá",
    "tai nạn giao thông",
    "cúm gia cầm",
    '"thị trường chứng khoán"',
    "công an",
    "học sinh",
    "bệnh viện",
    "xuất khẩu",
    "World Cup",
    "máy tính",
    "Internet",
    "ô nhiễm môi trường",
    "tham nhũng",
    "giáo dục",
    "kinh tế",
    "ung thư",
    '"điện thoại di động"',
    "lũ lụt",
    "xăng dầu",
    "bất động sản",
    "Việt Nam",
    "thủ tướng",
    "quốc hội",
    "sinh viên",
    "du lịch",
    "ca sĩ",
    "phim",
    "vắc xin",
    "HIV",
    "ngân hàng",
    "lãi suất",
    "nhà đất",
    "đường sắt",
    '"sân bay"',
    "tàu hỏa",
    "động đất",
    "Iraq",
    "Mỹ",
    "Trung Quốc",
    "virus",
    "phần mềm",
    "Microsoft",
    "Google",
    "bầu cử",
    "cầu thủ",
    '"huấn luyện viên"',
    "giải thưởng",
]
QUERIES = [q for t in TERMS for q in (t, strip_diacritics(t))]
assert len(QUERIES) == 100


def build(n: int, backend: str, pg: str | None) -> str:
    from tinhhinh.ingest.records import read_file
    from tinhhinh.ingest.run import ingest
    from tinhhinh.store.db import engine_for

    src = write_jsonl(CACHE / f"articles-{n}.jsonl", n)
    if backend == "sqlite":
        db = CACHE / f"search-{n}.db"
        if not db.exists():
            ingest(read_file(src), engine_for(str(db)), batch_size=2000)
        return str(db)
    if _pg_items(pg) != n:  # a database the bench filled before with the same articles is reused
        reset_pg(pg)
        ingest(read_file(src), engine_for(pg), batch_size=2000)
    return pg


def _pg_items(url: str) -> int:
    from sqlalchemy import create_engine, text

    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            if conn.execute(text("SELECT to_regclass('public.items')")).scalar() is None:
                return 0
            return int(conn.execute(text("SELECT count(*) FROM items")).scalar_one())
    finally:
        eng.dispose()


def measure(target: str) -> list[float]:
    from tinhhinh.store.db import engine_for
    from tinhhinh.store.search import search

    engine = engine_for(target)
    for q in QUERIES[:10]:  # warm the page cache
        search(engine, q, user="bench")
    times, cpu = [], []
    for q in QUERIES:
        t0, c0 = time.perf_counter(), time.process_time()
        search(engine, q, user="bench")
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return times, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--pg", default=os.environ.get("TINHHINH_TEST_PG"))
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        for backend in args.backends:
            if backend == "postgresql" and not args.pg:
                print("(skipping PostgreSQL: set TINHHINH_TEST_PG)", file=sys.stderr)
                continue
            times, cpu = measure(build(n, backend, args.pg))
            q, qc = statistics.quantiles(times, n=100), statistics.quantiles(cpu, n=100)
            rows.append(
                (n, backend, statistics.median(times), q[94], max(times), statistics.median(cpu), qc[94])
            )
            print(f"{n} {backend}: p50 {rows[-1][2]:.1f} ms, p95 {rows[-1][3]:.1f} ms", file=sys.stderr)
    # CPU time of this process per query (the database server's for PostgreSQL is not in it): on a shared
    # machine it is the figure to compare, wall-clock latency includes waiting for a core.
    print("| articles | backend | queries | p50 (ms) | p95 (ms) | max (ms) | CPU p50 (ms) | CPU p95 (ms) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n, backend, p50, p95, mx, c50, c95 in rows:
        print(
            f"| {n:,} | {backend} | {len(QUERIES)} | {p50:.1f} | {p95:.1f} | {mx:.1f} | {c50:.1f} | {c95:.1f} |"
        )


if __name__ == "__main__":
    main()
