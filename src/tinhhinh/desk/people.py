"""Agencies (member units) and desk users; passwords hashed with argon2."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine

from tinhhinh import config
from tinhhinh.desk import audit
from tinhhinh.desk.access import ROLES, Actor, require
from tinhhinh.desk.errors import Forbidden, Invalid, NotFound
from tinhhinh.store import desk as store

_hasher = PasswordHasher()
MIN_PASSWORD = 10


@lru_cache(maxsize=1)
def sectors() -> dict[str, dict[str, Any]]:
    """Sector code -> {vi, en, agencies}; $TINHHINH_HOME/sectors.yaml replaces the shipped file when present."""
    override = config.home() / "sectors.yaml"
    text = (
        override.read_text(encoding="utf-8")
        if override.exists()
        else (resources.files("tinhhinh") / "data" / "sectors.yaml").read_text(encoding="utf-8")
    )
    return {s["code"]: s for s in yaml.safe_load(text)["sectors"]}


def check_sector(code: str | None) -> None:
    if code is not None and code not in sectors():
        raise Invalid(f"unknown sector {code!r}: use one of {', '.join(sectors())} (data/sectors.yaml)")


def default_agency_for(engine: Engine, sector: str | None) -> int | None:
    """The first active agency listed for the sector in sectors.yaml, or one that declared the sector itself."""
    if not sector:
        return None
    with engine.connect() as conn:
        for code in sectors().get(sector, {}).get("agencies", []):
            row = store.get_agency(conn, code=code)
            if row and row["active"]:
                return row["id"]
        for row in store.list_agencies(conn):
            if row["active"] and sector in (row["sectors"] or []):
                return row["id"]
    return None


def _actor_row(row: dict[str, Any]) -> Actor:
    return Actor(row["id"], row["username"], row["role"], row["agency_id"])


def add_agency(
    engine: Engine, actor: Actor, code: str, name: str, sector_codes: list[str] | None = None
) -> int:
    require(actor, "agency.manage")
    for s in sector_codes or []:
        check_sector(s)
    with store.transaction_for(engine) as conn:
        if store.get_agency(conn, code=code):
            raise Invalid(f"agency {code} already exists")
        agency_id = store.insert_agency(
            conn, code=code, name=name, sectors=list(sector_codes or []), active=True
        )
        audit.record(
            conn,
            actor,
            "agency.add",
            "agency",
            agency_id,
            data={"code": code, "name": name, "sectors": sector_codes or []},
        )
    return agency_id


def set_agency_sectors(engine: Engine, actor: Actor, code: str, sector_codes: list[str]) -> None:
    require(actor, "agency.manage")
    for s in sector_codes:
        check_sector(s)
    with store.transaction_for(engine) as conn:
        row = store.get_agency(conn, code=code)
        if not row:
            raise NotFound(f"no agency {code}")
        store.update_agency(conn, row["id"], sectors=sector_codes)
        audit.record(conn, actor, "agency.sectors", "agency", row["id"], data={"sectors": sector_codes})


def list_agencies(engine: Engine) -> list[dict[str, Any]]:
    """Agencies are not personal data: any signed-in user may list them."""
    with engine.connect() as conn:
        return store.list_agencies(conn)


def agency_id(engine: Engine, code: str) -> int:
    with engine.connect() as conn:
        row = store.get_agency(conn, code=code)
    if not row:
        raise NotFound(f"no agency {code!r}: list them with `tinhhinh agencies list`")
    return row["id"]


def add_user(
    engine: Engine,
    actor: Actor | None,
    username: str,
    role: str,
    password: str,
    *,
    agency_code: str | None = None,
    full_name: str = "",
) -> int:
    """Create an account. With no users yet, the first account may be created without an actor and must be admin."""
    if role not in ROLES:
        raise Invalid(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"password too short: at least {MIN_PASSWORD} characters")
    with store.transaction_for(engine) as conn:
        first = store.count_users(conn) == 0
        if actor is None:
            if not first:
                raise Forbidden("users exist already: an admin must add accounts (pass --user)")
            if role != "admin":
                raise Invalid("the first account must be an admin")
        else:
            require(actor, "user.manage")
        agency = None
        if agency_code:
            agency = store.get_agency(conn, code=agency_code)
            if not agency:
                raise NotFound(f"no agency {agency_code!r}")
        if role == "officer" and agency is None:
            raise Invalid("an officer belongs to an agency: pass --agency CODE")
        if store.get_user(conn, username=username):
            raise Invalid(f"user {username} already exists")
        user_id = store.insert_user(
            conn,
            username=username,
            full_name=full_name,
            role=role,
            agency_id=agency["id"] if agency else None,
            password_hash=_hasher.hash(password),
            active=True,
        )
        audit.record(
            conn,
            actor.username if actor else "bootstrap",
            "user.add",
            "user",
            user_id,
            data={"username": username, "role": role, "agency": agency_code},
        )
    return user_id


def set_password(engine: Engine, actor: Actor, username: str, password: str) -> None:
    if actor.username != username:
        require(actor, "user.manage")
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"password too short: at least {MIN_PASSWORD} characters")
    with store.transaction_for(engine) as conn:
        row = store.get_user(conn, username=username)
        if not row:
            raise NotFound(f"no user {username}")
        store.update_user(conn, row["id"], password_hash=_hasher.hash(password))
        audit.record(conn, actor, "user.password", "user", row["id"])


def set_active(engine: Engine, actor: Actor, username: str, active: bool) -> None:
    require(actor, "user.manage")
    with store.transaction_for(engine) as conn:
        row = store.get_user(conn, username=username)
        if not row:
            raise NotFound(f"no user {username}")
        store.update_user(conn, row["id"], active=active)
        audit.record(conn, actor, "user.activate" if active else "user.deactivate", "user", row["id"])


def list_users(engine: Engine, actor: Actor) -> list[dict[str, Any]]:
    require(actor, "user.manage")
    with engine.connect() as conn:
        return [{k: v for k, v in r.items() if k != "password_hash"} for r in store.list_users(conn)]


def authenticate(engine: Engine, username: str, password: str) -> Actor:
    with engine.connect() as conn:
        row = store.get_user(conn, username=username)
    failure = Forbidden(f"wrong user name or password for {username!r}")
    if not row or not row["active"]:
        # Hash anyway so a missing user takes as long as a wrong password.
        _hasher.hash(password)
        raise failure
    try:
        _hasher.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        raise failure from None
    if _hasher.check_needs_rehash(row["password_hash"]):
        with store.transaction_for(engine) as conn:
            store.update_user(conn, row["id"], password_hash=_hasher.hash(password))
    return _actor_row(row)


def sign_in(engine: Engine, username: str, password: str) -> Actor:
    """``authenticate`` for an interactive sign-in (the web login), audited whether it succeeds or fails.
    A failure records the account only when it exists: a typed user name can be a mistyped password."""
    try:
        actor = authenticate(engine, username, password)
    except Forbidden:
        with store.transaction_for(engine) as conn:
            row = store.get_user(conn, username=username)
            who = row["username"] if row else "unknown"
            data = {"user_id": row["id"]} if row else {"account": "unknown"}
            audit.record(conn, who, "user.sign_in_failed", "user", row["id"] if row else None, data=data)
        raise
    with store.transaction_for(engine) as conn:
        audit.record(conn, actor, "user.sign_in", "user", actor.id, data={"user_id": actor.id})
    return actor


def create_api_token(engine: Engine, actor: Actor, name: str) -> tuple[int, str]:
    """A new API token for the actor: the clear value returned once; audited by id and prefix, never the value."""
    from tinhhinh.store import web_queries as wq

    with store.transaction_for(engine) as conn:
        token_id, clear = wq.insert_token(conn, actor.id, name)
        audit.record(
            conn, actor, "token.create", "api_token", token_id,
            data={"token_id": token_id, "prefix": clear[:10]},
        )  # fmt: skip
    return token_id, clear


def revoke_api_token(engine: Engine, actor: Actor, token_id: int) -> None:
    """Revoke one of the actor's own tokens (effective at once), audited; NotFound when there is no such live one."""
    from tinhhinh.store import web_queries as wq

    with store.transaction_for(engine) as conn:
        prefix = wq.revoke_token_in(conn, actor.id, token_id)
        if prefix is None:
            raise NotFound(f"no live token #{token_id}")
        audit.record(
            conn, actor, "token.revoke", "api_token", token_id, data={"token_id": token_id, "prefix": prefix}
        )


def actor_for(engine: Engine, username: str) -> Actor:
    """The actor for an already authenticated session (web): re-read so a deactivated account stops at once."""
    with engine.connect() as conn:
        row = store.get_user(conn, username=username)
    if not row or not row["active"]:
        raise Forbidden(f"no active user {username!r}")
    return _actor_row(row)
