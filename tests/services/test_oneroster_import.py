"""A OneRoster set into the store: preview, one transaction, sourcedId as key (a second import changes
nothing), a delta that ends an enrollment and adds a student, and a refused set that leaves the store as it was."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from plprofile.domain.oneroster import parse_oneroster
from plprofile.domain.profile import Actor, Role
from plprofile.domain.roster import RosterError
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.services.school import SchoolService
from plprofile.store.models import Account, ClassMember, Learner, SchoolClass
from tests import oneroster_sets as sets


@pytest.fixture
def admin(store) -> Actor:
    return Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)


def _import(store, admin, files) -> dict[str, int]:
    school = SchoolService(store)
    work = school.preview_roster_set(admin, parse_oneroster(files))
    return school.import_roster_set(admin, work)


def _snapshot(store) -> dict:
    with store.session() as s:
        learners = {(r.sourced_id, r.given_name, r.family_name, r.preferred_name, r.pronouns, r.enabled,
                     r.external_id) for r in s.execute(select(Learner)).scalars()}
        accounts = {(r.sourced_id, r.kind, r.display_name, r.enabled, r.secret_hash)
                    for r in s.execute(select(Account).where(Account.sourced_id.is_not(None))).scalars()}
        members = {(r.sourced_id, r.role, r.ended_at is None) for r in s.execute(select(ClassMember)).scalars()}
        classes = {(r.sourced_id, r.title, r.closed_at is None) for r in s.execute(select(SchoolClass)).scalars()}
    return dict(learners=learners, accounts=accounts, members=members, classes=classes)


def test_a_11_set_imports_learners_teachers_classes_and_memberships(store, admin):
    counts = _import(store, admin, sets.set_11())
    assert counts == {"learners_added": 3, "learners_updated": 0, "learners_left": 0, "teachers_added": 2,
                      "classes_added": 2, "enrollments_added": 5, "enrollments_ended": 0, "contacts_added": 1,
                      "contacts_updated": 0, "contacts_removed": 0}
    snap = _snapshot(store)
    names = {(given, family, enabled) for _s, given, family, _p, _pr, enabled, _e in snap["learners"]}
    assert names == {("Zoë", "Moreau", True), ("José", "Núñez", True), ("Seán", "O’Brien", False)}  # no guardian
    assert {(k, kind, secret) for k, kind, _n, _e, secret in snap["accounts"]} == {
        ("u-t1", "teacher", None), ("u-adm", "admin", None)}  # no password until an admin sets one
    with store.session() as s:
        zoe = s.execute(select(Learner).where(Learner.sourced_id == "u-zoe")).scalar_one()
        classes = s.execute(select(SchoolClass.title).join(ClassMember, ClassMember.class_id == SchoolClass.id)
                            .where(ClassMember.learner_id == zoe.id)).scalars().all()
        assert sorted(classes) == ["5A Maths", "5B Maths"]  # one learner, two classes, one profile
        assert s.execute(select(Account).where(Account.learner_id == zoe.id)).scalar_one().kind == "learner"


def test_the_same_set_again_changes_nothing(store, admin):
    _import(store, admin, sets.set_11())
    before, stamp = _snapshot(store), store.data_stamp()
    school = SchoolService(store)
    work = school.preview_roster_set(admin, parse_oneroster(sets.set_11()))
    assert work.empty and set(work.counts.values()) == {0}
    assert school.import_roster_set(admin, work) == work.counts
    assert _snapshot(store) == before and store.data_stamp() == stamp  # not a single write


def test_a_12_set_uses_the_preferred_name_and_pronouns(store, admin):
    _import(store, admin, sets.set_12())
    with store.session() as s:
        zoe = s.execute(select(Learner).where(Learner.sourced_id == "u-zoe")).scalar_one()
    assert (zoe.preferred_name, zoe.pronouns) == ("Zo", "she/her")
    assert ("u-adm", "admin") in {(k, kind) for k, kind, *_ in _snapshot(store)["accounts"]}


def test_a_delta_ends_one_enrollment_and_adds_a_student(store, admin):
    _import(store, admin, sets.set_11())
    counts = _import(store, admin, sets.delta_11())
    assert counts == {"learners_added": 1, "learners_updated": 0, "learners_left": 1, "teachers_added": 0,
                      "classes_added": 0, "enrollments_added": 1, "enrollments_ended": 1, "contacts_added": 0,
                      "contacts_updated": 0, "contacts_removed": 0}
    snap = _snapshot(store)
    assert ("e3", "student", False) in snap["members"] and ("e7", "student", True) in snap["members"]
    assert any(given == "José" for _s, given, *_ in snap["learners"])  # José and his profile stay
    assert _import(store, admin, sets.delta_11()) == dict.fromkeys(counts, 0)


def test_a_later_bulk_file_updates_names(store, admin):
    _import(store, admin, sets.set_11())
    files = sets.set_11()
    files["users.csv"] = files["users.csv"].replace("Núñez".encode(), "Núñez García".encode())
    counts = _import(store, admin, files)
    assert counts["learners_updated"] == 1 and counts["learners_added"] == 0
    assert any(family == "Núñez García" for _s, _g, family, *_ in _snapshot(store)["learners"])


def test_a_learner_from_a_plain_file_is_found_by_student_id(store, admin):
    profiles = ProfileService(store)
    jose = profiles.add_learner(admin, given_name="Jose", family_name="Nunez", external_id="S-2")
    counts = _import(store, admin, sets.set_11())
    assert counts["learners_added"] == 2 and counts["learners_updated"] == 1
    with store.session() as s:
        assert s.get(Learner, jose.id).sourced_id == "u-jose"


def test_a_refused_set_leaves_the_store_byte_identical(store, admin):
    _import(store, admin, sets.set_11())
    wal = store.path.with_name(store.path.name + "-wal")
    before = (store.path.read_bytes(), wal.read_bytes() if wal.exists() else b"")
    stamp = store.data_stamp()
    files = sets.set_11()
    files["users.csv"] = files["users.csv"].replace(b"u-jose,active,,true,org-1,student,jose,,",
                                                    b"u-jose,active,,true,org-1,student,jose,,,")  # a shifted row
    with pytest.raises(RosterError):
        _import(store, admin, files)
    clash = sets.set_11()  # a new student whose ID another learner of the store has
    clash["users.csv"] = clash["users.csv"].replace(b"u-sean,", b"u-sean2,")
    with pytest.raises(RosterError) as refused:
        _import(store, admin, clash)
    assert "S-3" in str(refused.value)
    assert store.data_stamp() == stamp
    assert (store.path.read_bytes(), wal.read_bytes() if wal.exists() else b"") == before


def test_after_an_import_a_teacher_sees_the_learners_of_their_classes(store, admin):
    _import(store, admin, sets.set_11())
    with store.session() as s:
        rivera = s.execute(select(Account).where(Account.sourced_id == "u-t1")).scalar_one()
    teacher = Actor(account_id=rivera.id, role=Role.TEACHER)
    names = sorted(x.given_name for x in ProfileService(store).list_learners(teacher))
    assert names == ["José", "Zoë"]  # 5A; Seán is in 5B, which has no teacher in the set
    assert len(ProfileService(store).list_learners(admin)) == 3


def test_a_teacher_is_not_a_school_admin(store):
    teacher = teacher_actor(ensure_teacher(store))
    from plprofile.domain.policy import AccessDenied

    with pytest.raises(AccessDenied):
        SchoolService(store).preview_roster_set(teacher, parse_oneroster(sets.set_11()))
    assert uuid.UUID(int=0) != teacher.account_id
