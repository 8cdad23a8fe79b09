"""Convergence: a hub and three devices (an admin's, a teacher's, a learner's) edit, delete, restore and
erase while offline, with clocks wrong, and sync in any order, by the sync core's own functions (``outgoing``,
``apply``, ``visible_to``) and by bundles imported twice. After everyone syncs: every device holds exactly
what its account may see, equal to the hub's; every field is the newest write or a recorded conflict; no
pushed change is lost; the erased learner is gone everywhere.

Bounded: 30 steps, a few examples by default; PLPROFILE_SYNC_EXAMPLES=N (or the ``slow`` test) runs more.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from plprofile.domain.merge import is_free_text
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Actor, Role, Section
from plprofile.services.accounts import ensure_teacher
from plprofile.services.auth import AuthService
from plprofile.services.profiles import ProfileService
from plprofile.store import changes as store_changes
from plprofile.store.changes import NotFoundError, StaleEditError, erased_token
from plprofile.store.engine import open_store
from plprofile.store.models import (
    Account,
    ChangeLog,
    ErasedLearner,
    Goal,
    Learner,
    Meta,
    ProfileEntry,
    SyncConflict,
)
from plprofile.sync.bundle import export_bundle, import_bundle, read_bundle
from plprofile.sync.changes import apply, mark_acknowledged, outgoing, visible_to

DEVICES = ("admin", "teacher", "learner")
MODELS = (Learner, Goal, ProfileEntry)
PASS = "sync bundle passphrase"
_TEMPLATE: dict[str, object] = {}
#: What the runs did (printed at the end, so that a run that never met a conflict or a purge is seen).
STATS: Counter = Counter()


def _template(root) -> dict[str, object]:
    """A hub holding the school (an admin's first data, pushed), and three devices that pulled their part:
    made once, copied for each example (opening fresh stores runs the migrations, which is slow)."""
    if _TEMPLATE:
        return _TEMPLATE
    base = root / "template"
    admin_store = open_store(base / "admin")
    admin_account = ensure_teacher(admin_store, "Admin", kind="admin")
    admin = Actor(account_id=admin_account.id, role=Role.TEACHER, admin=True)
    p = ProfileService(admin_store)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    auth = AuthService(admin_store)
    auth.add_teacher(admin, "Tess Teacher", "tess", "a long password 1")
    auth.set_learner_pin(admin, ana.id, "4821", username="ana")
    with admin_store.session() as s:
        teacher_id = s.execute(select(Account.id).where(Account.username == "tess")).scalar_one()
        ana_account = s.execute(select(Account.id).where(Account.learner_id == ana.id)).scalar_one()
    teacher = Actor(account_id=teacher_id, role=Role.TEACHER)
    learner = Actor(account_id=ana_account, role=Role.LEARNER, learner_id=ana.id)
    goals = [p.add_goal(admin, ana.id, "Read a chapter book").id, p.add_goal(learner, ana.id, "Swim a length").id,
             p.add_goal(admin, ben.id, "Learn my times tables").id]
    entries = [p.add_entry(learner, ana.id, Section.STRENGTHS, "I draw horses").id,
               p.add_entry(admin, ana.id, Section.STRENGTHS, "Works best mornings", teacher_only=True).id]
    hub = open_store(base / "hub")
    with admin_store.session() as s:
        batch = outgoing(s)
    with hub.transaction() as s:
        apply(s, admin, batch)
    with admin_store.transaction() as s:
        mark_acknowledged(s, [c.id for c in batch])
    with hub.session() as s:
        log = [c for c in _hub_changes(s)]
    actors = {"admin": admin, "teacher": teacher, "learner": learner}
    for name in ("teacher", "learner"):
        device = open_store(base / name)
        with hub.session() as s:
            mine = visible_to(s, actors[name], log)
        with device.transaction() as s:
            apply(s, actors[name], mine, check_policy=False)
            s.add(Meta(key="sync_account", value=str(actors[name].account_id)))
        device.close()
    admin_store.close()
    hub.close()
    _TEMPLATE.update(base=base, actors=actors, ana=ana.id, ben=ben.id, goals=goals, entries=entries,
                     cursor=len(log))
    return _TEMPLATE


def _hub_changes(session) -> list:
    from plprofile.sync.changes import everything

    return everything(session)


class Sync(RuleBasedStateMachine):
    root = None  # set by the test

    @initialize(skews=st.tuples(*[st.sampled_from([0, -3_600_000, 420_000, 90_000]) for _ in DEVICES]))
    def start(self, skews):
        t = _template(self.root)
        self.dir = self.root / uuid.uuid4().hex
        shutil.copytree(t["base"], self.dir)
        self.hub = open_store(self.dir / "hub")
        self.stores = {name: open_store(self.dir / name) for name in DEVICES}
        self.actors = t["actors"]
        self.ana, self.ben, self.goals, self.entries = t["ana"], t["ben"], t["goals"], t["entries"]
        self.hub_log = []  # the changes the hub accepted, in its order (its ``seq``)
        with self.hub.session() as s:
            self.hub_log = _hub_changes(s)
        self.cursor = {name: t["cursor"] for name in DEVICES}
        self.cursor["admin"] = len(self.hub_log)
        for name, skew in zip(DEVICES, skews, strict=True):
            store_changes.CLOCK_SKEW_MS[self.stores[name].device_id] = skew
        self.pushed: set[str] = set()
        self.ben_changes: set[str] = set()
        self.ben_accounts: set[str] = set()
        self.purged = False
        self.writes: list[tuple[str, str, str]] = []  # (row id, field, value) of every edit made
        self.step = 0

    def teardown(self):
        for store in (getattr(self, "hub", None), *getattr(self, "stores", {}).values()):
            if store is not None:
                store_changes.CLOCK_SKEW_MS.pop(store.device_id, None)
                store.close()
        if getattr(self, "dir", None) is not None:
            shutil.rmtree(self.dir, ignore_errors=True)

    # ---- work on a device ----------------------------------------------------------------------------------
    @rule(device=st.sampled_from(DEVICES), goal=st.integers(0, 2), field=st.sampled_from(["statement", "why", "status"]),
          status=st.sampled_from(["in_progress", "achieved", "revised"]))
    def edit_goal(self, device, goal, field, status):
        self.step += 1
        value = status if field == "status" else f"{device} wrote this at step {self.step}"
        try:
            ProfileService(self.stores[device]).update_goal(self.actors[device], self.goals[goal], **{field: value})
        except (AccessDenied, NotFoundError, StaleEditError):
            return
        self.writes.append((str(self.goals[goal]), field, value))
        STATS["edits"] += 1

    # edits are what conflicts are made of: drawn more often than the other steps
    @rule(device=st.sampled_from(DEVICES), goal=st.integers(0, 1), field=st.sampled_from(["statement", "why"]))
    def edit_same_goal_text(self, device, goal, field):
        self.edit_goal(device, goal, field, "achieved")

    @rule(device=st.sampled_from(DEVICES), field=st.sampled_from(["statement", "status"]),
          status=st.sampled_from(["in_progress", "achieved"]))
    def edit_first_goal(self, device, field, status):
        self.edit_goal(device, 0, field, status)

    @rule(device=st.sampled_from(DEVICES))
    def edit_learners_words(self, device):
        self.step += 1
        value = f"{device}'s words at step {self.step}"
        try:
            ProfileService(self.stores[device]).edit_entry(self.actors[device], self.entries[0], value)
        except (AccessDenied, NotFoundError, StaleEditError):
            return
        self.writes.append((str(self.entries[0]), "text", value))
        STATS["learner words edited"] += 1

    @rule(device=st.sampled_from(["admin", "teacher"]), goal=st.integers(0, 2), restore=st.booleans())
    def delete_or_restore_goal(self, device, goal, restore):
        store, actor = self.stores[device], self.actors[device]
        try:
            if not restore:
                ProfileService(store).delete_row(actor, Goal, self.goals[goal])
                STATS["deletes"] += 1
                return
            with store.transaction() as s:
                row = s.get(Goal, self.goals[goal])
                if row is None or row.deleted_at is None:
                    return
                store_changes.restore(s, store.device_id, row, actor, row.learner_id)
            STATS["restores"] += 1
        except (AccessDenied, NotFoundError):
            return

    @precondition(lambda self: not self.purged)
    @rule(device=st.sampled_from(["admin", "teacher"]))
    def purge_ben(self, device):
        with self.stores[device].session() as s:
            self.ben_accounts = {str(a) for a in s.execute(select(Account.id).where(Account.learner_id == self.ben)).scalars()}
        ProfileService(self.stores[device]).purge_learner(self.actors[device], self.ben)
        self.purged = True
        STATS["purges"] += 1

    # ---- sync ----------------------------------------------------------------------------------------------
    @rule(device=st.sampled_from(DEVICES))
    def push(self, device):
        store = self.stores[device]
        with store.session() as s:
            batch = outgoing(s)
        with self.hub.transaction() as s:
            result = apply(s, self.actors[device], batch)  # the hub trusts no device: the policy checks
        self.hub_log += [c for c in batch if c.id in set(result.applied_ids)]
        self._pushed(batch)
        with store.transaction() as s:
            mark_acknowledged(s, [c.id for c in batch])

    @rule(device=st.sampled_from(DEVICES))
    def pull(self, device):
        store, actor = self.stores[device], self.actors[device]
        new = self.hub_log[self.cursor[device]:]
        with self.hub.session() as s:
            mine = visible_to(s, actor, new)
        with store.transaction() as s:
            apply(s, actor, mine, check_policy=False)
        self.cursor[device] = len(self.hub_log)

    @precondition(lambda self: self.step % 4 == 1)
    @rule(device=st.sampled_from(DEVICES))
    def carry_a_bundle_twice(self, device):
        """Sync by file: the device's unacknowledged changes imported at the hub twice (not acknowledged: the
        next push sends them again, and the hub skips them)."""
        self.step += 1
        STATS["bundles"] += 1
        path = self.dir / f"{device}-{self.step}.plpx"
        export_bundle(self.stores[device], path, PASS)
        bundle = read_bundle(path, PASS)
        first = import_bundle(self.hub, bundle)
        second = import_bundle(self.hub, bundle)
        assert second.applied == 0 and second.skipped == len(bundle.changes)
        self.hub_log += [c for c in bundle.changes if c.id in set(first.applied_ids)]
        self._pushed(bundle.changes)

    def _pushed(self, batch):
        self.pushed |= {c.id for c in batch}
        ben = {str(self.ben), *self.ben_accounts}
        self.ben_changes |= {c.id for c in batch if c.learner_id in ben or c.entity_id in ben
                             or c.author_id in ben}

    # ---- what holds at every step -------------------------------------------------------------------------
    @invariant()
    def the_learner_device_never_holds_another_learner_or_a_teacher_only_note(self):
        if not hasattr(self, "stores"):
            return
        with self.stores["learner"].session() as s:
            assert {r.id for r in s.execute(select(Learner)).scalars()} <= {self.ana}
            assert s.get(ProfileEntry, self.entries[1]) is None
            assert not any(a.secret_hash for a in s.execute(select(Account)).scalars())

    # ---- at the end, after everyone syncs ------------------------------------------------------------------
    def settle(self):
        for _ in range(2):
            for device in DEVICES:
                self.push(device)
            for device in DEVICES:
                self.pull(device)

    def check_converged(self):
        self.settle()
        with self.hub.session() as s:
            hub_rows = {m: _rows(s, m) for m in MODELS}
            hub_ids = {str(i) for i in s.execute(select(ChangeLog.id)).scalars()}
            conflicts = s.execute(select(SyncConflict)).scalars().all()
            STATS["conflicts at the hub"] += len(conflicts)
            STATS["examples"] += 1
            hub_log = s.execute(select(ChangeLog)).scalars().all()
            fields = {(str(g.id), f): store_changes.as_text(getattr(g, f))
                      for g in s.execute(select(Goal)).scalars() for f in ("statement", "why", "status")}
            fields |= {(str(e.id), "text"): e.text for e in s.execute(select(ProfileEntry)).scalars()}
        for device in DEVICES:
            store, actor = self.stores[device], self.actors[device]
            with store.session() as s:
                mine = {m: _rows(s, m) for m in MODELS}
                own = {str(i) for i in s.execute(select(ChangeLog.id).where(
                    ChangeLog.device_id == store.device_id)).scalars()}
            with self.hub.session() as s:
                allowed = {m: {k: v for k, v in hub_rows[m].items() if _may_read(s, actor, m, k)} for m in MODELS}
            assert mine == allowed, f"{device} differs from the hub"
            # no change made on a device and pushed is lost (the erased learner's went with them)
            assert own <= hub_ids
        assert self.pushed - hub_ids <= self._about_ben(), "a pushed change is missing at the hub"
        # every edit is the field's value now, a recorded conflict, or was overwritten by a write that saw it
        recorded = {(str(c.entity_id), c.field, v) for c in conflicts for v in (c.kept_value, c.lost_value)}
        seen_by = {(str(r.entity_id), r.field, r.old_value) for r in hub_log if r.action == "update"}
        for row_id, field, value in self.writes:
            if (row_id, field) not in fields:
                continue  # Ben's goal, erased
            if is_free_text("goal" if field != "text" else "profile_entry", field):
                assert (fields[row_id, field] == value or (row_id, field, value) in recorded
                        or (row_id, field, value) in seen_by), f"{field} {value!r} was lost"
        # non-text fields: the newest write stands
        for (row_id, field), value in fields.items():
            if field != "status":
                continue
            newest = max((r for r in hub_log if str(r.entity_id) == row_id and r.field == field),
                         key=lambda r: r.hlc, default=None)
            if newest is not None:
                assert value == newest.new_value
        # the erased learner is gone everywhere, and stays gone
        if self.purged:
            for store in (self.hub, *self.stores.values()):
                with store.session() as s:
                    assert s.get(Learner, self.ben) is None
                    assert s.get(Goal, self.goals[2]) is None
                    assert s.execute(select(ChangeLog).where(ChangeLog.learner_id == self.ben)).first() is None
                    assert s.get(ErasedLearner, erased_token(self.ben)) is not None or store is self.stores["learner"]

    def _about_ben(self) -> set[str]:
        """The pushed changes an erasure took away with Ben."""
        return self.ben_changes if self.purged else set()


def _rows(session, model) -> dict[str, tuple]:
    out = {}
    for r in session.execute(select(model)).scalars():
        data = r.model_dump(exclude={"updated_at", "version", "secret_hash", "failed_attempts", "locked_until"})
        out[str(r.id)] = tuple(sorted((k, str(v)) for k, v in data.items()))
    return out


def _may_read(session, actor, model, row_id) -> bool:
    from plprofile.domain.policy import Action, decide
    from plprofile.sync.changes import _Scopes, _target

    row = session.get(model, uuid.UUID(row_id))
    return bool(decide(actor, Action.READ, _target(session, row, _Scopes(session))))


def _run(tmp_path_factory, examples: int):
    root = tmp_path_factory.mktemp("sync")

    class Converging(Sync):
        def teardown(self):
            try:
                if hasattr(self, "stores"):
                    self.check_converged()
            finally:
                Sync.teardown(self)

    Converging.root = root
    Converging.TestCase.settings = settings(max_examples=examples, stateful_step_count=30, deadline=None,
                                            suppress_health_check=list(HealthCheck))
    Converging.TestCase().runTest()
    print("convergence runs:", dict(STATS))
    assert STATS["examples"] == examples or STATS["examples"] >= 1


def test_devices_and_hub_converge(tmp_path_factory):
    _run(tmp_path_factory, int(os.environ.get("PLPROFILE_SYNC_EXAMPLES", "6")))


@pytest.mark.slow
def test_devices_and_hub_converge_long(tmp_path_factory):
    _run(tmp_path_factory, 60)
