"""The tables. Every row: UUID key, UTC timestamps, author, soft-delete tombstone and a row version.

Anything two people may edit at once is its own row. Assessments and check-ins are insert-only.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, utcnow

#: The learner's say over who sees their words: False (the default) is "my teacher and me", True "my family
#: too". A boolean column on each table of the learner's words (``FAMILY_SHAREABLE``): only the row's author,
#: the learner, changes it (the policy's SHARE action); the family summary shows a learner's words only when it
#: is True. Teacher-written rows ignore it; teacher-only rows stay teacher-only whatever it says.
SHARED_WITH_FAMILY = "shared_with_family"


class Row(SQLModel):
    """Columns every table shares (except the change log and key-value meta)."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    author_id: uuid.UUID | None = Field(default=None)
    author_role: str = Field(default="teacher", max_length=16)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1, nullable=False)


class Meta(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(default="")


class Account(Row, table=True):
    __tablename__ = "account"
    kind: str = Field(max_length=16)  # "teacher" or "learner"
    display_name: str = Field(max_length=200)
    username: str | None = Field(default=None, max_length=100, unique=True)
    learner_id: uuid.UUID | None = Field(default=None, foreign_key="learner.id", index=True, ondelete="CASCADE")
    secret_hash: str | None = Field(default=None)
    failed_attempts: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: The school information system's key of the person (OneRoster ``sourcedId``), for a roster's staff.
    sourced_id: str | None = Field(default=None, max_length=255, unique=True)
    #: False when the school's roster says the person may not sign in (``enabledUser=false``): kept, marked.
    enabled: bool = Field(default=True)
    #: A password someone else set (a school admin, for a roster's teacher): the owner chooses their own at the
    #: next sign-in.
    password_temporary: bool = Field(default=False)


class Learner(Row, table=True):
    __tablename__ = "learner"
    given_name: str = Field(max_length=200)
    family_name: str = Field(max_length=200)
    preferred_name: str = Field(max_length=200)
    pronouns: str = Field(default="", max_length=50)
    grade: str = Field(default="", max_length=50)
    group_name: str = Field(default="", max_length=100, index=True)
    external_id: str | None = Field(default=None, max_length=100, unique=True)
    #: The school information system's key of the learner (OneRoster ``sourcedId``); re-imports match on it.
    sourced_id: str | None = Field(default=None, max_length=255, unique=True)
    #: False when the school's roster marks the learner disabled (``enabledUser=false``): kept, marked.
    enabled: bool = Field(default=True)


class Org(Row, table=True):
    """A school (or district) as the school's roster names it."""

    __tablename__ = "org"
    sourced_id: str | None = Field(default=None, max_length=255, unique=True)
    name: str = Field(max_length=200)
    org_type: str = Field(default="school", max_length=32)


class AcademicSession(Row, table=True):
    """A school year or a part of one (term, semester, grading period)."""

    __tablename__ = "academic_session"
    sourced_id: str | None = Field(default=None, max_length=255, unique=True)
    title: str = Field(max_length=200)
    session_type: str = Field(default="schoolYear", max_length=32)
    start_date: date | None = Field(default=None)
    end_date: date | None = Field(default=None)
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="academic_session.id", ondelete="SET NULL")
    school_year: str = Field(default="", max_length=16)


