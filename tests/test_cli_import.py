"""``plprofile import``: real processes over real files, as scripts and IT staff run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROSTERS = Path(__file__).resolve().parent / "fixtures" / "rosters"


def _run(*args: str, stdin: str | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False, input=stdin)


def _learners(data: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(data / "plprofile.sqlite3") as db:
        return sorted(f"{g} {f}" for g, f in db.execute("select given_name, family_name from learner"))


def test_an_excel_file_imports_into_a_new_store_that_then_opens(tmp_path: Path, qapp):
    data = tmp_path / "data"
    result = _run("--data-dir", str(data), "import", str(ROSTERS / "excel_windows1252_semicolons.csv"),
                  "--yes", "--json")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["encoding"] == "Windows-1252"
    assert {k: counts[k] for k in ("learners_added", "learners_updated", "learners_left", "teachers_added",
                                   "classes_added", "enrollments_added", "enrollments_ended")} == {
        "learners_added": 4, "learners_updated": 0, "learners_left": 0, "teachers_added": 0, "classes_added": 0,
        "enrollments_added": 0, "enrollments_ended": 0}
    assert _learners(data) == ["François Lefèvre", "José Núñez", "Siobhán O’Brien", "Zoë Müller"]
    shot = tmp_path / "shot.png"
    opened = _run("--data-dir", str(data), "--screenshot", str(shot), "--learner", "jose nunez")
    assert opened.returncode == 0, opened.stderr
    assert shot.stat().st_size > 10_000


def test_a_refused_file_writes_nothing(tmp_path: Path):
    data = tmp_path / "data"
    refused = _run("--data-dir", str(data), "import", str(ROSTERS / "bad_workbook.xlsx"), "--yes")
    assert refused.returncode == 2 and "workbook" in refused.stderr and "Nothing was imported" in refused.stderr
    assert not (data / "plprofile.sqlite3").exists()  # not even a store

    assert _run("--data-dir", str(data), "import", str(ROSTERS / "good_class.csv"), "--yes").returncode == 0
    before = (data / "plprofile.sqlite3").read_bytes()
    again = _run("--data-dir", str(data), "import", str(ROSTERS / "good_class.csv"), "--yes")
    assert again.returncode == 2 and "already in the class" in again.stderr
    assert (data / "plprofile.sqlite3").read_bytes() == before


def test_encoding_can_be_named_and_a_wrong_one_is_refused(tmp_path: Path):
    data = tmp_path / "data"
    file = str(ROSTERS / "excel_windows1252_semicolons.csv")
    wrong = _run("--data-dir", str(data), "import", file, "--yes", "--encoding", "utf-8")
    assert wrong.returncode == 2 and "not UTF-8 text" in wrong.stderr
    right = _run("--data-dir", str(data), "import", file, "--yes", "--encoding", "cp1252")
    assert right.returncode == 0, right.stderr
    assert "Siobhán O’Brien" in _learners(data)


def test_without_yes_it_asks_and_a_script_is_told_to_add_yes(tmp_path: Path):
    data = tmp_path / "data"
    result = _run("--data-dir", str(data), "import", str(ROSTERS / "good_class.csv"), stdin="")
    assert result.returncode == 1 and "--yes" in result.stderr
    assert "8 learner(s) to add" in result.stdout
    assert not (data / "plprofile.sqlite3").exists()


def test_a_oneroster_zip_then_the_same_folder_then_a_delta(tmp_path: Path, qapp):
    from tests import oneroster_sets as sets

    data = tmp_path / "data"
    first = _run("--data-dir", str(data), "import", str(sets.write_zip(sets.set_11(), tmp_path / "sis.zip")),
                 "--yes", "--json")
    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)
    assert {k: counts[k] for k in ("learners_added", "learners_updated", "learners_left", "teachers_added",
                                   "classes_added", "enrollments_added", "enrollments_ended")} == {
        "learners_added": 3, "learners_updated": 0, "learners_left": 0, "teachers_added": 2, "classes_added": 2,
        "enrollments_added": 5, "enrollments_ended": 0}
    assert any("enabledUser is “TRUE”" in w for w in counts["warnings"])
    assert _learners(data) == ["José Núñez", "Seán O’Brien", "Zoë Moreau"]  # the guardian is not a learner

    again = _run("--data-dir", str(data), "import", str(sets.write_folder(sets.set_11(), tmp_path / "sis")),
                 "--yes", "--json")
    assert again.returncode == 0, again.stderr
    assert all(v == 0 for k, v in json.loads(again.stdout).items() if k.endswith(("_added", "_updated", "_left",
                                                                                   "_ended")))
    delta = _run("--data-dir", str(data), "import", str(sets.write_zip(sets.delta_11(), tmp_path / "d.zip")),
                 "--yes", "--json")
    assert delta.returncode == 0, delta.stderr
    moved = json.loads(delta.stdout)
    assert (moved["learners_added"], moved["enrollments_ended"], moved["learners_left"]) == (1, 1, 1)

    shot = tmp_path / "zoe.png"  # a store made by import alone opens like any other
    opened = _run("--data-dir", str(data), "--screenshot", str(shot), "--learner", "Zoe Moreau")
    assert opened.returncode == 0, opened.stderr


def test_a_refused_oneroster_set_leaves_the_store_byte_identical(tmp_path: Path):
    from tests import oneroster_sets as sets

    data = tmp_path / "data"
    assert _run("--data-dir", str(data), "import", str(ROSTERS / "good_class.csv"), "--yes").returncode == 0
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    files = sets.set_11()
    files["users.csv"] = files["users.csv"].replace(b"u-jose,", b"u-zoe,")
    refused = _run("--data-dir", str(data), "import", str(sets.write_zip(files, tmp_path / "bad.zip")), "--yes")
    assert refused.returncode == 2
    assert "users.csv, row 3: sourcedId “u-zoe” is also on row 2" in refused.stderr
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before


def test_whoever_sets_up_a_store_made_by_a_roster_import_is_its_school_admin(tmp_path: Path):
    from argon2 import PasswordHasher

    from plprofile.services.auth import AuthService
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store
    from tests import oneroster_sets as sets

    data = tmp_path / "data"
    assert _run("--data-dir", str(data), "import", str(sets.write_zip(sets.set_11(), tmp_path / "s.zip")),
                "--yes").returncode == 0
    store = open_store(data)
    try:
        auth = AuthService(store, PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        assert auth.needs_first_teacher() and not auth.needs_recovery()
        account = auth.create_first_teacher("Head", "head", "correct horse battery")
        assert account.kind == "admin" and account.sourced_id is None
        me = auth.sign_in("head", "correct horse battery").actor
        assert me.admin
        assert len(ProfileService(store).list_learners(me)) == 3  # every learner of every class
    finally:
        store.close()
