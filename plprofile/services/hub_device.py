"""This device and the school hub, as the window needs it: for whom the device was paired, a learner's PIN on
their own device, what waits to be sent, and leaving the hub (the learner's data goes with it).

These act on the device itself, before anyone signs in (a learner's device opens on that learner's PIN
screen), so they take no actor: what they may do is fixed by how the device was paired."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from plprofile.store.engine import Store
from plprofile.store.models import Account, Learner, Meta

from .auth import AuthService, check_pin, username_base


@dataclass(frozen=True)
class DeviceLearner:
    """The learner a device was paired for."""

    account_id: uuid.UUID
    learner_id: uuid.UUID
    display_name: str
    username: str | None  # None until a PIN is chosen on this device
    has_pin: bool


def _account(store: Store) -> dict | None:
    with store.session() as s:
        token = s.get(Meta, "hub_token")
        row = s.get(Meta, "hub_account")
        if token is None or row is None:
            return None
        return json.loads(row.value)


def paired_account(store: Store) -> dict | None:
    """{"id", "name", "role", "admin", "learner_id"} of the account this device acts for, or None (not paired)."""
    return _account(store)


def device_learner(store: Store) -> DeviceLearner | None:
    """The learner this device was paired for (a learner's device), else None."""
    account = _account(store)
    if account is None or account.get("role") != "learner" or not account.get("learner_id"):
        return None
    account_id, learner_id = uuid.UUID(account["id"]), uuid.UUID(account["learner_id"])
    with store.session() as s:
        row = s.get(Account, account_id)
        if row is None:
            row = s.execute(select(Account).where(Account.learner_id == learner_id,
                                                  Account.deleted_at.is_(None))).scalars().first()
        name = row.display_name if row is not None else account.get("name", "")
        return DeviceLearner(row.id if row is not None else account_id, learner_id, name,
                             row.username if row is not None else None,
                             bool(row is not None and row.secret_hash))


def set_device_learner_pin(store: Store, auth: AuthService, pin: str) -> str:
    """The PIN of the learner this device was paired for, on this device only (sign-in secrets never travel).
    Only while that learner has no PIN here: changing it is the teacher's, as on any device. Returns the
    learner's sign-in name."""
    from plprofile.domain.profile import ValidationError

    learner = device_learner(store)
    if learner is None:
        raise ValidationError("pin", "pin_digits")
    pin = check_pin(pin)
    with store.transaction() as s:
        account = s.get(Account, learner.account_id)
        person = s.get(Learner, learner.learner_id)
        if account is None or person is None:
            raise ValidationError("username", "username_empty")
        if account.secret_hash:
            raise ValidationError("pin", "pin_digits")
        if not account.username:  # this device's own sign-in name, like its PIN: not a change to send
            account.username = AuthService._free_username(
                s, username_base(person.preferred_name, person.family_name), account.id)
        account.secret_hash = auth._pin_hash(pin)
        account.failed_attempts = 0
        account.locked_until = None
        s.add(account)
        return account.username


def waiting_changes(store: Store) -> int:
    """How many of this device's changes the hub has not acknowledged yet."""
    from plprofile.sync.changes import outgoing

    with store.session() as s:
        return len(outgoing(s))


def learner_count(store: Store) -> int:
    with store.session() as s:
        return s.execute(select(func.count()).select_from(Learner)).scalar_one()


def watch_writes(store: Store, callback) -> callable:  # noqa: ANN001
    """Call ``callback()`` after each committed write to ``store`` (on the thread that wrote); returns the
    function that stops watching."""
    from sqlalchemy import event

    def committed(_connection) -> None:  # noqa: ANN001
        callback()

    event.listen(store.write_engine, "commit", committed)
    return lambda: event.contains(store.write_engine, "commit", committed) and event.remove(
        store.write_engine, "commit", committed)


class DisconnectRefused(Exception):
    """Disconnecting would lose work: ``waiting`` changes have not reached the hub."""

    def __init__(self, waiting: int) -> None:
        super().__init__(f"{waiting} change(s) have not reached the hub yet")
        self.waiting = waiting


def disconnect(store: Store, *, force: bool = False) -> str | None:
    """Unpair this device: its credential for the hub goes. A learner's device also loses that learner's
    data (it lives on at the hub): their rows leave the store (``secure_delete`` zeroes what they freed),
    the store is rebuilt (VACUUM) with its WAL checkpointed and truncated, and each backup on the device is
    removed (it held nothing else). Refused while changes wait to be sent, unless ``force``. Returns the learner's
    name when their data was removed."""
    from plprofile.services.erase import _remove_leftovers
    from plprofile.store.backup import BACKUP_DIRNAME
    from plprofile.store.erase import scrub_store
    from plprofile.sync.changes import drop_out_of_scope
    from plprofile.sync.client import KEYS

    if _account(store) is None:
        return None
    waiting = waiting_changes(store)
    if waiting and not force:
        raise DisconnectRefused(waiting)
    learner = device_learner(store)
    with store.transaction() as s:
        if learner is not None:
            drop_out_of_scope(s, [str(learner.learner_id)])
        for key in KEYS:
            row = s.get(Meta, key)
            if row is not None:
                s.delete(row)
    if learner is None:
        return None
    scrub_store(store.engine)
    store.generation += 1
    # A learner's device holds nothing but that learner (and the device's credential): its backups go whole.
    # (Refused above while changes wait to be sent, so everything in them is at the hub.)
    folder = store.path.parent / BACKUP_DIRNAME
    _remove_leftovers(folder)
    for path in backups_to_remove(folder):
        path.unlink()
    return learner.display_name


def backups_to_remove(folder) -> list:  # noqa: ANN001
    """The store's backups in ``folder`` (every file the app writes there)."""
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []
