"""Memory given back after drawing and background work.

Two things keep memory nobody uses any more:
- a chart drawn anew leaves its old figure as cycles of objects for Python's collector, which the window runs
  rarely (the shell raises the ``gc`` thresholds so that typing stays smooth): ``figure_dropped`` collects
  them once the window has been quiet for ``QUIET_MS``, or on the event loop's next turn when ``COLLECT_AFTER``
  figures wait
  (a full collection costs about 60 ms at 2,000 learners: after a pause nobody notices it);
- the C library keeps the pages a large reading freed: ``work_done`` hands them back after each background
  job (``plprofile.memory``, about 3 ms).
Measured with ``python -m plprofile.bench`` at 2,000 learners: ``peak_rss_mb`` 288 without these, 254 when
every figure is collected at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

from plprofile import memory

#: How long the window must be quiet (no figure replaced) before the waiting figures are collected.
QUIET_MS = 700
#: Figures waiting for the collector at most: the next one is collected at once.
COLLECT_AFTER = 4

_timer: QTimer | None = None
_waiting = 0


def work_done() -> None:
    """A background job finished (its result handed over): its freed pages go back now."""
    memory.release()


def figure_dropped() -> None:
    """A figure was replaced or its window closed: collect it when things are quiet (or now, if several
    wait). Call on the GUI thread."""
    global _timer, _waiting
    _waiting += 1
    if _timer is None:
        _timer = QTimer()
        _timer.setSingleShot(True)
        _timer.timeout.connect(collect_now)
    # several waiting: on the event loop's next turn, once what still refers to the figure replaced just now
    # (its canvas's pending draw) has run
    _timer.start(0 if _waiting >= COLLECT_AFTER else QUIET_MS)


def collect_now() -> None:
    global _waiting
    if _timer is not None:
        _timer.stop()
    _waiting = 0
    gc.collect()
    memory.release()


def waiting() -> int:
    """Figures dropped and not yet collected."""
    return _waiting
