"""This computer's settings: the language, the text size, the idle lock's time and the store's backups."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from ..kit import ask


def choose_language(parent: QWidget) -> None:
    """The interface language: the system's, English or Spanish; it applies at the next start."""
    from plprofile import i18n

    choices = list(i18n.CHOICES)
    current = i18n.language_setting()
    title = QCoreApplication.translate("SettingsOperations", "Language")
    index = ask.choice(parent, title, QCoreApplication.translate("SettingsOperations", "Language of plprofile:"),
                       [i18n.language_name(c) for c in choices], choices.index(current))
    if index is None or choices[index] == current:
        return
    i18n.set_language_setting(choices[index])
    ask.info(parent, title, QCoreApplication.translate(
        "SettingsOperations", "plprofile will use “{language}” the next time it starts.").format(
            language=i18n.language_name(choices[index])))


def choose_text_size(parent: QWidget) -> None:
    """The text size: the system's or a larger one for everyone on this computer; applies at the next start."""
    from plprofile import i18n

    sizes = list(i18n.FONT_SIZES)
    current = i18n.font_size_setting()
    names = [QCoreApplication.translate("SettingsOperations", "The system's size") if s == 0 else QCoreApplication.translate(
        "SettingsOperations", "{points} points").format(points=QLocale().toString(float(s), "g", 3)) for s in sizes]
    title = QCoreApplication.translate("SettingsOperations", "Text size")
    index = ask.choice(parent, title, QCoreApplication.translate("SettingsOperations", "Size of the text in plprofile:"), names,
                       sizes.index(current) if current in sizes else 0)
    if index is None or sizes[index] == current:
        return
    i18n.set_font_size_setting(sizes[index])
    ask.info(parent, title, QCoreApplication.translate(
        "SettingsOperations", "plprofile will use “{size}” the next time it starts.").format(size=names[index]))


def choose_idle_minutes(parent: QWidget, idle) -> None:  # noqa: ANN001  an IdleLock
    from PySide6.QtWidgets import QInputDialog

    minutes, ok = QInputDialog.getInt(parent, QCoreApplication.translate("SettingsOperations", "Lock after idle time"),
                                      QCoreApplication.translate(
                                          "SettingsOperations", "Lock the app after this many minutes without use:"),
                                      idle.minutes(), 1, 120)
    if ok:
        idle.set_minutes(minutes)


def open_backups(parent: QWidget, ctx) -> None:  # noqa: ANN001  an AppContext
    from ..safety.backups import BackupsDialog  # start-up: the dialog loads when first opened

    ask.dialog(BackupsDialog(ctx, parent))
