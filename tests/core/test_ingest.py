from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from sqlalchemy import select

from tinhhinh.ingest.records import canonical_url, read_file
from tinhhinh.ingest.run import ingest
from tinhhinh.ordered import ordered_for_store
from tinhhinh.store.schema import items, stories

BODY = "Sáng nay, mưa lớn gây ngập nhiều tuyến phố ở Đà Nẵng. Người dân phải di chuyển chậm."


def rows(engine):
    with engine.connect() as conn:
        return {r["key"]: r for r in conn.execute(select(items)).mappings()}


def test_reingest_adds_nothing(tmp_path, jsonl, db):
    f = jsonl(
        "a.jsonl",
        [
            {"id": "1", "source": "vnexpress.net", "title": "Mưa lớn ở Đà Nẵng", "text": BODY},
            {
                "id": "2",
                "source": "vnexpress.net",
                "title": "Giá vàng tăng",
                "text": "Giá vàng hôm nay tăng mạnh.",
            },
        ],
    )
    first = ingest(read_file(f), db)
    assert (first.new, first.present, first.rejected) == (2, 0, 0)
    second = ingest(read_file(f), db)
    assert (second.new, second.copies, second.present) == (0, 0, 2)
    assert len(rows(db)) == 2


def test_identity_by_id_within_source_or_canonical_url(tmp_path, jsonl, db):
    f = jsonl(
        "a.jsonl",
        [
            {"id": "1", "source": "a.vn", "title": "Một", "text": "x"},
            {"id": "1", "source": "b.vn", "title": "Một", "text": "x"},  # same id, other source: another item
            {
                "url": "https://Tuoitre.vn/bai-viet.htm?utm_source=fb&fbclid=abc#top",
                "title": "Hai",
                "text": "y",
            },
            {
                "url": "https://tuoitre.vn/bai-viet.htm",
                "title": "Hai (sửa)",
                "text": "y",
            },  # same canonical URL
        ],
    )
    summary = ingest(read_file(f), db)
    assert summary.new + summary.copies == 3
    # the same canonical URL with another text is not stored, and is named rather than counted as present
    assert summary.present == 0
    assert [str(c).split(": ", 1)[1] for c in summary.conflicts] == [
        "url https://tuoitre.vn/bai-viet.htm already stored with different text: kept the stored one"
    ]
    assert "url:https://tuoitre.vn/bai-viet.htm" in rows(db)


def test_canonical_url_strips_tracking():
    assert (
        canonical_url("HTTPS://VnExpress.net/a/?utm_medium=x&id=5&gclid=1#c")
        == "https://vnexpress.net/a?id=5"
    )


def test_copies_are_kept_and_linked_to_the_earliest(tmp_path, jsonl, db):
    f = jsonl(
        "a.jsonl",
        [
            {
                "id": "late",
                "source": "b.vn",
                "title": "Mưa lớn",
                "text": BODY,
                "published_at": "2026-03-02T10:00:00+07:00",
            },
            {
                "id": "early",
                "source": "a.vn",
                "title": "Mưa  lớn",
                "text": BODY,
                "published_at": "2026-03-01T10:00:00",
            },
        ],
    )
    summary = ingest(read_file(f), db)
    assert summary.new == 1 and summary.copies == 1
    r = rows(db)
    assert r["a.vn:early"]["dup_of"] is None
    assert r["b.vn:late"]["dup_of"] == r["a.vn:early"]["pk"]
    # an even older copy arriving in a later run becomes the original for the whole group
    g = jsonl(
        "b.jsonl",
        [
            {
                "id": "oldest",
                "source": "c.vn",
                "title": "Mưa lớn",
                "text": BODY,
                "published_at": "2026-02-28T08:00:00",
            },
        ],
    )
    ingest(read_file(g), db)
    r = rows(db)
    assert r["c.vn:oldest"]["dup_of"] is None
    assert r["a.vn:early"]["dup_of"] == r["c.vn:oldest"]["pk"]
    assert r["b.vn:late"]["dup_of"] == r["c.vn:oldest"]["pk"]


def test_bad_records_are_reported_and_the_rest_stored(tmp_path, jsonl, db):
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        '{"id": "ok1", "title": "Tin tốt", "text": "Nội dung"}\n'
        '{"id": "empty", "title": "", "text": "   "}\n'
        "{not json\n"
        '{"title": "Không có id", "text": "x"}\n'
        '{"id": "k", "title": "Loại lạ", "kind": "video"}\n'
        '{"id": "d", "title": "Ngày sai", "published_at": "hôm qua"}\n'
        '["a", "list"]\n'
        '{"id": "ok2", "title": "Chỉ có tiêu đề: bài viết có toàn bộ nội dung trong tiêu đề"}\n'
        '{"id": "obj", "title": ["Tiêu đề", "là danh sách"], "text": {"p": "nội dung"}}\n',
        encoding="utf-8",
    )
    summary = ingest(read_file(f), db)
    assert summary.new == 2
    assert summary.rejected == 7
    reasons = {r.where.rsplit(":", 1)[1]: r.reason for r in summary.rejections}
    assert set(reasons) == {"2", "3", "4", "5", "6", "7", "9"}
    assert reasons["9"] == "title must be text, not a JSON list"  # not analysed as "['Tiêu đề', …]"
    assert "neither title nor text" in reasons["2"]
    assert "not valid JSON" in reasons["3"]
    assert "neither id nor url" in reasons["4"]
    assert "kind" in reasons["5"]
    assert "ISO 8601" in reasons["6"]


