from __future__ import annotations

import gzip
import itertools
import json
import pickle
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhhinh.harm.scam import RuleError, ScamStage, assess, load_rules, parse_rules
from tinhhinh.item import Item

SET = Path(__file__).parent / "data" / "scam_set.jsonl"
FRESH = Path(__file__).parent / "data" / "scam_fresh.jsonl"


def _rows(path: Path = SET) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _rules_hit(text: str, title: str = "") -> set[str]:
    """Every rule id that fires anywhere (not only in the best window)."""
    from tinhhinh.harm.scam import _field_hits

    rules = load_rules()
    hits, _ = _field_hits(text, "text", 0, rules)
    hits2, _ = _field_hits(title, "title", 0, rules)
    return {h.rule for h in hits + hits2}


# ---------------------------------------------------------------- the labelled set


def test_set_is_big_enough_and_cites_sources():
    rows = _rows()
    labels = Counter(r["label"] for r in rows)
    assert len(rows) >= 150 and labels["scam"] >= 60 and labels["ok"] >= 60
    variants = Counter(r["variant"] for r in rows)
    assert variants["no_diacritics"] >= 20 and variants["teencode"] >= 10
    for r in rows:
        if r["label"] == "scam":
            src = r["source"]
            assert src["publisher"] and src["title"] and src["url"].startswith("http"), r["id"]
    assert len({r["id"] for r in rows}) == len(rows)


def test_precision_and_recall_on_labelled_set():
    tp = fp = fn = 0
    missed, false = [], []
    for r in _rows():
        flagged = assess(r["title"], r["text"]).flagged
        gold = r["label"] == "scam"
        tp += flagged and gold
        fp += flagged and not gold
        fn += gold and not flagged
        if gold and not flagged:
            missed.append(r["id"])
        if flagged and not gold:
            false.append(r["id"])
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    # measured 1.00 / 1.00 when the rules were written (docs/harm.md); allow a little room for rule edits
    assert precision >= 0.97, false
    assert recall >= 0.93, missed


def test_warning_news_is_never_flagged():
    for r in _rows():
        if r["category"] in ("warning_news", "bank_notice"):
            res = assess(r["title"], r["text"])
            assert not res.flagged, (r["id"], res.score, res.evidence)


# ---------------------------------------------------------------- the fresh set (written before rules 2026.11.27-2)


def test_fresh_set_is_big_enough_and_cites_sources_not_in_the_first_set():
    rows = _rows(FRESH)
    labels = Counter(r["label"] for r in rows)
    assert labels["scam"] >= 60 and labels["ok"] >= 60
    first = {r["source"]["url"] for r in _rows() if r["source"]}
    for r in rows:
        if r["label"] == "scam":
            src = r["source"]
            assert src["publisher"] and src["title"] and src["url"].startswith("http"), r["id"]
            assert src["url"] not in first, r["id"]
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("path", "min_recall"),
    [
        # clean number (rules 2026.11.27-1, before any change): P 1.000 R 0.207
        (FRESH, 0.85),
        # clean number (rules 2026.11.27-3, before any change): P 0.959 R 0.534; then -4: P 1.000 R 0.795
        (SET.parent / "scam_fresh2.jsonl", 0.75),
        # clean number (rules 2026.11.27-4, before any change): P 0.958 R 0.343; then -5 (set used to fix)
        (SET.parent / "scam_fresh3.jsonl", 0.9),
    ],
)
def test_precision_and_recall_on_the_sets_used_to_fix_the_rules(path, min_recall):
    # each set was used to fix the rules after its clean number was taken, so this guards the fixes; it is
    # no longer a clean measurement
    tp = fp = fn = 0
    for r in _rows(path):
        flagged = assess(r["title"], r["text"]).flagged
        gold = r["label"] == "scam"
        tp += flagged and gold
        fp += flagged and not gold
        fn += gold and not flagged
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= min_recall, (tp, fp, fn)


@pytest.mark.parametrize(
    "text",
    [
        # new kinds, written for this test (not rows of either set)
        "Cán bộ công an xã báo: thông tin định danh của bác chưa được cập nhật, bác tải ứng dụng VNeID theo"
        " link cháu gửi qua Zalo, quá hạn hôm nay tài khoản sẽ bị khóa.",
        "Dịch vụ thu hồi tiền bị lừa qua mạng, phí trước 1,5 triệu, cam kết tiền về sau 48 giờ, ib ngay.",
        "Em shipper đây, hàng để ở cổng rồi, chị ck tiền hàng 420k vào stk này giúp em nha, em đang vội.",
        "Nhóm đầu tư coin lợi nhuận 15%/tuần, bảo hiểm vốn, nạp tối thiểu 3 triệu, inbox admin.",
        "Anh ơi nhà mình còn nợ tiền điện, anh quét mã QR em gửi để thanh toán gấp kẻo bị cắt điện chiều nay.",
        "Quà của anh gửi từ Anh đã về sân bay, em nộp 12 triệu lệ phí để nhận hàng trong hôm nay nhé.",
        "Khẩn cấp: bà con vùng lũ cần giúp đỡ, mọi tấm lòng xin chuyển về tài khoản cá nhân 0123 4567 890 MB Bank.",
        "Vé máy bay Tết giá sốc 990k, số lượng có hạn, ck cọc trc 50% giữ chỗ qua stk bên dưới.",
    ],
)
def test_new_kinds_of_scam_are_flagged(text):
    res = assess("", text)
    assert res.flagged, (res.score, res.evidence)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "",
            "Từ ngày 1/7 thông tin cư trú được tự động cập nhật trên VNeID; người dân không phải làm thủ tục,"
            " nếu chưa đúng thì mang căn cước đến công an xã.",
        ),
        (
            "Giá Bitcoin",
            "Giá Bitcoin tăng gấp 3 lần trong năm, nhà đầu tư chuyển vào các quỹ lớn gấp đôi năm trước.",
        ),
        (
            "",
            "Hội Chữ thập đỏ tỉnh kêu gọi quyên góp ủng hộ đồng bào vùng lũ qua tài khoản của Hội, công khai sao kê.",
        ),
        ("", "Lệ phí trước bạ nhà ở là 0,5%; học phí trước khi nhập học đóng tại phòng tài vụ."),
        ("", "Bãi giữ xe thu 5.000 đồng, phải giữ cho lối đi thông thoáng, vé tháng 100 nghìn."),
    ],
)
def test_new_rules_leave_ordinary_text_alone(title, text):
    res = assess(title, text)
    assert not res.flagged, (res.score, res.evidence)


