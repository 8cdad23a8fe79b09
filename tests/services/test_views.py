"""What the services hand the UI: frozen views with no session or ORM state behind them, and only what the reader
may see."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlmodel import SQLModel

from plprofile.domain import profile as d
from plprofile.domain.policy import Action
from plprofile.services.accounts import learner_actor
from plprofile.services.views import (
    BackpackView,
    ChoiceView,
    EntryView,
    GoalInfo,
    GoalView,
    LearnerInfo,
    ProfileView,
)
from plprofile.store.models import BackpackItem, ProfileEntry


@pytest.fixture
def world(profiles, teacher):
    """A learner with a row of every kind the profile shows, a teacher-only note and a backpack item linked to it."""
    learner = profiles.add_learner(teacher, given_name="Amara", family_name="Okafor", group_name="5A")
    me = learner_actor(profiles.learner_account(teacher, learner.id))
    mine = profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I build bridges")
    profiles.suggest_change(teacher, mine.id, "You build strong bridges")
    note = profiles.add_entry(teacher, learner.id, d.Section.CHALLENGES, "PRIVATE: family matter", teacher_only=True)
    profiles.add_backpack_item(teacher, learner.id, "Quiet corner", d.BackpackKind.STRATEGY, challenge_id=note.id)
    item = profiles.add_backpack_item(me, learner.id, "Headphones", d.BackpackKind.TOOL)
    profiles.add_choice(me, learner.id, d.ChoiceDimension.HOW, d.ChoiceAvailability.ASKED, "Draw it")
    goal = profiles.add_goal(me, learner.id, "Read a chapter book")
    profiles.add_step(me, goal.id, "Pick a book")
    profiles.set_supports(me, goal.id, [item.id])
    profiles.add_evidence(me, goal.id, d.EvidenceKind.NOTE, "Read 20 pages")
    profiles.add_checkin(me, goal.id, 3, "Going well")
    profiles.add_conference(teacher, learner.id, date(2026, 11, 2), notes="Talked about reading",
                            remarks=[(d.Speaker.LEARNER, d.RemarkKind.PROUD, "My bridge")])
    return learner, me, note


def _parts(value, path="view"):  # noqa: ANN001, ANN202
    """Every object inside a view, with where it is: the view, its lists' items, their fields, down to values."""
    yield path, value
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _parts(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _parts(item, f"{path}[{i}]")


def test_the_profile_and_every_part_are_frozen_values_without_orm_state(profiles, teacher, world):
    learner, _me, _note = world
    view = profiles.load_profile(teacher, learner.id)
    assert isinstance(view, ProfileView) and isinstance(view.learner, LearnerInfo)
    # every kind of part is there, so the walk below looks at each
    assert view.entries and view.backpack and view.choices and view.conferences and view.remarks
    [gv] = view.goals
    assert isinstance(gv, GoalView) and gv.steps and gv.supports and gv.evidence and gv.checkins
    parts = [(path, part) for path, part in _parts(view) if dataclasses.is_dataclass(part)]
    assert len(parts) >= 16
    for path, part in parts:
        assert not isinstance(part, SQLModel), path
        assert not hasattr(part, "_sa_instance_state"), path
        assert not hasattr(part, "__dict__"), path  # slotted: nothing can be hung on it either
        name = dataclasses.fields(part)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(part, name, getattr(part, name))
    for path, part in _parts(view):  # and no row hides in a plain field
        assert not isinstance(part, SQLModel) and not hasattr(part, "_sa_instance_state"), path


def test_every_write_the_profile_offers_hands_back_a_fresh_view(profiles, teacher, world):
    learner, me, _note = world
    made = [
        profiles.add_entry(me, learner.id, d.Section.INTERESTS, "Maps"),
        profiles.add_backpack_item(me, learner.id, "Timer", d.BackpackKind.TOOL),
        profiles.add_choice(me, learner.id, d.ChoiceDimension.PACE, d.ChoiceAvailability.TODAY, "Slow"),
        goal := profiles.add_goal(me, learner.id, "Swim a length"),
        step := profiles.add_step(me, goal.id, "Go to the pool"),
        profiles.set_step_done(me, step.id, True),
        profiles.add_evidence(me, goal.id, d.EvidenceKind.NOTE, "Swam half"),
        profiles.add_checkin(me, goal.id, 2),
        conf := profiles.add_conference(teacher, learner.id, date(2026, 11, 9)),
        profiles.update_conference(teacher, conf.id, expected_version=conf.version, notes="More"),
        profiles.get_learner(teacher, learner.id),
        profiles.learner_account(teacher, learner.id),
        *profiles.history(teacher, learner.id, limit=3),
    ]
    for value in made:
        assert dataclasses.is_dataclass(value) and not isinstance(value, SQLModel), value
        assert not hasattr(value, "_sa_instance_state")
    entry = made[0]
    edited = profiles.edit_entry(me, entry.id, "Old maps", expected_version=entry.version)
    assert isinstance(edited, EntryView) and (edited.text, edited.version) == ("Old maps", entry.version + 1)
    assert entry.text == "Maps"  # the view handed out earlier stays as it was: nothing edits it behind the widget
    updated = profiles.update_goal(me, goal.id, expected_version=goal.version, why="Summer")
    assert isinstance(updated, GoalInfo) and updated.why == "Summer" and goal.why == ""
    shared = profiles.set_shared_with_family(me, GoalInfo, goal.id, True)
    assert isinstance(shared, GoalInfo) and shared.shared_with_family and not updated.shared_with_family


def test_a_widget_names_a_kind_of_row_by_its_view(profiles, teacher, world):
    """Remove, mark agreed and the policy's question take the view's class and the view, as they took the
    table's class and the row."""
    learner, me, _note = world
    option = profiles.add_choice(teacher, learner.id, d.ChoiceDimension.WHAT, d.ChoiceAvailability.TODAY, "Topic")
    assert option.agreement == d.Agreement.SUGGESTION and profiles.may(me, Action.AGREE, option)
    profiles.set_agreement(me, ChoiceView, option.id, d.Agreement.AGREED)
    view = profiles.load_profile(me, learner.id)
    assert [c.agreement for c in view.choices if c.id == option.id] == ["agreed"]
    entry = profiles.add_entry(me, learner.id, d.Section.TALENTS, "Juggling")
    profiles.delete_row(me, EntryView, entry.id)
    assert entry.id not in {e.id for e in profiles.load_profile(me, learner.id).entries}
    with pytest.raises(TypeError):  # a choice is not among the learner's say's kinds, as view or table
        profiles.set_shared_with_family(me, ChoiceView, option.id, True)


def test_the_policy_answers_about_a_view_as_about_its_row(profiles, teacher, world, store):
    """What a widget offers (``may`` on the view it holds) is what the policy says of the stored row."""
    from plprofile.services.shown import model_of

    learner, me, _note = world
    asked = 0
    for actor in (teacher, me):
        view = profiles.load_profile(actor, learner.id)
        rows = [view.learner, *view.entries, *view.backpack, *view.choices, *view.conferences, *view.remarks]
        for gv in view.goals:
            rows += [gv.goal, *gv.steps, *gv.supports, *gv.evidence, *gv.checkins]
        with store.session() as s:
            for part in rows:
                row = s.get(model_of(type(part)), part.id)
                for action in (Action.READ, Action.UPDATE, Action.DELETE, Action.AGREE, Action.SHARE, Action.SUGGEST,
                               Action.DECIDE):
                    assert profiles.may(actor, action, part) == profiles.may(actor, action, row), (part, action)
                    asked += 1
    assert asked > 100


def test_the_learners_view_holds_nothing_teacher_only(profiles, teacher, world, store):
    learner, me, note = world
    theirs = profiles.load_profile(me, learner.id)
    staff = profiles.load_profile(teacher, learner.id)
    assert note.id in {e.id for e in staff.entries}
    assert note.id not in {e.id for e in theirs.entries}
    assert "PRIVATE" not in repr(theirs)
    [linked] = [b for b in theirs.backpack if b.name == "Quiet corner"]
    assert isinstance(linked, BackpackView) and linked.challenge_id is None
    assert [b.challenge_id for b in staff.backpack if b.name == "Quiet corner"] == [note.id]
    with store.session() as s:  # the stored row keeps its link: only the learner's copy leaves it out
        assert s.get(BackpackItem, linked.id).challenge_id == note.id
        assert s.get(ProfileEntry, note.id).teacher_only
