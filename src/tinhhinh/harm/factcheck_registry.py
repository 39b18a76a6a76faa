"""The registry of published fact-checks: a JSONL file in TINHHINH_HOME, so the database-free ``analyze`` uses it too.

The line we hold: the registry takes fact-checks only in a closed list of domains (health, disasters and
weather, scams and consumer safety, public services and procedures) and only from publishers on the
office's allow-list. A statement that denies an allegation against an official or an agency is not a
fact-check: whatever domain it is given, the import refuses a claim about officials or state/Party bodies and
their conduct (``about_officials``). Every imported entry waits for a
coordinator's approval; only approved, non-retired, refuted (false/misleading) entries are matched.

Input formats: CSV and JSONL rows (claim, verdict, domain, url, publisher, date) and schema.org
``ClaimReview`` JSON-LD as fact-checkers publish it (one object, a list, or ``@graph``).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tinhhinh import config
from tinhhinh.nlp.normalize import fold, strip_diacritics

REGISTRY_FILE = "factchecks.jsonl"
PUBLISHERS_FILE = "factcheck_publishers.txt"

# The closed list. Keys are what the registry stores; values are the words importers may use for them.
DOMAINS: dict[str, tuple[str, ...]] = {
    "health": ("health", "y te", "suc khoe", "y hoc", "dich benh", "vaccine", "vac xin"),
    "disaster": (
        "disaster",
        "disasters",
        "weather",
        "disasters and weather",
        "thien tai",
        "thoi tiet",
        "bao lu",
        "khi tuong",
        "dong dat",
    ),
    "scam": (
        "scam",
        "scams",
        "fraud",
        "consumer",
        "consumer safety",
        "scams and consumer safety",
        "lua dao",
        "an toan tieu dung",
        "an toan thuc pham",
        "tieu dung",
    ),
    "public_service": (
        "public_service",
        "public service",
        "public services",
        "public services and procedures",
        "procedures",
        "dich vu cong",
        "thu tuc",
        "thu tuc hanh chinh",
    ),
}
_DOMAIN_WORDS = {w: key for key, words in DOMAINS.items() for w in words}

# Ratings that mean "the claim is wrong"; only these are matched against items.
REFUTED = ("false", "misleading")
_RATING_WORDS: list[tuple[str, tuple[str, ...]]] = [
    # order matters: "không đúng" must win over "đúng", "partly false" over "false"
    (
        "misleading",
        (
            "misleading",
            "partly false",
            "partially false",
            "mostly false",
            "half true",
            "missing context",
            "gay hieu lam",
            "sai lech",
            "mot phan sai",
            "thieu boi canh",
            "danh trao khai niem",
            "cat ghep",
        ),
    ),
    (
        "false",
        (
            "false",
            "fake",
            "pants on fire",
            "incorrect",
            "wrong",
            "hoax",
            "sai su that",
            "khong dung su that",
            "khong dung",
            "khong chinh xac",
            "khong co co so",
            "tin gia",
            "gia mao",
            "bia dat",
            "that thiet",
            "sai",
            "gia",
        ),
    ),
    ("unproven", ("unproven", "unverified", "chua kiem chung", "chua xac minh", "chua co can cu")),
    ("true", ("true", "correct", "mostly true", "dung su that", "chinh xac", "dung", "that")),
]

STATUSES = ("pending", "approved", "retired")


class RegistryError(ValueError):
    """The registry or allow-list file cannot be read or written (message says where)."""


@dataclass
class Rejection:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportResult:
    added: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    # retired entries imported again: pending review once more (also in ``added``)
    revived: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


# ------------------------------------------------------------------ paths


def registry_path(path: str | Path | None = None) -> Path:
    """``path`` if given, else ``$TINHHINH_HOME/factchecks.jsonl``."""
    return Path(path) if path else config.home() / REGISTRY_FILE


def publishers_path() -> Path:
    return config.home() / PUBLISHERS_FILE


# ------------------------------------------------------------------ allow-list


def _key(text: str) -> str:
    return " ".join(strip_diacritics(fold(text)).split())


def default_publishers() -> list[str]:
    text = resources.files("tinhhinh.data").joinpath(PUBLISHERS_FILE).read_text(encoding="utf-8")
    return _parse_publishers(text)


def _parse_publishers(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def publishers() -> list[str]:
    """The office's allow-list: ``$TINHHINH_HOME/factcheck_publishers.txt``, else the shipped default."""
    path = publishers_path()
    if path.exists():
        try:
            return _parse_publishers(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise RegistryError(f"cannot read the publisher allow-list {path}: {exc}") from exc
    return default_publishers()


def _write_publishers(names: list[str]) -> Path:
    path = publishers_path()
    header = (
        "# Publishers whose fact-checks the office accepts (one name or web domain per line).\n"
        "# Names match without case or diacritics; a domain (moh.gov.vn) matches the source URL's host.\n"
        "# Manage with `tinhhinh factchecks publishers add|remove|list` or edit this file.\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    return path


def add_publisher(name: str) -> bool:
    name = " ".join(name.split())
    if not name:
        raise RegistryError("a publisher needs a name or a web domain")
    names = publishers()
    if any(_key(n) == _key(name) for n in names):
        return False
    _write_publishers([*names, name])
    return True


def remove_publisher(name: str) -> bool:
    names = publishers()
    kept = [n for n in names if _key(n) != _key(name)]
    if len(kept) == len(names):
        return False
    _write_publishers(kept)
    return True


def _is_domain(entry: str) -> bool:
    return "." in entry and " " not in entry.strip()


def _own_domains(allow: list[str]) -> dict[str, list[str]]:
    """Each listed name (as ``_key``) with the domains listed right after it: the publisher's own sites
    ("Bộ Y tế" then "moh.gov.vn"). A name followed directly by another name has none of its own."""
    own: dict[str, list[str]] = {}
    current: str | None = None
    for entry in allow:
        if _is_domain(entry):
            if current is not None:
                own[current].append(entry.lower().strip().removeprefix("www."))
        else:
            current = _key(entry)
            own.setdefault(current, [])
    return own


def _on(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def publisher_allowed(publisher: str, url: str | None, allow: list[str]) -> bool:
    """Is the fact-check published on a listed domain, and, when its publisher is a listed name with sites
    of its own (the domains listed right after the name), on one of those? A listed name alone is not
    enough: anyone can write "Bộ Y tế" next to a blog post."""
    name = _key(publisher or "")
    host = ""
    if url:
        try:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
        except ValueError:
            host = ""
    if not name or not host:
        return False
    domains = [e.lower().strip().removeprefix("www.") for e in allow if _is_domain(e)]
    if not _on(host, domains):
        return False
    own = _own_domains(allow).get(name)
    return not own or _on(host, own)


def claim_key(claim: str) -> str:
    """A claim as compared for "already present": without marks, case, hyphens or punctuation
    ("Vắc-xin Covid-19 gây vô sinh" = "Vac xin covid 19 gay vo sinh")."""
    return " ".join(re.sub(r"[\W_]+", " ", _key(claim)).split())


def _url_key(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


# ------------------------------------------------------------------ normalising rows


def normalize_domain(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return _DOMAIN_WORDS.get(_key(value.replace("_", " ").replace("-", " "))) or _DOMAIN_WORDS.get(
        _key(value)
    )


def normalize_rating(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    k = _key(value)
    for rating, words in _RATING_WORDS:
        for w in words:
            if k == w or re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", k):
                return rating
    return None


def _rating_from_value(value: Any, best: Any, worst: Any) -> str | None:
    try:
        v = float(value)
        hi = float(best) if best not in (None, "") else 5.0
        lo = float(worst) if worst not in (None, "") else 1.0
    except (TypeError, ValueError):
        return None
    if hi <= lo:
        return None
    x = (v - lo) / (hi - lo)
    # schema.org convention: worst = false, next = mostly false; the middle is a mixture (not matched)
    if x < 0.2:
        return "false"
    if x < 0.5:
        return "misleading"
    if x < 0.75:
        return "mixed"
    return "true"


def entry_id(claim: str, publisher: str) -> str:
    digest = hashlib.sha1(f"{_key(claim)}\n{_key(publisher)}".encode()).hexdigest()
    return "fc-" + digest[:10]


def _clean_date(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text[:10], fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# What officials or state/Party bodies are said to have done (or not done): bribery, corruption, discipline,
# prosecution, private life. Together with a name from the toxicity model's institution list such a claim
# is an allegation (or its denial), not a health/disaster/scam/public-service fact. Unmarked, as ``_key``.
_CONDUCT_WORDS = (
    "hoi lo",
    "tham nhung",
    "tham o",
    "an hoi lo",
    "lot tay",
    "boi thu",
    "an chan",
    "bao che",
    "tiep tay",
    "sai pham",
    "ky luat",
    "cach chuc",
    "mien nhiem",
    "tu chuc",
    "khai tru",
    "khoi to",
    "truy to",
    "bi bat giam",
    "tam giam",
    "bat tam giam",
    "loi dung chuc vu",
    "lam dung chuc vu",
    "chuc vu",
    "quyen han",
    "loi ich nhom",
    "biet thu",
    "ngoai tinh",
    "bo tron",
    "tron ra nuoc ngoai",
    "qua doi",
    "mua quan ban chuc",
    "chay chuc",
)
# Names that are politics by themselves: a claim about the Party is never a fact-check here.
_POLITICAL_WORDS = (
    "dang cong san",
    "cong san",
    "dang vien",
    "tong bi thu",
    "bo chinh tri",
    "bua liem",
    "viet cong",
    "trung cong",
    "tau cong",
    "csvn",
    "dcs",
)


def _word_re(words: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    return re.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])")


_CONDUCT_RE = _word_re(_CONDUCT_WORDS)
_POLITICAL_RE = _word_re(_POLITICAL_WORDS)


@lru_cache(maxsize=1)
def _institution_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from tinhhinh.harm.toxicity import INSTITUTION_TERMS, INSTITUTION_TERMS_PLAIN

    marked = "|".join(map(re.escape, sorted(INSTITUTION_TERMS, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{marked})(?!\w)"), _word_re(INSTITUTION_TERMS_PLAIN)


def about_officials(claim: str) -> str | None:
    """Why ``claim`` is about officials or state/Party bodies (the words found), else None.

    The names are the toxicity model's institution list (``harm.toxicity.INSTITUTION_TERMS``), which masks
    them for the same reason: what a text says about the state is no part of what we judge. A name alone
    is not enough ("Công an cảnh báo …", "UBND phường thu phí …" are scam and public-service claims); a name
    with what an official did or did not do (bribery, discipline, prosecution, private life) is, and so is
    any claim about the Party."""
    marked_re, plain_re = _institution_res()
    key = _key(claim)
    political = _POLITICAL_RE.search(key)
    # "đảng" only in the marked list: unmarked "dang" is also "đang" (being)
    names = {_key(m.group(0)) for m in marked_re.finditer(fold(claim))}
    names |= {m.group(0) for m in plain_re.finditer(key)}
    if political:
        return f"'{political.group(0)}'"
    conduct = _CONDUCT_RE.search(key)
    if names and conduct:
        name = sorted(names, key=len, reverse=True)[0]
        return f"'{name}' and '{conduct.group(0)}'"
    if "dang" in names:
        return "'dang'"
    return None


def make_entry(
    row: dict[str, Any], allow: list[str], *, default_domain: str | None = None
) -> tuple[dict[str, Any] | None, str | None]:
    """A registry entry from a flat row, or (None, why it is refused)."""
    claim = " ".join(str(row.get("claim") or "").split())
    if not claim:
        return None, "no claim text"
    if len(claim) > 1000:
        return None, "claim longer than 1,000 characters: a claim is one sentence or two"
    raw_domain = row.get("domain") or default_domain
    if not raw_domain:
        return None, (
            "no domain: give one of health, disaster, scam, public_service (column 'domain' or --domain)"
        )
    domain = normalize_domain(raw_domain)
    if domain is None:
        return None, (
            f"domain {str(raw_domain)!r} is not on the list (health, disaster, scam, public_service): "
            "the registry holds fact-checks only; statements that deny allegations about officials or "
            "agencies, politics and opinion are refused"
        )
    about = about_officials(claim)
    if about:
        return None, (
            f"the claim is about officials or state/Party bodies ({about}): this product does not act for "
            "or against officials, so such claims and their denials are not fact-checks for the registry"
        )
    verdict = str(row.get("verdict") or "").strip()
    rating = normalize_rating(verdict) if verdict else None
    if rating is None and row.get("rating_value") not in (None, ""):
        rating = _rating_from_value(row.get("rating_value"), row.get("best_rating"), row.get("worst_rating"))
        verdict = verdict or str(row.get("rating_value"))
    if rating is None:
        return None, f"verdict {verdict!r} not understood: use e.g. false, misleading, true, 'sai sự thật'"
    publisher = " ".join(str(row.get("publisher") or "").split())
    if not publisher:
        return None, "no publisher"
    url = str(row.get("url") or "").strip() or None
    if url and not re.match(r"^https?://[^\s/]+", url):
        return None, f"source URL {url!r} is not an http(s) address"
    if not url:
        return None, "no source URL: a fact-check must point to where it was published"
    if not publisher_allowed(publisher, url, allow):
        return None, (
            f"publisher {publisher!r} with source URL {url[:120]} is not on the allow-list: a listed "
            "publisher is accepted with a URL on its own listed domain (add a name and its domain with "
            "`tinhhinh factchecks publishers add` if the office trusts it)"
        )
    date = _clean_date(row.get("date"))
    if row.get("date") and date is None:
        return None, f"date {row.get('date')!r} not understood: use YYYY-MM-DD"
    # today in Vietnam (the office's day), so a fact-check published this morning is never "future"
    today = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)).date().isoformat()
    if date and date > today:
        return None, f"date {date} is in the future: a fact-check must already be published (check the date)"
    return {
        "id": entry_id(claim, publisher),
        "claim": claim,
        "verdict": verdict,
        "rating": rating,
        "domain": domain,
        "url": url,
        "publisher": publisher,
        "date": date,
        "status": "pending",
        "imported_at": _now(),
    }, None


# ------------------------------------------------------------------ readers


def _rows_csv(text: str, origin: str) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    from tinhhinh.ingest.records import csv_delimiter

    # "," or ";" (Excel in a Vietnamese locale) or tab, as ingest reads CSV
    reader = csv.DictReader(io.StringIO(text), delimiter=csv_delimiter(text[:4096]))
    if not reader.fieldnames or "claim" not in [(f or "").strip().lower() for f in reader.fieldnames]:
        yield f"{origin}:1", None, "CSV header must name the columns: claim,verdict,domain,url,publisher,date"
        return
    for n, row in enumerate(reader, start=2):
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        if not any(clean.values()):
            continue
        yield f"{origin}:{n}", clean, None


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _name_of(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("alternateName") or "").strip()
    return str(value or "").strip()


def _domain_hint(obj: dict[str, Any]) -> Any:
    for key in ("domain", "about", "keywords", "genre"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        values = value if isinstance(value, list) else ([value] if isinstance(value, str) else [])
        for v in values:
            if isinstance(v, dict):
                v = v.get("name")
            parts = [v] + (str(v).split(",") if isinstance(v, str) else [])
            for p in parts:
                if isinstance(p, str) and normalize_domain(p):
                    return p
    return obj.get("domain")


def claimreview_row(obj: Any) -> tuple[dict[str, Any] | None, str | None]:
    """A flat row from one schema.org ClaimReview object, or (None, what is wrong with it)."""
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "ClaimReview" not in kinds:
        return None, f"@type is {kind!r}, not ClaimReview"
    claim = obj.get("claimReviewed")
    if not isinstance(claim, str) or not claim.strip():
        return None, "ClaimReview without claimReviewed (the claim text)"
    rating = _first(obj.get("reviewRating"))
    if not isinstance(rating, dict):
        return None, "ClaimReview without reviewRating"
    verdict = str(rating.get("alternateName") or rating.get("name") or "").strip()
    if not verdict and rating.get("ratingValue") in (None, ""):
        return None, "reviewRating has neither alternateName nor ratingValue"
    publisher = _name_of(obj.get("author")) or _name_of(obj.get("publisher"))
    if not publisher:
        return None, "ClaimReview without author.name (the publisher)"
    url = obj.get("url") or ""
    if not url:
        item = _first(obj.get("itemReviewed")) or {}
        url = ""
        if isinstance(item, dict):
            url = ""  # appearances are where the claim was seen, not the fact-check
    return {
        "claim": claim,
        "verdict": verdict,
        "rating_value": rating.get("ratingValue"),
        "best_rating": rating.get("bestRating"),
        "worst_rating": rating.get("worstRating"),
        "publisher": publisher,
        "url": url,
        "date": obj.get("datePublished"),
        "domain": _domain_hint(obj),
    }, None


def _claimreviews(data: Any) -> Iterator[Any]:
    if isinstance(data, list):
        for x in data:
            yield from _claimreviews(x)
    elif isinstance(data, dict) and "@graph" in data and "@type" not in data:
        yield from _claimreviews(data["@graph"])
    else:
        yield data


def _looks_claimreview(obj: Any) -> bool:
    return isinstance(obj, dict) and ("@type" in obj or "claimReviewed" in obj or "@graph" in obj)


def read_rows(path: Path) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(where, row, None) for each usable row, (where, None, reason) for each refused one."""
    origin = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield origin, None, f"cannot read: {exc}"
        return
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _rows_csv(text, origin)
        return
    stripped = text.lstrip()
    whole: Any = None
    if suffix in (".json", ".jsonld") or stripped.startswith("["):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError as exc:
            yield f"{origin}:{exc.lineno}", None, f"not valid JSON: {exc.msg}"
            return
    if whole is not None:
        for i, obj in enumerate(_claimreviews(whole)):
            where = f"{origin}[{i}]"
            if _looks_claimreview(obj):
                row, why = claimreview_row(obj)
                yield where, row, why
            elif isinstance(obj, dict):
                yield where, obj, None
            else:
                yield where, None, "not a JSON object"
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, None, f"not valid JSON: {exc.msg}"
            continue
        if _looks_claimreview(obj):
            for obj2 in _claimreviews(obj):
                row, why = claimreview_row(obj2)
                yield where, row, why
        elif isinstance(obj, dict):
            yield where, obj, None
        else:
            yield where, None, "not a JSON object"


# ------------------------------------------------------------------ the registry file


def load(path: str | Path | None = None) -> list[dict[str, Any]]:
    """All entries (any status). A missing file is an empty registry."""
    p = registry_path(path)
    if not p.exists():
        return []
    entries = []
    try:
        with p.open(encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise RegistryError(
                        f"{p}:{n}: not valid JSON ({exc.msg}); fix or remove the line"
                    ) from exc
                if isinstance(obj, dict) and obj.get("id") and obj.get("claim"):
                    entries.append(obj)
    except OSError as exc:
        raise RegistryError(f"cannot read the fact-check registry {p}: {exc}") from exc
    return entries


def save(entries: Iterable[dict[str, Any]], path: str | Path | None = None) -> Path:
    """Write atomically (a reader never sees half a file)."""
    p = registry_path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".factchecks-", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for e in entries:
                f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


def import_file(
    source: Path, path: str | Path | None = None, *, default_domain: str | None = None, dry_run: bool = False
) -> ImportResult:
    """Add the acceptable rows of ``source`` as ``pending`` entries; report every refused row."""
    allow = publishers()
    entries = load(path)
    known = {e["id"] for e in entries}
    by_id = {e["id"]: e for e in entries}
    # the same fact-check retyped (marks, hyphens, case) or under the same URL is already present
    by_claim = {claim_key(str(e.get("claim") or "")): e["id"] for e in entries}
    by_url = {_url_key(e.get("url")): e["id"] for e in entries if e.get("url")}
    result = ImportResult()
    for where, row, why in read_rows(source):
        if row is None:
            result.rejected.append(Rejection(where, why or "unreadable"))
            continue
        entry, why = make_entry(row, allow, default_domain=default_domain)
        if entry is None:
            result.rejected.append(Rejection(where, why or "refused"))
            continue
        same = by_claim.get(claim_key(entry["claim"])) or by_url.get(_url_key(entry["url"]))
        if same is not None and entry["id"] not in known:
            entry["id"] = same
        if entry["id"] in known:
            old = by_id.get(entry["id"])
            if old is not None and old.get("status") == "retired" and entry["id"] not in result.revived:
                # "import it again to start over": the fact-check as published now, pending review again;
                # who retired it, when and why stay on the entry for the record
                for k in ("verdict", "rating", "domain", "url", "date"):
                    old[k] = entry[k]
                old.update(status="pending", revived_at=entry["imported_at"], origin=source.name)
                for k in ("approved_by", "approved_at"):
                    old.pop(k, None)
                result.revived.append(entry["id"])
                result.added.append(old)
                continue
            result.duplicates.append(entry["id"])
            continue
        known.add(entry["id"])
        by_claim[claim_key(entry["claim"])] = entry["id"]
        by_url[_url_key(entry["url"])] = entry["id"]
        entry["origin"] = source.name
        result.added.append(entry)
        entries.append(entry)
    if result.added and not dry_run:
        save(entries, path)
    return result


def find(entries: list[dict[str, Any]], entry_id_or_prefix: str) -> dict[str, Any]:
    hits = [e for e in entries if e["id"] == entry_id_or_prefix]
    if not hits:
        hits = [e for e in entries if e["id"].startswith(entry_id_or_prefix)]
    if not hits:
        raise KeyError(f"no fact-check {entry_id_or_prefix!r}: list them with `tinhhinh factchecks list`")
    if len(hits) > 1:
        raise KeyError(f"{entry_id_or_prefix!r} names {len(hits)} fact-checks: give more of the id")
    return hits[0]


def set_status(
    entry_id_or_prefix: str,
    status: str,
    by: str,
    path: str | Path | None = None,
    *,
    reason: str | None = None,
) -> dict[str, Any]:
    """approve (pending → approved) or retire (any → retired); records who and when."""
    if status not in ("approved", "retired"):
        raise ValueError(f"unknown status {status!r}")
    entries = load(path)
    entry = find(entries, entry_id_or_prefix)
    if status == "approved":
        if entry["status"] == "retired":
            raise ValueError(
                f"{entry['id']} is retired; import it again (`tinhhinh factchecks import FILE`) to put it "
                "back for review, then approve it"
            )
        if entry["status"] == "approved":
            raise ValueError(
                f"{entry['id']} is already approved (by {entry.get('approved_by')}, {entry.get('approved_at')})"
            )
        entry.update(status="approved", approved_by=by, approved_at=_now())
    else:
        entry.update(status="retired", retired_by=by, retired_at=_now())
        if reason:
            entry["retire_reason"] = reason
    save(entries, path)
    return entry


def active(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the matcher uses: approved, not retired, refuted (false or misleading), and not about officials
    (an entry approved before the import refused such claims is never matched either)."""
    return [
        e
        for e in entries
        if e.get("status") == "approved"
        and e.get("rating") in REFUTED
        and not about_officials(str(e.get("claim") or ""))
    ]
