"""``plprofile bundle export|import`` in a subprocess: sync by file between two stores, idempotent, with a
damaged bundle, a wrong passphrase or a newer schema refused and the store left byte for byte as it was."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import uuid

from sqlalchemy import select

from plprofile.domain.profile import Actor, Role, Section
from plprofile.services.accounts import ensure_teacher
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from plprofile.store.models import Goal, Learner, ProfileEntry

PASS = "correct horse battery"


def run(*args: str, passphrase: str = PASS) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLPROFILE_PASSPHRASE": passphrase}
    env.pop("PLPROFILE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=180, check=False)


def _device(path):
    store = open_store(path)
    account = ensure_teacher(store, "Admin", kind="admin")
    return store, Actor(account_id=account.id, role=Role.TEACHER, admin=True)


def _digest(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _contents(path):
    store = open_store(path)
    try:
        with store.session() as s:
            return {m.__tablename__: sorted((str(r.id), r.model_dump(exclude={"updated_at", "version"}).__repr__())
                                            for r in s.execute(select(m)).scalars())
                    for m in (Learner, ProfileEntry, Goal)}
    finally:
        store.close()


def test_a_bundle_carries_a_devices_work_and_importing_twice_changes_nothing(tmp_path):
    laptop, admin = _device(tmp_path / "laptop")
    p = ProfileService(laptop)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    p.add_entry(admin, ana.id, Section.STRENGTHS, "Ana draws horses")
    goal = p.add_goal(admin, ana.id, "Read a chapter book")
    p.update_goal(admin, goal.id, why="Because I like stories")
    laptop.close()
    open_store(tmp_path / "hub").close()  # an empty store: it takes its first data from the admin's bundle

    out = run("--data-dir", str(tmp_path / "laptop"), "bundle", "export", str(tmp_path / "b.plpx"))
    assert out.returncode == 0, out.stderr
    assert "Wrote" in out.stdout
    assert b"Ana draws" not in (tmp_path / "b.plpx").read_bytes()  # sealed

    first = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(tmp_path / "b.plpx"), "--json")
    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)
    assert counts["applied"] > 5 and counts["skipped"] == 0 and counts["conflicts"] == 0
    assert _contents(tmp_path / "hub") == _contents(tmp_path / "laptop")

    second = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(tmp_path / "b.plpx"), "--json")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == {"applied": 0, "skipped": counts["applied"], "conflicts": 0}
    assert _contents(tmp_path / "hub") == _contents(tmp_path / "laptop")


def test_bad_bundles_are_refused_and_the_store_stays_byte_identical(tmp_path):
    laptop, admin = _device(tmp_path / "laptop")
    ProfileService(laptop).add_learner(admin, given_name="Ana", family_name="Diaz")
    laptop.close()
    hub, hub_admin = _device(tmp_path / "hub")
    ProfileService(hub).add_learner(hub_admin, given_name="Ben", family_name="Li")
    hub.close()
    assert run("--data-dir", str(tmp_path / "laptop"), "bundle", "export", str(tmp_path / "b.plpx")).returncode == 0
    before = _digest(tmp_path / "hub")

    wrong = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(tmp_path / "b.plpx"),
                passphrase="not the passphrase")
    assert wrong.returncode == 2 and "passphrase does not open" in wrong.stderr

    damaged = tmp_path / "damaged.plpx"
    data = bytearray((tmp_path / "b.plpx").read_bytes())
    data[-20] ^= 0xFF
    damaged.write_bytes(bytes(data))
    broken = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(damaged))
    assert broken.returncode == 2 and "damaged" in broken.stderr

    # a bundle of a newer schema (sealed properly, so only its content says so)
    from plprofile.services import protect

    newer = tmp_path / "newer.plpx"
    document = json.loads(gzip.decompress(protect.open_bytes(tmp_path / "b.plpx", PASS)[1]))
    document["schema"] = "0099_future"
    protect.protect_bytes(gzip.compress(json.dumps(document).encode()), newer, PASS, "newer.json.gz")
    future = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(newer))
    assert future.returncode == 2 and "newer plprofile" in future.stderr and "update plprofile" in future.stderr

    # the hub's store does not know the laptop's admin account: whose bundle it is must be allowed here
    stranger = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(tmp_path / "b.plpx"))
    assert stranger.returncode == 2 and "not in this store" in stranger.stderr

    assert _digest(tmp_path / "hub") == before
    with _Open(tmp_path / "hub") as store, store.session() as s:
        assert [r.given_name for r in s.execute(select(Learner)).scalars()] == ["Ben"]


class _Open:
    def __init__(self, path):
        self.store = open_store(path)

    def __enter__(self):
        return self.store

    def __exit__(self, *exc):
        self.store.close()


def test_a_learners_forged_change_refuses_the_whole_bundle(tmp_path):
    hub, admin = _device(tmp_path / "hub")
    p = ProfileService(hub)
    ana = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    ben = p.add_learner(admin, given_name="Ben", family_name="Li")
    from plprofile.services.auth import AuthService

    AuthService(hub).set_learner_pin(admin, ana.id, "4821", username="ana")
    with hub.session() as s:
        from plprofile.store.models import Account

        ana_account = s.execute(select(Account).where(Account.learner_id == ana.id)).scalars().one()
    hub.close()
    # Ana's device: a copy of her part of the store, where she writes her words and a forged line for Ben
    import shutil

    shutil.copytree(tmp_path / "hub", tmp_path / "ana")
    device = open_store(tmp_path / "ana")
    with device.transaction() as s:
        from plprofile.store.models import Meta

        s.add(Meta(key="sync_account", value=str(ana_account.id)))
        s.get(Meta, "device_id").value = uuid.uuid4().hex
    device.close()
    device = open_store(tmp_path / "ana")
    with device.transaction() as s:
        from plprofile.sync.changes import mark_acknowledged, outgoing

        mark_acknowledged(s, [c.id for c in outgoing(s)])
    me = Actor(account_id=ana_account.id, role=Role.LEARNER, learner_id=ana.id)
    ProfileService(device).add_entry(me, ana.id, Section.STRENGTHS, "I sing")
    ProfileService(device).add_entry(Actor(account_id=ana_account.id, role=Role.LEARNER, learner_id=ben.id),
                                     ben.id, Section.STRENGTHS, "Ben is slow")
    device.close()
    assert run("--data-dir", str(tmp_path / "ana"), "bundle", "export", str(tmp_path / "a.plpx")).returncode == 0
    before = _digest(tmp_path / "hub")
    refused = run("--data-dir", str(tmp_path / "hub"), "bundle", "import", str(tmp_path / "a.plpx"))
    assert refused.returncode == 2 and "refused" in refused.stderr and "own profile" in refused.stderr
    assert _digest(tmp_path / "hub") == before
    assert "Ben is slow" not in str(_contents(tmp_path / "hub")) and "I sing" not in str(_contents(tmp_path / "hub"))
