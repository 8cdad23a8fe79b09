"""School years in the window: a school admin starts a new year (School → Start a new school year…), and a
learner or their teacher opens "Me last year" beside the profile of now (a read-only view)."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from plprofile.domain import profile as d

from ..kit import ask, labels
from ..kit.common import attempt


def _next_year_name(current: str, today: date) -> str:
    """The name a new year most likely has: the current one's years moved on by one ("2026-2027" ->
    "2027-2028"), else this year and the next."""
    parts = current.split("-")
    if len(parts) == 2 and all(p.strip().isdigit() and len(p.strip()) == 4 for p in parts):
        return f"{int(parts[0]) + 1}-{int(parts[1]) + 1}"
    first = today.year if today.month >= 7 else today.year - 1
    return f"{first}-{first + 1}"


class NewYearDialog(QDialog):
    """The new year's name and first day, what will change, and each open goal carried over or closed."""

    def __init__(self, parent: QWidget | None, years, actor) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.years, self.actor = years, actor
        self.plan = None
        self.started = 0
        self.setWindowTitle(self.tr("Start a new school year"))
        current = attempt(self, lambda: years.current_year(actor)) or ""
        today = date.today()
        self.name = QLineEdit(_next_year_name(current, today))
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("&Name of the new year:"), self.name)
        form.addRow(self.tr("&First day:"), self.start)
        self.preview_button = QPushButton(self.tr("&Show what will change"))
        self.preview_button.clicked.connect(self.preview)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.goals = QTableWidget(0, 4)
        self.goals.setHorizontalHeaderLabels([self.tr("Learner"), self.tr("Goal"), self.tr("Next year"),
                                              self.tr("Reflection (when closed)")])
        self.goals.verticalHeader().setVisible(False)
        self.goals.horizontalHeader().setStretchLastSection(True)
        self.goals.setAccessibleName(self.tr("Open goals: carry over or close"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(self.tr("S&tart the new year"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_year)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._changed)
        self.start.dateChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        if current:
            layout.addWidget(QLabel(self.tr("The school is now in {year}.").format(year=current)))
        layout.addLayout(form)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.goals)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def _changed(self) -> None:
        self.plan = None
        self.start_button.setEnabled(False)

    def _start_day(self) -> date:
        q = self.start.date()
        return date(q.year(), q.month(), q.day())

    def preview(self) -> None:
        plan = attempt(self, lambda: self.years.preview_new_year(self.actor, self.name.text(), self._start_day()))
        if plan is None:
            return
        self.plan = plan
        ending = (self.tr("{year} ends.").format(year=plan.old_title) if plan.old_title
                  else self.tr("The year before ends."))
        self.summary.setText(" ".join((
            ending,
            self.tr("%n learner profile(s) kept as they stand, read-only, as a snapshot of the year.", "",
                    plan.snapshots),
            self.tr("%n class(es) closed (kept, marked ended).", "", plan.classes_closing),
            self.tr("%n open goal(s): each is carried over unless you close it with a reflection.", "",
                    len(plan.open_goals)))))
        self.goals.setRowCount(len(plan.open_goals))
        for i, goal in enumerate(plan.open_goals):
            self.goals.setItem(i, 0, QTableWidgetItem(goal.learner_name))
            self.goals.setItem(i, 1, QTableWidgetItem(goal.statement))
            choice = QComboBox()
            choice.addItem(self.tr("Carry over"), "carry")
            choice.addItem(self.tr("Close"), "close")
            choice.setAccessibleName(self.tr("Next year for: {goal}").format(goal=goal.statement))
            self.goals.setCellWidget(i, 2, choice)
            reflection = QLineEdit()
            reflection.setPlaceholderText(self.tr("One line: what did this goal teach you?"))
            reflection.setAccessibleName(self.tr("Reflection on: {goal}").format(goal=goal.statement))
            reflection.setEnabled(False)
            choice.currentIndexChanged.connect(lambda _i, c=choice, r=reflection: r.setEnabled(c.currentData() == "close"))
            self.goals.setCellWidget(i, 3, reflection)
        self.goals.resizeColumnsToContents()
        self.start_button.setEnabled(True)

    def decisions(self) -> dict:
        """The goals to close, with their reflections (the rest are carried over)."""
        if self.plan is None:
            return {}
        closing = {}
        for i, goal in enumerate(self.plan.open_goals):
            if self.goals.cellWidget(i, 2).currentData() == "close":
                closing[goal.id] = self.goals.cellWidget(i, 3).text()
        return closing

    def start_year(self) -> None:
        if self.plan is None:
            return
        closing = self.decisions()
        if any(not text.strip() for text in closing.values()):
            ask.error(self, self.windowTitle(), self.tr("Write a one-line reflection for each goal you close."))
            return
        made = attempt(self, lambda: self.years.start_new_year(self.actor, self.plan, closing))
        if made is None:
            self._changed()
            return
        self.started = made
        self.accept()


def start_new_year(parent: QWidget, store, actor) -> int:  # noqa: ANN001
    """School → Start a new school year…: the dialog; the number of snapshots kept (0 when not started)."""
    from plprofile.services.years import YearService

    dialog = NewYearDialog(parent, YearService(store), actor)
    ask.dialog(dialog)
    if dialog.started:
        ask.info(parent, dialog.windowTitle(), dialog.tr("{year} has started.").format(year=dialog.plan.title))
    return dialog.started


class LastYearView(QDialog):
    """A learner's profile as a school year ended, read-only, beside the profile of now (not modal)."""

    def __init__(self, parent: QWidget | None, document: dict, *, learner_view: bool) -> None:
        super().__init__(parent)
        self.document = document
        year = document["year"]["title"]
        name = document["learner"].get("preferred_name") or document["learner"].get("given_name") or ""
        self.heading = (self.tr("You last year ({year})").format(year=year) if learner_view
                        else self.tr("{name} last year ({year})").format(name=name, year=year))
        self.setWindowTitle(self.heading)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.heading)
        self.text.setHtml(self._html(learner_view))
        note = QLabel(self.tr("Kept as it was on {day}. It cannot be changed.").format(
            day=document["year"]["taken_on"]))
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(note)
        layout.addWidget(close)
        self.resize(520, 640)

    def _html(self, learner_view: bool) -> str:
        t = self.document["tables"]
        e = html.escape
        out = [f"<h2>{e(self.heading)}</h2>"]
        entries = [x for x in t["profile_entry"] if x.get("parent_id") is None and x.get("deleted_at") is None]
        for section in d.Section:
            words = [x["text"] for x in entries if x["section"] == section.value and x["text"].strip()]
            if words:
                out.append(f"<h3>{e(labels.section_in_full(section))}</h3><ul>")
                out += [f"<li>{e(w)}</li>" for w in words]
                out.append("</ul>")
        goals = t["goal"]
        goals_heading = self.tr("Your goals") if learner_view else self.tr("Goals")
        out.append(f"<h3>{e(goals_heading)}</h3>")
        if not goals:
            nothing = self.tr("No goals that year.")
            out.append(f"<p>{e(nothing)}</p>")
        evidence_word = self.tr("Evidence:")
        for goal in goals:
            out.append(f"<p><b>{e(goal['statement'])}</b> ({e(labels.status(goal['status']))})</p><ul>")
            for step in (s for s in t["action_step"] if s["goal_id"] == goal["id"]):
                mark = "✓ " if step.get("done") else ""
                out.append(f"<li>{mark}{e(step['text'])}</li>")
            for ev in (v for v in t["evidence"] if v["goal_id"] == goal["id"]):
                out.append(f"<li>{e(evidence_word)} {e(ev.get('text') or ev.get('location') or '')}</li>")
            checks = [c for c in t["check_in"] if c["goal_id"] == goal["id"]]
            if checks:
                last = checks[-1]
                out.append(f"<li>{e(labels.checkin_scale(last['scale']))}"
                           + (f": {e(last['reflection'])}" if last.get("reflection") else "") + "</li>")
            out.append("</ul>")
        return "".join(out)


def open_last_year(parent: QWidget, store, actor, learner_id) -> LastYearView | None:  # noqa: ANN001
    """The learner's latest year snapshot in a window of its own, beside the profile (None when there is none:
    a message says so)."""
    from plprofile.domain.profile import Role
    from plprofile.services.years import YearService

    years = YearService(store)
    found = attempt(parent, lambda: years.snapshots(actor, learner_id))
    if found is None:
        return None
    learner_view = actor.role is Role.LEARNER
    if not found:
        translate = QCoreApplication.translate
        ask.info(parent, translate("LastYearView", "Last year"),
                 translate("LastYearView", "There is nothing from last year yet. Your profile is kept like this "
                                           "when a school year ends.") if learner_view else
                 translate("LastYearView", "There is no snapshot of an earlier school year for this learner yet."))
        return None
    document = attempt(parent, lambda: years.snapshot(actor, found[0].id))
    if document is None:
        return None
    view = LastYearView(parent, document, learner_view=learner_view)
    view.show()
    return view
