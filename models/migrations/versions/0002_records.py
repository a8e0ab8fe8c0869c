"""records: name tokens for any-order name search; drop a redundant name index

Revision ID: 0002_records
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_records"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resident_name_tokens",
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], ondelete="CASCADE",
            name=op.f("fk_resident_name_tokens_resident_id_residents"),
        ),
        sa.PrimaryKeyConstraint("resident_id", "position", name=op.f("pk_resident_name_tokens")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_resident_name_tokens_token", "resident_name_tokens",
        ["token", "birth_year", "resident_id"], unique=False,
    )
    # Name search uses the token table; the plain name_key index duplicates the first column
    # of ix_residents_name_key_birth_year and only slows imports down.
    op.drop_index("ix_residents_name_key", table_name="residents")


def downgrade() -> None:
    op.create_index("ix_residents_name_key", "residents", ["name_key"], unique=False)
    op.drop_index("ix_resident_name_tokens_token", table_name="resident_name_tokens")
    op.drop_table("resident_name_tokens")
