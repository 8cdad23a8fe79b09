"""A change the hub refused stays on the device that made it, and stays refused round after round; once the
reason is gone (the school gives the teacher the class again), the teacher sends it again, and it arrives."""

from __future__ import annotations

from sqlalchemy import select

from .conftest import Hub, run
from .test_end_to_end import _held, _held_at, _hub_actor, _open, _sync


def test_a_refused_change_waits_until_a_person_sends_it_again_and_then_arrives(sqlite_hub: Hub, tmp_path,
                                                                                     monkeypatch):
    from plprofile.hub.store import open_hub
    from plprofile.services.accounts import teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.services.school import SchoolService
    from plprofile.store import changes
    from plprofile.store.models import Account, Learner, Meta
    from plprofile.sync.changes import AGAIN_KEY, HELD_KEY

    # the school: Pia in 5A, taught by Tess
    office = tmp_path / "office"
    assert run("--data-dir", str(office), "pair", sqlite_hub.url, sqlite_hub.invite("admin", "Ada Admin")).returncode == 0
    admin = _hub_actor(office)
    store = _open(office)
    with store.transaction() as s:
        tess_id = changes.create(s, store.device_id, Account(kind="teacher", display_name="Tess Teacher",
                                                             username="tess"), admin, None).id
    profiles, school = ProfileService(store), SchoolService(store)
    pia = profiles.add_learner(admin, given_name="Pia", family_name="Lund").id
    klass = school.add_class(admin, "5A")
    school.add_member(admin, klass.id, learner_id=pia)
    tess_in_5a = school.add_member(admin, klass.id, account_id=tess_id, role="teacher").id
    store.close()
    _sync(office)
    laptop = tmp_path / "tess"
    assert run("--data-dir", str(laptop), "pair", sqlite_hub.url, sqlite_hub.invite("teacher", "Tess Teacher")).returncode == 0
    _sync(laptop)
    assert _held_at(laptop)["learners"] == ["Pia"]

    # the office takes Tess off 5A by mistake; offline, she writes down what Pia told her
    store = _open(office)
    SchoolService(store).end_member(admin, tess_in_5a)
    store.close()
    _sync(office)
    store = _open(laptop)
    with store.session() as s:
        account = s.execute(select(Account).where(Account.id == tess_id)).scalar_one()
        assert s.get(Learner, pia) is not None
    ProfileService(store).add_entry(teacher_actor(account), pia, "interests", "Pia builds model boats")
    store.close()

    def sync(*extra: str) -> str:
        done = run("--data-dir", str(laptop), "sync", *extra)
        assert done.returncode == 0, done.stderr
        return done.stdout

    said = sync()
    assert "about Pia Lund" in said and "sync --send-again" in said, said  # said, and what to do
    assert "Pia builds model boats" in {t for _, t, _ in _held_at(laptop)["entries"].values()}  # kept here

    # sent again too soon: refused again, kept again, and the round ends as any other
    said = sync("--send-again")
    assert "Sending again 1 change(s)" in said and "about Pia Lund" in said, said
    assert "Pia builds model boats" in {t for _, t, _ in _held_at(laptop)["entries"].values()}

    # sent again while a round is under way (after its push, before what left this device's scope goes): Pia,
    # out of Tess's scope now, stays with the change the hub does not have yet
    from plprofile.services.hub_device import send_held_again
    from plprofile.sync import client

    store = _open(laptop)
    real = client._held_warnings
    monkeypatch.setattr(client, "_held_warnings", lambda st, result: (send_held_again(st), real(st, result)))
    try:
        result = client.sync_round(store)
    finally:
        monkeypatch.setattr(client, "_held_warnings", real)
        store.close()
    assert result.removed == 0 and "Pia builds model boats" in {
        t for _, t, _ in _held_at(laptop)["entries"].values()}
    said = sync()  # the next round offers it: refused again, kept again
    assert "about Pia Lund" in said and "Pia" in _held_at(laptop)["learners"], said

    # the office puts her back; a plain round still keeps the change here (the hub refused it once)
    store = _open(office)
    SchoolService(store).add_member(admin, klass.id, account_id=tess_id, role="teacher")
    store.close()
    _sync(office)
    said = sync()
    assert "about Pia Lund" in said, said
    hub = open_hub(sqlite_hub.folder, None)
    try:
        assert "Pia builds model boats" not in {t for _, t, _ in _held(hub)["entries"].values()}
    finally:
        hub.close()

    # she sends it again: the hub takes it now, and nothing stays held
    said = sync("--send-again")
    assert "Sending again 1 change(s)" in said and "Warning" not in said, said
    hub = open_hub(sqlite_hub.folder, None)
    try:
        assert "Pia builds model boats" in {t for _, t, _ in _held(hub)["entries"].values()}
    finally:
        hub.close()
    store = _open(laptop)
    try:
        with store.session() as s:
            assert s.get(Meta, HELD_KEY).value == "{}" and s.get(Meta, AGAIN_KEY).value == "[]"
    finally:
        store.close()
    assert sync().count("Warning") == 0 and _sync(laptop)["pushed"] == 0  # sent once, not again and again
