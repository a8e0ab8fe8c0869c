"""records: drop two indexes that the unique constraints already give

``parent_links(child_id)`` is the first column of ``UNIQUE(child_id, role)`` and
``identity_documents(resident_id)`` the first of ``UNIQUE(resident_id, type, number)``: every
lookup (and ON DELETE CASCADE) by those columns uses the unique index, so the plain ones only
cost space and time on every import.

Revision ID: 0003_records_indexes
Revises: 0002_records
"""

from __future__ import annotations

from alembic import op

revision = "0003_records_indexes"
down_revision = "0002_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_parent_links_child_id", table_name="parent_links")
    op.drop_index("ix_identity_documents_resident_id", table_name="identity_documents")


def downgrade() -> None:
    op.create_index("ix_identity_documents_resident_id", "identity_documents", ["resident_id"],
                    unique=False)
    op.create_index("ix_parent_links_child_id", "parent_links", ["child_id"], unique=False)
