"""The sync status in the status bar: "All saved to the school hub · 2 min ago", "3 changes waiting: no
connection", "Sync needs attention"; a click says what to do and offers *Sync now*. The count of conflicts
waiting for a decision is set from outside (``set_decisions``); a click on it is ``decisions_clicked``."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from .background import BackgroundSync
from .messages import problem_text


class SyncStatus(QWidget):
    decisions_clicked = Signal()

    def __init__(self, sync: BackgroundSync, parent: QWidget | None = None, *, learner: bool = False) -> None:
        super().__init__(parent)
        self.sync = sync
        self.learner = learner
        self.decisions = 0
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.clicked.connect(self.explain)
        self.decisions_button = QPushButton()
        self.decisions_button.setFlat(True)
        self.decisions_button.setVisible(False)
        self.decisions_button.clicked.connect(self.decisions_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.decisions_button)
        layout.addWidget(self.button)
        sync.changed.connect(self.update_text)
        self._clock = QTimer(self, interval=30_000, timeout=self.update_text)  # "2 min ago" moves on
        self._clock.start()
        self.update_text()

    def set_decisions(self, count: int) -> None:
        """How many disagreements wait for a decision (0 hides the count)."""
        self.decisions = count
        self.decisions_button.setText(self.tr("%n need(s) a decision", "", count))
        self.decisions_button.setAccessibleName(self.decisions_button.text())
        self.decisions_button.setVisible(count > 0)

    def _ago(self) -> str:
        if self.sync.last_ok is None:
            return ""
        minutes = int((time.time() - self.sync.last_ok) // 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("%n min ago", "", minutes)
        return self.tr("%n h ago", "", minutes // 60)

    def text(self) -> str:
        sync = self.sync
        if sync.state == "attention":
            return self.tr("Sync needs attention")
        if sync.state == "offline":
            if sync.waiting:
                return self.tr("%n change(s) waiting: no connection", "", sync.waiting)
            return self.tr("No connection to the school hub")
        if sync.state == "syncing" and sync.last_ok is None:
            return self.tr("Syncing with the school hub…")
        if sync.last_ok is None:
            return self.tr("Not synced yet")
        if sync.held:  # known before a round starts: never "All saved" while they stay here
            n = sum(count for _about, _reason, count in sync.held)
            if self.learner:
                return self.tr("%n change(s) not saved at school", "", n)
            return self.tr("%n change(s) not accepted by the school hub", "", n)
        if sync.waiting and sync.state != "syncing":
            return self.tr("%n change(s) waiting to be sent", "", sync.waiting)
        return self.tr("All saved to the school hub · {ago}").format(ago=self._ago())

    def update_text(self) -> None:
        text = self.text()
        self.button.setText(text)
        self.button.setMinimumWidth(self.button.sizeHint().width())  # never clipped, at any text size
        self.button.setAccessibleName(text)
        self.button.setToolTip(self.advice())

    def advice(self) -> str:
        sync = self.sync
        if sync.state in ("attention", "offline"):
            return problem_text(sync.problem or "offline", learner=self.learner, reason=sync.reason)
        if sync.held:
            if self.learner:
                return self.tr("The school computer did not take some of your changes. They are safe here. "
                               "Ask your teacher, then choose Send again.")
            lines = [self.tr("%n change(s) about {about}: {reason}", "", n).format(about=about, reason=reason)
                     for about, reason, n in sync.held]
            return "\n".join([*lines, self.tr(
                "They stay on this computer, nothing is lost. Once that is settled (for example, the school gives "
                "you the class again), choose Send again.")])
        if self.learner:
            return self.tr("Your work is saved here and at school.")
        return self.tr("Every change made here is sent to the school hub a few seconds after it is saved; what "
                       "others changed comes every few minutes.")

    def explain(self) -> None:
        """What the status means and what to do, with *Sync now*."""
        box = QMessageBox(QMessageBox.Icon.Information if self.sync.state != "attention"
                          else QMessageBox.Icon.Warning, self.tr("School hub"), self.text(), parent=self)
        box.setInformativeText(self.advice())
        now = box.addButton(self.tr("Sync &now"), QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton(self.tr("Send &again"), QMessageBox.ButtonRole.ActionRole) if self.sync.held else None
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is now:
            self.sync.sync_now()
        elif again is not None and box.clickedButton() is again:
            self.sync.send_again()
