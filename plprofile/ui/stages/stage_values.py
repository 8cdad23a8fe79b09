"""Stage values: the picker for one rating and the panel that describes what each stage looks like."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from plprofile.charts import style
from plprofile.domain.framework import Element, Framework, format_value

from ..kit.chart_view import stage_chip

CHARTS = ("progress", "now", "goals")
ENTRY = "entry"
RATERS = ("learner", "teacher", "agreed")
VALUE_ROLE = Qt.ItemDataRole.UserRole
# What the open list shows for a value: the stage name and this element's descriptor.
LONG_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
DESCRIPTOR_WRAP = 64


def same_value(a: float | None, b: float | None) -> bool:
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
            if same_value(self.itemData(i), value):
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
                same_value(v, value) or any(
                    same_value(v, s) for s in self._neighbours(value)))
            card.setStyleSheet("QFrame#stageCard { border: 3px solid palette(highlight); }" if on
                               else "QFrame#stageCard { border: 1px solid palette(mid); }")

    def _neighbours(self, value: float) -> list[float]:
        values = [c[0] for c in self.cards]
        if any(same_value(v, value) for v in values):
            return []
        below = [v for v in values if v < value]
        above = [v for v in values if v > value]
        return ([below[-1]] if below else []) + ([above[0]] if above else [])

