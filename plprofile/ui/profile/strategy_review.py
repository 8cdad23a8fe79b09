"""*Did it help?* at a goal check-in: the learner's strategies whose review day has come, each with three
answers in a learner's words (yes, a bit, no), all optional. Nothing is shown when there is nothing to ask, so a
check-in takes no more steps than before; the answers are kept as the strategies dialog keeps them
(``StrategyService.answer``, insert-only, "a bit" counting as helped)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..kit.common import attempt


class StrategyReview(QWidget):
    """The questions for one learner's check-in; ``record`` keeps what was chosen."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        from plprofile.services.strategies import StrategyService

        self.ctx = ctx
        self.service = StrategyService(ctx.store, ctx.stages)
        self.learner_id: uuid.UUID | None = None
        self.groups: dict[uuid.UUID, QButtonGroup] = {}
        self.buttons: dict[tuple[uuid.UUID, str], QPushButton] = {}
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.setVisible(False)

    def words(self) -> dict[str, str]:
        return {"yes": self.tr("Yes"), "a_bit": self.tr("A bit"), "no": self.tr("No")}

    def show_for(self, learner_id: uuid.UUID | None, today: date | None = None) -> int:
        """Ask about ``learner_id``'s strategies due for review; returns how many questions are shown."""
        from plprofile.domain.profile import Role
        from plprofile.i18n import ui_language

        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        self.groups.clear()
        self.buttons.clear()
        self.learner_id = learner_id
        due = []
        # the learner's own answer: asked in their session, or in the teacher's while the learner is writing
        if learner_id is not None and self.ctx.actor(learner_id).role is Role.LEARNER:
            due = attempt(self, lambda: self.service.to_review(self.ctx.actor(learner_id), learner_id,
                                                               today or date.today(), ui_language())) or []
        for use in due:
            question = QLabel(self.tr("Did “{strategy}” help you? You can skip this.").format(strategy=use.label))
            question.setWordWrap(True)
            self.rows.addWidget(question)
            row = QHBoxLayout()
            group = QButtonGroup(self)
            group.setExclusive(True)
            for how, text in self.words().items():
                button = QPushButton(text)
                button.setCheckable(True)
                button.setAccessibleName(self.tr("Did “{strategy}” help you? {answer}").format(
                    strategy=use.label, answer=text))
                group.addButton(button)
                row.addWidget(button)
                self.buttons[(use.id, how)] = button
            row.addStretch(1)
            self.rows.addLayout(row)
            self.groups[use.id] = group
        self.setVisible(bool(due))
        return len(due)

    def chosen(self) -> dict[uuid.UUID, str]:
        """What was answered: use id → yes, a_bit or no (questions skipped are left out)."""
        return {use_id: how for (use_id, how), button in self.buttons.items() if button.isChecked()}

    def record(self, on: date | None = None) -> int:
        """Keep the answers chosen (one per strategy); returns how many were kept."""
        if self.learner_id is None:
            return 0
        actor = self.ctx.actor(self.learner_id)
        kept = 0
        for use_id, how in self.chosen().items():
            if attempt(self, lambda use_id=use_id, how=how: self.service.answer(
                    actor, use_id, how != "no", on or date.today(), how=how)) is not None:
                kept += 1
        return kept


def _clear(layout) -> None:  # noqa: ANN001
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


__all__ = ["StrategyReview"]
