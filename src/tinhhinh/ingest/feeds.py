"""RSS/Atom feeds (file, bytes or URL) to Items.

Each entry becomes an ``article`` Item: source = the feed's site host (``vnexpress.net``), url =
canonical entry link, title, text = the entry's summary as plain text (the watcher later replaces it
with the full page), published_at in UTC. A date without a zone is Vietnamese local time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser

from tinhhinh.ingest.http import Fetcher, FetchError, decode
from tinhhinh.ingest.records import Rejection, clean_markup, http_url, site_host
from tinhhinh.item import Item
from tinhhinh.nlp.lang import item_lang

try:
    from zoneinfo import ZoneInfo

    LOCAL_TZ: timezone | ZoneInfo = ZoneInfo("Asia/Ho_Chi_Minh")
except Exception:  # noqa: BLE001 - no tz database: Vietnam has kept +07:00 since 1975
    LOCAL_TZ = timezone(timedelta(hours=7))

MAX_FEED_BYTES = 20 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")
# C0/C1 controls other than tab and newline: never meaningful in news text, and NUL breaks databases
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"[ \t\r\f\v]+")
# "26/11/2026 14:30", "26-11-2026", "26/11/2026 - 14:30:05" (common on Vietnamese sites)
_VN_DATE = re.compile(
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?:\D{1,4}(?P<H>\d{1,2})[:hg](?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_VN_DATE_TIME_FIRST = re.compile(
    r"(?P<H>\d{1,2})[:hg](?P<M>\d{2})(?::(?P<S>\d{2}))?\D{1,6}(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
)


def parse_date(value: Any) -> datetime | None:
    """A date string in the forms feeds and Vietnamese pages use, to an aware UTC datetime.

    RFC 822 (RSS), ISO 8601 (Atom, meta tags), and day-first ``dd/mm/yyyy [HH:MM]``. No zone given
    means Asia/Ho_Chi_Minh. Returns None for anything else, never guesses month-first.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip()
        if not text or len(text) > 100:
            return None
        dt = None
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            dt = None
        if dt is None:
            iso = text.replace("Z", "+00:00").replace("z", "+00:00")
            try:
                dt = datetime.fromisoformat(iso)
            except ValueError:
                dt = None
        if dt is None:
            m = _VN_DATE_TIME_FIRST.search(text) or _VN_DATE.search(text)
            if m:
                try:
                    dt = datetime(
                        int(m["y"]),
                        int(m["m"]),
                        int(m["d"]),
                        int(m["H"] or 0),
                        int(m["M"] or 0),
                        int(m["S"] or 0),
                    )
                except ValueError:
                    dt = None
        if dt is None:
            return None
    try:
        if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
            dt = dt.replace(tzinfo=LOCAL_TZ)
        dt = dt.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    if not (1990 <= dt.year <= 2100):
        return None
    return dt


def html_to_text(fragment: str) -> str:
    """A feed summary (HTML, often in CDATA with an <img> teaser) as plain NFC text."""
    text = re.sub(r"(?i)<\s*br\s*/?\s*>|</\s*p\s*>", "\n", fragment or "")
    text = _CONTROL.sub(" ", unescape(_TAG.sub(" ", text)))
    lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines()]
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


def canonical(url: str | None, base: str | None = None) -> str | None:
    """The project's canonical URL (the ingest records module owns the rule)."""
    if not url:
        return None
    url = url.strip()
    if base and not urlsplit(url).scheme:
        from urllib.parse import urljoin

        url = urljoin(base, url)
    try:
        return http_url(url)  # a javascript: or data: link is no link
    except (ValueError, TypeError):
        return None


def naive_utc(dt: datetime | None) -> datetime | None:
    """The store keeps naive UTC (see store/schema.py)."""
    if dt is None or dt.tzinfo is None:
        return dt  # naive already means UTC here
    return dt.astimezone(UTC).replace(tzinfo=None)


def _read(path_or_url: str | Path | bytes, fetcher: Fetcher | None) -> tuple[bytes, str, str]:
    """(body, content-type, where) for a path, a URL or raw bytes."""
    if isinstance(path_or_url, bytes):
        return path_or_url, "", "<bytes>"
    text = str(path_or_url)
    if text.startswith(("http://", "https://")):
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            resp = fetcher.get(
                text,
                accept="application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.1",
                max_bytes=MAX_FEED_BYTES,
            )
        finally:
            if own:
                fetcher.close()
        return resp.body, resp.content_type, resp.url
    path = Path(text)
    with path.open("rb") as fh:
        body = fh.read(MAX_FEED_BYTES + 1)
    if len(body) > MAX_FEED_BYTES:
        raise FetchError(text, f"file is over {MAX_FEED_BYTES} bytes")
    return body, "", text


