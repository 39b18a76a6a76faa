"""`tinhhinh analyze` as a process: JSONL in, JSONL out, one record per record, in order."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"

BODY = (
    "Nhiều tuyến phố Đà Nẵng ngập sâu sau trận mưa lớn kéo dài từ đêm qua đến sáng nay, giao thông ùn tắc "
    "nghiêm trọng. Chính quyền thành phố đã huy động lực lượng hỗ trợ người dân di chuyển."
)


def analyze(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [EXE, "analyze", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ},
        timeout=300,
    )


def lines(text: str) -> list[dict]:
    return [json.loads(x) for x in text.splitlines()]


RECORDS = [
    {
        "id": "a",
        "title": "Mưa lớn ở Đà Nẵng",
        "text": BODY,
        "published_at": "2026-03-02T10:00:00",
        "likes": 3,
    },
    {"title": "", "text": "   "},
    {
        "id": "b",
        "title": "Mưa lớn ở Đà Nẵng (tổng hợp)",
        "text": BODY,
        "published_at": "2026-03-01T10:00:00+07:00",
    },
    {"id": "c", "title": "Giá vàng hôm nay tăng mạnh, người dân đổ xô đi mua"},
    {"id": "d", "kind": "comment", "text": "bài viết hay quá"},
]


def test_one_record_out_per_record_in_in_order_with_fields_added(tmp_path):
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS) + "{not json\n"
    r = analyze(stdin=stdin)
    assert r.returncode == 0, r.stderr
    out = lines(r.stdout)
    assert len(out) == len(RECORDS) + 1
    assert [o.get("id") for o in out[:5]] == ["a", None, "b", "c", "d"]
    assert out[0]["likes"] == 3  # unknown fields pass through
    assert out[0]["published_at"] == "2026-03-02T10:00:00"  # input fields untouched
    assert "error" in out[1] and "error" in out[5]
    for o in (out[0], out[2], out[3], out[4]):
        assert o["harm"] == [] or isinstance(o["harm"], list)
        assert "error" not in o
        assert {"copies"} <= set(o["model_version"])
    assert out[3]["title"].startswith("Giá vàng")  # title-only records are valid and analysed
    # the copy published earlier is the original, whatever the input order
    assert out[2]["dup_of"] is None and out[0]["dup_of"] == "b"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_without_a_toxicity_model_it_says_why_once(workers):
    """The test's TINHHINH_HOME has no trained model: records get no toxicity, and stderr says so once."""
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)
    r = analyze("--workers", workers, stdin=stdin)
    assert r.returncode == 0, r.stderr
    assert all("toxicity" not in o for o in lines(r.stdout))
    assert r.stderr.count("tinhhinh train toxicity") == 1, r.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_no_author_field_leaves_analyze_whatever_it_is_called(workers):
    recs = [
        {"id": "a", "title": "Giá vàng tăng", "Author": "Lê Thị B", "author_name": "Lê Thị B", "likes": 2},
        {"id": "b", "text": BODY, "Tác giả": "Trần C", "byline": "Trần C", "author": "Trần C"},
    ]
    r = analyze("--workers", workers, stdin="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in recs))
    assert r.returncode == 0, r.stderr
    out = lines(r.stdout)
    assert [sorted(set(o) & {"Author", "author_name", "Tác giả", "byline", "author"}) for o in out] == [
        [],
        [],
    ]
    assert out[0]["likes"] == 2 and "Lê Thị B" not in r.stdout and "Trần C" not in r.stdout


@pytest.mark.parametrize("workers", ["1", "2"])
def test_no_person_field_or_contact_leaves_analyze(workers):
    person = "Nguyễn Văn A 0912345678 a@x.vn"
    recs = [
        {"id": "a", "title": "Giá vàng tăng", "full_name": person, "owner_id": person, "likes": 2},
        {"id": "b", "text": BODY, "Họ tên người đăng": person, "meta": {"commenter": person, "tag": "t"}},
        {"id": "c", "text": BODY, "note": "gọi 0912 345 678", "lang": "vi"},
    ]
    r = analyze("--workers", workers, stdin="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in recs))
    assert r.returncode == 0, r.stderr
    out = lines(r.stdout)
    assert "Nguyễn" not in r.stdout and "0912" not in r.stdout and "a@x.vn" not in r.stdout
    assert out[0]["likes"] == 2 and out[1]["meta"] == {"tag": "t"} and out[2]["lang"] == "vi"
    assert [o["id"] for o in out] == ["a", "b", "c"]


def test_workers_give_the_same_output(tmp_path):
    rng = random.Random(3)
    recs = [
        {
            "id": str(i),
            "title": f"Tin số {i}",
            "text": BODY if i % 7 == 0 else f"{BODY} Chi tiết {rng.random()}",
        }
        for i in range(300)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    one = analyze("--input", str(src), "--workers", "1")
    two = analyze("--input", str(src), "--workers", "2", "--output", str(tmp_path / "out.jsonl"))
    assert one.returncode == two.returncode == 0
    assert two.stdout == ""
    assert lines(one.stdout) == lines((tmp_path / "out.jsonl").read_text(encoding="utf-8"))


def test_stories_give_every_record_a_story(tmp_path):
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)
    out = lines(analyze("--stories", stdin=stdin).stdout)
    valid = [o for o in out if "error" not in o]
    assert all(o["story_id"] for o in valid)
    assert valid[0]["story_id"] == valid[1]["story_id"]  # the copy joins its original's story


def test_stories_from_workers_equal_one_process(tmp_path):
    # With --workers the story vectors are computed in the workers and only the decision runs in the
    # parent: the stories must be exactly those of one process.
    import gzip

    import tinhhinh

    corpus = Path(tinhhinh.__file__).parent / "data/demo/vntc_demo.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for _, line in zip(range(240), fh, strict=False)]
    recs += [{**r, "id": r["id"] + "-copy", "source": "copy.example"} for r in recs[:20]]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    one = analyze("--input", str(src), "--stories", "--workers", "1")
    two = analyze("--input", str(src), "--stories", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    a, b = lines(one.stdout), lines(two.stdout)
    assert [o["story_id"] for o in a] == [o["story_id"] for o in b]
    assert a == b
    sizes: dict[str, int] = {}
    for o in a:
        sizes[o["story_id"]] = sizes.get(o["story_id"], 0) + 1
    assert max(sizes.values()) > 1  # stories with several items exist, so the comparison means something


def test_gzip_csv_and_bom_input_give_the_jsonl_output(tmp_path):
    # ingest reads .gz and CSV; analyze read them as broken JSON lines ("line is not valid UTF-8")
    import csv
    import gzip

    good = [r for r in RECORDS if r.get("id")]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in good)
    plain = lines(analyze(stdin=text).stdout)
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    assert lines(analyze("--input", str(tmp_path / "a.jsonl.gz"), "--workers", "2").stdout) == plain
    with (tmp_path / "a.csv").open("w", encoding="utf-8", newline="") as fh:  # ";" as Excel writes it here
        writer = csv.DictWriter(fh, ["id", "kind", "title", "text", "published_at"], delimiter=";",
                                extrasaction="ignore")  # fmt: skip
        writer.writeheader()
        writer.writerows(good)
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # as Notepad saves it
    assert lines(analyze("--input", str(tmp_path / "bom.jsonl")).stdout) == plain
    from_csv = lines(analyze("--input", str(tmp_path / "a.csv")).stdout)
    assert [r["id"] for r in from_csv] == [r["id"] for r in good]
    assert [(r["area"], r["keywords"], r["dup_of"]) for r in from_csv] == [
        (r["area"], r["keywords"], r["dup_of"]) for r in plain
    ]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_input_line_gives_a_line_and_a_bad_date_only_a_warning(workers):
    # a blank line gave no output line (tools pairing input and output lines misaligned), and a record
    # with text and a published_at that is no date got only an error: no area, keywords or copies
    bad_date = {"id": "x", "title": "Giá vàng tăng", "text": BODY, "published_at": "2025-13-45"}
    rows = [json.dumps(r, ensure_ascii=False) for r in (RECORDS[0], bad_date, RECORDS[2])]
    stdin = rows[0] + "\n\n" + rows[1] + "\n   \r\n" + rows[2] + "\n"
    r = analyze("--workers", workers, stdin=stdin)
    assert r.returncode == 0, r.stderr
    out = lines(r.stdout)
    assert len(out) == 5
    assert out[1] == out[3] == {"error": "blank line (no record)", "harm": [], "model_version": {}}
    x = out[2]
    assert "error" not in x and x["area"] and "copies" in x["model_version"]
    assert x["published_at"] == "2025-13-45"  # passed through as given
    (warning,) = x["warnings"]
    assert warning.startswith("published_at '2025-13-45' is not a date") and "analysed as undated" in warning
    assert "warnings" not in out[0] and "warnings" not in out[4]


def test_a_utf16_jsonl_is_read_as_utf16(tmp_path):
    # Notepad's and Excel's "Unicode": 2 records gave 3 lines of "not valid UTF-8"/"not valid JSON" errors
    import gzip

    good = [r for r in RECORDS if r.get("id")]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in good)
    plain = analyze(stdin=text)
    assert plain.returncode == 0
    (tmp_path / "le.jsonl").write_bytes(text.encode("utf-16"))  # with its byte-order mark
    (tmp_path / "be.jsonl.gz").write_bytes(gzip.compress(("\ufeff" + text).encode("utf-16-be")))
    for name in ("le.jsonl", "be.jsonl.gz"):
        r = analyze("--input", str(tmp_path / name))
        assert r.returncode == 0, r.stderr
        assert r.stdout == plain.stdout
    r = analyze("--workers", "2", "--input", str(tmp_path / "le.jsonl"))
    assert r.stdout == plain.stdout


def test_unreadable_input_exits_1(tmp_path):
    r = analyze("--input", str(tmp_path / "missing.jsonl"))
    assert r.returncode == 1
    assert "missing.jsonl" in r.stderr and r.stdout == ""


@pytest.mark.slow
def test_memory_is_bounded_by_the_window(tmp_path):
    def peak(n: int) -> float:
        src = tmp_path / f"in{n}.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(
                    json.dumps(
                        {"id": str(i), "title": f"Tin {i}", "text": f"{BODY} {i} " * 20}, ensure_ascii=False
                    )
                    + "\n"
                )
        code = (
            "import resource, subprocess, sys; "
            f"subprocess.run([{EXE!r}, 'analyze', '--input', {str(src)!r}, '--output', '/dev/null', "
            "'--window', '500', '--quiet'], check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        return float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout.strip()
        )

    small, big = peak(2_000), peak(20_000)
    assert big < small * 1.3, (small, big)


