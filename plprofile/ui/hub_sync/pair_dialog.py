"""File → Connect to the school hub…: the hub's address and a pairing code (or its words); what the code grants
is said before anything is paired; pairing and the first sync run on a worker thread with progress; a
learner's device then gets the learner's PIN."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..kit.a11y import announce
from ..kit.common import error_style
from ..kit.worker import run_in_background
from .messages import problem_text, role_text


def split_pasted(address: str, code: str) -> tuple[str, str]:
    """A QR code's text ("https://hub:8443#CODE") pasted into either field: the address and the code."""
    for text in (address, code):
        if "#" in text and "://" in text:
            url, _, pasted = text.strip().partition("#")
            return url, pasted
    return address.strip(), code.strip()


class PairDialog(QDialog):
    """Pairs ``store``'s device; ``paired`` carries the account the device now acts for."""

    paired = Signal(dict)

    def __init__(self, parent: QWidget | None, store, auth, *, learner_words: bool = False) -> None:  # noqa: ANN001
        """``learner_words``: refusals in a learner's words (no teacher signed in: a learner may be typing)."""
        super().__init__(parent)
        self.store, self.auth = store, auth
        self.learner_words = learner_words
        self.invitation = None
        self.account: dict | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Connect to the school hub"))
        self.setMinimumWidth(max(520, self.fontMetrics().averageCharWidth() * 60))
        intro = QLabel(self.tr("Type the school hub's address and the pairing code the school gave you (the "
                               "code, or its words)."))
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://hub.school.example:8443")
        self.address.setAccessibleName(self.tr("Hub address"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("ABCD-EFGH-… or the code's words"))
        self.code.setAccessibleName(self.tr("Pairing code"))
        self.address.textEdited.connect(self._edited)
        self.code.textEdited.connect(self._edited)
        form = QFormLayout()
        form.addRow(self.tr("Hub &address:"), self.address)
        form.addRow(self.tr("Pairing &code:"), self.code)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin_label = QLabel(self.tr("&PIN (4 to 8 digits):"))
        self.pin_label.setBuddy(self.pin)
        form.addRow(self.pin_label, self.pin)
        self.form = form
        form.setRowVisible(self.pin, False)
        self.grant = QLabel()
        self.grant.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.check_button = QPushButton(self.tr("C&heck the code"))
        self.check_button.clicked.connect(self.check)
        self.connect_button = QPushButton(self.tr("C&onnect"))
        self.connect_button.setEnabled(False)
        self.connect_button.clicked.connect(self.pair)
        self.pin_button = QPushButton(self.tr("&Save the PIN"))
        self.pin_button.setVisible(False)
        self.pin_button.clicked.connect(self.save_pin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.pin_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.pin_button.setVisible(False)  # (adding it to the box showed it): after pairing for a learner
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.grant)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # ---- steps ---------------------------------------------------------------------------------------
    def _edited(self) -> None:
        """A changed address or code must be checked again before it pairs."""
        self.invitation = None
        self.grant.clear()
        self.connect_button.setEnabled(False)

    def _say(self, text: str, *, problem: bool) -> None:
        self.message.setStyleSheet(error_style() if problem else "")
        self.message.setText(text)
        announce(self.message, text)

    def _busy(self, on: bool, text: str = "") -> None:
        self.busy = on
        self.progress.setVisible(on)
        if on:
            self.progress.setRange(0, 0)
            self._say(text, problem=False)
        for w in (self.address, self.code, self.check_button):
            w.setEnabled(not on and self.account is None)
        if on:
            self.connect_button.setEnabled(False)

    def _failed(self, exc: Exception) -> None:
        from plprofile.sync.pairing import problem

        self._busy(False)
        kind = problem(exc)
        learner = self.learner_words or (self.invitation is not None and self.invitation.role == "learner")
        self._say(problem_text(kind, learner=learner, reason=str(exc)), problem=True)

    def check(self) -> None:
        """Ask the hub what the code grants (the code is not used)."""
        url, code = split_pasted(self.address.text(), self.code.text())
        if not url or not code:
            self._say(self.tr("Type the hub's address and the code first."), problem=True)
            return
        self.address.setText(url)
        self.code.setText(code)

        def work():  # noqa: ANN202
            from plprofile.sync.pairing import look_up

            return look_up(url, code)

        self._busy(True, self.tr("Asking the hub what this code is for…"))
        run_in_background(work, self._checked, self._failed)

    def _checked(self, invitation) -> None:  # noqa: ANN001
        self._busy(False)
        self.invitation = invitation
        self.grant.setText(role_text(invitation.role, invitation.name))
        self._say(self.tr("Press Connect to pair this device."), problem=False)
        self.connect_button.setEnabled(True)
        self.connect_button.setDefault(True)
        self.connect_button.setFocus()

    def pair(self) -> None:
        """Pair, then bring this device's share of the school's data (the first sync), on a worker."""
        if self.invitation is None or self.busy:
            return
        url, code = self.address.text().strip(), self.code.text().strip()
        store = self.store

        def work(report):  # noqa: ANN001, ANN202
            from plprofile.sync.client import SyncError, pair, sync_round
            from plprofile.sync.pairing import normalise_code

            report(0, 2)
            try:
                code_ = normalise_code(code)
            except ValueError as exc:
                raise SyncError(f"that is not a pairing code ({exc})") from None
            account = pair(store, url, code_)
            report(1, 2)
            try:
                round_ = sync_round(store)
            except SyncError as exc:  # paired: the first sync is tried again in the background
                return account, exc
            report(2, 2)
            return account, round_

        self._busy(True, self.tr("Connecting…"))
        run_in_background(work, self._paired, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done == 1:
            self._say(self.tr("Connected. Bringing this device's share of the school's profiles…"), problem=False)

    def _paired(self, result) -> None:  # noqa: ANN001
        account, round_ = result
        self.account = account
        self.first_sync = round_  # a RoundResult, or the SyncError of a first sync that could not be done
        self._busy(False)
        first = "" if not isinstance(round_, Exception) else " " + problem_text(
            "offline", learner=account.get("invited_as") == "learner")
        if account.get("invited_as") == "learner":
            self.grant.setText(self.tr("This device is now {name}'s. Choose {name}'s PIN for this device: "
                                       "{name} types it to open their profile.").format(name=account["name"]))
            self.form.setRowVisible(self.pin, True)
            self.connect_button.setVisible(False)
            self.pin_button.setVisible(True)
            self.pin_button.setDefault(True)
            self.pin.setFocus()
            self._say(self.tr("Connected.") + first, problem=False)
            self.paired.emit(account)
            return
        self._say(self.tr("Connected: this device now syncs with the school hub as {name}.").format(
            name=account["name"]) + first, problem=False)
        self.paired.emit(account)
        self.accept()

    def save_pin(self) -> None:
        from plprofile.domain.profile import ValidationError
        from plprofile.services.hub_device import set_device_learner_pin

        from ..kit.messages import explain

        try:
            set_device_learner_pin(self.store, self.auth, self.pin.text())
        except ValidationError as exc:
            self._say(explain(exc), problem=True)
            return
        self.accept()
