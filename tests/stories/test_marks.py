"""Text typed without marks: marks put back for the story views, so such posts meet their story."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from tinhhinh.item import Item
from tinhhinh.nlp.marks import restore_marks
from tinhhinh.stories.evaluate import bcubed, load_mds, run, time_order
from tinhhinh.stories.features import Idf, cosine
from tinhhinh.stories.index import vectorize

ARTICLE = (
    "Phe đối lập Campuchia bắt đầu đợt biểu tình mới",
    "Ngày 23/10, lực lượng đối lập tại Campuchia bắt đầu một đợt biểu tình mới dự kiến kéo dài trong 3 ngày "
    "tại thủ đô Phnom Penh. Cuộc biểu tình diễn ra trong bối cảnh Quốc hội và Chính phủ mới của Campuchia "
    "đã chính thức ra mắt tròn một tháng. Đảng Cứu quốc Campuchia (CNRP) của ông Sam Rainsy yêu cầu điều "
    "tra độc lập về kết quả bầu cử.",
)


# the same event in other words, typed without marks: not a copy of the article
POST = (
    "Phe doi lap Campuchia lai xuong duong bieu tinh o thu do Phnom Penh hom nay. Dang Cuu quoc Campuchia "
    "CNRP cua ong Sam Rainsy doi dieu tra doc lap ket qua bau cu, khi Quoc hoi va Chinh phu moi vua ra mat "
    "duoc mot thang."
)


def test_restore_marks_reads_the_most_frequent_spelling_with_its_neighbour():
    assert restore_marks("Mua lu gay ngap o mien Trung, UBND tinh Quang Tri chi dao so tan nguoi dan") == (
        "Mưa lũ gây ngập ở miền Trung, UBND tỉnh Quảng Trị chỉ đạo sơ tán người dân"
    )
    # the neighbour decides: "ban hanh" (issue) and "ban hang" (sell) are both "ban"
    assert (
        restore_marks("Ngan hang Nha nuoc ban hanh quy dinh moi")
        == "Ngân hàng Nhà nước ban hành quy định mới"
    )
    assert restore_marks("Cong ty ban hang online") == "Công ty bán hàng online"
    # capitals, punctuation, numbers and unknown words as typed
    assert restore_marks("HA NOI: 3 nguoi, xyzzy!") == "HÀ NỘI: 3 người, xyzzy!"
    assert restore_marks("") == ""


def test_a_text_typed_without_marks_gets_nearly_the_marked_texts_views(monkeypatch, unmark):
    import tinhhinh.stories.index as index

    idf = Idf.shipped()
    marked = vectorize(Item(title=ARTICLE[0], text=ARTICLE[1]), idf)
    bare = Item(title=unmark(ARTICLE[0]), text=unmark(ARTICLE[1]))
    restored = vectorize(bare, idf)
    assert cosine(marked.body, restored.body) > 0.85 and cosine(marked.head, restored.head) > 0.85
    # read as typed, the same text shares little with the marked one (names and numbers only)
    monkeypatch.setattr(index, "typed_without_marks", lambda title, text: False)
    raw = vectorize(bare, idf)
    assert cosine(marked.body, raw.body) < 0.5, cosine(marked.body, raw.body)


def test_analyze_puts_a_post_typed_without_marks_in_the_story_of_the_marked_news(tmp_path):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for rec in (
            {"id": "news", "title": ARTICLE[0], "text": ARTICLE[1], "published_at": "2013-10-23T11:39:00+07:00"},
            {"id": "post", "title": "", "text": POST, "published_at": "2013-10-23T15:00:00+07:00"},
        ):  # fmt: skip
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    exe = [sys.executable, "-m", "tinhhinh.cli"]
    out = subprocess.run(
        [*exe, "analyze", "--stories", "--input", str(src)], capture_output=True, text=True, check=True
    )
    news, post = (json.loads(line) for line in out.stdout.splitlines())
    assert post["dup_of"] is None  # not a copy: the story is what joins them
    assert post["story_id"] == news["story_id"]
    assert post["model_version"]["area"].startswith(("svm-plain2-", "svm-plain-short2-"))


@pytest.mark.data
def test_vn_mds_typed_half_without_marks_keeps_its_stories(data_dir, unmark):
    docs = time_order(load_mds(data_dir))
    marked = bcubed([d.cluster for d in docs], run(docs))["f1"]
    half = [
        dataclasses.replace(d, item=dataclasses.replace(
            d.item, title=unmark(d.item.title), text=unmark(d.item.text)))
        if i % 2 else d
        for i, d in enumerate(docs)
    ]  # fmt: skip
    f1 = bcubed([d.cluster for d in half], run(half))["f1"]
    # 27 Nov: 0.95 with the marks put back, 0.74 without (the eval command's stream: 0.954 / 0.739)
    assert f1 >= marked - 0.03, (f1, marked)
