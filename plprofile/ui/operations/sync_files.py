"""Files for no network, from the window: *File → Save changes to a file…* and *Load changes from a file…*
(the hub's bundle format). The work runs on a worker with progress; the end says what happened in plain words."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from ..kit import ask
from ..kit.messages import explain
from ..kit.worker import run_in_background

if TYPE_CHECKING:
    from ..kit.context import AppContext

translate = QCoreApplication.translate
SUFFIX = ".plpx"


def new_passphrase(parent: QWidget) -> str | None:
    """The passphrase that seals a new file (tests patch this)."""
    from ..safety.encryption import ask_new_passphrase

    return ask_new_passphrase(parent, translate("SyncFiles", "The file of changes"))


def passphrase_of(parent: QWidget, name: str) -> str | None:
    """The passphrase of a file to load (tests patch this)."""
    from ..safety.encryption import ask_passphrase

    return ask_passphrase(parent, name)


def _progress(parent: QWidget, title: str, label: str):  # noqa: ANN202
    from PySide6.QtWidgets import QProgressDialog

    from plprofile.services.sync_files import STEPS

    progress = QProgressDialog(label, None, 0, STEPS, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(0)
    progress.setValue(0)
    progress.show()
    return progress


def _run(parent: QWidget, title: str, label: str, work: Callable, done: Callable[[object], None],
         finished: Callable[[], None] | None = None) -> None:
    progress = _progress(parent, title, label)

    def close() -> None:
        progress.close()
        progress.deleteLater()
        if finished is not None:
            finished()

    def ok(result: object) -> None:
        close()
        done(result)

    def failed(exc: Exception) -> None:
        close()
        ask.error(parent, title, explain(exc))

    run_in_background(work, ok, failed, on_progress=lambda step, _of: progress.setValue(step))


def save_changes(window: QMainWindow, ctx: AppContext, *, finished: Callable[[], None] | None = None) -> None:
    """Which changes (a teacher: everything made here, or one learner's, for that learner's device), where,
    a passphrase, then the file is written on a worker."""
    from plprofile.services.sync_files import SyncFileService

    title = translate("SyncFiles", "Save changes to a file")
    learner_id: uuid.UUID | None = None
    stem = "changes"
    if not ctx.is_learner:
        learners = ctx.profiles.list_learners(ctx.me)
        items = [translate("SyncFiles", "Everything changed on this device that the hub has not received")]
        items += [translate("SyncFiles", "Only {name}'s changes, for their device").format(name=s.display_name)
                  for s in learners]
        picked = ask.choice(window, title, translate("SyncFiles", "Which changes go in the file?"), items)
        if picked is None:
            return
        if picked > 0:
            learner_id = learners[picked - 1].id
            stem = f"changes-{learners[picked - 1].display_name}"
    from plprofile.domain.filenames import safe_file_name

    suggested = Path.home() / (safe_file_name(stem, fallback="changes") + SUFFIX)
    chosen = ask.save_file(window, title, str(suggested),
                           translate("SyncFiles", "Files of changes (*.plpx)"))
    if not chosen:
        return
    path = Path(chosen if chosen.lower().endswith(SUFFIX) else chosen + SUFFIX)
    passphrase = new_passphrase(window)
    if passphrase is None:
        return
    service = SyncFileService(ctx.store)

    def saved(count: object) -> None:
        ask.info(window, title, translate(
            "SyncFiles", "Saved %n change(s) to {name}. Take the file to the other device or the hub and load it "
            "there with File → Load changes from a file…, with the same passphrase.", "", int(count)).format(
            name=path.name))

    _run(window, title, translate("SyncFiles", "Saving the changes…"),
         lambda report: service.save(ctx.me, path, passphrase, learner_id, report=report), saved, finished)


def load_changes(window: QMainWindow, ctx: AppContext, *, finished: Callable[[], None] | None = None) -> None:
    """A file of changes, its passphrase, then the changes applied on a worker (all or none); a summary of what
    was applied, what was here already and what needs a decision."""
    from plprofile.services.sync_files import SyncFileService

    title = translate("SyncFiles", "Load changes from a file")
    chosen = ask.open_file(window, title, translate("SyncFiles", "Files of changes (*.plpx);;All files (*)"))
    if not chosen:
        return
    path = Path(chosen)
    passphrase = passphrase_of(window, path.name)
    if passphrase is None:
        return
    service = SyncFileService(ctx.store)

    def loaded(result) -> None:  # noqa: ANN001
        lines = [translate("SyncFiles", "Loaded {name}, made by {who}.").format(
            name=path.name, who=result.made_by or translate("SyncFiles", "someone at this school"))]
        lines.append(translate("SyncFiles", "%n change(s) applied.", "", result.applied))
        if result.skipped:
            lines.append(translate("SyncFiles", "%n change(s) were here already and were left as they were.", "",
                                   result.skipped))
        if result.conflicts:
            lines.append(translate("SyncFiles", "%n change(s) were made at the same time as a change here: both "
                                                "versions are kept under Needs a decision.", "", result.conflicts))
        lines += result.warnings
        if hasattr(window, "refresh_learners") and not ctx.is_learner:
            window.refresh_learners(select=window.current_learner_id())
        profile = getattr(window, "profile", None)
        if profile is not None:
            profile.reload()
        ask.info(window, title, "\n".join(lines))

    _run(window, title, translate("SyncFiles", "Loading the changes…"),
         lambda report: service.load(ctx.me, path, passphrase, report=report), loaded, finished)
