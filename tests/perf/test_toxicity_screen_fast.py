"""The toxicity stage's fast paths give exactly the numbers of the plain ones.

The screen's estimates decide which pieces the model reads and are the score of the pieces it does not
read, and the model's decision values are the scores of the rest, so each short cut must match its plain
counterpart to the last bit:

- ``_screen_sums`` (one bincount over a table of products made at load) = ``_screen_part`` (one numpy
  pass per view);
- the screen's words taken from the shared text view (``_view_words``) = the words ``screen`` cuts from
  the folded pieces, and the estimates equal;
- ``decisions`` (one numpy pass for all views) = the previous per-view code (kept below as reference);
- the word views' n-grams found through the integer index (``_ngram_index``) = the string lookups
  (``_word_rows``), and a vocabulary the index cannot describe falls back to them;
- ``prepare``'s copy without marks, stripped token by token = ``strip_diacritics`` of the folded copy;
- char_wb n-grams from the cached slices = scikit-learn's char_wb analyzer;
- the screen's punctuation regex splits words exactly as the translate table it replaced.
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhhinh.harm import toxicity as tox
from tinhhinh.harm.text import as_text
from tinhhinh.nlp.normalize import fold, strip_diacritics
from tinhhinh.nlp.textview import text_view

CLEAN = ["hôm nay trời đẹp quá", "cảm ơn bạn nhiều nha", "bài viết hay", "chúc mọi người vui vẻ", "đồng ý"]
OFFENSIVE = ["đm nói vl thật", "vcl luôn á", "đéo hiểu gì luôn", "nói cl gì vậy", "đm đi chơi không"]
HATE = ["lũ súc vật ngu như chó", "thằng óc chó cút đi", "bọn mày ngu như bò", "đồ súc sinh", "lũ ngu đần"]
WORDS = sorted({w for t in CLEAN + OFFENSIVE + HATE for w in t.split()}) + [
    "a@b",
    "x_y",
    "123",
    "a.b.c",
    "ấ",
    "l",
    "nguuuu",
    "chóóó",
    "đmmm",
    "hà-nội",
    "ngày",
    "quá",
    "người ta",
    "",
]


def _bits_equal(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and np.array_equal(a, b) and bool((np.signbit(a) == np.signbit(b)).all())


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> tox.ToxicityModel:
    folder = tmp_path_factory.mktemp("tiny")
    for split, times in (("train", 6), ("dev", 2)):
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            n = 0
            for _ in range(times):
                for label, texts in enumerate((CLEAN, OFFENSIVE, HATE)):
                    for t in texts:
                        rec = {"id": f"{split}-{n}", "text": t, "label": label}
                        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        n += 1
    directory, _ = tox.train(folder, Path(tmp_path_factory.mktemp("m")) / "m")
    return tox.load_model(directory)


def test_screen_sums_equal_batch_path(model):
    rng = random.Random(7)
    for _ in range(300):
        new = sorted(set(rng.sample(WORDS, rng.randint(1, 12))))
        stripped = [strip_diacritics(w) for w in new]
        if rng.random() < 0.5:  # sometimes with the char n-gram cache cold
            for cache in model._word_cache:
                cache.clear()
        batch = model._screen_part(new, stripped)
        fast = model._screen_sums(new, stripped)
        assert _bits_equal(fast, batch), new
    assert np.any(batch != 0)  # the tiny model knows some of these words: the sums are not all zero


def test_char_wb_rows_cached_as_bytes_are_the_vocabulary_rows(model):
    """Each word's cached char_wb rows = its n-grams' vocabulary rows in n-gram order (filled in batches,
    a word met twice in one batch, the cache cleared between batches)."""
    rng = random.Random(9)
    for _ in range(100):
        words = [w for w in rng.sample(WORDS, rng.randint(1, 10)) if w and " " not in w]
        words += words[:2]
        for k, (_, analyzer, (lo, hi)) in enumerate(tox.VIEWS):
            if analyzer != "char_wb":
                continue
            if rng.random() < 0.3:
                model._word_cache[k].clear()
            model._char_wb_fill(k, words)
            vocab = model.vocabs[k]
            for w in words:
                padded = " " + w + " "
                grams = [padded[s] for s in tox._gram_slices(len(padded), lo, hi)]
                want = [vocab[g] for g in grams if g in vocab]
                assert np.frombuffer(model._word_cache[k][w], dtype=np.int64).tolist() == want, w
            rows, per_doc = model._char_wb_rows(k, [" ".join(words), words[0], ""])
            assert per_doc[2] == 0 and sum(per_doc) == len(rows)


def test_char_wb_cache_clears_keep_every_word_asked(model, monkeypatch):
    """When the cache forgets everything (past its bound) in the middle of a call, the words of that call
    that were cached before are computed again, not lost."""
    words = [w for w in WORDS if w and " " not in w]
    fresh = {}
    for k, (_, analyzer, _) in enumerate(tox.VIEWS):
        if analyzer == "char_wb":
            model._word_cache[k].clear()
            fresh[k] = model._char_wb_rows(k, words)
    monkeypatch.setattr(tox, "_CHAR_CACHE_WORDS", 3)
    rng = random.Random(17)
    for _ in range(50):
        docs = [" ".join(rng.sample(words, rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        for k in fresh:
            model._char_wb_rows(k, words[:5])  # past the bound: the next call with a new word clears it
            rows, per_doc = model._char_wb_rows(k, docs)
            want = [
                np.frombuffer(b"".join(model._word_cache[k][w] for w in d.split()), np.int64) for d in docs
            ]
            assert per_doc == [len(x) for x in want] and rows.tolist() == np.concatenate(want).tolist()
    for k, (rows, _) in fresh.items():
        model._word_cache[k].clear()
        assert model._char_wb_rows(k, words)[0].tolist() == rows.tolist()
    new = sorted(words)[:6]
    assert _bits_equal(
        model._screen_sums(new, [strip_diacritics(w) for w in new]),
        model._screen_part(new, [strip_diacritics(w) for w in new]),
    )


# ---------------------------------------------------------------- screen words from the text view

_SYLLABLES = [
    "Đảng",
    "chính",
    "phủ",
    "ngu",
    "như",
    "chó",
    "hôm",
    "nay",
    "trời",
    "đẹp",
    "quá",
    "ĐM",
    "vl",
    "ko",
]
_SYLLABLES += ["Hoà", "thuý", "khoẻ", "2024", "x_y", "a1", "ΑΣ", "İstanbul", "ﬁ", "e\u0301", "Ω"]
_GAPS = [
    " ",
    "  ",
    ", ",
    ". ",
    "! ",
    "? ",
    "\n",
    "...",
    " – ",
    " “",
    "” ",
    "(",
    ") ",
    "_",
    "€",
    "😀",
    "\u00a0",
]


@st.composite
def _texts(draw) -> str:
    n = draw(st.integers(0, 120))
    out = []
    for _ in range(n):
        out.append(draw(st.sampled_from(_SYLLABLES)))
        out.append(draw(st.sampled_from(_GAPS)))
    return "".join(out)


def _forget_screen(model: tox.ToxicityModel) -> None:
    """Clear the screen's word dict as ``_screen_rows`` does (rows handed out before become stale)."""
    model._screen_ids.clear()
    model._screen_epoch += 1


