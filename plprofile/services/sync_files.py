"""Files for no network: this device's changes saved to a sealed file (the sync bundle format) and a file of
changes loaded, from the window. Every refusal says why in plain words, and nothing is changed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plprofile.domain.errors import QT_TRANSLATE_NOOP, UserError
from plprofile.domain.policy import NOT_YOURS, AccessDenied, Action, Kind, Target, require
from plprofile.domain.profile import Actor, Role
from plprofile.services import protect
from plprofile.store.engine import Store
from plprofile.store.models import Account

from . import access
from .access import actor_first

#: A file of changes larger than this is refused before it is read (a whole school's history is far below it).
MAX_FILE_BYTES = 256 * 1024 * 1024
#: ``report(done, total)`` steps of saving and loading: read, check, write.
STEPS = 3


class SyncFileError(UserError):
    """A file of changes that cannot be saved or loaded; the message says why and that nothing changed."""

    MESSAGES = {
        "unreadable": QT_TRANSLATE_NOOP("services", "{name} could not be opened: {reason}. Nothing was changed."),
        "too_big": QT_TRANSLATE_NOOP("services", "{name} is too big to be a file of changes ({size} MB; at most "
                                                 "{limit} MB). Nothing was changed."),
        "not_a_bundle": QT_TRANSLATE_NOOP("services", "{name} is not a file of changes from plprofile. Nothing "
                                                      "was changed."),
        "damaged": QT_TRANSLATE_NOOP("services", "{name} is damaged or was changed on the way. Nothing was "
                                                 "changed: make the file again."),
        "passphrase": QT_TRANSLATE_NOOP("services", "That passphrase does not open {name}. Nothing was changed."),
        "newer": QT_TRANSLATE_NOOP("services", "{name} was made by a newer plprofile. Update plprofile here, then "
                                               "load it again. Nothing was changed."),
        "older": QT_TRANSLATE_NOOP("services", "{name} was made by an older plprofile. Update plprofile on the "
                                               "device that made it and make the file again. Nothing was "
                                               "changed."),
        "other_school": QT_TRANSLATE_NOOP("services", "{name} was made by someone this device does not know (on "
                                                      "another school's device, or by a teacher whose account "
                                                      "never came to this device). Nothing was changed."),
        "refused": QT_TRANSLATE_NOOP("services", "{name} holds a change that its maker may not make: {reason} "
                                                 "Nothing was changed."),
        "stranger": QT_TRANSLATE_NOOP("services", "{name} was made by someone who is not one of your teachers, so "
                                                  "it was not opened. Nothing was changed."),
        "other_learner": QT_TRANSLATE_NOOP("services", "{name} is about someone else, not you. This device keeps "
                                                       "only your profile. Nothing was changed."),
        "not_for_device": QT_TRANSLATE_NOOP("services", "{name} holds teachers' own notes, which this device does "
                                                        "not keep. Nothing was changed: ask your teacher to make "
                                                        "the file again for your device."),
        "exists": QT_TRANSLATE_NOOP("services", "{name} already exists; choose another name. Nothing was "
                                                "written."),
        "no_writer": QT_TRANSLATE_NOOP("services", "This store has no teacher or admin account to write the file "
                                                   "as. Nothing was written."),
        "not_written": QT_TRANSLATE_NOOP("services", "{name} could not be written: {reason}. Nothing was "
                                                     "written."),
    }


@dataclass(frozen=True)
class Loaded:
    """What loading a file did: changes applied, changes already here (or about an erased learner), conflicts
    kept for a person to decide, and clock warnings."""

    applied: int
    skipped: int
    conflicts: int
    warnings: list[str] = field(default_factory=list)
    #: The name of the account that made the file.
    made_by: str = ""


def _quiet(report: Callable[[int, int], None] | None) -> Callable[[int, int], None]:
    return report or (lambda _done, _total: None)


@actor_first
class SyncFileService:
    """Save this device's changes to a file; load a file of changes (``sync.bundle``'s format and rules)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, actor: Actor, dest: Path, passphrase: str, learner_id: uuid.UUID | None = None,
             report: Callable[[int, int], None] | None = None) -> int:
        """Seal the changes the hub has not acknowledged into ``dest`` (never overwritten); with ``learner_id``
        only that learner's (a file for their device). A learner saves only their own. Returns how many."""
        from plprofile.sync.bundle import BundleError, export_bundle

        step = _quiet(report)
        dest = Path(dest)
        with self.store.session() as s:
            if actor.role is Role.LEARNER and learner_id is None:
                learner_id = actor.learner_id
            if learner_id is not None:
                access.require_learner_rows(s, actor, learner_id, Kind.HISTORY)
            else:
                access.require_class(actor)
        step(1, STEPS)
        if dest.exists():
            raise SyncFileError("exists", name=dest.name)
        try:
            count = export_bundle(self.store, dest, passphrase, learner_id=learner_id,
                                  for_their_device=learner_id is not None)
        except BundleError:
            raise SyncFileError("no_writer") from None
        except protect.ProtectError as exc:
            if dest.exists():
                raise SyncFileError("exists", name=dest.name) from None
            raise SyncFileError("not_written", name=dest.name, reason=str(exc)) from None
        step(STEPS, STEPS)
        return count

    def load(self, actor: Actor, path: Path, passphrase: str,
             report: Callable[[int, int], None] | None = None) -> Loaded:
        """Apply a file of changes as the account that made it, checked by the access policy, in one
        transaction; SyncFileError (nothing changed) when it is not one, is damaged, too big, of another school,
        or holds a change refused. A learner loads only a file about themselves (AccessDenied otherwise)."""
        from plprofile.sync.bundle import BundleError, import_bundle

        step = _quiet(report)
        if actor.role is Role.LEARNER:
            require(actor, Action.READ, Target(Kind.LEARNER, learner_id=actor.learner_id,
                                               row_id=actor.learner_id))
        else:
            access.require_class(actor)
        bundle = self._read(Path(path), passphrase)
        step(1, STEPS)
        if actor.role is Role.LEARNER:
            mine = str(actor.learner_id)
            if any(c.learner_id not in (None, mine) for c in bundle.changes):
                raise AccessDenied(NOT_YOURS)  # a learner's device keeps one profile: theirs
        step(2, STEPS)
        try:
            result = import_bundle(self.store, bundle)
        except BundleError as exc:
            if exc.code is not None:  # a learner's device: a stranger's file, another learner's, a teacher's note
                raise SyncFileError(exc.code, name=Path(path).name) from None
            cause = exc.__cause__
            if cause is None:
                raise SyncFileError("other_school", name=Path(path).name) from None
            raise SyncFileError("refused", name=Path(path).name, reason=getattr(cause, "reason", "")) from None
        if result.erased:
            self._scrub(result.erased)
        with self.store.session() as s:
            writer = s.get(Account, uuid.UUID(bundle.account_id))
            made_by = writer.display_name if writer is not None else ""
            if writer is None:  # a learner's device: one of their teachers, as the hub named them
                from plprofile.sync.client import known_teachers

                made_by = known_teachers(s).get(bundle.account_id, {}).get("name", "")
        step(STEPS, STEPS)
        return Loaded(result.applied, result.skipped, result.conflicts, list(result.warnings), made_by)

    # ---- the file ---------------------------------------------------------------------------------------------
    @staticmethod
    def _read(path: Path, passphrase: str):  # noqa: ANN205
        """The bundle in ``path``; each way it can be wrong as a SyncFileError (English messages of the sync
        package mapped to codes with translated words)."""
        from plprofile.sync.bundle import BundleError, read_bundle

        name = path.name
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(len(protect.MAGIC))
        except OSError as exc:
            raise SyncFileError("unreadable", name=name, reason=exc.strerror or str(exc)) from None
        if size > MAX_FILE_BYTES:
            raise SyncFileError("too_big", name=name, size=size // 1_000_000, limit=MAX_FILE_BYTES // 1_000_000)
        if head != protect.MAGIC:
            raise SyncFileError("not_a_bundle", name=name)
        try:
            return read_bundle(path, passphrase)
        except protect.WrongPassphraseError:
            raise SyncFileError("passphrase", name=name) from None
        except protect.TamperedError:
            raise SyncFileError("damaged", name=name) from None
        except protect.ProtectError as exc:
            text = str(exc)
            code = "newer" if "newer" in text else "too_big" if "too big" in text else "damaged"
            if code == "too_big":
                raise SyncFileError(code, name=name, size=size // 1_000_000,
                                    limit=MAX_FILE_BYTES // 1_000_000) from None
            raise SyncFileError(code, name=name) from None
        except BundleError as exc:
            text = str(exc)
            if "newer plprofile" in text:
                raise SyncFileError("newer", name=name) from None
            if "older plprofile" in text:
                raise SyncFileError("older", name=name) from None
            if "is not a sync bundle" in text:
                raise SyncFileError("not_a_bundle", name=name) from None
            raise SyncFileError("damaged", name=name) from None

    def _scrub(self, learner_ids: list[str]) -> None:
        """Learners the file erased: out of the store's file and its backups too (as ``plprofile bundle
        import`` does)."""
        from plprofile.services.erase import backups_to_rewrite
        from plprofile.store.erase import EraseError, rewrite_without, scrub_store

        try:
            scrub_store(self.store.engine)
            backups, _problems = backups_to_rewrite(Path(self.store.path).parent, self.store.key)
            for backup, key in backups:
                for learner_id in learner_ids:
                    rewrite_without(backup, uuid.UUID(learner_id), key)
        except EraseError:
            pass  # the rows are gone; what may remain in a backup is for the erase tool to say


__all__ = ["AccessDenied", "Loaded", "MAX_FILE_BYTES", "SyncFileError", "SyncFileService"]
