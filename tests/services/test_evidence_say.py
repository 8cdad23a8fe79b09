"""The learner's say on their evidence: only the learner chooses "my family too" on a piece of evidence on their
own goals (whoever attached it); a teacher is refused and nothing changes; the choice is logged and travels with
sync like the other shareable kinds."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from plprofile.domain.policy import LEARNER_SHARES, AccessDenied
from plprofile.domain.profile import Actor, Role
from plprofile.media.prepare import prepare_bytes
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.profiles import ProfileService
from plprofile.store.models import ChangeLog, Evidence
from plprofile.sync.changes import SyncRefused, apply, outgoing
from tests.evidence_samples import wav
from tests.sync.test_apply import _admin, _push, two  # noqa: F401  (the fixture)


def _learner(p: ProfileService, admin: Actor):
    learner = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    return learner, Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=learner.id)


def test_only_the_learner_shares_a_piece_of_evidence_and_the_choice_is_logged(two):  # noqa: F811
    a, _hub = two
    admin = _admin(a)
    p = ProfileService(a)
    learner, ana = _learner(p, admin)
    goal = p.add_goal(ana, learner.id, "Sing in the choir")
    files = EvidenceFileService(a, p)
    mine = files.attach(ana, goal.id, prepare_bytes(wav(b"ana"), "song.wav"))
    theirs = files.attach(admin, goal.id, prepare_bytes(wav(b"teacher"), "concert.wav"))  # the teacher's recording
    assert mine.shared_with_family is False  # the default: my teacher and me

    with pytest.raises(AccessDenied) as refused:  # a teacher does not choose for the learner
        p.set_shared_with_family(admin, Evidence, mine.id, True)
    assert refused.value.reason == LEARNER_SHARES
    with pytest.raises(AccessDenied):  # nor a teacher who is not the school's admin
        p.set_shared_with_family(replace(admin, admin=False), Evidence, theirs.id, True)
    with a.session() as s:
        assert not s.get(Evidence, mine.id).shared_with_family
        assert s.execute(select(ChangeLog).where(ChangeLog.field == "shared_with_family")).first() is None

    p.set_shared_with_family(ana, Evidence, mine.id, True)
    p.set_shared_with_family(ana, Evidence, theirs.id, True)  # the learner's work, whoever attached it
    with a.session() as s:
        assert s.get(Evidence, mine.id).shared_with_family and s.get(Evidence, theirs.id).shared_with_family
        log = s.execute(select(ChangeLog.entity, ChangeLog.action, ChangeLog.new_value, ChangeLog.author_role)
                        .where(ChangeLog.field == "shared_with_family")).all()
    assert sorted(tuple(r) for r in log) == [("evidence", "update", "true", "learner")] * 2


def test_the_choice_travels_and_a_teachers_device_cannot_make_it(two):  # noqa: F811
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    learner, ana = _learner(p, admin)
    goal = p.add_goal(ana, learner.id, "Sing in the choir")
    ev = EvidenceFileService(a, p).attach(ana, goal.id, prepare_bytes(wav(b"ana"), "song.wav"))
    _push(a, hub, admin)
    p.set_shared_with_family(ana, Evidence, ev.id, True)
    with a.session() as s:
        batch = outgoing(s)
    assert [(c.entity, c.field) for c in batch] == [("evidence", "shared_with_family")]
    forged = [replace(c, author_id=str(admin.account_id), author_role="teacher") for c in batch]
    with pytest.raises(SyncRefused) as refused:
        with hub.transaction() as s:
            apply(s, replace(admin, admin=False), forged)
    assert "Only the learner who wrote it chooses who sees it." in refused.value.reason
    with hub.session() as s:
        assert not s.get(Evidence, ev.id).shared_with_family
    with hub.transaction() as s:
        assert apply(s, ana, batch).applied == 1
    with hub.session() as s:
        assert s.get(Evidence, ev.id).shared_with_family
