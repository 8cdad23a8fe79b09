"""The learner's side of a student-led conference: their short agenda, and who said what.

The learner leads from four questions, spoken to them ("What are you proud of?"); what the learner, the family
and the teacher say and promise is written down with who said it. The conference record keeps it all
(``ConferenceRemark`` rows), and the family summary tells it in the learner's voice ("I am proud of: …").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain.profile import LEARNER_AGENDA, RemarkKind, Speaker
from plprofile.services.views import ProfileView


class StudentLedPanel(QWidget):
    """The learner's agenda checklist and the list of what people said (read with ``remarks()``)."""

    def __init__(self, view: ProfileView, teacher_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        learner = view.learner.preferred_name
        intro = QLabel(self.tr("You lead this conference. Talk about each one, then tick it."))
        intro.setWordWrap(True)
        font = QFont(intro.font())
        font.setBold(True)
        intro.setFont(font)
        questions = {
            RemarkKind.PROUD: self.tr("What are you &proud of?"),
            RemarkKind.EVIDENCE: self.tr("What work did you pick to &show?"),
            RemarkKind.GOAL: self.tr("Which goal are you wor&king on?"),
            RemarkKind.NEED: self.tr("What do you need to &help you?"),
        }
        # the work and the goals the learner has: picked from a list, or typed
        offers = {
            RemarkKind.EVIDENCE: [ev.text or ev.location for gv in view.goals for ev in gv.evidence
                                  if (ev.text or ev.location).strip()],
            RemarkKind.GOAL: [gv.goal.statement for gv in view.goals if gv.goal.status != "set_aside"],
        }
        self.ticks: dict[RemarkKind, QCheckBox] = {}
        self.answers: dict[RemarkKind, QLineEdit] = {}
        agenda = QGroupBox(self.tr("Your checklist"))
        grid = QGridLayout(agenda)
        for row, kind in enumerate(LEARNER_AGENDA):
            tick = QCheckBox(questions[kind])
            if kind in offers:
                combo = QComboBox()
                combo.setEditable(True)
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                combo.addItems(offers[kind])
                combo.setCurrentIndex(-1)
                combo.setEditText("")
                answer = combo.lineEdit()
                field: QWidget = combo
            else:
                answer = QLineEdit()
                field = answer
            answer.setPlaceholderText(self.tr("Say it in your own words"))
            answer.setAccessibleName(tick.text().replace("&", ""))
            # a written answer ticks its question; the learner may tick it without writing too
            answer.textChanged.connect(lambda text, t=tick: t.setChecked(True) if text.strip() else None)
            self.ticks[kind], self.answers[kind] = tick, answer
            grid.addWidget(tick, row, 0)
            grid.addWidget(field, row, 1)
        grid.setColumnStretch(1, 1)

        said = QGroupBox(self.tr("What people said and will do"))
        self.speaker = QComboBox()
        self.speaker.setAccessibleName(self.tr("Who"))
        for speaker, name in ((Speaker.LEARNER, learner), (Speaker.FAMILY, self.tr("Family")),
                              (Speaker.TEACHER, teacher_name)):
            self.speaker.addItem(name, speaker.value)
        self.said_kind = QComboBox()
        self.said_kind.setAccessibleName(self.tr("Said or will do"))
        self.said_kind.addItem(self.tr("said"), RemarkKind.COMMENT.value)
        self.said_kind.addItem(self.tr("will do"), RemarkKind.COMMITMENT.value)
        self.said_text = QLineEdit()
        self.said_text.setPlaceholderText(self.tr("What they said, or what they will do"))
        self.said_text.setAccessibleName(self.tr("What was said"))
        self.said_text.returnPressed.connect(self.add_said)
        self.add_button = QPushButton(self.tr("A&dd"))
        self.add_button.clicked.connect(self.add_said)
        self.said_list = QListWidget()
        self.said_list.setWordWrap(True)
        self.said_list.setAccessibleName(self.tr("What people said and will do"))
        entry = QHBoxLayout()
        entry.addWidget(self.speaker)
        entry.addWidget(self.said_kind)
        entry.addWidget(self.said_text, 1)
        entry.addWidget(self.add_button)
        sl = QVBoxLayout(said)
        sl.addLayout(entry)
        sl.addWidget(self.said_list)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(agenda)
        layout.addWidget(said, 1)

    def add_said(self) -> None:
        text = self.said_text.text().strip()
        if not text:
            return
        speaker, kind = self.speaker.currentData(), self.said_kind.currentData()
        line = self.tr("{who} {said}: {text}").format(who=self.speaker.currentText(),
                                                      said=self.said_kind.currentText(), text=text)
        item = QListWidgetItem(line)
        item.setData(Qt.ItemDataRole.UserRole, (speaker, kind, text))
        self.said_list.addItem(item)
        self.said_text.clear()
        self.said_text.setFocus()

    def remarks(self) -> list[tuple[str, str, str]]:
        """What was said, in order: the learner's agenda answers first, then what each person said or will do
        (a line typed but not yet added counts: nothing typed is lost)."""
        self.add_said()
        agenda = [(Speaker.LEARNER.value, kind.value, self.answers[kind].text().strip()) for kind in LEARNER_AGENDA
                  if self.answers[kind].text().strip()]
        said = [self.said_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.said_list.count())]
        return agenda + [tuple(s) for s in said]
