"""Damaged stores as the commands and the app's start meet them: a table dropped, an empty or missing file
beside its backups. Real processes; each refusal leaves every file as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from plprofile.store.engine import DB_FILENAME, open_store


def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PLPROFILE_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its digest."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A store with a teacher and learners, and one verified backup of it."""
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.backup import create_backup
    from plprofile.services.profiles import ProfileService

    data = tmp_path_factory.mktemp("damaged-template") / "data"
    store = open_store(data)
    service = ProfileService(store)
    me = teacher_actor(ensure_teacher(store))
    for i in range(3):
        service.add_learner(me, given_name=f"Learner{i}", family_name="Kept")
    store.close()
    create_backup(data, kind="daily")
    return data


@pytest.fixture
def data(tmp_path: Path, template: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    (folder / DB_FILENAME).write_bytes((template / DB_FILENAME).read_bytes())
    for backup in (template / "backups").iterdir():
        (folder / "backups" / backup.name).write_bytes(backup.read_bytes())
    return folder


def drop(path: Path, *tables: str) -> None:
    con = sqlite3.connect(path)
    for table in tables:
        con.execute(f"DROP TABLE {table}")
    con.commit()
    con.close()


# ---- a table dropped ------------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["check_in", "change_log"])
def test_check_names_a_dropped_table_and_changes_nothing(data: Path, table: str):
    drop(data / DB_FILENAME, table)
    before = files(data)
    result = run("--data-dir", str(data), "check")
    assert result.returncode == 1, result.stdout
    assert f"the table {table} is missing" in result.stderr
    assert "healthy" not in result.stdout + result.stderr
    assert files(data) == before


def test_check_names_a_dropped_column_and_index(data: Path):
    con = sqlite3.connect(data / DB_FILENAME)
    con.execute("DROP INDEX ix_learner_group_name")
    con.execute("ALTER TABLE learner DROP COLUMN pronouns")
    con.commit()
    con.close()
    result = run("--data-dir", str(data), "check")
    assert result.returncode == 1
    assert "the column learner.pronouns is missing" in result.stderr
    assert "the index ix_learner_group_name (on learner) is missing" in result.stderr


def test_restore_refuses_a_backup_with_a_table_dropped(data: Path, tmp_path: Path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes((data / DB_FILENAME).read_bytes())
    drop(bad, "change_log")
    before = files(data)
    result = run("--data-dir", str(data), "backup", "restore", str(bad))
    assert result.returncode == 1, result.stdout
    assert "the table change_log is missing" in result.stderr and "cannot be restored" in result.stderr
    assert files(data) == before  # the store as it was, and no copy of it kept for nothing


def test_the_app_refuses_a_store_with_a_table_dropped(data: Path, tmp_path: Path):
    store = data / DB_FILENAME
    drop(store, "check_in")
    before = files(data)
    shot = tmp_path / "shot.png"
    result = run("--data-dir", str(data), "--screenshot", str(shot))
    assert result.returncode != 0
    assert "the table check_in is missing" in result.stderr
    assert "Traceback" not in result.stderr
    assert not shot.exists()
    assert files(data) == before  # nor a -wal or -shm left beside it


# ---- an empty or missing store beside its backups ---------------------------------------------------------
@pytest.mark.parametrize("how", ["empty", "missing"])
def test_the_app_does_not_start_afresh_over_a_lost_store(data: Path, tmp_path: Path, how: str):
    store = data / DB_FILENAME
    if how == "empty":
        store.write_bytes(b"")
    else:
        store.unlink()
    before = files(data)
    shot = tmp_path / "shot.png"
    result = run("--data-dir", str(data), "--screenshot", str(shot))
    assert result.returncode != 0
    assert f"{DB_FILENAME} is {how}" in result.stderr and "backups" in result.stderr
    assert not shot.exists()
    assert files(data) == before
    assert store.exists() == (how == "empty")


def test_an_empty_store_beside_its_wal_or_key_file_is_damage(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILENAME).write_bytes(b"")
    (data / f"{DB_FILENAME}-wal").write_bytes(b"\0" * 32)
    result = run("--data-dir", str(data), "--screenshot", str(tmp_path / "a.png"))
    assert result.returncode != 0 and "write-ahead log" in result.stderr
    assert (data / DB_FILENAME).read_bytes() == b""
    (data / f"{DB_FILENAME}-wal").unlink()
    (data / f"{DB_FILENAME}.keys").write_bytes(b"{}")
    result = run("--data-dir", str(data), "--screenshot", str(tmp_path / "b.png"))
    assert result.returncode != 0 and "key file" in result.stderr
    assert (data / DB_FILENAME).read_bytes() == b""


def test_a_new_folder_still_starts_a_new_store(tmp_path: Path):
    shot = tmp_path / "new.png"
    result = run("--data-dir", str(tmp_path / "new"), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / DB_FILENAME).stat().st_size > 0
