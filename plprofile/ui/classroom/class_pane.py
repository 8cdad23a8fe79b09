"""The class list pane: search, class and group filters, the learners' table and its count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QItemSelectionModel, QLocale, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..kit.a11y import unseen_label
from .learner_list import ANY_GROUP, LearnerFilterProxy, LearnerTableModel

if TYPE_CHECKING:
    import uuid

    from ..kit.context import AppContext


class ClassPane(QWidget):
    """The learners a teacher sees; tells the window which one is chosen (``learner_selected``)."""

    learner_selected = Signal(object)  # the learner's id, or None when the list has no current row
    add_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.model = LearnerTableModel(self)
        self.proxy = LearnerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search learners (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search learners by name"))
        self.search.setClearButtonEnabled(True)
        for action in self.search.findChildren(QAction):  # Qt's clear button: named for assistive technology
            action.setText(self.tr("Clear the search"))
        self.search.textChanged.connect(self.proxy.set_text)
        # the classes the school has (hidden while it has none): "All my learners" or one class
        self.class_filter = QComboBox()
        self.class_filter.setAccessibleName(self.tr("Choose a class"))
        self.class_filter.currentIndexChanged.connect(lambda _i: self._class_chosen())
        self.class_filter.hide()
        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName(self.tr("Filter by group"))
        self.group_filter.addItem(self.tr("All groups"), ANY_GROUP)
        self.group_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_group(self.group_filter.currentData() or ANY_GROUP))
        self.table = table = QTableView()
        table.setTabKeyNavigation(False)  # Tab leaves the list (no keyboard trap); arrows choose a learner
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Learners"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Group and grade are sized once per class list (fit_columns), not to their contents on every change:
        # ResizeToContents asks the model for every row on each keystroke in the search.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.learner_selected.emit(cur.data(self.model.ID_ROLE) if cur.isValid() else None))
        self.count_label = QLabel()
        self.proxy.layoutChanged.connect(self.show_count)
        self.proxy.modelReset.connect(self.show_count)
        self.add_button = QPushButton(self.tr("&Add learner…"))
        self.add_button.clicked.connect(self.add_requested)
        self.import_button = QPushButton(self.tr("&Import class…"))
        self.import_button.clicked.connect(self.import_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.class_filter)
        layout.addWidget(self.search)
        layout.addWidget(self.group_filter)
        unseen_label(self.group_filter, self.tr("Filter by group"), layout)  # its name on Linux is its value
        layout.addWidget(table, 1)
        layout.addWidget(self.count_label)
        # One above the other: the list stays narrow at a large text size or in a longer language.
        layout.addWidget(self.add_button)
        layout.addWidget(self.import_button)
        self.setEnabled(False)

    # ---- what the window asks ---------------------------------------------------------------------------
    def clear(self) -> None:
        self.ctx = None
        self.model.set_learners([])

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_everyone(self) -> None:
        """No search and every group: a learner just added is in sight."""
        self.search.clear()
        self.group_filter.setCurrentIndex(0)

    def step(self, delta: int) -> None:
        rows = self.proxy.rowCount()
        if rows:
            current = self.table.currentIndex().row()
            self.table.selectRow(max(0, min(rows - 1, current + delta)))

    def refresh(self, ctx: AppContext, select: uuid.UUID | None = None) -> None:
        """Read the class again (keeping the chosen learner, or choosing ``select``) and its groups and classes."""
        from plprofile.domain.profile import Role

        current = select or self.current_learner_id()
        self.ctx = ctx
        actor = ctx.teacher
        if actor.role is Role.LEARNER:
            self.model.set_learners(ctx.profiles.list_learners(actor))
        else:  # the class list keeps its folded search keys until the store changes
            class_list = ctx.profiles.class_list(actor)
            self.model.set_learners(class_list.learners, class_list.search_keys)
        groups = ctx.profiles.groups(actor)
        chosen = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), ANY_GROUP)
        for g in groups:
            self.group_filter.addItem(g, g)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)))
        self.group_filter.blockSignals(False)
        self.fit_columns()
        self._list_classes()
        self.show_count()
        if current is not None:
            self.select_learner(current)

    def _list_classes(self) -> None:
        """Fill the class chooser (staff only; hidden while the school has no classes), keeping the choice."""
        from plprofile.domain.profile import Role
        from plprofile.services.school import SchoolService

        actor = self.ctx.teacher
        classes = [] if actor.role is Role.LEARNER else SchoolService(self.ctx.store).list_classes(actor)
        chosen = self.class_filter.currentData()
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem(self.tr("All my learners"), None)
        mine = [c for c in classes if c.teaches] or classes  # a school admin who teaches none: every class
        for c in mine:
            self.class_filter.addItem(self.tr("{title} (%n learner(s))", "", c.learners).format(title=c.title), c.id)
        self.class_filter.setCurrentIndex(max(0, self.class_filter.findData(chosen)))
        self.class_filter.blockSignals(False)
        self.class_filter.setVisible(bool(classes))
        self._class_chosen()

    def _class_chosen(self) -> None:
        if self.ctx is None:
            return
        from plprofile.services.school import SchoolService

        class_id = self.class_filter.currentData()
        members = None if class_id is None else SchoolService(self.ctx.store).class_learners(self.ctx.teacher,
                                                                                             class_id)
        self.proxy.set_members(members)

    def show_count(self) -> None:
        """"25 learners", or "3 of 25 learners" while a search or group hides some ("0 of 25": none match)."""
        total, shown = self.model.total(), self.model.shown()
        if shown == total:
            self.count_label.setText(self.tr("%n learner(s)", "", total))
        else:
            self.count_label.setText(self.tr("{shown} of %n learner(s)", "", total).format(
                shown=QLocale().toString(shown)))

    def fit_columns(self) -> None:
        """Group and grade columns as wide as their longest value (over the distinct values, not the rows)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        learners = self.model.all_learners()
        margin = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 12
        for column, values in ((1, {s.group_name for s in learners}), (2, {s.grade for s in learners})):
            title = str(self.model.headerData(column, QtCore.Qt.Orientation.Horizontal))
            widest = max((metrics.horizontalAdvance(v) for v in values), default=0)
            header.resizeSection(column, max(widest, metrics.horizontalAdvance(title) + 16) + margin)

    def select_learner(self, learner_id: uuid.UUID) -> bool:
        row = self.model.row_of(learner_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def current_learner_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return index.data(self.model.ID_ROLE) if index.isValid() else None

    def select_named(self, name: str | None) -> bool:
        """Choose the learner asked for by name (``--learner``), else the first; False if the name found nobody.

        A full name matches first; a given, family or preferred name alone only if exactly one learner has it;
        compared as the search compares (without case, accents or apostrophes: "Zoe Moreau" finds Zoé Moreau).
        Emits ``learner_selected(None)`` when the list is empty."""
        row, found_ok = 0, True
        if name:
            from plprofile.domain.search import matches_name

            full: list[int] = []
            partial: list[int] = []
            for i in range(self.proxy.rowCount()):
                summary = self.model.learner(self.proxy.mapToSource(self.proxy.index(i, 0)).row())
                how = matches_name(name, summary.given_name, summary.family_name, summary.preferred_name)
                if how == 2:
                    full.append(i)
                elif how == 1:
                    partial.append(i)
            found = full or (partial if len(partial) == 1 else [])
            if found:
                row = found[0]
            else:
                found_ok = False
        if self.proxy.rowCount():
            self.table.selectRow(row)
        else:
            self.learner_selected.emit(None)
        return found_ok
