"""`dup_of` of `analyze` equals ingest's on copy groups mixing dated and undated members."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"

FLOOD = (
    "Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị tổng kết công tác phòng chống bão lụt. "
    "Mưa lớn kéo dài trong tháng mười đã làm ngập hơn ba nghìn ngôi nhà ở các quận Hải Châu và Thanh Khê. "
    "Lực lượng cứu hộ đã sơ tán gần mười nghìn người dân đến nơi an toàn trước khi bão đổ bộ."
)
GOLD = (
    "Giá vàng miếng trong nước sáng nay tăng thêm một triệu đồng mỗi lượng theo đà tăng của thế giới. "
    "Nhiều người dân xếp hàng từ sớm trước các cửa hàng vàng bạc trên phố Trần Nhân Tông. "
    "Chuyên gia khuyên người mua cân nhắc rủi ro khi giá biến động mạnh trong ngắn hạn."
)
SCHOOL = (
    "Sở Giáo dục thành phố công bố điểm chuẩn tuyển sinh lớp mười các trường công lập năm nay. "
    "Nhiều trường top đầu có điểm chuẩn giảm nhẹ so với năm ngoái do số thí sinh đăng ký ít hơn. "
    "Thí sinh trúng tuyển cần xác nhận nhập học trực tuyến trước ngày ba mươi tháng sáu."
)
# input order is arbitrary: undated reposts arrive before the dated articles they copy
RECORDS = [
    {"id": "flood-repost", "source": "x.vn", "title": "Đà Nẵng tổng kết", "text": FLOOD},
    {"id": "gold-1", "source": "x.vn", "title": "Giá vàng", "text": GOLD},
    {
        "id": "school-late",
        "source": "a.vn",
        "title": "Điểm chuẩn lớp 10",
        "text": SCHOOL,
        "published_at": "2026-06-10T09:00:00+07:00",
    },
    {"id": "school-repost", "source": "x.vn", "title": "Điểm chuẩn lớp 10", "text": SCHOOL + " Theo báo A."},
    {"id": "gold-2", "source": "y.vn", "title": "Giá vàng", "text": GOLD},
    {
        "id": "flood",
        "source": "a.vn",
        "title": "Đà Nẵng tổng kết",
        "text": FLOOD,
        "published_at": "2026-11-02T08:00:00+07:00",
    },
    {
        "id": "school-early",
        "source": "b.vn",
        "title": "Điểm chuẩn lớp 10",
        "text": SCHOOL,
        "published_at": "2026-06-09T20:00:00+07:00",
    },
]
EXPECTED = {
    "flood-repost": "flood",  # the dated member is the original, not the undated one seen first
    "gold-1": None,
    "school-late": "school-early",
    "school-repost": "school-early",
    "gold-2": "gold-1",  # undated against undated: first seen
    "flood": None,
    "school-early": None,
}


def test_analyze_and_ingest_agree_that_a_dated_member_is_the_original(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    run = dict(capture_output=True, text=True, env={**os.environ, "HOME": str(tmp_path)}, timeout=300)
    analysed = subprocess.run([EXE, "analyze", "--stories", "-q", "-i", str(src)], **run)
    assert analysed.returncode == 0, analysed.stderr
    out = [json.loads(line) for line in analysed.stdout.splitlines()]
    from_analyze = {o["id"]: o["dup_of"] for o in out}
    db = tmp_path / "t.db"
    stored = subprocess.run([EXE, "ingest", str(src), "--db", str(db), "-q"], **run)
    assert stored.returncode == 0, stored.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select c.ext_id, o.ext_id, c.story_id, o.story_id from items c left join items o on c.dup_of = o.pk"
        ).fetchall()
    from_ingest = {c: o for c, o, _, _ in rows}
    assert from_analyze == EXPECTED
    assert from_ingest == EXPECTED
    # copies are in their original's story in both
    story = {o["id"]: o["story_id"] for o in out}
    assert all(story[c] == story[o] for c, o in EXPECTED.items() if o)
    assert all(cs == os_ for _, o, cs, os_ in rows if o)
