"""The history tab: the change log as a timeline, filterable by author; a learner sees their own."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from plprofile.domain import profile as d
from plprofile.ui.kit import labels


def test_history_shows_who_what_old_and_new_and_filters_by_author(open_window, answers, qtbot):
    window = open_window(demo=True)
    panel = window.profile
    learner_id = panel.view.learner.id
    qtbot.mouseClick(panel.learner_radio, Qt.MouseButton.LeftButton)
    strengths = panel.strengths.lists[d.Section.STRENGTHS]
    qtbot.keyClicks(strengths.input, "Brand new strength")
    qtbot.mouseClick(strengths.add_button, Qt.MouseButton.LeftButton)
    goal = next(g.goal for g in panel.view.goals if g.goal.status != d.GoalStatus.ACHIEVED.value)
    window.ctx.profiles.update_goal(window.ctx.teacher, goal.id, status=d.GoalStatus.ACHIEVED)
    panel.reload()
    panel.tabs.setCurrentWidget(panel.history_page)
    model = panel.history_page.model
    rows = model.rows
    assert rows[0][1].endswith("(Teacher)") and rows[0][2:] == ("Goal: status", labels.status(goal.status), "Achieved")
    assert rows[1][1].endswith("(Learner), in Ms Rivera's session") and rows[1][2] == "Strengths: added" and rows[1][4] == "Brand new strength"
    combo = panel.history_page.author
    combo.setCurrentIndex(combo.findData("learner"))
    assert model.rowCount() > 0 and all("(Learner)" in r[1] for r in model.rows)
    combo.setCurrentIndex(combo.findData("teacher"))
    assert all(r[1].endswith("(Teacher)") for r in model.rows)
    total = len(window.ctx.profiles.history(window.ctx.teacher, learner_id))
    combo.setCurrentIndex(0)
    assert model.rowCount() == total



def test_an_edited_entry_shows_its_words_before_and_after(open_window, answers, qtbot):
    window = open_window(demo=True)
    panel = window.profile
    qtbot.mouseClick(panel.learner_radio, Qt.MouseButton.LeftButton)
    strengths = panel.strengths.lists[d.Section.STRENGTHS]
    qtbot.keyClicks(strengths.input, "I draw maps")
    qtbot.mouseClick(strengths.add_button, Qt.MouseButton.LeftButton)
    entry = next(e for e in panel.view.entries if e.text == "I draw maps")
    strengths.select(entry.id)
    answers.text_answer = "I draw detailed maps of places I visit"
    qtbot.mouseClick(strengths.edit_button, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    panel.tabs.setCurrentWidget(panel.history_page)
    when, who, what, before, after = panel.history_page.model.rows[0]
    assert who.endswith("(Learner), in Ms Rivera's session") and what == "Strengths: text"
    assert (before, after) == ("I draw maps", "I draw detailed maps of places I visit")
    header = panel.history_page.model.headerData
    assert [header(c, Qt.Orientation.Horizontal) for c in (3, 4)] == ["Before", "After"]


def test_values_read_as_words_and_dates_not_as_stored(qtbot):
    from datetime import UTC, datetime

    from plprofile.store.models import ChangeLog
    from plprofile.ui.profile.history import describe

    entry = uuid.uuid4()
    def row(**kw) -> ChangeLog:
        return ChangeLog(learner_id=uuid.uuid4(), entity_id=entry, action="update", author_role="learner", **kw)
    assert describe(row(entity="action_step", field="done", old_value="false", new_value="true"))[1:] == \
        ("not done", "done")
    assert describe(row(entity="profile_entry", field="teacher_only", old_value="false", new_value="true"))[1:] == \
        ("no", "yes")
    assert describe(row(entity="goal", field="target_date", old_value="", new_value="2026-12-07"))[2] == "7 Dec 2026"
    stamp = describe(row(entity="action_step", field="done_at", new_value=datetime(2026, 3, 5, 9, 30,
                                                                                       tzinfo=UTC).isoformat()))
    assert stamp[0] == "Action step: done on" and stamp[2].startswith("5 Mar 2026")
    what = describe(row(entity="profile_entry", field="text", old_value="a", new_value="b"),
                    sections={entry: "strengths"})[0]
    assert what.startswith("Strengths") and what.endswith(": text")
