from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from tinhhinh.item import Item
from tinhhinh.stories.summaries import (
    DEFAULT_METHOD,
    DEFAULT_WEIGHTS,
    centroid_summary,
    is_dangling,
    is_quote,
    lead,
    pick,
    pool,
    rouge,
    rouge_l,
    rouge_n,
    sentences,
    strip_dateline,
    summarize,
)

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
    every = {s for it in items for s in sentences(it.text)}
    assert set(summary) <= every
    assert len(set(summary)) == len(summary)  # no repeated sentence
    assert lead(items, 2) == sentences(items[0].text)[:2]


def test_rouge_on_syllables():
    assert rouge_n("Hà Nội mưa to", "hà nội mưa to", 1)["f"] == 1.0
    assert rouge_n("Hà Nội mưa to", "hà nội mưa to", 2)["f"] == 1.0
    assert rouge_l("a b c d", "a x c d")["f"] == 0.75
    assert rouge_n("mưa", "nắng", 1)["f"] == 0.0
    r = rouge("a b c", ["a b c", "x y z"])
    assert r["R1_f"] == 0.5


def _story(texts: list[str], titles: list[str] | None = None) -> list[Item]:
    titles = titles or ["Lũ quét ở Bát Xát"] * len(texts)
    return [
        Item(title=title, text=text, published_at=T + timedelta(hours=i))
        for i, (title, text) in enumerate(zip(titles, texts, strict=True))
    ]


FLOOD = [
    (
        "Mưa lớn kéo dài gây lũ quét tại huyện Bát Xát tỉnh Lào Cai làm nhiều nhà bị cuốn trôi. "
        "Lực lượng cứu hộ đã tìm kiếm những người mất tích suốt đêm qua tại các xã vùng cao. "
        "Chính quyền địa phương sơ tán hàng trăm hộ dân khỏi khu vực có nguy cơ sạt lở cao."
    ),
    (
        "Lũ quét tại huyện Bát Xát tỉnh Lào Cai đêm qua làm ba người mất tích và hàng chục nhà bị cuốn trôi. "
        "Nước sông dâng nhanh khiến nhiều tuyến đường liên xã bị chia cắt hoàn toàn từ chiều tối. "
        "Tỉnh Lào Cai đã huy động bộ đội biên phòng hỗ trợ người dân di dời tài sản."
    ),
    (
        "Sáng nay lực lượng cứu hộ tiếp tục tìm kiếm người mất tích do lũ quét ở Bát Xát tỉnh Lào Cai. "
        "Đường vào các xã bị sạt lở nên xe cứu hộ phải dừng cách hiện trường nhiều cây số. "
        "Người dân các thôn ven suối được đưa đến nhà văn hoá và trường học để tránh lũ."
    ),
]


@pytest.mark.parametrize("method", ["centroid", "lead-aware"])
def test_summary_is_deterministic_and_at_most_three_sentences(method):
    items = _story(FLOOD)
    first = summarize(items, method=method)
    assert 1 <= len(first) <= 3
    assert all(summarize(list(items), method=method) == first for _ in range(3))
    assert summarize(list(reversed(items)), method=method) == first  # story order comes from the times
    assert len(summarize(items, max_sentences=1, method=method)) == 1
    assert summarize(items) == summarize(items, method=DEFAULT_METHOD)
    with pytest.raises(ValueError):
        summarize(items, method="abstractive")


def test_summary_opens_on_the_central_articles_lead_then_story_order():
    items = _story(FLOOD)
    p = pool(items)
    central = p.central
    chosen = pick(p, DEFAULT_WEIGHTS)
    docs_pos = [(p.sentences[k].doc, p.sentences[k].pos) for k in chosen]
    # the central article's sentences come first, then the others by article time and position
    assert docs_pos == sorted(docs_pos, key=lambda dp: (dp[0] != central, dp))
    assert docs_pos[0] == (central, 0)
    # story order throughout when asked
    chosen = pick(p, replace(DEFAULT_WEIGHTS, central_first=False))
    docs_pos = [(p.sentences[k].doc, p.sentences[k].pos) for k in chosen]
    assert docs_pos == sorted(docs_pos)


