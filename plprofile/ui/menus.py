"""The menu bar as one table: each entry's menu, text, the window's slot, shortcut and who may use it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

EVERYONE = "everyone"
TEACHERS = "teachers"  # hidden while a learner is signed in


@dataclass(frozen=True)
class Entry:
    menu: str  # "file", "learner" or "view"
    text: str  # marked for the "MainWindow" catalogue
    slot: str  # the name of the window's method the entry calls
    shortcut: str | None = None  # a key sequence ("Ctrl+I"), or the name of a standard key ("Quit")
    who: str = TEACHERS
    separator: bool = False  # a line before the entry
    name: str | None = None  # kept as ``window.<name>`` (tests and the window itself use these)
    window_wide: bool = False  # its shortcut works without the menu (a learner's session has no Learner menu)


MENUS = {"file": QT_TRANSLATE_NOOP("MainWindow", "&File"), "learner": QT_TRANSLATE_NOOP("MainWindow", "&Learner"),
         "view": QT_TRANSLATE_NOOP("MainWindow", "&View")}

# A new menu action: a line here and a method of that name on MainWindow (which calls an operation).
ENTRIES = (
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Import class from CSV…"), "import_csv", "Ctrl+I",
          name="import_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Load a school &framework…"), "load_framework"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Backups…"), "open_backups"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Protect this store with &encryption…"), "open_encryption"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Lock"), "lock", "Ctrl+L", EVERYONE, separator=True,
          name="lock_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Sign &out"), "sign_out", who=EVERYONE),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Lock after idle &time…"), "choose_idle_minutes"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Lan&guage…"), "choose_language", who=EVERYONE,
          name="language_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", "Quit", EVERYONE, separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Add learner…"), "add_learner", "Ctrl+Shift+N"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Find learner"), "focus_search", "Find"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Next learner"), "next_learner", "Alt+Down"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Previous learner"), "previous_learner", "Alt+Up"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Start &conference"), "start_conference", "Ctrl+Shift+K"),
    # Goals are the learner's too: these two also work when a learner is signed in (no Learner menu then).
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "New &goal"), "new_goal", "Ctrl+G", EVERYONE,
          separator=True, name="new_goal_action", window_wide=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Add &evidence to the goal"), "add_evidence", "Ctrl+E",
          EVERYONE, name="add_evidence_action", window_wide=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Remove learner from the class…"), "remove_learner",
          separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Delete learner permanently…"), "purge_learner"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Set or reset sign-in PIN…"), "set_learner_pin",
          separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Unlock learner's sign-in"), "unlock_learner"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Add a &teacher account…"), "add_teacher"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "C&hange my password…"), "change_password"),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "&Class overview…"), "open_class_overview", "Ctrl+Shift+C"),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "&Text size…"), "choose_text_size", separator=True,
          name="text_size_action"),
)


class MenuBar:
    """The window's menus made from ``ENTRIES``; ``for_session`` shows what the signed-in person may use."""

    def __init__(self, window: QMainWindow, entries: tuple[Entry, ...] = ENTRIES) -> None:
        self.menus: dict[str, QMenu] = {key: window.menuBar().addMenu(QCoreApplication.translate("MainWindow", text))
                                        for key, text in MENUS.items()}
        self.actions: dict[Entry, QAction] = {}
        self._shortcuts: list[tuple[QAction, QKeySequence | QKeySequence.StandardKey]] = []
        for entry in entries:
            menu = self.menus[entry.menu]
            if entry.separator:
                menu.addSeparator()
            action = QAction(QCoreApplication.translate("MainWindow", entry.text), window)
            action.triggered.connect(lambda _checked=False, slot=entry.slot: getattr(window, slot)())
            menu.addAction(action)
            if entry.shortcut is not None:  # set by set_shortcuts: a key sequence makes Qt's namespace
                standard = getattr(QKeySequence.StandardKey, entry.shortcut, None)
                self._shortcuts.append((action, standard if standard is not None else QKeySequence(entry.shortcut)))
            if entry.window_wide:
                window.addAction(action)
            if entry.name:
                setattr(window, entry.name, action)
            self.actions[entry] = action

    def set_shortcuts(self) -> None:
        """Once, when the window takes input (start-up: not before its first paint)."""
        for action, shortcut in self._shortcuts:
            action.setShortcut(shortcut)
        self._shortcuts.clear()

    def for_session(self, learner: bool) -> None:
        """A learner sees only what everyone may use: no Learner or View menu, no teachers' entries."""
        for entry, action in self.actions.items():
            if entry.who == TEACHERS:
                action.setVisible(not learner)
        self.menus["learner"].menuAction().setVisible(not learner)
        self.menus["view"].menuAction().setVisible(not learner)
