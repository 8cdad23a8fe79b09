"""Online backups with SQLite's backup API, each verified with an integrity check before it gets its name.

The low level that the store itself needs (the backup before a migration) and that
``plprofile.services.backup`` builds on: read-only connections that never change a file, the backup naming
scheme, a verified copy written through a temporary file, and plain-word errors for full disks and
read-only folders. Nothing here imports Alembic or Qt.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from plprofile.domain.errors import QT_TRANSLATE_NOOP, UserError

from . import cipher
from .errors import READ_ERRORS, StoreError
from .files import fsync_dir, fsync_file  # noqa: F401  (callers import them from here too)

BACKUP_DIRNAME = "backups"
SUFFIX = ".sqlite3"
#: Inserted before the suffix of a copy that could not be verified (a damaged store kept before a restore).
UNVERIFIED_MARK = ".unverified"
SQLITE_MAGIC = b"SQLite format 3\x00"

#: Backup kinds, as they appear at the start of a backup's file name.
MANUAL, DAILY, PRE_MIGRATION, BEFORE_RESTORE = "manual", "daily", "pre-migration", "before-restore"
KINDS = (MANUAL, DAILY, PRE_MIGRATION, BEFORE_RESTORE)

#: ``manual-20261123T093500Z.sqlite3``, ``pre-migration-0001_initial-20261123T093500Z-2.sqlite3``, ...
NAME_RE = re.compile(
    r"^(?P<kind>manual|daily|pre-migration|before-restore)(?:-(?P<label>.+?))?"
    r"-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?(?P<unverified>\.unverified)?\.sqlite3$"
)
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"

#: ``progress(remaining_pages, total_pages)``, called from the thread doing the copy.
Progress = Callable[[int, int], None]


class BackupError(UserError, StoreError):
    """A backup or restore could not be done. The message says why in plain words, in the reader's language;
    nothing half-written is left. Raised with a code and its arguments, or with another ``UserError`` whose code
    is one of these (``os_words``)."""

    MESSAGES = {
        "folder_not_file": QT_TRANSLATE_NOOP("services", "{path} is a folder, not a file."),
        "no_file": QT_TRANSLATE_NOOP("services", "There is no file at {path}."),
        "unreadable": QT_TRANSLATE_NOOP("services", "{path} cannot be read: {reason}."),
        "empty_file": QT_TRANSLATE_NOOP("services", "{name} is empty."),
        "cut_pages": QT_TRANSLATE_NOOP("services", "{name} is incomplete: it is {size} bytes, not a whole number of "
                                                   "pages (it was probably cut short while being copied)."),
        "foreign": QT_TRANSLATE_NOOP("services", "{name} is not a plprofile store or backup (it is another kind of "
                                                 "file, or badly damaged)."),
        "bad_header": QT_TRANSLATE_NOOP("services", "{name} is damaged (its header is not valid)."),
        "cut_short": QT_TRANSLATE_NOOP("services", "{name} is incomplete: it is {size} bytes but should be "
                                                   "{expected} (it was probably cut short while being copied)."),
        "needs_key": QT_TRANSLATE_NOOP("services", "{name} is encrypted. It needs the password of a teacher who "
                                                   "could open the store it was made from, or that store's "
                                                   "recovery key."),
        "no_space": QT_TRANSLATE_NOOP("services", "There is not enough free space in {folder}. Nothing was written; "
                                                  "free some space and try again."),
        "read_only": QT_TRANSLATE_NOOP("services", "The folder {folder} cannot be written to (it is read-only, or "
                                                   "you do not have permission). Nothing was written."),
        "cannot_write": QT_TRANSLATE_NOOP("services", "{folder} could not be written: {reason}. Nothing was "
                                                      "written."),
        "copy_damaged": QT_TRANSLATE_NOOP("services", "{name} is damaged or is not a plprofile store, so it cannot "
                                                      "be copied."),
        "copy_damaged_detail": QT_TRANSLATE_NOOP("services", "{name} is damaged or is not a plprofile store, so it "
                                                             "cannot be copied ({detail})."),
        "busy": QT_TRANSLATE_NOOP("services", "{name} is busy (another program is writing to it). Try again in a "
                                              "moment."),
        "copy_failed": QT_TRANSLATE_NOOP("services", "The copy of {name} failed: {detail}."),
        "source_unreadable": QT_TRANSLATE_NOOP("services", "{path} cannot be read: {detail}."),
        "no_store_at": QT_TRANSLATE_NOOP("services", "There is no store at {path} to back up."),
        "check_failed": QT_TRANSLATE_NOOP("services", "The backup of {name} did not pass its check ({problem}), so "
                                                      "it was not kept. The store itself may be damaged: run "
                                                      "'plprofile check'."),
        # services.backup: making, listing and restoring backups
        "no_store_in": QT_TRANSLATE_NOOP("services", "There is no store in {folder} to back up."),
        "exists": QT_TRANSLATE_NOOP("services", "{path} already exists. A backup never overwrites a file; choose "
                                                "another name."),
        "folder_unreadable": QT_TRANSLATE_NOOP("services", "The backups folder {folder} cannot be read: {reason}."),
        "cannot_restore": QT_TRANSLATE_NOOP("services", "{problem} It cannot be restored."),
        "damaged": QT_TRANSLATE_NOOP("services", "{name} is damaged ({detail}). It cannot be restored."),
        "not_plprofile": QT_TRANSLATE_NOOP("services", "{name} is not a plprofile backup (it holds no plprofile "
                                                       "data). It cannot be restored."),
        "newer": QT_TRANSLATE_NOOP("services", "{name} was made by a newer version of plprofile, or by another "
                                               "program (schema {revision}). Update plprofile to restore it."),
        "incomplete_store": QT_TRANSLATE_NOOP("services", "{name} is not a complete plprofile store: {missing}. It "
                                                          "cannot be restored."),
        "wrong_secret": QT_TRANSLATE_NOOP("services", "{reason} {needs}"),
        "the_store_itself": QT_TRANSLATE_NOOP("services", "That file is the store itself, not a backup of it."),
        "plain_over_encrypted": QT_TRANSLATE_NOOP("services", "The store is encrypted and {name} is not. Restoring "
                                                              "it needs a teacher's password or the store's "
                                                              "recovery key, so that the restored store is "
                                                              "encrypted too; to restore it unencrypted on purpose, "
                                                              "ask for that explicitly (plprofile backup restore "
                                                              "--unencrypted). Nothing was changed."),
        "encrypt_failed": QT_TRANSLATE_NOOP("services", "{name} could not be encrypted for the store: {detail}. "
                                                        "Nothing was changed."),
        "in_use": QT_TRANSLATE_NOOP("services", "The store is open in plprofile or in another program. Close it and "
                                                "try again; nothing was changed."),
    }

    def __init__(self, code: str | UserError, /, **arguments: object) -> None:
        if isinstance(code, UserError):  # a message made elsewhere (``os_words``), raised as this kind
            arguments = {**code.arguments, **arguments}
            code = code.code
        super().__init__(code, **arguments)


class NeedsKeyError(BackupError):
    """The file is encrypted and the key given (if any) does not open it: ask for a password or recovery key."""


def errors_for(key: bytes | None) -> tuple[type[Exception], ...]:
    """What reading a file can raise: sqlite3's errors, and sqlcipher3's too when a key is in play."""
    return READ_ERRORS if key is None else READ_ERRORS + cipher.read_errors()


def needs_key_message(path: Path) -> BackupError:
    """That ``path`` is encrypted and needs a password or recovery key (a message; raise it as NeedsKeyError)."""
    return BackupError("needs_key", name=Path(path).name)


# ---- names ------------------------------------------------------------------------------------------
def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)


def parse_stamp(text: str) -> datetime:
    return datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=UTC)


def backup_name(kind: str, now: datetime | None = None, label: str = "", n: int = 1,
                unverified: bool = False) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    label = re.sub(r"[^A-Za-z0-9_.]+", "_", label).strip("_.") if label else ""
    parts = [kind, *([label] if label else []), stamp(now), *([str(n)] if n > 1 else [])]
    return "-".join(parts) + (UNVERIFIED_MARK if unverified else "") + SUFFIX


def new_backup_path(folder: Path, kind: str, now: datetime | None = None, label: str = "",
                    unverified: bool = False) -> Path:
    """A name in ``folder`` that no file has yet (two backups in the same second get ``-2``, ``-3``...)."""
    n = 1
    while True:
        path = folder / backup_name(kind, now, label, n, unverified)
        if not path.exists():
            return path
        n += 1


# ---- reading without changing anything ------------------------------------------------------------
def sidecar(path: Path, suffix: str) -> Path:
    """``plprofile.sqlite3`` -> ``plprofile.sqlite3-wal`` (``-shm``, ``-journal``)."""
    return path.with_name(path.name + suffix)


def connect_readonly(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A connection that can never write to ``path`` (an SQLCipher one, keyed, when ``key`` is given).

    When no ``-wal`` file lies beside it (nobody has the store open), the file is opened as immutable, so
    not even the empty ``-wal``/``-shm`` files a read-only WAL reader would otherwise leave behind appear.
    """
    extra = "" if sidecar(Path(path), "-wal").exists() else "&immutable=1"
    if key is not None:
        return cipher.connect(path, key, readonly=True, uri_extra=extra)
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro" + extra, uri=True)


