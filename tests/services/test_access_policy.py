"""Every public service method, called by every role on every kind of row: allowed or refused as the policy
table says (docs/access.md), and a refusal changes nothing in the store.

The methods are found by introspection, so a new public method without a line in ``CALLS`` fails this test.
"""

from __future__ import annotations

import inspect
import json
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from plprofile import RESOURCES
from plprofile.domain import policy
from plprofile.domain import profile as d
from plprofile.domain.evidence_files import Media, Prepared
from plprofile.domain.oneroster import parse_oneroster
from plprofile.domain.policy import AccessDenied, Action, Kind, Target
from plprofile.domain.profile import Actor, Role, ValidationError
from plprofile.domain.progress import ElementRating
from plprofile.domain.roster import RosterRow
from plprofile.services.accounts import learner_actor, teacher_actor
from plprofile.services.auth import AuthService
from plprofile.services.decisions import Choice, DecisionService
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.family import FamilyService
from plprofile.services.oneroster import Plan
from plprofile.services.portable import PortableService
from plprofile.services.profiles import ProfileService
from plprofile.services.questions import QuestionService
from plprofile.services.school import SchoolService
from plprofile.services.school_calendar import CalendarService
from plprofile.services.snapshot import SnapshotService
from plprofile.services.stages import StagesService
from plprofile.services.strategies import StrategyService
from plprofile.services.sync_files import SyncFileService
from plprofile.services.week import WeekService
from plprofile.services.years import YearPlan, YearService
from plprofile.store import changes
from plprofile.store.engine import DB_FILENAME, open_store
from plprofile.store.models import (
    Account,
    ActionStep,
    Assessment,
    BackpackItem,
    CheckIn,
    ChoiceOption,
    Conference,
    Evidence,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
)
from tests import oneroster_sets
from tests.evidence_samples import wav

SERVICES = (ProfileService, StagesService, AuthService, SchoolService, PortableService, SnapshotService, WeekService,
            StrategyService, YearService, CalendarService, EvidenceFileService, FamilyService, DecisionService,
            SyncFileService, QuestionService)
ROLES = ("teacher", "own", "other", "signed_out")  # a teacher; learner A on A's rows; learner B on A's rows


def _hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@dataclass
class World:
    """A store with a teacher, learners A and B, and one row of every kind in A's profile."""

    data: Path
    teacher: Actor
    a: Actor
    b: Actor
    ids: dict[str, uuid.UUID]

    def open(self):  # noqa: ANN201
        store = open_store(self.data)
        profiles = ProfileService(store)
        return store, profiles, StagesService(store, profiles), AuthService(store, _hasher())


def _build(data: Path) -> World:
    store = open_store(data)
    profiles, auth = ProfileService(store), AuthService(store, _hasher())
    stages = StagesService(store, profiles)
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    teacher = auth.sign_in("rivera", "correct horse battery").actor
    second = auth.add_teacher(teacher, "Mr Ode", "ode", "another long password")
    la = profiles.add_learner(teacher, given_name="Amara", family_name="Okafor", group_name="5A")
    lb = profiles.add_learner(teacher, given_name="Bruno", family_name="Silva", group_name="5B")
    auth.set_learner_pin(teacher, la.id, "2468", "amara")
    auth.set_learner_pin(teacher, lb.id, "1357", "bruno")
    a = learner_actor(profiles.learner_account(teacher, la.id))
    b = learner_actor(profiles.learner_account(teacher, lb.id))
    own_entry = profiles.add_entry(a, la.id, d.Section.STRENGTHS, "I build bridges from paper")
    teacher_entry = profiles.add_entry(teacher, la.id, d.Section.STRENGTHS, "Patient with others")
    note = profiles.add_entry(teacher, la.id, d.Section.CHALLENGES, "PRIVATE: family matter", teacher_only=True)
    on_note = profiles.suggest_change(teacher, note.id, "PRIVATE: suggestion on the note")
    suggestion = profiles.suggest_change(teacher, own_entry.id, "You build strong bridges")
    item = profiles.add_backpack_item(a, la.id, "Headphones", d.BackpackKind.TOOL)
    linked = profiles.add_backpack_item(teacher, la.id, "Quiet corner", d.BackpackKind.STRATEGY, challenge_id=note.id)
    choice = profiles.add_choice(a, la.id, d.ChoiceDimension.HOW, d.ChoiceAvailability.ASKED, "Draw it")
    goal = profiles.add_goal(a, la.id, "Read a chapter book")
    teacher_goal = profiles.add_goal(teacher, la.id, "Join the science club")
    step = profiles.add_step(a, goal.id, "Pick a book")
    evidence = profiles.add_evidence(a, goal.id, d.EvidenceKind.NOTE, "Read 20 pages")
    checkin = profiles.add_checkin(a, goal.id, 3, "Going well")
    file_evidence = EvidenceFileService(store, profiles).attach(
        a, goal.id, Prepared("plan.pdf", Media.PDF, b"%PDF-1.4 my plan"))
    profiles.set_supports(a, goal.id, [item.id])
    conference = profiles.add_conference(teacher, la.id, date(2026, 11, 2), notes="Talked about reading")
    assessment = stages.record_assessment(teacher, la.id, date(2026, 11, 2), [ElementRating("voice", agreed=2.0)])
    b_entry = profiles.add_entry(b, lb.id, d.Section.STRENGTHS, "Football")
    question = QuestionService(store, stages).ask(teacher, [la.id], "What are you proud of this week?")[0]
    recorded = QuestionService(store, stages).answer(a, question.id, "", recording=Prepared(
        "me.wav", Media.WAV, wav(b"A's answer")))
    with store.session() as s:
        support = s.exec(select(GoalSupport).where(GoalSupport.goal_id == goal.id)).one()
    with store.transaction() as s:  # a year's snapshot of A's profile, as a year change keeps it
        from plprofile.store.models import YearSnapshot

        snapshot = YearSnapshot(learner_id=la.id, title="2025-2026", taken_on=date(2026, 8, 20), content=json.dumps(
            {"format": "plprofile-profile", "schema_version": 1, "learner": {}, "account": None,
             "tables": {"profile_entry": [], "backpack_item": []}}))
        s.add(snapshot)
    conflicts = {}
    with store.transaction() as s:  # two versions written at once on two devices, as sync's merge keeps them
        from plprofile.store.models import SyncConflict

        for key, row_id, entity, field, kept, lost, role in (
                ("conflict_own", own_entry.id, "profile_entry", "text", "I build bridges from paper",
                 "I build paper bridges", "learner"),
                ("conflict_goal", teacher_goal.id, "goal", "statement", "Join the science club", "Join a club",
                 "teacher"),
                ("conflict_note", note.id, "profile_entry", "text", "PRIVATE: family matter",
                 "PRIVATE: the other version", "teacher")):
            conflict = SyncConflict(learner_id=la.id, entity=entity, entity_id=row_id, field=field, kept_value=kept,
                                    kept_author_role=role, lost_value=lost, lost_change_id=uuid.uuid4(),
                                    lost_author_role="teacher")
            s.add(conflict)
            conflicts[key] = conflict.id
    ids = dict(
        a=la.id, b=lb.id, own_entry=own_entry.id, teacher_entry=teacher_entry.id, note=note.id, on_note=on_note.id,
        suggestion=suggestion.id, item=item.id, linked=linked.id, choice=choice.id, goal=goal.id,
        teacher_goal=teacher_goal.id, step=step.id, evidence=evidence.id, checkin=checkin.id, support=support.id,
        conference=conference.id, assessment=uuid.UUID(str(assessment.id)), b_entry=b_entry.id,
        teacher_account=teacher.account_id, second_teacher=second.id, a_account=a.account_id,
        b_account=b.account_id, snapshot=snapshot.id, file_evidence=file_evidence.id, **conflicts,
        question=question.id, recorded=recorded.id,
    )
    store.close()
    return World(data, teacher, a, b, ids)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> World:
    return _build(tmp_path_factory.mktemp("template") / "data")


