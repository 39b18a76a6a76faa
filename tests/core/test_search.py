from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import text

from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import ingest
from tinhhinh.store.search import Filters, QueryError, search

DOCS = [
    {
        "id": "dn",
        "source": "a.vn",
        "title": "Mưa lớn ở Đà Nẵng",
        "text": "Nhiều tuyến phố Đà Nẵng ngập sâu sau mưa.",
    },
    {"id": "dana", "title": "Robot đa năng cho nhà máy", "text": "Một robot đa năng mới được giới thiệu."},
    {"id": "dong", "title": "Giá đồng tăng", "text": "Giá đồng trên thị trường thế giới tăng."},
    {"id": "hoa", "title": "Hội nghị hoà bình", "text": "Các bên cam kết hòa bình lâu dài."},
    {"id": "thuy", "title": "Cô Thuý đoạt giải", "text": "Vận động viên Thúy giành huy chương vàng."},
    {"id": "nfd", "title": unicodedata.normalize("NFD", "Thành phố Hồ Chí Minh mở rộng"), "text": "x"},
    {"id": "body", "title": "Tin ngắn trong ngày", "text": "Cuối bài mới nhắc tới giá vàng hôm nay."},
    {"id": "title", "title": "Giá vàng hôm nay", "text": "Thị trường kim loại quý biến động."},
    {"id": "apart", "title": "Vàng và giá cả", "text": "Giá xăng giảm, vàng thì đứng yên."},
    {"id": "stock", "source": "b.vn", "title": "Giá vàng và chứng khoán", "text": "Cổ phiếu giảm."},
]


@pytest.fixture
def loaded(jsonl, db):
    ingest(read_file(jsonl("docs.jsonl", DOCS)), db)
    return db


def ids(hits):
    return [h.id for h in hits]


def test_query_without_diacritics_matches_folded(loaded):
    assert set(ids(search(loaded, "da nang"))) == {"dn", "dana"}


def test_query_with_diacritics_matches_exactly(loaded):
    assert ids(search(loaded, "Đà Nẵng")) == ["dn"]
    assert ids(search(loaded, "đa năng")) == ["dana"]


def test_d_bar_folds_to_d(loaded):
    assert "dong" in ids(search(loaded, "gia dong"))


def test_tone_placement_variants_match_each_other(loaded):
    assert ids(search(loaded, "hoà bình")) == ["hoa"]
    assert ids(search(loaded, "hòa bình")) == ["hoa"]
    assert ids(search(loaded, "Thúy")) == ["thuy"]
    assert ids(search(loaded, "Thuý")) == ["thuy"]


def test_nfd_documents_and_nfd_queries(loaded):
    assert ids(search(loaded, "thành phố hồ chí minh")) == ["nfd"]
    assert ids(search(loaded, unicodedata.normalize("NFD", "Thành phố Hồ Chí Minh"))) == ["nfd"]
    assert ids(search(loaded, unicodedata.normalize("NFD", "Hoà bình"))) == ["hoa"]


def test_phrase_requires_adjacency(loaded):
    found = ids(search(loaded, '"giá vàng"'))
    assert "apart" not in found
    assert {"body", "title", "stock"} <= set(found)


def test_words_are_anded_and_exclusion_works(loaded):
    assert set(ids(search(loaded, "giá vàng"))) == {"body", "title", "apart", "stock"}
    assert "stock" not in ids(search(loaded, "giá vàng -chứng"))
    assert "stock" not in ids(search(loaded, 'gia vang -"chung khoan"'))


def test_title_and_adjacent_matches_rank_first(loaded):
    hits = search(loaded, "giá vàng")
    order = ids(hits)
    # adjacent in title first, then words apart in the title, then body-only mentions
    assert order.index("title") < order.index("apart") < order.index("body")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_snippet_highlights_original_text(loaded):
    hit = search(loaded, "da nang")[0]
    assert hit.id == "dn"
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    assert "Đà" in marked and "Nẵng" in marked


def test_filters(loaded):
    assert ids(search(loaded, "giá vàng", filters=Filters(source="b.vn"))) == ["stock"]


def test_no_match_is_empty_not_error(loaded):
    assert search(loaded, "không có gì như thế này xyzzy") == []


def test_query_with_only_exclusions_is_refused(loaded):
    with pytest.raises(QueryError):
        search(loaded, "-vàng")


def test_every_search_is_audited(loaded):
    search(loaded, "da nang", user="analyst1")
    search(loaded, "xyzzy", user="analyst2", filters=Filters(source="a.vn"))
    with loaded.connect() as conn:
        rows = conn.execute(
            text('SELECT "user", query, results, filters FROM search_audit ORDER BY id')
        ).all()
    assert rows[0][:3] == ("analyst1", "da nang", 2)
    assert rows[1][0] == "analyst2" and rows[1][2] == 0 and "a.vn" in str(rows[1][3])


