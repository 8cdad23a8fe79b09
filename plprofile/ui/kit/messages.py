"""The services' and importers' messages, in the interface's language.

A ``UserError`` (``plprofile.domain.errors``) is already in the person's language: ``explain`` shows it as it
is, with the UI's own label for a field. No message is matched by its English text any more: every service
error carries a code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def text(message: str) -> str:
    """A finished English message in the interface's language, where the catalogue has it (unchanged if not)."""
    return translate("services", message)


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
