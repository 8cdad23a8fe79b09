"""Small pieces the views share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QListWidget, QWidget

from plprofile.domain.profile import ValidationError

from . import ask

T = TypeVar("T")


def _t(text: str) -> str:
    return QCoreApplication.translate("common", text)


def attempt(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run a service call; a refusal the person can act on becomes a clear message, and nothing is stored."""
    # here, not at the top: the main window imports this module before the store layer has loaded
    from plprofile.services.profiles import AccessDenied
    from plprofile.store.changes import NotFoundError, StaleEditError

    try:
        return action()
    except ValidationError as exc:
        ask.error(parent, _t("Please check"), str(exc))
    except AccessDenied as exc:
        ask.error(parent, _t("Not allowed"), str(exc))
    except StaleEditError as exc:
        mine = "\n".join(f"{k}: {v}" for k, v in exc.attempted.items())
        theirs = "\n".join(f"{k}: {exc.current.get(k)}" for k in exc.attempted)
        ask.error(parent, _t("Changed elsewhere"),
                  _t("{message}\n\nSaved version:\n{theirs}\n\nYour version:\n{mine}\n\n"
                     "The saved version is now shown; copy your text back in if you still want it.")
                  .format(message=str(exc), theirs=theirs, mine=mine))
    except NotFoundError:
        ask.error(parent, _t("Not found"), _t("This item no longer exists; it may have been removed."))
    return None


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


def fmt_date(value: date | None) -> str:
    if value is None:
        return "—"
    from PySide6.QtCore import QLocale

    return QLocale().toString(to_qdate(value), "d MMM yyyy")


def style_record_list(widget: QListWidget) -> None:
    """Lists of two-line records (goals, conferences): wrapped, spaced, no sideways scrolling."""
    widget.setWordWrap(True)
    widget.setSpacing(3)
    widget.setAlternatingRowColors(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