@pytest.fixture
def world(template: World, tmp_path: Path) -> World:
    """A fresh copy of the template store for one test."""
    data = tmp_path / "data"
    shutil.copytree(template.data, data)
    return World(data, template.teacher, template.a, template.b, template.ids)


def dump(data: Path) -> list[str]:
    """Every row of the store, as SQL text (what a refusal must leave exactly as it was)."""
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        return [line for line in con.iterdump() if not line.startswith("INSERT INTO \"meta\"")]
    finally:
        con.close()


# ---- what each public method is called with, and who may -----------------------------------------------------
# Each case: (label, call(services, actor, ids), who is allowed among ROLES). The rows are learner A's; "own" is
# learner A, "other" is learner B. A case is the policy table (README, "Who may do what") written out by hand.
S = tuple  # (store, profiles, stages, auth)
Call = Callable[[S, Actor, dict], object]
T_ONLY = {"teacher"}
T_OWN = {"teacher", "own"}
ALL = {"teacher", "own", "other"}


def _new_profile() -> dict:
    """A profile document of a learner this store does not hold (nothing in it but the learner)."""
    from plprofile.services import portable

    stamp = "2026-01-05T10:00:00+00:00"
    learner = {"id": str(uuid.uuid4()), "created_at": stamp, "updated_at": stamp, "author_id": None,
               "author_role": "teacher", "deleted_at": None, "version": 1, "given_name": "Noor",
               "family_name": "Haddad", "preferred_name": "Noor", "pronouns": "", "grade": "5", "group_name": "5A",
               "external_id": None}
    assert set(learner) == set(portable.columns(Learner))
    return {"format": portable.FORMAT, "schema_version": portable.SCHEMA_VERSION, "learner": learner,
            "account": None, "tables": {m.__tablename__: [] for m in portable.TABLES}}


def _existing_profile(learner_id) -> dict:  # noqa: ANN001
    """A profile document of a learner this store holds (to merge into)."""
    document = _new_profile()
    document["learner"]["id"] = str(learner_id)
    return document


def _framework_bytes() -> bytes:
    return (RESOURCES / "frameworks" / "default-stages.json").read_bytes()


def _row(store, model, row_id):  # noqa: ANN001, ANN202
    with store.session() as session:
        return session.get(model, row_id)


def _fresh(store) -> Path:  # noqa: ANN001
    """A file name next to the store that is not taken."""
    return Path(store.path).parent.parent / f"changes-{uuid.uuid4().hex}.plpx"


def _bundle_of(store, learner_id) -> Path:  # noqa: ANN001
    """A file of every change about ``learner_id``, as a teacher saves one for the learner's device."""
    from plprofile.sync.bundle import export_bundle

    path = _fresh(store)
    export_bundle(store, path, "a long passphrase", every=True, learner_id=learner_id)
    return path


def _not_temporary(call: Callable[[], object]) -> None:
    """``choose_password`` by someone allowed whose password is their own: refused as not temporary."""
    with pytest.raises(ValidationError):
        call()


