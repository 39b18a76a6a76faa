"""The watcher: poll a list of feeds, fetch new article pages, analyse and store them.

One poll, per feed (in list order):

1. skip the feed if it is backing off after failures (``next_attempt_at`` in the future);
2. conditional GET with the stored ETag/Last-Modified: 304 means nothing new, no parsing;
3. entries whose canonical URL is already stored are skipped; each new entry's page is fetched and
   its article extracted. A page that cannot be used (robots.txt, 404, not an article, too large)
   falls back to the feed entry's title and summary, so nothing announced by the feed is lost;
   a page that fails transiently is retried on later polls (bounded by ``page_attempts``).
   An entry stored earlier from a feed's summary (``ingest FEED_URL``) gets its page too: the stored
   item keeps its pk and takes the page's text, index and analysis (``items.upgrade_from_page``);
4. the feed's items go through the lead's ``ingest`` (analysis + one transaction per batch);
5. only then the source's health row is updated and the new validators saved. A run killed
   between 4 and 5 re-fetches the feed next time and finds its items already stored.

A feed failing ``failure_alert`` times in a row (setting ``collect.failure_alert``, default 5) is
reported in red on stderr at every failed poll and shown red in ``tinhhinh sources``; its retries
back off exponentially (capped at 6 h) instead of hammering a dead site.

SIGINT/SIGTERM: the current feed's batch is finished and stored, then the watcher exits. A second
Ctrl-C stops at once (still safe: batches are transactions).
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from sqlalchemy import Engine

from tinhhinh import config
from tinhhinh.console import UserError, err, note, out
from tinhhinh.ingest.feeds import MAX_FEED_BYTES, items_from_feed, site_host
from tinhhinh.ingest.http import Fetcher, FetchError, FetchPolicy, RobotsDisallowed
from tinhhinh.ingest.pages import MAX_PAGE_BYTES, items_from_page
from tinhhinh.ingest.records import Rejection
from tinhhinh.ingest.run import IngestSummary, ingest
from tinhhinh.item import Item
from tinhhinh.store import items as item_store
from tinhhinh.store import sources as source_store
from tinhhinh.store.schema import items as item_table
from tinhhinh.timefmt import local_iso, local_short, parse_span, utcnow

if TYPE_CHECKING:
    from rich.console import Group

FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.1"


def default_feed_list() -> Path:
    return Path(str(resources.files("tinhhinh") / "data" / "feeds.txt"))


def read_feed_list(path: Path) -> list[str]:
    """One feed URL per line; ``#`` starts a comment. Bad lines are an error naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UserError(f"{path}: cannot read the feed list ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: the feed list is not UTF-8 text") from exc
    urls: list[str] = []
    for n, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if not line.startswith(("http://", "https://")) or " " in line:
            raise UserError(f"{path}:{n}: {line[:80]!r} is not an http(s) URL (one feed URL per line)")
        urls.append(line)
    if not urls:
        raise UserError(f"{path}: no feed URLs in the list")
    return list(dict.fromkeys(urls))


@dataclass
class WatchOptions:
    every: timedelta = timedelta(minutes=10)
    failure_alert: int = 5
    max_pages_per_feed: int = 50
    page_attempts: int = 3
    batch_size: int = 500

    @classmethod
    def from_settings(cls, **overrides) -> WatchOptions:
        opts = cls(
            failure_alert=int(config.setting("collect.failure_alert", 5)),
            max_pages_per_feed=int(config.setting("collect.max_pages_per_feed", 50)),
            page_attempts=int(config.setting("collect.page_attempts", 3)),
        )
        return replace(opts, **overrides)


@dataclass
class PollReport:
    feeds: int = 0
    fetched: int = 0
    not_modified: int = 0
    waiting: int = 0  # backing off after failures
    failed: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    pages: int = 0
    fallbacks: int = 0  # entries stored from the feed's summary because the page was unusable
    upgraded: int = 0  # items stored earlier from a feed's summary that now have their page's text
    stored: IngestSummary = field(default_factory=IngestSummary)
    stopped: bool = False


