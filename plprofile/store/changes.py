"""The one path every write takes: the row and its change-log rows in the same transaction."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from plprofile.domain.profile import Actor

from .models import ChangeLog, Row
from .types import utcnow

#: Columns that are bookkeeping, not content: never logged as a change.
_BOOKKEEPING = {"id", "created_at", "updated_at", "author_id", "author_role", "version", "deleted_at"}


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
    return str(value)


def _content(row: Row) -> dict[str, Any]:
    return {k: v for k, v in row.model_dump().items() if k not in _BOOKKEEPING}


def _log(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None,
         action: str, field: str | None = None, old: Any = None, new: Any = None,
         at: datetime | None = None) -> None:
    session.add(ChangeLog(
        at=at or utcnow(), learner_id=learner_id, entity=row.__tablename__, entity_id=row.id, action=action, field=field,
        old_value=as_text(old), new_value=as_text(new), author_id=_uuid(actor.account_id),
        author_role=str(actor.role), device_id=device_id,
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
    _log(session, device_id, row, actor, learner_id, "create", new=json.dumps(content, ensure_ascii=False), at=at)
    return row


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
        if field in _BOOKKEEPING or not hasattr(row, field):
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


def soft_delete(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None) -> None:
    row.deleted_at = utcnow()
    row.updated_at = row.deleted_at
    row.version += 1
    session.add(row)
    _log(session, device_id, row, actor, learner_id, "delete")


def restore(session: Session, device_id: str, row: Row, actor: Actor, learner_id: uuid.UUID | None) -> None:
    row.deleted_at = None
    row.updated_at = utcnow()
    row.version += 1
    session.add(row)
    _log(session, device_id, row, actor, learner_id, "restore")
