"""Evidence files: files kept inside the store (content-addressed per learner), in pieces, with a thumbnail.

Revision ID: 0014_evidence_files
Revises: 0012_teacher_week
Create Date: 2026-12-06 05:40:00

New tables ``evidence_blob`` (one kept file: its SHA-256, media type, sizes and thumbnail) and ``evidence_chunk``
(its bytes, in pieces), and two new columns of ``evidence``: ``blob_id`` (the file, when the evidence is one) and
``best_work`` (the learner's mark). Nothing that is in the store changes. Written out here rather than derived
from the models, so that this revision stays what it was when the code moves on.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0014_evidence_files'
down_revision: str | None = '0013_family_contacts'
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
        'evidence_blob', *_row_columns(),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('media', sa.String(length=32), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('chunks', sa.Integer(), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('original_bytes', sa.Integer(), nullable=False),
        sa.Column('original_width', sa.Integer(), nullable=False),
        sa.Column('original_height', sa.Integer(), nullable=False),
        sa.Column('thumbnail', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('learner_id', 'sha256', name='uq_evidence_blob_learner_sha256'))
    with op.batch_alter_table('evidence_blob', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_blob_learner_id', ['learner_id'], unique=False)
    op.create_table(
        'evidence_chunk', *_row_columns(),
        sa.Column('blob_id', sa.Uuid(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['blob_id'], ['evidence_blob.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('evidence_chunk', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_chunk_blob_id', ['blob_id'], unique=False)
        batch_op.create_index('ix_evidence_chunk_learner_id', ['learner_id'], unique=False)
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blob_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('best_work', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_evidence_blob_id', ['blob_id'], unique=False)
        batch_op.create_foreign_key('fk_evidence_blob_id_evidence_blob', 'evidence_blob', ['blob_id'], ['id'],
                                    ondelete='CASCADE')


def downgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_constraint('fk_evidence_blob_id_evidence_blob', type_='foreignkey')
        batch_op.drop_index('ix_evidence_blob_id')
        batch_op.drop_column('best_work')
        batch_op.drop_column('blob_id')
    op.drop_table('evidence_chunk')
    op.drop_table('evidence_blob')
