"""Receipt codes: how a citizen follows their petition without an account.

A code is 12 characters from a 29-symbol alphabet without look-alikes (no 0/O, 1/I/L, U/V), drawn with
``secrets`` (about 58 bits), shown once at intake and printed on the receipt. The database keeps only
HMAC-SHA256(installation secret ``public-receipts``, code), so a leaked database does not reveal codes and a
code cannot be recomputed from the petition. Reissuing a receipt replaces the hash: the old code stops working.

What a code opens (``public_status``): the state as the citizen should read it, the dates and the responsible
*level* — never a name, a staff member, the subject or the content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from tinhhinh import clock, config
from tinhhinh.desk import audit
from tinhhinh.desk.access import PUBLIC, Actor, require
from tinhhinh.desk.errors import Invalid, NotFound
from tinhhinh.store import desk as desk_store
from tinhhinh.store import public as store

ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"  # no 0 O 1 I L U V: read aloud and typed from paper
LENGTH = 12
GROUP = 4
SECRET_NAME = "public-receipts"
_CLEAN = re.compile(r"[^A-Z0-9]")


class Receipted(int):
    """A petition id that also carries the receipt code issued with it (shown once, then only its hash is
    kept). It *is* the id, so callers that expect an int are unaffected."""

    receipt: str | None

    def __new__(cls, petition_id: int, receipt: str | None = None) -> Receipted:
        obj = super().__new__(cls, petition_id)
        obj.receipt = receipt
        return obj


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def pretty(code: str) -> str:
    """ABCD-EFGH-JKMN: easier to read out on the phone and to copy from paper."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalize(text: str | None) -> str:
    """What the citizen typed -> the code (spaces, dashes and case do not matter). Bounded: an overlong input
    is cut so hashing costs the same for every request."""
    return _CLEAN.sub("", (text or "")[:64].upper())[: LENGTH * 2]


def code_hash(code: str) -> str:
    return hmac.new(config.secret(SECRET_NAME), normalize(code).encode(), hashlib.sha256).hexdigest()


def issue(conn: Connection, petition_id: int) -> str:
    """Make and store a receipt for a petition inside the caller's transaction; return the code (once)."""
    code = new_code()
    store.put_receipt(conn, petition_id, code_hash(code))
    return pretty(code)


def reissue(engine: Engine, actor: Actor, petition_id: int) -> str:
    """A new receipt for a petition (the citizen lost theirs, or it was taken in before receipts existed).
    Whoever may move the petition may print its receipt; the old code stops working. Audited."""
    with desk_store.transaction_for(engine) as conn:
        row = desk_store.get_petition(conn, petition_id)
        if row is None:
            raise NotFound(f"no petition #{petition_id}")
        require(actor, "petition.transition", row)
        if row["erased_at"]:
            raise Invalid(f"petition #{petition_id} has been erased: no receipt")
        code = issue(conn, petition_id)
        audit.record(conn, actor, "petition.receipt", "petition", petition_id, petition_id=petition_id)
    return code


# ------------------------------------------------------------------ what a code opens
STATE_LABELS: dict[str, tuple[str, str]] = {
    "received": ("Đã tiếp nhận, đang xem xét", "Received, being reviewed"),
    "accepted": ("Đã thụ lý, đang giải quyết", "Accepted, being resolved"),
    "extended": ("Đang giải quyết (đã gia hạn)", "Being resolved (extended)"),
    "resolved": ("Đã có kết quả giải quyết", "Resolved"),
    "closed": ("Đã kết thúc", "Closed"),
    "not_accepted": ("Không thụ lý (đã có văn bản trả lời)", "Not accepted (answered in writing)"),
    "forwarded": ("Đã chuyển cơ quan có thẩm quyền", "Forwarded to the competent body"),
    "guided": ("Đã hướng dẫn người gửi", "Guidance given"),
    "merged_duplicate": ("Đã gộp với đơn trùng nội dung", "Merged with a duplicate"),
}
# Open311 knows only open/closed: anything the office no longer works on is closed.
OPEN_STATES = ("received", "accepted", "extended")


