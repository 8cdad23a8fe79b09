"""A school, end to end through the real command line, on the SQLite hub and on PostgreSQL: an admin laptop's
data arrives at the hub, a teacher's laptop receives that teacher's classes, a learner's device one profile
without teacher-only notes; each edits offline, everyone syncs, and all agree."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from tests import oneroster_sets as sets

from .conftest import Hub, run


def _open(folder):  # noqa: ANN001, ANN202
    from plprofile.store.engine import open_store

    return open_store(folder, check=False)


def _hub_actor(folder):  # noqa: ANN001, ANN202
    from plprofile.store.models import Meta
    from plprofile.sync.client import hub_actor

    store = _open(folder)
    with store.session() as s:
        account = json.loads(s.get(Meta, "hub_account").value)
    store.close()
    return hub_actor(account)


def _learner_id(folder, given: str) -> uuid.UUID:  # noqa: ANN001
    from plprofile.store.models import Learner

    store = _open(folder)
    with store.session() as s:
        found = s.execute(select(Learner.id).where(Learner.given_name == given)).scalar_one()
    store.close()
    return found


def _held(store) -> dict:  # noqa: ANN001
    """What a store holds: learners by name, and each live profile entry (id -> learner, text, teacher-only)."""
    from plprofile.store.models import Learner, ProfileEntry

    with store.session() as s:
        learners = {str(x.id): x.given_name for x in s.execute(select(Learner)).scalars()}
        entries = {str(e.id): (learners.get(str(e.learner_id)), e.text, e.teacher_only)
                   for e in s.execute(select(ProfileEntry).where(ProfileEntry.deleted_at.is_(None))).scalars()}
    return {"learners": sorted(learners.values()), "entries": entries}


def _held_at(folder) -> dict:  # noqa: ANN001
    store = _open(folder)
    try:
        return _held(store)
    finally:
        store.close()


def _sync(folder) -> dict:  # noqa: ANN001
    done = run("--data-dir", str(folder), "sync", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_school_syncs_end_to_end(hub: Hub, tmp_path):
    from plprofile.services.profiles import ProfileService

    admin_dir, teacher_dir, learner_dir = tmp_path / "admin", tmp_path / "ana", tmp_path / "zoe"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    # the admin worked alone for a while: a learner's words and a teacher-only note
    from plprofile.services.accounts import cli_teacher

    store = _open(admin_dir)
    local = cli_teacher(store)
    zoe = _learner_id(admin_dir, "Zoë")
    profiles = ProfileService(store)
    from plprofile.domain.profile import Actor, Role

    admin_actor = Actor(account_id=local.account_id, role=Role.TEACHER, admin=True)
    profiles.add_entry(admin_actor, zoe, "strengths", "Draws maps of everything")
    profiles.add_entry(admin_actor, zoe, "strengths", "Needs a quiet start (teacher's note)", teacher_only=True)
    before = _held(store)
    store.close()

    # 1. the admin laptop pairs: its whole history becomes the school's
    paired = run("--data-dir", str(admin_dir), "pair", hub.url, hub.invite("admin", "Ada Admin"))
    assert paired.returncode == 0, paired.stderr
    first = _sync(admin_dir)
    assert first["pushed"] > 0 and first["conflicts"] == 0
    assert hub.status()["learners"] == 3
    from plprofile.hub.store import open_hub

    hub_store = open_hub(hub.folder, hub.database)
    assert _held(hub_store) == before
    hub_store.close()

    # 2. Ana's laptop receives her class (5A: Zoë and José), not Seán of 5B
    assert run("--data-dir", str(teacher_dir), "pair", hub.url, hub.invite("teacher", "Ana Rivera")).returncode == 0
    got = _sync(teacher_dir)
    assert got["pulled"] > 0
    ana_view = _held_at(teacher_dir)
    assert ana_view["learners"] == ["José", "Zoë"]
    assert {e[1] for e in ana_view["entries"].values()} == {e[1] for e in before["entries"].values()}

    # 3. Zoë's device: her own profile, without the teacher-only note
    assert run("--data-dir", str(learner_dir), "pair", hub.url, hub.invite("learner", "Zoë Moreau")).returncode == 0
    _sync(learner_dir)
    zoe_view = _held_at(learner_dir)
    assert zoe_view["learners"] == ["Zoë"]
    assert [e[1] for e in zoe_view["entries"].values()] == ["Draws maps of everything"]

    # 4. offline, each writes; then everyone syncs (twice round, in a different order)
    jose = _learner_id(admin_dir, "José")
    for folder, actor, learner, text in (
            (admin_dir, admin_actor, jose, "José explains fractions with pizza"),
            (teacher_dir, _hub_actor(teacher_dir), zoe, "Zoë leads the map project"),
            (learner_dir, _hub_actor(learner_dir), zoe, "I like working with Sam")):
        store = _open(folder)
        ProfileService(store).add_entry(actor, learner, "interests", text)
        store.close()
    for folder in (learner_dir, teacher_dir, admin_dir, teacher_dir, learner_dir):
        _sync(folder)

    hub_store = open_hub(hub.folder, hub.database)
    everything = _held(hub_store)
    hub_store.close()
    texts = {e[1] for e in everything["entries"].values()}
    assert {"José explains fractions with pizza", "Zoë leads the map project", "I like working with Sam"} <= texts
    assert _held_at(admin_dir) == everything
    ana_now = _held_at(teacher_dir)
    assert ana_now["entries"] == {k: v for k, v in everything["entries"].items() if v[0] in ("Zoë", "José")}
    zoe_now = _held_at(learner_dir)
    assert zoe_now["entries"] == {k: v for k, v in everything["entries"].items() if v[0] == "Zoë" and not v[2]}
    # a round with nothing new moves nothing
    assert _sync(teacher_dir)["pushed"] == 0 and _sync(teacher_dir)["pulled"] == 0

    # 5. José moves from Ana's 5A to 5B (on the admin laptop): at her next sync his rows leave her laptop
    from plprofile.store import changes
    from plprofile.store.models import ClassMember, SchoolClass
    from plprofile.store.types import utcnow

    store = _open(admin_dir)
    with store.transaction() as s:
        member = s.execute(select(ClassMember).where(ClassMember.learner_id == jose)).scalar_one()
        changes.update(s, store.device_id, member, {"ended_at": utcnow()}, admin_actor, jose)
        other = s.execute(select(SchoolClass.id).where(SchoolClass.sourced_id == "cl-5b")).scalar_one()
        changes.create(s, store.device_id, ClassMember(class_id=other, learner_id=jose, role="student"),
                       admin_actor, jose)
    store.close()
    _sync(admin_dir)
    shrunk = _sync(teacher_dir)
    assert shrunk["removed"] == 1
    assert _held_at(teacher_dir)["learners"] == ["Zoë"]
    assert "José" in _held_at(admin_dir)["learners"]


def test_a_clock_far_off_is_reported(sqlite_hub: Hub, tmp_path, monkeypatch):
    from datetime import datetime, timedelta

    from plprofile.store.engine import open_store
    from plprofile.sync import client

    assert run("--data-dir", str(tmp_path / "laptop"), "pair", sqlite_hub.url,
               sqlite_hub.invite("admin", "Ada Admin")).returncode == 0
    store = open_store(tmp_path / "laptop")
    try:
        assert client.sync_round(store).warnings == []

        class Ahead(datetime):
            @classmethod
            def now(cls, tz=None):  # noqa: ANN001, ANN206
                return datetime.now(tz) + timedelta(minutes=7)

        monkeypatch.setattr(client, "datetime", Ahead)
        warnings = client.sync_round(store).warnings
    finally:
        store.close()
    assert len(warnings) == 1 and "7 minutes ahead of the hub's" in warnings[0]


def test_an_erasure_reaches_the_hub_and_the_devices(sqlite_hub: Hub, tmp_path):
    from plprofile.hub import tables
    from plprofile.hub.store import open_hub

    admin_dir, teacher_dir = tmp_path / "admin", tmp_path / "ana"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    jose = str(_learner_id(admin_dir, "José"))
    for folder, role, name in ((admin_dir, "admin", "Ada Admin"), (teacher_dir, "teacher", "Ana Rivera")):
        assert run("--data-dir", str(folder), "pair", sqlite_hub.url, sqlite_hub.invite(role, name)).returncode == 0
        _sync(folder)
    assert "José" in _held_at(teacher_dir)["learners"]
    from plprofile.domain.profile import Actor, Role
    from plprofile.services import erase
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService

    store = _open(admin_dir)  # the school's admin erases José on the laptop (a leaver)
    admin_actor = Actor(account_id=cli_teacher(store).account_id, role=Role.TEACHER, admin=True)
    erase.erase_learner(ProfileService(store), admin_actor, uuid.UUID(jose))
    store.close()
    _sync(admin_dir)
    store = open_hub(sqlite_hub.folder)
    with store.session() as s:
        about = s.execute(select(tables.change.c.body).where(tables.change.c.learner_id == jose)).scalars().all()
        everywhere = s.execute(select(tables.change.c.body)).scalars().all()
    store.close()
    assert all(json.loads(body)["action"] == "erase" for body in about)
    assert not any("José" in body for body in everywhere)
    assert "José" not in _held_at(sqlite_hub.folder)["learners"]
    _sync(teacher_dir)
    assert _held_at(teacher_dir)["learners"] == ["Zoë"]


def test_two_laptops_editing_one_field_offline_report_a_conflict(sqlite_hub: Hub, tmp_path):
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService

    admin_dir, teacher_dir = tmp_path / "admin", tmp_path / "ana"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    store = _open(admin_dir)
    admin_actor = Actor(account_id=cli_teacher(store).account_id, role=Role.TEACHER, admin=True)
    entry = ProfileService(store).add_entry(admin_actor, _learner_id(admin_dir, "Zoë"), "strengths", "Maps")
    store.close()
    for folder, role, name in ((admin_dir, "admin", "Ada Admin"), (teacher_dir, "teacher", "Ana Rivera")):
        assert run("--data-dir", str(folder), "pair", sqlite_hub.url, sqlite_hub.invite(role, name)).returncode == 0
        _sync(folder)
    for folder, actor, text in ((admin_dir, admin_actor, "Maps and atlases"),
                                (teacher_dir, _hub_actor(teacher_dir), "Maps of the town")):
        store = _open(folder)
        ProfileService(store).edit_entry(actor, entry.id, text)
        store.close()
    first, second = _sync(admin_dir), _sync(teacher_dir)
    _sync(admin_dir)
    assert first["conflicts"] + second["conflicts"] >= 1
    words = {_held_at(folder)["entries"][str(entry.id)][1] for folder in (admin_dir, teacher_dir, sqlite_hub.folder)}
    assert len(words) == 1 and words <= {"Maps and atlases", "Maps of the town"}
