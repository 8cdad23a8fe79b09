"""Languages: which one the interface speaks, and the Qt translators and locale that go with it.

The app follows the system locale. The "ui/language" setting ("system", "en", "es") overrides it, and the
``PLPROFILE_LANG`` environment variable overrides both (screenshots, tests). Our own strings come from
``resources/translations/plprofile_<lang>.qm``, Qt's own (dialog buttons, context menus) from Qt's
``qtbase_<lang>.qm``. The locale set as default decides how dates and numbers look.

How to update and build the translations: ``resources/translations/README.md``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from plprofile.domain.errors import install_date_format, install_translator

from . import RESOURCES

# The languages the interface is translated into; English is the source language.
LANGUAGES = ("en", "es")
# What the setting may hold: follow the system, or one of LANGUAGES.
SYSTEM = "system"
CHOICES = (SYSTEM, *LANGUAGES)
SETTINGS_KEY = "ui/language"
ENV_VAR = "PLPROFILE_LANG"
FONT_SETTINGS_KEY = "ui/font_size"
FONT_ENV_VAR = "PLPROFILE_FONT_SIZE"
# Text sizes offered in the Text size menu, in points; 0 means "the system's".
FONT_SIZES = (0, 12, 14, 16, 20)
TRANSLATIONS = RESOURCES / "translations"
# When a language is chosen that is not the system's, the region its formats follow: Spanish for Latin
# America (decimal point ".", like the stage values "1.5" on the charts), English as in the US.
DEFAULT_LOCALES = {"en": "en_US", "es": "es_419"}

_installed: list[QTranslator] = []
_language: str | None = None


def normalize(choice: str | None) -> str:
    """``"es_MX"``, ``"es-419"``, ``"ES"`` → ``"es"``; ``"system"``, ``""`` or anything unknown → ``"system"``."""
    if not choice:
        return SYSTEM
    code = choice.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else SYSTEM


def language_setting() -> str:
    """The choice stored in the settings: ``"system"``, ``"en"`` or ``"es"``."""
    return normalize(str(QSettings().value(SETTINGS_KEY, SYSTEM) or SYSTEM))


def set_language_setting(choice: str) -> None:
    """Store the choice; it applies the next time the app starts."""
    QSettings().setValue(SETTINGS_KEY, normalize(choice))


def requested_language(language: str | None = None) -> str:
    """What is asked for, strongest first: ``language``, then $PLPROFILE_LANG, then the setting."""
    for choice in (language, os.environ.get(ENV_VAR)):
        if choice:
            return normalize(choice)
    return language_setting()


def _supported(locale: QLocale) -> str | None:
    """The first of the locale's UI languages we have a translation for (English included)."""
    for name in locale.uiLanguages():
        code = normalize(name)
        if code != SYSTEM:
            return code
    return None


def resolve(choice: str) -> tuple[str, QLocale]:
    """``(language, locale)`` for a choice: the language the UI speaks and the locale for formats.

    Following the system: its language if we have it, else English, with the system's own formats.
    A chosen language: the system locale if it already speaks it (keeps the region), else its default.
    """
    system = QLocale.system()
    if choice == SYSTEM:
        return _supported(system) or "en", system
    if _supported(system) == choice and system.language() != QLocale.Language.C:
        return choice, system
    return choice, QLocale(DEFAULT_LOCALES[choice])


def _qt_translation_folders() -> list[str]:
    """Where Qt's own .qm files are: Qt's configured folder, else the one inside the PySide6 package
    (the installer keeps ``PySide6/Qt/translations`` for the shipped languages)."""
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    bundled = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "translations")
    if bundled not in folders:
        folders.append(bundled)
    return folders


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install Qt's and plprofile's translations and the default locale; returns the UI language.

    ``language`` is ``None`` (follow $PLPROFILE_LANG, the setting, then the system), ``"system"``, ``"en"``
    or ``"es"``. Calling it again replaces what an earlier call installed (used by tests).
    """
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang, locale = resolve(requested_language(language))
    QLocale.setDefault(locale)
    install_translator(QCoreApplication.translate)  # the services' errors read the same catalogue
    install_date_format(_locale_date)  # and show their dates as the interface does
    _language = lang
    # English is the source language: only its plural forms ("1 learner", "2 learners") come from a file.
    catalogues = [("plprofile", [str(TRANSLATIONS)])]
    if lang != "en":
        catalogues.insert(0, ("qtbase", _qt_translation_folders()))
    for name, folders in catalogues:
        translator = QTranslator(app)
        if any(translator.load(locale, name, "_", folder) or translator.load(f"{name}_{lang}", folder)
               for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang


def ui_language() -> str:
    """``"en"`` or ``"es"``: the language of the interface, also used for the framework's texts.

    Before ``install_translators`` runs (some tests), the default locale decides.
    """
    if _language is not None:
        return _language
    return _supported(QLocale()) or "en"


def language_name(choice: str) -> str:
    """How a choice is offered: languages by their own name, so anyone can find theirs."""
    return {
        SYSTEM: QCoreApplication.translate("i18n", "System language"),
        "en": "English",
        "es": "Español",
    }[normalize(choice)]


def font_size_setting() -> float:
    """The text size chosen in the settings, in points; 0 when the system's size is followed."""
    try:
        return max(0.0, float(QSettings().value(FONT_SETTINGS_KEY, 0) or 0))
    except (TypeError, ValueError):
        return 0.0


def set_font_size_setting(points: float) -> None:
    """Store the text size (0: the system's); it applies the next time the app starts."""
    QSettings().setValue(FONT_SETTINGS_KEY, float(points))


def apply_font_size(app: QCoreApplication) -> float:
    """Use $PLPROFILE_FONT_SIZE or the setting as the application's text size; returns the points used (0: none).

    Widgets size themselves from the font, so layouts grow with it. Without either, the system's font
    (and its scaling, e.g. ``QT_FONT_DPI`` or the desktop's text size) stays as it is.
    """
    try:
        points = float(os.environ.get(FONT_ENV_VAR) or 0) or font_size_setting()
    except ValueError:
        points = font_size_setting()
    if points <= 0:
        return 0.0
    font = app.font()
    font.setPointSizeF(min(max(points, 6.0), 48.0))
    app.setFont(font)
    return font.pointSizeF()


def uninstall_translators(app: QCoreApplication) -> None:
    """Remove what ``install_translators`` installed (tests switch languages back and forth)."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = None


@contextmanager
def speaking(language: str) -> Iterator[str]:
    """Within the block our strings, Qt's and the default locale (dates) are ``language``'s ("en" or "es"),
    whatever the interface speaks: a family summary in the family's language. Restored afterwards."""
    app = QCoreApplication.instance()
    before, locale = _language, QLocale()
    try:
        yield install_translators(app, normalize(language) if normalize(language) != SYSTEM else before)
    finally:
        install_translators(app, before or SYSTEM)
        QLocale.setDefault(locale)


def _locale_date(value) -> str:  # noqa: ANN001
    """A date as the interface writes it ("5 Mar 2025", "5 mar 2025"): the default locale's words."""
    from PySide6.QtCore import QDate

    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")
