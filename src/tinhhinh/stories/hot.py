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
    times: list, sources: list, start: datetime, now: datetime, key: str, cfg: BurstSettings
) -> Burst:
    """The story's strongest burst inside the window (evaluated at each of its item times and at now),
    so a story that peaked yesterday still shows as yesterday's hot issue, with when it peaked."""
    from tinhhinh.stories.index import to_epoch

    pairs = sorted((to_epoch(t), s) for t, s in zip(times, sources, strict=True) if to_epoch(t) is not None)
    epochs = [p[0] for p in pairs]
    srcs = [p[1] for p in pairs]
    t_start, t_now = to_epoch(start), to_epoch(now)
    best = burst_sorted(epochs, srcs, t_now, key, cfg)
    best_at = None
    for t in epochs:
        if t_start <= t < t_now:
            b = burst_sorted(epochs, srcs, t, key, cfg)
            if b.score > best.score:
                best, best_at = b, t
    if best_at is not None:
        when = local_short(datetime.fromtimestamp(best_at, UTC))
        best.explanation = best.explanation.replace("in the last", "in the").replace(
            "; usual", f" to {when}; usual"
        )
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
) -> tuple[list[StoryView], dict[str, dict[str, Any]]]:
    with engine.connect() as conn:
        history = start - timedelta(days=cfg.baseline_days) - timedelta(hours=cfg.longest_window_hours())
        series = sq.series(conn, "story_id", ids, history)
        rows = sq.story_rows(conn, ids)
        profile = sq.story_profile(conn, ids)
        untitled = sq.text_labels(conn, [sid for sid, r in rows.items() if not r["label"]])
    bursts = {sid: peak_burst(ts, src, start, now, sid, cfg) for sid, (ts, src) in series.items()}
    views = []
    for sid in ids:
        row = rows.get(sid)
        if row is None or row["merged_into"]:
            continue
        b = bursts.get(sid) or burst([], [], now=now, key=sid, settings=cfg)
        if only_hot and not b.hot:
            continue
        views.append(
            StoryView(
                id=sid,
                label=row["label"] or untitled.get(sid, ""),
                size=row["size"],
                sources=row["n_sources"],
                first_seen=row["first_seen"],
                last_seen=row["last_seen"],
                area=profile[sid]["area"],
                places=profile[sid]["places"],
                burst=b,
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
    """Stories with items in the window, most unusual volume first."""
    now = now or utcnow()
    cfg = settings or BurstSettings()
    start = now - since
    with engine.connect() as conn:
        ids = sq.active_story_ids(conn, start, area=area, place=place)
    if not ids:
        return []
    views, rows = _views(engine, ids, start=start, now=now, cfg=cfg, only_hot=only_hot)
    views.sort(key=lambda v: (-v.burst.score, -v.size, v.id))
    views = views[:limit]
    if summaries:
        for v in views:
            v.summary = story_summary(engine, v.id, v.size, rows[v.id]["summary"])
    return views


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
        label = row["label"] or sq.text_labels(conn, [resolved]).get(resolved, "")
    # the story's strongest burst of its last 30 days, as the list shows it: opening a story the list
    # called HOT ("22 items … in the 6 h to 12:42") must not say "8 items in the last 6 h" a few hours later
    start = min(max(row["first_seen"], now - timedelta(days=30)), now) if row["first_seen"] else now
    times = [m["published_at"] for m in members]
    b = peak_burst(times, [m["source"] for m in members], start, now, resolved, BurstSettings())
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
        series = sq.place_series(conn, since) if by == "place" else sq.series(conn, "area", None, since)
    return rank(series, now, cfg, top=top)
