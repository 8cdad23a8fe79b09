"""Learners: add one, import a class, remove one from the list, erase one for good."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMainWindow, QWidget

from ..kit import ask
from ..kit.messages import explain
from ..kit.worker import run_in_background

if TYPE_CHECKING:
    from ..kit.context import AppContext

def add_learner(parent: QWidget, ctx: AppContext) -> uuid.UUID | None:
    """The new learner's id, or None if the form was cancelled."""
    from ..classroom.dialogs import AddLearnerDialog

    dialog = AddLearnerDialog(ctx, parent)
    if ask.dialog(dialog) and dialog.created is not None:
        return dialog.created.id
    return None


def choose_class_file(parent: QWidget) -> Path | None:
    path = ask.open_file(parent, QCoreApplication.translate("LearnerOperations", "Import a class"), QCoreApplication.translate(
        "LearnerOperations", "Class files: CSV, a school's OneRoster .zip, or the manifest.csv of a OneRoster folder "
        "(*.csv *.txt *.zip);;All files (*)"))
    return Path(path) if path else None


def import_file(parent: QMainWindow, ctx: AppContext, path: Path, *, busy: Callable[[bool], None],
                done: Callable[[], None]) -> None:
    """Read, check every row, then import all of them in one transaction, or none.

    ``busy(True)`` while the import runs, ``busy(False)`` then ``done()`` when it has finished either way."""
    from plprofile.domain.roster import RosterError, encoding_name, read_roster

    title = QCoreApplication.translate("LearnerOperations", "Import a class")
    if path.name.casefold() == "manifest.csv":  # a OneRoster folder, chosen by its manifest
        path = path.parent
    if path.is_dir() or path.suffix.casefold() == ".zip":  # a school's OneRoster set
        from ..school.roster_set import import_roster_set

        import_roster_set(parent, path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        ask.error(parent, title, QCoreApplication.translate("LearnerOperations", "The file cannot be read: {reason}").format(
            reason=exc.strerror))
        return
    try:
        roster = read_roster(data)
    except RosterError as exc:
        ask.error(parent, title, QCoreApplication.translate("LearnerOperations", "Nothing was imported.\n\n{problems}").format(
            problems=explain(exc)))
        return
    rows = roster.rows
    # the encoding and a few names, so a wrong guess is seen before anything is written
    sample = ", ".join(f"{r.given_name} {r.family_name}" for r in rows[:3]) + (" …" if len(rows) > 3 else "")
    question = QCoreApplication.translate("LearnerOperations", "Import %n learner(s) from {name}?", "", len(rows)).format(
        name=path.name)
    read_as = QCoreApplication.translate("LearnerOperations", "Read as {encoding}: {names}").format(
        encoding=encoding_name(roster.encoding), names=sample)
    if not ask.confirm(parent, title, f"{question}\n\n{read_as}"):
        return
    total = len(rows)
    parent.statusBar().showMessage(QCoreApplication.translate("LearnerOperations", "Importing…"))
    busy(True)

    # A class of the usual size imports in a blink; a big file shows how far it got. There is no Cancel:
    # the import is all or nothing and takes seconds even for tens of thousands of learners.
    locale = QLocale()
    progress = None
    if total >= 200:
        from PySide6.QtWidgets import QProgressDialog

        progress = QProgressDialog(parent)
        progress.setWindowTitle(title)
        progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        progress.setCancelButton(None)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setRange(0, total)

    def show_progress(count: int, of: int) -> None:
        if progress is not None:
            progress.setLabelText(QCoreApplication.translate("LearnerOperations", "Importing {count} of {total} learners…").format(
                count=locale.toString(count), total=locale.toString(of)))
            progress.setValue(count)

    def finish() -> None:
        if progress is not None:
            progress.close()
            progress.deleteLater()
        busy(False)

    def imported(count: int) -> None:
        finish()
        parent.statusBar().showMessage(QCoreApplication.translate("LearnerOperations", "Imported %n learner(s).", "", count),
                                       8000)
        done()

    def failed(exc: Exception) -> None:
        finish()
        parent.statusBar().clearMessage()
        ask.error(parent, title, QCoreApplication.translate("LearnerOperations", "Nothing was imported.\n\n{problem}").format(
            problem=explain(exc)))
        done()

    show_progress(0, total)
    if progress is not None:
        progress.show()
    run_in_background(lambda report: ctx.profiles.import_roster(ctx.teacher, rows, progress=report),
                      imported, failed, on_progress=show_progress)


def remove_learner(parent: QWidget, ctx: AppContext, learner_id: uuid.UUID, learner) -> bool:  # noqa: ANN001
    """Take the learner off the class list (their profile is kept); True if done."""
    if not ask.confirm(parent, QCoreApplication.translate("LearnerOperations", "Remove learner"), QCoreApplication.translate(
            "LearnerOperations", "Remove {name} from the class list? Their profile is kept and can be restored.").format(
                name=learner.preferred_name)):
        return False
    ctx.profiles.delete_learner(ctx.teacher, learner_id)
    return True


def purge_learner(parent: QMainWindow, ctx: AppContext, data_dir: Path, learner_id: uuid.UUID, preferred_name: str,
                  family_name: str, *, busy: Callable[[bool], None], done: Callable[[], None]) -> None:
    """Erase the learner for good: from the store, its journal and every backup this computer keeps."""
    from plprofile.services import erase

    title = QCoreApplication.translate("LearnerOperations", "Delete permanently")
    backups, _problems = erase.backups_to_rewrite(data_dir, ctx.store.key)
    typed = ask.text(parent, title, QCoreApplication.translate(
        "LearnerOperations",
        "This erases everything about {name}: their profile, goals, check-ins, assessments, conferences, "
        "history and sign-in. They are erased from this computer's store and from every backup of it in "
        "its backups folder (%n backup(s)), and cannot be brought back. Copies kept somewhere else (a USB "
        "stick, a protected copy, a saved summary) are not reached.\n\n"
        "Type the learner's family name to confirm:", "", len(backups)).format(name=preferred_name))
    if typed is None:
        return
    if typed.strip().casefold() != family_name.casefold():
        ask.info(parent, title, QCoreApplication.translate("LearnerOperations", "The name did not match; nothing was deleted."))
        return
    busy(True)
    parent.statusBar().showMessage(QCoreApplication.translate(
        "LearnerOperations", "Erasing {name} from the store and its backups…").format(name=preferred_name))

    def erased(result: erase.Erased) -> None:
        busy(False)
        done()
        parent.statusBar().showMessage(QCoreApplication.translate(
            "LearnerOperations", "{name} is erased from the store and from %n backup(s).", "", len(result.rewritten)).format(
            name=preferred_name), 8000)

    def failed(exc: Exception) -> None:
        busy(False)
        parent.statusBar().clearMessage()
        done()
        ask.error(parent, title, explain(exc))

    run_in_background(lambda: erase.erase_learner(ctx.profiles, ctx.teacher, learner_id), erased, failed)
