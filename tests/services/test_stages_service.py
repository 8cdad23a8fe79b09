"""Assessments in the store: validation against the framework, insert-only history, class data, frameworks."""

from __future__ import annotations

import json
from datetime import date

import pytest

from plprofile import RESOURCES
from plprofile.domain import profile as d
from plprofile.domain.framework import FrameworkError, default_framework
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import ValidationError
from plprofile.domain.progress import ElementRating
from plprofile.services.accounts import learner_actor
from plprofile.services.stages import StagesService


@pytest.fixture
def stages(store, profiles):
    return StagesService(store, profiles)


@pytest.fixture
def learner(profiles, teacher):
    return profiles.add_learner(teacher, given_name="Mei", family_name="Chen", group_name="5A")


def test_assessment_round_trips_with_framework_key(stages, teacher, learner):
    saved = stages.record_assessment(teacher, learner.id, date(2026, 10, 1), [
        ElementRating("voice", learner=2.0, teacher=1.5, agreed=1.5, note="speaks up in groups"),
        ElementRating("choice", learner=1.0, teacher=1.0, agreed=1.0),
    ], note="first conference")
    [loaded] = stages.history(teacher, learner.id)
    fw = default_framework()
    assert (loaded.framework_id, loaded.framework_version) == fw.key
    assert loaded.value("voice", "learner") == 2.0 and loaded.value("voice", "agreed") == 1.5
    assert loaded.rating("voice").note == "speaks up in groups"
    assert loaded.note == "first conference" and loaded.id == saved.id


@pytest.mark.parametrize("value", [0.0, 3.5, 1.25, 4.0, -1.0])
def test_off_scale_values_are_refused_and_nothing_is_stored(stages, teacher, learner, value):
    with pytest.raises(ValidationError):
        stages.record_assessment(teacher, learner.id, date(2026, 10, 1), [
            ElementRating("voice", teacher=1.0), ElementRating("choice", teacher=value)])
    assert stages.history(teacher, learner.id) == []


def test_unknown_element_empty_and_duplicate_ratings_are_refused(stages, teacher, learner):
    with pytest.raises(ValidationError, match="not an element"):
        stages.record_assessment(teacher, learner.id, date(2026, 10, 1), [ElementRating("telepathy", teacher=1)])
    with pytest.raises(ValidationError, match="at least one"):
        stages.record_assessment(teacher, learner.id, date(2026, 10, 1), [ElementRating("voice")])
    with pytest.raises(ValidationError, match="twice"):
        stages.record_assessment(teacher, learner.id, date(2026, 10, 1),
                                 [ElementRating("voice", teacher=1), ElementRating("voice", teacher=2)])
    assert stages.history(teacher, learner.id) == []


def test_learner_self_assessment_only_for_themselves(stages, profiles, teacher, learner):
    me = learner_actor(profiles.learner_account(teacher, learner.id))
    other = profiles.add_learner(teacher, given_name="Liam", family_name="Nguyen")
    stages.record_assessment(me, learner.id, date(2026, 10, 2), [ElementRating("voice", learner=2.5)])
    with pytest.raises(AccessDenied):
        stages.record_assessment(me, learner.id, date(2026, 10, 2), [ElementRating("voice", teacher=2.5)])
    with pytest.raises(AccessDenied):
        stages.record_assessment(me, other.id, date(2026, 10, 2), [ElementRating("voice", learner=2.5)])
    with pytest.raises(AccessDenied):
        stages.history(me, other.id)
    with pytest.raises(AccessDenied):
        stages.class_histories(me)
    assert [a.value("voice", "learner") for a in stages.history(me, learner.id)] == [2.5]


def test_class_histories_and_last_assessed(stages, profiles, teacher, learner):
    never = profiles.add_learner(teacher, given_name="Noah", family_name="Smith", group_name="5B")
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1), [ElementRating("voice", agreed=1.0)])
    stages.record_assessment(teacher, learner.id, date(2026, 11, 1), [ElementRating("voice", agreed=2.0)])
    histories = stages.class_histories(teacher)
    assert [a.assessed_on for a in histories[str(learner.id)]] == [date(2026, 9, 1), date(2026, 11, 1)]
    assert histories[str(never.id)] == []
    assert set(stages.class_histories(teacher, group="5B")) == {str(never.id)}
    assert stages.last_assessed(teacher) == {str(learner.id): date(2026, 11, 1), str(never.id): None}


def test_goal_timeline_reads_status_changes_from_the_change_log(stages, profiles, teacher, learner):
    me = learner_actor(profiles.learner_account(teacher, learner.id))
    goal = profiles.add_goal(me, learner.id, "Read a chapter book")
    profiles.update_goal(me, goal.id, status=d.GoalStatus.IN_PROGRESS)
    profiles.add_checkin(me, goal.id, 2, on_date=date(2026, 10, 5))
    profiles.update_goal(teacher, goal.id, status=d.GoalStatus.ACHIEVED)
    events, points, names = stages.goal_timeline(teacher, learner.id)
    assert [e.status for e in events] == ["not_started", "in_progress", "achieved"]
    assert [(p.on, p.scale) for p in points] == [(date(2026, 10, 5), 2)]
    assert names == {str(goal.id): "Read a chapter book"}


