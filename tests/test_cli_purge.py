"""Erasing a learner with `plprofile purge`, as a school's leaver routine runs it: real processes, then `grep -a`
over every file the app keeps, the store's journal and the backups included."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from plprofile.domain import profile as d
from plprofile.domain.progress import ElementRating
from plprofile.services import backup as bk
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.auth import AuthService
from plprofile.services.profiles import ProfileService
from plprofile.services.stages import StagesService
from plprofile.store.engine import DB_FILENAME, open_store

pytestmark = pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")

FAMILY = "Vasquez-Thornbury"
#: Every text the leaver wrote or had written about them, each unique in the store.
THEIR_WORDS = ["I build marble runs out of cardboard", "Noisy rooms make my head buzz",
               "Finish the volcano model by Friday", "Glue the base first", "Went better than I thought",
               "Family says the marble run is now in the garage", "Voice grew a lot this term",
               "Likes the quiet corner", "qv-sign-in"]
#: The sibling who stays (same given name, another family name): none of their words may go.
SIBLING_WORDS = ["Maps of imaginary islands", "Draw the island coastline"]
PASSWORD = {"PLPROFILE_PASSWORD": "correct horse battery"}


def run(*args: str, env_extra: dict[str, str] | None = None, stdin: int | None = subprocess.DEVNULL,
        timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PLPROFILE_DATA_DIR", "PLPROFILE_PASSWORD")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          stdin=stdin, timeout=timeout, check=False)


def grep(data: Path, words: list[str]) -> list[str]:
    """`grep -a -r -l` for any of ``words`` in every file under ``data``: the files that still hold one."""
    args = ["grep", "-a", "-r", "-l", "-F"]
    for word in words:
        args += ["-e", word]
    result = subprocess.run([*args, str(data)], capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    return sorted(result.stdout.split())


def fill(data: Path):  # noqa: ANN201
    """A class with the leaver and a sibling; the store is left open (its -wal holds recent pages), and
    daily backups over four weeks, so that daily and weekly ones are kept, plus a manual one."""
    store = open_store(data)
    profiles, auth = ProfileService(store), AuthService(store)
    stages = StagesService(store, profiles)
    me = teacher_actor(ensure_teacher(store))
    leaver = profiles.add_learner(me, given_name="Quinn", family_name=FAMILY, group_name="6B", external_id="S77")
    sibling = profiles.add_learner(me, given_name="Quinn", family_name="Abernathy", group_name="6B")
    for who, words in ((leaver, THEIR_WORDS), (sibling, SIBLING_WORDS)):
        entry = profiles.add_entry(me, who.id, d.Section.INTERESTS, "draft: " + words[0])
        profiles.edit_entry(me, entry.id, words[0])  # the old words are in the change log and free space
    profiles.add_entry(me, leaver.id, d.Section.CHALLENGES, THEIR_WORDS[1])
    goal = profiles.add_goal(me, leaver.id, THEIR_WORDS[2])
    profiles.add_step(me, goal.id, THEIR_WORDS[3])
    profiles.add_checkin(me, goal.id, 4, THEIR_WORDS[4])
    profiles.add_conference(me, leaver.id, date(2026, 11, 2), notes=THEIR_WORDS[5])
    stages.record_assessment(me, leaver.id, date(2026, 11, 2), [ElementRating("voice", 1.0, 1.5, 1.5)],
                             note=THEIR_WORDS[6])
    profiles.add_entry(me, leaver.id, d.Section.ACCESS_WORKS, THEIR_WORDS[7], teacher_only=True)
    auth.set_learner_pin(me, leaver.id, "4821", username=THEIR_WORDS[8])
    profiles.add_goal(me, sibling.id, SIBLING_WORDS[1])
    now = datetime.now(UTC)
    for days_ago in (27, 20, 13, 6, 2, 1):
        assert bk.backup_on_close(data, now=now - timedelta(days=days_ago)) is not None
    bk.create_backup(data)
    return store, leaver


#: Another program with the store open (as a running app would have), whose last write about the leaver is
#: still in the store's -wal when the purge runs, and left the words it replaced in the file's free space.
HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA secure_delete=OFF")  # as an older plprofile, or an SQLite built without it, wrote
con.execute("UPDATE profile_entry SET text = text || ' (again)' WHERE text LIKE 'I build marble runs%'")
print("ready", flush=True)
sys.stdin.readline()
print(con.execute("SELECT count(*) FROM learner").fetchone()[0], flush=True)
"""


