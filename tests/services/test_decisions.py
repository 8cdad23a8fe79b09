"""Needs a decision: conflicts made by syncing two devices, listed for the right person and settled by an
ordinary change that syncs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import ValidationError
from plprofile.services.decisions import Choice, DecisionService
from plprofile.services.profiles import ProfileService
from plprofile.store.models import ChangeLog, Goal, ProfileEntry, SyncConflict
from tests.conflicts import build, exchange, push


@pytest.fixture
def pair(tmp_path):
    made = build(tmp_path)
    yield made
    made.close()


def _texts(store, ids):
    with store.session() as s:
        return (s.get(ProfileEntry, ids["entry"]).text, s.get(Goal, ids["goal"]).statement,
                s.get(Goal, ids["teacher_goal"]).statement, s.get(ProfileEntry, ids["note"]).text)


def _by_entity(conflicts):
    return {(c.entity, c.current.text): c for c in conflicts}


def test_both_devices_hold_the_same_words_and_the_same_four_conflicts(pair):
    # the learner's words win over the teacher's; between two writes of the same side, the later one
    assert _texts(pair.laptop, pair.ids) == _texts(pair.tablet, pair.ids) == (
        "I draw horses", "Read every night", "Join the robot club", "Family news: moving house")
    for store in (pair.laptop, pair.tablet):
        with store.session() as s:
            assert len(s.execute(select(SyncConflict)).scalars().all()) == 4


def test_each_person_sees_what_they_may_read_and_decides_only_their_own(pair):
    decisions = DecisionService(pair.laptop)
    teachers = decisions.open_conflicts(pair.teacher)
    assert {(c.entity, c.current.text, c.other.text, c.may_decide) for c in teachers} == {
        ("profile_entry", "I draw horses", "I draw comics", False),  # Ana's own words: hers to decide
        ("goal", "Read every night", "Read for 20 minutes", False),
        ("goal", "Join the robot club", "Join the chess club", True),  # the teacher's goal
        ("profile_entry", "Family news: moving house", "Family news: a new baby", True),
    }
    anas = decisions.open_conflicts(pair.ana)
    assert {(c.entity, c.current.text, c.may_decide) for c in anas} == {
        ("profile_entry", "I draw horses", True), ("goal", "Read every night", True),
        ("goal", "Join the robot club", False)}
    # the teacher-only note is nowhere in what the learner is given, not even in the other version
    assert not any("Family" in f"{c.current.text}{c.other.text}{c.context}" for c in anas)
    assert decisions.open_count(pair.ana) == 2 and decisions.open_count(pair.teacher) == 2
    assert decisions.open_count(pair.ana, pair.learner_id) == 2
    who = _by_entity(teachers)[("goal", "Join the robot club")]
    assert (who.current.author_name, who.current.author_role) == ("Ana", "learner")
    assert (who.other.author_name, who.other.author_role, who.other.on_this_device) == ("Ms Rivera", "teacher", True)
    assert who.current.written_at is not None and who.current.written_at < who.other.written_at
    assert who.learner_name == "Ana Diaz"


def test_the_wrong_person_is_refused_and_nothing_changes(pair):
    decisions = DecisionService(pair.laptop)
    by = _by_entity(decisions.open_conflicts(pair.teacher))
    note, own = by[("profile_entry", "Family news: moving house")], by[("profile_entry", "I draw horses")]
    teacher_goal = by[("goal", "Join the robot club")]
    before = _texts(pair.laptop, pair.ids)
    with pytest.raises(AccessDenied, match="learner decides"):
        decisions.resolve(pair.teacher, own.id, Choice.OTHER)
    with pytest.raises(AccessDenied) as hidden:
        decisions.resolve(pair.ana, note.id, Choice.OTHER)
    assert "Family" not in str(hidden.value)
    with pytest.raises(AccessDenied, match="teacher decides"):
        decisions.resolve(pair.ana, teacher_goal.id, Choice.OTHER)
    assert _texts(pair.laptop, pair.ids) == before
    assert decisions.open_count(pair.teacher) == 2


def test_keep_both_is_an_ordinary_change_that_syncs_and_settles_the_other_device(pair):
    laptop, tablet = DecisionService(pair.laptop), DecisionService(pair.tablet)
    own = _by_entity(laptop.open_conflicts(pair.ana))[("profile_entry", "I draw horses")]
    words = laptop.resolve(pair.ana, own.id, Choice.BOTH, seen="I draw horses")
    assert words == "I draw horses\n\nI draw comics"
    with pair.laptop.session() as s:
        assert s.get(ProfileEntry, pair.ids["entry"]).text == words
        assert s.get(SyncConflict, own.id).resolved_by == pair.ana.account_id
        logged = s.execute(select(ChangeLog).where(ChangeLog.entity_id == pair.ids["entry"])
                           .order_by(ChangeLog.hlc.desc())).scalars().first()
    assert (logged.field, logged.old_value, logged.new_value) == ("text", "I draw horses", words)
    assert logged.author_id == pair.ana.account_id
    assert laptop.open_count(pair.ana) == 1 and tablet.open_count(pair.ana) == 2
    push(pair.laptop, pair.tablet, pair.teacher, pair.ana)
    assert _texts(pair.tablet, pair.ids)[0] == words
    assert tablet.open_count(pair.ana) == 1  # the decision reached the tablet: it asks no more
    with pair.tablet.session() as s:
        same = s.execute(select(SyncConflict.id).where(SyncConflict.entity_id == pair.ids["entry"])).scalar_one()
    with pytest.raises(ValidationError):
        tablet.resolve(pair.ana, same, Choice.OTHER)  # the same conflict, decided elsewhere


def test_keep_the_other_and_keep_this_one(pair):
    laptop, tablet = DecisionService(pair.laptop), DecisionService(pair.tablet)
    goal = _by_entity(laptop.open_conflicts(pair.teacher))[("goal", "Join the robot club")]
    assert laptop.resolve(pair.teacher, goal.id, Choice.OTHER) == "Join the chess club"
    mine = _by_entity(laptop.open_conflicts(pair.ana))[("goal", "Read every night")]
    assert laptop.resolve(pair.ana, mine.id, Choice.THIS) == "Read every night"
    exchange(pair)
    assert _texts(pair.laptop, pair.ids) == _texts(pair.tablet, pair.ids)
    assert _texts(pair.tablet, pair.ids)[1:3] == ("Read every night", "Join the chess club")
    assert [c for c in tablet.open_conflicts(pair.teacher) if c.entity == "goal"] == []  # both decided there too
    # keeping the version that won changes no words: the decision is logged as a change that keeps them, which
    # synced too, so the tablet no longer asks Ana either
    assert tablet.open_count(pair.ana) == 1  # only her own strength is left
    with pair.tablet.session() as s:
        kept = s.execute(select(ChangeLog).where(ChangeLog.entity_id == pair.ids["goal"],
                                                 ChangeLog.old_value == ChangeLog.new_value)).scalars().one()
    assert (kept.field, kept.new_value, kept.author_id) == ("statement", "Read every night", pair.ana.account_id)


def test_a_stale_view_is_refused(pair):
    from plprofile.store.changes import StaleEditError

    decisions = DecisionService(pair.laptop)
    own = _by_entity(decisions.open_conflicts(pair.ana))[("profile_entry", "I draw horses")]
    ProfileService(pair.laptop).edit_entry(pair.ana, pair.ids["entry"], "I draw horses and dogs")
    with pytest.raises(StaleEditError) as stale:
        decisions.resolve(pair.ana, own.id, Choice.OTHER, seen="I draw horses")
    assert (stale.value.current, stale.value.attempted) == ({"text": "I draw horses and dogs"},
                                                            {"text": "I draw comics"})
    listed = _by_entity(decisions.open_conflicts(pair.ana))[("profile_entry", "I draw horses and dogs")]
    assert listed.other.text == "I draw comics"  # still there: an edit after the merge loses nothing



def test_removed_on_one_device_and_changed_on_the_other_is_listed_and_kept(pair):
    """The teacher removes a note on the laptop while the same note is changed on the tablet: after syncing,
    both devices list "removed / changed"; keeping it brings the note back with the new words on both."""
    from plprofile.store import changes as store_changes

    ProfileService(pair.laptop).delete_row(pair.teacher, ProfileEntry, pair.ids["note"])
    store_changes.CLOCK_SKEW_MS[pair.tablet.device_id] = 10_000  # the tablet's edit comes after the removal
    try:
        ProfileService(pair.tablet).edit_entry(pair.teacher, pair.ids["note"], "Family news: a baby sister")
    finally:
        store_changes.CLOCK_SKEW_MS.pop(pair.tablet.device_id, None)
    exchange(pair)
    seen = {}
    for name, store in (("laptop", pair.laptop), ("tablet", pair.tablet)):
        removals = [c for c in DecisionService(store).open_conflicts(pair.teacher) if c.removed]
        assert len(removals) == 1, name
        seen[name] = removals[0]
        assert removals[0].other.text == "Family news: a baby sister" and removals[0].may_decide
        assert not [c for c in DecisionService(store).open_conflicts(pair.ana) if c.removed]  # a teacher's note
    assert seen["laptop"].current.on_this_device and not seen["laptop"].other.on_this_device
    assert seen["tablet"].other.on_this_device and not seen["tablet"].current.on_this_device
    with pair.laptop.session() as s:
        assert s.get(ProfileEntry, pair.ids["note"]).deleted_at is not None
    DecisionService(pair.laptop).resolve(pair.teacher, seen["laptop"].id, Choice.OTHER)
    exchange(pair)
    for store in (pair.laptop, pair.tablet):
        with store.session() as s:
            note = s.get(ProfileEntry, pair.ids["note"])
            assert note.deleted_at is None and note.text == "Family news: a baby sister"
        assert not [c for c in DecisionService(store).open_conflicts(pair.teacher) if c.removed]


def test_removed_on_one_device_and_changed_on_the_other_can_stay_removed(pair):
    ProfileService(pair.laptop).delete_row(pair.teacher, ProfileEntry, pair.ids["note"])
    ProfileService(pair.tablet).edit_entry(pair.teacher, pair.ids["note"], "Family news: a baby sister")
    exchange(pair)
    removal = next(c for c in DecisionService(pair.laptop).open_conflicts(pair.teacher) if c.removed)
    DecisionService(pair.laptop).resolve(pair.teacher, removal.id, Choice.THIS)
    exchange(pair)
    for store in (pair.laptop, pair.tablet):
        with store.session() as s:
            assert s.get(ProfileEntry, pair.ids["note"]).deleted_at is not None
        assert not [c for c in DecisionService(store).open_conflicts(pair.teacher) if c.removed]
