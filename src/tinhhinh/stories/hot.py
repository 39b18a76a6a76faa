"""Hot issues: stories active in a window, ranked by how unusual their volume is, each with a reason
and a short summary; burst scores for areas and places too."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from tinhhinh.item import Item
from tinhhinh.store import story_queries as sq
from tinhhinh.stories.bursts import Burst, BurstSettings, burst, burst_sorted, rank
from tinhhinh.timefmt import local_iso, local_short, utcnow


@dataclass
class StoryView:
    id: str
    label: str
    size: int
    sources: int
    first_seen: datetime | None
    last_seen: datetime | None
    area: str | None
    places: list[str]
    burst: Burst
    summary: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)
    areas: dict[str, int] = field(default_factory=dict)  # items per area, most first
    undated: int = 0  # items without a publication time that were stored in the listing window
    # (items the toxicity model read, of them toxic and not cleared by a person); None: none was read
    toxicity: tuple[int, int] | None = None

    def as_json(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "label": self.label,
            "items": self.size,
            "sources": self.sources,
            "first_seen": local_iso(self.first_seen),
            "last_seen": local_iso(self.last_seen),
            "area": self.area,
            "places": self.places,
            "hot": self.burst.hot,
            "burst_score": round(self.burst.score, 2),
            "explanation": self.burst.explanation,
            "explanation_vi": self.burst.explanation_vi,
            "summary": self.summary,
            "areas": self.areas,
            "undated_items": self.undated,
            "toxicity": None
            if self.toxicity is None
            else {
                "assessed": self.toxicity[0],
                "toxic": self.toxicity[1],
                "rate": round(self.toxicity[1] / self.toxicity[0], 4),
            },
        }
        if self.items:
            out["members"] = [
                {
                    "id": it["ext_id"] or it["url"] or str(it["pk"]),
                    "title": it["title"],
                    "source": it["source"],
                    "url": it["url"],
                    "published_at": local_iso(it["published_at"]),
                    "copy": it["dup_of"] is not None,
                }
                for it in self.items
            ]
        if self.merges:
            out["merges"] = [
                {"from": m["from_id"], "into": m["into_id"], "at": local_iso(m["at"]), "p": m["p"]}
                for m in self.merges
            ]
        return out


def peak_burst(
    times: list,
    sources: list,
    start: datetime,
    now: datetime,
    key: str,
    cfg: BurstSettings,
    copies: list[bool] | None = None,
) -> Burst:
    """The story's strongest burst inside the window (evaluated at each of its item times and at now),
    so a story that peaked yesterday still shows as yesterday's hot issue, with when it peaked.
    ``copies`` (aligned with ``times``) only feeds the explanation ("22 items (21 copies)")."""
    from tinhhinh.stories.index import to_epoch

    flags = copies if copies is not None else [False] * len(times)
    triples = sorted(
        (to_epoch(t), s, bool(c))
        for t, s, c in zip(times, sources, flags, strict=True)
        if to_epoch(t) is not None
    )
    epochs = [p[0] for p in triples]
    srcs = [p[1] for p in triples]
    cps = [p[2] for p in triples] if copies is not None else None
    t_start, t_now = to_epoch(start), to_epoch(now)
    best = burst_sorted(epochs, srcs, t_now, key, cfg, cps)
    best_at = None
    for t in epochs:
        if t_start <= t < t_now:
            b = burst_sorted(epochs, srcs, t, key, cfg, cps)
            if b.score > best.score:
                best, best_at = b, t
    if best_at is not None:
        when = local_short(datetime.fromtimestamp(best_at, UTC))
        head, sep, tail = best.explanation.replace("in the last", "in the", 1).partition(";")
        best.explanation = f"{head} to {when}{sep}{tail}"
        best.explanation_vi = best.explanation_vi.replace(" qua;", f" tính đến {when};")
    return best


def _as_item(row: dict[str, Any]) -> Item:
    return Item(
        id=row["ext_id"],
        source=row["source"],
        url=row["url"],
        title=row["title"],
        text=row["text"],
        published_at=row["published_at"],
    )


def story_summary(engine: Engine, story_id: str, size: int, cached: dict[str, Any] | None) -> list[str]:
    """≤ 3 sentences; computed once per story size and kept with the story."""
    from tinhhinh.stories.summaries import DEFAULT_METHOD, summarize

    if cached and cached.get("size") == size and cached.get("method", "centroid") == DEFAULT_METHOD:
        return cached["sentences"]
    with engine.begin() as conn:
        rows = [r for r in sq.story_items(conn, story_id, limit=30) if r["dup_of"] is None]
        sentences = summarize([_as_item(r) for r in rows]) if rows else []
        sq.save_summary(conn, story_id, {"size": size, "sentences": sentences, "method": DEFAULT_METHOD})
    return sentences


def story_views(
    engine: Engine, ids: list[str], *, start: datetime, now: datetime, settings: BurstSettings | None = None
) -> list[StoryView]:
    """These stories (merged ones left out), each with its strongest burst between ``start`` and ``now``;
    no summaries."""
    if not ids:
        return []
    views, _ = _views(engine, sorted(ids), start=start, now=now, cfg=settings or BurstSettings())
    return views


def _views(
    engine: Engine,
    ids: list[str],
    *,
    start: datetime,
    now: datetime,
    cfg: BurstSettings,
    only_hot: bool = False,
    area: str | None = None,
    place: str | None = None,
) -> tuple[list[StoryView], dict[str, dict[str, Any]]]:
    with engine.connect() as conn:
        history = start - timedelta(days=cfg.baseline_days) - timedelta(hours=cfg.longest_window_hours())
        series = sq.story_series(conn, ids, history, now)
        rows = sq.story_rows(conn, ids)
        counts = sq.story_counts(conn, ids, now)
        profile = sq.story_profile(conn, ids, area=area, place=place)
        undated = sq.undated_in_window(conn, ids, start, now)
        toxicity = sq.story_toxicity(conn, ids)
        untitled = sq.text_labels(conn, [sid for sid, r in rows.items() if not r["label"]])
    bursts = {sid: peak_burst(ts, src, start, now, sid, cfg, cps) for sid, (ts, src, cps) in series.items()}
    views = []
    for sid in ids:
        row = rows.get(sid)
        if row is None or row["merged_into"]:
            continue
        b = bursts.get(sid) or burst([], [], now=now, key=sid, settings=cfg)
        if only_hot and not b.hot:
            continue
        n_undated = undated.get(sid, 0)
        if n_undated:
            _note_undated(b, n_undated)
        c = counts.get(sid, row)
        views.append(
            StoryView(
                id=sid,
                label=row["label"] or untitled.get(sid, ""),
                size=c["size"],
                sources=c["n_sources"],
                first_seen=c["first_seen"],
                last_seen=c["last_seen"],
                area=profile[sid]["area"],
                places=profile[sid]["places"],
                burst=b,
                areas=profile[sid]["areas"],
                undated=n_undated,
                toxicity=toxicity.get(sid),
            )
        )
    return views, rows


def list_stories(
    engine: Engine,
    *,
    since: timedelta = timedelta(hours=24),
    area: str | None = None,
    place: str | None = None,
    only_hot: bool = False,
    now: datetime | None = None,
    limit: int = 20,
    settings: BurstSettings | None = None,
    summaries: bool = True,
) -> list[StoryView]:
    """Stories with items in the window [now - since, now], most unusual volume first.

    Everything is as of ``now``: items dated later (a feed's wrong clock, or a replay with --at) are neither
    listed nor counted. An undated item counts at the time it was stored (its burst score cannot use it)."""
    now = now or utcnow()
    cfg = settings or BurstSettings()
    start = now - since
    with engine.connect() as conn:
        ids = sq.active_story_ids(conn, start, area=area, place=place, until=now)
    if not ids:
        return []
    views, rows = _views(
        engine, ids, start=start, now=now, cfg=cfg, only_hot=only_hot, area=area, place=place
    )
    views.sort(key=lambda v: (-v.burst.score, -v.size, v.id))
    views = views[:limit]
    if summaries:
        for v in views:
            v.summary = story_summary(engine, v.id, v.size, rows[v.id]["summary"])
    return views


def _note_undated(b: Burst, n: int) -> None:
    """An undated item is listed by when it was stored but has no place in the burst's time series."""
    s = "" if n == 1 else "s"
    b.explanation += f"; {n} undated item{s} (counted by when stored)"
    b.explanation_vi += f"; {n} tin không rõ ngày đăng (tính theo lúc lưu)"


def future_dated(
    engine: Engine, *, now: datetime | None = None, area: str | None = None, place: str | None = None
) -> tuple[int, datetime | None]:
    """How many stories (in the area / place) have items dated after ``now``, and the latest such date:
    listings leave those items out until their time comes, and say so."""
    now = now or utcnow()
    with engine.connect() as conn:
        found = sq.future_stories(conn, now, area=area, place=place)
    return len(found), max(found.values(), default=None)


def undated_recent(
    engine: Engine, *, now: datetime | None = None, settings: BurstSettings | None = None
) -> int:
    """Items without a publication time stored in the burst window before ``now``: `bursts` cannot count
    them (an undated backlog stored at once would look like a burst) and says how many there are."""
    now = now or utcnow()
    hours = (settings or BurstSettings()).longest_window_hours()
    with engine.connect() as conn:
        return sq.undated_count(conn, now - timedelta(hours=hours), now)


def story_detail(engine: Engine, story_id: str, *, now: datetime | None = None) -> StoryView | None:
    now = now or utcnow()
    with engine.connect() as conn:
        resolved = sq.resolve_story(conn, story_id)
        if resolved is None:
            return None
        row = sq.story_rows(conn, [resolved])[resolved]
        members = sq.story_items(conn, resolved)
        merges = sq.merges_of(conn, resolved)
        profile = sq.story_profile(conn, [resolved])[resolved]
        toxicity = sq.story_toxicity(conn, [resolved]).get(resolved)
        label = row["label"] or sq.text_labels(conn, [resolved]).get(resolved, "")
    # the story's strongest burst of its last 30 days, as the list shows it: opening a story the list
    # called HOT ("22 items … in the 6 h to 12:42") must not say "8 items in the last 6 h" a few hours later
    start = min(max(row["first_seen"], now - timedelta(days=30)), now) if row["first_seen"] else now
    times = [m["published_at"] for m in members]
    copies = [m["dup_of"] is not None for m in members]
    b = peak_burst(times, [m["source"] for m in members], start, now, resolved, BurstSettings(), copies)
    view = StoryView(
        id=resolved,
        label=label,
        size=row["size"],
        sources=row["n_sources"],
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        area=profile["area"],
        places=profile["places"],
        burst=b,
        items=members,
        merges=merges,
        areas=profile["areas"],
        toxicity=toxicity,
    )
    view.summary = story_summary(engine, resolved, row["size"], row["summary"])
    return view


def group_bursts(
    engine: Engine,
    by: str,
    *,
    now: datetime | None = None,
    top: int = 20,
    settings: BurstSettings | None = None,
) -> list[Burst]:
    """Burst scores of every area or place against its own baseline."""
    now = now or utcnow()
    cfg = settings or BurstSettings()
    since = now - timedelta(days=cfg.baseline_days) - timedelta(hours=cfg.longest_window_hours())
    with engine.connect() as conn:
        series = (
            sq.place_series(conn, since, now) if by == "place" else sq.series(conn, "area", None, since, now)
        )
    return rank(series, now, cfg, top=top)
