"""Sign-in accounts: a learner's PIN, unlocking a learner, adding a teacher, changing one's password."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..kit import ask
from ..kit.common import attempt

if TYPE_CHECKING:
    from ..kit.context import AppContext


def set_learner_pin(parent: QWidget, ctx: AppContext, learner_id: uuid.UUID, learner) -> None:  # noqa: ANN001
    learner_name = learner.preferred_name
    title = QCoreApplication.translate("AccountOperations", "Set sign-in PIN")
    pin = ask.text(parent, title, QCoreApplication.translate(
        "AccountOperations", "A PIN of 4 to 8 digits for {name}:").format(name=learner_name))
    if pin is None:
        return
    name = attempt(parent, lambda: ctx.auth.set_learner_pin(ctx.me, learner_id, pin))
    if name:
        ask.info(parent, title, QCoreApplication.translate(
            "AccountOperations", "{learner} signs in as “{name}” with the new PIN.").format(
                learner=learner_name, name=name))


def unlock_learner(parent: QWidget, ctx: AppContext, learner_id: uuid.UUID, _learner=None) -> None:  # noqa: ANN001
    account = ctx.profiles.learner_account(ctx.me, learner_id)
    attempt(parent, lambda: ctx.auth.unlock(ctx.me, account.id))
    ask.info(parent, QCoreApplication.translate("AccountOperations", "Unlock"), QCoreApplication.translate(
        "AccountOperations", "{name} can sign in again.").format(name=account.display_name))


def add_teacher(parent: QWidget, ctx: AppContext) -> None:
    title = QCoreApplication.translate("AccountOperations", "Add a teacher")
    name = ask.text(parent, title, QCoreApplication.translate("AccountOperations",
                                                              "Sign-in name of the new teacher:"))
    if not name:
        return
    password = ask.password(parent, title, QCoreApplication.translate(
        "AccountOperations", "A password for {name} (at least 8 characters):").format(name=name))
    if password is not None and attempt(parent, lambda: ctx.auth.add_teacher(ctx.me, name, name, password)) is not None:
        ask.info(parent, title, QCoreApplication.translate("AccountOperations", "{name} can now sign in.").format(
            name=name))


def change_password(parent: QWidget, ctx: AppContext) -> None:
    title = QCoreApplication.translate("AccountOperations", "Change my password")
    current = ask.password(parent, title, QCoreApplication.translate("AccountOperations", "Your current password:"))
    if current is None:
        return
    new = ask.password(parent, title, QCoreApplication.translate("AccountOperations",
                                                                 "A new password (at least 8 characters):"))
    if new is None:
        return
    again = ask.password(parent, title, QCoreApplication.translate("AccountOperations", "The new password again:"))
    if again is None:
        return
    if again != new:
        ask.error(parent, title, QCoreApplication.translate(
            "AccountOperations", "The two new passwords are not the same. Nothing was changed."))
        return
    if attempt(parent, lambda: ctx.auth.change_password(ctx.me, current, new)) is not None:
        ask.info(parent, title, QCoreApplication.translate(
            "AccountOperations", "Your password is changed. Use it the next time you sign in."))
