"""Backups and recovery: create, list, restore, prune, the daily backup on close, and a read-only health check.

Every backup is made with SQLite's online backup API (the app may keep running), written to a hidden
temporary file, checked with ``PRAGMA integrity_check`` and ``foreign_key_check``, and only then given its
name in ``<data dir>/backups/``. A restore validates the backup before it touches anything, keeps a copy of
the store it replaces and swaps the file atomically. No Qt and no Alembic here: the command line uses this
module on a headless server.

Names tell what a backup is: ``manual-20261123T093500Z.sqlite3``, ``daily-...``,
``pre-migration-0001_initial-...`` and ``before-restore-...`` (times in UTC).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from plprofile.store import cipher
from plprofile.store.backup import (
    BACKUP_DIRNAME,
    BEFORE_RESTORE,
    DAILY,
    KINDS,
    MANUAL,
    NAME_RE,
    PRE_MIGRATION,
    SUFFIX,
    BackupError,
    NeedsKeyError,
    Progress,
    connect_readonly,
    copy_database,
    errors_for,
    fsync_dir,
    fsync_file,
    header_problem,
    integrity_problems,
    needs_key_message,
    new_backup_path,
    online_backup,
    os_words,
    parse_stamp,
    sidecar,
    stored_revision,
    verify_file,
)
from plprofile.store.engine import DB_FILENAME, KNOWN_REVISIONS, Store, StoreBusyError
from plprofile.store.schema import describe as describe_schema
from plprofile.store.schema import schema_problems

__all__ = [
    "BEFORE_RESTORE", "DAILY", "KINDS", "MANUAL", "PRE_MIGRATION",
    "BackupError", "BackupInfo", "NeedsKeyError", "CheckResult", "Progress", "RestoreResult",
    "backup_dir", "backup_on_close", "check", "create_backup", "format_size", "latest_good_backup",
    "list_backups", "prune", "restore", "store_path", "validate_backup",
]

log = logging.getLogger(__name__)

#: Check outcomes.
HEALTHY, NEWER, MISSING, DAMAGED, FOREIGN = "healthy", "newer", "missing", "damaged", "foreign"
#: An encrypted store checked without its key: not damaged, but not checked either.
ENCRYPTED = "encrypted"

_IN_USE = "in_use"
_ADVICE = ("The file was not changed. To go back to a backup, see 'plprofile backup list' and "
           "'plprofile backup restore FILE'.")
#: Leftover temporary files (from a backup that was killed) older than this are removed by prune().
_STALE_PART_SECONDS = 24 * 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    #: manual, daily, pre-migration, before-restore, or "other" for a file named by someone else
    kind: str
    #: when it was made (UTC, from the name; the file time for other files)
    created: datetime
    size: int
    #: True: passed integrity_check when written (or now, when listed with ``recheck``); False: it did not
    #: (a damaged store kept before a restore); None: unknown (a file plprofile did not write)
    verified: bool | None
    #: extra words in the name, e.g. the schema revision a pre-migration backup was taken at
    label: str = ""
    #: an SQLCipher file (a backup of an encrypted store), with its key file beside it
    encrypted: bool = False

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class CheckResult:
    path: Path
    #: healthy, newer (healthy, but from a newer app), missing, damaged, foreign (not a plprofile store)
    status: str
    message: str
    problems: tuple[str, ...] = ()
    revision: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in (HEALTHY, NEWER)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    store: Path
    revision: str
    #: the copy of the store that was replaced (None when there was no store)
    kept: BackupInfo | None
    #: the data key of the restored store (None: it is not encrypted)
    key: bytes | None = None


def store_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIRNAME


def format_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # pragma: no cover


def describe(path: Path) -> BackupInfo:
    """What a backup file is, from its name (and its size and time from the file system)."""
    path = Path(path)
    st = path.stat()
    match = NAME_RE.match(path.name)
    encrypted = cipher.looks_encrypted(path)
    if match is None:
        return BackupInfo(path, "other", datetime.fromtimestamp(st.st_mtime, UTC), st.st_size, None,
                          encrypted=encrypted)
    return BackupInfo(path, match["kind"], parse_stamp(match["stamp"]), st.st_size,
                      not match["unverified"], match["label"] or "", encrypted)


# ---- create and list -------------------------------------------------------------------------------
def create_backup(data_dir: Path, dest: Path | None = None, *, kind: str = MANUAL,
                  progress: Progress | None = None, now: datetime | None = None, key: bytes | None = None,
                  label: str = "") -> BackupInfo:
    """Back up the store in ``data_dir`` and verify the copy.

    Without ``dest`` the backup goes to ``<data_dir>/backups/<kind>-<UTC time>.sqlite3``; ``dest`` may name a
    new file or a folder. An existing file is never overwritten. ``progress(remaining, total)`` is called
    with page counts from the thread doing the copy. An encrypted store needs its data ``key``; its backup is
    encrypted too, with a copy of the key file beside it. Raises BackupError in plain words (NeedsKeyError
    for an encrypted store without its key).
    """
    src = store_path(data_dir)
    if not src.exists():
        raise BackupError("no_store_in", folder=data_dir)
    if key is None and cipher.looks_encrypted(src):
        raise NeedsKeyError(needs_key_message(src))
    if dest is None:
        target = new_backup_path(backup_dir(data_dir), kind, now, label)
    else:
        target = Path(dest).expanduser()
        if target.is_dir():
            target = new_backup_path(target, kind, now)
        elif target.exists() or target.is_symlink():
            raise BackupError("exists", path=target)
    online_backup(src, target, progress, key)
    return describe(target)


def list_backups(data_dir: Path, *, recheck: bool = False, key: bytes | None = None) -> list[BackupInfo]:
    """The backups in ``<data_dir>/backups``, newest first. ``recheck`` runs the integrity check on each now
    (an encrypted backup is checked with ``key``; one that key does not open counts as not verified)."""
    folder = backup_dir(data_dir)
    try:
        paths = [p for p in folder.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith(".")]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError("folder_unreadable", folder=folder, reason=exc.strerror or exc) from exc
    infos = []
    for path in paths:
        try:
            if not path.is_file():
                continue
            info = describe(path)
        except OSError:  # removed while we looked
            continue
        if recheck:
            info = replace(info, verified=not verify_file(path, key))
        infos.append(info)
    infos.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return infos


# ---- validate and restore --------------------------------------------------------------------------
def validate_backup(path: Path, key: bytes | None = None) -> str:
    """Check that ``path`` is a healthy plprofile store this version can open; return its schema revision.

    Reads the file through a read-only connection and never changes it. Raises BackupError saying what is
    wrong: not SQLite, cut short, damaged, not a plprofile store, or from a newer version; NeedsKeyError for
    an encrypted file that ``key`` does not open.
    """
    path = Path(path)
    problem = header_problem(path)
    if problem:
        raise BackupError("cannot_restore", problem=problem)
    if cipher.is_plain_sqlite(path):
        key = None
    elif key is None or not cipher.opens_with(path, key):
        raise NeedsKeyError(needs_key_message(path))
    try:
        con = connect_readonly(path, key)
        try:
            problems = integrity_problems(con)
            revision = None if problems else stored_revision(con)
            missing = schema_problems(con, revision) if revision in KNOWN_REVISIONS else []
        finally:
            con.close()
    except errors_for(key) as exc:
        raise BackupError("damaged", name=path.name, detail=exc) from exc
    if problems:
        raise BackupError("damaged", name=path.name, detail=problems[0])
    if revision is None:
        raise BackupError("not_plprofile", name=path.name)
    if revision not in KNOWN_REVISIONS:
        raise BackupError("newer", name=path.name, revision=revision)
    if missing:
        raise BackupError("incomplete_store", name=path.name, missing=describe_schema(missing))
    return revision


def backup_key(path: Path, key: bytes | None = None, secret: str | None = None) -> bytes | None:
    """The data key that opens the backup ``path``: None for a plain file; ``key`` (the open store's) when it
    fits; else unlocked from the key file beside the backup with ``secret`` (a password or recovery key).
    Raises NeedsKeyError when none of these opens it."""
    path = Path(path)
    if cipher.is_plain_sqlite(path) or not cipher.keys_path(path).exists():
        return None
    if key is not None and cipher.opens_with(path, key):
        return key
    if secret:
        try:
            ring = cipher.Keyring.load(path)
            return ring.unlock(secret, accept=lambda k: cipher.opens_with(path, k))
        except cipher.WrongSecretError as exc:
            raise NeedsKeyError("wrong_secret", reason=exc, needs=needs_key_message(path)) from exc
        except cipher.KeyFileError as exc:
            raise BackupError("cannot_restore", problem=exc) from exc
    raise NeedsKeyError(needs_key_message(path))


@contextmanager
def held_aside(store: Store | None) -> Iterator[None]:
    """While the file of the app's open ``store`` is swapped: its connections given back (a worker's read, a
    background sync round finish first) and new ones held back. BackupError when it stays in use."""
    with ExitStack() as aside:
        if store is not None:
            try:
                aside.enter_context(store.set_aside())
            except StoreBusyError as exc:
                raise BackupError(_IN_USE) from exc
        yield


def restore(data_dir: Path, backup_path: Path, *, progress: Progress | None = None, key: bytes | None = None,
            secret: str | None = None, unencrypted: bool = False, app_store: Store | None = None) -> RestoreResult:
    """Replace the store in ``data_dir`` with ``backup_path``, keeping a copy of what it replaces.

    The backup is copied to a temporary file beside the store and fully validated there; only then is the
    current store copied to ``backups/before-restore-...``, released (its WAL folded in and removed, which
    fails if any program has it open) and replaced with one atomic rename. On any failure the store is left
    as it was and BackupError says why. Nothing may have the store open while this runs but ``app_store``,
    the app's own (its connections are held aside while the file is swapped).

    ``key`` is the current store's data key when it is encrypted (used for the copy kept, and tried first on
    an encrypted backup); ``secret`` unlocks an encrypted backup made under another key. An encrypted backup
    restores as an encrypted store with the backup's key file. A plain backup restored over an encrypted store
    keeps the store's protection: the restored copy is encrypted under the store's ``key``, beside its key file
    as it is. Without that key it is refused, unless ``unencrypted`` asks for a plain store on purpose (the key
    file then goes). Over a plain store (or none) a plain backup restores as a plain store.
    """
    data_dir = Path(data_dir)
    backup_path = Path(backup_path).expanduser()
    store = store_path(data_dir)
    if store.exists() and backup_path.exists() and os.path.samefile(store, backup_path):
        raise BackupError("the_store_itself")
    problem = header_problem(backup_path)  # refuse foreign and cut-short files before writing anything
    if problem:
        raise BackupError("cannot_restore", problem=problem)
    new_key = backup_key(backup_path, key, secret)
    if key is not None and not cipher.looks_encrypted(store):
        key = None
    # a plain backup over an encrypted store: encrypted under the store's key, never quietly decrypted
    protect = key if new_key is None and not unencrypted else None
    if new_key is None and not unencrypted and key is None and store.exists() and cipher.looks_encrypted(store):
        raise BackupError("plain_over_encrypted", name=backup_path.name)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(os_words(exc, data_dir)) from exc
    tmp = data_dir / f".{DB_FILENAME}.restore-{os.getpid()}.part"
    plain = data_dir / f".{DB_FILENAME}.restore-{os.getpid()}.plain.part"
    kept: BackupInfo | None = None
    try:
        if new_key is not None:
            cipher.write_durably(cipher.keys_path(tmp), cipher.keys_path(backup_path).read_bytes())
            copy_database(backup_path, tmp, progress, new_key)
        elif protect is not None:
            cipher.write_durably(cipher.keys_path(tmp), cipher.keys_path(store).read_bytes())
            copy_database(backup_path, plain, progress)
            try:
                cipher.export_database(plain, None, tmp, protect)
            except (cipher.CipherError, *cipher.read_errors()) as exc:
                raise BackupError("encrypt_failed", name=backup_path.name, detail=exc) from exc
            plain.unlink()
            new_key = protect
        else:
            copy_database(backup_path, tmp, progress)
        revision = validate_backup(tmp, new_key)  # what is installed is exactly what was checked
        with held_aside(app_store):
            if store.exists():
                kept = _keep_current(data_dir, key)
            try:
                release(store, key)
            except BackupError:
                _remove_copy(kept)
                kept = None
                raise
            fsync_file(tmp)
            if new_key is not None:  # the key file goes first: a plain-looking store ignores a stray key file
                os.replace(cipher.keys_path(tmp), cipher.keys_path(store))
            os.replace(tmp, store)
            if new_key is None:
                cipher.keys_path(store).unlink(missing_ok=True)
            fsync_dir(data_dir)
    except BackupError as exc:
        # the backup's own name where the checks named the temporary copy
        raise type(exc)(exc.code, **{k: str(v).replace(tmp.name, backup_path.name) if isinstance(v, (str, Path))
                                     else v for k, v in exc.arguments.items()}) from exc
    except OSError as exc:
        raise BackupError(os_words(exc, data_dir)) from exc
    finally:
        for path in (tmp, sidecar(tmp, "-journal"), cipher.keys_path(tmp), plain, sidecar(plain, "-journal")):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
    log.info("restored %s from %s (kept %s)", store, backup_path, kept.path if kept else None)
    return RestoreResult(backup_path, store, revision, kept, new_key)


def _keep_current(data_dir: Path, key: bytes | None = None) -> BackupInfo:
    """A copy of the store about to be replaced: verified if it is healthy, its bytes as they are if not."""
    try:
        return create_backup(data_dir, kind=BEFORE_RESTORE, key=key)
    except BackupError as exc:
        log.warning("the store to be replaced does not back up cleanly (%s); keeping its bytes as they are", exc)
    store = store_path(data_dir)
    folder = backup_dir(data_dir)
    dest = new_backup_path(folder, BEFORE_RESTORE, unverified=True)
    tmp = folder / f".{dest.name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(store, tmp)
        fsync_file(tmp)
        wal = sidecar(store, "-wal")
        if wal.exists() and wal.stat().st_size:
            shutil.copyfile(wal, sidecar(dest, "-wal"))  # SQLite reads it along with the copy
        if cipher.looks_encrypted(store):
            shutil.copyfile(cipher.keys_path(store), cipher.keys_path(dest))
        os.replace(tmp, dest)
        fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        sidecar(dest, "-wal").unlink(missing_ok=True)
        cipher.keys_path(dest).unlink(missing_ok=True)
        raise BackupError(os_words(exc, folder)) from exc
    return describe(dest)


def _remove_copy(info: BackupInfo | None) -> None:
    if info is None:
        return
    for path in (info.path, sidecar(info.path, "-wal"), cipher.keys_path(info.path)):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def release(store: Path, key: bytes | None = None) -> None:
    """Fold the WAL into the store and switch it to a rollback journal, so no -wal or -shm is left that
    could be replayed onto the restored file. SQLite refuses the switch while anyone has the file open,
    which is how a store in use is detected. An encrypted store needs its ``key`` for this."""
    if store.exists():
        encrypted = key is not None and not cipher.is_plain_sqlite(store)
        errors = errors_for(key if encrypted else None)
        busy_errors = (sqlite3.OperationalError, *((cipher.dbapi().OperationalError,) if encrypted else ()))
        try:
            con = (cipher.connect(store, key, timeout=1.0, isolation_level=None) if encrypted
                   else sqlite3.connect(store, timeout=1.0, isolation_level=None))
            try:
                mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            finally:
                con.close()
        except busy_errors as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise BackupError(_IN_USE) from exc
            mode = None  # a damaged store: its bytes were kept above
        except errors:
            mode = None
        if mode is not None and str(mode).lower() != "delete":
            raise BackupError(_IN_USE)
    for suffix in ("-wal", "-shm", "-journal"):
        sidecar(store, suffix).unlink(missing_ok=True)


# ---- retention and the daily backup ----------------------------------------------------------------
def prune(data_dir: Path, daily: int = 7, weekly: int = 4) -> list[Path]:
    """Keep the newest daily backup of each of the last ``daily`` days that have one, and of each of the
    last ``weekly`` weeks; delete the other daily backups. Manual, pre-migration and before-restore backups
    are never deleted. Counting is by the backups there are, not the calendar, so a laptop left unused for a
    month still keeps its last week. Returns the deleted paths."""
    dailies = [b for b in list_backups(data_dir) if b.kind == DAILY]  # newest first
    days: list[object] = []
    weeks: list[object] = []
    keep: set[Path] = set()
    for info in dailies:
        local = info.created.astimezone()
        day, week = local.date(), local.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(info.path)
        if week not in weeks and len(weeks) < weekly:
            weeks.append(week)
            keep.add(info.path)
    deleted = []
    for info in dailies:
        if info.path in keep:
            continue
        try:
            info.path.unlink()
            cipher.keys_path(info.path).unlink(missing_ok=True)
            deleted.append(info.path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", info.path, exc)
    _remove_stale_parts(backup_dir(data_dir))
    return deleted


def _remove_stale_parts(folder: Path) -> None:
    try:
        parts = [p for p in folder.iterdir() if p.name.startswith(".") and ".part" in p.name]
    except OSError:
        return
    limit = time.time() - _STALE_PART_SECONDS
    for path in parts:
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


def backup_on_close(data_dir: Path, *, now: datetime | None = None, daily: int = 7,
                    weekly: int = 4, key: bytes | None = None) -> BackupInfo | None:
    """The automatic backup when the app closes: at most one daily backup per (local) day, then prune.

    Returns the new backup, or None when there is no store or today's backup exists. Raises BackupError.
    """
    src = store_path(data_dir)
    if not src.exists() or src.stat().st_size == 0:
        return None
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    if any(b.kind == DAILY and b.created.astimezone().date() == today for b in list_backups(data_dir)):
        return None
    info = create_backup(data_dir, kind=DAILY, now=now, key=key)
    prune(data_dir, daily, weekly)
    return info


def latest_good_backup(data_dir: Path, key: bytes | None = None) -> BackupInfo | None:
    """The newest backup that passes its checks now and that this version can open (None if there is none).
    An encrypted backup counts only if ``key`` opens it."""
    for info in list_backups(data_dir):
        if info.verified is False:
            continue
        try:
            validate_backup(info.path, key)
        except BackupError:
            continue
        return info
    return None


# ---- the health check ------------------------------------------------------------------------------
def check(data_path: Path, key: bytes | None = None) -> CheckResult:
    """Integrity, foreign-key and schema check of a store file (or of the store in a data folder): every table,
    column and index this version's schema has must be there.

    Runs on a read-only connection: the file's bytes and modification time are never changed. An encrypted
    store is checked with its data ``key``; without it (or with a key that does not open it) the status is
    ENCRYPTED, never damaged.
    """
    path = Path(data_path)
    if path.is_dir():
        path = path / DB_FILENAME
    if not path.exists():
        return CheckResult(path, MISSING, f"There is no plprofile store at {path}.")
    problem = header_problem(path)
    if problem:
        return CheckResult(path, DAMAGED, f"{problem} {_ADVICE}", (str(problem),))
    if not cipher.looks_encrypted(path):
        key = None
    elif key is None or not cipher.opens_with(path, key):
        words = "needs" if key is None else "was given a key that does not open it; it needs"
        return CheckResult(path, ENCRYPTED, f"{path} is encrypted and {words} a teacher's password or the "
                                            "recovery key to be checked. It was not changed.")
    try:
        con = connect_readonly(path, key)
        try:
            problems = integrity_problems(con)
            revision = None if problems else stored_revision(con)
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] if not problems else 0
            missing = schema_problems(con, revision) if revision in KNOWN_REVISIONS else []
        finally:
            con.close()
    except errors_for(key) as exc:
        return CheckResult(path, DAMAGED, f"{path.name} is damaged: {exc}. {_ADVICE}", (str(exc),))
    if problems:
        first = problems[0]
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        return CheckResult(path, DAMAGED, f"{path.name} is damaged: {count} found, the first: {first}. {_ADVICE}",
                           tuple(problems))
    if revision is None:
        what = "an SQLite database but not a plprofile store" if tables else "an empty database, not a plprofile store"
        return CheckResult(path, FOREIGN, f"{path} is {what}. It was not changed.")
    if missing:
        count = "1 problem" if len(missing) == 1 else f"{len(missing)} problems"
        return CheckResult(path, DAMAGED, f"{path.name} is not a complete plprofile store: {count} found: "
                                          f"{describe_schema(missing)}. {_ADVICE}", tuple(missing), revision)
    size = format_size(path.stat().st_size)
    if revision not in KNOWN_REVISIONS:
        return CheckResult(path, NEWER, f"{path} is healthy, but was written by a newer version of plprofile "
                                        f"(schema {revision}); update plprofile to open it.", (), revision)
    how = ", encrypted" if key is not None else ""
    return CheckResult(path, HEALTHY, f"{path} is healthy: integrity, foreign keys and schema check out "
                                      f"({size}, schema {revision}{how}).", (), revision)