def _framework_json(version: str, drop: str | None = None) -> bytes:
    data = json.loads((RESOURCES / "frameworks" / "default-stages.json").read_text(encoding="utf-8"))
    data["id"] = "school.rubric"
    data["version"] = version
    if drop:
        data["elements"] = [e for e in data["elements"] if e["id"] != drop]
    return json.dumps(data).encode()


def test_school_framework_replaces_default_and_old_assessments_still_read(stages, teacher, learner):
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1), [ElementRating("purpose", agreed=1.5)])
    installed = stages.install_framework(teacher, _framework_json("2.0", drop="purpose"))
    assert stages.active_framework(teacher).key == ("school.rubric", "2.0") == installed.key
    old, = stages.history(teacher, learner.id)
    assert old.framework_id == default_framework().id
    assert stages.framework_for(teacher, old.framework_id, old.framework_version).get_element("purpose") is not None
    # Made against the new version, "purpose" no longer exists.
    with pytest.raises(ValidationError):
        stages.record_assessment(teacher, learner.id, date(2026, 11, 1), [ElementRating("purpose", agreed=2)])
    # A fresh service (another window, a restart) finds the school's framework again.
    assert StagesService(stages.store).active_framework(teacher).key == ("school.rubric", "2.0")


@pytest.mark.parametrize("data", [b"{not json", b"{}", b'{"format": 1, "id": "x", "version": "1"}'])
def test_bad_framework_file_changes_nothing(stages, teacher, data):
    before = stages.active_framework(teacher).key
    with pytest.raises(FrameworkError):
        stages.install_framework(teacher, data)
    assert stages.active_framework(teacher).key == before
    assert not stages._frameworks_dir.exists() or not any(stages._frameworks_dir.glob("*.json"))


def test_rating_one_element_keeps_the_others_and_the_overall(stages, teacher, learner):
    """A conference that rates only Voice: the other elements keep their latest values (carried, with their
    day), so "where we are now" and the Overall stand on the full set, not on Voice alone."""
    fw = default_framework()
    ids = list(fw.element_ids())
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1),
                             [ElementRating(e, agreed=2.0) for e in ids[1:]] + [ElementRating(ids[0], agreed=1.0)])
    stages.record_assessment(teacher, learner.id, date(2026, 11, 1), [ElementRating(ids[0], agreed=1.5)])
    first, now = stages.history(teacher, learner.id)
    assert now.value(ids[0], "agreed") == 1.5 and now.rating(ids[0]).carried_from is None
    assert all(now.value(e, "agreed") == 2.0 and now.rating(e).carried_from == date(2026, 9, 1) for e in ids[1:])
    assert not now.partial
    assert now.overall("agreed", ids) == pytest.approx((1.5 + 2.0 * (len(ids) - 1)) / len(ids))


def test_a_first_partial_rating_is_a_check_without_an_overall(stages, teacher, learner):
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1), [ElementRating("voice", agreed=2.0)])
    [check] = stages.history(teacher, learner.id)
    assert check.partial and check.overall("agreed") is None and check.carried() == []


def test_a_learners_self_check_carries_their_own_earlier_self_ratings_and_never_the_teachers(stages, profiles,
                                                                                              teacher, learner):
    """A conference gave every element the three views, the learner's own only for the first two; then the learner
    rates one element alone. The others keep the learner's own earlier values where there are some; the teacher's
    and the agreed values are not copied into the learner's self-check, and elements the learner never rated
    themselves stay without a value (a partial check, no Overall)."""
    fw = default_framework()
    ids = list(fw.element_ids())
    conference = [ElementRating(e, learner=1.5 if k < 2 else None, teacher=2.0, agreed=2.5)
                  for k, e in enumerate(ids)]
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1), conference)
    me = learner_actor(profiles.learner_account(teacher, learner.id))
    stages.record_assessment(me, learner.id, date(2026, 10, 1), [ElementRating(ids[2], learner=3.0)])

    _conference, self_check = stages.history(teacher, learner.id)
    assert self_check.value(ids[2], "learner") == 3.0 and self_check.rating(ids[2]).carried_from is None
    for e in ids[:2]:  # the learner's own earlier values, marked with their day
        rating = self_check.rating(e)
        assert (rating.learner, rating.teacher, rating.agreed, rating.carried_from) == (
            1.5, None, None, date(2026, 9, 1))
    assert all(self_check.rating(e) is None for e in ids[3:])  # never rated by the learner: no value
    assert self_check.partial and self_check.overall("agreed") is None
    assert all(r.teacher is None and r.agreed is None for r in self_check.ratings)


def test_a_teachers_partial_rating_still_carries_all_three_views(stages, teacher, learner):
    ids = list(default_framework().element_ids())
    stages.record_assessment(teacher, learner.id, date(2026, 9, 1),
                             [ElementRating(e, learner=1.5, teacher=2.0, agreed=2.5) for e in ids])
    stages.record_assessment(teacher, learner.id, date(2026, 10, 1), [ElementRating(ids[0], agreed=3.0)])
    now = stages.history(teacher, learner.id)[-1]
    rating = now.rating(ids[1])
    assert (rating.learner, rating.teacher, rating.agreed, rating.carried_from) == (1.5, 2.0, 2.5, date(2026, 9, 1))
    assert not now.partial
