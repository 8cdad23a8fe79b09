"""Erasing a learner from the bytes of a file: the store after a purge, and each backup rewritten without them.

A deleted row leaves its bytes behind in SQLite's free space, and a WAL file keeps old versions of pages. So
after the rows are deleted (with ``secure_delete``, which zeroes what a delete frees) the file is rebuilt
with VACUUM, which leaves no free page from before, and the WAL is checkpointed and truncated to nothing.
The deletes here are plain SQL over whatever tables a file has, so a backup at an older schema revision is
erased the same way. No Alembic and no Qt.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from pathlib import Path

from sqlalchemy.engine import Engine

from plprofile.domain.errors import QT_TRANSLATE_NOOP

from . import cipher
from .backup import BackupError, copy_database, fsync_dir, fsync_file, integrity_problems, sidecar

#: How long a checkpoint may wait for readers to finish before the store is reported as still holding them.
CHECKPOINT_TRIES = 20


#: Tables kept as they are (an erasure's memory holds only a one-way token of the id, no learner_id column).
KEEP: tuple[str, ...] = ()


class EraseError(BackupError):
    """A file could not be rewritten without the learner; the message says which and why (a code and its
    arguments, translated where it is read)."""

    MESSAGES = {
        **BackupError.MESSAGES,
        "wal_busy": QT_TRANSLATE_NOOP("services", "The learner is deleted, but another program is still reading the "
                                                  "store, so the store's journal (-wal) could not be emptied yet. "
                                                  "Close the other program and erase again."),
        "still_there": QT_TRANSLATE_NOOP("services", "{name} could not be rewritten without the learner ({problem}); "
                                                     "it was left as it was."),
        "rewrite_failed": QT_TRANSLATE_NOOP("services", "{name} could not be rewritten without the learner: "
                                                        "{reason}. It was left as it was."),
        "backups_locked": QT_TRANSLATE_NOOP("services", "Nothing was erased: these backups cannot be opened with this "
                                                        "store's key, so {name} could not be removed from them: "
                                                        "{files}. Move them off this computer or delete them, then "
                                                        "erase again."),
        "backups_left": QT_TRANSLATE_NOOP("services", "{name} is erased from the store and from {n} backup(s), but "
                                                      "not from these: {problems}"),
    }


def _hex(learner_id: uuid.UUID | str) -> str:
    return uuid.UUID(str(learner_id)).hex


def delete_learner_rows(con, learner_id: uuid.UUID | str) -> int:  # noqa: ANN001
    """Delete every row about the learner from an open database (any schema revision) whose foreign keys are
    off: their row, every row of a table with a ``learner_id`` column, and change-log rows about them or
    written by their account. Returns how many rows went. The caller commits."""
    lid = _hex(learner_id)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()]
    columns = {t: {r[1] for r in con.execute(f'PRAGMA table_info("{t}")').fetchall()} for t in tables}
    accounts = ([r[0] for r in con.execute("SELECT id FROM account WHERE learner_id = ?", (lid,)).fetchall()]
                if "learner_id" in columns.get("account", ()) else [])
    removed = 0
    if "change_log" in columns:
        where, args = ["learner_id = ?"], [lid]
        for column in ("author_id", "signed_in_id"):
            if accounts and column in columns["change_log"]:
                where.append(f"{column} IN ({','.join('?' * len(accounts))})")
                args += accounts
        removed += con.execute(f"DELETE FROM change_log WHERE {' OR '.join(where)}", args).rowcount
    # Foreign keys are off on these connections (SQLite's default), so the order does not matter;
    # foreign_key_check afterwards proves nothing was left pointing at a row that went.
    for table in tables:
        if "learner_id" in columns[table] and table not in ("change_log", "learner", *KEEP):
            removed += con.execute(f'DELETE FROM "{table}" WHERE learner_id = ?', (lid,)).rowcount
    if "learner" in columns:
        removed += con.execute("DELETE FROM learner WHERE id = ?", (lid,)).rowcount
    if {"learner_id", "body"} <= columns.get(HUB_CHANGES, set()):
        removed += con.execute(*_hub_changes("DELETE", lid, accounts)).rowcount
    return removed


#: A school hub's numbered changes (a hub's store and its backups): ids written with dashes, the change as JSON.
HUB_CHANGES = "hub_change"


def _hub_changes(verb: str, lid: str, accounts: list[str]) -> tuple[str, list[str]]:
    """A statement over the hub's numbered changes about the learner: tied to them, or naming them or one of
    their accounts, except the erasures (which carry a one-way token, no id)."""
    names = [str(uuid.UUID(x)) for x in (lid, *accounts)]
    where = " OR ".join(["learner_id = ?"] + ["body LIKE ?"] * len(names))
    head = "DELETE FROM" if verb == "DELETE" else "SELECT 1 FROM"
    return (f"{head} {HUB_CHANGES} WHERE ({where}) AND body NOT LIKE '%\"action\":\"erase\"%'",
            [names[0], *(f"%{n}%" for n in names)])


def holds_learner(con, learner_id: uuid.UUID | str) -> bool:  # noqa: ANN001
    """Whether any row of the open database is about the learner."""
    lid = _hex(learner_id)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()]
    for table in tables:
        cols = {r[1] for r in con.execute(f'PRAGMA table_info("{table}")').fetchall()}
        if table == HUB_CHANGES and {"learner_id", "body"} <= cols:
            statement, args = _hub_changes("SELECT", lid, [])
            if con.execute(statement + " LIMIT 1", args).fetchone():
                return True
            continue
        column = "id" if table == "learner" else "learner_id" if "learner_id" in cols and table not in KEEP else None
        if column and con.execute(f'SELECT 1 FROM "{table}" WHERE {column} = ? LIMIT 1', (lid,)).fetchone():
            return True
    return False


def scrub_store(engine: Engine) -> None:
    """Rebuild the store's file (VACUUM) and fold the WAL into it, truncating the ``-wal`` to nothing, so that
    no byte of what was deleted stays in either. Raises EraseError when another program keeps reading the
    store so long that the WAL cannot be emptied."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA secure_delete=ON")
        raw.execute("VACUUM")
        for _ in range(CHECKPOINT_TRIES):
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
            time.sleep(0.25)
    raise EraseError("wal_busy")


