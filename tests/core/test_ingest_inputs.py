"""Odd inputs as scrapers and offices produce them (audit a1, 27 Nov 2026): one bad record costs that record,
never the run; nothing an author wrote under another field name is kept; nothing stored drives the
analyst's terminal; records reusing an id are named, never dropped silently."""

from __future__ import annotations

import getpass
import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import tinhhinh
from tinhhinh.ingest import records
from tinhhinh.ingest.records import parse_time, read_file, read_jsonl_records, to_item
from tinhhinh.ingest.run import ingest
from tinhhinh.timefmt import parse_since

SRC = str(Path(tinhhinh.__file__).resolve().parents[1])


def cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """This tree's command line in a real process (the installed `tinhhinh` may be another checkout)."""
    environ = {**os.environ, "COLUMNS": "120", "PYTHONPATH": SRC, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environ,
        timeout=600,
    )


def lines(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def stored(db: Path, sql: str = "SELECT key, title FROM items ORDER BY key") -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


# ------------------------------------------------------------------ 1. lone surrogates


def test_a_lone_surrogate_is_replaced_and_the_run_goes_on_with_analysis(tmp_path):
    src = lines(
        tmp_path / "surr.jsonl",
        '{"id":"s1","title":"abc \\ud800 def","text":"Giá vàng"}\n{"id":"s2","title":"ok","text":"Giá vàng tăng"}\n',
    )
    r = cli("ingest", str(src), "--db", "s.db", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert stored(tmp_path / "s.db") == [(":s1", "abc \ufffd def"), (":s2", "ok")]


def test_analyze_reads_the_same_record_through_to_item():
    ((_, record),) = list(read_jsonl_records(['{"id":"a","title":"x \\udc00 y"}\n']))
    assert to_item(record, where="line:1", require_identity=False).title == "x \ufffd y"


# ------------------------------------------------------------------ 2. dates out of range


def test_an_out_of_range_date_rejects_that_record_only(tmp_path):
    src = lines(
        tmp_path / "year1.jsonl",
        '{"id":"o1","title":"x","published_at":"0001-01-01T00:00:00"}\n'
        '{"id":"o2","title":"y","published_at":"9999-12-31T23:59:59-12:00"}\n'
        '{"id":"ok","title":"Bình thường","text":"Giá vàng tăng"}\n',
    )
    r = cli("ingest", str(src), "--db", "y.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert f"{src}:1: published_at '0001-01-01T00:00:00' is out of the range" in r.stderr
    assert f"{src}:2: published_at" in r.stderr
    assert "1 new" in r.stderr and "2 rejected" in r.stderr
    r = cli("search", "gia", "--since", "0001-01-01", "--db", "y.db", cwd=tmp_path)
    assert r.returncode == 1
    assert "out of range" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_since_out_of_range_is_a_value_error():
    with pytest.raises(ValueError, match="out of range"):
        parse_since("0001-01-01")


# ------------------------------------------------------------------ 3. control characters

ESC_TITLE = "Giá vàng \x1b]0;PWNED\x07\x1b[2J tăng"


def test_control_characters_are_removed_at_ingest():
    item = to_item(
        {"id": "e1", "title": ESC_TITLE, "text": "Giá vàng \x1b[31mđỏ\x9b0m\x00 tăng\r\nmới\x0bnữa\tx"},
        where="f:1",
    )
    assert item.title == "Giá vàng  tăng"
    assert item.text == "Giá vàng đỏ tăng\nmới nữa\tx"


def test_search_escapes_control_characters_an_old_database_holds(tmp_path):
    src = lines(
        tmp_path / "e.jsonl", json.dumps({"id": "e1", "source": "s", "title": "Giá vàng tăng"}) + "\n"
    )
    assert cli("ingest", str(src), "--db", "e.db", "-q", "--no-analyze", cwd=tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "e.db") as conn:  # as stored before ingest removed them
        conn.execute("UPDATE items SET title = ?, text = ?", (ESC_TITLE, "Giá vàng \x1b[31mđỏ"))
    r = cli("search", "gia vang", "--db", "e.db", "--user", "x\x1b]0;Y\x07", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "\\x1b]0;PWNED\\x07" in r.stdout
    r = cli("searches", "--db", "e.db", cwd=tmp_path)
    assert r.returncode == 0 and "\x1b" not in r.stdout and "x\\x1b]0;Y" in r.stdout


# ------------------------------------------------------------------ 4. author fields


@pytest.mark.parametrize(
    "name",
    ["author", "Author", "AUTHOR_NAME", "authorName", "by", "Byline", "dc:creator", "Posted By", "screen_name",
     "Tác giả", "tac_gia", "Người viết", "người đăng", "nguoi dang", "Tài khoản", "user", "Username"],
)  # fmt: skip
def test_author_fields_are_recognised_however_spelt(name):
    assert records.is_author_field(name)


@pytest.mark.parametrize(
    "name", ["title", "text", "source", "id", "url", "kind", "category", "tags", "bytes"]
)
def test_other_fields_are_not_authors(name):
    assert not records.is_author_field(name)


def test_no_author_field_reaches_extra_and_the_first_is_the_author(tmp_path, monkeypatch):
    record = {"id": "8", "title": "Tin B", "Author": "Lê Thị B", "author_name": "Lê Thị C", "chuyên mục": "x"}
    assert records.drop_author_fields(record) == (
        "Lê Thị B",
        {"id": "8", "title": "Tin B", "chuyên mục": "x"},
    )
    item = to_item(record, where="f:1", keep_authors=False)
    assert item.extra == {"chuyên mục": "x"} and item.author_hash is None
    monkeypatch.setenv("TINHHINH_HOME", str(tmp_path / "home"))
    hashed = to_item(record, where="f:1", keep_authors=True).author_hash
    assert hashed and hashed == to_item({"id": "8", "title": "Tin B", "author": "Lê Thị B"}, where="f:1",
                                        keep_authors=True).author_hash  # fmt: skip


def test_a_csv_author_column_in_vietnamese_is_not_stored(tmp_path):
    src = lines(tmp_path / "tg.csv", "id,title,text,Tác giả,Chuyên mục\n1,Tin,Nội dung,Trần B,Xã hội\n")
    r = cli("ingest", str(src), "--db", "tg.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert stored(tmp_path / "tg.db", "SELECT extra, author_hash FROM items") == [
        ('{"Chuyên mục": "Xã hội"}', None)
    ]


PERSON = "Nguyễn Văn A 0912345678 a@x.vn"
# Person fields as scrapers' comment dumps name them (audit collect #1): none is an exact author name
PERSON_FIELDS = [
    "full_name", "display_name", "fullname", "name", "owner", "from_name", "commenter", "account", "email",
    "phone", "uid", "fb_id", "owner_id", "page_name", "sender", "nick", "Người bình luận",
    "Họ tên người đăng", "author_email", "profile", "actor", "Tên", "userName", "actorId", "Số điện thoại",
]  # fmt: skip


def test_person_fields_under_any_name_and_at_any_depth_are_not_stored(tmp_path):
    recs = [
        {"id": f"a{i}", "source": "fb", "kind": "comment", "text": f"Bình luận {i} về giá điện", name: PERSON}
        for i, name in enumerate(PERSON_FIELDS)
    ]
    recs += [
        {"id": "n1", "source": "fb", "text": "Lồng 1", "meta": {"author": "Nguyễn Văn A", "tag": "điện"}},
        {"id": "n2", "source": "fb", "text": "Lồng 2", "post": {"stats": [{"likes": 3, "by": "Nguyễn Văn A"}]}},
        {"id": "n3", "source": "fb", "text": "Lồng 3", "ghi chú": "liên hệ 0912 345 678", "x": ["a@x.vn", "ok"]},
        {"id": "k1", "source": "fb", "text": "Giữ", "chuyên mục": "Xã hội", "guid": "g-1", "content_type": "t",
         "views": 12, "impact_factor": 1.5, "ngày": "01/05/2024 08:00"},
    ]  # fmt: skip
    src = lines(tmp_path / "au.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    r = cli("ingest", str(src), "--db", "au.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    extras = dict(stored(tmp_path / "au.db", "SELECT ext_id, extra FROM items"))
    assert len(extras) == len(recs)
    leaked = {k: v for k, v in extras.items() if v and ("Nguyễn" in v or "0912" in v or "@x.vn" in v)}
    assert leaked == {}
    assert json.loads(extras["n1"]) == {"meta": {"tag": "điện"}}
    assert json.loads(extras["n2"]) == {"post": {"stats": [{"likes": 3}]}}
    assert json.loads(extras["n3"]) == {"x": ["ok"]}
    assert json.loads(extras["k1"]) == {
        "chuyên mục": "Xã hội", "guid": "g-1", "content_type": "t", "views": 12, "impact_factor": 1.5,
        "ngày": "01/05/2024 08:00",
    }  # fmt: skip


@pytest.mark.parametrize("name", PERSON_FIELDS)
def test_person_field_names_are_recognised(name):
    assert records.is_person_field(name)


@pytest.mark.parametrize(
    "name", ["title", "text", "source", "id", "url", "kind", "lang", "published_at", "category", "tags",
             "guid", "content", "comment_count", "impact_factor", "chuyên mục", "views", "description"],
)  # fmt: skip
def test_item_and_ordinary_fields_are_not_person_fields(name):
    assert not records.is_person_field(name)


def test_only_an_http_address_is_an_items_link(tmp_path):
    """Audit collect #15: javascript:/data: urls were stored and rendered as links."""
    recs = [
        {"id": "x1", "source": "s", "title": "Lũ quét", "url": "javascript:alert(3)"},
        {"id": "x2", "source": "s", "title": "Lũ quét 2", "url": "data:text/html,<script>1</script>"},
        {"title": "Lũ quét 3", "url": "javascript:alert(4)"},
        {"id": "x4", "source": "s", "title": "Lũ quét 4", "url": "HTTPS://Báo.vn/a?utm_source=x"},
    ]
    src = lines(tmp_path / "x.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    r = cli("ingest", str(src), "--db", "x.db", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 2
    assert "x.jsonl:3: url 'javascript:alert(4)' is not an http(s) address and there is no id" in r.stderr
    rows = stored(tmp_path / "x.db", "SELECT ext_id, url, provenance FROM items ORDER BY ext_id")
    assert [(i, u) for i, u, _ in rows] == [("x1", None), ("x2", None), ("x4", "https://báo.vn/a")]
    assert json.loads(rows[0][2])["url_dropped"] == "not an http(s) address (javascript)"
    assert "script" not in rows[1][2]


def test_one_outlet_has_one_source_name_from_a_feed_and_from_a_dump(tmp_path):
    """Audit collect #7: the dump's www. address named the source 'www.vnexpress.net', the feed's
    'vnexpress.net', so the same article was a 'copy from another source' and a story had 2 sources."""
    feed = lines(
        tmp_path / "w.rss",
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>VnExpress</title>'
        "<link>https://vnexpress.net</link><item><title>Bài B</title><link>https://vnexpress.net/b-9.html</link>"
        "<description>Nội dung bài B về lũ lụt ở miền Trung năm nay.</description></item></channel></rss>",
    )
    dump = [
        {"url": "https://www.vnexpress.net/b-9.html", "title": "Bài B", "text": "Nội dung bài B về lũ lụt ở miền Trung năm nay."},
        {"url": "https://WWW.Tuoitre.vn:443/c.html", "title": "Bài C", "text": "Nội dung C"},
        {"url": "http://tuoitre.vn:8080/d.html", "title": "Bài D", "text": "Nội dung D"},
    ]  # fmt: skip
    wb = lines(tmp_path / "wb.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dump))
    r = cli("ingest", str(feed), str(wb), "--db", "u.db", "--no-analyze", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert stored(tmp_path / "u.db", "SELECT source, url FROM items ORDER BY pk") == [
        ("vnexpress.net", "https://vnexpress.net/b-9.html"),
        ("vnexpress.net", "https://www.vnexpress.net/b-9.html"),
        ("tuoitre.vn", "https://www.tuoitre.vn/c.html"),
        ("tuoitre.vn", "http://tuoitre.vn:8080/d.html"),
    ]


def test_a_record_with_an_id_keeps_its_stored_identity(tmp_path):
    # its source is part of its key (source:id): renaming www.x to x would store old dumps again
    rec = {"id": "9", "url": "https://www.vnexpress.net/b-9.html", "title": "Bài B"}
    assert to_item(rec, where="f:1").key == "www.vnexpress.net:9"


def test_lang_is_taken_from_the_record_and_english_gets_no_vietnamese_area(tmp_path):
    """Audit collect #12: every item was 'vi' (an input lang went to extra) and English got an area."""
    en = "Heavy rain flooded many streets in Hanoi today, officials said. Traffic was slow across the city."
    vi = "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc nghiêm trọng."
    recs = [
        {"id": "e1", "source": "s", "lang": "en", "title": "Flood in Hanoi", "text": en},
        {"id": "e2", "source": "s", "title": "Flood in Hanoi", "text": en},
        {"id": "v1", "source": "s", "title": "Ngập ở Hà Nội", "text": vi},
        {"id": "v2", "source": "s", "language": "vi-VN", "title": "Ngập", "text": vi},
    ]
    src = lines(tmp_path / "l.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    r = cli("ingest", str(src), "--db", "l.db", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = stored(
        tmp_path / "l.db", "SELECT ext_id, lang, area IS NOT NULL, extra FROM items ORDER BY ext_id"
    )
    assert rows == [("e1", "en", 0, "null"), ("e2", "en", 0, "null"), ("v1", "vi", 1, "null"),
                    ("v2", "vi", 1, '{"language": "vi-VN"}')]  # fmt: skip


# ------------------------------------------------------------------ 5. an id reused with another text


@pytest.mark.parametrize("analysis", [False, True])
def test_a_reused_id_with_other_text_is_named_not_dropped_silently(tmp_path, analysis):
    a = lines(
        tmp_path / "export_a.csv", "id,title,text\n1,Giá xăng giảm,Giá xăng giảm mạnh\n2,Bóng đá,Thắng 3-0\n"
    )
    b = lines(tmp_path / "export_b.csv", "id,title,text\n1,Cháy chung cư,Vụ cháy lớn\n2,Bóng đá,Thắng 3-0\n")
    flags = ["-q"] if analysis else ["-q", "--no-analyze"]
    assert cli("ingest", str(a), "--db", "ab.db", *flags, cwd=tmp_path).returncode == 0
    r = cli("ingest", str(b), "--db", "ab.db", *flags, cwd=tmp_path)
    assert r.returncode == 2
    assert f"{b}:2: id '1' already stored with different text: kept the stored one; give --source" in r.stderr
    assert f"{b}:3" not in r.stderr  # the same text again is a re-run: nothing to say
    assert "1 already present" in r.stderr and "1 not stored" in r.stderr
    r = cli("ingest", str(a), "--db", "ab.db", *flags, cwd=tmp_path)
    assert r.returncode == 0 and "2 already present" in r.stderr and "not stored" not in r.stderr
    r = cli("ingest", str(b), "--db", "ab.db", "--source", "b", *flags, cwd=tmp_path)
    assert r.returncode == 0 and "1 new, 1 copies" in r.stderr  # row 2 is a copy of export_a's row 2


@pytest.mark.parametrize("worker", ["0", "1"])
def test_a_reused_id_within_one_file_is_named(tmp_path, jsonl, db, worker, monkeypatch):
    monkeypatch.setenv("TINHHINH_INGEST_WORKER", worker)
    f = jsonl(
        "a.jsonl",
        [
            {"id": "a12", "title": "Một", "text": "x"},
            {"id": "a12", "title": "Hai", "text": "y"},
            {"id": "a12", "title": "Một", "text": "x"},
        ],
    )
    summary = ingest(read_file(f), db)
    assert (summary.new, summary.present) == (1, 1)
    assert [str(c) for c in summary.conflicts] == [
        f"{f}:2: id 'a12' already stored with different text: kept the stored one; "
        "give --source (or a source field) to keep both"
    ]


# ------------------------------------------------------------------ 6. deep nesting


def test_a_deeply_nested_line_is_rejected_and_the_run_goes_on(tmp_path):
    src = tmp_path / "deep.jsonl"
    src.write_text('{"id":"n1","title":"ok","x":' + "[" * 100_000 + "]" * 100_000 + "}\n"
                   '{"id":"n2","title":"Giá vàng"}\n')  # fmt: skip
    r = cli("ingest", str(src), "--db", "d.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert f"{src}:1: not usable JSON (nested too deeply)" in r.stderr
    assert stored(tmp_path / "d.db") == [(":n2", "Giá vàng")]
    got = [rec for _, rec in read_jsonl_records(src.open("rb"))]
    assert isinstance(got[0], ValueError) and got[1]["id"] == "n2"


# ------------------------------------------------------------------ 7. .gz names

RECORDS = "".join(
    json.dumps({"id": str(i), "title": f"Tin số {i}"}, ensure_ascii=False) + "\n" for i in range(5)
)


def test_gz_names_in_any_case_and_without_an_inner_suffix(tmp_path):
    (tmp_path / "five.gz").write_bytes(gzip.compress(RECORDS.encode()))
    (tmp_path / "FIVE.JSONL.GZ").write_bytes(gzip.compress(RECORDS.encode()))
    (tmp_path / "rows.gz").write_bytes(gzip.compress("id;title\n1;Một\n2;Hai\n".encode()))
    (tmp_path / "odd.gz").write_bytes(gzip.compress(b"just words\n"))
    for name, db in (("five.gz", "a.db"), ("FIVE.JSONL.GZ", "b.db")):
        r = cli("ingest", name, "--db", db, "-q", "--no-analyze", cwd=tmp_path)
        assert r.returncode == 0 and "5 new" in r.stderr, r.stderr
    r = cli("ingest", "rows.gz", "--db", "c.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0 and "2 new" in r.stderr, r.stderr
    r = cli("ingest", "odd.gz", "--db", "c.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 2 and "odd.gz:1: cannot tell the format inside" in r.stderr
    (tmp_path / "up").mkdir()
    (tmp_path / "FIVE.JSONL.GZ").rename(tmp_path / "up" / "FIVE.JSONL.GZ")
    r = cli("ingest", "up", "--db", "d.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0 and "5 new" in r.stderr, r.stderr


def test_an_unknown_file_type_is_refused_before_anything_is_stored(tmp_path):
    lines(tmp_path / "five.jsonl", RECORDS)
    lines(tmp_path / "notes.txt", "x\n")
    r = cli(
        "ingest",
        "five.jsonl",
        "notes.txt",
        "--db",
        "n.db",
        "--batch-size",
        "1",
        "-q",
        "--no-analyze",
        cwd=tmp_path,
    )
    assert r.returncode == 1 and "notes.txt: unknown file type" in r.stderr
    assert stored(tmp_path / "n.db") == []


# ------------------------------------------------------------------ 8-9. search limit and dup_of


def test_search_limit_below_one_is_refused_and_the_cap_is_said(tmp_path):
    lines(tmp_path / "many.jsonl", "".join(json.dumps({"id": str(i), "title": f"Giá vàng {i}"}) + "\n"
                                           for i in range(1005)))  # fmt: skip
    assert cli("ingest", "many.jsonl", "--db", "m.db", "-q", "--no-analyze", cwd=tmp_path).returncode == 0
    for bad in ("0", "-1"):
        r = cli("search", "gia vang", "--db", "m.db", "--limit", bad, cwd=tmp_path)
        assert r.returncode == 1 and "Invalid value for '--limit'" in r.stderr
    r = cli("search", "gia vang", "--db", "m.db", "--limit", "5000", "--json", cwd=tmp_path)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 1000
    assert "only the first 1,000 hits" in r.stderr


def test_search_json_says_which_hit_is_a_copy_of_which(tmp_path):
    text = "Bão số 3 đổ bộ vào các tỉnh ven biển miền Trung, gây mưa lớn diện rộng."
    lines(tmp_path / "c.jsonl", "".join(json.dumps({"id": i, "source": s, "title": "Bão số 3", "text": text},
                                                   ensure_ascii=False) + "\n"
                                        for i, s in (("1", "a.vn"), ("2", "b.vn"))))  # fmt: skip
    assert cli("ingest", "c.jsonl", "--db", "c.db", "-q", "--no-analyze", cwd=tmp_path).returncode == 0
    r = cli("search", "bao so 3", "--db", "c.db", "--json", cwd=tmp_path)
    hits = {h["id"]: h for h in json.loads(r.stdout)}
    assert (hits["1"]["dup_of"], hits["1"]["dup_of_source"]) == (None, None)
    assert (hits["2"]["dup_of"], hits["2"]["dup_of_source"]) == ("1", "a.vn")


# ------------------------------------------------------------------ 10. dates


@pytest.mark.parametrize(
    ("value", "utc"),
    [
        ("Tue, 25 Nov 2025 08:00:00 +0700", "2025-11-25 01:00:00"),
        ("2024-05-01T10:00:00z", "2024-05-01 10:00:00"),
        (1714532400, "2024-05-01 03:00:00"),
        (1714532400000, "2024-05-01 03:00:00"),
        ("01/05/2024 10:00", "2024-05-01 03:00:00"),
    ],
)
def test_dates_as_feeds_and_exports_write_them(value, utc):
    assert str(parse_time(value)) == utc


@pytest.mark.parametrize("value", [2024, 0, -5, 99_999_999_999_999, float("nan"), "hôm qua"])
def test_implausible_dates_are_refused(value):
    with pytest.raises(ValueError, match="published_at"):
        parse_time(value)


# ------------------------------------------------------------------ 11. .json files


def test_a_json_array_or_object_file_is_read_as_records(tmp_path):
    recs = [json.loads(line) for line in RECORDS.splitlines()]
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    got = list(read_file(arr))
    assert [it.id for it in got] == ["0", "1", "2", "3", "4"]
    assert got[1].provenance["line"] == "6"  # the line its record starts on ("[" on 1, four lines each)
    one = lines(tmp_path / "one.json", json.dumps(recs[0], indent=2))
    assert [it.id for it in read_file(one)] == ["0"]
    jl = lines(tmp_path / "jl.json", RECORDS)  # JSON lines under a .json name
    assert len(list(read_file(jl))) == 5
    cut = lines(tmp_path / "cut.json", json.dumps(recs)[:-30])
    (rej,) = [r for r in read_file(cut) if not hasattr(r, "key")]
    assert "the rest of the file is not read" in rej.reason or "not closed" in rej.reason


def test_a_folder_leaves_json_files_out_and_says_so(tmp_path):
    (tmp_path / "dump").mkdir()
    lines(tmp_path / "dump" / "a.jsonl", RECORDS)
    lines(tmp_path / "dump" / "meta.json", '{"version": 2}')
    r = cli("ingest", "dump", "--db", "f.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 .json file(s) left out" in r.stderr and "5 new" in r.stderr


# ------------------------------------------------------------------ 12. encodings


def test_an_8bit_jsonl_file_is_refused_once_and_bom_lines_are_read(tmp_path):
    body = "".join(
        json.dumps({"id": str(i), "title": "Giá vàng tăng mạnh"}, ensure_ascii=False) + "\n" for i in range(4)
    )
    (tmp_path / "cp.jsonl").write_bytes(body.encode("cp1258", "replace"))
    r = cli("ingest", "cp.jsonl", "--db", "cp.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count("rejected cp.jsonl") == 1 and "cp.jsonl:1: file is not UTF-8" in r.stderr
    part = b'\xef\xbb\xbf{"id":"b%d","title":"Gi\xc3\xa1 %d"}\r\n'
    (tmp_path / "bomcat.jsonl").write_bytes(part % (1, 1) + part % (2, 2))
    r = cli("ingest", "bomcat.jsonl", "--db", "b.db", "-q", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0 and "2 new" in r.stderr, r.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_jsonl_or_json_file_is_read(tmp_path, encoding):
    # Notepad's and Excel's "Unicode" is UTF-16 with a byte-order mark: the whole file was refused as
    # "an old Vietnamese encoding (TCVN3, VNI…)"
    recs = [{"id": str(i), "title": f"Giá vàng tăng mạnh {i}"} for i in range(3)]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in recs)
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # the utf-16 codec writes its own
    (tmp_path / "u.jsonl").write_bytes((bom + body).encode(encoding))
    (tmp_path / "u.json").write_bytes((bom + json.dumps(recs, ensure_ascii=False)).encode(encoding))
    for name in ("u.jsonl", "u.json"):
        r = cli("ingest", name, "--db", f"{name}.db", "-q", "--no-analyze", cwd=tmp_path)
        assert r.returncode == 0 and "3 new" in r.stderr, r.stderr
        assert stored(tmp_path / f"{name}.db") == [(f":{i}", f"Giá vàng tăng mạnh {i}") for i in range(3)]


# ------------------------------------------------------------------ 13-15. commands


def test_reindex_refuses_a_missing_database(tmp_path):
    r = cli("reindex", "--db", "typo.db", cwd=tmp_path)
    assert r.returncode == 1 and "no database" in r.stderr
    assert not (tmp_path / "typo.db").exists()


def test_the_search_audit_records_the_os_account(tmp_path):
    lines(tmp_path / "a.jsonl", RECORDS)
    assert cli("ingest", "a.jsonl", "--db", "a.db", "-q", "--no-analyze", cwd=tmp_path).returncode == 0
    assert cli("search", "tin", "--db", "a.db", "--user", "giam.doc", cwd=tmp_path).returncode == 0
    r = cli("searches", "--db", "a.db", "--json", cwd=tmp_path)
    (row,) = json.loads(r.stdout)
    assert (row["user"], row["os_user"], row["filters"]) == ("giam.doc", getpass.getuser(), None)
    r = cli("searches", "--db", "a.db", cwd=tmp_path)
    assert f"giam.doc (OS: {getpass.getuser()})" in r.stdout


def test_batch_size_below_one_is_refused_and_source_help_says_what_it_does(tmp_path):
    lines(tmp_path / "a.jsonl", RECORDS)
    for bad in ("0", "-5"):
        r = cli("ingest", "a.jsonl", "--db", "a.db", "--batch-size", bad, cwd=tmp_path)
        assert r.returncode == 1 and "Invalid value for '--batch-size'" in r.stderr
    assert "neither a source nor a url" in " ".join(cli("ingest", "--help", cwd=tmp_path).stdout.split())
    lines(
        tmp_path / "u.jsonl",
        '{"id":"1","url":"https://VnExpress.net/a","title":"x"}\n{"id":"2","title":"y"}\n',
    )
    assert (
        cli(
            "ingest", "u.jsonl", "--db", "u.db", "--source", "X", "-q", "--no-analyze", cwd=tmp_path
        ).returncode
        == 0
    )
    assert stored(tmp_path / "u.db", "SELECT key FROM items ORDER BY key") == [("X:2",), ("vnexpress.net:1",)]
