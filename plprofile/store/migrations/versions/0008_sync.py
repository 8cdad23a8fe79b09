"""Sync: a hybrid logical clock reading on every change, conflicts kept, erased learners remembered.

Revision ID: 0008_sync
Revises: 0007_school_years
Create Date: 2026-12-06 02:30:00

Every change-log row gets ``hlc`` (text that sorts like the clock). Rows from before are given readings in
their ``at`` order (then their insertion order), from this store's device id, so they sort as before and
every later change sorts after them. The statements are written out rather than derived from the models.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from plprofile.store.types import UTCDateTime

revision: str = '0008_sync'
down_revision: str | None = '0007_school_years'
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table('change_log') as batch_op:
        batch_op.add_column(sa.Column('hlc', sa.String(length=100), nullable=False, server_default=''))
    conn = op.get_bind()
    device = conn.execute(sa.text("SELECT value FROM meta WHERE key='device_id'")).scalar() or 'device'
    last_ms, counter, readings = -1, 0, []
    # insertion order breaks ties on SQLite (rowid); a PostgreSQL store (a hub's) has none to keep: its id
    order = "rowid" if conn.dialect.name == "sqlite" else "id"
    rows = conn.execute(sa.text(f"SELECT {order}, at FROM change_log ORDER BY at, {order}")).fetchall()
    for rowid, at in rows:
        ms = _ms(at)
        ms = max(ms, last_ms)
        counter = counter + 1 if ms == last_ms else 0
        if counter > 99_999:
            ms, counter = ms + 1, 0
        last_ms = ms
        readings.append({"hlc": f"{ms:013d}-{counter:05d}-{device}", "key": rowid})
    if readings:
        conn.execute(sa.text(f"UPDATE change_log SET hlc = :hlc WHERE {order} = :key"), readings)
        conn.execute(sa.text("DELETE FROM meta WHERE key = 'hlc'"))
        conn.execute(sa.text("INSERT INTO meta(key, value) VALUES ('hlc', :hlc)"), {"hlc": readings[-1]["hlc"]})
    with op.batch_alter_table('change_log') as batch_op:
        batch_op.create_index('ix_change_log_hlc', ['hlc'], unique=False)
        batch_op.create_index('ix_change_log_entity', ['entity_id', 'field', 'hlc'], unique=False)
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=True),
        sa.Column('entity', sa.String(length=32), nullable=False),
        sa.Column('entity_id', sa.Uuid(), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('kept_value', sa.String(), nullable=True),
        sa.Column('kept_change_id', sa.Uuid(), nullable=True),
        sa.Column('kept_hlc', sa.String(length=100), nullable=False),
        sa.Column('kept_author_id', sa.Uuid(), nullable=True),
        sa.Column('kept_author_role', sa.String(length=16), nullable=False),
        sa.Column('kept_device_id', sa.String(length=64), nullable=False),
        sa.Column('lost_value', sa.String(), nullable=True),
        sa.Column('lost_change_id', sa.Uuid(), nullable=False),
        sa.Column('lost_hlc', sa.String(length=100), nullable=False),
        sa.Column('lost_author_id', sa.Uuid(), nullable=True),
        sa.Column('lost_author_role', sa.String(length=16), nullable=False),
        sa.Column('lost_device_id', sa.String(length=64), nullable=False),
        sa.Column('resolved_at', UTCDateTime(), nullable=True),
        sa.Column('resolved_by', sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('lost_change_id'))
    op.create_index('ix_sync_conflict_learner_id', 'sync_conflict', ['learner_id'], unique=False)
    op.create_table(
        'field_clock',
        sa.Column('entity_id', sa.Uuid(), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=True),
        sa.Column('hlc', sa.String(length=100), nullable=False),
        sa.Column('author_role', sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint('entity_id', 'field'))
    op.create_index('ix_field_clock_learner_id', 'field_clock', ['learner_id'], unique=False)
    op.create_table(
        'erased_learner',
        sa.Column('token', sa.Uuid(), nullable=False),
        sa.Column('erased_at', UTCDateTime(), nullable=False),
        sa.Column('erased_by', sa.Uuid(), nullable=True),
        sa.Column('change_id', sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint('token'))


def _ms(at: object) -> int:
    from datetime import UTC, datetime

    if isinstance(at, datetime):
        value = at
    else:
        text = str(at).replace(' ', 'T')
        value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return max(0, int(value.timestamp() * 1000))


def downgrade() -> None:
    op.drop_table('erased_learner')
    op.drop_index('ix_field_clock_learner_id', table_name='field_clock')
    op.drop_table('field_clock')
    op.drop_index('ix_sync_conflict_learner_id', table_name='sync_conflict')
    op.drop_table('sync_conflict')
    with op.batch_alter_table('change_log') as batch_op:
        batch_op.drop_index('ix_change_log_entity')
        batch_op.drop_index('ix_change_log_hlc')
        batch_op.drop_column('hlc')
    op.execute("DELETE FROM meta WHERE key IN ('hlc', 'sync_acknowledged')")
