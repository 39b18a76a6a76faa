from __future__ import annotations

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
