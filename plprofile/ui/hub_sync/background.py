"""The quiet background sync: a round on a worker thread on start, a few seconds after a save, every few
minutes and when the network comes back; backing off (doubling, capped) while the hub is away. A round holds no
write lock while it waits on the network (``sync_round`` reads what goes out, sends it, then applies what came
in one short transaction per page), so typing and a conference go on."""

from __future__ import annotations

import sys
import threading
import time

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from ..kit.worker import run_in_background

#: After a save, a round waits this long for the next save (typing a paragraph is one round, not ten).
DEBOUNCE_MS = 4000
#: A round every few minutes, for what others wrote.
PERIOD_MS = 3 * 60 * 1000
#: While the hub is away: 10 s, 20 s, 40 s, … at most 10 minutes.
BACKOFF_FIRST_MS = 10_000
BACKOFF_CAP_MS = 10 * 60 * 1000
#: While a round runs, Python hands its lock between threads every millisecond (not every 5): the GUI thread
#: then waits at most about that long to take a key and paint it (README: typing_during_sync_p95_ms).
ROUND_SWITCH_INTERVAL_S = 0.001


class BackgroundSync(QObject):
    """Sync rounds for an open, paired store. ``state`` is "idle", "syncing", "ok", "offline" or
    "attention"; ``changed`` is emitted after each change of state or count, ``arrived`` after a round that
    brought changes (its RoundResult)."""

    changed = Signal()
    arrived = Signal(object)
    _saved_elsewhere = Signal()  # a commit on another thread, brought to the GUI thread

    def __init__(self, store, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.store = store
        self.state = "idle"
        self.problem = ""  # the kind of the last refusal (plprofile.sync.pairing.problem)
        self.reason = ""
        self.waiting = 0  # changes not yet acknowledged by the hub
        self.held: list[tuple[str, str, int]] = []  # what the hub refused and stays here: (about, reason, n)
        self.last_ok: float | None = None  # time.time() of the last whole round
        self.failures = 0
        self.rounds = 0
        self.running = False
        self._again = False
        self._send_again = False  # Send again was chosen while a round ran: done when it ends
        self._stopped = False
        self._switch = sys.getswitchinterval()
        self._thread: int | None = None  # the worker thread of the round under way: its own writes are not saves
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.sync_now)
        self._period = QTimer(self, interval=PERIOD_MS, timeout=self.sync_now)
        self._retry = QTimer(self, singleShot=True, timeout=self.sync_now)
        self._unwatch = None
        self._network = None
        self._saved_elsewhere.connect(self.saved)

    # ---- when ---------------------------------------------------------------------------------------
    def start(self) -> None:
        from plprofile.services.hub_device import watch_writes

        self._stopped = False
        self._unwatch = watch_writes(self.store, self._written)
        self._period.start()
        self._watch_network()
        self.sync_now()

    def stop(self) -> None:
        self._stopped = True
        for timer in (self._debounce, self._period, self._retry):
            timer.stop()
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None

    def _written(self) -> None:
        """A commit, on whatever thread wrote it: a save of this window starts the debounce (queued to the
        GUI thread); the round's own writes do not."""
        if threading.get_ident() == self._thread:
            return
        try:
            self._saved_elsewhere.emit()
        except RuntimeError:  # the window is gone
            pass

    def saved(self) -> None:
        if not self._stopped:
            self._debounce.start()

    def _watch_network(self) -> None:
        """Sync when the network comes back, where Qt has a backend that tells (else the periodic round)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError):
            return
        if info is None or not info.supports(QNetworkInformation.Feature.Reachability):
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability) -> None:  # noqa: ANN001
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online and self.state in ("offline", "idle"):
            self._retry.stop()
            self.sync_now()

    # ---- a round -------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        """A round now (or right after the one under way)."""
        if self._stopped:
            return
        if self.running:
            self._again = True
            return
        self._debounce.stop()
        self.running = True
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch, ROUND_SWITCH_INTERVAL_S))
        self._again = False
        self.state = "syncing"
        self.changed.emit()
        store = self.store

        def work():  # noqa: ANN202
            from plprofile.services.hub_device import held_changes, waiting_changes
            from plprofile.sync.client import SyncError, sync_round

            self._thread = threading.get_ident()
            try:
                try:
                    result = sync_round(store)
                except SyncError as exc:
                    return exc, waiting_changes(store), held_changes(store)
                return result, waiting_changes(store), held_changes(store)
            finally:
                self._thread = None

        run_in_background(work, self._done, self._crashed)

    def _crashed(self, exc: Exception) -> None:
        self._done((exc, self.waiting, self.held))

    def send_again(self) -> None:
        """Offer the hub once more what it refused (the reason may be gone), in a round now; during a round,
        in the round right after it (never under the feet of a round that already pushed)."""
        if self.running:
            self._send_again = self._again = True
            return
        from plprofile.services.hub_device import send_held_again

        self._send_again = False
        send_held_again(self.store)
        self.held = []
        self.sync_now()

    def _done(self, outcome) -> None:  # noqa: ANN001
        from plprofile.sync.pairing import NEEDS_ATTENTION, problem

        result, self.waiting, self.held = outcome
        self.running = False
        sys.setswitchinterval(self._switch)
        if self._stopped or not shiboken6.isValid(self._retry):  # the window went while the round ran
            return
        self.rounds += 1
        if isinstance(result, Exception):
            self.problem, self.reason = problem(result), str(result)
            self.state = "attention" if self.problem in NEEDS_ATTENTION else "offline"
            self.failures += 1
            delay = min(BACKOFF_FIRST_MS * 2 ** (self.failures - 1), BACKOFF_CAP_MS)
            if not self._stopped:
                self._retry.start(delay)
        else:
            self.state, self.problem, self.reason = "ok", "", ""
            self.failures = 0
            self._retry.stop()
            self.last_ok = time.time()
            if result.pulled or result.removed:
                self.arrived.emit(result)
        self.changed.emit()
        if self._send_again and not self._stopped:
            self.send_again()
        elif self._again and not self._stopped:
            self.sync_now()

    @property
    def retry_in_ms(self) -> int:
        return self._retry.remainingTime() if self._retry.isActive() else -1
