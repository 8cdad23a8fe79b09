"""Ask a question between conferences: a prompt of the framework's bank (or the teacher's own words) sent to the
learner on screen, their group, or all the teacher's learners. The learner answers on their home."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..kit import ask
from ..kit.chart_view import ui_language
from ..kit.common import attempt


class QuestionDialog(QDialog):
    """Choose or write the question, choose who to ask, send."""

    def __init__(self, ctx, learner_id: uuid.UUID, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.learner_id = ctx, learner_id
        self.sent: list = []
        self.setWindowTitle(self.tr("Ask a question"))
        learners = ctx.profiles.list_learners(ctx.me)
        self.learners = learners
        me = next((ls for ls in learners if ls.id == learner_id), None)
        self.prompt = QComboBox()
        self.prompt.setAccessibleName(self.tr("Question from the bank"))
        self.prompt.addItem(self.tr("My own words"), "")
        lang = ui_language()
        for option in ctx.questions.prompts(ctx.me):
            self.prompt.addItem(option.text(lang), option.id)
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("The question"))
        self.text.setPlaceholderText(self.tr("Write a question, or choose one above"))
        self.prompt.currentIndexChanged.connect(self._prompt_chosen)
        self.text.textEdited.connect(lambda _t: self.prompt.setCurrentIndex(0) if self.prompt.currentIndex() and
                                     self.text.text() != self.prompt.currentText() else None)
        self.only = QRadioButton(self.tr("Only {name}").format(name=me.display_name if me else ""))
        self.group = QRadioButton(self.tr("A class:"))
        self.everyone = QRadioButton(self.tr("All my learners ({n})").format(n=len(learners)))
        self.groups = QComboBox()
        self.groups.setAccessibleName(self.tr("Which class"))
        for name in sorted({ls.group_name for ls in learners if ls.group_name}):
            self.groups.addItem(name, name)
        if me is not None and me.group_name:
            self.groups.setCurrentIndex(max(0, self.groups.findData(me.group_name)))
        self.groups.activated.connect(lambda _i: self.group.setChecked(True))
        self.group.setEnabled(self.groups.count() > 0)
        self.who = QButtonGroup(self)
        for radio in (self.only, self.group, self.everyone):
            self.who.addButton(radio)
        self.only.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("From the &bank:"), self.prompt)
        form.addRow(self.tr("&Question:"), self.text)
        who = QVBoxLayout()
        who.addWidget(self.only)
        who.addWidget(self.group)
        who.addWidget(self.groups)
        who.addWidget(self.everyone)
        form.addRow(self.tr("Ask:"), who)
        note = QLabel(self.tr("They answer in writing on their home; the answers come up at the next conference."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _prompt_chosen(self, index: int) -> None:
        if index > 0:
            self.text.setText(self.prompt.itemText(index))

    def recipients(self) -> list[uuid.UUID]:
        if self.everyone.isChecked():
            return [ls.id for ls in self.learners]
        if self.group.isChecked():
            return [ls.id for ls in self.learners if ls.group_name == self.groups.currentData()]
        return [self.learner_id]

    def send(self) -> None:
        ids, text = self.recipients(), self.text.text()
        prompt_id = self.prompt.currentData() or ""
        sent = attempt(self, lambda: self.ctx.questions.ask(self.ctx.me, ids, text, prompt_id=prompt_id))
        if sent is None:
            return
        self.sent = sent
        ask.info(self, self.tr("Ask a question"), self.tr("Sent to %n learner(s).", "", len(sent)))
        self.accept()
