from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from tinhhinh.stories.bursts import BurstSettings, burst, poisson_surprise, rank

NOW = datetime(2025, 8, 10, 12, tzinfo=UTC)


def test_explanation_counts_items_sources_and_usual_rate():
    times = [NOW - timedelta(minutes=9 * i) for i in range(37)]
    sources = [f"site{i % 9}" for i in range(37)]
    # two items a day over the previous two weeks
    times += [NOW - timedelta(hours=7) - timedelta(hours=12 * d) for d in range(28)]
    sources += ["site0"] * 28
    b = burst(times, sources, now=NOW, key="s-1")
    assert b.explanation == "37 items from 9 sources in the last 6 h; usual rate 2/day"
    assert b.explanation_vi == "37 tin từ 9 nguồn trong 6 h qua; bình thường 2/ngày"
    assert b.hot and b.score > 20


def test_steady_series_is_not_hot_and_one_source_is_not_a_burst():
    steady = [NOW - timedelta(hours=h) for h in range(0, 24 * 14, 3)]  # 8/day, always
    b = burst(steady, ["a"] * len(steady), now=NOW)
    assert not b.hot and b.score < 2
    flood = [NOW - timedelta(minutes=5 * i) for i in range(30)]
    assert not burst(flood, ["same-site"] * 30, now=NOW).hot
    assert burst(flood, [f"s{i % 3}" for i in range(30)], now=NOW).hot


def test_missing_times_are_ignored_not_now():
    b = burst([None, "garbage", None], ["a", "b", "c"], now=NOW)
    assert b.recent == 0 and not b.hot
    assert b.explanation.startswith("0 items from 0 sources")


def test_rare_series_rate_wording_and_rank_order():
    weekly = [NOW - timedelta(days=3), NOW - timedelta(days=10), NOW - timedelta(hours=1)]
    b = burst(weekly, ["a", "b", "c"], now=NOW)
    assert b.explanation.endswith("usual rate 2/week") or b.explanation.endswith("usual rate 3/week")
    series = {
        "quiet": ([(NOW - timedelta(hours=1)).timestamp()], ["a"]),
        "busy": ([(NOW - timedelta(minutes=m)).timestamp() for m in range(0, 60, 5)], ["a", "b"] * 6),
        "old": ([(NOW - timedelta(days=3)).timestamp()], ["a"]),
    }
    ranked = rank(series, NOW)
    assert [r.key for r in ranked] == ["busy", "quiet"]


def test_poisson_surprise_is_monotone_and_finite():
    assert poisson_surprise(0, 1.0) == 0.0
    values = [poisson_surprise(k, 0.5) for k in range(1, 200, 20)]
    assert values == sorted(values) and all(v < 1e6 for v in values)
    assert BurstSettings().window_hours == 6.0


def _every(hours: float, days: float = 14) -> list[datetime]:
    n = int(days * 24 / hours)
    return [NOW - timedelta(hours=hours * i) - timedelta(minutes=1) for i in range(n)]


def test_short_extra_window_finds_a_two_hour_burst_and_says_so():
    # 12/day for two weeks (11/day after the prior), then 8 items within the last 2 h: diluted in 6 h, plain in 2 h
    times = _every(2.0) + [NOW - timedelta(minutes=14 * i) for i in range(8)]
    sources = ["a"] * (len(times) - 8) + [f"s{i % 3}" for i in range(8)]
    six = burst(times, sources, now=NOW)
    assert not six.hot and six.window_hours == 6.0
    both = burst(times, sources, now=NOW, settings=BurstSettings(extra_windows=(2.0,)))
    assert both.hot and both.window_hours == 2.0 and both.score > six.score
    assert both.explanation.startswith("9 items from 4 sources in the last 2 h; usual rate 11/day")
    assert both.explanation_vi.startswith("9 tin từ 4 nguồn trong 2 h qua; bình thường 11/ngày")


def test_trying_more_windows_pays_for_it():
    # the 6 h window wins here; its surprise is lowered by log10(3) for having tried three windows
    times = _every(3.0) + [NOW - timedelta(minutes=20 * i) for i in range(18)]
    sources = [f"s{i % 4}" for i in range(len(times))]
    one = burst(times, sources, now=NOW)
    three = burst(times, sources, now=NOW, settings=BurstSettings(extra_windows=(2.0, 24.0)))
    assert three.window_hours == 6.0
    assert abs(three.score - (one.score - math.log10(3))) < 0.01


