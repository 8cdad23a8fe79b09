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
