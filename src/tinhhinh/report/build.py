"""Assemble the periodic review (báo cáo tổng kết công tác) from the database: figures, then the Report.

``figures(engine, start_day, end_day)`` gives the raw numbers (also used by tests and the dashboard);
``build_report(...)`` turns them into numbered sections. Same database and arguments → same content: every
ordering has a tie-breaker and nothing reads the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import Engine

from tinhhinh import clock, config
from tinhhinh.desk import deadlines
from tinhhinh.harm.flags import STATUSES as HARM_STATUSES  # a column per state of the flag review
from tinhhinh.report import charts
from tinhhinh.report.model import Chart, Header, Para, Report, Section, Table
from tinhhinh.report.text import (
    fmt_change,
    fmt_date,
    fmt_int,
    fmt_num,
    fmt_pct,
    month_name,
    t,
)
from tinhhinh.store import report_queries as q
from tinhhinh.timefmt import LOCAL_TZ

CASE_DONE = {"responded", "closed"}
CASE_OPEN = {"new", "assigned", "in_progress", "transferred", "reopened"}
PET_OPEN = {"received", "accepted", "extended"}
PET_OTHER = {"not_accepted", "forwarded", "guided", "merged_duplicate"}
PET_KINDS = ("kien_nghi_phan_anh", "khieu_nai", "to_cao")


# ------------------------------------------------------------------ time
def utc_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Whole local days first..last → [start, end) in naive UTC."""

    def at(d: dt.date) -> dt.datetime:
        local = dt.datetime.combine(d, dt.time(0), LOCAL_TZ)
        return local.astimezone(dt.UTC).replace(tzinfo=None)

    return at(first), at(last + dt.timedelta(days=1))


def local_date(value: dt.datetime) -> dt.date:
    return value.replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ).date()


