"""The search index reads the i/y spellings of a syllable alike (kĩ/kỹ, lí/lý, quí/quý, hi sinh/hy sinh):
the index is rebuilt from the stored items, as ``tinhhinh reindex`` does.

Revision ID: 0011_search_spelling
Revises: 0010_source_alerts

Queries are written that way from this version on (``normalize.search_spelling``), so an index made before
would no longer find "kỹ" typed either way: it is rebuilt here, once, in the migration's transaction (an
interrupted upgrade leaves the old index and the old revision). About 30 s per 100,000 items; a line on
stderr says so when there are items. Only the index changes: items, copy hashes and models' inputs do not.
"""

from alembic import op
from sqlalchemy import text

revision = "0011_search_spelling"
down_revision = "0010_source_alerts"
branch_labels = None
depends_on = None


def _rebuild(reason: str) -> None:
    from tinhhinh.store.items import rebuild_index

    conn = op.get_bind()
    n = conn.execute(text("SELECT count(*) FROM items")).scalar_one()
    if not n:
        return
    from tinhhinh.console import err

    err.print(
        f"upgrade: rebuilding the search index of {n:,} items ({reason}); once, ~30 s per 100,000 items"
    )
    rebuild_index(conn)


def upgrade() -> None:
    _rebuild("i/y spellings such as kĩ/kỹ now find each other")


def downgrade() -> None:
    # the older code folds queries without the i/y spelling: its index must not have it either, but this
    # code can only build the current one; `tinhhinh reindex` with the older version rebuilds it
    pass
