"""The wire unit of sync: one change-log row as it travels between a device and the hub, and the functions
that read a store's outbox and apply foreign changes to it.

No network and no Qt: the hub and the bundles both call these with a SQLModel ``Session`` on their store.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, Uuid, delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from plprofile.domain import merge
from plprofile.domain.hlc import HLC, ClockError, receive
from plprofile.domain.policy import (
    FIXED_FIELDS,
    HIDDEN,
    SCHOOL_ADMINS,
    AccessDenied,
    Action,
    Kind,
    Target,
    decide,
)
from plprofile.domain.profile import Actor, Role
from plprofile.services import access
from plprofile.store import changes as store_changes
from plprofile.store.changes import erased_token
from plprofile.store.models import (
    LEARNER_OWNED,
    SHARED_WITH_FAMILY,
    AcademicSession,
    Account,
    ActionStep,
    Assessment,
    AssessmentRating,
    BackpackItem,
    ChangeLog,
    CheckIn,
    ChoiceOption,
    ClassMember,
    Conference,
    ErasedLearner,
    Evidence,
    FieldClock,
    Goal,
    GoalSupport,
    Learner,
    Meta,
    Org,
    ProfileEntry,
    Question,
    QuestionAnswer,
    Row,
    SchoolClass,
    SyncConflict,
)
from plprofile.store.types import UTCDateTime

#: The actions a change can carry.
ACTIONS = ("create", "update", "delete", "restore", "erase")
#: A change's HLC as text: ``{ms:013d}-{counter:05d}-{device_id}`` (see ``domain.hlc``).
HLC_PATTERN = re.compile(r"^\d{13}-\d{5}-[A-Za-z0-9_.:-]{1,64}$")
#: Longest text a change may carry in ``old``/``new`` (a created row's JSON included): a push bigger than this
#: is not a profile's words.
MAX_VALUE_CHARS = 200_000
_TEXT_LIMITS = {"entity": 32, "action": 16, "field": 64, "author_role": 16, "device_id": 64, "at": 40}


class MalformedChange(ValueError):
    """A change that does not have the shape of one; the message says what is wrong (never the row's text)."""


class SyncRefused(Exception):
    """A batch refused whole: ``reason`` says why (a policy message or a shape problem), ``change_id`` which
    change caused it. Nothing of the batch was written."""

    def __init__(self, reason: str, change_id: str | None = None) -> None:
        super().__init__(reason if change_id is None else f"{reason} (change {change_id})")
        self.reason = reason
        self.change_id = change_id


@dataclass(frozen=True)
class Change:
    """One change-log row, as it travels."""

    id: str
    hlc: str
    learner_id: str | None
    entity: str
    entity_id: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    author_id: str | None
    author_role: str
    device_id: str
    signed_in_id: str | None
    at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Change:
        """A change from its JSON form; raises MalformedChange with the reason when it is not one."""
        if not isinstance(data, dict):
            raise MalformedChange("a change must be a JSON object")
        names = [f for f in cls.__dataclass_fields__]
        unknown = set(data) - set(names)
        if unknown:
            raise MalformedChange(f"unknown key {sorted(unknown)[0]!r}")
        missing = [n for n in names if n not in data]
        if missing:
            raise MalformedChange(f"missing key {missing[0]!r}")
        for name in names:
            value = data[name]
            if value is not None and not isinstance(value, str):
                raise MalformedChange(f"{name} must be text or null")
        for name in ("id", "hlc", "entity", "entity_id", "action", "author_role", "device_id", "at"):
            if not data[name]:
                raise MalformedChange(f"{name} is required")
        for name in ("id", "entity_id", "learner_id", "author_id", "signed_in_id"):
            if data[name] is not None:
                try:
                    uuid.UUID(data[name])
                except ValueError:
                    raise MalformedChange(f"{name} is not a UUID") from None
        for name, limit in _TEXT_LIMITS.items():
            if data[name] is not None and len(data[name]) > limit:
                raise MalformedChange(f"{name} is too long")
        for name in ("old", "new"):
            if data[name] is not None and len(data[name]) > MAX_VALUE_CHARS:
                raise MalformedChange(f"{name} is too long")
        if not HLC_PATTERN.match(data["hlc"]):
            raise MalformedChange("hlc is not a clock reading")
        if data["action"] not in ACTIONS:
            raise MalformedChange(f"unknown action {data['action'][:16]!r}")
        if (data["action"] == "update") != (data["field"] is not None):
            raise MalformedChange("an update names its field, and only an update does")
        if data["action"] == "create" and data["new"] is None:
            raise MalformedChange("a create carries the row's content")
        return cls(**{n: data[n] for n in names})


@dataclass
class ApplyResult:
    """What ``apply`` did: changes applied, changes skipped (already known, or about an erased learner),
    conflicts recorded."""

    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    #: The ids of the changes applied, in order (the hub numbers these).
    applied_ids: list[str] = field(default_factory=list)
    #: Clock warnings met on the way (a device's clock ahead of ours by more than the allowed skew).
    warnings: list[str] = field(default_factory=list)
    #: Learners erased by the batch (the caller scrubs the store's file and backups of them).
    erased: list[str] = field(default_factory=list)



#: Every table a change can be about.
MODELS: dict[str, type[Row]] = {m.__tablename__: m for m in (  # type: ignore[misc]
    Learner, Account, Org, AcademicSession, SchoolClass, ClassMember, ProfileEntry, BackpackItem, ChoiceOption,
    Goal, ActionStep, GoalSupport, Evidence, CheckIn, Conference, Assessment, AssessmentRating, Question,
    QuestionAnswer)}
#: The school's structure (the policy's ``Kind.SCHOOL``).
SCHOOL = frozenset({"org", "academic_session", "school_class", "class_member"})
#: Sign-in secrets and lockout state: never taken from, nor sent to, another device (see the README: a
#: learner's PIN hash is peppered with a secret kept beside each store, so it means nothing elsewhere, and a
#: password hash is an offline-guessable copy of a password). Each device sets its own sign-in.
SECRET_FIELDS = frozenset({"secret_hash", "failed_attempts", "locked_until"})
#: Columns a change never sets: bookkeeping, what ties a row to its owner, derived values.
_NEVER_UPDATED = frozenset({"id", "created_at", "updated_at", "author_id", "author_role", "version",
                            "deleted_at", "learner_id", "goal_id", "parent_id", "assessment_id", "class_id",
                            "account_id", "backpack_item_id", "teacher_only", "overall", "next_on", "in_latest"})
#: ``meta`` key: the clock reading up to which the hub acknowledged this device's changes.
ACK_KEY = "sync_acknowledged"
#: A rating's values, as the policy names them for a new rating.
_RATING_VALUES = frozenset({"element_id", "learner_value", "teacher_value", "agreed_value", "note", "carried_from"})


# ---- reading a store's own changes --------------------------------------------------------------------------
def _as_change(row: ChangeLog) -> Change:
    return Change(
        id=str(row.id), hlc=row.hlc, learner_id=_str(row.learner_id), entity=row.entity,
        entity_id=str(row.entity_id), action=row.action, field=row.field, old=row.old_value, new=row.new_value,
        author_id=_str(row.author_id), author_role=row.author_role, device_id=row.device_id,
        signed_in_id=_str(row.signed_in_id), at=row.at.isoformat())


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def device_id(session: Session) -> str:
    meta = session.get(Meta, "device_id")
    if meta is None:
        raise LookupError("this store has no device id")
    return meta.value


def acknowledged(session: Session) -> str:
    """The clock reading up to which the hub holds this device's changes ("" for none)."""
    meta = session.get(Meta, ACK_KEY)
    return meta.value if meta is not None else ""


def outgoing(session: Session, *, after_hlc: str | None = None, limit: int | None = None) -> list[Change]:
    """This store's change-log rows made on this device and not yet acknowledged, in HLC order."""
    after = max(acknowledged(session), after_hlc or "")
    stmt = (select(ChangeLog).where(ChangeLog.device_id == device_id(session), ChangeLog.hlc > after)
            .order_by(ChangeLog.hlc))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_as_change(r) for r in session.execute(stmt).scalars()]


