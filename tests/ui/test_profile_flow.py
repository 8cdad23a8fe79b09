"""Drive the real widgets as a teacher and learner would, over a real SQLite file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from plprofile.domain import profile as d
from plprofile.domain.profile import Role
from plprofile.store.models import Learner
from tests.ui.conftest import type_or_paste


def _add_learner(window, answers, qtbot, given="Amara", family="Okafor", group="5A"):
    def fill(dialog):
        qtbot.keyClicks(dialog.given, given)
        qtbot.keyClicks(dialog.family, family)
        qtbot.keyClicks(dialog.group, group)
        dialog.try_accept()

    answers.dialog_filler = fill
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)


def _type_entry(qtbot, entry_list, text):
    entry_list.input.setFocus()
    qtbot.keyClicks(entry_list.input, text)
    qtbot.mouseClick(entry_list.add_button, Qt.MouseButton.LeftButton)


def test_full_profile_survives_a_restart(open_window, answers, qtbot, tmp_path):
    window = open_window()
    _add_learner(window, answers, qtbot)
    assert window.model.rowCount() == 1
    panel = window.profile
    assert panel.name_label.text() == "Amara Okafor"

    # The learner writes their own strength and an Access preference.
    qtbot.mouseClick(panel.learner_radio, Qt.MouseButton.LeftButton)
    assert window.ctx.writer is Role.LEARNER
    _type_entry(qtbot, panel.strengths.lists[d.Section.STRENGTHS], "I explain things well")
    _type_entry(qtbot, panel.lenses.lists[d.Section.ACCESS_WORKS], "Watching a video first")

    # A goal with two action steps, one ticked done, and a check-in.
    goals = panel.goals
    panel.tabs.setCurrentWidget(goals)
    qtbot.mouseClick(goals.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(goals.statement, "Read a whole chapter book")
    qtbot.keyClicks(goals.why, "To talk about books with my friends")
    goals.status.setCurrentIndex(goals.status.findData(d.GoalStatus.IN_PROGRESS.value))
    qtbot.mouseClick(goals.save_button, Qt.MouseButton.LeftButton)
    for step in ("Pick a book with the librarian", "Read ten pages each evening"):
        qtbot.keyClicks(goals.step_text, step)
        qtbot.mouseClick(goals.step_add, Qt.MouseButton.LeftButton)
    items = goals.step_items()
    assert [i.text(0) for i in items] == ["Pick a book with the librarian", "Read ten pages each evening"]
    items[0].setCheckState(0, Qt.CheckState.Checked)
    goals.ci_scale.setCurrentIndex(goals.ci_scale.findData(3))
    qtbot.keyClicks(goals.ci_reflection, "Halfway through!")
    qtbot.mouseClick(goals.ci_add, Qt.MouseButton.LeftButton)

    # The teacher writes the conference record.
    qtbot.mouseClick(panel.teacher_radio, Qt.MouseButton.LeftButton)
    conf = panel.conferences
    panel.tabs.setCurrentWidget(conf)
    qtbot.mouseClick(conf.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(conf.notes, "Talked about reading time")
    qtbot.keyClicks(conf.agreements, "Read ten pages each evening")
    qtbot.mouseClick(conf.save_button, Qt.MouseButton.LeftButton)
    assert answers.errors == []

    # What the store holds.
    view = window.ctx.profiles.load_profile(window.ctx.teacher, window.current_learner_id())
    assert [e.text for e in view.section(d.Section.STRENGTHS)] == ["I explain things well"]
    assert view.section(d.Section.STRENGTHS)[0].author_role == "learner"
    [gv] = view.goals
    assert [(s.text, s.done) for s in gv.steps] == [("Pick a book with the librarian", True),
                                                    ("Read ten pages each evening", False)]
    assert [(c.scale, c.reflection) for c in gv.checkins] == [(3, "Halfway through!")]
    window.close()

    # A new main window on the same file shows everything again.
    again = open_window(tmp_path / "data")
    panel = again.profile
    assert again.model.rowCount() == 1 and panel.name_label.text() == "Amara Okafor"
    assert panel.strengths.lists[d.Section.STRENGTHS].texts() == ["I explain things well"]
    assert panel.lenses.lists[d.Section.ACCESS_WORKS].texts() == ["Watching a video first"]
    goals = panel.goals
    assert goals.goal_list.count() == 1 and goals.statement.text() == "Read a whole chapter book"
    assert goals.status.currentData() == "in_progress"
    assert [(i.text(0), i.checkState(0)) for i in goals.step_items()] == [
        ("Pick a book with the librarian", Qt.CheckState.Checked),
        ("Read ten pages each evening", Qt.CheckState.Unchecked)]
    assert goals.checkins.topLevelItem(0).text(2) == "Halfway through!"
    conf = panel.conferences
    assert conf.list.count() == 1
    conf.list.setCurrentRow(0)
    assert conf.notes.toPlainText() == "Talked about reading time"
    assert conf.agreements.toPlainText() == "Read ten pages each evening"
    assert conf.has_next.isChecked()


def test_teacher_suggestion_keeps_both_texts(open_window, answers, qtbot):
    window = open_window()
    _add_learner(window, answers, qtbot)
    panel = window.profile
    strengths = panel.strengths.lists[d.Section.STRENGTHS]
    qtbot.mouseClick(panel.learner_radio, Qt.MouseButton.LeftButton)
    _type_entry(qtbot, strengths, "I draw")
    qtbot.mouseClick(panel.teacher_radio, Qt.MouseButton.LeftButton)
    strengths.tree.setCurrentItem(strengths.tree.topLevelItem(0))
    assert not strengths.edit_button.isEnabled()  # the teacher cannot overwrite the learner's words
    answers.text_answer = "You draw animals in amazing detail"
    qtbot.mouseClick(strengths.suggest_button, Qt.MouseButton.LeftButton)
    top = strengths.tree.topLevelItem(0)
    assert top.text(0) == "I draw" and top.text(1) == "Learner"
    assert top.child(0).text(0) == "Suggested: You draw animals in amazing detail"
    assert top.child(0).text(1) == "Teacher" and top.child(0).text(2) == "Suggestion"
    # The learner accepts: their entry takes the words, authored by them.
    qtbot.mouseClick(panel.learner_radio, Qt.MouseButton.LeftButton)
    strengths.tree.setCurrentItem(strengths.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(strengths.accept_button, Qt.MouseButton.LeftButton)
    assert strengths.texts() == ["You draw animals in amazing detail"]
    assert strengths.tree.topLevelItem(0).childCount() == 0
    # The learner's words and acceptance are theirs, and the log keeps that they were typed in the
    # teacher's session; the teacher's own suggestion carries no such mark.
    teacher_id = window.ctx.me.account_id
    log = window.ctx.profiles.history(window.ctx.me, panel.view.learner.id)
    by_learner = [r for r in log if r.author_role == "learner"]
    assert by_learner and all(r.signed_in_id == teacher_id and r.author_id != teacher_id for r in by_learner)
    assert all(r.signed_in_id is None for r in log if r.author_role == "teacher")
    panel.tabs.setCurrentWidget(panel.history_page)
    qtbot.waitUntil(lambda: panel.history_page.model.rowCount() == len(log))
    whos = [row[1] for row in panel.history_page.model.rows]
    teacher_name = window.ctx.user.display_name
    assert any(w.endswith(f"(Learner), in {teacher_name}'s session") for w in whos)
    assert any(w == f"{teacher_name} (Teacher)" for w in whos)


def test_empty_fields_are_refused_where_typed(open_window, answers, qtbot):
    window = open_window()

    def fill(dialog):
        qtbot.keyClicks(dialog.given, "   ")
        qtbot.keyClicks(dialog.family, "Okafor")
        dialog.try_accept()
        assert dialog.message.isVisible() or not dialog.message.isHidden()
        assert "Given name cannot be empty" in dialog.message.text()

    answers.dialog_filler = fill
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 0
    _add_learner(window, answers, qtbot)
    strengths = window.profile.strengths.lists[d.Section.STRENGTHS]
    _type_entry(qtbot, strengths, "    ")
    assert answers.errors and "cannot be empty" in answers.errors[-1]
    assert strengths.texts() == []
    goals = window.profile.goals
    qtbot.mouseClick(goals.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(goals.save_button, Qt.MouseButton.LeftButton)
    assert goals.goal_list.count() == 0
    with window.ctx.store.session() as s:
        assert s.execute(select(func.count()).select_from(Learner)).scalar_one() == 1


def test_search_and_group_filter(open_window, answers, qtbot):
    window = open_window(demo=True)
    assert window.model.rowCount() == 25
    qtbot.keyClicks(window.search, "zo")
    names = [window.proxy.index(i, 0).data() for i in range(window.proxy.rowCount())]
    assert names and all("zo" in n.casefold() for n in names)
    window.search.clear()
    window.group_filter.setCurrentIndex(window.group_filter.findData("5B"))
    groups = {window.proxy.index(i, 1).data() for i in range(window.proxy.rowCount())}
    assert groups == {"5B"}
    window.table.selectRow(0)
    first = window.proxy.index(0, 0).data()
    assert window.profile.name_label.text() == first


def test_search_finds_names_as_people_type_them_and_counts_what_it_shows(open_window, named_class, qtbot, language):
    language("en")  # the English a person reads (plural forms), whatever an earlier test installed
    window = open_window(named_class)
    assert window.count_label.text() == "8 learners"
    for typed, expected in (("zoe", ["Zoë Moreau"]), ("tomas", ["Tomás Núñez"]), ("NUNEZ", ["Tomás Núñez"]),
                            ("muller", ["Lena Müller"]), ("obrien", ["Seán O'Brien"]),
                            ("O’Brien", ["Seán O'Brien"]), ("o'neill", ["Aoife O’Neill"]),
                            ("garcia liam", ["Liam García"]), ("s-6", ["Amara Okafor"]),
                            ("zo", ["Zola Osei", "Zoë Moreau"])):
        window.search.clear()
        type_or_paste(qtbot, window.search, typed)
        shown = [window.proxy.index(i, 0).data() for i in range(window.proxy.rowCount())]
        assert sorted(shown) == expected, typed
        assert window.count_label.text() == f"{len(expected)} of 8 learners"
    window.search.clear()
    qtbot.keyClicks(window.search, "nobody-at-all")
    assert window.proxy.rowCount() == 0 and window.count_label.text() == "0 of 8 learners"
    window.search.clear()
    assert window.count_label.text() == "8 learners"


@pytest.mark.parametrize(("asked", "opened"), [("Zoe Moreau", "Zoë Moreau"), ("ZOË MOREAU", "Zoë Moreau"),
                                               ("obrien", "Seán O'Brien"), ("Sean O’Brien", "Seán O'Brien"),
                                               ("nunez", "Tomás Núñez")])
def test_the_window_opens_on_a_learner_named_as_people_type(open_window, named_class, asked, opened):
    window = open_window(named_class, learner_name=asked)
    assert not window.learner_not_found
    assert window.profile.name_label.text() == opened


@pytest.mark.parametrize("asked", ["Zoë Moreau", "moreau", "  zoë   moreau ", "Zoe Moreau", "ZOE MOREAU"])
def test_the_window_opens_on_the_learner_asked_for(open_window, asked):
    window = open_window(demo=True, learner_name=asked)
    assert window.profile.name_label.text() == "Zoë Moreau" and not window.learner_not_found


def test_an_unknown_or_shared_name_is_said_and_the_first_learner_shown(open_window, tmp_path):
    window = open_window(demo=True, learner_name="Nobody")
    assert window.learner_not_found and window.profile.view is not None


def test_a_busy_store_is_said_in_plain_words_and_what_was_typed_stays(open_window, answers, qtbot, monkeypatch):
    """Another program holds the store's write lock: the edit waits, tries again, then says so; the text stays
    in its field and goes in once the store is free."""
    import sqlite3

    from plprofile.store import engine

    window = open_window()
    _add_learner(window, answers, qtbot)
    monkeypatch.setattr(engine, "BUSY_RETRY_S", 0.3)
    window.ctx.store.engine.dispose()  # connections made from now on wait 0.2 s per try
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(window.ctx.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    strengths = window.profile.strengths.lists[d.Section.STRENGTHS]
    _type_entry(qtbot, strengths, "I explain things well")
    assert len(answers.errors) == 1 and "What you typed is still there" in answers.errors[0]
    assert strengths.input.text() == "I explain things well"
    other.execute("ROLLBACK")
    other.close()
    qtbot.mouseClick(strengths.add_button, Qt.MouseButton.LeftButton)
    assert len(answers.errors) == 1 and strengths.input.text() == ""
    view = window.ctx.profiles.load_profile(window.ctx.teacher, window.current_learner_id())
    assert [e.text for e in view.section(d.Section.STRENGTHS)] == ["I explain things well"]
    window.close()
