"""A teacher's laptop that worked alone before pairing pairs as that teacher: its learners go up when the
teacher's account may write them; when it may not, the sync says which learners stay on the laptop and why
(and goes on with the rest), round after round, instead of failing or dropping them silently."""

from __future__ import annotations

import json

from sqlalchemy import select

from .conftest import Hub, run
from .test_end_to_end import _held, _hub_actor, _open, _sync


def _work_alone(folder, teacher: str, learner: tuple[str, str], words: str) -> None:  # noqa: ANN001
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService

    store = _open(folder)
    me = teacher_actor(ensure_teacher(store, teacher))
    profiles = ProfileService(store)
    kid = profiles.add_learner(me, given_name=learner[0], family_name=learner[1])
    profiles.add_entry(me, kid.id, "interests", words)
    store.close()


def test_a_teacher_laptop_with_its_own_data_pairs_as_that_teacher(sqlite_hub: Hub, tmp_path):
    from plprofile.hub.store import open_hub
    from plprofile.services.school import SchoolService
    from plprofile.store import changes
    from plprofile.store.models import Account, Learner, ProfileEntry

    office = tmp_path / "office"
    assert run("--data-dir", str(office), "pair", sqlite_hub.url, sqlite_hub.invite("admin", "Ada Admin")).returncode == 0
    admin = _hub_actor(office)
    store = _open(office)
    with store.transaction() as s:
        for name, user in (("Tess Teacher", "tess"), ("Tom Teacher", "tom")):
            changes.create(s, store.device_id, Account(kind="teacher", display_name=name, username=user), admin, None)
    store.close()
    _sync(office)

    # Tess worked alone for a term; the school has no classes yet, so her account may write her learner
    tess = tmp_path / "tess"
    _work_alone(tess, "Tess", ("Pia", "Lund"), "Pia ties sailing knots")
    assert run("--data-dir", str(tess), "pair", sqlite_hub.url, sqlite_hub.invite("teacher", "Tess Teacher")).returncode == 0
    got = _sync(tess)
    assert got["pushed"] > 0
    hub = open_hub(sqlite_hub.folder, None)
    try:
        with hub.session() as s:
            tess_id = s.execute(select(Account.id).where(Account.username == "tess")).scalar_one()
            entry = s.execute(select(ProfileEntry).where(ProfileEntry.text == "Pia ties sailing knots")).scalar_one()
            assert entry.author_id == tess_id  # sent as the invited teacher's work
            assert "Tess" not in set(s.execute(select(Account.display_name)).scalars())  # her laptop's own account
        assert "Pia" in _held(hub)["learners"]
    finally:
        hub.close()
    # her laptop's own sign-in account stays there by design: Send again is for what the hub refused, not it
    done = run("--data-dir", str(tess), "sync", "--send-again")
    assert done.returncode == 0 and "Sending again 0 change(s)" in done.stdout, done.stdout + done.stderr
    assert "own sign-in account" in done.stdout and "--send-again" not in done.stdout.split("Sending again")[1]
    hub = open_hub(sqlite_hub.folder, None)
    try:
        with hub.session() as s:
            assert "Tess" not in set(s.execute(select(Account.display_name)).scalars())
    finally:
        hub.close()
    assert any("own sign-in account 'Tess'" in w for w in got["warnings"])  # it stays on her laptop, said so

    # then the school sets up its classes: Pia in Tess's 5A
    _sync(office)
    store = _open(office)
    school = SchoolService(store)
    klass = school.add_class(admin, "5A")
    with store.session() as s:
        pia = s.execute(select(Learner.id).where(Learner.given_name == "Pia")).scalar_one()
    school.add_member(admin, klass.id, learner_id=pia)
    school.add_member(admin, klass.id, account_id=tess_id, role="teacher")
    store.close()
    _sync(office)

    # Tom's laptop: his learner is in none of his classes, so his account may not write them
    tom = tmp_path / "tom"
    _work_alone(tom, "Tom", ("Quinn", "Abernathy"), "Quinn sings in the choir")
    assert run("--data-dir", str(tom), "pair", sqlite_hub.url, sqlite_hub.invite("teacher", "Tom Teacher")).returncode == 0
    for _ in range(2):  # said every round, not once and then silently
        done = run("--data-dir", str(tom), "sync")
        assert done.returncode == 0, done.stderr
        assert "about Quinn Abernathy" in done.stdout and "not in one of your classes" in done.stdout, done.stdout
    done = run("--data-dir", str(tom), "sync", "--json")
    assert json.loads(done.stdout)["pushed"] == 0
    hub = open_hub(sqlite_hub.folder, None)
    try:
        assert "Quinn" not in _held(hub)["learners"]
    finally:
        hub.close()
    laptop = _open(tom)
    try:
        assert "Quinn" in _held(laptop)["learners"]  # nothing lost: it stays on his laptop
    finally:
        laptop.close()
