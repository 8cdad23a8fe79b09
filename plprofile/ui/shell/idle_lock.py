"""The idle lock: locks the window after a configurable time without keyboard or mouse use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication


class IdleLock(QObject):
    """Calls ``lock`` after ``minutes()`` without activity; waits while a conference runs (``pause``)."""

    #: The events that count as activity, made on the first start: importing ``QEvent`` makes its ``Type``,
    #: which the first window need not wait for.
    ACTIVITY: frozenset = frozenset()
    DEFAULT_MINUTES = 5

    def __init__(self, parent: QObject, lock: Callable[[], None]) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lock)

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
            from PySide6.QtCore import QEvent  # start-up: its enum is made on the first lock, not on import

            IdleLock.ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})
        self.timer.start(interval_ms if interval_ms is not None else self.minutes() * 60_000)
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        self.active = False
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def pause(self, running: bool) -> None:
        """A conference runs: two people talking touch no key for minutes, so the lock waits until it ends."""
        self.paused = running
        if running:
            self.timer.stop()
        elif self.active:
            self.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if event.type() in self.ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart with the same interval
        return False
