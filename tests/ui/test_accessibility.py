"""Assistive technology and keyboard use: accessible names everywhere, shortcuts, tab order.

The walk visits what a person can reach: the main window, every profile tab, the Stages pages (charts and
their tables), conference mode, the class overview, the dialogs and the sign-in page. A control counts as
named only if Qt's accessibility layer reports a name for it (what a screen reader reads), whether it comes
from ``setAccessibleName``, the button's text or a label's buddy.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from plprofile.services.demo import generate_demo
from plprofile.store.engine import open_store

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QAbstractSlider)


@pytest.fixture
def demo_dir(tmp_path):
    store = open_store(tmp_path / "data")
    generate_demo(store, learners=3)
    store.close()
    return tmp_path / "data"


def _part_of_another_control(widget: QWidget) -> bool:
    """Scroll bars, headers, a combo box's line edit, a spin box's buttons, a tab bar's arrows: Qt names these
    as parts of their owner."""
    if isinstance(widget, (QScrollBar, QHeaderView)) or type(widget).__name__ == "QTableCornerButton":
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar)):
            return True
        parent = parent.parentWidget()
    return False


def linked_labels(widget: QWidget) -> list[str]:
    """The words of the labels linked to ``widget`` (``QLabel.setBuddy``), as AT-SPI's "labelled by" gives them;
    a group box's caption also comes as one, but it names a whole box, not this field."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return [other.text(QAccessible.Text.Name).strip() for other, _relation in
            interface.relations(QAccessible.Relation.Label)
            if other.role() == QAccessible.Role.StaticText and other.text(QAccessible.Text.Name).strip()]


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces. For a drop-down list, a spin box or a date field Qt reports the
    current value as the name on Linux, or a name set on it that Orca reads with the value; what it is for
    comes through a linked label ("labelled by"), so there only a linked label counts."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    if isinstance(widget, (QAbstractSpinBox, QComboBox)) and not (isinstance(widget, QComboBox)
                                                                   and widget.isEditable()):
        return " ".join(linked_labels(widget))
    return interface.text(QAccessible.Text.Name).strip()


MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>")


def markup_and_captions(top: QWidget) -> list[str]:
    """Descriptions (tooltips) that hand assistive technology raw HTML, and labels whose accessible name is a
    fixed caption instead of the words they show (a screen reader gets nothing else of a label)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            continue
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description):
            if MARKUP.search(interface.text(kind)):
                found.append(f"{type(widget).__name__} {kind.name}: {interface.text(kind)[:60]!r}")
        if isinstance(widget, QLabel) and widget.text() and widget.accessibleName():
            found.append(f"label {widget.text()[:40]!r} is named {widget.accessibleName()!r}")
    return found


def unnamed_controls(top: QWidget) -> list[str]:
    """Every control shown in ``top`` that a person can use or reach with Tab, and Qt exposes without a name."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or _part_of_another_control(widget):
            continue
        reachable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (isinstance(widget, INTERACTIVE) or reachable):
            continue
        if not accessible_name(widget):
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r} in "
                         f"{type(widget.parentWidget()).__name__}, tooltip {widget.toolTip()[:50]!r}")
    return found


def _settle(qtbot, ms: int = 50) -> None:
    qtbot.wait(ms)
    QApplication.processEvents()


def test_every_control_of_the_main_views_has_an_accessible_name(open_window, qtbot, demo_dir):
    window = open_window(demo_dir)
    problems: dict[str, list[str]] = {}

    def check(where: str, top: QWidget) -> None:
        _settle(qtbot)
        if found := unnamed_controls(top) + markup_and_captions(top):
            problems[where] = found

    check("main window", window)
    window.search.setText("zz")  # Qt's clear button shows: it needs a name too
    check("search with text", window.search)
    window.search.clear()
    tabs = window.profile.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        check(f"profile tab {tabs.tabText(i)!r}", window)
    # the Stages pages, each chart also as its table
    stages = window.profile.stages_page
    tabs.setCurrentWidget(stages)
    for i in range(stages.tabs.count()):
        stages.tabs.setCurrentIndex(i)
        check(f"stages page {stages.tabs.tabText(i)!r}", window)
    for view in stages.charts.values():
        stages.tabs.setCurrentWidget(view)
        view.table_button.click()
        check(f"{view.name} as a table", window)
        view.chart_button.click()
    # conference mode
    window.profile.start_conference()
    check("conference mode", window)
    window.profile.conference.ended.emit(False)
    # the class overview, chart and table
    overview = window.open_class_overview()
    check("class overview", overview)
    overview.chart.table_button.click()
    check("class overview table", overview)
    # dialogs
    from plprofile.ui.classroom.dialogs import AddLearnerDialog
    from plprofile.ui.safety.backups import BackupsDialog
    from plprofile.ui.safety.encryption import RecoveryKeyDialog, UnlockDialog

    unlock = UnlockDialog(demo_dir, window)
    for dialog in (AddLearnerDialog(window.ctx, window), BackupsDialog(window.ctx, window),
                   RecoveryKeyDialog("ABCD-EFGH-IJKL", window), unlock):
        dialog.show()
        if dialog is unlock:  # refused: the message is read as its words
            unlock.secret.setText("not the key")
            unlock.try_unlock()
            assert unlock.message.text()
        check(type(dialog).__name__, dialog)
        dialog.reject()
    assert not problems, "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items())


