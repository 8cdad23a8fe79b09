"""Guardians, parents and relatives of a OneRoster set: never learners, kept as each learner's family contacts
(from either side's agentSourcedIds), bulk and delta, read by the staff who may read the learner and by no
learner; erased with the learner, carried by the portable profile, left out of a year's snapshot."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from plprofile.domain.oneroster import parse_oneroster
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher, learner_actor, teacher_actor
from plprofile.services.erase import erase_learner
from plprofile.services.family import FamilyService
from plprofile.services.portable import PortableService
from plprofile.services.profiles import ProfileService
from plprofile.services.school import SchoolService
from plprofile.services.years import YearService
from plprofile.store.models import Account, FamilyContact, Learner
from tests import oneroster_sets as sets


@pytest.fixture
def admin(store) -> Actor:
    return Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)


def _import(store, admin, files) -> tuple[dict[str, int], list[str]]:
    school = SchoolService(store)
    work = school.preview_roster_set(admin, parse_oneroster(files))
    return school.import_roster_set(admin, work), [str(w) for w in work.warnings]


def _learner(store, key: str) -> Learner:
    with store.session() as s:
        return s.execute(select(Learner).where(Learner.sourced_id == key)).scalar_one()


def _contacts(store, admin, key: str) -> list[tuple[str, str, str, str]]:
    return [(c.relationship, c.name, c.email, c.phone)
            for c in FamilyService(store).contacts(admin, _learner(store, key).id)]


def test_a_set_keeps_parents_as_family_contacts_of_their_children_never_as_learners(store, admin):
    counts, warnings = _import(store, admin, sets.set_family_11())
    assert (counts["learners_added"], counts["contacts_added"]) == (2, 4)
    with store.session() as s:
        assert sorted(s.execute(select(Learner.given_name)).scalars()) == ["Léo", "Zoë"]
        assert not s.execute(select(Account).where(Account.sourced_id.in_(["u-g1", "u-gp", "u-gd"]))).first()
    # linked from the parent's side (Marie, to both children) and from the student's side (the grandfather)
    assert _contacts(store, admin, "u-zoe") == [
        ("relative", "Henri Dubois", "", "+33 6 99 88 77 66"),
        ("parent", "Marie Moreau", "marie.moreau@example.org", "+33 6 12 34 56 78")]
    assert _contacts(store, admin, "u-leo") == [
        ("guardian", "Awa Diallo", "awa@example.org", ""),
        ("parent", "Marie Moreau", "marie.moreau@example.org", "+33 6 12 34 56 78")]
    assert any("users.csv, row 8" in w and "no name" in w for w in warnings)  # the parent without a name
    assert any("“u-ghost”" in w for w in warnings)  # a parent of a student nobody knows
    again, _ = _import(store, admin, sets.set_family_11())
    assert set(again.values()) == {0}  # sourcedId is the key: the same set changes nothing


def test_a_12_set_links_the_parent_named_in_roles_csv(store, admin):
    counts, _ = _import(store, admin, sets.set_family_12())
    assert counts["contacts_added"] == 1
    assert _contacts(store, admin, "u-zoe") == [
        ("parent", "Marie Moreau", "marie.moreau@example.org", "+33 6 12 34 56 78")]


def test_a_delta_updates_removes_and_adds_contacts_and_a_bulk_file_is_the_whole_truth(store, admin):
    _import(store, admin, sets.set_family_11())
    counts, _ = _import(store, admin, sets.delta_family())
    assert (counts["contacts_added"], counts["contacts_updated"], counts["contacts_removed"]) == (1, 2, 1)
    assert _contacts(store, admin, "u-zoe") == [("parent", "Marie Moreau", "marie@example.net", "+33 6 12 34 56 78")]
    assert [c[1] for c in _contacts(store, admin, "u-leo")] == ["Awa Diallo", "Omar Diallo", "Marie Moreau"]
    # the first bulk set again: Omar is not in it (removed), the grandfather is (back), Marie's e-mail as it says
    counts, _ = _import(store, admin, sets.set_family_11())
    assert (counts["contacts_added"], counts["contacts_updated"], counts["contacts_removed"]) == (1, 2, 1)
    assert [c[1] for c in _contacts(store, admin, "u-zoe")] == ["Henri Dubois", "Marie Moreau"]
    assert [c[1] for c in _contacts(store, admin, "u-leo")] == ["Awa Diallo", "Marie Moreau"]


def test_staff_who_may_read_the_learner_read_the_contacts_and_no_learner_does(store, admin):
    _import(store, admin, sets.set_family_11())
    zoe, leo = _learner(store, "u-zoe"), _learner(store, "u-leo")
    family = FamilyService(store)
    with store.session() as s:
        rivera = teacher_actor(s.execute(select(Account).where(Account.sourced_id == "u-t1")).scalar_one())
        zoe_account = s.execute(select(Account).where(Account.learner_id == zoe.id)).scalar_one()
    assert [c.name for c in family.contacts(rivera, zoe.id)] == ["Henri Dubois", "Marie Moreau"]  # her class
    with pytest.raises(AccessDenied):
        family.contacts(rivera, leo.id)  # Léo is in 5B, which Ms Rivera does not teach
    with pytest.raises(AccessDenied):
        family.contacts(learner_actor(zoe_account), zoe.id)  # not even her own family's names


def test_erasure_removes_the_contacts_and_the_portable_profile_carries_them(store, admin, tmp_path):
    _import(store, admin, sets.set_family_11())
    zoe = _learner(store, "u-zoe")
    doc = json.loads(json.dumps(PortableService(store).export_profile(admin, zoe.id)))
    assert sorted((r["relationship"], r["email"]) for r in doc["tables"]["family_contact"]) == [
        ("parent", "marie.moreau@example.org"), ("relative", "")]
    assert all("sourced_id" not in r for r in doc["tables"]["family_contact"])  # the school's key stays there
    erase_learner(ProfileService(store), admin, zoe.id)
    con = sqlite3.connect(store.path)
    try:
        assert con.execute("SELECT count(*) FROM family_contact WHERE learner_id = ?", (zoe.id.hex,)).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM family_contact").fetchone()[0] == 2  # Léo's stay
    finally:
        con.close()
    imported = PortableService(store).import_profile(admin, doc)  # and back, from the file
    assert [c.name for c in FamilyService(store).contacts(admin, imported.id)] == ["Henri Dubois", "Marie Moreau"]


def test_a_years_snapshot_leaves_the_contacts_out(store, admin):
    _import(store, admin, sets.set_family_11())
    zoe = _learner(store, "u-zoe")
    years = YearService(store)
    years.start_new_year(admin, years.preview_new_year(admin, "2027-2028", date(2027, 8, 20)))
    with store.session() as s:
        assert s.execute(select(FamilyContact).where(FamilyContact.learner_id == zoe.id)).first()
    snapshot = years.snapshots(admin, zoe.id)[0]
    assert years.snapshot(admin, snapshot.id)["tables"]["family_contact"] == []
