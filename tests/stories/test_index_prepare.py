"""``story_vectors`` computes the views from the shared text view (numpy, integer keys) when it can:
the arrays, their order, every float and the terms outside the IDF table must equal ``vectorize``'s,
and every case the view cannot vouch for must fall back to ``vectorize`` itself."""

from __future__ import annotations

import pickle

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhhinh.item import Item
from tinhhinh.nlp.textview import text_view
from tinhhinh.stories.features import Idf
from tinhhinh.stories.index import vectorize
from tinhhinh.stories.prepare import story_vectors

from .synth import stream


def _same(item: Item, *, warm: bool) -> bool:
    """Asserts equality; True when the text view's path made the vectors (False: ``vectorize`` did)."""
    if warm and isinstance(item.title, str) and isinstance(item.text, str):
        _ = text_view(item.title, item.text).folded_words  # as the other stages leave it in a worker
    got, want = story_vectors(item), vectorize(item, Idf.shipped())
    fast = "title" not in got.__dict__  # vectorize fills the dicts; the view's path only the arrays
    assert got.ids_key == want.ids_key and (got.ts, got.source) == (want.ts, want.source)
    for v in range(4):
        assert np.array_equal(got.arrays[v][0], want.arrays[v][0]), v
        assert got.arrays[v][0].dtype == want.arrays[v][0].dtype
        assert got.arrays[v][1].tobytes() == want.arrays[v][1].tobytes(), v  # bit for bit
        assert got.unseen(v) == want.unseen(v), v
    assert got == want
    back = pickle.loads(pickle.dumps(got))  # what the parent gets (string objects may be shared)
    for v in range(4):
        assert back.arrays[v][0].tolist() == want.arrays[v][0].tolist()
        assert back.arrays[v][1].tobytes() == want.arrays[v][1].tobytes()
        assert back.unseen(v) == want.unseen(v)
    return fast


def test_synthetic_stream_matches_vectorize():
    fast = [_same(it, warm=bool(n % 2)) for n, (it, _) in enumerate(stream(seed=31))]
    assert all(fast)


def test_edge_texts_match_vectorize():
    long_words = " ".join(["Nghiêngnghiêngnghiêng"] * 300)  # > 4,000 characters before the 400th word
    cut = "abcdefghi " * 399 + "Quảngtrịquảng Hà Nội dài"  # the 400th word across character 4,000
    # (marked filler: a text typed without marks is read by vectorize, which puts the marks back)
    edge = "ábcdefghi " * 399 + "Quảngtrịab Hà Nội dài"  # the 400th word ends at character 4,000
    many = " ".join(f"từ{i % 50}" for i in range(900))  # 400 words well inside 4,000 characters
    punct = "Bộ Y tế: " + "!!! ... " * 700 + "Sở Y tế Đà Nẵng họp."  # > 4,000 characters, few words
    cases = [
        Item(id="a", title="Lũ quét ở Lào Cai", text=long_words),
        Item(id="b", title="Tin nhanh", text=cut),
        Item(id="c", title="Giá xăng hôm nay", text=many),
        Item(id="d", title="", text="Ủy ban Nhân dân tỉnh Quảng Ninh họp. Bộ Công an cảnh báo lừa đảo."),
        Item(id="e", title="Chỉ có tiêu đề Hà Nội", text=""),
        Item(id="f", title="Thoát\u0301 NFD", text="Tie\u0302\u0301ng Vie\u0323\u0302t chưa chuẩn hóa"),
        Item(id="g", title="A", text=""),
        Item(id="h", title="Hội nghị", text=punct),
        Item(id="i", title="TP.HCM_mưa to", text="Ngập ở Q.1, Q.3; Sở GTVT: 'không kẹt xe'"),
        Item(id="j", title="ý", text="ý " * 5000),
        Item(id="k", title="Tin nhanh", text=edge),
    ]
    # names() reads 2,500 characters: capitalised words and runs cut there, before and after gaps
    for n, tail in enumerate(
        ["Hà Nội", "HÀ NỘI mới", ". Quảng", " Bộ Y Tế Sở Nội Vụ Hà", "x, Đà", "Ⓐ Bộ", "ab cd"]
    ):
        for shift in range(-3, 4):
            pad = "x " * ((2480 - len("Tin")) // 2) + "ab" * (shift % 2) + " " * (shift + 3)
            cases.append(Item(id=f"n{n}{shift}", title="Tin", text=pad + tail + " kết thúc. Sở Tư pháp"))
            cases.append(Item(id=f"m{n}{shift}", title="", text=pad + tail + " kết thúc"))
    cases.append(Item(id="o", title="Ⓐ Hà Nội", text="Bộ Y tế"))
    fast = {it.id: [_same(it, warm=True), _same(it, warm=False)] for it in cases}
    # the word across the cut, too few words before it, NFD text, one word: vectorize; the rest: the view
    assert {k: v for k, v in fast.items() if len(k) == 1} == {
        k: [k not in "abfgh"] * 2 for k in "abcdefghijko"
    }


_ALPHABET = "aáàạăắâấđeêếiíoóôốơớuúưứyýAÁĂÂĐÊÔƠƯBHLNQTX0129 \t\n.,:;!?\"'()-_…"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=80),
    st.text(alphabet=_ALPHABET, max_size=600),
    st.booleans(),
)
def test_random_texts_match_vectorize(title, text, warm):
    _same(Item(id="r", title=title, text=text), warm=warm)


_NAME_WORDS = st.sampled_from(
    ["Hà", "Nội", "HÀ", "Bộ", "Y", "tế", "Sở", "Đà", "Nẵng", "x", "ab", "Quảngtrịquảng", "UBND", "TP.HCM"]
)
_NAME_GAPS = st.sampled_from([" ", " ", " ", ". ", ", ", " - ", "\n", "  ", "_", "\t", "! ", "... "])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(_NAME_WORDS, _NAME_GAPS), min_size=380, max_size=900),  # around 2,500 characters
    st.sampled_from(["", "Tin", "Hà Nội họp"]),
    st.integers(0, 7),
)
def test_names_from_the_view_equal_names(words, title, pad):
    """``_names`` (runs found with numpy, the 2,500-character cut found from a guess) is ``names()``
    of the text it stands for, counts and order, whatever the words' lengths around the cut."""
    from tinhhinh.stories.features import names
    from tinhhinh.stories.prepare import _names

    text = " " * pad + "".join(w + g for w, g in words)
    view = text_view(title, text)
    if view.ids is None:
        return
    got = _names(view, title, text)
    if got is None:
        return
    want = names(f"{title}\n{text[:4000]}")
    assert list(got.items()) == list(want.items())
