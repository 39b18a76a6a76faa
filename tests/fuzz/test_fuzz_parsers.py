"""Every parser of outside input, fed random and mutated bytes: no crash, no hang, clear rejections."""

from __future__ import annotations

import io
import sys
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fuzzkit import FUZZ, FUZZ_SLOW, check_rejection_message, hard_limit, inputs, mutated
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1] / "ingest_web"))
from vnsites import STORIES, article, atom, cp1258, rss  # noqa: E402

from tinhhinh.ingest import http  # noqa: E402
from tinhhinh.ingest.feeds import items_from_feed, parse_date  # noqa: E402
from tinhhinh.ingest.pages import items_from_page  # noqa: E402
from tinhhinh.ingest.records import Rejection, read_csv, read_jsonl  # noqa: E402
from tinhhinh.item import KINDS, Item  # noqa: E402

RSS = rss("https://vntin.example.vn").encode()
RSS_1258 = cp1258(rss("https://vntin.example.vn", encoding="windows-1258"))
ATOM = atom("https://cong.example.gov.vn").encode()
PAGE = article(STORIES[0]).encode()
JSONL = (
    '{"id": "a1", "source": "vnexpress.net", "title": "Bão số 3 đổ bộ", "text": "Người dân sơ tán.", '
    '"published_at": "2026-11-25T16:42:10+07:00", "url": "https://vnexpress.net/a-1.html"}\n'
    '{"url": "https://tuoitre.vn/b.htm", "title": "Cảnh báo lừa đảo", "kind": "post", "author": "Lan"}\n'
).encode()
CSV = (
    "id,source,title,text,published_at,url\n"
    'x1,dantri.com.vn,"Học sinh nghỉ học, trời rét",Nhiệt độ dưới 10 độ C,25/11/2026 07:15,https://dantri.com.vn/x1.htm\n'
).encode()

_TMP = tempfile.TemporaryDirectory(prefix="tinhhinh-fuzz-")


def _file(data: bytes, suffix: str) -> Path:
    path = Path(_TMP.name) / f"input{suffix}"
    path.write_bytes(data)
    return path


def _check_records(records: list, *, where: str) -> None:
    for rec in records:
        if isinstance(rec, Rejection):
            check_rejection_message(rec.reason)
            assert rec.where, "a rejection says where"
        else:
            assert isinstance(rec, Item)
            assert rec.title or rec.text
            assert rec.kind in KINDS
            assert rec.url or rec.id
            assert rec.published_at is None or rec.published_at.tzinfo is None  # naive UTC in the store
            assert "\x00" not in rec.title + rec.text


# --- feeds ---------------------------------------------------------------------------------------


@FUZZ
@given(st.one_of(inputs(RSS), mutated(RSS_1258), mutated(ATOM)))
def test_feed_parser(data: bytes) -> None:
    with hard_limit():
        records = list(items_from_feed(data))
    _check_records(records, where="<bytes>")


# --- pages ---------------------------------------------------------------------------------------


@FUZZ
@given(
    inputs(PAGE),
    st.sampled_from(["", "text/html", "text/html; charset=windows-1258", "text/html; charset=x"]),
)
def test_page_parser(data: bytes, ctype: str) -> None:
    with hard_limit():
        records = list(items_from_page(data, url="https://vntin.example.vn/a.html", content_type=ctype))
    assert len(records) == 1
    _check_records(records, where="<bytes>")


@FUZZ
@given(st.binary(max_size=3000), st.text(max_size=60))
def test_charset_decoder(data: bytes, ctype: str) -> None:
    with hard_limit():
        text = http.decode(data, ctype)
    assert isinstance(text, str)


@FUZZ
@given(
    st.one_of(st.text(max_size=80), st.sampled_from(["Tue, 25 Nov 2026 16:42:10 +0700", "25/11/2026 16:42"]))
)
def test_date_parser(value: str) -> None:
    dt = parse_date(value)
    assert dt is None or (dt.tzinfo is UTC and 1990 <= dt.year <= 2100)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=2000),
        mutated(zlib.compress(PAGE)),
        mutated(__import__("gzip").compress(PAGE)),
    ),
    st.sampled_from(["gzip", "deflate"]),
)
def test_inflater_bounded(data: bytes, encoding: str) -> None:
    """The gzip/deflate inflater never hands out more than its limit, whatever the bytes."""
    limit = 4096
    inflater = http._Inflate(encoding)
    produced = 0
    with hard_limit():
        try:
            for i in range(0, len(data), 512):
                out = inflater.feed(data[i : i + 512], limit - produced)
                produced += len(out)
                assert len(out) <= limit - (produced - len(out)) + 1
                if produced > limit:
                    break
        except zlib.error:
            pass


