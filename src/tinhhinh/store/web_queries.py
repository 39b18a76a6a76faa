"""SQL the web app needs that no other store module offers: sessions, API tokens, story lists, staff names.

Secrets (session cookies, API tokens) are stored only as SHA-256 hashes: a copy of the database does not let
anyone sign in. Nothing here selects author data (``items.author_hash``, provenance).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)

from tinhhinh.store.schema import items, metadata, stories

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("desk_users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    # one message for the next page of this session (a receipt code, a new API token), sealed under a key
    # derived from the cookie value, which the database does not hold; read once, then cleared
    Column("flash", LargeBinary),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("desk_users.id"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("prefix", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_used", DateTime),
    Column("revoked_at", DateTime),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# ------------------------------------------------------------------ sessions
def create_session(engine: Engine, user_id: int, lifetime: dt.timedelta) -> tuple[str, str]:
    """A new session for a signed-in user: (cookie value, CSRF token). Only the cookie's hash is stored."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = _now()
    with engine.begin() as conn:
        conn.execute(
            insert(web_sessions).values(
                token_hash=digest(token),
                user_id=user_id,
                csrf=csrf,
                created_at=now,
                last_seen=now,
                expires_at=now + lifetime,
            )
        )
    return token, csrf


def get_session(engine: Engine, token: str, idle: dt.timedelta) -> dict[str, Any] | None:
    """The live session for a cookie value (expired or idle ones are deleted)."""
    now = _now()
    h = digest(token)
    with engine.connect() as conn:
        row = conn.execute(select(web_sessions).where(web_sessions.c.token_hash == h)).mappings().first()
    if row is None:
        return None
    if row["expires_at"] <= now or row["last_seen"] + idle <= now:
        delete_session(engine, token)
        return None
    if (now - row["last_seen"]).total_seconds() > 60:
        # Touch at most once a minute: a page view should not always write.
        with engine.begin() as conn:
            conn.execute(update(web_sessions).where(web_sessions.c.id == row["id"]).values(last_seen=now))
    return dict(row)


def put_flash(engine: Engine, token: str, blob: bytes) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(web_sessions).where(web_sessions.c.token_hash == digest(token)).values(flash=blob)
        )


def take_flash(engine: Engine, token: str) -> bytes | None:
    """The session's flash, cleared in the same transaction: a reload finds nothing."""
    h = digest(token)
    with engine.begin() as conn:
        blob = conn.execute(select(web_sessions.c.flash).where(web_sessions.c.token_hash == h)).scalar()
        if blob is not None:
            conn.execute(update(web_sessions).where(web_sessions.c.token_hash == h).values(flash=None))
    return blob


def delete_session(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(web_sessions).where(web_sessions.c.token_hash == digest(token)))


def purge_sessions(engine: Engine) -> int:
    """Delete sessions past their absolute lifetime (idle ones go when next seen)."""
    with engine.begin() as conn:
        return conn.execute(delete(web_sessions).where(web_sessions.c.expires_at <= _now())).rowcount


def delete_user_sessions(engine: Engine, user_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(delete(web_sessions).where(web_sessions.c.user_id == user_id))


# ------------------------------------------------------------------ API tokens
TOKEN_PREFIX = "thk_"


def create_token(engine: Engine, user_id: int, name: str) -> tuple[int, str]:
    """A new API token; the clear value is returned once and never stored."""
    with engine.begin() as conn:
        return insert_token(conn, user_id, name)


def insert_token(conn: Connection, user_id: int, name: str) -> tuple[int, str]:
    """``create_token`` inside the caller's transaction (the desk audits it in the same one)."""
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    tid = conn.execute(
        insert(api_tokens).values(
            user_id=user_id,
            name=name[:100],
            prefix=clear[:10],
            token_hash=digest(clear),
            created_at=_now(),
        )
    ).inserted_primary_key[0]
    return int(tid), clear


def token_user(engine: Engine, clear: str) -> int | None:
    """The user id behind a live token (revoked or unknown: None)."""
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(api_tokens.c.id, api_tokens.c.user_id, api_tokens.c.last_used).where(
                    and_(api_tokens.c.token_hash == digest(clear), api_tokens.c.revoked_at.is_(None))
                )
            )
            .mappings()
            .first()
        )
    if row is None:
        return None
    now = _now()
    if row["last_used"] is None or (now - row["last_used"]).total_seconds() > 60:
        with engine.begin() as conn:
            conn.execute(update(api_tokens).where(api_tokens.c.id == row["id"]).values(last_used=now))
    return int(row["user_id"])


