"""Sources: health of each watched feed, items per day, pages we gave up on.

Revision ID: 0005_sources
Revises: 0004_harm
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_sources"
down_revision = "0004_harm"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("last_attempt_at", sa.DateTime),
        sa.Column("last_success_at", sa.DateTime),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.DateTime),
        sa.Column("consecutive_failures", sa.Integer, nullable=False),
        sa.Column("total_failures", sa.Integer, nullable=False),
        sa.Column("total_successes", sa.Integer, nullable=False),
        sa.Column("items_total", sa.Integer, nullable=False),
        sa.Column("etag", sa.String(512)),
        sa.Column("last_modified", sa.String(64)),
        sa.Column("next_attempt_at", sa.DateTime),
    )
    op.create_table(
        "source_days",
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("fetches", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
    )
    op.create_table(
        "source_pages",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("source_pages")
    op.drop_table("source_days")
    op.drop_table("sources")
