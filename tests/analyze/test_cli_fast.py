"""`tinhhinh analyze` skips typer on plain calls: the arguments must be exactly the ones typer passes, and
anything the fast path does not understand must go through typer (help, errors, odd values)."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from tinhhinh import analyze
from tinhhinh.cli import _analyze_fast
from tinhhinh.cli_app import analyze_command  # typer's view of the command

ROOT = Path(__file__).resolve().parents[2]

PLAIN = [
    ["analyze"],
    ["analyze", "-i", "a b.jsonl", "--workers", "2", "-q"],
    ["analyze", "--input=in.jsonl", "--output=out.jsonl", "--window", "007", "--stories"],
    ["analyze", "-o", "x/y.jsonl", "--factchecks", "reg.jsonl", "--quiet", "--workers=3", "--window=1"],
    ["analyze", "--workers", "0"],
    ["analyze", "--stories", "-i", "~/in.jsonl"],
    ["-v", "analyze", "-i", "in.jsonl"],
    ["--verbose", "analyze"],
]

ODD = [
    ["analyze", "--help"],
    ["--help"],
    ["analyze", "-ia.jsonl"],  # attached short value: typer knows it, the fast path does not try
    ["analyze", "--workers", "+3"],
    ["analyze", "--workers", "x"],
    ["analyze", "--workers", "-1"],
    ["analyze", "--workers", "٣"],  # a non-ASCII digit
    ["analyze", "-o", ""],
    ["analyze", "-o", "-"],
    ["analyze", "-i"],
    ["analyze", "-i", "a", "-i", "b"],
    ["analyze", "-q", "-q"],
    ["analyze", "--stories=1"],
    ["analyze", "--bogus"],
    ["analyze", "extra"],
    ["analyze", "--", "-i"],
    ["analyze", "-v"],
    ["--version", "analyze"],
    ["stories"],
]


def _typer_kwargs(argv: list[str]) -> tuple[dict, bool]:
    got: dict = {}

    @functools.wraps(analyze_command)
    def capture(**kwargs):
        got.update(kwargs)
        return 0

    app = typer.Typer()
    verbose = {"on": False}

    @app.callback()
    def _main(v: bool = typer.Option(False, "--verbose", "-v")) -> None:
        verbose["on"] = v

    app.command("analyze")(capture)
    assert app(argv, standalone_mode=False) == 0
    return got, verbose["on"]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_plain_calls_get_what_typer_would_pass(argv):
    fast = _analyze_fast(argv)
    assert fast is not None
    verbose = fast.pop("verbose", False)
    expected, expected_verbose = _typer_kwargs(argv)
    # typer passes every parameter; the fast path passes the given ones and the function's defaults apply
    defaults = {k: v for k, v in expected.items() if k not in fast}
    for name, value in defaults.items():
        assert value == _default(name)
    for name, value in fast.items():
        assert value == expected[name] and type(value) is type(expected[name]), name
    assert verbose == expected_verbose


def _default(name: str):
    import inspect

    return inspect.signature(analyze.analyze_command).parameters[name].default


def test_the_plain_command_and_typers_take_the_same_parameters_and_defaults():
    import inspect

    plain = inspect.signature(analyze.analyze_command).parameters
    typed = inspect.signature(analyze_command).parameters
    assert list(plain) == list(typed)
    assert all(plain[k].default == typed[k].default for k in plain)


def test_a_plain_analyze_run_imports_no_typer_click_or_rich(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "1", "title": "Hà Nội", "text": "Mưa lớn ở Hà Nội."}\n', encoding="utf-8")
    code = (
        "import sys, tinhhinh.analyze as A\n"
        "seen = {}\n"
        "orig = A._init_worker\n"
        "def init(*a, **k):\n"
        "    seen['mods'] = [m for m in ('typer', 'click', 'rich', 'pydantic') if m in sys.modules]\n"
        "    return orig(*a, **k)\n"
        "A._init_worker = init\n"
        "import atexit; atexit.register(lambda: print('LOADED', seen.get('mods'), file=sys.stderr))\n"
        "from tinhhinh.cli import main\n"
        f"sys.argv = ['tinhhinh', 'analyze', '-q', '-i', {str(src)!r}, '-o', {str(tmp_path / 'out.jsonl')!r}]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stderr
    assert "1 records analysed, 0 with an error field\n" in done.stderr


@pytest.mark.parametrize("argv", ODD, ids=" ".join)
def test_anything_else_goes_through_typer(argv):
    assert _analyze_fast(argv) is None


def test_errors_and_output_through_the_command(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "1", "title": "Hà Nội", "text": "Mưa lớn ở Hà Nội."}\n', encoding="utf-8")
    run = functools.partial(
        subprocess.run,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    cli = [sys.executable, "-c", "from tinhhinh.cli import main; main()"]
    ok = run([*cli, "analyze", "-i", str(src), "-q"])
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.count("\n") == 1 and '"area"' in ok.stdout
    assert "1 records analysed" in ok.stderr
    bad = run([*cli, "analyze", "-i", str(src), "--workers", "0"])
    assert bad.returncode == 1 and "--workers must be at least 1" in bad.stderr
    missing = run([*cli, "analyze", "-i", str(tmp_path / "nope.jsonl")])
    assert missing.returncode == 1 and "cannot read" in missing.stderr
    # one line, however long the path (not broken at 80 columns when stderr is a file or a pipe)
    deep = tmp_path / ("a-folder-with-a-long-name-" * 6) / "nope.jsonl"
    missing = run([*cli, "analyze", "-i", str(deep)])
    errors = [line for line in missing.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cannot read" in errors[0] and str(deep) in errors[0], missing.stderr
    helped = run([*cli, "analyze", "--help"])
    assert helped.returncode == 0 and "--workers" in helped.stdout