class SchoolClass(Row, table=True):
    """A class: who learns in it and who teaches it are its ``ClassMember`` rows."""

    __tablename__ = "school_class"
    sourced_id: str | None = Field(default=None, max_length=255, unique=True)
    title: str = Field(max_length=200)
    class_code: str = Field(default="", max_length=100)
    course_title: str = Field(default="", max_length=200)
    grades: str = Field(default="", max_length=100)
    org_id: uuid.UUID | None = Field(default=None, foreign_key="org.id", index=True, ondelete="SET NULL")
    #: The school year (or term) the class runs in.
    session_id: uuid.UUID | None = Field(default=None, foreign_key="academic_session.id", index=True,
                                         ondelete="SET NULL")
    #: When the class closed (its year ended); a closed class's members keep their history.
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ClassMember(Row, table=True):
    """A learner (``role`` student) or a teacher's account (teacher, aide) in a class, until ``ended_at``."""

    __tablename__ = "class_member"
    __table_args__ = (
        Index("ix_class_member_learner", "learner_id", "ended_at", "class_id"),
        Index("ix_class_member_account", "account_id", "ended_at", "class_id"),
    )
    class_id: uuid.UUID = Field(foreign_key="school_class.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID | None = Field(default=None, foreign_key="learner.id", ondelete="CASCADE")
    account_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="CASCADE")
    role: str = Field(default="student", max_length=16)  # student, teacher, aide
    #: The roster's key of the enrollment (OneRoster ``enrollments.csv`` ``sourcedId``).
    sourced_id: str | None = Field(default=None, max_length=255, unique=True)
    begin_date: date | None = Field(default=None)
    end_date: date | None = Field(default=None)
    #: When the membership ended (a roster's ``tobedeleted``, a year's end): the learner and profile stay.
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class FamilyContact(Row, table=True):
    """A guardian, parent or relative of a learner as the school's roster gives them: who the family summary can
    be addressed to. One row per learner and contact (siblings each have their own), so that a learner's erasure
    and export carry exactly their own; never an account, never a learner."""

    __tablename__ = "family_contact"
    __table_args__ = (UniqueConstraint("learner_id", "sourced_id", name="uq_family_contact_learner_sourced"),)
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    #: The roster's key of the family person (``users.csv`` ``sourcedId``); re-imports match on it.
    sourced_id: str | None = Field(default=None, max_length=255, index=True)
    relationship: str = Field(default="guardian", max_length=16)  # guardian, parent, relative
    given_name: str = Field(default="", max_length=200)
    family_name: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=50)


class ProfileEntry(Row, table=True):
    __tablename__ = "profile_entry"
    __table_args__ = (Index("ix_profile_entry_learner_section", "learner_id", "section"),)
    learner_id: uuid.UUID = Field(foreign_key="learner.id", ondelete="CASCADE")
    section: str = Field(max_length=32)
    text: str
    agreement: str = Field(default="agreed", max_length=16)
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="profile_entry.id", ondelete="CASCADE")
    teacher_only: bool = Field(default=False)
    position: int = Field(default=0)
    shared_with_family: bool = Field(default=False)  # see SHARED_WITH_FAMILY


class BackpackItem(Row, table=True):
    __tablename__ = "backpack_item"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    kind: str = Field(default="tool", max_length=16)
    lens: str | None = Field(default=None, max_length=16)
    challenge_id: uuid.UUID | None = Field(default=None, foreign_key="profile_entry.id", ondelete="SET NULL")
    how_it_helps: str = Field(default="")
    agreement: str = Field(default="agreed", max_length=16)
    shared_with_family: bool = Field(default=False)  # see SHARED_WITH_FAMILY


class ChoiceOption(Row, table=True):
    __tablename__ = "choice_option"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    dimension: str = Field(max_length=16)
    availability: str = Field(max_length=16)
    text: str
    agreement: str = Field(default="agreed", max_length=16)


class Goal(Row, table=True):
    __tablename__ = "goal"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    statement: str
    why: str = Field(default="")
    focus: str = Field(default="learning", max_length=24)
    lens: str | None = Field(default=None, max_length=16)
    target_date: date | None = Field(default=None)
    status: str = Field(default="not_started", max_length=16)
    agreement: str = Field(default="agreed", max_length=16)
    shared_with_family: bool = Field(default=False)  # see SHARED_WITH_FAMILY