class Watcher:
    def __init__(
        self,
        engine: Engine,
        feeds: list[str],
        *,
        fetcher: Fetcher | None = None,
        options: WatchOptions | None = None,
        stages: list | None = None,
        ordered: Callable | None = None,
        log: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
    ):
        self.engine = engine
        self.feeds = feeds
        self.fetcher = fetcher or Fetcher(FetchPolicy.from_settings())
        self.options = options or WatchOptions.from_settings()
        self.stages = stages or []
        self.ordered = ordered
        self.log = log or (lambda msg: err.print(msg))
        self.stop = stop or threading.Event()

    # one poll ------------------------------------------------------------------------------------
    def poll(self) -> PollReport:
        report = PollReport()
        now = utcnow()
        rows = source_store.ensure(self.engine, [(u, site_host(u)) for u in self.feeds], now=now)
        source_store.set_watched(self.engine, self.feeds)  # feeds dropped from the list: inactive
        for src in rows:
            if self.stop.is_set():
                report.stopped = True
                break
            report.feeds += 1
            if src.next_attempt_at and src.next_attempt_at > utcnow():
                report.waiting += 1
                continue
            self._poll_feed(src, report)
        return report

    def _fail(self, src: source_store.Source, reason: str, status: int | None, report: PollReport) -> None:
        failures = source_store.record_failure(
            self.engine, src.id, now=utcnow(), error=reason, status=status, base_wait=self.options.every
        )
        report.failed.append(src.url)
        if failures >= self.options.failure_alert:
            fresh = source_store.get(self.engine, src.url)
            when = local_short(fresh.next_attempt_at) if fresh else "later"
            msg = f"{src.url} has failed {failures} times in a row (last: {reason}); next try {when}"
            report.alerts.append(msg)
            self.log(f"[bold red]SOURCE FAILING:[/] [red]{msg}[/]")
        else:
            self.log(f"[yellow]feed failed[/] {src.url}: {reason} ({failures} in a row)")

    def _poll_feed(self, src: source_store.Source, report: PollReport) -> None:
        now = utcnow()
        try:
            resp = self.fetcher.get(
                src.url,
                etag=src.etag,
                last_modified=src.last_modified,
                accept=FEED_ACCEPT,
                max_bytes=MAX_FEED_BYTES,
            )
        except FetchError as exc:
            self._fail(src, exc.reason, exc.status, report)
            return
        if resp.not_modified:
            report.not_modified += 1
            source_store.record_success(
                self.engine,
                src.id,
                now=now,
                status=304,
                new_items=0,
                etag=src.etag,
                last_modified=src.last_modified,
            )
            return
        report.fetched += 1
        feed_items: list[Item] = []
        rejections: list[Rejection] = []
        for rec in items_from_feed(src.url, body=resp.body, content_type=resp.content_type, fetched_at=now):
            (rejections if isinstance(rec, Rejection) else feed_items).append(rec)
        if not feed_items and rejections and rejections[0].where == src.url:
            self._fail(src, rejections[0].reason, resp.status, report)
            return
        too_long = [(it, _unstorable(it)) for it in feed_items]
        rejections += [Rejection(f"{src.url} entry {it.url[:100]}…", why) for it, why in too_long if why]
        feed_items = [it for it, why in too_long if not why]
        known = item_store.known_keys(self.engine, [it.key for it in feed_items])
        fresh = [it for it in feed_items if it.key not in known]
        fresh = list({it.key: it for it in fresh}.values())
        # entries stored from the feed's summary (e.g. by `ingest FEED_URL`) get their page too
        summaries = item_store.feed_summaries(self.engine, list(known))
        upgrades = list({it.key: it for it in feed_items if it.key in summaries}.values())
        already = len(known)
        # more entries than one poll may fetch: take the first ones now (new ones first), the rest next poll
        # (validators are then not saved, so the next poll re-reads the feed instead of a 304)
        budget = self.options.max_pages_per_feed
        complete = len(fresh) + len(upgrades) <= budget
        fresh = fresh[:budget]
        upgrades = upgrades[: budget - len(fresh)]
        given_up = source_store.pages_given_up(
            self.engine, [it.url for it in fresh + upgrades if it.url], self.options.page_attempts
        )
        to_store: list[Item | Rejection] = list(rejections)
        for entry in fresh:
            if self.stop.is_set():
                complete = False
                report.stopped = True
                break
            page = self._page(src, entry, entry.url in given_up, report)
            if page is None:
                complete = False  # transient failure: the next poll retries this page
            elif isinstance(page, str):
                to_store.append(_fallback(entry, page, report))
            else:
                to_store.append(page)
        summary = ingest(
            to_store,
            self.engine,
            stages=self.stages,
            ordered=self.ordered,
            batch_size=self.options.batch_size,
        )
        upgraded = 0
        for entry in upgrades:
            if self.stop.is_set():
                complete = False
                report.stopped = True
                break
            page = self._page(src, entry, entry.url in given_up, report)
            if page is None:
                complete = False
            elif isinstance(page, str):
                item_store.mark_page_unused(self.engine, summaries[entry.key], page)
            elif self._upgrade(summaries[entry.key], page):
                upgraded += 1
        summary.present += already
        report.stored.add(summary)
        report.upgraded += upgraded
        added = summary.new + summary.copies
        if complete:
            source_store.record_success(
                self.engine,
                src.id,
                now=utcnow(),
                status=resp.status,
                new_items=added,
                etag=resp.etag,
                last_modified=resp.last_modified,
            )
        else:
            source_store.record_items(self.engine, src.id, now=utcnow(), new_items=added)
        if added or summary.rejected or upgraded:
            self.log(
                f"{src.url}: {added} new, {summary.present} already stored"
                + (f" ({upgraded} given their page's text)" if upgraded else "")
                + f", {summary.rejected} rejected"
            )

    def _upgrade(self, pk: int, page: Item) -> bool:
        """The page's text replaces the feed summary stored as ``pk``; analysed as a new item would be."""
        signature = None
        if self.stages:
            from tinhhinh.nlp.copies import item_signature
            from tinhhinh.pipeline import run_stages

            page = run_stages(page, self.stages)
            signature = item_signature(page)
        return item_store.upgrade_from_page(
            self.engine, pk, page, analysed=bool(self.stages), signature=signature
        )

    def _page(
        self, src: source_store.Source, entry: Item, given_up: bool, report: PollReport
    ) -> Item | str | None:
        """The article page as an Item; why it is unusable (the feed entry then stands in); None to retry later."""
        if given_up or not entry.url or not entry.url.startswith(("http://", "https://")):
            return "page given up after repeated failures" if given_up else "no page URL"
        try:
            resp = self.fetcher.get(entry.url, max_bytes=MAX_PAGE_BYTES)
        except RobotsDisallowed as exc:
            if not exc.temporary:
                return "robots.txt disallows the page"
            attempts = source_store.record_page_failure(
                self.engine, entry.url, src.id, now=utcnow(), error=exc.reason
            )
            if attempts >= self.options.page_attempts:
                return f"{exc.reason} ({attempts} attempts)"
            return None
        except FetchError as exc:
            if not exc.retryable:
                return exc.reason
            attempts = source_store.record_page_failure(
                self.engine, entry.url, src.id, now=utcnow(), error=exc.reason
            )
            if attempts >= self.options.page_attempts:
                return f"{exc.reason} ({attempts} attempts)"
            self.log(f"[yellow]page failed[/] {entry.url}: {exc.reason} (will retry)")
            return None
        report.pages += 1
        for rec in items_from_page(
            entry.url,
            body=resp.body,
            content_type=resp.content_type,
            url=entry.url,
            hint=entry,
            fetched_at=entry.fetched_at,
        ):
            if isinstance(rec, Item):
                rec.source = entry.source
                rec.provenance["feed"] = src.url
                return rec
            return rec.reason
        return "page gave no article"

    # the loop ------------------------------------------------------------------------------------
    def run(self, *, once: bool = False) -> list[PollReport]:
        reports = []
        while True:
            report = self.poll()
            reports.append(report)
            self.log(_describe(report))
            if once or self.stop.is_set():
                break
            if self.stop.wait(self.options.every.total_seconds()):
                break
        return reports


