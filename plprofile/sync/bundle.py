"""Sync bundles: the changes a device has not had acknowledged (or all it holds), in one file sealed with a
passphrase (the ``.plpx`` sealing of ``services.protect``), for a school without a network between devices.

Importing a bundle is a push by the account that wrote it: it is applied by the same merge and the same
access policy (``sync.changes.apply``), as that account (which must exist in the importing store), in one
transaction; importing it again changes nothing.
"""

from __future__ import annotations

import gzip
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from plprofile.domain.profile import Actor, Role
from plprofile.services import protect
from plprofile.store.engine import KNOWN_REVISIONS, SCHEMA_HEAD, Store
from plprofile.store.models import Account, Meta

from .changes import (
    ApplyResult,
    Change,
    MalformedChange,
    SyncRefused,
    apply,
    everything,
    outgoing,
    visible_to,
)

FORMAT = "plprofile-sync-bundle"
VERSION = 1
#: ``meta`` key a paired device keeps its account's id under (the hub's pairing writes it); a store that was
#: never paired writes bundles as its first staff account.
ACCOUNT_KEY = "sync_account"
#: A bundle holds at most this many changes (a whole school's history is far below it).
MAX_CHANGES = 2_000_000


class BundleError(Exception):
    """A bundle that cannot be written or read; the message says why and that nothing changed. ``code``: what a
    learner's device refused (``STRANGER``, ``OTHER_LEARNER``, ``NOT_FOR_DEVICE``), else None."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


#: A learner's device refuses a file made by someone the hub does not name as writing to the learner's profile,
STRANGER = "stranger"
#: a file about another learner (the device keeps one profile),
OTHER_LEARNER = "other_learner"
#: and a file holding what the learner may not read (a teacher-only note).
NOT_FOR_DEVICE = "not_for_device"


@dataclass(frozen=True)
class Bundle:
    account_id: str
    device_id: str
    schema: str
    changes: list[Change]


def store_account(session) -> Account:  # noqa: ANN001
    """The account this store acts as in sync: the paired account (``ACCOUNT_KEY``, or the one it paired with the
    hub as), else its first staff account."""
    meta = session.get(Meta, ACCOUNT_KEY)
    if meta is not None and meta.value:
        account = session.get(Account, uuid.UUID(meta.value))
        if account is not None and account.deleted_at is None:
            return account
    paired = session.get(Meta, "hub_account")  # a device paired with the hub acts as the account it paired as
    if paired is not None and paired.value:
        try:
            account = session.get(Account, uuid.UUID(json.loads(paired.value)["id"]))
        except (ValueError, KeyError, TypeError):
            account = None
        if account is not None and account.deleted_at is None:
            return account
    account = session.execute(select(Account).where(
        Account.kind.in_(("admin", Role.TEACHER.value)), Account.deleted_at.is_(None))
        .order_by(Account.created_at)).scalars().first()
    if account is None:
        raise BundleError("This store has no teacher or admin account to write a bundle as; nothing was written.")
    return account


def actor_of(account: Account) -> Actor:
    if account.kind == Role.LEARNER.value:
        if account.learner_id is None:
            raise BundleError("The bundle's account is a learner's account without a learner.")
        return Actor(account_id=account.id, role=Role.LEARNER, learner_id=account.learner_id)
    return Actor(account_id=account.id, role=Role.TEACHER, admin=account.kind == "admin")


def export_bundle(store: Store, dest: Path, passphrase: str, *, every: bool = False,
                  learner_id: uuid.UUID | None = None, for_their_device: bool = False) -> int:
    """Seal this store's unacknowledged changes (``every``: all the changes it holds) into ``dest``; with
    ``learner_id`` only that learner's, and ``for_their_device`` only what the learner may read (no teacher-only
    note: their device refuses a file that holds one). Returns how many changes it holds."""
    with store.session() as s:
        account = store_account(s)
        if every:
            found = everything(s, learner_id=learner_id)
        else:
            found = outgoing(s)
            if learner_id is not None:
                mine = {c.id for c in everything(s, learner_id=learner_id)}
                found = [c for c in found if c.id in mine]
        if learner_id is not None and for_their_device:
            found = visible_to(s, learner_actor(s, learner_id), found)
    document = {"format": FORMAT, "version": VERSION, "schema": SCHEMA_HEAD, "account_id": str(account.id),
                "device_id": store.device_id, "written_at": datetime.now(UTC).isoformat(),
                "changes": [c.to_json() for c in found]}
    data = gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    protect.protect_bytes(data, dest, passphrase, Path(dest).with_suffix(".json.gz").name)
    return len(found)


def read_bundle(path: Path, passphrase: str) -> Bundle:
    """Open and check a bundle; BundleError (or protect's errors) says what is wrong. Nothing is written."""
    _name, raw = protect.open_bytes(path, passphrase)
    try:
        document: Any = json.loads(gzip.decompress(raw).decode("utf-8"))
    except (OSError, EOFError, ValueError, UnicodeDecodeError):
        raise BundleError(f"{Path(path).name} is not a sync bundle (or it is damaged); nothing was imported.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleError(f"{Path(path).name} is not a sync bundle; nothing was imported.")
    if document.get("version") != VERSION or not isinstance(document.get("schema"), str):
        raise BundleError(f"{Path(path).name} was written by a newer plprofile: update plprofile here, then import "
                          "it again. Nothing was imported.")
    schema = document["schema"]
    if schema != SCHEMA_HEAD:
        if schema not in KNOWN_REVISIONS:
            raise BundleError(f"{Path(path).name} was written by a newer plprofile (store schema {schema[:40]}): "
                              "update plprofile here, then import it again. Nothing was imported.")
        raise BundleError(f"{Path(path).name} was written by an older plprofile (store schema {schema}): update "
                          "plprofile on the device that wrote it and write the bundle again. Nothing was imported.")
    changes = document.get("changes")
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES:
        raise BundleError(f"{Path(path).name} is damaged (no list of changes); nothing was imported.")
    try:
        account_id = str(uuid.UUID(str(document.get("account_id"))))
        parsed = [Change.from_json(c) for c in changes]
    except (ValueError, MalformedChange) as exc:
        raise BundleError(f"{Path(path).name} holds a malformed change ({exc}); nothing was imported.") from None
    return Bundle(account_id, str(document.get("device_id", ""))[:64], schema, parsed)


def _first_admin(bundle: Bundle) -> Account | None:
    """The admin account a bundle creates for the account that wrote it, if it does."""
    for change in bundle.changes:
        if change.entity == "account" and change.action == "create" and change.entity_id == bundle.account_id:
            try:
                content = json.loads(change.new or "")
            except ValueError:
                return None
            if isinstance(content, dict) and content.get("kind") == "admin":
                return Account(id=uuid.UUID(bundle.account_id), kind="admin", display_name="")
    return None


def learner_actor(session, learner_id: uuid.UUID) -> Actor:  # noqa: ANN001
    """The learner ``learner_id`` as the policy sees them (their account, when this store holds it)."""
    account = session.execute(select(Account.id).where(Account.learner_id == learner_id,
                                                       Account.deleted_at.is_(None))).scalars().first()
    return Actor(account_id=account or uuid.UUID(int=0), role=Role.LEARNER, learner_id=learner_id)


def _device_learner(session) -> Actor | None:  # noqa: ANN001
    """The learner this store's device was paired for, when it was paired with a learner's code."""
    from .client import hub_actor

    row = session.get(Meta, "hub_account")
    if session.get(Meta, "hub_token") is None or row is None or not row.value:
        return None
    try:
        actor = hub_actor(json.loads(row.value))
    except (ValueError, KeyError, TypeError):
        return None
    return actor if actor.role is Role.LEARNER and actor.learner_id is not None else None


def _maker_on_learner_device(session, bundle: Bundle, learner: Actor, account: Account | None) -> Account:  # noqa: ANN001
    """Who made a file loaded on a learner's device: the learner's own account, or a staff account the hub last
    named as writing to this learner (``client.known_teachers``: their teachers and the school's admins)."""
    from .client import known_teachers

    if account is not None and account.deleted_at is None and account.id == learner.account_id:
        return account
    teacher = known_teachers(session).get(bundle.account_id)
    if teacher is None:  # another school's, or a teacher whose class the learner left
        raise BundleError("This bundle was made by someone who does not teach this device's learner; nothing "
                          "was imported.", STRANGER)
    return Account(id=uuid.UUID(teacher["id"]), kind=teacher["kind"], display_name=teacher["name"])


def _only_theirs(bundle: Bundle, learner: Actor) -> None:
    """A learner's device keeps one profile: every change of the file is about that learner."""
    mine = str(learner.learner_id)
    if any(c.learner_id not in (None, mine) or (c.entity == "learner" and c.entity_id != mine)
           for c in bundle.changes if c.action != "erase"):
        raise BundleError("This bundle holds changes about another learner; nothing was imported.", OTHER_LEARNER)


def import_bundle(store: Store, bundle: Bundle) -> ApplyResult:
    """Apply ``bundle`` as the account that wrote it, in one transaction; BundleError when that account is not
    in this store or the policy refuses a change (then nothing was written).

    On a device paired for a learner the maker is the learner or one of the staff accounts the hub named as
    writing to their profile (``STRANGER`` otherwise); every change is about that learner (``OTHER_LEARNER``)
    and one the learner may read (``NOT_FOR_DEVICE``: a teacher-only note never lands on their device)."""
    with store.transaction() as s:
        account = s.get(Account, uuid.UUID(bundle.account_id))
        learner = _device_learner(s)
        if learner is not None:
            account = _maker_on_learner_device(s, bundle, learner, account)
            _only_theirs(bundle, learner)
        elif account is None and s.execute(select(Account.id).limit(1)).first() is None:
            account = _first_admin(bundle)  # an empty store takes its first data from an admin's bundle
        if account is None or account.deleted_at is not None:
            raise BundleError("The account that wrote this bundle is not in this store (import the school's admin "
                              "bundle first, or pair with the hub); nothing was imported.")
        try:
            result = apply(s, actor_of(account), bundle.changes, check_policy=True)
        except SyncRefused as exc:
            raise BundleError(f"This bundle was refused: {exc.reason} (change {exc.change_id}). Nothing was "
                              "imported.") from exc
        if learner is not None and result.applied_ids:
            applied = set(result.applied_ids)
            done = [c for c in bundle.changes if c.id in applied]
            if len(visible_to(s, learner, done)) != len(done):
                raise BundleError("This bundle holds what this device's learner may not read; nothing was "
                                  "imported.", NOT_FOR_DEVICE)
        return result
