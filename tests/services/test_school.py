"""Classes decide what a teacher sees: the learners of their classes; a school admin sees everyone; a store
without classes (every store from before) lets every teacher see every learner, as it always did. Once the
school has classes, a learner in none is seen by the school admins only, and a scope left out denies."""

from __future__ import annotations

import uuid

import pytest

from plprofile.domain import policy
from plprofile.domain.policy import AccessDenied, Action, Kind, Target
from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.services.school import AIDE, TEACHER, SchoolService
from plprofile.store import changes
from plprofile.store.models import Account


def _staff(store, name: str, kind: str = "teacher") -> Actor:
    with store.transaction() as s:
        account = Account(kind=kind, display_name=name)
        changes.create(s, store.device_id, account, teacher_actor(ensure_teacher(store)), None)
    return Actor(account_id=account.id, role=Role.TEACHER, admin=kind == "admin")


@pytest.fixture
def school(store):
    """Learners A, B (class 5A: Ms One teaches, Mr Aide helps), C (5B: Mr Two), D (in no class)."""
    profiles = ProfileService(store)
    first = teacher_actor(ensure_teacher(store))
    ids = {n: profiles.add_learner(first, given_name=n, family_name="Test").id for n in "ABCD"}
    admin, one, two, aide = (_staff(store, "Admin", "admin"), _staff(store, "Ms One"), _staff(store, "Mr Two"),
                             _staff(store, "Mr Aide"))
    classes = SchoolService(store)
    a5 = classes.add_class(admin, "5A")
    b5 = classes.add_class(admin, "5B")
    members = {n: classes.add_member(admin, a5.id, learner_id=ids[n]).id for n in "AB"}
    members["C"] = classes.add_member(admin, b5.id, learner_id=ids["C"]).id
    classes.add_member(admin, a5.id, account_id=one.account_id, role=TEACHER)
    classes.add_member(admin, a5.id, account_id=aide.account_id, role=AIDE)
    classes.add_member(admin, b5.id, account_id=two.account_id, role=TEACHER)
    return dict(profiles=profiles, classes=classes, ids=ids, admin=admin, one=one, two=two, aide=aide,
                first=first, a5=a5, b5=b5, members=members)


def _names(profiles, actor) -> list[str]:
    return sorted(s.given_name for s in profiles.list_learners(actor))


def test_a_store_without_classes_lets_every_teacher_see_every_learner(store):
    profiles = ProfileService(store)
    first = teacher_actor(ensure_teacher(store))
    for n in "AB":
        profiles.add_learner(first, given_name=n, family_name="Test")
    other = _staff(store, "Mr Other")
    assert _names(profiles, first) == _names(profiles, other) == ["A", "B"]
    learner = profiles.list_learners(other)[0]
    assert profiles.load_profile(other, learner.id).learner.given_name == learner.given_name


def test_teachers_see_the_learners_of_their_classes_and_an_admin_everyone(school):
    p = school["profiles"]
    assert _names(p, school["one"]) == ["A", "B"]  # D is in no class: the school admins' alone
    assert _names(p, school["aide"]) == ["A", "B"]
    assert _names(p, school["two"]) == ["C"]
    assert _names(p, school["admin"]) == ["A", "B", "C", "D"]
    assert p.load_profile(school["one"], school["ids"]["A"]).learner.given_name == "A"


def test_a_teacher_cannot_read_nor_change_a_learner_of_another_class(school, store):
    p, one, c = school["profiles"], school["one"], school["ids"]["C"]
    before = store.data_stamp()
    with pytest.raises(AccessDenied) as refused:
        p.load_profile(one, c)
    assert str(refused.value) == policy.NOT_IN_CLASSES
    with pytest.raises(AccessDenied):
        p.update_learner(one, c, given_name="Changed")
    with pytest.raises(AccessDenied):
        p.delete_learner(one, c)
    assert store.data_stamp() == before
    p.update_learner(school["admin"], c, preferred_name="Cee")  # an admin may


def test_a_learner_who_moves_class_moves_out_of_sight(school):
    p, classes, admin = school["profiles"], school["classes"], school["admin"]
    classes.end_member(admin, school["members"]["B"])
    classes.add_member(admin, school["b5"].id, learner_id=school["ids"]["B"])
    assert _names(p, school["one"]) == ["A"]
    assert _names(p, school["two"]) == ["B", "C"]
    assert p.load_profile(school["two"], school["ids"]["B"]).learner.given_name == "B"  # the profile followed


