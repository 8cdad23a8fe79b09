"""A teacher's file for one learner, loaded on that learner's tablet paired through a real hub: the tablet knows
the learner's teachers from the hub (their names and ids, never a secret) and takes the file; it refuses a file
from someone who no longer teaches the learner, and one about another learner, leaving its store as it was."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from plprofile.ui.operations import sync_files
from tests import oneroster_sets as sets
from tests.hub.conftest import make_hub, run

from .hub_school import pair_learner_window, sign_in_with_pin, sync, visible_text

PASS = "a long passphrase"
NEW_WORDS = "Zoë leads the map project"
LATER_WORDS = "Zoë helps José with maps"


@pytest.fixture
def school(tmp_path):
    """A hub with set_11's school (Ana Rivera teaches 5A: Zoë and José), the admin's laptop and Ana's."""
    hub = make_hub(tmp_path, None)
    admin_dir, ana_dir = tmp_path / "admin", tmp_path / "ana"
    roster = sets.write_zip(sets.set_11(), tmp_path / "roster.zip")
    assert run("--data-dir", str(admin_dir), "import", str(roster), "--yes").returncode == 0
    for folder, role, name in ((admin_dir, "admin", "Ada Admin"), (ana_dir, "teacher", "Ana Rivera")):
        done = run("--data-dir", str(folder), "pair", hub.url, hub.invite(role, name))
        assert done.returncode == 0, done.stderr
        sync(folder)
    yield hub, admin_dir, ana_dir
    hub.stop()


def _on(folder, work):  # noqa: ANN001, ANN202
    """``work(store, actor)`` on the device in ``folder``, as the account it paired as."""
    import json

    from plprofile.store.engine import open_store
    from plprofile.store.models import Meta
    from plprofile.sync.client import hub_actor

    store = open_store(folder, check=False)
    try:
        with store.session() as s:
            actor = hub_actor(json.loads(s.get(Meta, "hub_account").value))
        return work(store, actor)
    finally:
        store.close()


def _learner(store, given: str):  # noqa: ANN001, ANN202
    from plprofile.store.models import Learner

    with store.session() as s:
        return s.execute(select(Learner.id).where(Learner.given_name == given)).scalar_one()


def _file_from(folder, tmp_path, name: str, given: str, words: str, *, note: str | None = None):  # noqa: ANN001, ANN202
    """The device in ``folder`` writes ``words`` about ``given`` (and a teacher-only ``note``), then saves a file of
    that learner's changes for their device; returns the file and how many changes it holds."""
    from plprofile.services.profiles import ProfileService
    from plprofile.services.sync_files import SyncFileService

    def work(store, actor):  # noqa: ANN001, ANN202
        learner = _learner(store, given)
        ProfileService(store).add_entry(actor, learner, "strengths", words)
        if note is not None:
            ProfileService(store).add_entry(actor, learner, "strengths", note, teacher_only=True)
        path = tmp_path / name
        return path, SyncFileService(store).save(actor, path, PASS, learner)

    return _on(folder, work)


def _dump(folder) -> list[str]:  # noqa: ANN001
    from plprofile.store.engine import DB_FILENAME

    con = sqlite3.connect(folder / DB_FILENAME)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _load(qtbot, answers, window, path) -> None:  # noqa: ANN001
    """File → Load changes from a file… and wait for its answer."""
    before = len(answers.infos) + len(answers.errors)
    answers.file_answer = str(path)
    window.load_changes_action.trigger()
    qtbot.waitUntil(lambda: len(answers.infos) + len(answers.errors) > before, timeout=120_000)


def _quiet(qtbot, window) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.hub.sync is not None and not window.hub.sync.running
                    and window.hub.sync.rounds > 0, timeout=120_000)


def test_a_teachers_file_loads_on_her_learners_tablet_and_a_strangers_does_not(
        school, open_window, qtbot, answers, monkeypatch, tmp_path, language):
    from plprofile.ui.hub_sync import background

    language("en")
    hub, admin_dir, ana_dir = school
    monkeypatch.setattr(sync_files, "passphrase_of", lambda _p, _n: PASS)
    monkeypatch.setattr(background, "DEBOUNCE_MS", 300)
    tablet_dir = tmp_path / "tablet"
    tablet = open_window(tablet_dir, require_sign_in=True)
    pair_learner_window(qtbot, answers, tablet, hub, hub.invite("learner", "Zoë Moreau"))
    sign_in_with_pin(qtbot, tablet)
    _quiet(qtbot, tablet)

    # no network between Ana's laptop and the tablet today: Ana saves a file for Zoë's device
    path, count = _file_from(ana_dir, tmp_path, "for-zoe.plpx", "Zoë", NEW_WORDS, note="Ask about her weekend")
    assert count == 1  # her words for Zoë; the teacher-only note stays off the file
    _load(qtbot, answers, tablet, path)
    assert not answers.errors, answers.errors
    assert answers.infos[-1].splitlines()[:2] == ["Loaded for-zoe.plpx, made by Ana Rivera.", "1 change applied."]
    tablet.profile.tabs.setCurrentWidget(tablet.profile.strengths)
    qtbot.waitUntil(lambda: NEW_WORDS in visible_text(), timeout=60_000)
    rounds = tablet.hub.sync.rounds  # the load was a save: the round it starts ends before the next look
    qtbot.waitUntil(lambda: tablet.hub.sync.rounds > rounds and not tablet.hub.sync.running, timeout=120_000)

    # a file about José (Ana teaches him too): refused, the tablet as it was
    path, _count = _file_from(ana_dir, tmp_path, "for-jose.plpx", "José", "José explains fractions")
    before = _dump(tablet_dir)
    _load(qtbot, answers, tablet, path)
    assert answers.errors and "for-jose.plpx" not in "".join(answers.infos)
    assert _dump(tablet_dir) == before

    # Zoë leaves Ana's class (the admin's laptop); the tablet's next round hears that Ana no longer teaches her
    from plprofile.store import changes
    from plprofile.store.models import ClassMember, SchoolClass
    from plprofile.store.types import utcnow

    def leave_5a(store, admin):  # noqa: ANN001, ANN202
        zoe = _learner(store, "Zoë")
        with store.transaction() as s:
            five_a = s.execute(select(SchoolClass.id).where(SchoolClass.sourced_id == "cl-5a")).scalar_one()
            member = s.execute(select(ClassMember).where(ClassMember.learner_id == zoe,
                                                         ClassMember.class_id == five_a)).scalar_one()
            changes.update(s, store.device_id, member, {"ended_at": utcnow()}, admin, zoe)

    _on(admin_dir, leave_5a)
    sync(admin_dir)
    rounds = tablet.hub.sync.rounds
    tablet.sync_now_action.trigger()
    qtbot.waitUntil(lambda: tablet.hub.sync.rounds > rounds and not tablet.hub.sync.running, timeout=120_000)
    assert tablet.hub.sync.state == "ok", tablet.hub.sync.reason

    # Ana's laptop has not synced since: it still holds Zoë, and Ana writes her a file. The tablet refuses it.
    path, count = _file_from(ana_dir, tmp_path, "later.plpx", "Zoë", LATER_WORDS)
    assert count == 2  # her unsent words of this morning, and these
    errors = len(answers.errors)
    before = _dump(tablet_dir)
    _load(qtbot, answers, tablet, path)
    assert len(answers.errors) == errors + 1
    assert answers.errors[-1] == ("later.plpx was made by someone who is not one of your teachers, so it was not "
                                  "opened. Nothing was changed.")
    assert _dump(tablet_dir) == before
    assert LATER_WORDS not in visible_text()
