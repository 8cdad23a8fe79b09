"""Small pieces the views share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

# start-up: the Qt namespace is made where first used, not on import (README, Performance: start-up)
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QWidget

from . import ask

T = TypeVar("T")


# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def attempt(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run a service call; a refusal the person can act on becomes a clear message, and nothing is stored."""
    # here, not at the top: the main window imports this module before the store layer has loaded
    from plprofile.domain.policy import AccessDenied
    from plprofile.domain.profile import ValidationError
    from plprofile.services.storage import NotFoundError, StaleEditError, StoreBusyError

    from .labels import field_label
    from .messages import explain

    try:
        return action()
    except ValidationError as exc:
        ask.error(parent, translate("common", "Please check"), explain(exc))
    except AccessDenied as exc:
        ask.error(parent, translate("common", "Not allowed"), explain(exc))
    except StaleEditError as exc:
        mine = "\n".join(f"{field_label(k)}: {v}" for k, v in exc.attempted.items())
        theirs = "\n".join(f"{field_label(k)}: {exc.current.get(k)}" for k in exc.attempted)
        ask.error(parent, translate("common", "Changed elsewhere"),
                  translate("common", "{message}\n\nSaved version:\n{theirs}\n\nYour version:\n{mine}\n\n"
                            "The saved version is now shown; copy your text back in if you still want it.")
                  .format(message=explain(exc), theirs=theirs, mine=mine))
    except NotFoundError:
        ask.error(parent, translate("common", "Not found"),
                  translate("common", "This item no longer exists; it may have been removed."))
    except StoreBusyError:
        show_busy(parent)
    return None


def show_busy(parent: QWidget | None) -> None:
    """The store stayed busy (another window or program writing to it) for longer than a write waits."""
    ask.error(parent, translate("common", "The store is busy"),
              translate("common", "Another plprofile window or program is writing to the store (for example "
                                  "importing a class), so this was not saved yet. What you typed is still "
                                  "there: try again in a moment."))


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


def fmt_date(value: date | None) -> str:
    """A date in the interface's language, e.g. "5 Mar 2025" or "5 mar 2025"."""
    if value is None:
        return "—"
    return QLocale().toString(to_qdate(value), "d MMM yyyy")


def fmt_datetime(value: datetime | None) -> str:
    """A moment in local time: the date as ``fmt_date`` writes it and the locale's short time."""
    if value is None:
        return "—"
    local = value.astimezone()
    locale = QLocale()
    moment = QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute))
    return locale.toString(moment, "d MMM yyyy " + locale.timeFormat(QLocale.FormatType.ShortFormat))


def fmt_size(size: int) -> str:
    """A file size in the locale's words and decimal mark ("1,2 MB" in Spanish)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def date_edit_format() -> str:
    """How date fields show a date: the locale's short format with a four-digit year (ISO without a locale)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def high_contrast() -> bool:
    """The system asks for high contrast (Qt 6.10+ reports it): then no colours of our own, only the palette's."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == QtCore.Qt.ContrastPreference.HighContrast


def error_style() -> str:
    """How an inline error message looks: bold in a warning red, or bold in the palette's text in high contrast.

    The message text says what is wrong, so nothing depends on the colour.
    """
    return "font-weight: bold;" if high_contrast() else "color: #b3261e; font-weight: bold;"


def style_record_list(widget: QListWidget) -> None:
    """Lists of two-line records (goals, conferences): wrapped, spaced, no sideways scrolling."""
    widget.setWordWrap(True)
    widget.setSpacing(3)
    widget.setAlternatingRowColors(True)
    widget.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # lines wrapped at the width the list really has (at large text a record's last line was cut to "…")
    widget.setResizeMode(widget.ResizeMode.Adjust)
    widget.setTextElideMode(QtCore.Qt.TextElideMode.ElideNone)
    widget.setItemDelegate(_WrappedRecordDelegate(widget))


class _WrappedRecordDelegate(QStyledItemDelegate):
    """A record's height worked out at the width it is painted at (the list's own guess used the whole viewport,
    so at 16-point text the painted record wrapped once more than measured and its last line was cut)."""

    def sizeHint(self, option, index):  # noqa: ANN001, ANN201, N802
        size = super().sizeHint(option, index)
        view = self.parent()
        text = index.data() or ""
        # the painted width: the viewport less the list's spacing on both sides and the item's text margins
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = max(40, view.viewport().width() - 2 * view.spacing() - 2 * margin - 4)
        metrics = QFontMetrics(option.font)
        flags = int(QtCore.Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QtCore.QRect(0, 0, width, 100_000), flags, text).height() + 2 * margin + 4
        return QtCore.QSize(size.width(), max(size.height(), needed))
