"""Strategies to try: a learner's strategies from the bank, each with its start and review day, and their answer
to "did it help?" (at a check-in, or in conference with the learner writing)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..kit.chart_view import ui_language
from ..kit.common import attempt, fmt_date

REVIEW_AFTER = timedelta(weeks=3)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StrategiesDialog(QDialog):
    def __init__(self, ctx, learner_id: uuid.UUID, parent: QWidget | None = None,  # noqa: ANN001
                 today: date | None = None) -> None:
        super().__init__(parent)
        from plprofile.services.strategies import StrategyService

        self.ctx, self.learner_id = ctx, learner_id
        self.today = today or date.today()
        self.service = StrategyService(ctx.store, ctx.stages)
        self.uses: list = []
        self.setWindowTitle(self.tr("Strategies to try"))
        self.intro = QLabel(self.tr("Strategies you are trying, and whether they help you."))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Strategy"), self.tr("Started"), self.tr("Look again on"),
                                              self.tr("Did it help?")])
        self.table.setAccessibleName(self.tr("Strategies you are trying"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.helped_button = QPushButton(self.tr("It &helped"))
        self.helped_button.clicked.connect(lambda: self.answer(True))
        self.not_yet_button = QPushButton(self.tr("&Not yet"))
        self.not_yet_button.clicked.connect(lambda: self.answer(False))
        answers = QHBoxLayout()
        answers.addWidget(QLabel(self.tr("For the chosen strategy:")))
        answers.addWidget(self.helped_button)
        answers.addWidget(self.not_yet_button)
        answers.addStretch(1)

        self.bank = QComboBox()
        self.bank.setAccessibleName(self.tr("A strategy to try"))
        self.started = QDateEdit(_qdate(self.today))
        self.review = QDateEdit(_qdate(self.today + REVIEW_AFTER))
        for edit in (self.started, self.review):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.start_button = QPushButton(self.tr("Start trying &it"))
        self.start_button.clicked.connect(self.start)
        form = QFormLayout()
        form.addRow(self.tr("&Strategy:"), self.bank)
        form.addRow(self.tr("S&tarting on:"), self.started)
        form.addRow(self.tr("&Look again on:"), self.review)
        form.addRow("", self.start_button)
        box = QGroupBox(self.tr("Try a new strategy"))
        box.setLayout(form)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(answers)
        layout.addWidget(box)
        layout.addWidget(close)
        self.resize(720, 520)
        self._fill_bank()
        self.refresh()

    def _fill_bank(self) -> None:
        """The bank, the strategies for what gets in this learner's way first."""
        from plprofile.domain.snapshot import Grouper
        from plprofile.services.snapshot import SnapshotService

        lang = ui_language()
        bank = attempt(self, lambda: self.service.bank(self.ctx.teacher)) or ()
        barriers: set[str] = set()
        view = attempt(self, lambda: self.ctx.profiles.load_profile(self.ctx.teacher, self.learner_id))
        if view is not None:
            framework = SnapshotService(self.ctx.store, self.ctx.profiles, self.ctx.stages).option_framework(
                self.ctx.teacher)
            grouper = Grouper(framework.option_list("barriers"), lang)
            for entry in view.entries:
                if entry.section.endswith("_barriers"):  # the profile holds live entries only
                    barriers.update(o.id for o, _w in grouper.match(entry.text)[1])
        ordered = sorted(bank, key=lambda s: (not set(s.helps_with) & barriers, s.text(lang).casefold()))
        self.bank.clear()
        for strategy in ordered:
            label = strategy.text(lang)
            if set(strategy.helps_with) & barriers:
                label = self.tr("{strategy} (for what gets in your way)").format(strategy=label)
            self.bank.addItem(label, strategy.id)

    def refresh(self) -> None:
        uses = attempt(self, lambda: self.service.uses(self.ctx.teacher, self.learner_id, ui_language()))
        self.uses = uses or []
        self.table.setRowCount(len(self.uses))
        for row, use in enumerate(self.uses):
            said = {None: self.tr("not asked yet"), True: self.tr("yes"), False: self.tr("not yet")}[use.helped]
            for col, text in enumerate((use.label, fmt_date(use.started_on), fmt_date(use.review_on), said)):
                cell = QTableWidgetItem(text)
                if col == 2 and use.review_on is not None and use.review_on <= self.today:
                    cell.setToolTip(self.tr("Time to look at it again"))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        if self.uses and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def start(self) -> None:
        strategy_id = self.bank.currentData()
        if strategy_id is None:
            return
        actor = self.ctx.actor(self.learner_id)
        attempt(self, lambda: self.service.start(actor, self.learner_id, strategy_id, self.started.date().toPython(),
                                                 self.review.date().toPython(), ui_language()))
        self.refresh()

    def answer(self, helped: bool) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.uses):
            return
        use_id = self.uses[row].id
        actor = self.ctx.actor(self.learner_id)
        attempt(self, lambda: self.service.answer(actor, use_id, helped, self.today))
        self.refresh()
        self.table.selectRow(row)


__all__ = ["StrategiesDialog"]
