"""Refusals raised below the UI, read in Spanish in the window: each was translated where it was raised (a code
and its arguments), with a date in the interface's own format. A backup that cannot be restored, a OneRoster set
that would make the store wrong, and a school year that does not start after the current one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt

from plprofile.services.years import YearService
from plprofile.store.engine import open_store
from tests import oneroster_sets as sets


def test_a_backup_that_cannot_be_restored_says_why_in_spanish(qtbot, answers, language, tmp_path: Path, monkeypatch):
    from plprofile.ui.kit.context import AppContext
    from plprofile.ui.safety.backups import BackupsDialog

    language("es")
    store = open_store(tmp_path / "data")
    try:
        dialog = BackupsDialog(AppContext(store))
        monkeypatch.setattr(BackupsDialog, "_quit", staticmethod(lambda: None))
        qtbot.addWidget(dialog)
        dialog.show()
        bad = tmp_path / "no-es-copia.sqlite3"
        bad.write_bytes(b"just some text, not a database\n" * 100)
        answers.file_answer = str(bad)
        dialog.restore_file_button.click()
        qtbot.waitUntil(lambda: bool(answers.errors) and not dialog.busy, timeout=20_000)
        message = answers.errors[-1]
        assert "no-es-copia.sqlite3 no es una base de datos ni una copia de seguridad de plprofile" in message
        assert "No se puede restaurar." in message and "cannot" not in message
    finally:
        store.close()


def test_a_refused_oneroster_set_says_where_and_why_in_spanish(open_window, answers, qtbot, language, tmp_path):
    language("es")
    window = open_window()
    files = sets.set_11()
    files["users.csv"] = files["users.csv"].replace(b"u-jose,", b"u-zoe,")  # one sourcedId on two rows
    answers.file_answer = str(sets.write_zip(files, tmp_path / "sis.zip"))
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=20_000)
    assert "users.csv, fila 3: el sourcedId «u-zoe» también está en la fila 2" in answers.errors[-1]
    assert window.model.rowCount() == 0


def test_a_year_that_does_not_start_after_the_current_one_is_refused_with_the_date_as_spanish_writes_it(
        open_window, answers, qtbot, language, tmp_path):
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import ensure_teacher
    from plprofile.ui.school.years import NewYearDialog

    data = tmp_path / "data"
    store = open_store(data)
    admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
    years = YearService(store)
    years.start_new_year(admin, years.preview_new_year(admin, "2027-2028", date(2027, 8, 20)))
    store.close()
    language("es")
    window = open_window(data)
    dialog = NewYearDialog(window, YearService(window.store), window.ctx.me)
    qtbot.addWidget(dialog)
    dialog.name.setText("2026-2027")
    dialog.start.setDate(QDate(2027, 1, 10))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    shown = QLocale().toString(QDate(2027, 8, 20), "d MMM yyyy")
    assert answers.errors[-1] == f"Un curso nuevo empieza después del actual (2027-2028, desde el {shown})."
    assert "2027-08-20" not in answers.errors[-1] and "ago" in shown
