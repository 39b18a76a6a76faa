"""Core: items, their search index, the search audit.

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None

# Search index: four contentless FTS5 tables so each query reads only short posting lists.
# title_* index titles alone (title hits rank first and common queries are answered from them);
# doc_* index title + body. *_x hold folded text with diacritics, *_a the diacritic-free copy.
FTS_TABLES = ("title_x", "title_a", "doc_x", "doc_a")


def upgrade() -> None:
    op.create_table(
        "items",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(1024), nullable=False, unique=True),
        sa.Column("ext_id", sa.String(512)),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.String(2048)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published_at", sa.DateTime),
        sa.Column("fetched_at", sa.DateTime),
        sa.Column("lang", sa.String(8)),
        sa.Column("provenance", sa.JSON),
        sa.Column("extra", sa.JSON),
        sa.Column("author_hash", sa.String(64)),
        sa.Column("content_hash", sa.String(40)),
        sa.Column("dup_of", sa.Integer),
        sa.Column("area", sa.String(32)),
        sa.Column("area_scores", sa.JSON),
        sa.Column("keywords", sa.JSON),
        sa.Column("story_id", sa.String(64)),
        sa.Column("places", sa.JSON),
        sa.Column("toxicity", sa.String(16)),
        sa.Column("toxicity_score", sa.Float),
        sa.Column("harm", sa.JSON),
        sa.Column("model_version", sa.JSON),
        sa.Column("minhash", sa.JSON),
    )
    op.create_index("ix_items_content_hash", "items", ["content_hash"])
    op.create_index("ix_items_dup_of", "items", ["dup_of"])
    op.create_index("ix_items_area", "items", ["area"])
    op.create_index("ix_items_story_id", "items", ["story_id"])
    op.create_index("ix_items_published_at", "items", ["published_at"])
    op.create_index("ix_items_source_published", "items", ["source", "published_at"])
    op.create_table(
        "search_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("filters", sa.JSON),
        sa.Column("results", sa.Integer),
        sa.Column("via", sa.String(16)),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in FTS_TABLES:
            # *_a tables strip marks in the tokenizer itself (C, fast); đ→d is done before insert.
            diacritics = 2 if name.endswith("_a") else 0
            op.execute(
                f"CREATE VIRTUAL TABLE fts_{name} USING fts5(t, content='', "
                f"tokenize='unicode61 remove_diacritics {diacritics}', columnsize=1)"
            )
    else:
        op.create_table(
            "item_search",
            sa.Column("pk", sa.Integer, primary_key=True),
            *(sa.Column(name, sa.dialects.postgresql.TSVECTOR) for name in FTS_TABLES),
        )
        for name in FTS_TABLES:
            op.execute(f"CREATE INDEX ix_item_search_{name} ON item_search USING gin ({name})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in FTS_TABLES:
            op.execute(f"DROP TABLE IF EXISTS fts_{name}")
    else:
        op.drop_table("item_search")
    op.drop_table("search_audit")
    op.drop_table("items")
