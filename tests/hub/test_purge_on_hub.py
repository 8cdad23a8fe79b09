"""`plprofile purge` run on a SQLite hub's own store: the learner leaves the hub's numbered changes too (as
when an erasure is pushed to it), so no byte of their name or words stays in the hub's files, and every
device hears of the erasure at its next sync."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Hub, run
from .test_end_to_end import _held_at, _hub_actor, _open, _sync

pytestmark = pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")

FAMILY = "Vasquez-Thornbury"
WORDS = ["I build marble runs out of cardboard", "Noisy rooms make my head buzz"]


def _holding(folder: Path, words: list[str]) -> list[str]:
    """The files under ``folder`` whose bytes hold one of ``words`` (`grep -a -r -l`)."""
    args = ["grep", "-a", "-r", "-l", "-F"]
    for word in words:
        args += ["-e", word]
    done = subprocess.run([*args, str(folder)], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return sorted(done.stdout.split())


def test_purge_on_the_hub_store_erases_the_learners_changes_too(sqlite_hub: Hub, tmp_path):
    from plprofile.services.profiles import ProfileService

    office, other = tmp_path / "office", tmp_path / "other"
    for folder in (office, other):
        assert run("--data-dir", str(folder), "pair", sqlite_hub.url,
                   sqlite_hub.invite("admin", "Ada Admin")).returncode == 0
    admin = _hub_actor(office)
    store = _open(office)
    profiles = ProfileService(store)
    leaver = profiles.add_learner(admin, given_name="Quinn", family_name=FAMILY)
    stays = profiles.add_learner(admin, given_name="Quinn", family_name="Abernathy")
    profiles.add_entry(admin, leaver.id, "interests", WORDS[0])
    profiles.add_entry(admin, leaver.id, "challenges", WORDS[1], teacher_only=True)
    profiles.add_entry(admin, stays.id, "interests", "Maps of imaginary islands")
    store.close()
    _sync(office)
    _sync(other)
    assert _held_at(other)["learners"] == ["Quinn", "Quinn"]

    sqlite_hub.stop()
    assert _holding(sqlite_hub.folder, [FAMILY, *WORDS])  # the hub held them (its changes, its tables)
    done = run("--data-dir", str(sqlite_hub.folder), "purge", "--learner", f"Quinn {FAMILY}", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert _holding(sqlite_hub.folder, [FAMILY, *WORDS, str(leaver.id), leaver.id.hex]) == []
    assert _holding(sqlite_hub.folder, ["Maps of imaginary islands"])  # the classmate stays

    sqlite_hub.start()
    _sync(other)  # the erasure was numbered on the hub: the other device erases the learner too
    held = _held_at(other)
    assert held["learners"] == ["Quinn"]
    assert [e[1] for e in held["entries"].values()] == ["Maps of imaginary islands"]
    assert _holding(other, [FAMILY, *WORDS]) == []
