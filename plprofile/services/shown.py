"""Which view each table is shown as (``services.views``), and back: a row made into its view, a view's class
named where a service takes "which kind of row" (delete it, mark it agreed, the learner's say)."""

from __future__ import annotations

from typing import Any

from plprofile.store.models import (
    Account,
    ActionStep,
    BackpackItem,
    ChangeLog,
    CheckIn,
    ChoiceOption,
    Conference,
    ConferenceRemark,
    Evidence,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
    Row,
)

from . import views as v

VIEW_OF: dict[type, Any] = {
    Learner: v.LearnerInfo, Account: v.AccountInfo, ProfileEntry: v.EntryView, BackpackItem: v.BackpackView,
    ChoiceOption: v.ChoiceView, Goal: v.GoalInfo, ActionStep: v.StepView, GoalSupport: v.SupportView,
    Evidence: v.EvidenceView, CheckIn: v.CheckInView, Conference: v.ConferenceView, ConferenceRemark: v.RemarkView,
    ChangeLog: v.ChangeView,
}
MODEL_OF: dict[type, type] = {view: model for model, view in VIEW_OF.items()}


def view_of(row: Any) -> Any:  # noqa: ANN401
    """``row`` as its view (None stays None)."""
    return None if row is None else VIEW_OF[type(row)].of(row)


def model_of(kind: type) -> type[Row]:
    """The table of ``kind``: a view's class (as the UI names a kind of row) or the table's own class."""
    return MODEL_OF.get(kind, kind)  # type: ignore[return-value]


__all__ = ["MODEL_OF", "VIEW_OF", "model_of", "view_of"]
