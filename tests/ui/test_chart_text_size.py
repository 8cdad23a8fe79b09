"""Chart text grows with the text size setting: at 16 points a chart is drawn at 1.6 times the pixels per point
it has at 10 points, in the same window (it scrolls rather than shrink its text back)."""

from __future__ import annotations

from PySide6.QtGui import QFont

from plprofile.ui.kit.chart_view import ChartView


def _dpi_at(points: float, qtbot) -> float:
    from plprofile.charts.figures import empty_figure

    view = ChartView("chart")
    font = QFont(view.font())
    font.setPointSizeF(points)
    view.setFont(font)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_figure(lambda: empty_figure("Nothing yet", width=13.0, height=8.0), table=([], []))
    return view.figure._original_dpi


def test_chart_text_grows_with_the_text_size(qtbot, qapp):
    small, large = _dpi_at(10, qtbot), _dpi_at(16, qtbot)
    assert large >= small * 1.55  # points drawn 1.6 times larger (within rounding)


def test_a_narrow_window_puts_the_summary_under_the_buttons_and_scrolls_large_text_sideways(qtbot, qapp):
    """At 16 points in a pane 480 pixels wide, the summary takes a row of its own (not a column a word wide
    beside the buttons) and the chart keeps the width its labels need, scrolling sideways; made wide again,
    the summary is back beside the buttons and the chart fits the window."""
    from collections import Counter
    from datetime import date

    from plprofile.charts.figures import class_figure
    from plprofile.domain.framework import default_framework
    from plprofile.domain.progress import DistributionAt

    framework = default_framework()
    sizes = Counter({1.0: 20, 1.5: 130, 2.0: 420, 2.5: 340, 3.0: 1050})
    now = {e.id: sizes for e in framework.elements}
    over = [DistributionAt(on=date(2026, m, 1), elements=now, overall=sizes, learners=1960) for m in range(1, 12)]
    view = ChartView("Class overview")
    font = QFont(view.font())
    font.setPointSizeF(16)
    view.setFont(font)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    summary = "Overall stage now (1960 assessed): 1.5: 130, 2 Learner-centred: 420, 2.5: 340, 3 Learner-driven: 1050."
    view.show_figure(lambda: class_figure(now, over, framework, title="Class overview"), ([], []), summary)

    def summary_beside() -> bool:
        return view._bar.indexOf(view.summary) >= 0

    def sideways() -> bool:
        return view.scroll.horizontalScrollBar().maximum() > 0

    assert summary_beside() and not sideways()
    assert view.canvas.width() <= view.scroll.viewport().width()
    view.resize(480, 800)
    qtbot.waitUntil(lambda: not summary_beside() and sideways()
                    and view.summary.geometry().top() > view.chart_button.geometry().bottom())
    assert view.summary.isVisible() and view.summary.height() < 5 * view.summary.fontMetrics().height()
    assert view.canvas.width() > view.scroll.viewport().width()  # as wide as its labels need
    view.resize(1400, 800)
    qtbot.waitUntil(lambda: summary_beside() and not sideways())
    assert view.canvas.width() <= view.scroll.viewport().width()
