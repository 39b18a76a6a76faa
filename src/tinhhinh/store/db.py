"""Engine, connections and migrations. The only module that knows how to open the database."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from tinhhinh import config
from tinhhinh.console import UserError

MIGRATIONS = Path(__file__).parent / "migrations"


def _journal_wal(cur) -> None:
    """Switch the file to WAL once. The switch needs the file to itself, and SQLite answers "database is
    locked" to it at once, without waiting busy_timeout, while another process is opening or migrating the
    same new file: so wait here, as long as busy_timeout would."""
    import sqlite3

    deadline = time.monotonic() + 30.0
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # first: switching a new file to WAL takes a lock another process opening it may hold
    cur.execute("PRAGMA busy_timeout=30000")
    # WAL: readers never block the writer (the web app reads while the watcher writes).
    _journal_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # A 64 MB page cache and memory-mapped reads keep index inserts and searches off the disk at 100k+ items.
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA mmap_size=268435456")
    cur.execute("PRAGMA temp_store=MEMORY")
    # Erased personal data must not survive in free pages.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


@cache
def _head_revision() -> str:
    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    return script.get_current_head() or ""


def _alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


# PostgreSQL advisory lock key held while migrating ("tinh" in ASCII): one migration at a time per database
_MIGRATION_LOCK = 0x74696E68
# how long a command waits for another one's migration (a large upgrade can take minutes)
MIGRATION_WAIT_SECONDS = 1800


def _lock_for_migration(conn: Connection) -> None:
    """Take the database's write lock for this transaction, waiting while another process holds it: two
    commands opening a new (or just-upgraded) database then migrate one after the other, not both at once."""
    if is_sqlite(conn):
        # BEGIN IMMEDIATE takes the write lock now (a deferred transaction would read the revision, then
        # collide with the other process's CREATE TABLE); busy_timeout waits 30 s per try
        deadline = time.monotonic() + MIGRATION_WAIT_SECONDS
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
    else:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (no-op when already there). Serialised between processes:
    the first migrates, the others wait, then find the schema current."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == _head_revision():
        return
    cfg = _alembic_config(str(engine.url))
    with engine.begin() as conn:
        _lock_for_migration(conn)
        # read again under the lock: another process may have migrated while this one waited
        if MigrationContext.configure(conn).get_current_revision() == _head_revision():
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


_ENGINES: dict[str, Engine] = {}


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def engine_for(db: str | None = None, *, create: bool = True) -> Engine:
    """Open (and on first use create and migrate) the database named by ``--db``/``TINHHINH_DB``/default."""
    url = config.db_url(db)
    if url in _ENGINES:
        return _ENGINES[url]
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not create and not path.exists():
            raise UserError(f"no database at {path}: run `tinhhinh ingest` first or pass --db")
        if not path.parent.exists():
            raise UserError(f"cannot create the database {path}: folder {path.parent} does not exist")
    try:
        # JSON as readable UTF-8: place and keyword filters compare against the stored text.
        engine = create_engine(url, future=True, json_serializer=_json_dumps)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except SQLAlchemyError as exc:
        raise UserError(
            f"cannot open the database {url}: {exc.__class__.__name__}: {exc}".splitlines()[0]
        ) from exc
    _ENGINES[url] = engine
    return engine


def dispose_all() -> None:
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    with engine.begin() as conn:
        yield conn
