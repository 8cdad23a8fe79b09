"""This device and the school hub, as the window needs it: for whom the device was paired, a learner's PIN on
their own device, what waits to be sent, and leaving the hub (the learner's data goes with it).

These act on the device itself, before anyone signs in (a learner's device opens on that learner's PIN
screen), so they take no actor: what they may do is fixed by how the device was paired."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from plprofile.domain.errors import QT_TRANSLATE_NOOP, UserError
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


def held_changes(store: Store) -> list[tuple[str, str, int]]:
    """This device's changes the hub refused and that stay here, grouped: (what about, the hub's reason,
    how many)."""
    from plprofile.sync.changes import held_groups

    with store.session() as s:
        return held_groups(s, refused_only=True)


def send_held_again(store: Store) -> int:
    """Offer the hub, in the next round, the changes it refused before; returns how many."""
    from plprofile.sync.changes import send_again

    with store.transaction() as s:
        return send_again(s)


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


class TeacherNeeded(UserError):
    """A learner's device leaves the hub only with a teacher's sign-in name and password (the device's own staff
    account, or one the hub checks); the message speaks to the learner. Nothing was changed."""

    MESSAGES = {
        "needed": QT_TRANSLATE_NOOP("services", "Only a teacher can take this device off the school. Ask your "
                                                "teacher to type their name and password."),
        "wrong": QT_TRANSLATE_NOOP("services", "That is not a teacher's name and password. Nothing was changed."),
        "locked": QT_TRANSLATE_NOOP("services", "Too many wrong tries: that teacher's account is locked for a "
                                                "while. Nothing was changed."),
        "wait": QT_TRANSLATE_NOOP("services", "Too many wrong tries: wait a little, then try again. Nothing was "
                                              "changed."),
        "offline": QT_TRANSLATE_NOOP("services", "The school's computer cannot be reached to check the teacher's "
                                                 "password, so this device stays as it is. Try again when the "
                                                 "network is back. Nothing was changed."),
        "unchecked": QT_TRANSLATE_NOOP("services", "The school's computer could not check the teacher's password, "
                                                   "so this device stays as it is. Nothing was changed."),
    }


@dataclass(frozen=True)
class Disconnected:
    """What disconnecting did: whose data left the device (a learner's device), and whether the hub revoked the
    device (False: the hub could not be told, and lists the device until a teacher revokes it there)."""

    learner: str | None
    hub_told: bool


def _sign_in_kind(code: str | None) -> str:
    return {"locked": "locked", "wait_minutes": "wait", "wait_seconds": "wait"}.get(code or "", "wrong")


def _teacher_here(store: Store, name: str, secret: str) -> bool:
    """Whether a staff account of this device with that sign-in name (or name) has this password: False when
    none is called so (the hub checks); TeacherNeeded when one is and the password is wrong."""
    from sqlalchemy import or_

    from .access import STAFF_KINDS
    from .auth import SignInError

    wanted = name.strip().casefold()
    with store.session() as s:
        found = s.execute(select(Account.username).where(
            Account.kind.in_(STAFF_KINDS), Account.deleted_at.is_(None), Account.username.is_not(None),
            Account.secret_hash.is_not(None),
            or_(func.lower(Account.username) == wanted, func.lower(Account.display_name) == wanted))).all()
    if len(found) != 1:
        return False
    try:
        AuthService(store).sign_in(found[0].username, secret)
    except SignInError as exc:
        raise TeacherNeeded(_sign_in_kind(exc.code)) from None
    return True


def _tell_hub(store: Store, teacher: tuple[str, str] | None, checked_here: bool) -> bool:
    """Ask the hub to revoke this device; whether it did (or had already forgotten the device)."""
    from plprofile.sync.client import SyncError, leave

    try:
        leave(store, teacher)
    except SyncError as exc:
        if exc.answer.get("kind") == "teacher":
            if checked_here:  # a teacher of this device said yes; the hub does not know their password
                return False
            raise TeacherNeeded(_sign_in_kind(exc.answer.get("sign_in"))) from None
        if exc.status is None:  # not reached (no network, or not the hub this device paired with)
            return False
        if teacher is not None and not checked_here:  # the hub cannot check the teacher for this device
            raise TeacherNeeded("unchecked") from None
        return exc.status in (401, 403)  # the hub no longer takes this device's credential
    return True


def disconnect(store: Store, *, force: bool = False, teacher: tuple[str, str] | None = None) -> Disconnected:
    """Unpair this device: the hub is asked to revoke its credential, and the credential goes from here. A
    learner's device needs a ``teacher`` (sign-in name, password) that this device or the hub checks
    (TeacherNeeded otherwise, and while neither can check it), and it also loses that learner's data (it lives
    on at the hub): their rows leave the store (``secure_delete`` zeroes what they freed), the store is rebuilt
    (VACUUM) with its WAL checkpointed and truncated, and each backup on the device is removed (it held nothing
    else). Refused while changes wait to be sent, unless ``force``. Without the network a staff device forgets
    the hub here only (``hub_told`` False)."""
    from plprofile.services.erase import _remove_leftovers
    from plprofile.store.backup import BACKUP_DIRNAME
    from plprofile.store.erase import scrub_store
    from plprofile.sync.changes import drop_out_of_scope
    from plprofile.sync.client import KEYS

    if _account(store) is None:
        return Disconnected(None, False)
    waiting = waiting_changes(store)
    if waiting and not force:
        raise DisconnectRefused(waiting)
    learner = device_learner(store)
    checked_here = False
    if learner is not None:
        if teacher is None or not teacher[0].strip() or not teacher[1]:
            raise TeacherNeeded("needed")
        checked_here = _teacher_here(store, *teacher)
    told = _tell_hub(store, teacher if learner is not None else None, checked_here)
    if learner is not None and not told and not checked_here:
        raise TeacherNeeded("offline")
    with store.transaction() as s:
        if learner is not None:
            drop_out_of_scope(s, [str(learner.learner_id)])
        for key in KEYS:
            row = s.get(Meta, key)
            if row is not None:
                s.delete(row)
    if learner is None:
        return Disconnected(None, told)
    scrub_store(store.engine)
    store.generation += 1
    # A learner's device holds nothing but that learner (and the device's credential): its backups go whole.
    # (Refused above while changes wait to be sent, so everything in them is at the hub.)
    folder = store.path.parent / BACKUP_DIRNAME
    _remove_leftovers(folder)
    for path in backups_to_remove(folder):
        path.unlink()
    return Disconnected(learner.display_name, told)


def backups_to_remove(folder) -> list:  # noqa: ANN001
    """The store's backups in ``folder`` (every file the app writes there)."""
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []
