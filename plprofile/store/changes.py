"""The one path every write takes: the row and its change-log rows in the same transaction."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import time
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from plprofile.domain.hlc import HLC, ClockError, tick
from plprofile.domain.profile import Actor

from .models import ChangeLog, ErasedLearner, FieldClock, Meta, Row
from .spans import DERIVED
from .types import utcnow

#: Columns that are bookkeeping, not content: never logged as a change.
_BOOKKEEPING = {"id", "created_at", "updated_at", "author_id", "author_role", "version", "deleted_at"}
#: What ties a row to its learner and its parents, and what says who may read it: fixed once the row is made
#: (moving a row between learners is not an edit).
_FIXED = {"learner_id", "goal_id", "parent_id", "assessment_id", "backpack_item_id", "teacher_only", "blob_id"}


class StaleEditError(Exception):
    """The row changed since it was loaded; ``current`` holds the stored values."""

    def __init__(self, entity: str, current: dict[str, Any], attempted: dict[str, Any]) -> None:
        super().__init__(f"This {entity.replace('_', ' ')} was changed by someone else since you opened it.")
        self.entity = entity
        self.current = current
        self.attempted = attempted


class NotFoundError(LookupError):
    pass


def as_text(value: Any) -> str | None:
    """How a value is written into the change log."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):  # a kept file's piece or thumbnail: text for the change log and sync
        return base64.b64encode(value).decode("ascii")
    return str(value)


def _content(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.model_dump().items() if k not in _BOOKKEEPING and k not in DERIVED}


#: This device's latest clock reading is kept in ``meta`` under this key.
HLC_KEY = "hlc"
#: Per device id, milliseconds added to the wall clock: lets tests run devices whose clocks are wrong.
CLOCK_SKEW_MS: dict[str, int] = {}


def wall_ms(device_id: str) -> int:
    return time.time_ns() // 1_000_000 + CLOCK_SKEW_MS.get(device_id, 0)


def _clock(session: Session) -> Meta:
    """The ``meta`` row holding this device's latest reading, loaded once per session (identity map)."""
    meta = session.get(Meta, HLC_KEY)
    if meta is None:
        meta = Meta(key=HLC_KEY, value="")
        session.add(meta)
    return meta


def last_hlc(session: Session) -> HLC | None:
    value = _clock(session).value
    try:
        return HLC.decode(value) if value else None
    except ClockError:
        return None


def set_last_hlc(session: Session, reading: HLC) -> None:
    _clock(session).value = reading.encode()


def advance_last_hlc(session: Session, reading: HLC) -> None:
    """Move this store's clock to ``reading`` unless it is already past it. The clock's row is read again and
    locked first (``FOR UPDATE`` on a server; SQLite's writer holds the whole file anyway): on a hub several
    transactions receive changes side by side, and the clock never goes back."""
    from sqlalchemy import select

    session.flush()  # a reading this transaction has set already is the row's value
    meta = session.execute(select(Meta).where(Meta.key == HLC_KEY).with_for_update()
                           .execution_options(populate_existing=True)).scalar_one_or_none()
    if meta is None:
        meta = Meta(key=HLC_KEY, value="")
        session.add(meta)
    try:
        current = HLC.decode(meta.value) if meta.value else None
    except ClockError:
        current = None
    if current is None or reading > current:
        meta.value = reading.encode()


def advance_clock(session: Session, reading: HLC) -> None:
    """``advance_last_hlc`` in one statement, past the ORM (the session's ``meta`` rows are not refreshed):
    the row is written only when ``reading`` is later than what it holds, and a concurrent writer's later
    reading, committed first, stays (the database checks the condition again once the row is free)."""
    value = reading.encode()
    done = session.execute(_advance_clock(), {"reading": value})
    if done.rowcount == 0 and session.get(Meta, HLC_KEY) is None:
        session.add(Meta(key=HLC_KEY, value=value))


@functools.cache
def _advance_clock():  # noqa: ANN202
    """``advance_clock``'s statement, built once (a hub runs it on every push)."""
    from sqlalchemy import bindparam, update

    reading = bindparam("reading")
    return (update(Meta).where(Meta.key == HLC_KEY, Meta.value < reading).values(value=reading)
            .execution_options(synchronize_session=False))


