"""A rating can be carried forward from an earlier assessment, and an assessment can be a partial check.

Revision ID: 0005_partial_assessments
Revises: 0004_assessment_spans
Create Date: 2026-12-06 00:40:00

Rating a few elements used to make the others "not rated" in "where we are now" and an Overall of those few.
From now on the elements not rated are carried forward (``assessment_rating.carried_from``: the day their
values are from), and an assessment that still lacks an element is a partial check (``assessment.partial``),
whose overall value stays empty. Assessments already in the store keep what they said: both columns start empty.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0005_partial_assessments'
down_revision: str | None = '0004_assessment_spans'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('partial', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.add_column(sa.Column('carried_from', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.drop_column('carried_from')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('partial')
