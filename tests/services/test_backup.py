"""Backups and recovery over real SQLite files: create, verify, list, restore, retention, the health check."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plprofile.services import backup as bk
from plprofile.services.demo import generate_demo
from plprofile.store import backup as store_backup
from plprofile.store.engine import DB_FILENAME, SCHEMA_HEAD, open_store


# ---- helpers -------------------------------------------------------------------------------------------
def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read-only."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def files_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def make_store(data_dir: Path, learners: int = 2) -> Path:
    store = open_store(data_dir)
    try:
        generate_demo(store, learners=learners)
    finally:
        store.close()
    return data_dir / DB_FILENAME


def add_learner(data_dir: Path, name: str) -> None:
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService

    store = open_store(data_dir)
    try:
        ProfileService(store).add_learner(teacher_actor(ensure_teacher(store)), given_name=name, family_name="X")
    finally:
        store.close()


def corrupt(path: Path, at: float = 0.5, length: int = 4096) -> None:
    data = bytearray(path.read_bytes())
    start = int(len(data) * at)
    data[start:start + length] = os.urandom(length)
    path.write_bytes(bytes(data))


def running_as_root_ignores_permissions(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """One demo store per module (made through the app's own paths), copied for each test."""
    return make_store(tmp_path_factory.mktemp("template") / "data")


@pytest.fixture
def data(tmp_path: Path, template: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template, folder / DB_FILENAME)
    return folder


# ---- create, verify, list --------------------------------------------------------------------------
def test_backup_is_a_verified_copy_with_a_clear_name(data: Path):
    calls: list[tuple[int, int]] = []
    info = bk.create_backup(data, progress=lambda remaining, total: calls.append((remaining, total)))
    assert info.path.parent == data / "backups"
    assert info.name.startswith("manual-") and info.name.endswith(".sqlite3")
    assert info.kind == "manual" and info.verified is True and info.size == info.path.stat().st_size
    assert abs(info.created - datetime.now(UTC)) < timedelta(minutes=1)
    assert snapshot(info.path) == snapshot(data / DB_FILENAME)
    assert bk.check(info.path).ok
    assert calls and calls[-1][0] == 0 and all(total == calls[0][1] for _r, total in calls)
    # a self-contained file: rollback journal, nothing beside it, no temporary files left
    assert info.path.read_bytes()[18:20] == b"\x01\x01"
    assert files_in(data / "backups") == {info.name}


def test_backup_of_an_open_store_includes_what_is_still_in_its_wal(tmp_path: Path, store, profiles, teacher):
    profiles.add_learner(teacher, given_name="Only", family_name="InTheWal")
    assert (store.path.with_name(store.path.name + "-wal")).stat().st_size > 0
    info = bk.create_backup(store.path.parent)
    con = sqlite3.connect(info.path)
    assert con.execute("SELECT count(*) FROM learner WHERE family_name='InTheWal'").fetchone()[0] == 1
    con.close()


def test_backup_to_a_named_file_never_overwrites(data: Path, tmp_path: Path):
    target = tmp_path / "usb" / "class-5a.sqlite3"
    target.parent.mkdir()
    info = bk.create_backup(data, target)
    assert info.path == target and info.kind == "other"
    before = digest(target)
    with pytest.raises(bk.BackupError, match="already exists"):
        bk.create_backup(data, target)
    assert digest(target) == before
    # a folder gets a generated name inside it
    assert bk.create_backup(data, target.parent).path.parent == target.parent


def test_two_backups_in_the_same_second_get_distinct_names(data: Path):
    now = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    first = bk.create_backup(data, now=now)
    second = bk.create_backup(data, now=now)
    assert first.path != second.path and second.name == "manual-20270301T120000Z-2.sqlite3"


def test_list_is_newest_first_with_kind_size_date_and_verified_state(data: Path):
    for day, kind in ((1, "daily"), (3, "manual"), (2, "pre-migration")):
        bk.create_backup(data, kind=kind, now=datetime(2027, 3, day, 12, tzinfo=UTC))
    (data / "backups" / "notes.txt").write_text("not a backup")
    listed = bk.list_backups(data)
    assert [(b.kind, b.created.day) for b in listed] == [("manual", 3), ("pre-migration", 2), ("daily", 1)]
    assert all(b.verified is True and b.size > 0 for b in listed)
    corrupt(listed[0].path)
    rechecked = bk.list_backups(data, recheck=True)
    assert [b.verified for b in rechecked] == [False, True, True]


def test_backup_before_migration_is_listed_as_pre_migration(data: Path):
    path = store_backup.backup_before_migration(data / DB_FILENAME, "0001_initial")
    [info] = bk.list_backups(data)
    assert info.path == path and info.kind == "pre-migration" and info.label == "0001_initial"


def test_no_store_no_backup(tmp_path: Path):
    with pytest.raises(bk.BackupError, match="no store"):
        bk.create_backup(tmp_path / "empty")
    assert bk.list_backups(tmp_path / "empty") == []


# ---- restore ----------------------------------------------------------------------------------------
def test_restore_round_trip_keeps_every_row_and_a_copy_of_the_replaced_store(data: Path):
    store_file = data / DB_FILENAME
    original = snapshot(store_file)
    info = bk.create_backup(data)
    add_learner(data, "Later")  # a change made after the backup
    changed = snapshot(store_file)
    assert changed != original

    result = bk.restore(data, info.path)

    assert snapshot(store_file) == original
    assert result.kept is not None and result.kept.kind == "before-restore" and result.kept.verified
    assert snapshot(result.kept.path) == changed  # what was replaced is kept, every row
    assert result.revision == SCHEMA_HEAD
    leftovers = {p.name for p in data.iterdir()} - {DB_FILENAME, "backups"}
    assert leftovers == set()  # no temporary file, no stale -wal/-shm
    reopened = open_store(data)  # the app opens it as usual
    reopened.close()
    assert snapshot(store_file) == original


def test_restore_the_kept_copy_undoes_a_restore(data: Path):
    info = bk.create_backup(data)
    add_learner(data, "Kept")
    latest = snapshot(data / DB_FILENAME)
    kept = bk.restore(data, info.path).kept
    bk.restore(data, kept.path)
    assert snapshot(data / DB_FILENAME) == latest


def test_restore_into_an_empty_folder(data: Path, tmp_path: Path):
    info = bk.create_backup(data)
    result = bk.restore(tmp_path / "new-laptop", info.path)
    assert result.kept is None
    assert snapshot(tmp_path / "new-laptop" / DB_FILENAME) == snapshot(data / DB_FILENAME)


def _newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()


def _other_app(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO photos(name) VALUES ('cat')")
    con.commit()
    con.close()


BAD_BACKUPS = {
    "corrupt": (lambda p: corrupt(p, 0.5, 8192), "damaged"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "incomplete"),
    "cut by one page": (lambda p: p.write_bytes(p.read_bytes()[:-4096]), "incomplete"),
    "not sqlite": (lambda p: p.write_bytes(b"PK\x03\x04 a zip file, say" * 300), "not a plprofile"),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "another app's database": (_other_app, "not a plprofile backup"),
    "newer schema": (_newer, "newer version"),
}


@pytest.mark.parametrize("damage", list(BAD_BACKUPS))
def test_a_bad_backup_is_refused_and_the_store_is_untouched(data: Path, damage: str):
    info = bk.create_backup(data)
    spoil, words = BAD_BACKUPS[damage]
    spoil(info.path)
    store_file = data / DB_FILENAME
    before, stat, listing = digest(store_file), store_file.stat(), files_in(data)
    with pytest.raises(bk.BackupError, match=words):
        bk.restore(data, info.path)
    assert digest(store_file) == before and store_file.stat().st_mtime_ns == stat.st_mtime_ns
    assert files_in(data) == listing  # no temporary file, no before-restore copy


def test_restore_refuses_a_missing_file_and_the_store_itself(data: Path):
    with pytest.raises(bk.BackupError, match="no file"):
        bk.restore(data, data / "nope.sqlite3")
    with pytest.raises(bk.BackupError, match="store itself"):
        bk.restore(data, data / DB_FILENAME)


def test_restore_refuses_while_the_store_is_open(data: Path):
    info = bk.create_backup(data)
    store = open_store(data)  # the app, holding the file
    try:
        before = snapshot(data / DB_FILENAME)
        with pytest.raises(bk.BackupError, match="open in plprofile"):
            bk.restore(data, info.path)
        assert snapshot(data / DB_FILENAME) == before
        assert [b.kind for b in bk.list_backups(data)] == ["manual"]  # the unneeded copy was removed
    finally:
        store.close()


def test_restore_over_a_damaged_store_keeps_its_bytes(data: Path):
    info = bk.create_backup(data)
    store_file = data / DB_FILENAME
    corrupt(store_file, 0.3, 16384)
    damaged = store_file.read_bytes()
    assert not bk.check(store_file).ok
    result = bk.restore(data, info.path)
    assert bk.check(store_file).ok
    assert result.kept.verified is False and ".unverified." in result.kept.name
    assert result.kept.path.read_bytes() == damaged


def test_a_full_disk_during_restore_leaves_the_store_as_it_was(data: Path, monkeypatch):
    info = bk.create_backup(data)
    add_learner(data, "Precious")
    before = snapshot(data / DB_FILENAME)

    def disk_full(_path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bk, "fsync_file", disk_full)
    with pytest.raises(bk.BackupError, match="not enough free space"):
        bk.restore(data, info.path)
    assert snapshot(data / DB_FILENAME) == before
    assert not [p for p in data.iterdir() if p.name.endswith(".part")]


# ---- errors while writing a backup ------------------------------------------------------------------
def test_a_full_disk_during_backup_says_so_and_leaves_nothing(data: Path, monkeypatch):
    real_connect = sqlite3.connect

    def tiny_disk(target, *args, **kwargs):
        con = real_connect(target, *args, **kwargs)
        if str(target).endswith(".part"):
            con.execute("PRAGMA max_page_count=3")  # SQLite answers SQLITE_FULL like a full disk
        return con

    monkeypatch.setattr(store_backup.sqlite3, "connect", tiny_disk)
    with pytest.raises(bk.BackupError, match="not enough free space"):
        bk.create_backup(data)
    assert files_in(data / "backups") == set()


def test_a_read_only_folder_says_so_and_leaves_nothing(data: Path):
    folder = data / "backups"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if running_as_root_ignores_permissions(folder):
            pytest.skip("running as root: a read-only folder is still writable")
        with pytest.raises(bk.BackupError, match="cannot be written to"):
            bk.create_backup(data)
        assert files_in(folder) == set()
    finally:
        folder.chmod(0o755)


def test_sqlite_refusing_to_write_reads_as_a_read_only_folder(data: Path, monkeypatch):
    """The same path without needing permissions that root ignores: SQLite itself refuses to write."""
    real_connect = sqlite3.connect

    def read_only(target, *args, **kwargs):
        if str(target).endswith(".part"):
            Path(target).touch()
            return real_connect(f"{Path(target).resolve().as_uri()}?mode=ro", uri=True)
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(store_backup.sqlite3, "connect", read_only)
    with pytest.raises(bk.BackupError, match="cannot be written to"):
        bk.create_backup(data)
    assert files_in(data / "backups") == set()


# ---- retention and the daily backup -----------------------------------------------------------------
def test_prune_keeps_seven_daily_and_four_weekly_and_never_manual_or_pre_migration(data: Path):
    start = datetime(2027, 1, 1, 12, tzinfo=UTC)
    for day in range(60):  # two months of daily backups
        bk.create_backup(data, kind="daily", now=start + timedelta(days=day))
    bk.create_backup(data, kind="manual", now=start - timedelta(days=300))
    bk.create_backup(data, kind="pre-migration", now=start - timedelta(days=200))
    deleted = bk.prune(data, daily=7, weekly=4)
    left = bk.list_backups(data)
    dailies = [b.created for b in left if b.kind == "daily"]
    newest = start + timedelta(days=59)
    assert dailies[:7] == [newest - timedelta(days=i) for i in range(7)]
    weeks = {b.astimezone().isocalendar()[:2] for b in dailies}
    assert len(weeks) == 4  # the last seven days span two weeks; two older weeks keep one each
    assert len(dailies) == 9 and len(deleted) == 51
    assert {b.kind for b in left} == {"daily", "manual", "pre-migration"}
    assert bk.prune(data) == []  # settled


def test_prune_counts_backups_not_the_calendar(data: Path):
    """A laptop unused for months still keeps its last daily backups."""
    old = datetime(2020, 5, 1, 12, tzinfo=UTC)
    for day in range(3):
        bk.create_backup(data, kind="daily", now=old + timedelta(days=day))
    assert bk.prune(data) == []


def test_daily_backup_on_close_at_most_once_a_day(data: Path):
    morning = datetime(2027, 3, 1, 9, tzinfo=UTC)
    first = bk.backup_on_close(data, now=morning)
    assert first is not None and first.kind == "daily"
    assert bk.backup_on_close(data, now=morning + timedelta(hours=2)) is None
    assert bk.create_backup(data).kind == "manual"  # a manual backup does not count as the daily one
    assert bk.backup_on_close(data, now=morning + timedelta(hours=3)) is None
    assert bk.backup_on_close(data, now=morning + timedelta(days=1)) is not None
    assert [b.kind for b in bk.list_backups(data)].count("daily") == 2


def test_daily_backup_on_close_without_a_store_does_nothing(tmp_path: Path):
    assert bk.backup_on_close(tmp_path / "nothing") is None


def test_latest_good_backup_skips_damaged_ones(data: Path):
    assert bk.latest_good_backup(data) is None
    good = bk.create_backup(data, now=datetime(2027, 3, 1, 12, tzinfo=UTC))
    bad = bk.create_backup(data, now=datetime(2027, 3, 2, 12, tzinfo=UTC))
    corrupt(bad.path)
    assert bk.latest_good_backup(data).path == good.path


# ---- the health check -------------------------------------------------------------------------------
def _untouched(path: Path):
    folder = path.parent
    before = (digest(path), path.stat().st_mtime_ns, files_in(folder))
    return lambda: (digest(path), path.stat().st_mtime_ns, files_in(folder)) == before


def test_check_a_healthy_store_changes_nothing(data: Path):
    path = data / DB_FILENAME
    unchanged = _untouched(path)
    result = bk.check(path)
    assert result.ok and result.status == "healthy" and result.revision == SCHEMA_HEAD
    assert "healthy" in result.message
    assert unchanged()  # bytes, modification time, and no -wal/-shm created beside it
    assert bk.check(data).ok  # a data folder works too


def test_check_an_open_store_sees_its_wal(store, profiles, teacher):
    profiles.add_learner(teacher, given_name="A", family_name="B")
    assert bk.check(store.path).ok


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "not sqlite"])
def test_check_reports_a_damaged_file_in_plain_words_and_changes_nothing(data: Path, damage: str):
    path = data / DB_FILENAME
    if damage == "corrupt":
        corrupt(path, 0.4, 16384)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    else:
        path.write_bytes(b"Hello, this is a letter, not a database.\n" * 100)
    unchanged = _untouched(path)
    result = bk.check(path)
    assert not result.ok and result.status == "damaged" and result.problems
    assert "not changed" in result.message
    assert unchanged()


