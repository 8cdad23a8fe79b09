"""The Backups dialog over a real store: back up with progress off the GUI thread, restore after a confirmation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from plprofile.services import backup as bk
from plprofile.store.engine import open_store
from plprofile.ui.kit.context import AppContext
from plprofile.ui.safety.backups import BackupsDialog


@pytest.fixture
def dialog(qtbot, tmp_path: Path, monkeypatch):
    store = open_store(tmp_path / "data")
    ctx = AppContext(store)
    ctx.profiles.add_learner(ctx.teacher, given_name="Before", family_name="Backup")
    quits: list[bool] = []
    monkeypatch.setattr(BackupsDialog, "_quit", staticmethod(lambda: quits.append(True)))
    dlg = BackupsDialog(ctx)
    dlg.quits = quits
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    store.close()


def names(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT given_name FROM learner")}
    finally:
        con.close()


def test_back_up_now_shows_progress_and_lists_the_backup(qtbot, dialog, answers):
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and not dialog.busy, timeout=20_000)
    [info] = dialog.backups()
    assert info.kind == "manual" and info.verified and info.path.exists()
    assert dialog.table.item(0, 1).text() == "Made by hand"
    assert "checked" in dialog.status.text()
    assert 100 in seen  # fed from the worker thread through a queued signal
    assert dialog.selected_backup() == info and dialog.restore_button.isEnabled()
    assert answers.errors == []


def test_restore_asks_first_keeps_the_current_records_and_closes_the_app(qtbot, dialog, answers):
    ctx = dialog.ctx
    backup = bk.create_backup(dialog.data_dir)
    ctx.profiles.add_learner(ctx.teacher, given_name="After", family_name="Backup")
    dialog.refresh()
    dialog.table.selectRow(0)

    answers.confirm_answer = False
    dialog.restore_button.click()
    assert "After" in names(ctx.store.path) and dialog.quits == []

    answers.confirm_answer = True
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.quits == [True], timeout=20_000)
    assert answers.errors == [] and "restored" in answers.infos[-1]
    assert names(ctx.store.path) == {"Before"}
    kept = [b for b in bk.list_backups(dialog.data_dir) if b.kind == "before-restore"]
    assert len(kept) == 1 and "After" in names(kept[0].path)
    assert backup.path.exists()


def test_restore_of_a_bad_file_says_why_and_changes_nothing(qtbot, dialog, answers, tmp_path: Path):
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_bytes(b"just some text, not a database\n" * 100)
    answers.file_answer = str(bad)
    before = names(dialog.ctx.store.path)
    dialog.restore_file_button.click()
    qtbot.waitUntil(lambda: bool(answers.errors) and not dialog.busy, timeout=20_000)
    assert "cannot be restored" in answers.errors[-1]
    assert dialog.quits == []
    assert names(dialog.ctx.store.path) == before and bk.check(dialog.ctx.store.path).ok
    dialog.ctx.profiles.add_learner(dialog.ctx.teacher, given_name="Still", family_name="Works")  # app carries on
