"""Harm flags: one row per flag in ``items.harm`` (scam, toxic, factcheck), with the person's decision.

Revision ID: 0004_harm
Revises: 0003_stories
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_harm"
down_revision = "0003_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flags",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_pk", sa.Integer, sa.ForeignKey("items.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),  # position in the item's harm list
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("decided_by", sa.String(255)),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("note", sa.Text),
        sa.Column("case_id", sa.Integer),
        sa.UniqueConstraint("item_pk", "idx", name="uq_flags_item_idx"),
    )
    op.create_index("ix_flags_status_type", "flags", ["status", "type"])
    # How far flags were collected from items.harm (items with a higher pk are new).
    op.create_table(
        "flag_sync",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("last_item_pk", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("flag_sync")
    op.drop_index("ix_flags_status_type", table_name="flags")
    op.drop_table("flags")
