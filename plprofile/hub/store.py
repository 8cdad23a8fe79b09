"""Opening the hub's store: a device store in a folder (SQLite, the app's own engine, migrations and backups)
or a PostgreSQL database by URL (the same tables through the same Alembic scripts), plus the hub's tables."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from plprofile.store.engine import KNOWN_REVISIONS, SCHEMA_HEAD, Store, StoreError

from . import tables

#: The PostgreSQL advisory lock keys: one for migrations at start, one held by every push from the moment it
#: numbers its changes to its commit (so numbers are assigned in commit order; see ``number_lock``), one a push
#: holds shared when it writes only learners' own rows and alone otherwise, and the space of the one-per-learner
#: locks (see ``push_lock``).
MIGRATE_LOCK, PUSH_LOCK, WHOLE_LOCK, LEARNER_LOCKS = 0x706C7031, 0x706C7032, 0x706C7033, 0x706C7034


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
    with store.engine.begin() as conn:  # once: an erasure numbered with a learner by an older hub names nobody
        if is_postgres(store):  # one process at a time (several may start together)
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATE_LOCK})
        if get_meta(conn, "erasures_name_nobody") is None:
            c = tables.change
            conn.execute(c.update().where(c.c.learner_id.is_not(None), c.c.body.like('%"action":"erase"%'))
                         .values(learner_id=None))
            conn.execute(tables.meta.insert().values(key="erasures_name_nobody", value="1"))
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
def push_lock(store: Store, learners: Sequence[str] | None = None) -> Iterator[Session]:
    """A write transaction for a push (or any write the hub numbers).

    On PostgreSQL: with ``learners`` (a batch of those learners' own rows, ``sync.changes.learners_of``),
    one transaction-level advisory lock per learner, taken in order, and the whole hub's lock shared; without,
    the whole hub's lock alone. Pushes about different learners therefore run side by side, and two about one
    learner, or any push that may touch more (an account, a class, an erasure), one after the other. On
    SQLite the write lock that ``BEGIN IMMEDIATE`` takes (the store's write transactions) does it all.
    Numbering waits its own turn inside (``number_lock``). The locks go at commit."""
    with store.transaction() as session:
        if is_postgres(store):
            if learners is None:
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WHOLE_LOCK})
            else:  # one statement: PostgreSQL takes them from left to right, the learners' in order
                keys = sorted({_learner_key(x) for x in learners})
                calls = ", ".join(f"pg_advisory_xact_lock(:space, :k{i})" for i in range(len(keys)))
                session.execute(text(f"SELECT pg_advisory_xact_lock_shared(:whole){', ' if calls else ''}{calls}"),
                                {"whole": WHOLE_LOCK, "space": LEARNER_LOCKS,
                                 **{f"k{i}": key for i, key in enumerate(keys)}})
        yield session


def _learner_key(learner_id: str) -> int:
    """A learner's lock key: 32 bits of their id's hash (two learners sharing one only wait for each other)."""
    digest = hashlib.blake2b(learner_id.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def number_lock(session: Session) -> None:
    """Wait for the turn to number changes, and keep it to the commit (PostgreSQL; SQLite's writer already
    has it): numbers are handed out in the order transactions commit, so a reader that saw number n has
    already seen every number below it. Taken as late as can be, after the batch's rows are written."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK})


def get_meta(engine_or_session, key: str) -> str | None:  # noqa: ANN001
    return engine_or_session.execute(select(tables.meta.c.value).where(tables.meta.c.key == key)).scalar()


def set_meta(session: Session, key: str, value: str) -> None:
    session.execute(tables.meta.delete().where(tables.meta.c.key == key))
    session.execute(tables.meta.insert().values(key=key, value=value))


def hub_engine(store: Store) -> Engine:
    return store.engine
