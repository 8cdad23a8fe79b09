"""What assistive technology reads: linked labels, plain-text descriptions and announcements.

On Linux a screen reader gets a drop-down list's current value as its name, and what it is for only through a
"labelled by" relation: a ``QLabel`` whose buddy it is. A label's accessible name is all a screen reader gets of
it, so labels that carry content keep their text as their name (no fixed caption over it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel, QLayout, QWidget


def plain(text: str) -> str:
    """Rich text as the plain words a screen reader should read (``<br>`` becomes a line break)."""
    if "<" not in text and "&" not in text:
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()


def set_tip(widget: QWidget, rich: str) -> None:
    """A tooltip that may use markup on screen, and its plain words as the description assistive technology
    reads (Qt otherwise hands the tooltip's markup over as it is)."""
    widget.setToolTip(rich)
    widget.setAccessibleDescription(plain(rich))


def unseen_label(widget: QWidget, text: str, layout: QLayout, *cell: int) -> QLabel:
    """A label that names ``widget`` for a screen reader where the screen shows its purpose by position (a
    column heading, a row of a grid): linked as its buddy, kept in ``layout`` (at ``cell`` in a grid) so it
    shares the widget's parent (Qt finds labels among the siblings), and never shown."""
    label = QLabel(text)
    label.setBuddy(widget)
    layout.addWidget(label, *cell)
    label.hide()
    return label


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader say ``message`` now (a refusal, a save), whatever has the focus."""
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def show_message(label: QLabel, text: str) -> None:
    """A message that appears after an action (a refusal): shown in ``label``, said at once, and reachable with
    Tab while it is there (selectable by keyboard) so it can be read again."""
    from PySide6.QtCore import Qt  # the namespace: not on the way to the first window

    label.setText(text)
    if text:
        reachable_by_tab(label)
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)  # no empty tab stop
    announce(label, text)


def reachable_by_tab(label: QLabel) -> None:
    """A label Tab stops at (a screen reader then reads it) and whose words can be selected from the keyboard
    (Qt gives such a label focus by click only)."""
    from PySide6.QtCore import Qt  # the namespace: not on the way to the first window

    flags = Qt.TextInteractionFlag
    label.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)




def tab_within(choice: list[QAbstractButton], forward: bool, carry_on: Callable[[bool], bool]) -> bool:
    """Tab through each button of a choose-one group (call from ``focusNextPrevChild``, with the base class's
    as ``carry_on``). Qt makes such a group one tab stop, the chosen button (arrows move inside it), so a
    screen reader user who tabs through a page never hears that there is another way. Here Tab enters the
    group at its first button (Shift+Tab at its last) and visits each."""
    from PySide6.QtCore import Qt  # the namespace: not on the way to the first window
    from PySide6.QtWidgets import QApplication

    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    usable = [b for b in choice if b.isVisible() and b.isEnabled()]
    focus = QApplication.focusWidget()
    if focus in usable:
        i = usable.index(focus) + (1 if forward else -1)
        if 0 <= i < len(usable):
            usable[i].setFocus(reason)
            return True
    moved = carry_on(forward)
    if focus not in usable and QApplication.focusWidget() in usable:  # entered the group: at its near end
        usable[0 if forward else -1].setFocus(reason)
    return moved
