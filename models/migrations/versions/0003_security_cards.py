"""security: officers' own chip cards for approvals

Revision ID: 0003_security_cards
Revises: 0002_security
Create Date: 2026-11-28 12:39:20.394728
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base


revision = "0003_security_cards"
down_revision = "0002_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('user_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('pid', sa.String(length=12), nullable=False),
    sa.Column('document_number', sa.String(length=9), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.Column('dg1_sha256', sa.String(length=64), nullable=False),
    sa.Column('signer_sha256', sa.String(length=64), nullable=False),
    sa.Column('pa_status', sa.String(length=40), nullable=False),
    sa.Column('registered_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('registered_by', sa.String(length=64), nullable=True),
    sa.Column('last_used_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_cards_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_cards')),
    sa.UniqueConstraint('user_id', name=op.f('uq_user_cards_user_id'))
    )


def downgrade() -> None:
    op.drop_table('user_cards')
