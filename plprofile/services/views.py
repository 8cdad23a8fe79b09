"""What the services hand the UI and the documents: frozen, slotted views of stored rows.

A view holds plain values only (no session, no ORM state), so a widget can keep it as long as it likes and
never edit the store by setting an attribute: a change goes back to a service as ids and values, and the
service hands a fresh view back. Each view is made from its row by one small function (``of``); the services
know which view each table has (``services.shown``), and ``load_profile`` builds a profile's views from their
columns in field order (a view's fields are its table's columns, by name). This module knows nothing of the
store (an import-linter contract keeps it so).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from plprofile.domain.profile import Agreement, Section


@dataclass(frozen=True, slots=True)
class RowView:
    """What every view of a learner's row carries: who wrote it, when, and the version a stale edit is
    checked against (``expected_version``)."""

    id: uuid.UUID
    learner_id: uuid.UUID
    author_id: uuid.UUID | None
    author_role: str
    version: int
    created_at: datetime
    updated_at: datetime

    #: The table the row is kept in (the services find the row's kind, and its rules, by it).
    table: ClassVar[str] = ""
    #: The learner has their say over who sees it (``shared_with_family``).
    shareable: ClassVar[bool] = False


def _base(row: Any) -> dict[str, Any]:  # noqa: ANN401
    return {"id": row.id, "learner_id": row.learner_id, "author_id": row.author_id, "author_role": row.author_role,
            "version": row.version, "created_at": row.created_at, "updated_at": row.updated_at}


@dataclass(frozen=True, slots=True)
class LearnerInfo:
    """A learner as the profile's header, the About tab and the documents show them."""

    id: uuid.UUID
    given_name: str
    family_name: str
    preferred_name: str
    pronouns: str
    grade: str
    group_name: str
    external_id: str | None
    enabled: bool
    author_id: uuid.UUID | None
    author_role: str
    version: int
    created_at: datetime
    updated_at: datetime

    table: ClassVar[str] = "learner"
    shareable: ClassVar[bool] = False

    @property
    def learner_id(self) -> uuid.UUID:
        return self.id

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name} {self.family_name}".strip()

    @classmethod
    def of(cls, row: Any) -> LearnerInfo:  # noqa: ANN401
        return cls(row.id, row.given_name, row.family_name, row.preferred_name, row.pronouns, row.grade,
                   row.group_name, row.external_id, row.enabled, row.author_id, row.author_role, row.version,
                   row.created_at, row.updated_at)


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as the window needs it to act for someone or name them (never its secret)."""

    id: uuid.UUID
    kind: str
    display_name: str
    #: The name it signs in with (None: it cannot sign in with a name yet).
    username: str | None
    learner_id: uuid.UUID | None
    #: The school roster's key of the person (None for an account made in the app).
    sourced_id: str | None
    author_id: uuid.UUID | None
    author_role: str

    table: ClassVar[str] = "account"
    shareable: ClassVar[bool] = False

    @classmethod
    def of(cls, row: Any) -> AccountInfo:  # noqa: ANN401
        return cls(row.id, row.kind, row.display_name, row.username, row.learner_id, row.sourced_id, row.author_id,
                   row.author_role)


@dataclass(frozen=True, slots=True)
class EntryView(RowView):
    """An entry of a profile section, in its writer's words (a suggestion hangs from its entry: ``parent_id``)."""

    section: str
    text: str
    agreement: str
    parent_id: uuid.UUID | None
    teacher_only: bool
    position: int
    shared_with_family: bool

    table: ClassVar[str] = "profile_entry"
    shareable: ClassVar[bool] = True

    @classmethod
    def of(cls, row: Any) -> EntryView:  # noqa: ANN401
        return cls(**_base(row), section=row.section, text=row.text, agreement=row.agreement,
                   parent_id=row.parent_id, teacher_only=row.teacher_only, position=row.position,
                   shared_with_family=row.shared_with_family)