# each: a rule, a phrase it must catch (with and without marks), a phrase it must leave alone
FIXES_FROM_THE_FRESH_SET = [
    # "gấp N lần" / "gấp đôi" is a multiple, not "urgent"
    ("urgency", "Anh chuyển gấp cho em nhé", "Doanh thu tăng gấp 3 lần, lợi nhuận gấp đôi"),
    ("urgency", "giá này hết hnay thôi nha", "Hôm nay trời đẹp"),
    ("urgency", "số lượng có hạn, ai chốt nhanh ưu tiên", "số lượng học sinh tăng"),
    # teencode and foreign-currency amounts
    ("amount", "ck phí hồ sơ 1tr5 nha", "chương trình lúc 1 giờ"),
    ("amount", "nộp 750 USD lệ phí", "nộp hồ sơ"),
    # account numbers written in groups before the bank name, and "the account below / this account"
    ("bank_account", "ghi nội dung UNG HO: 1027 6648 830 Vietinbank", "năm 1027 có 6648 người"),
    ("bank_account", "chuyển vào số tài khoản bên dưới", "mở tài khoản tại quầy"),
    ("bank_account", "chuyển về tài khoản cá nhân của trưởng ban", "tài khoản của cơ quan"),
    # pay first / to get something
    ("prepayment", "cọc trc 50% để giữ phòng", "giữ cho lối đi thông thoáng"),
    ("prepayment", "nộp phí thông quan 39 triệu để nhận hàng", "phí thông quan theo biểu"),
    ("scratch_card_payment", "đặt cọc 1,5 triệu bằng thẻ cào", "thẻ cào trúng thưởng"),
    ("prepayment", "chị ck tiền hàng 385k nha", "tiền hàng tồn kho tăng"),
    ("prepayment", "phí trước 2 triệu", "lệ phí trước bạ nhà đất"),
    ("prepayment", "phí trước 2 triệu", "đóng học phí trước khi nhập học"),
    ("prepayment", "phí trước 2 triệu", "vẫn giữ mức học phí trước đây"),
    ("prepayment", "chuyển khoản để giữ vé", "gìn giữ vệ sinh chung"),
    ("prepayment", "cọc để giữ phòng", "cất giữ phòng khi lũ lụt"),
    ("money_request", "chuyển cọc 6 triệu hôm nay", "chuyển công tác về tỉnh"),
    ("money_request", "quét mã QR em gửi là tiền về ngay", "mã vạch trên bao bì"),
    ("money_request", "vui lòng thanh toán phí xuất kho 25.000đ", "thanh toán bằng thẻ tại quầy"),
    # "send it again, the content was wrong"
    (
        "wrong_transfer",
        "chị chưa ghi nội dung mã đặt phòng, chuyển lại đúng cú pháp",
        "nội dung cuộc họp",
    ),
    # threats: "or else", utility debts
    ("threat", "nếu không toàn bộ tiền gốc sẽ bị mất", "nếu không mưa, mùa màng tốt"),
    ("threat", "Không chuyển thì đơn bị lưu kho 15 ngày", "không chuyển động"),
    ("threat", "nhà mình còn nợ tiền điện tháng 6", "tiền điện tháng 6 tăng"),
    ("impersonation", "em là cảnh sát khu vực phường mới", "khu vực phường mới"),
    ("impersonation", "tôi là nhân viên hải quan sân bay", "hải quan sân bay làm thủ tục"),
]


def test_conditional_do_not_is_a_threat_not_advice():
    # "không chuyển thì ..." (if you don't pay, ...) is a threat; advice is "không chuyển tiền cho người lạ"
    text = (
        "Chị chỉ cần chuyển trước 5.000đ để in phiếu xuất kho. Không chuyển thì đơn bị lưu kho 15 ngày"
        " và số của chị bị đưa vào danh sách đen."
    )
    res = assess("", text)
    assert res.factor == 1.0 and res.flagged, (res.score, res.factor, res.evidence)
    assert assess("", "Tuyệt đối không chuyển tiền cho người lạ. " + text).factor < 1.0


def test_an_offer_to_recover_scammed_money_is_not_a_warning():
    offer = "HỖ TRỢ LẤY LẠI TIỀN BỊ LỪA ĐẢO. Phí trước 2 triệu, cam kết tiền về tài khoản sau 24 giờ, ib."
    res = assess("", offer)
    assert res.flagged and res.factor == 1.0, (res.score, res.factor, res.evidence)
    warning = (
        "Công an cảnh báo: nhiều nạn nhân bị lừa lần hai khi tìm đến nhóm 'lấy lại tiền bị lừa', các đối tượng"
        " tự xưng luật sư đòi phí trước 2 triệu."
    )
    assert not assess("", warning).flagged


def test_delivery_and_power_lookalikes():
    assert "lookalike_domain" in _rules_hit("thanh toán tại vnpost-giaohang.top")
    assert "lookalike_domain" not in _rules_hit("tra cứu tại vnpost.vn")


# ---------------------------------------------------------------- each rule type

