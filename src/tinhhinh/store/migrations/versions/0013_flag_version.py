"""Flags carry a version, as cases and petitions do: a decision names the version the reviewer saw, and a
decision on a flag someone else decided since answers 409 instead of overwriting theirs.

Revision ID: 0013_flag_version
Revises: 0012_session_flash
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_flag_version"
down_revision = "0012_session_flash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a database stamped back to an older revision (tests do) may already have the column
    if "version" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("flags")}:
        return
    # existing flags start at 1, decided or not: a page loaded before the upgrade has no version to send
    with op.batch_alter_table("flags") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.drop_column("version")
