"""Family contacts: a learner's guardians, parents and relatives as the school's roster gives them.

Revision ID: 0013_family_contacts
Revises: 0012_teacher_week
Create Date: 2026-12-06 05:50:00

A new table; nothing that is in the store changes. ``family_contact``: one row per learner and family person
(the roster's ``sourcedId`` of the person, unique per learner), with the name, e-mail and phone the roster gives.
Written out here rather than derived from the models, so that this revision stays what it was when the code
moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0013_family_contacts'
down_revision: str | None = '0012_teacher_week'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        'family_contact',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=True),
        sa.Column('author_role', sa.String(length=16), nullable=False),
        sa.Column('deleted_at', UTCDateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('sourced_id', sa.String(length=255), nullable=True),
        sa.Column('relationship', sa.String(length=16), nullable=False),
        sa.Column('given_name', sa.String(length=200), nullable=False),
        sa.Column('family_name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('phone', sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('learner_id', 'sourced_id', name='uq_family_contact_learner_sourced'))
    with op.batch_alter_table('family_contact', schema=None) as batch_op:
        batch_op.create_index('ix_family_contact_learner_id', ['learner_id'], unique=False)
        batch_op.create_index('ix_family_contact_sourced_id', ['sourced_id'], unique=False)


def downgrade() -> None:
    op.drop_table('family_contact')