RULE_EXAMPLES = {
    "otp_request": "Anh đọc giúp em mã OTP vừa gửi về máy nhé",
    "id_photo_request": "Gửi ảnh chụp 2 mặt CCCD qua Zalo để duyệt",
    "money_request": "Chị chuyển khoản cho em nhé",
    "bank_account": "STK 0123456789 Vietcombank",
    "amount": "chỉ 500k thôi",
    "prepayment": "phải chuyển khoản trước tiền đơn hàng",
    "wrong_transfer": "mình chuyển nhầm vào tài khoản bạn",
    "phone_number": "gọi 0912 345 678",
    "chat_channel": "kết bạn zalo với em",
    "urgency": "làm gấp trong vòng 30 phút",
    "threat": "tài khoản của quý khách sẽ bị khóa sau 24h",
    "secrecy": "không được nói với ai",
    "prize": "chúc mừng bạn trúng thưởng xe SH",
    "loan_offer": "vay tín chấp không cần thế chấp, giải ngân trong ngày",
    "job_for_fee": "tuyển CTV làm nhiệm vụ online nhận hoa hồng",
    "investment": "lợi nhuận 30%/tháng, cam kết hoàn vốn",
    "impersonation": "tôi là cán bộ điều tra của viện kiểm sát",
    "install_app": "cài đặt ứng dụng theo link này",
    "reassurance": "uy tín, cam kết không lừa đảo",
    "url_shortener": "bấm vào bit.ly/abc123",
    "lookalike_domain": "xác thực tại vietcombank-xacthuc.top",
    "biometric_request": "anh cho phép quét khuôn mặt để hoàn tất",
    "update_request": "chị cần cập nhật thông tin cư trú trên VNeID",
    "guaranteed_return": "lợi nhuận 20-30%/tháng, bảo hiểm vốn 100%",
    "recovery_offer": "hỗ trợ lấy lại tiền bị lừa đảo qua mạng",
    "donation_appeal": "kêu gọi quyên góp ủng hộ đồng bào vùng lũ",
    "install_from_link": "tải ứng dụng VNeID bản mới theo link em gửi",
    "click_link": "anh bấm vào đường link để xác nhận",
    "payback_promise": "chị chuyển giúp em, mai em gửi lại nhé",
    "scratch_card_payment": "đặt cọc bằng thẻ cào mệnh giá 500k",
    "proof_of_funds": "gia đình chuyển tiền vào tài khoản để chứng minh tài chính",
    "admin_takeover": "em thêm nick này làm quản trị viên group giúp anh",
    "unseen_deposit": "muốn xem thì đóng phí xem phòng trước",
    "third_party_payee": "chị chuyển khoản cho bên bán trước giúp em",
    "relative_emergency": "cháu bị tai nạn đang cấp cứu",
    "intimate_material": "video call tối qua tao quay lại hết rồi",
    "exposure_threat": "không trả thì tao gửi cho bạn bè của mày",
    "call_isolation": "anh không được tắt máy",
    "abroad_lure": "học bổng toàn phần chương trình trao đổi",
    "contact_excuse": "cô ơi cháu đổi số mới",
    "remote_access_app": "cô cài giúp cháu UltraViewer",
}


def test_every_rule_has_an_example():
    ids = {r.id for r in load_rules().signals} | {"url_shortener", "lookalike_domain"}
    assert ids <= set(RULE_EXAMPLES), ids - set(RULE_EXAMPLES)


@pytest.mark.parametrize("rule", sorted(RULE_EXAMPLES))
def test_rule_fires_with_and_without_diacritics(rule):
    text = RULE_EXAMPLES[rule]
    assert rule in _rules_hit(text)
    assert rule in _rules_hit(unicodedata.normalize("NFD", text))
    from tinhhinh.nlp.normalize import strip_diacritics

    assert rule in _rules_hit(strip_diacritics(text))


@pytest.mark.parametrize(
    "text",
    [
        "Xem thêm tại vietcombank.com.vn hoặc portal.vietcombank.com.vn",
        "Nộp hồ sơ trên dichvucong.gov.vn",
        "Tra cứu tại sbv.gov.vn",
    ],
)
def test_real_domains_are_not_lookalikes(text):
    assert "lookalike_domain" not in _rules_hit(text)


def test_gov_lookalike():
    assert "lookalike_domain" in _rules_hit("truy cập dichvucong-gov.vn-hoanthue.com ngay")


def test_single_signal_is_not_enough_but_a_combination_is():
    assert not assess("", "Chị chuyển khoản cho em 200k tiền hàng nhé").flagged
    assert not assess("", "Anh gọi cho em số 0912 345 678 nhé").flagged
    assert not assess("", "Đọc mã OTP cho em").flagged
    res = assess(
        "", "Chuyển khoản ngay 5 triệu trong hôm nay, gọi 0912 345 678, quá hạn sẽ bị khóa tài khoản."
    )
    assert res.flagged
    rules = {e["rule"] for e in res.evidence}
    assert {"money_request", "phone_number", "urgency"} <= rules


@pytest.mark.parametrize(
    "text",
    [
        "Chuyển khoản vào tài khoản 0123456789 nhé",
        "Chuyen khoan vao tai khoan 0123456789 nhe",
        "Bán xe Wave giá 8 triệu, chuyển khoản vào tài khoản 01234567890 TPBank, xem xe tại nhà",
        "Chị ck vào stk 0123456789 cho em nhé",
    ],
)
def test_an_account_number_starting_with_0_is_not_also_a_phone_number(text):
    res = assess("", text)
    # the same text with the account starting with 9 scored 0.545 before and after: one number, one signal
    assert res.score == assess("", text.replace("0123456789", "9123456789")).score
    assert not res.flagged
    assert "phone_number" not in {e["rule"] for e in res.evidence}


def test_phone_evidence_points_at_the_phone_not_the_account():
    text = (
        "Chúc mừng bạn trúng thưởng iPhone 15. Vui lòng chuyển khoản phí nhận quà 500.000đ vào tài khoản "
        "0123456789 Vietcombank, liên hệ 0912 345 678."
    )
    res = assess("", text)
    assert res.flagged
    by_rule = {e["rule"]: e["text"] for e in res.evidence}
    assert by_rule["phone_number"] == "0912 345 678"
    assert by_rule["bank_account"].endswith("0123456789")


