"""The *Needs a decision* window: the list for one learner or for all of a teacher's learners."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .decision_list import DecisionList


class DecisionWindow(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setWindowTitle(self.tr("Needs a decision"))
        self.list = DecisionList(self, session)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Whose decisions"))
        scope_label = QLabel(self.tr("&Show:"))
        scope_label.setBuddy(self.scope)
        top = QHBoxLayout()
        top.addWidget(scope_label)
        top.addWidget(self.scope, 1)
        layout = QVBoxLayout(self)
        if not session.is_learner:
            layout.addLayout(top)
        else:
            scope_label.hide()
            self.scope.hide()
        layout.addWidget(self.list, 1)
        self.scope.currentIndexChanged.connect(lambda _i: self.list.set_learner(self.scope.currentData()))
        self.resize(900, 600)

    def show_for(self, learner_id: uuid.UUID | None, name: str = "") -> None:
        """One learner's decisions (``learner_id``), or every learner's the session sees (None)."""
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All my learners"), None)
        if learner_id is not None and not self.session.is_learner:
            self.scope.addItem(name or self.tr("This learner"), learner_id)
            self.scope.setCurrentIndex(1)
        self.scope.blockSignals(False)
        self.list.set_learner(self.session.me.learner_id if self.session.is_learner else learner_id)