def _folded(ids: np.ndarray) -> list[str]:
    from tinhhinh.nlp.textview import WORDS

    return [WORDS.folded[i] for i in ids.tolist()]


def _old_screen_words(title, text, title_s, text_s, pieces):
    folded = tox._folded_pieces(title, text, title_s, text_s, pieces)
    words: list[str] = []
    bounds = [0]
    for piece in folded:
        words.extend(tox._PUNCT_RE.sub(" ", piece).split())
        bounds.append(len(words))
    return folded, words, bounds


@settings(max_examples=300, deadline=None)
@given(title=_texts(), text=_texts(), nfd=st.booleans())
def test_view_words_are_the_screen_words(model, title, text, nfd):
    if nfd:
        text = unicodedata.normalize("NFD", text)
    title_s, text_s = as_text(title)[: tox.MAX_CHARS], as_text(text)[: tox.MAX_CHARS]
    pieces = tox._pieces(title_s, text_s)
    seen = tox._view_words(title, text, title_s, text_s, pieces)
    folded, words, bounds = _old_screen_words(title, text, title_s, text_s, pieces)
    if seen is not None:
        assert (_folded(seen[0]), seen[1]) == (words, bounds)
        assert _bits_equal(model.screen_words(*seen), model.screen(folded))
        assert _bits_equal(model.screen_words(words, bounds), model.screen(folded))