def _month_start(d: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (negative: before) the month of ``d``."""
    m = d.year * 12 + d.month - 1 + months
    return dt.date(m // 12, m % 12 + 1, 1)


def whole_months(first: dt.date, last: dt.date) -> int:
    """How many whole calendar months first..last covers (a month, a quarter, six months, a year), or 0."""
    nxt = last + dt.timedelta(days=1)
    if first.day != 1 or nxt.day != 1 or nxt <= first:
        return 0
    return (nxt.year - first.year) * 12 + nxt.month - first.month


def previous_period(first: dt.date, last: dt.date, through: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The period a report compares with. Whole calendar months (a month, a quarter, a year) are compared
    with as many whole months just before — March with February, 2025 with 2024 — so the "previous" column
    equals the previous report the office filed; any other span with the same number of days just before.

    ``through`` (a period not ended yet, reported up to today): a calendar period is compared with the same
    days at the start of the previous one (1–20 November with 1–20 October, clamped to its last day), any
    other span with as many days as were reported."""
    through = min(last, through) if through else last
    months = whole_months(first, last)
    if months:
        pfirst = _month_start(first, -months)
        plast = first - dt.timedelta(days=1)
        return pfirst, plast if through == last else min(plast, pfirst + (through - first))
    n = (through - first).days + 1
    return first - dt.timedelta(days=n), first - dt.timedelta(days=1)


# ------------------------------------------------------------------ labels
@lru_cache(maxsize=1)
def _areas() -> dict[str, dict[str, str]]:
    try:
        text = (resources.files("tinhhinh") / "data" / "areas.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return {a["code"]: a for a in (yaml.safe_load(text) or {}).get("areas", [])}


def area_label(code: str | None, lang: str) -> str:
    if not code:
        return t("unknown", lang)
    a = _areas().get(code)
    return a.get(lang, a.get("vi", code)) if a else code


def sector_label(code: str | None, lang: str) -> str:
    if not code:
        return t("unknown", lang)
    try:
        from tinhhinh.desk.people import sectors

        s = sectors().get(code)
    except Exception:  # noqa: BLE001 - labels only: fall back to the code
        s = None
    return s.get(lang, code) if s else code


def _place_name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value.get("province") or value.get("name")
    return None


# ------------------------------------------------------------------ figures
def _items_figures(conn, start: dt.datetime, end: dt.datetime) -> dict[str, Any]:
    totals = q.item_totals(conn, start, end)
    places: Counter[str] = Counter()
    for value in q.json_column(conn, "places", start, end):
        names = {_place_name(p) for p in (value if isinstance(value, list) else [value])}
        places.update(n for n in names if n)
    flags: dict[str, Counter[str]] = defaultdict(Counter)
    for value in q.json_column(conn, "harm", start, end):
        for h in value if isinstance(value, list) else []:
            if isinstance(h, dict) and h.get("type"):
                flags[str(h["type"])][str(h.get("status") or "unconfirmed")] += 1
    versions: Counter[tuple[str, str]] = Counter()
    for value in q.json_column(conn, "model_version", start, end):
        if isinstance(value, dict):
            versions.update((str(k), str(v)) for k, v in value.items())
    return {
        **totals,
        "by_area": q.counts_by(conn, "area", start, end),
        "by_source": q.counts_by(conn, "source", start, end),
        "by_place": dict(places),
        "flags": {k: dict(v) for k, v in flags.items()},
        "flags_total": sum(sum(v.values()) for v in flags.values()),
        "flags_confirmed": sum(v.get("confirmed", 0) for v in flags.values()),
        "tox_area": q.toxicity_counts(conn, "area", start, end),
        "tox_source": q.toxicity_counts(conn, "source", start, end),
        "model_versions": dict(versions),
    }


def _daily(
    conn, start: dt.datetime, end: dt.datetime, first: dt.date, last: dt.date
) -> list[tuple[str, int]]:
    """Items per day (per month when the period is longer than two months), in local time."""
    monthly = (last - first).days > 62
    buckets: Counter[str] = Counter()
    for at in q.item_dates(conn, start, end):
        d = local_date(at)
        buckets[d.strftime("%Y-%m") if monthly else d.isoformat()] += 1
    keys: list[str] = []
    d = first
    while d <= last:
        k = d.strftime("%Y-%m") if monthly else d.isoformat()
        if not keys or keys[-1] != k:
            keys.append(k)
        d += dt.timedelta(days=1)
    return [(k, buckets.get(k, 0)) for k in keys]


def _stories(conn, start: dt.datetime, end: dt.datetime, per_month: int) -> list[dict[str, Any]]:
    """Top stories of each local month in the period: [{month: (y, m), stories: [...]}]."""
    by_month: dict[tuple[int, int], dict[str, dict[str, Any]]] = defaultdict(dict)
    for sid, at, src in q.story_activity(conn, start, end):
        d = local_date(at)
        s = by_month[(d.year, d.month)].setdefault(
            sid, {"id": sid, "items": 0, "sources": set(), "first": at}
        )
        s["items"] += 1
        s["sources"].add(src)
    out = []
    for month in sorted(by_month):
        ranked = sorted(by_month[month].values(), key=lambda s: (-s["items"], -len(s["sources"]), s["id"]))
        top = [s for s in ranked if s["items"] >= 2][:per_month]
        rows = q.story_rows(conn, [s["id"] for s in top])
        for s in top:
            row = rows.get(s["id"], {})
            s["n_sources"] = len(s.pop("sources"))
            s["label"] = (row.get("label") or "").strip()
            s["summary"] = _short(_summary(conn, s["id"], row))
            if not s["label"]:
                first = q.story_first_items(conn, s["id"], 1)
                s["label"] = first[0]["title"] if first else s["id"]
        out.append({"month": month, "stories": top})
    return out


def _short(sentences: list[str], max_words: int = 70) -> list[str]:
    """At most two sentences and about ``max_words`` words: a review lists many stories."""
    out: list[str] = []
    words = 0
    for sent in sentences[:2]:
        w = sent.split()
        if out and words + len(w) > max_words:
            break
        if len(w) > max_words:
            sent = " ".join(w[:max_words]).rstrip(",;:") + " …"
        out.append(sent)
        words += len(w)
    return out


def _summary(conn, story_id: str, row: dict[str, Any]) -> list[str]:
    """The story's stored summary; else the stories summariser; else the first item's lead sentences."""
    cached = row.get("summary")
    if isinstance(cached, dict) and cached.get("sentences"):
        return [str(x) for x in cached["sentences"]][:3]
    if isinstance(cached, list) and cached:
        return [str(x) for x in cached][:3]
    first = q.story_first_items(conn, story_id, 20)
    if not first:
        return []
    try:
        from tinhhinh.item import Item
        from tinhhinh.stories.summaries import summarize

        sents = summarize(
            [
                Item(source=r["source"], title=r["title"], text=r["text"], published_at=r["published_at"])
                for r in first
            ]
        )
        if sents:
            return sents[:3]
    except ModuleNotFoundError:
        pass
    text = first[0]["text"] or ""
    lead = [s.strip() for s in re.split(r"(?<=[.!?…])\s+", text) if s.strip()][:2]
    return lead or [first[0]["title"]]


def _state_at(transitions: list[dict[str, Any]], until, key: str, initial: str) -> tuple[str, dict | None]:
    state, last = initial, None
    for tr in transitions:
        if tr[key] is not None and tr[key] < until:
            state, last = tr["to"], tr
    return state, last


def agency_at(moves: list[tuple[dt.datetime, Any]], end: dt.datetime, current: Any) -> Any:
    """The agency holding a record at ``end`` (exclusive): the last recorded move before it; a record
    entered after ``end`` but dated before it (a petition received on paper, typed in later) is under the
    agency it was entered with; ``current`` only when nothing is recorded (data from before the audit)."""
    if not moves:
        return current
    held = moves[0][1]
    for at, agency in moves:
        if at < end:
            held = agency
    return held


def _desk(conn, first: dt.date, last: dt.date, start: dt.datetime, end: dt.datetime) -> dict[str, Any]:
    """Case and petition statistics per agency (counts, rates, medians): never a record, never a name."""
    end_day = last + dt.timedelta(days=1)  # "by the end of the last day"
    agencies = {a["id"]: a for a in q.agency_rows(conn)}
    cases: dict[Any, Counter] = defaultdict(Counter)
    case_days: dict[Any, list[float]] = defaultdict(list)
    trans = q.case_transitions(conn)
    case_moves = q.agency_moves(conn, "case")
    for c in q.case_rows(conn, end):
        tr = trans.get(c["id"], [])
        initial = tr[0]["from"] if tr and tr[0].get("from") else c["status"] if not tr else "new"
        state, last_tr = _state_at(tr, end, "at", initial)
        k = agency_at(case_moves.get(c["id"], []), end, c["agency_id"])
        if start <= c["created_at"] < end:
            cases[k]["received"] += 1
        done = next((x for x in tr if x["to"] in CASE_DONE), None)
        if done is not None and start <= done["at"] < end:
            cases[k]["resolved"] += 1
            case_days[k].append((done["at"] - c["created_at"]).total_seconds() / 86400)
            if c["due_date"] is not None:
                cases[k]["with_due"] += 1
                cases[k]["on_time"] += int(local_date(done["at"]) <= c["due_date"])
        if state in CASE_OPEN:
            cases[k]["open"] += 1
            if c["due_date"] is not None and c["due_date"] < end_day:
                cases[k]["overdue"] += 1
    pets: dict[Any, Counter] = defaultdict(Counter)
    pet_days: dict[Any, list[float]] = defaultdict(list)
    kinds: dict[str, Counter] = defaultdict(Counter)
    ptrans = q.petition_transitions(conn)
    pet_moves = q.agency_moves(conn, "petition")
    for p in q.petition_rows(conn, last):
        tr = ptrans.get(p["id"], [])
        state, last_tr = _state_at(tr, end_day, "on", "received")
        if last_tr:
            due = last_tr["due_on"]
        elif not tr:  # never moved: its due date is the one it has now
            due = p["due_on"]
        elif p["kind"] == "kien_nghi_phan_anh":
            due = next((x["due_on"] for x in tr if x["due_on"]), p["due_on"])
        else:  # still `received` at the period's end: initial handling / acceptance (desk.deadlines)
            due = deadlines.receipt_due(p["kind"], p["received_on"], complex=bool(p["complex"]))
        k = agency_at(pet_moves.get(p["id"], []), end, p["agency_id"])
        kind = p["kind"]
        if first <= p["received_on"] <= last:
            pets[k]["received"] += 1
            kinds[kind]["received"] += 1
        for x in tr:
            if not (first <= x["on"] <= last):
                continue
            if x["to"] == "accepted":
                pets[k]["accepted"] += 1
                kinds[kind]["accepted"] += 1
            elif x["to"] in PET_OTHER:
                pets[k]["other"] += 1
                kinds[kind]["other"] += 1
            elif x["to"] == "resolved":
                pets[k]["resolved"] += 1
                kinds[kind]["resolved"] += 1
                pet_days[k].append(float((x["on"] - p["received_on"]).days))
                if x["due_on"] is not None:
                    pets[k]["with_due"] += 1
                    kinds[kind]["with_due"] += 1
                    ok = int(x["on"] <= x["due_on"])
                    pets[k]["on_time"] += ok
                    kinds[kind]["on_time"] += ok
        if state in PET_OPEN:
            pets[k]["open"] += 1
            kinds[kind]["open"] += 1
            if due is not None and due < end_day:
                pets[k]["overdue"] += 1
                kinds[kind]["overdue"] += 1
    return {
        "agencies": agencies,
        "cases": {k: dict(v) for k, v in cases.items()},
        "case_days": {k: v for k, v in case_days.items()},
        "petitions": {k: dict(v) for k, v in pets.items()},
        "petition_days": {k: v for k, v in pet_days.items()},
        "kinds": {k: dict(v) for k, v in kinds.items()},
    }


def desk_open_at(conn, day: dt.date) -> dict[str, Any]:
    """Cases and petitions open and overdue per agency at the end of local ``day`` (the dashboard's desk
    panels): the report's own rule — states ``PET_OPEN``/``CASE_OPEN``, overdue when the due date is on
    or before ``day`` — so the dashboard of a day and the report ending that day say the same."""
    start, end = utc_bounds(day, day)
    return _desk(conn, day, day, start, end)


def _sum(d: dict[Any, dict[str, int]], key: str) -> int:
    return sum(v.get(key, 0) for v in d.values())


def figures(
    engine: Engine,
    first: dt.date,
    last: dt.date,
    *,
    stories_per_month: int = 5,
    period_last: dt.date | None = None,
) -> dict[str, Any]:
    """Every number in the report for the local days first..last, and the previous period's summary.
    ``period_last``: the last day asked for when ``last`` is today in a period not ended yet (the
    previous period depends on the whole period asked for, see ``previous_period``)."""
    start, end = utc_bounds(first, last)
    pfirst, plast = previous_period(first, max(last, period_last or last), through=last)
    pstart, pend = utc_bounds(pfirst, plast)
    with engine.connect() as conn:
        cur = _items_figures(conn, start, end)
        prev = _items_figures(conn, pstart, pend)
        cur["daily"] = _daily(conn, start, end, first, last)
        cur["stories_by_month"] = _stories(conn, start, end, stories_per_month)
        desk = _desk(conn, first, last, start, end)
        pdesk = _desk(conn, pfirst, plast, pstart, pend)
        cur["watched_sources"] = q.monitored_sources(conn)
    for fig, d in ((cur, desk), (prev, pdesk)):
        fig["desk"] = d
        fig["cases_received"] = _sum(d["cases"], "received")
        fig["cases_resolved"] = _sum(d["cases"], "resolved")
        fig["petitions_received"] = _sum(d["petitions"], "received")
        fig["petitions_resolved"] = _sum(d["petitions"], "resolved")
        fig["cases_open"] = _sum(d["cases"], "open")
        fig["cases_overdue"] = _sum(d["cases"], "overdue")
        fig["petitions_open"] = _sum(d["petitions"], "open")
        fig["petitions_overdue"] = _sum(d["petitions"], "overdue")
    return {
        "first": first,
        "last": last,
        "previous": {"first": pfirst, "last": plast, **prev},
        **cur,
    }


# ------------------------------------------------------------------ model quality
METRIC_WORDS = {
    "accuracy": ("độ chính xác", "accuracy"),
    "macro_f1": ("F1 trung bình các lớp (macro-F1)", "macro-F1"),
    "precision": ("độ chính xác của từ khóa (precision)", "precision"),
    "f1": ("F1 gom tin đúng vấn đề", "story F1"),
}


@lru_cache(maxsize=1)
def model_quality() -> list[dict[str, Any]]:
    """The shipped models' measured scores as their cards state them (``data/model_quality.yaml``)."""
    try:
        text = (resources.files("tinhhinh") / "data" / "model_quality.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return list((yaml.safe_load(text) or {}).get("models", []))


def _decimal(value: str, lang: str) -> str:
    """ "0.9439" → "0,9439" in Vietnamese (a decimal comma; thousands are not written in scores)."""
    return value.replace(".", ",") if lang == "vi" else value


def _local_card(stage: str, version: str) -> dict[str, Any] | None:
    """The card.json of a model trained on this machine (toxicity), when it is the version the items name."""
    if stage != "toxicity":
        return None
    try:
        from tinhhinh.harm.toxicity import default_model_dir

        card = json.loads((default_model_dir() / "card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, ModuleNotFoundError):
        return None
    return card if str(card.get("version")) == version else None


def quality_words(stage: str, version: str, lang: str) -> str:
    """One model version's measured quality in plain words of the report's language, from its own card;
    ``no_card`` when no card gives scores for that version."""
    base = version.split("+", 1)[0]
    for m in model_quality():
        if m.get("stage") == stage and m.get("version") in (version, base):
            scores = ", ".join(
                f"{METRIC_WORDS.get(k, (k, k))[0 if lang == 'vi' else 1]} {_decimal(str(v), lang)}"
                for k, v in m.get("scores", [])
            )
            on = (m.get("on") or {}).get(lang, "")
            return t("quality_on", lang, scores=scores, on=on, card=f"models/{m['card']}.md")
    card = _local_card(stage, version)
    if card and isinstance(card.get("dev"), dict) and card["dev"].get("macro_f1") is not None:
        f1 = _decimal(f"{float(card['dev']['macro_f1']):.3f}", lang)
        n = (card.get("data") or {}).get("n_dev")
        on = t("quality_tox_on", lang, n=fmt_int(n, lang) if n else "?")
        return t("quality_on", lang, scores=f"{METRIC_WORDS['macro_f1'][0 if lang == 'vi' else 1]} {f1}",
                 on=on, card="card.json")  # fmt: skip
    return t("no_card", lang)


# ------------------------------------------------------------------ the document
def _issue_header(lang: str, first: dt.date, last: dt.date, issued: dt.date, period: str) -> Header:
    place = str(config.setting("report.place", "……………"))
    symbol = str(config.setting("report.symbol", "BC-……"))
    kw = {
        "d": issued.day,
        "m": issued.month,
        "y": issued.year,
        "place": place,
        "month_name": month_name(issued.month),
    }
    recipients = config.setting("report.recipients", None)
    return Header(
        parent_body=str(config.setting("report.parent_body", "")).upper(),
        issuer=str(
            config.setting("report.issuer", "CƠ QUAN BÁO CÁO" if lang == "vi" else "REPORTING OFFICE")
        ).upper(),
        number_line=t("number_line", lang, symbol=symbol),
        place_date=t("place_date", lang, **kw),
        doc_type=t("doc_type", lang),
        subject=t("subject", lang, period=period),
        national_title="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        if lang == "vi"
        else "SOCIALIST REPUBLIC OF VIET NAM",
        motto="Độc lập - Tự do - Hạnh phúc" if lang == "vi" else "Independence - Freedom - Happiness",
        recipients_label=t("recipients", lang),
        recipients=list(recipients) if recipients else t("recipients_default", lang).split("|"),
        signer_title=str(config.setting("report.signer_title", t("signer", lang))).upper(),
        signer_note=t("signer_note", lang),
    )


def compared_with(
    first: dt.date, last: dt.date, through: dt.date, pfirst: dt.date, plast: dt.date, lang: str
) -> str:
    """Words for the period a report compares with ("tháng 02/2024 (01/02/2024 – 29/02/2024)")."""
    pa, pb = fmt_date(pfirst, lang), fmt_date(plast, lang)
    months = whole_months(first, last)
    part = "_part" if through < last else ""
    if months in (1, 12) and (months == 1 or first.month == 1):
        whole_prev = period_words(pfirst, first - dt.timedelta(days=1), lang)
        return t("cmp_named" + part, lang, prev=whole_prev, pa=pa, pb=pb)
    if months:
        return t("cmp_months" + part, lang, n=months, pa=pa, pb=pb)
    return t("cmp_days", lang, n=(plast - pfirst).days + 1, pa=pa, pb=pb)


def period_words(first: dt.date, last: dt.date, lang: str) -> str:
    nxt = last + dt.timedelta(days=1)
    if first.day == 1 and nxt.day == 1 and (nxt.month - first.month) % 12 == 1 and (nxt - first).days <= 31:
        return t("period_month", lang, m=first.month, y=first.year, month_name=month_name(first.month))
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return t("period_year", lang, y=first.year)
    return t("period_range", lang, a=fmt_date(first, lang), b=fmt_date(last, lang))


def top_counts(counts: dict, limit: int | None = None) -> list[tuple[Any, int]]:
    """Most first, ties by name: one ranking for the report's tables and the dashboard's top-N panels."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return ordered if limit is None else ordered[:limit]


def _rank_table(caption: str, head: str, counts: dict, label, lang: str, limit: int | None = None) -> Table:
    total = sum(counts.values())
    ordered = top_counts(counts)
    rest = 0
    if limit is not None and len(ordered) > limit:
        rest = sum(n for _, n in ordered[limit:])
        ordered = ordered[:limit]
    rows = [
        [str(i), label(k), fmt_int(n, lang), fmt_pct(n, total, lang)] for i, (k, n) in enumerate(ordered, 1)
    ]
    if rest:
        rows.append(["", "…" if lang == "vi" else "other", fmt_int(rest, lang), fmt_pct(rest, total, lang)])
    rows.append(["", t("total", lang), fmt_int(total, lang), "100%" if total else "—"])
    return Table(caption, [t("no", lang), head, t("items", lang), t("share", lang)], rows,
                 [False, False, True, True], total_row=True)  # fmt: skip


def _chart(kind: str, categories: list[str], series: dict[str, list[float]], table: Table, *, title: str,
           value_label: str = "", x_label: str = "") -> Chart:  # fmt: skip
    """The SVG chart plus its data (the PDF draws from the data)."""
    if kind == "line":
        svg = charts.line(categories, series, title=title, x_label=x_label, y_label=value_label)
    else:
        svg = charts.stacked_bar(categories, series, title=title, value_label=value_label)
    spec = {"kind": kind, "categories": categories, "series": series, "value_label": value_label,
            "x_label": x_label}  # fmt: skip
    return Chart(svg=svg, title=title, table=table.caption, spec=spec)


def _agency_name(agencies: dict, k: Any, lang: str) -> str:
    if k is None:
        return t("unassigned", lang)
    a = agencies.get(k)
    return a["name"] if a else f"#{k}"


def _desk_table(caption: str, d: dict[Any, dict[str, int]], days: dict[Any, list[float]], agencies: dict,
                lang: str, petitions: bool) -> Table:  # fmt: skip
    cols = [t("agency", lang), t("received", lang)]
    if petitions:
        cols += [t("accepted", lang), t("handled_other", lang)]
    cols += [
        t("resolved", lang),
        t("on_time", lang),
        t("median_days", lang),
        t("open_end", lang),
        t("overdue", lang),
    ]
    keys = sorted(d, key=lambda k: (k is None, _agency_name(agencies, k, lang)))
    rows = []

    def row(name: str, v: dict[str, int], ds: list[float]) -> list[str]:
        r = [name, fmt_int(v.get("received", 0), lang)]
        if petitions:
            r += [fmt_int(v.get("accepted", 0), lang), fmt_int(v.get("other", 0), lang)]
        r += [
            fmt_int(v.get("resolved", 0), lang),
            fmt_pct(v.get("on_time", 0), v.get("with_due", 0), lang),
            fmt_num(statistics.median(ds), lang) if ds else "—",
            fmt_int(v.get("open", 0), lang),
            fmt_int(v.get("overdue", 0), lang),
        ]
        return r

    for k in keys:
        rows.append(row(_agency_name(agencies, k, lang), d[k], days.get(k, [])))
    total: Counter[str] = Counter()
    for v in d.values():
        total.update(v)
    rows.append(row(t("total", lang), dict(total), [x for k in keys for x in days.get(k, [])]))
    return Table(caption, cols, rows, [False] + [True] * (len(cols) - 1), total_row=True)


def build_report(
    engine: Engine,
    first: dt.date,
    last: dt.date,
    *,
    lang: str = "vi",
    issued: dt.date | None = None,
    stories_per_month: int = 5,
    today: dt.date | None = None,
) -> Report:
    """The report for the local days first..last. A period that has not ended yet (this month) is
    reported up to today and compared with as many days before it: days still to come would draw as
    zeros, count cases due tomorrow as overdue and compare part of a month with a whole one."""
    if lang not in ("vi", "en"):
        raise ValueError("lang must be vi or en")
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    today = today or clock.office_today()
    if first > today:
        raise ValueError(
            f"the period starts on {first}, after today ({today}): there is nothing to report yet"
        )
    through = min(last, today)
    f = figures(engine, first, through, stories_per_month=stories_per_month, period_last=last)
    prev = f["previous"]
    period = period_words(first, last, lang)
    header = _issue_header(lang, first, last, issued or through, period)
    sections: list[Section] = []
    L = lang

    # ---------------------------------------------------------------- intro (unnumbered)
    pa, pb = fmt_date(prev["first"], L), fmt_date(prev["last"], L)
    compare = compared_with(first, last, through, prev["first"], prev["last"], L)
    intro = Section("", "", 0, [Para(t("intro", L, period=period, a=fmt_date(first, L), b=fmt_date(through, L),
                                           compare=compare))])  # fmt: skip
    if through < last:
        intro.blocks.append(
            Para(t("partial", L, through=fmt_date(through, L), last=fmt_date(last, L), pa=pa, pb=pb))
        )
    sections.append(intro)

    # ---------------------------------------------------------------- I. overview
    sections.append(Section("I", t("p_overview", L), 1))
    indicators = [
        ("f_items", "items"), ("f_originals", "originals"), ("f_sources", "sources"), ("f_stories", "stories"),
        ("f_flags", "flags_total"), ("f_confirmed", "flags_confirmed"), ("f_cases_in", "cases_received"),
        ("f_cases_done", "cases_resolved"), ("f_pet_in", "petitions_received"), ("f_pet_done", "petitions_resolved"),
    ]  # fmt: skip
    rows = [
        [t(k, L), fmt_int(f[v], L), fmt_int(prev[v], L), fmt_change(f[v], prev[v], L)] for k, v in indicators
    ]
    od_now = f["cases_overdue"] + f["petitions_overdue"]
    od_prev = prev["cases_overdue"] + prev["petitions_overdue"]
    rows.append([t("f_overdue", L), fmt_int(od_now, L), fmt_int(od_prev, L), fmt_change(od_now, od_prev, L)])
    summary = Table(
        f"{t('s_summary', L)} ({fmt_date(first, L)} – {fmt_date(through, L)} / {fmt_date(prev['first'], L)} – "
        f"{fmt_date(prev['last'], L)})",
        [t("indicator", L), t("this_period", L), t("prev_period", L), t("change", L)],
        rows,
        [False, True, True, True],
    )
    overview = Para(
        t("overview_text", L, items=fmt_int(f["items"], L), sources=fmt_int(f["sources"], L),
          originals=fmt_int(f["originals"], L), copies=fmt_int(f["copies"], L), stories=fmt_int(f["stories"], L),
          change=fmt_change(f["items"], prev["items"], L))
    )  # fmt: skip
    sections.append(Section("1", t("s_summary", L), 2, [overview, summary]))

    daily = f["daily"]
    unit = t("month", L) if daily and len(daily[0][0]) == 7 else t("day", L)

    def short(k: str) -> str:
        if len(k) == 7:
            return f"{k[5:7]}/{k[:4]}"
        return f"{k[8:10]}/{k[5:7]}"

    daily_table = Table(
        f"{t('s_daily', L)}: {t('items', L).lower()} / {unit.lower()}",
        [unit, t("items", L)],
        [[short(k), fmt_int(n, L)] for k, n in daily],
        [False, True],
    )
    daily_chart = _chart("line", [short(k) for k, _ in daily], {t("items", L): [n for _, n in daily]}, daily_table,
                         title=t("s_daily", L), x_label=unit, value_label=t("items", L))  # fmt: skip
    sections.append(Section("2", t("s_daily", L), 2, [daily_chart, daily_table]))

    area_table = _rank_table(t("s_area", L), t("area", L), f["by_area"], lambda k: area_label(k, L), L)
    ranked = sorted(f["by_area"].items(), key=lambda kv: (-kv[1], str(kv[0])))
    area_chart = _chart("bar", [area_label(k, L) for k, _ in ranked], {t("items", L): [n for _, n in ranked]},
                        area_table, title=t("s_area", L), value_label=t("items", L))  # fmt: skip
    sections.append(Section("3", t("s_area", L), 2, [area_chart, area_table]))
    place_table = _rank_table(t("s_place", L), t("place", L), f["by_place"], str, L, limit=15)
    sections.append(
        Section("4", t("s_place", L), 2, [place_table] if f["by_place"] else [Para(t("none", L))])
    )
    source_table = _rank_table(t("s_source", L), t("source", L), f["by_source"],
                               lambda k: k or t("unknown", L), L, limit=20)  # fmt: skip
    sections.append(Section("5", t("s_source", L), 2, [source_table]))

    # ---------------------------------------------------------------- II. hot issues
    sections.append(Section("II", t("p_hot", L), 1, [Para(t("hot_intro", L))]))
    if not f["stories_by_month"]:
        sections[-1].blocks.append(Para(t("none", L)))
    for i, month in enumerate(f["stories_by_month"], 1):
        y, m = month["month"]
        title = t("s_month", L, m=m, y=y, month_name=month_name(m))
        blocks: list[Any] = []
        table = Table(
            f"{t('p_hot', L).capitalize()} — {title}",
            [t("no", L), t("story", L), t("items", L), t("n_sources", L), t("first_seen", L)],
            [[str(j), s["label"], fmt_int(s["items"], L), fmt_int(s["n_sources"], L),
              fmt_date(local_date(s["first"]), L)] for j, s in enumerate(month["stories"], 1)],
            [False, False, True, True, False],
        )  # fmt: skip
        blocks.append(table)
        for j, s in enumerate(month["stories"], 1):
            if s["summary"]:
                blocks.append(Para(f"{j}. {s['label']}: " + " ".join(s["summary"])))
        sections.append(Section(str(i), title, 2, blocks))

    # ---------------------------------------------------------------- III. harm
    sections.append(Section("III", t("p_harm", L), 1, [Para(t("harm_intro", L))]))
    flag_rows = []
    for typ in sorted(f["flags"]):
        c = f["flags"][typ]
        label = t(f"harm_{typ}", L) if f"harm_{typ}" in _harm_keys() else typ
        flag_rows.append(
            [label] + [fmt_int(c.get(s, 0), L) for s in HARM_STATUSES] + [fmt_int(sum(c.values()), L)]
        )
    tot = Counter()
    for c in f["flags"].values():
        tot.update(c)
    flag_rows.append(
        [t("total", L)] + [fmt_int(tot.get(s, 0), L) for s in HARM_STATUSES] + [fmt_int(sum(tot.values()), L)]
    )
    flags_table = Table(t("s_flags", L), [t("flag_type", L)] + [t(s, L) for s in HARM_STATUSES] + [t("total", L)],
                        flag_rows, [False, True, True, True, True], total_row=True)  # fmt: skip
    sections.append(Section("1", t("s_flags", L), 2, [flags_table]))
    for n, (key, data, label) in enumerate(
        (("s_tox_area", f["tox_area"], lambda k: area_label(k, L)),
         ("s_tox_source", f["tox_source"], lambda k: k or t("unknown", L))), 2
    ):  # fmt: skip
        read_total = sum(r for r, _ in data.values())
        if not read_total:
            sections.append(Section(str(n), t(key, L), 2, [Para(t("tox_absent", L))]))
            continue
        rows = sorted(
            ((k, r, b) for k, (r, b) in data.items() if r), key=lambda x: (-x[2] / x[1], -x[1], str(x[0]))
        )
        trows = [[label(k), fmt_int(r, L), fmt_int(b, L), fmt_pct(b, r, L)] for k, r, b in rows[:20]]
        bad_total = sum(b for _, b in data.values())
        trows.append(
            [t("total", L), fmt_int(read_total, L), fmt_int(bad_total, L), fmt_pct(bad_total, read_total, L)]
        )
        head = t("area", L) if key == "s_tox_area" else t("source", L)
        sections.append(Section(str(n), t(key, L), 2, [Table(t(key, L), [head, t("read", L), t("toxic", L), t("rate", L)],
                                                              trows, [False, True, True, True], total_row=True)]))  # fmt: skip

    # ---------------------------------------------------------------- IV. desk
    d = f["desk"]
    sections.append(Section("IV", t("p_desk", L), 1, [Para(t("desk_intro", L))]))
    ctable = _desk_table(t("s_cases", L), d["cases"], d["case_days"], d["agencies"], L, petitions=False)
    blocks = [ctable] if d["cases"] else [Para(t("none", L))]
    if d["cases"]:
        keys = sorted(d["cases"], key=lambda k: (k is None, _agency_name(d["agencies"], k, L)))
        chart = _chart(
            "stacked",
            [_agency_name(d["agencies"], k, L) for k in keys],
            {t("resolved", L): [d["cases"][k].get("resolved", 0) for k in keys],
             t("open_end", L): [d["cases"][k].get("open", 0) for k in keys]},
            ctable, title=t("s_cases", L), value_label=t("n_cases", L),
        )  # fmt: skip
        blocks.insert(0, chart)
    sections.append(Section("1", t("s_cases", L), 2, blocks))
    ptable = _desk_table(
        t("s_petitions", L), d["petitions"], d["petition_days"], d["agencies"], L, petitions=True
    )
    sections.append(
        Section("2", t("s_petitions", L), 2, [ptable] if d["petitions"] else [Para(t("none", L))])
    )
    krows = []
    for kind in PET_KINDS:
        v = d["kinds"].get(kind, {})
        krows.append([t(kind, L), fmt_int(v.get("received", 0), L), fmt_int(v.get("accepted", 0), L),
                      fmt_int(v.get("other", 0), L), fmt_int(v.get("resolved", 0), L),
                      fmt_pct(v.get("on_time", 0), v.get("with_due", 0), L), fmt_int(v.get("open", 0), L),
                      fmt_int(v.get("overdue", 0), L)])  # fmt: skip
    ktable = Table(t("s_petition_kinds", L),
                   [t("kind", L), t("received", L), t("accepted", L), t("handled_other", L), t("resolved", L),
                    t("on_time", L), t("open_end", L), t("overdue", L)], krows, [False] + [True] * 7)  # fmt: skip
    sections.append(Section("3", t("s_petition_kinds", L), 2, [ktable]))

    # ---------------------------------------------------------------- V. still open
    sections.append(Section("V", t("p_open", L), 1, [Para(t("open_text", L, cases=fmt_int(f["cases_open"], L),
        cases_overdue=fmt_int(f["cases_overdue"], L), petitions=fmt_int(f["petitions_open"], L),
        petitions_overdue=fmt_int(f["petitions_overdue"], L)))]))  # fmt: skip
    for n, (key, data) in enumerate((("s_open_cases", d["cases"]), ("s_open_petitions", d["petitions"])), 1):
        keys = sorted(
            (k for k in data if data[k].get("open")),
            key=lambda k: (k is None, _agency_name(d["agencies"], k, L)),
        )
        rows = [[_agency_name(d["agencies"], k, L), fmt_int(data[k].get("open", 0), L),
                 fmt_int(data[k].get("overdue", 0), L)] for k in keys]  # fmt: skip
        rows.append([t("total", L), fmt_int(sum(data[k].get("open", 0) for k in keys), L),
                     fmt_int(sum(data[k].get("overdue", 0) for k in keys), L)])  # fmt: skip
        sections.append(Section(str(n), t(key, L), 2, [Table(t(key, L), [t("agency", L), t("open_end", L), t("overdue", L)],
                                                             rows, [False, True, True], total_row=True)]))  # fmt: skip

    # ---------------------------------------------------------------- appendix
    sections.append(Section("", t("p_methods", L), 1, [Para(t("privacy_note", L))]))
    watched = f["watched_sources"]
    blocks = [Para(t("methods_sources", L, n=fmt_int(f["sources"], L), watched=fmt_int(len(watched), L)))]
    if watched:
        blocks.append(Table(t("s_sources", L), [t("name", L), t("kind_col", L), t("status", L)],
                            [[w["name"] or w["url"], w["kind"], t("active", L) if w["active"] else t("inactive", L)]
                             for w in watched], [False, False, False]))  # fmt: skip
    sections.append(Section("1", t("s_sources", L), 2, blocks))
    mv = f["model_versions"]
    if mv:
        rows = [[stage, version, fmt_int(n, L), quality_words(stage, version, L)]
                for (stage, version), n in sorted(mv.items())]  # fmt: skip
        blocks = [Table(t("s_models", L), [t("stage", L), t("version", L), t("items", L), t("quality", L)], rows,
                        [False, False, True, False])]  # fmt: skip
    else:
        blocks = [Para(t("no_models", L))]
    sections.append(Section("2", t("s_models", L), 2, blocks))
    sections.append(
        Section("3", t("s_definitions", L), 2, [Para(x, "bullet") for x in t("definitions", L).split("|")])
    )

    plain = {
        k: v for k, v in f.items() if k not in ("desk", "previous", "stories_by_month", "watched_sources")
    }
    plain["previous"] = {k: v for k, v in prev.items() if k not in ("desk", "model_versions")}
    plain["stories_by_month"] = [
        {"month": f"{m['month'][0]}-{m['month'][1]:02d}", "stories": [
            {k: v for k, v in s.items() if k != "first"} for s in m["stories"]]}
        for m in f["stories_by_month"]
    ]  # fmt: skip
    plain["desk"] = {k: v for k, v in d.items() if k != "agencies"}
    plain["model_versions"] = [{"stage": s, "version": v, "items": n} for (s, v), n in sorted(mv.items())]
    return Report(lang=lang, header=header, sections=sections, figures=plain,
                  period={"first": first.isoformat(), "last": last.isoformat(), "words": period})  # fmt: skip


def _harm_keys() -> set[str]:
    from tinhhinh.report.text import T

    return {k for k in T if k.startswith("harm_")}
