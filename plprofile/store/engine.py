"""Opening the SQLite store: pragmas on every connection, schema checks, migrations after a backup."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from . import spans as _spans  # noqa: F401  (every flush keeps the assessments' derived columns right)
from .errors import (  # noqa: F401  (callers import them from the engine too)
    READ_ERRORS,
    CorruptStoreError,
    EncryptedStoreError,
    LostStoreError,
    NewerStoreError,
    StoreBusyError,
    StoreError,
    WrongKeyError,
)
from .peek import DB_FILENAME  # one name for the file, also where SQLAlchemy is not loaded yet
from .revisions import KNOWN_REVISIONS, SCHEMA_HEAD  # noqa: F401  (the store's names for them too)

log = logging.getLogger(__name__)


# What reading a damaged or foreign file can raise. When the damage reaches the schema text, SQLite's own error
# message carries the broken bytes and Python's sqlite3 fails to decode it, raising UnicodeDecodeError instead
# of a DatabaseError.
BUSY_TIMEOUT_MS = 5000
#: How long swapping the store's file (encrypting it, restoring a backup) waits for this app's own readers
#: and writers (a worker's read, a background sync round) to finish before it says the store is in use.
SET_ASIDE_WAIT_S = 30.0
#: How long a write waits in all for a store another program keeps busy before it gives up and says so.
BUSY_RETRY_S = 10.0

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    # What a delete frees is overwritten with zeros, not left readable in the file's free space (erasure).
    "PRAGMA secure_delete=ON",
)


def encrypted_message(path: Path) -> str:
    return (f"{path.name} is encrypted. Unlock it with a teacher's password or the recovery key; "
            "the file was not changed.")


def _apply_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    # SQLAlchemy, not the driver, decides when a transaction begins (see _begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    for pragma in PRAGMAS:
        cur.execute(pragma)
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cur.close()


def _busy(exc: Exception) -> bool:
    words = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in words or "database is busy" in words


def _begin(conn) -> None:  # noqa: ANN001
    """Writes take the write lock up front (BEGIN IMMEDIATE): a second window or process then waits its turn
    and sees the first one's commit, so a stale edit is detected instead of failing half-way.

    A store another program keeps busy is tried again (each try waits up to the busy timeout) for up to
    ``BUSY_RETRY_S``; then StoreBusyError says so in plain words. Nothing was written: the caller keeps what
    the person typed and can try again."""
    if not conn.get_execution_options().get("write"):
        conn.exec_driver_sql("BEGIN")
        return
    deadline = time.monotonic() + BUSY_RETRY_S
    while True:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DBAPIError as exc:
            if not _busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise StoreBusyError(
                    "The store is busy: another plprofile window or program is writing to it (for example "
                    "importing a class). Nothing was saved; try again in a moment.") from exc
            log.info("the store is busy; trying again")


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """An engine whose every connection runs with WAL, synchronous=FULL, foreign keys and a busy timeout.

    With ``key``, every connection is an SQLCipher connection keyed before any other PRAGMA runs.
    """
    if key is None:
        engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
    else:
        from . import cipher

        engine = create_engine(
            f"sqlite:///{path}", module=cipher.dbapi(),
            creator=lambda: cipher.connect(path, key, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000),
        )
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _connect_ro(path: Path, key: bytes | None):  # noqa: ANN202
    """A connection that cannot write to ``path``. With no ``-wal`` beside it (nobody has the store open), the
    file is opened as immutable: a read-only WAL reader would otherwise leave empty ``-wal`` and ``-shm`` files
    behind, beside a file that is then refused."""
    extra = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    if key is None:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro{extra}", uri=True)
    from . import cipher

    return cipher.connect(path, key, readonly=True, uri_extra=extra)


def _read_errors(key: bytes | None) -> tuple[type[Exception], ...]:
    if key is None:
        return READ_ERRORS
    from . import cipher

    return READ_ERRORS + cipher.read_errors()


def read_revision(path: Path, key: bytes | None = None) -> str | None:
    """The Alembic revision stored in ``path`` (None for an empty or new file), read without Alembic.

    Opens read-only so that a check never changes the file. Raises CorruptStoreError for a file that is
    not an SQLite database, EncryptedStoreError for an encrypted one without its key.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    from .cipher import looks_encrypted

    if key is None and looks_encrypted(path):
        raise EncryptedStoreError(encrypted_message(path))
    try:
        con = _connect_ro(path, key)
        try:
            rows = con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchall()
            if not rows:
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise CorruptStoreError(
                        f"{path.name} is an SQLite database but not a plprofile store."
                    )
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            con.close()
    except _read_errors(key) as exc:
        if key is not None:
            from .cipher import opens_with

            if not opens_with(path, key):
                raise WrongKeyError(f"That key does not open {path.name}; the file was not changed.") from exc
        from .cipher import is_plain_sqlite, keys_path

        hint = "" if key is not None or is_plain_sqlite(path) else (
            f" If this store was encrypted, its key file {keys_path(path).name} is missing from beside it.")
        raise CorruptStoreError(
            f"{path.name} is not a readable plprofile store (the file may be damaged or is another kind of file): "
            f"{exc}.{hint}"
        ) from exc