def everything(session: Session, *, learner_id: uuid.UUID | None = None) -> list[Change]:
    """Every change this store holds (whoever made it), in HLC order; with ``learner_id``, only the changes
    about that learner (their rows and their account)."""
    stmt = select(ChangeLog).order_by(ChangeLog.hlc)
    if learner_id is not None:
        accounts = select(Account.id).where(Account.learner_id == learner_id)
        stmt = stmt.where(or_(ChangeLog.learner_id == learner_id, ChangeLog.entity_id.in_(accounts)))
    return [_as_change(r) for r in session.execute(stmt).scalars()]


def mark_acknowledged(session: Session, ids: Sequence[str]) -> int:
    """Remember that the hub holds the changes ``ids``: ``outgoing`` no longer offers them. The mark moves
    over this device's unacknowledged changes in HLC order while each is among ``ids`` (an id past a gap is
    offered again next time: pushing is idempotent). Returns how many changes the mark moved over."""
    wanted = {str(i) for i in ids}
    moved, mark = 0, acknowledged(session)
    for change in outgoing(session):
        if change.id not in wanted:
            break
        mark, moved = change.hlc, moved + 1
    if moved:
        meta = session.get(Meta, ACK_KEY)
        if meta is None:
            session.add(Meta(key=ACK_KEY, value=mark))
        else:
            meta.value = mark
    return moved


