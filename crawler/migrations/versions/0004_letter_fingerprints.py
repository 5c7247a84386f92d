"""Finding fingerprints are written in letters (g-v) instead of hex digits, so that a report
searched for a figure never finds it inside a fingerprint; stored runs are rewritten so that
diffs and report histories keep matching across the upgrade.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from checks.model import from_hex_fingerprint

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_findings = sa.table("findings", sa.column("id", sa.Integer), sa.column("fingerprint", sa.String))
_LETTERS_TO_HEX = str.maketrans("ghijklmnopqrstuv", "0123456789abcdef")


def upgrade() -> None:
    _rewrite(from_hex_fingerprint)


def downgrade() -> None:
    _rewrite(lambda fingerprint: fingerprint.translate(_LETTERS_TO_HEX))


def _rewrite(convert) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(_findings.c.id, _findings.c.fingerprint)).all()
    for row_id, fingerprint in rows:
        converted = convert(fingerprint)
        if converted != fingerprint:
            connection.execute(_findings.update().where(_findings.c.id == row_id).values(fingerprint=converted))