def list_tokens(engine: Engine, user_id: int) -> list[dict[str, Any]]:
    cols = [c for c in api_tokens.c if c.name != "token_hash"]
    with engine.connect() as conn:
        stmt = select(*cols).where(api_tokens.c.user_id == user_id).order_by(api_tokens.c.id)
        return [dict(r) for r in conn.execute(stmt).mappings()]


def revoke_token(engine: Engine, user_id: int, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False when there is no such live token."""
    with engine.begin() as conn:
        return revoke_token_in(conn, user_id, token_id) is not None


def revoke_token_in(conn: Connection, user_id: int, token_id: int) -> str | None:
    """``revoke_token`` inside the caller's transaction; the revoked token's prefix, None when there is no
    such live token."""
    live = and_(
        api_tokens.c.id == token_id, api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None)
    )
    prefix = conn.execute(select(api_tokens.c.prefix).where(live)).scalar()
    if prefix is None:
        return None
    res = conn.execute(update(api_tokens).where(live).values(revoked_at=_now()))
    return prefix if res.rowcount == 1 else None


# ------------------------------------------------------------------ stories
_STORY_COLS = (
    stories.c.id,
    stories.c.label,
    stories.c.size,
    stories.c.n_sources,
    stories.c.first_seen,
    stories.c.last_seen,
    stories.c.summary,
)


def count_stories(engine: Engine, *, min_size: int = 1) -> int:
    with engine.connect() as conn:
        q = (
            select(func.count())
            .select_from(stories)
            .where(stories.c.merged_into.is_(None), stories.c.size >= min_size)
        )
        return int(conn.execute(q).scalar_one())


def list_stories(
    engine: Engine, *, offset: int = 0, limit: int = 50, min_size: int = 1
) -> list[dict[str, Any]]:
    """Live stories of at least ``min_size`` items, most recently active first."""
    with engine.connect() as conn:
        stmt = (
            select(*_STORY_COLS)
            .where(stories.c.merged_into.is_(None), stories.c.size >= min_size)
            .order_by(stories.c.last_seen.desc().nulls_last(), stories.c.size.desc(), stories.c.id)
            .offset(offset)
            .limit(limit)
        )
        return [dict(r) for r in conn.execute(stmt).mappings()]


def get_story(engine: Engine, story_id: str, item_limit: int = 50) -> dict[str, Any] | None:
    """One story with its newest items (public fields only); a merged story resolves to where it went."""
    with engine.connect() as conn:
        for _ in range(10):
            row = (
                conn.execute(select(*_STORY_COLS, stories.c.merged_into).where(stories.c.id == story_id))
                .mappings()
                .first()
            )
            if row is None or row["merged_into"] is None:
                break
            story_id = row["merged_into"]
        if row is None:
            return None
        story = dict(row)
        story["items"] = [
            dict(r)
            for r in conn.execute(
                select(
                    items.c.pk,
                    items.c.title,
                    items.c.url,
                    items.c.source,
                    items.c.published_at,
                    items.c.dup_of,
                )
                .where(items.c.story_id == story_id)
                .order_by(items.c.published_at.desc().nulls_last(), items.c.pk.desc())
                .limit(item_limit)
            ).mappings()
        ]
    return story


# ------------------------------------------------------------------ staff names for display
def usernames(engine: Engine, ids: set[int]) -> dict[int, str]:
    """Account names of desk staff (comment authors, resolvers): staff accounts, not petitioners."""
    from tinhhinh.store.desk import users

    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    with engine.connect() as conn:
        return dict(conn.execute(select(users.c.id, users.c.username).where(users.c.id.in_(ids))).all())


def resolvers(engine: Engine) -> list[dict[str, Any]]:
    """Active coordinators and officers (who may be named resolver of a petition)."""
    from tinhhinh.store.desk import users

    with engine.connect() as conn:
        stmt = (
            select(users.c.id, users.c.username, users.c.role, users.c.agency_id)
            .where(and_(users.c.active.is_(True), users.c.role.in_(("coordinator", "officer"))))
            .order_by(users.c.username)
        )
        return [dict(r) for r in conn.execute(stmt).mappings()]


def user_by_id(engine: Engine, user_id: int) -> dict[str, Any] | None:
    from tinhhinh.store.desk import get_user

    with engine.connect() as conn:
        return get_user(conn, user_id=user_id)