def test_the_sign_in_page_is_named_for_screen_readers(open_window, qtbot, demo_dir):
    window = open_window(demo_dir, require_sign_in=True)
    _settle(qtbot)
    assert not unnamed_controls(window.signin)
    window.signin.teacher_radio.click()
    _settle(qtbot)
    assert not unnamed_controls(window.signin)


def test_the_sign_in_page_reaches_both_ways_in_and_refuses_letters_in_a_pin_out_loud(open_window, qtbot, demo_dir,
                                                                                  monkeypatch):
    from plprofile.ui.shell import signin

    said = []
    monkeypatch.setattr(signin, "announce", lambda _widget, text: said.append(text))
    window = open_window(demo_dir, require_sign_in=True)
    _activate(qtbot, window)
    page = window.signin
    visited = _tab_through(qtbot, page.learner_radio, 12)
    assert page.teacher_radio in visited and page.username in visited and page.button in visited
    page.teacher_radio.click()  # choosing changes nothing about what Tab reaches, either way round
    visited = _tab_through(qtbot, page.teacher_radio, 12)
    assert page.learner_radio in visited
    qtbot.keyClick(page.teacher_radio, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.learner_radio
    page.learner_radio.click()
    assert "4" in page.secret.placeholderText() and "8" in page.secret.placeholderText()
    page.secret.setFocus()
    qtbot.keyClicks(page.secret, "2a")
    assert page.secret.text() == "2"
    assert "letters" in page.message.text() and said == [page.message.text()]
    # a refusal: said at once, reachable with Tab, and repeated by the field it is about
    page.username.setText("teacher")
    page.teacher_radio.click()
    page.secret.setText("not the password")
    page.button.click()
    refusal = page.message.text()
    assert said[-1] == refusal and "not match" in refusal
    assert page.message.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert QAccessible.queryAccessibleInterface(page.message).text(QAccessible.Text.Name) == refusal
    assert page.secret.accessibleDescription() == refusal


def test_charts_are_named_and_described_with_a_table_equivalent(open_window, qtbot, demo_dir):
    window = open_window(demo_dir)
    stages = window.profile.stages_page
    window.profile.tabs.setCurrentWidget(stages)
    view = stages.charts["now"]
    stages.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.canvas is not None, timeout=20_000)
    assert accessible_name(view.canvas)
    assert view.summary.text() and view.canvas.accessibleDescription().startswith(view.summary.text())
    assert view.canvas.focusPolicy() & Qt.FocusPolicy.TabFocus  # a tab stop that says the summary
    for button in (view.chart_button, view.table_button):  # a choice of one...
        assert QAccessible.queryAccessibleInterface(button).role() == QAccessible.Role.RadioButton
    _activate(qtbot, window)  # ...each a tab stop, whichever is chosen
    assert _tab_through(qtbot, view.chart_button, 1)[1] is view.table_button
    view.table_button.click()
    qtbot.keyClick(view.table_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view.chart_button
    view.table_button.click()
    table = next(w for w in view.findChildren(QAbstractItemView) if w.isVisibleTo(view))
    assert table.model().rowCount() > 0 and accessible_name(table)


# ---------------------------------------------------------------------------------------------- keyboard


def _activate(qtbot, window) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_shortcuts_do_what_their_menus_say(open_window, qtbot, demo_dir):
    window = open_window(demo_dir)
    _activate(qtbot, window)
    shortcuts = {a.text(): a.shortcut().toString() for menu in window.menuBar().findChildren(type(window.learner_menu))
                 for a in menu.actions() if not a.shortcut().isEmpty()}
    assert shortcuts["New &goal"] == "Ctrl+G"
    assert shortcuts["Add &evidence to the goal"] == "Ctrl+E"
    assert shortcuts["&Next learner"] == "Alt+Down"
    assert shortcuts["&Previous learner"] == "Alt+Up"
    assert shortcuts["Start &conference"] == "Ctrl+Shift+K"
    assert shortcuts["&Find learner"] == QKeySequence(QKeySequence.StandardKey.Find).toString()

    first = window.current_learner_id()
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.current_learner_id()
    assert second is not None and second != first
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_learner_id() == first

    panel = window.profile
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert panel.tabs.currentWidget() is panel.goals
    assert QApplication.focusWidget() is panel.goals.statement

    panel.tabs.setCurrentIndex(0)
    panel.goals.goal_list.setCurrentRow(0)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert panel.tabs.currentWidget() is panel.goals
    assert QApplication.focusWidget() is panel.goals.ev_text

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.conference is not None and panel.tabs.currentWidget() is panel.conference
    panel.conference.ended.emit(False)


def _tab_through(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [QApplication.focusWidget()]
    for _ in range(steps):
        if QApplication.focusWidget() is None:  # focus left the window: the walk ends (and the test says so)
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is visited[0]:  # round the whole window once
            break
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_reaches_every_control_of_the_profile_editor_in_reading_order(open_window, qtbot, demo_dir):
    window = open_window(demo_dir)
    _activate(qtbot, window)
    panel = window.profile
    for page in (panel.about, panel.strengths, panel.lenses, panel.backpack, panel.choice, panel.goals,
                 panel.conferences, panel.stages_page):
        panel.tabs.setCurrentWidget(page)
        _settle(qtbot)
        wanted = [w for w in page.findChildren(QWidget)
                  if w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                  and not _part_of_another_control(w)]
        first = next(w for w in _tab_through(qtbot, panel.tabs.tabBar(), 1))
        visited = _tab_through(qtbot, first, 200)
        assert len(wanted) >= 3, [type(w).__name__ for w in wanted]
        missing = [f"{type(w).__name__} {accessible_name(w)!r}" for w in wanted
                   if (w.focusProxy() or w) not in visited]  # a tab widget passes focus to its tab bar
        assert not missing, f"Tab never reaches on {type(page).__name__}: {missing}"
    # no keyboard trap: Tab leaves the learner list (arrows choose a learner) and the search field
    learner = window.current_learner_id()
    visited = _tab_through(qtbot, window.table, 3)
    assert visited[1] is not window.table and window.current_learner_id() == learner
    goals = panel.goals
    panel.tabs.setCurrentWidget(goals)
    goals.goal_list.setCurrentRow(0)
    order = [goals.statement, goals.why, goals.focus, goals.lens, goals.target, goals.status, goals.save_button]
    visited = _tab_through(qtbot, goals.statement, 200)
    positions = [visited.index(w) for w in order if w.isEnabled()]
    assert len(positions) >= 6
    assert positions == sorted(positions), "the goal form is visited top to bottom"
    # the Stages form: the grid of ratings comes before the buttons under it
    entry = panel.stages_page.entry
    panel.tabs.setCurrentWidget(panel.stages_page)
    qtbot.waitUntil(lambda: bool(entry.rows))
    visited = _tab_through(qtbot, entry.note, 200)
    first, last = entry.rows[0].pickers["learner"], entry.rows[-1].note
    assert visited.index(entry.note) < visited.index(first) < visited.index(last) < visited.index(entry.save_button)


# ---------------------------------------------------------------------------------------------- contrast


def test_high_contrast_uses_only_the_system_colours(open_window, qtbot, monkeypatch):
    from plprofile.ui.kit import common
    from plprofile.ui.stages import stage_entry

    assert "color" in common.error_style()
    monkeypatch.setattr(common, "high_contrast", lambda: True)
    monkeypatch.setattr(stage_entry, "high_contrast", lambda: True)
    assert "color" not in common.error_style()
    window = open_window()
    ctx = window.ctx
    learner = ctx.profiles.add_learner(ctx.teacher, given_name="Amara", family_name="Okafor")
    window.refresh_learners(select=learner.id)
    page = window.profile.stages_page
    window.profile.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: bool(page.entry.rows))
    voice = page.entry.row("voice")
    voice.pickers["learner"].setCurrentIndex(voice.pickers["learner"].findData(2.5))
    voice.pickers["teacher"].setCurrentIndex(voice.pickers["teacher"].findData(1.5))
    # the difference is written out, in the palette's own text colour
    assert voice.difference.text() == "≠ differs by 1"
    assert "color" not in voice.difference.styleSheet()
