"""Who may see what, driven through the real sign-in screen over a real store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from plprofile.domain import profile as d
from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER


def _sign_in(qtbot, window, username: str, secret: str, learner: bool) -> None:
    page = window.signin
    (page.learner_radio if learner else page.teacher_radio).setChecked(True)
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    if secret.isascii():
        qtbot.keyClicks(page.secret, secret)
    else:  # QTest cannot synthesise every character's key: insert as an input method would
        page.secret.insert(secret)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)


@pytest.fixture
def demo_window(open_window):
    return open_window(demo=True, require_sign_in=True)


def _learner_names(window) -> dict[str, object]:
    return {window.model.learner(i).display_name: window.model.learner(i).id for i in range(window.model.rowCount())}


def test_wrong_secrets_get_a_clear_message_and_no_hint(demo_window, qtbot):
    window = demo_window
    assert "demo-teacher" in window.signin.hint.text()
    for username, secret, learner in (("zoem", "0000", True), ("nobody", "0000", True),
                                      ("teacher", "ünïcødé pässwörd ✓", False), ("teacher", "x" * 250, False),
                                      ("nobody", "demo-teacher", False)):
        _sign_in(qtbot, window, username, secret, learner)
        assert window.signin.message.text() == "That name and password or PIN do not match. Please try again."
        assert window.pages.currentWidget() is window.signin and window.ctx is None
    _sign_in(qtbot, window, "zoem", "", learner=True)
    assert "PIN" in window.signin.message.text()
    _sign_in(qtbot, window, "zoem", "12ab", learner=True)  # letters cannot be typed into a PIN
    assert window.signin.message.text().startswith("That name")


def test_a_learner_sees_only_their_own_profile(demo_window, qtbot, answers):
    window = demo_window
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    assert window.ctx.is_learner
    assert window.profile.name_label.text() == "Zoë Moreau"
    assert not window.left.isVisible() and window.model.rowCount() == 0
    assert not window.learner_menu.menuAction().isVisible() and not window.view_menu.menuAction().isVisible()
    assert not window.profile.teacher_radio.isVisible()
    # Reaching another learner through the window is refused each time, and the own profile stays.
    others = window.ctx.profiles.list_learners(window.ctx.me)
    assert len(others) == 1
    store_learners = _all_ids(window)
    for other_id in [i for i in store_learners if i != window.ctx.me.learner_id][:3]:
        assert not window.select_learner(other_id)
        window.profile.show_learner(other_id)
        assert "only see and change their own profile" in answers.errors[-1]
        assert window.profile.view.learner.id == window.ctx.me.learner_id
    # What the learner writes is authored as them.
    strengths = window.profile.strengths.lists[d.Section.STRENGTHS]
    qtbot.keyClicks(strengths.input, "I can juggle")
    qtbot.mouseClick(strengths.add_button, Qt.MouseButton.LeftButton)
    entry = [e for e in window.profile.view.entries if e.text == "I can juggle"][0]
    assert entry.author_role == "learner" and entry.author_id == window.ctx.me.account_id
    history = window.ctx.profiles.history(window.ctx.me, window.ctx.me.learner_id)
    assert history[0].author_id == window.ctx.me.account_id


def _all_ids(window):
    from sqlalchemy import select

    from plprofile.store.models import Learner

    with window.store.session() as s:
        return list(s.execute(select(Learner.id)).scalars())


def test_idle_lock_keeps_unsaved_text_for_the_same_person(demo_window, qtbot):
    window = demo_window
    _sign_in(qtbot, window, DEMO_TEACHER[0], DEMO_TEACHER[1], learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    strengths = window.profile.strengths.lists[d.Section.STRENGTHS]
    qtbot.keyClicks(strengths.input, "half-typed thought")
    window.idle.start(interval_ms=50)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin, timeout=5000)
    assert window.signin.mode == "locked" and window.signin.username.text() == DEMO_TEACHER[0]
    qtbot.keyClicks(window.signin.secret, "wrong password")
    qtbot.mouseClick(window.signin.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.signin
    qtbot.keyClicks(window.signin.secret, DEMO_TEACHER[1])
    qtbot.mouseClick(window.signin.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    assert window.profile.strengths.lists[d.Section.STRENGTHS].input.text() == "half-typed thought"


def test_another_person_after_a_lock_sees_nothing_of_the_last_session(demo_window, qtbot):
    window = demo_window
    _sign_in(qtbot, window, DEMO_TEACHER[0], DEMO_TEACHER[1], learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    qtbot.keyClicks(window.profile.strengths.lists[d.Section.STRENGTHS].input, "private note")
    window.lock()
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    assert window.ctx.is_learner
    assert window.profile.strengths.lists[d.Section.STRENGTHS].input.text() == ""
    assert window.model.rowCount() == 0


def test_first_start_creates_the_first_teacher(open_window, qtbot):
    window = open_window(require_sign_in=True)
    page = window.signin
    assert page.mode == "first_teacher"
    qtbot.keyClicks(page.display_name, "Ms Rivera")
    qtbot.keyClicks(page.username, "rivera")
    qtbot.keyClicks(page.secret, "a long password")
    qtbot.keyClicks(page.repeat, "a different one")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert "not the same" in page.message.text() and window.ctx is None
    qtbot.keyClicks(page.secret, "a long password")
    qtbot.keyClicks(page.repeat, "a long password")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_ready)
    assert window.ctx.user.display_name == "Ms Rivera" and not window.ctx.is_learner


def test_a_teacher_changes_their_password_and_the_demo_hint_goes(demo_window, qtbot, answers, monkeypatch):
    from plprofile.ui.kit import ask

    window = demo_window
    _sign_in(qtbot, window, DEMO_TEACHER[0], DEMO_TEACHER[1], learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if "password" in a.text())
    replies = iter(["not my password", "a brand new phrase", "a brand new phrase"])
    monkeypatch.setattr(ask, "password", lambda *_a: next(replies))
    action.trigger()  # a wrong current password changes nothing
    assert answers.errors == ["The current password is not right."] and not answers.infos
    replies = iter([DEMO_TEACHER[1], "a brand new phrase", "a brand new phrase typo"])
    action.trigger()  # the two new ones differ: nothing changes
    assert "not the same" in answers.errors[-1] and not answers.infos
    replies = iter([DEMO_TEACHER[1], "a brand new phrase", "a brand new phrase"])
    action.trigger()
    assert answers.infos and "changed" in answers.infos[-1]
    window.sign_out()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin)
    assert window.signin.hint.text() == ""  # the documented demo password no longer opens this store
    _sign_in(qtbot, window, DEMO_TEACHER[0], DEMO_TEACHER[1], learner=False)
    assert window.ctx is None and window.signin.message.text().startswith("That name")
    _sign_in(qtbot, window, DEMO_TEACHER[0], "a brand new phrase", learner=False)
    qtbot.waitUntil(lambda: window.ctx is not None and not window.ctx.is_learner)


def test_the_class_overview_closes_with_the_lock_and_a_learner_never_sees_it(demo_window, qtbot):
    window = demo_window
    _sign_in(qtbot, window, DEMO_TEACHER[0], DEMO_TEACHER[1], learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    overview = window.open_class_overview()
    assert overview.isVisible()
    window.lock()
    assert not overview.isVisible() and window.class_overview is None
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.ctx is not None and window.ctx.is_learner)
    assert window.open_class_overview() is None  # even asked for directly (the View menu is hidden)
    from PySide6.QtWidgets import QApplication

    from plprofile.ui.classroom.class_overview import ClassOverview
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ClassOverview) and w.isVisible()]


def test_a_store_of_learners_without_a_teacher_offers_recovery_not_a_first_teacher(open_window, qtbot, answers,
                                                                                    tmp_path):
    """Whoever sits down at a store whose teacher accounts are gone cannot make themselves its "first" teacher:
    the screen says what happened and restores the latest backup, after which the teacher signs in as before."""
    from sqlmodel import select

    from plprofile.services.backup import create_backup
    from plprofile.services.demo import generate_demo, set_demo_credentials
    from plprofile.store.changes import utcnow
    from plprofile.store.engine import open_store
    from plprofile.store.models import Account

    data = tmp_path / "school"
    store = open_store(data)
    generate_demo(store, learners=3)
    set_demo_credentials(store)
    store.close()
    create_backup(data)
    store = open_store(data)
    with store.transaction() as s:  # the teacher accounts lost (a file edited by hand, say)
        for account in s.exec(select(Account).where(Account.kind == "teacher")):
            account.deleted_at = utcnow()
    store.close()

    window = open_window(data, require_sign_in=True)
    page = window.signin
    assert page.mode == "recovery"
    assert "no teacher account" in page.subtitle.text()
    assert not page.display_name.isVisible() and not page.username.isVisible()
    assert not window.menuBar().isEnabled()
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert answers.confirms and "Restore the backup made" in answers.confirms[-1]
    qtbot.waitUntil(lambda: page.mode == "sign_in" and page.auth is not None and window.auth.needs_recovery() is False,
                    timeout=20_000)
    _sign_in(qtbot, window, *DEMO_TEACHER, learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    assert not window.ctx.is_learner and window.model.rowCount() == 3


def test_a_learner_is_offered_remove_only_on_what_they_wrote(demo_window, qtbot, answers):
    """The window asks the access policy which buttons to offer: a learner removes their own words, not a
    teacher's; a forced attempt on a teacher's entry is refused and the entry stays."""
    window = demo_window
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    me = window.ctx.me
    teacher = window.auth.sign_in(*DEMO_TEACHER).actor  # the teacher wrote one earlier
    window.ctx.profiles.add_entry(teacher, me.learner_id, d.Section.STRENGTHS, "Kind to others")
    window.profile.show_learner(me.learner_id)
    strengths = window.profile.strengths.lists[d.Section.STRENGTHS]
    qtbot.keyClicks(strengths.input, "I can juggle")
    qtbot.mouseClick(strengths.add_button, Qt.MouseButton.LeftButton)
    view = window.profile.view
    mine = next(e for e in view.entries if e.text == "I can juggle")
    teachers = next(e for e in view.section(d.Section.STRENGTHS) if e.text == "Kind to others")
    strengths.select(mine.id)
    assert strengths.remove_button.isEnabled() and strengths.edit_button.isEnabled()
    strengths.select(teachers.id)
    assert not strengths.remove_button.isEnabled()
    strengths._remove()  # as if the button were pressed anyway
    assert teachers.id in {e.id for e in window.ctx.profiles.load_profile(window.ctx.me, window.ctx.me.learner_id).entries}
