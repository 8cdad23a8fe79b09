"""Needs a decision in the window: conflicts made by syncing two devices (``tests.conflicts``), found from the
profile's banner and the Learner menu, decided by clicking, checked in the store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from plprofile.services.auth import SignedIn
from plprofile.services.decisions import DecisionService
from plprofile.store.engine import open_store
from plprofile.store.models import Goal, ProfileEntry
from tests.conflicts import build, push


@pytest.fixture
def pair(tmp_path):
    made = build(tmp_path, tmp_path / "data")
    made.laptop.close()  # the window opens the laptop's store
    yield made
    made.tablet.close()


def _stored(data, model, row_id, field):
    store = open_store(data)
    try:
        with store.session() as s:
            return getattr(s.get(model, row_id), field)
    finally:
        store.close()


def _card(cards, text):
    return next(c for c in cards if c.conflict.current.text == text)


def _all_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_the_teacher_decides_from_the_banner_and_the_store_and_the_profile_follow(open_window, qtbot, pair, tmp_path,
                                                                                   language):
    language("en")  # the plural forms
    window = open_window(tmp_path / "data")
    assert window.select_learner(pair.learner_id)
    banner = window.profile.decision_banner
    qtbot.waitUntil(banner.isVisible)
    assert "2 things in this profile need your decision" in banner.label.text()
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    shown = window.decision_window
    assert shown.isVisible() and shown.list.learner_id == pair.learner_id
    cards = shown.list.cards
    assert len(cards) == 4
    own = _card(cards, "I draw horses")
    assert not own.this_button.isVisibleTo(shown) and own.waiting.isVisibleTo(shown)
    assert "Ana Diaz decides this one" in own.waiting.text()
    club = _card(cards, "Join the robot club")
    assert [t.text() for t in club.texts] == ["Join the robot club", "Join the chess club"]
    assert "Written by Ana ·" in _all_text(club) and "Written by you" in _all_text(club)
    qtbot.mouseClick(club.other_button, Qt.MouseButton.LeftButton)
    assert _stored(tmp_path / "data", Goal, pair.ids["teacher_goal"], "statement") == "Join the chess club"
    assert len(shown.list.cards) == 3 and "Join the chess club" not in [c.conflict.current.text
                                                                         for c in shown.list.cards]
    # the profile on screen was read again: one decision of the teacher's left
    assert "1 thing in this profile needs your decision" in banner.label.text()
    note = _card(shown.list.cards, "Family news: moving house")
    qtbot.mouseClick(note.both_button, Qt.MouseButton.LeftButton)
    assert _stored(tmp_path / "data", ProfileEntry, pair.ids["note"], "text") == (
        "Family news: moving house\n\nFamily news: a new baby")
    assert "wait for the learner" in banner.label.text()


def test_the_learner_decides_their_own_words_and_never_sees_the_teachers_note(qtbot, pair, tmp_path):
    from plprofile.ui.decide.decision_list import DecisionList
    from plprofile.ui.kit.context import AppContext

    store = open_store(tmp_path / "data")
    try:
        session = AppContext(store, SignedIn(pair.ana, "Ana Diaz", "ana"))
        listing = DecisionList(None, session)
        qtbot.addWidget(listing)
        listing.show()
        assert sorted(c.conflict.current.text for c in listing.cards) == [
            "I draw horses", "Join the robot club", "Read every night"]
        assert "Family" not in _all_text(listing)
        club = _card(listing.cards, "Join the robot club")
        assert not club.both_button.isVisibleTo(listing) and "Your teacher decides" in club.waiting.text()
        own = _card(listing.cards, "I draw horses")
        assert "In your profile now" in _all_text(own) and "Written by you" in _all_text(own)
        qtbot.mouseClick(own.both_button, Qt.MouseButton.LeftButton)
        with store.session() as s:
            assert s.get(ProfileEntry, pair.ids["entry"]).text == "I draw horses\n\nI draw comics"
        goal = _card(listing.cards, "Read every night")
        qtbot.mouseClick(goal.this_button, Qt.MouseButton.LeftButton)
        with store.session() as s:
            assert s.get(Goal, pair.ids["goal"]).statement == "Read every night"
        assert [c.conflict.current.text for c in listing.cards] == ["Join the robot club"]
        assert DecisionService(store).open_count(pair.ana) == 0
        # the decision is an ordinary change: it reaches the tablet, which stops asking
        push(store, pair.tablet, pair.teacher, pair.ana)
        with pair.tablet.session() as s:
            assert s.get(ProfileEntry, pair.ids["entry"]).text == "I draw horses\n\nI draw comics"
        assert DecisionService(pair.tablet).open_count(pair.ana) == 0  # "keep this one" travelled as well
    finally:
        store.close()


def test_the_learner_menu_opens_every_learners_decisions(open_window, qtbot, pair, tmp_path):
    window = open_window(tmp_path / "data")
    window.decisions_action.trigger()
    shown = window.decision_window
    assert shown.list.learner_id is None and len(shown.list.cards) == 4
    assert shown.scope.currentData() is None
    assert "Ana Diaz" in shown.list.cards[0].title.text()


def test_the_screenshot_of_the_decide_view(pair, tmp_path):
    import os
    import subprocess
    import sys

    shot = tmp_path / "decide.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLPROFILE_LANG": "es"}
    done = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(tmp_path / "data"), "--screenshot",
                           str(shot), "--view", "decide"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 600 and image.height() >= 400


def test_history_says_which_version_was_kept(tmp_path, qapp):
    from sqlalchemy import select

    from plprofile.services.decisions import Choice
    from plprofile.store.models import ChangeLog
    from plprofile.ui.profile.history import describe

    made = build(tmp_path)
    try:
        decisions = DecisionService(made.laptop)
        mine = next(c for c in decisions.open_conflicts(made.ana) if c.current.text == "Read every night")
        decisions.resolve(made.ana, mine.id, Choice.THIS)
        with made.laptop.session() as s:
            row = s.execute(select(ChangeLog).where(ChangeLog.entity_id == made.ids["goal"])
                            .order_by(ChangeLog.hlc.desc())).scalars().first()
        assert describe(row) == ("Goal: statement kept, of two versions", "", "Read every night")
    finally:
        made.close()


def test_a_note_removed_here_and_changed_there_is_kept_from_the_list(open_window, qtbot, tmp_path, language):
    """The laptop removed a teacher's note that the tablet changed meanwhile: the list says "Removed by you · …
    on this device" beside the changed words, "Changed by … on another device", and *Keep it* brings it back."""
    from plprofile.services.profiles import ProfileService
    from tests.conflicts import exchange

    language("en")
    made = build(tmp_path, tmp_path / "data")
    try:
        ProfileService(made.laptop).delete_row(made.teacher, ProfileEntry, made.ids["note"])
        ProfileService(made.tablet).edit_entry(made.teacher, made.ids["note"], "Family news: a baby sister")
        exchange(made)
    finally:
        made.close()
    window = open_window(tmp_path / "data")
    assert window.select_learner(made.learner_id)
    qtbot.mouseClick(window.profile.decision_banner.button, Qt.MouseButton.LeftButton)
    shown = window.decision_window
    card = next(c for c in shown.list.cards if c.conflict.removed)
    assert [t.text() for t in card.texts] == ["(removed)", "Family news: a baby sister"]
    words = _all_text(card)
    assert "Removed by you ·" in words and "on this device" in words
    assert "Changed by you ·" in words and "on another device" in words
    assert card.this_button.text() == "&Remove it" and card.other_button.text() == "&Keep it"
    assert not card.both_button.isVisibleTo(shown)
    qtbot.mouseClick(card.other_button, Qt.MouseButton.LeftButton)
    assert _stored(tmp_path / "data", ProfileEntry, made.ids["note"], "text") == "Family news: a baby sister"
    assert _stored(tmp_path / "data", ProfileEntry, made.ids["note"], "deleted_at") is None
    assert not [c for c in shown.list.cards if c.conflict.removed]
