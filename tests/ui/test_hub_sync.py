"""The background sync in the window against a real hub process: two windows on two stores see each other's
edits in place (never under the cursor), the status says when the hub is away and when all is saved, and a
revoked device is told so."""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtCore import Qt

from plprofile.ui.hub_sync import background
from tests.hub.conftest import postgres_server, postgres_url, run  # noqa: F401  (the PostgreSQL fixtures)

from .hub_school import school_hub, sync


@pytest.fixture
def school(tmp_path, monkeypatch):
    monkeypatch.setattr(background, "DEBOUNCE_MS", 300)  # a save is sent soon after (the test waits less)
    monkeypatch.setattr(background, "BACKOFF_FIRST_MS", 500)
    hub, admin_dir = school_hub(tmp_path)
    yield hub, admin_dir
    hub.stop()


def _second_device(hub, tmp_path):  # noqa: ANN001, ANN202
    folder = tmp_path / "laptop"
    done = run("--data-dir", str(folder), "pair", hub.url, hub.invite("admin", "Ada Admin"))
    assert done.returncode == 0, done.stderr
    sync(folder)
    return folder


def _round(qtbot, window) -> None:  # noqa: ANN001
    """Sync now (the menu entry) and wait for the round to end."""
    sync_ = window.hub.sync
    before = sync_.rounds
    window.sync_now_action.trigger()
    qtbot.waitUntil(lambda: sync_.rounds > before and not sync_.running, timeout=120_000)


def _sent(qtbot, window, change) -> None:  # noqa: ANN001
    """Make a change (a save) and wait for the background round it starts to send it."""
    sync_ = window.hub.sync
    before = sync_.rounds
    change()
    qtbot.waitUntil(lambda: sync_.rounds > before and not sync_.running and sync_.waiting == 0, timeout=120_000)


def _show(qtbot, window, given: str) -> None:  # noqa: ANN001
    row = next(r for r in range(window.model.rowCount()) if given in window.model.index(r, 0).data())
    window.table.selectRow(window.proxy.mapFromSource(window.model.index(row, 0)).row())
    qtbot.waitUntil(lambda: window.profile.view is not None and window.profile.view.learner.given_name == given, timeout=60_000)


def test_two_windows_on_two_stores_see_each_others_edits_in_place(school, open_window, qtbot, answers, tmp_path):
    hub, admin_dir = school
    laptop = _second_device(hub, tmp_path)
    a = open_window(admin_dir)
    b = open_window(laptop)
    for w in (a, b):
        qtbot.waitUntil(lambda w=w: w.hub.sync is not None and w.hub.sync.state == "ok", timeout=120_000)
        _show(qtbot, w, "Zoë")
    # A saves Zoë's pronouns: sent a moment later, without anyone asking
    a.profile.tabs.setCurrentWidget(a.profile.about)
    a.profile.about.pronouns.setText("she/her")
    _sent(qtbot, a, lambda: qtbot.mouseClick(a.profile.about.save_button, Qt.MouseButton.LeftButton))
    assert "All saved to the school hub" in a.hub.status.button.text()
    # B's round brings it: the field shows it in place, on the same tab
    b.profile.tabs.setCurrentWidget(b.profile.about)
    _round(qtbot, b)
    assert b.profile.about.pronouns.text() == "she/her"
    assert b.profile.tabs.currentWidget() is b.profile.about
    # a learner added on A arrives in B's learner list
    from plprofile.services.profiles import ProfileService

    _sent(qtbot, a, lambda: ProfileService(a.store).add_learner(a.ctx.me, given_name="Iris", family_name="Vale"))
    _round(qtbot, b)
    names = [b.model.index(r, 0).data() for r in range(b.model.rowCount())]
    assert any("Iris" in n for n in names), names
    # B is typing in the group field when A's next change of Zoë's details arrives: nothing is replaced
    # under the cursor; B's save then meets the stale-edit prompt, with both versions
    group = b.profile.about.group
    b.activateWindow()
    qtbot.waitUntil(b.isActiveWindow, timeout=60_000)
    group.setFocus()
    qtbot.waitUntil(group.hasFocus, timeout=60_000)
    qtbot.keyClicks(group, "Kestrels")
    a.profile.about.pronouns.setText("they/them")
    _sent(qtbot, a, lambda: qtbot.mouseClick(a.profile.about.save_button, Qt.MouseButton.LeftButton))
    _round(qtbot, b)
    assert group.text() == "Kestrels" and b.profile.about.pronouns.text() == "she/her"
    qtbot.mouseClick(b.profile.about.save_button, Qt.MouseButton.LeftButton)
    assert answers.errors and "they/them" in answers.errors[-1]
    # the focus gone from the field, the profile shows what is stored
    b.class_pane.table.setFocus()
    qtbot.waitUntil(lambda: b.profile.about.pronouns.text() == "they/them", timeout=60_000)


