"""The dashboard: one page that shows what is happening. Every chart has a table view and CSV/XLSX.

Panels are built from aggregates only (counts and rates, never a person). Charts are server-side SVG
from ``tinhhinh.report.charts`` (the same as in the period report), so nothing loads from a CDN.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from tinhhinh import clock
from tinhhinh.desk.access import Actor, can
from tinhhinh.report import charts
from tinhhinh.report.build import desk_open_at, top_counts
from tinhhinh.report.text import fmt_num
from tinhhinh.store import dashboard_queries as dq
from tinhhinh.timefmt import LOCAL_TZ
from tinhhinh.web import i18n, labels
from tinhhinh.web.app import lang_of, page_actor, render, web

router = APIRouter()

WINDOWS = (7, 30, 90)


@dataclass
class Panel:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    svg: str = ""
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _bounds(days: int) -> tuple[dt.datetime, dt.datetime, list[str]]:
    today = clock.office_today()
    first = today - dt.timedelta(days=days - 1)
    start = dt.datetime.combine(first, dt.time(), LOCAL_TZ).astimezone(dt.UTC).replace(tzinfo=None)
    end = (
        dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), LOCAL_TZ)
        .astimezone(dt.UTC)
        .replace(tzinfo=None)
    )
    return start, end, [(first + dt.timedelta(days=i)).isoformat() for i in range(days)]


VOLUME_SERIES = 6  # lines a reader can tell apart; the other areas are summed


def _day_label(iso_day: str) -> str:
    """dd/mm, as the report writes days (never mm-dd, which reads as day-month in Vietnamese)."""
    return f"{iso_day[8:10]}/{iso_day[5:7]}"


def _pct(rate: float, lang: str) -> str:
    """A rate as the report writes it: 2,8% in Vietnamese, 2.8% in English."""
    return fmt_num(100 * rate, lang) + "%"


MODEL_IDLE = "A toxicity model is installed, but no item in this window was scored by it (items stored before it was installed are not scored)."  # noqa: E501 - one gettext message id


def _toxicity_note(_: Any) -> str:
    """Why there are no rates: no model on this machine, or a model that scored nothing in the window."""
    from tinhhinh.harm.toxicity import model_status

    if model_status() is None:
        return _(MODEL_IDLE)
    return (
        _("No toxicity model is installed here, so no rates yet.")
        + " "
        + _("An administrator can train one with `tinhhinh train toxicity --data DIR`.")
    )


def _area_names(lang: str) -> dict[str, str]:
    from tinhhinh.nlp.area import load_areas

    return {code: (a.vi if lang == "vi" else a.en) for code, a in load_areas().items()}


def build_panels(request: Request, actor: Actor, days: int) -> dict[str, Panel]:
    """Every panel's data (the same data feeds the page, the table views and the downloads). Codes
    (areas, flag types and statuses, case statuses) are shown by their names in the page's language."""
    w = web(request)
    lang = lang_of(request)
    _ = i18n.translations(lang).gettext
    area_name = {**_area_names(lang), "unknown": _("unknown")}  # "unknown": items stored without analysis

    def named(table: dict[str, str], code: object) -> str:
        if code is None:
            return _("unknown")
        return _(table[code]) if code in table else str(code)

    start, end, day_list = _bounds(days)
    today = dt.date.fromisoformat(day_list[-1])
    panels: dict[str, Panel] = {}
    with w.engine.connect() as conn:
        by_area = dq.volume_by_area_day(conn, start, end)
        places = dq.volume_by_place(conn, start, end)
        harm = dq.harm_counts(conn, start, end)
        scored = dq.scored_items(conn, start, end)
        tox_area = dq.toxicity_rates(conn, start, end, "area") if scored else []
        tox_source = dq.toxicity_rates(conn, start, end, "source") if scored else []
        desk = dq.desk_status_by_agency(conn) if can(actor, "stats.read") else None
        # open and overdue as the period report counts them at the end of today (one rule for both)
        desk_now = desk_open_at(conn, today) if desk is not None else None
    # volume by area over time: the chart and its table show the same series (the top areas, the rest
    # summed as "other"), so every number in the chart is in the table
    areas = sorted(by_area, key=lambda a: (-sum(by_area[a].values()), str(a)))
    top, rest = areas[:VOLUME_SERIES], areas[VOLUME_SERIES:]
    series = {area_name.get(a, a): [by_area[a][d] for d in day_list] for a in top}
    if rest:
        series[_("other areas")] = [sum(by_area[a][d] for a in rest) for d in day_list]
    rows = [[_day_label(day), *[v[i] for v in series.values()]] for i, day in enumerate(day_list)]
    svg = (
        charts.line(
            [_day_label(d) for d in day_list],
            series,
            title=_("Items per day by area"),
            x_label=_("day"),
            y_label=_("items"),
        )
        if areas
        else ""
    )
    panels["volume"] = Panel(
        "volume",
        _("Volume by area"),
        [_("day"), *series],
        rows,
        svg,
    )
    # volume by place: the report's ranking (count, then name), so both pick the same top 15 on ties
    top_places = top_counts(places, 15)
    panels["places"] = Panel(
        "places",
        _("Volume by place"),
        [_("province"), _("items")],
        [[p, n] for p, n in top_places],
        charts.bar(top_places, title=_("Items by province"), value_label=_("items")) if top_places else "",
    )
    # scam and fact-check flags by review status: the flags a person reviews one by one (``web.flags``);
    # toxic language is not reviewed item by item, it is the rates below
    from tinhhinh.web.flags import QUEUED_TYPES

    types = sorted({t for t, _s in harm if t in QUEUED_TYPES})
    statuses = ["unconfirmed", "confirmed", "dismissed"]
    panels["flags"] = Panel(
        "flags",
        _("Flags"),
        [_("type"), *[named(labels.FLAG_STATUS, s) for s in statuses]],
        [[named(labels.FLAG_TYPE, t), *[harm.get((t, s), 0) for s in statuses]] for t in types],
        charts.stacked_bar(
            [named(labels.FLAG_TYPE, t) for t in types],
            {named(labels.FLAG_STATUS, s): [harm.get((t, s), 0) for t in types] for s in statuses},
            title=_("Flags by type and review status"),
        )
        if types
        else "",
    )
    # toxicity rates, per area and per source (rates of outlets and topics, never of people)
    for key, by, rates, head, chart_title in (
        ("toxicity", "area", tox_area, _("area"), _("Offensive or hateful items, % by area")),
        ("toxicity_source", "source", tox_source, _("source"), _("Offensive or hateful items, % by source")),
    ):
        title = _("Toxicity rates") if by == "area" else _("Toxicity rates by source")
        name = (lambda k: area_name.get(k, k)) if by == "area" else (lambda k: k)
        if scored:
            rows = [
                [name(r["key"]), r["scored"], r["offensive"], r["hate"], _pct(r["rate"], lang)] for r in rates
            ]
            svg = charts.bar(
                [(name(r["key"]), round(100 * r["rate"], 2)) for r in rates[:12]],
                title=chart_title,
                value_label="%",
                decimal_comma=lang == "vi",
            )
            panels[key] = Panel(
                key, title, [head, _("scored"), _("offensive"), _("hate"), _("rate")], rows, svg
            )
        elif by == "area":
            panels[key] = Panel(key, title, [head, _("rate")], [], note=_toxicity_note(_))
    # desk: today's state, whatever the window (said in the panel)
    if desk is not None and desk_now is not None:
        now_note = _("Now (today's state, not the chosen window).")
        agencies = sorted(desk["cases"])
        statuses = sorted({s for c in desk["cases"].values() for s in c})
        panels["cases"] = Panel(
            "cases",
            _("Cases by status and agency"),
            [_("agency"), *[named(labels.CASE_STATUS, s) for s in statuses]],
            [[a, *[desk["cases"][a][s] for s in statuses]] for a in agencies],
            charts.stacked_bar(
                agencies,
                {named(labels.CASE_STATUS, s): [desk["cases"][a][s] for a in agencies] for s in statuses},
                title=_("Cases by status and agency"),
            )
            if agencies
            else "",
            note=now_note,
        )
        names = {aid: a["name"] for aid, a in desk_now["agencies"].items()}
        open_pet = {
            names.get(k, "—") if k is not None else "—": v
            for k, v in desk_now["petitions"].items()
            if v.get("open")
        }
        pa = sorted(open_pet)
        panels["petitions"] = Panel(
            "petitions",
            _("Open and overdue petitions"),
            [_("agency"), _("open"), _("overdue")],
            [[a, open_pet[a].get("open", 0), open_pet[a].get("overdue", 0)] for a in pa],
            charts.stacked_bar(
                pa,
                {
                    _("overdue"): [open_pet[a].get("overdue", 0) for a in pa],
                    _("open, on time"): [
                        open_pet[a].get("open", 0) - open_pet[a].get("overdue", 0) for a in pa
                    ],
                },
                title=_("Open petitions by agency"),
            )
            if pa
            else "",
            note=now_note,
        )
    # sources
    from tinhhinh.store import sources as source_store
    from tinhhinh.timefmt import local_short

    health = source_store.all_sources(w.engine)
    panels["sources"] = Panel(
        "sources",
        _("Source health"),
        [_("source"), _("last success"), _("failures in a row"), _("items")],
        [
            [h.name or h.url, local_short(h.last_success_at), h.consecutive_failures, h.items_total]
            for h in health
        ],
    )
    return panels


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, days: int = 7, actor: Actor = Depends(page_actor)) -> Response:
    days = days if days in WINDOWS else 7
    panels = build_panels(request, actor, days)
    hot = []
    try:
        from tinhhinh.stories.hot import list_stories

        hot = list_stories(web(request).engine, since=dt.timedelta(days=days), limit=8)
    except Exception:  # noqa: BLE001 — a broken story index must not take the whole page down
        hot = []
    return render(request, "dashboard.html", panels=panels, days=days, windows=WINDOWS, hot=hot)


@router.get("/dashboard/data/{key}.{fmt}")
def download(
    request: Request, key: str, fmt: str, days: int = 7, actor: Actor = Depends(page_actor)
) -> Response:
    days = days if days in WINDOWS else 7
    panel = build_panels(request, actor, days).get(key)
    if panel is None or fmt not in ("csv", "xlsx"):
        return Response(status_code=404)
    name = f"tinhhinh-{key}-{days}d.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(panel.columns)
        writer.writerows(panel.rows)
        return Response("\ufeff" + buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = key[:31]
    ws.append(panel.columns)
    for row in panel.rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return Response(
        out.getvalue(),
        headers=headers,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
