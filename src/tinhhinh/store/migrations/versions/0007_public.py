"""Public side of the desk: receipt codes (only their keyed hash) and the record of sent daily digests.

Revision ID: 0007_public
Revises: 0006_web
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_public"
down_revision = "0006_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "public_receipts",
        sa.Column("petition_id", sa.Integer, sa.ForeignKey("desk_petitions.id"), primary_key=True),
        # HMAC-SHA256(installation secret, code): a leaked database does not reveal the codes.
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("issued_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "public_digests",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("agency_id", sa.Integer, sa.ForeignKey("desk_agencies.id"), primary_key=True),
        sa.Column("channel", sa.String(8), primary_key=True),  # file, smtp
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("public_digests")
    op.drop_table("public_receipts")
