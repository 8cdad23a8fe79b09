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
