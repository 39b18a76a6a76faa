"""Daily per-agency digests: what is due soon, what is overdue, what arrived yesterday.

Personal data stays out by construction: a digest names petitions and cases by their internal id and gives
kind, sector, state and due date only — no petitioner, no subject, no content, no staff names. One text and
one HTML file per agency (``--out DIR``), or an e-mail per agency when ``[smtp]`` is configured (``--send``).
Days are the office's days (``clock.office_today``, Asia/Ho_Chi_Minh), as everywhere on the desk.

Settings (``$TINHHINH_HOME/settings.toml``)::

    [smtp]
    host = "mail.example.gov.vn"
    port = 587
    user = "desk@example.gov.vn"
    password = "..."
    from = "desk@example.gov.vn"
    starttls = true          # port 465: implicit TLS instead (see tinhhinh.mail)

    [digest]
    due_soon_days = 3
    [digest.agency_email]
    SNNMT = "vanthu@snnmt.example.gov.vn"
"""

from __future__ import annotations

import datetime as dt
import html
import json
import smtplib
import sys
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from tinhhinh import clock, config
from tinhhinh.console import UserError, err
from tinhhinh.desk.access import SYSTEM, Actor, require
from tinhhinh.mail import Smtp
from tinhhinh.store import desk as desk_store
from tinhhinh.store import public as store

KIND_VI = {"khieu_nai": "Khiếu nại", "to_cao": "Tố cáo", "kien_nghi_phan_anh": "Kiến nghị, phản ánh"}


@dataclass
class Line:
    what: str  # petition | case
    id: int
    kind: str  # petition kind, or the case priority
    sector: str | None
    due_on: dt.date | None
    state: str = ""

    def label(self) -> str:
        return f"Đơn #{self.id}" if self.what == "petition" else f"Vụ việc #{self.id}"

    def as_json(self) -> dict[str, Any]:
        return {
            "what": self.what, "id": self.id, "kind": self.kind, "sector": self.sector,
            "due_on": self.due_on.isoformat() if self.due_on else None, "state": self.state,
        }  # fmt: skip


@dataclass
class AgencyDigest:
    day: dt.date
    agency_id: int
    agency_code: str
    agency_name: str
    overdue: list[Line] = field(default_factory=list)
    due_soon: list[Line] = field(default_factory=list)
    new: list[Line] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.new)

    def as_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(), "agency": self.agency_code, "overdue": [x.as_json() for x in self.overdue],
            "due_soon": [x.as_json() for x in self.due_soon], "new": [x.as_json() for x in self.new],
        }  # fmt: skip


def _tz() -> dt.tzinfo:
    return clock.OFFICE_ZONE


def today() -> dt.date:
    """The office's today (kept here for callers of ``digest.today``): ``clock.office_today``."""
    return clock.office_today()


def build(engine: Engine, actor: Actor, day: dt.date | None = None) -> list[AgencyDigest]:
    """One digest per active agency for ``day`` (default: today in the office's time zone). "New" is what an
    agency was given during the day before ``day``; overdue/due soon are as of ``day``."""
    require(actor, "digest.run")
    day = day or today()
    soon = int(config.setting("digest.due_soon_days", 3))
    tz = _tz()
    start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(), tzinfo=tz).astimezone(dt.UTC)
    end = dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.UTC)
    with engine.connect() as conn:
        agencies = store.active_agencies(conn)
        out = {a["id"]: AgencyDigest(day, a["id"], a["code"], a["name"]) for a in agencies}
        open_rows = [("petition", r) for r in store.open_petitions(conn)] + [
            ("case", r) for r in store.open_cases(conn)
        ]
        for what, r in open_rows:
            d = out.get(r["agency_id"])
            if d is None or r["due_on"] is None:
                continue
            line = Line(what, r["id"], r.get("kind") or r.get("priority", ""), r["sector"], r["due_on"],
                        r.get("state") or r.get("status", ""))  # fmt: skip
            if r["due_on"] < day:
                d.overdue.append(line)
            elif r["due_on"] <= day + dt.timedelta(days=soon):
                d.due_soon.append(line)
        given: dict[tuple[str, int], int] = {}
        for row in store.assignments_between(conn, start.replace(tzinfo=None), end.replace(tzinfo=None)):
            data = json.loads(row["data"] or "{}")
            if row["action"] == "case.transition" and data.get("to") not in ("assigned", "transferred"):
                continue
            if data.get("agency_id") is None or row["object_id"] is None:
                continue
            given[(row["object_type"], int(row["object_id"]))] = int(data["agency_id"])  # the latest wins
        pet = store.petition_facts(conn, [i for (t, i) in given if t == "petition"])
        cas = store.case_facts(conn, [i for (t, i) in given if t == "case"])
    for (what, oid), agency_id in sorted(given.items()):
        facts = (pet if what == "petition" else cas).get(oid)
        d = out.get(agency_id)
        # Only if the record is still with that agency (a transfer later the same day moves it on).
        if facts is None or d is None or facts["agency_id"] != agency_id:
            continue
        d.new.append(Line(what, oid, facts.get("kind") or facts.get("priority", ""), facts["sector"],
                          facts["due_on"]))  # fmt: skip
    return list(out.values())