def quick_check(path: Path, key: bytes | None = None) -> list[str]:
    """``PRAGMA quick_check`` on a read-only connection; an empty list means healthy."""
    con = _connect_ro(path, key)
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
    except _read_errors(key) as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def health_check(path: Path, key: bytes | None = None, *, full: bool = False, limit: int = 20) -> list[str]:
    """The check of a store file on a read-only connection: the schema (every table, column and index of the
    code's head), ``PRAGMA quick_check`` (``integrity_check`` with ``full``), then ``foreign_key_check``. An
    empty list means healthy. It reads the whole file: the app runs it on a worker once its window is up,
    without ``full`` (``integrity_check`` also compares every index with its table: seven times as long)."""
    from .schema import schema_problems

    con = _connect_ro(path, key)
    try:
        problems = schema_problems(con)
        if problems:
            return problems
        pragma = f"integrity_check({int(limit)})" if full else f"quick_check({int(limit)})"
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            return rows
        return [f"a row in {table} (row {rowid}) refers to a missing row in {parent}"
                for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchmany(limit)]
    except _read_errors(key) as exc:
        return [str(exc)]
    finally:
        con.close()


def check_schema(path: Path, key: bytes | None, revision: str | None) -> None:
    """Raise CorruptStoreError naming what the store lacks (a table, column or index the code needs); a
    few milliseconds, so it runs on every open."""
    from .schema import describe, schema_problems

    try:
        con = _connect_ro(path, key)
        try:
            problems = schema_problems(con, revision)
        finally:
            con.close()
    except _read_errors(key) as exc:
        problems = [str(exc)]
    if problems:
        raise CorruptStoreError(f"{path.name} is not a complete plprofile store: {describe(problems)}. "
                                "It was not changed.")


def lost_store_problem(path: Path) -> str | None:
    """Why an empty or missing store file is damage rather than a new start: backups, a ``-wal`` or a key
    file lie beside it (what a store that was there leaves). None when it may simply be new."""
    if path.exists() and path.stat().st_size > 0:
        return None
    from .cipher import keys_path

    state = "is empty" if path.exists() else "is missing"
    if Path(f"{path}-wal").exists():
        return f"{path.name} {state}, but its write-ahead log ({path.name}-wal) is still there"
    if keys_path(path).exists():
        return f"{path.name} {state}, but its key file ({keys_path(path).name}) is still there"
    folder = path.parent / "backups"
    try:
        has_backups = any(p.name.endswith(".sqlite3") and not p.name.startswith(".") for p in folder.iterdir())
    except OSError:
        has_backups = False
    if has_backups:
        return f"{path.name} {state}, but there are backups of a store in {folder}"
    return None


