"""The `tinhhinh` command: the entry point.

The typer app, the built-in commands (ingest, search, searches, reindex, demo) and the registration of
the stages' command groups live in ``tinhhinh.cli_app``, imported when a command needs typer; this module
imports nothing heavy, so a plain ``tinhhinh analyze`` call (the fast path below) starts its workers
without typer, click or rich loaded. ``from tinhhinh.cli import app`` (and every other name of
``cli_app``) still works. To add a command group, add its line to ``_GROUPS`` below.

stdout carries only a command's output (tables, or JSON/JSONL when asked); progress, summaries and
warnings go to stderr. Exit codes: 0 done, 2 done but some input rejected, 1 could not run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

STATE: dict[str, Any] = {"verbose": False}

# Command groups owned by the stages: (module, attribute, command name). Importing them all costs about
# a second of CPU (SQLAlchemy, httpx, trafilatura, the web stack), so ``main`` imports only the module of
# the command being run; help, errors and unknown commands get every group.
_GROUPS: list[tuple[str, str, str]] = [
    ("tinhhinh.cli_app", "analyze_command", "analyze"),
    ("tinhhinh.cli_stories", "stories_command", "stories"),
    ("tinhhinh.cli_stories", "story_command", "story"),
    ("tinhhinh.cli_stories", "bursts_command", "bursts"),
    ("tinhhinh.cli_stories", "alerts_app", "alerts"),
    ("tinhhinh.nlp.commands", "train_app", "train"),
    ("tinhhinh.nlp.commands", "eval_app", "eval"),
    ("tinhhinh.ingest.watch", "watch_command", "watch"),
    ("tinhhinh.ingest.watch", "sources_command", "sources"),
    ("tinhhinh.desk.commands", "users_app", "users"),
    ("tinhhinh.desk.commands", "agencies_app", "agencies"),
    ("tinhhinh.desk.commands", "case_app", "case"),
    ("tinhhinh.desk.commands", "petition_app", "petition"),
    ("tinhhinh.desk.commands", "audit_app", "audit"),
    ("tinhhinh.harm.factcheck_commands", "factchecks_app", "factchecks"),
    ("tinhhinh.harm.factcheck_commands", "flags_app", "flags"),
    ("tinhhinh.web.commands", "serve_command", "serve"),
    ("tinhhinh.report.commands", "report_command", "report"),
    ("tinhhinh.desk.digest", "digest_command", "digest"),
]
_INLINE = {
    "ingest",
    "search",
    "searches",
    "reindex",
    "analyze-stored",
    "demo",
}  # defined in tinhhinh.cli_app


def __getattr__(name: str) -> Any:
    """``app``, ``_register_subcommands``, the built-in commands…: from ``cli_app``, on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    from tinhhinh import cli_app

    try:
        return getattr(cli_app, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def _command_named(argv: list[str]) -> str | None:
    """The command ``argv`` runs, when it is one of the stages' groups; None means register everything."""
    for arg in argv:
        if arg.startswith("-"):
            continue  # the top-level options take no values
        return arg if any(arg == name for _, _, name in _GROUPS) or arg in _INLINE else None
    return None


# `analyze`'s options (tinhhinh.cli_app.analyze_command) for the fast path below: option → parameter.
_ANALYZE_VALUES = {
    "--input": "input",
    "-i": "input",
    "--output": "output",
    "-o": "output",
    "--workers": "workers",
    "--window": "window",
    "--factchecks": "factchecks",
}
_ANALYZE_FLAGS = {"--stories": "stories", "--quiet": "quiet", "-q": "quiet"}
_ANALYZE_INTS = {"workers", "window"}


def _analyze_fast(argv: list[str]) -> dict | None:
    """The arguments of a plain ``[-v] analyze [options]`` call, as typer would pass them, or None for
    anything else (help, unknown or repeated options, odd values), which goes through typer as before.

    Typer builds a pydantic adapter for every parameter when a command runs: ~0.2 s of CPU (importing
    pydantic) before analyze's workers can start, one core busy and the other idle."""
    kwargs: dict = {}
    i = 0
    while i < len(argv) and argv[i] != "analyze":
        if argv[i] not in ("-v", "--verbose"):
            return None
        kwargs["verbose"] = True
        i += 1
    i += 1
    while i < len(argv):
        arg = argv[i]
        if arg in _ANALYZE_FLAGS:
            name = _ANALYZE_FLAGS[arg]
            if name in kwargs:
                return None
            kwargs[name] = True
            i += 1
            continue
        if arg.startswith("--") and "=" in arg:
            arg, value = arg.split("=", 1)
            i += 1
        elif arg in _ANALYZE_VALUES and i + 1 < len(argv):
            value = argv[i + 1]
            i += 2
        else:
            return None
        name = _ANALYZE_VALUES.get(arg)
        if name is None or name in kwargs or not value or value.startswith("-"):
            return None
        if name in _ANALYZE_INTS:
            if not (value.isascii() and value.isdigit()):
                return None
            kwargs[name] = int(value)
        else:
            kwargs[name] = Path(value)
    return kwargs


def _run_analyze(kwargs: dict) -> int:
    from tinhhinh.analyze import analyze_command

    STATE["verbose"] = kwargs.pop("verbose", False)
    return analyze_command(**kwargs)


def _exit_now(code: int) -> None:
    """Exit without tearing the interpreter down: analyze's parent holds every loaded model, and freeing
    them object by object costs ~0.15 s of CPU after the work is done. Exit handlers still run."""
    import atexit
    import os

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
    os._exit(code)


def main() -> None:
    name = _command_named(sys.argv[1:])
    fast = _analyze_fast(sys.argv[1:]) if name == "analyze" else None
    try:
        if fast is not None:
            code = _run_analyze(fast)
        else:
            from tinhhinh.cli_app import _register_subcommands, app

            if name not in _INLINE:
                _register_subcommands(name)
            code = app(standalone_mode=False)
    except Exception as exc:  # noqa: BLE001 — the one place that turns errors into one line
        _fail(exc)
    except KeyboardInterrupt:
        _fail_quietly("interrupted", 130)
    code = code if isinstance(code, int) else 0
    if name == "analyze":
        _exit_now(code)
    sys.exit(code)


def _fail(exc: Exception) -> None:
    """Exit for an error raised by a command (called inside the ``except``)."""
    import traceback

    from tinhhinh.console import UserError, err

    exits, aborts, shown = _cli_exceptions()
    if isinstance(exc, exits):
        sys.exit(exc.exit_code)  # type: ignore[attr-defined]
    if isinstance(exc, aborts):
        _fail_quietly("interrupted", 130)
    if isinstance(exc, shown):
        exc.show(file=sys.stderr)  # type: ignore[attr-defined]  # usage, then "Error: ..."
        word = getattr(exc, "option_name", None) or ""
        if word.startswith("-") and not word.startswith("--") and _command_named(sys.argv[1:]) == "search":
            # "search '-bão lũ'": a query starting with an exclusion reaches click as options ("-b")
            sys.stderr.write(
                "to exclude a word, write it after the words to find: tinhhinh search 'lũ -bão'\n"
            )
        sys.exit(1)
    from rich.markup import escape  # messages quote user input: "[/x].jsonl" is a path, not a tag

    if isinstance(exc, UserError):
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True, highlight=False)
        if STATE["verbose"]:
            err.print(traceback.format_exc(), markup=False)
        sys.exit(1)
    if isinstance(exc, BrokenPipeError):
        sys.stderr.close()
        sys.exit(0)
    if STATE["verbose"]:
        err.print(traceback.format_exc(), markup=False)
    err.print(
        f"[red]error:[/] {exc.__class__.__name__}: {escape(str(exc))} (run with --verbose for details)",
        markup=True,
    )
    sys.exit(1)


def _cli_exceptions() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """(exit, abort, usage-error) exception classes of the installed typer and click.

    Typer up to 0.2x raises click's; newer typer bundles its own copy of click and raises those, which
    are not click's classes, so a bad option would otherwise print as an internal error."""
    import typer

    exits: list[type] = [typer.Exit]
    aborts: list[type] = [typer.Abort]
    shown: list[type] = []
    try:
        from typer._click.exceptions import ClickException as TyperClickException

        shown.append(TyperClickException)
    except ImportError:  # typer without a bundled click
        pass
    try:
        import click

        exits.append(click.exceptions.Exit)
        aborts.append(click.exceptions.Abort)
        shown.append(click.ClickException)
    except ImportError:
        pass
    return tuple(exits), tuple(aborts), tuple(shown)


def _fail_quietly(message: str, code: int) -> None:
    from tinhhinh.console import err

    err.print(message)
    sys.exit(code)


if __name__ == "__main__":
    # `python -m tinhhinh.cli`: run the imported module's main, so cli_app and this share STATE
    from tinhhinh.cli import main as _main

    _main()