# ---- values as the change log writes them, and back -----------------------------------------------------------
def _column_value(model: type[Row], name: str, text: str | None) -> Any:
    if text is None:
        return None
    column = model.__table__.columns[name]  # type: ignore[attr-defined]
    kind = column.type
    try:
        if isinstance(kind, Uuid):
            return uuid.UUID(text)
        if isinstance(kind, UTCDateTime):
            value = datetime.fromisoformat(text)
            if value.tzinfo is None:
                raise ValueError("a time without its zone")
            return value
        if isinstance(kind, Date):
            return date.fromisoformat(text)
        if isinstance(kind, Boolean):
            if text not in ("true", "false"):
                raise ValueError("not true or false")
            return text == "true"
        if isinstance(kind, Integer):
            return int(text)
        if isinstance(kind, Float):
            return float(text)
    except ValueError as exc:
        raise MalformedChange(f"{model.__tablename__}.{name}: {exc}") from None
    return text


def _content(change: Change, model: type[Row]) -> dict[str, Any]:
    """A create's row content, typed; secrets and unknown or derived columns are refused or left out."""
    try:
        raw = json.loads(change.new or "")
    except ValueError:
        raise MalformedChange("a create's content is not JSON") from None
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise MalformedChange("a create's content is not a JSON object of texts")
    columns = model.__table__.columns  # type: ignore[attr-defined]
    values = {}
    for name, text in raw.items():
        if name in SECRET_FIELDS:
            continue  # never taken from another device
        if name not in columns or name in {"id", "created_at", "updated_at", "author_id", "author_role",
                                           "version", "overall", "next_on", "in_latest"}:
            raise MalformedChange(f"{model.__tablename__} has no column {name[:64]!r} a change may set")
        values[name] = _column_value(model, name, text)
    return values


# ---- the policy, for a change --------------------------------------------------------------------------------
class _Scopes:
    """``access.class_scope`` of each learner, read once per batch."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[uuid.UUID, frozenset[uuid.UUID] | None] = {}

    def __call__(self, learner_id: uuid.UUID | None) -> frozenset[uuid.UUID] | None:
        if learner_id is None:
            return None
        if learner_id not in self.cache:
            self.cache[learner_id] = access.class_scope(self.session, learner_id)
        return self.cache[learner_id]

    def forget(self) -> None:
        self.cache.clear()


def _target(session: Session, row: Row, scopes: _Scopes) -> Target:
    if type(row).__tablename__ in SCHOOL:
        return Target(Kind.SCHOOL)
    hidden = None
    if isinstance(row, ProfileEntry) and not row.teacher_only and row.parent_id is not None:
        parent = session.get(ProfileEntry, row.parent_id)
        hidden = bool(parent is not None and parent.teacher_only)
    last_staff = False
    if isinstance(row, Account) and row.kind in access.STAFF_KINDS:
        return access.stored_target(session, row)
    return access.target(row, teacher_only=hidden, last_staff=last_staff, class_scope=scopes(access.owner_of(row)))


def _check_author(actor: Actor, change: Change) -> None:
    """A device writes as its own account: a change's author is that account (or, for a learner writing in
    their teacher's session at a conference, that teacher signed in). A school admin's device also carries the
    school's first data, written by others before it was paired."""
    if actor.admin:
        return
    mine = str(actor.account_id)
    if change.author_id == mine and change.author_role == str(actor.role):
        return
    if actor.role is not Role.LEARNER and change.signed_in_id == mine and change.author_role == Role.LEARNER.value:
        return
    raise AccessDenied("A change's author must be the account that sends it.")


