"""The services' and importers' messages, in the interface's language.

A ``UserError`` (``plprofile.domain.errors``) is already in the person's language: ``explain`` shows it as it
is, with the UI's own label for a field. The importers' and backups' messages not yet raised that way are
still looked up here by their English text (``FIXED``, ``PATTERNS``); a message not listed is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

# Messages still raised with a fixed English text (roster and OneRoster messages are ``UserError`` codes now).
FIXED = (
    # the passwords given to roster staff (services.auth)
    QT_TRANSLATE_NOOP("services", "Choose a password of your own, not the one you were given."),
    QT_TRANSLATE_NOOP("services", "Change your password with your current one."),
    QT_TRANSLATE_NOOP("services", "The learner is deleted, but another program is still reading the store, so the "
                                  "store's journal (-wal) could not be emptied yet. Close the other program and "
                                  "erase again."),
)

# (pattern of the English message, translatable template with the pattern's groups as placeholders); compiled
# when a message is first explained, not while the first window is being built
PATTERNS = (
    (r"^Nothing was erased: these backups cannot be opened with this store's key, so (?P<name>.+?) could not "
     r"be removed from them: (?P<files>.+)\. Move them off this computer or delete them, then erase again\.$",
     QT_TRANSLATE_NOOP("services", "Nothing was erased: these backups cannot be opened with this store's key, so "
                                   "{name} could not be removed from them: {files}. Move them off this computer "
                                   "or delete them, then erase again.")),
    (r"^(?P<name>.+?) is erased from the store and from (?P<n>\d+) backup\(s\), but not from these: "
     r"(?P<problems>.+)$",
     QT_TRANSLATE_NOOP("services", "{name} is erased from the store and from {n} backup(s), but not from these: "
                                   "{problems}")),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), template) for pattern, template in PATTERNS)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def text(message: str) -> str:
    """One English service message in the interface's language (unchanged if it is not known here)."""
    translated = translate("services", message)
    if translated != message or message in FIXED:
        return translated
    for pattern, template in _compiled():
        match = pattern.match(message)
        if match:
            return translate("services", template).format(**match.groupdict())
    return message


def explain(exc: BaseException) -> str:
    """What went wrong, for a person: the exception's message translated where it is known."""
    from plprofile.domain.errors import UserError
    from plprofile.domain.roster import MAX_PROBLEMS_SHOWN, RosterError
    from plprofile.services.storage import StaleEditError

    if isinstance(exc, UserError):
        field = getattr(exc, "field", None)
        if field and "field" in exc.arguments:  # "Given name cannot be empty.": the field's label in this language
            from .labels import field_label

            return exc.message(field=_capitalized(field_label(field)))
        # a code from the kind's catalogue is translated already; a finished text is looked up like any other
        return str(exc) if exc.code in exc.MESSAGES else text(str(exc))

    if isinstance(exc, StaleEditError):
        from .labels import entity_label

        return translate("services", "This item ({what}) was changed by someone else since you opened it.").format(
            what=entity_label(exc.entity).lower())
    if isinstance(exc, RosterError):
        problems = [str(p) for p in exc.problems]  # each already in the interface's language
        if len(problems) == 1:
            return problems[0]
        shown = problems[:MAX_PROBLEMS_SHOWN]
        lines = [translate("services", "The file has %n problem(s):", None, len(problems))]
        lines += [f"- {p}" for p in shown]
        if len(problems) > len(shown):
            lines.append(translate("services", "… and %n more.", None, len(problems) - len(shown)))
        return "\n".join(lines)
    return text(str(exc))
