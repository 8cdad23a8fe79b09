"""A chart with its table equivalent and an Export button: the one widget every Stages chart is shown in.

matplotlib loads only when the first chart is drawn (``show_figure``), never when this module is imported.
The canvas scales the figure to the space it has (the figure builders size their figures for print and the
projector); a figure too tall for the window scrolls rather than shrinking below a legible size.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain.filenames import safe_file_name as file_name
from plprofile.ui.kit.tidy import figure_dropped

from . import ask
from .a11y import plain, show_message, tab_within

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# ``(headers, rows)`` as ``plprofile.charts.tables`` returns them.
Table = tuple[list[str], list[list[str]]]
FigureFactory = Callable[[], "Figure"]

# Formats a chart exports to; "csv" writes the table view.
EXPORT_FORMATS = ("png", "svg", "pdf", "csv")
# Pixels per inch on screen: figures are scaled into this range; below it they scroll instead.
MIN_DPI, MAX_DPI = 62.0, 100.0
#: The narrowest a figure is drawn, as a share of its design width at MIN_DPI (the class overview's two charts
#: still have room beside their labels at 10 points in a 800-pixel window); narrower, the view scrolls sideways.
NARROWEST = 0.4
#: The text size the charts' point sizes are made for; a larger setting makes their text larger in proportion.
BASE_TEXT_POINTS = 10.0


def text_growth(font) -> float:  # noqa: ANN001
    """How much larger than at 10 points the charts' text is drawn at ``font``'s size (never smaller)."""
    points = font.pointSizeF()
    return max(1.0, points / BASE_TEXT_POINTS) if points > 0 else 1.0
PNG_DPI = 150


# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def ui_language() -> str:
    """The language for framework texts: the interface's (``plprofile.i18n.ui_language``)."""
    from plprofile.i18n import ui_language as language

    return language()


def _filters(formats: Sequence[str]) -> list[str]:
    names = {
        "png": translate("chart_view", "PNG image (*.png)"),
        "svg": translate("chart_view", "SVG drawing (*.svg)"),
        "pdf": translate("chart_view", "PDF document (*.pdf)"),
        "csv": translate("chart_view", "Table as CSV (*.csv)"),
    }
    return [names[f] for f in formats]


