"""The windows of their own that show a whole class (the Stages overview, the learning snapshot, who is due,
what changed): made on first use, shown, refreshed and raised; closed when the session locks or ends.

Each window's module is imported when it is first opened: matplotlib and the class queries load late.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..kit.context import AppContext

#: name on the window → (module beside this one, class taking (ctx, parent))
KINDS = {
    "class_overview": ("class_overview", "ClassOverview"),
    "snapshot_window": ("snapshot", "SnapshotWindow"),
    "due_window": ("due", "DueWindow"),
    "feed_window": ("feed", "FeedWindow"),
}

#: Every class window the shell names as an attribute (the decision window is made by ``ui/operations/decide``).
KINDS_SHOWN = (*KINDS, "decision_window")


class ClassWindows:
    """The shell's class windows, by name; teachers only."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.shown: dict[str, QWidget] = {}

    def open(self, name: str, ctx: AppContext | None) -> QWidget | None:
        if ctx is None or ctx.is_learner:
            return None
        if self.shown.get(name) is None:
            module, cls = KINDS[name]
            self.shown[name] = getattr(importlib.import_module(f".{module}", __package__), cls)(ctx, self.parent)
        shown = self.shown[name]
        shown.show()  # laid out first, so a chart is drawn once, at the size it is shown
        shown.refresh()
        shown.raise_()
        return shown

    def close_all(self) -> None:
        """A window of its own would stay readable past a lock or a sign-out."""
        for shown in self.shown.values():
            if shown is not None:
                shown.close()
                shown.deleteLater()
        self.shown.clear()


def window_property(name: str) -> property:
    """The class window ``name`` as an attribute of the shell (None until opened)."""
    return property(lambda self: self.class_windows.shown.get(name),
                    lambda self, value: self.class_windows.shown.__setitem__(name, value))
