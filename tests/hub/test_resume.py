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


def _two_devices_with_work(hub: Hub, tmp_path):  # noqa: ANN202
    """A laptop and another admin device paired and synced; the other wrote "Drums" (synced), the laptop
    "Patient" (not yet): (the laptop's open store, its entry, the other's entry)."""
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import ensure_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store
    from plprofile.sync import client

    from .test_end_to_end import _sync

    laptop, other = tmp_path / "laptop", tmp_path / "other"
    store = open_store(laptop)
    admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
    learner = ProfileService(store).add_learner(admin, given_name="Ama", family_name="Owusu")
    store.close()
    for folder in (laptop, other):
        assert run("--data-dir", str(folder), "pair", hub.url, hub.invite("admin", "Ada Admin")).returncode == 0
        _sync(folder)
    store = open_store(other)
    theirs = ProfileService(store).add_entry(client.hub_actor(_account(store)), learner.id, "interests", "Drums")
    store.close()
    _sync(other)
    store = open_store(laptop)
    mine = ProfileService(store).add_entry(client.hub_actor(_account(store)), learner.id, "strengths", "Patient")
    return store, mine, theirs


def test_a_round_is_one_request_and_an_older_hubs_answer_gets_its_own_pull(sqlite_hub: Hub, tmp_path,
                                                                          monkeypatch):
    """The round's last push carries its first pull: one request for a round. A hub that answers the push
    alone (one from before) is asked for the pull as before; the round ends the same."""
    from plprofile.store.models import ProfileEntry
    from plprofile.sync import client

    store, mine, theirs = _two_devices_with_work(sqlite_hub, tmp_path)
    real_call, calls = client._call, []

    def counted(http, path, body, headers=None):  # noqa: ANN001, ANN202
        calls.append((path, sorted(body)))
        return real_call(http, path, body, headers)

    monkeypatch.setattr(client, "_call", counted)
    try:
        done = client.sync_round(store)
        assert calls == [("/v1/push", ["changes", "pull", "schema"])]
        assert done.pushed == 1 and done.pulled >= 1
        with store.session() as s:
            assert s.get(ProfileEntry, theirs.id).text == "Drums"
        # an older hub: the push's answer has no "pull"
        from plprofile.services.profiles import ProfileService

        later = ProfileService(store).add_entry(client.hub_actor(_account(store)), mine.learner_id, "interests",
                                                "Chess")

        def older_hub(http, path, body, headers=None):  # noqa: ANN001, ANN202
            calls.append((path, sorted(body)))
            answer = real_call(http, path, body, headers)
            answer.pop("pull", None)
            return answer

        calls.clear()
        monkeypatch.setattr(client, "_call", older_hub)
        again = client.sync_round(store)
        assert [path for path, _ in calls] == ["/v1/push", "/v1/pull"] and again.pushed == 1
    finally:
        store.close()
    from plprofile.hub.store import open_hub

    hub_store = open_hub(sqlite_hub.folder)
    try:
        with hub_store.session() as s:
            assert s.get(ProfileEntry, later.id).text == "Chess"
    finally:
        hub_store.close()


def test_a_hub_killed_as_it_answers_a_round_leaves_both_stores_whole(sqlite_hub: Hub, tmp_path, monkeypatch):
    """The hub process is killed (SIGKILL) once it committed a round's push and its pull, before the device
    read the answer (the answer is lost): the device keeps its change unacknowledged and pulls nothing, the hub
    keeps what it committed, both files are sound, and the next round (the hub back) sends the change again,
    which the hub knows, and completes."""
    from plprofile.store.models import ProfileEntry
    from plprofile.sync import client

    from .test_end_to_end import _held, _held_at

    hub = sqlite_hub
    store, mine, theirs = _two_devices_with_work(hub, tmp_path)
    real_call, calls = client._call, []

    def killed_as_it_answers(http, path, body, headers=None):  # noqa: ANN001, ANN202
        calls.append(path)
        real_call(http, path, body, headers)  # committed at the hub
        hub.process.kill()  # SIGKILL: no clean shutdown
        hub.process.wait(60)
        raise client.SyncError("the connection went away before the answer arrived")

    monkeypatch.setattr(client, "_call", killed_as_it_answers)
    laptop = tmp_path / "laptop"
    try:
        with pytest.raises(client.SyncError) as cut:
            client.sync_round(store)
        assert cut.value.status is None and calls == ["/v1/push"]
        from plprofile.sync.changes import outgoing

        with store.session() as s:
            assert [c.entity_id for c in outgoing(s)] == [str(mine.id)]  # not acknowledged: sent again
            assert s.get(ProfileEntry, theirs.id) is None  # nothing pulled
    finally:
        store.close()
    assert _integrity(laptop) == "ok" and _integrity(hub.folder) == "ok"
    from plprofile.hub.store import open_hub

    hub_store = open_hub(hub.folder)
    try:
        with hub_store.session() as s:
            assert s.get(ProfileEntry, mine.id).text == "Patient"  # the committed push is at the hub
    finally:
        hub_store.close()

    monkeypatch.setattr(client, "_call", real_call)
    hub.start()
    from plprofile.store.engine import open_store

    store = open_store(laptop)
    try:
        again = client.sync_round(store)
        with store.session() as s:
            assert outgoing(s) == []
    finally:
        store.close()
    assert again.pushed == 0 and again.pulled >= 1  # the hub knew the change: applied once
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
