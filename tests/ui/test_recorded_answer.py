"""Answering a question with a recording, through the window: the learner picks a sound file (or drops one) on
the question on their home; a file that is not a recording is refused with a plain message and nothing stored;
the Record button explains when this computer cannot record; the teacher plays the answer from the conference's
agenda."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from plprofile.services.auth import AuthService
from plprofile.services.profiles import ProfileService
from plprofile.services.questions import QuestionService
from plprofile.store.engine import open_store
from plprofile.store.models import EvidenceBlob, QuestionAnswer
from plprofile.ui.learner import recorder
from tests.evidence_samples import pdf, wav

from .test_signin import _sign_in

FIRST, SECOND = "What helped you most this week?", "What will you bring to the conference?"


@pytest.fixture
def asked_dir(tmp_path) -> tuple[Path, uuid.UUID]:
    folder = tmp_path / "data"
    store = open_store(folder)
    auth = AuthService(store)
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    teacher = auth.sign_in("rivera", "correct horse battery").actor
    learner = ProfileService(store).add_learner(teacher, given_name="Ayla", family_name="Brook")
    auth.set_learner_pin(teacher, learner.id, "2468", username="ayla")
    QuestionService(store).ask(teacher, [learner.id], SECOND)
    QuestionService(store).ask(teacher, [learner.id], FIRST)
    store.close()
    return folder, learner.id


def _stored(window) -> tuple[int, int]:
    with window.ctx.store.session() as s:
        return (s.execute(select(func.count()).select_from(QuestionAnswer)).scalar_one(),
                s.execute(select(func.count()).select_from(EvidenceBlob)).scalar_one())


def _row(home, text: str):  # noqa: ANN202
    return next(r for r in home.questions.values() if r.question.text == text)


def _drop(widget, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(*args))


def test_the_learner_answers_with_a_recording_and_the_teacher_plays_it(open_window, answers, qtbot, asked_dir,
                                                                       tmp_path, monkeypatch):
    folder, learner_id = asked_dir
    song = tmp_path / "my-answer.wav"
    song.write_bytes(wav(b"ayla-answers", seconds=1.0))
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(pdf("not a recording"))

    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "ayla", "2468", learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    home = window.profile.home
    qtbot.waitUntil(lambda: home.questions_box.isVisible())
    row = _row(home, FIRST)
    qtbot.waitUntil(lambda: row.recorded.choose_button.isVisible() and row.recorded.record_button.isVisible())

    # a PDF is not a recording: a plain message, nothing stored
    answers.file_answer = str(plan)
    qtbot.mouseClick(row.recorded.choose_button, Qt.MouseButton.LeftButton)
    assert len(answers.errors) == 1 and "plan.pdf" in answers.errors[0] and "not a sound recording" in answers.errors[0]
    assert _stored(window) == (0, 0)

    # the file chooser: the recording is the answer
    answers.file_answer = str(song)
    qtbot.mouseClick(_row(home, FIRST).recorded.choose_button, Qt.MouseButton.LeftButton)
    assert len(answers.errors) == 1 and _stored(window) == (1, 1)
    qtbot.waitUntil(lambda: _row(home, FIRST).question.answered)
    said = [label.text() for label in _row(home, FIRST).findChildren(type(_row(home, FIRST).text))]
    assert any(text.startswith("You answered with a recording on") for text in said), said

    # dropped on the other question: the same file, kept once, a second answer
    _drop(_row(home, SECOND).recorded, song)
    assert answers.errors[1:] == [] and _stored(window) == (2, 1)
    window.close()

    # the teacher plays it from the conference's agenda
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "rivera", "correct horse battery", learner=False)
    qtbot.waitUntil(lambda: window.is_ready)
    window.select_learner(learner_id)
    qtbot.waitUntil(lambda: window.profile.view is not None and window.profile.view.learner.id == learner_id)
    qtbot.mouseClick(window.profile.conference_button, Qt.MouseButton.LeftButton)
    agenda = window.profile.conference.agenda
    assert sorted(agenda.groups()["What Ayla answered"]) == sorted([f"{FIRST} — (a recording)",
                                                                    f"{SECOND} — (a recording)"])
    assert len(agenda.players) == 2
    qtbot.mouseClick(next(iter(agenda.players.values())), Qt.MouseButton.LeftButton)
    (url,) = opened
    assert Path(url.toLocalFile()).read_bytes() == song.read_bytes()


def test_record_explains_when_this_computer_cannot_record(open_window, answers, qtbot, asked_dir, monkeypatch):
    folder, _learner_id = asked_dir
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "ayla", "2468", learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    home = window.profile.home
    qtbot.waitUntil(lambda: home.questions_box.isVisible())
    row = _row(home, FIRST)
    opened = []
    monkeypatch.setattr(recorder, "RecordDialog", lambda *a: opened.append(a))

    # this machine as it is (CI has no microphone): Record says why, and how to answer with a file
    reason = recorder.why_not()
    assert reason in (recorder.NO_MULTIMEDIA, recorder.NO_MICROPHONE)
    qtbot.mouseClick(row.recorded.record_button, Qt.MouseButton.LeftButton)
    assert answers.infos == [recorder.explain(reason)] and "Choose a recording" in answers.infos[0]
    assert row.recorded.record_button.toolTip() == answers.infos[0]

    # Qt Multimedia there but no microphone plugged in
    monkeypatch.setattr(recorder, "why_not", lambda: recorder.NO_MICROPHONE)
    qtbot.mouseClick(row.recorded.record_button, Qt.MouseButton.LeftButton)
    assert answers.infos[-1].startswith("No microphone was found.")
    assert opened == [] and answers.errors == [] and _stored(window) == (0, 0)


def test_a_finished_recording_is_sent_as_the_answer(open_window, answers, qtbot, asked_dir, tmp_path, monkeypatch):
    """Where a microphone is found, Record opens the recorder; what it recorded is checked and sent like a file."""
    folder, _learner_id = asked_dir
    recorded = tmp_path / "answer.wav"
    recorded.write_bytes(wav(b"recorded-here", seconds=0.5))

    class Finished:  # the recorder dialog after Record, Stop and "Send my recording"
        def __init__(self, question: str, _parent) -> None:  # noqa: ANN001
            self.question, self.path = question, recorded

        def result(self) -> int:
            return 1

    monkeypatch.setattr(recorder, "why_not", lambda: None)
    monkeypatch.setattr(recorder, "RecordDialog", Finished)
    answers.dialog_filler = lambda dialog: None
    window = open_window(folder, require_sign_in=True)
    _sign_in(qtbot, window, "ayla", "2468", learner=True)
    qtbot.waitUntil(lambda: window.is_ready)
    home = window.profile.home
    qtbot.waitUntil(lambda: home.questions_box.isVisible())
    qtbot.mouseClick(_row(home, FIRST).recorded.record_button, Qt.MouseButton.LeftButton)
    assert answers.errors == [] and answers.infos == [] and _stored(window) == (1, 1)
    with window.ctx.store.session() as s:
        (answer,) = s.execute(select(QuestionAnswer)).scalars().all()
    stored = window.ctx.questions.recording(window.ctx.actor(answer.learner_id), answer.id)
    assert stored.data == recorded.read_bytes() and stored.media.value == "audio/wav"


def test_the_recorder_itself_where_qt_multimedia_is_installed_and_no_microphone(qtbot):
    """The real dialog (Qt Multimedia comes with the optional PySide6-Addons): a 16 kHz mono WAV is asked for, and
    pressing Record with no microphone says it did not work and offers nothing to send."""
    multimedia = pytest.importorskip("PySide6.QtMultimedia", reason="the 'recording' extra (PySide6-Addons)")
    if multimedia.QMediaDevices.audioInputs():
        pytest.skip("this computer has a microphone: the no-microphone path is not this machine's")
    assert recorder.why_not() == recorder.NO_MICROPHONE
    dialog = recorder.RecordDialog(FIRST)
    qtbot.addWidget(dialog)
    media = dialog.recorder.mediaFormat()
    assert media.fileFormat() == multimedia.QMediaFormat.FileFormat.Wave
    assert (dialog.recorder.audioSampleRate(), dialog.recorder.audioChannelCount()) == (16000, 1)
    assert dialog.button.text() == "● Record" and not dialog.send.isEnabled()
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "did not work" in dialog.status.text())
    assert dialog.path is None and not dialog.send.isEnabled()
