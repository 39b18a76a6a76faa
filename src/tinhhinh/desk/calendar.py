"""The office calendar: which days are working days (for "ngày làm việc" and for rolling a deadline forward)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tinhhinh import config
from tinhhinh.console import UserError


def _days(entries: list[dict[str, Any]] | None, where: str) -> dict[dt.date, str]:
    out: dict[dt.date, str] = {}
    for entry in entries or []:
        name = str(entry.get("name", ""))
        if "date" in entry:
            out[_as_date(entry["date"], where)] = name
        elif "from" in entry and "to" in entry:
            day, last = _as_date(entry["from"], where), _as_date(entry["to"], where)
            if last < day:
                raise UserError(f"{where}: range {day}..{last} ends before it starts")
            while day <= last:
                out[day] = name
                day += dt.timedelta(days=1)
        else:
            raise UserError(f"{where}: each entry needs `date` or `from`+`to`: {entry!r}")
    return out


def _as_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise UserError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from exc


@dataclass
class OfficeCalendar:
    days_off: dict[dt.date, str] = field(default_factory=dict)
    working_weekend_days: dict[dt.date, str] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    version: str = ""
    sources: list[str] = field(default_factory=list)

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_weekend_days:
            return True
        if day.weekday() >= 5:
            return False
        return day not in self.days_off

    def why_off(self, day: dt.date) -> str | None:
        if self.is_working_day(day):
            return None
        if day in self.days_off:
            return self.days_off[day]
        return "Saturday" if day.weekday() == 5 else "Sunday"

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (``start`` itself is not counted)."""
        day = start
        counted = 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    @classmethod
    def from_mapping(cls, data: dict[str, Any], where: str) -> OfficeCalendar:
        cal = cls(version=str(data.get("version", "")), sources=[where])
        cal.merge(data, where)
        return cal

    def merge(self, data: dict[str, Any], where: str) -> None:
        """Add the years in ``data``; a year present in ``data`` replaces the same year already loaded."""
        for year, spec in (data.get("years") or {}).items():
            year = int(year)
            spec = spec or {}
            self.days_off = {d: n for d, n in self.days_off.items() if d.year != year}
            self.working_weekend_days = {d: n for d, n in self.working_weekend_days.items() if d.year != year}
            off = _days(spec.get("days_off"), f"{where} year {year}")
            work = _days(spec.get("working_days"), f"{where} year {year}")
            for day in [*off, *work]:
                if day.year != year:
                    raise UserError(f"{where}: {day} is listed under year {year}")
            self.days_off.update(off)
            self.working_weekend_days.update(work)
            self.years.add(year)


def load_calendar(path: Path | None = None) -> OfficeCalendar:
    """The shipped calendar, with whole years overridden/added by ``$TINHHINH_HOME/holidays.yaml``."""
    if path is not None:
        return OfficeCalendar.from_mapping(_read(path), str(path))
    override = config.home() / "holidays.yaml"
    stamp = override.stat().st_mtime_ns if override.exists() else None
    return _cached(str(override), stamp)


@lru_cache(maxsize=8)
def _cached(override_path: str, _stamp: int | None) -> OfficeCalendar:
    """Re-read when the override file appears, changes or goes (its mtime is part of the key)."""
    override = Path(override_path)
    shipped = resources.files("tinhhinh") / "data" / "holidays.yaml"
    cal = OfficeCalendar.from_mapping(
        yaml.safe_load(shipped.read_text(encoding="utf-8")), "data/holidays.yaml"
    )
    if override.exists():
        data = _read(override)
        cal.merge(data, str(override))
        cal.sources.append(str(override))
        cal.version = f"{cal.version}+{data.get('version', 'local')}"
    return cal


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UserError(f"cannot read the calendar {path}: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict):
        raise UserError(f"calendar {path}: expected a mapping with `years`")
    return data
