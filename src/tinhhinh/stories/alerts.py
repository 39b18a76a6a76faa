"""Saved searches and alerts: an analyst follows a topic; each new matching story, and each story of
the topic that starts to burst, is reported once — to the terminal, a file, or by email.

A saved search is a topic (words, area, place, harm type), never a person: it runs through the same
audited search as any other query, so following a name is as visible as searching one.
"""

from __future__ import annotations

import json
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from rich.markup import escape
from sqlalchemy import Engine

from tinhhinh.console import UserError
from tinhhinh.mail import Smtp
from tinhhinh.store import story_queries as sq
from tinhhinh.store.search import Filters, matching_story_ids
from tinhhinh.stories.hot import story_views
from tinhhinh.timefmt import local_iso, local_short, utcnow

HARM_TYPES = ("scam", "toxic", "factcheck")


@dataclass
class Alert:
    search: str
    kind: str  # "new" story matching the topic, or "burst" when one of its stories turns hot
    story_id: str
    label: str
    explanation: str
    items: int
    sources: int

    def line(self) -> str:
        what = "new story" if self.kind == "new" else "burst"
        return f"[{self.search}] {what}: {self.label} ({self.story_id}) — {self.explanation}"

    def as_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def add(
    engine: Engine,
    name: str,
    *,
    owner: str,
    query: str | None = None,
    area: str | None = None,
    place: str | None = None,
    harm: str | None = None,
) -> int:
    if not any([query, area, place, harm]):
        raise UserError("a saved search needs at least one of --query, --area, --place, --harm")
    if harm and harm not in HARM_TYPES:
        raise UserError(f"--harm {harm!r}: use one of {', '.join(HARM_TYPES)}")
    if query:
        from tinhhinh.store.search import QueryError, parse

        try:
            parse(query)
        except QueryError as exc:
            raise UserError(f"--query {query!r}: {exc}") from exc
    with engine.begin() as conn:
        if any(s["name"] == name for s in sq.saved_search_list(conn)):
            raise UserError(f"a saved search named {name!r} exists already (remove it first)")
        return sq.add_saved_search(
            conn, name=name, query=query, area=area, place=place, harm=harm, owner=owner, created_at=utcnow()
        )


FIRST_CHECK = timedelta(days=7)


@dataclass
class Found:
    """What a check found, not yet recorded: marks are written only once the alerts were delivered."""

    alerts: list[Alert]
    marks: dict[int, list[tuple[str, str]]]  # saved search id -> (story, kind) pairs it reported
    seen_pk: int  # the last item stored when the check began; the next check starts after it
    at: datetime


def find(
    engine: Engine, *, user: str, now: datetime | None = None, first_window: timedelta = FIRST_CHECK
) -> Found:
    """New stories and bursts for every saved search since its last check; nothing is recorded.

    "Since the last check" counts in stored items (everything stored after the last item the previous
    check saw, whatever its publication date and however long ago that check was); the first check of a
    saved search looks at the items published in the ``first_window`` before ``now``. Every matching
    story is considered, not only the best-ranked search hits."""
    now = now or utcnow()
    with engine.connect() as conn:
        saved = sq.saved_search_list(conn)
        seen_pk = sq.max_item_pk(conn)
    found = Found([], {}, seen_pk, now)
    for s in saved:
        after = s.get("last_item_pk")
        since = None if after is not None else now - first_window
        with engine.connect() as conn:
            ids = sq.arrived_story_ids(
                conn, after_pk=after, upto_pk=seen_pk, published_since=since, area=s["area"], place=s["place"]
            )
        if ids and s["query"]:
            ids &= matching_story_ids(
                engine,
                s["query"],
                filters=Filters(since=since, area=s["area"], place=s["place"]),
                after_pk=after,
                upto_pk=seen_pk,
                user=user,
                via="alert",
            )
        if ids and s["harm"]:
            with engine.connect() as conn:
                ids &= sq.stories_with_harm(conn, sorted(ids), s["harm"])
        # a burst is looked for since the last check (first check: in the first window)
        last = s["last_checked"]
        start = last if last is not None and last < now and after is not None else now - first_window
        with engine.connect() as conn:
            done = sq.marks(conn, s["id"])
        fresh: list[tuple[str, str]] = []
        for v in sorted(story_views(engine, sorted(ids), start=start, now=now), key=_order):
            for kind in ("new", "burst") if v.burst.hot else ("new",):
                if (v.id, kind) in done:
                    continue
                fresh.append((v.id, kind))
                # a new story is described by what it is; its burst reason ("1 item from 1 source in
                # the 6 h to …; usual rate 4/week") only says something when it is one
                why = v.burst.explanation if kind == "burst" else _described(v)
                found.alerts.append(Alert(s["name"], kind, v.id, v.label, why, v.size, v.sources))
        found.marks[s["id"]] = fresh
    return found


def _order(view) -> tuple:
    return (-view.burst.score, -view.size, view.id)


