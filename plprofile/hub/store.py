"""Opening the hub's store: a device store in a folder (SQLite, the app's own engine, migrations and backups)
or a PostgreSQL database by URL (the same tables through the same Alembic scripts), plus the hub's tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from plprofile.store.engine import KNOWN_REVISIONS, SCHEMA_HEAD, Store, StoreError

from . import tables

#: The PostgreSQL advisory lock keys: one for migrations at start, one held by every push while it numbers
#: its changes (so numbers are assigned in commit order; see ``push_lock``).
MIGRATE_LOCK, PUSH_LOCK = 0x706C7031, 0x706C7032


class HubStoreError(StoreError):
    pass


def is_postgres(store: Store) -> bool:
    return store.engine.dialect.name == "postgresql"


def open_hub(data_dir: Path | None = None, database: str | None = None) -> Store:
    """The hub's store: ``database`` (a ``postgresql+psycopg://`` URL) or the SQLite store in ``data_dir``."""
    if database:
        store = _open_postgres(database)
    else:
        from plprofile.store.engine import open_store

        store = open_store(Path(data_dir), check=False)
    tables.metadata.create_all(store.engine, checkfirst=True)
    return store


def _open_postgres(url: str) -> Store:
    if not url.startswith(("postgresql+psycopg://", "postgresql://")):
        raise HubStoreError("--database takes a PostgreSQL address like postgresql+psycopg://USER:PASSWORD@HOST/DB.")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATE_LOCK})  # one process migrates
            has_version = conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar_one()
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_version else None
            if current is not None and current not in KNOWN_REVISIONS:
                raise HubStoreError(f"The database was written by a newer plprofile (schema {current}). Update "
                                    "plprofile on this server; nothing was changed.")
            if current != SCHEMA_HEAD:
                from alembic import command  # start-up of the hub only

                from plprofile.store.migrate import alembic_config

                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            device_id = conn.execute(text("SELECT value FROM meta WHERE key='device_id'")).scalar()
            if device_id is None:
                device_id = uuid.uuid4().hex
                conn.execute(text("INSERT INTO meta(key, value) VALUES ('device_id', :v)"), {"v": device_id})
    except HubStoreError:
        engine.dispose()
        raise
    except Exception as exc:  # a wrong address, a server that is down, a refused password
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise HubStoreError(f"The hub's database cannot be opened: {str(reason).strip().splitlines()[0]}") from exc
    return Store(Path("postgresql"), engine, device_id)


@contextmanager
def push_lock(store: Store) -> Iterator[Session]:
    """A write transaction in which changes are numbered: one at a time across every hub process.

    On PostgreSQL a transaction-level advisory lock, released at commit; on SQLite the write lock that
    ``BEGIN IMMEDIATE`` takes (the store's write transactions). Numbers are therefore handed out in the order
    the transactions commit, and a reader that saw number n has already seen every number below it."""
    with store.transaction() as session:
        if is_postgres(store):
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK})
        yield session


def get_meta(engine_or_session, key: str) -> str | None:  # noqa: ANN001
    return engine_or_session.execute(select(tables.meta.c.value).where(tables.meta.c.key == key)).scalar()


def set_meta(session: Session, key: str, value: str) -> None:
    session.execute(tables.meta.delete().where(tables.meta.c.key == key))
    session.execute(tables.meta.insert().values(key=key, value=value))


def hub_engine(store: Store) -> Engine:
    return store.engine
