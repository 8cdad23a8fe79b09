"""Adding many learners in short transactions that stay all-or-nothing: a journal row in ``meta`` says what to
take back if the work stops half-way (an error, or the app killed), and the next open of the store does it.

One transaction for a whole school held SQLite's single write lock for seconds (a second window's edit waited
and then failed). Here each batch commits on its own, so others write between batches; the learners get ids
derived from one random import id (``uuid5``), so the journal needs only that id and a count to find every row
the import wrote, and no column or table is added to the schema.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import uuid
from collections.abc import Iterator

from sqlalchemy import text
from sqlmodel import Session

log = logging.getLogger(__name__)

#: The ``meta`` key of the journal of an import under way.
JOURNAL_KEY = "import_under_way"
#: Learners taken back per transaction (each also loses its account and change-log rows).
UNDO_BATCH = 500


def learner_ids(import_id: uuid.UUID, count: int) -> list[uuid.UUID]:
    """The ids of the ``count`` learners an import writes, in order."""
    return [uuid.uuid5(import_id, str(i)) for i in range(count)]


def start(session: Session, import_id: uuid.UUID, count: int) -> None:
    """Write the journal, in the transaction that checked the import (before any learner is written)."""
    journal = {"id": import_id.hex, "count": count, "pid": os.getpid(), "host": socket.gethostname()}
    session.execute(text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
                    {"key": JOURNAL_KEY, "value": json.dumps(journal)})


def finish(session: Session) -> None:
    """Remove the journal, in the transaction that writes the last batch: committed together, or not at all."""
    session.execute(text("DELETE FROM meta WHERE key = :key"), {"key": JOURNAL_KEY})


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[str]]:
    for start_at in range(0, len(ids), UNDO_BATCH):
        yield [i.hex for i in ids[start_at:start_at + UNDO_BATCH]]


def undo(store, import_id: uuid.UUID, count: int) -> None:  # noqa: ANN001
    """Take back every learner the import wrote (their accounts and anything added to them go with them: the
    foreign keys cascade; their change-log rows are deleted too), a batch per transaction, then the journal."""
    for chunk in _chunks(learner_ids(import_id, count)):
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        params = {f"i{n}": value for n, value in enumerate(chunk)}
        with store.transaction() as s:
            s.execute(text(f"DELETE FROM change_log WHERE learner_id IN ({marks})"), params)
            s.execute(text(f"DELETE FROM learner WHERE id IN ({marks})"), params)
    with store.transaction() as s:
        s.execute(text("DELETE FROM meta WHERE key = :key AND value LIKE :id"),
                  {"key": JOURNAL_KEY, "id": f'%"{import_id.hex}"%'})


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (this process counts: another window may be importing)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(store) -> bool:  # noqa: ANN001
    """Take back an import that stopped half-way (the app was killed): True if there was one. An import still
    running (in this or another process on this computer) is left alone, and so is one from another computer,
    which is taken back when that computer opens the store."""
    with store.session() as s:
        value = s.execute(text("SELECT value FROM meta WHERE key = :key"), {"key": JOURNAL_KEY}).scalar()
    if value is None:
        return False
    try:
        journal = json.loads(value)
        import_id, count = uuid.UUID(journal["id"]), int(journal["count"])
        pid, host = int(journal["pid"]), str(journal["host"])
    except (ValueError, KeyError, TypeError):
        log.warning("an unreadable import journal was left in the store: %r", value)
        return False
    if host != socket.gethostname() or _alive(pid):
        return False
    log.warning("taking back an import of %d learners that stopped half-way", count)
    undo(store, import_id, count)
    return True
