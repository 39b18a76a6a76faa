"""Polite, bounded HTTP fetching for feeds and article pages.

What a real, sometimes hostile web needs and plain ``httpx.get`` does not give:

- robots.txt obeyed per host (cached; a robots.txt that errors with 5xx means "stay away for now");
- every wait bounded: connect/read timeouts *and* a total deadline per request, so a server that
  trickles one byte a second cannot hold the watcher forever;
- retries only for what can heal (network errors, 5xx, 429) with capped exponential backoff;
- body size limited while streaming, and for gzip/deflate the *decompressed* size (a 10 kB gzip
  bomb inflates to gigabytes); we inflate ourselves with ``max_length`` so memory stays bounded;
- redirects followed by hand: counted, loops detected, each hop checked against robots.txt;
- conditional GET (ETag / Last-Modified) so an unchanged feed costs a 304 and no parsing;
- charset decoding that survives Vietnamese sites declaring the wrong charset.

No SQL here: the caller (the watcher) keeps ETag/Last-Modified in the sources store.
"""

from __future__ import annotations

import codecs
import random
import re
import time
import unicodedata
import urllib.robotparser
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from tinhhinh import __version__, config
from tinhhinh.console import UserError

REDIRECT_CODES = (301, 302, 303, 307, 308)
ROBOTS_AGENT = "tinhhinh"


class FetchError(Exception):
    """A fetch that did not give a usable body. ``retryable`` says whether trying later may help."""

    def __init__(self, url: str, reason: str, *, status: int | None = None, retryable: bool = False):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retryable = retryable


class RobotsDisallowed(FetchError):
    """robots.txt says no, or could not be read (``temporary``: a later poll may be allowed)."""

    temporary = False


class TooLarge(FetchError):
    pass


@dataclass
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # whole request incl. body, per attempt
    retries: int = 2  # extra attempts after the first
    backoff: float = 1.0  # first wait; doubles each retry (with jitter)
    backoff_max: float = 30.0
    max_bytes: int = 10 * 1024 * 1024  # decoded body
    max_redirects: int = 5
    respect_robots: bool = True
    robots_ttl: float = 3600.0
    robots_error_ttl: float = 600.0  # how long a 5xx/unreachable robots.txt keeps us away
    host_delay: float = 1.0  # minimum seconds between two requests to one host
    max_crawl_delay: float = 30.0  # cap on a robots.txt Crawl-delay we honour
    contact: str = ""

    @classmethod
    def from_settings(cls, **overrides) -> FetchPolicy:
        """Defaults, then ``[collect.http]`` in settings.toml, then explicit overrides."""
        values = {}
        section = config.setting("collect.http", {}) or {}
        defaults = cls()
        for name in cls.__dataclass_fields__:
            if name in section:
                kind = type(getattr(defaults, name))
                try:
                    values[name] = kind(section[name]) if kind is not bool else bool(section[name])
                except (TypeError, ValueError) as exc:
                    raise UserError(
                        f"settings.toml [collect.http] {name} = {section[name]!r}: expected a {kind.__name__}"
                    ) from exc
        contact = config.setting("collect.contact", None)
        if contact and "contact" not in values:
            values["contact"] = contact
        values.update(overrides)
        return cls(**values)

    @property
    def user_agent(self) -> str:
        contact = self.contact or "no contact configured; set collect.contact in settings.toml"
        return f"tinhhinh/{__version__} (+{contact})"


@dataclass
class Response:
    url: str  # final URL after redirects
    status: int
    headers: httpx.Headers
    body: bytes = b""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def text(self) -> str:
        return decode(self.body, self.content_type)


# --- charset -------------------------------------------------------------------------------------

_VI_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


def declared_charsets(body: bytes, content_type: str | None) -> list[str]:
    """Charsets the response claims, strongest claim first: HTTP header, then XML declaration/meta."""
    found: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (c := _codec(m.group(1))):
            found.append(c)
    head = body[:4096]
    for rx in (_XML_ENCODING, _META_CHARSET):
        m = rx.search(head)
        if m and (c := _codec(m.group(1).decode("ascii", "ignore"))) and c not in found:
            found.append(c)
    return found


def _vietnamese_score(text: str) -> float:
    """Share of non-ASCII letters that are Vietnamese letters: high for a right guess, low for mojibake."""
    non_ascii = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
    if not non_ascii:
        return 0.0
    return sum(ch in _VI_LETTERS for ch in non_ascii) / len(non_ascii)


