"""The services' side of the access policy: a stored row described as the policy sees it, and the one check.

Every public service method takes the actor and asks ``domain.policy`` through ``check`` (or ``require`` for
what is not a stored row). The few a signed-out sign-in screen needs are marked ``@signed_out``; they return
only what that screen may show. ``tests/services/test_access_policy.py`` finds every public method by
introspection and holds each to this.
"""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import func, select, text
from sqlmodel import Session

from plprofile.domain.policy import (
    ALL_STAFF,
    SIGN_IN_FIRST,
    AccessDenied,
    Action,
    Decision,
    Kind,
    Scope,
    Target,
    decide,
    require,
)
from plprofile.domain.profile import Actor, Role
from plprofile.store.models import (
    Account,
    ActionStep,
    Assessment,
    AssessmentRating,
    BackpackItem,
    CheckIn,
    ChoiceOption,
    ClassMember,
    Conference,
    ConferenceRemark,
    Evidence,
    EvidenceBlob,
    EvidenceChunk,
    FamilyContact,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
    Question,
    QuestionAnswer,
    Row,
    SchoolClass,
    StrategyCheck,
    StrategyUse,
)

from .shown import model_of
from .views import AccountInfo, LearnerInfo

KIND_OF: dict[type[Row], Kind] = {
    Learner: Kind.LEARNER, Account: Kind.ACCOUNT, ProfileEntry: Kind.ENTRY, BackpackItem: Kind.BACKPACK,
    ChoiceOption: Kind.CHOICE, Goal: Kind.GOAL, ActionStep: Kind.STEP, GoalSupport: Kind.SUPPORT,
    Evidence: Kind.EVIDENCE, CheckIn: Kind.CHECKIN, Conference: Kind.CONFERENCE, Assessment: Kind.ASSESSMENT,
    AssessmentRating: Kind.RATING,
    # what was said at a conference is part of its record: the conference's rules
    ConferenceRemark: Kind.CONFERENCE,
    # the teacher's week (issue 21): a strategy tried is part of the backpack; whether it helped, a check-in
    StrategyUse: Kind.BACKPACK, StrategyCheck: Kind.CHECKIN,
    # a file kept for a goal's evidence (issue 20): the evidence's rules
    EvidenceBlob: Kind.EVIDENCE, EvidenceChunk: Kind.EVIDENCE,
    FamilyContact: Kind.FAMILY,
    # questions between conferences (issue 20)
    Question: Kind.QUESTION, QuestionAnswer: Kind.ANSWER,
}
#: Account kinds that sign in as staff.
STAFF_KINDS = (Role.TEACHER.value, "admin")

F = TypeVar("F", bound=Callable[..., Any])


def actor_first(cls: type) -> type:
    """Every public method of a service class that takes the actor refuses a missing or made-up one before it
    does anything (a signed-out caller gets AccessDenied, not an AttributeError from deep inside)."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(member):
            continue
        if list(inspect.signature(member).parameters)[1:2] != ["actor"]:
            continue

        @functools.wraps(member)
        def guarded(self, actor, *args, __method=member, **kwargs):  # noqa: ANN001, ANN202
            if not isinstance(actor, Actor):
                raise AccessDenied(SIGN_IN_FIRST)
            return __method(self, actor, *args, **kwargs)

        setattr(cls, name, guarded)
    return cls


def signed_out(method: F) -> F:
    """Mark a method the signed-out sign-in screen calls: it takes no actor and tells nothing private."""
    method.__signed_out__ = True  # type: ignore[attr-defined]
    return method


def owner_of(row: Row) -> uuid.UUID | None:
    """The learner a row (or its view) belongs to."""
    return row.id if isinstance(row, (Learner, LearnerInfo)) else getattr(row, "learner_id", None)


def kind_of(row: Any) -> Kind:  # noqa: ANN401
    """The policy's kind of a stored row, or of the row a view (``services.views``) shows."""
    kind = KIND_OF.get(type(row))
    return kind if kind is not None else KIND_OF[model_of(type(row))]