def record(engine: Engine, found: Found) -> None:
    """Mark what ``found`` reported as reported, and move each saved search past the items it saw."""
    with engine.begin() as conn:
        for search_id, pairs in found.marks.items():
            sq.add_marks(conn, search_id, pairs, found.at, seen_pk=found.seen_pk)


def check(
    engine: Engine,
    *,
    user: str,
    now: datetime | None = None,
    deliver: Callable[[list[Alert]], None] | None = None,
    first_window: timedelta = FIRST_CHECK,
) -> list[Alert]:
    """Alerts for every saved search since its last check; each (search, story, kind) fires once.

    ``deliver`` gets the alerts first; only when it returns are they recorded as reported. If it
    raises, nothing is recorded and the next check reports them again."""
    found = find(engine, user=user, now=now, first_window=first_window)
    if deliver is not None:
        deliver(found.alerts)
    record(engine, found)
    return found.alerts


def _described(view) -> str:
    """What a new story is: "3 items from 2 sources, latest 2026-11-27 12:22"."""
    items = f"{view.size} item{'s' if view.size != 1 else ''}"
    sources = f"{view.sources} source{'s' if view.sources != 1 else ''}"
    latest = f", latest {local_short(view.last_seen)}" if view.last_seen else ""
    return f"{items} from {sources}{latest}"


def delivery_problem(*, to_file: Path | None = None, email: str | None = None) -> str | None:
    """Why alerts could not be delivered as asked, found before checking (so nothing is searched or
    marked in vain), or None."""
    if email and Smtp.from_config() is None:
        return (
            "--email needs an [smtp] host in $TINHHINH_HOME/settings.toml (host, port, user, password, from)"
        )
    if to_file is not None and not to_file.parent.is_dir():
        return f"--to-file {to_file}: folder {to_file.parent} does not exist"
    return None


def deliver(alerts: list[Alert], *, to_file: Path | None = None, email: str | None = None) -> None:
    """Append the alerts to ``to_file`` (JSONL) and/or mail them; raise UserError when either fails."""
    problem = delivery_problem(to_file=to_file, email=email)
    if problem:
        raise UserError(problem)
    if not alerts:
        return
    if to_file is not None:
        try:
            with to_file.open("a", encoding="utf-8") as fh:
                for a in alerts:
                    fh.write(
                        json.dumps({"at": local_iso(utcnow()), **a.as_json()}, ensure_ascii=False) + "\n"
                    )
        except OSError as exc:
            raise UserError(f"cannot append the alerts to {to_file}: {exc.strerror or exc}") from exc
    if email:
        smtp = Smtp.from_config()
        msg = EmailMessage()
        msg["Subject"] = f"tinhhinh: {len(alerts)} cảnh báo mới / new alerts"
        msg["From"] = smtp.sender or "tinhhinh@localhost"
        msg["To"] = email
        msg.set_content("\n".join(a.line() for a in alerts))
        try:
            client = smtp.connect()
            try:
                client.send_message(msg)
            finally:
                try:
                    client.quit()
                except (OSError, smtplib.SMTPException):
                    pass
        except (OSError, smtplib.SMTPException) as exc:
            raise UserError(f"cannot mail the alerts to {email} through {smtp.where()}: {exc}") from exc


class WatchAlerts:
    """The watcher's alerts hook: after a poll that stored new items (or after a delivery that failed),
    check the saved searches and report what fired on the terminal (stderr), and to a file and/or by mail
    when asked. A delivery that fails is reported and retried after the next poll; it never stops the
    collection, and nothing is marked as reported until it succeeded."""

    def __init__(
        self,
        engine: Engine,
        *,
        user: str,
        to_file: Path | None = None,
        email: str | None = None,
        say: Callable[[str], None] | None = None,
        log: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        problem = delivery_problem(to_file=to_file, email=email)
        if problem:
            raise UserError(
                problem.replace("--to-file", "--alerts-to-file").replace("--email", "--alerts-email")
            )
        from tinhhinh.console import err

        self.engine = engine
        self.user = user
        self.to_file = to_file
        self.email = email
        # alert lines are plain text: "[name]" must not be read as Rich markup
        self.say = say or (lambda line: err.print(line, markup=False, highlight=False))
        self.log = log or (lambda msg: err.print(msg))
        self.retry = False
        self.clock = clock

    def tick(self, stored: int) -> list[Alert]:
        """Run after a poll that stored ``stored`` new items; the alerts delivered (none when it failed)."""
        if not stored and not self.retry:
            return []
        with self.engine.connect() as conn:
            if not sq.saved_search_list(conn):
                return []

        def to_destinations(alerts: list[Alert]) -> None:
            for a in alerts:
                self.say(a.line())
            deliver(alerts, to_file=self.to_file, email=self.email)

        try:
            alerts = check(self.engine, user=self.user, now=self.clock(), deliver=to_destinations)
        except UserError as exc:
            self.retry = True
            self.log(f"[red]alerts not delivered:[/] {escape(str(exc))}; tried again after the next poll")
            return []
        self.retry = False
        if alerts:
            self.log(f"{len(alerts)} new alert(s)")
        return alerts
