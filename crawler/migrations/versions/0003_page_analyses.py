"""Page analyses (the audit's view of a page and its claims) replace parsed documents: a re-crawl
of an unchanged page reuses its claims, not only its parse.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_analyses",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("analysis_version", sa.String(64), primary_key=True),
        sa.Column("analysis", sa.LargeBinary, nullable=False),
    )
    # Parsed documents are only ever a cache of the stored bodies: nothing is lost.
    op.drop_table("documents")


def downgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("parser_version", sa.String(64), primary_key=True),
        sa.Column("document", sa.LargeBinary, nullable=False),
    )
    op.drop_table("page_analyses")
