"""Hot issues end to end: ingest → stories persisted → ranked with reasons → alerts once."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import analysis_for, ingest
from tinhhinh.store.db import dispose_all, engine_for
from tinhhinh.stories import alerts
from tinhhinh.stories.hot import group_bursts, list_stories, story_detail

NOW = datetime(2026, 11, 20, 12, 0)  # naive UTC

EVENT = [
    "Sạt lở đất nghiêm trọng ở huyện Nam Trà My, Quảng Nam: {n} người mất tích",
    "Quảng Nam: mưa lớn gây sạt lở đất vùi lấp nhà dân ở Nam Trà My, {n} người mất tích",
    "Tìm kiếm {n} người mất tích trong vụ sạt lở đất tại Nam Trà My, Quảng Nam",
]
BODY = (
    "Mưa lớn kéo dài nhiều ngày đã gây sạt lở đất tại xã Trà Leng, huyện Nam Trà My, tỉnh Quảng Nam. "
    "Lực lượng cứu hộ đang tìm kiếm {n} người mất tích, chính quyền sơ tán người dân khỏi vùng nguy hiểm. "
    "Bộ đội biên phòng và công an đã có mặt để hỗ trợ tìm kiếm cứu nạn trong đêm."
)
BACKGROUND = [
    (
        "Giá vàng hôm nay tăng mạnh",
        "Giá vàng trong nước tăng theo đà thế giới, các cửa hàng bán ra nhiều hơn.",
    ),
    ("Đội tuyển bóng đá tập huấn", "Đội tuyển quốc gia bước vào đợt tập huấn chuẩn bị cho giải đấu khu vực."),
    (
        "Học sinh Hà Nội nghỉ học vì rét",
        "Sở Giáo dục Hà Nội cho học sinh tiểu học nghỉ học khi nhiệt độ dưới 10 độ.",
    ),
    ("Triển lãm tranh ở Huế", "Một triển lãm tranh sơn mài của các họa sĩ trẻ khai mạc tại thành phố Huế."),
]
SOURCES = ["vnexpress.net", "tuoitre.vn", "thanhnien.vn", "dantri.com.vn", "nld.com.vn", "vietnamnet.vn"]


def records():
    recs = []
    for day in range(14):  # a steady background: a few items a day
        for k, (title, text) in enumerate(BACKGROUND):
            t = NOW - timedelta(days=14 - day, hours=k * 3)
            recs.append(
                {
                    "id": f"bg{day}-{k}",
                    "source": SOURCES[k],
                    "title": f"{title} (ngày {day})",
                    "text": f"{text} Số liệu ngày {day}.",
                    "published_at": t.isoformat() + "+00:00",
                }
            )
    for n in range(12):  # the burst: one event, many outlets, within three hours
        t = NOW - timedelta(minutes=10 + 15 * n)
        recs.append(
            {
                "id": f"ev{n}",
                "source": SOURCES[n % len(SOURCES)],
                "title": EVENT[n % 3].format(n=n % 3 + 5),
                "text": BODY.format(n=n % 3 + 5),
                "published_at": t.isoformat() + "+00:00",
            }
        )
    return recs


@pytest.fixture
def engine(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    eng = engine_for(str(tmp_path / "hot.db"))
    stages, ordered = analysis_for(eng)
    ingest(read_file(path), eng, stages=stages, ordered=ordered, batch_size=20)
    yield eng
    dispose_all()


def test_the_burst_story_ranks_first_with_a_reason(engine):
    views = list_stories(engine, since=timedelta(hours=24), now=NOW)
    top = views[0]
    assert "sạt lở" in top.label.lower()
    assert top.size >= 10 and top.sources >= 5
    assert top.burst.hot
    # a brand-new story says so (its "usual rate" would be the prior, not something observed)
    assert (
        "sources" in top.burst.explanation and "new: no items in the 14 days before" in top.burst.explanation
    )
    assert 1 <= len(top.summary) <= 3
    assert all(not v.burst.hot for v in views[1:])


def test_place_filter_uses_current_map(engine):
    # Quảng Nam merged into Đà Nẵng on 1 July 2025
    views = list_stories(engine, since=timedelta(hours=24), now=NOW, place="Đà Nẵng")
    assert views and "sạt lở" in views[0].label.lower()
    assert list_stories(engine, since=timedelta(hours=24), now=NOW, place="Cà Mau") == []


def test_story_detail_and_area_place_bursts(engine):
    top = list_stories(engine, since=timedelta(hours=24), now=NOW)[0]
    detail = story_detail(engine, top.id, now=NOW)
    assert detail.size == len(detail.items)
    # hours after the burst, the list (last 24 h) and the story page give the same reason, with its time
    later = NOW + timedelta(hours=12)
    listed = next(v for v in list_stories(engine, since=timedelta(hours=24), now=later) if v.id == top.id)
    opened = story_detail(engine, top.id, now=later)
    assert listed.burst.hot and opened.burst.hot
    assert opened.burst.explanation == listed.burst.explanation and " to " in opened.burst.explanation
    places = group_bursts(engine, "place", now=NOW)
    assert places[0].key == "Đà Nẵng" and places[0].hot


def test_story_ids_are_stable_across_runs(engine, tmp_path):
    first = list_stories(engine, since=timedelta(hours=24), now=NOW)[0]
    more = tmp_path / "more.jsonl"
    t = NOW + timedelta(minutes=30)
    more.write_text(
        json.dumps(
            {
                "id": "ev-late",
                "source": "baomoi.com",
                "title": EVENT[0].format(n=6),
                "text": BODY.format(n=6),
                "published_at": t.isoformat() + "+00:00",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    dispose_all()
    eng2 = engine_for(str(tmp_path / "hot.db"))  # a new run: state comes from the database
    stages, ordered = analysis_for(eng2)
    ingest(read_file(more), eng2, stages=stages, ordered=ordered)
    again = story_detail(eng2, first.id, now=t)
    assert again.id == first.id and again.size == first.size + 1


def test_alerts_fire_once_per_new_match(engine):
    alerts.add(engine, "sat-lo", owner="analyst", query="sat lo")
    alerts.add(engine, "bong-da", owner="analyst", query="bóng đá")
    fired = alerts.check(engine, user="analyst", now=NOW)
    kinds = {(a.search, a.kind) for a in fired}
    assert ("sat-lo", "new") in kinds and ("sat-lo", "burst") in kinds
    assert all(a.search != "bong-da" or a.kind == "new" for a in fired)
    assert alerts.check(engine, user="analyst", now=NOW) == []


def test_a_story_of_a_post_without_title_is_named_by_its_text(engine, tmp_path):
    post = tmp_path / "post.jsonl"
    text = "Cô dâu Quảng Nam lên xe hoa bằng thuyền giữa mùa nước nổi, cả xóm ra tiễn."
    t = NOW - timedelta(minutes=5)
    row = {
        "id": "p1",
        "source": "facebook.com",
        "kind": "post",
        "text": text,
        "published_at": t.isoformat() + "+00:00",
    }
    post.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    stages, ordered = analysis_for(engine)
    ingest(read_file(post), engine, stages=stages, ordered=ordered)
    views = list_stories(engine, since=timedelta(hours=1), now=NOW, limit=100)
    mine = [v for v in views if v.label.startswith("Cô dâu Quảng Nam lên xe hoa")]
    assert len(mine) == 1 and mine[0].size == 1
    assert story_detail(engine, mine[0].id, now=NOW).label == mine[0].label


def _cli(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=300)


def test_alerts_command_names_the_saved_search_and_rejects_unknown_areas(engine, tmp_path):
    db = str(tmp_path / "hot.db")
    dispose_all()
    assert _cli("alerts", "add", "sat-lo", "--query", "sạt lở", "--db", db).returncode == 0
    bad = _cli("alerts", "add", "typo", "--area", "healt", "--db", db)
    assert bad.returncode == 1 and "--area 'healt'" in bad.stderr and "health" in bad.stderr
    assert _cli("stories", "--area", "sport", "--db", db).returncode == 1
    fired = _cli("alerts", "check", "--db", db, "--at", NOW.isoformat() + "+00:00")
    assert fired.returncode == 0, fired.stderr
    # "[sat-lo]" is plain text, not a Rich style tag that would vanish from the line
    assert fired.stdout.startswith("[sat-lo] new story: ") and "[sat-lo] burst: " in fired.stdout
    # a new story says what it is; the burst line gives the burst's reason
    new_line = next(line for line in fired.stdout.splitlines() if line.startswith("[sat-lo] new story: "))
    burst_line = next(line for line in fired.stdout.splitlines() if line.startswith("[sat-lo] burst: "))
    assert re.search(r"— \d+ items from \d+ sources, latest \d{4}-\d\d-\d\d \d\d:\d\d$", new_line)
    assert "new: no items in the 14 days before" in burst_line and "usual rate" not in new_line


def test_place_option_takes_old_names_and_rejects_unknown_ones(engine, tmp_path):
    # "Quảng Nam" is a pre-2025 province (now Đà Nẵng): search and stories accept it the same way
    db = str(tmp_path / "hot.db")
    dispose_all()
    found = _cli("search", "sat lo", "--place", "Quảng Nam", "--json", "--db", db)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)
    listed = _cli("stories", "--place", "Quảng Nam", "--since", "3650d", "--json", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert any("sạt lở" in s["label"].lower() for s in json.loads(listed.stdout))
    for cmd in (["search", "sat lo"], ["stories"]):
        bad = _cli(*cmd, "--place", "Atlantis", "--db", db)
        assert bad.returncode == 1
        assert bad.stderr.count("\n") == 1 and "--place 'Atlantis'" in bad.stderr


def test_a_story_reports_its_toxic_language_as_a_rate(engine):
    """Toxicity per story is a rate over its items (never who wrote them); an item whose toxic flag a person
    dismissed counts as read, not toxic; a story the model never read has no rate."""
    from sqlalchemy import insert, text

    from tinhhinh.store.flags import flags

    top = list_stories(engine, since=timedelta(hours=24), now=NOW)[0]
    assert top.toxicity is None and top.as_json()["toxicity"] is None  # no toxicity model in this test
    with engine.begin() as conn:
        pks = list(
            conn.execute(
                text("SELECT pk FROM items WHERE story_id = :s ORDER BY pk"), {"s": top.id}
            ).scalars()
        )
        conn.execute(text("UPDATE items SET toxicity = 'clean' WHERE story_id = :s"), {"s": top.id})
        conn.execute(
            text("UPDATE items SET toxicity = 'offensive' WHERE pk IN (:a, :b, :c)"),
            dict(zip("abc", pks[:3], strict=True)),
        )
        conn.execute(
            insert(flags).values(item_pk=pks[0], idx=0, type="toxic", status="dismissed", created_at=NOW)
        )
    detail = story_detail(engine, top.id, now=NOW)
    listed = next(v for v in list_stories(engine, since=timedelta(hours=24), now=NOW) if v.id == top.id)
    n = len(pks)
    assert detail.toxicity == listed.toxicity == (n, 2)
    assert listed.as_json()["toxicity"] == {"assessed": n, "toxic": 2, "rate": round(2 / n, 4)}
