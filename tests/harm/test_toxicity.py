from __future__ import annotations

import gzip
import itertools
import json
import pickle
import shutil
import unicodedata
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tinhhinh.harm import toxicity as tox
from tinhhinh.harm.commands import register
from tinhhinh.item import Item

HELDOUT = Path(__file__).parent / "data" / "toxicity_heldout_ids.txt"
# macro-F1 measured on the held-out ids when the model was built (docs/harm.md); the floor is 1 point below
ACHIEVED_MACRO_F1 = 0.6491  # hard news negatives (27 Nov 2026; 0.6500 before, 0.6499 with the flood sense)
FLOOR = ACHIEVED_MACRO_F1 - 0.01


# ---------------------------------------------------------------- a tiny synthetic set (no ViHSD needed)


def _write_tiny(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    clean = [
        "hôm nay trời đẹp quá",
        "cảm ơn bạn nhiều nha",
        "bài viết hay",
        "chúc mọi người vui vẻ",
        "đồng ý với bạn",
    ]
    offensive = ["đm nói vl thật", "vcl luôn á", "đéo hiểu gì luôn", "nói cl gì vậy", "đm đi chơi không"]
    hate = [
        "lũ súc vật ngu như chó",
        "thằng óc chó cút đi",
        "bọn mày ngu như bò",
        "đồ súc sinh",
        "lũ ngu đần",
    ]
    for split, times in (("train", 6), ("dev", 2)):
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            n = 0
            for _ in range(times):
                for label, texts in enumerate((clean, offensive, hate)):
                    for t in texts:
                        fh.write(
                            json.dumps({"id": f"{split}-{n}", "text": t, "label": label}, ensure_ascii=False)
                            + "\n"
                        )
                        n += 1
            fh.write(json.dumps({"id": f"{split}-err", "text": "#ERROR!", "label": 2}) + "\n")
    return folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    folder = _write_tiny(tmp_path_factory.mktemp("tiny"))
    directory, card = tox.train(folder, tmp_path_factory.mktemp("tinymodel") / "m")
    assert card["data"]["n_train"] == 90  # the #ERROR! row was dropped
    return directory


def test_error_rows_are_dropped(tmp_path):
    folder = _write_tiny(tmp_path / "d")
    rows = tox.read_labelled(folder / "train.jsonl")
    assert all(text != "#ERROR!" for _, text, _ in rows)


def test_labels_from_names_or_numbers(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "a", "text": "x", "label": 0},
                {"id": "b", "text": "x", "label": "HATE"},
                {"id": "c", "text": "x", "label_name": "Offensive"},
                {"id": "d", "text": "x", "label": "2"},
                {"id": "e", "text": "x", "label": "weird"},
            ]
        ),
        encoding="utf-8",
    )
    assert [r[2] for r in tox.read_labelled(path)] == [0, 2, 1, 2]


def _as_vihsd_csv(jsonl: Path, csv_path: Path) -> Path:
    """The same comments the way ViHSD's authors ship them: CSV with free_text and label_id."""
    import csv

    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["", "free_text", "label_id"])
        for n, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines()):
            rec = json.loads(line)
            out.writerow([n, rec["text"], rec["label"]])
    return csv_path


