"""The main window: the class on the left, the selected learner's profile on the right."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

# the Qt namespace (about 170 enums, 25 ms) is made where first used, not on import: after the first window
from PySide6 import QtCore
from PySide6.QtCore import QItemSelectionModel, QLocale, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import ask
from .a11y import unseen_label
from .common import attempt, fmt_datetime
from .messages import explain
from .worker import run_in_background

if TYPE_CHECKING:  # imported when a session starts: the window shows before SQLAlchemy and the services load
    import uuid

    from .context import AppContext
    from .signin import SignInPage


class IdleLock(QObject):
    """Locks the window after a configurable time without keyboard or mouse use."""

    #: The events that count as activity, made on the first start: importing ``QEvent`` makes its ``Type`` (179
    #: members), 4 ms that the first window need not wait for.
    ACTIVITY: frozenset = frozenset()
    DEFAULT_MINUTES = 5

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(window.lock)

    def minutes(self) -> int:
        return int(QSettings().value("security/idle_minutes", self.DEFAULT_MINUTES))

    def set_minutes(self, minutes: int) -> None:
        QSettings().setValue("security/idle_minutes", int(minutes))
        if self.timer.isActive():
            self.start()

    # a conference is running: the lock waits until it ends (``active`` remembers it should run then)
    paused = False
    active = False

    def start(self, interval_ms: int | None = None) -> None:
        self.active = True
        if self.paused:
            return
        if not IdleLock.ACTIVITY:
            from PySide6.QtCore import QEvent

            IdleLock.ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})
        self.timer.start(interval_ms if interval_ms is not None else self.minutes() * 60_000)
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        self.active = False
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if event.type() in self.ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart with the same interval
        return False


class MainWindow(QMainWindow):
    """Shown at once; the store opens on a worker thread right after the first paint."""

    ready = Signal()
    failed = Signal(str)

    signin_shown = Signal()
    #: Once, when the window first takes input: the sign-in screen (shown before the store is open when the
    #: file says it can be), the first teacher's form, or the session itself.
    accepting_input = Signal()
    #: The background health check of the open store finished: its problems (an empty list: healthy).
    health_checked = Signal(list)

    def __init__(self, data_dir: Path, *, demo: bool = False, learner_name: str | None = None,
                 offer_demo: bool = True, require_sign_in: bool = True) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.want_demo = demo
        self.offer_demo = offer_demo
        self.require_sign_in = require_sign_in
        self.store = None
        self.store_key: bytes | None = None  # the data key of an encrypted store, once a teacher unlocked it
        self.auth = None
        self.learner_name = learner_name
        self.ctx: AppContext | None = None
        self.profile = None
        self.is_ready = False
        self._frozen = False
        self._input_announced = False
        self.health: list[str] | None = None  # the open store's quick_check: None until it has run
        self._warmed = None  # the session whose class overview is read ahead (_warm_class)
        self.class_read_ahead = False  # that reading has finished (or failed: the overview then says why)
        self.ready.connect(lambda: setattr(self, "is_ready", True))
        self.setWindowTitle(self.tr("plprofile — Personal Learner Profiles"))
        self.resize(1400, 900)

        self.signin: SignInPage | None = None  # made when the store is open (_ensure_signin)
        self.splitter: QSplitter | None = None  # the class list and the profile: made by _build_class_list
        self._shortcuts: list[tuple[QAction, QKeySequence | QKeySequence.StandardKey]] = []
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.idle = IdleLock(self)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Opening {path}…").format(path=self.data_dir))
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        # Before the first paint: the window shows with the sign-in screen, if it can. The class list and the
        # menus' shortcuts are hidden behind it: they are made once the window takes input (about 30 ms, 25 of
        # them Qt's namespace, which the class list's model and a shortcut each make on first use), else at once.
        if not self._sign_in_early():
            self._finish_window()
        # the store opens once the window is up: from the event loop, one more turn later, so that its worker
        # (importing SQLAlchemy, holding Python's lock a good part of the time) starts after the first paint
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._open_store))

    def _finish_window(self) -> None:
        """What the sign-in screen hides: the class list and the menus' shortcuts (once)."""
        if self.splitter is not None:
            return
        self._build_class_list()
        for action, shortcut in self._shortcuts:
            action.setShortcut(shortcut)

    def _build_class_list(self) -> None:
        from .learner_list import ANY_GROUP, LearnerFilterProxy, LearnerTableModel

        self.model = LearnerTableModel(self)
        self.proxy = LearnerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search learners (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search learners by name"))
        self.search.setClearButtonEnabled(True)
        for action in self.search.findChildren(QAction):  # Qt's clear button: named for assistive technology
            action.setText(self.tr("Clear the search"))
        self.search.textChanged.connect(self.proxy.set_text)
        # the classes the school has (hidden while it has none): "All my learners" or one class
        self.class_filter = QComboBox()
        self.class_filter.setAccessibleName(self.tr("Choose a class"))
        self.class_filter.currentIndexChanged.connect(lambda _i: self._class_chosen())
        self.class_filter.hide()
        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName(self.tr("Filter by group"))
        self.group_filter.addItem(self.tr("All groups"), ANY_GROUP)
        self.group_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_group(self.group_filter.currentData() or ANY_GROUP))
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (no keyboard trap); arrows choose a learner
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Learners"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Group and grade are sized once per class list (_fit_columns), not to their contents on every
        # change: ResizeToContents asks the model for up to 1,000 rows on each keystroke in the search.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_changed(cur))
        self.count_label = QLabel()
        self.proxy.layoutChanged.connect(self._show_count)
        self.proxy.modelReset.connect(self._show_count)
        self.add_button = QPushButton(self.tr("&Add learner…"))
        self.add_button.clicked.connect(self.add_learner)
        self.import_button = QPushButton(self.tr("&Import class…"))
        self.import_button.clicked.connect(self.import_csv)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.class_filter)
        ll.addWidget(self.search)
        ll.addWidget(self.group_filter)
        unseen_label(self.group_filter, self.tr("Filter by group"), ll)  # its name on Linux is its value
        ll.addWidget(self.table, 1)
        ll.addWidget(self.count_label)
        # One above the other: the list stays narrow at a large text size or in a longer language.
        ll.addWidget(self.add_button)
        ll.addWidget(self.import_button)
        left.setEnabled(False)
        self.left = left

        self.placeholder = QLabel(self.tr("Opening the store…"))
        self.placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        left_width = max(320, self.fontMetrics().averageCharWidth() * 36)  # grows with a larger text size
        self.splitter.setSizes([left_width, 1400 - left_width])
        splitter = QSettings().value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.pages.insertWidget(0, self.splitter)

    # ---- menus and shortcuts ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(file_menu, self.tr("&Import class from CSV…"), self.import_csv,
                                          QKeySequence("Ctrl+I"))
        self._action(file_menu, self.tr("Load a school &framework…"), self.load_framework)
        self._action(file_menu, self.tr("&Backups…"), self.open_backups)
        self._action(file_menu, self.tr("Protect this store with &encryption…"), self.open_encryption)
        file_menu.addSeparator()
        self.lock_action = self._action(file_menu, self.tr("&Lock"), self.lock, QKeySequence("Ctrl+L"))
        sign_out = self._action(file_menu, self.tr("Sign &out"), self.sign_out)
        self._action(file_menu, self.tr("Lock after idle &time…"), self.choose_idle_minutes)
        self.language_action = self._action(file_menu, self.tr("Lan&guage…"), self.choose_language)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        learner_menu = self.menuBar().addMenu(self.tr("&Learner"))
        self._action(learner_menu, self.tr("&Add learner…"), self.add_learner, QKeySequence("Ctrl+Shift+N"))
        self._action(learner_menu, self.tr("&Find learner"), self.focus_search, QKeySequence.StandardKey.Find)
        self._action(learner_menu, self.tr("&Next learner"), lambda: self.step_learner(1), QKeySequence("Alt+Down"))
        self._action(learner_menu, self.tr("&Previous learner"), lambda: self.step_learner(-1),
                     QKeySequence("Alt+Up"))
        self._action(learner_menu, self.tr("Start &conference"), self.start_conference,
                     QKeySequence("Ctrl+Shift+K"))
        learner_menu.addSeparator()
        # Goals are the learner's too: these two also work when a learner is signed in (no Learner menu then).
        self.new_goal_action = self._action(learner_menu, self.tr("New &goal"), self.new_goal,
                                            QKeySequence("Ctrl+G"))
        self.add_evidence_action = self._action(learner_menu, self.tr("Add &evidence to the goal"),
                                                self.add_evidence, QKeySequence("Ctrl+E"))
        for action in (self.new_goal_action, self.add_evidence_action):
            self.addAction(action)
        learner_menu.addSeparator()
        self._action(learner_menu, self.tr("&Remove learner from the class…"), self.remove_learner)
        self._action(learner_menu, self.tr("&Delete learner permanently…"), self.purge_learner)
        learner_menu.addSeparator()
        self._action(learner_menu, self.tr("&Set or reset sign-in PIN…"), self.set_learner_pin)
        self._action(learner_menu, self.tr("&Unlock learner's sign-in"), self.unlock_learner)
        self._action(learner_menu, self.tr("Add a &teacher account…"), self.add_teacher)
        self._action(file_menu, self.tr("C&hange my password…"), self.change_password)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._action(self.view_menu, self.tr("&Class overview…"), self.open_class_overview,
                     QKeySequence("Ctrl+Shift+C"))
        self.view_menu.addSeparator()
        self.text_size_action = self._action(self.view_menu, self.tr("&Text size…"), self.choose_text_size)
        everyone = {self.lock_action, sign_out, self.language_action, quit_action, self.new_goal_action,
                    self.add_evidence_action}
        self.teacher_only_actions = [a for a in (*file_menu.actions(), *learner_menu.actions())
                                     if a not in everyone]
        self.learner_menu = learner_menu

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:  # set by _finish_window: setting one makes Qt's namespace
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _profile_in_use(self) -> bool:
        """A profile is on screen (not the sign-in or lock screen) and a learner is open."""
        return (self.profile is not None and self.profile.view is not None
                and self.pages.currentWidget() is self.splitter)

    def new_goal(self) -> None:
        """Ctrl+G: the Goals tab with an empty goal, the cursor in its statement."""
        if self._profile_in_use():
            self.profile.tabs.setCurrentWidget(self.profile.goals)
            self.profile.goals.new_goal()

    def add_evidence(self) -> None:
        """Ctrl+E: the Goals tab, the cursor in the evidence field of the chosen goal."""
        if not self._profile_in_use():
            return
        goals = self.profile.goals
        self.profile.tabs.setCurrentWidget(goals)
        if goals.current() is None:
            self.statusBar().showMessage(self.tr("Choose a goal first: evidence belongs to a goal."), 8000)
            goals.goal_list.setFocus()
            return
        goals.ev_text.setFocus()

    def choose_language(self) -> None:
        """The interface language: the system's, English or Spanish; it applies at the next start."""
        from plprofile import i18n

        choices = list(i18n.CHOICES)
        current = i18n.language_setting()
        index = ask.choice(self, self.tr("Language"), self.tr("Language of plprofile:"),
                           [i18n.language_name(c) for c in choices], choices.index(current))
        if index is None or choices[index] == current:
            return
        i18n.set_language_setting(choices[index])
        ask.info(self, self.tr("Language"), self.tr(
            "plprofile will use “{language}” the next time it starts.").format(
                language=i18n.language_name(choices[index])))

    def choose_text_size(self) -> None:
        """The text size: the system's or a larger one for everyone on this computer; applies at the next start."""
        from plprofile import i18n

        sizes = list(i18n.FONT_SIZES)
        current = i18n.font_size_setting()
        names = [self.tr("The system's size") if s == 0 else self.tr("{points} points").format(
            points=QLocale().toString(float(s), "g", 3)) for s in sizes]
        index = ask.choice(self, self.tr("Text size"), self.tr("Size of the text in plprofile:"), names,
                           sizes.index(current) if current in sizes else 0)
        if index is None or sizes[index] == current:
            return
        i18n.set_font_size_setting(sizes[index])
        ask.info(self, self.tr("Text size"), self.tr("plprofile will use “{size}” the next time it starts.").format(
            size=names[index]))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def step_learner(self, delta: int) -> None:
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex().row()
        self.table.selectRow(max(0, min(rows - 1, current + delta)))

    # ---- opening the store --------------------------------------------------------------------------
    def _open_store(self) -> None:
        self._finish_window()
        data_dir, demo, key = self.data_dir, self.want_demo, self.store_key

        def work():  # noqa: ANN202
            from plprofile.store.engine import open_store  # SQLAlchemy loads here, off the GUI thread

            store = open_store(data_dir, key, check=False)  # the health check runs once the window is up
            # the session's modules load here too, while the window paints; building widgets waits for
            # the GUI thread
            import plprofile.ui.profile_panel  # noqa: F401
            import plprofile.ui.signin  # noqa: F401
            if demo:
                from plprofile.services.demo import generate_demo, store_is_empty

                if store_is_empty(store):
                    generate_demo(store)
            return store

        run_in_background(work, self._store_opened, self._store_failed)

    def _sign_in_early(self) -> bool:
        """The sign-in screen at once, while the store opens on its worker (SQLAlchemy, the schema check, a
        migration if one is due): a teacher types their name and password meanwhile, and Enter signs in as soon
        as the store is open. Only where a first look at the file (``store.peek``, the standard library's
        sqlite3, read-only) finds a plain store with learners and a teacher who can sign in; anything else (a
        new, empty, encrypted or damaged store) takes the usual path, which says what it is."""
        if not self.require_sign_in or self.want_demo or self.signin is not None:
            return False
        from plprofile.store.peek import ready_to_sign_in

        if not ready_to_sign_in(self.data_dir):
            return False
        self._ensure_signin().show_sign_in()
        self.menuBar().setEnabled(False)
        self.pages.setCurrentWidget(self.signin)
        self._taking_input()
        return True

    def _taking_input(self) -> None:
        if not self._input_announced:
            self._input_announced = True
            # from the event loop: the early sign-in screen is made in __init__, before anyone could listen
            QTimer.singleShot(0, self.accepting_input.emit)

    def _store_failed(self, exc: Exception) -> None:
        """Say what is wrong in plain words; the file is not touched. Offer a good backup or another folder."""
        if self.signin is not None and self.pages.currentWidget() is self.signin:
            self.signin.forget()  # shown early: what was typed for this store goes
            self.pages.setCurrentWidget(self.splitter)
            self.menuBar().setEnabled(True)
        from plprofile.services.backup import latest_good_backup
        from plprofile.store.engine import CorruptStoreError, EncryptedStoreError, NewerStoreError

        if isinstance(exc, EncryptedStoreError) and (self.offer_demo or self.require_sign_in):
            from .encryption import unlock_store  # encrypted is not damaged: ask for the key first

            if unlock_store(self):
                return
        message = str(exc)
        self.placeholder.setText(self.tr("The store could not be opened.\n\n{message}").format(message=message))
        self.statusBar().showMessage(self.tr("Store not opened"))
        self.failed.emit(message)
        if not self.offer_demo:  # screenshots and scripts: report and stop, never ask
            return
        title = self.tr("The store could not be opened")
        if isinstance(exc, CorruptStoreError):
            good = latest_good_backup(self.data_dir, self.store_key)
            if good is not None and ask.confirm(self, title, self.tr(
                    "{message}\n\nRestore the latest good backup, made {date}? The damaged file is kept in the "
                    "backups folder.").format(message=message, date=fmt_datetime(good.created))):
                self._restore_and_reopen(good.path)
                return
        elif not isinstance(exc, NewerStoreError):
            ask.error(self, title, message)
        if ask.confirm(self, title, self.tr("{message}\n\nOpen the store in another folder?").format(
                message=message)):
            folder = ask.folder(self, self.tr("Choose the folder of a plprofile store"))
            if folder:
                self.data_dir = Path(folder)
                self.placeholder.setText(self.tr("Opening the store…"))
                self._open_store()

    def _restore_and_reopen(self, backup: Path, reopen_on_failure: bool = False) -> None:
        from plprofile.services.backup import BackupError, restore

        try:
            restore(self.data_dir, backup, key=self.store_key)
        except BackupError as exc:
            ask.error(self, self.tr("Restore"), str(exc))
            if not reopen_on_failure:
                return
        self.placeholder.setText(self.tr("Opening the store…"))
        self._open_store()

    def _store_opened(self, store) -> None:  # noqa: ANN001
        from plprofile.services.auth import AuthService
        from plprofile.services.demo import store_is_empty

        self.store = store
        self.health = None
        QTimer.singleShot(0, self._check_health)  # after the first screen is up, off the GUI thread
        self.auth = AuthService(store)
        self._ensure_signin().auth = self.auth
        if store.encrypted:
            from .encryption import keep_key_slots

            keep_key_slots(self.auth, store)
        self.statusBar().showMessage(self.tr("Store: {path}").format(path=store.path), 8000)
        if self.offer_demo and not self.want_demo and store_is_empty(store) and ask.confirm(
                self, self.tr("Welcome to plprofile"),
                self.tr("This store is empty. Load a demo class of 25 learners to explore the app?\n\n"
                        "You can add learners by hand or import a class from a CSV file instead.")):
            self._load_demo()
            return
        self._after_open()

    def _check_health(self) -> None:
        """The health check of the open store (schema, ``quick_check``, foreign keys: ``health_check``) on a
        worker thread, so the first screen never waits for it (it reads the whole file).

        A damaged store is closed at once, the session ends, and the app says so and offers the latest good
        backup, exactly as when the damage is found before opening."""
        from plprofile.store.engine import health_check

        store = self.store
        if store is None:
            return
        from shiboken6 import isValid

        def known(problems: list[str]) -> None:
            if isValid(self):  # the window may be gone by then (closed and deleted): nobody to tell
                self._health_known(store, problems)

        run_in_background(lambda: health_check(store.path, store.key), known, lambda exc: known([str(exc)]))

    def _health_known(self, store, problems: list[str]) -> None:  # noqa: ANN001
        from plprofile.store.engine import CorruptStoreError, first_line

        if store is not self.store:  # another store was opened meanwhile
            return
        self.health = list(problems)
        self._warm_class()  # nothing unless the store is healthy and a teacher's session is up
        if problems:
            self._end_session()
            store.close()
            self.store = self.auth = None
            if self.signin is not None:
                self.signin.auth = None
            self.menuBar().setEnabled(True)
            self.pages.setCurrentWidget(self.splitter)
            self.left.setEnabled(False)
            self._store_failed(CorruptStoreError(self.tr(
                "{name} failed its health check ({problem}). It was closed: nothing more is written to it."
            ).format(name=store.path.name, problem=first_line(problems[0]))))
        self.health_checked.emit(self.health)

    def _close_class_overview(self) -> None:
        overview = getattr(self, "class_overview", None)
        if overview is not None:
            overview.close()
            overview.deleteLater()
            self.class_overview = None

    def _end_session(self) -> None:
        self.idle.stop()
        self._close_class_overview()
        if self.profile is not None:
            self.stack.removeWidget(self.profile)
            self.profile.deleteLater()
            self.profile = None
        self.model.set_learners([])
        self.ctx = None

    def _ensure_signin(self) -> SignInPage:
        if self.signin is None:
            from .signin import SignInPage

            self.signin = SignInPage()
            self.signin.signed_in.connect(self._signed_in)
            self.signin.recover_requested.connect(self._recover_teachers)
            self.pages.addWidget(self.signin)
        return self.signin

    def _after_open(self) -> None:
        if not self.require_sign_in:
            self._start_session(None)
        elif self.auth.needs_first_teacher():
            self._show_signin(first=True)
        elif self.auth.needs_recovery():
            from plprofile.services.auth import RECOVERY

            from .messages import text

            self._ensure_signin().show_recovery(text(RECOVERY))
            self.menuBar().setEnabled(False)
            self.pages.setCurrentWidget(self.signin)
            self._taking_input()
        else:
            self._show_signin()

    def _recover_teachers(self) -> None:
        """A store of learners without a teacher account: the latest good backup, if the teacher agrees."""
        from plprofile.services.backup import latest_good_backup

        title = self.tr("Restore the latest backup")
        good = latest_good_backup(self.data_dir, self.store_key)
        if good is None:
            ask.error(self, title, self.tr("There is no backup of this store to restore. Ask whoever looks after "
                                           "the school's computers."))
        elif ask.confirm(self, title, self.tr("Restore the backup made {date}? The store as it is now is kept in "
                                              "the backups folder.").format(date=fmt_datetime(good.created))):
            self.store.close()  # let go of the file so that it can be swapped; reopened either way
            self._restore_and_reopen(good.path, reopen_on_failure=True)

    def _load_demo(self) -> None:
        from plprofile.services.demo import generate_demo

        store = self.store
        self.placeholder.setText(self.tr("Creating the demo class…"))
        self.statusBar().showMessage(self.tr("Creating the demo class…"))
        run_in_background(lambda: generate_demo(store), lambda _n: self._after_open(), self._store_failed)

    # ---- sessions -----------------------------------------------------------------------------------
    def _show_signin(self, first: bool = False) -> None:
        from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER

        auth = self.auth
        if auth is not None:  # the first sign-in then costs no more than any other
            run_in_background(auth.prepare, lambda _r: None, lambda _e: None)
        # shown before the store was open: what was typed stays, and a sign-in waiting for the store goes on
        early = (not first and self.ctx is None and self.signin.mode == "sign_in"
                 and self.pages.currentWidget() is self.signin)
        if first:
            self.signin.show_first_teacher()
        else:
            demo = self.auth.demo_sign_in_works(*DEMO_TEACHER) if self.auth else False
            hint = self.tr("Demo class: teachers sign in as “{user}” with “{password}”; learners with their "
                           "sign-in name (e.g. “zoem”) and PIN {pin}.").format(
                user=DEMO_TEACHER[0], password=DEMO_TEACHER[1], pin=DEMO_PIN) if demo else ""
            if early:
                self.signin.set_hint(hint)
            else:
                self.signin.show_sign_in(hint)
        self.menuBar().setEnabled(False)
        self.pages.setCurrentWidget(self.signin)
        self._taking_input()
        self.signin_shown.emit()
        if early:
            self.signin.resume()

    def _signed_in(self, signed) -> None:  # noqa: ANN001
        protect, self.signin.protect_request = self.signin.protect_request, None
        if protect:  # "Protect this store with encryption" ticked when the first teacher was made
            QTimer.singleShot(0, lambda: self.open_encryption(password=protect))
        if self.ctx is not None and self.signin.mode == "locked" and signed.actor == self.ctx.me:
            # The same person unlocks: everything is as they left it, unsaved typing included.
            self.menuBar().setEnabled(True)
            self.pages.setCurrentWidget(self.splitter)
            self.idle.start()
            return
        self._start_session(signed)

    def _start_session(self, signed) -> None:  # noqa: ANN001
        from .context import AppContext
        from .profile_panel import ProfilePanel

        if self.profile is not None:  # another person signs in: nothing of the last session stays
            self.stack.removeWidget(self.profile)
            self.profile.deleteLater()
            self.profile = None
            self.model.set_learners([])
        self.ctx = AppContext(self.store, signed, auth=self.auth)
        self.profile = ProfilePanel(self.ctx)
        self.profile.conference_running.connect(lambda on: self.left.setVisible(not on))
        self.profile.conference_running.connect(self._idle_during_conference)
        self.stack.addWidget(self.profile)
        self.stack.setCurrentWidget(self.profile)
        learner_mode = self.ctx.is_learner
        self.left.setVisible(not learner_mode)
        self.left.setEnabled(True)
        for action in self.teacher_only_actions:
            action.setVisible(not learner_mode)
        self.learner_menu.menuAction().setVisible(not learner_mode)
        self.view_menu.menuAction().setVisible(not learner_mode)
        self.menuBar().setEnabled(True)
        self.pages.setCurrentWidget(self.splitter)
        who = self.ctx.user.display_name
        self.setWindowTitle(self.tr("plprofile — {who}").format(who=who))
        if learner_mode:
            self.profile.show_learner(self.ctx.me.learner_id)
            self.profile.tabs.setCurrentWidget(self.profile.home)  # a learner's session opens on their home
            self.statusBar().clearMessage()  # the store's file path is not for a learner
        else:
            self.refresh_learners()
            self._select_initial()
        if self.require_sign_in:
            self.idle.start()
        self._taking_input()
        if not self._frozen:
            # What start-up made (Qt's wrappers, SQLAlchemy's mappers, the widgets) lives as long as the app: out of
            # the cycle collector's way, its full passes walk only what came after (tens of ms each, otherwise,
            # in the middle of reading a whole school). And the young generation is collected every 50,000
            # allocations rather than 700: reading a school's overview makes tens of thousands of small objects,
            # which die young without any cycle (a few MB of cyclic garbage at most wait a little longer).
            gc.freeze()
            gc.set_threshold(50_000, 20, 100)
            self._frozen = True
        self._warm_class()
        self.ready.emit()

    def _warm_class(self) -> None:
        """Once a teacher's session is up and the store's health check has read the file: what the class overview
        first shows is read on a worker meanwhile (``StagesService.warm_class``), once per session, so that
        the overview opens on it while the store has not changed. A learner's session reads nothing of it."""
        ctx = self.ctx
        if ctx is None or ctx.is_learner or self.health != [] or self._warmed is ctx:
            return
        self._warmed = ctx
        self.class_read_ahead = False

        def finished(_result: object) -> None:
            if self._warmed is ctx:
                self.class_read_ahead = True

        run_in_background(lambda: ctx.stages.warm_class(ctx.teacher), finished, finished)

    def start_conference(self) -> None:
        if self.profile is not None:
            self.profile.start_conference()

    def lock(self) -> None:
        """Back to the sign-in screen; the session's widgets stay as they are until the same person returns."""
        if self.ctx is None or not self.require_sign_in or self.pages.currentWidget() is self.signin:
            return
        self.idle.stop()
        self._close_class_overview()  # a window of its own: it would stay readable past the lock
        self.signin.show_locked(self.ctx.me, self.ctx.user.username, self.ctx.user.display_name)
        self.menuBar().setEnabled(False)
        self.pages.setCurrentWidget(self.signin)

    def sign_out(self) -> None:
        if self.ctx is None or not self.require_sign_in:
            return
        self._end_session()
        self._show_signin()

    def _idle_during_conference(self, running: bool) -> None:
        """The idle lock waits while a conference runs (two people talking touch no key for minutes)."""
        self.idle.paused = running
        if running:
            self.idle.timer.stop()
        elif self.idle.active:
            self.idle.start()

    def choose_idle_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        minutes, ok = QInputDialog.getInt(self, self.tr("Lock after idle time"),
                                          self.tr("Lock the app after this many minutes without use:"),
                                          self.idle.minutes(), 1, 120)
        if ok:
            self.idle.set_minutes(minutes)

    def set_learner_pin(self) -> None:
        learner_id = self.current_learner_id()
        if self.ctx is None or learner_id is None:
            return
        pin = ask.text(self, self.tr("Set sign-in PIN"),
                       self.tr("A PIN of 4 to 8 digits for {name}:").format(
                           name=self.profile.view.learner.preferred_name))
        if pin is None:
            return
        name = attempt(self, lambda: self.auth.set_learner_pin(self.ctx.me, learner_id, pin))
        if name:
            ask.info(self, self.tr("Set sign-in PIN"),
                     self.tr("{learner} signs in as “{name}” with the new PIN.").format(
                         learner=self.profile.view.learner.preferred_name, name=name))

    def unlock_learner(self) -> None:
        learner_id = self.current_learner_id()
        if self.ctx is None or learner_id is None:
            return
        account = self.ctx.profiles.learner_account(self.ctx.me, learner_id)
        attempt(self, lambda: self.auth.unlock(self.ctx.me, account.id))
        ask.info(self, self.tr("Unlock"), self.tr("{name} can sign in again.").format(name=account.display_name))

    def add_teacher(self) -> None:
        if self.ctx is None:
            return
        name = ask.text(self, self.tr("Add a teacher"), self.tr("Sign-in name of the new teacher:"))
        if not name:
            return
        password = ask.password(self, self.tr("Add a teacher"),
                                self.tr("A password for {name} (at least 8 characters):").format(name=name))
        if password is not None and attempt(
                self, lambda: self.auth.add_teacher(self.ctx.me, name, name, password)) is not None:
            ask.info(self, self.tr("Add a teacher"), self.tr("{name} can now sign in.").format(name=name))

    def change_password(self) -> None:
        if self.ctx is None:
            return
        title = self.tr("Change my password")
        current = ask.password(self, title, self.tr("Your current password:"))
        if current is None:
            return
        new = ask.password(self, title, self.tr("A new password (at least 8 characters):"))
        if new is None:
            return
        again = ask.password(self, title, self.tr("The new password again:"))
        if again is None:
            return
        if again != new:
            ask.error(self, title, self.tr("The two new passwords are not the same. Nothing was changed."))
            return
        if attempt(self, lambda: self.auth.change_password(self.ctx.me, current, new)) is not None:
            ask.info(self, title, self.tr("Your password is changed. Use it the next time you sign in."))

    def _select_initial(self) -> None:
        """Open the learner asked for by name (``--learner``), else the first. A full name matches first; a
        given, family or preferred name alone only if exactly one learner has it; compared as the search compares
        (without case, accents or apostrophes: "Zoe Moreau" finds Zoé Moreau)."""
        row = 0
        self.learner_not_found = False
        if self.learner_name:
            from plprofile.domain.search import matches_name

            full: list[int] = []
            partial: list[int] = []
            for i in range(self.proxy.rowCount()):
                summary = self.model.learner(self.proxy.mapToSource(self.proxy.index(i, 0)).row())
                how = matches_name(self.learner_name, summary.given_name, summary.family_name,
                                   summary.preferred_name)
                if how == 2:
                    full.append(i)
                elif how == 1:
                    partial.append(i)
            found = full or (partial if len(partial) == 1 else [])
            if found:
                row = found[0]
            else:
                self.learner_not_found = True
        if self.proxy.rowCount():
            self.table.selectRow(row)
        else:
            self.profile.show_learner(None)

    # ---- learners -----------------------------------------------------------------------------------
    def refresh_learners(self, select: uuid.UUID | None = None) -> None:
        from plprofile.domain.profile import Role

        from .learner_list import ANY_GROUP

        current = select or self.current_learner_id()
        actor = self.ctx.teacher
        if actor.role is Role.LEARNER:
            self.model.set_learners(self.ctx.profiles.list_learners(actor))
        else:  # the class list keeps its folded search keys until the store changes
            class_list = self.ctx.profiles.class_list(actor)
            self.model.set_learners(class_list.learners, class_list.search_keys)
        groups = self.ctx.profiles.groups(self.ctx.teacher)
        chosen = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), ANY_GROUP)
        for g in groups:
            self.group_filter.addItem(g, g)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)))
        self.group_filter.blockSignals(False)
        self._fit_columns()
        self._list_classes()
        self._show_count()
        if current is not None:
            self.select_learner(current)

    def _list_classes(self) -> None:
        """Fill the class chooser (staff only; hidden while the school has no classes), keeping the choice."""
        from plprofile.domain.profile import Role
        from plprofile.services.school import SchoolService

        actor = self.ctx.teacher
        classes = [] if actor.role is Role.LEARNER else SchoolService(self.ctx.store).list_classes(actor)
        chosen = self.class_filter.currentData()
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem(self.tr("All my learners"), None)
        mine = [c for c in classes if c.teaches] or classes  # a school admin who teaches none: every class
        for c in mine:
            self.class_filter.addItem(self.tr("{title} (%n learner(s))", "", c.learners).format(title=c.title), c.id)
        self.class_filter.setCurrentIndex(max(0, self.class_filter.findData(chosen)))
        self.class_filter.blockSignals(False)
        self.class_filter.setVisible(bool(classes))
        self._class_chosen()

    def _class_chosen(self) -> None:
        from plprofile.services.school import SchoolService

        class_id = self.class_filter.currentData()
        members = None if class_id is None else SchoolService(self.ctx.store).class_learners(self.ctx.teacher,
                                                                                             class_id)
        self.proxy.set_members(members)

    def _show_count(self) -> None:
        """"25 learners", or "3 of 25 learners" while a search or group hides some ("0 of 25": none match)."""
        total, shown = self.model.total(), self.model.shown()
        if shown == total:
            self.count_label.setText(self.tr("%n learner(s)", "", total))
        else:
            self.count_label.setText(self.tr("{shown} of %n learner(s)", "", total).format(
                shown=QLocale().toString(shown)))

    def _fit_columns(self) -> None:
        """Group and grade columns as wide as their longest value (over the distinct values, not the rows)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        learners = self.model.all_learners()
        margin = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 12
        for column, values in ((1, {s.group_name for s in learners}), (2, {s.grade for s in learners})):
            title = str(self.model.headerData(column, QtCore.Qt.Orientation.Horizontal))
            widest = max((metrics.horizontalAdvance(v) for v in values), default=0)
            header.resizeSection(column, max(widest, metrics.horizontalAdvance(title) + 16) + margin)

    def select_learner(self, learner_id: uuid.UUID) -> bool:
        row = self.model.row_of(learner_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def current_learner_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return index.data(self.model.ID_ROLE) if index.isValid() else None

    def _row_changed(self, current) -> None:  # noqa: ANN001
        if self.profile is None:
            return
        self.profile.show_learner(current.data(self.model.ID_ROLE) if current.isValid() else None)

    def add_learner(self) -> None:
        if self.ctx is None:
            return
        from .dialogs import AddLearnerDialog

        dialog = AddLearnerDialog(self.ctx, self)
        if ask.dialog(dialog) and dialog.created is not None:
            self.search.clear()
            self.group_filter.setCurrentIndex(0)
            self.refresh_learners(select=dialog.created.id)

    def import_csv(self) -> None:
        if self.ctx is None:
            return
        path = ask.open_file(self, self.tr("Import a class"),
                             self.tr("Class files: CSV, or a school's OneRoster .zip (*.csv *.txt *.zip);;"
                                     "All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read, check every row, then import all of them in one transaction, or none."""
        from plprofile.domain.roster import RosterError, encoding_name, read_roster

        title = self.tr("Import a class")
        if path.is_dir() or path.suffix.casefold() == ".zip":  # a school's OneRoster set
            from .roster_set import import_roster_set

            import_roster_set(self, path)
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            ask.error(self, title, self.tr("The file cannot be read: {reason}").format(reason=exc.strerror))
            return
        try:
            roster = read_roster(data)
        except RosterError as exc:
            ask.error(self, title, self.tr("Nothing was imported.\n\n{problems}").format(problems=explain(exc)))
            return
        rows = roster.rows
        # the encoding and a few names, so a wrong guess is seen before anything is written
        sample = ", ".join(f"{r.given_name} {r.family_name}" for r in rows[:3]) + (" …" if len(rows) > 3 else "")
        question = self.tr("Import %n learner(s) from {name}?", "", len(rows)).format(name=path.name)
        read_as = self.tr("Read as {encoding}: {names}").format(encoding=encoding_name(roster.encoding),
                                                                 names=sample)
        if not ask.confirm(self, title, f"{question}\n\n{read_as}"):
            return
        ctx = self.ctx
        total = len(rows)
        self.statusBar().showMessage(self.tr("Importing…"))
        self.left.setEnabled(False)

        # A class of the usual size imports in a blink; a big file shows how far it got. There is no Cancel:
        # the import is all or nothing and takes seconds even for tens of thousands of learners.
        locale = QLocale()
        progress = None
        if total >= 200:
            from PySide6.QtWidgets import QProgressDialog

            progress = QProgressDialog(self)
            progress.setWindowTitle(title)
            progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
            progress.setCancelButton(None)
            progress.setAutoClose(False)
            progress.setAutoReset(False)
            progress.setMinimumDuration(0)
            progress.setRange(0, total)

        def show_progress(count: int, of: int) -> None:
            if progress is not None:
                progress.setLabelText(self.tr("Importing {count} of {total} learners…").format(
                    count=locale.toString(count), total=locale.toString(of)))
                progress.setValue(count)

        def finish() -> None:
            if progress is not None:
                progress.close()
                progress.deleteLater()
            self.left.setEnabled(True)

        def done(count: int) -> None:
            finish()
            self.refresh_learners()
            self.statusBar().showMessage(self.tr("Imported %n learner(s).", "", count), 8000)
            self.ready.emit()

        def failed(exc: Exception) -> None:
            finish()
            self.statusBar().clearMessage()
            ask.error(self, title, self.tr("Nothing was imported.\n\n{problem}").format(problem=explain(exc)))
            self.ready.emit()

        show_progress(0, total)
        if progress is not None:
            progress.show()
        run_in_background(lambda report: ctx.profiles.import_roster(ctx.teacher, rows, progress=report),
                          done, failed, on_progress=show_progress)

    def remove_learner(self) -> None:
        learner_id = self.current_learner_id()
        if learner_id is None or self.profile.view is None:
            return
        name = self.profile.view.learner.preferred_name
        if ask.confirm(self, self.tr("Remove learner"),
                       self.tr("Remove {name} from the class list? Their profile is kept and can be restored.")
                       .format(name=name)):
            self.ctx.profiles.delete_learner(self.ctx.teacher, learner_id)
            self.refresh_learners()

    def purge_learner(self) -> None:
        """Erase the learner for good: from the store, its journal and every backup this computer keeps."""
        learner_id = self.current_learner_id()
        if learner_id is None or self.profile.view is None:
            return
        from plprofile.services import erase

        learner = self.profile.view.learner
        title = self.tr("Delete permanently")
        backups, _problems = erase.backups_to_rewrite(self.data_dir, self.ctx.store.key)
        typed = ask.text(self, title, self.tr(
            "This erases everything about {name}: their profile, goals, check-ins, assessments, conferences, "
            "history and sign-in. They are erased from this computer's store and from every backup of it in "
            "its backups folder (%n backup(s)), and cannot be brought back. Copies kept somewhere else (a USB "
            "stick, a protected copy, a saved summary) are not reached.\n\n"
            "Type the learner's family name to confirm:", "", len(backups)).format(name=learner.preferred_name))
        if typed is None:
            return
        if typed.strip().casefold() != learner.family_name.casefold():
            ask.info(self, title, self.tr("The name did not match; nothing was deleted."))
            return
        ctx = self.ctx
        self.left.setEnabled(False)
        self.statusBar().showMessage(self.tr("Erasing {name} from the store and its backups…").format(
            name=learner.preferred_name))

        def done(result: erase.Erased) -> None:
            self.left.setEnabled(True)
            self.refresh_learners()
            self.statusBar().showMessage(self.tr(
                "{name} is erased from the store and from %n backup(s).", "", len(result.rewritten)).format(
                name=learner.preferred_name), 8000)

        def failed(exc: Exception) -> None:
            self.left.setEnabled(True)
            self.statusBar().clearMessage()
            self.refresh_learners()
            ask.error(self, title, explain(exc))

        run_in_background(lambda: erase.erase_learner(ctx.profiles, ctx.teacher, learner_id), done, failed)

    # ---- other windows ------------------------------------------------------------------------------
    def open_class_overview(self):  # noqa: ANN201
        """The class overview window (stages distribution now and over the year, who is due); teachers only."""
        if self.ctx is None or self.ctx.is_learner:
            return None
        from .class_overview import ClassOverview

        if getattr(self, "class_overview", None) is None:
            self.class_overview = ClassOverview(self.ctx, self)
        self.class_overview.show()  # laid out first, so the chart is drawn once, at the size it is shown
        self.class_overview.refresh()
        self.class_overview.raise_()
        return self.class_overview

    def load_framework(self) -> None:
        if self.ctx is None:
            return
        from .frameworks import load_framework_file

        if load_framework_file(self, self.ctx):
            self.profile.reload()

    def open_backups(self) -> None:
        if self.ctx is None:
            return
        from .backups import BackupsDialog

        ask.dialog(BackupsDialog(self.ctx, self))

    def open_encryption(self, password: str | None = None) -> None:
        if self.ctx is None:
            return
        from .encryption import open_encryption_dialog

        open_encryption_dialog(self, password)

    def show_view(self, view: str):  # noqa: ANN201
        """Bring a named view to the front and return the widget to capture (used by --screenshot --view)."""
        if self.profile is None or view in ("profile", "signin"):
            return self
        if view == "class":
            return self.open_class_overview()
        if view == "conference":  # conference mode open on the learner, the learner writing
            from plprofile.domain.profile import Role

            self.profile.start_conference()
            if self.profile.conference is not None:
                self.profile.conference.choose_writer(Role.LEARNER)
            return self
        if view in ("goals", "stages"):  # the goals page, or the Stages rating form (--screenshot --view ...)
            self.profile.tabs.setCurrentWidget(self.profile.goals if view == "goals" else self.profile.stages_page)
            if view == "stages":
                self.profile.stages_page.tabs.setCurrentWidget(self.profile.stages_page.entry)
            return self
        self.profile.tabs.setCurrentWidget(self.profile.stages_page)
        self.profile.stages_page.show_chart(view)
        return self

    # ---- window state -------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        if self.splitter is not None:
            settings.setValue("main/splitter", self.splitter.saveState())
        self.idle.stop()
        if self.store is not None:
            self.store.close()
            self._daily_backup()
        super().closeEvent(event)

    def _daily_backup(self) -> None:
        """At most one verified backup a day, on close; a rolling set is kept (7 daily, 4 weekly)."""
        from plprofile.services.backup import BackupError, backup_on_close

        try:
            made = backup_on_close(self.data_dir, key=self.store.key)
        except (BackupError, OSError) as exc:
            ask.error(self, self.tr("Backup"), self.tr("Today's automatic backup failed: {reason}").format(
                reason=exc))
            return
        if made is not None:
            self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=made.path))
