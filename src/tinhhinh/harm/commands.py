"""`tinhhinh train toxicity` and `tinhhinh eval toxicity`.

Plain functions with Typer annotations; ``register(train_app, eval_app)`` adds them to the ``train`` and
``eval`` command groups (``tinhhinh.nlp.commands``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from tinhhinh.console import UserError, err, out


def train_toxicity(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="Folder with ViHSD's train and dev files (train.jsonl/dev.jsonl, or train.csv/dev.csv as ViHSD ships them).",
        ),
    ],
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to write the model. Default: $TINHHINH_HOME/models/toxicity-vihsd."
        ),
    ] = None,
    news: Annotated[
        Path | None,
        typer.Option(
            "--news",
            help="News articles (JSONL/.gz) whose sentences join training as clean. Default: DATA/../vntc/train.jsonl.gz.",
        ),
    ] = None,
    news_samples: Annotated[
        int | None,
        typer.Option(
            "--news-samples", min=0, help="How many news chunks drawn at random (0: none). Default: 2,000."
        ),
    ] = None,
    hard_news: Annotated[
        int | None,
        typer.Option(
            "--hard-news",
            min=0,
            help="How many more news chunks, those a first fit reads as the most toxic among the next "
            "30,000 (reporting about livestock, dogs, dead fish...), join as clean (0: none). Default: 2,000.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the model card as JSON.")] = False,
) -> int:
    """Train the toxicity model (clean/offensive/hate) on ViHSD: fit on train, tune on dev (a few minutes).

    ViHSD is research-only, so the model stays in this installation and is never shipped.
    """
    from tinhhinh.harm.toxicity import HARD_NEWS, NEWS_SAMPLES, train

    if news is not None and not news.is_file():
        raise UserError(f"train toxicity: --news {news} is not a file")
    if not data.is_dir():
        raise UserError(
            f"train toxicity: {data} is not a folder — pass --data DIR with train.jsonl and dev.jsonl"
        )
    try:
        directory, card = train(
            data,
            out_dir,
            news=news,
            news_samples=NEWS_SAMPLES if news_samples is None else news_samples,
            hard_news=HARD_NEWS if hard_news is None else hard_news,
            progress=lambda msg: err.print(f"[dim]toxicity:[/] {msg}"),
        )
    except (FileNotFoundError, ValueError) as exc:
        raise UserError(f"train toxicity: {exc}") from exc
    if as_json:
        out.print(json.dumps({"model": str(directory), **card}, ensure_ascii=False), markup=False)
    else:
        out.print(f"model\t{directory}", markup=False)
        out.print(f"version\t{card['version']}", markup=False)
        out.print(f"dev macro-F1\t{card['dev']['macro_f1']:.4f}", markup=False)
    return 0


def eval_toxicity(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            help="Labelled comments: JSONL with text and label (clean/offensive/hate or 0/1/2), or a CSV such as ViHSD's (free_text, label_id); .gz too.",
        ),
    ],
    model: Annotated[
        Path | None,
        typer.Option("--model", help="Model folder. Default: $TINHHINH_HOME/models/toxicity-vihsd."),
    ] = None,
    ids: Annotated[
        Path | None,
        typer.Option(
            "--ids",
            help="Only score records whose id is listed in this file (one per line). A file without an id "
            "column numbers its data rows NAME-00000, NAME-00001, ... (NAME: the file name before the first "
            "dot), as ViHSD's JSONL ids number the authors' CSV rows.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> int:
    """Score the toxicity model on a labelled file: accuracy, macro-F1, per-class P/R/F1."""
    result = evaluate(data, model, ids)
    if as_json:
        out.print(json.dumps(result, ensure_ascii=False), markup=False)
        return 0
    out.print(f"records\t{result['n']}", markup=False)
    out.print(f"accuracy\t{result['accuracy']:.4f}", markup=False)
    out.print(f"macro-F1\t{result['macro_f1']:.4f}", markup=False)
    out.print("label\tprecision\trecall\tf1\tsupport", markup=False)
    for label, v in result["per_class"].items():
        out.print(
            f"{label}\t{v['precision']:.4f}\t{v['recall']:.4f}\t{v['f1']:.4f}\t{v['support']}", markup=False
        )
    return 0


def evaluate(data: Path, model_dir: Path | None = None, ids: Path | None = None) -> dict[str, Any]:
    from tinhhinh.harm.toxicity import LABELS, ReadNotes, load_model, metrics, model_status, read_labelled

    if not data.is_file():
        raise UserError(
            f"eval toxicity: {data} is not a file — pass --data FILE (JSONL with text + label per line, or CSV)"
        )
    reason = model_status(model_dir)
    if reason:
        raise UserError(f"eval toxicity: {reason}")
    m = load_model(model_dir)
    assert m is not None
    notes = ReadNotes()
    try:
        rows = read_labelled(data, notes)
    except ValueError as exc:  # says where: file and line
        raise UserError(f"eval toxicity: {exc}; fix that line (or remove it) and run again") from exc
    except OSError as exc:
        raise UserError(f"eval toxicity: cannot read {data}: {exc}") from exc
    said = notes.lines()
    if not rows:
        why = "; ".join(said) if said else "the file has no rows"
        raise UserError(
            f"eval toxicity: no usable rows in {data} ({notes.rows:,} read): {why} — each row needs a comment "
            "in 'text' (or 'free_text') and a label clean/offensive/hate (or 0/1/2, in 'label', "
            "'label_name' or 'label_id')"
        )
    for line in said:
        err.print(f"eval toxicity: {data}: {line}", markup=False, highlight=False)
    if ids is not None:
        try:
            wanted = {line.strip() for line in ids.read_text(encoding="utf-8").splitlines() if line.strip()}
        except OSError as exc:
            raise UserError(f"eval toxicity: cannot read --ids {ids}: {exc}") from exc
        usable = len(rows)
        rows = [r for r in rows if r[0] in wanted]
        numbered = (
            ""
            if notes.has_ids
            else f" (this file has no id column: its rows are numbered {rows_named(data)})"
        )
        if not rows:
            raise UserError(
                f"eval toxicity: none of the {len(wanted):,} ids in {ids} is among the {usable:,} usable rows "
                f"of {data}{numbered}"
            )
        if len(rows) < len(wanted):
            err.print(
                f"eval toxicity: {len(rows):,} of the {len(wanted):,} ids in {ids} found in {data}{numbered}",
                markup=False,
                highlight=False,
            )
    pred = [LABELS.index(m.predict(text)[0]) for _, text, _ in rows]
    result = metrics([r[2] for r in rows], pred)
    result["model"] = m.version
    return result


def rows_named(data: Path) -> str:
    from tinhhinh.harm.toxicity import row_id

    return f"{row_id(data, 0)}, {row_id(data, 1)}, ... from the first data row, as ViHSD's JSONL ids"


def register(train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add `toxicity` to the `train` and `eval` command groups."""
    train_app.command("toxicity")(train_toxicity)
    eval_app.command("toxicity")(eval_toxicity)


def register_on_nlp_groups() -> bool:
    """Add `toxicity` to ``tinhhinh.nlp.commands``'s ``train_app``/``eval_app`` (idempotent)."""
    try:
        from tinhhinh.nlp.commands import eval_app, train_app
    except ImportError:
        return False
    names = {c.name for c in train_app.registered_commands}
    if "toxicity" not in names:
        register(train_app, eval_app)
    return True
