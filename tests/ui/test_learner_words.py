"""What a learner reads, in their session: second person, no teacher controls, no file paths, overdue goals marked,
the Stages elements explained beside their names, and a check-in form with no default choice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from plprofile.domain.framework import default_framework
from plprofile.domain.profile import GoalStatus
from plprofile.services.demo import DEMO_PIN

from .test_learner_home import _signed_in_home, zoe_dir  # noqa: F401  (the fixture)


@pytest.fixture
def text_16pt(qapp):
    """The whole app at 16-point text, as a learner who needs larger text sets it."""
    from PySide6.QtGui import QFont

    saved = qapp.font()
    font = QFont(saved)
    font.setPointSizeF(16)
    qapp.setFont(font)
    yield
    qapp.setFont(saved)


def test_a_learner_session_speaks_to_the_learner_and_hides_teacher_things(open_window, answers, qtbot, zoe_dir,  # noqa: F811
                                                                          text_16pt):
    folder, _zoe = zoe_dir
    window, home = _signed_in_home(open_window, qtbot, folder)
    panel = window.profile
    assert "waiting for you" in panel.details_label.text() and "the learner" not in panel.details_label.text()
    assert str(folder) not in window.statusBar().currentMessage()

    # Stages: no teacher, agreed or difference column, no agree buttons; each element says what it means
    stages = panel.stages_page
    panel.tabs.setCurrentWidget(stages)
    stages.tabs.setCurrentWidget(stages.entry)
    entry = stages.entry
    qtbot.waitUntil(lambda: bool(entry.rows) and entry.rows[0].pickers["learner"].isVisible())
    for row in entry.rows:
        assert row.pickers["learner"].isVisible() and row.pickers["learner"].isEnabled()
        assert not row.pickers["teacher"].isVisible() and not row.pickers["agreed"].isVisible()
        assert not row.difference.isVisible()
    for button in (entry.match_button, entry.learner_button, entry.teacher_button):
        assert not button.isVisible()
    names = [entry.grid.itemAtPosition(r, 0).widget().text() for r in range(1, entry.grid.rowCount())
             if entry.grid.itemAtPosition(r, 0) is not None]
    for r in range(1, entry.grid.rowCount()):  # both lines shown whole, not cut by the row's height
        item = entry.grid.itemAtPosition(r, 0)
        if item is not None and "\n" in item.widget().text():
            label = item.widget()
            assert label.height() >= 2 * label.fontMetrics().lineSpacing(), label.text()
    efficacy = default_framework().element("self_efficacy")
    assert f"{efficacy.text('en')}\n{efficacy.learner_line('en')}" in names
    assert efficacy.learner_line("en") == "You believe you can do hard things."


def test_the_goals_form_has_no_default_check_in_and_marks_overdue_goals(open_window, answers, qtbot, zoe_dir):  # noqa: F811
    folder, _zoe = zoe_dir
    window, _home = _signed_in_home(open_window, qtbot, folder)
    ctx, goals = window.ctx, window.profile.goals
    window.profile.tabs.setCurrentWidget(goals)
    goal = window.profile.view.goals[0].goal
    ctx.profiles.update_goal(ctx.me, goal.id, target_date=date.today() - timedelta(days=3),
                             status=GoalStatus.IN_PROGRESS)
    window.profile.reload()
    row = next(i for i in range(goals.goal_list.count())
               if goals.goal_list.item(i).data(Qt.ItemDataRole.UserRole) == goal.id)
    assert "⚑ past its date" in goals.goal_list.item(row).text()
    goals.goal_list.setCurrentRow(row)
    assert goals.ci_scale.currentIndex() == -1
    before = len(next(g for g in ctx.profiles.load_profile(ctx.me, ctx.me.learner_id).goals
                      if g.goal.id == goal.id).checkins)
    goals.ci_reflection.setFocus()
    qtbot.keyClicks(goals.ci_reflection, "typed first")
    qtbot.keyClick(goals.ci_reflection, Qt.Key.Key_Return)
    after = next(g for g in ctx.profiles.load_profile(ctx.me, ctx.me.learner_id).goals if g.goal.id == goal.id)
    assert len(after.checkins) == before
    assert goals.ci_note.text() == "First choose how it is going."
    assert not goals.lens.isVisible()  # "Lens: —" is not for a learner


def test_a_learner_signs_in_with_their_full_name(open_window, answers, qtbot, zoe_dir):  # noqa: F811
    from .test_signin import _sign_in

    folder, zoe = zoe_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "zoe moreau", DEMO_PIN, learner=True)  # typed as a child would, without the ë
    qtbot.waitUntil(lambda: window.is_ready)
    assert window.ctx.is_learner and window.ctx.me.learner_id == zoe
    assert window.profile.tabs.currentWidget() is window.profile.home
