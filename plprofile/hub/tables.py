"""The hub's own tables: paired devices, one-time invitations and the change sequence.

They live in their own ``MetaData``, created by the hub when it opens its store, not in the app's migrations: a
device's store never holds them, and the app's schema checks and Alembic head stay those of a device. The
hub's store is otherwise a device store (the same tables, migrated by the same Alembic scripts), so the access
policy judges every pushed change against the stored rows.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

from plprofile.store.types import UTCDateTime

metadata = MetaData()

#: A device paired with the hub: it acts for ``account_id`` with its own credential (only a hash is kept).
device = Table(
    "hub_device", metadata,
    Column("id", String(32), primary_key=True),
    Column("account_id", String(36), nullable=False, index=True),
    Column("role", String(16), nullable=False),  # admin, teacher or learner: what the invitation said
    Column("name", String(200), nullable=False, default=""),
    Column("token_hash", String(64), nullable=False),
    Column("paired_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime),
    Column("revoked_at", UTCDateTime),
)

#: A one-time pairing code (only its hash is kept), for one account, valid 24 hours.
invitation = Table(
    "hub_invitation", metadata,
    Column("id", String(32), primary_key=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("account_id", String(36), nullable=False),
    Column("name", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime),
    Column("device_id", String(32), ForeignKey("hub_device.id")),
)

#: Every change the hub holds, numbered on arrival. Pushes are serialized (see ``store.push_lock``), so a
#: change committed later always has a higher number: a device reading past its cursor never skips one.
change = Table(
    "hub_change", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(36), nullable=False, unique=True),
    Column("learner_id", String(36)),
    Column("source_device", String(32), nullable=False, default=""),  # the paired device that pushed it
    Column("received_at", UTCDateTime, nullable=False),
    Column("body", Text, nullable=False),  # the change as it travels (JSON)
    sqlite_autoincrement=True,  # a number is never reused, even after the last row is erased
)
Index("ix_hub_change_learner", change.c.learner_id, change.c.seq)

#: Settings of the hub kept with its data (the certificate's fingerprint, so that ``hub invite`` puts it in
#: the code wherever the hub runs).
meta = Table(
    "hub_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False, default=""),
)
