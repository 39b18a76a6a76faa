"""HTML article pages (file, bytes or URL) to Items.

trafilatura finds the article body among navigation, ads and comment threads; the title and the
publication time come from the page's metadata (``article:published_time``, ``datePublished`` in
JSON-LD, ``pubdate`` meta), which Vietnamese news sites fill with a zone (``+07:00``). A date
without a zone is Vietnamese local time.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

from tinhhinh.ingest.feeds import _CONTROL, canonical, naive_utc, parse_date, site_host
from tinhhinh.ingest.http import Fetcher, FetchError, decode
from tinhhinh.ingest.records import Rejection, clean_markup
from tinhhinh.item import Item
from tinhhinh.nlp.lang import item_lang
from tinhhinh.nlp.normalize import strip_diacritics

MAX_PAGE_BYTES = 5 * 1024 * 1024
MIN_TEXT_CHARS = 40  # below this the "article" is a stub, a paywall or a layout we do not recognise
# A body this short that asks the reader to sign in or subscribe is a paywall/login stub, not the article.
PAYWALL_MAX_CHARS = 500
# compared without marks, case or spacing (strip_diacritics, lower-case): typed or served either way
_PAYWALL_PHRASES = (
    "dang nhap de doc",
    "dang nhap de xem",
    "dang nhap de tiep tuc",
    "dang ky de doc",
    "danh cho thanh vien",
    "noi dung danh cho",
    "noi dung tra phi",
    "bai viet tra phi",
    "danh cho nguoi dang ky",
    "danh cho tai khoan",
    "chi danh cho hoi vien",
    "subscribers only",
    "subscriber-only",
    "subscriber only",
    "for subscribers",
    "members only",
    "sign in to read",
    "log in to read",
    "subscribe to read",
    "subscribe to continue",
)

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "date",
    "article:modified_time",
)


def paywall_stub(text: str) -> bool:
    """A short body that asks the reader to sign in or subscribe ("Nội dung dành cho thành viên. Đăng nhập
    để đọc tiếp."): what a members-only page gives a crawler instead of the article."""
    if len(text) > PAYWALL_MAX_CHARS:
        return False
    plain = " ".join(strip_diacritics(text).lower().split())
    return any(phrase in plain for phrase in _PAYWALL_PHRASES)


def _meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
    for el in tree.iter("time"):
        if (el.get("itemprop") or "").lower() == "datepublished" and el.get("datetime"):
            found.setdefault("datepublished", el.get("datetime"))
    return found


def _json_ld_dates(tree: Any) -> list[str]:
    dates: list[str] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack and len(dates) < 5:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node[:50])
            elif isinstance(node, dict):
                if isinstance(node.get("datePublished"), str):
                    dates.append(node["datePublished"])
                graph = node.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph[:50])
    return dates


def published_from_html(tree: Any) -> datetime | None:
    meta = _meta(tree)
    for key in _DATE_META:
        if key in meta and (dt := parse_date(meta[key])):
            return dt
    for value in _json_ld_dates(tree):
        if dt := parse_date(value):
            return dt
    return None


def _read(path_or_url: str | Path | bytes, fetcher: Fetcher | None) -> tuple[bytes, str, str | None, str]:
    """(body, content type, URL if fetched, where)."""
    if isinstance(path_or_url, bytes):
        return path_or_url, "", None, "<bytes>"
    text = str(path_or_url)
    if text.startswith(("http://", "https://")):
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            resp = fetcher.get(text, max_bytes=MAX_PAGE_BYTES)
        finally:
            if own:
                fetcher.close()
        ctype = resp.content_type.lower()
        if ctype and not any(t in ctype for t in ("html", "xml", "text/plain")):
            raise FetchError(resp.url, f"not a web page (Content-Type {resp.content_type})")
        return resp.body, resp.content_type, resp.url, text
    path = Path(text)
    with path.open("rb") as fh:
        body = fh.read(MAX_PAGE_BYTES + 1)
    if len(body) > MAX_PAGE_BYTES:
        raise FetchError(text, f"file is over {MAX_PAGE_BYTES} bytes")
    return body, "", None, text