def test_purge_erases_the_learner_from_the_store_its_wal_and_every_backup(tmp_path: Path):
    data = tmp_path / "data"
    store, leaver = fill(data)
    store.close()
    kinds = {b.kind for b in bk.list_backups(data)}
    assert kinds == {"daily", "manual"} and len(bk.list_backups(data)) == 7
    # a temporary copy left by a backup that was stopped half-way
    (data / "backups" / ".manual-20261101T000000Z.sqlite3.4242.part").write_bytes(
        bk.list_backups(data)[0].path.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data / DB_FILENAME)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        wal = data / (DB_FILENAME + "-wal")
        assert THEIR_WORDS[0] in wal.read_bytes().decode("utf-8", "replace")  # their words in the journal
        before = grep(data, [FAMILY, *THEIR_WORDS])
        assert str(data / DB_FILENAME) in before and str(wal) in before
        assert len([p for p in before if "/backups/" in p]) == 8  # every backup, and the leftover copy

        result = run("--data-dir", str(data), "purge", "--learner", f"Quinn {FAMILY}", "--yes")
        assert result.returncode == 0, result.stderr
        assert "Erased Quinn Vasquez-Thornbury" in result.stdout and "7 backup(s)" in result.stdout

        assert grep(data, [FAMILY, *THEIR_WORDS]) == []
        assert grep(data, [leaver.id.hex]) == []
        assert wal.exists() and wal.stat().st_size == 0  # still open elsewhere: its journal was emptied
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "1"  # the other program reads on, the sibling is there
    finally:
        holder.kill()
        holder.wait()
    assert grep(data, [FAMILY, *THEIR_WORDS]) == []
    # the sibling and every backup are still there, healthy
    assert len(grep(data, SIBLING_WORDS)) >= 8
    assert len(bk.list_backups(data)) == 7
    assert all(not bk.verify_file(b.path) for b in bk.list_backups(data))
    assert bk.check(data).ok
    store = open_store(data)
    try:
        me = teacher_actor(ensure_teacher(store))
        assert [s.family_name for s in ProfileService(store).list_learners(me)] == ["Abernathy"]
    finally:
        store.close()


def test_an_unknown_or_ambiguous_name_erases_nothing(tmp_path: Path):
    data = tmp_path / "data"
    store, _leaver = fill(data)
    store.close()
    sizes = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    unknown = run("--data-dir", str(data), "purge", "--learner", "Nobody Here", "--yes")
    assert unknown.returncode == 2
    assert "no learner is called 'Nobody Here'" in unknown.stderr and "nothing was erased" in unknown.stderr
    both = run("--data-dir", str(data), "purge", "--learner", "quinn", "--yes")
    assert both.returncode == 2
    assert "2 learners are called 'quinn'" in both.stderr and FAMILY in both.stderr and "Abernathy" in both.stderr
    # without --yes and without a terminal to ask on: refused
    asked = run("--data-dir", str(data), "purge", "--learner", "S77")
    assert asked.returncode == 2 and "--yes" in asked.stderr and "Nothing was erased" in asked.stderr
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == sizes
    assert run("--data-dir", str(tmp_path / "none"), "purge", "--learner", "x", "--yes").returncode == 3


def test_on_a_terminal_it_asks_first(tmp_path: Path):
    pty = pytest.importorskip("pty")
    data = tmp_path / "data"
    store, _leaver = fill(data)
    store.close()
    env = {k: v for k, v in os.environ.items() if k != "PLPROFILE_DATA_DIR"}
    for answer, code in ((b"no\n", 2), (b"erase\n", 0)):
        main, side = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "plprofile", "--data-dir", str(data), "purge", "--learner",
                                 f"quinn {FAMILY}"], stdin=side, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env)
        os.close(side)
        os.write(main, answer)
        out, err = proc.communicate(timeout=120)
        os.close(main)
        assert proc.returncode == code, err
        assert b"7 backup(s)" in out and b"cannot be undone" in out
        assert bool(grep(data, [FAMILY])) is (code != 0)


