"""records: drop the indexes on residents.unit_id and residents.hamlet_id

No query looks residents up by unit or hamlet (search and the counter reach the unit and
hamlet from the resident, through the units' primary key; a count by hamlet reads every
resident anyway), so the two indexes only cost time on every import and update. Add one back
with the query that needs it.

Revision ID: 0004_records_place_indexes
Revises: 0003_records_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0004_records_place_indexes"
down_revision = "0003_records_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_residents_unit_id", table_name="residents")
    op.drop_index("ix_residents_hamlet_id", table_name="residents")


def downgrade() -> None:
    op.create_index("ix_residents_hamlet_id", "residents", ["hamlet_id"], unique=False)
    op.create_index("ix_residents_unit_id", "residents", ["unit_id"], unique=False)
