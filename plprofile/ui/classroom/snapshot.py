"""The class learning snapshot window: how a class (a group, or all of a teacher's learners) learns, as a
table whose every figure opens the learners behind it, and as one printable page of charts."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..kit.chart_view import ChartView, ui_language
from ..kit.common import attempt

ALL = ("all", None)
ID_ROLE = Qt.ItemDataRole.UserRole


def fill_scopes(parent: QWidget, combo: QComboBox, ctx) -> None:  # noqa: ANN001
    """All my learners, each class the teacher teaches (every class for a school admin), each group."""
    from plprofile.services.school import SchoolService

    actor = ctx.teacher
    translate = QCoreApplication.translate
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("SnapshotWindow", "All my learners"), ALL)
    for view in attempt(parent, lambda: SchoolService(ctx.store).list_classes(actor)) or []:
        if view.teaches or actor.admin:
            combo.addItem(translate("SnapshotWindow", "Class {title}").format(title=view.title), ("class", view.id))
    for group in attempt(parent, lambda: ctx.profiles.groups(actor)) or []:
        combo.addItem(translate("SnapshotWindow", "Group {name}").format(name=group), ("group", group))
    combo.blockSignals(False)


class SnapshotWindow(QWidget):
    """A window of its own: the scope chooser, the figures with the learners behind each, the page of charts."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent, Qt.WindowType.Window)
        from plprofile.services.snapshot import SnapshotService

        self.ctx = ctx
        self.service = SnapshotService(ctx.store, ctx.profiles, ctx.stages)
        self.snapshot = None
        self.names: dict[uuid.UUID, str] = {}
        self.setWindowTitle(self.tr("Class learning snapshot"))

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Whose snapshot"))
        scope_label = QLabel(self.tr("&Learners:"))
        scope_label.setBuddy(self.scope)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_page)
        top = QHBoxLayout()
        top.addWidget(scope_label)
        top.addWidget(self.scope, 1)
        top.addWidget(self.summary, 2)
        top.addWidget(self.print_button)

        self.figures = QTreeWidget()
        self.figures.setColumnCount(3)
        self.figures.setHeaderLabels([self.tr("What they say"), self.tr("Learners"), self.tr("Grouped by")])
        self.figures.setAccessibleName(self.tr("Figures of the snapshot"))
        self.figures.currentItemChanged.connect(lambda item, _old: self._show_learners(item))
        self.learners = QListWidget()
        self.learners.setAccessibleName(self.tr("Learners behind the figure"))
        self.learners.itemActivated.connect(self._open_learner)
        self.behind = QLabel(self.tr("Choose a figure to see the learners behind it."))
        self.behind.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.behind)
        side_layout.addWidget(self.learners)
        split = QSplitter()
        split.addWidget(self.figures)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.chart = ChartView(self.tr("Class learning snapshot"))
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("&Figures"))
        self.tabs.addTab(self.chart, self.tr("&Chart"))
        self.tabs.currentChanged.connect(lambda _i: self._draw_if_shown())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.resize(980, 680)
        fill_scopes(self, self.scope, ctx)

    def choose_scope(self, text: str) -> bool:
        """Show the scope whose label is ``text`` (tests, screenshots)."""
        index = self.scope.findText(text)
        if index >= 0:
            self.scope.setCurrentIndex(index)
        return index >= 0

    def refresh(self) -> None:
        kind, value = self.scope.currentData() or ALL
        kwargs = {"class_id": value} if kind == "class" else {"group": value} if kind == "group" else {}
        snapshot = attempt(self, lambda: self.service.class_snapshot(self.ctx.teacher, lang=ui_language(), **kwargs))
        if snapshot is None:
            return
        self.snapshot = snapshot
        self.names = {r.id: r.display_name for r in self.ctx.profiles.class_list(self.ctx.teacher).learners}
        self.summary.setText(self.tr("%n learner(s)", "", snapshot.size))
        self._fill_figures()
        self._drawn = False
        self._draw_if_shown()

    def _fill_figures(self) -> None:
        from plprofile.charts.snapshot import panel_title
        from plprofile.domain.snapshot import PANELS

        self.figures.clear()
        size = self.snapshot.size
        for panel, _list in PANELS:
            groups = self.snapshot.panels.get(panel, [])
            top = QTreeWidgetItem([panel_title(panel), "", ""])
            self.figures.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the question reads whole, above its answers
            if not groups:
                QTreeWidgetItem(top, [self.tr("Nothing written yet"), "", ""])
            for group in groups:
                why = ", ".join(group.why) if group.option_id else self.tr("the same words")
                item = QTreeWidgetItem(top, [group.label, self.tr("{n} of {size}").format(n=group.count, size=size),
                                             why])
                item.setData(0, ID_ROLE, group.learners)
                item.setToolTip(0, "\n".join(group.wordings))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            top.setExpanded(True)
        self._fill_strategies(size)
        # the answers set the first column's width (the questions above them span every column)
        metrics = self.figures.fontMetrics()
        widest = max((metrics.horizontalAdvance(top.child(j).text(0)) for i in range(self.figures.topLevelItemCount())
                      for top in [self.figures.topLevelItem(i)] for j in range(top.childCount())), default=100)
        widest = min(widest, metrics.averageCharWidth() * 32)  # a long wording is elided; its tooltip has it whole
        self.figures.setColumnWidth(0, widest + 2 * self.figures.indentation() + metrics.averageCharWidth() * 2)
        self.figures.resizeColumnToContents(1)

    def _fill_strategies(self, size: int) -> None:
        from plprofile.charts.snapshot import panel_title

        top = QTreeWidgetItem([panel_title("strategies"), "", ""])
        self.figures.addTopLevelItem(top)
        top.setFirstColumnSpanned(True)
        if not self.snapshot.strategies:
            QTreeWidgetItem(top, [self.tr("Nothing written yet"), "", ""])
        for _sid, label, tried, helped in self.snapshot.strategies:
            item = QTreeWidgetItem(top, [label, self.tr("{n} of {size}").format(n=len(tried), size=size),
                                         self.tr("%n said it helped", "", len(helped))])
            item.setData(0, ID_ROLE, tried)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.setExpanded(True)

    def _show_learners(self, item: QTreeWidgetItem | None) -> None:
        self.learners.clear()
        learners = item.data(0, ID_ROLE) if item is not None else None
        if not learners:
            self.behind.setText(self.tr("Choose a figure to see the learners behind it."))
            return
        self.behind.setText(self.tr("{what}: {n} learner(s). Open one to see their profile.", "",
                                    len(learners)).format(what=item.text(0), n=len(learners)))
        for name, lid in sorted((self.names.get(lid, "?"), lid) for lid in learners):
            entry = QListWidgetItem(name)
            entry.setData(ID_ROLE, lid)
            self.learners.addItem(entry)

    def _open_learner(self, item: QListWidgetItem) -> None:
        parent = self.parentWidget()
        if parent is not None and hasattr(parent, "select_learner"):
            parent.select_learner(item.data(ID_ROLE))
            parent.raise_()
            parent.activateWindow()

    def _title(self) -> str:
        return self.tr("Class learning snapshot: {scope}").format(scope=self.scope.currentText())

    def _draw_if_shown(self) -> None:
        if self.snapshot is None or self.tabs.currentWidget() is not self.chart or getattr(self, "_drawn", False):
            return
        from plprofile.charts.snapshot import snapshot_figure, snapshot_table

        snapshot, title = self.snapshot, self._title()
        self.chart.show_figure(lambda: snapshot_figure(snapshot, title), snapshot_table(snapshot), title)
        self._drawn = True

    def print_page(self) -> None:
        """The page of charts on one printed page (the printer's or a PDF)."""
        if self.snapshot is None:
            return
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from plprofile.charts.snapshot import snapshot_figure

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        import io

        buffer = io.BytesIO()
        snapshot_figure(self.snapshot, self._title()).savefig(buffer, format="png", dpi=200)
        image = QImage.fromData(buffer.getvalue())
        painter = QPainter(printer)
        page = painter.viewport()
        scaled = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(page.x(), page.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                           Qt.TransformationMode.SmoothTransformation))
        painter.end()


__all__ = ["SnapshotWindow"]