def test_an_arrival_refreshes_only_the_views_of_the_learners_it_brought(school, open_window, qtbot, tmp_path):
    from plprofile.services.profiles import ProfileService

    hub, admin_dir = school
    laptop = _second_device(hub, tmp_path)
    a = open_window(admin_dir)
    b = open_window(laptop)
    for w in (a, b):
        qtbot.waitUntil(lambda w=w: w.hub.sync is not None and w.hub.sync.state == "ok", timeout=120_000)
    _show(qtbot, b, "Zoë")
    ids = {s.given_name: s.id for s in ProfileService(a.store).list_learners(a.ctx.me)}
    reloads, lists, rounds = [], [], []
    profile_reload, refresh_learners = b.profile.reload, b.refresh_learners
    b.profile.reload = lambda: reloads.append(b.profile.view.learner.given_name) or profile_reload()
    b.refresh_learners = lambda **kw: lists.append(kw) or refresh_learners(**kw)
    b.hub.arrived.connect(rounds.append)

    # A writes in Tomás's profile: B's round names him; Zoë's open profile and the list are left as they are
    _sent(qtbot, a, lambda: ProfileService(a.store).add_entry(a.ctx.me, ids["Tomás"], "interests", "Chess"))
    _round(qtbot, b)
    assert rounds and rounds[-1].learners == {str(ids["Tomás"])}
    assert reloads == [] and lists == []
    # A moves Tomás to another group: the list is read again (his row shows it); Zoë's profile still stays
    _sent(qtbot, a, lambda: ProfileService(a.store).update_learner(a.ctx.me, ids["Tomás"], group_name="Owls"))
    _round(qtbot, b)
    assert rounds[-1].learners == {str(ids["Tomás"])} and rounds[-1].listed
    assert len(lists) == 1 and reloads == []
    row = b.model.row_of(ids["Tomás"])
    assert b.model.index(row, 1).data() == "Owls"
    # A writes in Zoë's profile, the one open on B: it is shown in place
    _sent(qtbot, a, lambda: ProfileService(a.store).add_entry(a.ctx.me, ids["Zoë"], "interests", "Kites"))
    _round(qtbot, b)
    assert rounds[-1].learners == {str(ids["Zoë"])}
    assert reloads == ["Zoë"] and len(lists) == 1


def test_the_status_follows_a_hub_that_goes_away_and_comes_back(school, open_window, qtbot, tmp_path):
    hub, admin_dir = school
    switch = sys.getswitchinterval()
    w = open_window(admin_dir)
    qtbot.waitUntil(lambda: w.hub.sync is not None and w.hub.sync.state == "ok", timeout=120_000)
    status = w.hub.status
    assert status.button.text().startswith("All saved to the school hub")
    hub.stop()
    from plprofile.services.profiles import ProfileService

    ProfileService(w.store).add_learner(w.ctx.me, given_name="Iris", family_name="Vale")
    ProfileService(w.store).add_learner(w.ctx.me, given_name="Otto", family_name="Lind")
    qtbot.waitUntil(lambda: w.hub.sync.state == "offline" and w.hub.sync.waiting > 0, timeout=120_000)
    assert "waiting: no connection" in status.button.text()
    assert "kept on this device" in status.button.toolTip()
    failures = w.hub.sync.failures
    qtbot.waitUntil(lambda: w.hub.sync.failures > failures, timeout=120_000)  # it keeps trying, backing off
    assert w.hub.sync.retry_in_ms > 0
    hub.start()
    _round(qtbot, w)
    assert w.hub.sync.state == "ok" and w.hub.sync.waiting == 0
    assert status.button.text().startswith("All saved to the school hub")
    assert sys.getswitchinterval() == switch  # a round's quicker hand-over of Python's lock ends with it
    assert hub.status()["learners"] == 4


def test_a_revoked_device_is_told_so(school, open_window, qtbot, tmp_path):
    hub, admin_dir = school
    w = open_window(admin_dir)
    qtbot.waitUntil(lambda: w.hub.sync is not None and w.hub.sync.state == "ok", timeout=120_000)
    devices = hub.admin("devices", "--json", check=False)
    device_id = json.loads(devices.stdout)[0]["id"] if devices.returncode == 0 else None
    assert device_id, devices.stderr
    hub.admin("revoke", device_id)
    _round(qtbot, w)
    assert w.hub.sync.state == "attention"
    assert w.hub.status.button.text() == "Sync needs attention"
    assert "revoked" in w.hub.status.button.toolTip()


def test_a_window_syncs_in_the_background_with_a_hub_on_postgresql(postgres_url,  # noqa: F811
                                                                   open_window, qtbot, monkeypatch,
                                                                   tmp_path):
    monkeypatch.setattr(background, "DEBOUNCE_MS", 300)
    hub, admin_dir = school_hub(tmp_path, postgres_url)
    try:
        w = open_window(admin_dir)
        qtbot.waitUntil(lambda: w.hub.sync is not None and w.hub.sync.state == "ok", timeout=120_000)
        from plprofile.services.profiles import ProfileService

        _sent(qtbot, w, lambda: ProfileService(w.store).add_learner(w.ctx.me, given_name="Iris", family_name="Vale"))
        assert w.hub.status.button.text().startswith("All saved to the school hub")
        assert hub.status()["learners"] == 3 and hub.status()["database"] == "postgresql"
    finally:
        hub.stop()