# ------------------------------------------------------------------ rendering
def _row_text(x: Line) -> str:
    due = x.due_on.strftime("%d/%m/%Y") if x.due_on else "—"
    kind = KIND_VI.get(x.kind, x.kind)
    return f"  - {x.label()}  {kind}  lĩnh vực: {x.sector or '—'}  hạn: {due}"


def to_text(d: AgencyDigest) -> str:
    lines = [
        f"Bản tin hằng ngày {d.day.strftime('%d/%m/%Y')} — {d.agency_name} ({d.agency_code})",
        "",
        f"Quá hạn ({len(d.overdue)}):",
        *(_row_text(x) for x in d.overdue),
        "",
        f"Sắp đến hạn ({len(d.due_soon)}):",
        *(_row_text(x) for x in d.due_soon),
        "",
        f"Mới giao hôm qua ({len(d.new)}):",
        *(_row_text(x) for x in d.new),
        "",
        "Chi tiết: đăng nhập hệ thống để xem. Bản tin không chứa thông tin cá nhân.",
    ]
    return "\n".join(lines) + "\n"


def to_html(d: AgencyDigest) -> str:
    def table(title: str, rows: list[Line]) -> str:
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in (
                x.label(), KIND_VI.get(x.kind, x.kind), x.sector or "—",
                x.due_on.strftime("%d/%m/%Y") if x.due_on else "—",
            )) + "</tr>"
            for x in rows
        )  # fmt: skip
        head = "<tr><th>Mục</th><th>Loại</th><th>Lĩnh vực</th><th>Hạn</th></tr>"
        return f"<h2>{html.escape(title)} ({len(rows)})</h2>" + (
            f"<table>{head}{body}</table>" if rows else "<p>Không có.</p>"
        )

    title = f"Bản tin hằng ngày {d.day.strftime('%d/%m/%Y')} — {d.agency_name} ({d.agency_code})"
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f"<body><h1>{html.escape(title)}</h1>"
        + table("Quá hạn", d.overdue)
        + table("Sắp đến hạn", d.due_soon)
        + table("Mới giao hôm qua", d.new)
        + "<p>Chi tiết: đăng nhập hệ thống để xem. Bản tin không chứa thông tin cá nhân.</p></body></html>\n"
    )