# PostgreSQL enforces these column lengths, SQLite does not: an entry beyond them would fail its whole
# batch on one backend and be stored on the other. Both reject it, with the reason.
_MAX_URL = item_table.c.url.type.length
_MAX_KEY = item_table.c.key.type.length


def _unstorable(entry: Item) -> str | None:
    """Why a feed entry cannot be stored (its link is its identity), or None."""
    if entry.url and len(entry.url) > _MAX_URL:
        return f"link of {len(entry.url):,} characters is longer than the {_MAX_URL:,} the store keeps"
    if len(entry.key) > _MAX_KEY:
        return f"link of {len(entry.url or ''):,} characters is too long to identify the article (limit {_MAX_KEY - 4:,})"
    return None


def _fallback(entry: Item, reason: str, report: PollReport) -> Item:
    """The feed entry (title + summary) stands in for a page we could not use; the reason is kept."""
    report.fallbacks += 1
    entry.provenance = {**entry.provenance, "page_unused": reason}
    return entry


def _describe(report: PollReport) -> str:
    s = report.stored
    parts = [
        f"polled {report.feeds} feed(s): {report.fetched} changed, {report.not_modified} unchanged (304)",
        f"{len(report.failed)} failed",
    ]
    if report.waiting:
        parts.append(f"{report.waiting} backing off")
    parts.append(f"{s.new} new, {s.copies} copies, {s.present} already stored, {s.rejected} rejected")
    if report.upgraded:
        parts.append(f"{report.upgraded} stored from a feed summary now have their page's text")
    if report.fallbacks:
        parts.append(f"{report.fallbacks} stored from the feed summary (page unusable)")
    if report.stopped:
        parts.append("stopped on request")
    return "; ".join(parts)


