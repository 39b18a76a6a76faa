"""Report and dashboard: undated items count by the time they were stored; dismissed toxic flags are not toxic."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from tinhhinh.report.build import build_report, utc_bounds
from tinhhinh.store.db import engine_for
from tinhhinh.timefmt import LOCAL_TZ

SCAM = "Chúc mừng bạn trúng thưởng iPhone 15. Vui lòng chuyển khoản phí nhận quà 500.000đ, liên hệ 0912 345 678 gấp."


def test_an_item_without_published_at_is_in_the_report_and_the_dashboard(tmp_path, cli_process):
    """A valid record without a date (id + text is enough) is counted by when it was stored."""
    from tinhhinh.store import dashboard_queries as dq

    home = tmp_path / "home"
    home.mkdir()
    db = tmp_path / "np.db"
    rec = tmp_path / "np.jsonl"
    dated = {"id": "d1", "source": "fb", "kind": "post", "text": "Bài viết rất hay, cảm ơn tác giả"}
    dated["published_at"] = dt.datetime.now(LOCAL_TZ).replace(microsecond=0).isoformat()
    rec.write_text(
        json.dumps({"id": "np1", "source": "fb", "kind": "post", "text": SCAM}, ensure_ascii=False)
        + "\n"
        + json.dumps(dated, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    res = cli_process(["ingest", str(rec), "--db", str(db)], home, tmp_path)
    assert res.returncode == 0, res.stderr
    today = dt.datetime.now(LOCAL_TZ).date().isoformat()
    res = cli_process(["report", "--from", today, "--to", today, "--json", "--db", str(db)], home, tmp_path)
    assert res.returncode == 0, res.stderr
    figures = json.loads(res.stdout)
    assert figures["items"] == 2
    assert figures["flags"] == {"scam": {"unconfirmed": 1}}

    engine = engine_for(str(db), create=False)
    start, end = utc_bounds(dt.date.fromisoformat(today), dt.date.fromisoformat(today))
    with engine.connect() as conn:
        assert dq.harm_counts(conn, start, end) == {("scam", "unconfirmed"): 1}
        assert sum(sum(c.values()) for c in dq.volume_by_area_day(conn, start, end).values()) == 2
        # a period before it was stored does not hold it
        assert dq.harm_counts(conn, start - dt.timedelta(days=2), start - dt.timedelta(days=1)) == {}


def test_item_time_filter_keeps_the_same_rows_as_coalesce(tmp_path):
    from tinhhinh.item import Item
    from tinhhinh.store.item_time import item_time, item_time_between
    from tinhhinh.store.items import add_items
    from tinhhinh.store.schema import items

    engine = engine_for(str(tmp_path / "t.db"))
    day = dt.datetime(2026, 11, 10)
    rows = []
    for i, (pub, fetched) in enumerate(
        [
            (day, day),
            (None, day),
            (None, day - dt.timedelta(days=3)),
            (day - dt.timedelta(days=3), day),
            (None, None),
        ]
    ):
        rows.append(Item(id=str(i), source="s", text=f"tin {i}", published_at=pub, fetched_at=fetched))
    add_items(engine, rows)
    start, end = day - dt.timedelta(hours=1), day + dt.timedelta(hours=1)
    with engine.connect() as conn:
        fast = conn.execute(select(items.c.ext_id).where(item_time_between(start, end))).scalars().all()
        plain = (
            conn.execute(select(items.c.ext_id).where(item_time() >= start, item_time() < end))
            .scalars()
            .all()
        )
        assert sorted(fast) == sorted(plain) == ["0", "1"]
        assert conn.execute(select(func.count()).where(item_time().is_(None))).scalar_one() == 1


def test_toxicity_rates_leave_out_items_whose_toxic_flag_a_person_dismissed(coordinator):
    from tinhhinh.harm import flags
    from tinhhinh.item import Item
    from tinhhinh.store import dashboard_queries as dq
    from tinhhinh.store.items import add_items

    engine, coord = coordinator
    when = dt.datetime(2026, 10, 10, 3)
    batch = []
    for i in range(7):
        label = ("offensive", "hate", "offensive")[i] if i < 3 else "clean"
        harm = [{"type": "toxic", "score": 0.8, "evidence": [], "status": "unconfirmed"}] if i < 3 else []
        batch.append(
            Item(
                id=str(i),
                source="fb",
                kind="comment",
                text=f"bình luận {i}",
                toxicity=label,
                harm=harm,
                published_at=when,
            )  # fmt: skip
        )
    add_items(engine, batch)
    listed = sorted(f["id"] for f in flags.list_flags(engine))
    assert len(listed) == 3
    first, last = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    assert build_report(engine, first, last, lang="en").figures["tox_source"] == {"fb": (7, 3)}
    flags.dismiss(engine, coord, listed[0], note="not toxic")
    flags.dismiss(engine, coord, listed[1], note="quoting")
    flags.confirm(engine, coord, listed[2])

    report = build_report(engine, first, last, lang="en")
    assert report.figures["tox_source"] == {"fb": (7, 1)}
    assert report.figures["flags"] == {"toxic": {"confirmed": 1, "dismissed": 2}}
    start, end = utc_bounds(first, last)
    with engine.connect() as conn:
        (row,) = dq.toxicity_rates(conn, start, end, "source")
        assert (row["scored"], row["offensive"] + row["hate"], row["rate"]) == (7, 1, round(1 / 7, 4))