def decode(body: bytes, content_type: str | None = None) -> str:
    """Bytes of an HTML/XML document to NFC text, not trusting the declared charset blindly.

    Valid UTF-8 with non-ASCII bytes is taken as UTF-8 whatever is declared: sites that serve UTF-8
    under ``charset=windows-1258``/``iso-8859-1`` are common, while legacy bytes that happen to form
    valid UTF-8 are vanishingly rare. Otherwise the declared charsets are tried, then Vietnamese and
    Western legacy codecs and the detector's guess, keeping the decoding that reads most like
    Vietnamese. Undecodable bytes become U+FFFD rather than failing the page.
    """
    if body.startswith(codecs.BOM_UTF8):
        return unicodedata.normalize("NFC", body[3:].decode("utf-8", "replace"))
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unicodedata.normalize("NFC", body.decode("utf-16", "replace"))
    try:
        return unicodedata.normalize("NFC", body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    candidates = [c for c in declared_charsets(body, content_type) if c not in ("utf-8", "utf-16")]
    candidates += [c for c in ("cp1258", "cp1252") if c not in candidates]
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(body[:65536]).best()
        if guess is not None and (c := _codec(guess.encoding)) and c not in candidates:
            candidates.append(c)
    except Exception:  # noqa: BLE001 - the detector is a helper, never a reason to fail a page
        pass
    best_codec, best_score = None, -1.0
    for rank, codec in enumerate(candidates):
        try:
            text = body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        # declared charsets come first and win ties; a later candidate must read clearly better.
        # Scoring a prefix is enough to tell the encodings apart and keeps big pages cheap.
        score = _vietnamese_score(unicodedata.normalize("NFC", text[:65536])) - 0.001 * rank
        if score > best_score:
            best_codec, best_score = codec, score
    if best_codec is None:
        return unicodedata.normalize("NFC", body.decode("utf-8", "replace"))
    return unicodedata.normalize("NFC", body.decode(best_codec))


# --- body decoding with a bound on the inflated size ----------------------------------------------


class _Identity:
    def feed(self, data: bytes, limit: int) -> bytes:
        return data

    def flush(self) -> bytes:
        return b""


class _Inflate:
    """gzip/deflate inflater that never produces more than ``limit`` bytes per call."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        # 47 = auto-detect zlib or gzip header; raw deflate is tried if that fails on the first bytes
        self._d = zlib.decompressobj(47 if encoding in ("gzip", "x-gzip") else 15)
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        out = b""
        while data:
            try:
                chunk = self._d.decompress(data, limit - len(out) + 1)
            except zlib.error:
                if not self._started and self.encoding == "deflate":
                    self._d = zlib.decompressobj(-15)
                    self._started = True
                    continue
                raise
            self._started = True
            out += chunk
            if len(out) > limit:
                return out
            if self._d.unconsumed_tail:
                data = self._d.unconsumed_tail
                continue
            if self._d.eof and self._d.unused_data:
                # concatenated gzip members are legal; start on the next one
                data = self._d.unused_data
                self._d = zlib.decompressobj(47)
                continue
            break
        return out

    def flush(self) -> bytes:
        return self._d.flush()


def _decoder(content_encoding: str | None, url: str):
    enc = (content_encoding or "identity").strip().lower()
    if enc in ("", "identity"):
        return _Identity()
    if enc in ("gzip", "x-gzip", "deflate"):
        return _Inflate(enc)
    raise FetchError(url, f"unsupported Content-Encoding {enc!r}")


# --- the fetcher ---------------------------------------------------------------------------------


class Fetcher:
    """One per run. Not thread-safe; keeps a connection pool, the robots cache and per-host pacing."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.policy = policy or FetchPolicy.from_settings()
        self._sleep = sleep
        timeout = httpx.Timeout(
            connect=self.policy.connect_timeout,
            read=self.policy.read_timeout,
            write=self.policy.read_timeout,
            pool=self.policy.connect_timeout,
        )
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)
        # origin -> (expires, parser, why robots.txt could not be read or None)
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser, str | None]] = {}
        self._last_hit: dict[str, float] = {}

    # context manager -----------------------------------------------------------------------------
    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # public --------------------------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
        max_bytes: int | None = None,
    ) -> Response:
        """GET with robots, retries, bounded redirects and size. 304 comes back as a Response."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._follow(url, headers, max_bytes or self.policy.max_bytes, check_robots=True)
            except FetchError as exc:
                if not exc.retryable or attempt >= self.policy.retries:
                    raise
                wait = getattr(exc, "retry_after", None) or self._backoff(attempt)
                self._sleep(min(wait, self.policy.backoff_max))
                attempt += 1

    def allowed(self, url: str) -> bool:
        """robots.txt verdict for our agent (always True when robots are switched off)."""
        if not self.policy.respect_robots:
            return True
        parser = self._robots_for(url)
        return parser.can_fetch(ROBOTS_AGENT, url)

    # internals -----------------------------------------------------------------------------------
    def _backoff(self, attempt: int) -> float:
        base = self.policy.backoff * (2**attempt)
        return min(self.policy.backoff_max, base * (0.75 + random.random() * 0.5))

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, *, check_robots: bool) -> Response:
        seen: list[str] = []
        current = url
        while True:
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(url, f"not an http(s) URL: {current}")
            if check_robots and not self.allowed(current):
                problem = self._robots.get(_origin(current), (0, None, None))[2]
                if problem and problem.startswith(_UNREACHABLE):
                    # the network (or DNS, or the site) is down: say that first, not "robots.txt"
                    err = RobotsDisallowed(
                        current,
                        f"cannot reach {parts.hostname} ({problem}): check the network connection or the "
                        "address; host skipped for now",
                    )
                    err.temporary = True
                    raise err
                if problem:
                    err = RobotsDisallowed(
                        current, f"robots.txt unreadable ({problem}): host skipped for now, as RFC 9309 asks"
                    )
                    err.temporary = True
                    raise err
                raise RobotsDisallowed(current, "disallowed by robots.txt")
            resp = self._once(current, headers, max_bytes)
            if resp.status not in REDIRECT_CODES:
                resp.redirects = seen
                resp.url = current
                return resp
            location = resp.headers.get("location")
            if not location:
                raise FetchError(current, f"HTTP {resp.status} redirect without Location")
            seen.append(current)
            nxt = urljoin(current, location.strip())
            if nxt in seen:
                raise FetchError(url, f"redirect loop ({' -> '.join([*seen, nxt])})")
            if len(seen) > self.policy.max_redirects:
                raise FetchError(url, f"more than {self.policy.max_redirects} redirects")
            current = nxt

    def _pace(self, host: str, delay: float) -> None:
        if delay <= 0:
            return
        last = self._last_hit.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last_hit[host] = time.monotonic()

    def _host_delay(self, url: str) -> float:
        delay = self.policy.host_delay
        if self.policy.respect_robots:
            cached = self._robots.get(_origin(url))
            if cached:
                crawl = cached[1].crawl_delay(ROBOTS_AGENT)
                if crawl:
                    delay = max(delay, min(float(crawl), self.policy.max_crawl_delay))
        return delay

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        """One request, no redirects followed, body read under size and time limits."""
        self._pace(urlsplit(url).netloc, self._host_delay(url))
        deadline = time.monotonic() + self.policy.total_timeout
        req_headers = {
            "User-Agent": self.policy.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "vi,en;q=0.5",
            **headers,
        }
        try:
            with self._client.stream("GET", url, headers=req_headers) as r:
                status = r.status_code
                if status in REDIRECT_CODES or status == 304:
                    return Response(url=url, status=status, headers=r.headers)
                if status == 429 or status >= 500:
                    err = FetchError(url, f"HTTP {status}", status=status, retryable=True)
                    err.retry_after = _retry_after(r.headers.get("retry-after"))  # type: ignore[attr-defined]
                    raise err
                if status >= 400:
                    raise FetchError(url, f"HTTP {status}", status=status)
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise TooLarge(url, f"body of {int(declared)} bytes is over the limit of {max_bytes}")
                decoder = _decoder(r.headers.get("content-encoding"), url)
                body = bytearray()
                raw = 0
                try:
                    for chunk in r.iter_raw():
                        raw += len(chunk)
                        if raw > max_bytes:
                            raise TooLarge(url, f"body over the limit of {max_bytes} bytes")
                        body += decoder.feed(chunk, max_bytes - len(body))
                        if len(body) > max_bytes:
                            raise TooLarge(url, f"decompressed body over the limit of {max_bytes} bytes")
                        if time.monotonic() > deadline:
                            raise FetchError(
                                url, f"took longer than {self.policy.total_timeout:g}s", retryable=True
                            )
                    body += decoder.flush()
                except zlib.error as exc:
                    raise FetchError(url, f"corrupt {r.headers.get('content-encoding')} body: {exc}") from exc
                if len(body) > max_bytes:
                    raise TooLarge(url, f"decompressed body over the limit of {max_bytes} bytes")
                return Response(url=url, status=status, headers=r.headers, body=bytes(body))
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({exc.__class__.__name__})", retryable=True) from exc
        except httpx.TransportError as exc:
            raise FetchError(url, f"network error: {exc.__class__.__name__}: {exc}", retryable=True) from exc

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        origin = _origin(url)
        now = time.monotonic()
        cached = self._robots.get(origin)
        if cached and cached[0] > now:
            return cached[1]
        problem = None
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        ttl = self.policy.robots_ttl
        try:
            resp = self._follow(
                origin + "/robots.txt", {"Accept": "text/plain"}, 512 * 1024, check_robots=False
            )
            parser.parse(resp.text().splitlines())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.allow_all = True  # RFC 9309: no robots.txt (4xx) means no restrictions
            else:
                # 5xx or unreachable: RFC 9309 says assume complete disallow, for a while
                parser.disallow_all = True
                ttl = self.policy.robots_error_ttl
                problem = exc.reason
            parser.modified()
        self._robots[origin] = (now + ttl, parser, problem)
        return parser


# FetchError reasons that mean nothing answered at all (see Fetcher._once)
_UNREACHABLE = ("network error", "timed out")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
