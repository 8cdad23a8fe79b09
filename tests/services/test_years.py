"""A new school year: one transaction that keeps a read-only snapshot of every profile, closes the old year's
classes, and carries each open goal over (steps and evidence kept) or closes it with a reflection."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from plprofile.domain import policy
from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied, Action, Kind, Target
from plprofile.domain.profile import ValidationError
from plprofile.services.accounts import learner_actor
from plprofile.services.portable import PortableService
from plprofile.services.years import YearService
from plprofile.store.engine import DB_FILENAME
from plprofile.store.models import CheckIn, ClassMember, Evidence, Goal, Learner, SchoolClass, YearSnapshot
from tests.services.test_school import school  # noqa: F401  (the fixture: classes 5A and 5B, learners A-D)


@pytest.fixture
def year(school, store):  # noqa: F811
    """The school with goals: A's goal to carry (a step, evidence), A's goal to close, and a teacher-only note."""
    p, one, ids = school["profiles"], school["one"], school["ids"]
    a = learner_actor(p.learner_account(school["admin"], ids["A"]))
    carry = p.add_goal(a, ids["A"], "Read a chapter book")
    step = p.add_step(a, carry.id, "Pick a book")
    evidence = p.add_evidence(a, carry.id, d.EvidenceKind.NOTE, "Read 20 pages")
    p.add_checkin(a, carry.id, 3, "Going well")
    close = p.add_goal(a, ids["A"], "Learn to juggle")
    p.add_checkin(a, close.id, 2, "Still dropping balls")
    p.add_entry(one, ids["A"], d.Section.STRENGTHS, "Builds bridges")
    p.add_entry(one, ids["A"], d.Section.CHALLENGES, "PRIVATE family matter", teacher_only=True)
    return dict(school, a=a, carry=carry, step=step, evidence=evidence, close=close, years=YearService(store))


def test_the_preview_says_what_will_change_and_writes_nothing(year, store):
    before = store.data_stamp()
    plan = year["years"].preview_new_year(year["admin"], "2027-2028", date(2027, 8, 20))
    assert (plan.classes_closing, plan.snapshots) == (2, 4)
    assert [g.statement for g in plan.open_goals] == ["Read a chapter book", "Learn to juggle"]
    assert plan.open_goals[0].learner_name == "A Test"
    assert store.data_stamp() == before
    with pytest.raises(ValidationError):
        year["years"].preview_new_year(year["admin"], "  ", date(2027, 8, 20))
    with pytest.raises(AccessDenied) as refused:  # a teacher does not start the school's year
        year["years"].preview_new_year(year["one"], "2027-2028", date(2027, 8, 20))
    assert str(refused.value) == policy.SCHOOL_ADMINS


def test_a_new_year_keeps_snapshots_closes_classes_and_carries_or_closes_goals(year, store):
    years, admin, ids, p = year["years"], year["admin"], year["ids"], year["profiles"]
    exported = PortableService(store).export_profile(admin, ids["A"])  # the profile as the year ends
    plan = years.preview_new_year(admin, "2027-2028", date(2027, 8, 20))
    assert years.start_new_year(admin, plan, {year["close"].id: "I learnt three balls is enough for now"}) == 4
    assert years.current_year(admin) == "2027-2028"

    with store.session() as s:
        classes = s.execute(select(SchoolClass)).scalars().all()
        assert len(classes) == 2 and all(c.closed_at is not None and c.deleted_at is None for c in classes)
        assert s.execute(select(ClassMember).where(ClassMember.ended_at.is_(None))).scalars().all()  # kept
        carried = s.get(Goal, year["carry"].id)
        assert carried.status == d.GoalStatus.NOT_STARTED.value and carried.deleted_at is None
        assert [e.id for e in s.execute(select(Evidence).where(Evidence.goal_id == carried.id)).scalars()] == [
            year["evidence"].id]
        closed = s.get(Goal, year["close"].id)
        assert closed.status == d.GoalStatus.SET_ASIDE.value
        last = s.execute(select(CheckIn).where(CheckIn.goal_id == closed.id)
                         .order_by(CheckIn.created_at.desc())).scalars().first()
        assert (last.reflection, last.on_date, last.scale) == ("I learnt three balls is enough for now",
                                                               date(2027, 8, 20), 2)
        assert s.execute(select(YearSnapshot)).scalars().all().__len__() == 4
    view = p.load_profile(admin, ids["A"])
    carried_view = next(g for g in view.goals if g.goal.id == year["carry"].id)
    assert [st.id for st in carried_view.steps] == [year["step"].id]

    (snap,) = years.snapshots(admin, ids["A"])
    assert (snap.title, snap.taken_on) == ("2026-2027", date(2027, 8, 20))  # the store had no year: named
    document = years.snapshot(admin, snap.id)
    assert document["tables"] == exported["tables"] and document["learner"] == exported["learner"]
    juggling = next(g for g in document["tables"]["goal"] if g["id"] == str(year["close"].id))
    assert juggling["status"] == d.GoalStatus.NOT_STARTED.value  # as it stood, before it was closed


def test_a_snapshot_is_not_editable_by_anyone(year, store, tmp_path):
    years, admin, ids = year["years"], year["admin"], year["ids"]
    years.start_new_year(admin, years.preview_new_year(admin, "2027-2028", date(2027, 8, 20)))
    (snap,) = years.snapshots(admin, ids["A"])
    me = year["a"]
    assert years.snapshots(me, ids["A"]) == [snap]
    # the policy: read, and nothing else, for every role (a school admin included)
    target = Target(Kind.SNAPSHOT, learner_id=ids["A"], row_id=snap.id, class_scope=policy.ALL_STAFF)
    for actor in (admin, year["one"], me):
        assert policy.decide(actor, Action.READ, target)
        for action in Action:
            if action is not Action.READ:
                decision = policy.decide(actor, action, target, ["content"] if action is Action.UPDATE else ())
                assert not decision and decision.reason in (policy.YEAR_KEPT, policy.NOT_IN_CLASSES), action
    assert not any(name for name in dir(YearService) if not name.startswith("_")
                   and any(w in name for w in ("update", "edit", "delete", "change", "set")))
    # the file itself refuses a change to a snapshot, whoever writes it
    store.close()
    with sqlite3.connect(year_path := store.path) as con:
        with pytest.raises(sqlite3.IntegrityError, match="read-only"):
            con.execute("UPDATE year_snapshot SET content = '{}' WHERE id = ?", (snap.id.hex,))
    assert year_path.name == DB_FILENAME


def test_a_learner_reads_their_own_year_without_teacher_only_notes_and_nobody_elses(year, store):
    years, admin, ids, p = year["years"], year["admin"], year["ids"], year["profiles"]
    years.start_new_year(admin, years.preview_new_year(admin, "2027-2028", date(2027, 8, 20)))
    me = year["a"]
    (snap,) = years.snapshots(me, ids["A"])
    mine = years.snapshot(me, snap.id)
    texts = [e["text"] for e in mine["tables"]["profile_entry"]]
    assert "Builds bridges" in texts and not any("PRIVATE" in t for t in texts)
    assert any("PRIVATE" in e["text"] for e in years.snapshot(admin, snap.id)["tables"]["profile_entry"])
    b = learner_actor(p.learner_account(admin, ids["B"]))
    with pytest.raises(AccessDenied):
        years.snapshot(b, snap.id)
    with pytest.raises(AccessDenied):
        years.snapshots(b, ids["A"])


def test_a_teacher_reads_the_snapshots_of_their_learners_only(year, store):
    years, admin, ids, classes = year["years"], year["admin"], year["ids"], year["classes"]
    years.start_new_year(admin, years.preview_new_year(admin, "2027-2028", date(2027, 8, 20)))
    # the new year's class: Mr Two now teaches A
    six = classes.add_class(admin, "6A")
    classes.add_member(admin, six.id, learner_id=ids["A"])
    classes.add_member(admin, six.id, account_id=year["two"].account_id, role="teacher")
    (snap,) = years.snapshots(year["two"], ids["A"])  # their new teacher sees "last year"
    assert years.snapshot(year["two"], snap.id)["learner"]["given_name"] == "A"
    with pytest.raises(AccessDenied) as refused:  # last year's teacher no longer teaches A
        years.snapshots(year["one"], ids["A"])
    assert str(refused.value) == policy.NOT_IN_CLASSES


def test_a_stale_preview_or_a_wrong_goal_changes_nothing(year, store):
    years, admin, p = year["years"], year["admin"], year["profiles"]
    plan = years.preview_new_year(admin, "2027-2028", date(2027, 8, 20))
    p.add_goal(year["a"], year["ids"]["A"], "A goal added after the preview")
    with pytest.raises(ValidationError, match="changed since the preview"):
        years.start_new_year(admin, plan)
    plan = years.preview_new_year(admin, "2027-2028", date(2027, 8, 20))
    with pytest.raises(ValidationError):
        years.start_new_year(admin, plan, {year["ids"]["A"]: "not a goal"})
    with pytest.raises(ValidationError):  # closing asks for a reflection
        years.start_new_year(admin, plan, {year["close"].id: "   "})
    with store.session() as s:
        assert not s.execute(select(YearSnapshot)).first()
        assert all(c.closed_at is None for c in s.execute(select(SchoolClass)).scalars())
    years.start_new_year(admin, plan)
    with pytest.raises(ValidationError):  # a second year must start after this one
        years.preview_new_year(admin, "2026-2027", date(2026, 8, 20))




def _next_year_set() -> dict[str, bytes]:
    """The SIS's export of the next school year: 2027-2028, one new class 6A (Zoë and José, Ms Rivera)."""
    from tests import oneroster_sets as sets

    sessions = sets._csv("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
                         "y2028,active,,2027-2028,schoolYear,2027-08-15,2028-06-30,,2028")
    classes = sets._csv("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
                        "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
                        "cl-6a,active,,6A Maths,06,c-math,6A,scheduled,,org-1,y2028,,,")
    enrollments = sets._csv(
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,"
        "endDate",
        "f1,active,,cl-6a,org-1,u-zoe,student,,,", "f2,active,,cl-6a,org-1,u-jose,student,,,",
        "f3,active,,cl-6a,org-1,u-t1,teacher,true,,")
    files = sets.set_11()
    files.update({"academicSessions.csv": sessions, "classes.csv": classes, "enrollments.csv": enrollments})
    return files