CALLS: dict[str, list[tuple[str, Call, set[str]]]] = {
    "ProfileService.may": [("asks only", lambda s, a, i: s[1].may(a, Action.DELETE, _row(s[0], Goal, i["goal"])),
                            ALL)],
    "ProfileService.list_learners": [("own list", lambda s, a, i: s[1].list_learners(a), ALL)],
    "PortableService.export_profile": [("A", lambda s, a, i: PortableService(s[0]).export_profile(a, i["a"]),
                                        T_ONLY)],
    "PortableService.import_profile": [("new", lambda s, a, i: PortableService(s[0]).import_profile(
        a, _new_profile()), T_ONLY)],
    "PortableService.merge_profile": [("A", lambda s, a, i: PortableService(s[0]).merge_profile(
        a, _existing_profile(i["a"])), T_ONLY)],
    "ProfileService.class_list": [("class", lambda s, a, i: s[1].class_list(a), T_ONLY)],
    "ProfileService.forget_class_list": [("class", lambda s, a, i: s[1].forget_class_list(a), T_ONLY)],
    "ProfileService.groups": [("class", lambda s, a, i: s[1].groups(a), T_ONLY)],
    "ProfileService.add_learner": [("new", lambda s, a, i: s[1].add_learner(a, given_name="N", family_name="M"),
                                    T_ONLY)],
    "ProfileService.import_roster": [("roster", lambda s, a, i: s[1].import_roster(
        a, [RosterRow(line=2, given_name="N", family_name="M", preferred_name="", grade="", group="",
                      external_id="", pronouns="")]), T_ONLY)],
    "ProfileService.get_learner": [("A", lambda s, a, i: s[1].get_learner(a, i["a"]), T_OWN)],
    "ProfileService.update_learner": [
        ("preferred name", lambda s, a, i: s[1].update_learner(a, i["a"], preferred_name="Ama"), T_OWN),
        ("given name", lambda s, a, i: s[1].update_learner(a, i["a"], given_name="X"), T_ONLY),
    ],
    "ProfileService.delete_learner": [("A", lambda s, a, i: s[1].delete_learner(a, i["a"]), T_ONLY)],
    "ProfileService.restore_learner": [("A", lambda s, a, i: s[1].restore_learner(a, i["a"]), T_ONLY)],
    "ProfileService.purge_learner": [("A", lambda s, a, i: s[1].purge_learner(a, i["a"]), T_ONLY)],
    "ProfileService.learner_account": [("A's", lambda s, a, i: s[1].learner_account(a, i["a"]), T_OWN)],
    "ProfileService.load_profile": [("A", lambda s, a, i: s[1].load_profile(a, i["a"]), T_OWN)],
    "ProfileService.add_entry": [
        ("words", lambda s, a, i: s[1].add_entry(a, i["a"], d.Section.INTERESTS, "Maps"), T_OWN),
        ("teacher-only", lambda s, a, i: s[1].add_entry(a, i["a"], d.Section.INTERESTS, "x", teacher_only=True),
         T_ONLY),
    ],
    "ProfileService.suggest_change": [
        ("own words", lambda s, a, i: s[1].suggest_change(a, i["own_entry"], "Better"), T_ONLY),
        ("teacher-only", lambda s, a, i: s[1].suggest_change(a, i["note"], "Better"), T_ONLY),
    ],
    "ProfileService.edit_entry": [
        ("own words", lambda s, a, i: s[1].edit_entry(a, i["own_entry"], "Bridges and towers"), T_OWN - {"teacher"}),
        ("teacher's", lambda s, a, i: s[1].edit_entry(a, i["teacher_entry"], "Kind"), T_OWN),
        ("teacher-only", lambda s, a, i: s[1].edit_entry(a, i["note"], "PRIVATE: x"), T_ONLY),
    ],
    "ProfileService.accept_suggestion": [
        ("on own words", lambda s, a, i: s[1].accept_suggestion(a, i["suggestion"]), {"own"}),
        ("on teacher-only", lambda s, a, i: s[1].accept_suggestion(a, i["on_note"]), set()),
    ],
    "ProfileService.decline_suggestion": [
        ("on own words", lambda s, a, i: s[1].decline_suggestion(a, i["suggestion"]), {"own"}),
        ("on teacher-only", lambda s, a, i: s[1].decline_suggestion(a, i["on_note"]), set()),
    ],
    "ProfileService.set_agreement": [
        ("teacher's entry", lambda s, a, i: s[1].set_agreement(a, ProfileEntry, i["teacher_entry"],
                                                               d.Agreement.AGREED), {"own"}),
        ("own goal", lambda s, a, i: s[1].set_agreement(a, Goal, i["goal"], d.Agreement.AGREED), T_OWN),
    ],
    "ProfileService.delete_row": [
        ("own words", lambda s, a, i: s[1].delete_row(a, ProfileEntry, i["own_entry"]), {"own"}),
        ("teacher's words", lambda s, a, i: s[1].delete_row(a, ProfileEntry, i["teacher_entry"]), T_ONLY),
        ("teacher-only", lambda s, a, i: s[1].delete_row(a, ProfileEntry, i["note"]), T_ONLY),
        ("own goal", lambda s, a, i: s[1].delete_row(a, Goal, i["goal"]), T_OWN),
        ("teacher's goal", lambda s, a, i: s[1].delete_row(a, Goal, i["teacher_goal"]), T_ONLY),
        ("step", lambda s, a, i: s[1].delete_row(a, ActionStep, i["step"]), T_OWN),
        ("evidence", lambda s, a, i: s[1].delete_row(a, Evidence, i["evidence"]), T_OWN),
        ("backpack", lambda s, a, i: s[1].delete_row(a, BackpackItem, i["item"]), T_OWN),
        ("choice", lambda s, a, i: s[1].delete_row(a, ChoiceOption, i["choice"]), T_OWN),
        ("support", lambda s, a, i: s[1].delete_row(a, GoalSupport, i["support"]), T_OWN),
        ("check-in", lambda s, a, i: s[1].delete_row(a, CheckIn, i["checkin"]), T_ONLY),
        ("conference", lambda s, a, i: s[1].delete_row(a, Conference, i["conference"]), T_ONLY),
        ("assessment", lambda s, a, i: s[1].delete_row(a, Assessment, i["assessment"]), T_ONLY),
        ("learner row", lambda s, a, i: s[1].delete_row(a, Learner, i["a"]), T_ONLY),
        ("teacher account", lambda s, a, i: s[1].delete_row(a, Account, i["second_teacher"]), T_ONLY),
        ("learner account", lambda s, a, i: s[1].delete_row(a, Account, i["a_account"]), set()),
    ],
    "ProfileService.add_backpack_item": [
        ("plain", lambda s, a, i: s[1].add_backpack_item(a, i["a"], "Timer", d.BackpackKind.TOOL), T_OWN),
        ("linked to teacher-only", lambda s, a, i: s[1].add_backpack_item(
            a, i["a"], "Timer", d.BackpackKind.TOOL, challenge_id=i["note"]), T_ONLY),
    ],
    "ProfileService.add_choice": [("asked", lambda s, a, i: s[1].add_choice(
        a, i["a"], d.ChoiceDimension.PACE, d.ChoiceAvailability.ASKED, "Slower"), T_OWN)],
    "ProfileService.add_goal": [("goal", lambda s, a, i: s[1].add_goal(a, i["a"], "Swim 50 m"), T_OWN)],
    "ProfileService.update_goal": [
        ("status", lambda s, a, i: s[1].update_goal(a, i["goal"], status=d.GoalStatus.IN_PROGRESS), T_OWN),
        ("moved to B", lambda s, a, i: s[1].update_goal(a, i["goal"], learner_id=i["b"]), set()),
        ("agreement", lambda s, a, i: s[1].update_goal(a, i["goal"], agreement="agreed"), set()),
    ],
    "ProfileService.add_step": [("step", lambda s, a, i: s[1].add_step(a, i["goal"], "Ask the librarian"), T_OWN)],
    "ProfileService.set_step_done": [("done", lambda s, a, i: s[1].set_step_done(a, i["step"], True), T_OWN)],
    "ProfileService.set_supports": [("none", lambda s, a, i: s[1].set_supports(a, i["goal"], []), T_OWN)],
    "ProfileService.add_evidence": [("note", lambda s, a, i: s[1].add_evidence(
        a, i["goal"], d.EvidenceKind.NOTE, "Finished it"), T_OWN)],
    "ProfileService.add_checkin": [("check-in", lambda s, a, i: s[1].add_checkin(a, i["goal"], 4), T_OWN)],
    "ProfileService.add_conference": [("conference", lambda s, a, i: s[1].add_conference(
        a, i["a"], date(2026, 12, 1)), T_ONLY)],
    "ProfileService.update_conference": [
        ("notes", lambda s, a, i: s[1].update_conference(a, i["conference"], notes="More"), T_ONLY),
        ("moved to B", lambda s, a, i: s[1].update_conference(a, i["conference"], learner_id=i["b"]), set()),
    ],
    "ProfileService.history": [("A", lambda s, a, i: s[1].history(a, i["a"]), T_OWN)],
    "ProfileService.author_names": [("A", lambda s, a, i: s[1].author_names(a, i["a"]), T_OWN)],
    "StagesService.active_framework": [("read", lambda s, a, i: s[2].active_framework(a), ALL)],
    "StagesService.framework_for": [("read", lambda s, a, i: s[2].framework_for(a, "x", "1"), ALL)],
    "StagesService.install_framework": [("install", lambda s, a, i: s[2].install_framework(
        a, _framework_bytes()), T_ONLY)],
    "StagesService.use_default_framework": [("default", lambda s, a, i: s[2].use_default_framework(a), T_ONLY)],
    "StagesService.record_assessment": [
        ("self-assessment", lambda s, a, i: s[2].record_assessment(
            a, i["a"], date(2026, 12, 1), [ElementRating("voice", learner=2.0)]), T_OWN),
        ("agreed value", lambda s, a, i: s[2].record_assessment(
            a, i["a"], date(2026, 12, 1), [ElementRating("voice", agreed=2.0)]), T_ONLY),
    ],
    "StagesService.history": [("A", lambda s, a, i: s[2].history(a, i["a"]), T_OWN)],
    "StagesService.class_histories": [("class", lambda s, a, i: s[2].class_histories(a), T_ONLY)],
    "StagesService.class_summary": [("class", lambda s, a, i: s[2].class_summary(a), T_ONLY)],
    "StagesService.class_overview": [("class", lambda s, a, i: s[2].class_overview(a, date(2026, 12, 1)), T_ONLY)],
    "StagesService.warm_class": [("class", lambda s, a, i: s[2].warm_class(a), T_ONLY)],
    "StagesService.class_element_over_time": [("class", lambda s, a, i: s[2].class_element_over_time(a, "voice"),
                                               T_ONLY)],
    "StagesService.last_assessed": [("class", lambda s, a, i: s[2].last_assessed(a), T_ONLY)],
    "StagesService.not_assessed": [("class", lambda s, a, i: s[2].not_assessed(a, date(2026, 12, 1)), T_ONLY)],
    "StagesService.goal_timeline": [("A", lambda s, a, i: s[2].goal_timeline(a, i["a"]), T_OWN)],
    "AuthService.add_teacher": [("new", lambda s, a, i: s[3].add_teacher(a, "New", "newbie", "long password!"),
                                 T_ONLY)],
    "AuthService.change_password": [("own", lambda s, a, i: s[3].change_password(
        a, "correct horse battery", "a new long password"), T_ONLY)],
    "AuthService.suggest_username": [("A", lambda s, a, i: s[3].suggest_username(a, i["a"]), T_ONLY)],
    "AuthService.set_learner_pin": [("A", lambda s, a, i: s[3].set_learner_pin(a, i["a"], "9999"), T_ONLY)],
    "AuthService.unlock": [
        ("A's account", lambda s, a, i: s[3].unlock(a, i["a_account"]), T_ONLY),
        ("a teacher's", lambda s, a, i: s[3].unlock(a, i["second_teacher"]), set()),
    ],
    "AuthService.learner_sign_in_name": [("A", lambda s, a, i: s[3].learner_sign_in_name(a, i["a"]), T_OWN)],
    "AuthService.verify_actor": [("self", lambda s, a, i: s[3].verify_actor(a, "wrong secret"), ALL)],
    "AuthService.list_staff": [("staff", lambda s, a, i: s[3].list_staff(a), T_ONLY)],
    "AuthService.set_staff_password": [("a teacher's", lambda s, a, i: s[3].set_staff_password(
        a, i["second_teacher"], "a long new password"), set())],
    "AuthService.choose_password": [("own", lambda s, a, i: _not_temporary(lambda: s[3].choose_password(
        a, "a new long password")), T_ONLY)],
    # the school's structure: staff read it, only a school admin changes it (a teacher here is not one)
    "SchoolService.list_classes": [("classes", lambda s, a, i: s[4].list_classes(a), T_ONLY)],
    "SchoolService.class_learners": [("any", lambda s, a, i: s[4].class_learners(a, uuid.uuid4()), T_ONLY)],
    "SchoolService.add_class": [("new", lambda s, a, i: s[4].add_class(a, "6A"), set())],
    "SchoolService.add_member": [("A", lambda s, a, i: s[4].add_member(a, uuid.uuid4(), learner_id=i["a"]),
                                  set())],
    "SchoolService.end_member": [("any", lambda s, a, i: s[4].end_member(a, uuid.uuid4()), set())],
    "SchoolService.preview_roster_set": [("set", lambda s, a, i: s[4].preview_roster_set(
        a, parse_oneroster(oneroster_sets.set_11())), set())],
    "YearService.current_year": [("year", lambda s, a, i: YearService(s[0]).current_year(a), T_ONLY)],
    "YearService.preview_new_year": [("new", lambda s, a, i: YearService(s[0]).preview_new_year(
        a, "2027-2028", date(2027, 8, 20)), set())],
    "YearService.start_new_year": [("new", lambda s, a, i: YearService(s[0]).start_new_year(
        a, YearPlan("2027-2028", date(2027, 8, 20), "", None, 0, 0)), set())],
    "YearService.snapshots": [("A", lambda s, a, i: YearService(s[0]).snapshots(a, i["a"]), T_OWN)],
    "YearService.snapshot": [("A's", lambda s, a, i: YearService(s[0]).snapshot(a, i["snapshot"]), T_OWN)],
    "SchoolService.import_roster_set": [("set", lambda s, a, i: s[4].import_roster_set(a, Plan()), set())],
    # the teacher's week: class figures, staff only
    "SnapshotService.scope": [("all", lambda s, a, i: SnapshotService(s[0], s[1], s[2]).scope(a), T_ONLY)],
    "SnapshotService.option_framework": [("fw", lambda s, a, i: SnapshotService(s[0], s[1], s[2]).option_framework(a),
                                          T_ONLY)],
    "SnapshotService.class_snapshot": [("all", lambda s, a, i: SnapshotService(s[0], s[1], s[2]).class_snapshot(a),
                                        T_ONLY)],
    "WeekService.cadence": [("own", lambda s, a, i: WeekService(s[0], s[1], s[2]).cadence(a), T_ONLY)],
    "WeekService.set_cadence": [("own", lambda s, a, i: WeekService(s[0], s[1], s[2]).set_cadence(a, 4), T_ONLY)],
    "WeekService.move_conference": [("A", lambda s, a, i: WeekService(s[0], s[1], s[2]).move_conference(
        a, i["a"], date(2026, 3, 2)), T_ONLY)],
    "WeekService.week_plan": [("all", lambda s, a, i: WeekService(s[0], s[1], s[2]).week_plan(a, date(2026, 3, 2)),
                               T_ONLY)],
    "StrategyService.bank": [("bank", lambda s, a, i: StrategyService(s[0], s[2]).bank(a), ALL)],
    "StrategyService.uses": [("A", lambda s, a, i: StrategyService(s[0], s[2]).uses(a, i["a"]), T_OWN)],
    "StrategyService.start": [("A", lambda s, a, i: StrategyService(s[0], s[2]).start(
        a, i["a"], "chunking", date(2026, 3, 2)), T_OWN)],
    "StrategyService.answer": [("A's new use", lambda s, a, i: StrategyService(s[0], s[2]).answer(
        a, StrategyService(s[0], s[2]).start(a, i["a"], "chunking", date(2026, 3, 2)).id, True, date(2026, 3, 9)),
        T_OWN)],
    "WeekService.feed_seen_at": [("own", lambda s, a, i: WeekService(s[0], s[1], s[2]).feed_seen_at(a), T_ONLY)],
    "WeekService.mark_feed_seen": [("own", lambda s, a, i: WeekService(s[0], s[1], s[2]).mark_feed_seen(a), T_ONLY)],
    "WeekService.changes_since": [("all", lambda s, a, i: WeekService(s[0], s[1], s[2]).changes_since(
        a, datetime(2026, 1, 1, tzinfo=UTC)), T_ONLY)],
    "WeekService.due_list": [("all", lambda s, a, i: WeekService(s[0], s[1], s[2]).due_list(a, date(2026, 3, 4)),
                              T_ONLY)],
    "SnapshotService.warm": [("all", lambda s, a, i: SnapshotService(s[0], s[1], s[2]).warm(a), T_ONLY)],
    "WeekService.warm": [("all", lambda s, a, i: WeekService(s[0], s[1], s[2]).warm(a, date(2026, 3, 4)), T_ONLY)],
    # the school calendar: staff read it, a school admin lists the days off
    "CalendarService.days_off": [("list", lambda s, a, i: CalendarService(s[0]).days_off(a), T_ONLY)],
    "CalendarService.holidays": [("week", lambda s, a, i: CalendarService(s[0]).holidays(
        a, date(2026, 3, 2), date(2026, 3, 8)), T_ONLY)],
    "CalendarService.add_day_off": [("day", lambda s, a, i: CalendarService(s[0]).add_day_off(a, date(2026, 5, 1)),
                                     set())],
    "CalendarService.remove_day_off": [("day", lambda s, a, i: CalendarService(s[0]).remove_day_off(
        a, uuid.uuid4()), set())],
    "StrategyService.to_review": [("A", lambda s, a, i: StrategyService(s[0], s[2]).to_review(
        a, i["a"], date(2026, 3, 9)), T_OWN)],
    # evidence files (issue 20)
    "EvidenceFileService.attach": [("A's goal", lambda s, a, i: EvidenceFileService(s[0], s[1]).attach(
        a, i["goal"], Prepared("more.pdf", Media.PDF, b"%PDF-1.4 more")), T_OWN)],
    "EvidenceFileService.files": [("A", lambda s, a, i: EvidenceFileService(s[0], s[1]).files(a, i["a"]), T_OWN)],
    "EvidenceFileService.read": [("A's file", lambda s, a, i: EvidenceFileService(s[0], s[1]).read(
        a, i["file_evidence"]), T_OWN)],
    "EvidenceFileService.set_best_work": [("A's file", lambda s, a, i: EvidenceFileService(s[0], s[1]).set_best_work(
        a, i["file_evidence"], True), {"own"})],
    # family contacts: staff who may read the learner; a learner, not even their own family's
    "FamilyService.contacts": [("A", lambda s, a, i: FamilyService(s[0]).contacts(a, i["a"]), T_ONLY)],
    "DecisionService.open_conflicts": [
        ("A", lambda s, a, i: DecisionService(s[0]).open_conflicts(a, i["a"]), T_OWN),
        ("mine", lambda s, a, i: DecisionService(s[0]).open_conflicts(a), ALL)],
    "DecisionService.open_count": [("mine", lambda s, a, i: DecisionService(s[0]).open_count(a), ALL),
                                   ("A", lambda s, a, i: DecisionService(s[0]).open_count(a, i["a"]), T_OWN)],
    "DecisionService.resolve": [
        ("A's words", lambda s, a, i: DecisionService(s[0]).resolve(a, i["conflict_own"], Choice.OTHER), {"own"}),
        ("teacher's goal", lambda s, a, i: DecisionService(s[0]).resolve(a, i["conflict_goal"], Choice.BOTH),
         T_ONLY),
        ("note", lambda s, a, i: DecisionService(s[0]).resolve(a, i["conflict_note"], Choice.OTHER), T_ONLY)],
    "SyncFileService.save": [
        ("A's", lambda s, a, i: SyncFileService(s[0]).save(a, _fresh(s[0]), "a long passphrase", i["a"]), T_OWN),
        ("all", lambda s, a, i: SyncFileService(s[0]).save(a, _fresh(s[0]), "a long passphrase"), ALL)],
    "SyncFileService.load": [("A's file", lambda s, a, i: SyncFileService(s[0]).load(
        a, _bundle_of(s[0], i["a"]), "a long passphrase"), T_OWN)],
    # the learner's say (issue 20): only the learner who wrote it chooses whether their family sees it
    "ProfileService.set_shared_with_family": [
        ("own entry", lambda s, a, i: s[1].set_shared_with_family(a, ProfileEntry, i["own_entry"], True), {"own"}),
        ("teacher's entry", lambda s, a, i: s[1].set_shared_with_family(a, ProfileEntry, i["teacher_entry"], True),
         set()),
        ("own goal", lambda s, a, i: s[1].set_shared_with_family(a, Goal, i["goal"], True), {"own"}),
        ("own check-in", lambda s, a, i: s[1].set_shared_with_family(a, CheckIn, i["checkin"], True), {"own"}),
        ("teacher-only note", lambda s, a, i: s[1].set_shared_with_family(a, ProfileEntry, i["note"], True), set()),
        ("own evidence file", lambda s, a, i: s[1].set_shared_with_family(a, Evidence, i["file_evidence"], True),
         {"own"}),
    ],
    # questions between conferences (issue 20): a teacher asks the learners they teach; the learner answers
    "QuestionService.prompts": [("bank", lambda s, a, i: QuestionService(s[0], s[2]).prompts(a), ALL)],
    "QuestionService.ask": [("A", lambda s, a, i: QuestionService(s[0], s[2]).ask(a, [i["a"]], "What helped?"),
                             T_ONLY)],
    "QuestionService.questions": [("A's", lambda s, a, i: QuestionService(s[0], s[2]).questions(a, i["a"]), T_OWN)],
    "QuestionService.answer": [("A's", lambda s, a, i: QuestionService(s[0], s[2]).answer(a, i["question"], "Maps"),
                                {"own"})],
    "QuestionService.answers_since_conference": [
        ("A's", lambda s, a, i: QuestionService(s[0], s[2]).answers_since_conference(a, i["a"]), T_OWN)],
    "QuestionService.answers_waiting": [
        ("A's", lambda s, a, i: QuestionService(s[0], s[2]).answers_waiting(a, [i["a"]]), T_ONLY)],
    # every element over time read ahead for the class overview (issue 21)
    "StagesService.warm_elements": [("class", lambda s, a, i: s[2].warm_elements(a), T_ONLY)],
    "QuestionService.recording": [("A's", lambda s, a, i: QuestionService(s[0], s[2]).recording(a, i["recorded"]),
                                   T_OWN)],
    "EvidenceFileService.restore": [("A's file", lambda s, a, i: EvidenceFileService(s[0], s[1]).restore(
        a, i["file_evidence"]), T_OWN)],
}
#: Methods for the signed-out sign-in screen: what each returns is all that screen may show.
SIGNED_OUT = {"AuthService.prepare", "AuthService.needs_first_teacher", "AuthService.needs_recovery",
              "AuthService.create_first_teacher", "AuthService.demo_sign_in_works", "AuthService.sign_in"}


