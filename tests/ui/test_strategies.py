"""Strategies to try, driven as in a conference: the learner's barrier puts its strategies first, a strategy is
started with its review day, the learner (writing) says it helped, and the class snapshot counts it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from plprofile.domain import profile as d
from plprofile.domain.profile import Role
from plprofile.ui.profile.strategies import StrategiesDialog

TODAY = date(2026, 3, 2)


def test_a_strategy_is_started_and_the_learner_says_it_helped(open_window, answers, qtbot, language):
    language("en")
    window = open_window()
    ctx = window.ctx
    ana = ctx.profiles.add_learner(ctx.teacher, given_name="Ana", family_name="Test")
    ctx.profiles.add_entry(ctx.actor(ana.id), ana.id, d.Section.ENGAGE_BARRIERS, "Noise and interruptions")
    window.refresh_learners()
    window.select_learner(ana.id)
    dialog = StrategiesDialog(ctx, ana.id, window, today=TODAY)
    qtbot.addWidget(dialog)
    first = dialog.bank.itemText(0)
    assert first.endswith("(for what gets in your way)")
    assert dialog.bank.currentData() in ("headphones", "quiet_spot")  # they help with noise
    dialog.bank.setCurrentIndex(dialog.bank.findData("headphones"))
    assert dialog.review.date() == QDate(2026, 3, 23)  # three weeks on, unless changed
    dialog.start_button.click()
    assert [dialog.table.item(0, c).text() for c in range(4)] == [
        "Noise-cancelling headphones", "2 Mar 2026", "23 Mar 2026", "not asked yet"]
    ctx.set_writer(Role.LEARNER)  # in conference, the learner answers
    dialog.helped_button.click()
    assert dialog.table.item(0, 3).text() == "yes"
    [use] = dialog.service.uses(ctx.teacher, ana.id)
    assert use.answers == 1 and use.helped is True
    snapshot = window.open_snapshot()
    tree = snapshot.figures
    strategies = tree.topLevelItem(tree.topLevelItemCount() - 1)
    row = strategies.child(0)
    assert (row.text(0), row.text(1), row.text(2)) == ("Noise-cancelling headphones", "1 of 1", "1 said it helped")
    assert answers.errors == []
