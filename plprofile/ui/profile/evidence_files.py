"""Files on a goal's evidence: add (file chooser, drag and drop, paste a picture), thumbnails in the list, open,
the learner's *best work* star and their say over who sees each piece, remove."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain.evidence_files import MAX_FILE_BYTES, EvidenceFileError, Prepared, size_text
from plprofile.domain.profile import Role
from plprofile.services.evidence_files import EvidenceFileService, FileInfo, StoredFile
from plprofile.services.views import EvidenceView

from ..kit import ask
from ..kit.common import attempt
from ..kit.context import AppContext
from .family_share import audience

ID_ROLE = Qt.ItemDataRole.UserRole
STAR = "★"
#: The evidence list's column that says who sees each piece (the learner's say, issue 20).
WHO_COLUMN = 4

_opened: list[Path] = []


@atexit.register
def _forget_opened() -> None:
    """Copies written for another program to open are removed when the app ends (they are a learner's files)."""
    for folder in _opened:
        shutil.rmtree(folder, ignore_errors=True)


def open_outside(stored: StoredFile) -> Path:
    """Hand a kept file (a PDF, a recording) to the program the desktop opens it with: a copy in a private
    temporary folder, removed when the app ends."""
    folder = Path(tempfile.mkdtemp(prefix="plprofile-evidence-"))
    _opened.append(folder)
    path = folder / (Path(stored.name).name or f"evidence{stored.media.extension}")
    path.write_bytes(stored.data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def _media_prepare():  # noqa: ANN202
    # start-up: the image reader's module loads when a file is first added
    from plprofile.media import prepare

    return prepare


class ImageViewer(QDialog):
    """A kept picture, at its size (scrolled when larger than the screen)."""

    def __init__(self, stored: StoredFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(stored.name)
        self.image = _media_prepare().read_image(stored.data)
        self.picture = QLabel()
        self.picture.setPixmap(QPixmap.fromImage(self.image))
        self.picture.setAccessibleName(stored.name)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(self.image.width() + 48, screen.width() * 4 // 5),
                        min(self.image.height() + 96, screen.height() * 4 // 5))


class EvidenceFiles(QWidget):
    """The buttons under a goal's evidence list, and the list's drops and pastes."""

    def __init__(self, ctx: AppContext, tree: QTreeWidget, current: Callable, actor: Callable,
                 on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tree, self.current, self.actor, self.on_change = ctx, tree, current, actor, on_change
        self.service = EvidenceFileService(ctx.store, ctx.profiles)
        self.infos: dict[uuid.UUID, FileInfo] = {}
        self.rows: dict[uuid.UUID, EvidenceView] = {}
        self.add_button = QPushButton(self.tr("Add a &file…"))
        self.add_button.setToolTip(self.tr("Add a photo, a scan, a PDF or a sound recording (at most {limit}). "
                                           "You can also drop files on the list, or paste a picture with "
                                           "Ctrl+V.").format(limit=size_text(MAX_FILE_BYTES)))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the chosen file"))
        self.best_button = QPushButton(self.tr("{star} Best work").format(star=STAR))
        self.best_button.setCheckable(True)
        self.best_button.setToolTip(self.tr("Mark this as your best work"))
        self.best_button.setAccessibleName(self.tr("Best work"))
        # the learner's say: this piece for "my teacher and me" (not pressed) or "my family too" (pressed)
        self.family_button = QPushButton(audience(True))
        self.family_button.setCheckable(True)
        self.family_button.setToolTip(self.tr("Your family sees this in your family summary"))
        self.family_button.setAccessibleName(self.tr("My family sees this too"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the chosen evidence from the goal (you can bring it back)"))
        # after Remove: the piece is kept (a soft delete), and one click brings it back
        self.removed: EvidenceView | None = None
        self.undo_bar = QWidget()
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setAccessibleName(self.tr("Bring the removed evidence back"))
        self.undo_button.clicked.connect(self.undo_remove)
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(0, 0, 0, 0)
        undo.addWidget(self.undo_label, 1)
        undo.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        # ``add_button`` sits beside the words' field (the page puts it there); here: what to do with the chosen piece
        for button in (self.add_button, self.open_button, self.best_button, self.family_button,
                       self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.undo_bar)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_current)
        self.best_button.clicked.connect(self.toggle_best)
        self.family_button.clicked.connect(self.toggle_family)
        self.remove_button.clicked.connect(self.remove_current)
        tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        tree.itemActivated.connect(lambda *_: self.open_current())
        tree.setAcceptDrops(True)
        tree.viewport().setAcceptDrops(True)
        tree.installEventFilter(self)
        tree.viewport().installEventFilter(self)
        if tree.columnCount() > WHO_COLUMN:  # the date and "My teacher and me" whole, at any text size
            for column in (WHO_COLUMN - 1, WHO_COLUMN):
                tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            tree.setWordWrap(True)  # the learner's words wrap rather than end in "…"
        side = max(48, tree.fontMetrics().height() * 3)
        tree.setIconSize(QSize(side, side))
        self._update_buttons()

    # ---- showing ------------------------------------------------------------------------------------
    def show_goal(self, evidence: list[EvidenceView], learner_id: uuid.UUID | None) -> None:
        """Put thumbnails, stars and sizes on the list's rows (``goals.py`` has filled it, one row per piece)."""
        self.rows = {ev.id: ev for ev in evidence}
        gv = self.current()
        if self.removed is not None and (gv is None or gv.goal.id != self.removed.goal_id):
            self.removed = None  # another goal: its Undo would bring back a piece not in sight
            self.undo_bar.setVisible(False)
        if any(ev.blob_id for ev in evidence) and learner_id is not None:
            self.infos = attempt(self, lambda: self.service.files(self.actor(), learner_id)) or {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            ev = self.rows.get(item.data(0, ID_ROLE))
            if ev is None:
                continue
            if self.tree.columnCount() > WHO_COLUMN:
                item.setText(WHO_COLUMN, audience(ev.shared_with_family))
            if ev.best_work:
                item.setText(0, f"{STAR} {item.text(0)}")
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("Best work"))
            info = self.infos.get(ev.blob_id) if ev.blob_id else None
            if info is not None:
                item.setIcon(0, self._icon(info))
                item.setToolTip(0, self._describe(info))
        self._update_buttons()

    def _icon(self, info: FileInfo) -> QIcon:
        if info.thumbnail:
            pixmap = QPixmap()
            if pixmap.loadFromData(info.thumbnail):
                return QIcon(pixmap)
        icon = QStyle.StandardPixmap.SP_MediaVolume if info.media.is_audio else QStyle.StandardPixmap.SP_FileIcon
        return self.style().standardIcon(icon)

    def _describe(self, info: FileInfo) -> str:
        if info.media.is_image and info.downscaled:
            return self.tr("{width} × {height} pixels, {size} (made smaller from {ow} × {oh} pixels, {osize})").format(
                width=info.width, height=info.height, size=size_text(info.size), ow=info.original_width,
                oh=info.original_height, osize=size_text(info.original_bytes))
        if info.media.is_image:
            return self.tr("{width} × {height} pixels, {size}").format(width=info.width, height=info.height,
                                                                        size=size_text(info.size))
        return size_text(info.size)

    def chosen(self) -> EvidenceView | None:
        item = self.tree.currentItem()
        return self.rows.get(item.data(0, ID_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        ev = self.chosen()
        has_goal = self.current() is not None
        self.add_button.setEnabled(has_goal)
        self.open_button.setEnabled(ev is not None and ev.blob_id is not None)
        self.remove_button.setEnabled(ev is not None)
        learner_writes = has_goal and self.actor().role is Role.LEARNER
        self.best_button.setVisible(learner_writes)  # the learner's own mark: a teacher sees the star only
        self.best_button.setEnabled(ev is not None)
        self.best_button.setChecked(bool(ev and ev.best_work))
        self.family_button.setVisible(learner_writes)  # the learner's say: a teacher reads it in the list
        self.family_button.setEnabled(ev is not None)
        self.family_button.setChecked(bool(ev and ev.shared_with_family))

    # ---- adding -------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        name = ask.open_file(self, self.tr("Add a file to the evidence"),
                             self.tr("Photos, PDFs and recordings (*.png *.jpg *.jpeg *.webp *.heic *.pdf *.mp3 "
                                     "*.m4a *.ogg *.wav);;All files (*)"))
        if name:
            self.add_paths([Path(name)])

    def add_paths(self, paths: list[Path]) -> int:
        """Add each file; the first that cannot be kept says why (the ones before it are kept)."""
        prepare = _media_prepare()
        added = 0
        for path in paths:
            if self._attach(lambda p=path: prepare.prepare_path(p)) is None:
                break
            added += 1
        return added

    def paste(self) -> bool:
        """Ctrl+V on the evidence: a picture on the clipboard, or files copied in a file manager."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return False
        if data.hasUrls() and any(u.isLocalFile() for u in data.urls()):
            return self.add_paths([Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]) > 0
        if data.hasImage():
            image = QGuiApplication.clipboard().image()
            return self._attach(lambda: _media_prepare().prepare_image(image, self.tr("pasted-picture.png"))) \
                is not None
        return False

    def _attach(self, prepare: Callable[[], Prepared]) -> EvidenceView | None:
        gv = self.current()
        if gv is None:
            return None
        try:
            prepared = prepare()
        except EvidenceFileError as exc:
            self._refuse(exc)
            return None
        try:
            ev = attempt(self, lambda: self.service.attach(self.actor(), gv.goal.id, prepared))
        except EvidenceFileError as exc:
            self._refuse(exc)
            return None
        if ev is not None:
            self.on_change()
        return ev

    def _refuse(self, exc: EvidenceFileError) -> None:
        from ..kit.messages import explain

        ask.error(self, self.tr("This file cannot be added"), explain(exc))

    # ---- drops and pastes on the list ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            data = event.mimeData()
            if self.current() is not None and data is not None and (data.hasUrls() or data.hasImage()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            data = event.mimeData()
            if data is not None and (data.hasUrls() or data.hasImage()):
                event.acceptProposedAction()
                if data.hasUrls():
                    self.add_paths([Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()])
                else:
                    image = data.imageData()
                    self._attach(lambda: _media_prepare().prepare_image(image, self.tr("dropped-picture.png")))
                return True
        elif kind == QEvent.Type.KeyPress and watched is self.tree and event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return True
        return super().eventFilter(watched, event)

    # ---- open, best work, remove ------------------------------------------------------------------
    def open_current(self) -> None:
        ev = self.chosen()
        if ev is None or ev.blob_id is None:
            return
        try:
            stored = attempt(self, lambda: self.service.read(self.actor(), ev.id))
        except EvidenceFileError as exc:
            self._refuse(exc)
            return
        if stored is None:
            return
        if stored.media.is_image:
            ask.dialog(ImageViewer(stored, self))
            return
        open_outside(stored)

    def toggle_best(self) -> None:
        ev = self.chosen()
        if ev is None:
            return
        attempt(self, lambda: self.service.set_best_work(self.actor(), ev.id, not ev.best_work))
        self.on_change()

    def toggle_family(self) -> None:
        """The learner's say over the chosen piece: "my family too", or back to "my teacher and me"."""
        ev = self.chosen()
        if ev is None:
            return
        attempt(self, lambda: self.ctx.profiles.set_shared_with_family(self.actor(), EvidenceView, ev.id,
                                                                       not ev.shared_with_family))
        self.on_change()

    def remove_current(self) -> None:
        """Take the chosen piece off the goal, and offer to bring it back (it is kept: a soft delete)."""
        ev = self.chosen()
        if ev is None:
            return
        if attempt(self, lambda: self.ctx.profiles.delete_row(self.actor(), EvidenceView, ev.id) or True) is None:
            return
        self.removed = ev
        self.on_change()
        self.undo_label.setText(self.tr("“{what}” was removed. You can bring it back.").format(
            what=ev.text or ev.location))
        self.undo_bar.setVisible(True)
        self.undo_button.setFocus()

    def undo_remove(self) -> None:
        ev, self.removed = self.removed, None
        self.undo_bar.setVisible(False)
        if ev is not None and attempt(self, lambda: self.service.restore(self.actor(), ev.id)) is not None:
            self.on_change()


__all__ = ["EvidenceFiles", "ImageViewer", "open_outside"]
