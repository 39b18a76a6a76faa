"""Burst detection replay: planted bursts over a steady background plus the real VN-MDS stories.

Usage: .venv/bin/python bench/bursts.py [--seed 1] [--runs 5]

Per run, over the weeks VN-MDS covers (2013-09-20 .. 2013-11-11):
- background: 300 steady series (areas/places/long-running stories), each a Poisson stream at a rate drawn
  log-uniformly from 0.2 to 20 items/day, sources drawn from 30 outlets;
- the real VN-MDS stories with their real timestamps and outlets (small stories of 2-5 items);
- planted: 10 new stories of 5-20 items from 2-8 outlets within ~6 h, and 10 background series whose
  rate jumps 3-8x for 6 h.
Every hour we rank all series by burst score. A planted burst is *found* when it is in the top 10 at some
hour during its 6 h. The same replay with nothing planted counts false alarms: series flagged hot per day.
"""

from __future__ import annotations

import argparse
import random
import statistics
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


def build(
    rng: random.Random, plant: bool
) -> tuple[dict[str, tuple[list[float], list[str]]], list[tuple[str, float]]]:
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


REC_NEW: list[float] = []
REC_SPIKE: list[float] = []


def replay(series, planted, settings: BurstSettings) -> tuple[float, float, float]:
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
    recall = len(found) / len(planted) if planted else float("nan")
    new = [k for k, _ in planted if k.startswith("planted-new")]
    REC_NEW.append(len(found & set(new)) / len(new) if new else float("nan"))
    spikes = [k for k, _ in planted if not k.startswith("planted-new")]
    REC_SPIKE.append(len(found & set(spikes)) / len(spikes) if spikes else float("nan"))
    planted_keys = {k for k, _ in planted}
    hot_other = [len(hot_per_day.get(d, set()) - planted_keys) for d in range(2, 2 + n_days)]
    return recall, statistics.mean(per_day), statistics.mean(hot_other)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    settings = BurstSettings()
    rows = []
    for r in range(args.runs):
        rng = random.Random(args.seed + r)
        series, planted = build(rng, plant=True)
        recall, _, hot_bg = replay(series, planted, settings)
        rng = random.Random(args.seed + r)
        quiet, _ = build(rng, plant=False)
        _, hot_quiet, _ = replay(quiet, [], settings)
        rows.append((recall, hot_bg, hot_quiet))
        print(
            f"run {r}: recall@10 {recall:.2f}, hot/day (unplanted, with plants) {hot_bg:.2f}, quiet {hot_quiet:.2f}"
        )
    print(
        f"\nSettings: window {settings.window_hours:g} h, baseline {settings.baseline_days:g} days, "
        f"hot = score ≥ {settings.min_score:g} and ≥ {settings.min_items} items and ≥ {settings.min_sources} sources.\n"
    )
    rec = [r[0] for r in rows]
    quiet = [r[2] for r in rows]
    sd = statistics.stdev(rec) if len(rec) > 1 else 0.0
    rec_new = statistics.mean([x for x in REC_NEW if x == x])
    rec_spike = statistics.mean([x for x in REC_SPIKE if x == x])
    print(
        "| runs | planted per run | recall@10 (mean ± sd) | new stories | spikes | hot series/day, nothing planted |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {len(rows)} | 10 new + 10 spikes | {statistics.mean(rec):.2f} ± {sd:.2f} | {rec_new:.2f} | "
        f"{rec_spike:.2f} | {statistics.mean(quiet):.2f} |"
    )


if __name__ == "__main__":
    main()