def public_methods() -> list[tuple[str, Callable]]:
    found = []
    for cls in SERVICES:
        for name, member in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_"):
                found.append((f"{cls.__name__}.{name}", member))
    return found


def test_every_public_method_takes_the_actor_or_is_a_signed_out_one():
    for name, method in public_methods():
        params = list(inspect.signature(method).parameters)
        if getattr(method, "__signed_out__", False):
            assert name in SIGNED_OUT, f"{name} is marked signed-out but not listed here"
            continue
        assert params[1:2] == ["actor"], f"{name} does not take the actor first"


def test_every_public_method_has_cases_here():
    names = {name for name, _ in public_methods()}
    missing = names - CALLS.keys() - SIGNED_OUT
    assert not missing, f"public service methods without access cases: {sorted(missing)}"
    assert not (CALLS.keys() - names), "cases for methods that no longer exist"


def _actor(world: World, role: str) -> Actor | None:
    return {"teacher": world.teacher, "own": world.a, "other": world.b, "signed_out": None}[role]


CASES = [(name, label, call, allowed) for name, cases in CALLS.items() for label, call, allowed in cases]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "label", "call", "allowed"), CASES,
                         ids=[f"{n.split('.')[1]}[{lab}]" for n, lab, _c, _a in CASES])
def test_each_role_is_allowed_or_refused_as_the_table_says(world, role, name, label, call, allowed):
    before = dump(world.data)
    store, *services = world.open()
    services.append(SchoolService(store))
    try:
        if role in allowed:
            call((store, *services), _actor(world, role), world.ids)
        else:
            with pytest.raises(AccessDenied) as refused:
                call((store, *services), _actor(world, role), world.ids)
            assert "PRIVATE" not in str(refused.value) and "PRIVATE" not in repr(refused.value.args)
    finally:
        store.close()
    if role not in allowed:
        assert dump(world.data) == before, f"{name} [{label}] changed the store for {role}, though refused"


