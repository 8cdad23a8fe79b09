"""Opening the SQLite store: pragmas on every connection, schema checks, migrations after a backup."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlmodel import Session

log = logging.getLogger(__name__)

DB_FILENAME = "plprofile.sqlite3"

# What reading a damaged or foreign file can raise. When the damage reaches the schema text, SQLite's own error
# message carries the broken bytes and Python's sqlite3 fails to decode it, raising UnicodeDecodeError instead
# of a DatabaseError.
READ_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, UnicodeDecodeError)
BUSY_TIMEOUT_MS = 5000

#: The code's schema head. A test checks it equals Alembic's head, so it cannot drift.
SCHEMA_HEAD = "0002_class_overview_indexes"
#: Every revision this code knows, oldest first. A store at any other revision is from a newer app.
KNOWN_REVISIONS = ("0001_initial", "0002_class_overview_indexes")

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class StoreError(Exception):
    """The store cannot be opened; the message says why in plain words."""


class NewerStoreError(StoreError):
    pass


class CorruptStoreError(StoreError):
    pass


def _apply_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    # SQLAlchemy, not the driver, decides when a transaction begins (see _begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    for pragma in PRAGMAS:
        cur.execute(pragma)
    cur.close()


def _begin(conn) -> None:  # noqa: ANN001
    """Writes take the write lock up front (BEGIN IMMEDIATE): a second window or process then waits its turn
    and sees the first one's commit, so a stale edit is detected instead of failing half-way."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def make_engine(path: Path) -> Engine:
    """An engine whose every connection runs with WAL, synchronous=FULL, foreign keys and a busy timeout."""
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def read_revision(path: Path) -> str | None:
    """The Alembic revision stored in ``path`` (None for an empty or new file), read without Alembic.

    Opens read-only so that a check never changes the file. Raises CorruptStoreError for a file that is
    not an SQLite database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
    except READ_ERRORS as exc:
        raise CorruptStoreError(
            f"{path.name} is not a readable plprofile store (the file may be damaged or is another kind of file): {exc}."
        ) from exc


def quick_check(path: Path) -> list[str]:
    """``PRAGMA quick_check`` on a read-only connection; an empty list means healthy."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
    except READ_ERRORS as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


class Store:
    """An open store: one SQLite file, its engine and a device id."""

    def __init__(self, path: Path, engine: Engine, device_id: str) -> None:
        self.path = path
        self.engine = engine
        self.write_engine = engine.execution_options(write=True)
        self.device_id = device_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose objects stay usable after commit (the UI holds them)."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back everything on any error."""
        with Session(self.write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def _migrate(path: Path, current: str | None) -> None:
    """Bring the file to SCHEMA_HEAD with Alembic: backup first, foreign keys off, then foreign_key_check."""
    from .migrate import upgrade_to_head  # Alembic is imported only here

    if current is not None:
        from .backup import backup_before_migration

        backup_before_migration(path, current)
    upgrade_to_head(path)


def open_store(data_dir: Path, *, check: bool = True) -> Store:
    """Open (creating or migrating if needed) the store in ``data_dir``.

    A file from a newer app, or one that is not a healthy plprofile store, is never touched. ``check=False``
    leaves out ``PRAGMA quick_check`` (it reads the whole file: 2 s for a school of 10,000 learners) unless
    the store is about to be migrated; the caller then runs ``quick_check`` itself (the app does, in the
    background once its window is up, and says so if the store is damaged).
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"The data folder {data_dir} cannot be created: {exc.strerror}.") from exc
    path = data_dir / DB_FILENAME
    current = read_revision(path)
    if current is not None and (check or current != SCHEMA_HEAD):
        problems = quick_check(path)
        if problems:
            raise CorruptStoreError(
                f"{path.name} failed its health check ({problems[0]}). It was not changed."
            )
    if current is not None and current not in KNOWN_REVISIONS:
        raise NewerStoreError(
            f"{path.name} was written by a newer version of plprofile (schema {current}). "
            "Update plprofile to open it; the file was not changed."
        )
    if current != SCHEMA_HEAD:
        try:
            _migrate(path, current)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"The store in {data_dir} cannot be written: {exc}.") from exc
    engine = make_engine(path)
    device_id = _ensure_device_id(engine)
    return Store(path, engine, device_id)


def _ensure_device_id(engine: Engine) -> str:
    with engine.execution_options(write=True).begin() as conn:
        row = conn.exec_driver_sql("SELECT value FROM meta WHERE key='device_id'").fetchone()
        if row:
            return row[0]
        device_id = uuid.uuid4().hex
        conn.exec_driver_sql("INSERT INTO meta(key, value) VALUES ('device_id', ?)", (device_id,))
        return device_id