def target(row: Row, *, teacher_only: bool | None = None, last_staff: bool = False,
           class_scope: frozenset[uuid.UUID] | Scope | None = None) -> Target:
    """``row`` as the policy sees it (``teacher_only`` given when it hangs from a teacher-only note;
    ``class_scope``: who teaches its learner, see ``class_scope``)."""
    role = row.author_role
    return Target(
        kind=kind_of(row), learner_id=owner_of(row), row_id=row.id, author_id=row.author_id,
        author_role=Role(role) if role in (Role.LEARNER.value, Role.TEACHER.value) else None,
        teacher_only=bool(getattr(row, "teacher_only", False)) if teacher_only is None else teacher_only,
        account_kind=row.kind if isinstance(row, (Account, AccountInfo)) else None, last_staff=last_staff,
        class_scope=class_scope,
    )


_OPEN_CLASS = text("SELECT 1 FROM school_class WHERE closed_at IS NULL AND deleted_at IS NULL LIMIT 1")


def has_classes(session: Session) -> bool:
    """Whether the school has any open class (before it has, every teacher sees every learner). Asked for every
    profile a window opens: plain SQL, without the ORM's statement handling."""
    return session.connection().execute(_OPEN_CLASS).first() is not None


def class_scope(session: Session, learner_id: uuid.UUID | None) -> frozenset[uuid.UUID] | Scope | None:
    """The accounts that teach ``learner_id`` (teachers and aides of their open classes: none when the learner
    is in no open class), or ``ALL_STAFF`` while the school has no open class at all (every teacher sees every
    learner, as in a store before rosters). None for a row of no learner."""
    if learner_id is None:
        return None
    if not has_classes(session):  # plain SQL, asked first: a store without classes answers at once
        return ALL_STAFF
    rows = session.execute(_staff_of_learner(), {"learner_id": learner_id}).scalars().all()
    return frozenset(r for r in rows if r is not None)


@functools.cache
def _staff_of_learner():  # noqa: ANN202
    """A learner's open classes and their staff in one reading (a class without staff gives one empty row).
    Built once: asked for every row a policy check touches (twice a sync round at the hub), and building it
    (two aliases of the class members, each column copied) cost more than running it."""
    from sqlalchemy import bindparam
    from sqlalchemy.orm import aliased

    learner, staff = aliased(ClassMember), aliased(ClassMember)
    return (select(staff.account_id)
            .select_from(learner)
            .join(SchoolClass, (SchoolClass.id == learner.class_id) & SchoolClass.closed_at.is_(None)
                  & SchoolClass.deleted_at.is_(None))
            .outerjoin(staff, (staff.class_id == learner.class_id) & staff.account_id.is_not(None)
                       & staff.ended_at.is_(None) & staff.deleted_at.is_(None))
            .where(learner.learner_id == bindparam("learner_id", type_=ClassMember.__table__.c.learner_id.type),
                   learner.ended_at.is_(None), learner.deleted_at.is_(None)))


def class_scopes(session: Session) -> dict[uuid.UUID, frozenset[uuid.UUID]] | Scope:
    """``class_scope`` of every learner in an open class, in one reading (the class list's): a learner missing
    from it is in no class. ``ALL_STAFF`` while the school has no open class."""
    from sqlalchemy.orm import aliased

    if not has_classes(session):
        return ALL_STAFF
    learner, staff = aliased(ClassMember), aliased(ClassMember)
    stmt = (select(learner.learner_id, staff.account_id)
            .join(SchoolClass, (SchoolClass.id == learner.class_id) & SchoolClass.closed_at.is_(None)
                  & SchoolClass.deleted_at.is_(None))
            .outerjoin(staff, (staff.class_id == learner.class_id) & staff.account_id.is_not(None)
                       & staff.ended_at.is_(None) & staff.deleted_at.is_(None))
            .where(learner.learner_id.is_not(None), learner.ended_at.is_(None), learner.deleted_at.is_(None)))
    scopes: dict[uuid.UUID, set[uuid.UUID]] = {}
    for learner_id, account_id in session.execute(stmt):
        members = scopes.setdefault(learner_id, set())
        if account_id is not None:
            members.add(account_id)
    return {k: frozenset(v) for k, v in scopes.items()}


