"""Conference mode: one screen learner and teacher read together, with a timer, for a 10–20 minute one-to-one.

It shows what changed since the last conference, the goals and their evidence, the Stages side by side, and
ends with next steps, the next date, the saved record and a one-page summary for the learner and the family.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain import profile as d
from plprofile.domain.filenames import safe_file_name
from plprofile.domain.profile import ConferenceLead, Role
from plprofile.i18n import ui_language
from plprofile.services.views import ProfileView

from ..kit import ask, labels
from ..kit.common import attempt, date_edit_format, fmt_date, from_qdate, to_qdate
from ..kit.context import AppContext
from ..kit.messages import explain
from .history import describe


def choose_pdf_path(parent: QWidget, suggested: Path) -> tuple[str, bool] | None:
    """Where to save the summary, and whether to lock it with a passphrase (tests patch this)."""
    from PySide6.QtWidgets import QFileDialog

    locked = QCoreApplication.translate("ConferencePage", "PDF locked with a passphrase (*.pdf)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ConferencePage", "Save the summary"), str(suggested),
        ";;".join([QCoreApplication.translate("ConferencePage", "PDF (*.pdf)"), locked]))
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return (path, chosen == locked) if path else None


def writer_font_of(widget: QWidget) -> QFont:
    """Large and bold: who is writing is seen from across the table."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    return font


class _Subjects(NamedTuple):
    sections: dict  # entry id -> its section's name
    goals: dict  # goal, step, support, evidence or check-in id -> the goal's statement


def _subjects(view: ProfileView) -> _Subjects:
    """What each row of the profile belongs to, so a "since the last conference" line can name it."""
    sections = {e.id: labels.section_in_full(e.section) for e in view.entries}
    goals = {}
    for gv in view.goals:
        for row in (gv.goal, *gv.steps, *gv.supports, *gv.evidence, *gv.checkins):
            goals[row.id] = gv.goal.statement
    return _Subjects(sections, goals)