def responsible_level(agency_code: str | None) -> tuple[str, str]:
    """The level that answers, never the people: from settings ``[public.agency_level] CODE = "..."``."""
    if agency_code is None:
        return ("Cấp tỉnh (bộ phận tiếp nhận)", "Province (reception office)")
    levels = config.setting("public.agency_level", {}) or {}
    custom = levels.get(agency_code) if isinstance(levels, dict) else None
    if custom:
        return (str(custom), str(custom))
    return ("Cơ quan chuyên môn cấp tỉnh", "Provincial specialised agency")


@dataclass(frozen=True)
class PublicStatus:
    state: str
    label_vi: str
    label_en: str
    open: bool
    received_on: dt.date
    accepted_on: dt.date | None
    expected_on: dt.date | None
    closed_on: dt.date | None
    requested_at: dt.datetime
    updated_at: dt.datetime
    level_vi: str
    level_en: str
    kind: str
    sector: str | None

    @property
    def updated_on(self) -> dt.date:
        """The day of the last change as the office (and the citizen) counts days, not the UTC date."""
        return clock.office_date(self.updated_at)

    def label(self, lang: str) -> str:
        return self.label_vi if lang == "vi" else self.label_en

    def level(self, lang: str) -> str:
        return self.level_vi if lang == "vi" else self.level_en


def public_status(engine: Engine, code: str | None) -> PublicStatus | None:
    """The status behind a receipt code, or None for a wrong, reissued or erased one (callers answer the same
    way for all three). The hash is computed for every input and compared in constant time."""
    wanted = code_hash(code or "")
    with engine.connect() as conn:
        row = store.status_by_hash(conn, wanted)
    found = row is not None and hmac.compare_digest(row["code_hash"], wanted)
    if not found or row is None or row["erased_at"] is not None:
        return None
    vi, en = STATE_LABELS.get(row["state"], (row["state"], row["state"]))
    lvi, len_ = responsible_level(row["agency_code"])
    return PublicStatus(
        state=row["state"],
        label_vi=vi,
        label_en=en,
        open=row["state"] in OPEN_STATES,
        received_on=row["received_on"],
        accepted_on=row["accepted_on"],
        expected_on=row["due_on"] if row["state"] in OPEN_STATES else None,
        closed_on=row["closed_on"],
        requested_at=row["created_at"],
        updated_at=row["updated_at"],
        level_vi=lvi,
        level_en=len_,
        kind=row["kind"],
        sector=row["sector"],
    )


# ------------------------------------------------------------------ citizens' own reports (Open311)
def public_intake(
    engine: Engine,
    *,
    sector: str,
    description: str,
    contact: dict[str, str],
    location: dict[str, Any],
    privacy_notice_ack: bool,
    received_on: dt.date | None = None,
) -> Receipted:
    """A kiến nghị/phản ánh filed by a citizen (no account): the desk's own intake, as the PUBLIC actor, so the
    contact details are sealed under the petition's key and erased with it. Returns the id with its receipt."""
    from tinhhinh.desk import petitions

    require(PUBLIC, "petition.create_public")
    sector_label = _sector_label(sector)
    petitioner = {
        "name": " ".join(
            p for p in (contact.get("first_name", ""), contact.get("last_name", "")) if p
        ).strip(),
        "address": contact.get("address", ""),
        "phone": contact.get("phone", ""),
        "email": contact.get("email", ""),
    }
    # Where the problem is may be where someone lives: it goes into the sealed content, not the subject.
    where = "; ".join(f"{k}: {v}" for k, v in location.items() if v not in (None, ""))
    content = description.strip() + (f"\n\n[vị trí / location] {where}" if where else "")
    pid = petitions.intake(
        engine,
        PUBLIC,
        kind="kien_nghi_phan_anh",
        subject=f"Phản ánh trực tuyến (Open311): {sector_label}",
        received_on=received_on or clock.office_today(),
        petitioner={k: v for k, v in petitioner.items() if v},
        content=content,
        privacy_notice_given=privacy_notice_ack,
        sector=sector,
    )
    receipt = getattr(pid, "receipt", None)
    if receipt is None:  # an intake without the receipt hook: issue one here
        with desk_store.transaction_for(engine) as conn:
            receipt = issue(conn, int(pid))
    return Receipted(int(pid), receipt)


def _sector_label(code: str) -> str:
    from tinhhinh.desk.people import sectors

    return str(sectors().get(code, {}).get("vi", code))
