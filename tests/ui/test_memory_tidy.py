"""Memory nobody uses goes back: a chart drawn anew lets its old figure go (Python's collector, which the window
runs rarely, reaches it once drawing pauses, or at once when several wait), and the C library's freed pages
go back to the system after background work."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from plprofile import memory
from plprofile.ui.kit import tidy
from plprofile.ui.kit.chart_view import ChartView


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim is Linux's")
def test_release_gives_freed_pages_back():
    blocks = [bytes(4000) + bytes([i % 256]) for i in range(40_000)]  # 160 MB in C-library blocks
    keep = bytes(4000) + b"k"  # above them: the heap's top cannot shrink by itself
    del blocks
    before = _rss_mb()
    assert memory.release()
    after = _rss_mb()
    assert before - after > 100, (before, after)
    assert keep


@pytest.fixture
def window_gc_settings():
    """The thresholds the shell sets once a session shows (collections rare, typing smooth)."""
    old = gc.get_threshold()
    gc.collect()
    gc.set_threshold(50_000, 20, 100)
    yield
    gc.set_threshold(*old)


def _chart(qtbot) -> ChartView:
    view = ChartView("chart")
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def _draw(view: ChartView) -> weakref.ref:
    from plprofile.charts.figures import empty_figure

    view.show_figure(lambda: empty_figure("Nothing yet"), table=([], []))
    return weakref.ref(view.figure)


def test_a_replaced_figure_is_collected_once_drawing_pauses(qtbot, window_gc_settings):
    view = _chart(qtbot)
    first = _draw(view)
    _draw(view)  # the first figure is now garbage: cycles only the collector frees
    assert first() is not None, "freed at once: this test would not see the collector's work"
    assert tidy.waiting() == 1
    qtbot.waitUntil(lambda: first() is None, timeout=tidy.QUIET_MS * 10)
    assert tidy.waiting() == 0


def test_figures_waiting_are_collected_without_a_pause_when_several_wait(qtbot, qapp, window_gc_settings):
    view = _chart(qtbot)
    old = [_draw(view)]
    for _ in range(tidy.COLLECT_AFTER - 1):
        old.append(_draw(view))
        qapp.processEvents()  # drawing goes on: the quiet time never comes
    assert tidy.waiting() == tidy.COLLECT_AFTER - 1
    assert all(ref() is not None for ref in old), "freed without the collector: the test would prove nothing"
    _draw(view)  # one more figure replaced: collected on the event loop's next turn, not after a pause
    qapp.processEvents()
    assert tidy.waiting() == 0
    assert [ref() is None for ref in old] == [True] * tidy.COLLECT_AFTER