def test_yields_to_must_name_a_signal(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        'version: "x"\nsignals:\n  - id: a\n    weight: 0.3\n    yields_to: [nope]\n    patterns: [gap]\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="yields_to"):
        load_rules(str(bad))


def test_signals_far_apart_do_not_combine():
    filler = " Trời hôm nay đẹp, mọi người đi chơi công viên." * 30
    text = "Gọi 0912 345 678." + filler + " Chuyển khoản ngay." + filler + " Trong vòng 24h."
    assert not assess("", text).flagged


def test_marks_disambiguate_words_that_collide_without_them():
    # "động trước" (moved before) is not "đóng trước" (pay first)
    assert "money_request" not in _rules_hit("Tác động trước mắt là giá tăng")
    assert "money_request" in _rules_hit("đóng trước 2 triệu")


@pytest.mark.parametrize(
    ("rule", "other_word", "meant"),
    [
        # (rule, a word its letters collide with, written with marks, the word the rule means)
        ("urgency", "Hai bên sẽ gặp nhau vào tuần sau", "Anh chuyển gấp cho em nhé"),
        ("urgency", "Tôi đến vào ngày hôm nay", "Nộp ngay hôm nay kẻo lỡ"),
        ("money_request", "Đồng tiền Việt Nam giữ giá", "Chị đóng tiền trước cho em"),
        ("money_request", "Xe chuyên chở hàng hóa qua cửa khẩu", "Anh chuyển tiền vào tài khoản này"),
        ("prize", "Nhân giải phóng miền Nam, nhà văn kể lại", "Chúc mừng bạn nhận giải đặc biệt"),
        ("threat", "Đoàn phim có cảnh khoả thân, sau đó bị cắt", "Tài khoản sẽ bị khóa sau 24 giờ"),
        ("threat", "Các nhà khoa học trong nước đã thử nghiệm vắc-xin", "Tài khoản sẽ bị khóa trong hôm nay"),
        ("otp_request", "Giám đốc Sở Thể thao nói về mật khẩu", "Đọc mã OTP cho em để xác minh"),
    ],
)
def test_spellings_tell_colliding_words_apart(rule, other_word, meant):
    # In text written with marks, the marks say which word it is; typed without marks, both still fire.
    from tinhhinh.nlp.normalize import strip_diacritics

    assert rule not in _rules_hit(other_word)
    assert rule in _rules_hit(meant)
    assert rule in _rules_hit(strip_diacritics(meant))
    assert rule in _rules_hit(unicodedata.normalize("NFD", meant))


def test_unmarked_word_in_marked_text_is_another_word_but_not_in_a_post_typed_without_marks():
    # "khoa" without marks inside a text written with marks is the word "khoa" (a faculty), not "khóa"
    assert "threat" not in _rules_hit("Trưởng khoa trong bệnh viện cho biết sẽ mở thêm phòng khám")
    assert "threat" in _rules_hit("tai khoan cua ban se bi khoa sau 24h, lien he ngay")


def test_spellings_must_be_single_words(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        'version: "x"\nsignals:\n  - id: a\n    weight: 0.3\n    spellings: ["gấp gáp"]\n    patterns: [gap]\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="spellings"):
        load_rules(str(bad))


# ---------------------------------------------------------------- evidence


def test_evidence_spans_point_into_the_original_field():
    title = "Thông báo khẩn"
    text = "Tài khoản của Quý khách sẽ bị khóa sau 24h. Xác thực ngay tại vietcombank-xacthuc.top, nhập mã OTP cho em."
    res = assess(title, text)
    assert res.flagged and res.evidence
    for e in res.evidence:
        source = title if e["field"] == "title" else text
        a, b = e["span"]
        assert source[a:b] == e["text"]
        assert e["field"] in ("title", "text")
        assert isinstance(e["weight"], float)


def test_evidence_spans_survive_decomposed_text():
    text = unicodedata.normalize(
        "NFD", "Chúc mừng bạn trúng thưởng xe SH! Chuyển khoản 3 triệu phí nhận giải gấp trong vòng 60 phút."
    )
    res = assess(None, text)
    assert res.flagged
    for e in res.evidence:
        a, b = e["span"]
        assert text[a:b] == e["text"]
    assert any(unicodedata.normalize("NFC", e["text"]).lower().startswith("trúng") for e in res.evidence)


# ---------------------------------------------------------------- stage


def test_stage_sets_harm_entry_and_version():
    stage = ScamStage()
    item = Item(
        kind="comment",
        text="Mẹ chuyển gấp cho con 15 triệu vào STK 0123456789 Vietcombank, con cần đóng viện phí ngay hôm nay.",
    )
    item = stage(item)
    assert item.model_version["scam"] == stage.version and stage.version.startswith("rules-")
    assert isinstance(item.harm, list) and len(item.harm) == 1
    h = item.harm[0]
    assert h["type"] == "scam" and h["status"] == "unconfirmed" and 0 < h["score"] <= 1
    assert {"rule", "span", "text", "field", "weight"} <= set(h["evidence"][0])
    # running twice does not duplicate the entry
    assert len(stage(item).harm) == 1


def test_stage_leaves_clean_items_with_empty_list():
    item = ScamStage()(Item(title="Giá vàng tăng", text="Giá vàng hôm nay tăng 500.000 đồng."))
    assert item.harm == []


def test_stage_is_picklable():
    stage = pickle.loads(pickle.dumps(ScamStage()))
    assert stage(Item(text="chào")).harm == []


@pytest.mark.parametrize(
    "title,text",
    [
        (None, None),
        ("", ""),
        ("   ", "\n\n"),
        (b"\xff\xfe\x00garbage", b"\x00\x01\x02\xc3\x28"),
        ("x" * 10, "\x00\x07\ufffd\u0301\u0301" * 100),
        ("", "chuyển khoản " * 50_000),  # huge
        (12345, 3.5),
    ],
)
def test_bad_input_never_raises(title, text):
    item = Item(kind="post")
    item.title, item.text = title, text  # type: ignore[assignment]
    out = ScamStage()(item)
    assert isinstance(out.harm, list)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_text_gives_a_score_in_range(title, text):
    res = assess(title, text)
    assert 0.0 <= res.score <= 1.0
    for e in res.evidence:
        source = title if e["field"] == "title" else text
        a, b = e["span"]
        assert 0 <= a <= b <= len(source)


# ---------------------------------------------------------------- the rules file


def test_rules_file_has_version_and_parses():
    rules = load_rules()
    assert rules.version and rules.threshold > 0 and rules.signals and rules.context


def test_custom_rules_file(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "version: test-1\nthreshold: 0.5\nwindow: 100\n"
        "signals:\n  - {id: magic, group: magic, weight: 0.9, patterns: ['abracadabra']}\n",
        encoding="utf-8",
    )
    stage = ScamStage(rules_path=str(path))
    assert stage.version == "rules-test-1"
    assert stage(Item(text="ABRACADABRA")).harm[0]["evidence"][0]["rule"] == "magic"


def test_malformed_rules_say_where():
    with pytest.raises(RuleError, match="signals\\[0\\]"):
        parse_rules({"version": "x", "signals": [{"id": "a", "weight": 1, "patterns": ["("]}]})
    with pytest.raises(RuleError, match="version"):
        parse_rules({"signals": []})


# ---------------------------------------------------------------- false alarms on ordinary news


@pytest.mark.data
def test_false_alarm_rate_on_vntc(data_dir):
    with gzip.open(data_dir / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 1000)]
    flagged = [r["id"] for r in rows if assess(r["title"], r["text"]).flagged]
    # full 5,000-article figure is in bench/harm.py; the issue allows at most 0.5 %
    assert len(flagged) / len(rows) <= 0.005, flagged


def test_bundled_rules_read_the_same_with_either_yaml_loader():
    # load_rules uses libyaml's loader when PyYAML has it; the pure-Python one must read the same data
    from importlib import resources

    import yaml

    text = resources.files("tinhhinh.data").joinpath("scam_rules.yaml").read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    fast = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert pure == fast
    assert parse_rules(pure) == load_rules()


FIXES_FROM_THE_THIRD_SET = [
    # general gaps seen on the third set (rules -3 -> -4); phrases written for this test
    ("otp_request", "cháu bấm link rồi gửi giúp chú cái mã vừa về máy nhé", "mã vạch in trên máy"),
    ("payback_promise", "cho tao mượn 5 triệu, 3h chiều tao trả", "3 giờ chiều họp"),
    ("payback_promise", "chuyển giúp mẹ 20 triệu, tối con chuyển lại", "tối con về ăn cơm"),
    ("payback_promise", "xác minh xong số tiền sẽ được hoàn trả đầy đủ", "hồ sơ đã được hoàn thiện"),
    ("urgency", "chỉ còn 1 căn duy nhất tuần này", "chỉ còn một chút nữa"),
    ("urgency", "nếu trong chiều nay chưa chuyển thì mất suất", "cũng trong sáng nay, Quốc hội"),
    ("prepayment", "kiện quà phải nộp thuế mới giao", "món quà là 30% học phí"),
    ("proof_of_funds", "gia đình cần sao kê số dư tối thiểu 250 triệu", "sao kê lương tháng 10"),
    ("proof_of_funds", "em phải chứng minh tài chính để làm hồ sơ", "chứng minh nhân dân"),
    ("prepayment", "mua phần mềm 499k trước khi nhận việc", "hôn vợ trước khi đi làm"),
    ("prepayment", "để giải ngân anh chuyển phí bảo lãnh", "giải ngân vốn đầu tư công"),
    ("prepayment", "kiện quà của chị phải đóng phí hải quan", "kiện tụng kéo dài"),
    ("impersonation", "em bên công ty giao nhận ở sân bay Nội Bài", "công ty may mặc"),
    ("threat", "hệ thống sẽ trừ 2 triệu mỗi tháng của anh", "cư trú 3 năm mỗi tháng"),
    ("threat", "sẽ tự trừ 2.990.000đ mỗi tháng", "trừ 2. Mỗi tháng"),
    ("prepayment", "kiện hàng có kèm 50.000 USD nên bị phạt", "kiện hàng. Sau đó bị phạt"),
    ("money_request", "nạp lần đầu từ 2 triệu", "lần đầu tham gia"),
    ("wrong_transfer", "ghi sai hệ thống không nhận sẽ phải chuyển lại", "ghi chép sổ sách"),
    ("donation_appeal", "ai ủng hộ được bao nhiêu thì gửi mình", "ủng hộ chủ trương"),
    ("otp_request", "đăng nhập tài khoản ngân hàng để nhận học bổng", "đăng nhập ứng dụng để xem điểm"),
]


@pytest.mark.parametrize(
    "text",
    [
        # kinds the third set showed missing (written for this test, not rows of any set)
        "Phòng đối ngoại thông báo em trúng học bổng trao đổi tại Úc, gia đình cần sao kê số dư tối thiểu"
        " 300 triệu và chuyển phí xét hồ sơ 40 triệu, số tiền sẽ được hoàn lại khi có visa.",
        "Homestay chỉ còn 1 phòng duy nhất, chị chuyển cọc 1,5 triệu giúp em, ghi sai nội dung thì chuyển lại"
        " đúng cú pháp em hoàn lại lần trước ngay.",
        "Chú ơi cháu thi vẽ cần chú bình chọn, chú bấm vào link rồi gửi giúp cháu cái mã vừa về máy nhé.",
        "Em bên công ty giao nhận sân bay, kiện quà bạn anh gửi phải đóng phí hải quan 9 triệu vào tài khoản"
        " công ty thì mai em giao.",
        "Shipper đây ạ, em chuyển nhầm đơn của anh vào tài khoản nội bộ nên hệ thống sẽ trừ 2 triệu mỗi tháng,"
        " anh gọi 0912 345 678 để hủy nhé.",
    ],
)
def test_third_set_kinds_are_flagged(text):
    res = assess("", text)
    assert res.flagged, (res.score, res.evidence)


ORDINARY_TEXT_AFTER_THE_THIRD_SET = [
    "Cơ quan thuế không gọi điện đề nghị cài đặt ứng dụng hay gửi đường link qua tin nhắn; người nộp thuế"
    " tải eTax Mobile từ kho ứng dụng.",
    "Sinh viên muốn đi du học tự túc cần chứng minh tài chính theo yêu cầu của đại sứ quán, sao kê ngân"
    " hàng 6 tháng gần nhất.",
    "Vé bị hủy do thời tiết sẽ được hoàn lại toàn bộ trong 7 ngày, hành khách không cần làm thủ tục.",
]


@pytest.mark.parametrize(
    ("name", "earlier", "min_scams", "min_negatives"),
    [
        ("scam_fresh2.jsonl", ("scam_set.jsonl", "scam_fresh.jsonl"), 50, 40),
        ("scam_fresh3.jsonl", ("scam_set.jsonl", "scam_fresh.jsonl", "scam_fresh2.jsonl"), 40, 30),
    ],
)
def test_later_sets_cite_warnings_no_earlier_set_used(name, earlier, min_scams, min_negatives):
    """scam_fresh2.jsonl (written blind to rules -3) and scam_fresh3.jsonl (blind to -4) cite warnings that
    none of the sets before them used."""
    cited = {r["source"]["url"] for e in earlier for r in _rows(SET.parent / e) if r.get("source")}
    rows = _rows(SET.parent / name)
    scams = [r for r in rows if r["label"] == "scam"]
    hard_negatives = [r for r in rows if r["label"] == "ok"]
    assert len({r["id"] for r in rows}) == len(rows)
    assert len([r for r in scams if "-" not in r["id"]]) >= min_scams
    assert len([r for r in hard_negatives if "-" not in r["id"]]) >= min_negatives
    assert all(r["source"] and r["source"]["url"].startswith("http") for r in scams)
    assert all(r["source"] is None for r in hard_negatives)
    overlap = {r["source"]["url"] for r in scams} & cited
    assert not overlap, overlap


# ---------------------------------------------------------------- the fourth set's gaps (rules -4 -> -5)
# Phrases written for these tests, not rows of any set; every "hit" fails on rules 2026.11.27-4.

TEENCODE_SCAMS = [
    # chat spellings the rules used to read letter by letter: ck, trc, stk, tk, k, e, ng, dc, hnay, qtv
    "c oi ck coc trc 1tr giu cho e nha, stk e gui o duoi, k thi e nhuong ng khac do",
    "em ib a stk nha, a ck trc 2tr de dc giai ngan trong hnay",
    "b oi them nick nay lam qtv page giup a vs, nick chinh bi han che r, gap nha",
]


@pytest.mark.parametrize("text", TEENCODE_SCAMS)
def test_teencode_reads_as_the_words_it_stands_for(text):
    res = assess("", text)
    assert res.flagged, (res.score, res.evidence)


def test_teencode_evidence_shows_what_was_typed():
    text = "Chị ck cọc trc 1tr giữ phòng giúp em, qua stk em gửi nhé"
    res = assess("", text)
    for e in res.evidence:
        a, b = e["span"]
        assert text[a:b] == e["text"]
    texts = {e["text"] for e in res.evidence}
    assert "ck" in texts or any(t.startswith("ck") for t in texts), texts


def test_teencode_is_written_out_only_where_it_cannot_be_a_label():
    from tinhhinh.harm.scam import _Prepared

    rules = load_rules()
    # marked news: single letters are labels and initials; no always-form present: text untouched
    news = "Ông Nguyễn Văn A và bà K. cho biết khối thi A, hạng B vẫn giữ nguyên trong năm nay."
    p = _Prepared("", news, rules)
    from tinhhinh.harm.text import skeleton

    assert p.b_skel.text == skeleton(news).text
    # marked text with an always-form: only that one is written out
    p = _Prepared("", "Chị ck giúp em 200k tiền vé hạng A nhé, cảm ơn chị nhiều", rules)
    assert "chuyen khoan giup em" in p.b_skel.text and "hang a nhe" in p.b_skel.text
    # typed without marks: single letters too, but not inside numbers, addresses or initials
    p = _Prepared("", "e gui a 500k, k thi thoi. mail e-mail j.f.kennedy", rules)
    assert p.b_skel.text.startswith("em gui anh 500k, khong thi thoi.")
    assert "e-mail j.f.kennedy" in p.b_skel.text


def test_teencode_entries_agree_with_the_toxicity_table():
    from tinhhinh.harm.teencode import TEENCODE
    from tinhhinh.nlp.normalize import strip_diacritics

    rules = load_rules()
    table = {**rules.teencode_always, **rules.teencode_unmarked}
    shared = set(table) & set(TEENCODE)
    assert len(shared) >= 10
    for typed in shared:
        assert table[typed] == strip_diacritics(TEENCODE[typed]), typed


def test_malformed_teencode_says_where(tmp_path):
    data = {"version": "x", "signals": [], "teencode": {"always": {"ck": "Chuyển khoản"}}}
    with pytest.raises(RuleError, match="teencode"):
        parse_rules(data)


FIXES_FROM_THE_FOURTH_SET = [
    # (rule, hit, not hit): general gaps the fourth set showed
    ("bank_account", "chị chuyển vào số tài khoản kế toán em gửi nhé", "số khách em gửi xe ở bãi"),
    ("unseen_deposit", "muốn đi xem thì đóng phí xem phòng 100k", "phí xem phim 100k"),
    ("unseen_deposit", "mình ở xa nên chưa dẫn xem được, bạn cọc trước", "chưa xem được trận đấu"),
    ("unseen_deposit", "đã cọc rồi thì không hoàn cọc nhé", "không hoàn thành kế hoạch"),
    ("third_party_payee", "chị chuyển trước cho bên bán giúp em", "chuyển trước khi ký"),
    (
        "third_party_payee",
        "anh thanh toán cho nhà cung cấp trước nhé",
        "thanh toán cho nhà cung cấp sau khi nhận",
    ),
    ("payback_promise", "chị ứng trước giúp em 5 triệu", "chị ứng tuyển giúp em"),
    ("admin_takeover", "em thêm nick này làm quản trị viên nhóm giúp anh", "nhóm thêm quản trị viên mới"),
    ("otp_request", "gửi thẻ ATM và mật khẩu cho bên mình", "thẻ ATM bị nuốt"),
    ("otp_request", "nhập thông tin thẻ tín dụng để nhận ưu đãi", "thông tin thêm"),
    ("prepayment", "đặt cọc 20 triệu để giữ xe cho anh", "bãi giữ xe"),
    ("prepayment", "nộp 300k phí nâng hạng thì mới rút được tiền", "nộp hồ sơ mới"),
    ("prepayment", "bên đó phải chuyển đủ tiền mới giao", "chuyển đủ hàng mới về"),
    (
        "prepayment",
        "chuyển phí nhận lớp 1.500.000đ vào tài khoản trung tâm trước",
        "phí nhận lớp đóng sau buổi đầu",
    ),
    ("wrong_transfer", "nội dung chuyển khoản chưa đúng, chị chuyển lại", "nội dung bài học chưa đúng"),
    ("urgency", "không thì em nhường cho người khác nhé", "nhường cho người khác ngồi"),
    ("urgency", "đây là thông báo cuối", "thông báo cuộc thi"),
    ("urgency", "hoàn tất trong ngày", "hoàn tất thủ tục"),
    ("threat", "thanh toán sớm để tránh tăng mức phạt", "tránh tăng giá"),
    ("guaranteed_return", "vào kèo này anh đảm bảo thắng", "đảm bảo thắng lợi của đại hội"),
    ("guaranteed_return", "mua sản phẩm được hoàn tiền 100% + hoa hồng 20%", "hoàn tiền cho khách"),
    ("recovery_offer", "cháu làm hồ sơ tăng lương hưu cho chú", "tăng lương hưu từ tháng 7"),
    ("impersonation", "tôi là cán bộ cảnh sát giao thông", "Phòng CSGT thông báo"),
    ("impersonation", "Bộ Công an hỗ trợ người dân lấy lại tiền", "Bộ Công an họp báo"),
    ("money_request", "chuyển phí hs 500k", "học sinh 500"),
    ("prize", "chúc mừng bạn đã thắng 5 triệu", "chúc mừng đội tuyển đã thắng"),
    ("amount", "cho em mượn 5 củ", "thăm 2 cụ già"),
    ("relative_emergency", "con chị bị tai nạn, cần tiền mổ ngay", "tai nạn giao thông giảm"),
]


@pytest.mark.parametrize(
    "text",
    [
        # kinds the fourth set showed missing (written for this test, not rows of any set)
        "Anh ơi em là thượng úy hậu cần, đơn vị đặt 50 suất cơm, anh mua giúp em 30 thùng nước bên đại lý"
        " quen, anh chuyển trước cho họ 9 triệu, chiều em trả cả.",
        "Bé nhà chị bị tai nạn đang cấp cứu, chị chuyển ngay 50 triệu vào số tài khoản bác sĩ em gửi để mổ.",
        "Căn studio 4tr gần chợ, mình đang đi công tác chưa dẫn xem được, bạn chuyển cọc 1 triệu trước nhé.",
        "Em ơi cho anh thêm nick này làm quản trị viên fanpage nhé, nick kia bị khóa rồi, gấp lắm.",
        "Chúc mừng bạn thắng 5.000.000đ, nộp 300k phí mở khóa thì mới rút được tiền về tài khoản.",
        "Thông báo phạt nguội: xe của bạn có biên lai chưa nộp, thanh toán tại csgt-vn.top để tránh tăng mức"
        " phạt.",
    ],
)
def test_fourth_set_kinds_are_flagged(text):
    res = assess("", text)
    assert res.flagged, (res.score, res.evidence)


ORDINARY_TEXT_AFTER_THE_FOURTH_SET = [
    "Nhà nghỉ Hoa Mai xác nhận đã nhận cọc 500.000đ giữ phòng đêm 24/12, quý khách thanh toán phần còn"
    " lại khi nhận phòng.",
    "Phòng CSGT gửi thông báo phạt nguội, tra cứu tại csgt.bocongan.gov.vn, nộp phạt tại kho bạc trong"
    " 30 ngày.",
    "Chị ơi em đặt 5 mâm cỗ thứ Bảy, em chuyển cọc 1 triệu vào số tài khoản quán in trên thực đơn rồi nhé.",
    "Admin nhóm thông báo: ai muốn làm quản trị viên thì đăng ký trong bài ghim, nhóm sẽ bầu công khai.",
    "Cho thuê căn hộ 2PN, cọc 2 tháng, xem nhà trực tiếp, ký hợp đồng tại văn phòng.",
]


def test_a_gov_vn_domain_is_never_a_lookalike():
    assert "lookalike_domain" not in _rules_hit("tra cứu tại csgt.bocongan.gov.vn")
    assert "lookalike_domain" in _rules_hit("tra cứu tại csgt-bocongan.com")


def test_transfer_content_is_not_advice_not_to_transfer():
    # "nội dung chuyển" (the transfer's note) is not "đừng chuyển" (do not transfer) without marks
    res = assess(
        "", "Chị chuyển 2 triệu nhưng nội dung chuyển chưa đúng, chị chuyển thêm 2 triệu trong 10 phút."
    )
    assert res.factor == 1.0 and res.flagged, (res.score, res.evidence)
    assert assess("", "Đừng chuyển tiền cho người lạ trong 10 phút đầu.").factor < 1.0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ck", "stk", "nt", "dc", "tk", "x", "1", ".", "@", "-", " ", "internet", "click", "ko"]
        ),
        max_size=12,
    )
)
def test_token_gate_never_hides_a_teencode_token(pieces):
    # the cheap gate of expand_teencode says "no token" only when the token regex finds none
    from tinhhinh.harm.scam import _has_token

    rules = load_rules()
    text = "".join(pieces)
    if rules.teencode_always_re.search(text):
        assert _has_token(text, rules), text