def next_hlc(session: Session, device_id: str) -> str:
    """The clock reading for a change made now on this device (later than every change this store holds)."""
    reading = tick(last_hlc(session), wall_ms(device_id), device_id)
    set_last_hlc(session, reading)
    return reading.encode()


def _log(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None,
         action: str, field: str | None = None, old: Any = None, new: Any = None,
         at: datetime | None = None) -> None:
    reading = next_hlc(session, device_id)
    if field is not None:
        clock = session.get(FieldClock, (row.id, field))
        if clock is not None:  # sync merged a write of this field: this one is newer
            clock.hlc, clock.author_role = reading, str(actor.role)
    session.add(ChangeLog(
        at=at or utcnow(), hlc=reading, learner_id=learner_id, entity=row.__tablename__, entity_id=row.id, action=action, field=field,
        old_value=as_text(old), new_value=as_text(new), author_id=_uuid(actor.account_id),
        author_role=str(actor.role), device_id=device_id, signed_in_id=_uuid(actor.signed_in_id),
    ))


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


def create(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None,
           at: datetime | None = None) -> Row:
    """Insert ``row`` authored by ``actor`` and log its content (``at`` backdates both, for imports)."""
    if at is not None:
        row.created_at = row.updated_at = at
    row.author_id = _uuid(actor.account_id)
    row.author_role = str(actor.role)
    session.add(row)
    session.flush()  # parents reach the file before their children (the tables have no ORM relationships)
    content = {k: as_text(v) for k, v in _content(row).items() if v not in (None, "")}
    # the change's time is the row's: a copy made from the change (sync) has the same creation time
    _log(session, device_id, row, actor, learner_id, "create", new=json.dumps(content, ensure_ascii=False),
         at=at or row.created_at)
    return row


def create_many(session: Session, device_id: str, model: type[Row], values: Sequence[dict[str, Any]],
                actor: Actor, learner_ids: Sequence[uuid.UUID | None], at: datetime | None = None,
                ) -> list[dict[str, Any]]:
    """``create`` for many new rows of one table: the same column values and change-log rows, written with
    two batched inserts instead of one ORM flush per row. Returns the rows as inserted (ids included).

    ``values`` holds each row's content (an ``id`` may be given); ``learner_ids[i]`` is the learner row ``i``
    belongs to. The rows are not loaded into the session.
    """
    if len(values) != len(learner_ids):
        raise ValueError("one learner id per row is needed")
    defaults = _defaults(model)
    content_fields = [name for name in defaults if name not in _BOOKKEEPING]
    author_id, author_role = _uuid(actor.account_id), str(actor.role)
    rows: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    for given, learner_id in zip(values, learner_ids, strict=True):
        row = {name: (given[name] if name in given else factory() if factory else default)
               for name, (default, factory) in defaults.items()}
        if len(row) != len(given.keys() | defaults.keys()) or any(v is _MISSING for v in row.values()):
            wrong = sorted((given.keys() - defaults.keys()) | {k for k, v in row.items() if v is _MISSING})
            raise AttributeError(f"{model.__tablename__}: unknown or missing field {wrong[0]!r}")
        row["created_at"] = row["updated_at"] = at or utcnow()
        row["author_id"], row["author_role"] = author_id, author_role
        rows.append(row)
        content = {k: as_text(v) for k in content_fields if (v := row[k]) not in (None, "")}
        log.append({
            "id": uuid.uuid4(), "at": row["created_at"], "hlc": next_hlc(session, device_id), "learner_id": learner_id, "entity": model.__tablename__,
            "entity_id": row["id"], "action": "create", "field": None, "old_value": None,
            "new_value": json.dumps(content, ensure_ascii=False), "author_id": author_id,
            "author_role": author_role, "device_id": device_id, "signed_in_id": _uuid(actor.signed_in_id),
        })
    if rows:
        session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
        session.execute(insert(ChangeLog.__table__), log)  # type: ignore[attr-defined]
    return rows


