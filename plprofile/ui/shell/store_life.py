"""The store's life in the window: open, unlock or restore, health check, demo, session, read-ahead, backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..kit import ask
from ..kit.common import fmt_datetime
from ..kit.messages import explain
from ..kit.worker import run_in_background

if TYPE_CHECKING:  # start-up: SQLAlchemy and the services load on the store's worker, after the first paint
    from ..kit.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("StoreLife", text)


class StoreLife(QObject):
    """Opens the store off the GUI thread and carries it through its life; the window listens to its signals.

    ``opened``: the store is open (and the demo made, if asked): time to sign in. ``failed(message)``: it could
    not be opened (the person was told and offered a way out). ``closing``: a store found damaged after it
    opened is about to be closed; the session ends. ``session_started(ctx)``: someone signed in."""

    opened = Signal()
    failed = Signal(str)
    closing = Signal()
    #: What the window says while there is no session (on its placeholder) and in its status bar.
    placeholder = Signal(str)
    status = Signal(str, int)
    session_started = Signal(object)
    #: The background health check of the open store finished: its problems (an empty list: healthy).
    health_checked = Signal(list)

    def __init__(self, parent: QWidget, data_dir: Path, *, demo: bool, offer_demo: bool,
                 ask_first: bool) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.data_dir = Path(data_dir)
        self.want_demo = demo
        self.offer_demo = offer_demo
        self.ask_first = ask_first  # an encrypted store asks for its key (not for screenshots and scripts)
        self.store = None
        self.store_key: bytes | None = None  # the data key of an encrypted store, once a teacher unlocked it
        self.auth = None
        self.ctx: AppContext | None = None
        self.health: list[str] | None = None  # the open store's quick_check: None until it has run
        self._warmed = None  # the session whose class overview is read ahead (read_ahead)
        self.class_read_ahead = False  # that reading has finished (or failed: the overview then says why)

    # ---- open --------------------------------------------------------------------------------------
    def open(self) -> None:
        data_dir, demo, key = self.data_dir, self.want_demo, self.store_key

        def work():  # noqa: ANN202
            from plprofile.services.storage import (
                open_store,  # start-up: SQLAlchemy loads here, off the GUI thread
            )

            store = open_store(data_dir, key, check=False)  # the health check runs once the window is up
            # the session's modules load here too, while the window paints; building widgets waits for
            # the GUI thread
            import plprofile.ui.profile.profile_panel  # noqa: F401
            import plprofile.ui.shell.signin  # noqa: F401
            if demo:
                from plprofile.services.demo import generate_demo, store_is_empty

                if store_is_empty(store):
                    from plprofile.media.demo_files import demo_files  # drawn with QPainter (issue 20)

                    generate_demo(store, files=demo_files())
            return store

        run_in_background(work, self._opened, self._open_failed)

    def _open_failed(self, exc: Exception) -> None:
        from shiboken6 import isValid

        if isValid(self):  # the window may have been closed and deleted while the store was opening
            self.fail(exc)

    def reopen(self) -> None:
        self.placeholder.emit(_tr("Opening the store…"))
        self.open()

    def fail(self, exc: Exception) -> None:
        """Say what is wrong in plain words; the file is not touched. Offer a good backup or another folder."""
        from plprofile.services.backup import latest_good_backup
        from plprofile.services.storage import CorruptStoreError, EncryptedStoreError, NewerStoreError

        parent = self.parent_widget
        if isinstance(exc, EncryptedStoreError) and self.ask_first:
            from ..safety.encryption import unlock_store  # encrypted is not damaged: ask for the key first

            unlocked = unlock_store(parent, self.data_dir)
            if unlocked is not None:
                key, damaged = unlocked
                self.store_key = key
                if damaged:
                    self.fail(CorruptStoreError(damaged))
                else:
                    self.reopen()
                return
        message = explain(exc)
        self.placeholder.emit(_tr("The store could not be opened.\n\n{message}").format(message=message))
        self.status.emit(_tr("Store not opened"), 0)
        self.failed.emit(message)
        if not self.offer_demo:  # screenshots and scripts: report and stop, never ask
            return
        title = _tr("The store could not be opened")
        if isinstance(exc, CorruptStoreError):
            good = latest_good_backup(self.data_dir, self.store_key)
            if good is not None and ask.confirm(parent, title, _tr(
                    "{message}\n\nRestore the latest good backup, made {date}? The damaged file is kept in the "
                    "backups folder.").format(message=message, date=fmt_datetime(good.created))):
                self.restore_and_reopen(good.path)
                return
        elif not isinstance(exc, NewerStoreError):
            ask.error(parent, title, message)
        if ask.confirm(parent, title, _tr("{message}\n\nOpen the store in another folder?").format(message=message)):
            folder = ask.folder(parent, _tr("Choose the folder of a plprofile store"))
            if folder:
                self.data_dir = Path(folder)
                self.reopen()

    def restore_and_reopen(self, backup: Path, reopen_on_failure: bool = False) -> None:
        from plprofile.services.backup import BackupError, restore

        try:
            restore(self.data_dir, backup, key=self.store_key)
        except BackupError as exc:
            ask.error(self.parent_widget, _tr("Restore"), explain(exc))
            if not reopen_on_failure:
                return
        self.reopen()

    def recover_teachers(self) -> None:
        """A store of learners without a teacher account: the latest good backup, if the teacher agrees."""
        from plprofile.services.backup import latest_good_backup

        parent, title = self.parent_widget, _tr("Restore the latest backup")
        good = latest_good_backup(self.data_dir, self.store_key)
        if good is None:
            ask.error(parent, title, _tr("There is no backup of this store to restore. Ask whoever looks after "
                                         "the school's computers."))
        elif ask.confirm(parent, title, _tr("Restore the backup made {date}? The store as it is now is kept in "
                                            "the backups folder.").format(date=fmt_datetime(good.created))):
            self.store.close()  # let go of the file so that it can be swapped; reopened either way
            self.restore_and_reopen(good.path, reopen_on_failure=True)

    def _opened(self, store) -> None:  # noqa: ANN001
        from shiboken6 import isValid

        from plprofile.services.auth import AuthService
        from plprofile.services.demo import store_is_empty

        if not isValid(self):  # the window was closed and deleted while the store was opening: let go of it
            store.close()
            return
        self.store = store
        self.health = None
        QTimer.singleShot(0, self._check_health)  # after the first screen is up, off the GUI thread
        self.auth = AuthService(store)
        if store.encrypted:
            from ..safety.encryption import keep_key_slots

            keep_key_slots(self.auth, store)
        self.status.emit(_tr("Store: {path}").format(path=store.path), 8000)
        if self.offer_demo and not self.want_demo and store_is_empty(store) and ask.confirm(
                self.parent_widget, _tr("Welcome to plprofile"),
                _tr("This store is empty. Load a demo class of 25 learners to explore the app?\n\n"
                    "You can add learners by hand or import a class from a CSV file instead.")):
            from plprofile.services.demo import generate_demo

            self.placeholder.emit(_tr("Creating the demo class…"))
            self.status.emit(_tr("Creating the demo class…"), 0)
            from plprofile.media.demo_files import demo_files  # drawn with QPainter (issue 20)

            run_in_background(lambda: generate_demo(store, files=demo_files()), lambda _n: self.opened.emit(),
                              self.fail)
            return
        self.opened.emit()

    def key_changed(self, key: bytes | None) -> None:
        """The store was encrypted (with this data key) or decrypted (None) while open."""
        self.store_key = key
        if key is not None:
            from ..safety.encryption import keep_key_slots

            keep_key_slots(self.auth, self.store)

    # ---- health check ------------------------------------------------------------------------------
    def _check_health(self) -> None:
        """The health check of the open store (schema, ``quick_check``, foreign keys: ``health_check``) on a
        worker thread, so the first screen never waits for it (it reads the whole file).

        A damaged store is closed at once, the session ends, and the app says so and offers the latest good
        backup, exactly as when the damage is found before opening."""
        from plprofile.services.storage import health_check

        store = self.store
        if store is None:
            return
        from shiboken6 import isValid

        def known(problems: list[str]) -> None:
            if isValid(self):  # the window may be gone by then (closed and deleted): nobody to tell
                self._health_known(store, problems)

        run_in_background(lambda: health_check(store.path, store.key), known, lambda exc: known([explain(exc)]))

    def _health_known(self, store, problems: list[str]) -> None:  # noqa: ANN001
        from plprofile.services.storage import CorruptStoreError, first_line

        if store is not self.store:  # another store was opened meanwhile
            return
        self.health = list(problems)
        self.read_ahead()  # nothing unless the store is healthy and a teacher's session is up
        if problems:
            self.closing.emit()
            self.end_session()
            store.close()
            self.store = self.auth = None
            self.fail(CorruptStoreError(_tr(
                "{name} failed its health check ({problem}). It was closed: nothing more is written to it."
            ).format(name=store.path.name, problem=first_line(problems[0]))))
        self.health_checked.emit(self.health)

    # ---- sessions ----------------------------------------------------------------------------------
    def start_session(self, signed) -> AppContext:  # noqa: ANN001  a SignedIn, or None: no sign-in asked for
        from ..kit.context import AppContext

        self.ctx = AppContext(self.store, signed, auth=self.auth)
        self.session_started.emit(self.ctx)  # the window reads ahead (read_ahead) once the session shows
        return self.ctx

    def end_session(self) -> None:
        self.ctx = None

    def read_ahead(self) -> None:
        """Once a teacher's session is up and the store's health check has read the file: what the class overview
        first shows is read on a worker meanwhile (``StagesService.warm_class``), once per session, so that
        the overview opens on it while the store has not changed; then the teacher's week as its windows first
        open (``warm_week``: the snapshot and who is due, all their learners). A learner's session reads nothing
        of it."""
        ctx = self.ctx
        if ctx is None or ctx.is_learner or self.health != [] or self._warmed is ctx:
            return
        self._warmed = ctx
        self.class_read_ahead = False

        def finished(_result: object) -> None:
            if self._warmed is ctx:
                self.class_read_ahead = True

        def work() -> None:
            ctx.stages.warm_class(ctx.teacher)
            warm_week(ctx)
            # last (a second of SQLite at 10,000 learners, on a reader): every element over time, for "Over time"
            ctx.stages.warm_elements(ctx.teacher)

        run_in_background(work, finished, finished)

    # ---- close -------------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the store and make today's backup (at most one verified backup a day; a rolling set is kept)."""
        if self.store is None:
            return
        from plprofile.services.backup import BackupError, backup_on_close

        self.store.close()
        try:
            made = backup_on_close(self.data_dir, key=self.store.key)
        except (BackupError, OSError) as exc:
            ask.error(self.parent_widget, _tr("Backup"), _tr("Today's automatic backup failed: {reason}").format(
                reason=explain(exc)))
            return
        if made is not None:
            self.status.emit(_tr("Backed up to {path}").format(path=made.path), 0)


def warm_week(ctx) -> None:  # noqa: ANN001
    """The class learning snapshot and who is due this week, all the teacher's learners, read as their windows
    first ask for them (``services.kept`` keeps them until the store changes). For a worker thread."""
    from plprofile.i18n import ui_language
    from plprofile.services.snapshot import SnapshotService
    from plprofile.services.week import WeekService

    SnapshotService(ctx.store, ctx.profiles, ctx.stages).warm(ctx.teacher, ui_language())
    WeekService(ctx.store, ctx.profiles, ctx.stages).warm(ctx.teacher)
