"""A device leaving the hub: the hub revokes its credential (the old one is then refused with 401 and the hub
lists the device as revoked); without the network a staff device forgets the hub here only; a learner's device
leaves only with a teacher's name and password, checked by the hub, and stays as it was otherwise."""

from __future__ import annotations

import json

import pytest

from tests import oneroster_sets as sets

from .conftest import PASSWORD, Hub, run
from .test_end_to_end import _held_at, _open, _sync


def _devices(hub: Hub) -> dict[str, dict]:
    return {d["id"]: d for d in json.loads(hub.admin("devices", "--json").stdout)}


def _credential(folder) -> tuple[str, str, str, str]:  # noqa: ANN001
    """(url, certificate, device id, token) this device syncs with."""
    from plprofile.sync.client import _meta

    store = _open(folder)
    try:
        meta = _meta(store)
    finally:
        store.close()
    return meta["hub_url"], meta["hub_cert"], meta["hub_device_id"], meta["hub_token"]


def _pull_with(credential) -> int | None:  # noqa: ANN001
    """The hub's answer to a pull made with an old credential: its status (None: it answered 200)."""
    from plprofile.store.engine import SCHEMA_HEAD
    from plprofile.sync.client import SyncError, _call, _client

    url, pem, device_id, token = credential
    with _client(url, pem) as client:
        try:
            _call(client, "/v1/pull", {"schema": SCHEMA_HEAD, "cursor": 0},
                  {"authorization": f"Bearer {device_id}.{token}"})
        except SyncError as exc:
            return exc.status
    return None


def _disconnect(folder, **kwargs):  # noqa: ANN001, ANN003, ANN202
    from plprofile.services.hub_device import disconnect

    store = _open(folder)
    try:
        return disconnect(store, **kwargs)
    finally:
        store.close()


def _paired(folder) -> bool:  # noqa: ANN001
    from plprofile.sync.client import paired

    store = _open(folder)
    try:
        return paired(store)
    finally:
        store.close()


@pytest.fixture
def school(sqlite_hub: Hub, tmp_path):
    admin_dir = tmp_path / "admin"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    assert run("--data-dir", str(admin_dir), "pair", sqlite_hub.url,
               sqlite_hub.invite("admin", "Ada Admin")).returncode == 0
    _sync(admin_dir)
    return sqlite_hub, admin_dir


def test_a_device_that_disconnects_is_revoked_on_the_hub(school, tmp_path):
    hub, _admin_dir = school
    laptop = tmp_path / "ana"
    assert run("--data-dir", str(laptop), "pair", hub.url, hub.invite("teacher", "Ana Rivera")).returncode == 0
    _sync(laptop)
    credential = _credential(laptop)
    assert _pull_with(credential) is None  # the credential works
    done = _disconnect(laptop)
    assert done.hub_told and done.learner is None
    assert not _paired(laptop) and "Zoë" in _held_at(laptop)["learners"]  # a teacher's laptop keeps the profiles
    assert _pull_with(credential) == 401
    assert _devices(hub)[credential[2]]["revoked"] is not None


def test_without_the_network_a_staff_device_forgets_the_hub_here_only(school, tmp_path):
    hub, _admin_dir = school
    laptop = tmp_path / "ana"
    assert run("--data-dir", str(laptop), "pair", hub.url, hub.invite("teacher", "Ana Rivera")).returncode == 0
    _sync(laptop)
    credential = _credential(laptop)
    hub.stop()
    done = _disconnect(laptop)
    assert not done.hub_told and not _paired(laptop)
    hub.start()
    assert _devices(hub)[credential[2]]["revoked"] is None  # until a teacher revokes it there
    assert _pull_with(credential) is None


def test_a_learners_device_leaves_only_with_a_teachers_password(school, tmp_path):
    from plprofile.services.hub_device import TeacherNeeded

    hub, _admin_dir = school
    tablet = tmp_path / "zoe"
    assert run("--data-dir", str(tablet), "pair", hub.url, hub.invite("learner", "Zoë Moreau")).returncode == 0
    _sync(tablet)
    credential = _credential(tablet)
    before = _held_at(tablet)
    assert before["learners"] == ["Zoë"]
    for teacher, kind in ((None, "needed"), (("Zoë Moreau", "1234"), "wrong"), (("Ada Admin", "not it"), "wrong")):
        with pytest.raises(TeacherNeeded) as refused:
            _disconnect(tablet, teacher=teacher)
        assert refused.value.code == kind
        assert _paired(tablet) and _held_at(tablet) == before
        assert _devices(hub)[credential[2]]["revoked"] is None
    hub.stop()  # the hub cannot check the teacher: the tablet stays as it is
    with pytest.raises(TeacherNeeded) as refused:
        _disconnect(tablet, teacher=("Ada Admin", PASSWORD))
    assert refused.value.code == "offline" and _paired(tablet) and _held_at(tablet) == before
    hub.start()
    done = _disconnect(tablet, teacher=("Ada Admin", PASSWORD))
    assert done.hub_told and done.learner == "Zoë"
    assert not _paired(tablet) and _held_at(tablet)["learners"] == []
    assert _pull_with(credential) == 401
    assert _devices(hub)[credential[2]]["revoked"] is not None
