"""Starting on a damaged store: plain words, the file untouched, and a way back through the latest good backup."""

from __future__ import annotations

import sqlite3

from plprofile.services.backup import create_backup, list_backups
from plprofile.services.demo import generate_demo
from plprofile.store.engine import DB_FILENAME, open_store
from plprofile.ui.shell.main_window import MainWindow


def _demo_store(folder):
    store = open_store(folder)
    generate_demo(store, learners=3)
    store.close()


def test_damaged_store_offers_the_latest_good_backup(qtbot, tmp_path, answers):
    folder = tmp_path / "data"
    _demo_store(folder)
    create_backup(folder)
    damaged = b"SQLite format 3\x00" + b"\x13" * 8000
    (folder / DB_FILENAME).write_bytes(damaged)
    for leftover in folder.glob(f"{DB_FILENAME}-*"):
        leftover.unlink()
    answers.confirm_answer = True
    window = MainWindow(folder, offer_demo=True, require_sign_in=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=20_000)
    assert window.model.rowCount() == 3
    kept = [b for b in list_backups(folder) if b.kind == "before-restore"]
    assert kept and kept[0].path.read_bytes()[:100] == damaged[:100]
    window.close()


def test_damaged_store_without_backup_is_reported_and_left_alone(failed_start, tmp_path, answers):
    folder = tmp_path / "data"
    folder.mkdir()
    garbage = b"this is not a database" * 300
    (folder / DB_FILENAME).write_bytes(garbage)
    answers.confirm_answer = False
    window, failures = failed_start(folder)
    assert "not a readable plprofile store" in failures[0]
    assert "could not be opened" in window.placeholder.text()
    assert (folder / DB_FILENAME).read_bytes() == garbage


def _damage_a_table_page(path, table: str = "change_log"):
    """Garbage over the root page of ``table``: the schema and revision still read, quick_check fails."""
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x13" * page_size)


def test_health_check_runs_after_the_window_is_ready(qtbot, tmp_path, answers):
    folder = tmp_path / "data"
    _demo_store(folder)
    window = MainWindow(folder, offer_demo=True, require_sign_in=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.health_checked, timeout=20_000) as checked:
        window.show()
    assert checked.args == [[]] and window.is_ready and window.store is not None
    window.close()


def test_damage_found_by_the_background_check_is_reported_and_offers_the_backup(failed_start, tmp_path, answers):
    folder = tmp_path / "data"
    _demo_store(folder)
    create_backup(folder)
    _damage_a_table_page(folder / DB_FILENAME)
    damaged = (folder / DB_FILENAME).read_bytes()
    answers.confirm_answer = False  # do not restore: the damaged file stays as it is
    window, failures = failed_start(folder)
    assert "failed its health check" in failures[0] and "It was closed" in failures[0]
    assert "could not be opened" in window.placeholder.text()
    assert window.store is None and window.ctx is None and window.profile is None
    assert window.health and not window.left.isEnabled()
    window.close()  # no daily backup of a damaged store
    assert (folder / DB_FILENAME).read_bytes() == damaged
    assert not [b for b in list_backups(folder) if b.kind == "daily"]


def test_damage_met_by_the_first_read_reads_as_damage_and_offers_the_backup(failed_start, tmp_path, answers):
    """The full check runs after the window is up; damage the opening itself reads (the meta table) must still
    be reported as damage, in a line, with the latest good backup offered, not as a raw SQL error."""
    folder = tmp_path / "data"
    _demo_store(folder)
    create_backup(folder)
    _damage_a_table_page(folder / DB_FILENAME, "meta")
    damaged = (folder / DB_FILENAME).read_bytes()
    answers.confirm_answer = False
    window, failures = failed_start(folder)
    assert "failed its health check" in failures[0] and "SELECT" not in failures[0]
    assert "\n" not in failures[0].split("(")[1].split(")")[0]  # one line of SQLite's report, not a hundred
    assert any("backup" in question for question in answers.confirms)  # the way back was offered (declined)
    window.close()
    assert (folder / DB_FILENAME).read_bytes() == damaged


def test_closing_makes_todays_backup_once(open_window, tmp_path):
    window = open_window(demo=True)
    window.close()
    daily = [b for b in list_backups(tmp_path / "data") if b.kind == "daily"]
    assert len(daily) == 1 and daily[0].verified
    again = open_window(tmp_path / "data")
    again.close()
    assert len([b for b in list_backups(tmp_path / "data") if b.kind == "daily"]) == 1


def test_an_empty_store_beside_its_backups_offers_the_latest_good_backup(qtbot, tmp_path, answers):
    """A zero-byte store is damage, not a new start: the first-teacher screen never shows over it."""
    folder = tmp_path / "data"
    _demo_store(folder)
    create_backup(folder, kind="daily")
    (folder / DB_FILENAME).write_bytes(b"")
    answers.confirm_answer = True
    window = MainWindow(folder, offer_demo=True, require_sign_in=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=20_000)
    assert any("is empty" in question and "Restore the latest good backup" in question
               for question in answers.confirms)
    assert window.model.rowCount() == 3  # the demo class is back
    window.close()
