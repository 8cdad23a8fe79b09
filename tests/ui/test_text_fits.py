"""At 16-point text the Goals page shows every goal's record whole (its last line was cut to "…") and each step's
due date whole (it was "25 Ma…")."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store


def test_goal_records_and_step_dates_are_whole_at_16_points(open_window, qtbot, qapp, tmp_path):
    folder = tmp_path / "data"
    store = open_store(folder)
    teacher = teacher_actor(ensure_teacher(store))
    profiles = ProfileService(store)
    mia = profiles.add_learner(teacher, given_name="Mia", family_name="Lopez")
    for statement in ("Finish my science project on time", "Ask for help when I'm stuck for five minutes"):
        goal = profiles.add_goal(teacher, mia.id, statement, target_date=date.today() - timedelta(days=30))
        profiles.add_step(teacher, goal.id, "Use a timer when I start a task", due_date=date(2026, 5, 25))
    store.close()
    saved = qapp.font()
    font = QFont(saved)
    font.setPointSizeF(16)
    qapp.setFont(font)
    try:
        window = open_window(folder)
        window.resize(1400, 900)
        window.select_learner(mia.id)
        goals = window.profile.goals
        window.profile.tabs.setCurrentWidget(goals)
        qtbot.waitUntil(lambda: goals.goal_list.count() == 2 and goals.steps.topLevelItemCount() == 1)
        qtbot.wait(50)  # the list lays its records out at its real width
        lst = goals.goal_list
        metrics = QFontMetrics(lst.font())
        for i in range(lst.count()):
            item = lst.item(i)
            assert "past its date" in item.text()
            rect = lst.visualItemRect(item)
            needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 100_000), int(Qt.TextFlag.TextWordWrap),
                                          item.text()).height()
            assert rect.height() >= needed, item.text()  # every wrapped line has its room
        steps = goals.steps
        due = steps.topLevelItem(0).text(2)
        assert QFontMetrics(steps.font()).horizontalAdvance(due) <= steps.header().sectionSize(2)
    finally:
        qapp.setFont(saved)
