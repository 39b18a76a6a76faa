"""The report's flags table names every flag type and status in words, the same words as the web."""

from __future__ import annotations

import datetime as dt

from tinhhinh.item import Item
from tinhhinh.report.build import build_report
from tinhhinh.report.text import t
from tinhhinh.store.db import dispose_all, engine_for
from tinhhinh.store.items import add_items


def _flags_table(report, lang):
    return next(
        b for s in report.sections for b in s.blocks if getattr(b, "caption", None) == t("s_flags", lang)
    )


def test_flag_types_and_statuses_are_named_in_both_languages(tmp_path, monkeypatch):
    monkeypatch.setenv("TINHHINH_HOME", str(tmp_path / "home"))
    engine = engine_for(str(tmp_path / "office.db"))
    harm = [
        {"type": "factcheck", "score": 0.9, "evidence": {"claim": "x"}, "status": "unconfirmed"},
        {"type": "scam", "score": 0.9, "evidence": [], "status": "unconfirmed"},
        {"type": "toxic", "score": 0.9, "evidence": [], "status": "unconfirmed"},
    ]
    add_items(
        engine,
        [
            Item(
                id="1",
                source="fb",
                title="Bài",
                text="abc",
                harm=harm,
                published_at=dt.datetime(2026, 10, 10, 3),
            )
        ],
    )
    for lang, fact_check, awaiting in (
        ("en", "Matches a published fact-check", "Awaiting review"),
        ("vi", "Trùng nội dung đã được kiểm chứng là sai", "Chờ xem xét"),
    ):
        table = _flags_table(
            build_report(engine, dt.date(2026, 10, 1), dt.date(2026, 10, 31), lang=lang), lang
        )
        labels = [r[0] for r in table.rows]
        assert fact_check in labels and "factcheck" not in labels
        assert table.columns[1] == awaiting
    # the web's name for an unconfirmed flag is the report's
    from tinhhinh.web import labels as web_labels

    assert web_labels.FLAG_STATUS["unconfirmed"] == t("unconfirmed", "en")
    dispose_all()
