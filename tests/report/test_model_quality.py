"""The methods appendix: each model version's own measured quality, in the report's words."""

from __future__ import annotations

import json
from importlib import resources

from tinhhinh.report.build import model_quality, quality_words


def test_every_quality_entry_is_written_in_its_own_card():
    entries = model_quality()
    assert {m["version"] for m in entries} >= {"svm-hash2-9cf2751d", "svm-short2-f2c19283"}
    for m in entries:
        card = (resources.files("tinhhinh") / "models" / f"{m['card']}.md").read_text(encoding="utf-8")
        named = m.get("named", m["version"])
        assert not named or named in card, (m["card"], named)
        for _metric, value in m["scores"]:
            assert str(value) in card, (m["card"], value)


def test_each_area_model_gets_its_own_scores_in_plain_vietnamese():
    main = quality_words("area", "svm-hash2-9cf2751d", "vi")
    short = quality_words("area", "svm-short2-f2c19283", "vi")
    plain_short = quality_words("area", "svm-plain-short2-042d26f5", "vi")
    assert "0,9439" in main and "models/area.md" in main
    # the short-text model was given the whole-article model's 0.94 (and the raw Markdown of its card)
    assert "0,853" in short and "0,834" in short and "0,94" not in short and "models/area-short.md" in short
    assert "0,841" in plain_short and "0,94" not in plain_short
    for text in (main, short, plain_short):
        assert "**" not in text and "|" not in text and "accuracy" not in text
        assert "độ chính xác" in text
    assert "0.9439" in quality_words("area", "svm-hash2-9cf2751d", "en")
    # a version with a suffix is its base model; an unknown version has no card
    assert "89,7%" in quality_words("keywords", "lex-2f60cb8a+without-marks", "vi")
    assert quality_words("area", "svm-old-00000000", "vi") == "chưa có thẻ mô hình"
    assert quality_words("places", "places-5/x", "vi") == "chưa có thẻ mô hình"


def test_an_installed_toxicity_model_is_quoted_from_its_card_json(_isolated_home):
    from tinhhinh.harm.toxicity import MODEL_NAME

    version = "toxicity-vihsd-v3-20261127-adda8cb6"
    assert quality_words("toxicity", version, "vi") == "chưa có thẻ mô hình"
    folder = _isolated_home / "models" / MODEL_NAME
    folder.mkdir(parents=True)
    card = {"version": version, "dev": {"macro_f1": 0.6540085608212786}, "data": {"n_dev": 2276}}
    (folder / "card.json").write_text(json.dumps(card), encoding="utf-8")
    words = quality_words("toxicity", version, "vi")
    assert "0,654" in words and "2.276" in words and "card.json" in words
    # another version than the installed one: not this card's score
    assert quality_words("toxicity", "toxicity-vihsd-v2-old", "vi") == "chưa có thẻ mô hình"