# ------------------------------------------------------------------ delivery
def write_files(digests: list[AgencyDigest], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for d in digests:
        stem = f"digest-{d.day.isoformat()}-{d.agency_code}"
        for suffix, text in ((".txt", to_text(d)), (".html", to_html(d))):
            path = out_dir / (stem + suffix)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def agency_email(code: str) -> str | None:
    emails = config.setting("digest.agency_email", {}) or {}
    return emails.get(code) if isinstance(emails, dict) else None


def send(engine: Engine, digests: list[AgencyDigest], smtp: Smtp) -> tuple[list[str], list[str]]:
    """E-mail each agency that has an address and was not sent today's digest yet; return (sent, skipped)."""
    sent, skipped = [], []
    client = smtp.connect()
    try:
        for d in digests:
            to = agency_email(d.agency_code)
            with engine.connect() as conn:
                done = store.digest_sent(conn, d.day, d.agency_id, "smtp")
            if not to or done:
                skipped.append(d.agency_code)
                continue
            msg = EmailMessage()
            msg["Subject"] = (
                f"Bản tin hằng ngày {d.day.strftime('%d/%m/%Y')}: {len(d.overdue)} quá hạn, "
                f"{len(d.due_soon)} sắp đến hạn, {len(d.new)} mới"
            )
            msg["From"] = smtp.sender
            msg["To"] = to
            msg.set_content(to_text(d))
            msg.add_alternative(to_html(d), subtype="html")
            client.send_message(msg)
            with desk_store.transaction_for(engine) as conn:
                store.mark_digest(conn, d.day, d.agency_id, "smtp", d.size)
            sent.append(d.agency_code)
    finally:
        try:
            client.quit()
        except smtplib.SMTPException:
            pass
    return sent, skipped


def run(
    engine: Engine, *, out: Path | None = None, do_send: bool = False, day: dt.date | None = None,
    actor: Actor = SYSTEM,
) -> dict[str, Any]:  # fmt: skip
    """Build the digests and deliver them (files and/or SMTP). Used by the CLI and the watcher's daily hook."""
    digests = build(engine, actor, day)
    result: dict[str, Any] = {"day": (day or today()).isoformat(), "agencies": len(digests)}
    if out is not None:
        result["files"] = [str(p) for p in write_files(digests, out)]
        with desk_store.transaction_for(engine) as conn:
            for d in digests:
                store.mark_digest(conn, d.day, d.agency_id, "file", d.size)
    if do_send:
        smtp = Smtp.from_config()
        if smtp is None:
            raise UserError("--send needs [smtp] host in $TINHHINH_HOME/settings.toml (see docs/public.md)")
        try:
            result["sent"], result["skipped"] = send(engine, digests, smtp)
        except (OSError, smtplib.SMTPException) as exc:
            raise UserError(f"cannot send the digests through {smtp.host}:{smtp.port}: {exc}") from exc
    result["digests"] = [d.as_json() for d in digests]
    return result


def digest_command(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write one .txt and one .html per agency here.")
    ] = None,
    send_: Annotated[
        bool,
        typer.Option(
            "--send", help="E-mail each agency (needs an SMTP section in settings.toml and agency e-mails)."
        ),
    ] = False,
    date: Annotated[
        str | None, typer.Option("--date", help="Digest day YYYY-MM-DD (default: today).")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database: a SQLite path or a PostgreSQL URL. Default: $TINHHINH_DB, else ./tinhhinh.db.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the digests as JSON.")] = False,
) -> None:
    """Daily per-agency summary: overdue, due soon, newly assigned (ids, kinds, sectors, dates; no names).
    Without --out, --send or --json it shows the digests here and records nothing."""
    from tinhhinh.store.db import engine_for

    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise UserError(f"--date {date!r} is not a date: use YYYY-MM-DD") from None
    engine = engine_for(db)
    if out is None and not send_ and not as_json:
        # a preview: nothing written, sent or recorded; the officer sees what the agencies would get
        digests = build(engine, SYSTEM, day)
        sys.stdout.write("\n".join(to_text(d) for d in digests))
        err.print(
            f"{len(digests)} agency digest(s) shown, nothing sent: --out DIR writes them as files, "
            "--send e-mails each agency",
            markup=False,
        )
        return
    result = run(engine, out=out, do_send=send_, day=day)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    for path in result.get("files", []):
        err.print(f"wrote {path}", markup=False)
    if "sent" in result:
        err.print(f"sent {len(result['sent'])} digest(s); skipped (no address or already sent): "
                  f"{', '.join(result['skipped']) or 'none'}")  # fmt: skip


class DailyDigest:
    """The watcher's daily hook: after each poll, once the office's clock passes ``at`` (HH:MM), build that
    day's digests once (files in ``digest.out_dir``, default ``$TINHHINH_HOME/digests``; e-mail too when
    ``[smtp]`` is set). What was done is recorded in the database, so a restarted watcher does not repeat it."""

    def __init__(self, engine: Engine, at: str, log=None) -> None:  # noqa: ANN001 - log: Callable[[str], None]
        try:
            hh, mm = at.split(":")
            self.at = dt.time(int(hh), int(mm))
        except ValueError:
            raise UserError(f"--digest-at {at!r}: use HH:MM (24-hour, office time)") from None
        self.engine = engine
        self.log = log or (lambda msg: err.print(msg))
        self.done: dt.date | None = None

    def tick(self, now: dt.datetime | None = None) -> dict[str, Any] | None:
        now = now or clock.utcnow().replace(tzinfo=dt.UTC).astimezone(_tz())
        day = now.date()
        if now.time() < self.at or self.done == day:
            return None
        with self.engine.connect() as conn:
            agencies = store.active_agencies(conn)
            already = bool(agencies) and all(store.digest_sent(conn, day, a["id"], "file") for a in agencies)
        self.done = day
        if already:
            return None
        out = Path(str(config.setting("digest.out_dir", "") or config.home() / "digests"))
        try:
            result = run(self.engine, out=out, do_send=Smtp.from_config() is not None, day=day)
        except UserError as exc:  # a mail server down must not stop the collection
            self.log(f"[yellow]digest:[/] {exc}")
            return None
        self.log(f"digest {day}: {len(result.get('files', [])) // 2} agencies written to {out}"
                 + (f", {len(result.get('sent', []))} sent" if "sent" in result else ""))  # fmt: skip
        return result