FIXES_FROM_THE_FIFTH_SET = [
    # (rule, hit, not hit): general gaps the fifth set showed (phrases written for this test, not rows of any set)
    ("intimate_material", "cuộc gọi video tối qua tao đã ghi hình lại", "buổi lễ được ghi hình trực tiếp"),
    ("intimate_material", "muốn tao xóa clip thì chuyển tiền", "xóa đói giảm nghèo"),
    ("intimate_material", "tao có ảnh ghép mặt anh", "ghép cây ăn quả"),
    (
        "exposure_threat",
        "tao sẽ gửi clip cho toàn bộ bạn bè và đồng nghiệp của mày",
        "gửi lời chúc tới thầy cô",
    ),
    ("exposure_threat", "không trả thì người nhà anh sẽ xem hết", "người nhà bệnh nhân"),
    ("call_isolation", "em không được tắt máy trong lúc làm việc với cán bộ", "tắt máy lạnh khi ra ngoài"),
    ("call_isolation", "chị vào phòng Zoom này để lấy lời khai", "phòng học ngoại ngữ"),
    ("abroad_lure", "chương trình trao đổi sinh viên sang Nhật", "trao đổi kinh nghiệm"),
    ("abroad_lure", "làm visa lao động Hàn Quốc trọn gói", "visa du lịch"),
    ("contact_excuse", "cô ơi cháu đổi số mới rồi", "đổi số nhà"),
    ("contact_excuse", "điện thoại của con bị rơi xuống nước", "điện thoại thông minh"),
    ("contact_excuse", "đừng gọi em nhé em đang họp", "cuộc họp báo"),
    ("remote_access_app", "cô cài giúp cháu AnyDesk", "cài phần mềm diệt virus"),
    ("otp_request", "đọc cho em mã số hiện trên màn hình", "mã số thuế của doanh nghiệp"),
    ("otp_request", "đọc giúp em 6 số vừa gửi về máy", "vừa gửi thư"),
    ("update_request", "thửa đất của bác chưa tích hợp dữ liệu quốc gia", "chưa tích hợp được"),
    ("update_request", "bà cần làm sạch dữ liệu đất đai", "làm sạch môi trường"),
    ("update_request", "thuê bao của quý khách chưa chuẩn hóa", "chưa chuẩn bị"),
    ("money_request", "chị nộp lệ phí xét duyệt 2 triệu", "miễn lệ phí"),
    ("money_request", "anh đóng cọc 5 triệu", "đóng cửa hàng"),
    ("bank_account", "chuyển vào tài khoản được chỉ định", "được chỉ định làm trọng tài"),
    ("prepayment", "bạn đóng phí giải ngân 2 triệu", "đã giải ngân"),
    ("prepayment", "phí sẽ được hoàn lại cùng khoản vay", "hoàn lại tiền thừa"),
    ("prepayment", "ký quỹ 200k để được kích hoạt nhiệm vụ", "ký quỹ chứng khoán"),
    ("prepayment", "nạp lần đầu được tặng thêm 50%", "nạp pin"),
    ("prepayment", "nộp thuế thu nhập thì lệnh rút mới được duyệt", "lệnh cấm"),
    ("prepayment", "cọc 10tr trước nhé", "cọc tiêu"),
    ("threat", "không thì hủy hồ sơ", "không thì thôi"),
    ("threat", "tài khoản của bạn bị đóng băng", "băng tan"),
    ("threat", "chuyển phí để đình chỉ vụ kiện", "vụ kiện kéo dài"),
    ("urgency", "chị chuyển trong chiều nay nhé", "trong chiều nay trời mưa"),
    ("investment", "vào nhóm tín hiệu vàng của chuyên gia", "tín hiệu giao thông"),
    ("guaranteed_return", "giá lên hay xuống đều có lời", "giá lên xuống thất thường"),
    ("proof_of_funds", "cần minh chứng tài chính 300 triệu", "minh chứng khoa học"),
    ("third_party_payee", "chuyển vào tài khoản bạn cháu nhé", "tài khoản bạn đọc"),
    ("biometric_request", "làm theo em hướng dẫn xác thực khuôn mặt", "xác thực danh tính"),
]


