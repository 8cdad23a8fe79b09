"""Reading a store's first bytes while it is open never drops SQLite's locks on it.

On POSIX, closing any descriptor of a file drops every lock the process holds on that file. Were the header read
with open()/close() while the store is open, another process closing its last connection would think itself the
last one and delete the -wal under the running app (SQLite's "How To Corrupt An SQLite Database File", 2.2).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from plprofile.store import cipher
from plprofile.store.backup import header_problem

OTHER_PROCESS = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("SELECT count(*) FROM t").fetchone()
con.close()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks")
@pytest.mark.parametrize("read", [cipher.looks_encrypted, cipher.is_plain_sqlite, header_problem])
def test_the_open_store_keeps_its_wal_when_its_header_is_read(tmp_path, read):
    db = tmp_path / "plprofile.sqlite3"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    con.execute("SELECT count(*) FROM t").fetchone()  # this process now holds its shared lock
    wal = db.with_name(db.name + "-wal")
    assert wal.exists()
    read(db)
    read(db)
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(db)], check=True, timeout=60)
    assert wal.exists(), "another process deleted the -wal of a store this process has open"
    assert con.execute("SELECT count(*) FROM t").fetchone() == (1,)
    con.close()