def test_check_missing_foreign_and_newer(tmp_path: Path, data: Path):
    assert bk.check(tmp_path / "none" / DB_FILENAME).status == "missing"
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"")
    _other_app(other)
    assert bk.check(other).status == "foreign"
    _newer(data / DB_FILENAME)
    result = bk.check(data / DB_FILENAME)
    assert result.ok and result.status == "newer" and "newer version" in result.message


# ---- fuzz: whatever file is offered for a restore, only BackupError escapes and the store is untouched --------
@pytest.fixture(scope="module")
def fuzz_base(tmp_path_factory, template: Path) -> tuple[Path, Path, bytes]:
    root = tmp_path_factory.mktemp("fuzz")
    data = root / "data"
    data.mkdir()
    shutil.copyfile(template, data / DB_FILENAME)
    return data, root / "candidate.sqlite3", template.read_bytes()


def _try_restore(fuzz_base, candidate_bytes: bytes) -> None:
    data, candidate, _ = fuzz_base
    store_file = data / DB_FILENAME
    candidate.write_bytes(candidate_bytes)
    before, listing = digest(store_file), files_in(data)
    try:
        bk.restore(data, candidate)
    except bk.BackupError as exc:
        assert str(exc)
        assert digest(store_file) == before and files_in(data) == listing
    else:  # only a file that really is a healthy store may get through
        assert bk.check(store_file).ok
        shutil.rmtree(data / "backups")


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.one_of(st.binary(max_size=5000), st.binary(max_size=5000).map(lambda b: store_backup.SQLITE_MAGIC + b)))
def test_fuzz_restore_random_bytes(fuzz_base, blob: bytes):
    _try_restore(fuzz_base, blob)


@FUZZ
@given(st.data())
def test_fuzz_restore_truncated_store(fuzz_base, data):
    pristine = fuzz_base[2]
    cut = data.draw(st.integers(0, len(pristine) - 1))
    _try_restore(fuzz_base, pristine[:cut])


@FUZZ
@given(st.data())
def test_fuzz_restore_damaged_store(fuzz_base, data):
    blob = bytearray(fuzz_base[2])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    _try_restore(fuzz_base, bytes(blob))


def test_a_backup_with_broken_bytes_in_its_schema_text_is_refused_in_plain_words(fuzz_base):
    """Found by the fuzz test: SQLite's error message then carries bytes Python cannot decode."""
    blob = bytearray(fuzz_base[2])
    at = blob.index(b"CREATE TABLE")
    blob[at + 3] = 0x80
    data, candidate, _ = fuzz_base
    candidate.write_bytes(bytes(blob))
    before = digest(data / DB_FILENAME)
    with pytest.raises(bk.BackupError, match="damaged"):
        bk.restore(data, candidate)
    assert digest(data / DB_FILENAME) == before
    assert not bk.check(candidate).ok
