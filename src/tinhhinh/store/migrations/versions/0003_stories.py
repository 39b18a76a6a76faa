"""stories tables (placeholder until that stage lands).

Revision ID: 0003_stories
Revises: 0002_desk
"""

revision = "0003_stories"
down_revision = "0002_desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
