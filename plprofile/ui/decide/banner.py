"""A line above a learner's profile when something in it needs a decision, with the way to it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DecisionBanner(QFrame):
    open_requested = Signal(object)  # the learner id

    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.learner_id: uuid.UUID | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("&Decide…"))
        self.button.clicked.connect(lambda: self.open_requested.emit(self.learner_id))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_for(self, learner_id: uuid.UUID | None) -> None:
        """Shown when the learner has open conflicts the session may read; says how many are the person's."""
        self.learner_id = learner_id
        if learner_id is None:
            self.hide()
            return
        from plprofile.services.decisions import DecisionService

        try:
            found = DecisionService(self.session.store).open_conflicts(self.session.me, learner_id)
        except Exception:  # noqa: BLE001 - a banner never stands in the way of the profile; the list says why
            found = []
        if not found:
            self.hide()
            return
        mine = sum(1 for c in found if c.may_decide)
        if self.session.is_learner:
            text = self.tr("%n thing(s) in your profile were changed in two places at once. Choose which words to keep.",
                           "", mine) \
                if mine else self.tr("Your teacher has %n thing(s) to decide in your profile.", "", len(found))
        elif mine:
            text = self.tr("%n thing(s) in this profile need your decision: two devices changed the same words.",
                           "", mine)
        else:
            text = self.tr("%n thing(s) in this profile wait for the learner to decide.", "", len(found))
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()