def choose_export_path(parent: QWidget | None, title: str, suggested: str,
                       formats: Sequence[str] = EXPORT_FORMATS) -> str | None:
    """Ask where to save; the file gets the extension of the chosen type. Tests patch this function."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(_filters(formats)))
    if not path:
        return None
    if Path(path).suffix.lower().lstrip(".") not in formats:
        match = re.search(r"\*\.(\w+)", chosen or "")
        path = f"{path}.{match.group(1) if match else formats[0]}"
    return path


def safe_file_name(text: str) -> str:
    """A file name from a title: letters, digits and dashes (never a path, never empty)."""
    return file_name(text, fallback="chart").lower()


def write_csv(path: str | Path, table: Table) -> None:
    from plprofile.services.csvfile import write_csv as write  # the one CSV writer (formulas neutralised)

    headers, rows = table
    write(path, headers, rows)


_ICONS: dict[tuple[str, int], QIcon] = {}


def stage_chip(color: str, size: int = 14) -> QIcon:
    """A small square in a stage colour with a dark edge (so the lightest stage shows on white)."""
    key = (color, size)
    if key not in _ICONS:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor("#606060"))
        from PySide6.QtGui import QPainter

        painter = QPainter(pixmap)
        painter.fillRect(1, 1, size - 2, size - 2, QColor(color))
        painter.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


class TextTableModel(QAbstractTableModel):
    """A read-only table of strings (a chart's numbers); numbers are right-aligned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.tooltips: dict[tuple[int, int], str] = {}

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.headers, self.rows = list(table[0]), [list(r) for r in table[1]]
        self.tooltips = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and re.fullmatch(r"[+\-−]?[\d.]+|—", text):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None


class LazyTextTableModel(QAbstractTableModel):
    """A read-only table of strings whose rows are made only when a view (or ``rows``) asks for them: a list
    of a whole school costs nothing until it is scrolled through or exported."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self._count = 0
        self._make: Callable[[int], list[str]] = lambda _i: []
        self._made: dict[int, list[str]] = {}

    def set_rows(self, headers: Sequence[str], count: int, make_row: Callable[[int], list[str]]) -> None:
        self.beginResetModel()
        self.headers, self._count, self._make, self._made = list(headers), count, make_row, {}
        self.endResetModel()

    def row(self, i: int) -> list[str]:
        made = self._made.get(i)
        if made is None:
            made = self._made[i] = self._make(i)
        return made

    @property
    def rows(self) -> list[list[str]]:
        """Every row (for an export or a test)."""
        return [self.row(i) for i in range(self._count)]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.row(index.row())[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        return None


def make_table_view(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class ChartView(QWidget):
    """A figure (scaled to fit, scrolling if tall) or its table, a one-line summary, and Export.

    Feed it with ``show_figure(factory, table, summary)``: ``factory()`` builds the figure; it is called
    once for the screen and again for each export, so an export never depends on the window's size.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.export_name = name
        self._factory: FigureFactory | None = None
        self.canvas = None  # FigureCanvasQTAgg, made on the first draw
        self._design_size: tuple[float, float] = (10.0, 6.0)
        self.table: Table = ([], [])
        self.last_draw_seconds: float | None = None
        self._fitted: tuple = ()

        self.chart_button = QPushButton(self.tr("C&hart"))
        self.table_button = QPushButton(self.tr("T&able"))
        for button, tip in ((self.chart_button, self.tr("Show the chart")),
                            (self.table_button, self.tr("Show the same numbers as a table"))):
            button.setCheckable(True)
            button.setAutoExclusive(True)  # assistive technology then knows them as a choice of one (radio)
            button.setToolTip(tip)
        self.chart_button.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.setExclusive(True)
        self.mode.addButton(self.chart_button, 0)
        self.mode.addButton(self.table_button, 1)
        self.mode.idToggled.connect(lambda i, on: on and self.stack.setCurrentIndex(i))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF, or its table as CSV"))
        self.export_button.clicked.connect(self.export_dialog)
        self.export_button.setEnabled(False)
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # no accessible name of its own: a screen reader reads its text, the summary itself

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # at large text only
        self.scroll.setAccessibleName(name)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops at the canvas, which has the summary
        self.scroll.installEventFilter(self)
        self.placeholder = QLabel(self.tr("The chart appears here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.placeholder)
        self.model = TextTableModel(self)
        self.table_view = make_table_view(self.model, self.tr("{chart} as a table").format(chart=name))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.table_view)

        self._bar = bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.chart_button)
        bar.addWidget(self.table_button)
        bar.addSpacing(8)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_button)
        self._below = QVBoxLayout()  # the summary's row when it has no room beside the buttons
        self._below.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(self._below)
        layout.addWidget(self.stack, 1)
        self.setMinimumWidth(400)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._place_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting: as many words a line as before?
            self._place_summary()

    def _place_summary(self) -> None:
        """The summary beside the buttons where a line holds a few words, else on a row of its own under them
        (a narrow window, large text), rather than a column one word wide that pushes the chart down."""
        buttons = (self.chart_button, self.table_button, self.status, self.export_button)
        room = self.width() - sum(w.sizeHint().width() for w in buttons if not w.isHidden()) - 8 \
            - self._bar.spacing() * len(buttons)
        beside = room >= 30 * self.fontMetrics().averageCharWidth()
        if beside == (self._bar.indexOf(self.summary) >= 0):
            return
        if beside:
            self._below.removeWidget(self.summary)
            self._bar.insertWidget(3, self.summary, 1)  # after Chart, Table and their spacing
        else:
            self._bar.removeWidget(self.summary)
            self._below.addWidget(self.summary)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab reaches both Chart and Table, not only the one chosen."""
        return tab_within([self.chart_button, self.table_button], forward, super().focusNextPrevChild)

    # ---- content ------------------------------------------------------------------------------------
    def show_figure(self, factory: FigureFactory, table: Table, summary: str = "",
                    export_name: str | None = None) -> float:
        """Build the figure, draw it now, fill the table. Returns the seconds the build and draw took."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        started = time.perf_counter()
        self._factory = factory
        self.export_name = export_name or self.name
        figure = factory()
        self._design_size = tuple(figure.get_size_inches())  # type: ignore[assignment]
        canvas = FigureCanvasQTAgg(figure)
        # a tab stop: a screen reader says its name and the summary (its description); the Table button shows
        # the same numbers to read one by one
        canvas.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        canvas.setAccessibleName(self.name)
        self._describe(canvas, summary)
        replacing = self.canvas is not None and self.canvas.figure is not None
        if replacing:
            from plprofile.charts.figures import release

            release(self.canvas.figure)  # its pixels now, not when the cycle collector reaches the old figure
        self.scroll.setWidget(canvas)  # the old canvas (and its figure) is deleted
        self.canvas = canvas
        self._fit()  # sizes the canvas and asks for one draw at that size...
        if canvas.isVisible():
            canvas.repaint()  # ...which happens now, inside this paint
        else:
            canvas.draw()
        if replacing:
            figure_dropped()  # the old figure is cycles of objects: collected once the drawing pauses
        return self._shown(table, summary, started)

    def _describe(self, canvas, summary: str) -> None:  # noqa: ANN001
        canvas.setAccessibleDescription(
            (plain(summary) + " " if summary else "") + self.tr("The Table button shows the same numbers."))

    def _shown(self, table: Table, summary: str, started: float) -> float:
        """The table, summary and buttons that go with the figure just drawn; the seconds since ``started``."""
        self.set_table(table)
        self.summary.setText(summary)
        self.status.clear()
        self._place_summary()
        self.export_button.setEnabled(True)
        self.last_draw_seconds = time.perf_counter() - started
        return self.last_draw_seconds

    def update_figure(self, update: Callable[[Figure], bool], factory: FigureFactory, table: Table,
                      summary: str = "", export_name: str | None = None) -> float:
        """Like ``show_figure``, but first try ``update(figure)`` on the figure shown (another learner into the
        same axes, e.g. ``update_progress_figure``): no new figure, canvas or layout. Falls back to
        ``show_figure`` when there is none or ``update`` says no. Returns the seconds it took."""
        canvas = self.canvas
        if canvas is None or canvas.figure is None:
            return self.show_figure(factory, table, summary, export_name)
        started = time.perf_counter()
        if not update(canvas.figure):
            return self.show_figure(factory, table, summary, export_name)
        self._factory = factory
        self.export_name = export_name or self.name
        self._describe(canvas, summary)
        from plprofile.charts.figures import redraw

        redraw(canvas.figure)  # what changed, over the saved picture of the rest
        if canvas.isVisible():
            canvas.repaint()  # on screen now
        return self._shown(table, summary, started)

    def set_table(self, table: Table) -> None:
        self.table = table
        self.model.set_table(table)

    @property
    def figure(self):  # noqa: ANN201
        return self.canvas.figure if self.canvas is not None else None

    def show_table(self, on: bool = True) -> None:
        (self.table_button if on else self.chart_button).setChecked(True)

    # ---- fitting the figure to the window -----------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.scroll and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(obj, event)

    def _fit(self) -> None:
        """Scale the figure to the width available; keep it whole on screen when that stays legible."""
        canvas = self.canvas
        if canvas is None:
            return
        bar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = max(200, self.scroll.width() - bar)  # leave room for a scroll bar, so it never flickers
        height = max(150, self.scroll.height())
        # the chart's text grows with the text size setting: at 16 points the figure is drawn as if 1.6 times
        # smaller in inches, so its points are 1.6 times more pixels (it scrolls rather than shrink them back)
        grow = text_growth(self.font())
        w_in, h_in = self._design_size[0] / grow, self._design_size[1] / grow
        low, high = MIN_DPI * grow, MAX_DPI * grow
        whole = min(width / w_in, height / h_in)
        if whole >= low:
            dpi, canvas_height = min(whole, high), height
        else:
            dpi = min(max(low, width / w_in), high)
            canvas_height = max(height, round(h_in * dpi))
        canvas_width = self.scroll.width() - (bar if canvas_height > height else 0)
        # never narrower than its labels need to leave its charts room (large text in a narrow window): it
        # scrolls sideways then, and is as tall as its design at that text size, so its rows hold their labels
        narrowest = round(NARROWEST * self._design_size[0] * low)
        if canvas_width < narrowest:
            canvas_width = narrowest
            canvas_height = max(height, round(self._design_size[1] * low)) - bar  # under the sideways bar
        if self._fitted == (id(canvas), canvas_width, canvas_height, dpi):
            return  # e.g. the tab was shown again: the drawing is still right
        self._fitted = (id(canvas), canvas_width, canvas_height, dpi)
        figure = canvas.figure
        ratio = canvas.device_pixel_ratio or 1
        if abs(getattr(figure, "_original_dpi", 0) - dpi) > 0.01:
            # matplotlib rescales from _original_dpi when the screen's pixel ratio changes
            figure._original_dpi = dpi
            figure.set_dpi(dpi * ratio)
        canvas.setMinimumHeight(canvas_height)
        canvas.setMaximumHeight(canvas_height)
        canvas.setMinimumWidth(canvas_width if canvas_width == narrowest else 0)
        # the size the scroll area is about to give it, now, so the first draw is at the final size
        canvas.resize(canvas_width, canvas_height)
        figure.set_size_inches(canvas_width * ratio / figure.dpi, canvas_height * ratio / figure.dpi,
                               forward=False)
        from plprofile.charts.figures import relayout  # matplotlib is loaded: there is a canvas

        relayout(figure)  # a reused figure keeps its layout between learners, not across sizes
        canvas.draw_idle()

    # ---- export -------------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self._factory is None:
            return
        path = choose_export_path(self, self.tr("Export {chart}").format(chart=self.name),
                                  safe_file_name(self.export_name) + ".png")
        if path:
            self.export(path)

    def export(self, path: str | Path) -> Path | None:
        """Write the chart (PNG, SVG, PDF) or its table (CSV) to ``path``; a failure becomes a message."""
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        title = self.tr("Export {chart}").format(chart=self.name)
        if fmt not in EXPORT_FORMATS:
            ask.error(self, title, self.tr("Choose a file ending in .png, .svg, .pdf or .csv."))
            return None
        try:
            if fmt == "csv":
                write_csv(path, self.table)
            else:
                figure = self._factory()
                kwargs = {"dpi": PNG_DPI} if fmt == "png" else {}
                figure.savefig(path, format=fmt, facecolor="white", metadata={"Title": self.export_name},
                               **kwargs)
        except OSError as exc:
            ask.error(self, title, self.tr("The file could not be written: {reason}").format(
                reason=exc.strerror or str(exc)))
            return None
        show_message(self.status, self.tr("Saved {name}").format(name=path.name))  # said, and reachable by Tab
        self.status.setToolTip(str(path))
        self._place_summary()  # "Saved …" takes room from the summary's line
        return path

