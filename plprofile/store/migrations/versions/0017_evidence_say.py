"""The learner's say on their evidence, and answers given as a recording.

Revision ID: 0017_evidence_say
Revises: 0016_learners_say
Create Date: 2026-12-06 09:00:00

``evidence.shared_with_family`` (false: "my teacher and me"): the family summary shows a piece of evidence only
when the learner chose "my family too". ``question_answer.blob_id``: an answer given as a recording, kept as an
evidence file is (``evidence_blob``). Every existing row stays, shared with nobody new and with no recording.
Written out here rather than derived from the models, so that this revision stays what it was when the code
moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0017_evidence_say'
down_revision: str | None = '0016_learners_say'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shared_with_family', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('question_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blob_id', sa.Uuid(), nullable=True))
        batch_op.create_index('ix_question_answer_blob_id', ['blob_id'], unique=False)
        batch_op.create_foreign_key('fk_question_answer_blob_id_evidence_blob', 'evidence_blob', ['blob_id'], ['id'],
                                    ondelete='CASCADE')


def downgrade() -> None:
    with op.batch_alter_table('question_answer', schema=None) as batch_op:
        batch_op.drop_constraint('fk_question_answer_blob_id_evidence_blob', type_='foreignkey')
        batch_op.drop_index('ix_question_answer_blob_id')
        batch_op.drop_column('blob_id')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_column('shared_with_family')
