"""Use cases for learners and their co-designed profiles. Every write is one transaction with its change log."""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import delete, func, or_, select
from sqlmodel import Session

from plprofile.domain import policy
from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied, Action, Kind, Target, require
from plprofile.domain.profile import Actor, Agreement, Role, ValidationError, clean_text
from plprofile.domain.roster import RosterRow
from plprofile.domain.search import learner_key
from plprofile.store import batches, changes
from plprofile.store.engine import Store
from plprofile.store.models import (
    FAMILY_SHAREABLE,
    LEARNER_OWNED,
    SHARED_WITH_FAMILY,
    Account,
    ActionStep,
    BackpackItem,
    ChangeLog,
    CheckIn,
    ChoiceOption,
    ClassMember,
    Conference,
    ConferenceRemark,
    Evidence,
    FieldClock,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
    Row,
    SchoolClass,
    SyncConflict,
)

from . import access
from .access import actor_first, check, require_class
from .shown import VIEW_OF, model_of, view_of
from .views import (
    AccountInfo,
    BackpackView,
    ChangeView,
    CheckInView,
    ChoiceView,
    ConferenceView,
    EntryView,
    EvidenceView,
    GoalInfo,
    GoalView,
    LearnerInfo,
    ProfileView,
    StepView,
)

R = TypeVar("R", bound=Row)

#: How many learners a roster import writes per batch (and between two progress reports).
IMPORT_BATCH = 500


@dataclass(frozen=True)
class LearnerSummary:
    """One row of the class list, as the UI shows it (a view: no session, no ORM row behind it)."""

    id: uuid.UUID
    preferred_name: str
    given_name: str
    family_name: str
    grade: str
    group_name: str
    external_id: str | None
    #: False when the school's roster marks the learner disabled (kept, shown as such)
    enabled: bool = True

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name} {self.family_name}".strip()


class ClassList:
    """The live learners in the list's order, and each by the hex of its id (as the store keeps ids), with the
    key lists sort them by name (``display_name`` casefolded): made once per reading of the class."""

    def __init__(self, learners: list[LearnerSummary]) -> None:
        self.learners = learners
        self.by_hex = {s.id.hex: s for s in learners}
        self._name_keys: dict[str, str] | None = None
        self._search_keys: list[str] | None = None

    @property
    def name_keys(self) -> dict[str, str]:
        """Each learner's sort key by name, by the hex of their id."""
        if self._name_keys is None:
            self._name_keys = {h: s.display_name.casefold() for h, s in self.by_hex.items()}
        return self._name_keys

    @property
    def search_keys(self) -> list[str]:
        """Each learner's folded search key (``domain.search.learner_key``), in the list's order."""
        if self._search_keys is None:
            self._search_keys = [learner_key(s.given_name, s.family_name, s.preferred_name, s.external_id)
                                 for s in self.learners]
        return self._search_keys


@functools.cache
def _columns(model: type[Row]) -> tuple[Any, ...]:
    """The columns of ``model`` its view holds, in the view's order (``load_profile`` reads them, not rows)."""
    return tuple(getattr(model, f.name) for f in dataclasses.fields(VIEW_OF[model]))


def _is_live(model: type[Row]):
    return model.deleted_at.is_(None)  # type: ignore[union-attr]


def _forget_on_hub(session: Session, store: Store, learner_id: uuid.UUID, account_ids: list) -> None:
    """A purge on a school hub's own store: the hub's numbered changes about the learner go too (as when an
    erasure is pushed to it), and the erasure is numbered for every device to hear of."""
    from sqlalchemy import inspect

    if not inspect(session.connection()).has_table("hub_change"):
        return
    from plprofile.hub import admin as hub_admin

    hub_admin.purged_here(session, store, learner_id, account_ids)


