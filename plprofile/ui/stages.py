"""Stages and progress: rate the Stages together in a conference, and the learner's three progress charts.

``show_profile`` only remembers the learner and marks everything stale; the store is read and the charts are
drawn when the page (or one of its tabs) is actually on screen, so reloading a profile stays instant.
"""

from __future__ import annotations

import math
import textwrap
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
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
    carry_forward,
    goal_counts_over_time,
    goal_dates,
    largest_gaps,
    latest,
    overall_series,
)
from plprofile.services.profiles import ProfileView

from . import ask
from .a11y import set_tip, show_message, unseen_label
from .chart_view import ChartView, stage_chip, ui_language
from .common import attempt, date_edit_format, fmt_date, from_qdate, high_contrast, to_qdate

CHARTS = ("progress", "now", "goals")
ENTRY = "entry"
RATERS = ("learner", "teacher", "agreed")
VALUE_ROLE = Qt.ItemDataRole.UserRole
# What the open list shows for a value: the stage name and this element's descriptor.
LONG_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
DESCRIPTOR_WRAP = 64


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=1e-9)


# ``translate("context", text)`` with the context spelled out, so ``pyside6-lupdate`` finds the strings.
translate = QCoreApplication.translate


def describe_value(framework: Framework, element: Element, value: float, lang: str) -> tuple[str, str]:
    """``(heading, text)`` for one value of an element: "2  Learner-centred" and the element's descriptor,
    or for a half step "1.5  moving on" and "From “Teacher-centred” toward “Learner-centred”"."""
    stage = framework.stage(value)
    if stage is not None:
        return f"{format_value(value)}  {stage.text(lang)}", element.descriptor(value, lang) or stage.summary_text(lang)
    below = [s for s in framework.stages if s.value < value]
    above = [s for s in framework.stages if s.value > value]
    text = element.descriptor(value, lang) or ""
    if not text and below and above:
        text = translate("stages", "From “{a}” toward “{b}”").format(a=below[-1].text(lang), b=above[0].text(lang))
    return f"{format_value(value)}  " + translate("stages", "moving on"), text


