"""A disagreement decided in the window, end to end through a real hub: the school admin's laptop and Zoë's
device change the same goal while apart, both sync, the admin decides in *Needs a decision*, both sync again,
and the hub and both devices hold the same words with nothing left to decide."""

from __future__ import annotations

from sqlalchemy import select

from tests import oneroster_sets as sets

from .conftest import Hub, run
from .test_end_to_end import _hub_actor, _learner_id, _open, _sync


def _statement(store, goal_id) -> str:  # noqa: ANN001
    from plprofile.store.models import Goal

    with store.session() as s:
        return s.execute(select(Goal.statement).where(Goal.id == goal_id)).scalar_one()


def _statement_at(folder, goal_id) -> str:  # noqa: ANN001
    store = _open(folder)
    try:
        return _statement(store, goal_id)
    finally:
        store.close()


def test_a_conflict_decided_in_the_window_reaches_the_hub_and_the_other_device(sqlite_hub: Hub, tmp_path, qtbot,
                                                                                monkeypatch):
    from PySide6.QtCore import Qt

    from plprofile.domain.profile import Actor, Role
    from plprofile.hub.store import open_hub
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.decisions import DecisionService
    from plprofile.services.profiles import ProfileService
    from plprofile.ui.kit import ask
    from plprofile.ui.shell.main_window import MainWindow

    hub = sqlite_hub
    admin_dir, learner_dir = tmp_path / "admin", tmp_path / "zoe"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    store = _open(admin_dir)
    admin = Actor(account_id=cli_teacher(store).account_id, role=Role.TEACHER, admin=True)
    zoe = _learner_id(admin_dir, "Zoë")
    goal = ProfileService(store).add_goal(admin, zoe, "Join a club")  # the teacher's words
    store.close()
    assert run("--data-dir", str(admin_dir), "pair", hub.url, hub.invite("admin", "Ada Admin")).returncode == 0
    _sync(admin_dir)
    assert run("--data-dir", str(learner_dir), "pair", hub.url, hub.invite("learner", "Zoë Moreau")).returncode == 0
    _sync(learner_dir)

    # apart, both change the goal: Zoë on her device, the admin on the laptop; then both sync
    store = _open(learner_dir)
    ProfileService(store).update_goal(_hub_actor(learner_dir), goal.id, statement="Join the robot club")
    store.close()
    store = _open(admin_dir)
    ProfileService(store).update_goal(admin, goal.id, statement="Join the chess club")
    store.close()
    assert _sync(learner_dir)["pushed"] == 1
    assert _sync(admin_dir)["conflicts"] >= 1
    assert _sync(learner_dir)["conflicts"] >= 1
    # the learner's words stand everywhere; the teacher's wait beside them
    assert _statement_at(admin_dir, goal.id) == _statement_at(learner_dir, goal.id) == "Join the robot club"
    store = _open(learner_dir)
    try:  # Zoë's device shows it too, as her teacher's to decide
        waiting = [c for c in DecisionService(store).open_conflicts(_hub_actor(learner_dir)) if c.entity == "goal"]
        assert [(c.other.text, c.may_decide) for c in waiting] == [("Join the chess club", False)]
    finally:
        store.close()

    # the admin decides in the window: the teacher's goal is the teacher's to decide
    monkeypatch.setattr(ask, "error", lambda _p, _t, message: errors.append(message))
    errors: list[str] = []
    window = MainWindow(admin_dir, offer_demo=False, require_sign_in=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=120_000)
    window.decisions_action.trigger()
    cards = window.decision_window.list.cards
    card = next(c for c in cards if c.conflict.current.text == "Join the robot club")
    assert [t.text() for t in card.texts] == ["Join the robot club", "Join the chess club"]
    qtbot.mouseClick(card.other_button, Qt.MouseButton.LeftButton)
    assert not errors
    assert not [c for c in window.decision_window.list.cards if c.conflict.entity == "goal"]
    window.close()

    _sync(admin_dir)
    _sync(learner_dir)
    hub_store = open_hub(hub.folder, hub.database)
    try:
        at_hub = _statement(hub_store, goal.id)
    finally:
        hub_store.close()
    assert at_hub == _statement_at(admin_dir, goal.id) == _statement_at(learner_dir, goal.id) == "Join the chess club"
    for folder, actor in ((admin_dir, admin), (learner_dir, _hub_actor(learner_dir))):
        store = _open(folder)
        try:
            assert [c for c in DecisionService(store).open_conflicts(actor) if c.entity == "goal"] == []
        finally:
            store.close()