def rewrite_without(path: Path, learner_id: uuid.UUID | str, key: bytes | None,
                    words: list[bytes] | None = None) -> bool:
    """Rewrite the backup ``path`` without the learner, verified, under the same key; False when it holds
    nothing about them (it is left as it is).

    The copy is made with the backup API into a hidden file beside it, the rows deleted (``secure_delete``),
    the copy rebuilt with VACUUM, then checked (integrity, foreign keys, no row about the learner and, for a
    plain file, none of ``words`` left in its bytes) and only then put in the backup's place. On any failure
    the backup is as it was and EraseError says why.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.erase-{os.getpid()}.part")
    errors = (sqlite3.Error, UnicodeDecodeError, OSError, *(cipher.read_errors() if key is not None else ()))
    try:
        copy_database(path, tmp, key=key)
        con = cipher.connect(tmp, key, isolation_level=None) if key is not None else sqlite3.connect(
            tmp, isolation_level=None)
        try:
            if not holds_learner(con, learner_id):
                return False
            con.execute("PRAGMA secure_delete=ON")
            con.execute("BEGIN IMMEDIATE")
            delete_learner_rows(con, learner_id)
            con.execute("COMMIT")
            con.execute("VACUUM")
            problems = integrity_problems(con)
            if not problems and holds_learner(con, learner_id):
                problems = ["rows about the learner are still there"]
        finally:
            con.close()
        if not problems and key is None and words:
            data = tmp.read_bytes()
            problems = [f"the words {w.decode('utf-8', 'replace')!r} are still in its bytes" for w in words
                        if w and w in data][:1]
        if problems:
            raise EraseError("still_there", name=path.name, problem=problems[0])
        fsync_file(tmp)
        os.replace(tmp, path)
        for suffix in ("-wal", "-shm", "-journal"):  # a copy kept with its WAL: that WAL held them too
            sidecar(path, suffix).unlink(missing_ok=True)
        fsync_dir(path.parent)
        return True
    except BackupError as exc:
        if isinstance(exc, EraseError):
            raise
        raise EraseError("rewrite_failed", name=path.name, reason=exc) from exc
    except errors as exc:
        raise EraseError("rewrite_failed", name=path.name, reason=str(exc)) from exc
    finally:
        for leftover in (tmp, sidecar(tmp, "-journal")):
            leftover.unlink(missing_ok=True)
