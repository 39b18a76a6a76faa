"""Petition deadlines from the rules data file (law, article, quoted sentence, unit, event) and the office calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from tinhhinh import config
from tinhhinh.console import UserError
from tinhhinh.desk.calendar import OfficeCalendar, load_calendar

KINDS = ("kien_nghi_phan_anh", "khieu_nai", "to_cao")
EVENTS = ("received", "accepted", "learned")
FLAGS = ("second", "complex", "remote")
# The clocks that run from receipt until the competent person decides to accept (thụ lý) or not: tố cáo
# initial handling (Luật Tố cáo Art. 24(1)), khiếu nại acceptance (Luật Khiếu nại Art. 27). Forwarding a
# petition that is not the office's to handle (Art. 24(2), 5 working days) is one way to meet them, not a
# separate due date: it applies only to petitions found not to be the office's.
RECEIPT_STAGES = ("initial_handling", "acceptance")


@lru_cache(maxsize=1)
def rules_data() -> dict[str, Any]:
    text = (resources.files("tinhhinh") / "data" / "petition_rules.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class DueDate:
    rule_id: str
    stage: str
    event: str
    event_date: dt.date
    days: int
    unit: str
    due: dt.date
    unrolled_due: dt.date
    rolled_forward_because: str | None
    law: str
    article: str
    quote: str
    source: str
    confidence: str
    extensions: int = 0

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("event_date", "due", "unrolled_due"):
            out[key] = out[key].isoformat()
        return out


def _count(
    cal: OfficeCalendar, start: dt.date, days: int, unit: str, roll: bool
) -> tuple[dt.date, dt.date, str | None]:
    if unit == "working":
        due = cal.add_working_days(start, days)
        return due, due, None
    if unit != "calendar":
        raise UserError(f"petition_rules.yaml: unknown unit {unit!r} (calendar or working)")
    # Civil Code Art. 147: the event day is not counted, so day N is start + N.
    unrolled = start + dt.timedelta(days=days)
    if not roll:
        return unrolled, unrolled, None
    due = cal.next_working_day(unrolled)
    return due, unrolled, (cal.why_off(unrolled) if due != unrolled else None)


def _applies(rule: dict[str, Any], flags: dict[str, bool]) -> bool:
    return all(bool(flags.get(k)) == bool(v) for k, v in (rule.get("when") or {}).items())


def _office_rule() -> dict[str, Any]:
    spec = rules_data().get("kien_nghi_phan_anh") or {}
    days = int(config.setting("desk.kien_nghi_phan_anh.days", spec.get("default_days", 15)))
    unit = str(config.setting("desk.kien_nghi_phan_anh.unit", spec.get("default_unit", "working")))
    return {
        "id": "kien_nghi_phan_anh.office",
        "kind": "kien_nghi_phan_anh",
        "stage": "resolution",
        "event": "received",
        "days": days,
        "unit": unit,
        "roll_forward": True,
        "law": "office setting (no statutory clock in Luật Tiếp công dân 2013)",
        "article": "settings.toml [desk.kien_nghi_phan_anh] days, unit",
        "quote": "",
        "source": str(config.home() / "settings.toml"),
        "confidence": "office setting",
    }


def compute(
    kind: str,
    events: dict[str, dt.date],
    *,
    second: bool = False,
    complex: bool = False,
    very_complex: bool = False,
    remote: bool = False,
    extensions: int = 0,
    calendar: OfficeCalendar | None = None,
) -> dict[str, Any]:
    """Every deadline that follows from ``events`` for a petition of ``kind`` with these flags, with citations."""
    if kind not in KINDS:
        raise UserError(f"unknown petition kind {kind!r}: use one of {', '.join(KINDS)}")
    bad = [e for e in events if e not in EVENTS]
    if bad:
        raise UserError(f"unknown event {bad[0]!r}: use one of {', '.join(EVENTS)}")
    if not events:
        raise UserError("give at least one event, e.g. --event received=2026-10-15")
    complex = complex or very_complex
    if second and kind != "khieu_nai":
        raise UserError(
            "--second applies to khieu_nai only (a second-time complaint, Luật Khiếu nại Art. 37)"
        )
    if extensions < 0:
        raise UserError("--extensions must be 0 or more")
    cal = calendar or load_calendar()
    flags = {"second": second, "complex": complex, "remote": remote}
    rules = [_office_rule()] if kind == "kien_nghi_phan_anh" else rules_data()["rules"]
    ext_rule = next((r for r in rules if r["kind"] == kind and r["stage"] == "extension"), None)
    if extensions:
        if ext_rule is None:
            raise UserError(
                f"{kind} has no extension rule: a complex khieu_nai has a longer term (use --complex), "
                "kien_nghi_phan_anh follows the office setting"
            )
        limits = ext_rule.get("max_extensions") or {}
        allowed = (
            limits.get("very_complex", 0) if very_complex else limits.get("complex", 0) if complex else 0
        )
        if extensions > allowed:
            raise UserError(
                f"{extensions} extension(s) not allowed ({ext_rule['article']}): "
                f"complex allows {limits.get('complex', 0)}, very complex {limits.get('very_complex', 0)}, "
                "ordinary none"
            )
    dates: list[DueDate] = []
    for rule in rules:
        if rule["kind"] != kind or rule["stage"] == "extension" or not _applies(rule, flags):
            continue
        start = events.get(rule["event"])
        if start is None:
            continue
        days = int(rule["days"])
        n_ext = 0
        cite = {k: rule.get(k, "") for k in ("law", "article", "quote", "source", "confidence")}
        rule_id = rule["id"]
        if ext_rule is not None and rule["stage"] == "resolution" and extensions:
            n_ext = extensions
            days += extensions * int(ext_rule["days"])
            rule_id = f"{rule['id']}+{ext_rule['id']}x{extensions}"
            for k in ("article", "quote", "confidence"):
                cite[k] = f"{cite[k]} | {ext_rule.get(k, '')}"
        due, unrolled, because = _count(cal, start, days, rule["unit"], bool(rule.get("roll_forward", True)))
        dates.append(
            DueDate(
                rule_id=rule_id,
                stage=rule["stage"],
                event=rule["event"],
                event_date=start,
                days=days,
                unit=rule["unit"],
                due=due,
                unrolled_due=unrolled,
                rolled_forward_because=because,
                extensions=n_ext,
                **cite,
            )
        )
    if not dates:
        raise UserError(
            f"no rule for {kind} counts from {', '.join(events)}: resolution clocks count from `accepted`, "
            "acceptance/initial handling from `received`"
        )
    warnings = []
    for d in dates:
        for day in (d.event_date, d.unrolled_due, d.due):
            if not cal.covers(day):
                warnings.append(
                    f"{day.isoformat()} is outside the office calendar ({', '.join(map(str, sorted(cal.years)))}): "
                    "only weekends were treated as days off; add the year to $TINHHINH_HOME/holidays.yaml"
                )
    return {
        "kind": kind,
        "events": {k: v.isoformat() for k, v in events.items()},
        "flags": {**flags, "very_complex": very_complex, "extensions": extensions},
        "dates": [d.to_json() for d in dates],
        "calendar": {"version": cal.version, "years": sorted(cal.years), "sources": cal.sources},
        "rules_version": rules_data().get("version"),
        "warnings": sorted(set(warnings)),
    }


def receipt_due(kind: str, received_on: dt.date, *, complex: bool = False) -> dt.date | None:
    """The date a petition that is only ``received`` must be accepted or otherwise handled by (initial
    handling / acceptance, ``RECEIPT_STAGES``); None for kiến nghị, phản ánh, whose resolution clock already
    runs from receipt."""
    if kind == "kien_nghi_phan_anh":
        return None
    result = compute(kind, {"received": received_on}, complex=complex)
    due = [d["due"] for d in result["dates"] if d["stage"] in RECEIPT_STAGES]
    return min(dt.date.fromisoformat(d) for d in due) if due else None


def resolution_due(kind: str, events: dict[str, dt.date], **flags: Any) -> dt.date | None:
    """The resolution deadline, or None when the counting event has not happened yet."""
    try:
        result = compute(kind, events, **flags)
    except UserError:
        if "accepted" not in events and kind != "kien_nghi_phan_anh":
            return None
        raise
    due = [d["due"] for d in result["dates"] if d["stage"] == "resolution"]
    return dt.date.fromisoformat(due[0]) if due else None