TOPICS = [
    ("Lũ quét ở Lào Cai", "lũ quét mưa lớn sạt lở Bát Xát người mất tích đội cứu hộ tìm kiếm"),
    ("Cháy chợ Phùng Khoang", "cháy lớn chợ Phùng Khoang lính cứu hỏa tiểu thương thiệt hại hàng hóa"),
    ("Tăng giá xăng dầu", "giá xăng Petrolimex liên bộ Công Thương điều chỉnh quỹ bình ổn giá"),
    ("Dịch sốt xuất huyết", "sốt xuất huyết muỗi vằn Sở Y tế ca mắc phun hóa chất diệt muỗi"),
]


SECOND = [
    "Phóng viên ghi nhận tại hiện trường nhiều người dân đến xem từ sáng sớm.",
    "Chính quyền địa phương đã họp khẩn và giao các sở ngành báo cáo trong tuần.",
]


def two_sorted_dumps() -> tuple[list[dict], list[dict]]:
    """Paper A's dump sorted by time (one topic every 40 days, two reports each), then paper B's dump of
    exact copies of A's first report of each topic, sorted by time too: read one after the other, every
    copy arrives after its original's story has been idle for more than 30 days of event time."""
    dump_a, dump_b = [], []
    for t, (title, words) in enumerate(TOPICS):
        for k in range(2):
            rec = {
                "id": f"A{t}-{k}",
                "source": "baoA.vn",
                "title": f"{title} (bài {k + 1})",
                "text": f"{words}. {SECOND[k]} {words} {title.lower()}.",
                "published_at": f"2026-{1 + (40 * t) // 31:02d}-{1 + (40 * t) % 28:02d}T0{k + 7}:00:00+07:00",
            }
            dump_a.append(rec)
        dump_b.append({**dump_a[-2], "id": f"B-{dump_a[-2]['id']}", "source": "baoB.vn"})
    return dump_a, dump_b