class ConferencePage(QWidget):
    ended = Signal(bool)  # True when saved, False when cancelled

    def __init__(self, ctx: AppContext, view: ProfileView, open_stages, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.open_stages = open_stages
        self.started = time.monotonic()
        self.last_pdf: Path | None = None
        self.saved_conference_id = None
        learner = view.learner

        self.led_by = ConferenceLead.TEACHER
        self.student_led = None  # the learner's agenda, when they lead
        title = self.title = QLabel(self.tr("Conference with {name}").format(name=learner.preferred_name))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.clock = QLabel("00:00")
        clock_font = QFont(self.clock.font())
        clock_font.setPointSizeF(clock_font.pointSizeF() * 2)
        clock_font.setBold(True)
        self.clock.setFont(clock_font)
        # its words (the time) are its name; what they are, its description
        self.clock.setAccessibleDescription(self.tr("Time in this conference"))
        self.target = QSpinBox()
        self.target.setRange(5, 40)
        self.target.setValue(15)
        self.target.setSuffix(self.tr(" min"))
        self.target.setAccessibleName(self.tr("Planned length in minutes"))
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName(self.tr("Time used"))
        self.end_button = QPushButton(self.tr("&End and save"))
        self.end_button.clicked.connect(self.end)
        self.cancel_button = QPushButton(self.tr("Cancel conference"))
        self.cancel_button.clicked.connect(self.cancel)
        # who is writing: asked once as the conference starts, shown large, switched with one button
        self.writer_label = QLabel()
        writer_font = QFont(self.writer_label.font())
        writer_font.setPointSizeF(writer_font.pointSizeF() * 1.5)
        writer_font.setBold(True)
        self.writer_label.setFont(writer_font)
        self.writer_label.setAccessibleDescription(self.tr("Who is writing"))  # its words are read as they are
        self.switch_writer = QPushButton()
        self.switch_writer.clicked.connect(self._switch_writer)
        self.asking_writer = False
        self.first_writer = {
            Role.LEARNER: QPushButton(self.tr("{name} is writing").format(name=learner.preferred_name)),
            Role.TEACHER: QPushButton(self.tr("{name} is writing").format(name=ctx.user.display_name))}
        for role, button in self.first_writer.items():
            button.setFont(writer_font_of(button))
            button.clicked.connect(lambda _checked=False, r=role: self.choose_writer(r))
            button.hide()
        ctx.writer_changed.connect(lambda _role: self._show_writer())
        # who leads: asked at the start, beside who writes; the teacher leads unless the learner is chosen
        self.lead_question = QLabel(self.tr("Who leads this conference?"))
        self.lead_buttons = {
            ConferenceLead.TEACHER: QPushButton(self.tr("The teacher leads")),
            ConferenceLead.LEARNER: QPushButton(self.tr("{name} leads").format(name=learner.preferred_name))}
        for lead, button in self.lead_buttons.items():
            button.setFont(writer_font_of(button))
            button.clicked.connect(lambda _checked=False, w=lead: self.choose_lead(w))
        top = QHBoxLayout()
        top.addWidget(title, 1)
        planned = QLabel(self.tr("Planned:"))
        planned.setBuddy(self.target)  # a screen reader reads this with the minutes
        top.addWidget(planned)
        top.addWidget(self.target)
        top.addWidget(self.bar, 1)
        top.addWidget(self.clock)
        top.addWidget(self.end_button)
        top.addWidget(self.cancel_button)

        # 1. what changed since the last conference
        last = view.conferences[0] if view.conferences else None
        since_title = (self.tr("Since the last conference ({date})").format(date=fmt_date(last.held_on))
                       if last else self.tr("Since the profile began"))
        self.changes = QListWidget()
        self.changes.setWordWrap(True)
        self.changes.setAccessibleName(since_title)
        # the agenda first (what the learner asked for, what waits for them), what changed beside it
        from .conference_agenda import AgendaPanel

        self.agenda = AgendaPanel(ctx)
        self.agenda.changed.connect(self._agenda_changed)
        since_box = self.since_box = QTabWidget()
        since_box.setAccessibleName(self.tr("Agenda and what changed"))
        since_box.addTab(self.agenda, self.tr("A&genda"))
        since_box.addTab(self.changes, since_title)

        # 2. goals and evidence
        self.goals = QTreeWidget()
        self.goals.setHeaderLabels([self.tr("Goal"), self.tr("Status"), self.tr("Steps"), self.tr("Last check-in")])
        self.goals.setAccessibleName(self.tr("Goals and evidence"))
        self.goals.setWordWrap(True)
        self.goals.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.goals.header().setStretchLastSection(False)
        goals_box = QGroupBox(self.tr("Goals and evidence"))
        QVBoxLayout(goals_box).addWidget(self.goals)

        # 3. the Stages side by side
        self.stages = QTableWidget()
        self.stages.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.stages.setAccessibleName(self.tr("Stages: learner and teacher side by side"))
        self.stages.verticalHeader().hide()
        self.stages.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.stages.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rate_button = QPushButton(self.tr("&Rate the Stages now…"))
        self.rate_button.clicked.connect(lambda: self.open_stages())
        stages_box = QGroupBox(self.tr("Stages of Personalized Learning, side by side"))
        sl = QVBoxLayout(stages_box)
        sl.addWidget(self.stages)
        sl.addWidget(self.rate_button)

        # 4. next steps and the next date
        self.agreements = QPlainTextEdit()
        self.agreements.setTabChangesFocus(True)
        self.agreements.setPlaceholderText(self.tr("Next steps we agree on: who does what, by when"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What we talked about"))
        self.participants = QLineEdit(self.tr("{learner} and {teacher}").format(
            learner=learner.preferred_name, teacher=ctx.user.display_name))
        self.next_on = QDateEdit()
        self.next_on.setCalendarPopup(True)
        self.next_on.setDisplayFormat(date_edit_format())
        self.next_on.setDate(to_qdate(date.today() + timedelta(days=28)))
        next_box = QGroupBox(self.tr("Next steps"))
        form = QFormLayout(next_box)
        form.addRow(self.tr("&Agreed:"), self.agreements)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow(self.tr("&Who took part:"), self.participants)
        form.addRow(self.tr("Next &check-in:"), self.next_on)

        grid = QGridLayout()
        grid.addWidget(since_box, 0, 0)
        grid.addWidget(goals_box, 0, 1)
        grid.addWidget(stages_box, 1, 0)
        grid.addWidget(next_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)  # the agenda as tall as the Stages
        grid.setRowStretch(1, 1)
        writer_row = QHBoxLayout()
        writer_row.addWidget(self.writer_label)
        writer_row.addWidget(self.switch_writer)
        for button in self.first_writer.values():
            writer_row.addWidget(button)
        writer_row.addStretch(1)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.lead_question)
        for button in self.lead_buttons.values():
            lead_row.addWidget(button)
        lead_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(lead_row)
        layout.addLayout(writer_row)
        layout.addLayout(grid, 1)
        self._show_writer()

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        self._tick()
        self.show_profile(view)

    # ---- who is writing -----------------------------------------------------------------------------
    def ask_writer(self) -> None:
        """Asked once as the conference starts, on the page itself (no window to dismiss): two large buttons,
        one per person; what is typed is saved as the writer's words."""
        self.asking_writer = True
        self.writer_label.setText(self.tr("Who types first?"))
        self.switch_writer.hide()
        for button in self.first_writer.values():
            button.show()
        self.first_writer[Role.LEARNER].setFocus()

    def choose_lead(self, lead: ConferenceLead) -> None:
        """Teacher-led (as before) or learner-led: the learner's agenda comes first and the learner writes."""
        self.led_by = lead
        self.lead_question.hide()
        for button in self.lead_buttons.values():
            button.hide()
        if lead is ConferenceLead.LEARNER and self.student_led is None:
            from .student_led import StudentLedPanel

            name = self.view.learner.preferred_name
            self.student_led = StudentLedPanel(self.view, self.ctx.user.display_name)
            self.since_box.insertTab(0, self.student_led, self.tr("&Your agenda, {name}").format(name=name))
            self.since_box.setCurrentIndex(0)
            self.title.setText(self.tr("{name} leads this conference").format(name=name))
            self.choose_writer(Role.LEARNER)
            self.student_led.answers[next(iter(self.student_led.answers))].setFocus()

    def choose_writer(self, role: Role) -> None:
        self.asking_writer = False
        for button in self.first_writer.values():
            button.hide()
        self.switch_writer.show()
        self.ctx.set_writer(role)
        self._show_writer()

    def _show_writer(self) -> None:
        if self.asking_writer:
            return
        learner = self.ctx.writer is Role.LEARNER
        name = self.view.learner.preferred_name if learner else self.ctx.user.display_name
        other = self.ctx.user.display_name if learner else self.view.learner.preferred_name
        self.writer_label.setText(self.tr("✎ {name} is writing").format(name=name))
        self.switch_writer.setText(self.tr("Switch: {name} writes").format(name=other))

    def _switch_writer(self) -> None:
        self.ctx.set_writer(Role.TEACHER if self.ctx.writer is Role.LEARNER else Role.LEARNER)

    def _agenda_changed(self) -> None:
        view = attempt(self, lambda: self.ctx.profiles.load_profile(self.ctx.me, self.view.learner.id))
        if view is not None:
            self.show_profile(view)

    # ---- content ------------------------------------------------------------------------------------
    def elapsed_seconds(self) -> int:
        return int(time.monotonic() - self.started)

    def _tick(self) -> None:
        seconds = self.elapsed_seconds()
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")
        planned = self.target.value() * 60
        self.bar.setRange(0, planned)
        self.bar.setValue(min(seconds, planned))
        self.bar.setFormat(self.tr("%n min left", "", max(0, (planned - seconds + 59) // 60))
                           if seconds < planned else self.tr("Time to wrap up"))

    def show_profile(self, view: ProfileView) -> None:
        """Refresh the review panels (after a rating or an edit in another tab)."""
        self.view = view
        learner_id = view.learner.id
        last = view.conferences[0] if view.conferences else None
        log = attempt(self, lambda: self.ctx.profiles.history(self.ctx.me, learner_id, author_role=Role.LEARNER))
        self.changes.clear()
        subjects = _subjects(view)
        for row in log or []:
            if last is not None and row.at.date() < last.held_on:
                break
            what, _old, new = describe(row, sections=subjects.sections)
            about = subjects.goals.get(row.entity_id)
            line = f"{fmt_date(row.at.date())} · {what}" + (f": {new}" if new else "")
            self.changes.addItem(self.tr("{line} — goal “{goal}”").format(line=line, goal=about) if about
                                 else line)
        if self.changes.count() == 0:
            self.changes.addItem(self.tr("Nothing new from the learner yet."))
        self.goals.clear()
        for gv in view.goals:
            if gv.goal.status in (d.GoalStatus.SET_ASIDE.value,):
                continue
            done = sum(s.done for s in gv.steps)
            last_ci = labels.checkin_scale(gv.checkins[-1].scale) if gv.checkins else "—"
            item = QTreeWidgetItem([gv.goal.statement, labels.status(gv.goal.status),
                                    f"{done}/{len(gv.steps)}", last_ci])
            for ev in gv.evidence:
                item.addChild(QTreeWidgetItem([self.tr("Evidence: {text}").format(text=ev.text or ev.location),
                                               labels.evidence_kind(ev.kind), "", fmt_date(ev.added_on)]))
            self.goals.addTopLevelItem(item)
            item.setExpanded(True)
        self._fill_stages()

    def _fill_stages(self) -> None:
        from plprofile.charts.tables import now_table
        from plprofile.domain.progress import latest

        history = self.ctx.stages.history(self.ctx.me, self.view.learner.id)
        now = latest(history)
        framework = (self.ctx.stages.framework_for(self.ctx.me, now.framework_id, now.framework_version) if now
                     else self.ctx.stages.active_framework(self.ctx.me))
        self.agenda.show_profile(self.view, history, framework)
        headers, rows = now_table(now, framework, ui_language())
        self.stages.clear()
        self.stages.setColumnCount(len(headers))
        self.stages.setHorizontalHeaderLabels(headers)
        self.stages.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.stages.setItem(r, c, QTableWidgetItem(value))
        self.stages.resizeColumnsToContents()
        self.stages.horizontalHeader().setStretchLastSection(True)
        self.stages_date = now.assessed_on if now else None
        self.stages.setToolTip(self.tr("Assessed on {date}").format(date=fmt_date(now.assessed_on)) if now
                               else self.tr("Not assessed yet"))

    # ---- ending -------------------------------------------------------------------------------------
    def cancel(self) -> None:
        if ask.confirm(self, self.tr("Cancel conference"),
                       self.tr("Leave conference mode without saving a record?")):
            self.timer.stop()
            self.ended.emit(False)

    def end(self) -> None:
        learner = self.view.learner
        minutes = max(1, round(self.elapsed_seconds() / 60))
        notes = self.notes.toPlainText().strip()
        values = {
            "participants": self.participants.text(),
            "notes": (notes + "\n" if notes else "") + self.tr("Conference length: %n minute(s).", "", minutes),
            "agreements": self.agreements.toPlainText(),
            "next_checkin_on": from_qdate(self.next_on.date()),
            "led_by": self.led_by,
            "remarks": self.student_led.remarks() if self.student_led is not None else [],
        }
        record = attempt(self, lambda: self.ctx.profiles.add_conference(self.ctx.me, learner.id, date.today(),
                                                                       **values))
        if record is None:
            return
        self.saved_conference_id = record.id
        self.timer.stop()
        if ask.confirm(self, self.tr("Conference saved"),
                       self.tr("Make a one-page summary (PDF) for {name} and the family?").format(
                           name=learner.preferred_name)):
            self.write_pdf()
        self.ended.emit(True)

    def _addressee(self, learner_id) -> str | None:  # noqa: ANN001
        """Whom the page is for: one of the learner's family contacts, or nobody named ("" without contacts);
        None when the question is cancelled."""
        from plprofile.domain.policy import AccessDenied
        from plprofile.services.family import FamilyService

        from .family_box import relationship_label

        try:
            contacts = FamilyService(self.ctx.store).contacts(self.ctx.me, learner_id)
        except AccessDenied:
            return ""
        if not contacts:
            return ""
        items = [self.tr("Nobody in particular")] + [
            self.tr("{name} ({relationship})").format(name=c.name, relationship=relationship_label(c.relationship))
            for c in contacts]
        index = ask.choice(self, self.tr("Summary"), self.tr("Who is the summary for?"), items, 1)
        if index is None:
            return None
        return "" if index == 0 else contacts[index - 1].name

    def write_pdf(self) -> Path | None:
        from plprofile.services.report import build_summary

        from ..documents.pdf import write_summary_pdf

        learner = self.view.learner
        # the names are editable (a roster, the learner): only a clean file name, in the home folder
        stem = safe_file_name(f"{learner.preferred_name}-{learner.family_name}-{date.today().isoformat()}",
                              fallback=f"summary-{date.today().isoformat()}")
        suggested = Path.home() / f"{stem}.pdf"
        chosen = choose_pdf_path(self, suggested)
        if not chosen:
            return None
        target, locked = (chosen, False) if isinstance(chosen, str) else chosen
        addressed_to = self._addressee(learner.id)
        if addressed_to is None:
            return None
        summary = build_summary(self.ctx.profiles, self.ctx.stages, self.ctx.me, learner.id,
                                self.saved_conference_id)
        summary.addressed_to = addressed_to
        lang = ui_language()
        if locked:  # a standard AES-256 PDF, locked in memory: any PDF reader opens it with the passphrase
            from plprofile.services.pdf_lock import PdfLockError, lock_pdf

            from ..documents.pdf import summary_pdf_bytes
            from ..safety.encryption import ask_new_passphrase

            passphrase = ask_new_passphrase(self, self.tr("The summary"))
            if passphrase is None:
                return None
            try:
                Path(target).write_bytes(lock_pdf(summary_pdf_bytes(summary, lang), passphrase))
            except (PdfLockError, OSError) as exc:
                ask.error(self, self.tr("Summary"), explain(exc))
                return None
            self.last_pdf = Path(target)
            ask.info(self, self.tr("Summary"), self.tr(
                "The summary was saved to {path}, locked with the passphrase: any PDF reader opens it with "
                "the passphrase.").format(path=target))
            return self.last_pdf
        try:
            write_summary_pdf(summary, Path(target), lang)
        except OSError as exc:
            ask.error(self, self.tr("Summary"), self.tr("The PDF could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return None
        self.last_pdf = Path(target)
        ask.info(self, self.tr("Summary"), self.tr("The summary was saved to {path}.").format(path=target))
        return self.last_pdf