def test_view_words_used_for_ordinary_news_and_not_for_odd_gaps():
    title = "Chính phủ họp bàn"
    text = "Hôm nay, trời đẹp quá! Mọi người “vui” – 2024... Không ai ngu như vậy?\nHết."
    pieces = tox._pieces(title, text)
    seen = tox._view_words(title, text, title, text, pieces)
    assert (
        seen is not None
        and (_folded(seen[0]), seen[1]) == _old_screen_words(title, text, title, text, pieces)[1:]
    )
    for odd in ("x_y", "€", "😀", "e\u0301"):
        t2 = text + " " + odd
        assert tox._view_words(title, t2, title, t2, tox._pieces(title, t2)) is None, odd
    view = text_view(title, text)
    assert view.folded_words is not None
    # chunks cut right before a word ("quá.Mọi"): each piece's words must still be its own
    glued = "Hôm nay trời đẹp quá.Mọi người vui vẻ!Không ai ngu như vậy?" * 12
    pieces = tox._pieces(title, glued)
    assert len(pieces) > 3
    seen = tox._view_words(title, glued, title, glued, pieces)
    assert seen is not None
    assert (_folded(seen[0]), seen[1]) == _old_screen_words(title, glued, title, glued, pieces)[1:]


def test_screen_rows_by_word_id_survive_table_clears(model, monkeypatch):
    # the text view's word table and the screen's word dict are both cleared now and then: rows looked
    # up by word id must never outlive either
    from tinhhinh.nlp import textview

    rng = random.Random(13)
    known = sorted({w for t in CLEAN + OFFENSIVE + HATE for w in t.split()})
    # glued pairs: new words whose char n-grams the model knows, so their sums differ from each other
    vocab = known + [a + b for a in known[:12] for b in known[12:24]]
    _forget_screen(model)
    for i in range(240):
        if i == 40:  # the view's word table forgets often
            monkeypatch.setattr(textview.WORDS, "limit", 40)
        elif i == 80:  # the screen's word dict forgets often
            monkeypatch.setattr(textview.WORDS, "limit", 200_000)
            monkeypatch.setattr(tox, "_SCREEN_WORDS", 100)
        elif i == 200:  # both
            monkeypatch.setattr(textview.WORDS, "limit", 50)
        text = ". ".join(" ".join(rng.choices(vocab, k=rng.randint(3, 12))) for _ in range(rng.randint(3, 8)))
        pieces = tox._pieces("", text)
        seen = tox._view_words("", text, "", text, pieces)
        assert seen is not None
        expect = model.screen(tox._folded_pieces("", text, "", text, pieces))
        assert _bits_equal(model.screen_words(*seen), expect)
        if i % 3 == 0:  # other texts through the word dict alone (it may forget everything there)
            model.screen([f"khác{i} khác{i + 1} " + " ".join(rng.choices(vocab, k=20))])


def test_screen_rows_when_the_word_dict_forgets_during_a_lookup(model, monkeypatch):
    known = sorted({w for t in CLEAN + OFFENSIVE + HATE for w in t.split()})
    first = ". ".join(" ".join(known[i : i + 5]) for i in range(0, 20, 5))
    _forget_screen(model)
    pieces = tox._pieces("", first)
    model.screen_words(*tox._view_words("", first, "", first, pieces))  # rows of these word ids are kept
    monkeypatch.setattr(tox, "_SCREEN_WORDS", len(model._screen_ids))
    second = first + " " + known[25] + known[26] + ". " + first  # known ids and one new word: forgets all
    pieces = tox._pieces("", second)
    epoch = model._screen_epoch
    got = model.screen_words(*tox._view_words("", second, "", second, pieces))
    assert model._screen_epoch > epoch
    assert _bits_equal(got, model.screen(tox._folded_pieces("", second, "", second, pieces)))