QUERIES = ["da nang", "Đà Nẵng", "hoa binh", '"giá vàng"', "gia vang -chung"]


def test_reindex_rebuilds_the_same_search_from_the_stored_items(loaded):
    from tinhhinh.store.items import reindex

    before = {q: ids(search(loaded, q, audit=False)) for q in QUERIES}
    assert all(before.values())
    with loaded.begin() as conn:  # damage the index: it is derived data, the items are the record
        if loaded.dialect.name == "sqlite":
            for name in ("title_x", "title_a", "doc_x", "doc_a"):
                conn.execute(text(f"INSERT INTO fts_{name}(fts_{name}) VALUES ('delete-all')"))
        else:
            conn.execute(text("DELETE FROM item_search"))
    assert not any(ids(search(loaded, q, audit=False)) for q in QUERIES)
    seen: list[tuple[int, int]] = []
    assert reindex(loaded, batch_size=3, on_batch=lambda done, total: seen.append((done, total))) == len(DOCS)
    assert seen[-1] == (len(DOCS), len(DOCS)) and len(seen) == 4
    assert {q: ids(search(loaded, q, audit=False)) for q in QUERIES} == before
    reindex(loaded)  # again: nothing doubled
    assert {q: ids(search(loaded, q, audit=False)) for q in QUERIES} == before


