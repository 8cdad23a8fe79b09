"""A school admin starts a new school year in the window (a goal closed with a reflection, the rest carried),
and a learner then opens "You last year" beside the profile of now, read-only."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from plprofile.services.demo import DEMO_PIN
from plprofile.store.models import CheckIn, Goal, SchoolClass, YearSnapshot
from tests.ui.test_signin import _sign_in


def _menu_action(window, menu_title: str, text: str):  # noqa: ANN202
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu_title)
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_an_admin_starts_a_new_year_and_a_learner_opens_you_last_year(open_window, qtbot, answers, tmp_path):
    data = tmp_path / "data"
    window = open_window(data, demo=True, require_sign_in=False)  # opened without sign-in: a school admin
    with window.store.session() as s:
        goals = s.execute(select(Goal).where(Goal.deleted_at.is_(None), Goal.status.not_in(
            ("achieved", "set_aside")))).scalars().all()
        learners_with_goals = {g.learner_id for g in goals}
    assert len(goals) >= 2
    seen: dict = {}

    def fill(dialog) -> None:
        dialog.name.setText("2027-2028")
        dialog.start.setDate(QDate(2027, 8, 20))
        assert not dialog.start_button.isEnabled()  # nothing starts before the preview is seen
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.goals.rowCount()
        first = dialog.goals.cellWidget(0, 2)
        assert first.currentData() == "carry"  # carried is the default
        first.setCurrentIndex(first.findData("close"))
        seen["goal"] = dialog.plan.open_goals[0]
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)  # no reflection yet: asked for one
        assert answers.errors and "reflection" in answers.errors[-1] and not dialog.started
        qtbot.keyClicks(dialog.goals.cellWidget(0, 3), "I read every day now, so this one is done")
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    _menu_action(window, "School", "Start a new school year…").trigger()
    assert seen["rows"] == len(goals)
    assert "class" in seen["summary"] and "snapshot" in seen["summary"]
    assert answers.infos[-1] == "2027-2028 has started."
    closed_id = seen["goal"].id
    with window.store.session() as s:
        assert s.get(Goal, closed_id).status == "set_aside"
        reflections = [c.reflection for c in s.execute(select(CheckIn).where(CheckIn.goal_id == closed_id))
                       .scalars()]
        assert "I read every day now, so this one is done" in reflections
        assert s.execute(select(YearSnapshot)).scalars().all()
        assert all(c.closed_at is not None for c in s.execute(select(SchoolClass)).scalars())
        carried = [g for g in goals if g.id != closed_id]
        assert all(s.get(Goal, g.id).status == g.status for g in carried)
    window.close()

    window = open_window(data, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.ctx is not None and window.is_ready, timeout=20_000)
    me = window.ctx.me
    assert me.learner_id in learners_with_goals
    action = window.last_year_action
    assert action.isVisible()
    action.trigger()
    view = window.last_year_view
    assert view is not None and view.isVisible()
    assert view.windowTitle() == "You last year (2026-2027)"
    shown = view.text.toPlainText()
    my_goals = [g.statement for g in goals if g.learner_id == me.learner_id]
    assert my_goals and all(statement in shown for statement in my_goals)
    assert view.text.isReadOnly()
    assert window.profile.isVisible()  # beside now: the profile stays open
