"""Web sessions carry a one-time message for the next page (a receipt code, a new API token), so a page that
creates something answers with a redirect and a reload cannot create it twice.

Revision ID: 0012_session_flash
Revises: 0011_search_spelling
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_session_flash"
down_revision = "0011_search_spelling"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a database whose revision was set back by hand (tests replay 0011 that way) may have it already
    if "flash" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("web_sessions")}:
        return
    with op.batch_alter_table("web_sessions") as batch:
        batch.add_column(sa.Column("flash", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("web_sessions") as batch:
        batch.drop_column("flash")
