"""Each assessment keeps its overall value and the day of the learner's next assessment, and each rating whether
it is of the learner's latest assessment, for the class overview.

Revision ID: 0004_assessment_spans
Revises: 0003_change_log_signed_in
Create Date: 2026-12-03 17:00:00

Both columns are derived (``plprofile.store.spans`` keeps them right on every write from now on); this
revision adds them, works them out once for every assessment already in the store, and adds the two indexes
the class overview reads a whole school from. No one's words change and nothing is logged. The statements are
written out here rather than imported, so that this revision stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0004_assessment_spans'
down_revision: str | None = '0003_change_log_signed_in'
branch_labels: str | None = None
depends_on: str | None = None

def upgrade() -> None:
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('overall', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('next_on', sa.Date(), nullable=True))
    op.execute(
        "UPDATE assessment SET overall = (SELECT avg(coalesce(r.agreed_value, (r.learner_value + r.teacher_value) "
        "/ 2, r.learner_value, r.teacher_value)) FROM assessment_rating r WHERE r.assessment_id = assessment.id "
        "AND r.deleted_at IS NULL)")
    op.execute(
        "UPDATE assessment SET next_on = following.next_on FROM (SELECT id, lead(assessed_on) OVER (PARTITION BY "
        "learner_id ORDER BY assessed_on, created_at, id) AS next_on FROM assessment WHERE deleted_at IS NULL) "
        "AS following WHERE following.id = assessment.id")
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_latest', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(
        "UPDATE assessment_rating SET in_latest = true WHERE assessment_id IN (SELECT id FROM assessment "
        "WHERE next_on IS NULL AND deleted_at IS NULL)")
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.create_index('ix_assessment_rating_latest', ['in_latest', 'deleted_at', 'element_id',
                                                              'agreed_value', 'learner_value', 'teacher_value',
                                                              'learner_id'], unique=False)
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index('ix_assessment_span', ['deleted_at', 'assessed_on', 'next_on', 'overall',
                                                     'framework_id', 'framework_version', 'learner_id'],
                              unique=False)
        batch_op.create_index('ix_assessment_latest', ['next_on', 'deleted_at', 'learner_id', 'assessed_on', 'id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('assessment_rating', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_rating_latest')
        batch_op.drop_column('in_latest')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_latest')
        batch_op.drop_index('ix_assessment_span')
        batch_op.drop_column('next_on')
        batch_op.drop_column('overall')