def _require(actor: Actor, action: Action, target: Target, fields: Iterable[str] = ()) -> None:
    decision = decide(actor, action, target, fields)
    if not decision:
        raise AccessDenied(decision.reason, decision)


def _check_create(session: Session, actor: Actor, change: Change, model: type[Row], values: dict[str, Any],
                  scopes: _Scopes) -> None:
    name = model.__tablename__
    if name in SCHOOL:
        _require(actor, Action.CREATE, Target(Kind.SCHOOL))
        return
    row = model(**values, id=uuid.UUID(change.entity_id), author_id=_uuid(change.author_id),
                author_role=change.author_role)
    if isinstance(row, Account) and row.kind == "admin" and not actor.admin:
        raise AccessDenied(SCHOOL_ADMINS)  # a teacher's device cannot make a school admin (raise its own scope)
    hidden = None
    if isinstance(row, ProfileEntry) and row.parent_id is not None and not row.teacher_only:
        parent = session.get(ProfileEntry, row.parent_id)
        hidden = bool(parent is not None and parent.teacher_only)
    target = access.target(row, teacher_only=hidden, class_scope=scopes(access.owner_of(row)))
    fields = set(values) & _RATING_VALUES if name == "assessment_rating" else ()
    if isinstance(row, ProfileEntry) and row.agreement == "suggestion":
        _require(actor, Action.SUGGEST, target)
    else:
        _require(actor, Action.CREATE, target, fields)
    if values.get(SHARED_WITH_FAMILY):  # made already shared: the learner's say, as for a change of it
        _require(actor, Action.SHARE, target, [SHARED_WITH_FAMILY])
    _check_links(session, row)


def _check_links(session: Session, row: Row) -> None:
    """A row hangs from rows of the same learner (a step from a goal, a rating from an assessment...)."""
    owner = access.owner_of(row)
    for column, parent_model in (("goal_id", Goal), ("assessment_id", Assessment), ("parent_id", ProfileEntry),
                                 ("backpack_item_id", BackpackItem), ("challenge_id", ProfileEntry),
                                 ("question_id", Question)):
        parent_id = getattr(row, column, None)
        if parent_id is None or (isinstance(row, Row) and type(row).__tablename__ in SCHOOL):
            continue
        parent = session.get(parent_model, parent_id)
        if parent is not None and getattr(parent, "learner_id", None) != owner:
            raise AccessDenied(HIDDEN)


def _check_existing(session: Session, actor: Actor, change: Change, row: Row, scopes: _Scopes) -> None:
    target = _target(session, row, scopes)
    if change.action == "update":
        name = change.field or ""
        if name in _NEVER_UPDATED or name in SECRET_FIELDS:
            raise AccessDenied(FIXED_FIELDS)
        if name == "agreement":
            action = Action.AGREE if change.new == "agreed" else Action.DECIDE
            _require(actor, action, target)
        elif name == SHARED_WITH_FAMILY:  # the learner's say: only the learner who wrote it
            _require(actor, Action.SHARE, target, [name])
        elif target.kind is Kind.SCHOOL:
            _require(actor, Action.UPDATE, target)
        else:
            _require(actor, Action.UPDATE, target, [name])
    elif change.action in ("delete", "restore"):
        action = Action.DELETE if change.action == "delete" else Action.RESTORE
        _require(actor, action, target)


def _uuid(value: str | None) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(value)


# ---- applying ------------------------------------------------------------------------------------------------
def _known(session: Session, ids: list[uuid.UUID]) -> set[str]:
    known: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        known |= {str(x) for x in session.execute(select(ChangeLog.id).where(ChangeLog.id.in_(chunk))).scalars()}
    return known


