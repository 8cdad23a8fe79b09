"""A first look at the store file, before SQLAlchemy loads: may the sign-in screen take a name and password
while the store opens?

Only the standard library's ``sqlite3``, on a read-only connection: nothing is written, nothing is migrated,
and any doubt (no file, an encrypted, damaged or foreign one, a busy one) answers "no", so that the usual
path, which opens the store properly, says what it is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: The store's file name (``store.engine`` uses the same).
DB_FILENAME = "plprofile.sqlite3"


#: A teacher's account is no learner's (learner_id NULL): found through ix_account_learner_id, not by reading
#: past a school's learner accounts (before the first window: README, Performance).
TEACHER_WHO_CAN_SIGN_IN = ("SELECT 1 FROM account WHERE learner_id IS NULL AND kind = 'teacher' "
                           "AND secret_hash IS NOT NULL AND deleted_at IS NULL LIMIT 1")


def ready_to_sign_in(data_dir: Path) -> bool:
    """``data_dir`` holds a plain plprofile store with learners and at least one teacher who can sign in."""
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.1)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            teacher = con.execute(TEACHER_WHO_CAN_SIGN_IN).fetchone()
            learner = con.execute("SELECT 1 FROM learner WHERE deleted_at IS NULL LIMIT 1").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, UnicodeDecodeError, OSError, ValueError):
        return False
    return bool(revision and teacher and learner)
