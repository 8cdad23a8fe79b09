"""Offline-first sync of profiles between devices and the school hub.

A device's change log is its outbox: every write logs one row per change in the same transaction, stamped with
a hybrid logical clock reading (``domain.hlc``). ``sync.changes`` turns those rows into ``Change`` objects (the
wire unit), offers a device's unacknowledged ones (``outgoing``), applies foreign ones (``apply``) and says
which an account may receive (``visible_to``); ``sync.bundle`` carries them on a sealed file.

Merge rules (``domain.merge``, the same pure function on the hub and on every device), per field, not per row:

* An update whose ``old`` is the stored value and which is newer than the write that set it fast-forwards.
* Concurrent edits of different fields both stand.
* Concurrent edits of the same field: the newer clock reading wins, except that on a free-text field
  (``merge.FREE_TEXT``) a learner's write beats a teacher's or an admin's: the learner's words are never
  overwritten by a teacher's edit. On free text the losing value is recorded in ``sync_conflict`` for a person
  to resolve, never silently lost; on other fields the older value gives way.
* Deletes are tombstones; a delete and a restore of the same row: the newer reading stands.
* Creates never collide (UUIDs): a row already there makes a create a no-op.
* Assessments, ratings and check-ins are insert-only: never edited, never in conflict.
* Erasure propagates: a purge logs an ``erase`` change carrying a one-way token of the learner's id; applying
  it erases the learner and remembers the token (``erased_learner``), so later changes about them are dropped
  and a device coming back cannot resurrect them.
* ``apply`` is idempotent on ``Change.id`` and checks every change with the access policy as the account of the
  device that sent it; one refusal refuses the whole batch and nothing is written.
* Sign-in secrets (password and PIN hashes, lockout state) never travel in either direction.

The README's "Sync and merge rules" section says the same for people.
"""
