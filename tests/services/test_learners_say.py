"""The learner's say over their own words: only the learner who wrote a row chooses "my family too"; the family
summary leaves out what they kept for their teacher and them; the choice is a logged, synced column."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from plprofile.domain import merge
from plprofile.domain import profile as d
from plprofile.domain.policy import FIXED_FIELDS, LEARNER_SHARES, AccessDenied
from plprofile.services.accounts import learner_actor
from plprofile.services.auth import AuthService
from plprofile.services.report import build_summary
from plprofile.services.stages import StagesService
from plprofile.store.models import BackpackItem, ChangeLog, CheckIn, Goal, ProfileEntry


@pytest.fixture
def amara(store, teacher, profiles):
    learner = profiles.add_learner(teacher, given_name="Amara", family_name="Okafor")
    AuthService(store).set_learner_pin(teacher, learner.id, "2468", "amara")
    return learner, learner_actor(profiles.learner_account(teacher, learner.id))


def test_only_the_learner_who_wrote_it_chooses_and_the_choice_is_logged(store, teacher, profiles, amara):
    learner, me = amara
    entry = profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I build bridges")
    assert entry.shared_with_family is False  # the default: my teacher and me
    with pytest.raises(AccessDenied) as refused:
        profiles.set_shared_with_family(teacher, ProfileEntry, entry.id, True)
    assert refused.value.reason == LEARNER_SHARES
    with pytest.raises(AccessDenied) as refused:  # nor through an ordinary update
        goal = profiles.add_goal(me, learner.id, "Read a chapter book")
        profiles.update_goal(teacher, goal.id, shared_with_family=True)
    assert refused.value.reason == FIXED_FIELDS
    with pytest.raises(AccessDenied):  # not even the learner, by an ordinary update: SHARE is the one way
        profiles.update_goal(me, goal.id, shared_with_family=True)
    theirs = profiles.add_entry(teacher, learner.id, d.Section.STRENGTHS, "Patient with others")
    with pytest.raises(AccessDenied):  # a teacher's words are not the learner's to share
        profiles.set_shared_with_family(me, ProfileEntry, theirs.id, True)
    with pytest.raises(AccessDenied):  # a teacher's check-in made "shared" is refused, and nothing is stored
        profiles.add_checkin(teacher, goal.id, 2, "Keep going", shared_with_family=True)

    profiles.set_shared_with_family(me, ProfileEntry, entry.id, True)
    ci = profiles.add_checkin(me, goal.id, 3, "I read every day", shared_with_family=True)
    with store.session() as s:
        assert s.get(ProfileEntry, entry.id).shared_with_family
        assert s.get(CheckIn, ci.id).shared_with_family
        assert s.execute(select(CheckIn).where(CheckIn.goal_id == goal.id)).scalars().all() == [s.get(CheckIn, ci.id)]
        log = s.execute(select(ChangeLog.action, ChangeLog.new_value, ChangeLog.author_role).where(
            ChangeLog.entity_id == entry.id, ChangeLog.field == "shared_with_family")).all()
    assert [tuple(r) for r in log] == [("update", "true", "learner")]


def test_a_synced_change_of_the_choice_on_a_check_in_applies():
    """Check-ins are insert-only (a synced edit is ignored), except the learner's say over who sees them."""
    stored = merge.FieldState("false", "0001", "learner")
    incoming = merge.Write("false", "true", "0002", "learner")
    assert merge.merge_field("check_in", "shared_with_family", stored, incoming).applies
    assert not merge.merge_field("check_in", "reflection", stored, merge.Write("a", "b", "0002", "learner")).applies


def test_the_family_summary_leaves_out_what_the_learner_kept(store, teacher, profiles, amara):
    learner, me = amara
    shared = profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I build bridges")
    profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I hide when I'm stuck")
    profiles.add_entry(teacher, learner.id, d.Section.STRENGTHS, "Patient with others", d.Agreement.AGREED)
    profiles.add_entry(teacher, learner.id, d.Section.STRENGTHS, "Note for staff", teacher_only=True)
    profiles.set_shared_with_family(me, ProfileEntry, shared.id, True)
    open_goal = profiles.add_goal(me, learner.id, "Swim a length", status=d.GoalStatus.IN_PROGRESS)
    profiles.add_goal(me, learner.id, "Make a new friend", status=d.GoalStatus.IN_PROGRESS)
    profiles.set_shared_with_family(me, Goal, open_goal.id, True)
    profiles.add_checkin(me, open_goal.id, 2, "Hard", shared_with_family=True)
    profiles.add_checkin(me, open_goal.id, 3, "Better")  # kept: the page shows the last shared one
    item = profiles.add_backpack_item(me, learner.id, "Headphones", d.BackpackKind.TOOL)
    profiles.add_backpack_item(me, learner.id, "Fidget", d.BackpackKind.TOOL)
    profiles.set_shared_with_family(me, BackpackItem, item.id, True)

    summary = build_summary(profiles, StagesService(store, profiles), teacher, learner.id)
    assert summary.strengths == ["I build bridges", "Patient with others"]
    assert [g.statement for g in summary.goals] == ["Swim a length"]
    assert summary.goals[0].latest_checkin == 2
    assert summary.backpack == ["Headphones"]
    assert summary.kept_private == 3  # an entry, a goal, a backpack item
    challenge = profiles.add_entry(me, learner.id, d.Section.CHALLENGES, "Reading out loud")
    summary = build_summary(profiles, StagesService(store, profiles), teacher, learner.id)
    assert summary.challenges == [] and "challenges" in summary.kept_sections  # "kept for me and my teacher"
    profiles.set_shared_with_family(me, ProfileEntry, challenge.id, True)
    summary = build_summary(profiles, StagesService(store, profiles), teacher, learner.id)
    assert summary.challenges == ["Reading out loud"] and "challenges" not in summary.kept_sections
    # the teacher still sees everything the learner wrote
    view = profiles.load_profile(teacher, learner.id)
    assert {"I hide when I'm stuck", "I build bridges"} <= {e.text for e in view.entries}


def test_a_profile_file_from_before_the_learners_say_imports_with_nothing_shared(store, teacher, profiles, amara,
                                                                                   tmp_path):
    import json

    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.portable import PortableService, dumps
    from plprofile.store.engine import open_store

    learner, me = amara
    profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I build bridges")
    doc = json.loads(dumps(PortableService(store).export_profile(teacher, learner.id)))
    for rows in doc["tables"].values():
        for row in rows:
            row.pop("shared_with_family", None)
    other = open_store(tmp_path / "other")
    try:
        okoye = teacher_actor(ensure_teacher(other))
        PortableService(other).import_profile(okoye, doc)
        from plprofile.services.profiles import ProfileService

        view = ProfileService(other).load_profile(okoye, learner.id)
        assert [(e.text, e.shared_with_family) for e in view.entries] == [("I build bridges", False)]
    finally:
        other.close()