class ActionStep(Row, table=True):
    __tablename__ = "action_step"
    #: The open steps of every learner by due day (who is due this week), from the index alone.
    __table_args__ = (Index("ix_action_step_open", "done", "deleted_at", "learner_id", "due_date", "goal_id"),)
    goal_id: uuid.UUID = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    text: str
    owner: str = Field(default="learner", max_length=16)
    due_date: date | None = Field(default=None)
    done: bool = Field(default=False)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    position: int = Field(default=0)


class GoalSupport(Row, table=True):
    __tablename__ = "goal_support"
    __table_args__ = (UniqueConstraint("goal_id", "backpack_item_id"),)
    goal_id: uuid.UUID = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    backpack_item_id: uuid.UUID = Field(foreign_key="backpack_item.id", ondelete="CASCADE")


class Evidence(Row, table=True):
    __tablename__ = "evidence"
    goal_id: uuid.UUID = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    kind: str = Field(default="note", max_length=16)
    text: str = Field(default="")
    location: str = Field(default="", max_length=2000)
    added_on: date
    #: A file kept in the store (``evidence_blob``): a photo, a scan, a PDF or a recording; ``location`` is
    #: then the file's name as it was attached.
    blob_id: uuid.UUID | None = Field(default=None, foreign_key="evidence_blob.id", index=True, ondelete="CASCADE")
    #: The learner marked it as their best work.
    best_work: bool = Field(default=False)
    shared_with_family: bool = Field(default=False)  # see SHARED_WITH_FAMILY


class EvidenceBlob(Row, table=True):
    """A file kept inside the store, content-addressed within the learner's profile: its id is made from the
    learner and the SHA-256 of its bytes, so the same file attached twice is one row, and travels once. The
    bytes are in ``evidence_chunk`` rows (each small enough to travel in one change)."""

    __tablename__ = "evidence_blob"
    __table_args__ = (UniqueConstraint("learner_id", "sha256", name="uq_evidence_blob_learner_sha256"),)
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    sha256: str = Field(max_length=64)
    media: str = Field(max_length=32)  # the media type, from the file's own bytes
    size: int  # bytes kept
    chunks: int
    width: int = Field(default=0)
    height: int = Field(default=0)
    #: The file as attached, before a large photo was downscaled.
    original_bytes: int = Field(default=0)
    original_width: int = Field(default=0)
    original_height: int = Field(default=0)
    #: A small JPEG or PNG of a picture (empty for a PDF or a recording).
    thumbnail: bytes = Field(default=b"", sa_type=LargeBinary)