@dataclass(frozen=True, slots=True)
class BackpackView(RowView):
    """A tool, app, skill or strategy in the learner's backpack, and what it helps with."""

    name: str
    kind: str
    lens: str | None
    #: The challenge it helps with (None in a learner's view when that challenge is a teacher-only note).
    challenge_id: uuid.UUID | None
    how_it_helps: str
    agreement: str
    shared_with_family: bool

    table: ClassVar[str] = "backpack_item"
    shareable: ClassVar[bool] = True

    @classmethod
    def of(cls, row: Any) -> BackpackView:  # noqa: ANN401
        return cls(**_base(row), name=row.name, kind=row.kind, lens=row.lens, challenge_id=row.challenge_id,
                   how_it_helps=row.how_it_helps, agreement=row.agreement, shared_with_family=row.shared_with_family)


@dataclass(frozen=True, slots=True)
class ChoiceView(RowView):
    """A voice-and-choice option: what it is about, whether the learner has it today or asks for it."""

    dimension: str
    availability: str
    text: str
    agreement: str

    table: ClassVar[str] = "choice_option"

    @classmethod
    def of(cls, row: Any) -> ChoiceView:  # noqa: ANN401
        return cls(**_base(row), dimension=row.dimension, availability=row.availability, text=row.text,
                   agreement=row.agreement)


@dataclass(frozen=True, slots=True)
class GoalInfo(RowView):
    """A goal's own words and state (its steps, supports, evidence and check-ins are in ``GoalView``)."""

    statement: str
    why: str
    focus: str
    lens: str | None
    target_date: date | None
    status: str
    agreement: str
    shared_with_family: bool

    table: ClassVar[str] = "goal"
    shareable: ClassVar[bool] = True

    @classmethod
    def of(cls, row: Any) -> GoalInfo:  # noqa: ANN401
        return cls(**_base(row), statement=row.statement, why=row.why, focus=row.focus, lens=row.lens,
                   target_date=row.target_date, status=row.status, agreement=row.agreement,
                   shared_with_family=row.shared_with_family)


@dataclass(frozen=True, slots=True)
class StepView(RowView):
    goal_id: uuid.UUID
    text: str
    owner: str
    due_date: date | None
    done: bool
    done_at: datetime | None
    position: int

    table: ClassVar[str] = "action_step"

    @classmethod
    def of(cls, row: Any) -> StepView:  # noqa: ANN401
        return cls(**_base(row), goal_id=row.goal_id, text=row.text, owner=row.owner, due_date=row.due_date,
                   done=row.done, done_at=row.done_at, position=row.position)


@dataclass(frozen=True, slots=True)
class SupportView(RowView):
    """A backpack item a goal leans on."""

    goal_id: uuid.UUID
    backpack_item_id: uuid.UUID

    table: ClassVar[str] = "goal_support"

    @classmethod
    def of(cls, row: Any) -> SupportView:  # noqa: ANN401
        return cls(**_base(row), goal_id=row.goal_id, backpack_item_id=row.backpack_item_id)


@dataclass(frozen=True, slots=True)
class EvidenceView(RowView):
    """Evidence of progress on a goal: a note, a link, or a file kept in the store (``blob_id``)."""

    goal_id: uuid.UUID
    kind: str
    text: str
    location: str
    added_on: date
    blob_id: uuid.UUID | None
    best_work: bool
    shared_with_family: bool

    table: ClassVar[str] = "evidence"
    shareable: ClassVar[bool] = True

    @classmethod
    def of(cls, row: Any) -> EvidenceView:  # noqa: ANN401
        return cls(**_base(row), goal_id=row.goal_id, kind=row.kind, text=row.text, location=row.location,
                   added_on=row.added_on, blob_id=row.blob_id, best_work=row.best_work,
                   shared_with_family=row.shared_with_family)


