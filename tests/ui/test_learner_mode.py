"""Learner mode through the real widgets: a signed-in learner updates their own plan, rates themselves on the
Stages, proposes something for the next conference and reads their own history; a teacher then sees it all.

Each step is checked twice: in the store (through the services, as the learner, and in the change log, which
must name the learner's account as the author) and on the screen.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from plprofile.domain import profile as d
from plprofile.domain.progress import ElementRating
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER, generate_demo
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from plprofile.store.models import Account, ChangeLog
from plprofile.ui.kit import labels

from .test_signin import _sign_in

TEACHER_ONLY_NOTE = "Private: talk with the family about homework time"
LEARNER = "Zoë (Learner)"


@pytest.fixture
def learner_dir(tmp_path) -> tuple[Path, uuid.UUID]:
    """A small demo class (Zoë Moreau is the fifth learner) where the teacher also keeps a teacher-only note
    about Zoë, edited once, so her history holds changes she must not see."""
    folder = tmp_path / "data"
    store = open_store(folder)
    generate_demo(store, learners=5)
    with store.session() as s:
        zoe = s.execute(select(Account.learner_id).where(Account.username == "zoem")).scalar_one()
    profiles = ProfileService(store)
    teacher = teacher_actor(ensure_teacher(store))
    note = profiles.add_entry(teacher, zoe, d.Section.CHALLENGES, "Private note", teacher_only=True)
    profiles.edit_entry(teacher, note.id, TEACHER_ONLY_NOTE)
    store.close()
    return folder, zoe


# ---------------------------------------------------------------------------------------------- helpers


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_list_row(qtbot, view, index) -> None:
    """Click a row of a list, tree or table view where it is drawn."""
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def _pick_with_keys(qtbot, picker, value) -> None:
    """A Stages value, picked with the keyboard from "not rated" as a person would."""
    picker.setFocus()
    picker.setCurrentIndex(0)
    target = next(i for i in range(picker.count()) if picker.itemData(i) == value)
    for _ in range(target):
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.value() == value


def _log(window, entity_id) -> list[ChangeLog]:
    """The change-log rows about one record, as the signed-in person may see them."""
    ctx = window.ctx
    return [r for r in ctx.profiles.history(ctx.me, ctx.me.learner_id) if r.entity_id == entity_id]


def _authored_by_learner(window, rows: list[ChangeLog]) -> None:
    me = window.ctx.me
    assert rows, "the change was not logged"
    for row in rows:
        assert (row.author_id, row.author_role) == (me.account_id, "learner"), (row.entity, row.field)


def _goal_view(window, goal_id):
    ctx = window.ctx
    return next(g for g in ctx.profiles.load_profile(ctx.me, ctx.me.learner_id).goals if g.goal.id == goal_id)


def _tree_rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


# ---------------------------------------------------------------------------------------------- the walk


def test_a_learner_updates_their_plan_rates_themselves_proposes_and_reads_their_history(
        open_window, answers, qtbot, learner_dir):
    folder, zoe = learner_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    ctx, panel = window.ctx, window.profile
    me = ctx.me
    assert ctx.is_learner and me.learner_id == zoe
    assert panel.view.learner.id == zoe

    # ---- 1. goal progress: a new step, ticked done; the status moves on; a check-in with a reflection
    goals = panel.goals
    panel.tabs.setCurrentWidget(goals)
    goal_id = panel.view.goals[0].goal.id
    _click_list_row(qtbot, goals.goal_list, goals.goal_list.indexFromItem(goals.goal_list.item(0)))
    assert goals.goal_id == goal_id and all(w.isEnabled() for w in goals.detail_widgets)

    qtbot.keyClicks(goals.step_text, "Ask a friend to test me on the words")
    _choose(goals.step_owner, d.Role.LEARNER.value)
    _click(qtbot, goals.step_add)
    assert answers.errors == []
    step = next(s for s in _goal_view(window, goal_id).steps if s.text == "Ask a friend to test me on the words")
    assert not step.done and step.owner == "learner"
    assert (step.author_id, step.author_role) == (me.account_id, "learner")
    _authored_by_learner(window, _log(window, step.id))
    item = next(i for i in goals.step_items() if i.data(0, Qt.ItemDataRole.UserRole) == step.id)
    assert item.text(1) == "Learner" and item.checkState(0) == Qt.CheckState.Unchecked

    goals.steps.setFocus()
    goals.steps.setCurrentItem(item)
    qtbot.keyClick(goals.steps, Qt.Key.Key_Space)  # ticks the step, as a click on its box does
    assert answers.errors == []
    assert next(s for s in _goal_view(window, goal_id).steps if s.id == step.id).done
    done_log = [r for r in _log(window, step.id) if r.action == "update" and r.field == "done"]
    assert [(r.old_value, r.new_value) for r in done_log] == [("false", "true")]
    _authored_by_learner(window, done_log)
    item = next(i for i in goals.step_items() if i.data(0, Qt.ItemDataRole.UserRole) == step.id)
    assert item.checkState(0) == Qt.CheckState.Checked  # still ticked after the profile reloaded

    old_status = d.GoalStatus(_goal_view(window, goal_id).goal.status)
    new_status = d.GoalStatus.ACHIEVED if old_status is not d.GoalStatus.ACHIEVED else d.GoalStatus.IN_PROGRESS
    _choose(goals.status, new_status.value)
    _click(qtbot, goals.save_button)
    assert answers.errors == []
    assert _goal_view(window, goal_id).goal.status == new_status.value
    status_log = [r for r in _log(window, goal_id) if r.field == "status"]
    assert (status_log[0].old_value, status_log[0].new_value) == (old_status.value, new_status.value)
    _authored_by_learner(window, status_log[:1])
    assert goals.status.currentData() == new_status.value
    assert labels.status(new_status) in goals.goal_list.currentItem().text()

    _choose(goals.ci_scale, 3)
    qtbot.keyClicks(goals.ci_reflection, "I remembered twelve of fifteen words")
    _click(qtbot, goals.ci_add)
    assert answers.errors == []
    [checkin] = [c for c in _goal_view(window, goal_id).checkins if c.reflection == "I remembered twelve of fifteen words"]
    assert (checkin.scale, checkin.on_date) == (3, date.today())
    assert (checkin.author_id, checkin.author_role) == (me.account_id, "learner")
    _authored_by_learner(window, _log(window, checkin.id))
    assert goals.ci_reflection.text() == ""
    assert [labels.checkin_scale(3), "I remembered twelve of fifteen words"] in [r[1:] for r in _tree_rows(goals.checkins)]

    # ---- 2. evidence: a note, then a link (words with a web link in them; Enter adds it)
    qtbot.keyClicks(goals.ev_text, "My word quiz scores went up")
    _click(qtbot, goals.ev_add)
    qtbot.keyClicks(goals.ev_text, "My recorded reading https://example.org/zoe/reading")
    qtbot.keyClick(goals.ev_text, Qt.Key.Key_Return)
    assert answers.errors == []
    evidence = {e.text: e for e in _goal_view(window, goal_id).evidence}
    note, link = evidence["My word quiz scores went up"], evidence["My recorded reading"]
    assert (note.kind, note.location) == ("note", "")
    assert (link.kind, link.location) == ("link", "https://example.org/zoe/reading")
    for ev in (note, link):
        assert (ev.author_id, ev.author_role) == (me.account_id, "learner")
        _authored_by_learner(window, _log(window, ev.id))
    shown = [r[:3] for r in _tree_rows(goals.evidence)]
    assert ["My word quiz scores went up", "Note", ""] in shown
    assert ["My recorded reading", "Link", "https://example.org/zoe/reading"] in shown
    assert goals.ev_text.text() == ""

    # ---- 3. a self-assessment on the Stages: only the learner's column can be set
    stages = panel.stages_page
    panel.tabs.setCurrentWidget(stages)
    qtbot.waitUntil(lambda: bool(stages.entry.rows))
    entry = stages.entry
    for row in entry.rows:
        assert row.pickers["learner"].isEnabled()
        assert not row.pickers["teacher"].isEnabled() and not row.pickers["agreed"].isEnabled()
    for button in (entry.match_button, entry.learner_button, entry.teacher_button):
        assert not button.isEnabled()
    assert "Rate yourself: for each one, choose where you are now." in entry.mode_label.text()
    voice, choice = entry.row("voice"), entry.row("choice")
    qtbot.keyClick(voice.pickers["teacher"], Qt.Key.Key_Down)  # a locked column takes no keys
    assert voice.pickers["teacher"].value() is None
    _pick_with_keys(qtbot, voice.pickers["learner"], 2.5)
    _pick_with_keys(qtbot, choice.pickers["learner"], 1.5)
    qtbot.keyClicks(voice.note, "I spoke up at the class council")
    qtbot.keyClicks(entry.note, "My own view before the conference")
    _click(qtbot, entry.save_button)
    assert answers.errors == []
    assert "2 element(s)" in entry.saved_label.text()
    saved = ctx.stages.history(me, zoe)[-1]
    assert saved.assessed_on == date.today() and saved.note == "My own view before the conference"
    assert saved.rating("voice") == ElementRating("voice", learner=2.5, note="I spoke up at the class council")
    assert saved.rating("choice") == ElementRating("choice", learner=1.5)
    assessment_log = _log(window, uuid.UUID(str(saved.id)))
    rating_log = [r for r in ctx.profiles.history(me, zoe) if r.entity == "assessment_rating"
                  and f'"assessment_id": "{saved.id}"' in (r.new_value or "")]
    # their two ratings, and the other elements carried forward from the last conference (copies, marked)
    own = [r for r in rating_log if '"carried_from"' not in (r.new_value or "")]
    assert len(own) == 2 and len(rating_log) == len(saved.ratings)
    assert len(saved.carried()) == len(saved.ratings) - 2 and not saved.partial
    _authored_by_learner(window, assessment_log + rating_log)
    qtbot.waitUntil(lambda: voice.last.text() == "2.5")  # "last time" now shows this self-assessment
    assert choice.last.text() == "1.5" and voice.pickers["learner"].value() is None

    # ---- 4. a proposal for the next conference, in their own words
    conferences = panel.conferences
    panel.tabs.setCurrentWidget(conferences)
    assert not conferences.save_button.isVisible() and not conferences.new_button.isVisible()
    assert conferences.notes.isReadOnly() and not conferences.participants.isEnabled()
    proposals = conferences.proposals
    assert proposals.title() == "For my next conference"
    assert not proposals.teacher_only.isVisible() and not proposals.suggest_button.isVisible()
    qtbot.keyClicks(proposals.input, "I want to choose how I show my science project")
    _click(qtbot, proposals.add_button)
    assert answers.errors == []
    [proposal] = [e for e in ctx.profiles.load_profile(me, zoe).section(d.Section.NEXT_CONFERENCE)
                  if e.text == "I want to choose how I show my science project"]
    assert (proposal.author_id, proposal.author_role) == (me.account_id, "learner")
    assert proposal.agreement == d.Agreement.AGREED.value and not proposal.teacher_only
    _authored_by_learner(window, _log(window, proposal.id))
    assert "I want to choose how I show my science project" in proposals.texts()
    row = next(proposals.tree.topLevelItem(i) for i in range(proposals.tree.topLevelItemCount())
               if proposals.tree.topLevelItem(i).text(0) == "I want to choose how I show my science project")
    assert (row.text(1), row.text(2)) == ("Learner", "Agreed")

    # ---- 5. the history: those changes, by them, with before and after; filtered; nothing teacher-only
    history = panel.history_page
    panel.tabs.setCurrentWidget(history)
    model = history.model
    rows = model.rows
    assert len(rows) == len(ctx.profiles.history(me, zoe)) > 0
    assert history.count.text() == f"{len(rows)} change(s)"
    mine = [r for r in rows if r[1] == LEARNER]
    expected = [
        ("Action step: added", "", "Ask a friend to test me on the words"),
        ("Goal: status", labels.status(old_status), labels.status(new_status)),
        ("Check-in: added", "", f"{labels.checkin_scale(3)} I remembered twelve of fifteen words"),
        ("Evidence: added", "", "My word quiz scores went up"),
        ("Evidence: added", "", "My recorded reading"),
        ("Stages assessment: added", "", "My own view before the conference"),
        ("Stages: Voice: added", "", "learner 2.5: I spoke up at the class council"),
        ("Stages: Choice: added", "", "learner 1.5"),
        ("For my next conference: added", "", "I want to choose how I show my science project"),
    ]
    for what in expected:
        assert what in [r[2:] for r in mine], what
    assert any(r[2] == "Action step: done" for r in mine)
    # the newest change is on top: the proposal, then the ratings before it
    assert rows[0][1:] == (LEARNER, "For my next conference: added", "", "I want to choose how I show my science project")
    # what the Who column says, against the log: every row the learner wrote is theirs
    log = ctx.profiles.history(me, zoe)
    assert [r[1] == LEARNER for r in rows] == [(r.author_id == me.account_id) for r in log]

    combo = history.author
    _choose(combo, "learner")
    assert model.rowCount() > 0 and all(r[1].endswith("(Learner)") for r in model.rows)
    for what in expected:
        assert what in [r[2:] for r in model.rows], what
    _choose(combo, "teacher")
    assert model.rowCount() > 0 and all(r[1].endswith("(Teacher)") for r in model.rows)
    assert not any(r[2:] in expected for r in model.rows)
    assert model.rowCount() == len(ctx.profiles.history(me, zoe, author_role=d.Role.TEACHER))
    combo.setCurrentIndex(0)
    assert model.rowCount() == len(log)

    # the teacher-only note and its edit are in the log, but not in the learner's history
    hidden = ProfileService(ctx.store).history(teacher_actor(ensure_teacher(ctx.store)), zoe)
    private = [r for r in hidden if TEACHER_ONLY_NOTE in (r.new_value or "") or "Private note" in (r.new_value or "")]
    assert len(private) == 2 and not {r.id for r in private} & {r.id for r in log}
    assert not any("Private" in cell for r in rows for cell in r)
    assert answers.errors == []

    # ---- a new window on the same folder: the teacher opens Zoë and sees what she did
    window.close()
    again = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, again, *DEMO_TEACHER, learner=False)
    qtbot.waitUntil(lambda: again.ctx is not None and not again.ctx.is_learner)
    row = next(i for i in range(again.proxy.rowCount())
               if again.proxy.index(i, 0).data(again.model.ID_ROLE) == zoe)
    _click_list_row(qtbot, again.table, again.proxy.index(row, 0))
    panel = again.profile
    assert panel.view.learner.id == zoe and panel.name_label.text() == "Zoë Moreau"

    goals = panel.goals
    panel.tabs.setCurrentWidget(goals)
    item = next(goals.goal_list.item(i) for i in range(goals.goal_list.count())
                if goals.goal_list.item(i).data(Qt.ItemDataRole.UserRole) == goal_id)
    _click_list_row(qtbot, goals.goal_list, goals.goal_list.indexFromItem(item))
    assert goals.goal_id == goal_id
    assert [labels.checkin_scale(3), "I remembered twelve of fifteen words"] in [r[1:] for r in _tree_rows(goals.checkins)]
    shown = [r[:3] for r in _tree_rows(goals.evidence)]
    assert ["My word quiz scores went up", "Note", ""] in shown
    assert ["My recorded reading", "Link", "https://example.org/zoe/reading"] in shown
    step_item = next(i for i in goals.step_items() if i.text(0) == "Ask a friend to test me on the words")
    assert step_item.checkState(0) == Qt.CheckState.Checked
    assert goals.status.currentData() == new_status.value

    stages = panel.stages_page
    panel.tabs.setCurrentWidget(stages)
    qtbot.waitUntil(lambda: bool(stages.entry.rows))
    assert stages.entry.row("voice").last.text() == "2.5"
    assert stages.entry.row("voice").pickers["teacher"].isEnabled()  # the teacher adds their view later
    now = stages.charts["now"]
    stages.tabs.setCurrentWidget(now)
    qtbot.waitUntil(lambda: now.canvas is not None, timeout=20_000)
    _click(qtbot, now.table_button)
    table = now.table_view.model()
    cells = {table.index(r, 0).data(): [table.index(r, c).data() for c in range(1, 4)]
             for r in range(table.rowCount())}
    assert cells["Voice"][0] == "2.5" and cells["Choice"][0] == "1.5"
    assert cells["Voice"][1:] == ["—", "—"]  # no teacher's or agreed value yet

    panel.tabs.setCurrentWidget(panel.conferences)
    assert "I want to choose how I show my science project" in panel.conferences.proposals.texts()

    panel.tabs.setCurrentWidget(panel.history_page)
    teacher_rows = panel.history_page.model.rows
    for what in expected:
        assert (LEARNER, *what) in [r[1:] for r in teacher_rows], what
    assert any(TEACHER_ONLY_NOTE in r[4] for r in teacher_rows)  # the teacher's own note is theirs to see
    assert answers.errors == []