def taught_learners(session: Session, actor: Actor):  # noqa: ANN201
    """A statement selecting the ids of the learners ``actor`` teaches in an open class, for class-wide
    figures; None when ``actor`` sees every learner (a school admin, or the school has no classes yet)."""
    if actor.admin or not has_classes(session):
        return None
    mine = select(ClassMember.class_id).join(SchoolClass, SchoolClass.id == ClassMember.class_id).where(
        ClassMember.account_id == actor.account_id, ClassMember.ended_at.is_(None),
        ClassMember.deleted_at.is_(None), SchoolClass.closed_at.is_(None), SchoolClass.deleted_at.is_(None))
    return select(ClassMember.learner_id).where(
        ClassMember.class_id.in_(mine), ClassMember.learner_id.is_not(None), ClassMember.ended_at.is_(None),
        ClassMember.deleted_at.is_(None))


def stored_target(session: Session, row: Row) -> Target:
    """``target`` with what only the store knows: a suggestion on a teacher-only note is teacher-only too,
    whether an account is the last staff account that can sign in, and who teaches the row's learner."""
    scope = class_scope(session, owner_of(row))
    if isinstance(row, ProfileEntry) and not row.teacher_only and row.parent_id is not None:
        parent_hidden = session.execute(select(ProfileEntry.teacher_only).where(
            ProfileEntry.id == row.parent_id)).scalar_one_or_none()
        return target(row, teacher_only=bool(parent_hidden), class_scope=scope)
    if isinstance(row, Account) and row.kind in STAFF_KINDS:
        others = session.execute(select(func.count()).select_from(Account).where(
            Account.kind.in_(STAFF_KINDS), Account.secret_hash.is_not(None), Account.deleted_at.is_(None),
            Account.id != row.id)).scalar_one()
        return target(row, last_staff=others == 0, class_scope=scope)
    return target(row, class_scope=scope)


def check(session: Session, actor: Actor | None, action: Action, row: Row, fields: Iterable[str] = ()) -> Decision:
    """Ask the policy about ``row`` as stored; raise AccessDenied when it says no."""
    return require(actor, action, stored_target(session, row), fields)


def visible(actor: Actor, rows: Iterable[Row], hidden_parents: set[uuid.UUID] | None = None, *,
            scope: frozenset[uuid.UUID] | Scope | None = None) -> list[Row]:
    """The rows of one learner's profile that ``actor`` may read (``hidden_parents``: teacher-only notes,
    whose suggestions are hidden with them; ``scope``: the learner's ``class_scope``)."""
    hidden_parents = hidden_parents or set()
    return [r for r in rows if decide(actor, Action.READ, target(
        r, teacher_only=bool(getattr(r, "teacher_only", False)) or getattr(r, "parent_id", None) in hidden_parents,
        class_scope=scope))]


def require_learner_rows(session: Session, actor: Actor, learner_id: uuid.UUID, kind: Kind) -> Learner:
    """The live learner ``learner_id``, once ``actor`` may read them and their ``kind`` rows (their history,
    assessments, goals…)."""
    from plprofile.store.changes import NotFoundError

    learner = session.get(Learner, learner_id)
    if learner is None or learner.deleted_at is not None:
        raise NotFoundError(f"learner {learner_id} not found")
    check(session, actor, Action.READ, learner)
    require(actor, Action.READ, Target(kind, learner_id=learner_id, class_scope=class_scope(session, learner_id)))
    return learner


def require_class(actor: Actor | None) -> None:
    """Class-wide reading (the class list, groups, class figures): staff only."""
    require(actor, Action.READ, Target(Kind.CLASS))


def require_framework(actor: Actor | None, action: Action = Action.READ) -> None:
    require(actor, action, Target(Kind.FRAMEWORK))


__all__ = ["KIND_OF", "actor_first", "kind_of", "check", "class_scope", "class_scopes", "has_classes", "taught_learners", "owner_of", "require_class", "require_learner_rows", "require_framework", "signed_out", "stored_target",
           "target", "visible"]
