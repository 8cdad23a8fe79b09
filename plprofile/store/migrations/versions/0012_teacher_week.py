"""The teacher's week: each teacher's conference rota (a cadence) and the conferences they put on a day.

Revision ID: 0012_teacher_week
Revises: 0010_student_led_conferences
Create Date: 2026-12-06 02:40:00

New tables and an index of the change log by time (the class feed); nothing that is in the store changes. ``teacher_week``: one row per teacher who set a cadence
or read the class feed (when they last did). ``conference_slot``: a learner's conference moved by the teacher
to a day; the rota proposes the rest. ``strategy_use``: a learner trying a strategy of the framework's bank
(its backpack item, start and review days); ``strategy_check``: whether it helped, as the learner said. Written out here rather than derived from the models, so that this
revision stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0012_teacher_week'
down_revision: str | None = '0010_student_led_conferences'
branch_labels: str | None = None
depends_on: str | None = None


def _row_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=True),
        sa.Column('author_role', sa.String(length=16), nullable=False),
        sa.Column('deleted_at', UTCDateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        'teacher_week', *_row_columns(),
        sa.Column('account_id', sa.Uuid(), nullable=False),
        sa.Column('cadence_weeks', sa.Integer(), nullable=False),
        sa.Column('feed_seen_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('account_id'))
    op.create_table(
        'conference_slot', *_row_columns(),
        sa.Column('account_id', sa.Uuid(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('planned_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('conference_slot', schema=None) as batch_op:
        batch_op.create_index('ix_conference_slot_learner_id', ['learner_id'], unique=False)
        batch_op.create_index('ix_conference_slot_account_on', ['account_id', 'planned_on'], unique=False)
    op.create_table(
        'strategy_use', *_row_columns(),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('backpack_item_id', sa.Uuid(), nullable=False),
        sa.Column('strategy_id', sa.String(length=64), nullable=False),
        sa.Column('started_on', sa.Date(), nullable=False),
        sa.Column('review_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['backpack_item_id'], ['backpack_item.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('backpack_item_id'))
    with op.batch_alter_table('strategy_use', schema=None) as batch_op:
        batch_op.create_index('ix_strategy_use_learner_id', ['learner_id'], unique=False)
        batch_op.create_index('ix_strategy_use_strategy_id', ['strategy_id'], unique=False)
    op.create_table(
        'strategy_check', *_row_columns(),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('use_id', sa.Uuid(), nullable=False),
        sa.Column('on_date', sa.Date(), nullable=False),
        sa.Column('helped', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['use_id'], ['strategy_use.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('strategy_check', schema=None) as batch_op:
        batch_op.create_index('ix_strategy_check_learner_id', ['learner_id'], unique=False)
        batch_op.create_index('ix_strategy_check_use_id', ['use_id'], unique=False)
    # the class feed reads what changed since a day for the whole school from this index
    op.create_index('ix_change_log_at', 'change_log', ['at', 'author_role'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_change_log_at', table_name='change_log')
    op.drop_table('strategy_check')
    op.drop_table('strategy_use')
    op.drop_table('conference_slot')
    op.drop_table('teacher_week')
