"""What changed since: a class feed of what learners wrote or changed, from change-log rows, grouped by learner
and naming the goal or section each change is in. Pure Python (rows in, lines out).

The change log is the one record of every change, whichever device made it, so a change that arrived from
another device is a row like any other here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

#: Entities that hang from a goal: the feed names the goal.
GOAL_CHILDREN = frozenset({"action_step", "evidence", "check_in", "goal_support"})
#: Entities of a learner's profile the feed shows (not sign-in accounts nor class memberships).
SHOWN = frozenset({"profile_entry", "backpack_item", "choice_option", "goal", "conference", "assessment",
                   "assessment_rating", "learner"}) | GOAL_CHILDREN
#: The words of a new row, in the first of these fields it has.
_WORDS = ("text", "statement", "name", "reflection", "notes")


@dataclass(frozen=True)
class ChangeRow:
    """One change-log row as the feed reads it."""

    learner_id: uuid.UUID
    at: datetime
    entity: str
    entity_id: uuid.UUID
    action: str
    field: str | None
    new_value: str | None
    device_id: str = ""


@dataclass(frozen=True)
class FeedLine:
    at: datetime
    entity: str
    action: str
    #: Where it is: ("goal", statement), ("section", section id) or ("area", entity) for the rest.
    place: tuple[str, str]
    #: The words written (a new row's text, an edit's new value); "" when there are none.
    words: str
    field: str | None = None
    device_id: str = ""


def words_of(row: ChangeRow) -> str:
    if row.new_value is None:
        return ""
    if row.action == "create":
        try:
            content = json.loads(row.new_value)
        except ValueError:
            return ""
        return next((str(content[k]) for k in _WORDS if content.get(k)), "")
    return row.new_value


def feed(rows: Iterable[ChangeRow], sections: Mapping[uuid.UUID, str], goal_of: Mapping[uuid.UUID, uuid.UUID],
         goals: Mapping[uuid.UUID, str]) -> dict[uuid.UUID, list[FeedLine]]:
    """``rows`` as each learner's lines, newest first. ``sections``: profile entry → its section; ``goal_of``:
    a step, evidence, check-in or support → its goal; ``goals``: goal → its statement (the latest)."""
    by_learner: dict[uuid.UUID, list[FeedLine]] = {}
    for row in rows:
        if row.entity not in SHOWN:
            continue
        if row.entity == "profile_entry":
            place = ("section", sections.get(row.entity_id, ""))
        elif row.entity == "goal":
            place = ("goal", goals.get(row.entity_id, ""))
        elif row.entity in GOAL_CHILDREN:
            place = ("goal", goals.get(goal_of.get(row.entity_id, uuid.UUID(int=0)), ""))
        else:
            place = ("area", row.entity)
        by_learner.setdefault(row.learner_id, []).append(
            FeedLine(row.at, row.entity, row.action, place, words_of(row), row.field, row.device_id))
    for lines in by_learner.values():
        lines.sort(key=lambda line: line.at, reverse=True)
    return by_learner


__all__ = ["GOAL_CHILDREN", "SHOWN", "ChangeRow", "FeedLine", "feed", "words_of"]
