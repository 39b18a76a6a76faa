"""Scam posts typed in decorative "fonts" (𝐓𝐔𝐘𝐄̂̉𝐍 𝐂𝐓𝐕, ＣＴＶ, ᴛᴜʏᴇ̂̉ɴ, Ⓩⓐⓛⓞ) read as the plain text would:
the same rules fire, and the evidence points into the decorated original."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tinhhinh.harm.scam import assess
from tinhhinh.harm.text import _DECORATED, skeleton
from tinhhinh.nlp.normalize import plain_letters

SET = Path(__file__).parent / "data" / "scam_set.jsonl"

STYLES = ("bold", "sans_bold_italic", "full_width", "small_caps")


def _positives() -> list[dict]:
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["label"] == "scam" and r.get("variant") == "plain"]


def _evidence(result) -> list[tuple[str, str]]:
    return sorted((e["rule"], e["field"]) for e in result.evidence)


@pytest.mark.parametrize("style", STYLES)
def test_decorated_scams_read_as_the_plain_text(style, decorate):
    checked = 0
    for row in _positives():
        plain = assess(row["title"], row["text"])
        if not plain.flagged:
            continue
        title, text = decorate(row["title"], style), decorate(row["text"], style)
        assert text != row["text"]
        got = assess(title, text)
        assert got.flagged, (style, row["id"])
        assert _evidence(got) == _evidence(plain), (style, row["id"])
        assert got.score == pytest.approx(plain.score, abs=1e-4), (style, row["id"])
        fields = {"title": title, "text": text}
        for e in got.evidence:
            a, b = e["span"]
            piece = fields[e["field"]][a:b]
            # the span is the decorated original; read plainly it is what the plain text's evidence says
            # (small capitals have no case)
            assert e["text"] == piece
            assert any(
                unicodedata.normalize("NFC", plain_letters(piece)).lower() == p["text"].lower()
                for p in plain.evidence
                if p["rule"] == e["rule"]
            ), (style, row["id"], e)
        checked += 1
    assert checked >= 40


def test_decorated_letters_read_alike_on_every_path():
    """Short texts, long ones (the code point arrays) and texts with marks (the character-by-character
    path) give each decorated letter the skeleton of its plain letter, one character for one."""
    for code, letter in _DECORATED.items():
        c = chr(code)
        want = skeleton(letter).text
        assert skeleton(c).text == want, hex(code)
        long = skeleton(c * 70 + " Đà Nẵng")
        assert long.text == want * 70 + " da nang", hex(code)
        assert long.span(0, 70) == (0, 70)
        marked = skeleton(c + "\u0301" + c)
        assert marked.text == skeleton(letter + "\u0301" + letter).text, hex(code)
        assert len(plain_letters(c * 3)) == 3


def test_a_zalo_in_circled_letters_is_a_chat_channel():
    text = "Việc nhẹ lương cao, chuyển khoản 500k phí giữ chỗ, liên hệ Ⓩⓐⓛⓞ 0912345678"
    rules = {e["rule"] for e in assess("", text).evidence}
    assert "chat_channel" in rules


def test_ordinary_text_is_untouched():
    news = "Người dân Đà Nẵng được cảnh báo về thủ đoạn lừa đảo qua Zalo. Ảnh: Minh Đức"
    assert plain_letters(news) is news
    assert skeleton(news).text == skeleton(news).text.translate(_DECORATED)