@pytest.mark.parametrize(
    ("rule", "hit", "not_hit"),
    FIXES_FROM_THE_FRESH_SET
    + FIXES_FROM_THE_THIRD_SET
    + FIXES_FROM_THE_FOURTH_SET
    + FIXES_FROM_THE_FIFTH_SET,
)
def test_fixes_from_the_later_sets(rule, hit, not_hit):
    # each rule a later set showed missing hits its phrase, also typed without marks, and not its look-alike
    from tinhhinh.nlp.normalize import strip_diacritics

    assert rule in _rules_hit(hit)
    assert rule in _rules_hit(strip_diacritics(hit))
    assert rule not in _rules_hit(not_hit)


@pytest.mark.parametrize(
    "text",
    [
        # kinds the fifth set showed missing (written for this test, not rows of any set)
        "Video call tối qua tao quay lại hết rồi. Muốn tao xóa clip thì gửi 20 triệu, không thì clip sẽ gửi"
        " cho bạn bè, đồng nghiệp của mày.",
        "Cán bộ địa chính báo: đất nhà bác chưa làm sạch dữ liệu, bác gửi ảnh sổ đỏ qua Zalo cho cháu.",
        "Con đã được chọn vào chương trình trao đổi sinh viên tại Hàn, gia đình nộp lệ phí xét duyệt 4 triệu"
        " vào tài khoản được chỉ định trong chiều nay để giữ suất.",
        "Bác ơi cháu đổi số mới, điện thoại cũ bị hỏng rồi. Bác chuyển giúp cháu 15 triệu vào tài khoản bạn"
        " cháu, mai cháu gửi lại.",
        "Đây là cơ quan điều tra, anh có liên quan đường dây rửa tiền. Anh vào phòng Zoom này ngay, không"
        " được tắt máy, không được nói với ai.",
        "Giấy phép lái xe của anh sắp hết hạn, anh nộp lệ phí đổi 1.200.000đ qua tài khoản tôi gửi để tôi"
        " làm hồ sơ online.",
        "Hồ sơ vay đã duyệt, bạn đóng phí bảo hiểm khoản vay 3 triệu, phí được hoàn lại cùng khoản vay.",
        "Vào nhóm tín hiệu vàng của chuyên gia, giá lên hay xuống đều có lời, nạp lần đầu tặng thêm 30% vốn.",
        "Cháu là cán bộ phường, cô cài giúp cháu ứng dụng AnyDesk rồi đọc cho cháu mã số hiện trên màn"
        " hình nhé.",
    ],
)
def test_fifth_set_kinds_are_flagged(text):
    from tinhhinh.nlp.normalize import strip_diacritics

    for form in (text, strip_diacritics(text)):
        res = assess("", form)
        assert res.flagged, (form, res.score, res.evidence)