def test_only_a_school_admin_changes_classes(school):
    with pytest.raises(AccessDenied) as refused:
        school["classes"].add_class(school["one"], "6A")
    assert str(refused.value) == policy.SCHOOL_ADMINS
    views = school["classes"].list_classes(school["one"])
    assert [(v.title, v.learners, v.teaches) for v in views] == [("5A", 2, True), ("5B", 1, False)]


def test_the_policy_decides_from_the_class_scope_alone():
    me, other = uuid.uuid4(), uuid.uuid4()
    teacher, admin = Actor(me, Role.TEACHER), Actor(other, Role.TEACHER, admin=True)
    theirs = Target(Kind.GOAL, learner_id=uuid.uuid4(), class_scope=frozenset({other}))
    mine = Target(Kind.GOAL, learner_id=uuid.uuid4(), class_scope=frozenset({me}))
    no_classes_yet = Target(Kind.GOAL, learner_id=uuid.uuid4(), class_scope=policy.ALL_STAFF)
    in_no_class = Target(Kind.GOAL, learner_id=uuid.uuid4(), class_scope=frozenset())
    forgotten = Target(Kind.GOAL, learner_id=uuid.uuid4())  # a service that forgot to ask who teaches them
    assert not policy.decide(teacher, Action.READ, theirs)
    assert policy.decide(teacher, Action.READ, mine) and policy.decide(teacher, Action.READ, no_classes_yet)
    for refused in (in_no_class, forgotten):
        for action, fields in ((Action.READ, ()), (Action.UPDATE, ["statement"]), (Action.DELETE, ())):
            decision = policy.decide(teacher, action, refused, fields)
            assert not decision and decision.reason == policy.NOT_IN_CLASSES
    assert policy.decide(admin, Action.READ, forgotten)  # a school admin's rules are not the class's
    assert policy.decide(Actor(me, Role.TEACHER, admin=True), Action.READ, theirs)
    assert policy.decide(admin, Action.UPDATE, theirs, ["statement"])