class _PopupDelegate(QStyledItemDelegate):
    """In the open list of a value picker, each value shows its stage name and descriptor (two lines)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001, N802
        super().initStyleOption(option, index)
        long = index.data(LONG_TEXT_ROLE)
        if long:
            option.text = long.replace("\n", "\u2028")  # a line break inside one item
            option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: ANN001, N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 8, size.height() + 6)  # air between the two-line items


class ValuePicker(QComboBox):
    """One rater's value for one element: only the framework's values (or "not rated") can be chosen."""

    def __init__(self, framework: Framework, element: Element, rater: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.element = element
        self.rater = rater
        vmin, vmax = framework.scale.min, framework.scale.max
        self.addItem("—", None)
        self.setItemData(0, self.tr("—  Not rated"), LONG_TEXT_ROLE)
        self.setItemData(0, self.tr("Not rated"), Qt.ItemDataRole.AccessibleTextRole)
        longest = 0
        metrics = self.fontMetrics()
        for value in framework.allowed_values():
            heading, text = describe_value(framework, element, value, lang)
            self.addItem(stage_chip(style.stage_color(value, vmin, vmax)), format_value(value), value)
            i = self.count() - 1
            wrapped = textwrap.fill(text, DESCRIPTOR_WRAP) if text else ""
            self.setItemData(i, heading + ("\n" + wrapped if wrapped else ""), LONG_TEXT_ROLE)
            self.setItemData(i, f"{heading}. {text}", Qt.ItemDataRole.AccessibleTextRole)
            self.setItemData(i, f"<b>{heading}</b><br>{text}", Qt.ItemDataRole.ToolTipRole)
            for line in [heading, *wrapped.splitlines()]:
                longest = max(longest, metrics.horizontalAdvance(line))
        self.setItemDelegate(_PopupDelegate(self))
        self.view().setMinimumWidth(min(640, longest + 56))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(3)

    def value(self) -> float | None:
        return self.currentData()

    def set_value(self, value: float | None) -> None:
        for i in range(self.count()):
            if _same(self.itemData(i), value):
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)


@dataclass
class EntryRow:
    """The widgets of one element in the entry grid."""

    element: Element
    pickers: dict[str, ValuePicker]
    difference: QLabel
    note: QLineEdit
    last: QLabel

    def values(self) -> dict[str, float | None]:
        return {r: p.value() for r, p in self.pickers.items()}

    def is_empty(self) -> bool:
        return all(v is None for v in self.values().values()) and not self.note.text().strip()


class DescriptorPanel(QFrame):
    """What each stage looks like for the element being rated, with who placed the learner where."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.cards_layout = QHBoxLayout()
        self.cards_layout.setSpacing(8)
        self.cards: list[tuple[float, QFrame, QLabel, QLabel, QLabel]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(self.cards_layout)
        self.framework: Framework | None = None
        self.setAccessibleName(self.tr("Stage descriptors"))

    def set_framework(self, framework: Framework, lang: str) -> None:
        while self.cards_layout.count():
            item = self.cards_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.cards = []
        self.framework = framework
        vmin, vmax = framework.scale.min, framework.scale.max
        for stage in framework.stages:
            card = QFrame()
            card.setObjectName("stageCard")
            head = QLabel(f"{format_value(stage.value)}  {stage.text(lang)}")
            head.setObjectName("stageHead")
            head.setStyleSheet(f"QLabel#stageHead {{ background: {style.stage_color(stage.value, vmin, vmax)};"
                               f" color: {style.stage_text_color(stage.value, vmin, vmax)};"
                               " font-weight: bold; padding: 2px 6px; }")
            body = QLabel()
            body.setWordWrap(True)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            who = QLabel()
            who.setWordWrap(True)
            cl = QVBoxLayout(card)
            cl.setContentsMargins(4, 4, 4, 4)
            cl.setSpacing(3)
            cl.addWidget(head)
            cl.addWidget(body, 1)
            cl.addWidget(who)
            self.cards_layout.addWidget(card, 1)
            self.cards.append((stage.value, card, head, body, who))
        self._highlight(None)

    def show_element(self, element: Element | None, values: dict[str, float | None], lang: str,
                     highlight: float | None = None) -> None:
        if self.framework is None:
            return
        if element is None:
            self.title.setText(self.tr("Choose an element to see what each stage looks like."))
            for _v, _card, _head, body, who in self.cards:
                body.clear()
                who.clear()
            self._highlight(None)
            return
        self.title.setText(self.tr("{element}: what each stage looks like").format(element=element.text(lang)))
        names = {"learner": self.tr("Learner"), "teacher": self.tr("Teacher"), "agreed": self.tr("Agreed")}
        stage_values = [c[0] for c in self.cards]
        placed: dict[float, list[str]] = {v: [] for v in stage_values}
        for rater, value in values.items():
            if value is None or not stage_values:
                continue
            home = max((v for v in stage_values if v <= value + 1e-9), default=stage_values[0])
            placed[home].append(f"{names[rater]} {format_value(value)}")
        for v, _card, _head, body, who in self.cards:
            body.setText(element.descriptor(v, lang) or "")
            who.setText(" · ".join(placed[v]))
        self._highlight(highlight)

    def _highlight(self, value: float | None) -> None:
        """Frame the stage (or the two stages around a half step) being pointed at in an open list."""
        for v, card, _head, _body, _who in self.cards:
            on = value is not None and (
                _same(v, value) or any(
                    _same(v, s) for s in self._neighbours(value)))
            card.setStyleSheet("QFrame#stageCard { border: 3px solid palette(highlight); }" if on
                               else "QFrame#stageCard { border: 1px solid palette(mid); }")

    def _neighbours(self, value: float) -> list[float]:
        values = [c[0] for c in self.cards]
        if any(_same(v, value) for v in values):
            return []
        below = [v for v in values if v < value]
        above = [v for v in values if v > value]
        return ([below[-1]] if below else []) + ([above[0]] if above else [])


class AssessmentEntry(QWidget):
    """A dated assessment: per element the learner's, the teacher's and the agreed value, and a note."""

    def __init__(self, ctx, page: StagesPage) -> None:  # noqa: ANN001
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
            if v["learner"] is not None and _same(v["learner"], v["teacher"]):
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
        plan = carry_forward(history, ratings, fw.element_ids())
        if not plan.carried and not plan.missing:
            return True
        lang = ui_language()
        parts = [self.tr("You rated {n} of the {total} elements.").format(n=len(ratings), total=len(fw.elements))]
        if plan.carried:
            carried = ", ".join(self.tr("{element} ({date})").format(
                element=fw.element(eid).text(lang), date=fmt_date(day)) for eid, day in plan.carried)
            parts.append(self.tr("These keep their latest values, shown as carried forward: {list}.")
                         .format(list=carried))
        if plan.missing:
            missing = ", ".join(fw.element(eid).text(lang) for eid in plan.missing)
            parts.append(self.tr("These have never been rated: {list}. This is saved as a partial check, with "
                                 "no Overall until every element has a value.").format(list=missing))
        parts.append(self.tr("Save it?"))
        return ask.confirm(self, self.tr("Save some elements only"), "\n\n".join(parts))


class StagesPage(QWidget):
    """The "Stages and progress" tab: rate the stages, and see progress, where we are now and goals."""

    def __init__(self, ctx, on_change, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.on_change = ctx, on_change
        self.learner_id: uuid.UUID | None = None
        self.learner_name = ""
        self.drafts: dict[uuid.UUID, dict] = {}
        self.stale: set[str] = {ENTRY, *CHARTS}
        self._cache: dict[str, object] = {}
        self.draw_seconds: dict[str, list[float]] = {name: [] for name in CHARTS}
        self._drawn: dict[str, tuple] = {}

        self.entry = AssessmentEntry(ctx, self)
        self.charts = {
            "progress": ChartView(self.tr("Progress through the stages")),
            "now": ChartView(self.tr("Where we are now")),
            "goals": ChartView(self.tr("Goals over time")),
        }
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Stages: rate and chart"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.entry, self.tr("&Rate the stages"))
        self.tabs.addTab(self.charts["progress"], self.tr("&Progress over time"))
        self.tabs.addTab(self.charts["now"], self.tr("Where we are &now"))
        self.tabs.addTab(self.charts["goals"], self.tr("&Goals over time"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_visible())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._refresh_visible)
        ctx.writer_changed.connect(lambda _role: self.entry.apply_writer())

    # ---- the hooks the profile panel and the main window call ---------------------------------------
    def show_profile(self, view: ProfileView) -> None:
        """Cheap: remember the learner and mark everything stale; reading and drawing wait until shown."""
        learner_id = view.learner.id
        if learner_id != self.learner_id:
            if self.learner_id is not None:
                draft = self.entry.snapshot()
                if draft is None:
                    self.drafts.pop(self.learner_id, None)
                else:
                    self.drafts[self.learner_id] = draft
            self.learner_id = learner_id
            if self.entry.framework is not None:
                self.entry.restore(self.drafts.get(learner_id))
            show_message(self.entry.saved_label, "")
        self.learner_name = f"{view.learner.preferred_name} {view.learner.family_name}".strip()
        self._invalidate()

    def show_chart(self, name: str) -> None:
        """Bring a chart to the front and draw it now (``--screenshot --view progress|now``)."""
        page = self.charts[name]
        self.tabs.setCurrentWidget(page)
        if name in self.stale or page.canvas is None:
            self._refresh(name)

    def data_changed(self) -> None:
        """An assessment was saved here: everything else on the profile reloads too."""
        self._invalidate()
        self.on_change()

    # ---- refreshing ---------------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._cache.clear()
        self.stale = {ENTRY, *CHARTS}
        if self.isVisible():
            self._later.start()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._refresh_visible()

    def current_name(self) -> str:
        widget = self.tabs.currentWidget()
        return next((n for n, w in self.charts.items() if w is widget), ENTRY)

    def _refresh_visible(self) -> None:
        if self.isVisible() and self.learner_id is not None and self.current_name() in self.stale:
            self._refresh(self.current_name())

    def _refresh(self, name: str) -> None:
        if self.learner_id is None:
            return
        self.stale.discard(name)
        if name == ENTRY:
            self.entry.ensure_framework(self.ctx.stages.active_framework(self.ctx.me))
            self.entry.set_history(self.history())
            return
        key = self._data_key(name)
        if key == self._drawn.get(name) and self.charts[name].canvas is not None:
            return  # a profile reload that changed nothing this chart shows: keep the drawing
        seconds = getattr(self, f"_draw_{name}")()
        self._drawn[name] = key
        self.draw_seconds[name].append(seconds)

    def _data_key(self, name: str) -> tuple:
        """What a chart is drawn from; assessments are insert-only, so their ids stand for them."""
        base = (self.learner_id, self.learner_name, ui_language(), self.chart_framework().key, date.today())
        if name == "goals":
            events, points, names = self.goal_timeline()
            return (*base, tuple(events), tuple(points), tuple(sorted(names.items())), self.date_range())
        history = self.history()
        if name == "now":
            last = latest(history)
            return (*base, last.id if last else None)
        return (*base, tuple(a.id for a in history), self.date_range())

    # ---- data (read once per reload, shared by the charts) ------------------------------------------
    def history(self) -> list[Assessment]:
        if "history" not in self._cache:
            learner_id = self.learner_id
            self._cache["history"] = attempt(
                self, lambda: self.ctx.stages.history(self.ctx.teacher, learner_id)) or []
        return self._cache["history"]  # type: ignore[return-value]

    def goal_timeline(self):  # noqa: ANN201
        if "goals" not in self._cache:
            learner_id = self.learner_id
            self._cache["goals"] = attempt(
                self, lambda: self.ctx.stages.goal_timeline(self.ctx.teacher, learner_id)) or ([], [], {})
        return self._cache["goals"]

    def chart_framework(self) -> Framework:
        """The active framework; if none of the history's elements are in it, the one last used."""
        if "framework" not in self._cache:
            fw = self.ctx.stages.active_framework(self.ctx.me)
            history = self.history()
            rated = {r.element_id for a in history for r in a.ratings}
            if rated and not rated & set(fw.element_ids()):
                last = latest(history)
                fw = self.ctx.stages.framework_for(self.ctx.me, last.framework_id, last.framework_version)
            self._cache["framework"] = fw
        return self._cache["framework"]  # type: ignore[return-value]

    def date_range(self) -> tuple[date, date] | None:
        """One time axis for the stages and the goals: first record to today, with a margin."""
        events, points, _names = self.goal_timeline()
        days = [a.assessed_on for a in self.history()] + [e.on for e in events] + [c.on for c in points]
        if not days:
            return None
        lo, hi = min(days), max(max(days), date.today())
        margin = timedelta(days=max(12, round((hi - lo).days * 0.03)))
        return lo - margin, hi + margin

    # ---- the three charts ---------------------------------------------------------------------------
    def _draw_progress(self) -> float:
        from plprofile.charts.figures import progress_figure, update_progress_figure

        history, fw, lang = self.history(), self.chart_framework(), ui_language()
        rng = self.date_range()
        title = self.tr("{name}: progress through the stages").format(name=self.learner_name)
        series = overall_series(history, "agreed", fw.element_ids())
        if not series:
            summary = self.tr("No assessments yet: rate the stages in the first tab.")
        else:
            (d0, v0), (d1, v1) = series[0], series[-1]
            change = round(v1 - v0, 2)
            summary = self.tr("Overall stage (agreed) {a} on {d0}, {b} on {d1} ({change}); %n assessment(s).",
                              "", len(history)).format(
                a=chart_tables.fmt_value(v0), d0=fmt_date(d0), b=chart_tables.fmt_value(v1), d1=fmt_date(d1),
                change=self.tr("up {n}").format(n=f"{change:g}") if change > 0 else
                self.tr("down {n}").format(n=f"{-change:g}") if change < 0 else self.tr("no change"))
        return self.charts["progress"].update_figure(
            lambda fig: update_progress_figure(fig, history, fw, lang, title=title, date_range=rng),
            lambda: progress_figure(history, fw, lang, title=title, date_range=rng),
            chart_tables.progress_table(history, fw, lang), summary, export_name=title)

    def _draw_now(self) -> float:
        from plprofile.charts.figures import now_figure

        history, fw, lang = self.history(), self.chart_framework(), ui_language()
        assessment = latest(history)
        if assessment is None:
            title = self.tr("{name}: where we are now").format(name=self.learner_name)
            summary = self.tr("No assessments yet: rate the stages in the first tab.")
        else:
            title = self.tr("{name}: where we are now ({date})").format(
                name=self.learner_name, date=fmt_date(assessment.assessed_on))
            found = largest_gaps(assessment, n=len(fw.elements), min_difference=style.GAP_THRESHOLD)
            if found:
                parts = [
                    (self.tr("{element} (learner higher by {n})") if g.difference > 0 else
                     self.tr("{element} (teacher higher by {n})")).format(
                        element=fw.element(g.element_id).text(lang) if fw.get_element(g.element_id)
                        else g.element_id, n=format_value(abs(g.difference)))
                    for g in found]
                summary = self.tr("Learner and teacher differ on: {list}.").format(list="; ".join(parts))
            else:
                summary = self.tr("Learner and teacher see every element the same way.")
        return self.charts["now"].show_figure(
            lambda: now_figure(assessment, fw, lang, title=title),
            chart_tables.now_table(assessment, fw, lang), summary, export_name=title)

    def _draw_goals(self) -> float:
        from plprofile.charts.figures import goals_figure

        events, points, names = self.goal_timeline()
        lang = ui_language()
        rng = self.date_range()
        if events:
            first = min(e.on for e in events)
            counts = goal_counts_over_time(events, goal_dates(events, first, max(date.today(), first)))
        else:
            counts = []
        title = self.tr("{name}: goals over time").format(name=self.learner_name)
        if counts:
            now = counts[-1][1]
            summary = self.tr("Today: {set} goals set, {progress} in progress, {achieved} achieved; "
                              "%n check-in(s).", "", len(points)).format(
                set=now["set"], progress=now["in_progress"], achieved=now["achieved"])
        else:
            summary = self.tr("No goals yet: set one in the Goals tab.")
        return self.charts["goals"].show_figure(
            lambda: goals_figure(counts, points, lang, rng, goal_names=names, title=title),
            chart_tables.goals_table(counts, points, lang, names), summary, export_name=title)
