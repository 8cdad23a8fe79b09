"""School years and roster accounts' passwords: a snapshot of each profile as a year ended, and passwords that
their owner must replace.

Revision ID: 0007_school_years
Revises: 0006_school_structure
Create Date: 2026-12-06 02:40:00

``account.password_temporary`` marks a password set by someone else (a school admin, for a roster's teacher):
its owner chooses their own at the next sign-in. ``year_snapshot`` keeps, for each learner, their whole profile
as it stood when a school year ended (the portable profile document, as JSON), read-only (a trigger refuses any update). A store from before
has no snapshot and no temporary password. Written out rather than derived from the models, so that this
revision stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0007_school_years'
down_revision: str | None = '0006_school_structure'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password_temporary', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table(
        'year_snapshot',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('author_id', sa.Uuid(), nullable=True),
        sa.Column('author_role', sa.String(length=16), nullable=False),
        sa.Column('deleted_at', UTCDateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('session_id', sa.Uuid(), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('taken_on', sa.Date(), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['session_id'], ['academic_session.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('year_snapshot', schema=None) as batch_op:
        batch_op.create_index('ix_year_snapshot_learner_id', ['learner_id'], unique=False)
    # read-only in the file itself: whatever writes to it (a bug, another program), a snapshot stays as it was
    # made; erasing a learner still deletes theirs
    if op.get_bind().dialect.name == "postgresql":  # the school hub's server
        op.execute("CREATE FUNCTION year_snapshot_read_only() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'a year snapshot is read-only'; END $$")
        op.execute("CREATE TRIGGER year_snapshot_read_only BEFORE UPDATE ON year_snapshot "
                   "FOR EACH ROW EXECUTE FUNCTION year_snapshot_read_only()")
    else:
        op.execute("CREATE TRIGGER year_snapshot_read_only BEFORE UPDATE ON year_snapshot "
                   "BEGIN SELECT RAISE(ABORT, 'a year snapshot is read-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS year_snapshot_read_only ON year_snapshot")
        op.execute("DROP FUNCTION IF EXISTS year_snapshot_read_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS year_snapshot_read_only")
    op.drop_table('year_snapshot')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_column('password_temporary')