ORDINARY_TEXT_AFTER_THE_FIFTH_SET = [
    # a real refund notice: file on the .gov.vn portal, the refund comes to the payer's own account
    "Chi cục Thuế thông báo: cá nhân đề nghị hoàn thuế nộp hồ sơ trên thuedientu.gdt.gov.vn hoặc ứng"
    " dụng eTax Mobile; tiền hoàn được chuyển vào tài khoản của người nộp thuế. Cơ quan thuế không gọi"
    " điện hướng dẫn cài ứng dụng.",
    "Nhà mạng thông báo: thuê bao chưa chuẩn hóa thông tin mang căn cước đến cửa hàng gần nhất. Tổng đài"
    " không yêu cầu khách hàng đọc mã OTP.",
    "Hội thảo học bổng toàn phần tại Úc: phụ huynh cần chuẩn bị chứng minh tài chính, liên hệ 0912 345 678.",
    "Mẹ ơi con đổi số mới rồi, con vừa gọi mẹ bằng số này, mẹ lưu lại nhé.",
    "Công an cảnh báo thủ đoạn tống tiền bằng ảnh ghép mặt: đối tượng đòi chuyển 50 triệu, nếu không sẽ"
    " gửi ảnh cho bạn bè của nạn nhân.",
    "Ngân hàng giải ngân khoản vay sau khi khách hàng ký hợp đồng tại chi nhánh, không thu phí trước.",
]