@actor_first
class ProfileService:
    """Learners, profile sections, backpack, voice and choice, goals and conferences."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: The class list as last read, with the store's ``data_stamp`` then: read again after any commit.
        self._class: tuple[tuple, ClassList] | None = None
        #: The class scope ``may`` last read: (store stamp, learner id) and the scope (a profile on screen asks
        #: about each of its rows in turn).
        self._may_scope: tuple[tuple, Any] | None = None

    # ---- the one way in: every read and write asks the access policy (domain.policy) -------------------
    @staticmethod
    def _get(session: Session, model: type[R], row_id: uuid.UUID, actor: Actor, action: Action = Action.READ,
             *, deleted: bool = False) -> R:
        """The row, once the policy allows ``actor`` to read it (and to do ``action`` to it). A row the actor
        may not read is refused without a word of it."""
        row = session.get(model, row_id)
        if row is None or (row.deleted_at is not None and not deleted):
            raise changes.NotFoundError(f"{model.__tablename__} {row_id} not found")
        check(session, actor, Action.READ, row)
        if action is not Action.READ:
            check(session, actor, action, row)
        return row

    def _create(self, session: Session, row: R, actor: Actor) -> R:
        """Insert ``row`` if the policy lets ``actor`` create it (as it would stand), with its change log."""
        check(session, actor, Action.CREATE, row)
        return changes.create(session, self.store.device_id, row, actor, access.owner_of(row))  # type: ignore[return-value]

    def _update(self, session: Session, row: Row, values: dict[str, Any], actor: Actor,
                expected_version: int | None = None, action: Action = Action.UPDATE) -> bool:
        """Change fields of ``row``: each must be one the policy lets ``actor`` set (UPDATE), or the change is
        what ``action`` (AGREE, DECIDE) means."""
        check(session, actor, action, row, values if action in (Action.UPDATE, Action.SHARE) else ())
        return changes.update(session, self.store.device_id, row, values, actor, access.owner_of(row),
                              expected_version)

    def _delete(self, session: Session, row: Row, actor: Actor) -> None:
        check(session, actor, Action.DELETE, row)
        changes.soft_delete(session, self.store.device_id, row, actor, access.owner_of(row))

    # ---- learners -----------------------------------------------------------------------------------
    def may(self, actor: Actor, action: Action, row: Row) -> bool:
        """Whether the policy lets ``actor`` do ``action`` to ``row`` as loaded (for a window to offer only what
        will be allowed; the write itself asks again)."""
        learner_id = access.owner_of(row)
        key = (self.store.data_stamp(), learner_id)
        if self._may_scope is None or self._may_scope[0] != key:
            with self.store.session() as s:
                self._may_scope = (key, access.class_scope(s, learner_id))
        return bool(policy.decide(actor, action, access.target(row, class_scope=self._may_scope[1])))

    def list_learners(self, actor: Actor) -> list[LearnerSummary]:
        """The learners ``actor`` may see: a teacher's class, a learner themselves."""
        if actor.role is Role.LEARNER:
            require(actor, Action.READ, Target(Kind.LEARNER, learner_id=actor.learner_id))
            return self._read_learners(Learner.id == actor.learner_id)
        return list(self.class_list(actor).learners)

    def class_list(self, actor: Actor) -> ClassList:
        """Every live learner ``actor`` may see (a teacher's classes, everyone for a school admin), kept until the
        store changes (``Store.data_stamp``: any
        commit, from this process or another): the window, the class overview and its list of who is due
        share one reading of a whole school's names. Staff only."""
        require_class(actor)
        stamp = (self.store.data_stamp(), actor.account_id, actor.admin)
        kept = self._class
        if kept is None or kept[0] != stamp:
            self._class = kept = None  # the stale list goes before the new one is read (a school's: 5 MB)
            kept = self._class = (stamp, ClassList(self._with_classes(self._visible(actor, self._read_learners()))))
        return kept[1]

    def _with_classes(self, learners: list[LearnerSummary]) -> list[LearnerSummary]:
        """A learner without a group of their own (a roster's) shows the titles of their open classes there."""
        if not any(not r.group_name for r in learners):
            return learners
        live = (ClassMember.ended_at.is_(None), ClassMember.deleted_at.is_(None))
        stmt = (select(ClassMember.learner_id, SchoolClass.title)
                .join(SchoolClass, SchoolClass.id == ClassMember.class_id)
                .where(ClassMember.learner_id.is_not(None), *live, SchoolClass.closed_at.is_(None),
                       SchoolClass.deleted_at.is_(None)))
        titles: dict[uuid.UUID, list[str]] = {}
        with self.store.session() as s:
            for learner_id, title in s.execute(stmt):
                titles.setdefault(learner_id, []).append(title)
        return [dataclasses.replace(r, group_name=", ".join(sorted(titles[r.id], key=str.casefold)))
                if not r.group_name and r.id in titles else r for r in learners]

    def _visible(self, actor: Actor, learners: list[LearnerSummary]) -> list[LearnerSummary]:
        """The learners the policy lets ``actor`` read: a teacher, those of their classes (and those in no
        class); a school admin, everyone. A store without classes: everyone, without a question per learner."""
        with self.store.session() as s:
            scopes = access.class_scopes(s)
        if scopes is policy.ALL_STAFF:
            return learners if policy.decide(actor, Action.READ, Target(Kind.LEARNER, class_scope=scopes)) else []
        return [r for r in learners if policy.decide(actor, Action.READ, Target(
            Kind.LEARNER, learner_id=r.id, class_scope=scopes.get(r.id, frozenset())))]

    def forget_class_list(self, actor: Actor) -> None:
        """Read the class list again next time (it was read before a learner came in)."""
        require_class(actor)
        self._class = None

    def _read_learners(self, *where: Any) -> list[LearnerSummary]:
        stmt = select(
            Learner.id, Learner.preferred_name, Learner.given_name, Learner.family_name, Learner.grade,
            Learner.group_name, Learner.external_id, Learner.enabled,
        ).where(_is_live(Learner), *where).order_by(func.lower(Learner.family_name),
                                                    func.lower(Learner.preferred_name))
        with self.store.session() as s:
            return [LearnerSummary(*row) for row in s.execute(stmt).all()]

    def add_learner(self, actor: Actor, *, given_name: str, family_name: str, preferred_name: str = "",
                    pronouns: str = "", grade: str = "", group_name: str = "", external_id: str = "") -> LearnerInfo:
        require(actor, Action.CREATE, Target(Kind.LEARNER))
        learner = self._new_learner(given_name, family_name, preferred_name, pronouns, grade, group_name,
                                    external_id)
        with self.store.transaction() as s:
            if learner.external_id and s.execute(
                select(Learner.id).where(Learner.external_id == learner.external_id)
            ).first():
                raise ValidationError("external_id", "id_taken", id=learner.external_id)
            self._insert_learner(s, learner, actor)
        return LearnerInfo.of(learner)

    @staticmethod
    def _new_learner(given_name: str, family_name: str, preferred_name: str, pronouns: str, grade: str,
                     group_name: str, external_id: str) -> Learner:
        return Learner(**ProfileService._learner_values(given_name, family_name, preferred_name, pronouns, grade,
                                                        group_name, external_id))

    @staticmethod
    def _learner_values(given_name: str, family_name: str, preferred_name: str, pronouns: str, grade: str,
                        group_name: str, external_id: str) -> dict[str, Any]:
        """A new learner's content, checked and cleaned (raises ValidationError)."""
        given = clean_text(given_name, field="given_name", limit=d.MAX_NAME_CHARS)
        return {
            "given_name": given,
            "family_name": clean_text(family_name, field="family_name", limit=d.MAX_NAME_CHARS),
            "preferred_name": clean_text(preferred_name, field="preferred_name", required=False,
                                         limit=d.MAX_NAME_CHARS) or given,
            "pronouns": clean_text(pronouns, field="pronouns", required=False, limit=50),
            "grade": clean_text(grade, field="grade", required=False, limit=50),
            "group_name": clean_text(group_name, field="group", required=False, limit=100),
            "external_id": clean_text(external_id, field="external_id", required=False, limit=100) or None,
        }

    def _insert_learner(self, s: Session, learner: Learner, actor: Actor) -> None:
        self._create(s, learner, actor)
        # Every learner has their own account, so what they write is authored as them.
        account = Account(kind=Role.LEARNER.value, display_name=learner.preferred_name, learner_id=learner.id)
        self._create(s, account, actor)

    def _insert_learners(self, s: Session, learners: Sequence[dict[str, Any]], actor: Actor,
                         ids: Sequence[uuid.UUID] | None = None) -> None:
        """``_insert_learner`` for many learners at once: the same rows, written in batches (with ``ids``, the
        learners get those ids)."""
        require(actor, Action.CREATE, Target(Kind.LEARNER))
        require(actor, Action.CREATE, Target(Kind.ACCOUNT, account_kind=Role.LEARNER.value))
        device = self.store.device_id
        ids = list(ids) if ids is not None else [uuid.uuid4() for _ in learners]
        changes.create_many(s, device, Learner, [{**values, "id": id_} for values, id_ in zip(learners, ids, strict=True)],
                            actor, ids)
        accounts = [{"kind": Role.LEARNER.value, "display_name": values["preferred_name"], "learner_id": id_}
                    for values, id_ in zip(learners, ids, strict=True)]
        changes.create_many(s, device, Account, accounts, actor, ids)

    def import_roster(self, actor: Actor, rows: Sequence[RosterRow],
                      progress: Callable[[int, int], None] | None = None) -> int:
        """Add every row of a parsed roster, all or nothing; a clash with stored IDs imports nothing.

        Every row is checked before anything is written. The learners are written ``IMPORT_BATCH`` to a
        transaction, so the store's write lock is never held for long; if any batch fails, the batches already
        written are taken back (and if the app is killed half-way, the next open of the store takes them back:
        ``store.batches``). ``progress(done, total)`` is called with 0 once the checks passed, then after every
        batch (on the caller's thread); an exception it raises takes the whole import back.
        """
        require(actor, Action.CREATE, Target(Kind.LEARNER))
        learners = [
            self._learner_values(r.given_name, r.family_name, r.preferred_name, r.pronouns, r.grade, r.group,
                                 r.external_id)
            for r in rows
        ]
        total = len(learners)
        with self.store.transaction() as s:
            wanted = [lr["external_id"] for lr in learners if lr["external_id"]]
            clashes: list[str] = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                clashes += s.execute(select(Learner.external_id).where(Learner.external_id.in_(chunk))).scalars().all()
            if clashes:
                shown = ", ".join(sorted(clashes)[:10])
                more = f" and {len(clashes) - 10} more" if len(clashes) > 10 else ""
                # The UI says "Nothing was imported." around it (as for a file that does not parse).
                raise ValidationError("external_id", "ids_taken", n=len(clashes), ids=f"{shown}{more}")
            import_id = uuid.uuid4()
            batches.start(s, import_id, total)
        # Each batch commits on its own, so a second window or process can write between them (one transaction
        # held the store's only write lock for seconds); the journal makes it all-or-nothing (store.batches).
        ids = batches.learner_ids(import_id, total)
        try:
            if progress is not None:
                progress(0, total)
            for start in range(0, total, IMPORT_BATCH):
                batch = learners[start:start + IMPORT_BATCH]
                with self.store.transaction() as s:
                    self._insert_learners(s, batch, actor, ids[start:start + IMPORT_BATCH])
                    if start + IMPORT_BATCH >= total:
                        batches.finish(s)
                if progress is not None:
                    progress(start + len(batch), total)
        except BaseException:
            batches.undo(self.store, import_id, total)
            raise
        return total

    def get_learner(self, actor: Actor, learner_id: uuid.UUID) -> LearnerInfo:
        with self.store.session() as s:
            return LearnerInfo.of(self._get(s, Learner, learner_id, actor))

    def update_learner(self, actor: Actor, learner_id: uuid.UUID, expected_version: int | None = None,
                       **values: str) -> LearnerInfo:
        with self.store.transaction() as s:
            learner = self._get(s, Learner, learner_id, actor)
            check(s, actor, Action.UPDATE, learner, values)  # before any value is looked at
            cleaned: dict[str, Any] = {}
            for key, value in values.items():
                required = key in {"given_name", "family_name", "preferred_name"}
                limit = d.MAX_NAME_CHARS if required else 100
                cleaned[key] = clean_text(value, field=key, required=required, limit=limit)
            if "external_id" in cleaned:
                cleaned["external_id"] = cleaned["external_id"] or None
            self._update(s, learner, cleaned, actor, expected_version)
        return LearnerInfo.of(learner)

    def delete_learner(self, actor: Actor, learner_id: uuid.UUID) -> None:
        """Soft delete: the learner disappears from lists but every row is kept until a purge."""
        with self.store.transaction() as s:
            self._delete(s, self._get(s, Learner, learner_id, actor), actor)

    def restore_learner(self, actor: Actor, learner_id: uuid.UUID) -> None:
        with self.store.transaction() as s:
            learner = self._get(s, Learner, learner_id, actor, Action.RESTORE, deleted=True)
            changes.restore(s, self.store.device_id, learner, actor, learner.id)

    def purge_learner(self, actor: Actor, learner_id: uuid.UUID) -> None:
        """Remove every row about the learner, their change history included (a privacy right)."""
        with self.store.transaction() as s:
            self._get(s, Learner, learner_id, actor, Action.PURGE, deleted=True)
            account_ids = s.execute(select(Account.id).where(Account.learner_id == learner_id)).scalars().all()
            for model in LEARNER_OWNED:
                s.execute(delete(model).where(model.learner_id == learner_id))  # type: ignore[attr-defined]
            s.execute(delete(ChangeLog).where(or_(
                ChangeLog.learner_id == learner_id,
                ChangeLog.entity_id.in_([learner_id, *account_ids]),  # their account's own history too
                ChangeLog.author_id.in_(account_ids) if account_ids else False,
            )))
            s.execute(delete(Learner).where(Learner.id == learner_id))
            for model in (FieldClock, SyncConflict):
                s.execute(delete(model).where(model.learner_id == learner_id))  # type: ignore[attr-defined]
            changes.log_erase(s, self.store.device_id, learner_id, actor)  # sync erases them everywhere
            _forget_on_hub(s, self.store, learner_id, account_ids)

    def groups(self, actor: Actor) -> list[str]:
        require_class(actor)
        with self.store.session() as s:
            stmt = select(Learner.group_name).where(_is_live(Learner), Learner.group_name != "").distinct()
            return sorted(s.execute(stmt).scalars().all(), key=str.lower)

    def learner_account(self, actor: Actor, learner_id: uuid.UUID) -> AccountInfo:
        """The account a learner signs in with (staff, or that learner)."""
        with self.store.session() as s:
            account = s.execute(select(Account).where(Account.learner_id == learner_id)).scalars().first()
            if account is None:
                raise changes.NotFoundError(f"no account for learner {learner_id}")
            check(s, actor, Action.READ, account)
            return AccountInfo.of(account)

    # ---- the whole profile --------------------------------------------------------------------------
    def load_profile(self, actor: Actor, learner_id: uuid.UUID) -> ProfileView:
        """One learner's whole profile, every list in display order, in a handful of queries."""
        with self.store.session() as s:
            learner = self._get(s, Learner, learner_id, actor)

            def rows(model: type[Row], *order: Any) -> list[Any]:
                """The learner's live rows of ``model``, read straight into their views (no ORM objects)."""
                view = VIEW_OF[model]
                stmt = select(*_columns(model)).where(model.learner_id == learner_id, _is_live(model))  # type: ignore[attr-defined]
                return [view(*values) for values in s.execute(stmt.order_by(*order))]

            # what the actor may read, and nothing that hangs from a teacher-only note
            entries = rows(ProfileEntry, ProfileEntry.position, ProfileEntry.created_at)
            hidden = {e.id for e in entries if e.teacher_only}
            scope = access.class_scope(s, learner_id)
            entries = access.visible(actor, entries, hidden, scope=scope)
            backpack = access.visible(actor, rows(BackpackItem, BackpackItem.created_at), scope=scope)
            if hidden and not policy.decide(actor, Action.READ, Target(
                    Kind.ENTRY, learner_id=learner_id, teacher_only=True, class_scope=scope)):
                # the learner's copy does not link to the note; the stored row keeps it
                backpack = [dataclasses.replace(item, challenge_id=None) if item.challenge_id in hidden else item
                            for item in backpack]
            views = {g.id: GoalView(g) for g in access.visible(actor, rows(Goal, Goal.created_at), scope=scope)}
            for model, attr, order in (
                    (ActionStep, "steps", (ActionStep.position, ActionStep.created_at)),
                    (GoalSupport, "supports", (GoalSupport.created_at,)),
                    (Evidence, "evidence", (Evidence.added_on, Evidence.created_at)),
                    (CheckIn, "checkins", (CheckIn.on_date, CheckIn.created_at))):
                for part in access.visible(actor, rows(model, *order), scope=scope):
                    goal = views.get(part.goal_id)
                    if goal is not None:
                        getattr(goal, attr).append(part)
            return ProfileView(
                learner=LearnerInfo.of(learner),
                entries=entries,
                backpack=backpack,
                choices=access.visible(actor, rows(ChoiceOption, ChoiceOption.created_at), scope=scope),
                goals=list(views.values()),
                conferences=access.visible(actor, rows(Conference, Conference.held_on.desc()), scope=scope),
                remarks=access.visible(actor, rows(ConferenceRemark, ConferenceRemark.position,
                                                   ConferenceRemark.created_at), scope=scope),
            )

    # ---- profile entries ----------------------------------------------------------------------------
    def add_entry(self, actor: Actor, learner_id: uuid.UUID, section: d.Section, text: str,
                  agreement: Agreement | None = None, teacher_only: bool = False) -> EntryView:
        section = d.Section(section)
        text = clean_text(text, field="text")
        with self.store.transaction() as s:
            self._get(s, Learner, learner_id, actor)
            count = s.execute(select(func.count()).select_from(ProfileEntry).where(
                ProfileEntry.learner_id == learner_id, ProfileEntry.section == section.value)).scalar_one()
            entry = ProfileEntry(
                learner_id=learner_id, section=section.value, text=text,
                agreement=(agreement or d.default_agreement(actor.role)).value, teacher_only=teacher_only,
                position=count,
            )
            return view_of(self._create(s, entry, actor))

    def suggest_change(self, actor: Actor, entry_id: uuid.UUID, text: str) -> EntryView:
        """A teacher's suggestion stands beside the learner's entry; it never replaces their words. A suggestion
        on a teacher-only note is teacher-only too."""
        text = clean_text(text, field="text")
        with self.store.transaction() as s:
            entry = self._get(s, ProfileEntry, entry_id, actor, Action.SUGGEST)
            suggestion = ProfileEntry(
                learner_id=entry.learner_id, section=entry.section, text=text,
                agreement=Agreement.SUGGESTION.value, parent_id=entry.id, position=entry.position,
                teacher_only=access.stored_target(s, entry).teacher_only,  # hidden with the note it is on
            )
            return view_of(self._create(s, suggestion, actor))

    def edit_entry(self, actor: Actor, entry_id: uuid.UUID, text: str,
                   expected_version: int | None = None) -> EntryView:
        """Edit an entry's words. A teacher cannot overwrite a learner's words: they suggest instead."""
        text = clean_text(text, field="text")
        with self.store.transaction() as s:
            entry = self._get(s, ProfileEntry, entry_id, actor)
            self._update(s, entry, {"text": text}, actor, expected_version)
        return EntryView.of(entry)

    def accept_suggestion(self, actor: Actor, suggestion_id: uuid.UUID) -> EntryView:
        """The learner takes a suggestion: as their entry's new words, or as a new agreed entry."""
        with self.store.transaction() as s:
            suggestion = self._get(s, ProfileEntry, suggestion_id, actor, Action.DECIDE)
            self._require_waiting(suggestion)
            if suggestion.parent_id is not None:
                parent = self._get(s, ProfileEntry, suggestion.parent_id, actor, Action.DECIDE)
                self._update(s, parent, {"text": suggestion.text, "agreement": Agreement.AGREED.value}, actor,
                             action=Action.DECIDE)
                self._update(s, suggestion, {"agreement": Agreement.ACCEPTED.value}, actor, action=Action.DECIDE)
                return EntryView.of(parent)
            self._update(s, suggestion, {"agreement": Agreement.AGREED.value}, actor, action=Action.DECIDE)
            return EntryView.of(suggestion)

    def decline_suggestion(self, actor: Actor, suggestion_id: uuid.UUID) -> None:
        with self.store.transaction() as s:
            suggestion = self._get(s, ProfileEntry, suggestion_id, actor, Action.DECIDE)
            self._require_waiting(suggestion)
            self._update(s, suggestion, {"agreement": Agreement.DECLINED.value}, actor, action=Action.DECIDE)

    @staticmethod
    def _require_waiting(entry: ProfileEntry) -> None:
        if entry.agreement != Agreement.SUGGESTION.value:
            raise ValidationError("agreement", "not_waiting")

    def set_agreement(self, actor: Actor, model: type, row_id: uuid.UUID, agreement: Agreement) -> None:
        """Mark an entry (or backpack item, choice option, goal) agreed by both, or back to a suggestion.
        ``model``: the kind of row, as its view's class (``EntryView``...) or its table's."""
        agreement = Agreement(agreement)
        model = model_of(model)
        with self.store.transaction() as s:
            row = self._get(s, model, row_id, actor)
            self._update(s, row, {"agreement": agreement.value}, actor, action=Action.AGREE)

    def set_shared_with_family(self, actor: Actor, model: type, row_id: uuid.UUID, shared: bool) -> Any:  # noqa: ANN401
        """The learner's say: their own words (an entry, backpack item, goal or check-in) for "my teacher and
        me" (False) or "my family too" (True). Only the learner who wrote it chooses (the policy's SHARE).
        Gives the row's fresh view."""
        model = model_of(model)
        if model not in FAMILY_SHAREABLE:
            raise TypeError(f"{model.__tablename__} has no {SHARED_WITH_FAMILY}")
        with self.store.transaction() as s:
            row = self._get(s, model, row_id, actor, Action.SHARE)
            self._update(s, row, {SHARED_WITH_FAMILY: bool(shared)}, actor, action=Action.SHARE)
        return view_of(row)

    def delete_row(self, actor: Actor, model: type, row_id: uuid.UUID) -> None:
        """Soft delete of any profile row (entry, backpack item, option, goal, step, evidence...); ``model`` as
        in ``set_agreement``."""
        model = model_of(model)
        with self.store.transaction() as s:
            self._delete(s, self._get(s, model, row_id, actor), actor)

    # ---- backpack and voice & choice ----------------------------------------------------------------
    def add_backpack_item(self, actor: Actor, learner_id: uuid.UUID, name: str, kind: d.BackpackKind,
                          lens: d.Lens | None = None, challenge_id: uuid.UUID | None = None,
                          how_it_helps: str = "") -> BackpackView:
        name = clean_text(name, field="name", limit=d.MAX_NAME_CHARS)
        with self.store.transaction() as s:
            self._get(s, Learner, learner_id, actor)
            if challenge_id is not None:  # a link the actor may read, in the same profile
                challenge = self._get(s, ProfileEntry, challenge_id, actor)
                policy.require_same_profile(learner_id, challenge.learner_id, policy.OTHER_CHALLENGE)
            item = BackpackItem(
                learner_id=learner_id, name=name, kind=d.BackpackKind(kind).value,
                lens=d.Lens(lens).value if lens else None, challenge_id=challenge_id,
                how_it_helps=clean_text(how_it_helps, field="how_it_helps", required=False),
                agreement=d.default_agreement(actor.role).value,
            )
            return view_of(self._create(s, item, actor))

    def add_choice(self, actor: Actor, learner_id: uuid.UUID, dimension: d.ChoiceDimension,
                   availability: d.ChoiceAvailability, text: str) -> ChoiceView:
        text = clean_text(text, field="option", limit=d.MAX_NAME_CHARS)
        with self.store.transaction() as s:
            self._get(s, Learner, learner_id, actor)
            option = ChoiceOption(
                learner_id=learner_id, dimension=d.ChoiceDimension(dimension).value,
                availability=d.ChoiceAvailability(availability).value, text=text,
                agreement=d.default_agreement(actor.role).value,
            )
            return view_of(self._create(s, option, actor))

    # ---- goals --------------------------------------------------------------------------------------
    def add_goal(self, actor: Actor, learner_id: uuid.UUID, statement: str, *, why: str = "",
                 focus: d.GoalFocus = d.GoalFocus.LEARNING, lens: d.Lens | None = None,
                 target_date: date | None = None,
                 status: d.GoalStatus = d.GoalStatus.NOT_STARTED) -> GoalInfo:
        statement = clean_text(statement, field="goal")
        with self.store.transaction() as s:
            self._get(s, Learner, learner_id, actor)
            goal = Goal(
                learner_id=learner_id, statement=statement, why=clean_text(why, field="why", required=False),
                focus=d.GoalFocus(focus).value, lens=d.Lens(lens).value if lens else None,
                target_date=target_date, status=d.GoalStatus(status).value,
                agreement=d.default_agreement(actor.role).value,
            )
            return view_of(self._create(s, goal, actor))

    def update_goal(self, actor: Actor, goal_id: uuid.UUID, expected_version: int | None = None,
                    **values: Any) -> GoalInfo:
        if "statement" in values:
            values["statement"] = clean_text(values["statement"], field="goal")
        if "why" in values:
            values["why"] = clean_text(values["why"], field="why", required=False)
        for key, enum in (("focus", d.GoalFocus), ("status", d.GoalStatus)):
            if key in values:
                values[key] = enum(values[key]).value
        if "lens" in values:
            values["lens"] = d.Lens(values["lens"]).value if values["lens"] else None
        with self.store.transaction() as s:
            goal = self._get(s, Goal, goal_id, actor)
            self._update(s, goal, values, actor, expected_version)
        return GoalInfo.of(goal)

    def add_step(self, actor: Actor, goal_id: uuid.UUID, text: str, owner: Role | str = Role.LEARNER,
                 due_date: date | None = None) -> StepView:
        text = clean_text(text, field="action_step")
        with self.store.transaction() as s:
            goal = self._get(s, Goal, goal_id, actor)
            count = s.execute(select(func.count()).select_from(ActionStep).where(
                ActionStep.goal_id == goal_id)).scalar_one()
            step = ActionStep(goal_id=goal.id, learner_id=goal.learner_id, text=text,
                              owner=clean_text(str(owner), field="owner", limit=50), due_date=due_date,
                              position=count)
            return view_of(self._create(s, step, actor))

    def set_step_done(self, actor: Actor, step_id: uuid.UUID, done: bool) -> StepView:
        with self.store.transaction() as s:
            step = self._get(s, ActionStep, step_id, actor)
            self._update(s, step, {"done": done, "done_at": changes.utcnow() if done else None}, actor)
        return StepView.of(step)

    def set_supports(self, actor: Actor, goal_id: uuid.UUID, item_ids: Iterable[uuid.UUID]) -> None:
        """Make the goal's supports exactly ``item_ids`` (backpack items of the same learner)."""
        wanted = set(item_ids)
        with self.store.transaction() as s:
            goal = self._get(s, Goal, goal_id, actor)
            current = s.execute(select(GoalSupport).where(GoalSupport.goal_id == goal_id)).scalars().all()
            by_item = {sup.backpack_item_id: sup for sup in current}
            for item_id in wanted:
                item = self._get(s, BackpackItem, item_id, actor)
                policy.require_same_profile(goal.learner_id, item.learner_id, policy.OTHER_ITEM)
                sup = by_item.get(item_id)
                if sup is None:
                    self._create(s, GoalSupport(goal_id=goal_id, learner_id=goal.learner_id,
                                                backpack_item_id=item_id), actor)
                elif sup.deleted_at is not None:
                    check(s, actor, Action.RESTORE, sup)
                    changes.restore(s, self.store.device_id, sup, actor, goal.learner_id)
            for item_id, sup in by_item.items():
                if item_id not in wanted and sup.deleted_at is None:
                    self._delete(s, sup, actor)

    def add_evidence(self, actor: Actor, goal_id: uuid.UUID, kind: d.EvidenceKind, text: str = "",
                     location: str = "", added_on: date | None = None) -> EvidenceView:
        kind = d.EvidenceKind(kind)
        text = clean_text(text, field="evidence", required=kind is d.EvidenceKind.NOTE)
        location = clean_text(location, field="location", required=kind is not d.EvidenceKind.NOTE, limit=2000)
        with self.store.transaction() as s:
            goal = self._get(s, Goal, goal_id, actor)
            ev = Evidence(goal_id=goal.id, learner_id=goal.learner_id, kind=kind.value, text=text,
                          location=location, added_on=added_on or date.today())
            return view_of(self._create(s, ev, actor))

    def add_checkin(self, actor: Actor, goal_id: uuid.UUID, scale: int, reflection: str = "",
                    on_date: date | None = None, *, shared_with_family: bool = False) -> CheckInView:
        """A check-in on a goal (insert-only); ``shared_with_family``: the learner's say, "my family too"."""
        if scale not in d.CHECKIN_SCALE:
            raise ValidationError("scale", "checkin_scale", low=d.CHECKIN_SCALE[0], high=d.CHECKIN_SCALE[-1])
        reflection = clean_text(reflection, field="reflection", required=False)
        with self.store.transaction() as s:
            goal = self._get(s, Goal, goal_id, actor)
            ci = CheckIn(goal_id=goal.id, learner_id=goal.learner_id, on_date=on_date or date.today(),
                         scale=scale, reflection=reflection, shared_with_family=bool(shared_with_family))
            ci = self._create(s, ci, actor)
            if ci.shared_with_family:  # made shared: only its author, the learner, may (the whole write is undone)
                check(s, actor, Action.SHARE, ci, [SHARED_WITH_FAMILY])
        return CheckInView.of(ci)

    # ---- conferences --------------------------------------------------------------------------------
    def add_conference(self, actor: Actor, learner_id: uuid.UUID, held_on: date, *, participants: str = "",
                       notes: str = "", agreements: str = "", next_checkin_on: date | None = None,
                       led_by: d.ConferenceLead | str = d.ConferenceLead.TEACHER,
                       remarks: Sequence[tuple[d.Speaker | str, d.RemarkKind | str, str]] = ()) -> ConferenceView:
        """Save a conference record; ``remarks`` (speaker, kind, text), what was said and by whom, are written
        with it in one transaction, in their order (empty texts are left out)."""
        if next_checkin_on is not None and next_checkin_on < held_on:
            raise ValidationError("next_checkin_on", "next_checkin")
        try:
            lead = d.ConferenceLead(led_by)
            said = [(d.Speaker(who), d.RemarkKind(kind), clean_text(text, field="remark", required=False,
                                                                     limit=2000))
                    for who, kind, text in remarks]
        except ValueError as exc:
            if isinstance(exc, ValidationError):
                raise
            raise ValidationError("remark", f"Not a kind of conference remark: {exc}") from exc
        with self.store.transaction() as s:
            self._get(s, Learner, learner_id, actor)
            conf = Conference(
                learner_id=learner_id, held_on=held_on,
                participants=clean_text(participants, field="participants", required=False, limit=500),
                notes=clean_text(notes, field="notes", required=False, limit=10_000),
                agreements=clean_text(agreements, field="agreements", required=False, limit=10_000),
                next_checkin_on=next_checkin_on, led_by=lead.value,
            )
            conf = self._create(s, conf, actor)
            for position, (who, kind, text) in enumerate((w, k, t) for w, k, t in said if t):
                self._create(s, ConferenceRemark(conference_id=conf.id, learner_id=learner_id, speaker=who.value,
                                                 kind=kind.value, text=text, position=position), actor)
        return ConferenceView.of(conf)

    def update_conference(self, actor: Actor, conference_id: uuid.UUID, expected_version: int | None = None,
                          **values: Any) -> ConferenceView:
        for key in ("participants", "notes", "agreements"):
            if key in values:
                values[key] = clean_text(values[key], field=key, required=False, limit=10_000)
        with self.store.transaction() as s:
            conf = self._get(s, Conference, conference_id, actor)
            self._update(s, conf, values, actor, expected_version)
        return ConferenceView.of(conf)

    # ---- history ------------------------------------------------------------------------------------
    def history(self, actor: Actor, learner_id: uuid.UUID, limit: int = 2000,
                author_role: Role | None = None) -> list[ChangeView]:
        """The learner's change log, newest first. A learner never sees the history of teacher-only notes."""
        with self.store.session() as s:
            access.require_learner_rows(s, actor, learner_id, Kind.HISTORY)
            stmt = select(ChangeLog).where(ChangeLog.learner_id == learner_id)
            if author_role is not None:
                stmt = stmt.where(ChangeLog.author_role == Role(author_role).value)
            if not policy.decide(actor, Action.READ, Target(Kind.ENTRY, learner_id=learner_id, teacher_only=True,
                                                            class_scope=access.class_scope(s, learner_id))):
                # nothing about a teacher-only note (nor a suggestion on one), nor about accounts
                notes = select(ProfileEntry.id).where(ProfileEntry.learner_id == learner_id,
                                                      ProfileEntry.teacher_only.is_(True))
                hidden = select(ProfileEntry.id).where(ProfileEntry.learner_id == learner_id, or_(
                    ProfileEntry.teacher_only.is_(True), ProfileEntry.parent_id.in_(notes)))
                stmt = stmt.where(ChangeLog.entity_id.not_in(hidden), ChangeLog.entity != Account.__tablename__)
            stmt = stmt.order_by(ChangeLog.at.desc()).limit(limit)
            return [ChangeView.of(row) for row in s.execute(stmt).scalars()]

    def author_names(self, actor: Actor, learner_id: uuid.UUID) -> dict[uuid.UUID, str]:
        """Display names of the accounts that changed this learner's profile, to show who made each change.

        Only someone who may see the learner's history may ask, and only those names are given: a learner
        learns their teachers' names and their own, never a classmate's."""
        with self.store.session() as s:
            access.require_learner_rows(s, actor, learner_id, Kind.HISTORY)
            authors = select(ChangeLog.author_id).where(ChangeLog.learner_id == learner_id).union(
                select(ChangeLog.signed_in_id).where(ChangeLog.learner_id == learner_id,
                                                     ChangeLog.signed_in_id.is_not(None)))
            return dict(s.execute(select(Account.id, Account.display_name).where(Account.id.in_(authors))).all())


__all__ = [
    "AccessDenied", "GoalView", "LearnerSummary", "ProfileService", "ProfileView",
]