def _erased(session: Session) -> set[str]:
    return {str(x) for x in session.execute(select(ErasedLearner.token)).scalars()}


def _about(change: Change, values: dict[str, Any] | None = None) -> set[str]:
    """The ``erased_token`` of each learner a change is about (its learner, the learner a row names)."""
    found = {x for x in (change.learner_id,) if x}
    if change.entity == "learner":
        found.add(change.entity_id)
    if values and values.get("learner_id") is not None:
        found.add(str(values["learner_id"]))
    return {str(erased_token(x)) for x in found}


def _learner_by_token(session: Session, token: str) -> uuid.UUID | None:
    session.flush()
    for learner_id in session.execute(select(Learner.id)).scalars():
        if str(erased_token(learner_id)) == token:
            return learner_id
    return None


def _clocks(session: Session) -> dict[tuple[uuid.UUID, str], FieldClock | None]:
    """The field clocks this batch read or wrote (pending ones are not in the identity map until flushed)."""
    return session.info.setdefault("sync_field_clocks", {})


def _clock(session: Session, row: Row, field_name: str) -> FieldClock | None:
    cache = _clocks(session)
    key = (row.id, field_name)
    if key not in cache:
        cache[key] = session.get(FieldClock, key)
    return cache[key]


def _field_state(session: Session, row: Row, field_name: str) -> merge.FieldState:
    value = store_changes.as_text(getattr(row, field_name))
    clock = _clock(session, row, field_name)
    if clock is not None:
        return merge.FieldState(value, clock.hlc, clock.author_role)
    session.flush()  # the batch's own change-log rows count too
    last = session.execute(
        select(ChangeLog.hlc, ChangeLog.author_role).where(
            ChangeLog.entity_id == row.id, or_(ChangeLog.field == field_name, ChangeLog.action == "create"))
        .order_by(ChangeLog.hlc.desc()).limit(1)).first()
    if last is None:
        return merge.FieldState(value, "", row.author_role)
    return merge.FieldState(value, last[0], last[1])


def _set_clock(session: Session, row: Row, field_name: str, hlc: str, role: str) -> None:
    clock = _clock(session, row, field_name)
    if clock is None:
        clock = FieldClock(entity_id=row.id, field=field_name, learner_id=access.owner_of(row), hlc=hlc,
                           author_role=role)
        session.add(clock)
        _clocks(session)[row.id, field_name] = clock
    else:
        clock.hlc, clock.author_role = hlc, role


def _presence_hlc(session: Session, entity_id: uuid.UUID) -> str:
    cache = session.info.setdefault("sync_presence", {})
    if entity_id not in cache:
        session.flush()
        cache[entity_id] = session.execute(
            select(ChangeLog.hlc).where(ChangeLog.entity_id == entity_id,
                                        ChangeLog.action.in_(("create", "delete", "restore")))
            .order_by(ChangeLog.hlc.desc()).limit(1)).scalar() or ""
    return cache[entity_id]


def _presence_seen(session: Session, entity_id: uuid.UUID, hlc: str) -> None:
    cache = session.info.setdefault("sync_presence", {})
    if hlc > cache.get(entity_id, ""):
        cache[entity_id] = hlc


def _log_row(change: Change) -> ChangeLog:
    at = datetime.fromisoformat(change.at)
    if at.tzinfo is None:
        raise MalformedChange("at is not a UTC time")
    return ChangeLog(
        id=uuid.UUID(change.id), hlc=change.hlc, at=at, learner_id=_uuid(change.learner_id), entity=change.entity,
        entity_id=uuid.UUID(change.entity_id), action=change.action, field=change.field, old_value=change.old,
        new_value=change.new, author_id=_uuid(change.author_id), author_role=change.author_role,
        device_id=change.device_id, signed_in_id=_uuid(change.signed_in_id))