def test_date_without_zone_is_vietnam_time(tmp_path, jsonl, db):
    f = jsonl("a.jsonl", [{"id": "1", "title": "t", "published_at": "2026-03-01T10:00:00"}])
    ingest(read_file(f), db)
    assert rows(db)[":1"]["published_at"] == datetime(2026, 3, 1, 3, 0)


def test_unknown_fields_kept_in_extra_and_authors_dropped_by_default(tmp_path, jsonl, sqlite_db):
    db = sqlite_db
    f = jsonl("a.jsonl", [{"id": "1", "title": "t", "author": "Nguyễn Văn A", "likes": 5}])
    ingest(read_file(f), db)
    row = rows(db)[":1"]
    assert row["extra"] == {"likes": 5}
    assert row["author_hash"] is None
    raw = (tmp_path / "t.db").read_bytes() + (tmp_path / "t.db-wal").read_bytes()
    assert "Nguyễn Văn A".encode() not in raw


def test_author_setting_keeps_only_a_rotating_hash(tmp_path, jsonl, sqlite_db, _isolated_home):
    db = sqlite_db
    (_isolated_home / "settings.toml").write_text("[privacy]\nkeep_author_hash = true\n")
    f = jsonl(
        "a.jsonl",
        [
            {"id": "1", "title": "t1", "author": "Nguyễn Văn A", "published_at": "2026-03-01T10:00:00"},
            {"id": "2", "title": "t2", "author": "Nguyễn Văn A", "published_at": "2026-03-01T11:00:00"},
            {"id": "3", "title": "t3", "author": "Nguyễn Văn A", "published_at": "2026-03-02T11:00:00"},
        ],
    )
    ingest(read_file(f), db)
    r = rows(db)
    assert r[":1"]["author_hash"] and r[":1"]["author_hash"] == r[":2"]["author_hash"]
    assert r[":3"]["author_hash"] != r[":1"]["author_hash"]  # rotates daily: no stable per-author key
    con = sqlite3.connect(tmp_path / "t.db")
    dump = "\n".join(con.iterdump())
    assert "Nguyễn Văn A" not in dump


def test_csv_ingest(tmp_path, jsonl, db):
    f = tmp_path / "a.csv"
    f.write_text(
        'id,source,title,text,published_at\n1,nld.com.vn,"Bão số 3, gió mạnh",Nội dung,2026-01-02\n'
        "2,nld.com.vn,,,\n",
        encoding="utf-8",
    )
    summary = ingest(read_file(f), db)
    assert (summary.new, summary.rejected) == (1, 1)
    assert summary.rejections[0].where.endswith(":3")
    assert rows(db)["nld.com.vn:1"]["title"] == "Bão số 3, gió mạnh"


def test_csv_quotes_later_in_the_file_are_read_as_excel_writes_them(tmp_path, db):
    # the delimiter guess also guessed the quoting from the first 4 KB and turned off doubled quotes
    # (""), as Excel and Python write a quote inside a field: 20 real articles came out as 82 rows, 56
    # of them rejected and the rest cut apart
    import csv
    import gzip
    from importlib import resources

    demo = resources.files("tinhhinh.data").joinpath("demo", "vntc_demo.jsonl.gz")
    with demo.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        records = [json.loads(next(fh)) for _ in range(20)]
    f = tmp_path / "dump.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "source", "title", "text"])
        writer.writerows([r["id"], r["source"], r["title"], r["text"]] for r in records)
    summary = ingest(read_file(f), db)
    assert (summary.rejected, summary.new + summary.copies) == (0, 20), summary.rejections[:3]
    stored = {r["ext_id"]: r["text"] for r in rows(db).values()}
    assert all(stored[r["id"]] == r["text"].strip() for r in records)


def test_jsonl_saved_with_a_byte_order_mark_keeps_its_first_record(tmp_path, db):
    # Notepad and Windows PowerShell write UTF-8 with a BOM; the first record was rejected as bad JSON
    f = tmp_path / "windows.jsonl"
    f.write_bytes('\ufeff{"id": "1", "title": "Tin một"}\r\n{"id": "2", "title": "Tin hai"}\r\n'.encode())
    summary = ingest(read_file(f), db)
    assert (summary.new, summary.rejected) == (2, 0), summary.rejections
    blank_first = tmp_path / "blank.jsonl"  # the mark alone on the first line is a blank line, not bad JSON
    blank_first.write_bytes('\ufeff\r\n{"id": "3", "title": "Tin ba"}\r\n'.encode())
    assert (ingest(read_file(blank_first), db).rejected, len(rows(db))) == (0, 3)


