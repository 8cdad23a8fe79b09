"""Every modal question the UI asks goes through here, so tests can answer without a blocking exec()."""

from __future__ import annotations

from typing import TYPE_CHECKING

# Each dialog's class loads with the first question that needs it: the first window shows without them.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    result, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, value)
    return result if ok else None


def password(parent: QWidget | None, title: str, label: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    result, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return result if ok else None


def multiline(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog

    result, ok = QInputDialog.getMultiLineText(parent, title, label, value)
    return result if ok else None


def choice(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    """Pick one of ``items``; the index of the one chosen, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    result, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    return items.index(result) if ok and result in items else None


def confirm(parent: QWidget | None, title: str, message: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, message)
    return answer == QMessageBox.StandardButton.Yes


def info(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, message)


def error(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, message)


def open_file(parent: QWidget | None, title: str, file_filter: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path or None


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def folder(parent: QWidget | None, title: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path = QFileDialog.getExistingDirectory(parent, title)
    return path or None


def dialog(widget) -> bool:  # noqa: ANN001
    """Run a QDialog; tests patch this to fill and accept it without blocking."""
    return bool(widget.exec())
