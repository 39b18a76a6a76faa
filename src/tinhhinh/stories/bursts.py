"""Burst scores: is this story / area / place unusually busy right now, against its own usual rate?

Model: items of one series arrive as a Poisson process. The usual rate comes from a trailing baseline
(the ``baseline_days`` before the recent window) shrunk towards a prior rate, so a brand-new story (no
history) is compared with "about one item every two days", not with zero. The score is the surprise of the
recent count, ``-log10 P(X >= k | Poisson(expected))``; a series is *hot* when that surprise is high, enough
items arrived, and they came from more than one source (one site re-posting itself is not a burst).

All functions take plain series (timestamps, and optionally the source of each), so the store can feed them
from SQL: ``SELECT published_at, source FROM items WHERE story_id = ?``.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from scipy.special import gammainc

from tinhhinh.stories.index import to_epoch

HOUR = 3600.0
DAY = 86400.0


@dataclass
class Burst:
    key: str
    score: float  # -log10 of the Poisson tail probability of the recent count (0 = nothing unusual)
    hot: bool
    recent: int  # items in the recent window
    recent_sources: int
    window_hours: float
    usual_per_day: float  # the baseline rate the recent count is compared with
    expected: float  # items the usual rate predicts for the window
    explanation: str
    explanation_vi: str
    # no item in the ``baseline_days`` before the window: ``usual_per_day`` is then the prior, not an
    # observation, and the explanation says the series is new instead of quoting it
    new: bool = False
    recent_copies: int = 0  # of the ``recent`` items, how many are copies of another item (when known)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BurstSettings:
    window_hours: float = 6.0
    baseline_days: float = 14.0
    prior_per_day: float = 0.5  # what a series with no history is assumed to do
    prior_days: float = 2.0  # weight of the prior, in days of observation
    min_score: float = 5.0  # p < 1e-5
    min_items: int = 5
    min_sources: int = 2
    # more windows to try besides ``window_hours`` (e.g. (2.0, 24.0)); the best one is reported, its
    # surprise lowered by log10(number of windows) (Bonferroni) so trying more windows does not raise
    # false alarms. Empty = one window, the original model.
    extra_windows: tuple[float, ...] = ()
    # hot also needs the recent count to be at least this many times the expected one (0 = off): on busy
    # series a small relative rise can be very "significant" without being news
    min_ratio: float = 0.0

    def windows(self) -> tuple[float, ...]:
        return tuple(sorted({self.window_hours, *self.extra_windows}))

    def longest_window_hours(self) -> float:
        return max(self.windows())


def poisson_surprise(k: int, mu: float) -> float:
    """-log10 P(X >= k) for X ~ Poisson(mu)."""
    if k <= 0:
        return 0.0
    mu = max(mu, 1e-9)
    tail = float(gammainc(k, mu))  # regularised lower incomplete gamma = P(X >= k)
    if tail <= 0.0:
        # underflow: use the leading term of the tail, log P(X = k)
        return -(k * math.log(mu) - mu - math.lgamma(k + 1)) / math.log(10)
    return -math.log10(tail)


def burst(
    timestamps: Sequence[Any],
    sources: Sequence[str] | None = None,
    now: Any = None,
    key: str = "",
    settings: BurstSettings | None = None,
) -> Burst:
    """Burst score of one series at time ``now`` (default: its latest timestamp).

    Items with a missing or unusable time are ignored (never counted as "now").
    """
    pairs = []
    for i, ts in enumerate(timestamps):
        epoch = to_epoch(ts)
        if epoch is not None:
            pairs.append((epoch, sources[i] if sources is not None else ""))
    pairs.sort()
    times = [p[0] for p in pairs]
    srcs = [p[1] for p in pairs] if sources is not None else None
    t_now = to_epoch(now) if now is not None else (times[-1] if times else None)
    return burst_sorted(times, srcs, t_now, key, settings)


def burst_sorted(
    times: Sequence[float],
    sources: Sequence[str] | None,
    now: float | None,
    key: str = "",
    settings: BurstSettings | None = None,
    copies: Sequence[bool] | None = None,
) -> Burst:
    """``burst`` for epoch seconds already sorted ascending (the fast path for ranking many series).

    ``copies`` (optional, aligned with ``times``): which items are copies of another, so the explanation
    can say "22 items (21 copies)"; it does not change the score."""
    cfg = settings or BurstSettings()
    t_now = now
    if t_now is None:
        return _explain(key, 0.0, False, 0, 0, cfg, cfg.prior_per_day, 0.0, new=True)
    hi = bisect.bisect_right(times, t_now)
    if not cfg.extra_windows:
        score, lo, usual, expected = _window_score(times, hi, t_now, cfg.window_hours, cfg)
        hours = cfg.window_hours
    else:
        penalty = math.log10(len(cfg.windows()))
        best = None
        for h in cfg.windows():
            s, w_lo, w_usual, w_expected = _window_score(times, hi, t_now, h, cfg)
            s = max(0.0, s - penalty)
            # ties go to the shorter window (sorted ascending, strict >): the sharper statement
            if best is None or s > best[0]:
                best = (s, w_lo, w_usual, w_expected, h)
        score, lo, usual, expected, hours = best
    recent = hi - lo
    recent_sources = len({s for s in sources[lo:hi] if s}) if sources is not None else recent
    hot = (
        score >= cfg.min_score
        and recent >= cfg.min_items
        and recent_sources >= cfg.min_sources
        and recent >= cfg.min_ratio * expected
    )
    base_lo = bisect.bisect_right(times, t_now - hours * HOUR - cfg.baseline_days * DAY)
    new = base_lo == lo  # nothing in the baseline before the window
    # a history shorter than the prior's weight (a story hours old): its "usual rate" would be more prior
    # than observation ("7/week" from one item 2 h earlier), so the explanation says what was observed
    young = None
    if not new and base_lo == 0:
        before = (t_now - hours * HOUR - times[0]) / HOUR
        if before < cfg.prior_days * 24:
            young = (lo, before)
    n_copies = sum(1 for c in copies[lo:hi] if c) if copies is not None else 0
    return _explain(
        key, score, hot, recent, recent_sources, cfg, usual, expected, hours, new, n_copies, young
    )


def _window_score(
    times: Sequence[float], hi: int, t_now: float, window_hours: float, cfg: BurstSettings
) -> tuple[float, int, float, float]:
    """Surprise of the count in the ``window_hours`` before ``t_now`` against the trailing baseline
    (which never includes the window itself): (score, index of the window's first item, usual/day, expected)."""
    window = window_hours * HOUR
    lo = bisect.bisect_right(times, t_now - window)
    recent = hi - lo
    base_lo = bisect.bisect_right(times, t_now - window - cfg.baseline_days * DAY)
    base_count = lo - base_lo
    # observed history may be shorter than the baseline span (a young series)
    observed_days = cfg.baseline_days
    if base_lo == 0 and lo > 0:
        observed_days = max(0.0, min(cfg.baseline_days, (t_now - window - times[0]) / DAY))
    elif base_lo == 0:
        observed_days = 0.0
    usual = (base_count + cfg.prior_per_day * cfg.prior_days) / (observed_days + cfg.prior_days)
    expected = usual * window_hours / 24.0
    return poisson_surprise(recent, expected), lo, usual, expected


def _rate(per_day: float) -> tuple[str, str]:
    if per_day >= 1.5:
        n = f"{per_day:.0f}"
        return f"{n}/day", f"{n}/ngày"
    per_week = per_day * 7
    if per_week >= 1.5:
        n = f"{per_week:.0f}"
        return f"{n}/week", f"{n}/tuần"
    return "under 1/week", "dưới 1/tuần"


def _span(h: float) -> tuple[str, str]:
    """A span before the window, rounded up (an item 20 minutes before is "in the 1 h before")."""
    if h < 48:
        n = max(1, math.ceil(h - 1e-9))
        return f"{n} h", f"{n} h"
    n = math.ceil(h / 24 - 1e-9)
    return f"{n} days", f"{n} ngày"


def _hours(h: float) -> str:
    return f"{h:g} h"


def _explain(
    key: str,
    score: float,
    hot: bool,
    recent: int,
    n_sources: int,
    cfg: BurstSettings,
    usual: float,
    expected: float,
    hours: float | None = None,
    new: bool = False,
    n_copies: int = 0,
    young: tuple[int, float] | None = None,
) -> Burst:
    hours = cfg.window_hours if hours is None else hours
    noun = "item" if recent == 1 else "items"
    src = "source" if n_sources == 1 else "sources"
    if n_copies:
        noun += f" ({n_copies} {'copy' if n_copies == 1 else 'copies'})"
    vi_noun = f"tin ({n_copies} bản sao)" if n_copies else "tin"
    if new:
        # the usual rate would be the prior (0.5/day → "4/week"), which nobody observed
        days = f"{cfg.baseline_days:g}"
        en_usual, vi_usual = (
            f"new: no items in the {days} days before",
            f"mới: không có tin trong {days} ngày trước đó",
        )
    elif young is not None:
        n, before = young
        en_span, vi_span = _span(before)
        en_usual = f"new: {n} {'item' if n == 1 else 'items'} in the {en_span} before"
        vi_usual = f"mới: {n} tin trong {vi_span} trước đó"
    else:
        en_rate, vi_rate = _rate(usual)
        en_usual, vi_usual = f"usual rate {en_rate}", f"bình thường {vi_rate}"
    en = f"{recent} {noun} from {n_sources} {src} in the last {_hours(hours)}; {en_usual}"
    vi = f"{recent} {vi_noun} từ {n_sources} nguồn trong {_hours(hours)} qua; {vi_usual}"
    return Burst(
        key=key,
        score=round(score, 3),
        hot=hot,
        recent=recent,
        recent_sources=n_sources,
        window_hours=hours,
        usual_per_day=round(usual, 3),
        expected=round(expected, 3),
        explanation=en,
        explanation_vi=vi,
        new=new,
        recent_copies=n_copies,
    )


def rank(
    series: Mapping[str, tuple[Sequence[Any], Sequence[str] | None]],
    now: datetime | float,
    settings: BurstSettings | None = None,
    top: int | None = None,
) -> list[Burst]:
    """Burst of every series at ``now``, most surprising first (series with nothing recent are skipped).

    Series given as sorted lists of epoch floats take the fast path; anything else is converted.
    """
    out = []
    t_now = to_epoch(now)
    window = (settings or BurstSettings()).longest_window_hours() * HOUR
    for key, (times, sources) in series.items():
        fast = bool(times) and all(isinstance(t, float) for t in (times[0], times[-1]))
        if fast:
            # sorted epoch floats: skip series with nothing recent before doing any work
            i = bisect.bisect_right(times, t_now - window)
            if i >= len(times) or times[i] > t_now:
                continue
            b = burst_sorted(times, sources, t_now, key, settings)
        else:
            b = burst(times, sources, now=now, key=key, settings=settings)
        if b.recent:
            out.append(b)
    out.sort(key=lambda b: (-b.score, -b.recent, b.key))
    return out[:top] if top else out


def hot(bursts: Iterable[Burst]) -> list[Burst]:
    return [b for b in bursts if b.hot]