def test_csv_from_excel_unicode_text_and_a_legacy_encoding(tmp_path, db):
    # Excel's "Unicode text" export is UTF-16 (tab-separated); a file in an old 8-bit encoding is refused
    # with what to do in Excel, nothing stored
    f = tmp_path / "excel.csv"
    f.write_text("id\ttitle\ttext\n1\tMưa lớn ở Huế\tNước dâng cao\n", encoding="utf-16")
    summary = ingest(read_file(f), db)
    assert (summary.new, summary.rejected) == (1, 0)
    assert any(r["title"] == "Mưa lớn ở Huế" for r in rows(db).values())
    old = tmp_path / "old.csv"
    old.write_bytes("id,title\n2,Giá vàng tăng\n".encode("cp1258"))
    summary = ingest(read_file(old), db)
    assert (summary.new, summary.rejected) == (0, 1)
    assert "Save As" in summary.rejections[0].reason and "CSV UTF-8" in summary.rejections[0].reason


def test_gzip_input(tmp_path, jsonl, db):
    import gzip

    f = tmp_path / "a.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "1", "title": "Nén gzip"}\n{"id": "2"}\n')
    summary = ingest(read_file(f), db)
    assert (summary.new, summary.rejected) == (1, 1)
    assert summary.rejections[0].where == f"{f}:2"


def test_values_longer_than_the_store_keeps_are_rejected_alike_on_both_backends(tmp_path, db):
    # PostgreSQL enforces varchar lengths and would refuse the whole batch; SQLite would keep the value.
    f = tmp_path / "long.jsonl"
    f.write_text(
        '{"id": "ok", "title": "Tin", "text": "Nội dung"}\n'
        f'{{"id": "{"x" * 600}", "title": "Id dài", "text": "x"}}\n'
        f'{{"url": "https://baomoi.vn/{"a" * 1100}", "title": "Đường dẫn dài", "text": "x"}}\n'
        f'{{"id": "s", "source": "{"s" * 300}", "title": "Nguồn dài", "text": "x"}}\n'
        '{"id": "ok2", "title": "Tin hai", "text": "Nội dung khác"}\n',
        encoding="utf-8",
    )
    summary = ingest(read_file(f), db)
    assert (summary.new, summary.rejected) == (2, 3)
    reasons = {r.where.rsplit(":", 1)[1]: r.reason for r in summary.rejections}
    assert "id is 600 characters long" in reasons["2"]
    assert "identity" in reasons["3"] and "at most 1,024" in reasons["3"]
    assert "source is 300 characters long" in reasons["4"]
    assert len(rows(db)) == 2


def test_stored_lengths_match_the_schema():
    from tinhhinh.ingest.records import STORED_LENGTHS

    assert STORED_LENGTHS == {
        "key": items.c.key.type.length,
        "id": items.c.ext_id.type.length,
        "source": items.c.source.type.length,
        "url": items.c.url.type.length,
    }


def test_a_copy_ingested_later_joins_its_originals_story_that_left_memory(tmp_path, jsonl, db):
    # paper A's dump sorted by time (a topic every 40 days), then paper B's dump of exact copies of it:
    # by then the first topics' stories have been idle for more than 30 days of event time and left the
    # index's memory; their rows are in the store, and the copies join them there
    topics = [
        ("Lũ quét ở Lào Cai", "lũ quét mưa lớn sạt lở Bát Xát người mất tích đội cứu hộ tìm kiếm"),
        ("Cháy chợ Phùng Khoang", "cháy lớn chợ Phùng Khoang lính cứu hỏa tiểu thương thiệt hại"),
        ("Tăng giá xăng dầu", "giá xăng Petrolimex liên bộ Công Thương điều chỉnh quỹ bình ổn"),
    ]
    dump_a = [
        {
            "id": f"A{t}-{k}",
            "source": "baoA.vn",
            "title": f"{title} (bài {k + 1})",
            "text": f"{words}. {['Phóng viên ghi nhận tại hiện trường.', 'Chính quyền họp khẩn.'][k]} {words}.",
            "published_at": f"2026-{1 + 2 * t:02d}-0{k + 1}T08:00:00+07:00",
        }
        for t, (title, words) in enumerate(topics)
        for k in range(2)
    ]
    dump_b = [{**r, "id": f"B-{r['id']}", "source": "baoB.vn"} for r in dump_a[::2]]
    ingest(read_file(jsonl("a.jsonl", dump_a)), db, ordered=ordered_for_store(db))
    ingest(read_file(jsonl("b.jsonl", dump_b)), db, ordered=ordered_for_store(db))
    r = rows(db)
    assert len({r[f"baoA.vn:{x['id']}"]["story_id"] for x in dump_a}) == len(topics)
    for copy in dump_b:
        c, o = r[f"baoB.vn:{copy['id']}"], r[f"baoA.vn:{copy['id'][2:]}"]
        assert c["dup_of"] == o["pk"]
        assert c["story_id"] == o["story_id"]
    with db.connect() as conn:  # the story the copies joined again was saved with them
        sizes = dict(conn.execute(select(stories.c.id, stories.c.size)).all())
    assert sorted(sizes.values()) == [3, 3, 3]
