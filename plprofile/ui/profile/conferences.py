"""Conference records: date, who took part, notes, what was agreed, the next check-in."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain.profile import ConferenceLead
from plprofile.services.views import ConferenceView, ProfileView

from ..kit.a11y import unseen_label
from ..kit.common import attempt, date_edit_format, fmt_date, from_qdate, style_record_list, to_qdate
from ..kit.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole


class ConferencesTab(QWidget):
    def __init__(self, ctx: AppContext, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.on_change = ctx, on_change
        self.view: ProfileView | None = None
        self.conference_id: uuid.UUID | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conference records"))
        style_record_list(self.list)
        self.list.currentItemChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New conference &record"))
        self.new_button.clicked.connect(self.new_record)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.new_button)

        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat(date_edit_format())
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(self.tr("e.g. the learner, their teacher, a parent"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What we talked about"))
        self.agreements = QPlainTextEdit()
        self.agreements.setTabChangesFocus(True)
        self.agreements.setPlaceholderText(self.tr("What we agreed: next steps, who does what"))
        self.has_next = QCheckBox(self.tr("Next check-in"))
        self.next_on = QDateEdit()
        self.next_on.setCalendarPopup(True)
        self.next_on.setDisplayFormat(date_edit_format())
        self.next_on.setAccessibleName(self.tr("Next check-in date"))
        self.has_next.toggled.connect(self.next_on.setEnabled)
        next_row = QHBoxLayout()
        next_row.addWidget(self.has_next)
        next_row.addWidget(self.next_on, 1)
        unseen_label(self.next_on, self.tr("Next check-in date"), next_row)
        self.save_button = QPushButton(self.tr("&Save record"))
        self.save_button.clicked.connect(self.save)
        box = QGroupBox(self.tr("Conference record"))
        form = QFormLayout(box)
        form.addRow(self.tr("&Date:"), self.held_on)
        form.addRow(self.tr("&Who took part:"), self.participants)
        self.led_by = QLabel()  # who led it: a student-led conference says the learner did
        form.addRow(self.tr("Who led it:"), self.led_by)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow(self.tr("&Agreed:"), self.agreements)
        form.addRow(self.tr("Next:"), next_row)
        form.addRow(self.save_button)
        from plprofile.domain.profile import Section

        from .sections import EntryList

        self.proposals = EntryList(ctx, Section.NEXT_CONFERENCE)
        self.proposals.changed.connect(on_change)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(box, 3)
        rl.addWidget(self.proposals, 2)
        if ctx.is_learner:  # a learner reads the records and proposes; the teacher writes the record
            for w in (self.new_button, self.save_button):
                w.hide()
            for w in (self.held_on, self.participants, self.has_next, self.next_on):
                w.setEnabled(False)
            self.notes.setReadOnly(True)
            self.agreements.setReadOnly(True)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._loading = False
        self.new_record()

    def current(self) -> ConferenceView | None:
        if self.view is None or self.conference_id is None:
            return None
        return next((c for c in self.view.conferences if c.id == self.conference_id), None)

    def show_profile(self, view: ProfileView) -> None:
        if self.view is None or self.view.learner.id != view.learner.id:
            self.conference_id = None
        self.view = view
        self._loading = True
        self.list.clear()
        for conf in view.conferences:
            summary = conf.agreements.splitlines()[0] if conf.agreements else conf.notes[:60]
            item = QListWidgetItem(f"{fmt_date(conf.held_on)} · {self.lead_words(conf)}\n{summary}")
            item.setData(ID_ROLE, conf.id)
            self.list.addItem(item)
            if conf.id == self.conference_id:
                self.list.setCurrentItem(item)
        self._loading = False
        self._fill(self.current())
        self.proposals.show_entries(view)

    def lead_words(self, conf: ConferenceView | None) -> str:
        """Who led the conference, to whoever reads: "You led it" to the learner who did."""
        if conf is None:
            return self.tr("The teacher (a new record)")
        if conf.led_by == ConferenceLead.LEARNER.value:
            return (self.tr("You led it") if self.ctx.is_learner else
                    self.tr("Led by {name}").format(name=self.view.learner.preferred_name if self.view else ""))
        return self.tr("Your teacher led it") if self.ctx.is_learner else self.tr("Led by the teacher")

    def select(self, conference_id) -> None:  # noqa: ANN001
        """Show one record (after conference mode saved it): selected in the list, its words in the form."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == conference_id:
                self.list.setCurrentRow(row)
                return

    def _selected(self, item: QListWidgetItem | None, _prev=None) -> None:  # noqa: ANN001
        if self._loading:
            return
        self.conference_id = item.data(ID_ROLE) if item else None
        self._fill(self.current())

    def new_record(self) -> None:
        self.list.setCurrentItem(None)
        self.conference_id = None
        self._fill(None)

    def _fill(self, conf: ConferenceView | None) -> None:
        self.held_on.setDate(to_qdate(conf.held_on) if conf else QDate.currentDate())
        if conf is None and self.view is not None:
            self.participants.setText(self.tr("{learner} and {teacher}").format(
                learner=self.view.learner.preferred_name, teacher=self.ctx.user.display_name))
        else:
            self.participants.setText(conf.participants if conf else "")
        self.notes.setPlainText(conf.notes if conf else "")
        self.led_by.setText(self.lead_words(conf))
        self.agreements.setPlainText(conf.agreements if conf else "")
        has_next = bool(conf and conf.next_checkin_on)
        self.has_next.setChecked(has_next or conf is None)
        self.next_on.setEnabled(self.has_next.isChecked())
        self.next_on.setDate(to_qdate(conf.next_checkin_on) if has_next else QDate.currentDate().addDays(28))
        self.save_button.setText(self.tr("&Save record") if conf else self.tr("&Add record"))

    def save(self) -> None:
        if self.view is None:
            return
        learner_id = self.view.learner.id
        values = {
            "held_on": from_qdate(self.held_on.date()),
            "participants": self.participants.text(),
            "notes": self.notes.toPlainText(),
            "agreements": self.agreements.toPlainText(),
            "next_checkin_on": from_qdate(self.next_on.date()) if self.has_next.isChecked() else None,
        }
        conf = self.current()
        actor = self.ctx.teacher
        if conf is None:
            held_on = values.pop("held_on")
            made = attempt(self, lambda: self.ctx.profiles.add_conference(actor, learner_id, held_on, **values))
            if made is not None:
                self.conference_id = made.id
        else:
            attempt(self, lambda: self.ctx.profiles.update_conference(actor, conf.id,
                                                                      expected_version=conf.version, **values))
        self.on_change()