def erase_rows(session: Session, learner_id: uuid.UUID, *, keep_log: Iterable[uuid.UUID] = ()) -> None:
    """Delete every row about the learner (their rows, account, change log, conflicts, field clocks)."""
    session.flush()
    account_ids = list(session.execute(select(Account.id).where(Account.learner_id == learner_id)).scalars())
    for model in LEARNER_OWNED:
        session.execute(delete(model).where(model.learner_id == learner_id))  # type: ignore[attr-defined]
    keep = list(keep_log)
    about = or_(ChangeLog.learner_id == learner_id, ChangeLog.entity_id.in_([learner_id, *account_ids]),
                ChangeLog.author_id.in_(account_ids) if account_ids else False)
    session.execute(delete(ChangeLog).where(about, ChangeLog.id.not_in(keep) if keep else True,
                                            ChangeLog.action != "erase"))
    for model in (FieldClock, SyncConflict):
        session.execute(delete(model).where(model.learner_id == learner_id))  # type: ignore[attr-defined]
    session.execute(delete(Learner).where(Learner.id == learner_id))
    session.expire_all()


def apply(session: Session, actor: Actor, changes: Sequence[Change], *, check_policy: bool = True) -> ApplyResult:
    """Apply foreign changes: all of them, or (SyncRefused) none.

    Idempotent on ``Change.id``: a change this store already holds is skipped, and so is a change about a
    learner erased here. Each other change is written into this store's change log (history shows it, and
    the hub serves it on) and into the tables by the rules of ``domain.merge``: creates (a row already there
    is left as it is), per-field updates with conflicts kept in ``sync_conflict``, deletes and restores by
    clock, and erasures. The store's clock moves past each change (``domain.hlc.receive``), with a warning
    for a clock far ahead. With ``check_policy`` every change is first checked by the access policy as
    ``actor``, the account of the device that sent it: one refusal refuses the whole batch.

    The work runs in a savepoint of ``session``'s transaction: on any refusal nothing of the batch stays.
    The caller commits (``store.transaction()`` does).
    """
    result = ApplyResult()
    if not changes:
        return result
    ids = []
    for change in changes:
        if not isinstance(change, Change):
            raise SyncRefused("not a change")
        try:
            ids.append(uuid.UUID(change.id))
        except ValueError:
            raise SyncRefused("a change id is not a UUID", str(change.id)[:40]) from None
    ordered = sorted(changes, key=lambda c: c.hlc)
    try:
        with session.begin_nested(), session.no_autoflush:  # flushed where a query must see the batch
            known = _known(session, ids)
            _apply_all(session, actor, ordered, known, check_policy, result)
            session.flush()
    except (AccessDenied, MalformedChange, IntegrityError) as exc:
        session.expire_all()  # the objects of the rolled-back savepoint hold nothing true
        raise _as_refusal(exc) from exc
    except BaseException:
        session.expire_all()
        raise
    finally:
        session.info.pop("sync_field_clocks", None)
        session.info.pop("sync_presence", None)
    return result


def _as_refusal(exc: Exception) -> SyncRefused:
    change_id = getattr(exc, "change_id", None)
    if isinstance(exc, AccessDenied):
        return SyncRefused(str(exc), change_id)
    if isinstance(exc, MalformedChange):
        return SyncRefused(f"a change is malformed: {exc}", change_id)
    return SyncRefused("a change clashes with this store's rows (a row it names is missing, or a name or ID "
                       "that must be unique is taken)", change_id)


def _apply_all(session: Session, actor: Actor, ordered: list[Change], known: set[str], check_policy: bool,
               result: ApplyResult) -> None:
    erased = _erased(session)
    scopes = _Scopes(session)
    last = store_changes.last_hlc(session)
    me = device_id(session)
    seen: set[str] = set()
    for change in ordered:
        try:
            if change.id in known or change.id in seen:
                result.skipped += 1
                continue
            seen.add(change.id)
            try:
                remote = HLC.decode(change.hlc)
            except ClockError:
                raise MalformedChange("hlc is not a clock reading") from None
            last, warning = receive(last, remote, store_changes.wall_ms(me), me)
            if warning is not None and warning.message() not in result.warnings:
                result.warnings.append(warning.message())
            if _about(change) & erased:
                result.skipped += 1
                continue
            if check_policy:
                _check_author(actor, change)
            logged = _apply_one(session, actor, change, check_policy, scopes, erased, result)
            if logged:
                session.add(_log_row(change))
            result.applied += 1
            result.applied_ids.append(change.id)
        except (AccessDenied, MalformedChange, IntegrityError) as exc:
            exc.change_id = change.id  # type: ignore[attr-defined]
            raise
    if last is not None:
        store_changes.set_last_hlc(session, last)
    session.flush()