def test_a_roster_of_a_newer_school_year_starts_it_in_the_same_transaction(store):
    from dataclasses import replace

    from plprofile.domain.oneroster import parse_oneroster
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.auth import AuthService
    from plprofile.services.profiles import ProfileService
    from plprofile.services.school import SchoolService
    from tests import oneroster_sets as sets

    admin = replace(teacher_actor(ensure_teacher(store, "School admin", kind="admin")), admin=True)
    roster, years = SchoolService(store), YearService(store)
    first = roster.preview_roster_set(admin, parse_oneroster(sets.set_11()))
    assert "snapshots_kept" not in first.counts  # the first roster only records its year
    roster.import_roster_set(admin, first)
    assert years.current_year(admin) == "2026-2027"
    profiles = ProfileService(store)
    sean = next(s for s in profiles.list_learners(admin) if s.given_name == "Seán")

    work = roster.preview_roster_set(admin, parse_oneroster(_next_year_set()))
    assert (work.counts["snapshots_kept"], work.counts["classes_closed"]) == (3, 2)
    assert "a new school year starts: 2027-2028" in str(work.warnings[0])
    counts = roster.import_roster_set(admin, work)
    assert counts["classes_added"] == 1
    assert years.current_year(admin) == "2027-2028"
    with store.session() as s:
        titles = {c.title: c.closed_at for c in s.execute(select(SchoolClass)).scalars()}
        assert titles["6A Maths"] is None and titles["5A Maths"] is not None and titles["5B Maths"] is not None
        assert {r.title for r in s.execute(select(YearSnapshot)).scalars()} == {"2026-2027"}
    (snap,) = years.snapshots(admin, sean.id)
    assert years.snapshot(admin, snap.id)["learner"]["given_name"] == "Seán"
    # Ms Rivera gets a password and, in the new year, sees her new class: Zoë and José, not Seán (in no class)
    auth = AuthService(store)
    rivera = next(a for a in auth.list_staff(admin) if a.display_name == "Ana Rivera")
    name = auth.set_staff_password(admin, rivera.id, "temporary words 1")
    teacher = auth.sign_in(name, "temporary words 1").actor
    assert sorted(s.given_name for s in profiles.list_learners(teacher)) == ["José", "Zoë"]