def items_from_page(
    path_or_url: str | Path | bytes,
    *,
    fetcher: Fetcher | None = None,
    url: str | None = None,
    source: str | None = None,
    body: bytes | None = None,
    content_type: str = "",
    fetched_at: datetime | None = None,
    hint: Item | None = None,
) -> Iterator[Item | Rejection]:
    """One article Item (or one Rejection) from an HTML page. Never raises for bad input.

    ``url`` is the page's address when the bytes come from elsewhere (a file, the watcher);
    ``hint`` is what the feed said about the article (title, date) for pages that lack metadata.
    """
    where = str(path_or_url) if not isinstance(path_or_url, bytes) else (url or "<bytes>")
    fetched_url = None
    try:
        if body is None:
            body, content_type, fetched_url, where = _read(path_or_url, fetcher)
    except FetchError as exc:
        yield Rejection(where, f"could not fetch the page: {exc.reason}")
        return
    except OSError as exc:
        yield Rejection(where, f"could not read the page: {exc.strerror or exc}")
        return
    try:
        item = _page_item(body, content_type, url or fetched_url, where, source, fetched_at, hint)
    except Exception as exc:  # noqa: BLE001 - hostile HTML must never stop a run
        yield Rejection(where, f"could not parse the page: {exc.__class__.__name__}: {exc}")
        return
    if isinstance(item, str):
        yield Rejection(where, item)
    else:
        yield item


def _page_item(
    body: bytes,
    content_type: str,
    url: str | None,
    where: str,
    source: str | None,
    fetched_at: datetime | None,
    hint: Item | None,
) -> Item | str:
    if not body.strip():
        return "empty page"
    # control characters go before parsing: after it, one \x08 had already cost the whole article
    html = clean_markup(decode(body, content_type))
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        return f"not an HTML page ({exc})"
    meta = _meta(tree)
    # only an http(s) address is a link (canonical() gives None for javascript:, data:…)
    page_url = canonical(url) or canonical(meta.get("og:url"))
    if not page_url:
        for el in tree.iter("link"):
            if (el.get("rel") or "").lower() == "canonical" and canonical(el.get("href")):
                page_url = canonical(el.get("href"))
                break
    if not page_url and where not in ("<bytes>", ""):
        # a saved page's own file: its identity (as stored before), never rendered as a link
        page_url = Path(where).resolve().as_uri()
    doc = trafilatura.bare_extraction(
        tree,
        # no url: we know the address already, and trafilatura's domain lookup costs more than the parse
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return "no article text found (the page layout was not recognised, or it is not an article)"
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", doc.text).strip())
    title = unicodedata.normalize(
        "NFC", (meta.get("og:title") or doc.title or (hint.title if hint else "")).strip()
    )
    # trafilatura often repeats the headline as the body's first line
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest.strip()
    if len(text) < MIN_TEXT_CHARS:
        return f"article text too short ({len(text)} characters): a stub, a paywall or an unrecognised layout"
    if paywall_stub(text):
        return f"the page holds only a paywall or sign-in notice ({len(text)} characters), not the article"
    published = published_from_html(tree)
    if published is None and hint is not None and hint.published_at is not None:
        published = hint.published_at.replace(tzinfo=hint.published_at.tzinfo or UTC)
    if published is None and doc.date:
        published = parse_date(doc.date)
    root = tree.getroottree().getroot()
    declared = (
        root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or meta.get("og:locale")
    )
    return Item(
        lang=item_lang(declared, title, text),  # <html lang>, og:locale, else the text's
        source=source or (hint.source if hint and hint.source else "") or site_host(page_url) or "",
        kind="article",
        url=page_url,
        title=title,
        text=text,
        published_at=naive_utc(published),
        fetched_at=naive_utc(fetched_at or datetime.now(UTC)),
        provenance={"via": "page", "page": where, **({"feed": hint.provenance.get("feed")} if hint else {})},
    )