# ---------------------------------------------------------------- decisions


def _decisions_per_view(model: tox.ToxicityModel, texts: list[str]) -> np.ndarray:
    """The previous ``decisions``: one numpy pass per view."""
    prepared = [tox.prepare(t) for t in texts]
    n = len(prepared)
    out = np.tile(model.b.astype(np.float64), (n, 1))
    width = np.int64(len(model.idf))
    for k, (copy, analyzer, _) in enumerate(tox.VIEWS):
        docs = [f if copy == "f" else s for f, s in prepared]
        rows, per_doc = (model._char_wb_rows if analyzer == "char_wb" else model._word_rows)(k, docs)
        if rows.size == 0:
            continue
        owner = np.repeat(np.arange(n, dtype=np.int64), per_doc)
        keys, counts = np.unique(owner * width + rows, return_counts=True)
        doc = keys // width
        ids = keys - doc * width
        v = (1.0 + np.log(counts)) * model.idf[ids]
        v /= np.sqrt(np.bincount(doc, weights=v * v, minlength=n))[doc]
        contrib = v[:, None] * model.W[ids]
        for c in range(out.shape[1]):
            out[:, c] += np.bincount(doc, weights=contrib[:, c], minlength=n)
    return out


def test_decisions_equal_per_view_passes(model):
    rng = random.Random(11)
    pool = (
        CLEAN + OFFENSIVE + HATE + ["", "...", "Chính phủ ngu như chó", "x_y €", "ĐM VL!!! quáaaa", "ko bít"]
    )
    for _ in range(200):
        texts = [" ".join(rng.sample(pool, rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        assert _bits_equal(model.decisions(texts), _decisions_per_view(model, texts)), texts
    assert model.decisions([]).shape == (0, 3)


_NGRAM_POOL = (
    CLEAN + OFFENSIVE + HATE + ["", "...", "x_y €", "ĐM VL!!! quáaaa", "ko bít", "ngu ngu ngu như chó"]
)


def _word_rows_by_string(model: tox.ToxicityModel, prepared: list[tuple[str, str]]) -> list[tuple[int, int]]:
    out = []
    for k in tox._WORD_VIEWS:
        column = 0 if tox.VIEWS[k][0] == "f" else 1
        rows, per_doc = model._word_rows(k, [p[column] for p in prepared])
        group = np.repeat(np.arange(len(prepared)) * len(tox.VIEWS) + k, per_doc)
        out += zip(group.tolist(), rows.tolist(), strict=True)
    return sorted(out)


def test_word_ngram_index_finds_the_rows_of_the_string_lookups(model):
    index = model._ngram_index()
    assert index is not None
    rng = random.Random(13)
    bigrams = trigrams = 0
    for _ in range(300):
        # phrases cut at random words into texts: the n-grams across a cut belong to no text
        words = " ".join(rng.sample(_NGRAM_POOL, rng.randint(1, 4))).split(" ")
        cuts = sorted(rng.sample(range(1, len(words)), min(len(words) - 1, rng.randint(0, 3))))
        texts = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        prepared = [tox.prepare(t) for t in texts]
        rows, group = model._word_view_rows(prepared, index)
        expected = _word_rows_by_string(model, prepared)
        assert sorted(zip(group.tolist(), rows.tolist(), strict=True)) == expected, texts
        terms = {r: t for v in model.vocabs for t, r in v.items()}
        bigrams += sum(terms[r].count(" ") == 1 for _, r in expected)
        trigrams += sum(terms[r].count(" ") == 2 for _, r in expected)
    assert bigrams and trigrams  # the cases exercise both levels


def test_a_vocabulary_without_an_ngram_head_reads_strings(model):
    vocabs = [dict(v) for v in model.vocabs]
    k = tox._WORD_VIEWS[0]
    head = next(t.rpartition(" ")[0] for t in vocabs[k] if t.count(" ") == 1)
    del vocabs[k][head]  # its bigrams cannot be keyed by its row any more
    clone = tox.ToxicityModel(vocabs, model.idf, model.W, model.b, model.temperature, model.card)
    assert clone._ngram_index() is None
    rng = random.Random(17)
    for _ in range(50):
        texts = [" ".join(rng.sample(_NGRAM_POOL, rng.randint(1, 4))) for _ in range(rng.randint(1, 3))]
        assert _bits_equal(clone.decisions(texts), _decisions_per_view(clone, texts)), texts


# letters that stripping turns into a letter and a non-word mark (Tamil, Myanmar, Balinese)
_SPLIT_BY_STRIPPING = ["ஔ", "ဦ", "ᬆ", "ᬒ"]


@settings(max_examples=300, deadline=None)
@given(text=_texts(), extra=st.lists(st.sampled_from(_SPLIT_BY_STRIPPING + ["lũ", "nước", "nhà nước"])))
def test_word_tokens_of_prepared_copies_equal_the_word_regex(text, extra):
    for reading in (1, 3):
        folded, stripped = tox.prepare(" ".join([text, *extra]), reading)
        assert tox._word_tokens(folded, False) == tox._WORD_TOKEN_RE.findall(folded)
        assert tox._word_tokens(stripped, True) == tox._WORD_TOKEN_RE.findall(stripped)


def test_word_tokens_of_copies_without_marks_need_ascii():
    for letter in _SPLIT_BY_STRIPPING:
        _, stripped = tox.prepare(f"{letter} ngu")
        tokens = tox._WORD_TOKEN_RE.findall(stripped)
        assert list(filter(str.isalnum, stripped.split(" "))) != tokens  # why the ASCII test is there
        assert tox._word_tokens(stripped, True) == tokens


def test_prepare_regexes_equal_their_plain_forms():
    import re

    institutions = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, tox._INSTITUTION_WORDS)) + r")(?!\w)")
    repeats = re.compile(r"(\w)\1{2,}")
    rng = random.Random(29)
    pool = [*tox._INSTITUTION_WORDS, *_SYLLABLES, "aaa", "ooooo", "xx", "đđđ", "§", "1111", "__"]
    for _ in range(3000):
        text = "".join(rng.choice(pool) + rng.choice(_GAPS + [""]) for _ in range(rng.randint(0, 12)))
        text = tox.safe_fold(text)
        assert tox._INSTITUTION_RE.sub("§", text) == institutions.sub("§", text), text
        assert tox._REPEAT_RE.sub(r"\1", text) == repeats.sub(r"\1", text), text


