"""`tinhhinh train ...` and `tinhhinh eval ...`: train and evaluate the NLP models.

cli.py registers ``train_app`` and ``eval_app`` as the ``train`` and ``eval`` groups; other
models (toxicity, stories) add their commands to the same two apps.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from tinhhinh.console import err, out

train_app = typer.Typer(help="Train a model from the shared corpora.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate a model on labelled data.", no_args_is_help=True)


# Callbacks keep both apps groups ("train area", not "train") even while each has one command.
@train_app.callback()
def _train() -> None:
    """Train a model from the shared corpora."""


@eval_app.callback()
def _eval() -> None:
    """Evaluate a model on labelled data."""


def _fail(msg: str) -> None:
    err.print(f"[red]error:[/red] {escape(str(msg))}")
    raise typer.Exit(1)


def print_metrics(m: dict[str, Any], title: str) -> None:
    """Metrics as Rich tables on stdout: summary, per-class P/R/F1, confusion matrix."""
    summary = Table(title=title)
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    summary.add_row("articles", str(m["n"]))
    summary.add_row("accuracy", f"{m['accuracy']:.4f}")
    summary.add_row("macro-F1", f"{m['macro_f1']:.4f}")
    for key in ("model_version", "model_bytes", "articles_per_second", "train_seconds"):
        if m.get(key) is not None:
            summary.add_row(key.replace("_", " "), str(m[key]))
    out.print(summary)
    per = Table(title="per area")
    for col in ("area", "precision", "recall", "F1", "support"):
        per.add_column(col, justify="left" if col == "area" else "right")
    for code, v in m["per_class"].items():
        per.add_row(code, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["support"]))
    out.print(per)
    cm = Table(title="confusion (rows: true, columns: predicted)")
    cm.add_column("")
    short = [label[:6] for label in m["labels"]]
    for s in short:
        cm.add_column(s, justify="right")
    for label, row in zip(m["labels"], m["confusion"], strict=True):
        cm.add_row(label, *[str(x) for x in row])
    out.print(cm)


@train_app.command("area")
def train_area_cmd(
    data: Path = typer.Option(..., "--data", help="Folder with vntc/ (or the vntc folder itself)."),
    out_path: Path | None = typer.Option(
        None, "--out", help="Model file (default: the shipped models/area.npz)."
    ),
    seed: int = typer.Option(13, help="Split and training seed (13 made the shipped model)."),
    ids_dir: Path | None = typer.Option(None, "--ids-dir", help="Also write held-out/train id lists here."),
    without_marks: bool = typer.Option(
        False,
        "--without-marks",
        help='Train the model for text typed without marks ("gia vang tang manh"): every article read with '
        "its marks stripped; default --out the shipped models/area-plain.npz.",
    ),
    short: bool = typer.Option(
        False,
        "--short",
        help="Train the model for short texts (posts, headlines; analyze uses it up to 500 characters): fitted "
        "and tested on three short readings of each article; default --out the shipped models/area-short.npz.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the test metrics as JSON."),
) -> None:
    """Train the area classifier on VNTC and print its evaluation on the held-out split.

    Example: tinhhinh train area --data ../shared/data   (reproduces models/area.npz in a few minutes)
    """
    from tinhhinh.nlp.area import train_area, vntc_files

    try:
        vntc_files(data)
    except FileNotFoundError as exc:
        _fail(f"{exc}; pass --data with the folder that holds vntc/train.jsonl.gz and vntc/test.jsonl.gz")
    m = train_area(
        data,
        out_path,
        seed=seed,
        log=lambda s: err.print(s),
        ids_dir=ids_dir,
        without_marks=without_marks,
        short=short,
    )
    if as_json:
        out.print_json(json.dumps(m))
    else:
        marks = ", read without marks" if without_marks else ""
        readings = ", short readings" if short else ""
        print_metrics(m, f"area model on held-out VNTC (split by duplicate group{marks}{readings})")


@eval_app.command("area")
def eval_area_cmd(
    data: Path = typer.Option(
        ...,
        "--data",
        help="VNTC-format records (JSONL or CSV with id, title, text, label; .gz too), or a folder with vntc/.",
    ),
    model: Path | None = typer.Option(None, "--model", help="Model file (default: the shipped one)."),
    ids: Path | None = typer.Option(None, "--ids", help="Only records whose id is listed in this file."),
    without_marks: bool = typer.Option(
        False,
        "--without-marks",
        help="Read the records with their marks stripped, as typed without them; the default model is then "
        "the one analyze uses for such text (models/area-plain.npz).",
    ),
    short: bool = typer.Option(
        False,
        "--short",
        help="Score three short readings of each record (its title; the start of its body; both) instead of "
        "the record; the default model is then the one analyze uses for short text (models/area-short.npz).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Evaluate the area classifier on labelled VNTC-format records.

    Example: tinhhinh eval area --data ../shared/data/vntc --ids tests/nlp/data/area_heldout_ids.txt
    """
    from tinhhinh.nlp.area import eval_area

    if not data.exists():
        _fail(f"{data} does not exist; pass --data with a JSONL(.gz) file of records with title, text, label")
    if model is not None and not model.exists():
        _fail(f"model {model} does not exist; train one with `tinhhinh train area --data DIR --out FILE`")
    loaded = _load_area_model(model) if model is not None else None
    wanted: list[str] | None = None
    if ids is not None:
        wanted = _read_ids(ids)
    seen: dict[str, Any] = {}
    try:
        m = eval_area(
            loaded,
            data,
            ids=set(wanted) if wanted is not None else None,
            without_marks=without_marks,
            short=short,
            seen=seen,
        )
    except ValueError as exc:  # says where: file and line
        _fail(f"{exc}; fix that line (or remove it) and run again")
    except OSError as exc:
        _fail(f"cannot read {data}: {exc}")
    skipped = seen.get("skipped") or []
    if m["n"] == 0:
        if wanted is not None and not wanted:
            _fail(f"--ids {ids} lists no id; pass a text file with one record id per line")
        if wanted is not None and seen.get("labelled"):
            _fail(
                f"none of the {len(wanted)} ids in {ids} matched a record of {data} ({seen['labelled']} labelled "
                f"records; e.g. id {wanted[0]!r} in {ids}, id {seen['example_id']!r} in {data}); "
                "pass the id list made for this file"
            )
        if skipped:
            _fail(f"no usable records in {data}: {_skipped_line(skipped)}")
        _fail(f"no labelled records found in {data}; each record needs a label: {_expected_labels()}")
    if skipped:
        err.print(f"skipped {escape(_skipped_line(skipped))}", markup=True, highlight=False, soft_wrap=True)
    if as_json:
        out.print_json(json.dumps(m))
    else:
        how = (" read without marks" if without_marks else "") + (", short readings" if short else "")
        print_metrics(m, f"area model on {data}{how}")


