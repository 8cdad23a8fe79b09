"""Needs a decision, from the menu table and the profile's banner: plain functions taking the window and the
session."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from ..kit.context import AppContext


def open_decisions(window: QMainWindow, ctx: AppContext, learner_id: uuid.UUID | None = None):  # noqa: ANN201
    """The *Needs a decision* window, for one learner or (None) all the session's learners; kept as
    ``window.decision_window``. A decision reloads the profile on screen."""
    from ..decide.window import DecisionWindow

    shown = getattr(window, "decision_window", None)
    if shown is None or shown.session is not ctx:
        shown = DecisionWindow(ctx, window)
        shown.list.decided.connect(lambda _learner: getattr(window, "profile", None) is not None
                                   and window.profile.reload())
        window.decision_window = shown
    name = ""
    if learner_id is not None and getattr(window, "profile", None) is not None and window.profile.view is not None:
        learner = window.profile.view.learner
        name = f"{learner.preferred_name} {learner.family_name}"
    shown.show_for(learner_id, name)
    shown.show()
    shown.raise_()
    return shown
