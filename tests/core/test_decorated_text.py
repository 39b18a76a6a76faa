"""Posts typed in decorative "fonts" (𝐓𝐔𝐘𝐄̂̉𝐍 𝐃𝐔̣𝐍𝐆, 𝘷𝘪𝘦̣̂𝘤 𝘭𝘢̀𝘮, ＣＴＶ, ᴛᴜʏᴇ̂̉ɴ) are read as the plain text by
folding, so every stage that folds (area, keywords, places, copies, toxicity) and search see the words."""

from __future__ import annotations

from tinhhinh.analyze import analyse_stream
from tinhhinh.ingest.records import read_file
from tinhhinh.ingest.run import ingest
from tinhhinh.nlp.normalize import fold, has_diacritics, plain_letters, strip_diacritics
from tinhhinh.store.search import search

TITLE = "Đà Nẵng tuyển dụng 500 lao động cho khu công nghiệp Hòa Khánh"
TEXT = (
    "Trung tâm dịch vụ việc làm thành phố Đà Nẵng cho biết các doanh nghiệp trong khu công nghiệp "
    "Hòa Khánh cần tuyển 500 lao động phổ thông trong tháng tới. Người lao động được ký hợp đồng, "
    "đóng bảo hiểm xã hội và hỗ trợ nhà ở. Hồ sơ nộp trực tiếp tại trung tâm, không mất phí."
)


def test_folding_reads_decorative_letters(decorate):
    assert fold(decorate("TUYỂN DỤNG")) == "tuyển dụng"
    assert strip_diacritics(decorate("TUYỂN DỤNG")) == "tuyen dung"
    assert fold(decorate("CTV 0912", "full_width")) == "ctv 0912"
    assert fold("ᴛᴜʏᴇ̂̉ɴ ᴅᴜ̣ɴɢ") == "tuyển dụng"
    assert has_diacritics(decorate("TUYỂN")) and not has_diacritics(decorate("CTV"))
    # decoration marks are dropped (u̲n̲d̲e̲r̲l̲i̲n̲e̲, s̶t̶r̶i̶k̶e̶): no Vietnamese letter carries them
    assert fold(decorate("Tuyển dụng", "underline")) == fold(decorate("Tuyển dụng", "strike")) == "tuyển dụng"
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


def test_analyze_reads_a_bold_post_as_the_plain_one(decorate):
    records = [
        {"id": "plain", "title": TITLE, "text": TEXT, "published_at": "2026-11-01T08:00:00"},
        {
            "id": "bold",
            "title": decorate(TITLE),
            "text": decorate(TEXT),
            "published_at": "2026-11-01T09:00:00",
        },
        {
            "id": "wide",
            "title": decorate(TITLE, "full_width"),
            "text": TEXT,
            "published_at": "2026-11-01T10:00:00",
        },
        {"id": "lined", "title": decorate(TITLE, "underline"), "text": decorate(TEXT, "strike")},
    ]
    out = {r["id"]: r for r in analyse_stream(enumerate(records, 1), stories=True)}
    plain, bold, wide = out["plain"], out["bold"], out["wide"]
    for r in (bold, wide, out["lined"]):
        assert r["area"] == plain["area"]
        assert r["area_scores"] == plain["area_scores"]
        assert r["places"] == plain["places"] and "Đà Nẵng" in str(plain["places"])
        # the same words, in whatever letters the post used
        assert [fold(plain_letters(k)) for k in r["keywords"]] == [fold(k) for k in plain["keywords"]]
        assert r["story_id"] == plain["story_id"]
    assert bold["dup_of"] == "plain"  # the same text in other letters is a copy
    assert bold["title"] == decorate(TITLE)  # the record itself passes through untouched


def test_the_scam_rules_read_underlined_text(decorate):
    from tinhhinh.harm.scam import assess

    text = "Chuyển khoản 500k phí giữ chỗ vào stk 0123456789 gấp trong hôm nay"
    got, plain = assess("", decorate(text, "underline")), assess("", text)
    assert got.flagged and [e["rule"] for e in got.evidence] == [e["rule"] for e in plain.evidence]


def test_search_finds_a_bold_post_typed_plainly(jsonl, db, decorate):
    docs = [
        {
            "id": "bold",
            "title": decorate("TUYỂN DỤNG CỘNG TÁC VIÊN"),
            "text": decorate("Việc nhẹ lương cao tại nhà"),
        },
        {"id": "other", "title": "Giá vàng hôm nay", "text": "Thị trường kim loại quý biến động."},
    ]
    ingest(read_file(jsonl("docs.jsonl", docs)), db)
    for query in ("tuyển dụng", "tuyen dung", "cộng tác viên", "viec nhe luong cao"):
        assert [h.id for h in search(db, query)] == ["bold"], query
