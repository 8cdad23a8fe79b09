"""Run slow work (opening the store, imports) off the GUI thread and hand the result back to it."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

# start-up: the Qt namespace is made where first used, not on import (README, Performance: start-up)
from PySide6 import QtCore
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from plprofile.ui.kit.tidy import work_done

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            log.debug("background job failed: %s", traceback.format_exc())
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal, value: Any) -> None:  # noqa: ANN001
        try:
            signal.emit(value)
        except RuntimeError:  # the application quit while this ran (e.g. the health check): nobody to tell
            log.debug("background job finished after the application quit")


_running: set[_Job] = set()


def run_in_background(fn: Callable[..., Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None],
                      on_progress: Callable[[int, int], None] | None = None) -> None:
    """Call ``fn`` on a worker thread; ``on_done``/``on_error`` run on the GUI thread afterwards.

    With ``on_progress``, ``fn`` is called with one argument, a ``report(done, total)`` function that is safe to
    call from the worker thread: each report reaches ``on_progress`` on the GUI thread through a queued
    signal, so ``on_progress`` may update widgets. Reports come before ``on_done``/``on_error``.
    """
    job = _Job(fn)
    if on_progress is not None:
        report = job.signals.progress.emit
        job.fn = lambda: fn(report)
        job.signals.progress.connect(on_progress, QtCore.Qt.ConnectionType.QueuedConnection)
    _running.add(job)

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        handler(value)
        work_done()  # what the job read and let go goes back to the system

    # Queued like the progress reports, so the last report is handled before the result.
    job.signals.done.connect(lambda value: finish(on_done, value), QtCore.Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(lambda exc: finish(on_error, exc), QtCore.Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