@pytest.mark.parametrize(
    "text",
    ORDINARY_TEXT_AFTER_THE_THIRD_SET
    + ORDINARY_TEXT_AFTER_THE_FOURTH_SET
    + ORDINARY_TEXT_AFTER_THE_FIFTH_SET,
)
def test_later_set_fixes_leave_ordinary_text_alone(text):
    res = assess("", text)
    assert not res.flagged, (res.score, res.evidence)


def test_money_coming_to_you_is_not_a_request_to_transfer():
    # "tiền hoàn được chuyển vào tài khoản" (the refund is paid into your account) asks nothing of you
    assert "money_request" not in _rules_hit("Tiền hoàn được chuyển vào tài khoản chính chủ.")
    assert "money_request" in _rules_hit("Chị chuyển vào tài khoản này giúp em.")


def test_a_transfer_that_failed_is_not_advice_not_to_transfer():
    # "không chuyển được" (the app cannot transfer) is the hacked friend's excuse, not "đừng chuyển"
    # ("gấp" added with rules -7: without it the message reached the threshold only because the account
    # number was also read as a phone number)
    res = assess(
        "", "Chị ơi app em lỗi không chuyển được, chị chuyển giúp em 5 triệu vào stk 0123456789 gấp nhé."
    )
    assert res.factor == 1.0 and res.flagged, (res.score, res.evidence)
