"""The learner's say: in their own session a learner chooses, entry by entry, "My teacher and me" or "My family
too"; the family summary (``plprofile summary``, in a real process) shows only what they shared and says so; a
teacher sees the learner's choice and cannot change it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import select

from plprofile.domain.policy import LEARNER_SHARES
from plprofile.services.demo import DEMO_PIN, DEMO_TEACHER
from plprofile.store.engine import open_store
from plprofile.store.models import ChangeLog, ProfileEntry
from plprofile.ui.profile.sections import EntryList

from .test_signin import _sign_in

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")

SHARED = "I can fix bikes with my grandad"
KEPT = "I get scared when I read out loud"


@pytest.fixture
def zoe_dir(tmp_path):
    """A small demo class: Zoë (signs in as "zoem") and her teacher."""
    from plprofile.services.demo import generate_demo
    from plprofile.store.models import Account

    folder = tmp_path / "data"
    store = open_store(folder)
    generate_demo(store, learners=5)
    with store.session() as s:
        zoe = s.execute(select(Account.learner_id).where(Account.username == "zoem")).scalar_one()
    store.close()
    return folder, zoe


def _summary_text(folder, tmp_path, name: str) -> str:
    pdf = tmp_path / name
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(folder), "summary", "Zoë",
                             "-o", str(pdf)], capture_output=True, text=True, env=env, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())  # the font's ligatures


def _strengths(window) -> EntryList:
    return window.profile.strengths.findChild(EntryList, "section_strengths")


def _choose(qtbot, entries: EntryList, text: str, index: int) -> None:
    """Select the entry ``text`` and pick the ``index``-th choice of "Who sees this?" as a person would."""
    row = entries.texts().index(text)
    entries.tree.setCurrentItem(entries.tree.topLevelItem(row))
    combo = entries.share.combo
    assert entries.share.isVisible() and combo.isEnabled()
    combo.setFocus()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a click on the item sends


def test_a_learner_shares_one_entry_and_the_family_summary_shows_only_that(open_window, answers, qtbot, zoe_dir,
                                                                            tmp_path):
    folder, zoe = zoe_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    window.profile.tabs.setCurrentWidget(window.profile.strengths)
    strengths = _strengths(window)
    for text in (SHARED, KEPT):  # written in her own words, on the Strengths page
        strengths.input.setFocus()
        qtbot.keyClicks(strengths.input, text)
        qtbot.mouseClick(strengths.add_button, qtbot_left())
        qtbot.waitUntil(lambda t=text: t in strengths.texts())
    row = strengths.texts().index(KEPT)
    strengths.tree.setCurrentItem(strengths.tree.topLevelItem(row))
    assert strengths.share.combo.currentText() == "My teacher and me"  # the default: her teacher and her
    _choose(qtbot, strengths, SHARED, 1)
    assert answers.errors == []
    qtbot.waitUntil(lambda: strengths.share.combo.currentText() == "My family too")
    window.close()

    store = open_store(folder)
    with store.session() as s:
        shared = s.execute(select(ProfileEntry).where(ProfileEntry.text == SHARED)).scalar_one()
        kept = s.execute(select(ProfileEntry).where(ProfileEntry.text == KEPT)).scalar_one()
        assert shared.shared_with_family and not kept.shared_with_family
        # a column like any other: the change log (sync's outbox) carries the choice, by its author
        log = s.execute(select(ChangeLog).where(ChangeLog.entity_id == shared.id,
                                                ChangeLog.field == "shared_with_family")).scalars().all()
        assert [(c.action, c.old_value, c.new_value, c.author_role) for c in log] == [
            ("update", "false", "true", "learner")], log
    store.close()

    text = _summary_text(folder, tmp_path, "after.pdf")
    assert SHARED in text and KEPT not in text, text
    assert "Zoë chose which of their own words their family sees: only those are here." in text


def test_a_teacher_sees_the_learners_choice_and_cannot_change_it(open_window, answers, qtbot, zoe_dir, tmp_path):
    folder, zoe = zoe_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "zoem", DEMO_PIN, learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    strengths = _strengths(window)
    strengths.input.setFocus()
    qtbot.keyClicks(strengths.input, KEPT)
    qtbot.mouseClick(strengths.add_button, qtbot_left())
    qtbot.waitUntil(lambda: KEPT in strengths.texts())
    window.close()
    before = _summary_text(folder, tmp_path, "before.pdf")
    assert KEPT not in before  # not shared: the family's page leaves it out

    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, *DEMO_TEACHER, learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    window.select_learner(zoe)
    qtbot.waitUntil(lambda: window.profile.view is not None and window.profile.view.learner.id == zoe)
    window.profile.tabs.setCurrentWidget(window.profile.strengths)
    strengths = _strengths(window)
    qtbot.waitUntil(lambda: KEPT in strengths.texts())
    strengths.tree.setCurrentItem(strengths.tree.topLevelItem(strengths.texts().index(KEPT)))
    share = strengths.share
    assert share.isVisibleTo(window) and share.combo.currentText() == "My teacher and me"  # teachers see it
    assert not share.combo.isEnabled()  # and cannot change it
    assert share.combo.toolTip() == LEARNER_SHARES
    assert share.choose(True) is False  # even when asked directly, the policy says no, in words
    assert answers.errors == [LEARNER_SHARES]
    assert share.combo.currentText() == "My teacher and me"
    window.close()
    store = open_store(folder)
    with store.session() as s:
        kept = s.execute(select(ProfileEntry).where(ProfileEntry.text == KEPT)).scalar_one()
        assert not kept.shared_with_family
    store.close()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
