"""records: drop the index on residents(name_key, birth_year)

Name search goes through resident_name_tokens (any word order, the last word a prefix); no
query looks residents up by their whole folded name, so the index only costs time on every
import and update.

Revision ID: 0005_records_name_key_index
Revises: 0004_records_place_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0005_records_name_key_index"
down_revision = "0004_records_place_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_residents_name_key_birth_year", table_name="residents")


def downgrade() -> None:
    op.create_index("ix_residents_name_key_birth_year", "residents", ["name_key", "birth_year"],
                    unique=False)
