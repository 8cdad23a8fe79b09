"""encrypt, decrypt, rekey, export decrypt and the password on check/backup, as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plprofile.store import cipher
from plprofile.store.engine import DB_FILENAME, open_store

PASSWORD = "a teacher password"


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("PLPROFILE_")}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=full,
                          input=stdin, timeout=180, check=False)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService

    data = tmp_path_factory.mktemp("cli-enc") / "data"
    store = open_store(data)
    service = ProfileService(store)
    me = teacher_actor(ensure_teacher(store))
    for i in range(3):
        service.add_learner(me, given_name=f"Quintessa{i}", family_name="Test")
    store.close()
    return data / DB_FILENAME


@pytest.fixture
def data(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(template, folder / DB_FILENAME)
    return folder


def test_help_documents_the_encryption_commands():
    out = run("--help").stdout
    for words in ("encrypt", "decrypt", "rekey", "export decrypt", "PLPROFILE_PASSWORD"):
        assert words in out


def test_encrypt_check_backup_rekey_decrypt(data: Path, tmp_path: Path):
    pw = {"PLPROFILE_PASSWORD": PASSWORD}
    made = run("--data-dir", str(data), "encrypt", "--user", "rivera", env=pw)
    assert made.returncode == 0, made.stderr
    assert "RECOVERY KEY" in made.stdout
    recovery = next(line.strip() for line in made.stdout.splitlines() if cipher.normalise_recovery_key(line.strip()))
    assert cipher.looks_encrypted(data / DB_FILENAME)

    # check without the password: "encrypted", not "damaged", and non-zero
    bare = run("--data-dir", str(data), "check")
    assert bare.returncode == 1 and "damaged" not in bare.stderr
    wrong = run("--data-dir", str(data), "check", env={"PLPROFILE_PASSWORD": "wrong password"})
    assert wrong.returncode == 1 and "does not open" in wrong.stderr
    for secret in (PASSWORD, recovery):
        ok = run("--data-dir", str(data), "check", env={"PLPROFILE_PASSWORD": secret})
        assert ok.returncode == 0 and "healthy" in ok.stdout and "encrypted" in ok.stdout

    backed = run("--data-dir", str(data), "backup", "create", env=pw)
    assert backed.returncode == 0 and "encrypted" in backed.stdout
    listed = run("--data-dir", str(data), "backup", "list")
    assert "encrypted" in listed.stdout
    backup = sorted((data / "backups").glob("manual-*.sqlite3"))[0]
    assert b"Quintessa" not in backup.read_bytes()
    restored = run("--data-dir", str(data), "backup", "restore", str(backup), env=pw)
    assert restored.returncode == 0 and "encrypted" in restored.stdout, restored.stderr

    rekeyed = run("--data-dir", str(data), "rekey", "--user", "rivera", env=pw)
    assert rekeyed.returncode == 0 and "RECOVERY KEY" in rekeyed.stdout, rekeyed.stderr
    old = run("--data-dir", str(data), "check", env={"PLPROFILE_PASSWORD": recovery})
    assert old.returncode == 1

    plain = run("--data-dir", str(data), "decrypt", env=pw)
    assert plain.returncode == 0, plain.stderr
    assert run("--data-dir", str(data), "check").returncode == 0


def test_a_protected_backup_round_trip_and_export_decrypt(data: Path, tmp_path: Path):
    env = {"PLPROFILE_PASSPHRASE": "family passphrase"}
    out = tmp_path / "usb"
    out.mkdir()
    made = run("--data-dir", str(data), "backup", "create", "--protect", str(out / "class.plpx"), env=env)
    assert made.returncode == 0, made.stderr
    sealed = out / "class.plpx"
    assert b"Quintessa" not in sealed.read_bytes()
    assert not list((data / "backups").glob("manual-*"))  # no plain copy left behind
    wrong = run("export", "decrypt", str(sealed), "-o", str(tmp_path / "x.sqlite3"),
                env={"PLPROFILE_PASSPHRASE": "not it at all"})
    assert wrong.returncode == 1 and "passphrase" in wrong.stderr and not (tmp_path / "x.sqlite3").exists()
    opened = run("export", "decrypt", str(sealed), "-o", str(tmp_path / "x.sqlite3"), env=env)
    assert opened.returncode == 0 and (tmp_path / "x.sqlite3").read_bytes().startswith(b"SQLite format 3")
    restored = run("--data-dir", str(data), "backup", "restore", str(sealed), env=env)
    assert restored.returncode == 0, restored.stderr


def test_no_password_and_no_terminal_is_a_clear_refusal(data: Path):
    assert run("--data-dir", str(data), "encrypt", env={"PLPROFILE_PASSWORD": PASSWORD}).returncode == 0
    refused = run("--data-dir", str(data), "backup", "create")
    assert refused.returncode == 1 and "PLPROFILE_PASSWORD" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_restoring_a_plain_backup_keeps_the_store_encrypted(data: Path, tmp_path: Path):
    """A plain backup restored over an encrypted store is encrypted under the store's key, never quietly
    decrypted; a plain store comes only when asked for with --unencrypted."""
    plain_backup = tmp_path / "plain.sqlite3"
    assert run("--data-dir", str(data), "backup", "create", str(plain_backup)).returncode == 0
    pw = {"PLPROFILE_PASSWORD": PASSWORD}
    assert run("--data-dir", str(data), "encrypt", env=pw).returncode == 0
    store, keys = data / DB_FILENAME, cipher.keys_path(data / DB_FILENAME)
    key_file = keys.read_bytes()

    restored = run("--data-dir", str(data), "backup", "restore", str(plain_backup), env=pw)
    assert restored.returncode == 0, restored.stderr
    assert "encrypted with the store's key" in restored.stdout
    assert cipher.looks_encrypted(store) and keys.read_bytes() == key_file
    assert b"Quintessa" not in store.read_bytes()
    checked = run("--data-dir", str(data), "check", env=pw)
    assert checked.returncode == 0 and "encrypted" in checked.stdout, checked.stderr

    # without the store's key the library refuses and changes nothing
    from plprofile.services import backup as bk

    before = store.read_bytes()
    with pytest.raises(bk.BackupError, match="is not. Restoring it needs a teacher's password"):
        bk.restore(data, plain_backup)
    assert store.read_bytes() == before and keys.read_bytes() == key_file

    asked = run("--data-dir", str(data), "backup", "restore", "--unencrypted", str(plain_backup), env=pw)
    assert asked.returncode == 0, asked.stderr
    assert "unencrypted as asked" in asked.stdout
    assert cipher.is_plain_sqlite(store) and not keys.exists()