@settings(max_examples=300, deadline=None)
@given(text=_texts(), nfd=st.booleans())
def test_prepare_strips_token_by_token_as_the_whole_text(text, nfd):
    if nfd:
        text = unicodedata.normalize("NFD", text)
    folded, stripped = tox.prepare(text)
    assert stripped == strip_diacritics(folded)


def test_char_wb_grams_equal_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False).build_analyzer()
    rng = random.Random(5)
    for _ in range(300):
        word = "".join(rng.choice("abcđươ§1") for _ in range(rng.randint(1, 9)))
        w = " " + word + " "
        assert [w[s] for s in tox._gram_slices(len(w), 2, 5)] == analyzer(word), word


def test_punctuation_regex_equals_translate_table():
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + list("“”‘’–—…«»·•‹›„″′©®°±×÷§¶đươạảấầẩẫậ\u00a0\t\n")
    for _ in range(500):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert tox._PUNCT_RE.sub(" ", s) == s.translate(tox._PUNCT_TO_SPACE)


def test_folded_pieces_fold_each_piece_when_not_nfc():
    text = unicodedata.normalize("NFD", "Hôm nay trời đẹp. " * 20)
    pieces = tox._pieces("", text)
    assert tox._folded_pieces("", text, "", text, pieces) == [fold(p[3]) for p in pieces]
