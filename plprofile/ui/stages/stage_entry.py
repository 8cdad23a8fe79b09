"""Rating the Stages: one row per element, the learner's, the teacher's and the agreed value, saved together."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plprofile.charts import style
from plprofile.charts import tables as chart_tables
from plprofile.domain.framework import Element, Framework, format_value
from plprofile.domain.profile import Role
from plprofile.domain.progress import (
    Assessment,
    ElementRating,
    Rater,
    carry_forward,
    latest,
)

from ..kit import ask
from ..kit.a11y import set_tip, show_message, unseen_label
from ..kit.chart_view import ui_language
from ..kit.common import attempt, date_edit_format, fmt_date, from_qdate, high_contrast, to_qdate
from .stage_values import RATERS, DescriptorPanel, EntryRow, ValuePicker, same_value


class AssessmentEntry(QWidget):
    """A dated assessment: per element the learner's, the teacher's and the agreed value, and a note."""

    def __init__(self, ctx, page: QWidget) -> None:  # noqa: ANN001  the StagesPage, which imports this module
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.framework: Framework | None = None
        self.rows: list[EntryRow] = []
        self.current: EntryRow | None = None
        self.lang = ui_language()

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_edit_format())
        self.date.setDate(to_qdate(date.today()))
        self.date.setMaximumDate(to_qdate(date.today()))
        self.date.setAccessibleName(self.tr("Date of the assessment"))
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.date)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note or evidence for the whole assessment (optional)"))
        self.note.setAccessibleName(self.tr("Note for the whole assessment"))
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.note)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date)
        top.addSpacing(12)
        top.addWidget(note_label)
        top.addWidget(self.note, 1)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        # never squeezed below its rows' height (the scroll area scrolls instead): at 16 points a learner's
        # two-line element names were otherwise drawn over each other
        self.grid.setSizeConstraint(QGridLayout.SizeConstraint.SetMinimumSize)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the pickers, which it scrolls into view
        self.descriptors = DescriptorPanel()

        self.match_button = QPushButton(self.tr("Agree where they &match"))
        self.match_button.setToolTip(self.tr("Agreed = the shared value, wherever learner and teacher chose the same"))
        self.match_button.clicked.connect(self.agree_where_matching)
        self.learner_button = QPushButton(self.tr("Agree on the l&earner's values"))
        self.learner_button.clicked.connect(lambda: self.agree_on("learner"))
        self.teacher_button = QPushButton(self.tr("Agree on the teac&her's values"))
        self.teacher_button.clicked.connect(lambda: self.agree_on("teacher"))
        self.clear_button = QPushButton(self.tr("Clea&r"))
        self.clear_button.setToolTip(self.tr("Empty the form (nothing saved is removed)"))
        self.clear_button.clicked.connect(self.ask_clear)
        self.save_button = QPushButton(self.tr("&Save assessment"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        # Two rows, so the page stays narrow enough for a small screen at a large text size.
        agree = QHBoxLayout()
        for b in (self.match_button, self.learner_button, self.teacher_button):
            agree.addWidget(b)
        agree.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.mode_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.descriptors)
        layout.addLayout(agree)
        layout.addLayout(buttons)
        self.apply_writer()

    # ---- building the grid --------------------------------------------------------------------------
    def ensure_framework(self, framework: Framework) -> None:
        """Build the rows for ``framework`` (keeping what is typed for elements it still has)."""
        if self.framework is not None and self.framework.key == framework.key:
            return
        keep = self.snapshot()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rows = []
        self.current = None
        self.framework = framework
        self.descriptors.set_framework(framework, self.lang)
        learner_session = getattr(self.ctx, "is_learner", False)
        headers = (self.tr("Element"), self.tr("Last time"), self.tr("You") if learner_session else self.tr("Learner"),
                   self.tr("Teacher"), self.tr("Difference"), self.tr("Agreed"),
                   self.tr("Your note") if learner_session else self.tr("Note or evidence"))
        bold = QFont(self.font())
        bold.setBold(True)
        for col, text in enumerate(headers):
            label = QLabel(text)
            label.setFont(bold)
            self.grid.addWidget(label, 0, col)
        self.header_labels = {r: self.grid.itemAtPosition(0, c).widget()
                              for r, c in (("learner", 2), ("teacher", 3), ("agreed", 5))}
        row = 1
        order: list[QWidget] = []
        for group in framework.groups:
            members = framework.elements_in(group.id)
            if not members:
                continue
            heading = QLabel(group.text(self.lang))
            heading.setFont(bold)
            heading.setContentsMargins(0, 8 if row > 1 else 2, 0, 0)
            self.grid.addWidget(heading, row, 0, 1, 7)
            row += 1
            for element in members:
                name = QLabel(element.text(self.lang))
                if learner_session and element.learner_line(self.lang):  # what it means, said to the learner
                    # two whole lines (a wrapped label in a grid row gets one line's height and is cut)
                    name.setText(f"{element.text(self.lang)}\n{element.learner_line(self.lang)}")
                set_tip(name, self._element_tooltip(element))
                pickers = {}
                for rater in RATERS:
                    picker = ValuePicker(framework, element, rater, self.lang)
                    picker.setAccessibleName(self.tr("{element}: {rater}").format(
                        element=element.text(self.lang), rater=style.rater_label(rater)))
                    pickers[rater] = picker
                difference = QLabel()
                difference.setMinimumWidth(self.fontMetrics().horizontalAdvance("≠ differs by 0.5") + 8)
                note = QLineEdit()
                note.setPlaceholderText(self.tr("What we saw"))
                note.setAccessibleName(self.tr("{element}: note or evidence").format(element=element.text(self.lang)))
                note.setMinimumWidth(140)
                last = QLabel("—")
                last.setAlignment(Qt.AlignmentFlag.AlignCenter)
                entry = EntryRow(element, pickers, difference, note, last)
                for picker in pickers.values():
                    picker.currentIndexChanged.connect(lambda _i, e=entry: self._changed(e))
                    picker.highlighted.connect(lambda i, e=entry, p=picker: self._pointed(e, p.itemData(i)))
                    picker.installEventFilter(self)
                note.installEventFilter(self)
                for col, widget in enumerate((name, last, pickers["learner"], pickers["teacher"], difference,
                                              pickers["agreed"], note)):
                    self.grid.addWidget(widget, row, col)
                # On Linux a screen reader gets a drop-down list's value as its name: what each one is for
                # comes from a linked label, "Teacher rating for Voice", in the same cell and never shown.
                for col, rater in ((2, "learner"), (3, "teacher"), (5, "agreed")):
                    unseen_label(pickers[rater], self.tr("{rater} rating for {element}").format(
                        rater=style.rater_label(rater), element=element.text(self.lang)), self.grid, row, col)
                order += [pickers["learner"], pickers["teacher"], pickers["agreed"], note]
                self.rows.append(entry)
                row += 1
        self.grid.setColumnStretch(6, 1)
        self.grid.setRowStretch(row, 1)
        # Reading order: date, note, the grid row by row, then the buttons under it.
        order = [self.date, self.note, *order, self.match_button, self.learner_button, self.teacher_button,
                 self.clear_button, self.save_button]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.apply_writer()
        self.restore(keep)
        self.descriptors.show_element(None, {}, self.lang)

    def _element_tooltip(self, element: Element) -> str:
        fw = self.framework
        lines = [f"<b>{element.text(self.lang)}</b>"]
        for stage in fw.stages:
            lines.append(f"<b>{format_value(stage.value)} {stage.text(self.lang)}:</b> "
                         f"{element.descriptor(stage.value, self.lang) or ''}")
        return "<br>".join(lines)

    def row(self, element_id: str) -> EntryRow:
        return next(r for r in self.rows if r.element.id == element_id)

    # ---- reacting -----------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            for entry in self.rows:
                if obj is entry.note or obj in entry.pickers.values():
                    self._focus(entry)
                    break
        return super().eventFilter(obj, event)

    def _focus(self, entry: EntryRow, highlight: float | None = None) -> None:
        self.current = entry
        self.descriptors.show_element(entry.element, entry.values(), self.lang, highlight)

    def _pointed(self, entry: EntryRow, value: float | None) -> None:
        self._focus(entry, value)

    def _changed(self, entry: EntryRow) -> None:
        self._update_difference(entry)
        self._focus(entry)
        show_message(self.saved_label, "")  # no empty tab stop

    def _update_difference(self, entry: EntryRow) -> None:
        values = entry.values()
        learner, teacher = values["learner"], values["teacher"]
        label = entry.difference
        if learner is None or teacher is None:
            label.clear()
            set_tip(label, "")
            return
        diff = round(learner - teacher, 9)
        if abs(diff) < 1e-9:
            label.setText(self.tr("= same"))
            label.setStyleSheet("")  # the palette's own text colour: readable in any theme or contrast
            set_tip(label, self.tr("Learner and teacher chose the same value"))
        else:
            amount = format_value(abs(diff))
            label.setText(self.tr("≠ differs by {n}").format(n=amount))
            label.setStyleSheet("font-weight: bold;" if high_contrast() else
                                f"color: {style.GAP_COLOR}; font-weight: bold;")
            # its text is its name ("≠ differs by 1"); who rates it higher is its description
            set_tip(label, (self.tr("The learner rates this {n} higher than the teacher") if diff > 0 else
                            self.tr("The teacher rates this {n} higher than the learner")).format(n=amount))

    def apply_writer(self) -> None:
        """A learner writing records their own view only: the other columns are locked."""
        teacher = self.ctx.writer is Role.TEACHER and not getattr(self.ctx, "is_learner", False)
        learner_session = getattr(self.ctx, "is_learner", False)  # no teacher controls at all, not even greyed
        for entry in self.rows:
            entry.pickers["teacher"].setEnabled(teacher)
            entry.pickers["agreed"].setEnabled(teacher)
            for widget in (entry.pickers["teacher"], entry.pickers["agreed"], entry.difference):
                widget.setVisible(not learner_session)
        if self.rows:  # the grid is built: its teacher, difference and agreed headings too
            for col in (3, 4, 5):
                self.grid.itemAtPosition(0, col).widget().setVisible(not learner_session)
        for b in (self.match_button, self.learner_button, self.teacher_button):
            b.setEnabled(teacher)
            b.setVisible(not learner_session)
        if learner_session:
            self.mode_label.setText(self.tr(
                "Rate yourself: for each one, choose where you are now. Open a list to see what each step looks "
                "like. Your teacher talks about it with you at your next conference."))
        elif teacher:
            self.mode_label.setText(self.tr(
                "Conference: enter the learner's own rating and the teacher's side by side, talk about where "
                "they differ, then record the value you agree on. Open a list to see what each stage looks like."))
        else:
            self.mode_label.setText(self.tr(
                "The learner is writing: rate yourself in the Learner column. Your teacher adds their view and "
                "the agreed value with you in your next conference."))

    # ---- helpers for the conference -----------------------------------------------------------------
    def agree_where_matching(self) -> None:
        for entry in self.rows:
            v = entry.values()
            if v["learner"] is not None and same_value(v["learner"], v["teacher"]):
                entry.pickers["agreed"].set_value(v["learner"])

    def agree_on(self, rater: str) -> None:
        for entry in self.rows:
            value = entry.pickers[rater].value()
            if value is not None:
                entry.pickers["agreed"].set_value(value)

    def ask_clear(self) -> None:
        if self.snapshot() is None or ask.confirm(self, self.tr("Clear the form"),
                                                  self.tr("Empty every rating and note in this form? "
                                                          "Assessments already saved are kept.")):
            self.clear()

    def clear(self) -> None:
        for entry in self.rows:
            for picker in entry.pickers.values():
                picker.set_value(None)
            entry.note.clear()
        self.note.clear()
        self.date.setMaximumDate(to_qdate(date.today()))
        self.date.setDate(to_qdate(date.today()))
        self.current = None
        self.descriptors.show_element(None, {}, self.lang)

    # ---- drafts: what is typed survives switching to another learner and back ------------------------
    def snapshot(self) -> dict | None:
        """What the form holds, or None when it is empty."""
        rows = {e.element.id: (e.values(), e.note.text()) for e in self.rows if not e.is_empty()}
        if not rows and not self.note.text().strip():
            return None
        return {"date": from_qdate(self.date.date()), "note": self.note.text(), "rows": rows}

    def restore(self, draft: dict | None) -> None:
        self.clear()
        if not draft:
            return
        self.date.setDate(to_qdate(draft["date"]))
        self.note.setText(draft["note"])
        for entry in self.rows:
            if entry.element.id in draft["rows"]:
                values, note = draft["rows"][entry.element.id]
                for rater, value in values.items():
                    entry.pickers[rater].set_value(value)
                entry.note.setText(note)

    def set_history(self, history: list[Assessment]) -> None:
        """Show each element's last agreed (or effective) value beside it, in its stage colour."""
        fw = self.framework
        last = latest(history)
        for entry in self.rows:
            value = None
            when = None
            for a in reversed(history):
                value = a.effective(entry.element.id)
                if value is not None:
                    when = a.assessed_on
                    break
            if value is None:
                entry.last.setText("—")
                entry.last.setToolTip(self.tr("Not assessed before"))
                entry.last.setStyleSheet("")
            else:
                entry.last.setText(chart_tables.fmt_value(value))
                entry.last.setToolTip(self.tr("Last assessed on {date} (the agreed value, or the middle of "
                                              "both views)").format(date=fmt_date(when)))
                snapped = fw.scale.snap(value)
                entry.last.setStyleSheet(
                    f"background: {style.stage_color(snapped, fw.scale.min, fw.scale.max)};"
                    f" color: {style.stage_text_color(snapped, fw.scale.min, fw.scale.max)};"
                    " border-radius: 3px; padding: 1px 6px;")
        self.header_last = last

    # ---- saving -------------------------------------------------------------------------------------
    def ratings(self) -> list[ElementRating]:
        teacher = self.ctx.writer is Role.TEACHER and not getattr(self.ctx, "is_learner", False)
        result = []
        for entry in self.rows:
            if entry.is_empty():
                continue
            v = entry.values()
            result.append(ElementRating(
                entry.element.id, learner=v["learner"],
                teacher=v["teacher"] if teacher else None, agreed=v["agreed"] if teacher else None,
                note=entry.note.text().strip()))
        return result

    def save(self) -> bool:
        learner_id = self.page.learner_id
        if learner_id is None or self.framework is None:
            return False
        ratings = self.ratings()
        on = from_qdate(self.date.date()) or date.today()
        if ratings and not self._partial_set_agreed(ratings, on):
            return False
        stages = self.ctx.stages
        actor = self.ctx.actor(learner_id)
        saved = attempt(self, lambda: stages.record_assessment(actor, learner_id, on, ratings,
                                                               framework=self.framework,
                                                               note=self.note.text().strip()))
        if saved is None:
            return False
        self.clear()
        self.page.drafts.pop(learner_id, None)
        show_message(self.saved_label, self.tr("Saved the assessment of {date}: %n element(s).", "", len(ratings))
                     .format(date=fmt_date(on)))  # said at once; the Save button had the focus
        self.page.data_changed()
        return True


    def _partial_set_agreed(self, ratings: list[ElementRating], on: date) -> bool:
        """When some elements are not rated, say what saving does (carried forward, or a partial check with no
        Overall) and ask; True to save."""
        fw = self.framework
        history = [a for a in self.page.history() if a.assessed_on <= on]
        # the service's rule: a learner's self-check carries only their own earlier self-ratings
        self_check = self.ctx.actor(self.page.learner_id).role is Role.LEARNER
        plan = carry_forward(history, ratings, fw.element_ids(), only=Rater.LEARNER if self_check else None)
        if not plan.carried and not plan.missing:
            return True
        lang = ui_language()
        parts = [self.tr("You rated {n} of the {total} elements.").format(n=len(ratings), total=len(fw.elements))]
        if plan.carried:
            carried = ", ".join(self.tr("{element} ({date})").format(
                element=fw.element(eid).text(lang), date=fmt_date(day)) for eid, day in plan.carried)
            parts.append((self.tr("These keep your own last ratings, shown as carried forward: {list}.") if self_check
                          else self.tr("These keep their latest values, shown as carried forward: {list}."))
                         .format(list=carried))
        if plan.missing:
            missing = ", ".join(fw.element(eid).text(lang) for eid in plan.missing)
            parts.append((self.tr("You have not rated these yourself yet: {list}. So this is saved as a partial "
                                  "check, with no Overall until you have rated each one.") if self_check
                          else self.tr("These have never been rated: {list}. This is saved as a partial check, with "
                                       "no Overall until every element has a value.")).format(list=missing))
        parts.append(self.tr("Save it?"))
        return ask.confirm(self, self.tr("Save some elements only"), "\n\n".join(parts))