class _Signals:
    """First SIGINT/SIGTERM: finish the current batch, then stop. Second SIGINT: stop now."""

    def __init__(self, stop: threading.Event):
        self.stop = stop
        self._old: dict[int, object] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is not threading.main_thread():
            return self
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.stop.set()
        err.print("[yellow]stopping after the current batch… (Ctrl-C again to stop now)[/]")

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)


# ---------------------------------------------------------------- commands

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database: a SQLite path or a PostgreSQL URL. Default: $TINHHINH_DB, else ./tinhhinh.db."
    ),
]


def _with_digest(poll: Callable, engine: Engine, at: str) -> Callable:
    from tinhhinh.desk.digest import DailyDigest

    daily = DailyDigest(engine, at)

    def poll_then_digest() -> PollReport:
        report = poll()
        daily.tick()
        return report

    return poll_then_digest


def _with_alerts(poll: Callable, hook) -> Callable:  # noqa: ANN001 - hook: stories.alerts.WatchAlerts
    def poll_then_alerts() -> PollReport:
        report = poll()
        hook.tick(report.stored.new + report.upgraded)
        return report

    return poll_then_alerts


@dataclass
class SourceAlert:
    """A source turning failing, or recovering, as delivered with the saved-search alerts (same file, same
    mail): once per change of state."""

    kind: str  # "source failing" or "source recovered"
    url: str
    name: str
    failures: int
    last_error: str | None
    next_try: str | None

    def line(self) -> str:
        if self.kind == "source recovered":
            return f"[sources] source recovered: {self.url} works again"
        return (
            f"[sources] SOURCE FAILING: {self.url} has failed {self.failures} times in a row "
            f"(last: {self.last_error or '?'}); next try {self.next_try or 'later'}"
        )

    def as_json(self) -> dict:
        return self.__dict__.copy()


