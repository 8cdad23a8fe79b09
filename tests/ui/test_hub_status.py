"""The sync status's words for each state, and the count of decisions the lead wires to the conflicts list."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from plprofile.ui.hub_sync.background import BackgroundSync
from plprofile.ui.hub_sync.status import SyncStatus


def test_the_status_says_each_state_and_what_to_do(qtbot, language):
    language("en")
    sync = BackgroundSync(None)  # no store: the states are set as a round's end sets them
    status = SyncStatus(sync)
    qtbot.addWidget(status)
    assert status.button.text() == "Not synced yet"
    sync.state, sync.last_ok, sync.waiting = "ok", time.time() - 150, 0
    sync.changed.emit()
    assert status.button.text() == "All saved to the school hub · 2 min ago"
    sync.state, sync.waiting, sync.problem = "offline", 3, "offline"
    sync.changed.emit()
    assert status.button.text() == "3 changes waiting: no connection"
    assert "sent when it is back" in status.button.toolTip()
    sync.state, sync.problem = "attention", "app_old"
    sync.changed.emit()
    assert status.button.text() == "Sync needs attention"
    assert "update plprofile" in status.button.toolTip()
    clicked = []
    status.decisions_clicked.connect(lambda: clicked.append(True))
    status.set_decisions(2)
    assert status.decisions_button.text() == "2 need a decision" and not status.decisions_button.isHidden()
    qtbot.mouseClick(status.decisions_button, Qt.MouseButton.LeftButton)
    assert clicked == [True]
    status.set_decisions(0)
    assert status.decisions_button.isHidden()
    language("es")
    sync.state, sync.problem = "offline", "offline"
    status.update_text()
    assert status.button.text() == "3 cambios esperando: sin conexión"
