"""Import class… with a school's OneRoster set (a .zip, or a folder chosen by its manifest.csv): read and check it
and preview every change on the worker, then import it there in one transaction, with progress shown."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from ..kit import ask
from ..kit.messages import explain

#: How many warnings the preview lists before "… and N more".
WARNINGS_SHOWN = 12


translate = QCoreApplication.translate


def preview_text(counts: dict[str, int], warnings: list[str]) -> str:
    """The preview: what will change, in the interface's language, then the warnings (as the file says them)."""
    locale = QLocale()
    lines = [
        translate("RosterSet", "%n learner(s) added", None, counts["learners_added"]),
        translate("RosterSet", "%n learner(s) updated", None, counts["learners_updated"]),
        translate("RosterSet", "%n learner(s) leaving their classes", None, counts["learners_left"]),
        translate("RosterSet", "%n teacher(s) added (without a password until a school admin sets one)", None, counts["teachers_added"]),
        translate("RosterSet", "%n class(es) added", None, counts["classes_added"]),
        translate("RosterSet", "%n class membership(s) added", None, counts["enrollments_added"]),
        translate("RosterSet", "%n class membership(s) ended", None, counts["enrollments_ended"]),
    ]
    family = [  # only when the set has family contacts: most sets have none
        translate("RosterSet", "%n family contact(s) added", None, counts.get("contacts_added", 0)),
        translate("RosterSet", "%n family contact(s) updated", None, counts.get("contacts_updated", 0)),
        translate("RosterSet", "%n family contact(s) removed", None, counts.get("contacts_removed", 0)),
    ]
    lines += [line for line, key in zip(family, ("contacts_added", "contacts_updated", "contacts_removed"),
                                         strict=True) if counts.get(key)]
    text = "\n".join(f"• {line}" for line in lines)
    if warnings:
        shown = warnings[:WARNINGS_SHOWN]
        text += "\n\n" + translate("RosterSet", "%n warning(s): read anyway, or left out as said", None, len(warnings)) + "\n"
        text += "\n".join(f"– {w}" for w in shown)
        if len(warnings) > len(shown):
            text += "\n" + translate("RosterSet", "… and {n} more").format(n=locale.toString(len(warnings) - len(shown)))
    return text


def _progress(window, title: str, label: str):  # noqa: ANN001, ANN202
    """A window-modal progress dialog without Cancel (the import is all or nothing), busy until told how far."""
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(window)
    progress.setWindowTitle(title)
    progress.setLabelText(label)
    progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    progress.setCancelButton(None)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(0)
    progress.setRange(0, 0)
    progress.show()
    return progress


def import_roster_set(window, path: Path) -> None:  # noqa: ANN001  the main window (no import: it imports this)
    """Check the whole set and preview every change on the worker (the window keeps painting, with a progress
    dialog), then, once confirmed, import it in one transaction on the worker too."""
    from ..kit.worker import run_in_background

    ctx = window.ctx
    title = translate("RosterSet", "Import a school roster")
    window.left.setEnabled(False)
    window.statusBar().showMessage(translate("RosterSet", "Reading the school roster…"))
    progress = _progress(window, title, translate("RosterSet", "Reading and checking {name}…").format(name=path.name))

    def read():  # noqa: ANN202  (on the worker)
        from plprofile.domain.oneroster import parse_oneroster
        from plprofile.services.oneroster import read_set
        from plprofile.services.school import SchoolService

        school = SchoolService(ctx.store)
        rset = parse_oneroster(read_set(path))
        return school, rset, school.preview_roster_set(ctx.teacher, rset)

    def failed(exc: Exception) -> None:
        progress.close()
        window.left.setEnabled(True)
        window.statusBar().clearMessage()
        _refused(window, title, exc)

    run_in_background(read, lambda result: _previewed(window, path, title, progress, *result), failed)


def _refused(window: QWidget, title: str, exc: Exception) -> None:
    from plprofile.domain.policy import AccessDenied
    from plprofile.domain.profile import ValidationError
    from plprofile.domain.roster import RosterError

    if isinstance(exc, (RosterError, AccessDenied, ValidationError)):
        ask.error(window, title, translate("RosterSet", "Nothing was imported.\n\n{problems}").format(
            problems=explain(exc)))
    elif isinstance(exc, OSError):
        ask.error(window, title, translate("RosterSet", "The file cannot be read: {reason}").format(
            reason=exc.strerror or str(exc)))
    else:
        ask.error(window, title, translate("RosterSet", "Nothing was imported.\n\n{problems}").format(
            problems=str(exc)))


def _previewed(window: QWidget, path: Path, title: str, progress, school, rset, work) -> None:  # noqa: ANN001
    from ..kit.messages import text
    from ..kit.worker import run_in_background

    progress.close()
    window.statusBar().clearMessage()
    ctx = window.ctx
    summary = preview_text(work.counts, [text(str(w)) for w in work.warnings])
    if work.empty:
        window.left.setEnabled(True)
        ask.info(window, title, translate("RosterSet", "{name} (OneRoster {version}) changes nothing: the store already "
                                             "holds this roster.").format(name=path.name, version=rset.version) + "\n\n" + summary)
        return
    question = translate("RosterSet", "Import {name} (OneRoster {version})? It will change:").format(name=path.name,
                                                                                 version=rset.version)
    if not ask.confirm(window, title, f"{question}\n\n{summary}"):
        window.left.setEnabled(True)
        return
    window.statusBar().showMessage(translate("RosterSet", "Importing the school roster…"))
    writing = _progress(window, title, translate("RosterSet", "Importing {name}: one transaction, all or "
                                                              "nothing…").format(name=path.name))

    def done(_counts) -> None:  # noqa: ANN001
        writing.close()
        window.left.setEnabled(True)
        ctx.profiles.forget_class_list(ctx.teacher)
        window.refresh_learners()
        window.statusBar().showMessage(translate("RosterSet", "The school roster is imported."), 8000)
        window.ready.emit()

    def failed(exc: Exception) -> None:
        writing.close()
        window.left.setEnabled(True)
        window.statusBar().clearMessage()
        _refused(window, title, exc)

    run_in_background(lambda: school.import_roster_set(ctx.teacher, work), done, failed)
