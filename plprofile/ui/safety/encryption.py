"""Encryption at rest in the app: the unlock prompt at start, "Protect this store with encryption…", the
one-time recovery key, and passphrases for protected exports. The work is in plprofile.services.encryption
and plprofile.services.protect; these widgets only ask and show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plprofile.services import encryption as enc
from plprofile.services import storage as cipher

from ..kit import ask
from ..kit.a11y import reachable_by_tab, show_message
from ..kit.context import AppContext
from ..kit.messages import explain
from ..kit.worker import run_in_background

MIN_SECRET = 8


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e; font-weight: bold;")
    return label


class UnlockDialog(QDialog):
    """At start, for an encrypted store: a teacher's password or the recovery key. Learners cannot unlock a
    store: a teacher does, then learners sign in as usual."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.key: bytes | None = None
        self.damaged: str | None = None  # the secret was right but the file does not open: why
        self.setWindowTitle(self.tr("Unlock the store"))
        intro = QLabel(self.tr(
            "The learners' records in {folder} are encrypted. A teacher unlocks them with their password, "
            "or with the recovery key written down when the store was protected. Learners sign in after "
            "that.").format(folder=self.data_dir))
        intro.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Password or recovery key"))
        self.secret.setMaxLength(300)
        self.message = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Password or recovery key:"), self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_unlock(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.key = enc.unlock(self.data_dir, self.secret.text())
        except cipher.DamagedFileError as exc:  # right secret, damaged file: on to the way back (a backup)
            self.key, self.damaged = exc.key, explain(exc)
        except cipher.WrongSecretError:
            show_message(self.message, self.tr("That password or recovery key does not open this store. Try again."))
            self.secret.clear()
            self.secret.setFocus()
            return
        except cipher.CipherError as exc:
            show_message(self.message, explain(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


class RecoveryKeyDialog(QDialog):
    """Shows the new recovery key once, with copy and print, until the teacher confirms it is written down."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.setWindowTitle(self.tr("Your recovery key"))
        intro = QLabel(self.tr(
            "The store is now encrypted. If every teacher's password is forgotten, only this recovery key opens "
            "it. It is shown this once: print it or write it down, and keep it somewhere safe away from this "
            "computer (not in a file on it)."))
        intro.setWordWrap(True)
        self.key_label = QLabel(recovery_key)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QFont().pointSizeF() * 1.6)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # its text is what a screen reader reads (the caption is the box's); Tab reaches it
        reachable_by_tab(self.key_label)
        key_box = QGroupBox(self.tr("Recovery key"))
        QVBoxLayout(key_box).addWidget(self.key_label)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_key)
        self.written = QCheckBox(self.tr("I have printed or written down the recovery key and will keep it safe"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button = buttons.addButton(self.tr("&Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setEnabled(False)
        self.written.toggled.connect(self.done_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(key_box)
        layout.addWidget(self.written)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key)

    def print_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setHtml("<h2>{title}</h2><p style='font-family: monospace; font-size: 20pt'>{key}</p><p>{words}</p>"
                    .format(title=self.tr("plprofile recovery key"), key=self.recovery_key,
                            words=self.tr("It opens the encrypted store if every teacher's password is forgotten. "
                                          "Keep it safe.")))
        doc.print_(printer)

    def reject(self) -> None:
        if self.written.isChecked():  # it may not be dismissed before the teacher confirms
            super().reject()


class PassphraseDialog(QDialog):
    """A new passphrase, typed twice, for a protected export (or one passphrase to open one)."""

    def __init__(self, title: str, intro: str, *, confirm: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.passphrase: str | None = None
        label = QLabel(intro)
        label.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.confirm = confirm
        self.message = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        if confirm:
            form.addRow(self.tr("&Repeat it:"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def check(self) -> None:
        text = self.first.text()
        if self.confirm and len(text) < MIN_SECRET:
            show_message(self.message, self.tr("A passphrase needs at least {n} characters.").format(n=MIN_SECRET))
            return
        if self.confirm and text != self.second.text():
            show_message(self.message, self.tr("The two passphrases are not the same."))
            return
        self.passphrase = text
        self.accept()


def ask_new_passphrase(parent: QWidget, what: str) -> str | None:
    dialog = PassphraseDialog(
        QCoreApplication.translate("PassphraseDialog", "Protect with a passphrase"),
        QCoreApplication.translate("PassphraseDialog", "{what} will be sealed with this passphrase (at least {n} characters). Tell it to the person "
                  "who opens the file in another way than the file itself. It cannot be recovered if "
                  "forgotten.").format(what=what, n=MIN_SECRET), parent=parent)
    return dialog.passphrase if ask.dialog(dialog) else None


def ask_passphrase(parent: QWidget, name: str) -> str | None:
    dialog = PassphraseDialog(QCoreApplication.translate("PassphraseDialog", "Protected file"),
                              QCoreApplication.translate("PassphraseDialog", "{name} is protected. Type its passphrase:").format(name=name),
                              confirm=False, parent=parent)
    return dialog.passphrase if ask.dialog(dialog) else None


class EncryptionDialog(QDialog):
    """"Protect this store with encryption…": encrypt a plain store; for an encrypted one, a new key or
    removing the encryption. A teacher confirms with their own password, which becomes their key slot."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 on_changed: Callable[[enc.ChangeResult], None] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data_dir = Path(ctx.store.path).parent
        self.busy = False
        self.result_info: enc.ChangeResult | None = None
        self.on_changed = on_changed
        self.setWindowTitle(self.tr("Protect this store with encryption"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Your password"))
        self.message = _error_label()
        self.status = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Your &password:"), self.password)
        self.encrypt_button = QPushButton(self.tr("&Encrypt the store"))
        self.rekey_button = QPushButton(self.tr("New &key and recovery key"))
        self.decrypt_button = QPushButton(self.tr("&Remove the encryption…"))
        self.encrypt_button.clicked.connect(lambda: self.run(enc.ENCRYPT))
        self.rekey_button.clicked.connect(lambda: self.run(enc.REKEY))
        self.decrypt_button.clicked.connect(lambda: self.run(enc.DECRYPT))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for b in (self.encrypt_button, self.rekey_button, self.decrypt_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        encrypted = self.ctx.store.encrypted
        if encrypted:
            self.intro.setText(self.tr(
                "This store and its backups are encrypted. Teachers who can unlock it with their password: "
                "{names}. Others get a key when they sign in here. A new key also makes a new recovery key "
                "(the old one stops working).").format(names=", ".join(enc.slot_labels(self.data_dir)) or "—"))
        else:
            self.intro.setText(self.tr(
                "Encrypt this store and its backups, so that a lost or stolen laptop does not expose the learners' "
                "records. plprofile then asks for a teacher's password (or the recovery key) each time it starts; "
                "learners sign in after a teacher has unlocked it. You will get a recovery key to print or write "
                "down. A backup is made first.\n\nWithout encryption, anyone who copies this computer's files can read "
                "the profiles, and can work out a learner's PIN from them in minutes (a teacher's long password "
                "holds out far longer)."))
        self.encrypt_button.setVisible(not encrypted)
        self.rekey_button.setVisible(encrypted)
        self.decrypt_button.setVisible(encrypted)
        for b in (self.encrypt_button, self.rekey_button, self.decrypt_button, self.close_button):
            b.setEnabled(not self.busy)

    def _verified_password(self) -> str | None:
        password = self.password.text()
        user = self.ctx.user
        if user.username and self.ctx.auth is not None:
            if not self.ctx.auth.verify_actor(self.ctx.me, password):
                show_message(self.message, self.tr("That is not your password."))
                return None
        elif len(password) < MIN_SECRET:
            show_message(self.message, self.tr("A password needs at least {n} characters.").format(n=MIN_SECRET))
            return None
        return password

    def run(self, action: str) -> None:
        if self.busy:
            return
        show_message(self.message, "")
        password = self._verified_password()
        if password is None:
            return
        if action == enc.DECRYPT and not ask.confirm(self, self.tr("Remove the encryption?"), self.tr(
                "The store and its backups will be readable by anyone who has this computer or its disk. "
                "Remove the encryption?")):
            return
        label = self.ctx.user.username or "teacher"
        store, data_dir, key = self.ctx.store, self.data_dir, self.ctx.store.key

        def work() -> enc.ChangeResult:
            if action == enc.ENCRYPT:
                return enc.encrypt_store(data_dir, label, password, store=store)
            if action == enc.REKEY:
                return enc.rekey_store(data_dir, key, label, password, store=store)
            return enc.decrypt_store(data_dir, key, store=store)

        self.busy = True
        self.status.setText(self.tr("Working: a backup first, then the store and its backups…"))
        self.refresh()
        run_in_background(work, self._done, self._failed)

    def _done(self, result: enc.ChangeResult) -> None:
        self.busy = False
        self.password.clear()
        self.result_info = result
        self.status.setText(self.tr("Done. %n backup(s) converted as well.", "", len(result.converted)))
        self.refresh()
        if self.on_changed is not None:
            self.on_changed(result)
        if result.recovery_key:
            ask.dialog(RecoveryKeyDialog(result.recovery_key, self))

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.status.clear()
        self.refresh()
        ask.error(self, self.tr("Encryption"), explain(exc))

    def reject(self) -> None:
        if not self.busy:
            super().reject()


# ---- what the store's life cycle and the File menu call ------------------------------------------------
def unlock_store(parent: QWidget, data_dir: Path) -> tuple[bytes, str | None] | None:
    """Ask for the key of the encrypted store in ``data_dir``: (its data key, what is damaged in the file, if
    anything), or None when the teacher cancelled (the caller then says why the store is not open)."""
    dialog = UnlockDialog(data_dir, parent)
    if not ask.dialog(dialog) or dialog.key is None:
        return None
    return dialog.key, dialog.damaged or None


def keep_key_slots(auth, store) -> None:  # noqa: ANN001
    """Each teacher who signs in (or is added) on an unlocked encrypted store gets a key slot for their
    password, rewrapped when it changed; so every teacher can unlock the store on the next start."""
    import hashlib
    import hmac

    data_dir = Path(store.path).parent
    checked: dict[str, bytes] = {}  # who was checked this session (a keyed digest, so no Argon2 run each unlock)

    def seen(username: str, password: str) -> None:
        if store.key is None:
            return
        mark = hmac.new(store.key, f"{username}\0{password}".encode(), hashlib.sha256).digest()
        if checked.get(username) == mark:
            return
        try:
            enc.ensure_password_slot(data_dir, store.key, username, password)
            checked[username] = mark
        except (cipher.CipherError, OSError):
            pass  # the store stays usable; that teacher just cannot unlock it alone yet

    auth.password_hook = seen


def open_encryption_dialog(parent: QWidget, ctx: AppContext, on_key_changed, password: str | None = None,  # noqa: ANN001
                           ) -> EncryptionDialog:
    """The File menu's "Protect this store with encryption…". With ``password`` (the first teacher asked for
    it when creating the store) encryption starts at once. ``on_key_changed(key)``: the store's new data key
    (None: no longer encrypted)."""

    def changed(result: enc.ChangeResult) -> None:
        on_key_changed(result.key)
        status = getattr(parent, "statusBar", None)
        if status is not None:
            status().showMessage(QCoreApplication.translate("EncryptionDialog", "The store is encrypted.")
                                 if result.key is not None else
                                 QCoreApplication.translate("EncryptionDialog", "The store is no longer encrypted."),
                                 8000)

    dialog = EncryptionDialog(ctx, parent, on_changed=changed)
    if password is not None:
        dialog.password.setText(password)
        dialog.run(enc.ENCRYPT)
    ask.dialog(dialog)
    return dialog
