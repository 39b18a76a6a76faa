"""Fact-check registry (formats, domain list, allow-list, approval) and matching (negation, diacritics, quality)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from tinhhinh.harm import factcheck as fc
from tinhhinh.harm import factcheck_registry as reg
from tinhhinh.item import Item

DATA = Path(__file__).parent / "data"

# What the matcher achieved on tests/harm/data/factcheck_eval.jsonl when tuned (docs/factchecks.md).
ACHIEVED_PRECISION = 0.9403
ACHIEVED_RECALL = 0.9130

CLAIMREVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://moh.gov.vn/tin-gia/vac-xin-vo-sinh",
    "datePublished": "2021-08-02",
    "claimReviewed": "Tiêm vắc xin COVID-19 gây vô sinh",
    "author": {"@type": "Organization", "name": "Bộ Y tế"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Sai",
    },
    "itemReviewed": {
        "@type": "Claim",
        "appearance": [{"@type": "CreativeWork", "url": "https://facebook.com/x"}],
    },
    "about": "y tế",
}


def _entry(claim: str, **kw) -> dict:
    e = {
        "id": reg.entry_id(claim, "Bộ Y tế"),
        "claim": claim,
        "rating": "false",
        "verdict": "false",
        "domain": "health",
        "url": "https://moh.gov.vn/x",
        "publisher": "Bộ Y tế",
        "status": "approved",
    }
    e.update(kw)
    return e


def _import(tmp_path: Path, name: str, text: str, **kw) -> reg.ImportResult:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    return reg.import_file(src, tmp_path / "registry.jsonl", **kw)


# ------------------------------------------------------------------ import formats


def test_import_csv(tmp_path):
    result = _import(
        tmp_path,
        "f.csv",
        "claim,verdict,domain,url,publisher,date\n"
        "Tiêm vắc xin COVID-19 gây vô sinh,sai sự thật,health,https://moh.gov.vn/a,Bộ Y tế,2021-08-02\n"
        "Bão số 4 đã đổ bộ vào miền Trung,tin giả,thiên tai,https://nchmf.gov.vn/b,"
        "Trung tâm Dự báo Khí tượng Thủy văn quốc gia,18/09/2024\n",
    )
    assert not result.rejected
    assert [(e["domain"], e["rating"], e["status"]) for e in result.added] == [
        ("health", "false", "pending"),
        ("disaster", "false", "pending"),
    ]
    # as Excel saves CSV in a Vietnamese locale: ";" between columns
    (tmp_path / "excel").mkdir()
    semi = _import(
        tmp_path / "excel",
        "g.csv",
        "claim;verdict;domain;url;publisher;date\n"
        "Uống nước chanh nóng chữa khỏi ung thư;sai;health;https://moh.gov.vn/c;Bộ Y tế;2021-08-02\n",
    )
    assert not semi.rejected and [e["domain"] for e in semi.added] == ["health"]
    assert result.added[1]["date"] == "2024-09-18"
    assert len(reg.load(tmp_path / "registry.jsonl")) == 2


def test_import_jsonl_and_duplicates(tmp_path):
    row = {
        "claim": "Chip trên căn cước công dân định vị công dân",
        "verdict": "false",
        "domain": "public_service",
        "url": "https://bocongan.gov.vn/c",
        "publisher": "Bộ Công an",
    }
    first = _import(tmp_path, "a.jsonl", json.dumps(row, ensure_ascii=False) + "\n")
    again = _import(tmp_path, "b.jsonl", json.dumps(row, ensure_ascii=False) + "\n")
    assert len(first.added) == 1 and not again.added and again.duplicates == [first.added[0]["id"]]


def test_import_claimreview_jsonld(tmp_path):
    graph = {"@context": "https://schema.org", "@graph": [CLAIMREVIEW]}
    result = _import(tmp_path, "cr.jsonld", json.dumps(graph, ensure_ascii=False))
    assert not result.rejected
    (e,) = result.added
    assert (e["claim"], e["publisher"], e["rating"], e["domain"], e["date"]) == (
        "Tiêm vắc xin COVID-19 gây vô sinh",
        "Bộ Y tế",
        "false",
        "health",
        "2021-08-02",
    )


def test_claimreview_rating_value_only(tmp_path):
    cr = dict(
        CLAIMREVIEW,
        reviewRating={"@type": "Rating", "ratingValue": "2", "bestRating": "5", "worstRating": "1"},
    )
    (e,) = _import(tmp_path, "cr.json", json.dumps([cr], ensure_ascii=False)).added
    assert e["rating"] == "misleading"


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        ({"claimReviewed": None}, "without claimReviewed"),
        ({"reviewRating": None}, "without reviewRating"),
        ({"reviewRating": {"@type": "Rating"}}, "neither alternateName nor ratingValue"),
        ({"author": None}, "without author.name"),
        ({"@type": "NewsArticle"}, "not ClaimReview"),
        ({"url": "ftp://x"}, "not an http(s) address"),
        ({"reviewRating": {"alternateName": "rất hay"}}, "not understood"),
    ],
)
def test_malformed_claimreview_is_refused_with_a_clear_line(tmp_path, broken, why):
    cr = {k: v for k, v in {**CLAIMREVIEW, **broken}.items() if v is not None}
    result = _import(tmp_path, "cr.json", json.dumps([CLAIMREVIEW, cr], ensure_ascii=False))
    assert len(result.added) == 1
    (rej,) = result.rejected
    assert rej.where.endswith("cr.json[1]") and why in rej.reason


def test_broken_json_and_csv_header(tmp_path):
    bad = _import(tmp_path, "x.json", "[{")
    assert "not valid JSON" in bad.rejected[0].reason
    csv_bad = _import(tmp_path, "x.csv", "text,label\na,b\n")
    assert "header" in csv_bad.rejected[0].reason
    lines = _import(tmp_path, "x.jsonl", '{"claim": "x"\n42\n')
    assert [r.reason for r in lines.rejected][0].startswith("not valid JSON")
    assert lines.rejected[1].reason == "not a JSON object"


# ------------------------------------------------------------------ the line: domains, publishers, approval


def test_official_denial_statement_is_not_a_factcheck(tmp_path):
    rows = [
        {
            "claim": "Ông Chủ tịch UBND tỉnh nhận hối lộ trong dự án đường",
            "verdict": "sai sự thật",
            "domain": "official",
            "url": "https://chinhphu.vn/a",
            "publisher": "Cổng thông tin điện tử Chính phủ",
        },
        {
            "claim": "Sở Xây dựng làm sai quy trình đấu thầu",
            "verdict": "false",
            "domain": "statement",
            "url": "https://chinhphu.vn/b",
            "publisher": "chinhphu.vn",
        },
        {
            "claim": "Đảng viên X có quan điểm sai",
            "verdict": "false",
            "url": "https://chinhphu.vn/c",
            "publisher": "Cổng thông tin điện tử Chính phủ",
        },
    ]
    result = _import(tmp_path, "s.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    assert not result.added
    assert "'official' is not on the list" in result.rejected[0].reason
    assert "'statement' is not on the list" in result.rejected[1].reason
    assert "no domain" in result.rejected[2].reason


def test_domain_list_is_closed():
    assert set(reg.DOMAINS) == {"health", "disaster", "scam", "public_service"}
    assert reg.normalize_domain("Thời tiết") == "disaster"
    assert reg.normalize_domain("politics") is None and reg.normalize_domain("chính trị") is None


def test_publisher_allow_list(tmp_path, monkeypatch):
    row = {
        "claim": "Uống nước chanh chữa ung thư",
        "verdict": "false",
        "domain": "health",
        "url": "https://blog.example.com/chanh",
        "publisher": "Blog Sức Khỏe Vàng",
    }
    text = json.dumps(row, ensure_ascii=False) + "\n"
    refused = _import(tmp_path, "p.jsonl", text)
    assert not refused.added and "not on the allow-list" in refused.rejected[0].reason
    assert reg.add_publisher("blog sức khỏe VÀNG")
    assert reg.publishers_path().exists()  # the office's own copy, started from the default list
    assert "Bộ Y tế" in reg.publishers()
    # the name alone is not enough (anyone can write a listed name): its site is listed with it
    assert not _import(tmp_path, "p.jsonl", text).added
    assert reg.add_publisher("blog.example.com")
    assert len(_import(tmp_path, "p.jsonl", text).added) == 1
    assert reg.remove_publisher("Blog Suc Khoe Vang") and not reg.remove_publisher("nobody")


def test_publisher_matched_by_domain_and_name_without_diacritics():
    allow = ["Bộ Y tế", "moh.gov.vn", "Cục Y tế dự phòng", "tuoitre.vn"]
    # a listed name only with a URL on its own listed domain (the domains right after it)
    assert reg.publisher_allowed("bo y te", "https://moh.gov.vn/tin/1", allow)
    assert reg.publisher_allowed("Bộ Y tế", "https://www.moh.gov.vn/tin/1", allow)
    assert not reg.publisher_allowed("bo y te", None, allow)
    assert not reg.publisher_allowed("Bộ Y tế", "https://random-blog.example/post", allow)
    assert not reg.publisher_allowed("Bộ Y tế", "https://tuoitre.vn/abc.htm", allow)
    assert reg.publisher_allowed("Tuổi Trẻ Online", "https://tuoitre.vn/abc.htm", allow)
    assert not reg.publisher_allowed("Tuổi Trẻ Online", "https://tuoitre.vn.evil.com/x", allow)
    assert not reg.publisher_allowed("Báo Lạ", "https://example.com", allow)


def test_default_publishers_ship_official_sources():
    names = reg.default_publishers()
    for want in (
        "Bộ Y tế",
        "Trung tâm Dự báo Khí tượng Thủy văn quốc gia",
        "Bộ Công an",
        "chinhphu.vn",
        "vnexpress.net",
    ):
        assert want in names


def test_only_approved_refuted_entries_are_matched(tmp_path):
    path = tmp_path / "r.jsonl"
    claim = "Tiêm vắc xin COVID-19 gây vô sinh"
    result = _import(
        tmp_path,
        "a.jsonl",
        json.dumps(
            {
                "claim": claim,
                "verdict": "false",
                "domain": "health",
                "url": "https://moh.gov.vn/a",
                "publisher": "Bộ Y tế",
            },
            ensure_ascii=False,
        )
        + "\n",
    )
    eid = result.added[0]["id"]
    text = "Cảnh báo: tiêm vắc xin COVID-19 gây vô sinh ở phụ nữ."
    path = tmp_path / "registry.jsonl"
    assert not fc.Matcher(reg.load(path)).match("", text)  # pending: not used
    reg.set_status(eid[:6], "approved", "coord", path)
    (m,) = fc.Matcher(reg.load(path)).match("", text)
    assert m.claim.entry["id"] == eid
    reg.set_status(eid, "retired", "coord", path, reason="outdated")
    assert not fc.Matcher(reg.load(path)).match("", text)
    with pytest.raises(ValueError, match="retired"):
        reg.set_status(eid, "approved", "coord", path)
    for rating in ("true", "unproven"):
        assert not fc.Matcher([_entry(claim, rating=rating)]).match("", text)


# ------------------------------------------------------------------ matching


@pytest.fixture(scope="module")
def matcher() -> fc.Matcher:
    return fc.Matcher(
        [
            _entry("Tiêm vắc xin COVID-19 gây vô sinh"),
            _entry(
                "Chip gắn trên thẻ căn cước công dân có chức năng định vị, theo dõi công dân",
                domain="public_service",
            ),
            _entry("Uống nước chanh tiêu diệt tế bào ung thư mạnh hơn hóa trị 10.000 lần"),
        ]
    )


def _ids(matcher: fc.Matcher, text: str, title: str = "") -> list[str]:
    return [m.claim.entry["claim"][:12] for m in matcher.match(title, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Vắc xin COVID-19 gây vô sinh, chị em đừng tiêm.",
        "vac xin covid-19 gay vo sinh, chi em dung tiem.",  # no diacritics
        "Vắc-xin Covid 19 gây vô sinh đấy mọi người ơi",
        "Tiêm vắc xin COVID-19 gây vô sinh.",  # NFD (decomposed) below
    ],
)
def test_repeating_the_claim_matches(matcher, text):
    import unicodedata

    assert _ids(matcher, text) == ["Tiêm vắc xin"]
    assert _ids(matcher, unicodedata.normalize("NFD", text)) == ["Tiêm vắc xin"]


@pytest.mark.parametrize(
    "text",
    [
        "Vắc xin COVID-19 không gây vô sinh.",
        "vac xin covid-19 khong gay vo sinh",
        "Vắc xin COVID-19 chẳng hề gây vô sinh.",
        "Tiêm vắc xin COVID-19 chưa từng gây vô sinh cho ai.",
        "Tin đồn tiêm vắc xin COVID-19 gây vô sinh là sai.",
        "Bộ Y tế bác bỏ thông tin tiêm vắc xin COVID-19 gây vô sinh.",
        "Thông tin tiêm vắc xin COVID-19 gây vô sinh là thông tin thất thiệt.",
        "Thông tin tiêm vắc xin COVID-19 gây vô sinh không đúng sự thật.",
        "Tiêm vắc xin COVID-19 có gây vô sinh hay không?",
        "Vô sinh không phải do tiêm vắc xin COVID-19.",
    ],
)
def test_negation_and_refutation_do_not_match(matcher, text):
    assert _ids(matcher, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vắc xin COVID-19 ko gây vô sinh",
        "Mọi người yên tâm, vắc xin COVID-19 ko gây vô sinh nhé!",
        "Tiêm vắc xin COVID-19 KO gây vô sinh",
        "vắc xin COVID-19 k gây vô sinh đâu",
        "Vắc xin COVID-19 hok gây vô sinh",
        "Vắc xin COVID-19 kg gây vô sinh",
        "Vắc xin COVID-19 khg gây vô sinh",
        "Vắc xin COVID-19 hem gây vô sinh",
        "Vắc xin COVID-19 hong gây vô sinh",
        "Vắc xin COVID-19 hông gây vô sinh",
        "Vắc xin COVID-19 khong gay vô sinh",
        "vac xin covid 19 khg gay vo sinh",
    ],
)
def test_chat_negations_count_in_text_written_with_marks(matcher, text):
    # the teencode table's spellings of "không", also inside an otherwise marked sentence
    assert _ids(matcher, text) == []


def test_ambiguous_chat_spellings_are_not_negations_without_marks():
    # unmarked "hong" is also hồng/hỏng, "hem" hẻm; "KH" is khách hàng
    for text in ["ban hoa hong o hem 5", "Ngân hàng nhắc KH đổi mật khẩu"]:
        assert fc.negations(text, fc._words_plain(fc._strip(text))) == []


def test_stage_does_not_flag_a_post_debunking_with_chat_negation(tmp_path):
    path = tmp_path / "r.jsonl"
    reg.save([_entry("Tiêm vắc xin COVID-19 gây vô sinh")], path)
    stage = fc.FactcheckStage(registry=path)
    item = stage(Item(text="Mọi người yên tâm, vắc xin COVID-19 ko gây vô sinh nhé!"))
    assert item.harm == []
    assert [h["type"] for h in stage(Item(text="Vắc xin COVID-19 gây vô sinh nhé!")).harm] == ["factcheck"]


def test_refutation_article_does_not_match_its_own_claim(matcher):
    title = "Bộ Y tế bác bỏ tin đồn vắc xin COVID-19 gây vô sinh"
    body = (
        "Trên mạng xã hội lan truyền nhiều bài viết. Tiêm vắc xin COVID-19 gây vô sinh ở phụ nữ. "
        "Bộ Y tế khẳng định đây là thông tin sai sự thật."
    )
    assert _ids(matcher, body, title) == []
    # the same sentence in a post that asserts it is matched
    assert _ids(matcher, "Tiêm vắc xin COVID-19 gây vô sinh ở phụ nữ. Chia sẻ ngay!") == ["Tiêm vắc xin"]


def test_not_a_refutation_when_it_says_it_is_not_a_rumour(matcher):
    assert _ids(matcher, "Đây không phải tin đồn! Tiêm vắc xin COVID-19 gây vô sinh.") == ["Tiêm vắc xin"]


def test_numbers_and_spelling_variants(matcher):
    assert _ids(matcher, "Nước chanh tiêu diệt tế bào ung thư mạnh gấp 10000 lần hóa trị") == ["Uống nước ch"]
    assert _ids(matcher, "the CCCD gan chip co chuc nang dinh vi, theo doi cong dan") == ["Chip gắn trê"]


def test_fixed_expressions_are_not_negations():
    words = fc._words_plain(fc._strip("Không khí ô nhiễm, không chỉ vậy"))
    assert fc.negations("Không khí ô nhiễm, không chỉ vậy", words) == []


def test_unrelated_text_is_rejected_by_the_index(matcher):
    assert matcher.candidates(set(fc._words_plain("ubnd tinh hop ban ve ke hoach nam moi"))) == []


def test_odd_input_never_raises(matcher):
    for title, text in [(None, None), (b"\xff\xfe", 42), ("", "\u0301\u0301?"), ("x" * 10, "...\n\n;;")]:
        assert matcher.match(title, text) == []


# ------------------------------------------------------------------ the stage


def test_stage_adds_unconfirmed_harm_entry_and_pickles(tmp_path):
    path = tmp_path / "r.jsonl"
    reg.save([_entry("Tiêm vắc xin COVID-19 gây vô sinh")], path)
    stage = fc.FactcheckStage(registry=path)
    assert stage.name == "factcheck" and stage.version.startswith(fc.VERSION)
    stage = pickle.loads(pickle.dumps(stage))
    item = stage(Item(title="Cảnh báo", text="Chị em chú ý. Tiêm vắc xin COVID-19 gây vô sinh!"))
    (h,) = item.harm
    assert h["type"] == "factcheck" and h["status"] == "unconfirmed" and h["score"] >= fc.THRESHOLD
    ev = h["evidence"]
    assert ev["sentence"] == "Tiêm vắc xin COVID-19 gây vô sinh!"
    assert item.text[ev["span"][0] : ev["span"][1]] == ev["sentence"]
    assert (ev["claim"], ev["verdict"], ev["source"], ev["publisher"]) == (
        "Tiêm vắc xin COVID-19 gây vô sinh",
        "false",
        "https://moh.gov.vn/x",
        "Bộ Y tế",
    )
    assert item.model_version["factcheck"] == stage.version
    # running twice does not duplicate
    assert len(stage(item).harm) == 1


def test_stage_without_registry_does_nothing(tmp_path):
    stage = fc.FactcheckStage(registry=tmp_path / "absent.jsonl")
    item = stage(Item(title="t", text="Tiêm vắc xin COVID-19 gây vô sinh"))
    assert item.harm == [] and "factcheck" not in item.model_version
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert fc.FactcheckStage(registry=empty)(Item(text="x")).harm == []


def test_stage_uses_home_registry_by_default():
    reg.save([_entry("Tiêm vắc xin COVID-19 gây vô sinh")])
    assert reg.registry_path().exists()
    item = fc.FactcheckStage()(Item(text="Tiêm vắc xin COVID-19 gây vô sinh."))
    assert [h["type"] for h in item.harm] == ["factcheck"]


def test_pipeline_options_reach_the_stage(tmp_path):
    # analyze passes options["factcheck"] = {"registry": path} for --factchecks FILE
    from tinhhinh.pipeline import PER_RECORD, load_stages, run_stages

    assert ("tinhhinh.harm.factcheck", "FactcheckStage") in PER_RECORD
    path = tmp_path / "r.jsonl"
    reg.save([_entry("Tiêm vắc xin COVID-19 gây vô sinh")], path)
    stages = load_stages(
        [("tinhhinh.harm.factcheck", "FactcheckStage")], options={"factcheck": {"registry": path}}
    )
    hits = [
        run_stages(Item(title="Tin", text=t), stages).harm
        for t in ("Tiêm vắc xin COVID-19 gây vô sinh.", "Vắc xin COVID-19 không gây vô sinh.")
    ]
    assert [[h["type"] for h in harm] for harm in hits] == [["factcheck"], []]


# ------------------------------------------------------------------ the quality floor


def test_quality_floor_on_the_eval_set():
    rows = [
        json.loads(line) for line in (DATA / "factcheck_eval.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    entries = reg.load(DATA / "factcheck_registry.jsonl")
    assert len(rows) >= 150 and all(r.get("source") for r in rows)
    assert all(e.get("source_note") and e.get("url") for e in entries)
    result = fc.evaluate(rows, entries)
    assert result["precision"] >= ACHIEVED_PRECISION - 0.02, result["errors"]
    assert result["recall"] >= ACHIEVED_RECALL - 0.02, result["errors"]
    assert result["precision"] >= 0.9 and result["recall"] >= 0.8


def test_listed_name_needs_its_domain_retyped_claims_and_future_dates(tmp_path):
    """audit-collect #11: a blog post signed "Bộ Y tế" is refused; the same claim retyped (marks, hyphens,
    case) or under the same URL is already present; a fact-check dated in the future is refused."""
    first = _import(
        tmp_path,
        "a.csv",
        "claim,verdict,domain,url,publisher,date\n"
        "Vắc-xin Covid-19 gây vô sinh,sai,health,https://moh.gov.vn/tin/1,Bộ Y tế,2025-10-01\n",
    )
    assert len(first.added) == 1
    again = _import(
        tmp_path,
        "b.csv",
        "claim,verdict,domain,url,publisher,date\n"
        "Cắt điện toàn tỉnh ngày mai,sai,public_service,https://random-blog.example/post,Bộ Y tế,2025-10-05\n"
        "Vac xin Covid 19 gay vo sinh,sai,health,https://moh.gov.vn/tin/2,Bộ Y tế,2025-10-01\n"
        "VẮC XIN COVID-19 GÂY VÔ SINH!,sai,health,https://moh.gov.vn/tin/3,Bộ Y tế,2025-10-01\n"
        "Tiêm vắc xin gây vô sinh ở nữ,sai,health,https://www.moh.gov.vn/tin/1/,Bộ Y tế,2025-10-01\n"
        "Nước muối chữa khỏi cúm,sai,health,https://moh.gov.vn/tin/9,Bộ Y tế,2099-01-01\n",
    )
    assert again.added == [] and again.duplicates == [first.added[0]["id"]] * 3
    reasons = [r.reason for r in again.rejected]
    assert len(reasons) == 2 and "not on the allow-list" in reasons[0] and "in the future" in reasons[1]
    assert len(reg.load(tmp_path / "registry.jsonl")) == 1
