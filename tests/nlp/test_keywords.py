"""Keywords: real words, no stopwords/numbers/dates, the same for any Unicode form or tone placement."""

from __future__ import annotations

import json
import pickle
import re
import unicodedata
from pathlib import Path

import pytest

from tinhhinh.item import Item
from tinhhinh.nlp.keywords import KeywordsStage, Lexicon, canonical_surface, segment, stopwords
from tinhhinh.nlp.normalize import fold

ARTICLE = (
    "Đà Nẵng hoà giải tranh chấp đất đai ở quận Hải Châu",
    "Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị hòa giải tranh chấp đất đai. "
    "Theo Tỉnh ủy, năm 2005 thành phố Đà Nẵng đã giải quyết 120 vụ tranh chấp đất đai, "
    "nhiều vụ kéo dài từ ngày 12/3/2003. Người dân quận Hải Châu cho biết họ rất hài lòng với "
    "cách giải quyết của thành phố. Ông Nguyễn Văn Minh, Chủ tịch phường, nói quận Hải Châu sẽ "
    "tiếp tục hòa giải các vụ tranh chấp đất đai trong năm nay.",
)


@pytest.fixture(scope="module")
def stage() -> KeywordsStage:
    return KeywordsStage()


def test_real_words_and_names(stage: KeywordsStage) -> None:
    kws = stage(Item(title=ARTICLE[0], text=ARTICLE[1])).keywords
    assert kws and len(kws) <= 10
    assert "Đà Nẵng" in kws  # a name keeps its capitals
    assert "tranh chấp" in kws and "đất đai" in kws
    assert "Hải Châu" in kws
    for kw in kws:
        assert " " in kw, f"single syllable {kw!r}"
        assert not re.search(r"\d", kw), kw
        assert fold(kw) not in stopwords(), kw


def test_no_stopwords_numbers_or_dates(stage: KeywordsStage) -> None:
    stop = stopwords()
    text = "Hôm nay, ngày 12/3/2005, năm nay tuy nhiên có thể không thể thời gian. " * 5
    kws = stage(Item(title="Tin vắn", text=text + ARTICLE[1])).keywords
    for kw in kws:
        assert fold(kw) not in stop
        assert not re.search(r"\d", kw)
        assert fold(kw) not in {"hôm nay", "năm nay", "tuy nhiên", "có thể", "thời gian", "cho biết"}


def test_stopword_list_reviewed() -> None:
    stop = stopwords()
    assert "tuy nhiên" in stop and "có thể" in stop
    assert fold("khoảng cách") not in stop  # reviewed: a content word kept as a keyword


@pytest.mark.parametrize("form", ["NFD", "tones"])
def test_unicode_forms_and_tone_variants_agree(stage: KeywordsStage, form: str) -> None:
    base = stage(Item(title=ARTICLE[0], text=ARTICLE[1])).keywords
    if form == "NFD":
        title, text = (unicodedata.normalize("NFD", s) for s in ARTICLE)
    else:
        title, text = (s.replace("hòa", "hoà").replace("Ủy", "Uỷ").replace("ủy", "uỷ") for s in ARTICLE)
        title = title.replace("hoà", "hòa")  # the title had the other placement: swap it
    assert stage(Item(title=title, text=text)).keywords == base


@pytest.mark.parametrize(
    "title,text",
    [
        ("", ""),
        (None, None),
        ("  ", "\n"),
        ("123", "4.5 6,7"),
        ("", "😀" * 500),
        ("A", "B C D E"),
        ("", "Đ " * 10_000),
        ("'''", '""" ,,, ...'),
    ],
)
def test_odd_input_never_crashes(stage: KeywordsStage, title, text) -> None:
    item = stage(Item(title=title, text=text))
    assert isinstance(item.keywords, list)
    # "A", "B C D E": letters without marks, read by the extractor for text typed without marks
    assert item.model_version["keywords"] in (stage.version, stage.version + "+without-marks")


