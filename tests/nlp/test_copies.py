"""Copies: exact and planted near-copies found, order independence, window, signatures."""

from __future__ import annotations

import hashlib
import itertools
import random
import unicodedata
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from tinhhinh.nlp.copies import CopyDetector, signature

BASE = (
    "Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị tổng kết công tác phòng chống "
    "bão lụt năm 2025. Theo báo cáo, mưa lớn kéo dài trong tháng mười đã làm ngập hơn ba nghìn ngôi nhà "
    "ở các quận Hải Châu, Thanh Khê và Cẩm Lệ. Lực lượng cứu hộ đã sơ tán gần mười nghìn người dân đến "
    "nơi an toàn trước khi bão đổ bộ. Thành phố đề nghị trung ương hỗ trợ kinh phí sửa chữa đê kè và "
    "trường học bị hư hỏng. Chủ tịch thành phố yêu cầu các sở ngành rà soát lại phương án ứng phó thiên tai "
    "cho mùa mưa bão năm sau, đặc biệt là các khu dân cư ven sông Hàn."
)
OTHER = (
    "Đội tuyển bóng đá Việt Nam đã có buổi tập đầu tiên tại sân Mỹ Đình chuẩn bị cho trận gặp Thái Lan. "
    "Huấn luyện viên trưởng cho biết các cầu thủ đều có thể lực tốt sau kỳ nghỉ. Trận đấu sẽ diễn ra vào "
    "tối thứ bảy với sự cổ vũ của hàng vạn cổ động viên."
)
T0 = datetime(2026, 3, 1, 8, 0)


def near_copy(text: str) -> str:
    """Drop one sentence, swap two others, change two words: what a re-posting site does."""
    sents = [s.strip() for s in text.split(". ") if s.strip()]
    sents.pop(3)
    sents[0], sents[1] = sents[1], sents[0]
    out = ". ".join(sents)
    return out.replace("gần mười nghìn", "khoảng mười nghìn").replace("Chủ tịch", "Lãnh đạo")


def test_exact_and_near_copies_found() -> None:
    det = CopyDetector()
    assert det.add("a", BASE, T0) is None
    assert det.add("b", OTHER, T0) is None
    assert det.add("c", BASE, T0 + timedelta(hours=1)) == "a"
    assert det.add("d", near_copy(BASE), T0 + timedelta(hours=2)) == "a"
    assert det.add("e", "Tin mới: " + BASE.upper(), T0 + timedelta(hours=3)) == "a"


def test_unicode_forms_are_exact_copies() -> None:
    det = CopyDetector(threshold=0.99)
    det.add("a", BASE, T0)
    assert det.add("b", unicodedata.normalize("NFD", BASE), T0) == "a"
    assert det.add("c", BASE.replace("hòa", "hoà").replace("Ủy", "Uỷ"), T0) == "a"


def test_short_exact_copies_always_found() -> None:
    # Too short for shingles to say much: the exact hash still finds them, at any threshold.
    det = CopyDetector(threshold=1.0)
    det.add("a", "Mưa lớn", T0)
    assert det.add("b", "mưa  LỚN!", T0) == "a"
    assert det.add("c", "Mưa nhỏ", T0) is None


def test_non_copies_not_flagged() -> None:
    det = CopyDetector()
    texts = [
        BASE,
        OTHER,
        "Giá xăng tăng 500 đồng từ chiều nay theo quyết định của liên bộ Công Thương và Tài chính.",
    ]
    assert [det.add(str(i), t, T0) for i, t in enumerate(texts)] == [None, None, None]


@pytest.mark.parametrize("perm", list(itertools.permutations(range(3))))
def test_order_independence(perm) -> None:
    """Whatever the arrival order, the group's canonical ends as the earliest published."""
    items = [
        ("early", near_copy(BASE), T0),
        ("mid", BASE, T0 + timedelta(hours=1)),
        ("late", BASE + " Thông tin thêm sẽ được cập nhật.", T0 + timedelta(hours=2)),
    ]
    det = CopyDetector()
    answers = {}
    for i in perm:
        key, text, pub = items[i]
        answers[key] = det.add(key, text, pub)
    repoint = dict(det.repointed())

    def final(key: str) -> str | None:
        d = answers[key] or key
        while d in repoint:
            d = repoint[d]
        return None if d == key else d

    assert final("early") is None
    assert final("mid") == "early"
    assert final("late") == "early"


def test_arrival_order_when_no_times() -> None:
    det = CopyDetector()
    assert det.add("x", BASE) is None
    assert det.add("y", BASE) == "x"


@pytest.mark.parametrize("perm", list(itertools.permutations(range(4))))
def test_a_dated_member_is_the_original_whatever_arrives_first(perm) -> None:
    """Undated reposts never become the original of a dated member: the earliest published member wins
    (as the store links exact copies), then arrival between two dated at the same time or two undated."""
    items = [
        ("undated-repost", BASE, None),
        ("undated-near", near_copy(BASE), None),
        ("dated-late", BASE + " Thông tin thêm sẽ được cập nhật.", T0 + timedelta(days=1)),
        ("dated-early", near_copy(BASE), T0),
    ]
    det = CopyDetector()
    answers = {}
    for i in perm:
        key, text, pub = items[i]
        answers[key] = det.add(key, text, pub)
    repoint = dict(det.repointed())

    def final(key: str) -> str | None:
        d = answers[key] or key
        while d in repoint:
            d = repoint[d]
        return None if d == key else d

    assert {key: final(key) for key, _, _ in items} == {
        "undated-repost": "dated-early",
        "undated-near": "dated-early",
        "dated-late": "dated-early",
        "dated-early": None,
    }