def test_a_copy_joins_its_originals_story_after_the_story_left_memory(tmp_path):
    dump_a, dump_b = two_sorted_dumps()
    src = tmp_path / "ab.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dump_a + dump_b), encoding="utf-8"
    )
    done = analyze("--input", str(src), "--stories")
    assert done.returncode == 0, done.stderr
    out = lines(done.stdout)
    story = {o["id"]: o["story_id"] for o in out}
    copies = [o for o in out if o["source"] == "baoB.vn"]
    assert [o["dup_of"] for o in copies] == [r["id"] for r in dump_a[::2]]
    assert [o["story_id"] for o in copies] == [story[o["dup_of"]] for o in copies]
    assert len(set(story.values())) == len(TOPICS)  # the topics are told apart: the check means something


def test_records_sharing_an_id_with_other_text_are_distinct_records(tmp_path):
    # ids restarting per file or per cluster ("1", "2", ...) are common in exported JSONL: analyze stores
    # nothing, so such records are told apart by their line, and stderr says how many there were
    arts = [{"id": "1", "title": t, "text": f"{w}. {SECOND[0]} {w} {t.lower()}."} for t, w in TOPICS]
    recs = [*arts, {**arts[0], "id": "2"}, dict(arts[1])]  # a copy of the first; the second again
    src = tmp_path / "same-id.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    done = analyze("--input", str(src), "--stories")
    assert done.returncode == 0, done.stderr
    out = lines(done.stdout)
    stories = [o["story_id"] for o in out]
    assert len(set(stories[: len(TOPICS)])) == len(TOPICS)  # not one story for four unrelated articles
    assert [o["dup_of"] for o in out] == [None] * len(TOPICS) + ["1", None]
    assert stories[len(TOPICS)] == stories[0]  # the copy is in its original's story
    assert stories[-1] == stories[1]  # the same record again: the same answer
    assert "3 record(s) repeat an id already used by a record with another text" in done.stderr
    assert "line 2" in done.stderr
