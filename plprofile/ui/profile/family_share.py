"""The learner's say over one of their own entries: "My teacher and me" or "My family too".

One small widget, used beside whatever shows the learner's words (a profile section, the backpack, a goal, a
check-in). It shows the choice stored on the row (``shared_with_family``) and offers to change it only when the
access policy lets whoever is writing now (the learner who wrote it); a teacher sees the learner's choice and
cannot change it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from plprofile.domain.policy import LEARNER_SHARES, Action
from plprofile.domain.profile import Role

from ..kit.common import attempt
from ..kit.context import AppContext

translate = QCoreApplication.translate


def audience(shared: bool) -> str:
    """The choice in the learner's words (also the history's and the home's)."""
    return (translate("family_share", "My family too") if shared
            else translate("family_share", "My teacher and me"))


class ShareChoice(QWidget):
    """Who sees the selected row of the learner's words; ``changed`` once the learner's new choice is stored."""

    changed = Signal()

    def __init__(self, ctx: AppContext, model: type, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self._row = None
        self.label = QLabel(self.tr("Who sees this?"))
        self.combo = QComboBox()
        for shared in (False, True):
            self.combo.addItem(audience(shared), shared)
        self.combo.setAccessibleName(self.tr("Who sees this?"))
        self.label.setBuddy(self.combo)
        self.combo.activated.connect(lambda index: self.choose(bool(self.combo.itemData(index))))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.setVisible(False)

    def show_row(self, row) -> None:  # noqa: ANN001
        """Show the choice of ``row`` (a row of ``model``; None, a teacher's row or a teacher-only note: hidden)."""
        self._row = row
        mine = (row is not None and row.author_role == Role.LEARNER.value
                and not getattr(row, "teacher_only", False))
        self.setVisible(mine)
        if not mine:
            return
        self.combo.setCurrentIndex(1 if row.shared_with_family else 0)
        may = self.ctx.profiles.may(self.ctx.actor(row.learner_id), Action.SHARE, row)
        self.combo.setEnabled(may)
        self.combo.setToolTip("" if may else translate("services", LEARNER_SHARES))

    def shared(self) -> bool:
        return bool(self.combo.currentData())

    def choose(self, shared: bool) -> bool:
        """Store the choice (the policy decides who may); False, with the stored choice shown, when refused."""
        row = self._row
        if row is None:
            return False
        done = attempt(self, lambda: self.ctx.profiles.set_shared_with_family(
            self.ctx.actor(row.learner_id), self.model, row.id, shared))
        if done is None:
            self.combo.setCurrentIndex(1 if row.shared_with_family else 0)
            return False
        self.changed.emit()
        return True
