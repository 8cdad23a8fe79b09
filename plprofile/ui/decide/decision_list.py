"""The *Needs a decision* list: each disagreement as two versions side by side, who wrote each and when, and
three buttons; the widget the sync view and the window embed (``DecisionList(parent, session)``)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..kit.common import attempt
from .words import removed_or_changed, what, written


def _wrapping(text: str = "", *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class ConflictCard(QFrame):
    """One disagreement: where, the profile's version and the other one, and what the person may do."""

    def __init__(self, conflict, session, actor, choose, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.conflict = conflict
        self.setFrameShape(QFrame.Shape.StyledPanel)
        learner = session.is_learner
        title = what(conflict) if learner else self.tr("{learner} · {what}").format(learner=conflict.learner_name,
                                                                                     what=what(conflict))
        self.title = _wrapping(title, bold=True)
        self.setAccessibleName(title)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        heads = (self.tr("In your profile now") if learner else self.tr("In the profile now"),
                 self.tr("The other version"))
        removed = getattr(conflict, "removed", False)
        self.texts: list[QLabel] = []
        for column, (head, version) in enumerate(zip(heads, (conflict.current, conflict.other), strict=True)):
            grid.addWidget(_wrapping(head, bold=True), 0, column)
            shown = self.tr("(removed)") if removed and column == 0 else version.text or self.tr("(empty)")
            text = _wrapping(shown)
            text.setFrameShape(QFrame.Shape.Box)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(head)
            text.setAccessibleDescription(version.text)
            text.setMargin(6)
            grid.addWidget(text, 1, column)
            said = (removed_or_changed(version, actor.account_id, column == 0) if removed
                    else written(version, actor.account_id))
            grid.addWidget(_wrapping(said), 2, column)
            self.texts.append(text)
        self.this_button = QPushButton(self.tr("Keep &this one"))
        self.other_button = QPushButton(self.tr("Keep the &other one"))
        self.both_button = QPushButton(self.tr("Keep &both"))
        self.this_button.setToolTip(self.tr("Keep the words in the profile now"))
        self.other_button.setToolTip(self.tr("Use the other version instead"))
        self.both_button.setToolTip(self.tr("Keep both versions, one after the other"))
        from plprofile.services.decisions import Choice

        if removed:  # removed on one device, changed on another: remove it, or keep it with the new words
            self.this_button.setText(self.tr("&Remove it"))
            self.other_button.setText(self.tr("&Keep it"))
            self.this_button.setToolTip(self.tr("It stays removed"))
            self.other_button.setToolTip(self.tr("Bring it back, with the changed words"))
        for button, choice in ((self.this_button, Choice.THIS), (self.other_button, Choice.OTHER),
                               (self.both_button, Choice.BOTH)):
            button.clicked.connect(lambda _checked=False, c=choice: choose(self.conflict, c))
            button.setVisible(conflict.may_decide and not (removed and choice is Choice.BOTH))
        grid.addWidget(self.this_button, 3, 0)
        grid.addWidget(self.other_button, 3, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.both_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.waiting = _wrapping(self._waiting(conflict, learner))
        self.waiting.setVisible(not conflict.may_decide)
        layout.addWidget(self.waiting)

    def _waiting(self, conflict, learner: bool) -> str:  # noqa: ANN001
        if learner:
            return self.tr("Your teacher decides which of these to keep.")
        if conflict.entity != "conference" and (conflict.current.author_role == "learner"
                                                 or conflict.other.author_role == "learner"):
            return self.tr("{learner} decides this one: these are their own words.").format(
                learner=conflict.learner_name)
        return self.tr("A teacher of {learner} decides this one.").format(learner=conflict.learner_name)


class DecisionList(QWidget):
    """Open conflicts of one learner (``set_learner``) or of every learner the session sees."""

    decided = Signal(object)  # the learner whose profile a decision changed

    def __init__(self, parent: QWidget | None, session, learner_id: uuid.UUID | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        from plprofile.services.decisions import DecisionService

        self.session = session
        self.service = DecisionService(session.store)
        self.learner_id = learner_id
        self.cards: list[ConflictCard] = []
        self.intro = _wrapping(self.tr("Some of your words were changed in two places at the same time. Choose "
                                       "which words to keep, or keep both.") if session.is_learner else
                               self.tr("Two devices changed the same words before they could sync. Both versions "
                                       "are kept until the right person chooses."))
        self.empty = _wrapping(self.tr("Nothing needs a decision."))
        self.body = QWidget()
        self.rows = QVBoxLayout(self.body)
        self.rows.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        self.scroll.setAccessibleName(self.tr("Needs a decision"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    def set_learner(self, learner_id: uuid.UUID | None) -> None:
        self.learner_id = learner_id
        self.refresh()

    def refresh(self) -> None:
        for card in self.cards:  # off screen now, not when the event loop gets to deleting them
            self.rows.removeWidget(card)
            card.hide()
            card.setParent(None)
            card.deleteLater()
        actor = self.actor()
        found = attempt(self, lambda: self.service.open_conflicts(actor, self.learner_id)) or []
        self.cards = [ConflictCard(c, self.session, actor, self.choose, self.body) for c in found]
        for i, card in enumerate(self.cards):
            self.rows.insertWidget(i, card)
        self.empty.setVisible(not self.cards)
        self.scroll.setVisible(bool(self.cards))

    def actor(self):  # noqa: ANN201
        """Who decides here: the signed-in person, or, in a teacher's session with the learner writing (a
        conference), that learner, for one learner's list."""
        return self.session.actor(self.learner_id) if self.learner_id is not None else self.session.me

    def count(self) -> int:
        return len(self.cards)

    def choose(self, conflict, choice) -> None:  # noqa: ANN001
        done = attempt(self, lambda: self.service.resolve(self.actor(), conflict.id, choice,
                                                          seen=conflict.current.text) is not None)
        self.refresh()  # decided, decided elsewhere or moved on: the list shows what is left
        if done:
            self.session.profile_changed.emit(conflict.learner_id)
            self.decided.emit(conflict.learner_id)
