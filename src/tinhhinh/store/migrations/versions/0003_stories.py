"""Stories: the persisted state of the online story index, and its merges.

Revision ID: 0003_stories
Revises: 0002_desk
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_stories"
down_revision = "0002_desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("label", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.DateTime),
        sa.Column("last_seen", sa.DateTime),
        sa.Column("merged_into", sa.String(64)),
        sa.Column("summary", sa.JSON),
        sa.Column("state", sa.JSON, nullable=False),
    )
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"])
    op.create_table(
        "story_merges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("from_id", sa.String(64), nullable=False),
        sa.Column("into_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime),
        sa.Column("p", sa.Float),
    )
    # Saved searches are topics an analyst follows; alert marks make each match fire once.
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("query", sa.Text),
        sa.Column("area", sa.String(32)),
        sa.Column("place", sa.String(100)),
        sa.Column("harm", sa.String(32)),
        sa.Column("owner", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_checked", sa.DateTime),
    )
    op.create_table(
        "alert_marks",
        sa.Column(
            "search_id", sa.Integer, sa.ForeignKey("saved_searches.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),  # "new" or "burst"
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "story_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON),
    )


def downgrade() -> None:
    op.drop_table("story_meta")
    op.drop_table("alert_marks")
    op.drop_table("saved_searches")
    op.drop_table("story_merges")
    op.drop_table("stories")
