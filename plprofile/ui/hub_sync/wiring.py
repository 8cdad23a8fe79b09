"""The school hub in the window: the menu entries' operations, the background sync of an open store, its
status in the status bar, arrivals shown in place, and a learner's device opening on that learner's PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from .background import BackgroundSync
    from .status import SyncStatus


#: ``refresh_views``: show what arrived while a field had the cursor, nothing more.
_HELD = object()


class _Arrivals:
    """What rounds brought, for the views: the learners whose rows came (``everything``: do not know, show all)
    and whether the learner list may have changed."""

    def __init__(self, learners: frozenset[str] = frozenset(), listed: bool = False,
                 everything: bool = False) -> None:
        self.learners, self.listed, self.everything = learners, listed, everything

    @classmethod
    def of(cls, result) -> _Arrivals:  # noqa: ANN001
        if result is None or not hasattr(result, "learners"):
            return cls(listed=True, everything=True)
        return cls(frozenset(result.learners), bool(result.listed))

    def joined(self, other: _Arrivals | None) -> _Arrivals:
        if other is None:
            return self
        return _Arrivals(self.learners | other.learners, self.listed or other.listed,
                         self.everything or other.everything)

    def shows(self, learner_id) -> bool:  # noqa: ANN001
        return self.everything or str(learner_id) in self.learners


class HubSync(QObject):
    """Made once by the window; follows its store (opened, closing) and its session."""

    #: after a round that brought changes (its RoundResult): the panes that show data refresh
    arrived = Signal(object)
    disconnected = Signal()
    #: the count of disagreements in the status was clicked (the lead wires it to the *Needs a decision* list)
    decisions_clicked = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sync: BackgroundSync | None = None
        self.status: SyncStatus | None = None
        self._pending_reload = False
        self._waiting: _Arrivals | None = None  # what arrived while a field had the cursor
        self._decisions = 0
        window.life.opened.connect(self._store_opened)
        window.life.closing.connect(self.stop)
        window.life.session_started.connect(lambda _ctx: self.count_decisions())
        self.decisions_clicked.connect(self.open_decisions)

    # ---- the store's life ----------------------------------------------------------------------------
    def _store_opened(self) -> None:
        from plprofile.services.hub_device import paired_account

        if self.sync is None and self.window.store is not None and paired_account(self.window.store):
            self.start()

    def start(self) -> None:
        from .background import BackgroundSync
        from .status import SyncStatus

        self.stop()
        self.sync = BackgroundSync(self.window.store, self)
        self.sync.arrived.connect(self._arrived)
        learner = self.device_learner() is not None
        self.status = SyncStatus(self.sync, learner=learner)
        self.status.set_decisions(self._decisions)
        self.status.decisions_clicked.connect(self.decisions_clicked)
        self.window.statusBar().addPermanentWidget(self.status)
        self.sync.start()
        self.count_decisions()

    def set_decisions(self, count: int) -> None:
        """How many disagreements wait for a decision: shown beside the status (kept while it is remade)."""
        self._decisions = count
        if self.status is not None:
            self.status.set_decisions(count)

    def stop(self) -> None:
        if self.sync is not None:
            self.sync.stop()
            self.sync.deleteLater()
            self.sync = None
        if self.status is not None:
            self.window.statusBar().removeWidget(self.status)
            self.status.deleteLater()
            self.status = None

    def device_learner(self):  # noqa: ANN201
        from plprofile.services.hub_device import device_learner

        return device_learner(self.window.store) if self.window.store is not None else None

    def opens_on_learner(self) -> bool:
        """A device paired for one learner, with their PIN set: the sign-in page asks for that PIN only. True
        when it did so (the window then shows the page)."""
        learner = self.device_learner()
        signin = self.window.signin
        if learner is None or not learner.has_pin or signin is None:
            return False
        signin.device_learner = (learner.username, learner.display_name)
        return True

    # ---- the menu entries ----------------------------------------------------------------------------
    def connect_device(self) -> None:
        from plprofile.services.hub_device import paired_account

        from .messages import problem_text
        from .pair_dialog import PairDialog

        window = self.window
        if window.store is None:
            return
        if paired_account(window.store):
            from ..kit import ask

            ask.info(window, self.tr("School hub"), problem_text("paired"))
            return
        dialog = PairDialog(window, window.store, window.auth,
                            learner_words=window.ctx is None or window.ctx.is_learner)
        dialog.paired.connect(lambda _account: self.start())
        from ..kit import ask

        ask.dialog(dialog)
        if dialog.account is not None and dialog.account.get("invited_as") == "learner":
            self._become_learner_device()
        elif dialog.account is not None and window.ctx is not None:
            window.refresh_learners()

    def _become_learner_device(self) -> None:
        """After pairing for a learner: nobody's session stays; the device opens on the learner's PIN."""
        window = self.window
        if self.status is not None:
            self.status.learner = True
        if window.ctx is not None:
            window._end_session()
        if self.opens_on_learner():
            window._show_signin()

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()
        else:
            from ..kit import ask
            from .messages import problem_text

            ask.info(self.window, self.tr("School hub"), problem_text("not_paired"))

    def for_screenshot(self, wait_ms: int = 60_000):  # noqa: ANN201
        """The window with the sync status as it is once the round under way has ended (--view sync); a
        store not paired with a hub says so in the status bar."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        window = self.window
        if self.sync is None:
            from .messages import problem_text

            window.statusBar().showMessage(problem_text("not_paired"))
            return window
        deadline = QDeadlineTimer(wait_ms)
        while (self.sync.running or self.sync.rounds == 0) and not deadline.hasExpired():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if self.status is not None:
            self.status.update_text()
        window.statusBar().clearMessage()
        window.statusBar().layout().activate()
        return window

    def disconnect_device(self) -> None:
        """Unpair this device; a learner's device also loses the learner's data (it stays at school)."""
        from plprofile.services.hub_device import paired_account

        from ..kit import ask
        from .messages import problem_text

        window = self.window
        if window.store is None or not paired_account(window.store):
            ask.info(window, self.tr("School hub"), problem_text("not_paired"))
            return
        learner = self.device_learner()
        if learner is not None:
            question = self.tr("Disconnect this device from the school? {name}'s profile is taken off this "
                               "device. It stays safe at school.").format(name=learner.display_name)
        else:
            question = self.tr("Disconnect this device from the school hub? It stops syncing; the profiles on "
                               "it stay here. To sync again it needs a new pairing code.")
        if not ask.confirm(window, self.tr("Disconnect this device"), question):
            return
        teacher = None
        if learner is not None:  # a learner cannot take their device off on their own: a teacher says yes
            from .teacher_check import TeacherCheckDialog

            check = TeacherCheckDialog(window, learner.display_name)
            if not ask.dialog(check) or check.teacher is None:
                return
            teacher = check.teacher
        self.stop()
        if learner is not None and window.ctx is not None:
            window._end_session()  # nothing of the learner stays on screen, nor held by the session
        from plprofile.services.hub_device import DisconnectRefused, disconnect

        from ..kit.worker import run_in_background

        store = window.store

        def done(result) -> None:  # noqa: ANN001
            self.disconnected.emit()
            if window.signin is not None:
                window.signin.device_learner = None
            if learner is not None:
                window._after_open()  # an empty store: the first start's page
            if result.hub_told:
                said = self.tr("This device is disconnected from the school hub.")
            else:
                said = self.tr("This device is disconnected, but the school hub could not be reached: the hub "
                               "still lists this device until a teacher revokes it there.")
            ask.info(window, self.tr("School hub"), said)

        def failed(exc: Exception) -> None:
            if isinstance(exc, DisconnectRefused):
                ask.error(window, self.tr("School hub"), self.tr(
                    "%n change(s) made here have not reached the school yet: connect to the network and sync "
                    "first. Nothing was removed.", "", exc.waiting))
            else:
                ask.error(window, self.tr("School hub"), str(exc))
            self.start()
            if learner is not None and window.ctx is None:
                window._after_open()

        run_in_background(lambda: disconnect(store, teacher=teacher), done, failed)

    def show_code(self) -> None:
        from ..kit import ask
        from .show_code import ShowCodeDialog

        ask.dialog(ShowCodeDialog(self.window))

    # ---- arrivals ------------------------------------------------------------------------------------
    def _arrived(self, result) -> None:  # noqa: ANN001
        """What came in shows: the learner list, the open profile, the open windows; while a field of the
        profile has the cursor (or a conference runs), once it is left."""
        self.arrived.emit(result)
        self.refresh_views(result)
        self.count_decisions()

    def count_decisions(self) -> None:
        """The disagreements this person may decide, beside the status: after a round that brought changes,
        at the session's start and after a decision."""
        ctx = self.window.ctx
        if ctx is None or self.window.store is None:
            return
        from plprofile.services.decisions import DecisionService

        self.set_decisions(DecisionService(self.window.store).open_count(ctx.me))

    def open_decisions(self) -> None:
        """The count in the status was clicked: the *Needs a decision* list for all of this person's learners."""
        if self.window.ctx is not None:
            from ..operations.decide import open_decisions

            shown = open_decisions(self.window, self.window.ctx)
            shown.list.decided.connect(lambda _learner: self.count_decisions())

    def refresh_views(self, result=None) -> None:  # noqa: ANN001
        """Show what ``result`` (a round's RoundResult; None: anything) brought: the learner list when its rows may
        have changed, the open profile only when its learner is among the learners whose rows arrived."""
        window = self.window
        if window.ctx is None:
            return
        self._waiting = (_Arrivals() if result is _HELD else _Arrivals.of(result)).joined(self._waiting)
        profile = window.profile
        if self._editing() is not None or (profile is not None and getattr(profile, "conference", None)):
            if not self._pending_reload:
                self._pending_reload = True
                QApplication.instance().focusChanged.connect(self._focus_moved)
            return
        arrived, self._waiting = self._waiting, None
        if arrived.learners or arrived.everything:
            for name in ("feed_window", "due_window"):
                if (shown := getattr(window, name, None)) is not None and shown.isVisible():
                    shown.refresh()
        tab = profile.tabs.currentIndex() if profile is not None else -1
        if arrived.listed and not window.ctx.is_learner and window.class_pane is not None:
            window.ctx.profiles.forget_class_list(window.ctx.me)  # the list is read again, arrivals with it
            window.refresh_learners(select=window.current_learner_id())
        profile = window.profile
        if profile is None or profile.view is None or not arrived.shows(profile.view.learner.id):
            return
        profile.reload()
        if profile.view is not None:
            if tab >= 0:
                profile.tabs.setCurrentIndex(tab)
            window.ctx.profile_changed.emit(profile.view.learner.id)

    def _editing(self) -> QWidget | None:
        """The text field of the open profile that has the cursor, if any."""
        profile = self.window.profile
        focus = QApplication.focusWidget()
        if profile is None or focus is None or not isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit):
            return None
        return focus if profile.isAncestorOf(focus) else None

    def _focus_moved(self, _old, _new) -> None:  # noqa: ANN001
        if self._pending_reload and self._editing() is None:
            QTimer.singleShot(0, self._deferred)

    def _deferred(self) -> None:
        if not self._pending_reload or self._editing() is not None:
            return
        profile = self.window.profile
        if profile is not None and getattr(profile, "conference", None) is not None:
            return
        self._pending_reload = False
        QApplication.instance().focusChanged.disconnect(self._focus_moved)
        self.refresh_views(_HELD)