# ---- each hole found by the adversarial review, closed -----------------------------------------------------------
def test_a_learner_cannot_delete_teacher_accounts_nor_get_offered_the_store(world):
    store, profiles, _stages, auth = world.open()
    try:
        for account in ("teacher_account", "second_teacher"):
            with pytest.raises(AccessDenied):
                profiles.delete_row(world.a, Account, world.ids[account])
        assert not auth.needs_first_teacher() and not auth.needs_recovery()
    finally:
        store.close()


def test_the_last_teacher_cannot_be_removed_and_a_store_of_learners_is_never_offered_to_whoever_sits_down(world):
    store, profiles, _stages, auth = world.open()
    try:
        profiles.delete_row(world.teacher, Account, world.ids["second_teacher"])
        with pytest.raises(AccessDenied, match="last teacher"):
            profiles.delete_row(world.teacher, Account, world.ids["teacher_account"])
        # a store whose teachers are gone some other way (a file edited by hand): recovery, not "first teacher"
        with store.transaction() as s:
            s.get(Account, world.ids["teacher_account"]).deleted_at = changes.utcnow()
        assert auth.needs_recovery() and not auth.needs_first_teacher()
        with pytest.raises(ValidationError):
            auth.create_first_teacher("Intruder", "intruder", "long enough password")
    finally:
        store.close()