def _apply_one(session: Session, actor: Actor, change: Change, check_policy: bool, scopes: _Scopes,
               erased: set[str], result: ApplyResult) -> bool:
    """Materialise one change; returns whether its change-log row is to be written."""
    if change.action == "erase":
        if change.entity != "learner":
            raise MalformedChange("only a learner is erased")
        learner_id = _learner_by_token(session, change.entity_id)
        if check_policy:
            _require(actor, Action.PURGE, Target(Kind.LEARNER, learner_id=learner_id, row_id=learner_id,
                                                 class_scope=scopes(learner_id)))
        if learner_id is not None:
            erase_rows(session, learner_id)
            result.erased.append(str(learner_id))
        if change.entity_id not in erased and session.get(ErasedLearner, uuid.UUID(change.entity_id)) is None:
            session.add(ErasedLearner(token=uuid.UUID(change.entity_id), erased_by=_uuid(change.author_id),
                                      change_id=uuid.UUID(change.id)))
        erased.add(change.entity_id)
        scopes.forget()
        return True
    model = MODELS.get(change.entity)
    if model is None:
        raise MalformedChange(f"unknown entity {change.entity[:32]!r}")
    entity_id = uuid.UUID(change.entity_id)
    row = session.get(model, entity_id)
    if change.action == "create":
        values = _content(change, model)
        if _about(change, values) & erased:
            return False
        owner = values.get("learner_id") if model is not Learner else entity_id
        if model is not Account and model.__tablename__ not in SCHOOL and str(owner) != str(change.learner_id):
            raise MalformedChange("a create's learner is not the row's")
        if check_policy:
            _check_create(session, actor, change, model, values, scopes)
        if row is None:
            at = datetime.fromisoformat(change.at)
            new = model(**values, id=entity_id, created_at=at, updated_at=at, author_id=_uuid(change.author_id),
                        author_role=change.author_role)
            session.add(new)
            session.flush()
            _presence_seen(session, entity_id, change.hlc)
            if model is ClassMember:
                scopes.forget()
        return True
    if row is None:
        # an update, delete or restore of a row this store does not hold (out of its scope): kept in the log
        if check_policy and not actor.admin:
            raise AccessDenied(HIDDEN)
        return True
    if check_policy:
        _check_existing(session, actor, change, row, scopes)
    if change.action == "update":
        _update(session, change, model, row, result)
    elif change.action in ("delete", "restore"):
        current = _presence_hlc(session, entity_id)
        _presence_seen(session, entity_id, change.hlc)
        if merge.presence(current, change.hlc):
            when = datetime.fromisoformat(change.at)
            row.deleted_at = when if change.action == "delete" else None
            row.updated_at = when
            row.version += 1
            session.add(row)
    return True


def _update(session: Session, change: Change, model: type[Row], row: Row, result: ApplyResult) -> None:
    name = change.field or ""
    if name not in model.__table__.columns or name in _NEVER_UPDATED or name in SECRET_FIELDS:  # type: ignore[attr-defined]
        raise MalformedChange(f"{model.__tablename__} has no field {name[:64]!r} a change may set")
    stored = _field_state(session, row, name)
    outcome = merge.merge_field(model.__tablename__, name, stored,
                                merge.Write(change.old, change.new, change.hlc, change.author_role))
    if outcome.conflict:
        result.conflicts += 1
        if outcome.applies:
            kept = (change.new, uuid.UUID(change.id), change.hlc, _uuid(change.author_id), change.author_role,
                    change.device_id)
            lost_row = _writer(session, row.id, name, stored.hlc)
            lost = (stored.value, lost_row[0] if lost_row else uuid.uuid4(), stored.hlc,
                    lost_row[1] if lost_row else None, stored.author_role, lost_row[2] if lost_row else "")
        else:
            kept_row = _writer(session, row.id, name, stored.hlc)
            kept = (stored.value, kept_row[0] if kept_row else None, stored.hlc, kept_row[1] if kept_row else None,
                    stored.author_role, kept_row[2] if kept_row else "")
            lost = (change.new, uuid.UUID(change.id), change.hlc, _uuid(change.author_id), change.author_role,
                    change.device_id)
        if session.execute(select(SyncConflict.id).where(SyncConflict.lost_change_id == lost[1])).first() is None:
            session.add(SyncConflict(
                learner_id=access.owner_of(row), entity=model.__tablename__, entity_id=row.id, field=name,
                kept_value=kept[0], kept_change_id=kept[1], kept_hlc=kept[2], kept_author_id=kept[3],
                kept_author_role=kept[4], kept_device_id=kept[5], lost_value=lost[0], lost_change_id=lost[1],
                lost_hlc=lost[2], lost_author_id=lost[3], lost_author_role=lost[4], lost_device_id=lost[5]))
    if outcome.applies:
        setattr(row, name, _column_value(model, name, change.new))
        row.updated_at = datetime.fromisoformat(change.at)
        row.version += 1
        session.add(row)
        _set_clock(session, row, name, change.hlc, change.author_role)
    elif outcome.outcome is merge.Outcome.SAME and change.hlc > stored.hlc:
        _set_clock(session, row, name, change.hlc, change.author_role)
    elif stored.hlc and session.get(FieldClock, (row.id, name)) is None:
        _set_clock(session, row, name, stored.hlc, stored.author_role)


