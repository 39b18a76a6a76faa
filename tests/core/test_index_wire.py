"""The reader process's index texts (``index_wire``) are the UTF-8 bytes of ``index_forms``'s texts, and the
exact-copy hash, collapsed on bytes, is the hash of the words joined by one space as before."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhhinh.nlp.normalize import fold
from tinhhinh.store.items import _copy_hash, _has_odd_space, index_forms, index_wire


def hash_reference(doc_x: str) -> str:
    """The copy hash as it was made before (commit 70534d3)."""
    return hashlib.sha1(" ".join(doc_x.split()).encode()).hexdigest()


def folded_doc(title: str, body: str) -> str:
    """The document the copy hash is of: folded, without the index's i/y spelling (``search_spelling``)."""
    t, b = fold(title), fold(body)
    return f"{t}\n{b}" if t and b else t or b


def wire_reference(title: str, body: str) -> dict:
    forms = index_forms(title, body)
    out = {k: v.encode() for k, v in forms.items() if k != "hash"}
    out["hash"] = hash_reference(folded_doc(title, body))
    return out


def test_odd_spaces_are_all_of_str_isspace():
    ascii_split = set(" \t\n\x0b\x0c\r")
    spaces = [cp for cp in range(sys.maxunicode + 1) if chr(cp).isspace()]
    # Every needle is ASCII or starts with the lead byte C2, E1, E2 or E3, and a lead byte never occurs
    # inside another character's encoding: only characters below U+4000 can be reported at all.
    assert max(spaces) < 0x4000
    for cp in range(0x4000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        odd = ch.isspace() and ch not in ascii_split
        assert _has_odd_space(ch.encode()) is odd, hex(cp)
        assert _has_odd_space(f"a{ch}b".encode()) is odd, hex(cp)


_SPACES = [" ", "  ", "\n", "\n\n", "\t", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680"]
_SPACES += ["\u2002", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"]
_WORDS = [
    "Hoà",
    "bình",
    "đ",
    "Đà",
    "Nẵng",
    "“",
    "”",
    "–",
    "…",
    "x",
    "\u0301",
    "日本",
    "é",
    "\u2013",
    "\u2060",
    "kỹ",
    "Mỹ",
    "quý",
    "tay",
]


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_SPACES + _WORDS), max_size=30),
    st.lists(st.sampled_from(_SPACES + _WORDS), max_size=30),
)
def test_wire_is_the_encoded_forms(title, body):
    title, body = "".join(title), "".join(body)
    assert index_wire(title, body) == wire_reference(title, body)
    assert index_forms(title, body)["hash"] == hash_reference(folded_doc(title, body))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_copy_hash_on_any_text(text):
    try:
        doc = text.encode()
    except UnicodeEncodeError:
        return  # lone surrogates: neither the old nor the new code can hash them
    assert _copy_hash(doc) == hash_reference(text)


def test_wire_on_real_articles(data_dir):
    with gzip.open(data_dir / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(2000), fh, strict=False)]
    pairs = [(r.get("title") or "", r.get("text") or "") for r in rows]
    pairs += [(t, "") for t, _ in pairs[:50]] + [("", b) for _, b in pairs[:50]]
    for title, body in pairs:
        assert index_wire(title, body) == wire_reference(title, body)


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    published=st.none() | st.datetimes(),
    fetched=st.none() | st.datetimes() | st.dates(),
    extra=st.dictionaries(st.text(max_size=5), _JSONISH, max_size=3),
    harm=st.lists(st.dictionaries(st.text(max_size=5), _JSONISH, max_size=2), max_size=2),
    score=st.none() | st.integers(-5, 5) | st.floats(allow_nan=False),
    keywords=st.none() | st.lists(st.text(max_size=6), max_size=3),
)
def test_ready_values_are_what_core_binds(tmp_path_factory, published, fetched, extra, harm, score, keywords):
    """The reader process's insert values (no SQLAlchemy there) are SQLAlchemy's bind processors' values."""
    from tinhhinh.item import Item
    from tinhhinh.store import forms
    from tinhhinh.store import items as item_store
    from tinhhinh.store.db import engine_for

    engine = engine_for(str(tmp_path_factory.getbasetemp() / "ready.db"))
    item = Item(
        id="x", title="Tiêu đề", text="Nội dung", published_at=published, fetched_at=fetched, extra=extra,
        harm=harm, toxicity_score=score, keywords=keywords, provenance={"input": "tệp.jsonl", "line": "3"},
    )  # fmt: skip
    ready = list(forms.ready_values([item], ["h"])[0])
    for i in forms._UTF8_AT:
        ready[i] = ready[i].decode()
    core = list(item_store._sqlite_values(engine.dialect, [forms._row_values(item, "h")])[0])
    assert [(type(v), v) for v in ready] == [(type(v), v) for v in core]
    assert item_store.takes_ready_values(engine)


def test_reader_process_does_not_import_sqlalchemy():
    import subprocess

    code = "import sys, tinhhinh.ingest.reader; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