LEAD = "Mưa lớn kéo dài gây lũ quét tại huyện Bát Xát tỉnh Lào Cai làm nhiều nhà bị cuốn trôi."
QUOTE = "Ông Nguyễn Văn An cho biết: “Hàng chục ngôi nhà ở xã Trịnh Tường đã bị nước cuốn trôi hoàn toàn trong đêm.”"
PLAIN = "Hàng chục ngôi nhà ở xã Trịnh Tường đã bị nước cuốn trôi hoàn toàn trong đêm qua theo báo cáo nhanh."


def test_quote_openers_are_penalised():
    assert is_quote("“Chúng ta chỉ thu hoạch trái cà chua trong vườn nhà mình” - bà nói.")
    assert is_quote('Bà Walmsley cho biết: "Chúng ta chỉ thu hoạch trái cà chua trong vườn".')
    assert not is_quote("Bà Walmsley cho biết, vụ mùa năm nay giảm một nửa so với năm ngoái.")
    # three reports; the first (one sentence) is the central one and opens the summary; the second
    # sentence is the other reports' shared news, once as a reported quote and once plainly
    items = _story([LEAD, QUOTE, PLAIN])
    assert pool(items).central == 0
    assert summarize(items, max_sentences=2, method="lead-aware") == [LEAD, PLAIN]
    no_penalty = replace(DEFAULT_WEIGHTS, quote=0.0)
    assert summarize(items, max_sentences=2, weights=no_penalty) == [
        LEAD,
        QUOTE,
    ]  # the penalty is what moves it


def test_dangling_openers_are_penalised():
    for s in (
        "Tuy nhiên, nước đã rút.",
        "Trong khi đó mưa vẫn to.",
        "Ông này cho biết thêm.",
        "Vụ việc đang được xác minh.",
    ):
        assert is_dangling(s), s
    assert not is_dangling("Ông Nguyễn Văn An cho biết thêm.")
    dangling = "Tuy nhiên hàng chục ngôi nhà ở xã Trịnh Tường đã bị nước cuốn trôi hoàn toàn trong đêm qua."
    items = _story([LEAD, dangling, PLAIN])
    assert pool(items).central == 0
    assert summarize(items, max_sentences=2, method="lead-aware") == [LEAD, PLAIN]
    no_penalty = replace(DEFAULT_WEIGHTS, dangling=0.0)
    assert summarize(items, max_sentences=2, weights=no_penalty) == [LEAD, dangling]


def test_dateline_is_dropped_from_a_lead():
    assert (
        strip_dateline("TTO - Ngày 23-10, hàng nghìn người xuống đường.")
        == "Ngày 23-10, hàng nghìn người xuống đường."
    )
    assert (
        strip_dateline("( Dân trí ) - Bang New South Wales đang vật lộn.")
        == "Bang New South Wales đang vật lộn."
    )
    assert strip_dateline("Hà Nội - Sáng nay mưa to.") == "Hà Nội - Sáng nay mưa to."
    items = _story([f"TTO - {FLOOD[0]}"])
    assert summarize(items, method="lead-aware")[0].startswith("Mưa lớn kéo dài")
    assert summarize(items, method="centroid")[0].startswith("TTO - ")  # the centroid method shows text as is


@pytest.mark.parametrize("method", ["centroid", "lead-aware"])
def test_empty_input(method):
    assert summarize([], method=method) == []
    assert summarize(_story([""], ["Tiêu đề"]), method=method) == ["Tiêu đề"]
    assert summarize(_story(["Quá ngắn."], [""]), method=method) == []
    assert lead([]) == []


def test_centroid_summary_kept_for_the_benchmark():
    items = _story(FLOOD)
    before = centroid_summary(items)
    assert 1 <= len(before) <= 3
    assert set(before) <= {s for it in items for s in sentences(it.text)}
