"""The change log keeps whose session a change was made in, when that is not its author.

Revision ID: 0003_change_log_signed_in
Revises: 0002_class_overview_indexes
Create Date: 2026-11-23 11:40:00

At a conference the teacher hands the keyboard over ("learner is writing"): the learner authors the words, and
this column records that it happened in the teacher's session. Existing rows keep it empty (their author was
signed in, or the session is not known).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0003_change_log_signed_in'
down_revision: str | None = '0002_class_overview_indexes'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signed_in_id', sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_column('signed_in_id')
