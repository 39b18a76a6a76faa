"""The toxicity screen's per-word short cut gives exactly the numbers of the numpy batch path.

``ToxicityModel._screen_part_few`` (a few new words, summed in Python) must equal ``_screen_part`` (one
numpy pass per view) to the last bit: the screen's estimates decide which pieces the model reads and
are the score of the pieces it does not read. And the screen's punctuation regex must split words
exactly as the translate table it replaced.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from tinhhinh.harm import toxicity as tox
from tinhhinh.nlp.normalize import fold, strip_diacritics

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
]


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


def test_few_words_path_equals_batch_path(model):
    rng = random.Random(7)
    for _ in range(300):
        new = sorted(set(rng.sample(WORDS, rng.randint(1, 12))))
        stripped = [strip_diacritics(w) for w in new]
        if rng.random() < 0.5:  # sometimes with the char n-gram cache cold
            for cache in model._word_cache:
                cache.clear()
        batch = model._screen_part(new, stripped)
        few = model._screen_part_few(new, stripped)
        assert few.shape == batch.shape and np.array_equal(few, batch), new
    assert np.any(batch != 0)  # the tiny model knows some of these words: the sums are not all zero


def test_screen_same_with_either_path(model, monkeypatch):
    docs = [fold(t) for t in CLEAN + OFFENSIVE + HATE] + ["đm, nói vl... thật!! “ngu” — lũ súc vật"]
    monkeypatch.setattr(tox, "_FEW_NEW_WORDS", 0)  # batch path only
    model._screen_ids.clear()
    batch = model.screen(docs)
    monkeypatch.setattr(tox, "_FEW_NEW_WORDS", 10_000)  # per-word path only
    model._screen_ids.clear()
    few = model.screen(docs)
    assert np.array_equal(batch, few)


def test_punctuation_regex_equals_translate_table():
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + list("“”‘’–—…«»·•‹›„″′©®°±×÷§¶đươạảấầẩẫậ\u00a0\t\n")
    for _ in range(500):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert tox._PUNCT_RE.sub(" ", s) == s.translate(tox._PUNCT_TO_SPACE)