def test_min_ratio_keeps_a_small_relative_rise_of_a_busy_series_cold():
    # 96/day, then 60 items in 6 h where 24 are usual: very unlikely, but only 2.5x
    times = _every(0.25) + [NOW - timedelta(minutes=10 * i) for i in range(36)]
    sources = [f"s{i % 5}" for i in range(len(times))]
    assert burst(times, sources, now=NOW).hot
    assert not burst(times, sources, now=NOW, settings=BurstSettings(min_ratio=3.0)).hot


def test_flat_series_nothing_hot_and_planted_spike_found_first():
    series = {}
    for k, hours in enumerate([0.5, 1.0, 2.0, 4.0, 8.0, 24.0]):
        ts = sorted(t.timestamp() for t in _every(hours))
        series[f"flat{k}"] = (ts, [f"s{i % 4}" for i in range(len(ts))])
    ts, src = series["flat3"]  # 6/day, then 12 more in 6 h
    spiked = sorted(ts + [(NOW - timedelta(minutes=29 * i)).timestamp() for i in range(12)])
    series["spike"] = (spiked, [f"s{i % 4}" for i in range(len(spiked))])
    for cfg in (BurstSettings(), BurstSettings(extra_windows=(2.0, 24.0))):
        ranked = rank(series, NOW, cfg)
        assert ranked[0].key == "spike" and ranked[0].hot
        assert [b.key for b in ranked if b.hot] == ["spike"]


def test_a_new_series_says_it_is_new_and_copies_are_named_not_scored():
    from tinhhinh.stories.bursts import burst_sorted
    from tinhhinh.stories.index import to_epoch

    times = sorted(to_epoch(NOW - timedelta(minutes=10 * i)) for i in range(22))
    sources = [f"site{i % 10}" for i in range(22)]
    copies = [i > 0 for i in range(22)]
    b = burst_sorted(times, sources, to_epoch(NOW), "s-new", None, copies)
    # the prior (0.5/day, "4/week") is not something anyone observed
    assert b.new and "usual rate" not in b.explanation
    assert (
        b.explanation
        == "22 items (21 copies) from 10 sources in the last 6 h; new: no items in the 14 days before"
    )
    assert b.explanation_vi == (
        "22 tin (21 bản sao) từ 10 nguồn trong 6 h qua; mới: không có tin trong 14 ngày trước đó"
    )
    assert b.recent_copies == 21 and b.score == burst_sorted(times, sources, to_epoch(NOW), "s-new").score
    # one earlier item in the baseline: no longer new, and the rate is quoted again
    older = [to_epoch(NOW - timedelta(days=3)), *times]
    b = burst_sorted(older, ["x", *sources], to_epoch(NOW), "s-old")
    assert not b.new and "usual rate" in b.explanation and b.recent_copies == 0
    # ... unless that history is shorter than the prior's weight (2 days): then what was observed is said
    young = [to_epoch(NOW - timedelta(hours=36)), *times]
    b = burst_sorted(young, ["x", *sources], to_epoch(NOW), "s-young")
    assert not b.new and b.explanation.endswith("; new: 1 item in the 30 h before")
    assert b.explanation_vi.endswith("; mới: 1 tin trong 30 h trước đó")


def test_a_story_hours_old_quotes_no_usual_rate():
    # audit: a story first seen 2 h before the window said "usual rate 7/week" (one item plus the prior)
    from tinhhinh.stories.bursts import burst_sorted
    from tinhhinh.stories.index import to_epoch

    first = to_epoch(NOW - timedelta(hours=8))
    times = [first] + sorted(to_epoch(NOW - timedelta(minutes=50 * i)) for i in range(6))
    b = burst_sorted(times, [f"s{i}" for i in range(7)], to_epoch(NOW), "s0000068")
    assert not b.new and b.recent == 6
    assert b.explanation == "6 items from 6 sources in the last 6 h; new: 1 item in the 2 h before"
    assert b.explanation_vi == "6 tin từ 6 nguồn trong 6 h qua; mới: 1 tin trong 2 h trước đó"
