"""Desk: agencies, users, cases, petitions (personal data sealed per petition), the audit chain.

Revision ID: 0002_desk
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_desk"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_agencies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("sectors", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "desk_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("full_name", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("agency_id", sa.Integer, sa.ForeignKey("desk_agencies.id")),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "desk_cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("sector", sa.String(32)),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("agency_id", sa.Integer, sa.ForeignKey("desk_agencies.id")),
        sa.Column("due_date", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_reason", sa.Text),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("origin_ref", sa.String(255)),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("desk_users.id")),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "desk_case_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("desk_cases.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(255), nullable=False),
        sa.Column("title", sa.String(500)),
        sa.Column("url", sa.String(2048)),
        sa.UniqueConstraint("case_id", "kind", "ref", name="uq_desk_case_links"),
    )
    op.create_table(
        "desk_case_comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("desk_cases.id"), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("desk_users.id")),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "desk_case_attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("desk_cases.id"), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("uploaded_by", sa.Integer, sa.ForeignKey("desk_users.id")),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "desk_petitions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ref", sa.String(64), unique=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("sector", sa.String(32)),
        sa.Column("agency_id", sa.Integer, sa.ForeignKey("desk_agencies.id")),
        sa.Column("resolver_id", sa.Integer, sa.ForeignKey("desk_users.id")),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("desk_cases.id")),
        sa.Column("first_petition_id", sa.Integer, sa.ForeignKey("desk_petitions.id")),
        sa.Column("merged_into_id", sa.Integer, sa.ForeignKey("desk_petitions.id")),
        sa.Column("second", sa.Boolean, nullable=False),
        sa.Column("complex", sa.Boolean, nullable=False),
        sa.Column("very_complex", sa.Boolean, nullable=False),
        sa.Column("remote", sa.Boolean, nullable=False),
        sa.Column("extensions", sa.Integer, nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("accepted_on", sa.Date),
        sa.Column("due_on", sa.Date),
        sa.Column("closed_on", sa.Date),
        sa.Column("state_reason", sa.Text),
        sa.Column("privacy_notice_at", sa.DateTime, nullable=False),
        sa.Column("privacy_notice_version", sa.String(64), nullable=False),
        sa.Column("pseudonym", sa.String(32), nullable=False),
        sa.Column("erased_at", sa.DateTime),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("desk_users.id")),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "desk_petition_keys",
        sa.Column("petition_id", sa.Integer, sa.ForeignKey("desk_petitions.id"), primary_key=True),
        sa.Column("wrapped", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "desk_petition_personal",
        sa.Column("petition_id", sa.Integer, sa.ForeignKey("desk_petitions.id"), primary_key=True),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "desk_petition_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("petition_id", sa.Integer, sa.ForeignKey("desk_petitions.id"), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("desk_users.id")),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "desk_audit",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("object_type", sa.String(32), nullable=False),
        sa.Column("object_id", sa.String(64)),
        sa.Column("petition_id", sa.Integer),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("sealed", sa.LargeBinary),
        sa.Column("prev_mac", sa.String(64), nullable=False),
        sa.Column("mac", sa.String(64), nullable=False),
    )
    op.create_index("ix_desk_cases_agency_id", "desk_cases", ["agency_id"])
    op.create_index("ix_desk_cases_status", "desk_cases", ["status"])
    op.create_index("ix_desk_case_links_case_id", "desk_case_links", ["case_id"])
    op.create_index("ix_desk_case_comments_case_id", "desk_case_comments", ["case_id"])
    op.create_index("ix_desk_case_attachments_case_id", "desk_case_attachments", ["case_id"])
    op.create_index("ix_desk_petitions_kind", "desk_petitions", ["kind"])
    op.create_index("ix_desk_petitions_state", "desk_petitions", ["state"])
    op.create_index("ix_desk_petitions_agency_id", "desk_petitions", ["agency_id"])
    op.create_index("ix_desk_petition_notes_petition_id", "desk_petition_notes", ["petition_id"])


def downgrade() -> None:
    op.drop_table("desk_audit")
    op.drop_table("desk_petition_notes")
    op.drop_table("desk_petition_personal")
    op.drop_table("desk_petition_keys")
    op.drop_table("desk_petitions")
    op.drop_table("desk_case_attachments")
    op.drop_table("desk_case_comments")
    op.drop_table("desk_case_links")
    op.drop_table("desk_cases")
    op.drop_table("desk_users")
    op.drop_table("desk_agencies")