def header_problem(path: Path) -> BackupError | None:
    """What is wrong with ``path`` as an SQLite file, judged from its first 100 bytes; None if nothing is."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            return BackupError("folder_not_file", path=path)
        header = cipher.read_head(path, 100)
    except FileNotFoundError:
        return BackupError("no_file", path=path)
    except OSError as exc:
        return BackupError("unreadable", path=path, reason=exc.strerror or exc)
    if size == 0:
        return BackupError("empty_file", name=name)
    if not header.startswith(SQLITE_MAGIC) and cipher.keys_path(path).exists():
        # An encrypted file: its header is ciphertext too. SQLCipher writes whole 4096-byte pages.
        if size % 4096:
            return BackupError("cut_pages", name=name, size=f"{size:,}")
        return None
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        return BackupError("foreign", name=name)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return BackupError("bad_header", name=name)
    page_count = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    # With a non-empty -wal beside it, pages past the end of the main file may still be in the WAL.
    if counter_valid and page_count and size < page_count * page_size and not _wal_has_pages(path):
        return BackupError("cut_short", name=name, size=f"{size:,}", expected=f"{page_count * page_size:,}")
    return None


def _wal_has_pages(path: Path) -> bool:
    try:
        return sidecar(path, "-wal").stat().st_size > 0
    except OSError:
        return False


def integrity_problems(con: sqlite3.Connection, limit: int = 20) -> list[str]:
    """``PRAGMA integrity_check`` then ``PRAGMA foreign_key_check``, as plain sentences; empty when healthy."""
    rows = [r[0] for r in con.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()]
    if rows != ["ok"]:
        return rows
    problems = []
    for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchmany(limit):
        problems.append(f"a row in {table} (row {rowid}) refers to a missing row in {parent}")
    return problems


def stored_revision(con: sqlite3.Connection) -> str | None:
    """The Alembic revision in an open database; None when it has no plprofile tables at all."""
    if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone():
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


# ---- writing safely --------------------------------------------------------------------------------
def os_words(exc: OSError, folder: Path) -> BackupError:
    """An OSError while writing in ``folder``, in plain words (a message: raise it, or a kind made from it)."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BackupError("no_space", folder=folder)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError("read_only", folder=folder)
    return BackupError("cannot_write", folder=folder, reason=exc.strerror or exc)


