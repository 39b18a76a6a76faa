"""Saved searches remember the last item they have seen, so an alert check covers everything stored since
the previous check (whatever its publication date, however long ago the check was).

Revision ID: 0009_alert_watermark
Revises: 0008_index_merge
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_alert_watermark"
down_revision = "0008_index_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL: never checked (the first check looks back a default window by publication date)
    with op.batch_alter_table("saved_searches") as batch:
        batch.add_column(sa.Column("last_item_pk", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("saved_searches") as batch:
        batch.drop_column("last_item_pk")
