"""The main window: a shell that puts the class list, the profile and the sign-in screen together.

Its parts do the work and signal each other: ``StoreLife`` (the store from opening to the daily backup),
``ClassPane`` (the class list), ``MenuBar`` (the menus, from one table), ``IdleLock``, and the operations
in ``ui/operations`` that the menu entries call.
"""

from __future__ import annotations

import gc
from functools import partialmethod
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget

from ..classroom.class_windows import KINDS_SHOWN, ClassWindows, window_property
from ..hub_sync.wiring import HubSync
from ..operations import learners
from .idle_lock import IdleLock
from .menus import MenuBar
from .store_life import StoreLife

if TYPE_CHECKING:  # imported when a session starts: the window shows before SQLAlchemy and the services load
    import uuid

    from ..classroom.class_pane import ClassPane
    from ..kit.context import AppContext
    from .signin import SignInPage


class MainWindow(QMainWindow):
    """Shown at once; the store opens on a worker thread right after the first paint."""

    ready = Signal()
    signin_shown = Signal()
    #: Once, when the window first takes input: the sign-in screen (shown before the store is open when the
    #: file says it can be), the first teacher's form, or the session itself.
    accepting_input = Signal()

    def __init__(self, data_dir: Path, *, demo: bool = False, learner_name: str | None = None,
                 offer_demo: bool = True, require_sign_in: bool = True) -> None:
        super().__init__()
        self.require_sign_in = require_sign_in
        self.learner_name = learner_name
        self.learner_not_found = False
        self.profile = None
        self.is_ready = False
        self._frozen = False
        self._input_announced = False
        self.ready.connect(lambda: setattr(self, "is_ready", True))
        self.setWindowTitle(self.tr("plprofile — Personal Learner Profiles"))
        self.resize(1400, 900)

        self.life = StoreLife(self, data_dir, demo=demo, offer_demo=offer_demo,
                              ask_first=offer_demo or require_sign_in)
        self.failed, self.health_checked = self.life.failed, self.life.health_checked
        self.life.placeholder.connect(lambda text: self.placeholder.setText(text))
        self.life.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.life.failed.connect(lambda _message: self._leave_signin())
        self.life.opened.connect(self._after_open)
        self.life.closing.connect(self._store_closing)
        self.life.session_started.connect(self._show_session)

        self.signin: SignInPage | None = None  # made when the store is open (_ensure_signin)
        self.splitter: QSplitter | None = None  # the class list and the profile: made by _finish_window
        self.class_pane: ClassPane | None = None
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.idle = IdleLock(self, self.lock)
        self.class_windows = ClassWindows(self)
        self.menus = MenuBar(self)
        self.hub = HubSync(self)  # the school hub: pairing, background sync, its status (ui/hub_sync)
        self.statusBar().showMessage(self.tr("Opening {path}…").format(path=self.life.data_dir))
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        # Before the first paint: the window shows with the sign-in screen, if it can. The class list and the
        # menus' shortcuts are hidden behind it: made once the window takes input (Qt's namespace, which the
        # class list's model and a shortcut each make on first use, costs the first paint otherwise).
        if not self._sign_in_early():
            self._finish_window()
        # the store opens once the window is up: from the event loop, one more turn later, so that its worker
        # (importing SQLAlchemy, holding Python's lock a good part of the time) starts after the first paint
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: (self._finish_window(), self.life.open())))

    # ---- the parts, for the views and tests that reach them through the window ---------------------------
    store = property(lambda self: self.life.store)
    auth = property(lambda self: self.life.auth)
    ctx: AppContext | None = property(lambda self: self.life.ctx)
    health = property(lambda self: self.life.health)
    class_read_ahead = property(lambda self: self.life.class_read_ahead)
    data_dir = property(lambda self: self.life.data_dir)
    store_key = property(lambda self: self.life.store_key, lambda self, key: setattr(self.life, "store_key", key))
    left = property(lambda self: self.class_pane)
    model, proxy, table, search, class_filter, group_filter, count_label, add_button, import_button = (
        property(lambda self, part=part: getattr(self.class_pane, part)) for part in (
            "model", "proxy", "table", "search", "class_filter", "group_filter", "count_label", "add_button",
            "import_button"))
    learner_menu = property(lambda self: self.menus.menus["learner"])
    view_menu = property(lambda self: self.menus.menus["view"])
    class_overview, snapshot_window, due_window, feed_window, decision_window = map(window_property, KINDS_SHOWN)

    def _finish_window(self) -> None:
        """What the sign-in screen hides: the class list and the menus' shortcuts (once)."""
        if self.splitter is not None:
            return
        from ..classroom.class_pane import (
            ClassPane,  # start-up: its model makes Qt's namespace, after the first paint
        )

        self.class_pane = pane = ClassPane()
        pane.learner_selected.connect(lambda learner_id: self.profile and self.profile.show_learner(learner_id))
        pane.add_requested.connect(self.add_learner)
        pane.import_requested.connect(self.import_csv)
        self.placeholder = QLabel(self.tr("Opening the store…"))
        self.placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.splitter = QSplitter()
        self.splitter.addWidget(pane)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        left_width = max(320, self.fontMetrics().averageCharWidth() * 36)  # grows with a larger text size
        self.splitter.setSizes([left_width, 1400 - left_width])
        splitter = QSettings().value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.pages.insertWidget(0, self.splitter)
        self.menus.set_shortcuts()

    # ---- sign-in --------------------------------------------------------------------------------------
    def _sign_in_early(self) -> bool:
        """The sign-in screen at once, typed into while the store opens; only where a read-only first look at the
        file (``store.peek``) finds learners and a teacher who can sign in. Anything else takes the usual path."""
        if not self.require_sign_in or self.life.want_demo or self.signin is not None:
            return False
        from plprofile.services.first_look import ready_to_sign_in

        if not ready_to_sign_in(self.life.data_dir):
            return False
        self._show_page(self._ensure_signin().show_sign_in)
        return True

    def _show_page(self, show=None) -> None:  # noqa: ANN001
        """The sign-in page (after ``show`` sets it up), with the menus off until someone signs in."""
        if show is not None:
            show()
        self.menuBar().setEnabled(False)
        self.pages.setCurrentWidget(self.signin)
        self._taking_input()

    def _taking_input(self) -> None:
        if not self._input_announced:
            self._input_announced = True
            # from the event loop: the early sign-in screen is made in __init__, before anyone could listen
            QTimer.singleShot(0, self.accepting_input.emit)

    def _leave_signin(self) -> None:
        """The store did not open: the early sign-in screen goes, with what was typed for this store."""
        if self.signin is not None and self.pages.currentWidget() is self.signin:
            self.signin.forget()
            self.pages.setCurrentWidget(self.splitter)
            self.menuBar().setEnabled(True)

    def _ensure_signin(self) -> SignInPage:
        if self.signin is None:
            from .signin import SignInPage

            self.signin = SignInPage()
            self.signin.signed_in.connect(self._signed_in)
            self.signin.recover_requested.connect(self.life.recover_teachers)
            self.signin.connect_requested.connect(self.hub.connect_device)
            self.pages.addWidget(self.signin)
        return self.signin

    def _after_open(self) -> None:
        self._ensure_signin().auth = auth = self.life.auth
        if not self.require_sign_in:
            self.life.start_session(None)
        elif self.hub.opens_on_learner():  # a learner's own device: that learner's PIN, no class list
            self._show_signin()
        elif auth.needs_first_teacher():
            self._show_signin(first=True)
        elif auth.needs_recovery():
            from plprofile.domain.profile import ValidationError

            self._show_page(lambda: self.signin.show_recovery(str(ValidationError("username", "no_teacher"))))
        else:
            self._show_signin()

    def _show_signin(self, first: bool = False) -> None:
        from ..kit.worker import run_in_background

        auth = self.life.auth
        if auth is not None:  # the first sign-in then costs no more than any other
            run_in_background(auth.prepare, lambda _r: None, lambda _e: None)
        # shown before the store was open: what was typed stays, and a sign-in waiting for the store goes on
        early = (not first and self.ctx is None and self.signin.mode == "sign_in"
                 and self.pages.currentWidget() is self.signin)
        if first:
            self.signin.show_first_teacher()
        else:
            from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER

            demo = auth.demo_sign_in_works(*DEMO_TEACHER) if auth else False
            hint = self.tr("Demo class: teachers sign in as “{user}” with “{password}”; learners with their "
                           "sign-in name (e.g. “zoem”) and PIN {pin}.").format(
                user=DEMO_TEACHER[0], password=DEMO_TEACHER[1], pin=DEMO_PIN) if demo else ""
            (self.signin.set_hint if early else self.signin.show_sign_in)(hint)
        self._show_page()
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
        if getattr(signed, "must_choose_password", False):  # a password a school admin set: theirs first
            from ..school.accounts import choose_password
            self._drop_profile()
            choose_password(self, signed, self.life.start_session, self._show_signin)
            return
        self.start_session_as(signed)

    def start_session_as(self, signed) -> None:  # noqa: ANN001
        """Another person's session in this window: nothing of the last one stays."""
        self._drop_profile()
        self.life.start_session(signed)

    # ---- sessions -------------------------------------------------------------------------------------
    def _show_session(self, ctx: AppContext) -> None:
        from ..profile.profile_panel import ProfilePanel

        self.profile = ProfilePanel(ctx)
        self.profile.conference_running.connect(lambda on: self.class_pane.setVisible(not on))
        self.profile.conference_running.connect(self.idle.pause)
        self.stack.addWidget(self.profile)
        self.stack.setCurrentWidget(self.profile)
        learner_mode = ctx.is_learner
        self.class_pane.setVisible(not learner_mode)
        self.class_pane.setEnabled(True)
        self.menus.for_session(learner_mode)
        self.menuBar().setEnabled(True)
        self.pages.setCurrentWidget(self.splitter)
        self.setWindowTitle(self.tr("plprofile — {who}").format(who=ctx.user.display_name))
        if learner_mode:
            self.profile.show_learner(ctx.me.learner_id)
            self.profile.tabs.setCurrentWidget(self.profile.home)  # a learner's session opens on their home
            self.statusBar().clearMessage()  # the store's file path is not for a learner
        else:
            self.refresh_learners()
            self.learner_not_found = not self.class_pane.select_named(self.learner_name)
        if self.require_sign_in:
            self.idle.start()
        self._taking_input()
        if not self._frozen:
            # What start-up made lives as long as the app: out of the cycle collector's way. The young generation
            # is collected less often: a school's overview makes many small objects without cycles (README).
            gc.freeze()
            gc.set_threshold(50_000, 20, 100)
            self._frozen = True
        self.life.read_ahead()
        self.ready.emit()

    def _drop_profile(self) -> None:
        if self.profile is not None:
            self.stack.removeWidget(self.profile)
            self.profile.deleteLater()
            self.profile = None
        self.class_pane.model.set_learners([])

    def _end_session(self) -> None:
        self.idle.stop()
        self.class_windows.close_all()
        self._drop_profile()
        self.life.end_session()

    def _store_closing(self) -> None:
        """A store found damaged after it opened is closed: the session ends, the window waits for another."""
        self._end_session()
        if self.signin is not None:
            self.signin.auth = None
        self.menuBar().setEnabled(True)
        self.pages.setCurrentWidget(self.splitter)
        self.class_pane.setEnabled(False)

    def lock(self) -> None:
        """Back to the sign-in screen; the session's widgets stay as they are until the same person returns."""
        if self.ctx is None or not self.require_sign_in or self.pages.currentWidget() is self.signin:
            return
        self.idle.stop()
        self.class_windows.close_all()  # a window of its own: it would stay readable past the lock
        self.signin.show_locked(self.ctx.me, self.ctx.user.username, self.ctx.user.display_name)
        self.menuBar().setEnabled(False)
        self.pages.setCurrentWidget(self.signin)

    def sign_out(self) -> None:
        if self.ctx is None or not self.require_sign_in:
            return
        self._end_session()
        self._show_signin()

    # ---- the menus' slots: each hands the session to an operation ------------------------------------
    def _profile_in_use(self) -> bool:
        """A profile is on screen (not the sign-in or lock screen) and a learner is open."""
        return (self.profile is not None and self.profile.view is not None
                and self.pages.currentWidget() is self.splitter)

    def new_goal(self) -> None:
        """Ctrl+G: the Goals tab with an empty goal, the cursor in its statement."""
        if self._profile_in_use():
            self.profile.new_goal()

    def add_evidence(self) -> None:
        """Ctrl+E: the Goals tab, the cursor in the evidence field of the chosen goal."""
        if self._profile_in_use() and not self.profile.add_evidence():
            self.statusBar().showMessage(self.tr("Choose a goal first: evidence belongs to a goal."), 8000)

    def focus_search(self) -> None:
        self.class_pane.focus_search()

    def step_learner(self, delta: int) -> None:
        self.class_pane.step(delta)

    def refresh_learners(self, select: uuid.UUID | None = None) -> None:
        self.class_pane.refresh(self.ctx, select)

    def select_learner(self, learner_id: uuid.UUID) -> bool:
        return self.class_pane.select_learner(learner_id)

    def current_learner_id(self) -> uuid.UUID | None:
        return self.class_pane.current_learner_id()

    def chosen_learner(self) -> tuple[uuid.UUID, object] | None:
        """The learner on screen in a teacher's session (id, view), or None."""
        learner_id = self.current_learner_id()
        if self.ctx is None or learner_id is None or self.profile is None or self.profile.view is None:
            return None
        return learner_id, self.profile.view.learner

    def add_learner(self) -> None:
        if self.ctx is not None and (created := learners.add_learner(self, self.ctx)) is not None:
            self.class_pane.show_everyone()
            self.refresh_learners(select=created)

    def import_csv(self) -> None:
        if self.ctx is not None and (path := learners.choose_class_file(self)) is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        learners.import_file(self, self.ctx, Path(path), busy=lambda on: self.class_pane.setEnabled(not on),
                             done=lambda: (self.refresh_learners(), self.ready.emit()))

    def purge_learner(self) -> None:
        if chosen := self.chosen_learner():
            learners.purge_learner(self, self.ctx, self.life.data_dir, chosen[0], chosen[1].preferred_name,
                                   chosen[1].family_name, busy=lambda on: self.class_pane.setEnabled(not on),
                                   done=self.refresh_learners)

    def _open_class_window(self, name: str):  # noqa: ANN202
        return self.class_windows.open(name, self.ctx)

    open_class_overview = partialmethod(_open_class_window, "class_overview")  # the Stages, and who is due one
    open_snapshot = partialmethod(_open_class_window, "snapshot_window")
    open_due = partialmethod(_open_class_window, "due_window")
    open_feed = partialmethod(_open_class_window, "feed_window")

    def load_framework(self) -> None:
        if self.ctx is None:
            return
        from ..stages.frameworks import load_framework_file

        if load_framework_file(self, self.ctx):
            self.profile.reload()

    def open_encryption(self, password: str | None = None) -> None:
        if self.ctx is not None:
            from ..safety.encryption import open_encryption_dialog

            open_encryption_dialog(self, self.ctx, self.life.key_changed, password)

    # ---- window state ---------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        settings_ = QSettings()
        settings_.setValue("main/geometry", self.saveGeometry())
        if self.splitter is not None:
            settings_.setValue("main/splitter", self.splitter.saveState())
        self.idle.stop()
        self.life.close()
        super().closeEvent(event)
