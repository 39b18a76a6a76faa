from __future__ import annotations

import json

from typer.testing import CliRunner

from tinhhinh.stories.commands import app, eval_stories

from .synth import stream


def write(path, pairs, extra_lines=()):
    with path.open("w", encoding="utf-8") as fh:
        for item, gold in pairs:
            rec = {
                "id": item.id,
                "source": item.source,
                "title": item.title,
                "text": item.text,
                "published_at": item.published_at.isoformat(),
                "cluster_id": gold,
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")


def test_eval_stories_scores_a_labelled_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    write(path, stream(seed=7))
    result = eval_stories(path)
    assert result["items"] == 50 and result["gold_stories"] == 10
    assert result["bcubed"]["f1"] >= 0.95 and result["pairwise"]["f1"] >= 0.9


def test_cli_prints_table_json_and_exit_codes(tmp_path):
    path = tmp_path / "gold.jsonl"
    write(path, stream(seed=8))
    runner = CliRunner()
    res = runner.invoke(app, ["stories", "--data", str(path)])
    assert res.exit_code == 0, res.output
    assert "B³ F1" in res.stdout and "pairwise F1" in res.stdout
    res = runner.invoke(app, ["stories", "--data", str(path), "--json"])
    assert json.loads(res.stdout)["items"] == 50
    bad = tmp_path / "bad.jsonl"
    write(bad, stream(seed=8)[:5], extra_lines=["{not json", json.dumps({"title": "no cluster"})])
    res = runner.invoke(app, ["stories", "--data", str(bad), "--json"])
    assert res.exit_code == 2 and json.loads(res.stdout)["rejected"] == 2
    assert runner.invoke(app, ["stories", "--data", str(tmp_path / "missing.jsonl")]).exit_code == 1


def test_eval_stories_reads_gzip_and_csv_as_jsonl(tmp_path):
    import csv
    import gzip

    path = tmp_path / "gold.jsonl"
    write(path, stream(seed=7))
    want = eval_stories(path)
    packed = tmp_path / "gold.jsonl.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert eval_stories(packed) == want
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    table = tmp_path / "gold.csv"
    with table.open("w", encoding="utf-8-sig", newline="") as fh:  # as Excel saves it
        out = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        out.writeheader()
        out.writerows(rows)
    assert eval_stories(table) == want


def _write_times(path, pairs, fmt):
    """The stream with each published_at written by ``fmt`` (a function of the aware datetime)."""
    with path.open("w", encoding="utf-8") as fh:
        for k, (item, gold) in enumerate(pairs):
            rec = {
                "id": item.id,
                "source": item.source,
                "title": item.title,
                "text": item.text,
                "published_at": fmt(item.published_at, k),
                "cluster_id": gold,
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def test_eval_reads_times_without_a_zone_as_ingest_does(tmp_path):
    from datetime import timedelta, timezone

    from tinhhinh.ingest.records import parse_time
    from tinhhinh.stories.commands import _item
    from tinhhinh.stories.index import to_epoch

    plus7 = timezone(timedelta(hours=7))
    # one instant, written as naive Vietnamese local time and with its offset: the same time, as in ingest
    naive = _item({"published_at": "2026-11-20 19:00", "title": "a"}, 1).published_at
    aware = _item({"published_at": "2026-11-20T19:00:00+07:00", "title": "a"}, 1).published_at
    assert to_epoch(naive) == to_epoch(aware) == to_epoch(parse_time("2026-11-20 19:00"))
    assert _item({"time": "20/11/2026 19:00", "title": "a"}, 1).published_at == parse_time("2026-11-20 19:00")
    assert _item({"published_at": "not a date", "title": "a"}, 1).published_at is None
    pairs = stream(seed=9)
    offset, mixed = tmp_path / "offset.jsonl", tmp_path / "mixed.jsonl"
    _write_times(offset, pairs, lambda t, k: t.astimezone(plus7).isoformat())
    # every second record as naive local time (how many Vietnamese feeds write it)
    _write_times(
        mixed,
        pairs,
        lambda t, k: (t.astimezone(plus7).replace(tzinfo=None) if k % 2 else t.astimezone(plus7)).isoformat(),
    )
    assert eval_stories(mixed) == eval_stories(offset)


def test_nothing_to_evaluate_is_an_error(tmp_path):
    runner = CliRunner()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    rejected = tmp_path / "rejected.jsonl"
    rejected.write_text("{not json\n" + json.dumps({"title": "no cluster"}) + "\n", encoding="utf-8")
    for path, why in ((empty, "the file is empty"), (rejected, "all 2 line(s) rejected")):
        res = runner.invoke(app, ["stories", "--data", str(path)])
        assert res.exit_code == 1, res.output
        assert res.stdout == "" and "B³" not in res.output
        assert "nothing to evaluate" in res.stderr and why in res.stderr
        assert res.stderr.strip().count("\n") == 0


def test_rejected_lines_are_named_exit_2_and_a_list_is_no_cluster_id(tmp_path):
    bad = tmp_path / "bad.jsonl"
    pairs = stream(seed=8)[:6]
    write(bad, pairs[:5])
    with bad.open("a", encoding="utf-8") as fh:
        it = pairs[5][0]
        fh.write(json.dumps({"id": it.id, "title": it.title, "text": it.text}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "x", "title": it.title, "text": it.text, "cluster_id": [1]}) + "\n")
        fh.write(json.dumps({"id": "y", "title": it.title, "text": it.text, "cluster_id": {"a": 1}}) + "\n")
    result = eval_stories(bad)
    assert result["items"] == 5 and result["gold_stories"] == len({g for _, g in pairs[:5]})
    assert result["rejections"] == [
        f"{bad}:6: no cluster_id",
        f"{bad}:7: cluster_id must be a string or a number, not a list",
        f"{bad}:8: cluster_id must be a string or a number, not an object",
    ]
    res = CliRunner().invoke(app, ["stories", "--data", str(bad)])
    assert res.exit_code == 2
    assert f"{bad}:6: no cluster_id" in res.stderr.replace("\n", "")
    assert "3 line(s) rejected" in res.stderr


def test_records_sharing_an_id_with_other_text_are_scored_as_distinct(tmp_path):
    # ids restarting per cluster ("1", "2", ... in each) must not make unrelated articles one record
    pairs = stream(seed=7)
    path = tmp_path / "restart.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        rank: dict[str, int] = {}
        for item, gold in pairs:
            rank[gold] = rank.get(gold, 0) + 1
            rec = {"id": str(rank[gold]), "source": "export", "title": item.title, "text": item.text}
            fh.write(json.dumps({**rec, "cluster_id": gold}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({**rec, "cluster_id": gold}, ensure_ascii=False) + "\n")  # the last one again
    result = eval_stories(path)
    distinct = eval_stories(_with_own_ids(path, tmp_path / "own.jsonl"))
    assert result["bcubed"] == distinct["bcubed"] and result["bcubed"]["f1"] >= 0.95
    assert result["repeated_ids"] == len(pairs) - 5  # 5 per event: ids 1..5 repeat in 9 more events
    res = CliRunner().invoke(app, ["stories", "--data", str(path)])
    assert res.exit_code == 0
    assert "repeat an id" in res.stderr


def _with_own_ids(src, dst):
    recs = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    seen: dict[tuple[str, str], str] = {}
    for n, r in enumerate(recs):
        r["id"] = seen.setdefault((r["title"], r["text"]), f"own{n}")
    dst.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return dst
