"""The `tinhhinh` command as a user runs it: real processes, real files, exit codes and clean stdout."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"


def run(*args: str, cwd: Path, input: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.run(
        [EXE, *args], cwd=cwd, input=input, capture_output=True, text=True, env=env, timeout=300
    )


def test_ingest_exit_codes_and_summary_on_stderr(tmp_path, jsonl):
    good = jsonl("good.jsonl", [{"id": "1", "title": "Đà Nẵng mưa lớn"}, {"id": "2", "title": "Giá vàng"}])
    bad = jsonl("bad.jsonl", [{"id": "3", "title": "Tốt"}, {"id": "4"}])
    r = run("ingest", str(good), "--db", "x.db", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert "2 new" in r.stderr
    r = run("ingest", str(good), "--db", "x.db", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 0 and "2 already present" in r.stderr
    r = run("ingest", str(bad), "--db", "x.db", "--no-analyze", cwd=tmp_path)
    assert r.returncode == 2
    assert f"{bad}:2" in r.stderr and "neither title nor text" in r.stderr


def test_missing_input_is_one_clear_line_and_exit_1(tmp_path):
    r = run("ingest", "nope.jsonl", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == ["error: nope.jsonl: no such file or folder"]
    assert not (tmp_path / "x.db").exists() or True  # nothing is ingested; the db may be created empty


def test_search_json_is_the_only_stdout(tmp_path, jsonl):
    f = jsonl(
        "a.jsonl", [{"id": "dn", "title": "Mưa lớn ở Đà Nẵng", "url": "https://a.vn/1", "source": "a.vn"}]
    )
    assert run("ingest", str(f), "--db", "x.db", "--no-analyze", cwd=tmp_path).returncode == 0
    r = run("search", "da nang", "--db", "x.db", "--json", "--user", "tester", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert hits[0]["id"] == "dn"
    assert set(hits[0]) >= {"id", "title", "url", "source", "published_at", "score", "snippet"}
    r = run("search", "không thấy gì xyzzy", "--db", "x.db", "--json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == []
    audit = json.loads(run("searches", "--db", "x.db", "--json", cwd=tmp_path).stdout)
    assert [a["query"] for a in audit][:2] == ["không thấy gì xyzzy", "da nang"]
    assert audit[1]["user"] == "tester"
    r = run("search", "da nang", "--db", "x.db", "--since", "2026-11-21", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    audit = json.loads(run("searches", "--db", "x.db", "--json", cwd=tmp_path).stdout)
    since, at = audit[0]["filters"]["since"], audit[0]["at"]
    assert since.endswith("+07:00") and at.endswith("+07:00")  # both in local time, with the offset


def test_search_filters_that_cannot_match_say_so(tmp_path, jsonl):
    f = jsonl("a.jsonl", [{"id": "dn", "title": "Mưa lớn ở Đà Nẵng", "source": "a.vn"}])
    assert run("ingest", str(f), "--db", "x.db", "--no-analyze", cwd=tmp_path).returncode == 0
    r = run("search", "da nang", "--db", "x.db", "--kind", "posts", cwd=tmp_path)
    assert r.returncode == 1 and "--kind 'posts': use one of article, post, comment" in r.stderr
    r = run("search", "da nang", "--db", "x.db", "--area", "healt", cwd=tmp_path)
    assert r.returncode == 1 and "--area 'healt'" in r.stderr
    r = run("search", "da nang", "--db", "x.db", "--source", "a.com", cwd=tmp_path)
    assert r.returncode == 0 and "no stored item comes from source 'a.com'" in r.stderr
    r = run("search", "xyzzy", "--db", "x.db", "--source", "a.vn", cwd=tmp_path)
    assert r.returncode == 0 and "no stored item comes from" not in r.stderr


def test_user_text_that_looks_like_markup_is_printed_as_is(tmp_path, jsonl):
    # Rich reads "[/x]" as a closing tag: in an error message it used to stop the error handler itself.
    r = run("ingest", "[/x].jsonl", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr.strip() == "error: [/x].jsonl: no such file or folder"
    f = jsonl("a.jsonl", [{"id": "1", "title": "[/b] Mưa lớn [red]ở[/red] Đà Nẵng", "source": "a.vn"}])
    assert run("ingest", str(f), "--db", "x.db", "--no-analyze", cwd=tmp_path).returncode == 0
    r = run("search", "da nang", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 0 and "[/b] Mưa lớn [red]ở[/red] Đà Nẵng" in r.stdout
    r = run("alerts", "add", "[/x]", "--query", "mưa", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 0 and "saved search '[/x]' added" in r.stderr
    r = run("alerts", "list", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 0 and "[/x]" in r.stdout
    run("search", "[/y] mưa", "--db", "x.db", cwd=tmp_path)
    r = run("searches", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 0 and "[/y] mưa" in r.stdout


def test_search_starting_with_an_exclusion_says_how_to_write_it(tmp_path):
    # the shell hands "-bão lũ" to the option parser, which answered only "No such option: -b"
    r = run("search", "-bão lũ", "--db", "missing.db", cwd=tmp_path)
    assert r.returncode == 1 and "No such option: -b" in r.stderr
    assert "tinhhinh search 'lũ -bão'" in r.stderr


def test_search_without_database_fails_clearly(tmp_path):
    r = run("search", "x", "--db", "missing.db", cwd=tmp_path)
    assert r.returncode == 1
    assert "no database" in r.stderr


def test_bad_option_exits_1(tmp_path):
    r = run("search", "x", "--limit", "many", cwd=tmp_path)
    assert r.returncode == 1
    # the usage and what is wrong with which option, not an internal error's class name
    assert "Usage: tinhhinh search" in r.stderr
    assert "Invalid value for '--limit'" in r.stderr
    assert "BadParameter" not in r.stderr and r.stdout == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("nosuch",), "No such command 'nosuch'"),
        (("search",), "Missing argument"),
        (("analyze", "--workers", "two"), "Invalid value for '--workers'"),
    ],
)
def test_usage_errors_show_usage_and_exit_1(tmp_path, args, says):
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 1
    assert says in r.stderr and "Try 'tinhhinh" in r.stderr
    assert "UsageError" not in r.stderr and "BadParameter" not in r.stderr
    assert r.stdout == ""


def test_version(tmp_path):
    from tinhhinh import __version__

    r = run("--version", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout.strip() == __version__


@pytest.mark.slow
def test_demo_finishes_and_says_what_next(demo_run):
    r = demo_run.result
    assert r.returncode == 0, r.stderr[-2000:]
    assert demo_run.db.exists()
    assert "Demo database ready" in r.stdout
    assert "tinhhinh search" in r.stdout and "/dashboard" in r.stdout and "one-time password" in r.stdout
    hits = json.loads(
        run(
            "search", "cum gia cam", "--db", str(demo_run.db), "--json", "--since", "30d", cwd=demo_run.dir
        ).stdout
    )
    assert len(hits) == 20
    hot = json.loads(
        run("stories", "--hot", "--since", "30d", "--json", "--db", str(demo_run.db), cwd=demo_run.dir).stdout
    )
    assert len(hot) >= 3 and all(s["hot"] and s["sources"] >= 5 for s in hot[:3])
    # The hint the demo prints (`stories --hot`, last 24 h by default) must show something on day one.
    assert "tinhhinh stories --hot --db demo.db" in r.stdout
    today = run("stories", "--hot", "--json", "--db", str(demo_run.db), cwd=demo_run.dir)
    assert any(s["hot"] and s["sources"] >= 5 for s in json.loads(today.stdout))
    # An empty list says which filters narrowed it and what to try.
    empty = run(
        "stories", "--hot", "--since", "1h", "--area", "sports", "--db", str(demo_run.db), cwd=demo_run.dir
    )
    assert empty.returncode == 0 and empty.stdout == ""
    assert "0 hot stories with items in the last 1h" in empty.stderr and "drop --hot" in empty.stderr


def test_copy_roots_follow_chains_of_shown_copies():
    from tinhhinh.item import copy_roots

    # c → b → a all shown: both under a; a copy of something not shown stands alone; a loop ends
    assert copy_roots({1: None, 2: 1, 3: 2, 4: 9, 5: 4, 6: 7, 7: 6, 8: 7}) == {
        1: 1,
        2: 1,
        3: 1,
        4: 4,
        5: 4,
        6: 6,
        7: 6,
        8: 6,
    }


@pytest.mark.slow
def test_search_shows_a_copy_under_its_original(demo_run):
    # the demo plants copies; the same article from two feeds is read once, its copy one line below it
    args = ("search", '"Campuchia công bố ca nghi nhiễm cúm gà"', "--db", str(demo_run.db))
    hits = json.loads(run(*args, "--json", cwd=demo_run.dir).stdout)
    assert len(hits) == 2 and hits[0]["title"] == hits[1]["title"]
    shown = run(*args, cwd=demo_run.dir)
    assert shown.stdout.count("Campuchia công bố") == 1 and shown.stdout.count("= copy: ") == 1
    assert "2 hit(s), 1 of them a copy shown under its original" in shown.stderr


def test_every_command_says_what_it_does():
    # `--help` that teaches: no command of any group may show an empty line in its group's listing
    import typer

    from tinhhinh import cli_app

    cli_app._register_subcommands()
    empty, seen = [], []

    def walk(cmd, path: list[str]) -> None:
        # by attribute, not isinstance: typer may bundle its own copy of click
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                walk(sub, [*path, name])
            return
        seen.append(" ".join(path))
        if not (cmd.help or "").strip():
            empty.append(" ".join(path))

    walk(typer.main.get_command(cli_app.app), ["tinhhinh"])
    assert len(seen) > 60 and "tinhhinh petition intake" in seen
    assert not empty, f"commands without help: {empty}"


def test_demo_hints_can_be_pasted_from_where_the_user_is(tmp_path, monkeypatch):
    # after `make demo` the venv is not activated and the database may be elsewhere: the printed next
    # commands name the program and the database as they can be typed from the current folder
    from tinhhinh import demo

    monkeypatch.chdir(tmp_path)
    assert demo._shown_path(tmp_path / "sub" / "demo.db") == str(Path("sub") / "demo.db")
    assert demo._shown_path(tmp_path.parent / "other.db") == str(tmp_path.parent / "other.db")
    # a folder name with a space is quoted, so the pasted command gets one argument, not two
    spaced = tmp_path / "Tài liệu" / "demo.db"
    assert shlex.split(f"tinhhinh stories --db {demo._shown_path(spaced)}")[-1] == str(
        Path("Tài liệu") / "demo.db"
    )
    venv_exe = tmp_path / ".venv" / "bin" / "tinhhinh"
    monkeypatch.setattr(sys, "argv", [str(venv_exe), "demo"])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert demo._command_name() == str(Path(".venv") / "bin" / "tinhhinh")
    monkeypatch.setattr(sys, "argv", ["/x/python", "-m"])
    assert demo._command_name() == "tinhhinh"


def test_help_reads_as_sentences_not_as_the_source_lines():
    # typer's rich help keeps a docstring's single line breaks: at any terminal width the lines broke
    # where the source file wrapped them ("finds only" / '"Đà Nẵng"'); lists and examples keep theirs
    from tinhhinh.cli_app import reflow

    doc = """First line
    goes on.

    Second paragraph wraps
    here. Example: x

    Example: tinhhinh a --b
    --c d
    - one item
    - another
    """
    assert reflow(doc) == (
        "First line goes on.\n\nSecond paragraph wraps here. Example: x\n\n"
        "Example: tinhhinh a --b --c d\n- one item\n- another"
    )
    assert reflow(reflow(doc)) == reflow(doc)
    exe = shutil.which("tinhhinh", path=str(Path(sys.executable).parent)) or "tinhhinh"
    env = {**os.environ, "COLUMNS": "250"}
    shown = subprocess.run([exe, "search", "--help"], capture_output=True, text=True, env=env, timeout=120)
    assert 'with diacritics, Đà Nẵng finds only "Đà Nẵng" (never "đa năng")' in shown.stdout
    # a flag shows no type: "--json <bool>" read as if it took a value
    json_line = next(line for line in shown.stdout.splitlines() if "--json" in line)
    assert "<bool>" not in json_line and "Print hits as a JSON list." in json_line
    assert "--help" in shown.stdout and "<bool>" not in shown.stdout  # the help flag too
    shown = subprocess.run(
        [exe, "petition", "intake", "--help"], capture_output=True, text=True, env=env, timeout=120
    )
    assert "(see `tinhhinh petition deadline`)" in shown.stdout


@pytest.mark.slow
def test_story_command_counts_copies_under_their_original(demo_run):
    hot = json.loads(run("stories", "--hot", "--json", "--db", str(demo_run.db), cwd=demo_run.dir).stdout)
    top = hot[0]
    detail = json.loads(run("story", top["id"], "--json", "--db", str(demo_run.db), cwd=demo_run.dir).stdout)
    n_copies = sum(1 for it in detail["members"] if it["copy"])
    assert n_copies > 0 and len(detail["members"]) == detail["items"]
    shown = run("story", top["id"], "--db", str(demo_run.db), cwd=demo_run.dir)
    assert shown.returncode == 0 and "HOT: " in shown.stdout
    rows = [line for line in shown.stdout.splitlines() if re.match(r"│ \d{4}-\d\d-\d\d \d\d:\d\d", line)]
    assert len(rows) == detail["items"] - n_copies
    assert f"{n_copies} copies counted under their originals" in shown.stderr


def test_search_says_once_that_operators_are_words(tmp_path, jsonl):
    f = jsonl("a.jsonl", [{"id": "1", "title": "Mưa to ở Huế"}, {"id": "2", "title": "Bão vào Huế"}])
    assert run("ingest", str(f), "--db", "x.db", "--no-analyze", cwd=tmp_path).returncode == 0
    r = run("search", "mua OR bao OR lu", "--db", "x.db", "--json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout) == []
    assert r.stderr.count("OR read as a word, not as an operator") == 1
    r = run("search", "hu*", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 0 and "a trailing * is not a prefix search" in r.stderr
    r = run("search", "mua", "--db", "x.db", cwd=tmp_path)
    assert "note:" not in r.stderr