def parse_feed(body: bytes, content_type: str = "", where: str = "<feed>") -> feedparser.FeedParserDict:
    """feedparser on text we decoded ourselves (feedparser's own fallback reads Vietnamese as cp1252)."""
    text = clean_markup(decode(body, content_type))  # XML forbids them; feedparser's loose parse differs
    # The XML declaration still names the old charset; the header we pass wins (RFC 3023).
    return feedparser.parse(
        text.encode("utf-8"),
        response_headers={"content-type": "application/xml; charset=utf-8", "content-location": where},
        sanitize_html=False,
        resolve_relative_uris=False,
    )


def items_from_feed(
    path_or_url: str | Path | bytes,
    *,
    fetcher: Fetcher | None = None,
    source: str | None = None,
    fetched_at: datetime | None = None,
    body: bytes | None = None,
    content_type: str = "",
) -> Iterator[Item | Rejection]:
    """Items (and Rejections) from one RSS/Atom feed. Never raises for bad input.

    ``body``/``content_type`` let a caller that already fetched the feed (the watcher, with
    conditional GET) hand the bytes over; ``path_or_url`` then only names the feed.
    """
    where = str(path_or_url) if not isinstance(path_or_url, bytes) else "<bytes>"
    try:
        if body is None:
            body, content_type, where = _read(path_or_url, fetcher)
    except FetchError as exc:
        yield Rejection(where, f"could not fetch the feed: {exc.reason}")
        return
    except OSError as exc:
        yield Rejection(where, f"could not read the feed: {exc.strerror or exc}")
        return
    try:
        parsed = parse_feed(body, content_type, where)
    except Exception as exc:  # noqa: BLE001 - feedparser has many failure modes on hostile input
        yield Rejection(where, f"not a readable feed: {exc.__class__.__name__}: {exc}")
        return
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if not entries:
        if not body.strip():
            yield Rejection(where, "empty response instead of a feed; check the URL or file")
        elif not version:
            exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
            detail = f" (XML error: {str(exc).splitlines()[0]})" if exc and str(exc) else ""
            yield Rejection(where, f"not an RSS/Atom feed{detail}; check the URL or file")
        return
    feed_meta = parsed.get("feed") or {}
    feed_link = feed_meta.get("link") if isinstance(feed_meta.get("link"), str) else None
    base = where if where.startswith(("http://", "https://")) else feed_link
    host = source or site_host(feed_link) or site_host(where if base == where else None)
    now = fetched_at or datetime.now(UTC)
    for n, entry in enumerate(entries, start=1):
        try:
            item = _entry_item(entry, host, base, where, version, now, feed_meta.get("language"))
        except Exception as exc:  # noqa: BLE001 - one bad entry never stops the feed
            yield Rejection(f"{where} entry {n}", f"unreadable entry: {exc.__class__.__name__}: {exc}")
            continue
        if isinstance(item, str):
            yield Rejection(f"{where} entry {n}", item)
        else:
            yield item


def _entry_item(
    entry: Any, host: str, base: str | None, where: str, version: str, now: datetime, lang: Any = None
) -> Item | str:
    link = entry.get("link")
    if not isinstance(link, str) or not link.strip():
        guid = entry.get("id")
        link = guid if isinstance(guid, str) and guid.startswith(("http://", "https://")) else None
    url = canonical(link, base) if link else None
    if not url:
        return "entry has no usable link"
    title = html_to_text(entry.get("title") or "")
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value", "")
    text = html_to_text(summary)
    if not title and not text:
        return "entry has neither title nor text"
    published = None
    # dict.get: feedparser's own .get maps missing keys to others with a DeprecationWarning
    for key in ("published", "updated", "created", "dc_date"):
        if dict.get(entry, key):
            published = parse_date(dict.get(entry, key))
            if published:
                break
    if published is None:
        for key in ("published_parsed", "updated_parsed"):
            if dict.get(entry, key):
                try:
                    published = datetime(*dict.get(entry, key)[:6], tzinfo=UTC)
                    break
                except (TypeError, ValueError, OverflowError):
                    pass
    return Item(
        source=host or site_host(url),
        kind="article",
        url=url,
        title=title,
        text=text,
        published_at=naive_utc(published),
        fetched_at=naive_utc(now),
        lang=item_lang(lang, title, text),  # the feed's <language>, else the text's
        provenance={
            "via": "feed",
            "feed": where,
            "format": version,
            "guid": entry.get("id") if isinstance(entry.get("id"), str) else None,
        },
    )
