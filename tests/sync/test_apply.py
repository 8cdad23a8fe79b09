"""The sync core over real stores: a device's outbox applied to another store, idempotently, by the merge
rules and the access policy."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from plprofile.domain.profile import Actor, Role, Section
from plprofile.services.accounts import ensure_teacher
from plprofile.services.profiles import ProfileService
from plprofile.store.changes import erased_token
from plprofile.store.engine import open_store
from plprofile.store.models import ChangeLog, ErasedLearner, Goal, Learner, ProfileEntry, SyncConflict
from plprofile.sync.changes import (
    Change,
    MalformedChange,
    SyncRefused,
    apply,
    mark_acknowledged,
    outgoing,
    visible_to,
)


@pytest.fixture
def two(tmp_path):
    a, hub = open_store(tmp_path / "a"), open_store(tmp_path / "hub")
    yield a, hub
    a.close()
    hub.close()


def _admin(store) -> Actor:
    account = ensure_teacher(store, "Admin", kind="admin")
    return Actor(account_id=account.id, role=Role.TEACHER, admin=True)


def _push(src, dst, actor, *, check_policy=True):
    with src.session() as s:
        batch = outgoing(s)
    with dst.transaction() as s:
        result = apply(s, actor, batch, check_policy=check_policy)
    with src.transaction() as s:
        mark_acknowledged(s, result.applied_ids + [c.id for c in batch])
    return batch, result


def _rows(store, model):
    with store.session() as s:
        return sorted((r.id, {k: v for k, v in r.model_dump().items() if k not in ("updated_at", "version")})
                      for r in s.execute(select(model)).scalars())


def _change_log(store):
    with store.session() as s:
        return s.execute(select(ChangeLog).order_by(ChangeLog.hlc)).scalars().all()


def test_a_devices_changes_arrive_whole_and_once(two):
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    learner = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    p.add_entry(admin, learner.id, Section.STRENGTHS, "I draw well")
    goal = p.add_goal(admin, learner.id, "Read a chapter book")
    p.update_goal(admin, goal.id, statement="Read two chapter books")

    batch, result = _push(a, hub, admin)
    assert result.applied == len(batch) > 4 and result.skipped == 0 and result.conflicts == 0
    for model in (Learner, ProfileEntry, Goal):
        assert _rows(hub, model) == _rows(a, model)
    assert {str(c.id) for c in _change_log(hub)} >= {c.id for c in batch}
    with a.session() as s:
        assert outgoing(s) == []  # acknowledged

    with hub.session() as s:
        before = [(c.id, c.hlc) for c in _change_log(hub)]
    with hub.transaction() as s:
        again = apply(s, admin, batch)
    assert again.applied == 0 and again.skipped == len(batch)
    assert [(c.id, c.hlc) for c in _change_log(hub)] == before


def test_the_receiving_clock_moves_past_what_it_applied(two):
    a, hub = two
    admin = _admin(a)
    ProfileService(a).add_learner(admin, given_name="Ana", family_name="Diaz")
    batch, _ = _push(a, hub, admin)
    admin_hub = _admin(hub)
    ProfileService(hub).add_learner(admin_hub, given_name="Ben", family_name="Li")
    mine = [c for c in _change_log(hub) if c.device_id == hub.device_id]
    assert min(c.hlc for c in mine) > max(c.hlc for c in batch)


def test_concurrent_edits_of_a_learners_words_keep_theirs_and_record_the_teachers(two):
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    learner = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    goal = p.add_goal(admin, learner.id, "Read")
    _push(a, hub, admin)
    learner_actor = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=learner.id)
    # on the hub the learner rewrites the goal; on the device the teacher does, later
    ProfileService(hub).update_goal(learner_actor, goal.id, statement="Read every night")
    p.update_goal(admin, goal.id, statement="Read for 20 minutes")
    batch, result = _push(a, hub, admin)
    assert result.conflicts == 1
    with hub.session() as s:
        assert s.get(Goal, goal.id).statement == "Read every night"
        conflict = s.execute(select(SyncConflict)).scalars().one()
    assert (conflict.kept_value, conflict.lost_value) == ("Read every night", "Read for 20 minutes")
    assert conflict.lost_author_role == "teacher" and conflict.kept_author_role == "learner"
    assert conflict.resolved_at is None


def test_a_learner_device_cannot_write_another_learners_profile(two):
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    _push(a, hub, admin)
    ana_actor = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ana.id)
    ben_actor = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ben.id)
    p.add_entry(ben_actor, ben.id, Section.STRENGTHS, "I run fast")
    p.add_entry(ana_actor, ana.id, Section.STRENGTHS, "I sing")
    with a.session() as s:
        batch = outgoing(s)
    ben_change = next(c for c in batch if c.learner_id == str(ben.id))
    ana_change = next(c for c in batch if c.learner_id == str(ana.id))
    with hub.session() as s:
        before = len(_change_log(hub))
    # Ana's device pushes her own entry and one forged for Ben (authored as Ana, then as Ben): refused whole
    for forged in (replace(ben_change, author_id=str(ana_actor.account_id)), ben_change):
        with pytest.raises(SyncRefused) as refused:
            with hub.transaction() as s:
                apply(s, ana_actor, [ana_change, forged])
        assert refused.value.change_id == forged.id
    assert len(_change_log(hub)) == before
    with hub.session() as s:
        assert s.execute(select(ProfileEntry)).scalars().all() == []
    # a teacher-only note from a learner's device is refused too
    note = replace(ana_change, id=str(uuid.uuid4()), entity_id=str(uuid.uuid4()),
                   new=json.dumps({**json.loads(ana_change.new), "teacher_only": "true"}))
    with pytest.raises(SyncRefused):
        with hub.transaction() as s:
            apply(s, ana_actor, [note])
    with hub.transaction() as s:
        assert apply(s, ana_actor, [ana_change]).applied == 1


def test_a_learner_device_sees_only_their_profile_without_teacher_only_notes(two):
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    p.add_entry(admin, ana.id, Section.STRENGTHS, "Ana draws")
    p.add_entry(admin, ana.id, Section.STRENGTHS, "needs a quiet corner", teacher_only=True)
    p.add_entry(admin, ben.id, Section.STRENGTHS, "Ben runs")
    ana_actor = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ana.id)
    with a.session() as s:
        every = outgoing(s)
        seen = visible_to(s, ana_actor, every)
        staff = visible_to(s, admin, every)
    assert len(staff) == len(every)
    texts = " ".join(c.new or "" for c in seen)
    assert "Ana draws" in texts and "Ben runs" not in texts and "quiet corner" not in texts
    assert {c.learner_id for c in seen} == {str(ana.id)}


def test_an_erasure_travels_and_nothing_brings_the_learner_back(two):
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    p.add_entry(admin, ana.id, Section.STRENGTHS, "Ana draws")
    first, _ = _push(a, hub, admin)
    p.purge_learner(admin, ana.id)
    batch, result = _push(a, hub, admin)
    assert [c.action for c in batch] == ["erase"] and result.erased == [str(ana.id)]
    with hub.session() as s:
        assert s.get(Learner, ana.id) is None
        assert s.execute(select(ProfileEntry)).scalars().all() == []
        assert s.get(ErasedLearner, erased_token(ana.id)) is not None
        assert [c for c in _change_log(hub) if str(ana.id) in (str(c.learner_id), str(c.entity_id))] == []
        assert [c.entity_id for c in _change_log(hub) if c.action == "erase"] == [erased_token(ana.id)]
    # a device that comes back with the learner's old changes cannot resurrect them
    with hub.transaction() as s:
        late = apply(s, admin, [replace(c, id=str(uuid.uuid4())) for c in first])
    about_ana = [c for c in first if c.learner_id == str(ana.id)]
    assert about_ana and late.skipped >= len(about_ana)
    with hub.session() as s:
        assert s.get(Learner, ana.id) is None


def test_a_malformed_change_is_refused_with_a_reason():
    good = {"id": str(uuid.uuid4()), "hlc": "0000000001000-00000-abc", "learner_id": None, "entity": "learner",
            "entity_id": str(uuid.uuid4()), "action": "delete", "field": None, "old": None, "new": None,
            "author_id": None, "author_role": "teacher", "device_id": "abc", "signed_in_id": None,
            "at": "2026-01-01T00:00:00+00:00"}
    assert Change.from_json(good).to_json() == good
    for broken, why in (({**good, "id": "x"}, "UUID"), ({**good, "hlc": "yesterday"}, "clock"),
                        ({**good, "action": "drop"}, "action"), ({**good, "field": "text"}, "update"),
                        ({**good, "extra": 1}, "unknown"), ({k: v for k, v in good.items() if k != "at"}, "missing"),
                        ({**good, "new": 5}, "text")):
        with pytest.raises(MalformedChange, match=why):
            Change.from_json(broken)


def test_a_teacher_receives_the_learners_of_their_classes_only(two):
    from plprofile.store import changes as store_changes
    from plprofile.store.models import Account, ClassMember, SchoolClass

    a, _hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    p.add_entry(admin, ana.id, Section.STRENGTHS, "Ana draws")
    p.add_entry(admin, ben.id, Section.STRENGTHS, "Ben runs")
    with a.transaction() as s:
        tess = store_changes.create(s, a.device_id, Account(kind="teacher", display_name="Tess"), admin, None)
        other = store_changes.create(s, a.device_id, Account(kind="teacher", display_name="Olga"), admin, None)
        for teacher, learner in ((tess, ana), (other, ben)):
            klass = store_changes.create(s, a.device_id, SchoolClass(title=f"class of {teacher.display_name}"),
                                         admin, None)
            store_changes.create(s, a.device_id, ClassMember(class_id=klass.id, account_id=teacher.id,
                                                             role="teacher"), admin, None)
            store_changes.create(s, a.device_id, ClassMember(class_id=klass.id, learner_id=learner.id), admin,
                                 learner.id)
    tess_actor = Actor(account_id=tess.id, role=Role.TEACHER)
    with a.session() as s:
        seen = visible_to(s, tess_actor, outgoing(s))
    texts = " ".join(c.new or "" for c in seen)
    assert "Ana draws" in texts and "Ben runs" not in texts
    assert str(ben.id) not in {c.learner_id for c in seen}


def test_a_clock_far_ahead_is_reported_and_its_changes_still_merge(two):
    from plprofile.store import changes as store_changes

    a, hub = two
    admin = _admin(a)
    store_changes.CLOCK_SKEW_MS[a.device_id] = 2 * 3600 * 1000  # two hours ahead
    try:
        ProfileService(a).add_learner(admin, given_name="Ana", family_name="Diaz")
        _, result = _push(a, hub, admin)
    finally:
        store_changes.CLOCK_SKEW_MS.pop(a.device_id)
    assert result.applied > 0 and any("minutes ahead" in w for w in result.warnings)
    # the hub's own next change still comes after the device's
    ProfileService(hub).add_learner(_admin(hub), given_name="Ben", family_name="Li")
    log = _change_log(hub)
    assert log[-1].device_id == hub.device_id


def test_a_shrunk_scope_drops_the_learners_rows_and_history(two):
    from plprofile.sync.changes import drop_out_of_scope

    a, _hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    p.add_goal(admin, ana.id, "Read")
    p.add_goal(admin, ben.id, "Swim")
    with a.transaction() as s:
        assert drop_out_of_scope(s, [str(ana.id)]) == 1
    with a.session() as s:
        assert s.get(Learner, ana.id) is None and s.get(Learner, ben.id) is not None
        assert [g.statement for g in s.execute(select(Goal)).scalars()] == ["Swim"]
        assert s.execute(select(ChangeLog).where(ChangeLog.learner_id == ana.id)).first() is None
        assert s.execute(select(ErasedLearner)).first() is None  # not erased: the hub still has them


def test_a_device_cannot_put_another_accounts_name_on_a_change(two):
    """Ana's device writes in her own profile, but signs the change as her teacher: refused, although Ana may
    write that row (only the author check stops it)."""
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    _push(a, hub, admin)
    ana_actor = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ana.id)
    p.add_entry(ana_actor, ana.id, Section.STRENGTHS, "I sing")
    with a.session() as s:
        (mine,) = outgoing(s)
    as_teacher = replace(mine, author_id=str(admin.account_id), author_role="teacher")
    with pytest.raises(SyncRefused, match="author"):
        with hub.transaction() as s:
            apply(s, ana_actor, [as_teacher])
    with hub.transaction() as s:
        assert apply(s, ana_actor, [mine]).applied == 1


def test_a_teachers_device_cannot_make_a_school_admin(two):
    from plprofile.store import changes as store_changes
    from plprofile.store.models import Account

    a, hub = two
    admin = _admin(a)
    with a.transaction() as s:
        tess = store_changes.create(s, a.device_id, Account(kind="teacher", display_name="Tess"), admin, None)
    _push(a, hub, admin)
    tess_actor = Actor(account_id=tess.id, role=Role.TEACHER)
    with a.transaction() as s:
        store_changes.create(s, a.device_id, Account(kind="admin", display_name="Tess again"), tess_actor, None)
    with a.session() as s:
        (made,) = outgoing(s)
    with pytest.raises(SyncRefused, match="school admin"):
        with hub.transaction() as s:
            apply(s, tess_actor, [made])
    with hub.transaction() as s:
        assert apply(s, admin, [made]).applied == 1  # the school's admin may


def test_the_learners_say_travels_and_only_its_author_can_change_it(two):
    """``shared_with_family`` is a change like any other: the learner's device's choice applies at the hub, on an
    entry and on a check-in (insert-only otherwise); a teacher's device sending the same change is refused."""
    from plprofile.store.models import CheckIn

    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ana_actor = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ana.id)
    entry = p.add_entry(ana_actor, ana.id, Section.STRENGTHS, "I sing")
    goal = p.add_goal(ana_actor, ana.id, "Sing in the choir")
    checkin = p.add_checkin(ana_actor, goal.id, 3, "Practising")
    _push(a, hub, admin)
    p.set_shared_with_family(ana_actor, ProfileEntry, entry.id, True)
    p.set_shared_with_family(ana_actor, CheckIn, checkin.id, True)
    with a.session() as s:
        batch = outgoing(s)
    assert {c.field for c in batch} == {"shared_with_family"}
    forged = [replace(c, author_id=str(admin.account_id), author_role="teacher") for c in batch]
    with pytest.raises(SyncRefused) as refused:
        with hub.transaction() as s:
            apply(s, replace(admin, admin=False), forged)
    assert "Only the learner who wrote it chooses who sees it." in refused.value.reason
    with hub.transaction() as s:
        assert apply(s, ana_actor, batch).applied == 2
    with hub.session() as s:
        assert s.get(ProfileEntry, entry.id).shared_with_family
        assert s.get(CheckIn, checkin.id).shared_with_family