class EvidenceChunk(Row, table=True):
    """One piece of a kept file's bytes, in order."""

    __tablename__ = "evidence_chunk"
    blob_id: uuid.UUID = Field(foreign_key="evidence_blob.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    position: int
    data: bytes = Field(sa_type=LargeBinary)


class CheckIn(Row, table=True):
    __tablename__ = "check_in"
    #: Each learner's latest check-in (who is due this week), from the index alone.
    __table_args__ = (Index("ix_check_in_learner_on", "learner_id", "deleted_at", "on_date"),)
    goal_id: uuid.UUID = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    on_date: date
    scale: int
    reflection: str = Field(default="")
    shared_with_family: bool = Field(default=False)  # see SHARED_WITH_FAMILY


class YearSnapshot(Row, table=True):
    """A learner's whole profile as it stood when a school year ended: the portable profile document
    (``services.portable``) as JSON, dated and read-only (made once, never edited)."""

    __tablename__ = "year_snapshot"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    session_id: uuid.UUID | None = Field(default=None, foreign_key="academic_session.id", ondelete="SET NULL")
    title: str = Field(max_length=200)  # the year's name, e.g. "2025-2026"
    taken_on: date
    content: str = Field(sa_type=Text)


class Conference(Row, table=True):
    __tablename__ = "conference"
    #: Each learner's latest conference and the check-in agreed at it (the rota, who is due), from the index alone.
    __table_args__ = (Index("ix_conference_learner_held", "learner_id", "deleted_at", "held_on", "created_at",
                            "next_checkin_on"),)
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    held_on: date
    participants: str = Field(default="")
    notes: str = Field(default="")
    agreements: str = Field(default="")
    next_checkin_on: date | None = Field(default=None)
    #: Who led it: "teacher", or "learner" for a student-led conference (``domain.profile.ConferenceLead``).
    led_by: str = Field(default="teacher", max_length=16)


class ConferenceRemark(Row, table=True):
    """One thing said at a conference, and who said it: the learner's agenda items in a student-led conference
    (what I'm proud of, evidence I chose, a goal I'm working on, what I need), and the comments and commitments
    of the learner, the family and the teacher. Written with the conference, in its order."""

    __tablename__ = "conference_remark"
    conference_id: uuid.UUID = Field(foreign_key="conference.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    speaker: str = Field(max_length=16)  # domain.profile.Speaker
    kind: str = Field(max_length=16)  # domain.profile.RemarkKind
    text: str
    position: int = Field(default=0)


class Assessment(Row, table=True):
    """One dated assessment (insert-only). ``overall`` and ``next_on`` are derived from the assessment's ratings
    and the learner's other assessments; the store keeps them right in the transaction of every write
    (``store.spans``), so that the class overview reads a whole school from two indexes instead of working
    1.2 million ratings out again. They are never edited and never logged: they are the store's, not anyone's
    words."""

    __tablename__ = "assessment"
    __table_args__ = (
        #: A learner's assessments in date order, read whole from the index (histories, keeping ``next_on``).
        Index("ix_assessment_learner_on", "learner_id", "assessed_on", "created_at", "deleted_at"),
        #: Every assessment's span and overall value: the class overview's counts over time, from the index alone.
        Index("ix_assessment_span", "deleted_at", "assessed_on", "next_on", "overall", "framework_id",
              "framework_version", "learner_id"),
        #: Each learner's latest live assessment (``next_on`` and ``deleted_at`` NULL lead): the class overview's
        #: "now" and "not assessed recently", from the index alone.
        Index("ix_assessment_latest", "next_on", "deleted_at", "learner_id", "assessed_on", "id"),
    )
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    assessed_on: date
    framework_id: str = Field(max_length=100)
    framework_version: str = Field(max_length=32)
    note: str = Field(default="")
    #: The mean of its ratings' effective values (agreed, else the mean of learner and teacher, else either);
    #: None when nothing was rated. Derived: see the class docstring.
    overall: float | None = Field(default=None)
    #: The day of the learner's next assessment (None for their latest): the assessment stands until then.
    next_on: date | None = Field(default=None)
    #: Some element of its framework has no value, even carried forward: a partial check, which never has an
    #: overall value. Set when it is made (it is insert-only).
    partial: bool = Field(default=False)


class AssessmentRating(Row, table=True):
    __tablename__ = "assessment_rating"
    #: Covers what the class overview aggregates, so a whole school's ratings are read from the index alone.
    __table_args__ = (
        Index("ix_assessment_rating_values", "assessment_id", "deleted_at", "element_id", "agreed_value",
              "learner_value", "teacher_value"),
        #: The ratings of every learner's latest assessment, by element and value: the class overview's "now",
        #: counted in the index's own order.
        Index("ix_assessment_rating_latest", "in_latest", "deleted_at", "element_id", "agreed_value",
              "learner_value", "teacher_value", "learner_id"),
    )
    assessment_id: uuid.UUID = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    element_id: str = Field(max_length=64)
    learner_value: float | None = Field(default=None)
    teacher_value: float | None = Field(default=None)
    agreed_value: float | None = Field(default=None)
    note: str = Field(default="")
    #: Not rated in this assessment: its values are carried forward from the learner's assessment of this day.
    carried_from: date | None = Field(default=None)
    #: Whether this rating belongs to its learner's latest live assessment. Derived, like ``Assessment.next_on``
    #: (``store.spans`` keeps it right; never edited, never logged).
    in_latest: bool = Field(default=False)


class TeacherWeek(Row, table=True):
    """A teacher's planning of the week: the conference rota's cadence, and when they last read what changed."""

    __tablename__ = "teacher_week"
    account_id: uuid.UUID = Field(foreign_key="account.id", unique=True, ondelete="CASCADE")
    #: Each learner has a one-to-one conference every this many weeks.
    cadence_weeks: int = Field(default=3)
    #: When the teacher last read the class feed of what changed ("since I last looked").
    feed_seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ConferenceSlot(Row, table=True):
    """A learner's conference put on a day by their teacher (the rota proposes; a slot is the teacher's move)."""

    __tablename__ = "conference_slot"
    __table_args__ = (Index("ix_conference_slot_account_on", "account_id", "planned_on"),)
    account_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    planned_on: date


class StrategyUse(Row, table=True):
    """A learner trying a strategy of the bank: its backpack item, from when, and when to look at it again."""

    __tablename__ = "strategy_use"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    backpack_item_id: uuid.UUID = Field(foreign_key="backpack_item.id", unique=True, ondelete="CASCADE")
    strategy_id: str = Field(max_length=64, index=True)
    started_on: date
    review_on: date | None = Field(default=None)


class StrategyCheck(Row, table=True):
    """Did it help? The learner's answer about a strategy, at a check-in (insert-only, like check-ins)."""

    __tablename__ = "strategy_check"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    use_id: uuid.UUID = Field(foreign_key="strategy_use.id", index=True, ondelete="CASCADE")
    on_date: date
    helped: bool
    #: The learner's own answer at a goal check-in: "yes", "a_bit" (counted as helped) or "no"; None when
    #: answered in the strategies dialog (It helped / Not yet: ``helped`` alone).
    answer: str | None = Field(default=None, max_length=8)


class SchoolDayOff(Row, table=True):
    """A single day the school is closed (a training day, a public holiday), as a school admin lists it; the
    days between terms are holidays without being listed (``domain.school_calendar``)."""

    __tablename__ = "school_day_off"
    day: date = Field(index=True)
    title: str = Field(default="", max_length=200)


class Question(Row, table=True):
    """A teacher's question to a learner between conferences: a prompt of the framework's bank (``prompt_id``)
    or the teacher's own words. One row per learner asked; a question sent to a class shares its ``batch_id``."""

    __tablename__ = "question"
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    text: str
    prompt_id: str = Field(default="", max_length=64)
    asked_on: date
    batch_id: uuid.UUID | None = Field(default=None)


class QuestionAnswer(Row, table=True):
    """The learner's answer to a question, in their words (insert-only: a new answer stands beside the old)."""

    __tablename__ = "question_answer"
    question_id: uuid.UUID = Field(foreign_key="question.id", index=True, ondelete="CASCADE")
    learner_id: uuid.UUID = Field(foreign_key="learner.id", index=True, ondelete="CASCADE")
    text: str = Field(default="")  # empty for an answer given as a recording only
    answered_on: date
    #: An answer given as a recording: the file, kept as an evidence file is (``text`` may then be empty).
    blob_id: uuid.UUID | None = Field(default=None, foreign_key="evidence_blob.id", index=True, ondelete="CASCADE")


class ChangeLog(SQLModel, table=True):
    """One row per change, written in the same transaction as the change itself."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_learner_at", "learner_id", "at"),
        #: The class feed: what learners changed since a day, for the whole school, without reading it all.
        Index("ix_change_log_at", "at", "author_role"),
        #: a field's last write, and a row's last delete or restore (sync's merge)
        Index("ix_change_log_entity", "entity_id", "field", "hlc"),
    )
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    learner_id: uuid.UUID | None = Field(default=None)
    entity: str = Field(max_length=32)
    entity_id: uuid.UUID
    action: str = Field(max_length=16)  # create, update, delete, restore, erase
    field: str | None = Field(default=None, max_length=64)
    old_value: str | None = Field(default=None)
    new_value: str | None = Field(default=None)
    author_id: uuid.UUID | None = Field(default=None)
    author_role: str = Field(default="teacher", max_length=16)
    device_id: str = Field(default="", max_length=64)
    #: Whose session it was when that is not the author: a learner writing at a conference in their
    #: teacher's session. Empty when the author was signed in themselves.
    signed_in_id: uuid.UUID | None = Field(default=None)
    #: The hybrid logical clock reading of the change (``domain.hlc``): sync orders and merges by it, never by
    #: ``at``. Text that sorts like the clock.
    hlc: str = Field(default="", max_length=100, index=True)


class SyncConflict(SQLModel, table=True):
    """Two concurrent writes of one free-text field: the one kept (in the row) and the one that lost, kept here
    until a person resolves it. Never lost, never silently overwritten."""

    __tablename__ = "sync_conflict"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    learner_id: uuid.UUID | None = Field(default=None, index=True)
    entity: str = Field(max_length=32)
    entity_id: uuid.UUID
    field: str = Field(max_length=64)
    kept_value: str | None = Field(default=None)
    kept_change_id: uuid.UUID | None = Field(default=None)
    kept_hlc: str = Field(default="", max_length=100)
    kept_author_id: uuid.UUID | None = Field(default=None)
    kept_author_role: str = Field(default="", max_length=16)
    kept_device_id: str = Field(default="", max_length=64)
    lost_value: str | None = Field(default=None)
    lost_change_id: uuid.UUID = Field(unique=True)
    lost_hlc: str = Field(default="", max_length=100)
    lost_author_id: uuid.UUID | None = Field(default=None)
    lost_author_role: str = Field(default="", max_length=16)
    lost_device_id: str = Field(default="", max_length=64)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_by: uuid.UUID | None = Field(default=None)


class FieldClock(SQLModel, table=True):
    """Which write a field's value comes from, once sync has merged a write of it from elsewhere: its clock
    reading and author role (``domain.merge`` compares an incoming write with it). A field only ever written on
    this device has none: its latest change-log row says the same."""

    __tablename__ = "field_clock"
    entity_id: uuid.UUID = Field(primary_key=True)
    field: str = Field(primary_key=True, max_length=64)
    learner_id: uuid.UUID | None = Field(default=None, index=True)
    hlc: str = Field(default="", max_length=100)
    author_role: str = Field(default="", max_length=16)


class ErasedLearner(SQLModel, table=True):
    """A learner erased for good: changes about them that arrive later are dropped, so a device coming back
    after a purge cannot bring them back. Neither their name nor their id is kept: ``token`` is a one-way hash
    of their id (``store.changes.erased_token``), which a store that still holds the id can work out, and
    nobody can turn back into it."""

    __tablename__ = "erased_learner"
    token: uuid.UUID = Field(primary_key=True)
    erased_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    erased_by: uuid.UUID | None = Field(default=None)
    #: The change that erased them (``change_log`` keeps it, with no words of the learner's).
    change_id: uuid.UUID | None = Field(default=None)


#: Tables whose rows belong to one learner (purged with them), child tables first.
LEARNER_OWNED = (
    QuestionAnswer, Question, AssessmentRating, Assessment, CheckIn, Evidence, EvidenceChunk, EvidenceBlob,
    GoalSupport, ActionStep, Goal,
    StrategyCheck, StrategyUse, BackpackItem, ChoiceOption, ConferenceRemark, Conference, ConferenceSlot,
    ProfileEntry, ClassMember, Account,
)

#: Tables of the learner's words that carry ``shared_with_family`` (the family summary reads it).
FAMILY_SHAREABLE = (ProfileEntry, BackpackItem, Goal, CheckIn, Evidence)
