"""``plprofile account set-password NAME``: a roster's teacher gets a password from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import oneroster_sets


def _run(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PLPROFILE_PASSWORD", None)
    if password is not None:
        env["PLPROFILE_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False, stdin=subprocess.DEVNULL)


def test_a_roster_teacher_gets_a_temporary_password_from_the_command_line(tmp_path: Path):
    from plprofile.services.auth import AuthService, SignInError
    from plprofile.store.engine import open_store

    data = tmp_path / "data"
    roster = oneroster_sets.write_folder(oneroster_sets.set_11(), tmp_path / "sis")
    assert _run("--data-dir", str(data), "import", str(roster), "--yes").returncode == 0

    missing = _run("--data-dir", str(tmp_path / "none"), "account", "set-password", "Ana Rivera", password="x" * 12)
    assert missing.returncode == 3
    nobody = _run("--data-dir", str(data), "account", "set-password", "Zoë Moreau", password="long enough pw")
    assert nobody.returncode == 2 and "no teacher or school admin" in nobody.stderr  # a learner is no account here
    before = (data / "plprofile.sqlite3").read_bytes()
    no_terminal = _run("--data-dir", str(data), "account", "set-password", "Ana Rivera")
    assert no_terminal.returncode == 1 and "PLPROFILE_PASSWORD" in no_terminal.stderr
    short = _run("--data-dir", str(data), "account", "set-password", "ana rivera", password="short")
    assert short.returncode == 1 and "Nothing was changed" in short.stderr
    assert (data / "plprofile.sqlite3").read_bytes() == before

    done = _run("--data-dir", str(data), "account", "set-password", "ana rivera", password="from the admin 42")
    assert done.returncode == 0, done.stderr
    assert "'anarivera'" in done.stdout

    store = open_store(data)
    try:
        auth = AuthService(store)
        signed = auth.sign_in("anarivera", "from the admin 42")
        assert signed.must_choose_password and not signed.actor.admin
        try:
            auth.sign_in("anarivera", "another password")
        except SignInError:
            pass
        else:  # pragma: no cover
            raise AssertionError("a wrong password signed in")
    finally:
        store.close()


def test_new_year_from_the_command_line_keeps_snapshots_and_closes_classes(tmp_path: Path):
    import sqlite3

    data = tmp_path / "data"
    roster = oneroster_sets.write_folder(oneroster_sets.set_11(), tmp_path / "sis")
    assert _run("--data-dir", str(data), "import", str(roster), "--yes").returncode == 0
    db = data / "plprofile.sqlite3"

    asked = _run("--data-dir", str(data), "new-year", "2027-2028", "--start", "2027-08-20")
    assert asked.returncode == 1 and "--yes" in asked.stderr and "3 learner profile(s)" in asked.stdout
    early = _run("--data-dir", str(data), "new-year", "2025-2026", "--start", "2025-08-20", "--yes")
    assert early.returncode == 1 and "after the current one" in early.stderr  # the roster's year is 2026-2027
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from year_snapshot").fetchone()[0] == 0

    done = _run("--data-dir", str(data), "new-year", "2027-2028", "--start", "2027-08-20", "--yes")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*), min(title) from year_snapshot").fetchone() == (3, "2026-2027")
        assert con.execute("select count(*) from school_class where closed_at is null").fetchone()[0] == 0
        assert con.execute("select count(*) from school_class").fetchone()[0] == 2
        assert con.execute("select title from academic_session where session_type = 'schoolYear' "
                           "order by start_date desc").fetchone()[0] == "2027-2028"
    assert _run("--data-dir", str(tmp_path / "none"), "new-year", "x", "--start", "2027-08-20").returncode == 3
