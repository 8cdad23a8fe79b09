"""Staff accounts: the accounts dialog (a school admin sets or resets a teacher's password), and the screen on
which someone whose password was set for them chooses their own before going on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plprofile.services.auth import AuthService, StaffAccount

from ..kit import ask
from ..kit.common import attempt


class AccountsDialog(QDialog):
    """The school's teachers and admins, with whether each can sign in; "Set password…" for a school admin."""

    def __init__(self, parent: QWidget | None, auth: AuthService, actor) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.auth, self.actor = auth, actor
        self.setWindowTitle(self.tr("Accounts"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Sign-in name"), self.tr("Password")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Teachers and school admins"))
        self.set_password_button = QPushButton(self.tr("&Set password…"))
        self.set_password_button.setEnabled(bool(actor.admin))
        if not actor.admin:
            self.set_password_button.setToolTip(self.tr("Only a school admin can set another teacher's password."))
        self.set_password_button.clicked.connect(self.set_password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.set_password_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(560, 360)
        self.accounts: list[StaffAccount] = []
        self.refresh()

    def _state(self, account: StaffAccount) -> str:
        if not account.has_password:
            return self.tr("none yet: cannot sign in")
        if account.temporary:
            return self.tr("set for them: they choose their own at sign-in")
        return self.tr("their own")

    def refresh(self) -> None:
        self.accounts = attempt(self, lambda: self.auth.list_staff(self.actor)) or []
        self.table.setRowCount(len(self.accounts))
        for i, account in enumerate(self.accounts):
            name = account.display_name
            if account.kind == "admin":
                name = self.tr("{name} (school admin)").format(name=name)
            for column, text in enumerate((name, account.username or "–", self._state(account))):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def select(self, display_name: str) -> None:
        """Select the account of ``display_name`` (for a person's keyboard, and for tests)."""
        for i, account in enumerate(self.accounts):
            if account.display_name == display_name:
                self.table.selectRow(i)

    def set_password(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.accounts):
            ask.error(self, self.tr("Set password"), self.tr("Choose a teacher in the list first."))
            return
        account = self.accounts[row]
        title = self.tr("Set password")
        password = ask.password(self, title, self.tr(
            "A password for {name} (at least 8 characters). They choose their own the first time they sign "
            "in:").format(name=account.display_name))
        if password is None:
            return
        again = ask.password(self, title, self.tr("The password again:"))
        if again is None:
            return
        if again != password:
            ask.error(self, title, self.tr("The two passwords are not the same. Nothing was changed."))
            return
        name = attempt(self, lambda: self.auth.set_staff_password(self.actor, account.id, password))
        if name is not None:
            ask.info(self, title, self.tr(
                "{name} signs in as \u201c{username}\u201d with this password, and then chooses their own.").format(
                name=account.display_name, username=name))
            self.refresh()


def open_accounts(parent: QWidget, auth: AuthService, actor) -> None:  # noqa: ANN001
    """The accounts dialog, over ``parent``."""
    ask.dialog(AccountsDialog(parent, auth, actor))


class ChoosePasswordPage(QWidget):
    """After signing in with a password someone else set: choose your own, twice, before anything else."""

    chosen = Signal(object)  # SignedIn
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auth: AuthService | None = None
        self.signed = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.explain = QLabel(self.tr(
            "Your password was set by someone else. Choose your own now: only you should know it."))
        self.explain.setWordWrap(True)
        self.new = QLineEdit()
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.setAccessibleName(self.tr("New password"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("New password again"))
        self.repeat.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Save my password"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.cancel = QPushButton(self.tr("Sign out"))
        self.cancel.clicked.connect(self._cancel)
        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Again:"), self.repeat)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        cl = QVBoxLayout(card)
        cl.addWidget(self.title)
        cl.addWidget(self.explain)
        cl.addLayout(form)
        cl.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        cl.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    def start(self, auth: AuthService, signed) -> None:  # noqa: ANN001
        self.auth, self.signed = auth, signed
        self.title.setText(self.tr("Welcome, {name}: choose your password").format(name=signed.display_name))
        self.new.clear()
        self.repeat.clear()
        self.message.clear()
        self.new.setFocus()

    def submit(self) -> None:
        from plprofile.domain.profile import ValidationError

        from ..kit.messages import explain

        if self.auth is None or self.signed is None:
            return
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords are not the same."))
            return
        try:
            self.auth.choose_password(self.signed.actor, self.new.text())
        except ValidationError as exc:
            self.message.setText(explain(exc))
            return
        signed, self.signed = self.signed, None
        self.new.clear()
        self.repeat.clear()
        self.chosen.emit(signed)

    def _cancel(self) -> None:
        self.signed = None
        self.new.clear()
        self.repeat.clear()
        self.cancelled.emit()


def choose_password(window, signed, start_session, back_to_signin) -> None:  # noqa: ANN001
    """After a sign-in with a password someone else set: the window's pages show ``ChoosePasswordPage`` (made
    once, kept as ``window.choose_password_page``); ``start_session(signed)`` once the person has chosen their
    own, ``back_to_signin()`` if they cancel."""
    page = getattr(window, "choose_password_page", None)
    if page is None:
        window.choose_password_page = page = ChoosePasswordPage()
        page.chosen.connect(start_session)
        page.cancelled.connect(back_to_signin)
        window.pages.addWidget(page)
    page.start(window.auth, signed)
    window.pages.setCurrentWidget(page)