def test_a_teacher_cannot_assess_nor_set_the_pin_of_a_learner_of_another_class(school, store):
    from datetime import date

    from argon2 import PasswordHasher

    from plprofile.domain.progress import ElementRating
    from plprofile.services.auth import AuthService
    from plprofile.services.stages import StagesService

    p, one, c, a = school["profiles"], school["one"], school["ids"]["C"], school["ids"]["A"]
    stages = StagesService(store, p)
    auth = AuthService(store, PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    before = store.data_stamp()
    for refused in (lambda: stages.record_assessment(one, c, date(2026, 11, 2), [ElementRating("voice", agreed=2.0)]),
                    lambda: auth.set_learner_pin(one, c, "2468"), lambda: auth.suggest_username(one, c)):
        with pytest.raises(AccessDenied) as err:
            refused()
        assert str(err.value) == policy.NOT_IN_CLASSES
    assert store.data_stamp() == before
    stages.record_assessment(one, a, date(2026, 11, 2), [ElementRating("voice", agreed=2.0)])  # their own class
    auth.set_learner_pin(one, a, "2468")


def test_a_teacher_with_classes_sees_only_their_learners_in_every_read_path(school, store):
    """The list, the search, picking a learner by name (``--learner``, the command line's names), history,
    the family summary, the portable export and the class overview (figures, who is due, histories)."""
    from datetime import date, timedelta

    from plprofile.domain.progress import ElementRating
    from plprofile.domain.search import query_words
    from plprofile.services.portable import PortableService
    from plprofile.services.report import build_summary, pick_learner
    from plprofile.services.stages import StagesService

    p, one, admin, ids = school["profiles"], school["one"], school["admin"], school["ids"]
    stages = StagesService(store, p)
    for n in "ABCD":  # everyone assessed once, C and D twice
        for day in (date(2026, 9, 1), date(2026, 10, 1))[: 2 if n in "CD" else 1]:
            stages.record_assessment(admin, ids[n], day, [ElementRating("voice", agreed=2.0)])
        p.add_conference(admin, ids[n], date(2026, 10, 2))

    listed = p.class_list(one)
    assert sorted(s.given_name for s in listed.learners) == ["A", "B"]
    found = [s.given_name for s, key in zip(listed.learners, listed.search_keys, strict=True)
             if all(w in key for w in query_words("c test"))]
    assert found == []  # C is in the store, not in Ms One's search
    with pytest.raises(LookupError):
        pick_learner(p.list_learners(one), "C Test")
    assert pick_learner(p.list_learners(admin), "C Test").id == ids["C"]

    refusals = [
        lambda: p.history(one, ids["C"]),
        lambda: stages.history(one, ids["C"]),
        lambda: build_summary(p, stages, one, ids["C"]),
        lambda: PortableService(store).export_profile(one, ids["C"]),
        lambda: p.history(one, ids["D"]),  # in no class
    ]
    for refused in refusals:
        with pytest.raises(AccessDenied) as err:
            refused()
        assert str(err.value) == policy.NOT_IN_CLASSES
    assert p.history(one, ids["A"]) and build_summary(p, stages, one, ids["A"]).learner_name

    today = date(2026, 11, 1)
    mine, everyone = stages.class_summary(one, today=today), stages.class_summary(admin, today=today)
    assert (mine.learners, mine.assessed) == (2, 2)
    assert (everyone.learners, everyone.assessed) == (4, 4)
    assert sum(mine.now["voice"].values()) == 2 and sum(everyone.now["voice"].values()) == 4
    assert sorted(stages.class_histories(one)) == sorted(str(ids[n]) for n in "AB")
    assert sum(len(h) for h in stages.class_histories(one).values()) == 2
    assert sorted(stages.last_assessed(one)) == sorted(str(ids[n]) for n in "AB")
    due = stages.not_assessed(one, today - timedelta(weeks=1))
    assert sorted(s.given_name for s, _ in due) == ["A", "B"]
    summary, due_again = stages.class_overview(one, today - timedelta(weeks=1), today=today)
    assert summary.learners == 2 and len(due_again) == 2
    assert len(stages.not_assessed(admin, today - timedelta(weeks=1))) == 4


def test_what_the_window_offers_follows_the_class_scope(school):
    """``may`` (what a profile on screen offers) asks with the learner's class scope: a teacher is offered
    their own learner's rows, not another class's, and a learner in no class is the school admins'."""
    p, one, admin, ids = school["profiles"], school["one"], school["admin"], school["ids"]
    goals = {n: p.add_goal(admin, ids[n], f"Goal of {n}") for n in "ACD"}
    assert p.may(one, Action.UPDATE, goals["A"])
    assert not p.may(one, Action.UPDATE, goals["C"]) and not p.may(one, Action.UPDATE, goals["D"])
    assert p.may(admin, Action.UPDATE, goals["C"]) and p.may(school["two"], Action.READ, goals["C"])


def test_one_learners_class_scope_is_the_schools_reading_of_them(school, store):
    """``class_scope`` (one learner: a device's push, a learner's pull) and ``class_scopes`` (every learner at
    once) give the same answer for each learner: taught, helped, in a class without staff, in no class; and
    while the school has no open class at all, every staff account."""
    from plprofile.services.access import ALL_STAFF, class_scope, class_scopes

    classes, admin = school["classes"], school["admin"]
    empty = classes.add_class(admin, "6C")  # a class with a learner and no staff
    e = school["profiles"].add_learner(admin, given_name="E", family_name="Test").id
    classes.add_member(admin, empty.id, learner_id=e)
    learners = [*school["ids"].values(), e]
    with store.session() as s:
        every = class_scopes(s)
        one = {i: class_scope(s, i) for i in learners}
    assert one == {i: every.get(i, frozenset()) for i in learners}
    assert one[school["ids"]["A"]] == {school["one"].account_id, school["aide"].account_id}
    assert one[e] == frozenset() and one[school["ids"]["D"]] == frozenset()
    from plprofile.store.models import SchoolClass
    from plprofile.store.types import utcnow

    with store.transaction() as s:  # the year's classes closed (as a new roster does)
        for klass in s.query(SchoolClass).all():
            klass.closed_at = utcnow()
    with store.session() as s:
        assert class_scopes(s) is ALL_STAFF
        assert all(class_scope(s, i) is ALL_STAFF for i in learners)
