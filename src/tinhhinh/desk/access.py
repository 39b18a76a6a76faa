"""Who may do what: the ONE place permission decisions are made (CLI, pages and API all call ``can``/``require``).

Roles:
- admin: user accounts, agencies, settings, audit verification. Never petition or case data.
- coordinator: reads and assigns every case and petition; sees petitioner contact details; never a
  denouncer's identity unless named resolver of that denunciation.
- officer: only cases and petitions assigned to their own agency; contact details of those; a denouncer's
  identity only when named resolver.
- viewer: aggregates only (counts), never a record, never personal data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tinhhinh.desk.errors import Forbidden

ROLES = ("admin", "coordinator", "officer", "viewer")


@dataclass(frozen=True)
class Actor:
    id: int | None
    username: str
    role: str
    agency_id: int | None = None

    @property
    def label(self) -> str:
        return self.username


# Scheduled jobs (retention purge) run as this actor; it can erase but never read.
SYSTEM = Actor(None, "system", "system", None)
# A citizen through the public intake (Open311): may file a kiến nghị/phản ánh, never read anything back.
PUBLIC = Actor(None, "public", "public", None)

ADMIN_ONLY = {"user.manage", "agency.manage", "settings.manage"}
AUDIT = {"audit.verify", "audit.export_head"}
AGENCY_SCOPED = {
    "case.read",
    "case.update",
    "case.comment",
    "case.attach",
    "case.transition",
    "case.export",
    "petition.read",
    "petition.transition",
    "petition.note",
    "petition.export",
}
COORDINATOR_ONLY = {
    "case.assign",
    "petition.assign",
    "petition.export_personal",
    "petition.purge",
    "petition.import",
}


def _same_agency(actor: Actor, obj: Mapping[str, Any] | None) -> bool:
    return obj is not None and actor.agency_id is not None and obj.get("agency_id") == actor.agency_id


def can(actor: Actor, action: str, obj: Mapping[str, Any] | None = None) -> bool:
    """May ``actor`` do ``action`` (on ``obj``, a case or petition row/view when the action is about one)?"""
    role = actor.role
    if action in ADMIN_ONLY:
        return role == "admin"
    if action in AUDIT:
        return role in ("admin", "coordinator")
    if action == "stats.read":
        return role in ("viewer", "coordinator")
    if action == "flag.decide":
        # A machine flag leads nowhere until a person confirms it; viewers only read.
        return role in ("coordinator", "officer")
    if action == "petition.purge":
        return role in ("coordinator", "system")
    if action == "petition.create_public":
        return role == "public"
    if action == "digest.run":
        # Per-agency digests carry ids, kinds, sectors and dates only: the scheduled job or a coordinator.
        return role in ("coordinator", "system")
    if action in COORDINATOR_ONLY:
        return role == "coordinator"
    if action in ("case.create", "petition.create"):
        # An officer creates only for their own agency (the domain forces the agency).
        return (
            role == "coordinator"
            or (role == "officer" and actor.agency_id is not None)
            or (role == "public" and action == "petition.create")
        )
    if action in AGENCY_SCOPED:
        if role == "coordinator":
            return True
        # Lists pass obj=None: the question is then "may this actor list at all" (scope does the filtering).
        return role == "officer" and (obj is None or _same_agency(actor, obj))
    if action == "petition.read_contact":
        # Contact details of a complainant / a person making a recommendation.
        if obj is None:
            return False
        if obj.get("kind") == "to_cao":
            return can(actor, "petition.read_identity", obj)
        return role == "coordinator" or (role == "officer" and _same_agency(actor, obj))
    if action == "petition.read_identity":
        # A denouncer's identity: the named resolver only (Luật Tố cáo 2018 on keeping the denouncer secret).
        return (
            obj is not None
            and role in ("coordinator", "officer")
            and actor.id is not None
            and obj.get("resolver_id") == actor.id
            and can(actor, "petition.read", obj)
        )
    return False


def require(actor: Actor, action: str, obj: Mapping[str, Any] | None = None) -> None:
    if not can(actor, action, obj):
        what = f" #{obj.get('id')}" if obj is not None and obj.get("id") is not None else ""
        raise Forbidden(f"{actor.username} ({actor.role}) may not {action}{what}")


@dataclass(frozen=True)
class Scope:
    """Which agencies' records a list query may return: all, or one agency."""

    all_agencies: bool
    agency_id: int | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {"all_agencies": self.all_agencies, "agency_id": self.agency_id}


def scope(actor: Actor, action: str) -> Scope:
    """The filter for listing records under ``action`` (e.g. "case.read"); raises Forbidden when none."""
    require(actor, action)
    if actor.role == "coordinator":
        return Scope(True)
    return Scope(False, actor.agency_id)