def test_undated_against_undated_is_first_seen() -> None:
    det = CopyDetector()
    assert det.add("first", BASE) is None
    assert det.add("second", near_copy(BASE)) == "first"
    assert det.add("dated", BASE, T0) is None  # a dated member takes over from the undated ones
    assert det.repointed() == [("first", "dated")]


def test_aware_and_naive_times_mix() -> None:
    det = CopyDetector()
    det.add("a", BASE, datetime(2026, 3, 1, 10, tzinfo=UTC))
    assert det.add("b", BASE, datetime(2026, 3, 1, 9)) is None  # earlier: takes over
    assert det.repointed() == [("a", "b")]


def test_window_is_bounded() -> None:
    det = CopyDetector(window=3)
    det.add("a", BASE, T0)
    rnd = random.Random(1)
    words = OTHER.split()
    for i in range(3):
        rnd.shuffle(words)
        det.add(f"f{i}", " ".join(words) + f" số {i}", T0)
    assert len(det) == 3
    assert det.add("b", BASE, T0) is None  # "a" was evicted


def test_signatures_round_trip() -> None:
    sig = signature(BASE)
    assert isinstance(sig, bytes) and len(sig) == 529
    assert signature(unicodedata.normalize("NFD", BASE)) == sig
    det = CopyDetector()
    det.add_signature("a", sig, T0)
    assert det.add_signature("b", signature(near_copy(BASE)), T0 + timedelta(1)) == "a"
    assert det.add_signature("a", sig, T0) is None  # same key again: same answer
    with pytest.raises(ValueError):
        det.add_signature("bad", b"123", T0)


@pytest.mark.parametrize("text", ["", "   ", "!!!", "😀" * 100, "a", "1 2 3", None])
def test_odd_input(text) -> None:
    det = CopyDetector()
    det.add("x", text, None)
    det.add("y", text, None)  # identical (even empty) texts are exact copies
    assert det.add("z", BASE, None) is None


@pytest.mark.parametrize(
    "title,text",
    [
        ("Đà Nẵng tổng kết mùa bão", BASE),
        ("", BASE),
        ("Chỉ có tiêu đề", ""),
        ("Hoà bình", unicodedata.normalize("NFD", OTHER)),  # not NFC: the view folds the whole text
        ("Giá xăng", "Tăng 500 đồng\u0301 từ chiều nay."),  # a stray combining mark
    ],
)
def test_pipeline_signature_equals_signature_of_the_text(title, text) -> None:
    """``analyze`` computes the signature from the shared text view's words (``Entry.prepare``): it
    must be the signature of the item's text, on a fresh view whatever other stages asked of it."""
    from tinhhinh.item import Item
    from tinhhinh.ordered import Entry

    fresh = Item(title="".join(list(title)), text="".join(list(text)))  # new objects: a new view
    entry = Entry(0, {}, {}, fresh)
    entry.prepare()
    assert entry.signature == signature(Item(title=title, text=text).content)


def _crafted(values: np.ndarray, tag: bytes) -> bytes:
    """A signature with chosen sketch values (exact hash from ``tag``, so no two are exact copies)."""
    exact = hashlib.blake2b(tag, digest_size=16).digest()
    return exact + values.astype("<u4").tobytes() + b"\x03"


def test_equally_similar_candidates_go_to_the_first_arrived() -> None:
    # C shares 80 of 128 sketch values with A and 80 with B, while A and B share only 32 (not copies
    # of each other): a tie, which the earlier arrival must win whatever the keys' set order.
    rng = np.random.default_rng(7)
    a, b, c = (rng.integers(0, 2**32 - 1, 128, dtype=np.uint64) for _ in range(3))
    a[:80] = c[:80]
    b[48:] = c[48:]
    for n in range(40):
        first, second = f"k{n}-{rng.integers(1 << 30)}", f"j{n}-{rng.integers(1 << 30)}"
        det = CopyDetector()
        assert det.add_signature(first, _crafted(a, b"a"), T0) is None
        assert det.add_signature(second, _crafted(b, b"b"), T0) is None
        assert det.add_signature("c", _crafted(c, b"c"), T0) == first


def test_a_copy_retyped_without_marks_is_a_copy_of_the_marked_original(tmp_path, unmark):
    import json
    import subprocess
    import sys

    title = "Phe đối lập Campuchia bắt đầu đợt biểu tình mới"
    text = (
        "Ngày 23/10, lực lượng đối lập tại Campuchia bắt đầu một đợt biểu tình mới dự kiến kéo dài trong 3 "
        "ngày tại thủ đô Phnom Penh. Cuộc biểu tình diễn ra trong bối cảnh Quốc hội và Chính phủ mới của "
        "Campuchia đã chính thức ra mắt tròn một tháng. Đảng Cứu quốc Campuchia (CNRP) của ông Sam Rainsy yêu "
        "cầu điều tra độc lập về kết quả bầu cử."
    )
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "news", "title": title, "text": text}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "post", "title": "", "text": unmark(f"{title}. {text}")})
        + "\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "tinhhinh.cli", "analyze", "--input", str(src)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    news, post = (json.loads(line) for line in out.stdout.splitlines())
    assert news["dup_of"] is None and post["dup_of"] == "news"
