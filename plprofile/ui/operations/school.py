"""The school's year and staff, a profile taken along, and a learner's strategies: plain functions taking the
window (the parent) and the session, called from the menu table (``ui/menus.py``)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from ..kit import ask

if TYPE_CHECKING:
    from ..kit.context import AppContext


def start_new_year(window: QMainWindow, ctx: AppContext) -> None:
    """School → Start a new school year… (a school admin; the preview says what will change first)."""
    from ..school.years import start_new_year as start

    if start(window, window.store, ctx.me):
        window.refresh_learners()


def open_days_off(window: QMainWindow, ctx: AppContext) -> None:
    """School → Days off…: the single days the school is closed (a school admin lists them)."""
    from ..school.days_off import open_days_off as open_dialog

    window.days_off_dialog = open_dialog(window, ctx)


def open_last_year(window: QMainWindow, ctx: AppContext) -> None:
    """File → Me last year…: the learner's own in a learner's session, else the learner on screen."""
    learner_id = ctx.me.learner_id if ctx.is_learner else window.current_learner_id()
    if learner_id is not None:
        from ..school.years import open_last_year as open_view

        window.last_year_view = open_view(window, window.store, ctx.me, learner_id)


def open_accounts(window: QMainWindow, ctx: AppContext) -> None:
    """Learner → Accounts…: who can sign in, and a school admin sets a teacher's password."""
    from ..school.accounts import open_accounts as open_dialog

    open_dialog(window, window.auth, ctx.me)


def export_whole_profile(window: QMainWindow, ctx: AppContext, learner_id: uuid.UUID, _learner=None) -> None:  # noqa: ANN001
    from ..documents.profile_transfer import export_whole_profile as export

    export(window, ctx, learner_id)


def import_a_profile(window: QMainWindow, ctx: AppContext) -> None:
    from ..documents.profile_transfer import import_a_profile as import_one

    learner_id = import_one(window, ctx)
    if learner_id is not None:
        window.refresh_learners(select=learner_id)


def open_strategies(window: QMainWindow, ctx: AppContext, learner_id: uuid.UUID, _learner=None) -> None:  # noqa: ANN001
    """Learner → Strategies to try…: the learner's strategies (the writer in a conference answers "did it
    help?")."""
    from ..profile.strategies import StrategiesDialog

    ask.dialog(StrategiesDialog(ctx, learner_id, window))
    if window.profile is not None:
        window.profile.reload()


def ask_question(window: QMainWindow, ctx: AppContext, learner_id: uuid.UUID, _learner=None) -> None:  # noqa: ANN001
    """Learner → Ask a question…: a reflection prompt to this learner, their class or all the teacher's learners;
    the answers come up on the learner's home and at the next conference."""
    from ..classroom.questions import QuestionDialog

    ask.dialog(QuestionDialog(ctx, learner_id, window))
