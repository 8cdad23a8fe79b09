"""The wire unit of sync: one change-log row as it travels between a device and the hub, and the functions
that read a store's outbox and apply foreign changes to it.

No network and no Qt: the hub and the bundles both call these with a SQLModel ``Session`` on their store.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, LargeBinary, Uuid, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from plprofile.domain import decisions, merge
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
    ConferenceRemark,
    ErasedLearner,
    Evidence,
    EvidenceBlob,
    EvidenceChunk,
    FamilyContact,
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
    StrategyCheck,
    StrategyUse,
    SyncConflict,
)
from plprofile.store.spans import refresh_spans
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
    #: The store's clock reading past every change applied (None when none was).
    clock: HLC | None = None



#: Every table a change can be about.
MODELS: dict[str, type[Row]] = {m.__tablename__: m for m in (  # type: ignore[misc]
    Learner, Account, Org, AcademicSession, SchoolClass, ClassMember, ProfileEntry, BackpackItem, ChoiceOption,
    Goal, ActionStep, GoalSupport, Evidence, CheckIn, Conference, Assessment, AssessmentRating,
    EvidenceBlob, EvidenceChunk,  # evidence files: a file's id is its content's, so it travels once
    ConferenceRemark, StrategyUse, StrategyCheck, FamilyContact, Question, QuestionAnswer)}
#: Tables whose changes stay on the device that made them (``outgoing`` never offers them): a teacher's own
#: week (the rota's cadence, the planned conference days, when they last read the feed) and the school's days
#: off are that device's planning, which the hub's policy has no rule for yet; a year's snapshot is taken by
#: each store's own year change. ``tests/sync/test_every_table_travels.py`` holds every table to one of the two.
LOCAL_ONLY = frozenset({"teacher_week", "conference_slot", "school_day_off", "year_snapshot"})
#: The school's structure (the policy's ``Kind.SCHOOL``).
SCHOOL = frozenset({"org", "academic_session", "school_class", "class_member"})
#: Tables whose every row belongs to one learner and whose unique keys never span two learners: a batch of
#: changes to these alone touches only its learners' rows (``learners_of``), so a hub applies such batches for
#: different learners side by side.
LEARNERS_OWN = frozenset(name for name, model in MODELS.items()
                         if "learner_id" in model.__table__.c and model is not Account and name not in SCHOOL)


def learners_of(changes: Sequence[Change]) -> list[str] | None:
    """The learners a batch is about when every change is a create, update, delete or restore of a
    learner's own row (``LEARNERS_OWN``), sorted; None when any change may touch more than its learner's rows
    (a learner, an account, the school's structure, an erasure). A hub holds a lock for each learner named
    here, or one for everything when None (``hub.store.push_lock``)."""
    found = set()
    for change in changes:
        if (change.entity not in LEARNERS_OWN or change.action not in ("create", "update", "delete", "restore")
                or not change.learner_id):
            return None
        found.add(change.learner_id)
    return sorted(found)


class OutsideHeld(Exception):
    """A change in a batch applied with ``held`` learners names a stored row of another learner: the caller
    applies the batch again holding everything (never a refusal: the policy still decides)."""
#: Sign-in secrets and lockout state: never taken from, nor sent to, another device (see the README: a
#: learner's PIN hash is peppered with a secret kept beside each store, so it means nothing elsewhere, and a
#: password hash is an offline-guessable copy of a password). Each device sets its own sign-in.
SECRET_FIELDS = frozenset({"secret_hash", "failed_attempts", "locked_until"})
#: Columns a change never sets: bookkeeping, what ties a row to its owner, derived values.
_NEVER_UPDATED = frozenset({"id", "created_at", "updated_at", "author_id", "author_role", "version",
                            "deleted_at", "learner_id", "goal_id", "parent_id", "assessment_id", "class_id",
                            "account_id", "backpack_item_id", "teacher_only", "overall", "next_on", "in_latest",
                            "blob_id"})
#: A conflict's field when one device removed the row while another changed that field's words.
REMOVED = decisions.REMOVED
#: ``meta`` key: the clock reading up to which the hub acknowledged this device's changes.
ACK_KEY = "sync_acknowledged"
#: ``meta`` key: this device's changes the hub refused, kept here and not offered again (JSON: change id ->
#: {"about": what they are about, "reason": the hub's reason}); see ``client.sync_round``.
HELD_KEY = "sync_held"
#: ``meta`` key: held changes a person chose to send again (JSON list of change ids): ``outgoing`` offers them
#: with the rest until the hub takes them (or refuses them again, and they are held again).
AGAIN_KEY = "sync_again"
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


def held(session: Session) -> dict[str, dict[str, str]]:
    """This device's changes the hub refused and that stay here (change id -> what about, the reason)."""
    meta = session.get(Meta, HELD_KEY)
    return json.loads(meta.value) if meta is not None and meta.value else {}


def hold(session: Session, found: dict[str, dict[str, str]]) -> None:
    """Keep the changes ``found`` (change id -> what about, the reason) here: ``outgoing`` no longer offers
    them, and the acknowledgement mark moves past them."""
    _set_json(session, HELD_KEY, {**held(session), **found})
    _set_json(session, AGAIN_KEY, [i for i in _again(session) if i not in found])


#: A held change's ``kind`` when the hub refused it (the others stay here by design: a paired laptop's own
#: sign-in account). Held before kinds were written, a refusal is the one that names its ``learner``.
REFUSED = "refused"


def refused_by_hub(item: dict[str, str]) -> bool:
    return item.get("kind", REFUSED if "learner" in item else "") == REFUSED


def held_groups(session: Session, *, refused_only: bool = False) -> list[tuple[str, str, int]]:
    """The held changes grouped: (what about, the reason, how many); only the hub's refusals with
    ``refused_only``."""
    groups: dict[tuple[str, str], int] = {}
    for item in held(session).values():
        if refused_only and not refused_by_hub(item):
            continue
        key = (item.get("about", ""), item.get("reason", ""))
        groups[key] = groups.get(key, 0) + 1
    return [(about, reason, n) for (about, reason), n in sorted(groups.items())]


def send_again(session: Session) -> int:
    """Offer the hub once more every change it refused (the reason may be gone: the teacher has the class
    again); returns how many. Those it refuses again are held again; what stays here by design stays."""
    kept = held(session)
    going = [i for i, item in kept.items() if refused_by_hub(item)]
    _set_json(session, AGAIN_KEY, sorted({*_again(session), *going}))
    _set_json(session, HELD_KEY, {i: item for i, item in kept.items() if i not in going})
    return len(going)


def learners_kept(session: Session) -> set[str]:
    """The learners this device keeps whatever its scope says: those of changes held here or sent again and
    not yet taken by the hub (nothing of them is lost while the hub does not have it)."""
    kept = {item["learner"] for item in held(session).values() if item.get("learner")}
    again = _again(session)
    if again:
        rows = session.execute(select(ChangeLog.learner_id, ChangeLog.entity, ChangeLog.entity_id)
                               .where(ChangeLog.id.in_([uuid.UUID(i) for i in again]))).all()
        kept |= {str(learner or entity_id) for learner, entity, entity_id in rows
                 if learner is not None or entity == "learner"}
    return kept


def _again(session: Session) -> list[str]:
    meta = session.get(Meta, AGAIN_KEY)
    return json.loads(meta.value) if meta is not None and meta.value else []


def _set_json(session: Session, key: str, value: Any) -> None:
    meta = session.get(Meta, key)
    if meta is None:
        session.add(Meta(key=key, value=json.dumps(value)))
    else:
        meta.value = json.dumps(value)
        session.add(meta)


def outgoing(session: Session, *, after_hlc: str | None = None, limit: int | None = None,
             again_too: bool = True) -> list[Change]:
    """This store's change-log rows made on this device and not yet acknowledged, in HLC order (without the
    changes the hub refused, which stay here: ``held``, unless a person chose to ``send_again``)."""
    after = max(acknowledged(session), after_hlc or "")
    stmt = (select(ChangeLog).where(ChangeLog.device_id == device_id(session), ChangeLog.hlc > after,
                                    ChangeLog.entity.not_in(LOCAL_ONLY))
            .order_by(ChangeLog.hlc))
    kept = held(session)
    if kept:
        stmt = stmt.where(ChangeLog.id.not_in([uuid.UUID(i) for i in kept]))
    if limit is not None:
        stmt = stmt.limit(limit)
    found = [_as_change(r) for r in session.execute(stmt).scalars()]
    again = _again(session) if again_too else []
    if not again:
        return found
    # held changes sent again: asked for by id (the acknowledgement mark may have moved past them), in their
    # place by clock; those still ahead of the mark are in ``found`` already
    rows = session.execute(select(ChangeLog).where(ChangeLog.id.in_([uuid.UUID(i) for i in again]),
                                                   ChangeLog.hlc <= after)).scalars()
    return sorted([_as_change(r) for r in rows] + found, key=lambda c: c.hlc)[:limit]


def everything(session: Session, *, learner_id: uuid.UUID | None = None) -> list[Change]:
    """Every change this store holds (whoever made it, but none of ``LOCAL_ONLY``), in HLC order; with
    ``learner_id``, only the changes about that learner (their rows and their account)."""
    stmt = select(ChangeLog).where(ChangeLog.entity.not_in(LOCAL_ONLY)).order_by(ChangeLog.hlc)
    if learner_id is not None:
        accounts = select(Account.id).where(Account.learner_id == learner_id)
        stmt = stmt.where(or_(ChangeLog.learner_id == learner_id, ChangeLog.entity_id.in_(accounts)))
    return [_as_change(r) for r in session.execute(stmt).scalars()]


def mark_acknowledged(session: Session, ids: Sequence[str]) -> int:
    """Remember that the hub holds the changes ``ids``: ``outgoing`` no longer offers them. The mark moves
    over this device's unacknowledged changes in HLC order while each is among ``ids`` (an id past a gap is
    offered again next time: pushing is idempotent). Returns how many changes the mark moved over."""
    wanted = {str(i) for i in ids}
    again = _again(session)
    if again:  # held changes sent again lie behind the mark: done once the hub has them
        _set_json(session, AGAIN_KEY, [i for i in again if i not in wanted])
    moved, mark = 0, acknowledged(session)
    for change in outgoing(session, again_too=False):
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
        if isinstance(kind, LargeBinary):  # a kept file's piece or thumbnail, as the change log writes it
            return base64.b64decode(text, validate=True)
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
    """``access.class_scope`` of each learner some changes touch: read one learner at a time when they are
    about a few learners (a learner's device pushes about one: three small queries, not the whole school's
    class lists), else for every learner at once (``access.class_scopes``: one query); read again after a
    batch changed a class's members."""

    #: Up to this many learners, each learner's is read on its own.
    ONE_BY_ONE = 4

    def __init__(self, session: Session, changes: Sequence[Change] = ()) -> None:
        self.session = session
        self.all: dict[uuid.UUID, frozenset[uuid.UUID]] | Any = None
        self.some: dict[uuid.UUID, frozenset[uuid.UUID] | Any] = {}
        self.few = len({c.learner_id for c in changes}) <= self.ONE_BY_ONE

    def __call__(self, learner_id: uuid.UUID | None) -> frozenset[uuid.UUID] | Any:
        if learner_id is None:
            return None
        if self.all is None:
            if learner_id in self.some:
                return self.some[learner_id]
            _flush(self.session)  # the batch's own class members count
            if self.few and len(self.some) < self.ONE_BY_ONE:
                found = self.some[learner_id] = access.class_scope(self.session, learner_id)
                return found
            self.all = access.class_scopes(self.session)
        if not isinstance(self.all, dict):
            return self.all  # ALL_STAFF: the school has no open class yet
        return self.all.get(learner_id, frozenset())

    def forget(self) -> None:
        self.all = None
        self.some.clear()


def _target(session: Session, row: Row, scopes: _Scopes) -> Target:
    if type(row).__tablename__ in SCHOOL:
        return Target(Kind.SCHOOL)
    hidden = None
    if isinstance(row, ProfileEntry) and not row.teacher_only and row.parent_id is not None:
        parent = _stored(session, ProfileEntry, row.parent_id)
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
    entity_id = uuid.UUID(change.entity_id)
    if model is Account:
        row = model(**values, id=entity_id, author_id=_uuid(change.author_id), author_role=change.author_role)
        if row.kind == "admin" and not actor.admin:
            raise AccessDenied(SCHOOL_ADMINS)  # a teacher's device cannot make a school admin (raise its own scope)
        target = access.target(row, class_scope=scopes(access.owner_of(row)))
        _require(actor, Action.CREATE, target)
        return
    # every other row is judged on its plain values (the row's defaults filled in), not a model object
    full = _with_defaults(model, values)
    owner = entity_id if model is Learner else full.get("learner_id")
    teacher_only = bool(full.get("teacher_only", False))
    if model is ProfileEntry and full.get("parent_id") is not None and not teacher_only:
        parent = _stored(session, ProfileEntry, full["parent_id"])
        teacher_only = bool(parent is not None and parent.teacher_only)
    role = change.author_role
    target = Target(kind=access.KIND_OF[model], learner_id=owner, row_id=entity_id,
                    author_id=_uuid(change.author_id),
                    author_role=Role(role) if role in (Role.LEARNER.value, Role.TEACHER.value) else None,
                    teacher_only=teacher_only, class_scope=scopes(owner))
    fields = set(values) & _RATING_VALUES if name == "assessment_rating" else ()
    if model is ProfileEntry and full.get("agreement") == "suggestion":
        _require(actor, Action.SUGGEST, target)
    else:
        _require(actor, Action.CREATE, target, fields)
    if values.get(SHARED_WITH_FAMILY):  # made already shared: the learner's say, as for a change of it
        _require(actor, Action.SHARE, target, [SHARED_WITH_FAMILY])
    _check_links(session, full, owner)


def _with_defaults(model: type[Row], values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with each missing field's default (a required field missing stays None: the insert refuses it)."""
    out = {}
    for name, (default, factory) in store_changes._defaults(model).items():
        if name in values:
            out[name] = values[name]
        elif factory is not None:
            out[name] = factory()
        else:
            out[name] = None if default is store_changes._MISSING else default
    return out


def _check_links(session: Session, values: dict[str, Any], owner: uuid.UUID | None) -> None:
    """A row hangs from rows of the same learner (a step from a goal, a rating from an assessment...)."""
    for column, parent_model in (("goal_id", Goal), ("assessment_id", Assessment), ("parent_id", ProfileEntry),
                                 ("backpack_item_id", BackpackItem), ("challenge_id", ProfileEntry),
                                 ("blob_id", EvidenceBlob), ("question_id", Question)):
        parent_id = values.get(column)
        if parent_id is None:
            continue
        parent = _stored(session, parent_model, parent_id)
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
class _Writer:
    """What a batch writes in bulk: the rows its creates make and every change-log row, kept in order and
    written with one ``executemany`` per run of one table whenever something must read the store (``_flush``),
    and at the end. ``present`` holds, per table, the ids among the batch's rows that the store already has
    (read with one query per table); ``pending`` the ids written here and not yet flushed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[tuple[type[Row], dict[str, Any], str]] = []
        self.log: list[dict[str, Any]] = []
        self.pending: dict[uuid.UUID, type[Row]] = {}
        self.present: dict[str, set[uuid.UUID]] = {}
        self.loaded: list[Row] = []  # rows the batch changes, held in the session's identity map

    def load(self, changes: Sequence[Change]) -> None:
        """Read, one query per table, which of the rows the batch names are here, and load those it changes."""
        by_table: dict[str, set[uuid.UUID]] = {}
        changed: dict[str, set[uuid.UUID]] = {}
        for change in changes:
            if change.entity in MODELS:
                entity_id = uuid.UUID(change.entity_id)
                by_table.setdefault(change.entity, set()).add(entity_id)
                if change.action != "create":
                    changed.setdefault(change.entity, set()).add(entity_id)
        self.present, self.loaded = {}, []
        for table, ids in by_table.items():
            model = MODELS[table]
            found: set[uuid.UUID] = set()
            ordered = sorted(ids)
            for i in range(0, len(ordered), 500):
                chunk = ordered[i:i + 500]
                if table in changed:
                    rows = self.session.execute(select(model).where(model.id.in_(chunk))).scalars().all()
                    self.loaded.extend(rows)
                    found |= {r.id for r in rows}
                else:
                    found |= set(self.session.execute(select(model.id).where(model.id.in_(chunk))).scalars())
            self.present[table] = found

    def exists(self, model: type[Row], entity_id: uuid.UUID) -> bool:
        table = model.__tablename__
        if entity_id in self.pending or entity_id in self.present.get(table, ()):
            return True
        if table not in self.present:  # not a row the batch named when it began
            self.flush()
            return self.session.get(model, entity_id) is not None
        return False

    def add_row(self, model: type[Row], values: dict[str, Any], change_id: str) -> None:
        self.rows.append((model, values, change_id))
        self.pending[values["id"]] = model

    def flush(self) -> None:
        self.session.flush()
        if not self.rows and not self.log:
            return
        rows, self.rows = self.rows, []
        try:
            learners: set[uuid.UUID] = set()
            assessments: set[uuid.UUID] = set()
            for model, group in itertools.groupby(rows, key=lambda r: r[0]):
                values = [r[1] for r in group]
                self.session.execute(insert(model.__table__), values)  # type: ignore[attr-defined]
                self.present.setdefault(model.__tablename__, set()).update(v["id"] for v in values)
                if model is Assessment or model is AssessmentRating:
                    learners.update(v["learner_id"] for v in values)
                    assessments.update(v["id"] if model is Assessment else v["assessment_id"] for v in values)
            if learners:  # written past the ORM: their derived columns (overall, next_on, in_latest), as a flush does
                refresh_spans(self.session.connection(), learners, assessments)
            if self.log:
                log, self.log = self.log, []
                self.session.execute(insert(ChangeLog.__table__), log)  # type: ignore[attr-defined]
        except IntegrityError as exc:
            exc.change_id = rows[0][2] if rows else None  # type: ignore[attr-defined]
            raise
        self.pending.clear()


def _flush(session: Session) -> None:
    """Flush the session, and first what the batch being applied writes in bulk."""
    writer = session.info.get("sync_writer")
    if writer is not None:
        writer.flush()
    else:
        session.flush()


def _stored(session: Session, model: type[Row], row_id: uuid.UUID) -> Row | None:
    """A stored row (a row the batch made and has not written yet is written first)."""
    writer = session.info.get("sync_writer")
    if writer is not None and row_id in writer.pending:
        writer.flush()
    return session.get(model, row_id)


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
    _flush(session)
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
    _flush(session)  # the batch's own change-log rows count too
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
        _flush(session)
        cache[entity_id] = session.execute(
            select(ChangeLog.hlc).where(ChangeLog.entity_id == entity_id,
                                        ChangeLog.action.in_(("create", "delete", "restore")))
            .order_by(ChangeLog.hlc.desc()).limit(1)).scalar() or ""
    return cache[entity_id]


def _presence_seen(session: Session, entity_id: uuid.UUID, hlc: str) -> None:
    cache = session.info.setdefault("sync_presence", {})
    if hlc > cache.get(entity_id, ""):
        cache[entity_id] = hlc


def _log_values(change: Change) -> dict[str, Any]:
    """A change's change-log row, as the column values an insert takes."""
    at = datetime.fromisoformat(change.at)
    if at.tzinfo is None:
        raise MalformedChange("at is not a UTC time")
    return {"id": uuid.UUID(change.id), "hlc": change.hlc, "at": at, "learner_id": _uuid(change.learner_id),
            "entity": change.entity, "entity_id": uuid.UUID(change.entity_id), "action": change.action,
            "field": change.field, "old_value": change.old, "new_value": change.new,
            "author_id": _uuid(change.author_id), "author_role": change.author_role, "device_id": change.device_id,
            "signed_in_id": _uuid(change.signed_in_id)}


def _log_row(change: Change) -> ChangeLog:
    return ChangeLog(**_log_values(change))


def erase_rows(session: Session, learner_id: uuid.UUID, *, keep_log: Iterable[uuid.UUID] = ()) -> None:
    """Delete every row about the learner (their rows, account, change log, conflicts, field clocks)."""
    _flush(session)
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


def apply(session: Session, actor: Actor, changes: Sequence[Change], *, check_policy: bool = True,
          held: Sequence[str] | None = None, savepoint: bool = True, clock: bool = True) -> ApplyResult:
    """Apply foreign changes: all of them, or (SyncRefused) none.

    Idempotent on ``Change.id``: a change this store already holds is skipped, and so is a change about a
    learner erased here. Each other change is written into this store's change log (history shows it, and
    the hub serves it on) and into the tables by the rules of ``domain.merge``: creates (a row already there
    is left as it is), per-field updates with conflicts kept in ``sync_conflict``, deletes and restores by
    clock, and erasures. The store's clock moves past each change (``domain.hlc.receive``), with a warning
    for a clock far ahead. With ``check_policy`` every change is first checked by the access policy as
    ``actor``, the account of the device that sent it: one refusal refuses the whole batch.

    The work runs in a savepoint of ``session``'s transaction: on any refusal nothing of the batch stays.
    The caller commits (``store.transaction()`` does). A caller whose transaction holds nothing else and is
    rolled back whole on any error (the hub's push) passes ``savepoint=False``: two statements fewer.

    ``held``: the learners whose rows the caller's transaction alone may write now (a hub applying batches
    side by side, see ``learners_of``); a change naming a stored row of any other learner raises
    ``OutsideHeld``. The store's clock is moved last, to the latest of its reading and the batch's; with
    ``clock=False`` it is left to the caller (``ApplyResult.clock``, see ``store.changes.advance_clock``): the
    clock's row is the one row every batch writes, and a hub moves it only once the batch is numbered.
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
        with (session.begin_nested() if savepoint else nullcontext()), session.no_autoflush:  # flushed where a
            # query must see the batch
            known = _known(session, ids)
            writer = session.info["sync_writer"] = _Writer(session)
            writer.load([c for c in ordered if c.id not in known])
            if held is not None:
                session.info["sync_held"] = frozenset(held)
            last = _apply_all(session, actor, ordered, known, check_policy, result)
            writer.flush()
            result.clock = last
            if last is not None and clock:
                store_changes.advance_last_hlc(session, last)
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
        session.info.pop("sync_writer", None)
        session.info.pop("sync_held", None)
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
               result: ApplyResult) -> HLC | None:
    """Apply each change not known yet; returns the store's clock reading past them all (not written yet)."""
    erased = _erased(session)
    scopes = _Scopes(session, ordered)
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
                session.info["sync_writer"].log.append(_log_values(change))
            result.applied += 1
            result.applied_ids.append(change.id)
        except (AccessDenied, MalformedChange, IntegrityError) as exc:
            if getattr(exc, "change_id", None) is None:  # a bulk write names the first change of its run
                exc.change_id = change.id  # type: ignore[attr-defined]
            raise
    _flush(session)
    return last


def _apply_one(session: Session, actor: Actor, change: Change, check_policy: bool, scopes: _Scopes,
               erased: set[str], result: ApplyResult) -> bool:
    """Materialise one change; returns whether its change-log row is to be written."""
    if change.action == "erase":
        if change.entity != "learner":
            raise MalformedChange("only a learner is erased")
        if change.learner_id:  # the token stands for them: an erasure names nobody, and reaches every device
            raise MalformedChange("an erasure names no learner")
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
        session.info["sync_writer"].present.clear()  # rows went: ask the store again
        return True
    model = MODELS.get(change.entity)
    if model is None:
        raise MalformedChange(f"unknown entity {change.entity[:32]!r}")
    entity_id = uuid.UUID(change.entity_id)
    writer: _Writer = session.info["sync_writer"]
    if change.action == "create":
        values = _content(change, model)
        if _about(change, values) & erased:
            return False
        owner = values.get("learner_id") if model is not Learner else entity_id
        if model is not Account and model.__tablename__ not in SCHOOL and str(owner) != str(change.learner_id):
            raise MalformedChange("a create's learner is not the row's")
        if check_policy:
            _check_create(session, actor, change, model, values, scopes)
        if model is not Account and model.__tablename__ not in SCHOOL:
            # a profile's row: written in bulk with the rows created next to it
            if not writer.exists(model, entity_id):
                at = datetime.fromisoformat(change.at)
                full = _with_defaults(model, values)
                full.update(id=entity_id, created_at=at, updated_at=at, author_id=_uuid(change.author_id),
                            author_role=change.author_role)
                writer.add_row(model, full, change.id)
                _presence_seen(session, entity_id, change.hlc)
            return True
        writer.flush()
        row = session.get(model, entity_id)
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
    row = _stored(session, model, entity_id)
    held = session.info.get("sync_held")
    if held is not None and row is not None and str(access.owner_of(row)) not in held:
        raise OutsideHeld(change.id)
    if row is None:
        # an update, delete or restore of a row this store does not hold (out of its scope): kept in the log
        if check_policy and not actor.admin:
            raise AccessDenied(HIDDEN)
        return True
    if check_policy:
        _check_existing(session, actor, change, row, scopes)
    if change.action == "update":
        removed_here = row.deleted_at is not None
        _update(session, change, model, row, result)
        if removed_here and merge.is_free_text(model.__tablename__, change.field or "") and change.old != change.new:
            _removed_while_changed(session, row, model, change.field or "", edit=change, result=result)
    elif change.action in ("delete", "restore"):
        current = _presence_hlc(session, entity_id)
        _presence_seen(session, entity_id, change.hlc)
        if merge.presence(current, change.hlc):
            when = datetime.fromisoformat(change.at)
            row.deleted_at = when if change.action == "delete" else None
            row.updated_at = when
            row.version += 1
            session.add(row)
            if change.action == "delete" and model.__tablename__ in merge.FREE_TEXT:
                for name in sorted(merge.FREE_TEXT[model.__tablename__]):
                    _removed_while_changed(session, row, model, name, removal=change, result=result)
    return True


def _removed_while_changed(session: Session, row: Row, model: type[Row], field_name: str, *,
                           edit: Change | None = None, removal: Change | None = None,
                           result: ApplyResult) -> None:
    """One device removed a row while another changed its words, neither knowing of the other: kept as a
    conflict for a person (``REMOVED`` + the field), the removal as the version in the profile and the change as
    the other one, so the words are not lost under a removal nobody chose over them.

    An edit arriving for a row removed here was made where the row was still there (a removed row cannot be
    edited), by a device that had not seen the removal. A removal arriving with a clock reading older than an
    edit made elsewhere had not seen that edit (a device's clock passes every reading it receives)."""
    _flush(session)
    if edit is not None:
        removal_row = session.execute(select(ChangeLog).where(
            ChangeLog.entity_id == row.id, ChangeLog.action == "delete").order_by(ChangeLog.hlc.desc())
            .limit(1)).scalars().first()
        if removal_row is None or removal_row.device_id == edit.device_id:
            return
        removed = (uuid.UUID(str(removal_row.id)), removal_row.hlc, removal_row.author_id, removal_row.author_role,
                   removal_row.device_id)
        changed = (edit.new, uuid.UUID(edit.id), edit.hlc, _uuid(edit.author_id), edit.author_role, edit.device_id)
    else:
        assert removal is not None
        found = session.execute(select(ChangeLog).where(
            ChangeLog.entity_id == row.id, ChangeLog.action == "update", ChangeLog.field == field_name,
            ChangeLog.hlc > removal.hlc, ChangeLog.device_id != removal.device_id,
            ChangeLog.old_value.is_distinct_from(ChangeLog.new_value)).order_by(ChangeLog.hlc.desc())
            .limit(1)).scalars().first()
        if found is None:
            return
        removed = (uuid.UUID(removal.id), removal.hlc, _uuid(removal.author_id), removal.author_role,
                   removal.device_id)
        changed = (found.new_value, found.id, found.hlc, found.author_id, found.author_role, found.device_id)
    # its own key, so that the same edit can also lose a merge of words (a conflict of its own, kept too)
    key = uuid.uuid5(uuid.NAMESPACE_OID, f"{REMOVED}{changed[1]}")
    if session.execute(select(SyncConflict.id).where(SyncConflict.lost_change_id == key)).first() is not None:
        return
    result.conflicts += 1
    session.add(SyncConflict(
        learner_id=access.owner_of(row), entity=model.__tablename__, entity_id=row.id,
        field=REMOVED + field_name, kept_value=None, kept_change_id=removed[0], kept_hlc=removed[1],
        kept_author_id=removed[2], kept_author_role=removed[3], kept_device_id=removed[4], lost_value=changed[0],
        lost_change_id=key, lost_hlc=changed[2], lost_author_id=changed[3], lost_author_role=changed[4],
        lost_device_id=changed[5]))


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
    _flush(session)
    return session.execute(select(ChangeLog.id, ChangeLog.author_id, ChangeLog.device_id).where(
        ChangeLog.entity_id == entity_id, ChangeLog.hlc == hlc)).first()


# ---- what a device may hold ------------------------------------------------------------------------------------
def visible_to(session: Session, actor: Actor, changes: Sequence[Change]) -> list[Change]:
    """The changes ``actor`` may read, by the access policy over the rows as this store holds them: an admin
    everything; a teacher the learners of their classes (all of them while a learner is in no class) and the
    school's structure; a learner their own profile without teacher-only rows, and their own account. Never a
    sign-in secret (they are never logged, and a create's content is stripped of them here too). An erasure
    goes to every staff account, and to the learner erased.

    The rows are read once, one query per table and only the columns the policy looks at; who teaches each
    learner is read once (``access.class_scopes``); the policy then decides on those plain values."""
    scopes = _Scopes(session, changes)
    facts = _Facts(session, changes)
    out = []
    for change in changes:
        if change.action == "erase":
            if actor.role is not Role.LEARNER or (
                    actor.learner_id is not None and str(erased_token(actor.learner_id)) == change.entity_id):
                out.append(change)
            continue
        if change.entity not in MODELS or change.field in SECRET_FIELDS:
            continue
        target = facts.target(change.entity, uuid.UUID(change.entity_id), scopes)
        if target is None or not decide(actor, Action.READ, target):
            continue
        if change.entity == "class_member":
            # a learner's place in a class goes only where the learner goes (it names them)
            learner_id = facts.values("class_member", uuid.UUID(change.entity_id)).get("learner_id")
            if learner_id is not None:
                learner = facts.target("learner", learner_id, scopes)
                if learner is None or not decide(actor, Action.READ, learner):
                    continue
        out.append(_without_secrets(change))
    return out


class _Facts:
    """What the policy needs to know of the rows some changes name, read with one query per table: owner,
    author, teacher-only (and a suggestion's parent's), an account's kind, a class member's learner."""

    _COLUMNS = ("id", "author_id", "author_role", "learner_id", "teacher_only", "parent_id", "kind")

    def __init__(self, session: Session, changes: Sequence[Change]) -> None:
        self.session = session
        self.rows: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
        wanted: dict[str, set[uuid.UUID]] = {}
        for change in changes:
            if change.entity in MODELS and change.action != "erase":
                wanted.setdefault(change.entity, set()).add(uuid.UUID(change.entity_id))
        for table, ids in wanted.items():
            self._read(table, ids)
        members = self.rows.get("class_member", {})
        self._read("learner", {v["learner_id"] for v in members.values() if v.get("learner_id") is not None})
        entries = self.rows.get("profile_entry", {})
        self._read("profile_entry", {v["parent_id"] for v in entries.values()
                                     if v.get("parent_id") is not None and not v.get("teacher_only")})

    def _read(self, table: str, ids: set[uuid.UUID]) -> None:
        model = MODELS[table]
        known = self.rows.setdefault(table, {})
        missing = sorted(ids - known.keys())
        table_columns = model.__table__.columns  # type: ignore[attr-defined]
        columns = [table_columns[c] for c in self._COLUMNS if c in table_columns]
        for i in range(0, len(missing), 500):
            for row in self.session.execute(select(*columns).where(table_columns["id"].in_(missing[i:i + 500]))):
                known[row.id] = row._asdict()

    def values(self, table: str, row_id: uuid.UUID) -> dict[str, Any]:
        return self.rows.get(table, {}).get(row_id) or {}

    def target(self, table: str, row_id: uuid.UUID, scopes: _Scopes) -> Target | None:
        values = self.rows.get(table, {}).get(row_id)
        if values is None:
            self._read(table, {row_id})
            values = self.rows[table].get(row_id)
            if values is None:
                return None
        if table in SCHOOL:
            return Target(Kind.SCHOOL)
        if table == "account" and values.get("kind") in access.STAFF_KINDS:
            row = self.session.get(Account, row_id)  # whether it is the last staff account: the store says
            return access.stored_target(self.session, row) if row is not None else None
        owner = row_id if table == "learner" else values.get("learner_id")
        teacher_only = bool(values.get("teacher_only", False))
        if table == "profile_entry" and not teacher_only and values.get("parent_id") is not None:
            parent = self.values("profile_entry", values["parent_id"])
            if not parent:
                self._read("profile_entry", {values["parent_id"]})
                parent = self.values("profile_entry", values["parent_id"])
            teacher_only = bool(parent.get("teacher_only", False))
        role = values.get("author_role")
        return Target(kind=access.KIND_OF[MODELS[table]], learner_id=owner, row_id=row_id,
                      author_id=values.get("author_id"),
                      author_role=Role(role) if role in (Role.LEARNER.value, Role.TEACHER.value) else None,
                      teacher_only=teacher_only, account_kind=values.get("kind") if table == "account" else None,
                      class_scope=scopes(owner))


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
