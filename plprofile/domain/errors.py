"""Errors a person reads: a code, its arguments, and a message from the catalogue in the person's language.

The layers below the UI know no Qt, so they cannot call ``QCoreApplication.translate`` themselves. They mark each
message where it is raised with ``QT_TRANSLATE_NOOP`` (which ``lupdate`` reads, like Qt's own macro) and the
error looks it up through the translator the app installs at start-up (``install_translator``, the way napari's
``trans._`` works). Until one is installed (the command line, unit tests) messages are English.

A new error kind: a subclass of ``UserError`` with its ``MESSAGES`` (code: English template); raise it with the
code and the template's arguments. ``tests/domain/test_errors.py`` walks every kind in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import ClassVar

#: The translation context of every message raised below the UI.
CONTEXT = "services"

_translate: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731  English until the app says
#: How a date argument is shown: ISO until the app installs the locale's own format (``install_date_format``).
_format_date: Callable[[date], str] = date.isoformat


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  the name lupdate looks for
    """Mark ``text`` for the catalogue; looked up later, when it is shown."""
    return text


def install_translator(translate: Callable[[str, str], str] | None) -> None:
    """Use ``translate(context, text)`` (``QCoreApplication.translate``) for every message; ``None``: English."""
    global _translate
    _translate = translate if translate is not None else (lambda _context, text: text)


def install_date_format(format_date: Callable[[date], str] | None) -> None:
    """Show date arguments with ``format_date`` (the interface's locale); ``None``: ISO (YYYY-MM-DD)."""
    global _format_date
    _format_date = format_date if format_date is not None else date.isoformat


def tr(text: str, context: str = CONTEXT) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP``) in the person's language."""
    return _translate(context, text)


class UserError(Exception):
    """An error whose message a person reads: ``code`` picks the message, ``arguments`` fill its {placeholders}.

    ``str(error)`` is the message in the language of the translator installed when it is read.
    """

    #: code -> English template, each marked for the catalogue. Subclasses add their own.
    MESSAGES: ClassVar[Mapping[str, str]] = {}

    def __init__(self, code: str, /, **arguments: object) -> None:
        self.code = code
        self.arguments = arguments
        super().__init__(code)

    @property
    def template(self) -> str:
        """The English template; a code not in ``MESSAGES`` is a finished text (shown as given)."""
        return self.MESSAGES.get(self.code, self.code)

    def english(self) -> str:
        return self.message(translate=False)

    def message(self, *, translate: bool = True, **overrides: object) -> str:
        """The message; ``overrides`` replace arguments (the UI puts its own label for a field)."""
        arguments = {k: _shown(v, translate) for k, v in self.arguments.items()} | overrides
        template = tr(self.template) if translate and self.code in self.MESSAGES else self.template
        return template.format(**arguments) if self.code in self.MESSAGES else template

    def __str__(self) -> str:
        return self.message()


def _shown(value: object, translate: bool = True) -> object:
    """An argument that is itself an error (a reason) is shown in the same language, a date in the same
    locale (ISO in English-only text)."""
    if isinstance(value, UserError):
        return value.message(translate=translate)
    if isinstance(value, date):
        return _format_date(value) if translate else value.isoformat()
    return value


def error_kinds() -> list[type[UserError]]:
    """Every ``UserError`` subclass defined so far (import the modules that define them first)."""
    found: list[type[UserError]] = []
    todo = [UserError]
    while todo:
        kind = todo.pop()
        for sub in kind.__subclasses__():
            if sub not in found:
                found.append(sub)
                todo.append(sub)
    return found