def test_encrypted_backups_are_rewritten_without_the_learner(tmp_path: Path):
    from plprofile.services import encryption as enc
    from plprofile.store import cipher
    from plprofile.store.erase import holds_learner

    data = tmp_path / "data"
    store, leaver = fill(data)
    store.close()
    enc.encrypt_store(data, "teacher", PASSWORD["PLPROFILE_PASSWORD"])
    backups = bk.list_backups(data)
    assert backups and all(b.encrypted for b in backups)
    result = run("--data-dir", str(data), "purge", "--learner", f"Quinn {FAMILY}", "--yes", env_extra=PASSWORD)
    assert result.returncode == 0, result.stderr
    key = enc.unlock(data, PASSWORD["PLPROFILE_PASSWORD"])
    for path in [data / DB_FILENAME, *(b.path for b in bk.list_backups(data))]:
        con = cipher.connect(path, key, readonly=True)
        try:
            assert not holds_learner(con, leaver.id), path.name
            assert con.execute("SELECT count(*) FROM learner").fetchone()[0] == 1
        finally:
            con.close()
        assert not bk.verify_file(path, key)
    assert grep(data, [FAMILY, *THEIR_WORDS]) == []


def test_a_backup_the_store_key_cannot_open_stops_the_erasure_before_anything_changes(tmp_path: Path):
    data = tmp_path / "data"
    store, _leaver = fill(data)
    store.close()
    odd = data / "backups" / "manual-20260101T000000Z.sqlite3"
    odd.write_bytes(b"\x8f" * 8192)  # ciphertext under a key this store does not have
    from plprofile.store import cipher

    cipher.keys_path(odd).write_text("{}")
    files = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    result = run("--data-dir", str(data), "purge", "--learner", f"Quinn {FAMILY}", "--yes")
    assert result.returncode == 1
    assert odd.name in result.stderr and "Nothing was erased" in result.stderr
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == files
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        assert con.execute("SELECT count(*) FROM learner WHERE family_name = ?", (FAMILY,)).fetchone()[0] == 1
    finally:
        con.close()


def test_help_names_the_command_and_it_loads_no_qt(tmp_path: Path):
    assert "purge --learner NAME [--yes]" in run("--help").stdout
    data = tmp_path / "data"
    store, _leaver = fill(data)
    store.close()
    code = (
        "import sys\n"
        "from plprofile.cli import main\n"
        f"assert main(['--data-dir', {str(data)!r}, 'purge', '--learner', 'S77', '--yes']) == 0\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'matplotlib')))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_purge_erases_a_learner_of_a_class_as_the_school_admin_would(tmp_path: Path):
    """Once a school has classes, a learner in one is the class's teachers' and the admins' alone: the
    command (the admin's tool for erasure requests) erases them anyway, and leaves their classmate."""
    from dataclasses import replace

    from plprofile.services.school import SchoolService

    data = tmp_path / "data"
    store = open_store(data)
    admin = replace(teacher_actor(ensure_teacher(store, "Ada Admin", kind="admin")), admin=True)
    profiles, school = ProfileService(store), SchoolService(store)
    leaver = profiles.add_learner(admin, given_name="Quinn", family_name=FAMILY)
    stays = profiles.add_learner(admin, given_name="Quinn", family_name="Abernathy")
    klass = school.add_class(admin, "6B")
    for who in (leaver, stays):
        school.add_member(admin, klass.id, learner_id=who.id)
    profiles.add_entry(admin, leaver.id, d.Section.INTERESTS, THEIR_WORDS[0])
    profiles.add_entry(admin, stays.id, d.Section.INTERESTS, SIBLING_WORDS[0])
    store.close()

    done = run("--data-dir", str(data), "purge", "--learner", f"Quinn {FAMILY}", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Erased Quinn" in done.stdout
    assert grep(data, [FAMILY, THEIR_WORDS[0]]) == []
    store = open_store(data)
    try:
        left = [x.family_name for x in ProfileService(store).list_learners(admin)]
    finally:
        store.close()
    assert left == ["Abernathy"]
