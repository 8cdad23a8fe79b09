"""Profile use cases: co-design rules, access rules, validation and one-transaction roster imports."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Agreement, Role, ValidationError
from plprofile.domain.roster import parse_roster
from plprofile.services.accounts import learner_actor
from plprofile.store.changes import StaleEditError
from plprofile.store.models import LEARNER_OWNED, ChangeLog, Learner


@pytest.fixture
def learner(profiles, teacher):
    return profiles.add_learner(teacher, given_name="Amara", family_name="Okafor", group_name="5A",
                                external_id="S1")


@pytest.fixture
def me(profiles, learner, teacher):
    return learner_actor(profiles.learner_account(teacher, learner.id))


def _count(store, model, **where) -> int:
    with store.session() as s:
        stmt = select(func.count()).select_from(model)
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        return s.execute(stmt).scalar_one()


def test_learner_words_are_agreed_and_teacher_entries_are_suggestions(profiles, learner, me, teacher):
    mine = profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "  Drawing  ")
    theirs = profiles.add_entry(teacher, learner.id, d.Section.STRENGTHS, "Careful listener")
    assert (mine.text, mine.agreement, mine.author_role) == ("Drawing", "agreed", "learner")
    assert (theirs.agreement, theirs.author_role) == ("suggestion", "teacher")


def test_a_teacher_suggestion_stands_beside_the_learners_words(profiles, learner, me, teacher):
    mine = profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I draw")
    profiles.suggest_change(teacher, mine.id, "I draw animals in great detail")
    with pytest.raises(AccessDenied):
        profiles.edit_entry(teacher, mine.id, "overwritten")
    with pytest.raises(AccessDenied):
        profiles.delete_row(teacher, type(mine), mine.id)
    view = profiles.load_profile(teacher, learner.id)
    [top] = view.section(d.Section.STRENGTHS)
    assert top.text == "I draw"
    assert [s.text for s in view.suggestions_for(top.id)] == ["I draw animals in great detail"]


def test_only_the_learner_accepts_and_acceptance_is_authored_by_them(profiles, store, learner, me, teacher):
    mine = profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "I draw")
    suggestion = profiles.suggest_change(teacher, mine.id, "I draw animals")
    with pytest.raises(AccessDenied):
        profiles.accept_suggestion(teacher, suggestion.id)
    profiles.accept_suggestion(me, suggestion.id)
    view = profiles.load_profile(teacher, learner.id)
    [top] = view.section(d.Section.STRENGTHS)
    assert top.text == "I draw animals" and view.suggestions_for(top.id) == []
    with store.session() as s:
        log = s.execute(select(ChangeLog).where(ChangeLog.entity_id == mine.id, ChangeLog.field == "text")
                        ).scalars().one()
    assert (log.old_value, log.new_value, log.author_role) == ("I draw", "I draw animals", "learner")


def test_declined_suggestion_is_kept_but_not_agreed(profiles, learner, me, teacher):
    sugg = profiles.add_entry(teacher, learner.id, d.Section.INTERESTS, "Chess club?")
    profiles.decline_suggestion(me, sugg.id)
    view = profiles.load_profile(teacher, learner.id)
    assert [e.agreement for e in view.section(d.Section.INTERESTS)] == [Agreement.DECLINED.value]


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_entries_are_refused_and_nothing_is_stored(profiles, store, learner, me, text):
    with pytest.raises(ValidationError):
        profiles.add_entry(me, learner.id, d.Section.STRENGTHS, text)
    with pytest.raises(ValidationError):
        profiles.add_goal(me, learner.id, text)
    assert profiles.load_profile(me, learner.id).entries == []


def test_a_learner_cannot_reach_another_learners_profile(profiles, teacher, learner, me):
    other = profiles.add_learner(teacher, given_name="Liam", family_name="Nguyen")
    goal = profiles.add_goal(teacher, other.id, "Finish the project")
    for attempt in (
        lambda: profiles.load_profile(me, other.id),
        lambda: profiles.add_entry(me, other.id, d.Section.STRENGTHS, "x"),
        lambda: profiles.add_checkin(me, goal.id, 3),
        lambda: profiles.update_goal(me, goal.id, statement="hijacked"),
        lambda: profiles.history(me, other.id),
    ):
        with pytest.raises(AccessDenied):
            attempt()
    assert [s.id for s in profiles.list_learners(me)] == [learner.id]
    with pytest.raises(AccessDenied):
        profiles.author_names(me, other.id)


def test_history_names_only_those_who_wrote_in_this_profile(profiles, teacher, learner, me):
    other = profiles.add_learner(teacher, given_name="Liam", family_name="Nguyen")
    profiles.add_entry(learner_actor(profiles.learner_account(teacher, other.id)), other.id, d.Section.STRENGTHS, "Maps")
    profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "Drawing")
    names = profiles.author_names(me, learner.id)
    assert set(names) == {teacher.account_id, me.account_id}
    assert profiles.learner_account(teacher, other.id).id not in names


def test_goal_with_steps_supports_evidence_and_checkins(profiles, learner, me, teacher):
    item = profiles.add_backpack_item(me, learner.id, "Visual timer", d.BackpackKind.TOOL, lens=d.Lens.ENGAGE)
    goal = profiles.add_goal(me, learner.id, "Finish my science project", why="I ran out of time last time",
                             focus=d.GoalFocus.LEARNING, lens=d.Lens.ENGAGE, target_date=date(2027, 3, 1))
    s1 = profiles.add_step(me, goal.id, "Make a checklist", Role.LEARNER, date(2027, 1, 10))
    profiles.add_step(teacher, goal.id, "Check in on Fridays", Role.TEACHER)
    profiles.set_step_done(me, s1.id, True)
    profiles.set_supports(me, goal.id, [item.id])
    profiles.add_evidence(me, goal.id, d.EvidenceKind.LINK, "My plan", "https://example.org/plan")
    profiles.add_checkin(me, goal.id, 3, "On my way", date(2027, 1, 12))
    profiles.update_goal(me, goal.id, status=d.GoalStatus.IN_PROGRESS)
    [gv] = profiles.load_profile(teacher, learner.id).goals
    assert gv.goal.status == "in_progress" and gv.goal.lens == "engage"
    assert [(s.text, s.done) for s in gv.steps] == [("Make a checklist", True), ("Check in on Fridays", False)]
    assert [s.backpack_item_id for s in gv.supports] == [item.id]
    assert gv.evidence[0].location == "https://example.org/plan"
    assert [(c.scale, c.reflection) for c in gv.checkins] == [(3, "On my way")]
    profiles.set_supports(me, goal.id, [])
    assert profiles.load_profile(teacher, learner.id).goals[0].supports == []


@pytest.mark.parametrize("scale", [0, 5, -1])
def test_checkin_outside_the_scale_is_refused(profiles, learner, me, scale):
    goal = profiles.add_goal(me, learner.id, "Read more")
    with pytest.raises(ValidationError):
        profiles.add_checkin(me, goal.id, scale)


def test_conference_next_date_cannot_precede_it(profiles, learner, teacher):
    with pytest.raises(ValidationError):
        profiles.add_conference(teacher, learner.id, date(2027, 2, 1), next_checkin_on=date(2027, 1, 1))
    conf = profiles.add_conference(teacher, learner.id, date(2027, 2, 1), participants="Amara, Ms R",
                                   notes="Good talk", agreements="Try headphones",
                                   next_checkin_on=date(2027, 3, 1))
    with pytest.raises(AccessDenied):
        profiles.add_conference(learner_actor(profiles.learner_account(teacher, learner.id)), learner.id, date(2027, 2, 1))
    assert profiles.load_profile(teacher, learner.id).conferences[0].id == conf.id


def test_stale_goal_edit_is_detected(profiles, learner, me, teacher):
    goal = profiles.add_goal(me, learner.id, "Read more")
    profiles.update_goal(teacher, goal.id, expected_version=goal.version, why="fun")
    with pytest.raises(StaleEditError):
        profiles.update_goal(me, goal.id, expected_version=goal.version, why="stale")


def test_soft_delete_hides_and_restore_brings_back(profiles, learner, teacher):
    profiles.delete_learner(teacher, learner.id)
    assert profiles.list_learners(teacher) == []
    profiles.restore_learner(teacher, learner.id)
    assert [s.id for s in profiles.list_learners(teacher)] == [learner.id]


def test_purge_removes_every_row_about_the_learner(profiles, store, learner, me, teacher):
    keep = profiles.add_learner(teacher, given_name="Liam", family_name="Nguyen")
    profiles.add_entry(teacher, keep.id, d.Section.STRENGTHS, "Kept")
    goal = profiles.add_goal(me, learner.id, "Read more")
    profiles.add_step(me, goal.id, "Pick a book")
    profiles.add_checkin(me, goal.id, 2)
    profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "Drawing")
    profiles.add_conference(teacher, learner.id, date(2027, 1, 1))
    profiles.purge_learner(teacher, learner.id)
    for model in LEARNER_OWNED:
        assert _count(store, model, learner_id=learner.id) == 0, model.__tablename__
    assert _count(store, Learner, id=learner.id) == 0
    assert _count(store, ChangeLog, learner_id=learner.id) == 0
    assert _count(store, ChangeLog, author_id=me.account_id) == 0
    assert _count(store, ChangeLog, learner_id=keep.id) > 0
    assert profiles.load_profile(teacher, keep.id).entries[0].text == "Kept"


def test_roster_import_is_all_or_nothing(profiles, store, teacher, learner):
    rows = parse_roster(b"given_name,family_name,external_id\nLiam,Nguyen,S2\nMei,Chen,S1\n")
    with pytest.raises(ValidationError, match="S1"):
        profiles.import_roster(teacher, rows)
    assert _count(store, Learner) == 1
    good = parse_roster("\ufeffgiven_name,family_name,preferred_name,group\nLiam,Nguyen,,5B\nZoë,Chen,Zo,5B\n"
                        .encode())
    assert profiles.import_roster(teacher, good) == 2
    names = {s.preferred_name for s in profiles.list_learners(teacher)}
    assert names == {"Amara", "Liam", "Zo"}
    assert profiles.groups(teacher) == ["5A", "5B"]


def test_duplicate_student_id_by_hand_is_refused(profiles, teacher, learner):
    with pytest.raises(ValidationError, match="S1"):
        profiles.add_learner(teacher, given_name="Other", family_name="Person", external_id="S1")


def test_a_learner_cannot_add_learners_or_see_teacher_only_notes(profiles, learner, me, teacher):
    with pytest.raises(AccessDenied):
        profiles.add_learner(me, given_name="X", family_name="Y")
    profiles.add_entry(teacher, learner.id, d.Section.CHALLENGES, "Tired after lunch", teacher_only=True)
    assert profiles.load_profile(me, learner.id).entries == []
    assert len(profiles.load_profile(teacher, learner.id).entries) == 1


def test_a_learner_does_not_see_the_history_of_teacher_only_notes(store, profiles, teacher):
    learner = profiles.add_learner(teacher, given_name="Kai", family_name="Cohen")
    me = learner_actor(profiles.learner_account(teacher, learner.id))
    profiles.add_entry(teacher, learner.id, d.Section.CHALLENGES, "Check sleep with family", teacher_only=True)
    profiles.add_entry(me, learner.id, d.Section.STRENGTHS, "Chess")
    mine = profiles.history(me, learner.id)
    assert all("sleep" not in (r.new_value or "") for r in mine)
    assert any("Chess" in (r.new_value or "") for r in mine)
    assert any("sleep" in (r.new_value or "") for r in profiles.history(teacher, learner.id))


def test_a_conference_keeps_who_said_what_in_order_and_refuses_an_unknown_speaker(store, teacher, profiles):
    from plprofile.store.models import Conference, ConferenceRemark

    learner = profiles.add_learner(teacher, given_name="Ana", family_name="Ruiz")
    with pytest.raises(ValidationError):
        profiles.add_conference(teacher, learner.id, date(2026, 11, 2), led_by="learner",
                                remarks=[("learner", "proud", "My poem"), ("grandma", "comment", "Lovely")])
    with store.session() as s:  # one transaction: neither the conference nor the first remark was written
        assert s.execute(select(func.count()).select_from(Conference)).scalar() == 0
        assert s.execute(select(func.count()).select_from(ConferenceRemark)).scalar() == 0
    conf = profiles.add_conference(teacher, learner.id, date(2026, 11, 2), led_by="learner",
                                   remarks=[("learner", "proud", "My poem"), ("family", "comment", "  "),
                                            ("teacher", "commitment", "Find a poetry book")])
    view = profiles.load_profile(teacher, learner.id)
    assert conf.led_by == "learner"
    assert [(r.speaker, r.kind, r.text, r.position) for r in view.remarks_of(conf.id)] == [
        ("learner", "proud", "My poem", 0), ("teacher", "commitment", "Find a poetry book", 1)]