def test_a_new_store_and_a_store_from_before_sign_in_still_get_their_first_teacher(tmp_path):
    from plprofile.services.accounts import ensure_teacher

    store = open_store(tmp_path / "new")
    try:
        auth = AuthService(store, _hasher())
        assert auth.needs_first_teacher() and not auth.needs_recovery()
        # before sign-in existed: learners and an unnamed placeholder teacher, whom the first teacher becomes
        placeholder = teacher_actor(ensure_teacher(store))
        ProfileService(store).add_learner(placeholder, given_name="Ana", family_name="Lee")
        assert auth.needs_first_teacher()
        made = auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
        assert made.id == placeholder.account_id
    finally:
        store.close()


def test_a_learner_cannot_move_a_goal_into_another_profile_nor_a_teacher_a_conference(world):
    before = dump(world.data)
    store, profiles, _stages, _auth = world.open()
    try:
        with pytest.raises(AccessDenied):
            profiles.update_goal(world.a, world.ids["goal"], learner_id=world.ids["b"])
        with pytest.raises(AccessDenied):
            profiles.update_conference(world.teacher, world.ids["conference"], learner_id=world.ids["b"])
        assert [g.goal.id for g in profiles.load_profile(world.teacher, world.ids["b"]).goals] == []
    finally:
        store.close()
    assert dump(world.data) == before


