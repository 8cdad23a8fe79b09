"""School → Days off…, driven as a school admin would: a day typed and named, added, seen in the list and in the
rota (the day gets no conference), then removed; the list's words in Spanish."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from plprofile.domain.profile import Actor, Role
from plprofile.services.school_calendar import CalendarService
from plprofile.services.week import WeekService
from plprofile.ui.school.days_off import DaysOffDialog


def test_an_admin_adds_a_day_off_from_the_school_menu_and_the_rota_skips_it(open_window, qtbot, answers):
    window = open_window()
    ctx = window.ctx
    ana = ctx.profiles.add_learner(ctx.teacher, given_name="Ana", family_name="Test")  # never had a conference
    window.refresh_learners()
    monday = date(2026, 3, 2)
    assert WeekService(ctx.store).week_plan(ctx.teacher, monday)[ana.id] == monday
    window.days_off_action.trigger()
    dialog = window.days_off_dialog
    qtbot.waitExposed(dialog)
    assert dialog.add_button.isEnabled()
    dialog.day.setDate(QDate(2026, 3, 2))
    qtbot.keyClicks(dialog.title, "Training day")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [dialog.days.item(r).text() for r in range(dialog.days.count())] == ["2 Mar 2026 — Training day"]
    assert WeekService(ctx.store).week_plan(ctx.teacher, monday)[ana.id] == date(2026, 3, 3)
    # the same day again: refused with a message, nothing added
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert answers.errors and "already a day off" in answers.errors[-1]
    assert dialog.days.count() == 1
    dialog.days.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.days.count() == 0
    assert WeekService(ctx.store).week_plan(ctx.teacher, monday)[ana.id] == monday
    dialog.close()


def test_a_teacher_who_is_not_an_admin_reads_the_days_but_cannot_change_them(open_window, qtbot):
    window = open_window()
    ctx = window.ctx
    CalendarService(ctx.store).add_day_off(ctx.teacher, date(2026, 5, 1), "May Day")
    ctx.me = Actor(account_id=ctx.me.account_id, role=Role.TEACHER, admin=False)
    dialog = DaysOffDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert [dialog.days.item(r).text() for r in range(dialog.days.count())] == ["1 May 2026 — May Day"]
    assert not dialog.add_button.isEnabled() and not dialog.title.isEnabled()
    dialog.days.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()
    assert "school admin" in dialog.note.text()
