"""Protecting the store at rest: encrypt, decrypt, re-key, unlock, and the teachers' key slots.

Every change of the store's encryption goes the same safe way: a verified backup first; the store exported with
``sqlcipher_export`` into a new file under the new key (or none), checked with ``integrity_check``; the key file
written durably; the store released (its WAL folded in; this fails if another program has it open) and replaced
with one atomic rename. Then the backups in ``backups/`` are converted the same way, so a lost laptop holds no
plaintext copy of an encrypted store (and a decrypted store's backups open without a key again). A backup that
the old key does not open (made under an even older key, or damaged) is left as it is and reported.

No Qt here: the command line and the app share it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from plprofile.domain.errors import QT_TRANSLATE_NOOP
from plprofile.store import cipher
from plprofile.store.backup import (
    BackupError,
    fsync_dir,
    fsync_file,
    integrity_problems,
    os_words,
    sidecar,
)
from plprofile.store.engine import Store

from . import backup as bk

log = logging.getLogger(__name__)

ENCRYPT, DECRYPT, REKEY = "encrypt", "decrypt", "rekey"


class EncryptionError(BackupError):
    """Encrypting, decrypting or re-keying failed; the store is as it was. The message says why, in the reader's
    language (the backups' messages, and these)."""

    MESSAGES = {
        **BackupError.MESSAGES,
        "already_encrypted": QT_TRANSLATE_NOOP("services", "This store is already encrypted."),
        "not_encrypted": QT_TRANSLATE_NOOP("services", "This store is not encrypted."),
        "unreadable_for_change": QT_TRANSLATE_NOOP("services", "{name} could not be read for the change ({detail}). "
                                                               "Nothing was changed."),
        "copy_check_failed": QT_TRANSLATE_NOOP("services", "The converted copy of {name} did not pass its check "
                                                           "({problem}). Nothing was changed."),
        "no_store": QT_TRANSLATE_NOOP("services", "There is no store in {folder}."),
        "key_does_not_open": QT_TRANSLATE_NOOP("services", "That key does not open this store. Nothing was "
                                                           "changed."),
        "store_unhealthy": QT_TRANSLATE_NOOP("services", "{problem} Nothing was changed."),
    }


@dataclass
class ChangeResult:
    action: str
    #: the store's data key now (None: not encrypted)
    key: bytes | None
    #: the new recovery key, to be shown once (None when decrypting)
    recovery_key: str | None
    #: the verified backup taken before the change
    backup: bk.BackupInfo | None
    converted: list[Path] = field(default_factory=list)
    #: backups the old key does not open, left as they were
    skipped: list[Path] = field(default_factory=list)


def is_encrypted(data_dir: Path) -> bool:
    return cipher.looks_encrypted(bk.store_path(data_dir))


def unlock(data_dir: Path, secret: str, label: str | None = None) -> bytes:
    """The data key of the encrypted store in ``data_dir`` from a teacher's password or the recovery key.

    Raises cipher.WrongSecretError (wrong secret) or cipher.KeyFileError (missing or damaged key file).
    """
    path = bk.store_path(data_dir)
    ring = cipher.Keyring.load(path)
    return ring.unlock(secret, label, accept=lambda key: cipher.opens_with(path, key))


def keyring(data_dir: Path) -> cipher.Keyring:
    return cipher.Keyring.load(bk.store_path(data_dir))


def slot_labels(data_dir: Path) -> list[str]:
    return keyring(data_dir).labels() if is_encrypted(data_dir) else []


def set_password(data_dir: Path, key: bytes, label: str, password: str) -> None:
    """Give the teacher ``label`` a key slot for ``password`` (a new teacher, or a changed password)."""
    ring = keyring(data_dir)
    ring.set_password(key, label, password)
    ring.save(bk.store_path(data_dir))


def ensure_password_slot(data_dir: Path, key: bytes, label: str, password: str) -> bool:
    """After a teacher proves their password on an unlocked store: make sure their slot opens with it.

    Adds the slot when missing and rewraps it when the password changed. Returns True when the file changed.
    """
    if not is_encrypted(data_dir):
        return False
    ring = keyring(data_dir)
    if ring.opens(label, password):
        return False
    ring.set_password(key, label, password)
    ring.save(bk.store_path(data_dir))
    return True


# ---- changing the store's encryption ---------------------------------------------------------------
def encrypt_store(data_dir: Path, label: str, password: str, *, store: Store | None = None) -> ChangeResult:
    """Encrypt the plain store in ``data_dir``: a new data key, a slot for ``label``'s password and a new
    recovery key (returned, to be shown once). ``store``, when the app has it open, is pointed at the new file.
    """
    if is_encrypted(data_dir):
        raise EncryptionError("already_encrypted")
    from .auth import check_password

    check_password(password)
    key, recovery = cipher.new_data_key(), cipher.new_recovery_key()
    ring = cipher.Keyring.create(key, label, password, recovery)
    return _change(data_dir, ENCRYPT, None, key, ring, store, recovery)


def rekey_store(data_dir: Path, old_key: bytes, label: str, password: str, *,
                store: Store | None = None) -> ChangeResult:
    """A new data key and a new recovery key for the encrypted store. Only ``label``'s password slot is
    carried over; other teachers get theirs back the next time they sign in on this computer (or are added
    again). Old recovery keys and passwords no longer open the store or its converted backups."""
    if not is_encrypted(data_dir):
        raise EncryptionError("not_encrypted")
    from .auth import check_password

    check_password(password)
    key, recovery = cipher.new_data_key(), cipher.new_recovery_key()
    ring = cipher.Keyring.create(key, label, password, recovery)
    return _change(data_dir, REKEY, old_key, key, ring, store, recovery)


def decrypt_store(data_dir: Path, old_key: bytes, *, store: Store | None = None) -> ChangeResult:
    if not is_encrypted(data_dir):
        raise EncryptionError("not_encrypted")
    return _change(data_dir, DECRYPT, old_key, None, None, store, None)


def _export_verified(src: Path, src_key: bytes | None, dest: Path, dest_key: bytes | None) -> None:
    try:
        cipher.export_database(src, src_key, dest, dest_key)
    except cipher.read_errors() as exc:
        raise EncryptionError("unreadable_for_change", name=src.name, detail=exc) from exc
    except OSError as exc:
        raise EncryptionError(os_words(exc, dest.parent)) from exc
    con = bk.connect_readonly(dest, dest_key)
    try:
        problems = integrity_problems(con)
    finally:
        con.close()
    if problems:
        raise EncryptionError("copy_check_failed", name=src.name, problem=problems[0])
    fsync_file(dest)


def _change(data_dir: Path, action: str, old_key: bytes | None, new_key: bytes | None,
            ring: cipher.Keyring | None, store: Store | None, recovery: str | None) -> ChangeResult:
    data_dir = Path(data_dir)
    path = bk.store_path(data_dir)
    if not path.exists():
        raise EncryptionError("no_store", folder=data_dir)
    if old_key is not None and not cipher.opens_with(path, old_key):
        raise EncryptionError("key_does_not_open")
    problems = bk.check(path, old_key)
    if not problems.ok:
        raise EncryptionError("store_unhealthy", problem=problems.message)
    before = bk.create_backup(data_dir, kind=bk.PRE_MIGRATION, label=action, key=old_key)
    tmp = data_dir / f".{path.name}.{action}-{os.getpid()}.part"
    old_ring = cipher.Keyring.load(path) if old_key is not None else None
    with bk.held_aside(store):  # no connection of this app may hold the file while it is swapped
        _swap(data_dir, path, tmp, old_key, new_key, ring, old_ring, store)
    result = ChangeResult(action, new_key, recovery, before)
    _convert_backups(data_dir, old_key, new_key, ring, result)
    log.info("store %s: %s done; %d backups converted, %d left as they were", path, action,
             len(result.converted), len(result.skipped))
    return result


def _swap(data_dir: Path, path: Path, tmp: Path, old_key: bytes | None, new_key: bytes | None,
          ring: cipher.Keyring | None, old_ring: cipher.Keyring | None, store: Store | None) -> None:
    """Write the store anew under ``new_key`` beside it, check the copy, then put it in the store's place
    (its key file first); ``store`` is pointed at whichever file is in place afterwards."""
    done = False
    try:
        _export_verified(path, old_key, tmp, new_key)
        if ring is not None:
            # Written before the swap. During a re-key it holds the old slots too, so whichever file a crash
            # leaves in place still opens; a plain file ignores a stray key file.
            (ring.merged_with(old_ring) if old_ring is not None else ring).save(path)
        bk.release(path, old_key)
        os.replace(tmp, path)
        fsync_dir(data_dir)
        if ring is not None:
            ring.save(path)
        else:
            cipher.keys_path(path).unlink(missing_ok=True)
            fsync_dir(data_dir)
        done = True
    except BackupError:
        _restore_ring(path, old_ring)
        raise
    except OSError as exc:
        _restore_ring(path, old_ring)
        raise EncryptionError(os_words(exc, data_dir)) from exc
    finally:
        for leftover in (tmp, sidecar(tmp, "-journal")):
            leftover.unlink(missing_ok=True)
        if store is not None:
            store.reopen(new_key if done else old_key)


def _restore_ring(path: Path, old_ring: cipher.Keyring | None) -> None:
    """After a failed change: the store file is untouched, so its key file goes back to what it was."""
    try:
        if old_ring is not None:
            old_ring.save(path)
        elif not cipher.looks_encrypted(path):
            cipher.keys_path(path).unlink(missing_ok=True)
    except OSError:
        log.warning("could not put the key file of %s back", path)


def _convert_backups(data_dir: Path, old_key: bytes | None, new_key: bytes | None, ring: cipher.Keyring | None,
                     result: ChangeResult) -> None:
    for info in bk.list_backups(data_dir):
        src = info.path
        plain = cipher.is_plain_sqlite(src)
        if (old_key is None and not plain) or (old_key is not None and (plain or not cipher.opens_with(src, old_key))):
            result.skipped.append(src)  # made under another key, or not a database: left as it is
            continue
        tmp = src.with_name(f".{src.name}.{os.getpid()}.part")
        try:
            _export_verified(src, old_key, tmp, new_key)
            if ring is not None:
                old_ring = cipher.Keyring.load(src) if old_key is not None else None
                (ring.merged_with(old_ring) if old_ring is not None else ring).save(src)
            os.replace(tmp, src)
            if ring is not None:
                ring.save(src)
            if ring is None:
                cipher.keys_path(src).unlink(missing_ok=True)
            fsync_dir(src.parent)
            result.converted.append(src)
        except (BackupError, OSError, *cipher.read_errors()) as exc:
            log.warning("backup %s was not converted: %s", src.name, exc)
            result.skipped.append(src)
        finally:
            tmp.unlink(missing_ok=True)
            sidecar(tmp, "-journal").unlink(missing_ok=True)