def test_teacher_only_stays_teacher_only_through_every_path(world):
    store, profiles, _stages, _auth = world.open()
    try:
        with pytest.raises(AccessDenied) as refused:
            profiles.edit_entry(world.a, world.ids["note"], "x", expected_version=-1)
        assert not isinstance(refused.value, changes.StaleEditError) and "PRIVATE" not in str(refused.value)
        for suggestion_path in (profiles.accept_suggestion, profiles.decline_suggestion):
            with pytest.raises(AccessDenied):
                suggestion_path(world.a, world.ids["on_note"])
        view = profiles.load_profile(world.a, world.ids["a"])
        words = [e.text for e in view.entries] + [b.name for b in view.backpack]
        assert not any("PRIVATE" in w for w in words)
        assert {b.challenge_id for b in view.backpack} == {None}  # the link to the note is not shown
        history = profiles.history(world.a, world.ids["a"])
        hidden = {world.ids["note"], world.ids["on_note"]}
        assert not any(h.entity_id in hidden or "PRIVATE" in (h.new_value or "") for h in history)
        # the teacher sees them all, the suggestion is stored teacher-only like its note, the link is kept
        teacher_view = profiles.load_profile(world.teacher, world.ids["a"])
        assert next(e for e in teacher_view.entries if e.id == world.ids["on_note"]).teacher_only
        assert world.ids["on_note"] in {e.id for e in teacher_view.entries}
        assert world.ids["note"] in {b.challenge_id for b in teacher_view.backpack}
    finally:
        store.close()


def test_a_suggestion_on_a_teacher_only_note_from_an_older_store_is_hidden_too(world):
    store, profiles, _stages, _auth = world.open()
    try:
        with store.transaction() as s:  # made before suggestions inherited the flag
            s.get(ProfileEntry, world.ids["on_note"]).teacher_only = False
        assert world.ids["on_note"] not in {e.id for e in profiles.load_profile(world.a, world.ids["a"]).entries}
        for decision in (profiles.accept_suggestion, profiles.decline_suggestion):
            with pytest.raises(AccessDenied):
                decision(world.a, world.ids["on_note"])
        assert not any(h.entity_id == world.ids["on_note"] for h in profiles.history(world.a, world.ids["a"]))
    finally:
        store.close()


def test_a_stale_edit_on_a_readable_row_still_shows_both_versions(world):
    store, profiles, _stages, _auth = world.open()
    try:
        with pytest.raises(changes.StaleEditError) as stale:
            profiles.edit_entry(world.a, world.ids["own_entry"], "New words", expected_version=0)
        assert stale.value.current["text"] == "I build bridges from paper"
        assert stale.value.attempted["text"] == "New words"
    finally:
        store.close()


def test_account_data_of_others_is_not_readable_by_a_learner(world):
    store, profiles, _stages, auth = world.open()
    try:
        for read in (lambda: profiles.class_list(world.a), lambda: profiles.learner_account(world.a, world.ids["b"]),
                     lambda: auth.learner_sign_in_name(world.a, world.ids["b"]),
                     lambda: auth.suggest_username(world.a, world.ids["b"])):
            with pytest.raises(AccessDenied):
                read()
        assert profiles.learner_account(world.a, world.ids["a"]).id == world.a.account_id
    finally:
        store.close()


def test_may_answers_as_the_policy_does_for_the_window(world):
    store, profiles, _stages, _auth = world.open()
    try:
        own, teachers = _row(store, ProfileEntry, world.ids["own_entry"]), _row(store, ProfileEntry,
                                                                               world.ids["teacher_entry"])
        assert profiles.may(world.a, Action.DELETE, own) and not profiles.may(world.a, Action.DELETE, teachers)
        assert profiles.may(world.teacher, Action.DELETE, teachers) and not profiles.may(world.teacher,
                                                                                         Action.DELETE, own)
        assert not profiles.may(world.b, Action.UPDATE, own)
    finally:
        store.close()


def test_signed_out_methods_tell_nothing_private(world):
    store, _profiles, _stages, auth = world.open()
    try:
        assert auth.needs_first_teacher() is False and auth.needs_recovery() is False
        assert auth.demo_sign_in_works("rivera", "not it") is False
        assert auth.prepare() is None
        signed = auth.sign_in("amara", "2468")
        assert signed.actor == world.a and signed.username == "amara"
    finally:
        store.close()


def test_the_rules_table_in_the_readme_is_the_policy():
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert policy.table() in readme.read_text(encoding="utf-8"), "run python -m plprofile.domain.policy"


