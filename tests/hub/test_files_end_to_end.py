"""Files for no network between devices paired with a real hub: a learner's tablet saves its changes to a file
(as the account it paired as), and the school admin's laptop loads it."""

from __future__ import annotations

from sqlalchemy import select

from tests import oneroster_sets as sets

from .conftest import Hub, run
from .test_end_to_end import _hub_actor, _learner_id, _open, _sync

PASS = "a long passphrase"


def test_a_learners_tablet_saves_a_file_the_teachers_laptop_loads(sqlite_hub: Hub, tmp_path):
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import cli_teacher
    from plprofile.services.profiles import ProfileService
    from plprofile.services.sync_files import SyncFileService
    from plprofile.store.models import ProfileEntry

    hub = sqlite_hub
    admin_dir, learner_dir = tmp_path / "admin", tmp_path / "zoe"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    assert run("--data-dir", str(admin_dir), "pair", hub.url, hub.invite("admin", "Ada Admin")).returncode == 0
    _sync(admin_dir)
    assert run("--data-dir", str(learner_dir), "pair", hub.url, hub.invite("learner", "Zoë Moreau")).returncode == 0
    _sync(learner_dir)

    zoe = _hub_actor(learner_dir)
    store = _open(learner_dir)
    try:  # no network today: Zoë writes on her tablet and saves what the hub has not received
        entry = ProfileService(store).add_entry(zoe, _learner_id(learner_dir, "Zoë"), "interests", "Rockets")
        assert SyncFileService(store).save(zoe, tmp_path / "from-zoe.plpx", PASS) == 1
    finally:
        store.close()
    store = _open(admin_dir)
    try:
        admin = Actor(account_id=cli_teacher(store).account_id, role=Role.TEACHER, admin=True)
        loaded = SyncFileService(store).load(admin, tmp_path / "from-zoe.plpx", PASS)
        assert (loaded.applied, loaded.conflicts) == (1, 0)
        with store.session() as s:
            got = s.execute(select(ProfileEntry).where(ProfileEntry.id == entry.id)).scalar_one()
        assert (got.text, got.author_id) == ("Rockets", zoe.account_id)  # hers, as she wrote it
    finally:
        store.close()
