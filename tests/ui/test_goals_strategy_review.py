"""*Did it help?* on the Goals tab's check-in: with the learner writing, a strategy whose review day came is asked
about beside the check-in; the answer is kept with it (here "no": not helped), and the question goes away."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from plprofile.domain.profile import Role
from plprofile.services.strategies import StrategyService
from plprofile.store.models import StrategyCheck


def test_the_goals_tab_check_in_asks_whether_a_strategy_helped(open_window, answers, qtbot):
    window = open_window()
    ctx = window.ctx
    ana = ctx.profiles.add_learner(ctx.teacher, given_name="Ana", family_name="Test")
    goal = ctx.profiles.add_goal(ctx.teacher, ana.id, "Read a chapter book")
    today = date.today()
    use = StrategyService(ctx.store).start(ctx.teacher, ana.id, "visual_timer", today - timedelta(days=14),
                                           today)
    window.refresh_learners()
    assert window.select_learner(ana.id)
    panel = window.profile
    goals = panel.goals
    panel.tabs.setCurrentWidget(goals)
    assert not goals.review.buttons  # the teacher writing: the learner's answer is not asked of them
    qtbot.mouseClick(panel.learner_radio, Qt.MouseButton.LeftButton)  # the learner is writing
    assert ctx.writer is Role.LEARNER
    qtbot.waitUntil(lambda: bool(goals.review.buttons))
    assert goals.current().goal.id == goal.id
    assert goals.review.isVisibleTo(goals) and (use.id, "no") in goals.review.buttons
    goals.ci_scale.setCurrentIndex(goals.ci_scale.findData(2))
    qtbot.mouseClick(goals.review.buttons[(use.id, "no")], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(goals.ci_add, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    with ctx.store.session() as s:
        row = s.execute(select(StrategyCheck).where(StrategyCheck.use_id == use.id)).scalar_one()
    assert (row.answer, row.helped, row.author_role) == ("no", False, "learner")
    qtbot.waitUntil(lambda: not goals.review.buttons)  # answered: nothing left to ask
