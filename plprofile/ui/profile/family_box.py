"""The learner's family contacts, as the school's roster gave them: a small box on the profile, for staff."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from plprofile.services.family import ContactView, FamilyService

from ..kit.context import AppContext


def relationship_label(relationship: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "guardian": QCoreApplication.translate("FamilyBox", "guardian"),
        "parent": QCoreApplication.translate("FamilyBox", "parent"),
        "relative": QCoreApplication.translate("FamilyBox", "relative"),
    }.get(relationship, relationship)


class FamilyBox(QGroupBox):
    """"Family": one line per contact (name, relationship, e-mail, phone); hidden when there is none, and never
    built for a learner (the policy gives them none of it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Family"))
        self.ctx = ctx
        self.family = FamilyService(ctx.store)
        self.contacts: list[ContactView] = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(self.text.textFormat().PlainText)
        self.text.setAccessibleName(self.tr("Family contacts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.text)
        self.hide()

    def show_learner(self, learner_id: uuid.UUID | None) -> None:
        self.contacts = [] if learner_id is None else self.family.contacts(self.ctx.teacher, learner_id)
        lines = []
        for c in self.contacts:
            bits = [self.tr("{name} ({relationship})").format(name=c.name, relationship=relationship_label(
                c.relationship))]
            bits += [b for b in (c.email, c.phone) if b]
            lines.append(" · ".join(bits))
        self.text.setText("\n".join(lines))
        self.setVisible(bool(lines))
