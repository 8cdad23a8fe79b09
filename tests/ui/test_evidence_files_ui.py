"""Evidence files through the real widgets, over a real store: the file chooser, drag and drop, pasting a
picture, thumbnails in the list, opening a file, the learner's best-work star, removing, and the refusals that
change nothing."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
)
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from plprofile.services.auth import AuthService
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from plprofile.store.models import Evidence, EvidenceBlob
from plprofile.ui.kit import ask
from tests.evidence_samples import damaged_jpeg, pdf, picture, png_bomb, wav
from tests.ui.conftest import goals_page

from .test_signin import _sign_in

GOAL = "Build a bridge that holds a book"


@pytest.fixture
def class_dir(tmp_path) -> tuple[Path, uuid.UUID]:
    folder = tmp_path / "data"
    store = open_store(folder)
    auth = AuthService(store)
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    teacher = auth.sign_in("rivera", "correct horse battery").actor
    profiles = ProfileService(store)
    learner = profiles.add_learner(teacher, given_name="Ayla", family_name="Brook")
    profiles.add_goal(teacher, learner.id, GOAL)
    auth.set_learner_pin(teacher, learner.id, "2468", username="ayla")
    store.close()
    return folder, learner.id


def _goals(window):  # noqa: ANN202
    return goals_page(window, GOAL)


def _stored(window) -> tuple[int, int]:
    with window.ctx.store.session() as s:
        return (s.execute(select(func.count()).select_from(Evidence).where(Evidence.deleted_at.is_(None)))
                .scalar_one(), s.execute(select(func.count()).select_from(EvidenceBlob)).scalar_one())


def _rows(goals) -> list:
    tree = goals.evidence
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def _drop(widget, mime: QMimeData) -> QDropEvent:
    """Drag ``mime`` over ``widget`` and let go, as a file manager's drag does (enter, move, drop)."""
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(*args)
    QApplication.sendEvent(widget, move)
    event = QDropEvent(*args)
    QApplication.sendEvent(widget, event)
    return event


def test_a_teacher_adds_files_by_chooser_and_drop_sees_thumbnails_and_opens_them(
        open_window, answers, qtbot, class_dir, tmp_path, monkeypatch):
    folder, learner_id = class_dir
    window = open_window(folder)
    window.select_learner(learner_id)
    goals = _goals(window)
    files = goals.files
    assert not files.best_button.isVisible()  # best work is the learner's mark

    # the file chooser: a 12-megapixel photo, downscaled, with a thumbnail in the list
    photo = tmp_path / "bridge.jpg"
    photo.write_bytes(picture(4000, 3000, "JPG", 95))
    answers.file_answer = str(photo)
    qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and _stored(window) == (1, 1)
    (row,) = _rows(goals)
    assert row.text(2) == "bridge.jpg" and not row.icon(0).isNull()
    assert "4000 × 3000" in row.toolTip(0) and "2000 × 1500" in row.toolTip(0)

    # drag and drop: a PDF and a recording at once
    plan, song = tmp_path / "plan.pdf", tmp_path / "song.wav"
    plan.write_bytes(pdf("my plan"))
    song.write_bytes(wav())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(plan)), QUrl.fromLocalFile(str(song))])
    assert _drop(goals.evidence.viewport(), mime).isAccepted()
    assert answers.errors == [] and _stored(window) == (3, 3)
    assert sorted(r.text(2) for r in _rows(goals)) == ["bridge.jpg", "plan.pdf", "song.wav"]
    assert all(not r.icon(0).isNull() for r in _rows(goals))

    # open: a picture in the viewer, another file through the desktop (a copy in a temporary folder)
    shown = []
    monkeypatch.setattr(ask, "dialog", lambda dialog: shown.append(dialog.image.size().toTuple()) or True)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    goals.evidence.setCurrentItem(next(r for r in _rows(goals) if r.text(2) == "bridge.jpg"))
    qtbot.mouseClick(files.open_button, Qt.MouseButton.LeftButton)
    assert shown == [(2000, 1500)]
    goals.evidence.setCurrentItem(next(r for r in _rows(goals) if r.text(2) == "plan.pdf"))
    qtbot.mouseClick(files.open_button, Qt.MouseButton.LeftButton)
    (url,) = opened
    assert Path(url.toLocalFile()).name == "plan.pdf" and Path(url.toLocalFile()).read_bytes() == pdf("my plan")

    # remove
    answers.confirm_answer = True
    qtbot.mouseClick(files.remove_button, Qt.MouseButton.LeftButton)
    assert sorted(r.text(2) for r in _rows(goals)) == ["bridge.jpg", "song.wav"]
    assert _stored(window)[0] == 2


def test_refusals_say_why_and_change_nothing(open_window, answers, qtbot, class_dir, tmp_path):
    folder, learner_id = class_dir
    window = open_window(folder)
    window.select_learner(learner_id)
    goals = _goals(window)
    bad = {"notes.txt": b"just text", "broken.jpg": damaged_jpeg(), "bomb.png": png_bomb(),
           "huge.pdf": b"%PDF-1.4\n" + b"0" * (9 * 1024 * 1024)}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "a folder").mkdir()
    for name in [*bad, "a folder"]:
        answers.file_answer = str(tmp_path / name)
        qtbot.mouseClick(goals.files.add_button, Qt.MouseButton.LeftButton)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a folder"))])
    _drop(goals.evidence.viewport(), mime)
    assert len(answers.errors) == 6
    assert "notes.txt" in answers.errors[0] and "kind of file" in answers.errors[0]
    assert "damaged" in answers.errors[1]
    assert "20000 × 20000" in answers.errors[2]
    assert "too big" in answers.errors[3] and "8.0 MB" in answers.errors[3]
    assert "is a folder" in answers.errors[4] and "is a folder" in answers.errors[5]
    assert _stored(window) == (0, 0) and _rows(goals) == []


def test_a_learner_pastes_a_picture_and_marks_it_best_work(open_window, answers, qtbot, class_dir):
    folder, learner_id = class_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "ayla", "2468", learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    goals = _goals(window)
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    goals.evidence.setFocus()
    qtbot.keyClick(goals.evidence, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert answers.errors == [] and _stored(window) == (1, 1)
    (row,) = _rows(goals)
    assert not row.icon(0).isNull() and "640 × 480" in row.toolTip(0)

    # the same picture pasted again: a second piece of evidence, the file kept once
    qtbot.keyClick(goals.evidence, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window) == (2, 1)

    goals.evidence.setCurrentItem(_rows(goals)[0])
    assert goals.files.best_button.isVisible() and goals.files.best_button.isEnabled()
    qtbot.mouseClick(goals.files.best_button, Qt.MouseButton.LeftButton)
    assert answers.errors == []
    assert sum(r.text(0).startswith("★") for r in _rows(goals)) == 1
    with window.ctx.store.session() as s:
        assert s.execute(select(func.count()).select_from(Evidence).where(Evidence.best_work)).scalar_one() == 1
