"""The school's structure: the school (org), school years and terms, classes, and who is in each class.

Revision ID: 0006_school_structure
Revises: 0005_partial_assessments
Create Date: 2026-12-06 01:00:00

Learners and accounts get the school information system's key (``sourced_id``, so a roster imported again
changes nothing) and an ``enabled`` mark. A store from before has no classes; the access policy then lets
every teacher see every learner, as before. The statements are written out here rather than derived from the
models, so that this revision stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0006_school_structure'
down_revision: str | None = '0005_partial_assessments'
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
        'org', *_row_columns(),
        sa.Column('sourced_id', sa.String(length=255), nullable=True),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('org_type', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('sourced_id'))
    op.create_table(
        'academic_session', *_row_columns(),
        sa.Column('sourced_id', sa.String(length=255), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('session_type', sa.String(length=32), nullable=False),
        sa.Column('start_date', sa.Date(), nullable=True),
        sa.Column('end_date', sa.Date(), nullable=True),
        sa.Column('parent_id', sa.Uuid(), nullable=True),
        sa.Column('school_year', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['parent_id'], ['academic_session.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('sourced_id'))
    op.create_table(
        'school_class', *_row_columns(),
        sa.Column('sourced_id', sa.String(length=255), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('class_code', sa.String(length=100), nullable=False),
        sa.Column('course_title', sa.String(length=200), nullable=False),
        sa.Column('grades', sa.String(length=100), nullable=False),
        sa.Column('org_id', sa.Uuid(), nullable=True),
        sa.Column('session_id', sa.Uuid(), nullable=True),
        sa.Column('closed_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['org_id'], ['org.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['session_id'], ['academic_session.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('sourced_id'))
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.create_index('ix_school_class_org_id', ['org_id'], unique=False)
        batch_op.create_index('ix_school_class_session_id', ['session_id'], unique=False)
    op.create_table(
        'class_member', *_row_columns(),
        sa.Column('class_id', sa.Uuid(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=True),
        sa.Column('account_id', sa.Uuid(), nullable=True),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('sourced_id', sa.String(length=255), nullable=True),
        sa.Column('begin_date', sa.Date(), nullable=True),
        sa.Column('end_date', sa.Date(), nullable=True),
        sa.Column('ended_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('sourced_id'))
    with op.batch_alter_table('class_member', schema=None) as batch_op:
        batch_op.create_index('ix_class_member_class_id', ['class_id'], unique=False)
        batch_op.create_index('ix_class_member_learner', ['learner_id', 'ended_at', 'class_id'], unique=False)
        batch_op.create_index('ix_class_member_account', ['account_id', 'ended_at', 'class_id'], unique=False)
    for table in ('learner', 'account'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('sourced_id', sa.String(length=255), nullable=True))
            batch_op.add_column(sa.Column('enabled', sa.Boolean(), nullable=False, server_default=sa.true()))
            batch_op.create_unique_constraint(f'uq_{table}_sourced_id', ['sourced_id'])


def downgrade() -> None:
    for table in ('account', 'learner'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f'uq_{table}_sourced_id', type_='unique')
            batch_op.drop_column('enabled')
            batch_op.drop_column('sourced_id')
    op.drop_table('class_member')
    op.drop_table('school_class')
    op.drop_table('academic_session')
    op.drop_table('org')
