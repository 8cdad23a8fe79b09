"""The sign-in screen: learners with a name and PIN, teachers with a name and password; also the lock screen
and the first start's "create the first teacher account"."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6 import QtCore  # start-up: Qt's namespace is made on first use, not before the first window
from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain.limits import MAX_SECRET

from ..kit.a11y import announce, reachable_by_tab, tab_within
from ..kit.common import error_style
from ..kit.messages import explain

if TYPE_CHECKING:  # the page is shown before the store (and SQLAlchemy) is open: see ``waiting``
    from plprofile.domain.profile import Actor
    from plprofile.services.auth import AuthService


class CentredLabel(QLabel):
    """A label whose lines are centred: through rich text, not ``setAlignment``. The alignment flag lives in Qt's
    namespace, made the first time any of it is used, and this page is the first window the app shows.
    The text stays plain: it is escaped, and screen readers get it without the markup."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        words = html.escape(text).replace("\n", "<br>")  # a translation's line breaks stay
        super().setText(f'<p align="center">{words}</p>' if text else "")


class SignInPage(QWidget):
    signed_in = Signal(object)  # SignedIn
    recover_requested = Signal()  # "Restore the latest backup" on a store of learners without a teacher
    connect_requested = Signal()  # "Connect to the school hub…" on a new store (a learner's device starts so)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auth: AuthService | None = None
        self.mode = "sign_in"  # or "first_teacher", "locked" or "recovery"
        #: Enter was pressed before the store was open: ``resume`` signs in once ``auth`` is there.
        self.waiting = False
        self.locked_actor: Actor | None = None
        #: the first teacher's password when they asked to encrypt the new store (read once by the window)
        self.protect_request: str | None = None

        self.title = CentredLabel(self.tr("plprofile"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = CentredLabel()
        self.subtitle.setWordWrap(True)

        self.learner_radio = QRadioButton(self.tr("I'm a &learner"))
        self.teacher_radio = QRadioButton(self.tr("I'm a &teacher"))
        self.who = QButtonGroup(self)
        self.who.addButton(self.learner_radio)
        self.who.addButton(self.teacher_radio)
        self.learner_radio.setChecked(True)
        self.learner_radio.toggled.connect(self._apply_role)
        who_row = QHBoxLayout()
        who_row.addStretch(1)
        who_row.addWidget(self.learner_radio)
        who_row.addWidget(self.teacher_radio)
        who_row.addStretch(1)

        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Ms Rivera"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("Sign-in name"))
        self.username.setMaxLength(100)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMaxLength(MAX_SECRET + 1)
        self.secret.returnPressed.connect(self.submit)
        self.secret.inputRejected.connect(self._rejected)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.repeat.returnPressed.connect(self.submit)
        self.button = QPushButton(self.tr("Sign in"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.message = QLabel()  # its text is its accessible name: what a screen reader reads of it
        self.message.setWordWrap(True)
        self._message_focusable = False
        self.hint = CentredLabel()
        self.hint.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("Connect to the school &hub…"))
        self.connect_button.setVisible(False)
        self.connect_button.clicked.connect(self.connect_requested)
        #: set on a device paired for one learner: the page asks only for that learner's PIN
        self.device_learner: tuple[str, str] | None = None

        self.form = QFormLayout()
        self.form.addRow(self.tr("Your &name:"), self.display_name)
        self.form.addRow(self.tr("Sign-in &name:"), self.username)
        self.secret_label = QLabel(self.tr("&PIN:"))
        self.secret_label.setBuddy(self.secret)
        self.form.addRow(self.secret_label, self.secret)
        self.form.addRow(self.tr("&Repeat it:"), self.repeat)
        self.protect_box = QCheckBox(self.tr("Protect this store with &encryption (recommended)"))
        self.protect_why = QLabel(self.tr(
            "A teacher's password is then needed to open it. Without encryption, anyone who copies this "
            "computer's files can read every learner's profile, and can work out a learner's PIN from them in "
            "minutes."))
        self.protect_why.setWordWrap(True)
        self.form.addRow(self.protect_box)
        self.form.addRow(self.protect_why)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        cl = QVBoxLayout(card)
        cl.addWidget(self.title)
        cl.addWidget(self.subtitle)
        cl.addLayout(who_row)
        cl.addLayout(self.form)
        cl.addWidget(self.message)
        cl.addWidget(self.button)
        cl.addWidget(self.connect_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addWidget(self.hint)
        outer.addStretch(1)
        order = [self.learner_radio, self.teacher_radio, self.display_name, self.username, self.secret, self.repeat,
                 self.protect_box, self.message, self.button, self.connect_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._pin_validator = QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), self)
        self.show_sign_in()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab reaches "I'm a teacher" too, not only the chosen one of the two."""
        return tab_within([self.learner_radio, self.teacher_radio], forward, super().focusNextPrevChild)

    # ---- modes --------------------------------------------------------------------------------------
    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def show_sign_in(self, hint: str = "") -> None:
        self.mode = "sign_in"
        self.locked_actor = None
        self.subtitle.setText(self.tr("Personal Learner Profiles. Sign in to continue."))
        for w in (self.learner_radio, self.teacher_radio):
            w.setVisible(True)
        self._set_row_visible(self.display_name, False)
        self._set_row_visible(self.repeat, False)
        self._set_row_visible(self.protect_box, False)
        self._set_row_visible(self.protect_why, False)
        self._set_row_visible(self.username, True)
        self._set_row_visible(self.secret, True)
        self.username.setReadOnly(False)
        self.username.clear()
        self.button.setText(self.tr("Sign in"))
        self.hint.setText(hint)
        self.connect_button.setVisible(False)
        self._reset()
        self._apply_role()
        self.username.setFocus()
        if self.device_learner is not None:
            self._only_the_device_learner()

    def _only_the_device_learner(self) -> None:
        """A learner's own device: their name is fixed, only the PIN is asked for (no class list behind)."""
        username, display_name = self.device_learner
        self.subtitle.setText(self.tr("Hello {name}! Type your PIN.").format(name=display_name))
        self.learner_radio.setChecked(True)
        for w in (self.learner_radio, self.teacher_radio):
            w.setVisible(False)
        self.username.setText(username)
        self.username.setReadOnly(True)
        self._set_row_visible(self.username, False)
        self._apply_role()
        self.secret.setFocus()

    def show_first_teacher(self) -> None:
        self.mode = "first_teacher"
        self.subtitle.setText(self.tr("Welcome! Create the first teacher account for this store. Keep the password "
                                      "safe: it protects the learners' profiles."))
        for w in (self.learner_radio, self.teacher_radio):
            w.setVisible(False)
        self.teacher_radio.setChecked(True)
        self._set_row_visible(self.display_name, True)
        self._set_row_visible(self.repeat, True)
        self._set_row_visible(self.protect_box, True)
        self._set_row_visible(self.protect_why, True)
        self.button.setText(self.tr("Create account"))
        self.connect_button.setVisible(True)
        self.hint.setText("")
        self._reset()
        self._apply_role()
        self.display_name.setFocus()

    def show_recovery(self, message: str) -> None:
        """A store that holds learners but no teacher account: nobody may claim it by making the "first"
        teacher; the page says so and offers the latest backup (``recover_requested``)."""
        self.mode = "recovery"
        self.subtitle.setText(message)
        for w in (self.learner_radio, self.teacher_radio):
            w.setVisible(False)
        for field in (self.display_name, self.username, self.secret, self.repeat, self.protect_box,
                      self.protect_why):
            self._set_row_visible(field, False)
        self.button.setText(self.tr("Restore the latest backup…"))
        self.connect_button.setVisible(False)
        self.hint.setText("")
        self._reset()
        self.button.setFocus()

    def show_locked(self, actor: Actor, username: str, display_name: str) -> None:
        self.mode = "locked"
        self.locked_actor = actor
        self.subtitle.setText(self.tr("Locked. {name}, type your password or PIN to carry on where you were, "
                                      "or sign in as someone else.").format(name=display_name))
        for w in (self.learner_radio, self.teacher_radio):
            w.setVisible(True)
        (self.learner_radio if actor.role.value == "learner" else self.teacher_radio).setChecked(True)
        self._set_row_visible(self.display_name, False)
        self._set_row_visible(self.repeat, False)
        self._set_row_visible(self.protect_box, False)
        self._set_row_visible(self.protect_why, False)
        self.username.setText(username)
        self.button.setText(self.tr("Unlock"))
        self.connect_button.setVisible(False)
        self._reset()
        self._apply_role()
        self.secret.setFocus()

    def _reset(self) -> None:
        self.waiting = False
        self.secret.clear()
        self.repeat.clear()
        self.message.clear()
        if self._message_focusable:  # no empty tab stop
            self._message_focusable = False
            self.message.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)
        self.secret.setAccessibleDescription("")

    def _say(self, text: str, *, problem: bool) -> None:
        """A problem in the error style; a note (waiting for the store) in the page's own. The style is chosen
        here, not when the page is made: asking whether the system wants high contrast makes Qt's namespace
        which the first window need not wait for."""
        self.message.setStyleSheet(error_style() if problem else "font-weight: bold;")
        self.message.setText(text)
        # reachable by Tab (selectable by keyboard), said at once, and read again with the field it is about
        reachable_by_tab(self.message)
        self._message_focusable = True
        self.secret.setAccessibleDescription(text if problem else "")
        announce(self.message, text)

    def set_hint(self, hint: str) -> None:
        self.hint.setText(hint)

    def resume(self) -> None:
        """The store is open (``auth`` is set): carry out a sign-in that was waiting for it."""
        if self.waiting and self.auth is not None:
            self.submit()

    def forget(self) -> None:
        """The store did not open: nothing typed stays (a sign-in that was waiting is dropped)."""
        self._reset()

    def _rejected(self) -> None:
        """A learner's PIN field takes digits only: a letter typed there is said to be refused, not dropped
        without a word (a teacher who forgot to choose "I'm a teacher" learns why)."""
        if self.secret.validator() is self._pin_validator:
            self._say(self.tr("A PIN is 4 to 8 digits: letters are not taken. Teachers: choose “I'm a teacher” "
                              "to type a password."), problem=True)

    def _apply_role(self) -> None:
        learner = self.learner_radio.isChecked() and self.mode != "first_teacher"
        self.secret_label.setText(self.tr("&PIN:") if learner else self.tr("&Password:"))
        self.secret.setAccessibleName(self.tr("PIN") if learner else self.tr("Password"))
        self.secret.setPlaceholderText(self.tr("4 to 8 digits") if learner else "")
        self.secret.setValidator(self._pin_validator if learner else None)
        self.username.setPlaceholderText(self.tr("e.g. zoem, or your whole name") if learner else self.tr("e.g. rivera"))

    # ---- submitting ---------------------------------------------------------------------------------
    def submit(self) -> None:
        """Sign in (or create the first teacher). Before the store is open (``auth`` not there yet) the page
        already takes the name and secret: pressing Enter then waits, and signs in as soon as it is open."""
        if self.mode == "recovery":
            self.recover_requested.emit()
            return
        if self.auth is None:
            self.waiting = True
            self._say(self.tr("Opening the store… you are signed in as soon as it is open."), problem=False)
            return
        self.waiting = False
        from plprofile.domain.profile import ValidationError
        from plprofile.services.auth import SignInError

        username, secret = self.username.text(), self.secret.text()
        try:
            if self.mode == "first_teacher":
                if secret != self.repeat.text():
                    raise ValidationError("password", self.tr("The two passwords are not the same."))
                self.auth.create_first_teacher(self.display_name.text(), username, secret)
            signed = self.auth.sign_in(username, secret)
        except (SignInError, ValidationError) as exc:
            self._say(explain(exc), problem=True)
            self.secret.clear()
            self.repeat.clear()
            self.secret.setFocus()
            return
        self._reset()
        if self.mode == "first_teacher" and self.protect_box.isChecked():
            self.protect_request = secret
        self.signed_in.emit(signed)
