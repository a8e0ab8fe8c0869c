"""rules: fee rates entered at the station

Revision ID: 0003_rules_fees
Revises: 0002_rules
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0003_rules_fees"
down_revision = "0002_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_fee_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fee_case", sa.String(length=32), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_fee_rates")),
    )
    op.create_index(op.f("ix_station_fee_rates_fee_case"), "station_fee_rates", ["fee_case"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_station_fee_rates_fee_case"), table_name="station_fee_rates")
    op.drop_table("station_fee_rates")
