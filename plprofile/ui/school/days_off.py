"""School → Days off…: the single days the school is closed (a training day, a public holiday), which the
conference rota and the list of who is due skip, as they skip the days between terms. Staff read the list; a
school admin adds and removes days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..kit.common import attempt, fmt_date


class DaysOffDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, today: date | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        from plprofile.services.school_calendar import CalendarService

        self.ctx = ctx
        self.service = CalendarService(ctx.store)
        today = today or date.today()
        self.setWindowTitle(self.tr("School days off"))
        intro = QLabel(self.tr("Days the school is closed. The conference rota and the list of who is due skip "
                               "them, and the days between the school year's terms."))
        intro.setWordWrap(True)
        self.days = QListWidget()
        self.days.setAccessibleName(self.tr("Days off"))
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        day_label = QLabel(self.tr("&Day:"))
        day_label.setBuddy(self.day)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("What it is (optional)"))
        title_label = QLabel(self.tr("&Name:"))
        title_label.setBuddy(self.title)
        self.add_button = QPushButton(self.tr("&Add the day off"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("&Remove the chosen day"))
        self.remove_button.clicked.connect(self.remove)
        self.days.currentRowChanged.connect(lambda _r: self._enable())
        self.note = QLabel()
        self.note.setWordWrap(True)
        add_row = QHBoxLayout()
        for widget in (day_label, self.day, title_label, self.title, self.add_button):
            add_row.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.days, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(add_row)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.admin = bool(getattr(ctx.me, "admin", False))
        if not self.admin:
            self.note.setText(self.tr("Only a school admin adds or removes days off."))
        self.refresh()

    def refresh(self) -> None:
        self.days.clear()
        for view in attempt(self, lambda: self.service.days_off(self.ctx.teacher)) or []:
            text = fmt_date(view.day) + (f" — {view.title}" if view.title else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.days.addItem(item)
        self._enable()

    def _enable(self) -> None:
        for widget in (self.day, self.title, self.add_button):
            widget.setEnabled(self.admin)
        self.remove_button.setEnabled(self.admin and self.days.currentItem() is not None)

    def add(self) -> bool:
        day = self.day.date().toPython()
        if attempt(self, lambda: self.service.add_day_off(self.ctx.teacher, day, self.title.text())) is None:
            return False
        self.title.clear()
        self.refresh()
        return True

    def remove(self) -> bool:
        item = self.days.currentItem()
        if item is None:
            return False
        day_off_id = item.data(Qt.ItemDataRole.UserRole)
        done = attempt(self, lambda: (self.service.remove_day_off(self.ctx.teacher, day_off_id), True)[1])
        self.refresh()
        return bool(done)


def open_days_off(parent: QWidget, ctx) -> DaysOffDialog:  # noqa: ANN001
    dialog = DaysOffDialog(ctx, parent)
    dialog.open()
    return dialog


__all__ = ["DaysOffDialog", "open_days_off"]
