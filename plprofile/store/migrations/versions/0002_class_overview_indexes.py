"""Indexes for the class overview at a whole school: assessments by learner and date, ratings by assessment.

Revision ID: 0002_class_overview_indexes
Revises: 0001_initial
Create Date: 2026-11-23 10:50:00

Both indexes cover what the class overview reads, so it aggregates a school's ratings from the indexes alone
(about 1.2 million ratings at 10,000 learners). Only indexes: no row is touched.
"""
from __future__ import annotations

from alembic import op

revision: str = '0002_class_overview_indexes'
down_revision: str | None = '0001_initial'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index('ix_assessment_learner_on', ['learner_id', 'assessed_on', 'created_at', 'deleted_at'],
                              unique=False)
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.create_index('ix_assessment_rating_values', ['assessment_id', 'deleted_at', 'element_id',
                                                              'agreed_value', 'learner_value', 'teacher_value'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_rating_values')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_learner_on')