class Store:
    """An open store: one SQLite file, its engine and a device id (and its data key when encrypted)."""

    def __init__(self, path: Path, engine: Engine, device_id: str, key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.write_engine = engine.execution_options(write=True)
        self.device_id = device_id
        self.key = key
        #: Bumped on every commit made through this store's engine: what was read before may be stale.
        self.generation = 0
        self._version_con: sqlite3.Connection | None = None  # only for PRAGMA data_version (data_stamp)
        self._version_lock = threading.Lock()
        # set_aside(): how many connections of this store are in use, and who holds the file aside
        self._users = threading.Condition()
        self._in_use = 0
        self._aside_by: int | None = None
        self._watch(engine)

    def _watch(self, engine: Engine) -> None:
        def committed(_conn) -> None:  # noqa: ANN001
            self.generation += 1

        def taken(*_args) -> None:  # noqa: ANN002
            with self._users:
                self._in_use += 1

        def given_back(*_args) -> None:  # noqa: ANN002
            with self._users:
                self._in_use -= 1
                self._users.notify_all()

        event.listen(engine, "commit", committed)
        event.listen(engine, "checkout", taken)
        event.listen(engine, "checkin", given_back)

    def _wait_while_aside(self) -> None:
        with self._users:
            while self._aside_by is not None and self._aside_by != threading.get_ident():
                self._users.wait()

    @contextmanager
    def set_aside(self, timeout: float = SET_ASIDE_WAIT_S) -> Iterator[None]:
        """Hold the file for the caller alone (to swap it): wait until every connection this store lent out
        (a worker's read, a sync round) is given back, make new sessions wait, and close the pool. Sessions
        asked for meanwhile start once the file is given back, on what ``reopen`` pointed the store at.
        StoreBusyError when the store is still in use after ``timeout`` seconds (nothing was set aside)."""
        me = threading.get_ident()
        with self._users:
            if self._aside_by == me:
                yield
                return
            while self._aside_by is not None:
                self._users.wait()
            self._aside_by = me
            if not self._users.wait_for(lambda: self._in_use <= 0, timeout):
                self._aside_by = None
                self._users.notify_all()
                raise StoreBusyError(f"{self.path.name} is still in use by plprofile; nothing was changed.")
        try:
            self.let_go()
            yield
        finally:
            with self._users:
                self._aside_by = None
                self._users.notify_all()

    def data_stamp(self) -> tuple:
        """Changes whenever the data may have: this process's commits, and any commit by any other connection
        or process (SQLite's ``PRAGMA data_version`` on a connection kept for it, which a purge moves as
        surely as an edit). Keys caches of figures read from the whole store."""
        if self.engine.dialect.name != "sqlite":
            return (object(),)  # nothing to watch: never equal, nothing is reused
        self._wait_while_aside()
        with self._version_lock:
            if self._version_con is None:
                if self.key is not None:
                    from . import cipher

                    self._version_con = cipher.connect(self.path, self.key, readonly=True, check_same_thread=False)
                else:
                    self._version_con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                                        check_same_thread=False)
            version = self._version_con.execute("PRAGMA data_version").fetchone()[0]
        return (id(self.engine), self.generation, version)

    def _forget_version(self) -> None:
        with self._version_lock:
            if self._version_con is not None:
                self._version_con.close()
                self._version_con = None

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def reopen(self, key: bytes | None) -> None:
        """Point this store at its file again after the file was swapped (encrypted, decrypted or re-keyed).

        Everything holding this Store keeps working: only the engine underneath is replaced.
        """
        self.engine.dispose()
        self._forget_version()
        self.engine = make_engine(self.path, key)
        self._watch(self.engine)
        self.generation += 1
        self.write_engine = self.engine.execution_options(write=True)
        self.key = key

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose objects stay usable after commit (the UI holds them)."""
        self._wait_while_aside()
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back everything on any error."""
        self._wait_while_aside()
        with Session(self.write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def let_go(self) -> None:
        """Close every connection this store holds to its file (the engine's pool, and the one ``data_stamp``
        keeps), so that the file can be swapped; whatever uses the store next connects again."""
        self._forget_version()
        self.engine.dispose()

    def close(self) -> None:
        self.let_go()


def _migrate(path: Path, current: str | None, key: bytes | None = None) -> None:
    """Bring the file to SCHEMA_HEAD with Alembic: backup first, foreign keys off, then foreign_key_check."""
    from .migrate import upgrade_to_head  # Alembic is imported only here

    if current is not None:
        from .backup import backup_before_migration

        backup_before_migration(path, current, key)
    upgrade_to_head(path, key=key)


def open_store(data_dir: Path, key: bytes | None = None, *, check: bool = True) -> Store:
    """Open (creating or migrating if needed) the store in ``data_dir``.

    A file from a newer app, or one that is not a healthy plprofile store, is never touched. An encrypted
    store without ``key`` raises EncryptedStoreError (it needs a password, it is not damaged); a wrong key
    raises WrongKeyError. ``key`` is ignored for a plain store. ``check=False`` leaves out ``PRAGMA
    quick_check`` (it reads the whole file: 2 s for a school of 10,000 learners) unless the store is about
    to be migrated; the caller then runs ``quick_check`` itself (the app does, in the background once its
    window is up, and says so if the store is damaged).
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"The data folder {data_dir} cannot be created: {exc.strerror}.") from exc
    path = data_dir / DB_FILENAME
    lost = lost_store_problem(path)
    if lost:  # never start afresh over what was a store: the latest good backup is offered instead
        raise LostStoreError(f"{lost}. Nothing was changed: a new, empty store is not made over what was one.")
    from .cipher import is_plain_sqlite, looks_encrypted

    if key is not None and not looks_encrypted(path):
        key = None  # a plain (or new) store
    if key is None and looks_encrypted(path):
        raise EncryptedStoreError(encrypted_message(path))
    if key is not None and not is_plain_sqlite(path):
        from .cipher import opens_with

        if not opens_with(path, key):
            raise WrongKeyError(f"That key does not open {path.name}; the file was not changed.")
    current = read_revision(path, key)
    if current is not None and (check or current != SCHEMA_HEAD):
        problems = quick_check(path, key)
        if problems:
            raise CorruptStoreError(
                f"{path.name} failed its health check ({first_line(problems[0])}). It was not changed."
            )
    if current is not None and current not in KNOWN_REVISIONS:
        raise NewerStoreError(
            f"{path.name} was written by a newer version of plprofile (schema {current}). "
            "Update plprofile to open it; the file was not changed."
        )
    if current is not None:
        check_schema(path, key, current)
    if current != SCHEMA_HEAD:
        try:
            _migrate(path, current, key)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"The store in {data_dir} cannot be written: {exc}.") from exc
        if current is not None:
            check_schema(path, key, SCHEMA_HEAD)
    engine = make_engine(path, key)
    try:
        device_id = _ensure_device_id(engine)
    except DBAPIError as exc:
        engine.dispose()
        problems = quick_check(path, key)
        if problems:  # found by the first read rather than a check up front (``check=False``): the same answer
            raise CorruptStoreError(f"{path.name} failed its health check ({first_line(problems[0])}). "
                                    "It was not changed.") from exc
        raise StoreError(f"The store in {data_dir} cannot be opened: {exc.orig}.") from exc
    store = Store(path, engine, device_id, key)
    from .batches import recover

    recover(store)  # an import the app was killed in the middle of is taken back
    return store


def first_line(problem: str, limit: int = 200) -> str:
    """The first line of an SQLite problem report (``quick_check`` can return a hundred), kept short."""
    line = (problem.strip().splitlines() or [""])[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _ensure_device_id(engine: Engine) -> str:
    with engine.execution_options(write=True).begin() as conn:
        row = conn.exec_driver_sql("SELECT value FROM meta WHERE key='device_id'").fetchone()
        if row:
            return row[0]
        device_id = uuid.uuid4().hex
        conn.exec_driver_sql("INSERT INTO meta(key, value) VALUES ('device_id', ?)", (device_id,))
        return device_id
