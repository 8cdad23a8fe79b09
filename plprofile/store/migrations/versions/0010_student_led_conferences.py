"""Student-led conferences: who led a conference, and what was said at it and by whom.

Revision ID: 0010_student_led_conferences
Revises: 0008_sync
Create Date: 2026-12-06 02:30:00

``conference.led_by`` says who led it ("teacher", or "learner" for a student-led conference); conferences
already in the store were led by the teacher. ``conference_remark`` holds the learner's agenda items and the
comments and commitments of the learner, the family and the teacher, each with who said it.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0010_student_led_conferences'
down_revision: str | None = '0008_sync'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.add_column(sa.Column('led_by', sa.String(length=16), nullable=False, server_default='teacher'))
    op.create_table(
        'conference_remark',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=True),
        sa.Column('author_role', sa.String(length=16), nullable=False),
        sa.Column('deleted_at', UTCDateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('conference_id', sa.Uuid(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('speaker', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('text', sa.String(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('conference_remark', schema=None) as batch_op:
        batch_op.create_index('ix_conference_remark_conference_id', ['conference_id'], unique=False)
        batch_op.create_index('ix_conference_remark_learner_id', ['learner_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('conference_remark', schema=None) as batch_op:
        batch_op.drop_index('ix_conference_remark_learner_id')
        batch_op.drop_index('ix_conference_remark_conference_id')
    op.drop_table('conference_remark')
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.drop_column('led_by')