def _writer(session: Session, entity_id: uuid.UUID, field_name: str, hlc: str) -> tuple | None:
    """(change id, author id, device) of the write of a field with clock reading ``hlc``."""
    if not hlc:
        return None
    session.flush()
    return session.execute(select(ChangeLog.id, ChangeLog.author_id, ChangeLog.device_id).where(
        ChangeLog.entity_id == entity_id, ChangeLog.hlc == hlc)).first()


# ---- what a device may hold ------------------------------------------------------------------------------------
def visible_to(session: Session, actor: Actor, changes: Sequence[Change]) -> list[Change]:
    """The changes ``actor`` may read, by the access policy over the rows as this store holds them: an admin
    everything; a teacher the learners of their classes (all of them while a learner is in no class) and the
    school's structure; a learner their own profile without teacher-only rows, and their own account. Never a
    sign-in secret (they are never logged, and a create's content is stripped of them here too). An erasure
    goes to every staff account, and to the learner erased."""
    scopes = _Scopes(session)
    rows: dict[tuple[str, str], Row | None] = {}
    out = []
    for change in changes:
        if change.action == "erase":
            if actor.role is not Role.LEARNER or (
                    actor.learner_id is not None and str(erased_token(actor.learner_id)) == change.entity_id):
                out.append(change)
            continue
        model = MODELS.get(change.entity)
        if model is None:
            continue
        key = (change.entity, change.entity_id)
        if key not in rows:
            rows[key] = session.get(model, uuid.UUID(change.entity_id))
        row = rows[key]
        if row is None:
            continue
        if change.field in SECRET_FIELDS:
            continue
        if not decide(actor, Action.READ, _target(session, row, scopes)):
            continue
        if isinstance(row, ClassMember) and row.learner_id is not None:
            # a learner's place in a class goes only where the learner goes (it names them)
            learner = session.get(Learner, row.learner_id)
            if learner is None or not decide(actor, Action.READ, _target(session, learner, scopes)):
                continue
        out.append(_without_secrets(change))
    return out


def _without_secrets(change: Change) -> Change:
    if change.action != "create" or change.entity != "account" or not change.new:
        return change
    content = json.loads(change.new)
    if not SECRET_FIELDS & set(content):
        return change
    clean = {k: v for k, v in content.items() if k not in SECRET_FIELDS}
    return Change(**{**change.to_json(), "new": json.dumps(clean, ensure_ascii=False)})


def drop_out_of_scope(session: Session, learner_ids: Sequence[str]) -> int:
    """Remove every row (and the change log) of learners no longer in this device's scope; nothing is recorded
    as erased (they live on at the hub). Returns how many learners were there."""
    dropped = 0
    for learner_id in learner_ids:
        lid = uuid.UUID(str(learner_id))
        if session.get(Learner, lid) is not None:
            dropped += 1
        erase_rows(session, lid)
    session.flush()
    return dropped


def now_ms() -> int:
    return time.time_ns() // 1_000_000