@dataclass(frozen=True, slots=True)
class CheckInView(RowView):
    goal_id: uuid.UUID
    on_date: date
    scale: int
    reflection: str
    shared_with_family: bool

    table: ClassVar[str] = "check_in"
    shareable: ClassVar[bool] = True

    @classmethod
    def of(cls, row: Any) -> CheckInView:  # noqa: ANN401
        return cls(**_base(row), goal_id=row.goal_id, on_date=row.on_date, scale=row.scale,
                   reflection=row.reflection, shared_with_family=row.shared_with_family)


@dataclass(frozen=True, slots=True)
class ConferenceView(RowView):
    held_on: date
    participants: str
    notes: str
    agreements: str
    next_checkin_on: date | None
    led_by: str

    table: ClassVar[str] = "conference"

    @classmethod
    def of(cls, row: Any) -> ConferenceView:  # noqa: ANN401
        return cls(**_base(row), held_on=row.held_on, participants=row.participants, notes=row.notes,
                   agreements=row.agreements, next_checkin_on=row.next_checkin_on, led_by=row.led_by)


@dataclass(frozen=True, slots=True)
class RemarkView(RowView):
    """One thing said at a conference, and who said it."""

    conference_id: uuid.UUID
    speaker: str
    kind: str
    text: str
    position: int

    table: ClassVar[str] = "conference_remark"

    @classmethod
    def of(cls, row: Any) -> RemarkView:  # noqa: ANN401
        return cls(**_base(row), conference_id=row.conference_id, speaker=row.speaker, kind=row.kind, text=row.text,
                   position=row.position)


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One line of a learner's history: who changed what, when, from what to what."""

    id: uuid.UUID
    at: datetime
    learner_id: uuid.UUID | None
    entity: str
    entity_id: uuid.UUID
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    author_id: uuid.UUID | None
    author_role: str
    signed_in_id: uuid.UUID | None

    @classmethod
    def of(cls, row: Any) -> ChangeView:  # noqa: ANN401
        return cls(row.id, row.at, row.learner_id, row.entity, row.entity_id, row.action, row.field, row.old_value,
                   row.new_value, row.author_id, row.author_role, row.signed_in_id)


@dataclass(frozen=True, slots=True)
class GoalView:
    """A goal with everything hanging from it, each list in display order."""

    goal: GoalInfo
    steps: list[StepView] = field(default_factory=list)
    supports: list[SupportView] = field(default_factory=list)
    evidence: list[EvidenceView] = field(default_factory=list)
    checkins: list[CheckInView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ProfileView:
    """Everything the profile screen shows for one learner, loaded in one go: only what the reader may see."""

    learner: LearnerInfo
    entries: list[EntryView]
    backpack: list[BackpackView]
    choices: list[ChoiceView]
    goals: list[GoalView]
    conferences: list[ConferenceView]
    #: What was said at the conferences, each conference's in the order said.
    remarks: list[RemarkView] = field(default_factory=list)

    def remarks_of(self, conference_id: uuid.UUID) -> list[RemarkView]:
        return [r for r in self.remarks if r.conference_id == conference_id]

    def section(self, section: Section) -> list[EntryView]:
        """Top-level entries of a section (suggestions on an entry hang below it, see ``suggestions_for``)."""
        return [e for e in self.entries if e.section == section and e.parent_id is None]

    def suggestions_for(self, entry_id: uuid.UUID) -> list[EntryView]:
        return [e for e in self.entries if e.parent_id == entry_id and e.agreement == Agreement.SUGGESTION]


#: The views of a learner's rows (each a ``RowView`` or ``LearnerInfo``), as the services map tables to them.
ROW_VIEWS: tuple[type, ...] = (LearnerInfo, AccountInfo, EntryView, BackpackView, ChoiceView, GoalInfo, StepView,
                               SupportView, EvidenceView, CheckInView, ConferenceView, RemarkView)

__all__ = [
    "ROW_VIEWS", "AccountInfo", "BackpackView", "ChangeView", "CheckInView", "ChoiceView", "ConferenceView",
    "EntryView", "EvidenceView", "GoalInfo", "GoalView", "LearnerInfo", "ProfileView", "RemarkView", "RowView",
    "StepView", "SupportView",
]
