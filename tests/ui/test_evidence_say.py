"""The learner's say on their evidence, through the window: signed in, the learner chooses a piece on the Goals
page and presses "My family too" (two actions, counted); the teacher reads the choice in the list and has no
button to change it."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from plprofile.media.prepare import prepare_bytes
from plprofile.services.accounts import learner_actor
from plprofile.services.auth import AuthService
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from plprofile.store.models import ChangeLog, Evidence
from plprofile.ui.profile.evidence_files import WHO_COLUMN
from tests.evidence_samples import picture, wav
from tests.ui.conftest import goals_page

from .test_signin import _sign_in

GOAL = "Build a bridge that holds a book"


@pytest.fixture
def class_dir(qapp, tmp_path) -> tuple[Path, uuid.UUID]:
    """Ayla's goal with two pieces of evidence she attached: a photo of her bridge and a recording."""
    folder = tmp_path / "data"
    store = open_store(folder)
    auth = AuthService(store)
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    teacher = auth.sign_in("rivera", "correct horse battery").actor
    profiles = ProfileService(store)
    learner = profiles.add_learner(teacher, given_name="Ayla", family_name="Brook")
    goal = profiles.add_goal(teacher, learner.id, GOAL)
    auth.set_learner_pin(teacher, learner.id, "2468", username="ayla")
    ayla = learner_actor(profiles.learner_account(teacher, learner.id))
    files = EvidenceFileService(store, profiles)
    files.attach(ayla, goal.id, prepare_bytes(picture(800, 600, "PNG"), "bridge.png"))
    files.attach(ayla, goal.id, prepare_bytes(wav(b"ayla"), "how-i-built-it.wav"))
    store.close()
    return folder, learner.id


def _goals(window):  # noqa: ANN202
    return goals_page(window, GOAL)


def _row(goals, name: str):  # noqa: ANN202
    tree = goals.evidence
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(2) == name)


def _shared(window) -> dict[str, bool]:
    with window.ctx.store.session() as s:
        return {e.location: e.shared_with_family for e in s.execute(select(Evidence)).scalars()}


def test_the_learner_shares_a_piece_of_evidence_in_two_actions(open_window, answers, qtbot, class_dir):
    folder, _learner_id = class_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "ayla", "2468", learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    goals = _goals(window)
    window.resize(1200, 900)
    goals.scroll.ensureWidgetVisible(goals.evidence_box)
    assert _row(goals, "bridge.png").text(WHO_COLUMN) == "My teacher and me"

    actions = 0
    row = _row(goals, "bridge.png")
    qtbot.mouseClick(goals.evidence.viewport(), Qt.MouseButton.LeftButton,
                     pos=goals.evidence.visualItemRect(row).center())
    actions += 1
    button = goals.files.family_button
    assert button.isVisible() and button.isEnabled() and not button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    actions += 1
    assert actions <= 2 and answers.errors == []
    assert _shared(window) == {"bridge.png": True, "how-i-built-it.wav": False}
    assert _row(goals, "bridge.png").text(WHO_COLUMN) == "My family too"
    assert _row(goals, "how-i-built-it.wav").text(WHO_COLUMN) == "My teacher and me"
    with window.ctx.store.session() as s:
        log = s.execute(select(ChangeLog.entity, ChangeLog.new_value, ChangeLog.author_role)
                        .where(ChangeLog.field == "shared_with_family")).all()
    assert [tuple(r) for r in log] == [("evidence", "true", "learner")]

    # and back: the same button, pressed again
    goals.evidence.setCurrentItem(_row(goals, "bridge.png"))
    assert goals.files.family_button.isChecked()
    qtbot.mouseClick(goals.files.family_button, Qt.MouseButton.LeftButton)
    assert _shared(window) == {"bridge.png": False, "how-i-built-it.wav": False}


def test_the_teacher_reads_the_choice_and_cannot_change_it(open_window, answers, qtbot, class_dir):
    folder, learner_id = class_dir
    store = open_store(folder)
    try:
        profiles = ProfileService(store)
        with store.session() as s:
            bridge = s.execute(select(Evidence).where(Evidence.location == "bridge.png")).scalar_one()
        ayla = learner_actor(profiles.learner_account(_teacher(store), learner_id))
        profiles.set_shared_with_family(ayla, Evidence, bridge.id, True)
    finally:
        store.close()
    window = open_window(folder)
    window.select_learner(learner_id)
    goals = _goals(window)
    goals.evidence.setCurrentItem(_row(goals, "bridge.png"))
    assert not goals.files.family_button.isVisible()  # the learner's say: a teacher has no button for it
    assert _row(goals, "bridge.png").text(WHO_COLUMN) == "My family too"
    assert _row(goals, "how-i-built-it.wav").text(WHO_COLUMN) == "My teacher and me"


def _teacher(store):  # noqa: ANN001, ANN202
    return AuthService(store).sign_in("rivera", "correct horse battery").actor
