"""Sources remember whether their failing state was delivered through the alert channels, so a failing
source and its recovery are each delivered once (per change of state), not at every poll.

Revision ID: 0010_source_alerts
Revises: 0009_alert_watermark
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_source_alerts"
down_revision = "0009_alert_watermark"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("alerted_failing", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("alerted_failing")