# --- JSONL / CSV (the ingest records readers) -------------------------------------------------------


@FUZZ
@given(inputs(JSONL))
def test_jsonl_reader(data: bytes) -> None:
    path = _file(data, ".jsonl")
    with hard_limit():
        records = list(read_jsonl(path))
    _check_records(records, where=str(path))


@FUZZ
@given(inputs(CSV))
def test_csv_reader(data: bytes) -> None:
    path = _file(data, ".csv")
    with hard_limit():
        records = list(read_csv(path))
    _check_records(records, where=str(path))


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["id", "url", "title", "text", "kind", "source", "published_at", "author", "extra"]),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=True),
            st.text(max_size=30),
            st.lists(st.integers(), max_size=3),
            st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
        ),
        max_size=9,
    )
)
def test_jsonl_reader_field_types(record: dict) -> None:
    """Well-formed JSON with wrong field types: each line an Item or a one-line rejection."""
    import json

    path = _file((json.dumps(record, ensure_ascii=False) + "\n").encode(), ".jsonl")
    with hard_limit():
        records = list(read_jsonl(path))
    _check_records(records, where=str(path))


# --- XLSX petition register (desk) ---------------------------------------------------------------


def _register_xlsx(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        ["Số đơn", "Ngày nhận", "Loại đơn", "Trích yếu", "Họ tên", "Đã thông báo xử lý dữ liệu cá nhân"]
    )
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLSX = _register_xlsx([["01/2026", "25/11/2026", "Khiếu nại", "Đòi bồi thường đất", "Nguyễn Văn A", "Có"]])


@pytest.fixture(scope="module")
def desk_engine(tmp_path_factory):
    registers = pytest.importorskip("tinhhinh.desk.registers")
    from tinhhinh.store.db import dispose_all, engine_for

    engine = engine_for(str(tmp_path_factory.mktemp("fuzz") / "desk.db"))
    yield engine, registers
    dispose_all()


def _import(desk_engine, data: bytes):
    from tinhhinh.console import UserError
    from tinhhinh.desk.access import Actor

    engine, registers = desk_engine
    path = _file(data, ".xlsx")
    try:
        with hard_limit():
            report = registers.import_register(engine, Actor(1, "coord", "coordinator"), path, dry_run=True)
    except UserError as exc:
        check_rejection_message(str(exc))
        return None
    for rej in report.rejections:
        check_rejection_message(rej.reason)
        assert rej.row >= 2
    return report


@FUZZ_SLOW
@given(data=st.one_of(mutated(XLSX, max_ops=3), st.binary(max_size=500)))
def test_xlsx_register_bytes(desk_engine, data: bytes) -> None:
    _import(desk_engine, data)


@FUZZ_SLOW
@given(
    rows=st.lists(
        st.lists(
            st.one_of(
                st.none(),
                # control characters cannot be written into a workbook at all
                st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
                st.integers(-(10**6), 10**6),
                st.dates().map(lambda d: datetime(d.year, d.month, d.day)),
                st.sampled_from(["Có", "Không", "Tố cáo", "31/02/2026", '=HYPERLINK("x")', "x"]),
            ),
            min_size=6,
            max_size=6,
        ),
        max_size=5,
    )
)
def test_xlsx_register_cells(desk_engine, rows: list[list]) -> None:
    report = _import(desk_engine, _register_xlsx(rows))
    assert report is not None  # a well-formed workbook is always read; bad cells are row rejections


@pytest.mark.parametrize("value", [1e20, -1e20, 10**30])
def test_jsonl_huge_numeric_date_is_a_rejection(value) -> None:
    import json

    path = _file((json.dumps({"id": "a", "title": "Tin", "published_at": value}) + "\n").encode(), ".jsonl")
    (rec,) = list(read_jsonl(path))
    assert isinstance(rec, Rejection)