def _expected_labels() -> str:
    from tinhhinh.nlp.area import vntc_to_area

    mapping = vntc_to_area()
    return (
        f"a VNTC code ({', '.join(sorted(mapping))}) or an area code ({', '.join(sorted(mapping.values()))})"
    )


def _skipped_line(skipped: list[tuple[str, Any]]) -> str:
    """One line: how many records had no usable label, the first few by file:line, what was expected."""
    shown = [
        f"{where} ({'no label' if label is None else f'label {label!r}'})" for where, label in skipped[:3]
    ]
    more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    return (
        f"{len(skipped)} record(s) without a usable label: {', '.join(shown)}{more}; "
        f"a label must be {_expected_labels()}"
    )


def _read_ids(ids: Path) -> list[str]:
    """The ids of an ``--ids`` file, one a line, in file order (a byte-order mark is not part of the first)."""
    try:
        text = ids.read_text(encoding="utf-8-sig")
    except OSError as exc:
        _fail(f"cannot read --ids {ids} ({exc.strerror}); pass a text file with one record id per line")
    except UnicodeDecodeError:
        _fail(f"--ids {ids} is not UTF-8 text; pass a text file with one record id per line")
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def _load_area_model(path: Path) -> Any:
    import zipfile

    from tinhhinh.nlp.area import AreaModel

    try:
        return AreaModel.load(path)
    except (ValueError, KeyError, OSError, EOFError, zipfile.BadZipFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a model archive"
        _fail(
            f"{path} is not an area model file ({reason}); pass a model made by "
            "`tinhhinh train area --data DIR --out FILE`, or leave --model out for the shipped one"
        )
