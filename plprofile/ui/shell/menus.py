"""The menu bar as one table: each entry's menu, text, the window's slot, shortcut and who may use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..operations import accounts, decide, learners, school, settings, sync_files

EVERYONE = "everyone"
TEACHERS = "teachers"  # hidden while a learner is signed in


@dataclass(frozen=True)
class Entry:
    menu: str  # "file", "learner" or "view"
    text: str  # marked for the "MainWindow" catalogue
    # the name of the window's method the entry calls, or a function of the window (an operation)
    slot: str | Callable[[QMainWindow], object]
    shortcut: str | None = None  # a key sequence ("Ctrl+I"), or the name of a standard key ("Quit")
    who: str = TEACHERS
    separator: bool = False  # a line before the entry
    name: str | None = None  # kept as ``window.<name>`` (tests and the window itself use these)
    window_wide: bool = False  # its shortcut works without the menu (a learner's session has no Learner menu)


def _signed_in(operation: Callable) -> Callable[[QMainWindow], object]:
    """``operation(window, session)`` while someone is signed in."""
    return lambda window: window.ctx is not None and operation(window, window.ctx)


def _on_learner(operation: Callable, *, changes_class: bool = False) -> Callable[[QMainWindow], None]:
    """``operation(window, session, learner id, learner)`` on the learner on screen in a teacher's session; with
    ``changes_class``, the class list is read again when it returns True (it changed the class)."""

    def run(window: QMainWindow) -> None:
        chosen = window.chosen_learner()
        if chosen is not None and operation(window, window.ctx, *chosen) and changes_class:
            window.refresh_learners()
    return run


MENUS = {"file": QT_TRANSLATE_NOOP("MainWindow", "&File"), "learner": QT_TRANSLATE_NOOP("MainWindow", "&Learner"),
         "view": QT_TRANSLATE_NOOP("MainWindow", "&View"), "school": QT_TRANSLATE_NOOP("MainWindow", "&School")}
#: The menus a learner's session does not show at all.
STAFF_MENUS = ("learner", "view", "school")

# A new menu action: a line here, calling an operation in ui/operations (or a method of the window when it
# changes what the window shows).
ENTRIES = (
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Import class from CSV…"), "import_csv", "Ctrl+I",
          name="import_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Load a school &framework…"), "load_framework"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Backups…"), _signed_in(settings.open_backups)),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Protect this store with &encryption…"), "open_encryption"),
    # the school hub (ui/hub_sync): the window's ``hub``
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Co&nnect to the school hub…"), lambda w: w.hub.connect_device(),
          separator=True, name="connect_hub_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "S&ync now"), lambda w: w.hub.sync_now(), who=EVERYONE,
          name="sync_now_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Show a pairing code to a de&vice…"), lambda w: w.hub.show_code()),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Disconnect this device…"), lambda w: w.hub.disconnect_device(),
          who=EVERYONE, name="disconnect_hub_action"),
    # files for no network (the hub's bundle format): a learner's device too
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Sa&ve changes to a file…"), _signed_in(sync_files.save_changes),
          who=EVERYONE, separator=True, name="save_changes_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Loa&d changes from a file…"), _signed_in(sync_files.load_changes),
          who=EVERYONE, name="load_changes_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Lock"), "lock", "Ctrl+L", EVERYONE, separator=True,
          name="lock_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Sign &out"), "sign_out", who=EVERYONE),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Lock after idle &time…"), lambda w: settings.choose_idle_minutes(w, w.idle)),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "Lan&guage…"), settings.choose_language, who=EVERYONE,
          name="language_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", "Quit", EVERYONE, separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Add learner…"), "add_learner", "Ctrl+Shift+N"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Find learner"), "focus_search", "Find"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Next learner"), lambda w: w.step_learner(1), "Alt+Down"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Previous learner"), lambda w: w.step_learner(-1), "Alt+Up"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Start &conference"), lambda w: w.profile is not None and w.profile.start_conference(), "Ctrl+Shift+K"),
    # Goals are the learner's too: these two also work when a learner is signed in (no Learner menu then).
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "New &goal"), "new_goal", "Ctrl+G", EVERYONE,
          separator=True, name="new_goal_action", window_wide=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Add &evidence to the goal"), "add_evidence", "Ctrl+E",
          EVERYONE, name="add_evidence_action", window_wide=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Strategies to tr&y…"), _on_learner(school.open_strategies)),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Needs a decisi&on…"), _signed_in(decide.open_decisions),
          name="decisions_action"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "As&k a question…"), _on_learner(school.ask_question),
          name="ask_question_action"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Remove learner from the class…"), _on_learner(learners.remove_learner, changes_class=True),
          separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Delete learner permanently…"), "purge_learner"),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "E&xport the whole profile…"), _on_learner(school.export_whole_profile),
          separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Import a profile…"), _signed_in(school.import_a_profile)),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Set or reset sign-in PIN…"), _on_learner(accounts.set_learner_pin),
          separator=True),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Unlock learner's sign-in"), _on_learner(accounts.unlock_learner)),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "Add a &teacher account…"), _signed_in(accounts.add_teacher)),
    Entry("learner", QT_TRANSLATE_NOOP("MainWindow", "&Accounts…"), _signed_in(school.open_accounts)),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "C&hange my password…"), _signed_in(accounts.change_password)),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "&Class overview…"), "open_class_overview", "Ctrl+Shift+C"),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "Class learning &snapshot…"), "open_snapshot"),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "Who is &due this week…"), "open_due"),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "What c&hanged since…"), "open_feed"),
    Entry("view", QT_TRANSLATE_NOOP("MainWindow", "&Text size…"), settings.choose_text_size, separator=True,
          name="text_size_action"),
    Entry("school", QT_TRANSLATE_NOOP("MainWindow", "Start a &new school year…"), _signed_in(school.start_new_year)),
    Entry("school", QT_TRANSLATE_NOOP("MainWindow", "School &days off…"), _signed_in(school.open_days_off),
          name="days_off_action"),
    Entry("file", QT_TRANSLATE_NOOP("MainWindow", "&Me last year…"), _signed_in(school.open_last_year), who=EVERYONE,
          name="last_year_action"),
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
            run = entry.slot if callable(entry.slot) else (lambda w, name=entry.slot: getattr(w, name)())
            action.triggered.connect(lambda _checked=False, run=run: run(window))
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
        for key in STAFF_MENUS:
            self.menus[key].menuAction().setVisible(not learner)