def _next_year_keeping_5a() -> dict[str, bytes]:
    """The next year's export lists 5A Maths again (the school keeps the class, now in 2027-2028) beside 6A."""
    from tests import oneroster_sets as sets

    files = _next_year_set()
    files["classes.csv"] = sets._csv(
        "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
        "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
        "cl-6a,active,,6A Maths,06,c-math,6A,scheduled,,org-1,y2028,,,",
        "cl-5a,active,,5A Maths,05,c-math,5A,scheduled,,org-1,y2028,,,")
    files["enrollments.csv"] = sets._csv(
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,"
        "endDate",
        "f1,active,,cl-6a,org-1,u-zoe,student,,,", "f2,active,,cl-6a,org-1,u-jose,student,,,",
        "f3,active,,cl-6a,org-1,u-t1,teacher,true,,",
        "e4,active,,cl-5a,org-1,u-sean,student,,,",  # Seán's membership, moved to 5A
        "e5,active,,cl-5a,org-1,u-t1,teacher,true,,")
    return files


@pytest.mark.parametrize("by_hand", [False, True], ids=["year-from-the-roster", "year-started-by-hand"])
def test_a_class_the_newer_roster_lists_again_is_open_in_the_new_year(store, by_hand):
    from dataclasses import replace

    from plprofile.domain.oneroster import parse_oneroster
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.school import SchoolService
    from plprofile.store.models import AcademicSession
    from tests import oneroster_sets as sets

    admin = replace(teacher_actor(ensure_teacher(store, "School admin", kind="admin")), admin=True)
    roster, years = SchoolService(store), YearService(store)
    roster.import_roster_set(admin, roster.preview_roster_set(admin, parse_oneroster(sets.set_11())))
    if by_hand:  # the year was started in the app before the SIS's export of it arrived
        years.start_new_year(admin, years.preview_new_year(admin, "2027-2028", date(2027, 8, 15)))
    roster.import_roster_set(admin, roster.preview_roster_set(admin, parse_oneroster(_next_year_keeping_5a())))
    with store.session() as s:
        classes = {c.title: c for c in s.execute(select(SchoolClass)).scalars()}
        new_year = s.execute(select(AcademicSession).where(AcademicSession.sourced_id == "y2028")).scalar_one()
    assert classes["5A Maths"].closed_at is None and classes["5A Maths"].session_id == new_year.id
    assert classes["5B Maths"].closed_at is not None  # not listed again: it stays closed
    assert sorted(c.title for c in roster.list_classes(admin)) == ["5A Maths", "6A Maths"]
    with store.session() as s:
        sean = s.execute(select(Learner.id).where(Learner.sourced_id == "u-sean")).scalar_one()
    assert roster.class_learners(admin, classes["5A Maths"].id) == {sean}  # Seán, in the reopened class
