"""Who is due this week, driven as a teacher would: the list from the View menu, a row opens the learner on the
right tab, a conference is moved to another day and started from the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from plprofile.ui.classroom.due import DueWindow

TODAY = date(2026, 3, 4)  # a Wednesday


def _window_with_class(open_window):
    window = open_window()
    ctx = window.ctx
    ana = ctx.profiles.add_learner(ctx.teacher, given_name="Ana", family_name="Test")
    ben = ctx.profiles.add_learner(ctx.teacher, given_name="Ben", family_name="Test")
    ctx.profiles.add_conference(ctx.teacher, ana.id, date(2026, 2, 11))  # due Wednesday 4 March
    ctx.profiles.add_conference(ctx.teacher, ben.id, date(2026, 3, 2))  # not due this week
    goal = ctx.profiles.add_goal(ctx.teacher, ben.id, "Times tables", target_date=date(2026, 2, 20))
    window.refresh_learners()
    due = DueWindow(ctx, window, today=TODAY)
    window.due_window = due
    due.unrated.setValue(52)
    due.show()
    due.refresh()
    return window, due, ana, ben, goal


def _rows(due) -> list[tuple[str, ...]]:
    return [tuple(due.table.item(r, c).text() for c in range(4)) for r in range(due.table.rowCount())]


def test_the_week_lists_what_is_due_and_a_row_opens_the_learner_on_its_tab(open_window, answers, qtbot,
                                                                          language):
    language("en")
    window, due, ana, ben, _goal = _window_with_class(open_window)
    rows = _rows(due)
    assert [(r[1], r[2]) for r in rows] == [("Ana Test", "Stages not rated"), ("Ben Test", "Stages not rated"),
                                            ("Ben Test", "Goal past its date"), ("Ana Test", "Conference")]
    assert rows[2][0] == "20 Feb 2026 (overdue)" and rows[2][3] == "Times tables"
    assert due.counts.text() == "4 things due"
    due.table.setCurrentCell(2, 0)
    assert not due.start_button.isEnabled()
    due.table.cellActivated.emit(2, 0)
    assert window.current_learner_id() == ben.id
    assert window.profile.tabs.currentWidget() is window.profile.goals
    assert answers.errors == []


def test_a_conference_is_moved_and_started_from_the_list(open_window, answers, qtbot, language):
    language("en")
    window, due, ana, _ben, _goal = _window_with_class(open_window)
    due.table.setCurrentCell(3, 0)
    assert due.start_button.isEnabled()
    due.move_to.setDate(QDate(2026, 3, 6))
    qtbot.mouseClick(due.move_button, Qt.MouseButton.LeftButton)
    rows = _rows(due)
    assert rows[-1][:3] == ("6 Mar 2026", "Ana Test", "Conference")
    assert due.service.week_plan(window.ctx.teacher, TODAY) == {ana.id: date(2026, 3, 6)}
    due.table.setCurrentCell(len(rows) - 1, 0)
    qtbot.mouseClick(due.start_button, Qt.MouseButton.LeftButton)
    assert window.current_learner_id() == ana.id
    assert window.profile.conference is not None  # conference mode, on that learner
    assert answers.errors == []


def test_the_cadence_is_kept_for_the_teacher(open_window, answers, qtbot):
    window, due, _ana, _ben, _goal = _window_with_class(open_window)
    due.cadence.setValue(5)  # Ana's conference of 11 February is then due 18 March: not this week
    assert [r for r in _rows(due) if r[2] == "Conference"] == []
    again = DueWindow(window.ctx, window, today=TODAY)
    assert again.cadence.value() == 5
    again.close()
