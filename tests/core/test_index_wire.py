"""The reader process's index texts (``index_wire``) are the UTF-8 bytes of ``index_forms``'s texts, and the
exact-copy hash, collapsed on bytes, is the hash of the words joined by one space as before."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhhinh.store.items import _copy_hash, _has_odd_space, index_forms, index_wire


def hash_reference(doc_x: str) -> str:
    """The copy hash as it was made before (commit 70534d3)."""
    return hashlib.sha1(" ".join(doc_x.split()).encode()).hexdigest()


def wire_reference(title: str, body: str) -> dict:
    forms = index_forms(title, body)
    out = {k: v.encode() for k, v in forms.items() if k != "hash"}
    out["hash"] = hash_reference(forms["doc_x"])
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
]


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_SPACES + _WORDS), max_size=30),
    st.lists(st.sampled_from(_SPACES + _WORDS), max_size=30),
)
def test_wire_is_the_encoded_forms(title, body):
    title, body = "".join(title), "".join(body)
    assert index_wire(title, body) == wire_reference(title, body)
    assert index_forms(title, body)["hash"] == hash_reference(index_forms(title, body)["doc_x"])


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