def test_reindex_command(tmp_path, jsonl):
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "tinhhinh"
    db = tmp_path / "r.db"
    subprocess.run([exe, "ingest", str(jsonl("d.jsonl", DOCS)), "--db", str(db), "-q"], check=True)
    r = subprocess.run([exe, "reindex", "--db", str(db), "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert f"{len(DOCS)} items" in r.stderr
    hits = subprocess.run(
        [exe, "search", "da nang", "--db", str(db), "--json"], capture_output=True, text=True, check=True
    )
    assert '"dn"' in hits.stdout


def _fts_setting(conn, table: str, key: str) -> int | None:
    return conn.execute(text(f"SELECT v FROM fts_{table}_config WHERE k = :k"), {"k": key}).scalar()


def test_index_merge_settings_on_new_databases_and_after_reindex(sqlite_db, jsonl):
    """Migration 0008: one flush per ingest batch (8 MB of pending terms) and merges 8 segments at a time."""
    from tinhhinh.store.items import FTS_TABLES, reindex

    ingest(read_file(jsonl("docs.jsonl", DOCS)), sqlite_db)
    reindex(sqlite_db)
    with sqlite_db.connect() as conn:
        for name in FTS_TABLES:
            assert _fts_setting(conn, name, "hashsize") == 8 << 20
            assert _fts_setting(conn, name, "automerge") == 8


def test_results_do_not_depend_on_how_the_index_is_split_into_segments(tmp_path, jsonl):
    """The merge settings change only how the index is cut into segments, never what a search returns: a
    database with a tiny pending buffer (hundreds of segments, many merges) ranks exactly like one merged
    with the old defaults."""
    from tinhhinh.store.db import dispose_all, engine_for
    from tinhhinh.store.items import FTS_TABLES

    words = ["giá vàng", "Đà Nẵng", "đa năng", "hòa bình", "mưa lớn", "thị trường", "chứng khoán", "robot"]
    docs = [
        {
            "id": str(n),
            "title": f"{words[n % 8]} {words[(n * 3) % 8]} số {n}",
            "text": " ".join(words[(n + k) % 8] for k in range(n % 11 + 1)) + f" đoạn {n}.",
        }
        for n in range(400)
    ]
    src = jsonl("many.jsonl", docs)
    queries = ["gia vang", "Đà Nẵng", "da nang", '"thị trường chứng khoán"', "hoa binh -robot", "mưa lớn số"]
    found = []
    for name, settings in [("old.db", {"hashsize": 1 << 20, "automerge": 4}), ("tiny.db", {"hashsize": 512})]:
        engine = engine_for(str(tmp_path / name))
        with engine.begin() as conn:
            for table in FTS_TABLES:
                for key, value in settings.items():
                    conn.execute(
                        text(f"INSERT INTO fts_{table}(fts_{table}, rank) VALUES ('{key}', {value})")
                    )
        ingest(read_file(src), engine, batch_size=50)
        found.append(
            {q: [(h.id, h.score) for h in search(engine, q, limit=50, audit=False)] for q in queries}
        )
        dispose_all()
    assert all(found[0].values())
    assert found[0] == found[1]


# Each word keeps the way it was typed (audit #4): marks in one word, or in an exclusion, used to switch the
# whole query to exact matching, so "mua -bão" ("rain, not storm") found "mua" (buy) and never "mưa".
MIXED = [
    {"id": "rain", "title": "Hà Nội mưa to", "text": "Thủ đô Hà Nội mưa to. Hòa Bình cũng mưa."},
    {"id": "storm", "title": "Bão số 3 đổ bộ Đà Nẵng", "text": "Cơn bão gây mưa lớn ở Đà Nẵng."},
    {"id": "buy", "title": "Mua máy giặt đa năng ở Hà Nội", "text": "Người dân mua máy giặt giá rẻ."},
    {"id": "kh", "title": "Khánh Hoà đón khách", "text": "Tỉnh Khánh Hoà đón nhiều khách."},
    {"id": "news", "title": "Báo chí đưa tin mưa", "text": "Tờ báo nói mưa sẽ kéo dài."},
]


@pytest.fixture
def mixed(jsonl, db):
    ingest(read_file(jsonl("mixed.jsonl", MIXED)), db)
    return db


def test_marks_in_an_exclusion_do_not_change_how_the_other_words_match(mixed):
    assert set(ids(search(mixed, "mua -bão"))) == {"rain", "buy", "news"}  # "báo" is not "bão"
    assert set(ids(search(mixed, "mua -bao"))) == {"rain", "buy"}  # typed without marks: every form
    assert set(ids(search(mixed, 'ha noi -"máy giặt"'))) == {"rain"}
    assert set(ids(search(mixed, 'ha noi -"may giat"'))) == {"rain"}


def test_a_word_typed_without_marks_matches_loosely_next_to_a_marked_one(mixed):
    assert ids(search(mixed, "khanh hòa")) == ["kh"]
    assert ids(search(mixed, "hòa binh")) == ["rain"]
    assert ids(search(mixed, "Đà Nang")) == ["storm"]
    assert ids(search(mixed, "da nẵng")) == ["storm"]
    assert search(mixed, "đà năng") == []  # the marked words still match only their marks
    hit = search(mixed, "mưa ha noi")[0]
    assert hit.id == "rain"
    assert {hit.snippet[a:b] for a, b in hit.highlights} >= {"mưa", "Hà", "Nội"}
    assert {h.snippet[a:b] for h in search(mixed, "mưa") for a, b in h.highlights} == {"mưa"}


def test_a_query_all_in_marks_stays_exact_and_text_as_typed_ranks_first(mixed):
    assert "buy" not in ids(search(mixed, "mưa"))
    assert ids(search(mixed, '"đa năng"')) == ["buy"]
    # "to" has no marks to type: it also matches "tờ" loosely, but the text "mưa to" as typed comes first
    assert ids(search(mixed, "mưa to")) == ["rain", "news"]
    assert ids(search(mixed, "mưa ha noi"))[0] == "rain"


def test_a_province_typed_without_marks_ranks_the_place_before_its_homographs(jsonl, db):
    # "da nang" typed without marks put "Sử dụng hiệu quả máy tập đa năng tại nhà" above every "Đà Nẵng"
    # headline on the demo: BM25 prefers the short, repeated homograph
    ingest(
        read_file(
            jsonl(
                "places.jsonl",
                [
                    {"id": "gym", "title": "Máy tập đa năng", "text": "Máy tập đa năng, đa năng thật."},
                    {
                        "id": "city",
                        "title": "Chính quyền Đà Nẵng khẳng định không có sóng thần",
                        "text": "Người dân Đà Nẵng trở về nhà sau tin đồn.",
                    },  # fmt: skip
                ],
            )
        ),
        db,
    )
    assert ids(search(db, "da nang")) == ["city", "gym"]  # the homograph is still found, after
    assert ids(search(db, "Đà Nẵng")) == ["city"]
    assert ids(search(db, "song than da nang")) == ["city"]  # the place inside a longer query too
    assert ids(search(db, '"da nang"')) == ["gym", "city"]  # a quoted phrase is read as typed


def test_alerts_match_words_each_as_typed(mixed):
    from tinhhinh.store.search import matching_story_ids

    with mixed.begin() as conn:
        conn.execute(text("UPDATE items SET story_id = 's-' || ext_id"))
    assert matching_story_ids(mixed, "mua -bão") == {"s-rain", "s-buy", "s-news"}
    assert matching_story_ids(mixed, "khanh hòa") == {"s-kh"}


def test_operators_typed_as_words_are_named():
    from tinhhinh.store.search import query_notes, typed_operators

    assert typed_operators("mua OR bao") == (["OR"], False)
    assert typed_operators('covi* AND "a OR b" -NOT') == (["AND", "NOT"], True)
    assert typed_operators("mua or bao *") == ([], False)  # lower case is a word people search for
    assert len(query_notes("mua OR bao covi*")) == 2 and query_notes("mưa bão") == []


def test_since_counts_an_undated_item_by_when_it_was_stored(jsonl, db):
    """Audit #5: a feed entry without a date was left out of every --since search (and the first check of a
    saved search); its time is when it was stored, as in reports (store/item_time.py)."""
    from datetime import UTC, datetime, timedelta

    recs = [
        {"id": "undated", "title": "Mưa lớn không có ngày đăng", "text": "Tin từ nguồn không ghi ngày."},
        {"id": "old", "title": "Mưa lớn năm xưa", "text": "Tin cũ.", "published_at": "2020-01-05T08:00:00"},
        {
            "id": "new",
            "title": "Mưa lớn hôm nay",
            "text": "Tin mới.",
            "published_at": datetime.now(UTC).isoformat(),
        },
    ]
    ingest(read_file(jsonl("since.jsonl", recs)), db)
    now = datetime.now(UTC).replace(tzinfo=None)
    assert set(ids(search(db, "mua lon", filters=Filters(since=now - timedelta(days=7))))) == {
        "undated",
        "new",
    }
    assert search(db, "mua lon", filters=Filters(since=now + timedelta(hours=1))) == []


SPELLINGS = [
    {"id": "ky", "title": "Kỹ thuật mới", "text": "Kỹ sư giải thích lý do tăng giá."},
    {"id": "ki", "title": "Kĩ năng sống", "text": "Lí do học kĩ năng: quí trọng thời gian."},
    {"id": "hy", "title": "Tưởng nhớ người đã hy sinh", "text": "Họ hi sinh vì Tổ quốc. Công ty hỗ trợ."},
    {"id": "tay", "title": "Rửa tay đúng cách", "text": "Tay sạch, tai nghe. Y tế dự phòng."},
]


def test_i_and_y_spellings_find_each_other(jsonl, db):
    """Audit #8: kĩ/kỹ, lí/lý, quí/quý, hi sinh/hy sinh, công ti/công ty are one word to search."""
    ingest(read_file(jsonl("iy.jsonl", SPELLINGS)), db)
    for q in ("kĩ", "kỹ", "ki", "ky"):
        assert set(ids(search(db, q))) == {"ky", "ki"}, q
    assert set(ids(search(db, "lí do"))) == set(ids(search(db, "lý do"))) == {"ky", "ki"}
    assert ids(search(db, "quý")) == ["ki"] and ids(search(db, '"hi sinh"')) == ["hy"]
    assert ids(search(db, "công ti")) == ["hy"]
    assert ids(search(db, "tai")) == ["tay"] and search(db, "i") == []  # "tay" is not "tai"; "y tế" not "i"
    hit = search(db, "kĩ thuật")[0]
    assert hit.id == "ky" and [hit.snippet[a:b] for a, b in hit.highlights] == ["Kỹ"]  # body: "Kỹ sư …"


def test_i_and_y_spelling_leaves_model_inputs_and_copy_hashes_alone():
    from tinhhinh.nlp.normalize import fold
    from tinhhinh.store.forms import _copy_hash, index_forms

    assert fold("Kỹ sư Mỹ") == "kỹ sư mỹ"  # the trained models read fold: unchanged
    forms = index_forms("Kỹ sư Mỹ", "quý")
    assert forms["doc_x"] == "kĩ sư mĩ\nquí"
    assert forms["hash"] == _copy_hash("kỹ sư mỹ\nquý".encode())  # hashes stored before stay comparable


def test_a_database_indexed_before_the_spelling_rule_is_reindexed_on_upgrade(tmp_path, jsonl, monkeypatch):
    """Migration 0010 rebuilds the index once: a database made by the previous version finds "kĩ" at once."""
    from tinhhinh.store import forms
    from tinhhinh.store.db import _head_revision, dispose_all, engine_for
    from tinhhinh.store.items import reindex

    path = str(tmp_path / "old.db")
    engine = engine_for(path)
    ingest(read_file(jsonl("iy.jsonl", SPELLINGS)), engine)
    with monkeypatch.context() as m:  # the index as the previous version made it
        m.setattr(forms, "search_spelling", lambda s: s)
        reindex(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0010_source_alerts'"))
    assert "ky" not in ids(search(engine, "kĩ", audit=False))
    dispose_all()
    engine = engine_for(path)
    assert set(ids(search(engine, "kĩ", audit=False))) == {"ky", "ki"}
    with engine.connect() as conn:
        # upgraded through 0011_search_spelling to the newest revision
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == _head_revision()
    dispose_all()
