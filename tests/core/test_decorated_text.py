"""Posts typed in decorative "fonts" (𝐓𝐔𝐘𝐄̂̉𝐍 𝐃𝐔̣𝐍𝐆, 𝘷𝘪𝘦̣̂𝘤 𝘭𝘢̀𝘮, ＣＴＶ, ᴛᴜʏᴇ̂̉ɴ) are read as the plain text by
folding, so every stage that folds (area, keywords, places, copies, toxicity) and search see the words."""

from __future__ import annotations

import unicodedata

from tinhhinh.analyze import analyse_stream
from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import ingest
from tinhhinh.nlp.normalize import fold, has_diacritics, plain_letters, strip_diacritics
from tinhhinh.store.search import search


def _bold(text: str) -> str:
    """``text`` as a "bold font" generator writes it: mathematical bold letters and digits, the marks
    left as combining characters after them."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if "A" <= ch <= "Z":
            ch = chr(0x1D400 + ord(ch) - ord("A"))
        elif "a" <= ch <= "z":
            ch = chr(0x1D41A + ord(ch) - ord("a"))
        elif "0" <= ch <= "9":
            ch = chr(0x1D7CE + ord(ch) - ord("0"))
        out.append(ch)
    return "".join(out)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


TITLE = "Đà Nẵng tuyển dụng 500 lao động cho khu công nghiệp Hòa Khánh"
TEXT = (
    "Trung tâm dịch vụ việc làm thành phố Đà Nẵng cho biết các doanh nghiệp trong khu công nghiệp "
    "Hòa Khánh cần tuyển 500 lao động phổ thông trong tháng tới. Người lao động được ký hợp đồng, "
    "đóng bảo hiểm xã hội và hỗ trợ nhà ở. Hồ sơ nộp trực tiếp tại trung tâm, không mất phí."
)


def test_folding_reads_decorative_letters():
    assert fold(_bold("TUYỂN DỤNG")) == "tuyển dụng"
    assert strip_diacritics(_bold("TUYỂN DỤNG")) == "tuyen dung"
    assert fold(_full_width("CTV 0912")) == "ctv 0912"
    assert fold("ᴛᴜʏᴇ̂̉ɴ ᴅᴜ̣ɴɢ") == "tuyển dụng"
    assert has_diacritics(_bold("TUYỂN")) and not has_diacritics(_bold("CTV"))
    # symbols that stand for letters stay symbols here (a word would split differently); the scam
    # rules read them (tests/harm/test_scam_decorated.py)
    assert fold("Ⓩⓐⓛⓞ") == "Ⓩⓐⓛⓞ".lower()
    assert plain_letters("Ⓩⓐⓛⓞ") == "Zalo"
    plain = "Người dân Đà Nẵng"
    assert plain_letters(plain) is plain and fold(plain) == "người dân đà nẵng"


def test_the_quick_test_covers_every_decorative_form():
    from tinhhinh.nlp.normalize import _MAYBE_DECORATED, DECORATED

    assert all(_MAYBE_DECORATED.fullmatch(chr(c)) for c in DECORATED)
    # and no letter Vietnamese is written in
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    assert not _MAYBE_DECORATED.search(letters + letters.upper())


def test_analyze_reads_a_bold_post_as_the_plain_one():
    records = [
        {"id": "plain", "title": TITLE, "text": TEXT, "published_at": "2026-11-01T08:00:00"},
        {"id": "bold", "title": _bold(TITLE), "text": _bold(TEXT), "published_at": "2026-11-01T09:00:00"},
        {"id": "wide", "title": _full_width(TITLE), "text": TEXT, "published_at": "2026-11-01T10:00:00"},
    ]
    out = {r["id"]: r for r in analyse_stream(enumerate(records, 1), stories=True)}
    plain, bold, wide = out["plain"], out["bold"], out["wide"]
    for r in (bold, wide):
        assert r["area"] == plain["area"]
        assert r["area_scores"] == plain["area_scores"]
        assert r["places"] == plain["places"] and "Đà Nẵng" in str(plain["places"])
        # the same words, in whatever letters the post used
        assert [fold(plain_letters(k)) for k in r["keywords"]] == [fold(k) for k in plain["keywords"]]
        assert r["story_id"] == plain["story_id"]
    assert bold["dup_of"] == "plain"  # the same text in other letters is a copy
    assert bold["title"] == _bold(TITLE)  # the record itself passes through untouched


def test_search_finds_a_bold_post_typed_plainly(jsonl, db):
    docs = [
        {
            "id": "bold",
            "title": _bold("TUYỂN DỤNG CỘNG TÁC VIÊN"),
            "text": _bold("Việc nhẹ lương cao tại nhà"),
        },
        {"id": "other", "title": "Giá vàng hôm nay", "text": "Thị trường kim loại quý biến động."},
    ]
    ingest(read_file(jsonl("docs.jsonl", docs)), db)
    for query in ("tuyển dụng", "tuyen dung", "cộng tác viên", "viec nhe luong cao"):
        assert [h.id for h in search(db, query)] == ["bold"], query
