"""Kill -9 in the middle of saving, many times: the file stays healthy and every reported save is still there.

A child process opens the store with plprofile's ``open_store`` and writes through ``ProfileService`` in a
loop, printing the id of each change only after the commit returned. The test kills it with SIGKILL at a
random moment, then checks ``PRAGMA integrity_check`` and that every id ever reported is in the file.

Starting a fresh Python (and importing SQLAlchemy) for every kill would spend most of the time on imports,
so a small helper process imports everything once and forks one writer per round; each writer opens the
store itself after the fork, exactly as the app does. Kills: ``PLPROFILE_CRASH_KILLS`` (default 100).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from plprofile.store.engine import DB_FILENAME, open_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)"),
]

KILLS = int(os.environ.get("PLPROFILE_CRASH_KILLS", "100"))
#: Longest wait before a kill once the writer has opened the store.
MAX_DELAY = float(os.environ.get("PLPROFILE_CRASH_MAX_DELAY", "0.25"))

HELPER = r'''
import os, random, sys, traceback
from pathlib import Path

from plprofile.domain import profile as d
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store

data_dir = Path(sys.argv[1])
out = sys.stdout


def say(line):
    out.write(line + "\n")
    out.flush()  # one write per line, well under PIPE_BUF: a line is whole or absent


def writer(seed):
    rng = random.Random(seed)
    store = open_store(data_dir)
    service = ProfileService(store)
    me = teacher_actor(ensure_teacher(store))
    say("open")
    n = 0
    while True:
        n += 1
        learner = service.add_learner(me, given_name=f"Round{seed}", family_name=f"L{n}", group_name="crash")
        say(f"learner {learner.id.hex}")
        text = "".join(rng.choice("abcdefghij klmnop") for _ in range(rng.choice((20, 400, 1900))))
        entry = service.add_entry(me, learner.id, d.Section.STRENGTHS, text)
        say(f"entry {entry.id.hex}")
        service.update_learner(me, learner.id, grade=str(n))
        say(f"grade {learner.id.hex} {n}")


say("ready")
for line in sys.stdin:
    command, _, arg = line.strip().partition(" ")
    if command != "go":
        break
    out.flush()
    pid = os.fork()
    if pid == 0:  # the writer: it runs until it is killed
        try:
            writer(int(arg))
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
        finally:
            os._exit(3)
    say(f"child {pid}")
    _, status = os.waitpid(pid, 0)
    say(f"reaped {pid} {status}")
'''


class Helper:
    def __init__(self, data_dir: Path, stderr_path: Path) -> None:
        self.stderr = stderr_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HELPER, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.stderr, text=True, bufsize=1,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError("the helper process died")
        return line.rstrip("\n")

    def start(self, seed: int) -> tuple[int, list[str]]:
        self.proc.stdin.write(f"go {seed}\n")
        self.proc.stdin.flush()
        early: list[str] = []
        while True:
            line = self.readline()
            if line.startswith("child "):
                return int(line.split()[1]), early
            early.append(line)

    def until_reaped(self, pid: int) -> tuple[list[str], int]:
        lines: list[str] = []
        while True:
            line = self.readline()
            if line.startswith(f"reaped {pid} "):
                return lines, int(line.split()[2])
            lines.append(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.stderr.close()


def _check_file(path: Path, learners: set[str], entries: set[str], grades: dict[str, str]) -> None:
    con = sqlite3.connect(path)  # read-write, as the app: this runs WAL recovery
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        stored_learners = {r[0] for r in con.execute("SELECT id FROM learner")}
        stored_entries = {r[0] for r in con.execute("SELECT id FROM profile_entry")}
        missing = (learners - stored_learners) | (entries - stored_entries)
        assert not missing, f"{len(missing)} reported saves are missing, e.g. {sorted(missing)[:3]}"
        stored_grades = dict(con.execute("SELECT id, grade FROM learner WHERE group_name='crash'").fetchall())
        wrong = {k: v for k, v in grades.items() if stored_grades.get(k) != v}
        assert not wrong, f"reported updates lost: {list(wrong.items())[:3]}"
    finally:
        con.close()


def test_sigkill_mid_write_many_times_loses_nothing_reported(tmp_path: Path):
    data_dir = tmp_path / "data"
    open_store(data_dir).close()  # the schema exists before the first kill (see the test below)
    path = data_dir / DB_FILENAME
    rng = random.Random(int(os.environ.get("PLPROFILE_CRASH_SEED", "0")) or None)
    learners: set[str] = set()
    entries: set[str] = set()
    grades: dict[str, str] = {}
    kills = during_writes = 0
    started = time.perf_counter()
    helper = Helper(data_dir, tmp_path / "helper-stderr.txt")
    try:
        for round_no in range(KILLS):
            pid, early = helper.start(round_no)
            reaped: tuple[list[str], int] | None = None
            if rng.random() < 0.2:  # now and then, while it is still opening the store
                time.sleep(rng.uniform(0.0, 0.1))
            else:  # mostly while it is saving: wait until it has opened the store
                while "open" not in early and reaped is None:
                    line = helper.readline()
                    if line.startswith(f"reaped {pid} "):
                        reaped = [], int(line.split()[2])
                    else:
                        early.append(line)
                time.sleep(rng.uniform(0.0, MAX_DELAY))
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:  # it stopped on its own: the status below says how
                pass
            lines, status = reaped or helper.until_reaped(pid)
            stderr = (tmp_path / "helper-stderr.txt").read_text()
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"the writer stopped on its own in round {round_no} (status {status}):\n{stderr[-3000:]}")
            kills += 1
            for line in early + lines:
                kind, *rest = line.split()
                if kind == "learner":
                    learners.add(rest[0])
                elif kind == "entry":
                    entries.add(rest[0])
                elif kind == "grade":
                    grades[rest[0]] = rest[1]
            during_writes += "open" in early + lines
            _check_file(path, learners, entries, grades)
    finally:
        helper.close()
    open_store(data_dir).close()  # and the app opens it as usual
    elapsed = time.perf_counter() - started
    print(f"\ncrash test: survived {kills} SIGKILLs ({during_writes} while writing), "
          f"{len(learners)} learners, {len(entries)} entries and {len(grades)} updates reported and all "
          f"present, {elapsed:.1f} s")
    assert kills == KILLS and kills >= 1
    assert during_writes >= kills // 2, "most kills should land while the writer is saving"
    # at least one save reported for every other kill: on a loaded machine a writer killed early saves none,
    # and one per kill (the bound before) failed once at 99 of 100
    assert len(learners) >= kills // 2, "the writers saved too little for the test to mean much"


KILL_DURING_CREATION = r'''
import os, signal, sys
from pathlib import Path

from sqlalchemy import event

import plprofile.store.migrate as migrate
from plprofile.store.engine import open_store

real_create_engine = migrate.create_engine


def create_engine(*args, **kwargs):
    engine = real_create_engine(*args, **kwargs)

    @event.listens_for(engine, "connect")
    def trace(dbapi_connection, _record):
        def on_statement(sql):
            if sql.lstrip().upper().startswith("CREATE TABLE GOAL"):
                os.kill(os.getpid(), signal.SIGKILL)  # the battery dies half-way through creating the store
        dbapi_connection.set_trace_callback(on_statement)

    return engine


migrate.create_engine = create_engine
open_store(Path(sys.argv[1]))
'''


def test_a_kill_while_creating_the_store_leaves_a_store_that_opens(tmp_path: Path):
    data_dir = tmp_path / uuid.uuid4().hex
    result = subprocess.run([sys.executable, "-c", KILL_DURING_CREATION, str(data_dir)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr
    open_store(data_dir).close()
