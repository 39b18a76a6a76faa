from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tinhhinh.item import Item
from tinhhinh.stories.summaries import lead, rouge, rouge_l, rouge_n, sentences, summarize

T = datetime(2025, 8, 1, tzinfo=UTC)


def test_sentences_keep_abbreviations_together():
    text = "Ngày 23-10, hàng nghìn người xuống đường. Khoảng 5.000 người tuần hành ở TP. cũ. Cảnh sát có mặt."
    assert sentences(text) == [
        "Ngày 23-10, hàng nghìn người xuống đường.",
        "Khoảng 5.000 người tuần hành ở TP. cũ.",
        "Cảnh sát có mặt.",
    ]


def test_summary_has_at_most_three_sentences_from_the_items():
    items = [
        Item(
            title="Lũ quét ở Bát Xát",
            text=(
                "Mưa lớn kéo dài gây lũ quét tại huyện Bát Xát tỉnh Lào Cai làm nhiều nhà bị cuốn trôi. "
                "Lực lượng cứu hộ đã tìm kiếm những người mất tích suốt đêm qua tại các xã vùng cao. "
                "Chính quyền địa phương sơ tán hàng trăm hộ dân khỏi khu vực có nguy cơ sạt lở cao."
            ),
            published_at=T + timedelta(hours=i),
        )
        for i in range(3)
    ]
    summary = summarize(items)
    assert 1 <= len(summary) <= 3
    pool = {s for it in items for s in sentences(it.text)}
    assert set(summary) <= pool
    assert len(set(summary)) == len(summary)  # no repeated sentence
    assert lead(items, 2) == sentences(items[0].text)[:2]


def test_rouge_on_syllables():
    assert rouge_n("Hà Nội mưa to", "hà nội mưa to", 1)["f"] == 1.0
    assert rouge_n("Hà Nội mưa to", "hà nội mưa to", 2)["f"] == 1.0
    assert rouge_l("a b c d", "a x c d")["f"] == 0.75
    assert rouge_n("mưa", "nắng", 1)["f"] == 0.0
    r = rouge("a b c", ["a b c", "x y z"])
    assert r["R1_f"] == 0.5