def test_a_batch_of_learners_own_rows_names_its_learners_and_any_other_names_none(two):
    from plprofile.sync.changes import learners_of

    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    with a.session() as s:
        made = outgoing(s)  # the learner and their account-less row: not a learner's own rows
    assert learners_of(made) is None
    _push(a, hub, admin)
    p.add_entry(admin, ana.id, Section.STRENGTHS, "I sing")
    p.add_goal(admin, ana.id, "Read")
    with a.session() as s:
        own = outgoing(s)
    assert learners_of(own) == [str(ana.id)]
    erase = replace(own[0], action="erase", entity="learner")
    assert learners_of([*own, erase]) is None


def test_a_change_naming_a_row_of_a_learner_not_held_is_sent_back_whole(two):
    """A hub applying a batch for its learners only (``held``): a change about a stored row of another
    learner stops the batch (nothing written) so that the hub applies it again holding everything."""
    from plprofile.sync.changes import OutsideHeld

    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    bens = p.add_entry(admin, ben.id, Section.STRENGTHS, "runs fast")
    _push(a, hub, admin)
    p.add_entry(admin, ana.id, Section.STRENGTHS, "sings")
    p.edit_entry(admin, bens.id, "runs very fast")
    with a.session() as s:
        batch = outgoing(s)
    labelled = [replace(c, learner_id=str(ana.id)) for c in batch]  # Ben's edit labelled as Ana's
    before = len(_change_log(hub))
    with pytest.raises(OutsideHeld):
        with hub.transaction() as s:
            apply(s, admin, labelled, held=[str(ana.id)])
    assert len(_change_log(hub)) == before
    with hub.session() as s:
        assert s.get(ProfileEntry, bens.id).text == "runs fast"
        assert s.execute(select(ProfileEntry).where(ProfileEntry.learner_id == ana.id)).first() is None
    with hub.transaction() as s:  # holding everything, the same batch applies
        assert apply(s, admin, labelled, held=None).applied == 2
    with hub.transaction() as s:  # and a batch that stays within its learners applies while held
        p.add_entry(admin, ana.id, Section.INTERESTS, "drawing")
        with a.session() as s2:
            mine = [c for c in outgoing(s2) if c.id not in {x.id for x in batch}]
        assert apply(s, admin, mine, held=[str(ana.id)]).applied == 1
