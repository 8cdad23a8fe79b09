"""Recording a spoken answer in the app, with Qt Multimedia: a microphone (``QAudioInput``) in a capture session
(``QMediaCaptureSession``) written to a file by a ``QMediaRecorder``, started and stopped with one big button.

Qt Multimedia is loaded only when the learner asks to record (start-up stays lean); where it is not installed or
no microphone is found, ``why_not`` says so and the learner picks a recording file instead.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate

#: Why recording in the app cannot start here (``why_not``), in the learner's words.
NO_MULTIMEDIA = "no_multimedia"
NO_MICROPHONE = "no_microphone"

#: The longest recording, in seconds: a spoken answer, well under the evidence files' size limit.
MAX_SECONDS = 180


def why_not() -> str | None:
    """None when a microphone can record here; else why not (``NO_MULTIMEDIA``, ``NO_MICROPHONE``)."""
    try:  # start-up: Qt Multimedia loads only when recording is asked for
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return NO_MULTIMEDIA
    return None if QMediaDevices.audioInputs() else NO_MICROPHONE


def explain(reason: str) -> str:
    return {
        NO_MULTIMEDIA: translate("recorder", "This computer cannot record in the app. Record on a phone or "
                                             "tablet, then choose the file with “Choose a recording”."),
        NO_MICROPHONE: translate("recorder", "No microphone was found. Plug one in, or choose a recording file "
                                             "with “Choose a recording”."),
    }.get(reason, reason)


class RecordDialog(QDialog):
    """One big button: Record, then Stop. ``path`` is the finished recording once the dialog is accepted."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import (
            QAudioInput,
            QMediaCaptureSession,
            QMediaDevices,
            QMediaFormat,
            QMediaRecorder,
        )

        self.setWindowTitle(self.tr("Record your answer"))
        self.path: Path | None = None
        self._folder = Path(tempfile.mkdtemp(prefix="plprofile-recording-"))
        self.session = QMediaCaptureSession(self)
        self.microphone = QAudioInput(QMediaDevices.defaultAudioInput(), self)
        self.session.setAudioInput(self.microphone)
        self.recorder = QMediaRecorder(self)
        self.session.setRecorder(self.recorder)
        # a WAV file of speech (16 kHz, mono: 32 KB a second, three minutes under the 8 MB limit): every Qt backend
        # writes it, and the evidence checks know it by its first bytes (an MP4 container's brand varies)
        media = QMediaFormat(QMediaFormat.FileFormat.Wave)
        media.setAudioCodec(QMediaFormat.AudioCodec.Wave)
        self.recorder.setMediaFormat(media)
        self.recorder.setAudioSampleRate(16000)
        self.recorder.setAudioChannelCount(1)
        self.recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(self._folder / "answer")))
        self.recorder.recorderStateChanged.connect(self._state_changed)
        self.recorder.durationChanged.connect(self._duration_changed)
        self.recorder.errorOccurred.connect(self._failed)
        self._recording_state = QMediaRecorder.RecorderState.RecordingState

        self.prompt = QLabel(question)
        self.prompt.setWordWrap(True)
        self.button = QPushButton(self.tr("● Record"))
        font = QFont(self.button.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.button.setFont(font)
        self.button.setMinimumHeight(self.button.fontMetrics().height() * 3)
        self.button.clicked.connect(self.toggle)
        self.status = QLabel(self.tr("Press Record and say your answer. Press Stop when you are done."))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(self.tr("Send my recording"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.button)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(MAX_SECONDS * 1000)
        self._limit.timeout.connect(self.recorder.stop)

    def toggle(self) -> None:
        if self.recorder.recorderState() == self._recording_state:
            self.recorder.stop()
        else:
            self.path = None
            self.send.setEnabled(False)
            self.recorder.record()
            self._limit.start()

    def _state_changed(self, state) -> None:  # noqa: ANN001
        recording = state == self._recording_state
        self.button.setText(self.tr("■ Stop") if recording else self.tr("● Record again") if self.path
                            else self.tr("● Record"))
        if recording:
            return
        self._limit.stop()
        location = self.recorder.actualLocation()
        path = Path(location.toLocalFile()) if location.isLocalFile() else None
        if path is not None and path.is_file() and path.stat().st_size:
            self.path = path
            self.send.setEnabled(True)
            self.button.setText(self.tr("● Record again"))
            self.status.setText(self.tr("Done! Press “Send my recording”, or record again."))

    def _duration_changed(self, ms: int) -> None:
        self.status.setText(self.tr("Recording… {seconds} s").format(seconds=ms // 1000))

    def _failed(self, _error, _message: str) -> None:  # noqa: ANN001
        self._limit.stop()
        self.status.setText(self.tr("The recording did not work. Choose a recording file instead."))


__all__ = ["NO_MICROPHONE", "NO_MULTIMEDIA", "RecordDialog", "explain", "why_not"]
