"""What changed since: the class feed against the change log (learners' own changes since the day, from this
device or arrived from another, naming the goal or section; a teacher's changes, another class and older
changes stay out); "since I last looked" is remembered per teacher."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.services.school import TEACHER, SchoolService
from plprofile.services.week import WeekService
from plprofile.store import changes
from plprofile.store.engine import DB_FILENAME
from plprofile.store.models import Account, ChangeLog, ProfileEntry


def _staff(store, name: str, kind: str = "teacher") -> Actor:
    with store.transaction() as s:
        account = Account(kind=kind, display_name=name)
        changes.create(s, store.device_id, account, teacher_actor(ensure_teacher(store)), None)
    return Actor(account_id=account.id, role=Role.TEACHER, admin=kind == "admin")


@pytest.fixture
def feed_world(store):
    profiles, classes = ProfileService(store), SchoolService(store)
    teacher_actor(ensure_teacher(store))  # the store's first teacher, in no class
    admin, one, two = _staff(store, "Admin", "admin"), _staff(store, "Ms One"), _staff(store, "Mr Two")
    a5, b5 = classes.add_class(admin, "5A"), classes.add_class(admin, "5B")
    classes.add_member(admin, a5.id, account_id=one.account_id, role=TEACHER)
    classes.add_member(admin, b5.id, account_id=two.account_id, role=TEACHER)
    ids, me = {}, {}
    for name, klass in (("Ana", a5), ("Ben", a5), ("Dev", b5)):
        ids[name] = profiles.add_learner(admin, given_name=name, family_name="Test").id
        classes.add_member(admin, klass.id, learner_id=ids[name])
        me[name] = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=ids[name])
    old = profiles.add_entry(me["Ana"], ids["Ana"], d.Section.INTERESTS, "Written long ago")
    with store.transaction() as s:  # last month: before the day the feed starts
        for row in s.execute(select(ChangeLog).where(ChangeLog.entity_id == old.id)).scalars():
            row.at = datetime.now(UTC) - timedelta(days=30)
    since = datetime.now(UTC) - timedelta(days=7)
    profiles.add_entry(me["Ana"], ids["Ana"], d.Section.ACCESS_WORKS, "Pictures help me")
    goal = profiles.add_goal(me["Ana"], ids["Ana"], "Read a chapter book")
    step = profiles.add_step(me["Ana"], goal.id, "Pick a book", due_date=date(2026, 3, 2))
    profiles.set_step_done(me["Ana"], step.id, True)
    profiles.add_checkin(me["Ana"], goal.id, 3, "Going well")
    profiles.add_entry(admin, ids["Ana"], d.Section.STRENGTHS, "A teacher's suggestion")  # not a learner's
    profiles.add_entry(me["Dev"], ids["Dev"], d.Section.INTERESTS, "Another class")
    # an entry of Ben's that arrived from another device: a change-log row written by that device
    arrived = ProfileEntry(learner_id=ids["Ben"], section=d.Section.INTERESTS.value, text="From the tablet")
    with store.transaction() as s:
        changes.create(s, "tablet-7", arrived, me["Ben"], ids["Ben"])
    return dict(store=store, service=WeekService(store, profiles), one=one, two=two, ids=ids, since=since,
                goal=goal)


def test_the_feed_is_the_learners_changes_in_the_change_log_since_the_day(feed_world, tmp_path):
    one, ids, since = feed_world["one"], feed_world["ids"], feed_world["since"]
    lines = feed_world["service"].changes_since(one, since)
    assert set(lines) == {ids["Ana"], ids["Ben"]}  # Dev is in Mr Two's class
    # every learner-written row of the change log since the day, for Ms One's learners, and nothing else
    with sqlite3.connect(tmp_path / "data" / DB_FILENAME) as con:
        logged = con.execute(
            "SELECT learner_id, entity, action, coalesce(field, '') FROM change_log WHERE author_role = 'learner' "
            "AND at >= ? AND learner_id IN (?, ?)", (since.strftime("%Y-%m-%d %H:%M:%S.%f"), ids["Ana"].hex,
                                                     ids["Ben"].hex)).fetchall()
    shown = [(lid.hex, line.entity, line.action, line.field or "") for lid, ls in lines.items() for line in ls]
    assert sorted(shown) == sorted(logged) and len(shown) == 7  # a step marked done logs done and done_at
    ana = lines[ids["Ana"]]
    assert [line.at for line in ana] == sorted((line.at for line in ana), reverse=True)
    places = {(line.entity, line.action, line.field): (line.place, line.words) for line in ana}
    assert places["profile_entry", "create", None] == (("section", "access_works"), "Pictures help me")
    assert places["goal", "create", None] == (("goal", "Read a chapter book"), "Read a chapter book")
    assert places["action_step", "update", "done"][0] == ("goal", "Read a chapter book")
    assert places["check_in", "create", None] == (("goal", "Read a chapter book"), "Going well")
    assert [(line.words, line.device_id) for line in lines[ids["Ben"]]] == [("From the tablet", "tablet-7")]


def test_since_i_last_looked_is_remembered_per_teacher(feed_world):
    service, one, two = feed_world["service"], feed_world["one"], feed_world["two"]
    assert service.feed_seen_at(one) is None
    seen = datetime.now(UTC)
    service.mark_feed_seen(one, seen)
    assert service.feed_seen_at(one) == seen and service.feed_seen_at(two) is None
    assert service.changes_since(one, seen) == {}  # nothing written since
    learner = Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=feed_world["ids"]["Ana"])
    with pytest.raises(AccessDenied):
        service.changes_since(learner, seen)