_MISSING = object()


def _defaults(model: type[Row]) -> dict[str, tuple[Any, Any]]:
    """Each field of ``model`` in declaration order: (default, default factory); a required one has neither."""
    found = _DEFAULTS.get(model)
    if found is None:
        found = {}
        for name, info in model.model_fields.items():
            if info.default_factory is not None:
                found[name] = (None, info.default_factory)
            elif info.is_required():
                found[name] = (_MISSING, None)
            else:
                found[name] = (info.default, None)
        _DEFAULTS[model] = found
    return found


_DEFAULTS: dict[type[Row], dict[str, tuple[Any, Any]]] = {}


def update(session: Session, device_id: str, row: Row, changes: dict[str, Any], actor: Actor,
           learner_id: uuid.UUID | None, expected_version: int | None = None,
           at: datetime | None = None) -> bool:
    """Apply ``changes`` to ``row``, one change-log row per field that really changed.

    With ``expected_version`` the edit is refused (StaleEditError) when the stored row moved on.
    Returns whether anything changed.
    """
    if expected_version is not None and row.version != expected_version:
        raise StaleEditError(row.__tablename__, _content(row), changes)
    changed = False
    for field, new in changes.items():
        if field in _BOOKKEEPING or field in _FIXED or not hasattr(row, field):
            raise AttributeError(f"{row.__tablename__} has no editable field {field!r}")
        old = getattr(row, field)
        if old == new:
            continue
        setattr(row, field, new)
        _log(session, device_id, row, actor, learner_id, "update", field, old, new, at=at)
        changed = True
    if changed:
        row.updated_at = at or utcnow()
        row.version += 1
        session.add(row)
    return changed


def confirm(session: Session, device_id: str, row: Row, field: str, actor: Actor,
            learner_id: uuid.UUID | None) -> None:
    """Log that ``actor`` chose to keep ``field`` as it stands (a decision between two versions): an update whose
    old and new values are the same. Editing never writes one (``update`` skips unchanged values), so it marks
    the decision unmistakably wherever sync carries it; the value itself does not change."""
    value = getattr(row, field)
    _log(session, device_id, row, actor, learner_id, "update", field, value, value)


def soft_delete(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None) -> None:
    row.deleted_at = utcnow()
    row.updated_at = row.deleted_at
    row.version += 1
    session.add(row)
    _log(session, device_id, row, actor, learner_id, "delete", at=row.deleted_at)


def restore(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None) -> None:
    row.deleted_at = None
    row.updated_at = utcnow()
    row.version += 1
    session.add(row)
    _log(session, device_id, row, actor, learner_id, "restore", at=row.updated_at)


def erased_token(learner_id: uuid.UUID | str) -> uuid.UUID:
    """The one-way token an erasure keeps of a learner's id: the same on every store, never the id."""
    digest = hashlib.sha256(b"plprofile erased learner\0" + uuid.UUID(str(learner_id)).bytes).digest()
    return uuid.UUID(bytes=digest[:16])


def log_erase(session: Session, device_id: str, learner_id: uuid.UUID, actor: Actor) -> None:
    """Remember that the learner was erased and log it as an ``erase`` change, which sync carries to every
    other device and the hub. Call it in the transaction that deleted the learner's rows.

    Neither keeps the learner's id, only ``erased_token`` of it (as the change's ``entity_id``; its
    ``learner_id`` is empty): a store that holds the learner finds them by it, and the erased store keeps no
    byte of the id."""
    token = erased_token(learner_id)
    reading = next_hlc(session, device_id)
    change_id = uuid.uuid4()
    session.add(ChangeLog(
        id=change_id, hlc=reading, learner_id=None, entity="learner", entity_id=token, action="erase",
        author_id=_uuid(actor.account_id), author_role=str(actor.role), device_id=device_id,
        signed_in_id=_uuid(actor.signed_in_id)))
    if session.get(ErasedLearner, token) is None:
        session.add(ErasedLearner(token=token, erased_by=_uuid(actor.account_id), change_id=change_id))
