"""Parsed documents by (url, content hash, parser version), so an unchanged page is not re-parsed.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("parser_version", sa.String(64), primary_key=True),
        sa.Column("document", sa.LargeBinary, nullable=False),
    )
    with op.batch_alter_table("snapshots") as batch:
        batch.add_column(sa.Column("parsed", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("parsed_pages", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("parsed_pages")
    with op.batch_alter_table("snapshots") as batch:
        batch.drop_column("parsed")
    op.drop_table("documents")