def test_refusals_carry_only_the_policy_messages():
    assert all(isinstance(m, str) and "{" not in m for m in policy.MESSAGES)
    target = Target(Kind.ENTRY, learner_id=uuid.uuid4(), teacher_only=True)
    learner = Actor(uuid.uuid4(), Role.LEARNER, learner_id=target.learner_id)
    for action in Action:
        decision = policy.decide(learner, action, target)
        assert not decision and decision.reason in policy.MESSAGES


# ---- random sequences of a learner's actions never touch what the policy keeps from them -----------------------
LEARNER_ACTIONS = st.sampled_from([
    "edit", "delete_entry", "delete_goal", "delete_other", "update_goal", "agree", "accept", "decline",
    "update_learner", "step_done", "add_entry", "add_checkin", "supports", "backpack",
])
ROW_KEYS = st.sampled_from(["own_entry", "teacher_entry", "note", "on_note", "suggestion", "b_entry", "goal",
                            "teacher_goal", "step", "item", "linked", "choice", "conference", "assessment",
                            "checkin", "teacher_account", "second_teacher", "b_account", "a", "b"])
FIELDS = st.sampled_from(["statement", "status", "learner_id", "agreement", "author_id", "version", "id",
                          "teacher_only", "given_name", "preferred_name", "group_name"])


def _attempt(profiles: ProfileService, me: Actor, ids: dict, action: str, key: str, field: str) -> None:
    rid = ids[key]
    value = {"learner_id": ids["b"], "status": "achieved", "version": 99, "id": uuid.uuid4(),
             "author_id": ids["teacher_account"], "teacher_only": False}.get(field, "Changed by me")
    models = {"delete_entry": ProfileEntry, "delete_goal": Goal}
    kinds = {"a": Learner, "b": Learner, "teacher_account": Account, "second_teacher": Account, "b_account": Account,
             "conference": Conference, "assessment": Assessment, "checkin": CheckIn, "step": ActionStep,
             "item": BackpackItem, "linked": BackpackItem, "choice": ChoiceOption, "goal": Goal, "teacher_goal": Goal}
    calls = {
        "edit": lambda: profiles.edit_entry(me, rid, "Changed by me"),
        "delete_entry": lambda: profiles.delete_row(me, models["delete_entry"], rid),
        "delete_goal": lambda: profiles.delete_row(me, models["delete_goal"], rid),
        "delete_other": lambda: profiles.delete_row(me, kinds.get(key, ProfileEntry), rid),
        "update_goal": lambda: profiles.update_goal(me, rid, **{field: value}),
        "agree": lambda: profiles.set_agreement(me, kinds.get(key, ProfileEntry), rid, d.Agreement.AGREED),
        "accept": lambda: profiles.accept_suggestion(me, rid),
        "decline": lambda: profiles.decline_suggestion(me, rid),
        "update_learner": lambda: profiles.update_learner(me, rid, **{field: str(value)}),
        "step_done": lambda: profiles.set_step_done(me, rid, True),
        "add_entry": lambda: profiles.add_entry(me, rid, d.Section.INTERESTS, "Mine", teacher_only=field == "teacher_only"),
        "add_checkin": lambda: profiles.add_checkin(me, rid, 2),
        "supports": lambda: profiles.set_supports(me, ids["goal"], [rid]),
        "backpack": lambda: profiles.add_backpack_item(me, ids["a"], "Mine", d.BackpackKind.TOOL, challenge_id=rid),
    }
    try:
        calls[action]()
    except (AccessDenied, ValidationError, changes.NotFoundError, changes.StaleEditError, AttributeError,
            ValueError, TypeError):
        pass


def _rows(data: Path) -> dict[tuple[str, str], tuple]:
    con = sqlite3.connect(data / DB_FILENAME)
    try:
        found = {}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN "
                                    "('meta', 'change_log', 'alembic_version') AND name NOT LIKE 'sqlite_%'"):
            cols = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
            for row in con.execute(f"SELECT * FROM {table}"):
                found[table, row[cols.index("id")]] = dict(zip(cols, row, strict=True))
        return found
    finally:
        con.close()


def _keys(x: uuid.UUID) -> str:
    return x.hex


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(LEARNER_ACTIONS, ROW_KEYS, FIELDS), min_size=1, max_size=12))
def test_random_learner_actions_never_change_what_the_policy_keeps_from_them(template, tmp_path_factory, steps):
    data = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(template.data, data)
    before = _rows(data)
    ids, me = template.ids, template.a
    store = open_store(data)
    try:
        profiles = ProfileService(store)
        for action, key, field in steps:
            _attempt(profiles, me, ids, action, key, field)
    finally:
        store.close()
    after = _rows(data)
    # the learner's reach: rows of their own profile they may read, minus what hangs from the teacher-only note
    hidden = {_keys(ids["note"]), _keys(ids["on_note"])}
    for (table, rid), row in before.items():
        mine = row.get("learner_id") == _keys(ids["a"]) or rid == _keys(ids["a"])
        if table == "account" or not mine or rid in hidden or table in ("conference", "assessment",
                                                                         "assessment_rating", "check_in",
                                                                         "sync_conflict"):
            assert after.get((table, rid)) == row, f"{table} {rid} changed by learner actions {steps}"
        else:  # within reach: still A's, never moved, authorship and teacher-only flag kept
            now = after[table, rid]
            assert now.get("learner_id") == row.get("learner_id")
            assert now["author_id"] == row["author_id"] and now.get("teacher_only") == row.get("teacher_only")
            assert now["created_at"] == row["created_at"]
    for (table, rid), row in after.items():
        if (table, rid) not in before:
            assert row.get("learner_id") in (_keys(ids["a"]), None) and not row.get("teacher_only")
            assert row["author_id"] == _keys(me.account_id)


def test_a_learner_learns_nothing_of_a_teacher_only_note_through_a_conflict(world):
    store, *_ = world.open()
    try:
        decisions = DecisionService(store)
        shown = decisions.open_conflicts(world.a)
        assert {c.id for c in shown} == {world.ids["conflict_own"], world.ids["conflict_goal"]}
        assert "PRIVATE" not in repr(shown)
        assert decisions.open_count(world.a) == 1  # their own words; the teacher's goal is the teacher's to decide
        assert world.ids["conflict_note"] in {c.id for c in decisions.open_conflicts(world.teacher)}
        assert decisions.open_conflicts(world.b) == [] and decisions.open_count(world.b) == 0
    finally:
        store.close()
