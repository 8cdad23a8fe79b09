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


def test_changes_the_hub_refused_are_said_and_a_teacher_sends_them_again(qtbot, language, store, teacher, profiles):
    """After a round in which the hub refused a change, the status does not say "All saved": it says how many
    stay here, about whom and why; its Send again puts them back in the outbox and starts a round."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from plprofile.services.hub_device import held_changes
    from plprofile.sync.changes import hold, outgoing

    language("en")
    kid = profiles.add_learner(teacher, given_name="Pia", family_name="Lund")
    with store.transaction() as s:
        ids = [c.id for c in outgoing(s)]
        hold(s, {i: {"about": "Pia Lund", "reason": "Pia Lund is not in one of your classes.", "learner": str(kid.id)}
                 for i in ids})
    sync = BackgroundSync(store)
    status = SyncStatus(sync)
    qtbot.addWidget(status)
    sync.state, sync.last_ok, sync.waiting, sync.held = "ok", time.time(), 0, held_changes(store)
    sync.changed.emit()
    n = len(ids)
    assert status.button.text() == f"{n} changes not accepted by the school hub"
    assert f"{n} changes about Pia Lund: Pia Lund is not in one of your classes." in status.button.toolTip()
    assert "nothing is lost" in status.button.toolTip()

    rounds = []
    sync.sync_now = lambda: rounds.append(True)  # the round itself is the hub tests' business

    def press_send_again() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_send_again)
            return
        again = [b for b in box.buttons() if b.text() == "Send &again"]
        if again:
            again[0].click()
        else:
            box.reject()  # no such button: the assertions below say so, rather than a dialog left open

    QTimer.singleShot(0, press_send_again)
    qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
    assert rounds == [True]
    assert held_changes(store) == [] and sync.held == []
    with store.session() as s:
        assert [c.id for c in outgoing(s)] == ids  # offered to the hub again

    learner_status = SyncStatus(sync, learner=True)
    qtbot.addWidget(learner_status)
    sync.held = [("Pia Lund", "not in one of your classes.", 1)]
    sync.changed.emit()
    assert learner_status.button.text() == "1 change not saved at school"
    assert "Ask your teacher" in learner_status.button.toolTip()
    language("es")
    learner_status.update_text()
    assert learner_status.button.text() == "1 cambio sin guardar en la escuela"


def test_send_again_during_a_round_waits_for_its_end(qtbot, store, teacher, profiles):
    """Send again chosen while a round runs (the explanation is open as rounds go on) moves nothing under that
    round's feet: the changes go back to the outbox when it ends, and a round follows. Meanwhile the status
    still says they stay here, never "All saved"."""
    from plprofile.services.hub_device import held_changes
    from plprofile.sync.changes import hold, outgoing
    from plprofile.sync.client import RoundResult

    kid = profiles.add_learner(teacher, given_name="Pia", family_name="Lund")
    with store.transaction() as s:
        ids = [c.id for c in outgoing(s)]
        hold(s, {i: {"about": "Pia Lund", "reason": "not in one of your classes.", "learner": str(kid.id),
                     "kind": "refused"} for i in ids})
    sync = BackgroundSync(store)
    status = SyncStatus(sync)
    qtbot.addWidget(status)
    rounds = []
    sync.sync_now = lambda: rounds.append(True)
    sync.state, sync.last_ok, sync.held, sync.running = "syncing", time.time(), held_changes(store), True
    sync.changed.emit()
    assert "not accepted" in status.button.text()
    sync.send_again()
    assert rounds == [] and held_changes(store) != []  # not while the round runs
    sync._done((RoundResult(), 0, held_changes(store)))  # the round ends
    assert rounds == [True] and held_changes(store) == []
    with store.session() as s:
        assert [c.id for c in outgoing(s)] == ids
