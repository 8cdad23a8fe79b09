"""Who is due this week, read from a hand-made class: conferences on the rota (and a teacher's move), check-ins
after a conference, steps, goals past their date, Stages not rated, proposals waiting; learners of another
class and removed rows never show."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Actor, Role, ValidationError
from plprofile.domain.progress import ElementRating
from plprofile.domain.week import DueKind
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.services.school import TEACHER, SchoolService
from plprofile.services.stages import StagesService
from plprofile.services.week import WeekService
from plprofile.store import changes
from plprofile.store.models import Account, ActionStep, Goal, ProfileEntry

TODAY = date(2026, 3, 4)  # a Wednesday; the week runs Monday 2 to Sunday 8 March


def _staff(store, name: str, kind: str = "teacher") -> Actor:
    with store.transaction() as s:
        account = Account(kind=kind, display_name=name)
        changes.create(s, store.device_id, account, teacher_actor(ensure_teacher(store)), None)
    return Actor(account_id=account.id, role=Role.TEACHER, admin=kind == "admin")


@pytest.fixture
def week(store):
    profiles, classes = ProfileService(store), SchoolService(store)
    stages = StagesService(store, profiles)
    teacher_actor(ensure_teacher(store))  # the store's first teacher, in no class
    admin, one = _staff(store, "Admin", "admin"), _staff(store, "Ms One")
    a5, b5 = classes.add_class(admin, "5A"), classes.add_class(admin, "5B")
    classes.add_member(admin, a5.id, account_id=one.account_id, role=TEACHER)
    ids = {}
    for name, klass in (("Ana", a5), ("Ben", a5), ("Cai", a5), ("Dev", b5)):
        ids[name] = profiles.add_learner(admin, given_name=name, family_name="Test").id
        classes.add_member(admin, klass.id, learner_id=ids[name])
    fw = stages.active_framework(admin)
    everything = [ElementRating(e.id, 2.0, 2.0, 2.0) for e in fw.elements]
    # Ana: a conference three weeks ago (due this Wednesday), a check-in agreed for Friday, a step due Monday
    profiles.add_conference(admin, ids["Ana"], date(2026, 2, 11), next_checkin_on=date(2026, 3, 6))
    goal = profiles.add_goal(admin, ids["Ana"], "Read a chapter book", target_date=date(2026, 6, 1))
    profiles.add_step(admin, goal.id, "Pick a book", due_date=date(2026, 3, 2))
    done = profiles.add_step(admin, goal.id, "Done already", due_date=date(2026, 3, 2))
    profiles.set_step_done(admin, done.id, True)
    gone = profiles.add_step(admin, goal.id, "Removed", due_date=date(2026, 3, 2))
    profiles.delete_row(admin, ActionStep, gone.id)
    stages.record_assessment(admin, ids["Ana"], date(2026, 2, 1), everything)
    # Ben: a goal past its date, an achieved one, a recent conference (not due), a check-in already made
    profiles.add_conference(admin, ids["Ben"], date(2026, 2, 25), next_checkin_on=date(2026, 3, 3))
    late = profiles.add_goal(admin, ids["Ben"], "Times tables", target_date=date(2026, 2, 20))
    profiles.add_checkin(admin, late.id, 3, on_date=date(2026, 3, 3))
    profiles.add_goal(admin, ids["Ben"], "Achieved", target_date=date(2026, 1, 1), status=d.GoalStatus.ACHIEVED)
    removed = profiles.add_goal(admin, ids["Ben"], "Removed goal", target_date=date(2026, 1, 1))
    profiles.delete_row(admin, Goal, removed.id)
    stages.record_assessment(admin, ids["Ben"], date(2025, 9, 1), everything)
    # Cai: never had a conference nor an assessment; a proposal for the next conference
    cai = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ids["Cai"])
    proposal = profiles.add_entry(cai, ids["Cai"], d.Section.NEXT_CONFERENCE, "Can I make a video?")
    with store.transaction() as s:  # written on Friday 27 February (the store stamps the real clock)
        s.get(ProfileEntry, proposal.id).created_at = datetime(2026, 2, 27, 10, 0, tzinfo=UTC)
    # Dev is in 5B: Ms One never sees him
    profiles.add_goal(admin, ids["Dev"], "Not hers", target_date=date(2026, 1, 1))
    service = WeekService(store, profiles, stages)
    return dict(service=service, one=one, admin=admin, ids=ids, a5=a5)


def _plain(items, ids):
    names = {v: k for k, v in ids.items()}
    return [(names[i.learner_id], i.kind.value, i.due_on, i.subject) for i in items]


def test_the_list_of_the_week_holds_what_is_due_most_urgent_first(week):
    items = week["service"].due_list(week["one"], TODAY, unrated_weeks=12)
    assert _plain(items, week["ids"]) == [
        ("Cai", "stages", None, ""),  # never assessed, never in a conference: most urgent
        ("Ben", "stages", date(2025, 9, 1), ""),  # not rated for 12 weeks
        ("Ben", "goal_past", date(2026, 2, 20), "Times tables"),
        ("Cai", "proposal", date(2026, 2, 27), "Can I make a video?"),
        ("Cai", "conference", date(2026, 3, 2), ""),  # never had one: Monday, the least busy day
        ("Ana", "step", date(2026, 3, 2), "Pick a book"),  # not the one done, nor the removed one
        ("Ana", "conference", date(2026, 3, 4), ""),  # due Wednesday (11 February + 3 weeks)
        ("Ana", "checkin", date(2026, 3, 6), ""),
    ]
    kinds = [(n, k) for n, k, _day, _s in _plain(items, week["ids"])]
    assert ("Dev", "goal_past") not in kinds and ("Ben", "checkin") not in kinds
    assert ("Ben", "conference") not in kinds  # held a week ago: due again on 18 March
    assert [i.tab for i in items if i.kind is DueKind.CONFERENCE] == ["conferences", "conferences"]


def test_a_conference_after_the_proposal_means_it_was_talked_about(week):
    week["service"].profiles.add_conference(week["admin"], week["ids"]["Cai"], date(2026, 3, 2))
    kinds = [(i.learner_id, i.kind) for i in week["service"].due_list(week["one"], TODAY)]
    assert (week["ids"]["Cai"], DueKind.PROPOSAL) not in kinds
    assert (week["ids"]["Cai"], DueKind.CONFERENCE) not in kinds  # held Monday: next due in three weeks


def test_the_teacher_moves_a_conference_and_sets_the_cadence(week):
    service, one, ids = week["service"], week["one"], week["ids"]
    assert service.cadence(one) == 3
    service.move_conference(one, ids["Ana"], date(2026, 3, 5))
    service.move_conference(one, ids["Ana"], date(2026, 3, 6))  # moved twice: the last move counts
    assert service.week_plan(one, TODAY)[ids["Ana"]] == date(2026, 3, 6)
    service.move_conference(one, ids["Cai"], date(2026, 3, 10))  # to next week: not proposed this week
    assert ids["Cai"] not in service.week_plan(one, TODAY)
    assert service.week_plan(one, date(2026, 3, 9))[ids["Cai"]] == date(2026, 3, 10)
    service.set_cadence(one, 2)  # Ben's conference of 25 February is due again on 11 March
    assert service.week_plan(one, date(2026, 3, 9), class_id=week["a5"].id)[ids["Ben"]] == date(2026, 3, 11)
    with pytest.raises(ValidationError):
        service.set_cadence(one, 0)
    assert service.cadence(one) == 2


def test_a_teacher_cannot_plan_a_learner_of_another_class_nor_a_learner_read_the_week(week):
    service, ids = week["service"], week["ids"]
    with pytest.raises(AccessDenied):
        service.move_conference(week["one"], ids["Dev"], date(2026, 3, 5))
    cai = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ids["Cai"])
    for call in (lambda: service.due_list(cai, TODAY), lambda: service.set_cadence(cai, 2),
                 lambda: service.move_conference(cai, ids["Cai"], TODAY)):
        with pytest.raises(AccessDenied):
            call()


def test_a_strategy_whose_review_day_came_without_an_answer_is_due(week):
    from plprofile.services.strategies import StrategyService

    service, ids = week["service"], week["ids"]
    strategies = StrategyService(service.store, service.stages)
    ben = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ids["Ben"])
    answered = strategies.start(ben, ids["Ben"], "visual_timer", date(2026, 2, 9), date(2026, 3, 2))
    strategies.answer(ben, answered.id, True, date(2026, 3, 2))
    strategies.start(ben, ids["Ben"], "chunking", date(2026, 2, 9), date(2026, 3, 5))
    strategies.start(ben, ids["Ben"], "headphones", date(2026, 2, 9), date(2026, 3, 20))  # not this week
    reviews = [(i.due_on, i.subject, i.tab) for i in service.due_list(week["one"], TODAY)
               if i.kind is DueKind.STRATEGY_REVIEW]
    assert reviews == [(date(2026, 3, 5), "Break long texts into small parts", "backpack")]
