"""Dialogs: add a learner."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from plprofile.domain.profile import ValidationError
from plprofile.services.views import LearnerInfo

from ..kit.common import error_style
from ..kit.context import AppContext
from ..kit.messages import explain


class AddLearnerDialog(QDialog):
    """Type a learner's details; empty names are refused here, where they are typed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: LearnerInfo | None = None
        self.setWindowTitle(self.tr("Add a learner"))
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.preferred = QLineEdit()
        self.preferred.setPlaceholderText(self.tr("if different from the given name"))
        self.pronouns = QLineEdit()
        self.pronouns.setPlaceholderText(self.tr("optional"))
        self.grade = QLineEdit()
        self.group = QLineEdit()
        self.external_id = QLineEdit()
        self.external_id.setPlaceholderText(self.tr("student ID from the school system (optional)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style() + " padding: 4px;")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Given name:"), self.given)
        form.addRow(self.tr("&Family name:"), self.family)
        form.addRow(self.tr("&Preferred name:"), self.preferred)
        form.addRow(self.tr("P&ronouns:"), self.pronouns)
        form.addRow(self.tr("G&rade or year:"), self.grade)
        form.addRow(self.tr("Gr&oup or class:"), self.group)
        form.addRow(self.tr("Student &ID:"), self.external_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            self.created = self.ctx.profiles.add_learner(
                self.ctx.teacher, given_name=self.given.text(), family_name=self.family.text(),
                preferred_name=self.preferred.text(), pronouns=self.pronouns.text(), grade=self.grade.text(),
                group_name=self.group.text(), external_id=self.external_id.text(),
            )
        except ValidationError as exc:
            self.message.setText(explain(exc))
            self.message.show()
            field = {"given_name": self.given, "family_name": self.family, "external_id": self.external_id}
            field.get(exc.field, self.given).setFocus()
            return
        self.accept()
