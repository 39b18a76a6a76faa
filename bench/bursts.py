"""Burst detection replay: planted bursts over a steady background plus the real VN-MDS stories.

Usage: .venv/bin/python bench/bursts.py [--seed 1] [--runs 10] [--windows 2,24] [--min-ratio 0]

Runs use seeds seed, seed+1, ..., seed+runs-1: choose settings on one range (e.g. --seed 1) and confirm on
another (e.g. --seed 101).

Per run, over the weeks VN-MDS covers (2013-09-20 .. 2013-11-11):
- background: 300 steady series (areas/places/long-running stories), each a Poisson stream at a rate drawn
  log-uniformly from 0.2 to 20 items/day, sources drawn from 30 outlets;
- the real VN-MDS stories with their real timestamps and outlets (small stories of 2-5 items);
- planted: 10 new stories of 5-20 items from 2-8 outlets within ~6 h, and 10 background series whose
  rate jumps 3-8x for 6 h.
Every hour we rank all series by burst score. A planted burst is *found* when it is in the top 10 at some
hour during its 6 h. The same replay with nothing planted counts false alarms: series flagged hot per day.
A spike that added 0 or 1 items (a 3x jump of a series doing 0.2/day expects under 1 extra item in 6 h) cannot
be told from noise by any detector; the table also gives recall over the spikes that added at least 2 items.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict

from tinhhinh.stories.bursts import DAY, HOUR, BurstSettings, rank
from tinhhinh.stories.evaluate import MIX_END, MIX_START, load_mds

START = MIX_START.timestamp()
END = MIX_END.timestamp()


def poisson_times(rng: random.Random, rate_per_day: float, t0: float, t1: float) -> list[float]:
    out, t = [], t0
    while True:
        t += rng.expovariate(rate_per_day / DAY)
        if t >= t1:
            return out
        out.append(t)


EXTRA: dict[str, int] = {}  # items each planted spike added (of the last build)


def build(
    rng: random.Random, plant: bool
) -> tuple[dict[str, tuple[list[float], list[str]]], list[tuple[str, float]]]:
    EXTRA.clear()
    series: dict[str, tuple[list[float], list[str]]] = {}
    outlets = [f"outlet{i}" for i in range(30)]
    for i in range(300):
        rate = 10 ** rng.uniform(np_log10(0.2), np_log10(20))
        times = poisson_times(rng, rate, START - 20 * DAY, END)
        series[f"bg{i}"] = (times, [rng.choice(outlets) for _ in times])
    for d in load_mds():
        ts = d.item.published_at.timestamp() if d.item.published_at else None
        if ts is None:
            continue
        times, srcs = series.setdefault(d.cluster, ([], []))
        times.append(ts)
        srcs.append(d.item.source)
    planted: list[tuple[str, float]] = []
    if plant:
        for j in range(10):
            t0 = rng.uniform(START + 3 * DAY, END - DAY)
            n = rng.randint(5, 20)
            k = rng.randint(2, 8)
            times = sorted(t0 + rng.uniform(0, 6 * HOUR) for _ in range(n))
            used = rng.sample(outlets, k)
            series[f"planted-new{j}"] = (times, [rng.choice(used) for _ in times])
            planted.append((f"planted-new{j}", t0))
        for key in rng.sample([f"bg{i}" for i in range(300)], 10):
            times, srcs = series[key]
            base_rate = len([t for t in times if START <= t < END]) / ((END - START) / DAY)
            t0 = rng.uniform(START + 3 * DAY, END - DAY)
            factor = rng.uniform(3, 8)
            extra = poisson_times(rng, max(base_rate, 1.0) * factor, t0, t0 + 6 * HOUR)
            times.extend(extra)
            EXTRA[key] = len(extra)
            srcs.extend(rng.choice(outlets) for _ in extra)
            planted.append((key, t0))
    for times, srcs in series.values():
        order = sorted(range(len(times)), key=lambda i: times[i])
        times[:] = [times[i] for i in order]
        srcs[:] = [srcs[i] for i in order]
    return series, planted


def np_log10(x: float) -> float:
    import math

    return math.log10(x)


def replay(series, planted, settings: BurstSettings) -> dict[str, float]:
    found = set()
    hot_per_day: dict[int, set[str]] = defaultdict(set)
    t = START + 2 * DAY
    windows = {key: (t0, t0 + 7 * HOUR) for key, t0 in planted}
    while t < END:
        ranked = rank(series, t, settings)
        top10 = {b.key for b in ranked[:10]}
        for key, (a, b) in windows.items():
            if a <= t <= b and key in top10:
                found.add(key)
        day = int((t - START) // DAY)
        for b in ranked:
            if b.hot:
                hot_per_day[day].add(b.key)
        t += HOUR
    n_days = int((END - START - 2 * DAY) // DAY)
    per_day = [len(hot_per_day.get(d, ())) for d in range(2, 2 + n_days)]
    nan = float("nan")
    new = {k for k, _ in planted if k.startswith("planted-new")}
    spikes = {k for k, _ in planted if not k.startswith("planted-new")}
    visible = {k for k in spikes if EXTRA.get(k, 0) >= 2}
    return {
        "recall": len(found) / len(planted) if planted else nan,
        "new": len(found & new) / len(new) if new else nan,
        "spikes": len(found & spikes) / len(spikes) if spikes else nan,
        "visible": len(found & visible) / len(visible) if visible else nan,
        "visible_share": len(visible) / len(spikes) if spikes else nan,
        "hot_per_day": statistics.mean(per_day),
    }


def _ms(xs: list[float]) -> str:
    xs = [x for x in xs if x == x]
    sd = statistics.stdev(xs) if len(xs) > 1 else 0.0
    return f"{statistics.mean(xs):.2f} ± {sd:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--windows", default="", help="extra windows in hours, e.g. 2,24 (default: none)")
    ap.add_argument("--min-ratio", type=float, default=None)
    ap.add_argument("--label", default="", help="row label (default: the settings)")
    args = ap.parse_args()
    settings = BurstSettings()
    if args.windows:
        settings.extra_windows = tuple(float(h) for h in args.windows.split(","))
    if args.min_ratio is not None:
        settings.min_ratio = args.min_ratio
    rows = []
    cpu = 0.0
    for r in range(args.runs):
        rng = random.Random(args.seed + r)
        series, planted = build(rng, plant=True)
        t0 = time.process_time()
        res = replay(series, planted, settings)
        cpu += time.process_time() - t0
        rng = random.Random(args.seed + r)
        quiet, _ = build(rng, plant=False)
        res["quiet"] = replay(quiet, [], settings)["hot_per_day"]
        rows.append(res)
        print(
            f"run {r} (seed {args.seed + r}): recall@10 {res['recall']:.2f} (new {res['new']:.2f}, "
            f"spikes {res['spikes']:.2f}), hot/day nothing planted {res['quiet']:.2f}",
            file=sys.stderr,
        )
    label = args.label or (
        f"windows {', '.join(f'{h:g}' for h in settings.windows())} h"
        + (f", min ratio {settings.min_ratio:g}" if settings.min_ratio else "")
    )
    print(
        f"\nSeeds {args.seed}..{args.seed + args.runs - 1}; hot = score ≥ {settings.min_score:g} and "
        f"≥ {settings.min_items} items and ≥ {settings.min_sources} sources; baseline {settings.baseline_days:g} "
        f"days. rank CPU time (planted replays): {cpu / args.runs:.2f} s/run.\n"
    )
    print(
        "| settings | seeds | recall@10 | new stories | spikes | spikes adding ≥ 2 items (share) "
        "| hot series/day, nothing planted |"
    )
    print("|---|---|---|---|---|---|---|")
    col = lambda k: _ms([r[k] for r in rows])  # noqa: E731
    share = statistics.mean([r["visible_share"] for r in rows])
    print(
        f"| {label} | {args.seed}..{args.seed + args.runs - 1} | {col('recall')} | {col('new')} | "
        f"{col('spikes')} | {col('visible')} ({share:.2f}) | {col('quiet')} |"
    )


if __name__ == "__main__":
    main()
