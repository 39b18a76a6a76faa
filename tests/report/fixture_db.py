"""A small demo-like database built through the real ingest and desk APIs (shared by the report tests)."""

from __future__ import annotations

import datetime as dt
from itertools import islice
from pathlib import Path

from tinhhinh.timefmt import LOCAL_TZ

# VNTC topic code (in the demo ids) -> area code, so the fixture has areas without the trained area model.
VNTC_AREA = {
    "XH": "politics_society", "DS": "lifestyle", "KH": "science", "KD": "business", "PL": "law",
    "SK": "health", "TG": "world", "TT": "sports", "VH": "culture", "VT": "technology",
}  # fmt: skip
END = dt.datetime(2026, 11, 20, 10, 0, tzinfo=LOCAL_TZ)


def build(path: Path, *, every: int = 6, end: dt.datetime = END) -> dict:
    from tinhhinh.demo import demo_records
    from tinhhinh.desk.demo import seed_desk
    from tinhhinh.ingest.records import Rejection
    from tinhhinh.ingest.run import ingest
    from tinhhinh.pipeline import load_stages
    from tinhhinh.store.db import engine_for

    engine = engine_for(str(path))
    stages = load_stages([("tinhhinh.stories.places", "PlacesStage"), ("tinhhinh.harm.scam", "ScamStage")])
    try:
        from tinhhinh.ordered import ordered_for_store

        ordered = ordered_for_store(engine)
    except ModuleNotFoundError:
        ordered = None

    def records():
        for rec in islice(demo_records(end), 0, None, every):
            if isinstance(rec, Rejection):
                continue
            topic = (rec.id or "").split("-")[1] if rec.id and rec.id.count("-") >= 2 else ""
            rec.area = VNTC_AREA.get(topic)
            yield rec

    summary = ingest(records(), engine, stages=stages, ordered=ordered)
    line = seed_desk(engine, end)
    return {"engine": engine, "summary": summary, "desk_line": line, "end": end}
