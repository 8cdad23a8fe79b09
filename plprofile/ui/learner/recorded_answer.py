"""Answering the teacher's question with a recording: a sound file the learner picks or drops on the question,
or one recorded here with a big Record/Stop button where the computer can record. The file goes through the same
checks and limits as evidence files (its kind read from its bytes, at most 8 MB) and is kept as they are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from plprofile.domain.evidence_files import MAX_FILE_BYTES, EvidenceFileError, Prepared, size_text

from ..kit import ask
from ..kit.common import attempt


class RecordedAnswer(QWidget):
    """"Choose a recording…" and "Record" under a question; ``done`` runs once an answer is stored."""

    def __init__(self, ctx, question, actor: Callable, done: Callable[[], None],  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.question, self.actor, self.done = ctx, question, actor, done
        self.choose_button = QPushButton(self.tr("Choose a recording…"))
        self.choose_button.setToolTip(self.tr("Answer with a sound recording (MP3, M4A, OGG or WAV, at most "
                                              "{limit}). You can also drop it here.").format(
            limit=size_text(MAX_FILE_BYTES)))
        self.choose_button.setAccessibleName(self.tr("Answer with a recording: {question}").format(
            question=question.text))
        self.record_button = QPushButton(self.tr("● Record"))
        self.record_button.setAccessibleName(self.tr("Record your answer: {question}").format(question=question.text))
        self.choose_button.clicked.connect(self.choose)
        self.record_button.clicked.connect(self.record)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.record_button)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        self.setAcceptDrops(True)

    def choose(self) -> None:
        name = ask.open_file(self, self.tr("Choose your recording"),
                             self.tr("Sound recordings (*.mp3 *.m4a *.ogg *.wav);;All files (*)"))
        if name:
            self.send_path(Path(name))

    def record(self) -> None:
        """Record in the app where it can; else say why, and how to answer with a file instead."""
        from . import recorder

        reason = recorder.why_not()
        if reason is not None:
            self.record_button.setToolTip(recorder.explain(reason))
            ask.info(self, self.tr("Recording"), recorder.explain(reason))
            return
        dialog = recorder.RecordDialog(self.question.text, self)
        if ask.dialog(dialog) and dialog.path is not None:
            self.send_path(dialog.path)

    def send_path(self, path: Path) -> bool:
        """Check the file as evidence files are checked and store it as the answer; False (with a message) if not."""
        from plprofile.media import prepare  # start-up: the readers load when a file is first given

        return self._send(lambda: prepare.prepare_path(path))

    def _send(self, make: Callable[[], Prepared]) -> bool:
        try:
            prepared = make()
            stored = attempt(self, lambda: self.ctx.questions.answer(self.actor(), self.question.id, "",
                                                                      recording=prepared))
        except EvidenceFileError as exc:
            from ..kit.messages import explain

            ask.error(self, self.tr("This recording cannot be sent"), explain(exc))
            return False
        if stored is None:
            return False
        self.done()
        return True

    # ---- a recording dropped on the buttons ------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.mimeData() is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()] if event.mimeData() else []
        if urls:
            event.acceptProposedAction()
            self.send_path(Path(urls[0].toLocalFile()))


__all__ = ["RecordedAnswer"]
