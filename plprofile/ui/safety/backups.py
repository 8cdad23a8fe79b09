"""The Backups dialog: see the backups, make one now, restore one. The work runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plprofile.services import backup as bk

from ..kit import ask
from ..kit.common import fmt_datetime, fmt_size
from ..kit.context import AppContext
from ..kit.messages import explain
from ..kit.worker import run_in_background


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (a queued connection across threads)."""

    progressed = Signal(int, int)


class BackupsDialog(QDialog):
    """Lists the backups of the open store, makes one on request and restores one after a confirmation.

    A restore swaps the store file under the running app, so the app closes afterwards; starting it again
    opens the restored records.
    """

    restored = Signal(object)  # the restored store's path
    # Called after a successful restore; tests replace it.
    _quit = staticmethod(QApplication.quit)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data_dir = Path(ctx.store.path).parent
        self.busy = False
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 420)

        intro = QLabel(self.tr(
            "A backup is a copy of every learner's records, checked after it is written. plprofile makes one "
            "each day when it closes and one before every upgrade; you can make one at any time. Backups are "
            "kept in {folder}.").format(folder=bk.backup_dir(self.data_dir)))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Size"), self.tr("Checked")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Backups, newest first"))
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_file_button = QPushButton(self.tr("Restore from &file…"))
        self.protected_copy_button = QPushButton(self.tr("Save a &protected copy…"))
        self.protected_copy_button.setToolTip(self.tr("A backup sealed with a passphrase, to take elsewhere"))
        self.protected_copy_button.clicked.connect(self.save_protected_copy)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.protected_copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._relay = _Relay()
        self._relay.progressed.connect(self._show_progress)
        self.refresh()

    # ---- the list ------------------------------------------------------------------------------------
    def _kind_text(self, kind: str) -> str:
        return {
            bk.MANUAL: self.tr("Made by hand"),
            bk.DAILY: self.tr("Daily"),
            bk.PRE_MIGRATION: self.tr("Before an upgrade"),
            bk.BEFORE_RESTORE: self.tr("Before a restore"),
        }.get(kind, self.tr("Other file"))

    def _checked_text(self, verified: bool | None) -> str:
        if verified is True:
            return self.tr("Yes")
        if verified is False:
            return self.tr("No (a damaged store kept as it was)")
        return self.tr("Unknown")

    def refresh(self) -> None:
        try:
            backups = bk.list_backups(self.data_dir)
        except bk.BackupError as exc:
            backups = []
            self.status.setText(explain(exc))
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            when = QTableWidgetItem(fmt_datetime(info.created))
            when.setData(Qt.ItemDataRole.UserRole, info)
            when.setToolTip(str(info.path))
            cells = [when, QTableWidgetItem(self._kind_text(info.kind)), QTableWidgetItem(fmt_size(info.size)),
                     QTableWidgetItem(self.tr("{checked}, encrypted").format(checked=self._checked_text(info.verified))
                                      if info.encrypted else self._checked_text(info.verified))]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        if not backups and not self.status.text():
            self.status.setText(self.tr("There are no backups yet."))
        self._update_buttons()

    def backups(self) -> list[bk.BackupInfo]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())]

    def selected_backup(self) -> bk.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _update_buttons(self) -> None:
        self.backup_button.setEnabled(not self.busy)
        self.restore_button.setEnabled(not self.busy and self.selected_backup() is not None)
        self.restore_file_button.setEnabled(not self.busy)
        self.protected_copy_button.setEnabled(not self.busy)
        self.close_button.setEnabled(not self.busy)

    # ---- busy state and progress ---------------------------------------------------------------------
    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.status.setText(text)
        self._update_buttons()

    def _show_progress(self, remaining: int, total: int) -> None:
        self.progress.setValue(100 if not total else round(100 * (total - remaining) / total))

    def reject(self) -> None:
        if not self.busy:  # a backup or restore in flight must finish first
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)

    # ---- back up -------------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.busy:
            return
        self._set_busy(True, self.tr("Backing up…"))
        data_dir, emit = self.data_dir, self._relay.progressed.emit
        key = self.ctx.store.key
        run_in_background(lambda: bk.create_backup(data_dir, progress=emit, key=key), self._backup_done,
                          self._backup_failed)

    def save_protected_copy(self) -> None:
        """A verified backup sealed with a passphrase into a file the teacher chooses (a .plpx file)."""
        from plprofile.services import protect

        from .encryption import ask_new_passphrase

        if self.busy:
            return
        chosen = ask.save_file(self, self.tr("Save a protected copy"),
                               str(Path.home() / f"plprofile-backup{protect.SUFFIX}"),
                               self.tr("Protected plprofile files (*.plpx)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != protect.SUFFIX:
            target = target.with_name(target.name + protect.SUFFIX)
        passphrase = ask_new_passphrase(self, self.tr("The backup"))
        if passphrase is None:
            return
        self._set_busy(True, self.tr("Backing up and sealing…"))
        data_dir, emit, key = self.data_dir, self._relay.progressed.emit, self.ctx.store.key

        def work() -> Path:
            info = bk.create_backup(data_dir, progress=emit, key=key)
            try:
                return protect.protect_file(info.path, target, passphrase, name=info.name, overwrite=True)
            finally:
                if key is None:  # a plain copy is not left behind for this
                    info.path.unlink(missing_ok=True)

        def done(path: Path) -> None:
            self._set_busy(False)
            self.refresh()
            self.status.setText(self.tr("Protected copy written and checked: {path}").format(path=path))

        run_in_background(work, done, self._backup_failed)

    def _backup_done(self, info: bk.BackupInfo) -> None:
        self._set_busy(False)
        self.refresh()
        for row, listed in enumerate(self.backups()):
            if listed.path == info.path:
                self.table.selectRow(row)
        self.status.setText(self.tr("Backup written and checked: {name} ({size}).").format(
            name=info.name, size=fmt_size(info.size)))

    def _backup_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        ask.error(self, self.tr("Backup failed"), explain(exc))

    # ---- restore -------------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None:
            ask.info(self, self.tr("Restore"), self.tr("Choose a backup in the list first."))
            return
        when = fmt_datetime(info.created)
        self._restore(info.path, self.tr("from {when} ({kind})").format(when=when, kind=self._kind_text(info.kind)))

    def restore_from_file(self) -> None:
        chosen = ask.open_file(self, self.tr("Restore from a backup file"),
                               self.tr("plprofile backups (*.sqlite3 *.db *.plpx);;All files (*)"))
        if chosen:
            self._restore(Path(chosen), Path(chosen).name)

    def _open_protected(self, path: Path) -> Path | None:
        """A protected (.plpx) backup, opened with its passphrase into a hidden folder beside the store."""
        import tempfile

        from plprofile.services import protect

        from .encryption import ask_passphrase

        passphrase = ask_passphrase(self, path.name)
        if passphrase is None:
            return None
        self._unsealed = tempfile.TemporaryDirectory(prefix=".restore-", dir=self.data_dir)
        try:
            return protect.open_file(path, Path(self._unsealed.name) / protect.original_name(path), passphrase)
        except protect.ProtectError as exc:
            ask.error(self, self.tr("Restore failed"), explain(exc))
            return None

    def _restore(self, path: Path, label: str, secret: str | None = None) -> None:
        from plprofile.services import protect

        if protect.is_protected(path):
            opened = self._open_protected(path)
            if opened is None:
                return
            path = opened
        if self.busy:
            return
        question = self.tr(
            "Replace every record in plprofile with the backup {label}?\n\n"
            "What you have now is kept as a backup first, so this can be undone. plprofile closes when the "
            "restore is done; start it again to carry on.").format(label=label)
        if secret is None and not ask.confirm(self, self.tr("Restore a backup?"), question):
            return
        self._set_busy(True, self.tr("Checking and restoring the backup…"))
        store, data_dir, emit = self.ctx.store, self.data_dir, self._relay.progressed.emit
        self._restoring = (path, label)
        run_in_background(lambda: bk.restore(data_dir, path, progress=emit, key=store.key, secret=secret,
                                             app_store=store),
                          self._restore_done, self._restore_failed)

    def _restore_done(self, result: bk.RestoreResult) -> None:
        self._set_busy(False)
        self.refresh()
        kept = (self.tr("The records you had before are kept in the backup {name}.").format(name=result.kept.name)
                if result.kept else "")
        ask.info(self, self.tr("Restore finished"), self.tr(
            "The backup was restored. {kept}\n\nplprofile will now close; start it again to see the restored "
            "records.").format(kept=kept))
        self.restored.emit(result.store)
        self._quit()

    def _restore_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.refresh()
        if isinstance(exc, bk.NeedsKeyError):  # a backup made under another key: ask for what opens it
            secret = ask.password(self, self.tr("Encrypted backup"), self.tr(
                "This backup is encrypted with another key. Type the password of a teacher who could open "
                "the store it was made from, or that store's recovery key:"))
            if secret:
                self._restore(*self._restoring, secret=secret)
            return
        ask.error(self, self.tr("Restore failed"), explain(exc))
