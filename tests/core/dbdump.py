"""What a SQLite database stores, in a form two databases can be compared by (tests that check that two ways
of ingesting the same input store the same thing)."""

from __future__ import annotations

import sqlite3


def items_dump(conn: sqlite3.Connection) -> tuple[list[str], list[tuple]]:
    """Every items column except the surrogate key and the run-time ``fetched_at``, rows sorted, with
    ``dup_of`` as the original's key (pks may differ between the two databases)."""
    key_of = dict(conn.execute("SELECT pk, key FROM items"))
    cols = [r[1] for r in conn.execute("PRAGMA table_info(items)") if r[1] not in {"pk", "fetched_at"}]
    rows = sorted(
        tuple(key_of.get(v) if c == "dup_of" and v else v for c, v in zip(cols, r, strict=True))
        for r in conn.execute(f"SELECT {', '.join(cols)} FROM items")
    )
    return cols, rows
