"""How a change from another device meets what this store holds: the same pure function on the hub and on
every device, so that all of them end with the same values whatever order changes arrive in.

Per field, not per row. A write names the value it replaced (``old``) and its clock reading (``hlc``):

* **fast-forward**: ``old`` is the value stored and the write is newer than the stored value's write: it
  simply applies.
* **concurrent** (anything else): the two writes were made without seeing each other. The winner is
  deterministic: on a free-text field (``FREE_TEXT``) a learner's write beats a teacher's or an admin's
  (the learner's own words are never overwritten by a teacher's edit: the teacher's version is kept as a
  conflict, as a suggestion would be); otherwise, and between writes of the same side, the newer clock
  reading wins. On a free-text field the losing value is recorded as a conflict for a person to resolve:
  never silently lost. On other fields (dates, a status, a number) the older value simply gives way.
* A write of the value already stored changes nothing and is no conflict.
* Rows: creates never collide (ids are UUIDs; a row already there makes the create a no-op). Deletes are
  tombstones; a delete and a restore of the same row: the newer clock reading stands (``presence``).
  Assessments, their ratings and check-ins are insert-only: an update of them is never applied and never a
  conflict.

Pure Python: no SQL, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: The learner's and teacher's words: a concurrent edit of these keeps both (the loser as a conflict).
FREE_TEXT: dict[str, frozenset[str]] = {
    "profile_entry": frozenset({"text"}),
    "goal": frozenset({"statement", "why"}),
    "action_step": frozenset({"text"}),
    "backpack_item": frozenset({"name", "how_it_helps"}),
    "choice_option": frozenset({"text"}),
    "evidence": frozenset({"text"}),
    "conference": frozenset({"participants", "notes", "agreements"}),
}
#: Rows made once and never edited.
INSERT_ONLY = frozenset({"assessment", "assessment_rating", "check_in", "question_answer"})
#: The one field an insert-only row's author may still change: who sees it (the learner's say).
SHARING_FIELD = "shared_with_family"
LEARNER = "learner"


class Outcome(StrEnum):
    FAST_FORWARD = "fast_forward"  # the write applies
    SAME = "same"  # the value is already stored: nothing to do
    INCOMING_WINS = "incoming_wins"  # concurrent; the write applies
    STORED_WINS = "stored_wins"  # concurrent; the stored value stays
    IGNORED = "ignored"  # an insert-only row: never edited


@dataclass(frozen=True)
class FieldState:
    """A field as stored: its value (as text, as the change log writes it), the clock reading of the write
    that set it ("" when unknown: older than every reading) and that write's author role."""

    value: str | None
    hlc: str = ""
    author_role: str = ""


@dataclass(frozen=True)
class Write:
    old: str | None
    new: str | None
    hlc: str
    author_role: str


@dataclass(frozen=True)
class Merge:
    outcome: Outcome
    #: Whether the losing value is kept as a conflict (a free-text field's concurrent writes).
    conflict: bool = False

    @property
    def applies(self) -> bool:
        return self.outcome in (Outcome.FAST_FORWARD, Outcome.INCOMING_WINS)


def is_free_text(entity: str, field: str) -> bool:
    return field in FREE_TEXT.get(entity, ())


def _key(entity: str, field: str, role: str, hlc: str) -> tuple[int, str]:
    rank = 1 if is_free_text(entity, field) and role == LEARNER else 0
    return rank, hlc


def merge_field(entity: str, field: str, stored: FieldState, incoming: Write) -> Merge:
    """What to do with ``incoming`` (an update of ``entity``.``field``) given the field as ``stored``."""
    if entity in INSERT_ONLY and field != SHARING_FIELD:
        return Merge(Outcome.IGNORED)
    if incoming.new == stored.value:
        return Merge(Outcome.SAME)
    if incoming.old == stored.value and incoming.hlc > stored.hlc:
        return Merge(Outcome.FAST_FORWARD)
    text = is_free_text(entity, field)
    wins = _key(entity, field, incoming.author_role, incoming.hlc) > _key(entity, field, stored.author_role,
                                                                          stored.hlc)
    return Merge(Outcome.INCOMING_WINS if wins else Outcome.STORED_WINS, conflict=text)


def presence(stored_hlc: str, incoming_hlc: str) -> bool:
    """Whether a delete or restore with reading ``incoming_hlc`` decides a row whose last create, delete or
    restore had ``stored_hlc``: the newer one stands."""
    return incoming_hlc > stored_hlc
