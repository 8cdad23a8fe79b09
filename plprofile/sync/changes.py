"""The wire unit of sync: one change-log row as it travels between a device and the hub, and the functions
that read a store's outbox and apply foreign changes to it.

No network and no Qt: the hub and the bundles both call these with a SQLModel ``Session`` on their store.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

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


def outgoing(session, *, after_hlc: str | None = None, limit: int | None = None) -> list[Change]:  # noqa: ANN001
    """This store's change-log rows made on this device and not yet acknowledged, in HLC order."""
    raise NotImplementedError


def mark_acknowledged(session, ids: Sequence[str]) -> None:  # noqa: ANN001
    """Remember that the hub holds these changes: ``outgoing`` no longer offers them."""
    raise NotImplementedError


def apply(session, actor, changes: Sequence[Change], *, check_policy: bool = True) -> ApplyResult:  # noqa: ANN001
    """Apply foreign changes in one transaction (see the module docstring of ``plprofile.sync``)."""
    raise NotImplementedError


def visible_to(session, actor, changes: Sequence[Change]) -> list[Change]:  # noqa: ANN001
    """The changes ``actor`` may read."""
    raise NotImplementedError


def drop_out_of_scope(session, learner_ids: Sequence[str]) -> int:  # noqa: ANN001
    """Remove the rows (and change log) of learners no longer in this device's scope; returns rows removed."""
    raise NotImplementedError
