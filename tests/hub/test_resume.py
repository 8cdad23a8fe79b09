"""A push cut off half-way resumes where it stopped: batches already acknowledged are not sent again, and
nothing is lost or applied twice."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from .conftest import Hub, run


def test_an_interrupted_push_resumes(sqlite_hub: Hub, tmp_path, monkeypatch):
    from plprofile.domain.profile import Actor, Role
    from plprofile.hub import tables
    from plprofile.hub.store import open_hub
    from plprofile.services.accounts import ensure_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store
    from plprofile.sync import client

    store = open_store(tmp_path / "laptop")
    admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
    profiles = ProfileService(store)
    learner = profiles.add_learner(admin, given_name="Ama", family_name="Owusu")
    for i in range(2 * client.PUSH_BATCH + 10):
        profiles.add_entry(admin, learner.id, "strengths", f"strength {i}")
    store.close()
    assert run("--data-dir", str(tmp_path / "laptop"), "pair", sqlite_hub.url,
               sqlite_hub.invite("admin", "Ada Admin")).returncode == 0

    real_call, pushes = client._call, []

    def cut_after_one_batch(http, path, body, headers=None):  # noqa: ANN001, ANN202
        if path == "/v1/push":
            pushes.append(len(body["changes"]))
            if len(pushes) == 2:
                raise client.SyncError("the network went away")
        return real_call(http, path, body, headers)

    monkeypatch.setattr(client, "_call", cut_after_one_batch)
    store = open_store(tmp_path / "laptop")
    try:
        with pytest.raises(client.SyncError):
            client.sync_round(store)
        monkeypatch.setattr(client, "_call", real_call)
        resumed = client.sync_round(store)
    finally:
        store.close()
    laptop = open_store(tmp_path / "laptop")
    with laptop.session() as s:
        from plprofile.store.models import ChangeLog

        made = s.execute(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.device_id == laptop.device_id)).scalar_one()
    laptop.close()
    assert pushes[0] == client.PUSH_BATCH
    assert resumed.pushed == made - client.PUSH_BATCH  # the first batch was not sent again
    hub = open_hub(sqlite_hub.folder)
    with hub.session() as s:
        from_laptop = s.execute(select(func.count()).select_from(tables.change).where(
            tables.change.c.source_device != "hub")).scalar_one()
        distinct = s.execute(select(func.count(func.distinct(tables.change.c.change_id)))).scalar_one()
        total = s.execute(select(func.count()).select_from(tables.change)).scalar_one()
    hub.close()
    assert from_laptop == made and distinct == total


def _integrity(folder) -> str:  # noqa: ANN001
    import sqlite3

    from plprofile.store.engine import DB_FILENAME

    con = sqlite3.connect(folder / DB_FILENAME)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def test_a_hub_killed_between_push_and_pull_leaves_both_stores_whole(sqlite_hub: Hub, tmp_path, monkeypatch):
    """The hub process is killed (SIGKILL) after it answered a push and before the pull: the device keeps what it
    had, the hub keeps what it acknowledged, both files are sound, and the next round (the hub back) completes."""
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import ensure_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store
    from plprofile.store.models import ProfileEntry
    from plprofile.sync import client

    from .test_end_to_end import _held, _held_at, _sync

    hub = sqlite_hub
    laptop, other = tmp_path / "laptop", tmp_path / "other"
    store = open_store(laptop)
    admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
    learner = ProfileService(store).add_learner(admin, given_name="Ama", family_name="Owusu")
    store.close()
    for folder in (laptop, other):
        assert run("--data-dir", str(folder), "pair", hub.url, hub.invite("admin", "Ada Admin")).returncode == 0
        _sync(folder)
    # the other device writes (the laptop's pull will bring it), the laptop writes (its push sends it)
    store = open_store(other)
    theirs = ProfileService(store).add_entry(client.hub_actor(_account(store)), learner.id, "interests", "Drums")
    store.close()
    _sync(other)
    store = open_store(laptop)
    mine = ProfileService(store).add_entry(client.hub_actor(_account(store)), learner.id, "strengths", "Patient")

    real_call, calls = client._call, []

    def killed_after_the_push(http, path, body, headers=None):  # noqa: ANN001, ANN202
        calls.append(path)
        answer = real_call(http, path, body, headers)
        if path == "/v1/push":
            hub.process.kill()  # SIGKILL: no clean shutdown
            hub.process.wait(60)
        return answer

    monkeypatch.setattr(client, "_call", killed_after_the_push)
    try:
        with pytest.raises(client.SyncError) as cut:
            client.sync_round(store)
        assert cut.value.status is None and calls == ["/v1/push", "/v1/pull"]
        from plprofile.sync.changes import outgoing

        with store.session() as s:
            assert outgoing(s) == []  # the hub acknowledged the push: not sent again
            assert s.get(ProfileEntry, theirs.id) is None  # nothing pulled
    finally:
        store.close()
    assert _integrity(laptop) == "ok" and _integrity(hub.folder) == "ok"
    from plprofile.hub.store import open_hub

    hub_store = open_hub(hub.folder)
    try:
        with hub_store.session() as s:
            assert s.get(ProfileEntry, mine.id).text == "Patient"  # the acknowledged push is at the hub
    finally:
        hub_store.close()

    monkeypatch.setattr(client, "_call", real_call)
    hub.start()
    store = open_store(laptop)
    try:
        again = client.sync_round(store)
    finally:
        store.close()
    assert again.pushed == 0 and again.pulled >= 1
    hub_store = open_hub(hub.folder)
    try:
        at_hub = _held(hub_store)
    finally:
        hub_store.close()
    assert _held_at(laptop) == at_hub
    assert {"Drums", "Patient"} <= {e[1] for e in at_hub["entries"].values()}


def _account(store) -> dict:  # noqa: ANN001
    import json

    from plprofile.store.models import Meta

    with store.session() as s:
        return json.loads(s.get(Meta, "hub_account").value)
