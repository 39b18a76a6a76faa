"""harm tables (placeholder until that stage lands).

Revision ID: 0004_harm
Revises: 0003_stories
"""

revision = "0004_harm"
down_revision = "0003_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
