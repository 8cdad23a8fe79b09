"""The learner's say and questions between conferences.

Revision ID: 0016_learners_say
Revises: 0012_teacher_week
Create Date: 2026-12-06 05:40:00

``shared_with_family`` (false: "my teacher and me") on the tables of the learner's words (profile entries,
backpack items, goals, check-ins): the family summary shows a learner's words only when they chose "my family
too". ``question``: a teacher's question to a learner between conferences; ``question_answer``: the learner's
answer. Every existing row stays, shared with nobody new. Written out here rather than derived from the models,
so that this revision stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0016_learners_say'
down_revision: str | None = '0015_week_indexes_days_off'
branch_labels: str | None = None
depends_on: str | None = None

SHAREABLE = ('profile_entry', 'backpack_item', 'goal', 'check_in')


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
    for table in SHAREABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('shared_with_family', sa.Boolean(), nullable=False,
                                          server_default=sa.false()))
    op.create_table(
        'question', *_row_columns(),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('text', sa.String(), nullable=False),
        sa.Column('prompt_id', sa.String(length=64), nullable=False),
        sa.Column('asked_on', sa.Date(), nullable=False),
        sa.Column('batch_id', sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.create_index('ix_question_learner_id', ['learner_id'], unique=False)
    op.create_table(
        'question_answer', *_row_columns(),
        sa.Column('question_id', sa.Uuid(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('text', sa.String(), nullable=False),
        sa.Column('answered_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('question_answer', schema=None) as batch_op:
        batch_op.create_index('ix_question_answer_learner_id', ['learner_id'], unique=False)
        batch_op.create_index('ix_question_answer_question_id', ['question_id'], unique=False)


def downgrade() -> None:
    op.drop_table('question_answer')
    op.drop_table('question')
    for table in SHAREABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('shared_with_family')