def test_vihsd_csv_and_gzip_read_as_the_jsonl(tmp_path):
    import gzip

    jsonl = _write_tiny(tmp_path / "d") / "dev.jsonl"
    want = [(text, label) for _, text, label in tox.read_labelled(jsonl)]
    csv_path = _as_vihsd_csv(jsonl, tmp_path / "dev.csv")
    assert [(text, label) for _, text, label in tox.read_labelled(csv_path)] == want
    packed = tmp_path / "dev.jsonl.gz"
    packed.write_bytes(gzip.compress(jsonl.read_bytes()))
    assert [(text, label) for _, text, label in tox.read_labelled(packed)] == want
    broken = tmp_path / "broken.jsonl"
    broken.write_text(jsonl.read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.jsonl:32: not valid JSON"):
        tox.read_labelled(broken)


def test_prepare_handles_teencode_nfd_and_repeats():
    f1, s1 = tox.prepare("Không biết đâu")
    f2, s2 = tox.prepare(unicodedata.normalize("NFD", "ko bít đâuuuuu"))
    assert f2 == "không biết đâu" and s2 == "khong biet dau"
    assert f1 == f2 and s1 == s2


def test_stage_without_model_is_silent_but_says_why_once():
    stage = tox.ToxicityStage()
    item = stage(Item(kind="comment", text="đm"))
    assert item.toxicity is None and item.toxicity_score is None and item.harm == []
    reason = stage.warning()
    assert reason and "tinhhinh train toxicity" in reason
    assert stage.warning() is None  # once


def test_tiny_model_round_trip(tiny_model):
    stage = tox.ToxicityStage(model_dir=tiny_model, threshold=0.0)
    item = stage(Item(kind="comment", text="lũ súc vật ngu như chó"))
    assert item.toxicity in tox.LABELS and 0.0 <= item.toxicity_score <= 1.0
    assert item.model_version["toxicity"].startswith("toxicity-vihsd-")
    clean = stage(Item(kind="comment", text="cảm ơn bạn nhiều nha"))
    assert clean.toxicity == "clean" and clean.harm == []
    toxic = [h for h in item.harm if h["type"] == "toxic"]
    if item.toxicity != "clean":
        assert toxic and toxic[0]["status"] == "unconfirmed"
        e = toxic[0]["evidence"][0]
        assert item.text[e["span"][0] : e["span"][1]] == e["text"]
    # idempotent
    assert len([h for h in stage(item).harm if h["type"] == "toxic"]) == len(toxic)


def test_stack_recipe_trains_one_linear_model_with_its_own_screen_bar(tmp_path):
    folder = _write_tiny(tmp_path / "tiny")
    directory, card = tox.train(folder, tmp_path / "stack", recipe="stack")
    assert card["recipe"] == "stack" and card["format"] == tox.FORMAT
    assert card["screen_bar"] == card["screen"]["bar"] and 0.1 <= card["screen_bar"] <= 0.5
    model = tox.load_model(directory)
    assert model.screen_bar == card["screen_bar"]
    assert model.predict("lũ súc vật ngu như chó")[0] != "clean"
    assert model.predict("cảm ơn bạn nhiều nha")[0] == "clean"
    with pytest.raises(ValueError, match="unknown toxicity recipe"):
        tox.train(folder, tmp_path / "x", recipe="forest")


def test_folded_stack_equals_the_second_stage_over_the_bases():
    import numpy as np
    import scipy.sparse as sp

    rng = np.random.default_rng(0)
    X = sp.random(300, 40, density=0.2, random_state=1, format="csr")
    y = rng.integers(0, 3, 300)
    Wb, bb = rng.normal(size=(40, 8)), rng.normal(size=8)
    Z = np.asarray(X @ Wb) + bb
    stage = tox._second_stage(Z, y)
    W, b = tox._fold_stack(Wb, bb, stage)
    assert np.allclose(np.asarray(X @ W) + b, stage.decision_function(Z), atol=1e-9)


def test_screen_bar_comes_from_the_card_and_defaults_for_older_models(tiny_model, tmp_path, monkeypatch):
    old = tmp_path / "old"
    shutil.copytree(tiny_model, old)
    card = json.loads((old / "card.json").read_text(encoding="utf-8"))
    card.pop("screen_bar", None)
    (old / "card.json").write_text(json.dumps(card), encoding="utf-8")
    assert tox.ToxicityModel.load(old).screen_bar == tox.SCREEN_BAR
    model = tox.load_model(tiny_model)
    text = _article(*HATEFUL)
    seen: list[int] = []
    decisions = model.decisions

    def counting(texts):
        seen.append(len(texts))
        return decisions(texts)

    monkeypatch.setattr(model, "decisions", counting)
    monkeypatch.setattr(model, "screen_bar", 1.01)  # nothing reaches the bar: the model reads nothing
    tox.assess(model, TITLE, text)
    assert seen == []
    monkeypatch.setattr(model, "screen_bar", 0.0)  # everything does: the model reads the top pieces
    assert tox.assess(model, TITLE, text).label != "clean" and seen


def test_stage_uses_model_in_home_by_default(tiny_model, _isolated_home):
    shutil.copytree(tiny_model, _isolated_home / "models" / tox.MODEL_NAME)
    tox._MODELS.clear()
    stage = tox.ToxicityStage()
    assert stage.version != "absent" and stage.warning() is None
    assert stage(Item(kind="comment", text="đồ súc sinh")).toxicity is not None


def test_stage_is_picklable(tiny_model):
    stage = pickle.loads(pickle.dumps(tox.ToxicityStage(model_dir=tiny_model)))
    assert stage(Item(text="chào bạn")).toxicity is not None


@pytest.mark.parametrize(
    "title,text",
    [
        (None, None),
        ("", ""),
        (b"\xff\xfe\x00", b"\x00\x01\xc3\x28"),
        ("", "\u0301\u0301 ◐.̃◐ \x00\x07"),
        ("", "đm " * 200_000),
        (7, 3.5),
    ],
)
def test_bad_input_never_raises(tiny_model, title, text):
    item = Item(kind="comment")
    item.title, item.text = title, text  # type: ignore[assignment]
    out = tox.ToxicityStage(model_dir=tiny_model)(item)
    assert out.toxicity in tox.LABELS and isinstance(out.harm, list)


def test_long_text_needs_two_toxic_chunks(tiny_model):
    model = tox.load_model(tiny_model)
    calm = "Hôm nay trời đẹp, mọi người đi chơi công viên rất vui vẻ. " * 40
    one = calm + " Lũ súc vật ngu như chó. " + calm
    res = tox.assess(model, TITLE, one)
    assert res.label == "clean"


CALM = "Hôm nay trời đẹp, mọi người đi chơi công viên rất vui vẻ. "
# (the tiny model knows a dozen sentences: each insult fills most of a chunk so that it can tell)
HATEFUL = ("Lũ súc vật ngu như chó. " * 7, "Bọn mày ngu như bò, đồ súc sinh. " * 5)
TITLE = "Hôm nay trời đẹp"


def _article(*inserts: str) -> str:
    parts = [CALM * 12]
    for sentence in inserts:
        parts += [sentence, CALM * 12]
    return "".join(parts)


def _read_everything(monkeypatch) -> None:
    monkeypatch.setattr(tox, "SCREEN_ABOVE", 10**9)


def test_hateful_sentence_inside_a_long_article_is_found(tiny_model):
    model = tox.load_model(tiny_model)
    text = _article(HATEFUL[0])
    assert len(text) > 1000  # many chunks: the screen decides what the model reads
    res = tox.assess(model, TITLE, text)
    assert "súc vật" in res.text and text[res.span[0] : res.span[1]] == res.text  # found, right span
    assert res.label == "clean"  # one sentence does not tag a whole article (second-worst rule)
    two = _article(*HATEFUL)
    res = tox.assess(model, TITLE, two)
    assert res.label != "clean" and ("súc vật" in res.text or "súc sinh" in res.text)


def test_screen_gives_the_same_result_as_reading_every_chunk(tiny_model, monkeypatch):
    model = tox.load_model(tiny_model)
    texts = [
        _article(),
        _article(HATEFUL[0]),
        _article(*HATEFUL),
        _article(HATEFUL[1], HATEFUL[0], HATEFUL[1]),
    ]
    screened = [tox.assess(model, TITLE, t) for t in texts]
    _read_everything(monkeypatch)
    full = [tox.assess(model, TITLE, t) for t in texts]
    for a, b in zip(screened[1:], full[1:], strict=True):
        assert (a.label, a.span) == (b.label, b.span)
    # toxic pieces are read by the model itself: same score
    assert screened[2].score == full[2].score and screened[3].score == full[3].score
    # a calm article keeps the screen's estimate, which stays far below the flag threshold
    assert screened[0].label == full[0].label == "clean" and screened[0].score < tox.HARM_THRESHOLD


def test_screen_estimates_track_the_model(tiny_model):
    model = tox.load_model(tiny_model)
    docs = [CALM, HATEFUL[0], HATEFUL[1], "cảm ơn bạn nhiều nha", "đm nói vl thật"]
    exact = model.probabilities_of(model.decisions(docs))
    estimate = model.probabilities_of(model.screen([tox.prepare(d)[0] for d in docs]))
    assert list(exact.argsort()) == list(estimate.argsort())
    assert model.screen([]).shape == (0, 3) and model.screen([""]).shape == (1, 3)


def test_eval_command_prints_lower_case_labels(tiny_model, tmp_path):
    train_app, eval_app = typer.Typer(), typer.Typer()
    register(train_app, eval_app)
    root = typer.Typer()
    root.add_typer(train_app, name="train")
    root.add_typer(eval_app, name="eval")
    data = _write_tiny(tmp_path / "d") / "dev.jsonl"
    res = CliRunner().invoke(
        root, ["eval", "toxicity", "--data", str(data), "--model", str(tiny_model), "--json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out["per_class"]) == {"clean", "offensive", "hate"}
    assert 0 <= out["macro_f1"] <= 1 and out["n"] == 30
    res = CliRunner().invoke(root, ["eval", "toxicity", "--data", str(data), "--model", str(tiny_model)])
    assert "macro-F1" in res.stdout and "offensive" in res.stdout
    # ViHSD as its authors ship it (CSV: free_text, label_id), compressed: the same scores
    packed = tmp_path / "dev.csv.gz"
    packed.write_bytes(gzip.compress(_as_vihsd_csv(data, tmp_path / "dev.csv").read_bytes()))
    res = CliRunner().invoke(
        root, ["eval", "toxicity", "--data", str(packed), "--model", str(tiny_model), "--json"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == out


def test_rows_without_text_and_unknown_labels_are_counted(tmp_path):
    path = tmp_path / "ev.csv"
    path.write_text(
        'free_text,label_id\n"đồ ngu như chó",2\n#ERROR!,0\n"bài hay quá",0\n"dm thg oc cho",1\n,0\n"abc",7\n'
        '"xyz",\n',
        encoding="utf-8",
    )
    notes = tox.ReadNotes()
    rows = tox.read_labelled(path, notes)
    assert [r[1] for r in rows] == ["đồ ngu như chó", "bài hay quá", "dm thg oc cho"]
    assert (notes.no_text, notes.spreadsheet_errors, notes.unknown_labels) == (
        1,
        1,
        {"'7'": 1, "no label": 1},
    )
    lines = notes.lines()
    assert len(lines) == 3
    assert "1 row(s) without text" in lines[0] and "ev.csv:6" in lines[0]
    assert "'7' ×1" in lines[1] and "no label ×1" in lines[1]


def test_eval_of_a_file_without_text_is_one_error_and_skips_are_said(tiny_model, tmp_path, cli_process):
    """A mis-named text column used to be scored as empty strings (accuracy 0.845, exit 0)."""
    wrong = tmp_path / "wrongfield.jsonl"
    wrong.write_text(
        "".join(json.dumps({"id": f"t-{i}", "comment": "đồ ngu", "label": i % 3}) + "\n" for i in range(20)),
        encoding="utf-8",
    )
    res = cli_process(
        ["eval", "toxicity", "--data", str(wrong), "--model", str(tiny_model)], tmp_path, tmp_path
    )
    assert res.returncode == 1 and res.stdout == ""
    assert "no usable rows" in res.stderr and "20 row(s) without text" in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) <= 3
    mixed = tmp_path / "ev.csv"
    mixed.write_text(
        'free_text,label_id\n"đồ ngu như chó",2\n"bài hay quá",0\n,0\n"abc",7\n', encoding="utf-8"
    )
    res = cli_process(
        ["eval", "toxicity", "--data", str(mixed), "--model", str(tiny_model)], tmp_path, tmp_path
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split()[:2] == ["records", "2"]
    assert "1 row(s) without text" in res.stderr and "'7' ×1" in res.stderr


def test_eval_ids_select_rows_of_a_csv_without_an_id_column(tiny_model, tmp_path, cli_process):
    """ViHSD's JSONL ids are `<split>-<row index in the authors' CSV>`: --ids works on that CSV too."""
    jsonl = _write_tiny(tmp_path / "d") / "dev.jsonl"
    recs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    # the authors' CSV: every comment at its row; the JSONL's ids are those row numbers (with gaps)
    shared = tmp_path / "shared" / "dev.jsonl"
    shared.parent.mkdir()
    shared.write_text(
        "".join(
            json.dumps({**r, "id": f"dev-{2 * n:05d}"}, ensure_ascii=False) + "\n" for n, r in enumerate(recs)
        ),
        encoding="utf-8",
    )
    authors = tmp_path / "dev.csv"
    with authors.open("w", encoding="utf-8", newline="") as fh:
        import csv

        out = csv.writer(fh)
        out.writerow(["free_text", "label_id"])
        for r in recs:
            out.writerow([r["text"], r["label"]])
            out.writerow(["bài này không nằm trong bản chia sẻ", 0])  # a row the shared copy held out
    ids = tmp_path / "ids.txt"
    ids.write_text("".join(f"dev-{2 * n:05d}\n" for n in range(0, len(recs), 2)), encoding="utf-8")
    scores = []
    for data in (shared, authors):
        res = cli_process(
            [
                "eval",
                "toxicity",
                "--data",
                str(data),
                "--ids",
                str(ids),
                "--model",
                str(tiny_model),
                "--json",
            ],
            tmp_path,
            tmp_path,
        )
        assert res.returncode == 0, res.stderr
        scores.append(json.loads(res.stdout))
    # the #ERROR! row is skipped in both
    assert scores[0] == scores[1] and scores[0]["n"] == sum(
        recs[n]["text"] != "#ERROR!" for n in range(0, len(recs), 2)
    )
    # ids that name no row: one clear line saying how the rows are numbered
    other = tmp_path / "other.txt"
    other.write_text("x-1\nx-2\n", encoding="utf-8")
    res = cli_process(
        ["eval", "toxicity", "--data", str(authors), "--ids", str(other), "--model", str(tiny_model)],
        tmp_path,
        tmp_path,
    )
    assert res.returncode == 1
    assert "none of the 2 ids" in res.stderr and "no id column" in res.stderr and "dev-00000" in res.stderr


def test_training_adds_the_news_the_first_fit_reads_as_toxic(tmp_path):
    # "chó" is an insult in the comments ("thằng óc chó") and a dog in the news: random news chunks may
    # never show the model the dog, the mined ones do
    folder = _write_tiny(tmp_path / "d")
    neutral = ["Hội nghị tổng kết công tác năm", "Giá xăng giảm nhẹ từ chiều nay", "Trường học khai giảng năm học mới",
               "Người dân phấn khởi đón Tết", "Bệnh viện tỉnh khánh thành khu khám mới", "Đội tuyển giành chiến thắng",
               "Mưa lớn kéo dài ở miền núi", "Thành phố trồng thêm cây xanh", "Nông dân thu hoạch lúa sớm",
               "Xe buýt mở tuyến mới", "Đàn bò của hộ dân được tiêm phòng"]  # fmt: skip
    news = tmp_path / "news.jsonl"
    with news.open("w", encoding="utf-8") as fh:
        for i, title in enumerate([*neutral, "Trạm thú y tiêm phòng dại cho chó"]):
            fh.write(json.dumps({"id": f"n{i}", "title": title, "text": ""}, ensure_ascii=False) + "\n")
    chunks = tox.read_news_chunks(news, 100)
    assert "Trạm thú y tiêm phòng dại cho chó" in chunks[6:]  # not among the 6 random ones below
    models = {}
    for hard in (0, 1):
        directory, card = tox.train(folder, tmp_path / f"m{hard}", news=news, news_samples=6, hard_news=hard)
        assert (card["data"]["n_news_chunks"], card["data"]["n_hard_news_chunks"]) == (6, hard)
        models[hard] = tox.load_model(directory)
    assert models[0].predict("tiêm phòng cho chó")[0] == "hate"
    assert models[1].predict("tiêm phòng cho chó")[0] == "clean"
    assert models[1].predict("thằng óc chó cút đi")[0] == "hate"


def test_train_reads_vihsd_csv_folders(tmp_path, tiny_model):
    folder = _write_tiny(tmp_path / "jsonl")
    csv_folder = tmp_path / "csv"
    csv_folder.mkdir()
    for split in ("train", "dev"):
        _as_vihsd_csv(folder / f"{split}.jsonl", csv_folder / f"{split}.csv")
    directory, card = tox.train(csv_folder, tmp_path / "m")
    assert card["data"]["n_train"] == 90 and card["data"]["train"].endswith("train.csv")
    # the same comments give the same weights as the JSONL folder's model
    assert tox.load_model(directory).predict("thằng óc chó cút đi") == tox.load_model(tiny_model).predict(
        "thằng óc chó cút đi"
    )
    with pytest.raises(FileNotFoundError, match="train.csv and dev.csv"):
        tox.train(tmp_path / "empty", tmp_path / "m2")


# ---------------------------------------------------------------- the real model (ViHSD)


@pytest.fixture(scope="session")
def vihsd_model(tmp_path_factory) -> Path:
    from tinhhinh import config

    data = config.data_dir() / "vihsd"
    if not (data / "train.jsonl").exists():
        pytest.skip(f"ViHSD not found at {data} (set TINHHINH_DATA)")
    directory, _ = tox.train(data, tmp_path_factory.mktemp("vihsd-model") / tox.MODEL_NAME)
    return directory


def test_heldout_ids_are_test_split_and_disjoint_from_training():
    ids = [line.strip() for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) >= 1000 and len(set(ids)) == len(ids)
    assert all(i.startswith("test-") for i in ids)


@pytest.mark.data
def test_heldout_ids_not_in_training_files(data_dir):
    ids = {line.strip() for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()}
    seen = set()
    for split in ("train", "dev"):
        seen |= {r[0] for r in tox.read_labelled(data_dir / "vihsd" / f"{split}.jsonl")}
    assert not ids & seen
    test_ids = {r[0] for r in tox.read_labelled(data_dir / "vihsd" / "test.jsonl")}
    assert ids <= test_ids | {"test-err"}


@pytest.mark.data
def test_quality_floor_on_heldout(data_dir, vihsd_model):
    ids = {line.strip() for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows = [r for r in tox.read_labelled(data_dir / "vihsd" / "test.jsonl") if r[0] in ids]
    model = tox.load_model(vihsd_model)
    pred = [tox.LABELS.index(model.predict(text)[0]) for _, text, _ in rows]
    m = tox.metrics([r[2] for r in rows], pred)
    print(f"held-out macro-F1 {m['macro_f1']:.4f} (floor {FLOOR:.4f})")
    assert m["macro_f1"] >= FLOOR


@pytest.mark.data
def test_model_size_and_toxic_flag_rate_on_news(data_dir, vihsd_model):
    size = sum(p.stat().st_size for p in vihsd_model.iterdir())
    assert size <= 30 * 1024 * 1024
    stage = tox.ToxicityStage(model_dir=vihsd_model)
    with gzip.open(data_dir / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 5000)]
    flagged = [
        r["id"]
        for r in rows
        if any(
            h["type"] == "toxic" for h in stage(Item(kind="article", title=r["title"], text=r["text"])).harm
        )
    ]
    # the bound is 1 %; with hard news negatives 12 of these 5,000 (0.24 %), without them 31
    assert len(flagged) / len(rows) <= 0.004, flagged


@pytest.mark.data
def test_hateful_sentences_inside_real_articles_are_flagged(data_dir, vihsd_model, monkeypatch):
    model = tox.load_model(vihsd_model)
    with gzip.open(data_dir / "vntc" / "test.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 200)]
    rows = [r for r in rows if len(r["text"]) > 1500][:40]
    insults = ("Lũ súc vật ngu như chó, cút hết đi. ", "Bọn mày là đồ óc chó, ngu như bò. ")
    texts = []
    for r in rows:  # two insults, a third and two thirds into the article, at sentence starts
        t = r["text"]
        a = t.find(". ", len(t) // 3) + 2
        b = t.find(". ", 2 * len(t) // 3) + 2
        texts.append(t[:a] + insults[0] + t[a:b] + insults[1] + t[b:])
    screened = [tox.assess(model, r["title"], t) for r, t in zip(rows, texts, strict=True)]
    flagged = [x.label != "clean" and x.score >= tox.HARM_THRESHOLD for x in screened]
    _read_everything(monkeypatch)
    full = [tox.assess(model, r["title"], t) for r, t in zip(rows, texts, strict=True)]
    assert len(rows) >= 20
    assert [x.label for x in screened] == [x.label for x in full]
    assert sum(flagged) >= 0.9 * len(rows), sum(flagged)


# ---------------------------------------------------------------- no stance: naming the state is never a cue

NEUTRAL_MENTIONS = [
    "Đảng và Nhà nước quan tâm đến người dân",
    "Chính phủ ban hành nghị định mới về giáo dục",
    "Lãnh đạo tỉnh thăm hỏi bà con vùng lũ",
    "Thủ tướng phát biểu tại hội nghị",
    "cong an xa ho tro ba con",
]


def test_institution_names_are_masked():
    for text in NEUTRAL_MENTIONS:
        folded, stripped = tox.prepare(text)
        assert tox.PLACEHOLDER in folded and tox.PLACEHOLDER in stripped, folded
    assert tox.PLACEHOLDER not in tox.prepare("Tôi đang làm việc ở nhà")[0]


def test_which_institution_is_named_cannot_change_the_score(tiny_model):
    model = tox.load_model(tiny_model)
    a = model.decision("bọn chính phủ ngu như bò")
    for other in ("công an", "Đảng", "cán bộ", "quốc hội", "bộ trưởng"):
        assert (model.decision(f"bọn {other} ngu như bò") == a).all()


def test_prepare_reads_flood_lu_apart_from_the_insult():
    assert "lũlụt" in tox.prepare("Nước lũ dâng cao ở vùng lũ", 2)[0].split()
    assert "lulut" in tox.prepare("Mưa lũ kéo dài", 2)[1].split()
    assert "lũlụt" not in tox.prepare("Lũ súc vật, bọn mày là lũ ngu", 2)[0]
    # models trained before (card without "prepare") read text exactly as they were trained to
    assert tox.prepare("Nước lũ dâng cao")[0] == "nước lũ dâng cao"


def test_prepare_3_reads_flood_typed_without_marks():
    # the same flood token whether the user typed the marks or not
    for marked, bare in [("Nước lũ dâng cao", "nuoc lu dang cao"), ("Bà con vùng lũ", "ba con vung lu"),
                         ("Lũ quét ở miền núi", "lu quet o mien nui"), ("Mưa lũ kéo dài", "mua lu keo dai")]:  # fmt: skip
        assert "lũlụt" in tox.prepare(marked, 3)[0].split(), marked
        assert "lũlụt" in tox.prepare(bare, 3)[0].split() and "lulut" in tox.prepare(bare, 3)[1].split(), bare
        assert tox.prepare(bare, 2) == tox.prepare(bare, 1)  # models of reading 2 never saw this
    # the insults keep "lũ"/"lu", marked or not; so do the ambiguous neighbours left out on purpose
    for text in ("Lũ súc vật", "lu suc vat", "cả lũ chúng mày ngu", "khốn nạn lũ tham nhũng", "khon nan lu tham nhung",
                 "lu dang vien", "con lu nay", "lu lon"):  # fmt: skip
        assert "lũlụt" not in tox.prepare(text, 3)[0], text
    # reading 3 on marked text differs from reading 2 only where "nạn lũ" was taken for a flood
    assert tox.prepare("thoát nạn lũ lụt", 3) == tox.prepare("thoát nạn lũ lụt", 2)
    assert tox.prepare("khốn nạn lũ tham nhũng", 2) != tox.prepare("khốn nạn lũ tham nhũng", 3)


def test_old_cards_keep_reading_text_the_old_way(tiny_model):
    model = tox.ToxicityModel.load(tiny_model)
    assert model.card["prepare"] == tox.PREPARE and model.reading == tox.PREPARE
    old = tox.ToxicityModel(model.vocabs, model.idf, model.W, model.b, model.temperature,
                            {k: v for k, v in model.card.items() if k != "prepare"})  # fmt: skip
    assert old.reading == 1


# Flood news is everyday news for a provincial office: "lũ" (flood) must not read as the "lũ" of insults.
FLOOD_NEWS = [
    "Lãnh đạo tỉnh thăm hỏi bà con vùng lũ",
    "Nước lũ dâng cao, người dân sơ tán",
    "Mưa lũ gây thiệt hại nặng ở miền Trung",
    "Lũ quét ở huyện miền núi",
    "Cứu trợ bà con vùng lũ Quảng Trị",
    "nuoc lu dang cao, nguoi dan so tan",  # typed without marks, as many posts are
    "Mua lu gay thiet hai nang o mien Trung",
]


def _assert_clean(model, texts) -> None:
    for text in texts:
        label, score = model.predict(text)
        assert label == "clean" and score < tox.HARM_THRESHOLD, (text, label, score)


@pytest.mark.data
def test_flood_news_is_clean_and_insults_with_lu_are_not(vihsd_model):
    model = tox.load_model(vihsd_model)
    _assert_clean(model, FLOOD_NEWS)
    for text in ("Lũ súc vật", "bọn mày là lũ ngu"):
        assert model.predict(text)[0] == "hate", text


@pytest.mark.data
def test_neutral_mentions_of_the_state_are_clean(vihsd_model):
    model = tox.load_model(vihsd_model)
    _assert_clean(model, NEUTRAL_MENTIONS)
    # ...while the insult itself still counts, whoever it targets
    assert model.predict("bọn chính phủ ngu như chó")[0] != "clean"
    assert model.predict("bọn nhà báo ngu như chó")[0] != "clean"
