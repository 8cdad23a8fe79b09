"""Erasing a learner through the service: only staff, and nothing is read out or changed before the policy says yes."""

from __future__ import annotations

import pytest

from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied
from plprofile.services import backup as bk
from plprofile.services import erase
from plprofile.services.accounts import learner_actor


def test_a_learner_can_erase_nobody_and_cannot_look_names_up(store, profiles, teacher):
    zoe = profiles.add_learner(teacher, given_name="Zoë", family_name="Moreau")
    other = profiles.add_learner(teacher, given_name="Amara", family_name="Okafor")
    profiles.add_entry(teacher, other.id, d.Section.INTERESTS, "Football")
    bk.create_backup(store.path.parent)
    me = learner_actor(profiles.learner_account(teacher, zoe.id))
    for target in (other.id, zoe.id):
        with pytest.raises(AccessDenied):
            erase.erase_learner(profiles, me, target)
    with pytest.raises(AccessDenied):
        erase.find_learners(me, store, "Amara Okafor")
    assert [m.name for m in erase.find_learners(teacher, store, "amara okafor")] == ["Amara Okafor"]
    assert {s.family_name for s in profiles.list_learners(teacher)} == {"Moreau", "Okafor"}
    assert b"Football" in bk.list_backups(store.path.parent)[0].path.read_bytes()  # the backup untouched


def test_a_teacher_erases_a_removed_learner_too(store, profiles, teacher):
    gone = profiles.add_learner(teacher, given_name="Mira", family_name="Hale")
    profiles.delete_learner(teacher, gone.id)  # removed from the class list, still in the store
    assert [m.removed for m in erase.find_learners(teacher, store, "Mira Hale")] == [True]
    result = erase.erase_learner(profiles, teacher, gone.id)
    assert result.name == "Mira Hale" and result.rewritten == []
    assert erase.find_learners(teacher, store, "Mira Hale") == []