class SourceAlerts:
    """After each poll: deliver each source that started failing (``failure_alert`` failures in a row) or
    recovered since the last delivery to the alert file / address. Recorded only once delivered, so a
    delivery that failed is tried again after the next poll."""

    def __init__(
        self,
        engine: Engine,
        *,
        failure_alert: int,
        to_file: Path | None = None,
        email: str | None = None,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.engine = engine
        self.failure_alert = failure_alert
        self.to_file = to_file
        self.email = email
        self.log = log or (lambda msg: err.print(msg))

    def tick(self) -> list[SourceAlert]:
        from tinhhinh.stories.alerts import deliver

        changes = source_store.alert_changes(self.engine, self.failure_alert)
        if not changes:
            return []
        alerts = [
            SourceAlert(
                "source failing" if failing else "source recovered",
                src.url,
                src.name,
                src.consecutive_failures,
                src.last_error if failing else None,
                local_short(src.next_attempt_at) if failing and src.next_attempt_at else None,
            )
            for src, failing in changes
        ]
        try:
            deliver(alerts, to_file=self.to_file, email=self.email)
        except UserError as exc:
            self.log(
                f"[red]source alerts not delivered:[/] {escape(str(exc))}; tried again after the next poll"
            )
            return []
        source_store.mark_alerted(self.engine, [(src.id, failing) for src, failing in changes])
        for a in alerts:
            if a.kind == "source recovered":
                self.log(f"[green]source recovered:[/] {escape(a.url)}")
        return alerts


def _with_source_alerts(poll: Callable, hook: SourceAlerts) -> Callable:
    def poll_then_source_alerts() -> PollReport:
        report = poll()
        hook.tick()
        return report

    return poll_then_source_alerts


def _analysis(engine: Engine):
    """The same stages `tinhhinh ingest` runs (the ingest module owns the choice)."""
    try:
        from tinhhinh.ingest.run import analysis_for
    except ImportError:
        pass
    else:
        return analysis_for(engine, warn=note)
    from tinhhinh.pipeline import load_stages

    stages = load_stages(warn=note)
    try:
        from tinhhinh.ordered import ordered_for_store
    except ModuleNotFoundError:
        return stages, None
    return stages, ordered_for_store(engine)


def watch_command(
    feeds: Annotated[
        Path | None,
        typer.Option("--feeds", help="File with one feed URL per line. Default: the bundled starter list."),
    ] = None,
    every: Annotated[str, typer.Option(help="Time between polls: 30m, 1h…")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then exit.")] = False,
    db: DbOpt = None,
    no_analyze: Annotated[
        bool, typer.Option("--no-analyze", help="Store only; skip the analysis stages.")
    ] = False,
    digest_at: Annotated[
        str | None, typer.Option("--digest-at", help="Also write/send the daily desk digests at HH:MM.")
    ] = None,
    alerts_to_file: Annotated[
        Path | None,
        typer.Option(
            "--alerts-to-file",
            help="Also append saved-search alerts, and sources failing or recovering, as JSONL to this file.",
        ),
    ] = None,
    alerts_email: Annotated[
        str | None,
        typer.Option(
            "--alerts-email",
            help="Also mail saved-search alerts, and sources failing or recovering, to this address "
            "(needs \\[smtp] settings).",
        ),
    ] = None,
    no_alerts: Annotated[
        bool, typer.Option("--no-alerts", help="Do not check the saved searches after each poll.")
    ] = False,
) -> int:
    """Poll news feeds, fetch new articles, analyse and store them; keep each source's health.

    Obeys robots.txt, sends a User-Agent with the contact from settings ([bold]collect.contact[/]),
    uses conditional GET, limits sizes and times, backs off from failing sources and reports a source
    failing 5 times in a row in red. Ctrl-C or SIGTERM stops after the current batch.

    After each poll that stored new items, the saved searches (`tinhhinh alerts`) are checked as by
    `tinhhinh alerts check`: new matching stories and bursts are shown on stderr, and appended to
    --alerts-to-file / mailed to --alerts-email when given. A source that starts failing, and its
    recovery, are delivered there too (once per change, not at every poll). An alert that could not be
    delivered is reported and tried again after the next poll; collection goes on.

    Example: [bold]tinhhinh watch --feeds feeds.txt --every 15m --db office.db[/]
    """
    from tinhhinh.store.db import engine_for

    try:
        interval = parse_span(every)
    except ValueError as exc:
        raise UserError(f"--every: {exc}") from exc
    if interval < timedelta(minutes=1) and not once:
        raise UserError("--every: poll at most once a minute (news sites are shared infrastructure)")
    urls = read_feed_list(feeds or default_feed_list())
    engine = engine_for(db)
    if not config.setting("collect.contact"):
        err.print(
            "[yellow]note:[/] no contact in the User-Agent; set collect.contact in settings.toml "
            "(an e-mail or URL site owners can reach)"
        )
    alerts_hook = None
    if not no_alerts:
        from tinhhinh.store.search import current_user
        from tinhhinh.stories.alerts import WatchAlerts

        alerts_hook = WatchAlerts(engine, user=current_user(), to_file=alerts_to_file, email=alerts_email)
    elif alerts_to_file or alerts_email:
        raise UserError(
            "--no-alerts turns the saved-search alerts off: drop --alerts-to-file / --alerts-email"
        )
    stages, ordered = ([], None) if no_analyze else _analysis(engine)
    stop = threading.Event()
    options = WatchOptions.from_settings(every=interval)
    with Fetcher(FetchPolicy.from_settings()) as fetcher, _Signals(stop):
        watcher = Watcher(
            engine, urls, fetcher=fetcher, options=options, stages=stages, ordered=ordered, stop=stop
        )
        if digest_at:  # the desk's daily digest rides on the poll loop (tinhhinh.desk.digest)
            watcher.poll = _with_digest(watcher.poll, engine, digest_at)
        if alerts_hook is not None:  # saved-search alerts ride on it too (tinhhinh.stories.alerts)
            watcher.poll = _with_alerts(watcher.poll, alerts_hook)
        if alerts_to_file or alerts_email:  # and so do failing sources and their recovery
            source_alerts = SourceAlerts(
                engine, failure_alert=options.failure_alert, to_file=alerts_to_file, email=alerts_email
            )
            watcher.poll = _with_source_alerts(watcher.poll, source_alerts)
        err.print(f"watching {len(urls)} feed(s)" + ("" if once else f" every {every}"))
        reports = watcher.run(once=once)
    if once:
        last = reports[-1]
        return 2 if (last.failed or last.stored.rejected) else 0
    return 0


def _status(row: dict, alert: int) -> tuple[str, str]:
    if not row["active"]:
        return "inactive", "dim"
    if row["consecutive_failures"] >= alert:
        return f"FAILING ×{row['consecutive_failures']}", "bold red"
    if row["consecutive_failures"]:
        return f"failed ×{row['consecutive_failures']}", "yellow"
    if row["last_success_at"] is None:
        return "new", "dim"
    return "ok", "green"


def sources_command(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the health records as JSON.")] = False,
    days: Annotated[int, typer.Option(help="Window for items per day.")] = 7,
    retire: Annotated[
        str | None,
        typer.Option(
            "--retire",
            metavar="URL",
            help="Mark this feed inactive (no longer watched: no alert). `watch` also does this for every "
            "feed no longer in its list, and takes a listed one up again.",
        ),
    ] = None,
) -> int:
    """Health of each watched source: last success, last error, items per day, failures in a row.

    Sources no longer in the watched feed list are shown as inactive and raise no alert."""
    from tinhhinh.store.db import engine_for

    engine = engine_for(db, create=False)
    if retire is not None:
        if not source_store.retire(engine, retire):
            raise UserError(f"--retire {retire}: no such source; `tinhhinh sources` lists their URLs")
        err.print(
            f"retired {escape(retire)}: shown as inactive, no alerts; remove it from the feed list too, "
            "or the next `tinhhinh watch` takes it up again"
        )
    alert = int(config.setting("collect.failure_alert", 5))
    now = utcnow()
    rows = source_store.health(engine, now=now, days=days)
    failing = [r for r in rows if r["active"] and r["consecutive_failures"] >= alert]
    if as_json:
        for r in rows:
            r["status"] = _status(r, alert)[0]
            for k, v in list(r.items()):
                if hasattr(v, "isoformat"):
                    r[k] = local_iso(v)
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif not rows:
        err.print("no sources yet: run [bold]tinhhinh watch[/] first")
    else:
        out.print(health_table(rows, alert, now))
    for r in failing:
        err.print(
            f"[bold red]SOURCE FAILING:[/] [red]{escape(r['url'] or '')} has failed {r['consecutive_failures']} "
            f"times in a row (last: {escape(r['last_error'] or '')}); check the URL or remove it from the "
            "feed list[/]"
        )
    return 0


def health_table(rows: list[dict], alert: int, now: datetime) -> Group:
    """The sources' health for an 80-column terminal: a table (the feed's address under the source's
    name, times as "3 h ago" / "in 20 min") and, below it, each source's last error on a line of its
    own, where there is room to read it. ``--json`` has every field in full."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("source / feed", overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("last ok", no_wrap=True)
    table.add_column("items/day", justify="right", no_wrap=True)
    table.add_column("items", justify="right", no_wrap=True)
    table.add_column("next try", no_wrap=True)
    errors = []
    for r in rows:
        status, style = _status(r, alert)
        name = Text(r["name"] or "")
        if r["url"] and r["url"] != r["name"]:
            name.append("\n" + r["url"].split("://", 1)[-1], style="dim")  # the scheme is noise here
        table.add_row(
            name,
            Text(status, style=style),
            _ago(r["last_success_at"], now),
            f"{r['items_per_day']:g}",
            str(r["items_total"]),
            _ago(r["next_attempt_at"], now) if r["consecutive_failures"] and r["active"] else "",
        )
        if r["last_error"] and r["active"]:
            line = Text(f"{r['name'] or r['url']}, {_ago(r['last_error_at'], now)}: {r['last_error'][:300]}")
            line.stylize("red" if r["consecutive_failures"] else "dim")
            errors.append(line)
    parts = [table]
    if errors:
        parts += [Text("last errors:", style="bold"), *errors]
    return Group(*parts)


def _ago(value: datetime | None, now: datetime) -> str:
    """ "3 h ago", "in 20 min", "2 d ago": how an operator reads a health table (JSON keeps full times)."""
    if value is None:
        return "never"
    seconds = (value - now).total_seconds()
    span = abs(seconds)
    if span < 60:
        return "now"
    if span < 3600:
        text = f"{int(span // 60)} min"
    elif span < 2 * 86400:
        text = f"{int(span // 3600)} h"
    else:
        text = f"{int(span // 86400)} d"
    return f"in {text}" if seconds > 0 else f"{text} ago"
