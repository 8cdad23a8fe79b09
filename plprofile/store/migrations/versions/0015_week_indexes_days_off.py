"""The teacher's week at 10,000 learners, and the school's days off.

Revision ID: 0015_week_indexes_days_off
Revises: 0012_teacher_week
Create Date: 2026-12-06 06:00:00

Three indexes that let the list of who is due read each learner's latest conference and check-in and their
open steps from the index alone (no row of the tables read), and ``school_day_off``: the single days a school
admin lists as closed (the rota and the due list skip them, as they skip the days between terms), and
``strategy_check.answer``: "did it help?" as a learner answers it at a check-in (yes, a bit, no; empty for the
answers kept before). Nothing that is in the store changes. Written out here rather than derived from the models, so that this revision
stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0015_week_indexes_days_off'
down_revision: str | None = '0014_evidence_files'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('action_step', schema=None) as batch_op:
        batch_op.create_index('ix_action_step_open', ['done', 'deleted_at', 'learner_id', 'due_date', 'goal_id'],
                              unique=False)
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index('ix_check_in_learner_on', ['learner_id', 'deleted_at', 'on_date'], unique=False)
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.create_index('ix_conference_learner_held',
                              ['learner_id', 'deleted_at', 'held_on', 'created_at', 'next_checkin_on'], unique=False)
    op.create_table(
        'school_day_off',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=True),
        sa.Column('author_role', sa.String(length=16), nullable=False),
        sa.Column('deleted_at', UTCDateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('school_day_off', schema=None) as batch_op:
        batch_op.create_index('ix_school_day_off_day', ['day'], unique=False)
    # "did it help?" at a goal check-in, in the learner's words: yes, a bit, no (NULL for the earlier answers)
    op.add_column('strategy_check', sa.Column('answer', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('strategy_check', schema=None) as batch_op:
        batch_op.drop_column('answer')
    with op.batch_alter_table('school_day_off', schema=None) as batch_op:
        batch_op.drop_index('ix_school_day_off_day')
    op.drop_table('school_day_off')
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.drop_index('ix_conference_learner_held')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index('ix_check_in_learner_on')
    with op.batch_alter_table('action_step', schema=None) as batch_op:
        batch_op.drop_index('ix_action_step_open')
