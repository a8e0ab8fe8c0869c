"""enrollment: the form as typed, printed documents, who signed CC01

Revision ID: 0002_enrollment
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_enrollment"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("form", sa.JSON(), server_default="{}", nullable=False))
        batch.add_column(sa.Column("printed", sa.JSON(), server_default="{}", nullable=False))
        batch.add_column(sa.Column("signed_by", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("signed_by")
        batch.drop_column("printed")
        batch.drop_column("form")
