"""Encryption at rest over real files: unlock with a password or the recovery key, refusal without either,
encrypt / re-key / decrypt keeping every row, and encrypted backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plprofile.services import backup as bk
from plprofile.services import encryption as enc
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store import cipher
from plprofile.store.engine import (
    SCHEMA_HEAD,
    CorruptStoreError,
    EncryptedStoreError,
    WrongKeyError,
    open_store,
    read_revision,
)

PASSWORD = "correct horse battery"
NAME = "Xanthippe"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """Argon2id at its floor: the derivation is the same code, only cheaper (one test keeps the real cost)."""
    monkeypatch.setattr(cipher, "KDF_PARAMS", dict(cipher.KDF_FLOOR))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = open_store(folder)
    service = ProfileService(store)
    me = teacher_actor(ensure_teacher(store))
    for i in range(12):
        service.add_learner(me, given_name=f"{NAME}{i}", family_name="Quillfeather")
    store.close()
    return folder


def all_rows(data_dir: Path, key: bytes | None = None) -> dict[str, list[tuple]]:
    """Every row of every table, read through a fresh connection."""
    path = bk.store_path(data_dir)
    con = cipher.connect(path, key, readonly=True) if key is not None else sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        con.close()


def encrypted(data: Path) -> enc.ChangeResult:
    return enc.encrypt_store(data, "rivera", PASSWORD)


def test_encrypting_a_plain_store_keeps_every_row_and_a_backup(data: Path):
    before = all_rows(data)
    result = encrypted(data)
    path = bk.store_path(data)
    assert result.key is not None and cipher.looks_encrypted(path)
    assert all_rows(data, result.key) == before
    assert NAME.encode() not in path.read_bytes()
    # the backup taken first, converted too: no plaintext copy is left in the backups folder
    assert result.backup is not None and result.backup.path in result.converted
    for info in bk.list_backups(data):
        assert info.encrypted and NAME.encode() not in info.path.read_bytes()
        assert bk.validate_backup(info.path, result.key) == SCHEMA_HEAD
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_an_encrypted_store_opens_with_the_password_or_the_recovery_key_and_not_without(data: Path):
    result = encrypted(data)
    # without a key: "encrypted, needs a password", never "damaged"
    with pytest.raises(EncryptedStoreError) as refused:
        open_store(data)
    assert not isinstance(refused.value, CorruptStoreError) and "encrypted" in str(refused.value)
    with pytest.raises(EncryptedStoreError):
        read_revision(bk.store_path(data))
    checked = bk.check(data)
    assert checked.status == bk.ENCRYPTED and not checked.ok and "damaged" not in checked.message

    for secret in (PASSWORD, result.recovery_key, result.recovery_key.lower().replace("-", " ")):
        key = enc.unlock(data, secret)
        assert key == result.key
        store = open_store(data, key)
        try:
            assert store.encrypted
            with store.engine.connect() as con:
                assert con.exec_driver_sql("SELECT count(*) FROM learner").scalar_one() == 12
                # WAL, synchronous=FULL and foreign keys still apply on the SQLCipher connections
                assert con.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
                assert con.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
                assert con.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        finally:
            store.close()
    assert bk.check(data, result.key).status == bk.HEALTHY


def test_a_wrong_password_or_key_is_refused_and_changes_nothing(data: Path):
    encrypted(data)
    path = bk.store_path(data)
    before = path.read_bytes(), cipher.keys_path(path).read_bytes()
    for wrong in ("not the password", "", cipher.new_recovery_key()):
        with pytest.raises(cipher.WrongSecretError):
            enc.unlock(data, wrong)
    with pytest.raises(WrongKeyError):
        open_store(data, cipher.new_data_key())
    assert (path.read_bytes(), cipher.keys_path(path).read_bytes()) == before


def test_a_missing_or_damaged_key_file_is_said_plainly(data: Path):
    encrypted(data)
    keys = cipher.keys_path(bk.store_path(data))
    keys.write_text("{not json")
    with pytest.raises(cipher.KeyFileError, match="damaged"):
        enc.unlock(data, PASSWORD)
    keys.unlink()
    # without its key file the store cannot be told from a damaged file; the message says both
    with pytest.raises(CorruptStoreError, match="key file"):
        open_store(data)


def test_a_tampered_slot_does_not_open(data: Path):
    encrypted(data)
    path = bk.store_path(data)
    ring = cipher.Keyring.load(path)
    for slot in ring.slots:
        slot.wrapped = bytes([slot.wrapped[0] ^ 1]) + slot.wrapped[1:]
    ring.save(path)
    with pytest.raises(cipher.WrongSecretError):
        enc.unlock(data, PASSWORD)


def test_rekey_keeps_every_row_and_retires_the_old_key_and_recovery_key(data: Path):
    first = encrypted(data)
    bk.create_backup(data, key=first.key)
    before = all_rows(data, first.key)
    second = enc.rekey_store(data, first.key, "rivera", PASSWORD)
    assert second.key != first.key and second.recovery_key != first.recovery_key
    assert all_rows(data, second.key) == before
    assert enc.unlock(data, PASSWORD) == second.key
    assert enc.unlock(data, second.recovery_key) == second.key
    with pytest.raises(cipher.WrongSecretError):
        enc.unlock(data, first.recovery_key)
    assert not cipher.opens_with(bk.store_path(data), first.key)
    assert not second.skipped
    for info in bk.list_backups(data):  # every backup now opens with the new key only
        assert cipher.opens_with(info.path, second.key) and not cipher.opens_with(info.path, first.key)
    # the key file holds only the new key's slots once the swap is done
    assert {s.kid for s in cipher.Keyring.load(bk.store_path(data)).slots} == {cipher.key_id(second.key)}


def test_decrypt_keeps_every_row_and_leaves_a_plain_store(data: Path):
    first = encrypted(data)
    before = all_rows(data, first.key)
    result = enc.decrypt_store(data, first.key)
    assert result.key is None and not enc.is_encrypted(data)
    assert not cipher.keys_path(bk.store_path(data)).exists()
    assert all_rows(data) == before
    store = open_store(data)
    store.close()
    assert bk.check(data).status == bk.HEALTHY


def test_an_interrupted_change_leaves_the_store_as_it_was(data: Path, monkeypatch):
    before = all_rows(data)

    def fail(*_a, **_k):
        raise bk.BackupError("simulated: disk full")

    monkeypatch.setattr(bk, "release", fail)
    with pytest.raises(bk.BackupError):
        encrypted(data)
    assert not enc.is_encrypted(data) and all_rows(data) == before
    assert not cipher.keys_path(bk.store_path(data)).exists()
    monkeypatch.undo()
    first = encrypted(data)
    monkeypatch.setattr(bk, "release", fail)
    with pytest.raises(bk.BackupError):
        enc.rekey_store(data, first.key, "rivera", PASSWORD)
    assert enc.unlock(data, PASSWORD) == first.key and enc.unlock(data, first.recovery_key) == first.key


def test_the_app_store_object_follows_the_change(data: Path):
    store = open_store(data)
    try:
        first_stamp = store.data_stamp()  # the app watches the file for changes (a connection of its own)
        result = enc.encrypt_store(data, "rivera", PASSWORD, store=store)
        assert store.data_stamp() != first_stamp
        assert store.key == result.key
        with store.engine.connect() as con:
            assert con.exec_driver_sql("SELECT count(*) FROM learner").scalar_one() == 12
    finally:
        store.close()


def test_backups_of_an_encrypted_store_are_encrypted_and_restore_round_trips(data: Path, tmp_path: Path):
    key = encrypted(data).key
    info = bk.create_backup(data, key=key)
    raw = info.path.read_bytes()
    assert info.encrypted and NAME.encode() not in raw and not raw.startswith(cipher.SQLITE_MAGIC)
    assert cipher.keys_path(info.path).exists()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(info.path).execute("SELECT count(*) FROM learner").fetchall()
    # verifying needs the key
    assert bk.verify_file(info.path, key) == []
    assert bk.verify_file(info.path) and "encrypted" in bk.verify_file(info.path)[0]
    with pytest.raises(bk.NeedsKeyError):
        bk.validate_backup(info.path)
    assert [b.verified for b in bk.list_backups(data, recheck=True, key=key)] == [True] * len(bk.list_backups(data))
    # a backup without a key is refused, not written
    with pytest.raises(bk.NeedsKeyError):
        bk.create_backup(data)
    expected = all_rows(data, key)

    store = open_store(data, key)
    service = ProfileService(store)
    me = teacher_actor(ensure_teacher(store))
    service.add_learner(me, given_name="Later", family_name="Addition")
    store.close()
    assert all_rows(data, key) != expected

    result = bk.restore(data, info.path, key=key)
    assert result.key == key and result.kept is not None and result.kept.encrypted
    assert all_rows(data, key) == expected
    # a copy of the backup elsewhere, under its own key file, restores with a password too
    elsewhere = tmp_path / "usb" / info.name
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(raw)
    cipher.keys_path(elsewhere).write_bytes(cipher.keys_path(info.path).read_bytes())
    with pytest.raises(bk.NeedsKeyError):
        bk.restore(data, elsewhere, key=None)
    assert bk.restore(data, elsewhere, key=key, secret=PASSWORD).key == key


def test_latest_good_backup_and_daily_backup_use_the_key(data: Path):
    key = encrypted(data).key
    assert bk.backup_on_close(data, key=key) is not None
    assert bk.latest_good_backup(data, key) is not None
    assert bk.latest_good_backup(data) is None  # without the key nothing can be vouched for


def test_teacher_slots_are_added_and_rewrapped(data: Path):
    key = encrypted(data).key
    assert not enc.ensure_password_slot(data, key, "rivera", PASSWORD)
    assert enc.ensure_password_slot(data, key, "okafor", "another password")
    assert enc.unlock(data, "another password") == key
    assert enc.ensure_password_slot(data, key, "okafor", "a changed password")  # a changed password rewraps
    assert enc.unlock(data, "a changed password", "okafor") == key
    with pytest.raises(cipher.WrongSecretError):
        enc.unlock(data, "another password")
    assert sorted(enc.slot_labels(data)) == ["okafor", "rivera"]


def test_the_real_key_derivation_costs(data: Path, monkeypatch):
    monkeypatch.setattr(cipher, "KDF_PARAMS", {"time_cost": 3, "memory_cost": 128 * 1024, "parallelism": 4})
    result = encrypted(data)
    slot = cipher.Keyring.load(bk.store_path(data)).slots[0]
    assert slot.params == {"time_cost": 3, "memory_cost": 128 * 1024, "parallelism": 4}
    assert enc.unlock(data, PASSWORD) == result.key


def test_a_key_file_may_not_lower_the_cost_below_the_floor():
    with pytest.raises(cipher.KeyFileError):
        cipher.derive_kek("x" * 10, b"0" * 16, {"time_cost": 1, "memory_cost": 8, "parallelism": 1})


def test_a_teacher_changing_their_password_rewraps_their_key_slot(tmp_path: Path):
    from plprofile.services.auth import AuthService

    folder = tmp_path / "data"
    store = open_store(folder)
    auth = AuthService(store)
    teacher = auth.create_first_teacher("Ms Rivera", "rivera", PASSWORD)
    store.close()
    key = enc.encrypt_store(folder, "rivera", PASSWORD).key
    store = open_store(folder, key)
    try:
        auth = AuthService(store)
        auth.password_hook = lambda user, password: enc.ensure_password_slot(folder, key, user, password)
        actor = auth.sign_in("rivera", PASSWORD).actor
        assert actor.account_id == teacher.id
        auth.change_password(actor, PASSWORD, "a second long phrase")
    finally:
        store.close()
    assert enc.unlock(folder, "a second long phrase", "rivera") == key
    with pytest.raises(cipher.WrongSecretError):
        enc.unlock(folder, PASSWORD, "rivera")


def test_encrypting_waits_for_the_apps_own_read_in_flight(data: Path):
    """The window reads on a worker (the class list read ahead, a refresh) while the teacher encrypts: the
    encryption waits for that read, instead of calling the store "open in another program"."""
    import threading

    from sqlalchemy import text

    store = open_store(data)
    started, release = threading.Event(), threading.Event()

    def read() -> None:
        with store.session() as session:
            session.execute(text("SELECT count(*) FROM learner")).scalar_one()
            started.set()
            release.wait(10)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert started.wait(10)
        threading.Timer(0.5, release.set).start()
        result = enc.encrypt_store(data, "rivera", PASSWORD, store=store)
        reader.join(10)
        assert store.key == result.key and cipher.looks_encrypted(bk.store_path(data))
        with store.session() as session:
            assert session.execute(text("SELECT count(*) FROM learner")).scalar_one() == 12
    finally:
        release.set()
        store.close()
