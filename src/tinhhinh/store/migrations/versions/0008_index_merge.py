"""Search index settings for faster ingest (SQLite FTS5): one flush per batch and wider merges.

Revision ID: 0008_index_merge
Revises: 0007_public

FTS5 keeps a batch's new terms in memory up to ``hashsize`` and writes them out as a new segment, then
merges segments ``automerge`` at a time. With the default 1 MB a 1,000-article batch was written as two or
three segments per long table, and every byte was merged again at each of ~4 levels by 100k articles.
8 MB holds a batch (one segment per commit) and merging 8 at a time halves the levels: about a sixth less
CPU per stored article at 100k (docs/core-speed.md). The index's contents, and so every search result and
score, are unchanged; queries see a few more segments. The settings live in each table's ``_config``, so
they also hold after ``tinhhinh reindex``. PostgreSQL's GIN indexes have no such settings.
"""

from alembic import op

revision = "0008_index_merge"
down_revision = "0007_public"
branch_labels = None
depends_on = None

FTS_TABLES = ("title_x", "title_a", "doc_x", "doc_a")
SETTINGS = {"hashsize": 8 << 20, "automerge": 8}
DEFAULTS = {"hashsize": 1 << 20, "automerge": 4}


def _set(values: dict[str, int]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in FTS_TABLES:
        for key, value in values.items():
            op.execute(f"INSERT INTO fts_{name}(fts_{name}, rank) VALUES ('{key}', {int(value)})")


def upgrade() -> None:
    _set(SETTINGS)


def downgrade() -> None:
    _set(DEFAULTS)
