"""What changed since, driven as a teacher would: the learners' changes grouped by learner with their goal or
section; "mark all as read" then "since I last looked" shows only what came after."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate

from plprofile.domain import profile as d
from plprofile.domain.profile import Actor, Role


def test_the_feed_groups_the_learners_changes_and_remembers_when_the_teacher_looked(open_window, answers, qtbot,
                                                                                   language):
    language("en")
    window = open_window()
    ctx = window.ctx
    ana = ctx.profiles.add_learner(ctx.teacher, given_name="Ana", family_name="Test")
    me = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ana.id)
    ctx.profiles.add_entry(me, ana.id, d.Section.ACCESS_WORKS, "Pictures help me")
    goal = ctx.profiles.add_goal(me, ana.id, "Read a chapter book")
    ctx.profiles.add_entry(ctx.teacher, ana.id, d.Section.STRENGTHS, "A teacher's words")
    window.refresh_learners()
    feed = window.open_feed()
    yesterday = date.today() - timedelta(days=1)
    feed.since.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    assert feed.tree.topLevelItemCount() == 1
    top = feed.tree.topLevelItem(0)
    assert (top.text(0), top.text(1)) == ("Ana Test", "2 changes")
    rows = {(top.child(i).text(1), top.child(i).text(2)) for i in range(top.childCount())}
    assert rows == {("Access: What works", "Pictures help me"), ("Goal: Read a chapter book", "Read a chapter book")}
    feed.mark.click()
    ctx.profiles.add_step(me, goal.id, "Pick a book")
    feed.last_looked.click()
    top = feed.tree.topLevelItem(0)
    assert [(top.child(i).text(1), top.child(i).text(2)) for i in range(top.childCount())] == [
        ("Goal: Read a chapter book", "Pick a book")]
    feed.tree.itemActivated.emit(top.child(0), 0)
    assert window.current_learner_id() == ana.id
    assert answers.errors == []
