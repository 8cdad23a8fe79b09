"""The check and backup commands as people and scripts use them: real processes, exit codes, messages."""

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
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService

    data = tmp_path_factory.mktemp("cli-template") / "data"
    store = open_store(data)
    service = ProfileService(store)
    me = teacher_actor(ensure_teacher(store))
    for i in range(5):
        service.add_learner(me, given_name=f"Learner{i}", family_name="Test")
    store.close()
    return data / DB_FILENAME


@pytest.fixture
def data(tmp_path: Path, template: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_FILENAME).write_bytes(template.read_bytes())
    return folder


def learner_names(store_file: Path) -> set[str]:
    con = sqlite3.connect(store_file)
    try:
        return {r[0] for r in con.execute("SELECT given_name FROM learner")}
    finally:
        con.close()


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for usage in ("plprofile [--data-dir DIR] check", "plprofile [--data-dir DIR] backup create [FILE]",
                  "plprofile [--data-dir DIR] backup list", "plprofile [--data-dir DIR] backup restore FILE"):
        assert usage in result.stdout
    for option in ("--data-dir", "--demo", "--screenshot", "--learner", "--view"):  # the app's options stay
        assert option in result.stdout


def test_the_commands_do_not_load_qt(data: Path):
    code = (
        "import sys\n"
        "from plprofile.cli import main\n"
        f"codes = [main(['--data-dir', {str(data)!r}, 'check']), main(['--data-dir', {str(data)!r}, 'backup', 'list'])]\n"
        "assert codes == [0, 0], codes\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'matplotlib')))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_check_a_healthy_store_exits_0_and_changes_nothing(data: Path):
    store_file = data / DB_FILENAME
    before, mtime, listing = digest(store_file), store_file.stat().st_mtime_ns, sorted(os.listdir(data))
    result = run("--data-dir", str(data), "check")
    assert result.returncode == 0, result.stderr
    assert "healthy" in result.stdout
    assert digest(store_file) == before and store_file.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(data)) == listing
    assert run("check", "--data-dir", str(data)).returncode == 0  # the option also works after the command


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "foreign"])
def test_check_a_bad_store_exits_1_with_a_clear_message_and_changes_nothing(data: Path, damage: str):
    store_file = data / DB_FILENAME
    raw = bytearray(store_file.read_bytes())
    if damage == "corrupt":
        raw[len(raw) // 3: len(raw) // 3 + 8192] = b"\x5a" * 8192
    elif damage == "truncated":
        raw = raw[: len(raw) // 2]
    else:
        raw = bytearray(b"%PDF-1.7 this is a PDF, not a store\n" * 200)
    store_file.write_bytes(bytes(raw))
    before, mtime = digest(store_file), store_file.stat().st_mtime_ns
    result = run("--data-dir", str(data), "check")
    assert result.returncode == 1
    assert result.stderr.startswith("plprofile: ") and "not changed" in result.stderr
    assert {"corrupt": "damaged", "truncated": "incomplete", "foreign": "not a plprofile"}[damage] in result.stderr
    assert digest(store_file) == before and store_file.stat().st_mtime_ns == mtime


def test_check_without_a_store_says_so(tmp_path: Path):
    result = run("--data-dir", str(tmp_path / "nowhere"), "check")
    assert result.returncode == 3
    assert "There is no plprofile store at" in result.stderr
    assert not (tmp_path / "nowhere").exists()  # a check creates nothing


def test_backup_create_list_restore(data: Path, tmp_path: Path):
    store_file = data / DB_FILENAME
    created = run("--data-dir", str(data), "backup", "create")
    assert created.returncode == 0, created.stderr
    assert "verified" in created.stdout
    [made] = list((data / "backups").glob("manual-*.sqlite3"))
    assert str(made) in created.stdout

    named = tmp_path / "usb" / "copy.sqlite3"
    named.parent.mkdir()
    assert run("--data-dir", str(data), "backup", "create", str(named)).returncode == 0
    again = run("--data-dir", str(data), "backup", "create", str(named))
    assert again.returncode == 1 and "already exists" in again.stderr

    listed = run("--data-dir", str(data), "backup", "list")
    assert listed.returncode == 0
    assert made.name in listed.stdout and "manual" in listed.stdout and "yes" in listed.stdout

    original = learner_names(store_file)
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService

    store = open_store(data)
    ProfileService(store).add_learner(teacher_actor(ensure_teacher(store)), given_name="AfterBackup",
                                      family_name="X")
    store.close()

    restored = run("--data-dir", str(data), "backup", "restore", str(made))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    assert learner_names(store_file) == original
    [kept] = list((data / "backups").glob("before-restore-*.sqlite3"))
    assert "AfterBackup" in learner_names(kept)
    assert run("--data-dir", str(data), "check").returncode == 0


def test_restore_refuses_a_bad_file_and_leaves_the_store(data: Path, tmp_path: Path):
    store_file = data / DB_FILENAME
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(store_file.read_bytes()[:10000])
    before = digest(store_file)
    result = run("--data-dir", str(data), "backup", "restore", str(bad))
    assert result.returncode == 1 and "incomplete" in result.stderr and "cannot be restored" in result.stderr
    assert digest(store_file) == before
    assert not (data / "backups").exists()


def test_backup_list_and_create_without_a_store(tmp_path: Path):
    listed = run("--data-dir", str(tmp_path), "backup", "list")
    assert listed.returncode == 0 and "No backups yet" in listed.stdout
    created = run("--data-dir", str(tmp_path), "backup", "create")
    assert created.returncode == 3 and "no store" in created.stderr


def test_backup_needs_an_action_and_gui_options_do_not_mix(data: Path):
    assert run("--data-dir", str(data), "backup").returncode == 2
    mixed = run("--data-dir", str(data), "--demo", "check")
    assert mixed.returncode == 2 and "start the app" in mixed.stderr
