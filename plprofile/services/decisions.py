"""Needs a decision: the two versions of a text that two devices wrote at once (kept by sync's merge in
``sync_conflict``), shown to the person who decides, and settled by an ordinary change that syncs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlmodel import Session

from plprofile.domain import decisions, merge
from plprofile.domain.hlc import HLC, ClockError
from plprofile.domain.policy import Action, Kind, decide
from plprofile.domain.profile import MAX_ENTRY_CHARS, Actor, Role, ValidationError, clean_text
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import (
    Account,
    ActionStep,
    BackpackItem,
    ChangeLog,
    ChoiceOption,
    Conference,
    Evidence,
    Goal,
    Learner,
    ProfileEntry,
    Row,
    SyncConflict,
)
from plprofile.store.types import utcnow

from . import access
from .access import actor_first

Choice = decisions.Choice
REMOVED = decisions.REMOVED

#: The rows whose words can be in conflict (``domain.merge.FREE_TEXT``).
MODELS: dict[str, type[Row]] = {m.__tablename__: m for m in (  # type: ignore[misc]
    ProfileEntry, Goal, ActionStep, BackpackItem, ChoiceOption, Evidence, Conference)}
assert set(MODELS) == set(merge.FREE_TEXT)
#: The longest text each field holds (as the profile's own edits allow).
_LIMITS = {"conference": 10_000}


@dataclass(frozen=True)
class Version:
    """One of the two versions: its words, who wrote it and when, and whether on this device."""

    text: str
    author_id: uuid.UUID | None
    author_name: str
    author_role: str  # "learner", "teacher" or "" when not known
    written_at: datetime | None
    on_this_device: bool


@dataclass(frozen=True)
class Conflict:
    """One open disagreement, as the *Needs a decision* list shows it (a view: no session behind it)."""

    id: uuid.UUID
    learner_id: uuid.UUID
    learner_name: str
    entity: str  # "profile_entry", "goal" … (the UI names it in people's words)
    field: str
    #: A profile entry's section ("strengths" …); "" for other rows.
    section: str
    #: What the row hangs from, to place it: a step's or evidence's goal statement; "" otherwise.
    context: str
    current: Version  # the version the profile holds now
    other: Version  # the version that lost the merge
    #: Whether the actor may decide it (the learner for their own words, a teacher for a teacher's).
    may_decide: bool
    #: One device removed the row while another changed these words: ``current`` is the removal (no words),
    #: ``other`` the change; the choices are *remove it* (``Choice.THIS``) and *keep it* (``Choice.OTHER``).
    removed: bool = False


@actor_first
class DecisionService:
    """The *Needs a decision* list and its three answers."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def open_conflicts(self, actor: Actor, learner_id: uuid.UUID | None = None) -> list[Conflict]:
        """Open conflicts ``actor`` may read: of one learner, or of every learner they see (a learner: their
        own). Never one about a row the actor may not read (a teacher-only note stays hidden from a learner)."""
        with self.store.session() as s:
            if learner_id is not None:
                access.require_learner_rows(s, actor, learner_id, Kind.HISTORY)
            elif actor.role is Role.LEARNER:
                learner_id = actor.learner_id
            return [c for c in self._open(s, actor, learner_id)]

    def open_count(self, actor: Actor, learner_id: uuid.UUID | None = None) -> int:
        """How many open conflicts ``actor`` may decide (the status bar shows it; 0 for nobody's to decide)."""
        with self.store.session() as s:
            if learner_id is not None:
                access.require_learner_rows(s, actor, learner_id, Kind.HISTORY)
            elif actor.role is Role.LEARNER:
                learner_id = actor.learner_id
            return sum(1 for c in self._open(s, actor, learner_id) if c.may_decide)

    def resolve(self, actor: Actor, conflict_id: uuid.UUID, choice: Choice, seen: str | None = None) -> str:
        """Settle a conflict: keep the version in the profile, take the other or keep both (joined). The new
        words are written as an ordinary edit (change log, synced); the conflict is marked decided, in the same
        transaction. ``seen``: the words shown as the profile's version (StaleEditError if they moved on).
        Returns the field's words now."""
        choice = Choice(choice)
        with self.store.transaction() as s:
            conflict = s.get(SyncConflict, conflict_id)
            if conflict is None or conflict.entity not in MODELS:
                raise changes.NotFoundError(f"conflict {conflict_id} not found")
            if conflict.field.startswith(REMOVED):
                return self._resolve_removal(s, actor, conflict, choice)
            row = s.get(MODELS[conflict.entity], conflict.entity_id)
            if row is None or row.deleted_at is not None:
                raise changes.NotFoundError(f"conflict {conflict_id} not found")
            access.check(s, actor, Action.READ, row)
            access.check(s, actor, Action.RESOLVE, row)
            current = changes.as_text(getattr(row, conflict.field)) or ""
            if conflict.resolved_at is not None or self._settled(s, conflict, current):
                raise ValidationError("conflict", "already_decided")
            if seen is not None and seen != current:  # the message shows the saved words and the ones meant
                meant = decisions.chosen(choice, conflict.entity, conflict.field, seen, conflict.lost_value)
                raise changes.StaleEditError(conflict.entity, {conflict.field: current}, {conflict.field: meant})
            words = decisions.chosen(choice, conflict.entity, conflict.field, current, conflict.lost_value)
            limit = _LIMITS.get(conflict.entity, MAX_ENTRY_CHARS)
            words = clean_text(words, field=conflict.field, required=False, limit=limit) if words else words
            access.check(s, actor, Action.UPDATE, row, [conflict.field])
            if words == current:  # nothing to change: the decision itself is logged, so that it syncs too
                changes.confirm(s, self.store.device_id, row, conflict.field, actor, access.owner_of(row))
            else:
                changes.update(s, self.store.device_id, row, {conflict.field: words}, actor, access.owner_of(row))
            conflict.resolved_at = utcnow()
            conflict.resolved_by = actor.account_id
            s.add(conflict)
            return words

    def _resolve_removal(self, s: Session, actor: Actor, conflict: SyncConflict, choice: Choice) -> str:
        """Removed on one device, changed on another: *keep it* brings the row back with the changed words;
        *remove it* removes it again (a removal made after both, so that devices holding the same disagreement
        stop asking). Both are ordinary logged changes that sync."""
        name = conflict.field.removeprefix(REMOVED)
        row = s.get(MODELS[conflict.entity], conflict.entity_id)
        if row is None:
            raise changes.NotFoundError(f"conflict {conflict.id} not found")
        access.check(s, actor, Action.READ, row)
        access.check(s, actor, Action.RESOLVE, row)
        if conflict.resolved_at is not None or self._removal_settled(s, conflict, row):
            raise ValidationError("conflict", "already_decided")
        owner = access.owner_of(row)
        if choice is Choice.THIS:  # remove it
            changes.soft_delete(s, self.store.device_id, row, actor, owner)
            words = ""
        elif choice is Choice.OTHER:  # keep it, with the changed words
            changes.restore(s, self.store.device_id, row, actor, owner)
            words = conflict.lost_value or ""
            if (changes.as_text(getattr(row, name)) or "") != words:
                access.check(s, actor, Action.UPDATE, row, [name])
                changes.update(s, self.store.device_id, row, {name: words}, actor, owner)
        else:
            raise ValidationError("conflict", "already_decided")
        conflict.resolved_at = utcnow()
        conflict.resolved_by = actor.account_id
        s.add(conflict)
        return words

    @staticmethod
    def _removal_settled(s: Session, conflict: SyncConflict, row: Row) -> bool:
        """Decided on another device: the row is back, or removed again after both."""
        if row.deleted_at is None:
            return True
        again = s.execute(select(ChangeLog.id).where(
            ChangeLog.entity_id == conflict.entity_id, ChangeLog.action == "delete",
            ChangeLog.hlc > max(conflict.kept_hlc, conflict.lost_hlc)).limit(1)).first()
        return again is not None

    # ---- reading --------------------------------------------------------------------------------------------
    def _open(self, s: Session, actor: Actor, learner_id: uuid.UUID | None) -> list[Conflict]:
        stmt = select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.created_at)
        if learner_id is not None:
            stmt = stmt.where(SyncConflict.learner_id == learner_id)
        found: list[Conflict] = []
        names: dict[uuid.UUID | None, str] = {}
        for conflict in s.execute(stmt).scalars():
            model = MODELS.get(conflict.entity)
            row = s.get(model, conflict.entity_id) if model is not None else None
            if row is not None and conflict.field.startswith(REMOVED):
                if not self._removal_settled(s, conflict, row):
                    found += self._removal(s, actor, conflict, row, names)
                continue
            if row is None or row.deleted_at is not None:
                continue
            target = access.stored_target(s, row)
            if not decide(actor, Action.READ, target):
                continue
            current = changes.as_text(getattr(row, conflict.field)) or ""
            if self._settled(s, conflict, current):
                continue
            may = bool(decide(actor, Action.RESOLVE, target) and decide(actor, Action.UPDATE, target,
                                                                         [conflict.field]))
            found.append(Conflict(
                id=conflict.id, learner_id=access.owner_of(row), learner_name=self._learner(s, access.owner_of(row)),
                entity=conflict.entity, field=conflict.field, section=getattr(row, "section", "") or "",
                context=self._context(s, row), current=self._now(s, conflict, row, current, names),
                other=self._version(s, conflict.lost_value or "", conflict.lost_author_id, conflict.lost_author_role,
                                    conflict.lost_hlc, conflict.lost_device_id, names),
                may_decide=may))
        return found

    def _removal(self, s: Session, actor: Actor, conflict: SyncConflict, row: Row,
                 names: dict[uuid.UUID | None, str]) -> list[Conflict]:
        target = access.stored_target(s, row)
        if not decide(actor, Action.READ, target):
            return []
        may = bool(decide(actor, Action.RESOLVE, target))
        owner = access.owner_of(row)
        return [Conflict(
            id=conflict.id, learner_id=owner, learner_name=self._learner(s, owner), entity=conflict.entity,
            field=conflict.field.removeprefix(REMOVED), section=getattr(row, "section", "") or "",
            context=self._context(s, row),
            current=self._version(s, "", conflict.kept_author_id, conflict.kept_author_role, conflict.kept_hlc,
                                  conflict.kept_device_id, names),
            other=self._version(s, conflict.lost_value or "", conflict.lost_author_id, conflict.lost_author_role,
                                conflict.lost_hlc, conflict.lost_device_id, names),
            may_decide=may, removed=True)]

    @staticmethod
    def _settled(s: Session, conflict: SyncConflict, current: str) -> bool:
        """Decided on another device: the field holds the other version or both joined, or a decision to keep it
        as it stands arrived (a change that keeps the value, made after both versions)."""
        if decisions.settled(conflict.entity, conflict.field, current, conflict.kept_value, conflict.lost_value):
            return True
        kept = s.execute(select(ChangeLog.id).where(
            ChangeLog.entity_id == conflict.entity_id, ChangeLog.field == conflict.field,
            ChangeLog.action == "update", ChangeLog.old_value == ChangeLog.new_value,
            ChangeLog.hlc > max(conflict.kept_hlc, conflict.lost_hlc)).limit(1)).first()
        return kept is not None

    def _now(self, s: Session, conflict: SyncConflict, row: Row, current: str,
             names: dict[uuid.UUID | None, str]) -> Version:
        """The profile's version: the write that won the merge, or the one after it that set the words now."""
        if current == (conflict.kept_value or ""):
            return self._version(s, current, conflict.kept_author_id, conflict.kept_author_role, conflict.kept_hlc,
                                 conflict.kept_device_id, names)
        last = s.execute(select(ChangeLog).where(ChangeLog.entity_id == row.id, ChangeLog.field == conflict.field)
                         .order_by(ChangeLog.hlc.desc()).limit(1)).scalars().first()
        if last is None:
            return Version(current, None, "", "", None, False)
        return self._version(s, current, last.author_id, last.author_role, last.hlc, last.device_id, names)

    def _version(self, s: Session, text: str, author_id: uuid.UUID | None, role: str, hlc: str, device: str,
                 names: dict[uuid.UUID | None, str]) -> Version:
        if author_id not in names:
            account = s.get(Account, author_id) if author_id is not None else None
            names[author_id] = account.display_name if account is not None else ""
        return Version(text, author_id, names[author_id], role if role in (Role.LEARNER.value, Role.TEACHER.value) else "",
                       _when(hlc), device == self.store.device_id)

    @staticmethod
    def _learner(s: Session, learner_id: uuid.UUID | None) -> str:
        learner = s.get(Learner, learner_id) if learner_id is not None else None
        if learner is None:
            return ""
        return f"{learner.preferred_name or learner.given_name} {learner.family_name}".strip()

    @staticmethod
    def _context(s: Session, row: Row) -> str:
        goal_id = getattr(row, "goal_id", None)
        if goal_id is not None:
            goal = s.get(Goal, goal_id)
            return goal.statement if goal is not None else ""
        return ""


def _when(hlc: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(HLC.decode(hlc).ms / 1000, UTC) if hlc else None
    except (ClockError, ValueError, OverflowError):
        return None


__all__ = ["Choice", "Conflict", "DecisionService", "Version"]
