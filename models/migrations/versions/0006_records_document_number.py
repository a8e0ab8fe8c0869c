"""records: index identity_documents(number)

Finding a resident by the number of an old CMND or CCCD looked at every document held (a
scan of ~0.6 s at 1,000,000 residents); the index makes it one seek.

Revision ID: 0006_records_document_number
Revises: 0005_records_name_key_index
"""

from __future__ import annotations

from alembic import op

revision = "0006_records_document_number"
down_revision = "0005_records_name_key_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_identity_documents_number", "identity_documents", ["number"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_identity_documents_number", table_name="identity_documents")
