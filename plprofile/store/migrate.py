"""Alembic migrations, run at start only when the file's schema is behind the code's head."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def script_head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def all_revisions() -> list[str]:
    """Every revision in the scripts folder, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


class ForeignKeyCheckError(RuntimeError):
    pass


def upgrade_to_head(path: Path, revision: str = "head", key: bytes | None = None) -> None:
    """Upgrade ``path`` with foreign keys off (a batch rebuild must not cascade), then check them.

    All of it runs in one transaction: if the foreign-key check fails, nothing is kept.
    """
    if key is None:
        engine = create_engine(f"sqlite:///{path}")
    else:
        from .cipher import connect, dbapi

        engine = create_engine(f"sqlite:///{path}", module=dbapi(), creator=lambda: connect(path, key))

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.isolation_level = None  # else pysqlite commits each CREATE TABLE on its own
        # (an SQLCipher connection was keyed by its creator before this runs)
        for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=OFF"):
            dbapi_conn.execute(pragma)  # outside any transaction, where SQLite honours them

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise ForeignKeyCheckError(f"foreign key check failed after migration: {bad[:5]}")
    finally:
        engine.dispose()