def _sqlite_words(exc: Exception, src: Path, folder: Path) -> BackupError:
    if isinstance(exc, UnicodeDecodeError):
        return BackupError("copy_damaged", name=src.name)
    code = getattr(exc, "sqlite_errorcode", None)
    base = code & 0xFF if isinstance(code, int) else None
    if base == sqlite3.SQLITE_FULL:
        return os_words(OSError(errno.ENOSPC, "disk full"), folder)
    if base in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return os_words(OSError(errno.EACCES, "read-only"), folder)
    if base in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return BackupError("copy_damaged_detail", name=src.name, detail=exc)
    if base in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return BackupError("busy", name=src.name)
    return BackupError("copy_failed", name=src.name, detail=exc)


def copy_database(src: Path, dest: Path, progress: Progress | None = None, key: bytes | None = None) -> None:
    """Copy the database ``src`` into the new file ``dest`` with the online backup API.

    ``src`` is only read, through a read-only connection, so a running app can keep working. The copy uses
    a rollback journal (a single self-contained file, no ``-wal``). With ``key`` (an encrypted store) both
    files are SQLCipher files under that key: the copy is encrypted exactly like the store. Raises BackupError
    in plain words.
    """
    src, dest = Path(src), Path(dest)
    folder = dest.parent
    errors = errors_for(key)
    if key is None and cipher.looks_encrypted(src):
        raise NeedsKeyError(needs_key_message(src))
    try:
        source = connect_readonly(src, key)
    except errors as exc:
        raise BackupError("source_unreadable", path=src, detail=exc) from exc
    try:
        try:
            total = source.execute("PRAGMA page_count").fetchone()[0]
        except errors as exc:
            if key is not None and not cipher.opens_with(src, key):
                raise NeedsKeyError(needs_key_message(src)) from exc
            raise BackupError(_sqlite_words(exc, src, folder)) from exc
        try:
            target = cipher.connect(dest, key) if key is not None else sqlite3.connect(dest)
        except errors as exc:
            raise BackupError(_sqlite_words(exc, src, folder)) from exc
        try:
            step = max(256, total // 100) if progress else -1
            report = (lambda _status, remaining, pages: progress(remaining, pages)) if progress else None
            source.backup(target, pages=step, progress=report)
            target.execute("PRAGMA journal_mode=DELETE")
        except errors as exc:
            raise BackupError(_sqlite_words(exc, src, folder)) from exc
        finally:
            target.close()
    finally:
        source.close()


def verify_file(path: Path, key: bytes | None = None) -> list[str]:
    """Integrity and foreign-key check of a database file, read-only; empty when healthy.

    An encrypted file needs its ``key``: without it (or with another one) the answer is that it needs one.
    """
    problem = header_problem(path)
    if problem:
        return [str(problem)]
    if cipher.is_plain_sqlite(path):
        key = None
    elif key is None or not cipher.opens_with(path, key):
        return [str(needs_key_message(path))]
    return _integrity(path, key)


def online_backup(src: Path, dest: Path, progress: Progress | None = None, key: bytes | None = None) -> Path:
    """Copy ``src`` to ``dest`` with the online backup API and verify the copy before it gets its name.

    The copy is written to a hidden temporary file beside ``dest``, checked with ``PRAGMA integrity_check``
    and ``foreign_key_check``, flushed to disk and only then renamed; on any failure the temporary file is
    removed and BackupError says why. The backup of an encrypted store (``key``) is encrypted under the same
    key, and a copy of the store's key file is written beside it first.
    """
    src, dest = Path(src), Path(dest)
    if not src.exists():
        raise BackupError("no_store_at", path=src)
    folder = dest.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(os_words(exc, folder)) from exc
    tmp = folder / f".{dest.name}.{os.getpid()}.part"
    if key is not None and cipher.is_plain_sqlite(src):
        key = None
    try:
        copy_database(src, tmp, progress, key)
        problems = verify_file(tmp, key) if key is None else _integrity(tmp, key)
        if problems:
            raise BackupError("check_failed", name=src.name, problem=problems[0])
        fsync_file(tmp)
        if key is not None:
            try:
                ring = cipher.Keyring.load(src)
            except cipher.KeyFileError as exc:
                raise BackupError("copy_failed", name=src.name, detail=exc) from exc
            ring.save(dest)
        os.replace(tmp, dest)
        fsync_dir(folder)
    except OSError as exc:
        raise BackupError(os_words(exc, folder)) from exc
    finally:
        _remove_quietly(tmp)
        _remove_quietly(sidecar(tmp, "-journal"))
    return dest


def _integrity(path: Path, key: bytes | None) -> list[str]:
    """Integrity and foreign-key problems of ``path`` read with ``key`` (None: a plain file); empty if healthy.
    Also serves a fresh encrypted copy that has no key file beside it yet."""
    try:
        con = connect_readonly(path, key)
        try:
            return integrity_problems(con)
        finally:
            con.close()
    except errors_for(key) as exc:
        return [str(exc)]


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def backup_before_migration(path: Path, revision: str, key: bytes | None = None) -> Path:
    """The verified copy taken before Alembic touches ``path`` (kept for ever by the retention rules)."""
    path = Path(path)
    return online_backup(path, new_backup_path(path.parent / BACKUP_DIRNAME, PRE_MIGRATION, label=revision),
                         key=key)
