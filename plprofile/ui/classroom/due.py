"""Who is due this week: one list (conferences on the rota, check-ins, steps, goals past their date, Stages not
rated, proposals waiting), most urgent first; a row opens the learner on the right tab or starts the conference."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..kit.common import attempt, fmt_date
from .snapshot import ALL, fill_scopes

#: The profile page of each tab name ``domain.week.TAB_OF`` gives.
PAGES = {"goals": "goals", "conferences": "conferences", "stages": "stages_page", "backpack": "backpack"}


class DueWindow(QWidget):
    """A window of its own: the week, whose learners, the cadence, and the list."""

    def __init__(self, ctx, parent: QWidget | None = None, today: date | None = None) -> None:  # noqa: ANN001
        super().__init__(parent, Qt.WindowType.Window)
        from plprofile.services.week import MAX_CADENCE_WEEKS, WeekService

        self.ctx = ctx
        self.service = WeekService(ctx.store, ctx.profiles, ctx.stages)
        self.today = today or date.today()
        self.items: list = []
        self.setWindowTitle(self.tr("Who is due this week"))

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Whose week"))
        scope_label = QLabel(self.tr("&Learners:"))
        scope_label.setBuddy(self.scope)
        fill_scopes(self, self.scope, ctx)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.week = QDateEdit(QDate(self.today.year, self.today.month, self.today.day))
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("d MMM yyyy")
        self.week.setAccessibleName(self.tr("A day of the week to plan"))
        week_label = QLabel(self.tr("&Week of:"))
        week_label.setBuddy(self.week)
        self.week.dateChanged.connect(lambda _d: self.refresh())
        self.cadence = QSpinBox()
        self.cadence.setRange(1, MAX_CADENCE_WEEKS)
        self.cadence.setValue(attempt(self, lambda: self.service.cadence(ctx.teacher)) or 3)
        self.cadence.setSuffix(self.tr(" weeks"))
        self.cadence.setAccessibleName(self.tr("A conference with each learner every number of weeks"))
        cadence_label = QLabel(self.tr("&Conference every"))
        cadence_label.setBuddy(self.cadence)
        self.cadence.valueChanged.connect(self._cadence_changed)
        self.unrated = QSpinBox()
        self.unrated.setRange(1, 52)
        self.unrated.setValue(12)
        self.unrated.setSuffix(self.tr(" weeks"))
        self.unrated.setAccessibleName(self.tr("Stages not rated for this many weeks"))
        unrated_label = QLabel(self.tr("Stages not rated in &the last"))
        unrated_label.setBuddy(self.unrated)
        self.unrated.valueChanged.connect(lambda _v: self.refresh())
        top, rules = QHBoxLayout(), QHBoxLayout()  # two rows, so that large text still fits the width
        for row, widgets in ((top, (scope_label, self.scope, week_label, self.week)),
                             (rules, (cadence_label, self.cadence, unrated_label, self.unrated))):
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Learner"), self.tr("What"),
                                              self.tr("About")])
        self.table.setAccessibleName(self.tr("Who is due, most urgent first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(lambda row, _col: self.open_row(row))
        self.table.currentCellChanged.connect(lambda *_a: self._selection_changed())
        self.counts = QLabel()

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.start_button = QPushButton(self.tr("&Start the conference"))
        self.start_button.clicked.connect(self.start_conference)
        self.move_to = QDateEdit(QDate(self.today.year, self.today.month, self.today.day))
        self.move_to.setCalendarPopup(True)
        self.move_to.setDisplayFormat("d MMM yyyy")
        self.move_to.setAccessibleName(self.tr("Day to move the conference to"))
        self.move_button = QPushButton(self.tr("&Move the conference to"))
        self.move_button.clicked.connect(self.move_conference)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        for widget in (self.open_button, self.start_button, self.move_button, self.move_to):
            bottom.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(rules)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1000, 620)
        self._selection_changed()

    # ---- reading -------------------------------------------------------------------------------------
    def _day(self) -> date:
        chosen = self.week.date().toPython()
        monday = chosen - timedelta(days=chosen.weekday())
        this_monday = self.today - timedelta(days=self.today.weekday())
        return self.today if monday == this_monday else monday  # another week: as seen from its Monday

    def kind_label(self, kind: str) -> str:
        return {
            "conference": self.tr("Conference"),
            "checkin": self.tr("Check-in"),
            "step": self.tr("Action step"),
            "goal_past": self.tr("Goal past its date"),
            "proposal": self.tr("Proposal waiting"),
            "answer": self.tr("Answers waiting"),
            "stages": self.tr("Stages not rated"),
            "strategy_review": self.tr("Strategy to look at again"),
        }[kind]

    def refresh(self) -> None:
        kind, value = self.scope.currentData() or ALL
        kwargs = {"class_id": value} if kind == "class" else {"group": value} if kind == "group" else {}
        day = self._day()
        items = attempt(self, lambda: self.service.due_list(self.ctx.teacher, day,
                                                            unrated_weeks=self.unrated.value(), **kwargs))
        if items is None:
            return
        self.items = items
        names = {r.id: r.display_name for r in self.ctx.profiles.class_list(self.ctx.teacher).learners}
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            when = fmt_date(item.due_on) if item.due_on else self.tr("never")
            if item.overdue(day) and item.due_on is not None:
                when = self.tr("{day} (overdue)").format(day=when)
            about = item.subject
            if item.more:  # one line per learner: the most urgent named, the rest counted
                about = self.tr("%1 (and %n more)", "", item.more).replace("%1", item.subject)
            cells = [when, names.get(item.learner_id, "?"), self.kind_label(item.kind.value), about]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 3 and text:
                    cell.setToolTip(text)  # whole, where large text cuts the column short
                if item.overdue(day) and col == 0:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.counts.setText(self.tr("%n thing(s) due", "", len(items)))
        self._selection_changed()

    def _selection_changed(self) -> None:
        item = self.current()
        self.open_button.setEnabled(item is not None)
        is_conference = item is not None and item.kind.value == "conference"
        self.start_button.setEnabled(is_conference)
        self.move_button.setEnabled(is_conference)
        self.move_to.setEnabled(is_conference)
        if is_conference and item.due_on:
            self.move_to.setDate(QDate(item.due_on.year, item.due_on.month, item.due_on.day))

    def current(self):  # noqa: ANN201
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # ---- actions -------------------------------------------------------------------------------------
    def _cadence_changed(self, weeks: int) -> None:
        attempt(self, lambda: self.service.set_cadence(self.ctx.teacher, weeks))
        self.refresh()

    def open_row(self, row: int) -> bool:
        """Open the row's learner in the main window, on the tab the row is about."""
        if not 0 <= row < len(self.items):
            return False
        item = self.items[row]
        window = self.parentWidget()
        if window is None or not hasattr(window, "select_learner") or not window.select_learner(item.learner_id):
            return False
        profile = getattr(window, "profile", None)
        page = getattr(profile, PAGES[item.tab], None) if profile is not None else None
        if page is not None:
            profile.tabs.setCurrentWidget(page)
        window.raise_()
        window.activateWindow()
        return True

    def start_conference(self) -> None:
        if self.open_row(self.table.currentRow()) and (profile := self.parentWidget().profile) is not None:
            profile.start_conference()

    def move_conference(self) -> None:
        item = self.current()
        if item is None:
            return
        day = self.move_to.date().toPython()
        attempt(self, lambda: self.service.move_conference(self.ctx.teacher, item.learner_id, day))
        self.refresh()


__all__ = ["DueWindow"]