def test_segment_longest_match() -> None:
    lex = {"thành phố": 1, "thành phố hồ chí minh": 1, "hồ chí minh": 1, "chủ tịch": 1, "chủ tịch nước": 1}
    words = [w for w, _, _, _ in segment("Chủ tịch nước thăm Thành phố Hồ Chí Minh, thành phố Huế", lex)]
    assert words[0] == "chủ tịch nước"
    assert words[2:4] == ["thành phố", "hồ chí minh"]  # at most 4 syllables per word
    assert "huế" in words


def test_canonical_surface() -> None:
    assert canonical_surface("Thanh Hoá") == "Thanh Hóa"
    assert canonical_surface("TP HCM") == "TP HCM"


def test_lexicon_small_and_loads() -> None:
    lex = Lexicon.load()
    assert len(lex.entries) > 10_000
    size = (Path(__file__).parents[2] / "src/tinhhinh/models/keywords.tsv.gz").stat().st_size
    assert size < 1_000_000


def test_stage_pickles_small(stage: KeywordsStage) -> None:
    assert len(pickle.dumps(stage)) < 1000


def test_judged_file_is_complete() -> None:
    rows = [json.loads(line) for line in (Path(__file__).parent / "data/keywords_judged.jsonl").open()]
    assert len(rows) == 100
    for row in rows:
        assert row["id"] and row["judgements"]
        for j in row["judgements"]:
            assert isinstance(j["good"], bool) and j["reason"]


# ---------------------------------------------------------------- text typed without marks


def test_text_typed_without_marks_gets_the_lexicons_words(stage: KeywordsStage, unmark) -> None:
    marked = stage(Item(title=ARTICLE[0], text=ARTICLE[1]))
    bare = stage(Item(title=unmark(ARTICLE[0]), text=unmark(ARTICLE[1])))
    # the lexicon's words come back in their written form; names keep the text's own spelling
    assert "tranh chấp" in bare.keywords and "đất đai" in bare.keywords
    assert "Hai Chau" in bare.keywords or "Hải Châu" in bare.keywords
    assert len(set(marked.keywords) & set(bare.keywords)) >= 5, (marked.keywords, bare.keywords)
    assert bare.model_version["keywords"] == marked.model_version["keywords"] + "+without-marks"
    for kw in bare.keywords:
        assert " " in kw and not re.search(r"\d", kw), kw


def test_lexicon_without_marks_keeps_the_most_frequent_spelling() -> None:
    lex = Lexicon(
        {"bán hàng": ("bán hàng", 900), "bàn hàng": ("bàn hàng", 20), "đà nẵng": ("Đà Nẵng", 50)}, 1000
    )
    plain = lex.without_marks()
    assert plain.entries == {"ban hang": ("bán hàng", 900), "da nang": ("Đà Nẵng", 50)}
    assert plain.n_docs == 1000 and plain.version == f"{lex.version}+without-marks"


@pytest.mark.data
def test_keywords_of_text_typed_without_marks_agree_with_the_marked_text(data_dir: Path, unmark) -> None:
    import gzip
    import itertools

    stage = KeywordsStage()
    ids = {
        line.strip()
        for line in (Path(__file__).parent / "data" / "area_heldout_ids.txt").open()
        if line.strip()
    }
    with gzip.open(data_dir / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = list(itertools.islice((r for r in map(json.loads, fh) if r["id"] in ids), 300))
    same = total = 0
    for r in rows:
        marked = set(stage(Item(title=r["title"], text=r["text"])).keywords)
        bare = stage(Item(title=unmark(r["title"]), text=unmark(r["text"]))).keywords
        same += sum(k in marked for k in bare)
        total += len(bare)
    # 75 % on 500 random held-out articles when this was built (the main lexicon alone: 25 %, and
    # no keyword at all for 17 % of them)
    assert total >= 9 * len(rows) and same / total >= 0.70, (same, total)
