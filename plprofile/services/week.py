"""The teacher's week as a teacher reads it: the conference rota (their cadence, the days they moved people
to) and one list of everything due, for the learners they may see (``domain.week`` holds the rules)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import String, cast, func, select

from plprofile.domain import feed as fd
from plprofile.domain import week as w
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor, Agreement, GoalStatus, Role, Section, ValidationError
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import (
    ActionStep,
    BackpackItem,
    ChangeLog,
    CheckIn,
    Conference,
    ConferenceSlot,
    Evidence,
    Goal,
    GoalSupport,
    ProfileEntry,
    Question,
    QuestionAnswer,
    StrategyCheck,
    StrategyUse,
    TeacherWeek,
)

from .access import actor_first, class_scope, require_class
from .class_queries import hex_of, rows_of
from .kept import kept
from .profiles import ProfileService
from .school_calendar import holidays_between
from .snapshot import SnapshotService
from .stages import StagesService

MAX_CADENCE_WEEKS = 26
#: Goals that are no longer worked on: nothing of them is due.
_CLOSED = (GoalStatus.ACHIEVED.value, GoalStatus.SET_ASIDE.value)


@actor_first
class WeekService:
    def __init__(self, store: Store, profiles: ProfileService | None = None,
                 stages: StagesService | None = None) -> None:
        self.store = store
        self.profiles = profiles or ProfileService(store)
        self.stages = stages or StagesService(store, self.profiles)
        self.snapshots = SnapshotService(store, self.profiles, self.stages)

    # ---- the teacher's own planning -------------------------------------------------------------------
    def cadence(self, actor: Actor) -> int:
        """Every how many weeks each learner has a conference, as this teacher set it (3 until they do)."""
        require_class(actor)
        row = self._week_row(actor)
        return row.cadence_weeks if row is not None else w.DEFAULT_CADENCE_WEEKS

    def set_cadence(self, actor: Actor, weeks: int) -> None:
        require_class(actor)
        if not isinstance(weeks, int) or not 1 <= weeks <= MAX_CADENCE_WEEKS:
            raise ValidationError("cadence_weeks", f"The cadence is a number of weeks from 1 to {MAX_CADENCE_WEEKS}.")
        self._save_week(actor, {"cadence_weeks": weeks})

    def _week_row(self, actor: Actor) -> TeacherWeek | None:
        with self.store.session() as s:
            return s.execute(select(TeacherWeek).where(TeacherWeek.account_id == actor.account_id,
                                                       TeacherWeek.deleted_at.is_(None))).scalars().first()

    def _save_week(self, actor: Actor, values: dict) -> None:
        with self.store.transaction() as s:
            row = s.execute(select(TeacherWeek).where(TeacherWeek.account_id == actor.account_id,
                                                      TeacherWeek.deleted_at.is_(None))).scalars().first()
            if row is None:
                changes.create(s, self.store.device_id, TeacherWeek(account_id=actor.account_id, **values), actor, None)
            else:
                changes.update(s, self.store.device_id, row, values, actor, None)

    def move_conference(self, actor: Actor, learner_id: uuid.UUID, day: date) -> None:
        """Put ``learner_id``'s next conference on ``day`` (the rota no longer proposes a day for them). Allowed
        to whoever may hold that learner's conferences."""
        with self.store.transaction() as s:
            require(actor, Action.CREATE, Target(Kind.CONFERENCE, learner_id=learner_id,
                                                 class_scope=class_scope(s, learner_id)))
            for old in s.execute(select(ConferenceSlot).where(
                    ConferenceSlot.account_id == actor.account_id, ConferenceSlot.learner_id == learner_id,
                    ConferenceSlot.deleted_at.is_(None))).scalars():
                changes.soft_delete(s, self.store.device_id, old, actor, learner_id)
            changes.create(s, self.store.device_id, ConferenceSlot(account_id=actor.account_id,
                                                                   learner_id=learner_id, planned_on=day),
                           actor, learner_id)

    # ---- the week -------------------------------------------------------------------------------------
    def week_plan(self, actor: Actor, monday: date, *, class_id: uuid.UUID | None = None, group: str | None = None,
                  holidays: Collection[date] = ()) -> dict[uuid.UUID, date]:
        """The conferences of the week starting ``monday``: the teacher's moves and the rota's proposals, on the
        school days of the week: weekends, the school's holidays (``school_calendar``) and ``holidays`` left out."""
        learners = self.snapshots.scope(actor, class_id=class_id, group=group)
        return self._plan(actor, learners, w.monday_of(monday), holidays)

    def _plan(self, actor: Actor, learners: frozenset[uuid.UUID], monday: date,
              holidays: Collection[date]) -> dict[uuid.UUID, date]:
        order = self._order(actor)
        by_hex = {lid.hex: lid for lid in learners}
        with self.store.session() as s:
            last = dict(rows_of(s, select(hex_of(Conference.learner_id), func.max(Conference.held_on)).where(
                Conference.deleted_at.is_(None)).group_by(Conference.learner_id), by_hex))
            planned = dict(rows_of(s, select(hex_of(ConferenceSlot.learner_id), func.max(ConferenceSlot.planned_on))
                                   .where(ConferenceSlot.account_id == actor.account_id,
                                          ConferenceSlot.deleted_at.is_(None))
                                   .group_by(ConferenceSlot.learner_id), by_hex))
            # the school's holidays that week (the days between terms, the days off listed) and any asked for
            closed = holidays_between(s, monday, monday + timedelta(days=6)) | set(holidays)
        rota = [w.RotaLearner(lid, last.get(lid), planned.get(lid), order.get(lid, 0)) for lid in learners]
        return w.propose_week(rota, monday, self.cadence(actor), closed)

    def _order(self, actor: Actor) -> dict[uuid.UUID, int]:
        return {r.id: i for i, r in enumerate(self.profiles.class_list(actor).learners)}

    def due_list(self, actor: Actor, today: date, *, class_id: uuid.UUID | None = None, group: str | None = None,
                 unrated_weeks: int = 12, holidays: Collection[date] = ()) -> list[w.DueItem]:
        """One list for the week of ``today``: conferences on the rota, check-ins and steps due by Sunday, goals
        past their date, Stages not rated for ``unrated_weeks`` and learners' proposals waiting; most urgent
        first (``domain.week.by_urgency``). Kept until the store changes (``kept``)."""
        require_class(actor)
        return kept(self.store, ("due", actor, today, class_id, group, unrated_weeks, frozenset(holidays)),
                    lambda: self._due_list(actor, today, class_id, group, unrated_weeks, holidays))

    def warm(self, actor: Actor, today: date | None = None) -> None:
        """Who is due this week among all ``actor``'s learners, read ahead (on a worker, after the first paint),
        as the due list first opens."""
        self.due_list(actor, today or date.today())

    def _due_list(self, actor: Actor, today: date, class_id: uuid.UUID | None, group: str | None,
                  unrated_weeks: int, holidays: Collection[date]) -> list[w.DueItem]:
        learners = self.snapshots.scope(actor, class_id=class_id, group=group)
        monday = w.monday_of(today)
        week_end = monday + timedelta(days=6)
        conferences = self._plan(actor, learners, monday, holidays)
        facts = self._facts(actor, learners, today, week_end)
        items = w.due_items(facts, conferences, today, week_end, unrated_weeks)
        return w.by_urgency(items, self._order(actor))

    def _facts(self, actor: Actor, learners: frozenset[uuid.UUID], today: date, week_end: date) -> w.WeekFacts:
        live_goal = (Goal.deleted_at.is_(None), Goal.status.not_in(_CLOSED))
        by_hex = {lid.hex: lid for lid in learners}
        with self.store.session() as s:
            latest = _latest_conferences(s, by_hex)
            checked = dict(rows_of(s, select(hex_of(CheckIn.learner_id), func.max(CheckIn.on_date)).where(
                CheckIn.deleted_at.is_(None)).group_by(CheckIn.learner_id), by_hex))
            # steps due by the week's end and goals past their date: one row per learner, grouped in the store
            S = ActionStep  # noqa: N806
            steps = _earliest(s, S.learner_id, S.due_date, S.text, by_hex, select_from=S,
                              join=(Goal, Goal.id == S.goal_id),
                              where=(S.deleted_at.is_(None), S.done.is_(False), S.due_date.is_not(None),
                                     S.due_date <= week_end, *live_goal))
            goals = _earliest(s, Goal.learner_id, Goal.target_date, Goal.statement, by_hex, select_from=Goal,
                              where=(Goal.target_date.is_not(None), Goal.target_date < today, *live_goal))
            proposals = list(rows_of(s, select(hex_of(ProfileEntry.learner_id), ProfileEntry.created_at,
                                               ProfileEntry.text).where(
                ProfileEntry.section == Section.NEXT_CONFERENCE.value, ProfileEntry.deleted_at.is_(None),
                ProfileEntry.parent_id.is_(None), ProfileEntry.author_role == Role.LEARNER.value,
                ProfileEntry.agreement != Agreement.DECLINED.value), by_hex))
        checkins = {lid: (next_on, (checked.get(lid) or date.min) >= next_on)
                    for lid, (_held, next_on) in latest.items() if next_on is not None}
        waiting = [(lid, _day(created), text) for lid, created, text in proposals
                   if lid not in latest or _day(created) > latest[lid][0]]
        # answers to the teacher's questions since the learner's latest conference: "answers waiting"
        with self.store.session() as s:
            answered = list(rows_of(s, select(hex_of(QuestionAnswer.learner_id), QuestionAnswer.answered_on,
                                              Question.text).join(Question, Question.id == QuestionAnswer.question_id)
                                    .where(QuestionAnswer.deleted_at.is_(None)), by_hex))
        answers = [(lid, on, text) for lid, on, text in answered if lid not in latest or on >= latest[lid][0]]
        reviews = self._reviews(learners)
        assessed_by_text = self.stages.last_assessed(actor)
        assessed = {lid: assessed_by_text.get(str(lid)) for lid in learners}
        return w.WeekFacts(checkins, steps, goals, assessed, waiting, reviews, answers)

    def _reviews(self, learners: frozenset[uuid.UUID]) -> list[tuple[uuid.UUID, date, str]]:
        """Strategies tried whose review day came with no answer to "did it help?" on or after it."""
        U, C = StrategyUse, StrategyCheck  # noqa: N806
        with self.store.session() as s:
            answered = dict(s.execute(select(C.use_id, func.max(C.on_date)).where(C.deleted_at.is_(None))
                                      .group_by(C.use_id)).all())
            rows = s.execute(select(U.id, U.learner_id, U.review_on, BackpackItem.name)
                             .join(BackpackItem, BackpackItem.id == U.backpack_item_id)
                             .where(U.deleted_at.is_(None), BackpackItem.deleted_at.is_(None),
                                    U.review_on.is_not(None))).all()
        return [(lid, review_on, name) for use_id, lid, review_on, name in rows
                if lid in learners and (answered.get(use_id) or date.min) < review_on]

    # ---- what changed since ----------------------------------------------------------------------------
    def feed_seen_at(self, actor: Actor) -> datetime | None:
        """When this teacher last read the class feed (None: never)."""
        require_class(actor)
        row = self._week_row(actor)
        return row.feed_seen_at if row is not None else None

    def mark_feed_seen(self, actor: Actor, at: datetime | None = None) -> None:
        require_class(actor)
        self._save_week(actor, {"feed_seen_at": at or datetime.now(UTC)})

    def changes_since(self, actor: Actor, since: datetime, *, class_id: uuid.UUID | None = None,
                      group: str | None = None) -> dict[uuid.UUID, list[fd.FeedLine]]:
        """What the learners ``actor`` may see wrote or changed since ``since``, by learner, newest first."""
        learners = self.snapshots.scope(actor, class_id=class_id, group=group)
        return _Feed.read(self.store, learners, since)


class _Feed:
    """The class feed's reading of the store (kept apart from the due list's)."""

    @staticmethod
    def read(store: Store, learners: frozenset[uuid.UUID], since: datetime) -> dict[uuid.UUID, list[fd.FeedLine]]:
        L = ChangeLog  # noqa: N806
        with store.session() as s:
            rows = [fd.ChangeRow(*r) for r in s.execute(
                select(L.learner_id, L.at, L.entity, L.entity_id, L.action, L.field, L.new_value, L.device_id)
                .where(L.at >= since, L.learner_id.is_not(None), L.author_role == Role.LEARNER.value)
                .order_by(L.at)) if r[0] in learners and r[2] in fd.SHOWN]
            entry_ids = {r.entity_id for r in rows if r.entity == "profile_entry"}
            child_ids = {r.entity_id for r in rows if r.entity in fd.GOAL_CHILDREN}
            sections = _by_id(s, ProfileEntry.id, ProfileEntry.section, entry_ids)
            goal_of: dict[uuid.UUID, uuid.UUID] = {}
            for model in (ActionStep, Evidence, CheckIn, GoalSupport):
                goal_of.update(_by_id(s, model.id, model.goal_id, child_ids))
            goal_ids = {r.entity_id for r in rows if r.entity == "goal"} | set(goal_of.values())
            goals = _by_id(s, Goal.id, Goal.statement, goal_ids)
        return fd.feed(rows, sections, goal_of, goals)


def _latest_conferences(session, by_hex: dict[str, uuid.UUID]) -> dict[uuid.UUID, tuple[date, date | None]]:  # noqa: ANN001
    """Each learner's latest live conference (the latest day, then the latest written): (day, next check-in)."""
    C = Conference  # noqa: N806
    if session.get_bind().dialect.name == "sqlite":  # grouped in ix_conference_learner_held (see ``_earliest``)
        statement = (select(hex_of(C.learner_id), func.max(cast(C.held_on, String) + " " + cast(C.created_at, String)),
                            C.held_on, C.next_checkin_on)
                     .where(C.deleted_at.is_(None)).group_by(C.learner_id))
        return {lid: (held, next_on) for lid, _key, held, next_on in rows_of(session, statement, by_hex)}
    latest: dict[uuid.UUID, tuple[date, date | None]] = {}
    for lid, held, next_on in rows_of(session, select(hex_of(C.learner_id), C.held_on, C.next_checkin_on).where(
            C.deleted_at.is_(None)).order_by(C.held_on, C.created_at), by_hex):
        latest[lid] = (held, next_on)
    return latest


def _earliest(session, learner, day, text, by_hex: dict[str, uuid.UUID], *, select_from, where,  # noqa: ANN001
              join=None) -> list[tuple[uuid.UUID, date, str, int]]:  # noqa: ANN001
    """(learner, earliest ``day``, its ``text``, how many more) of the rows matching ``where``, one per learner.

    SQLite groups them: with one ``min()`` in a grouped query, a plain column is read from the row holding
    the minimum (SQLite's documented rule for bare columns), so only one row per learner reaches Python. Other
    databases read every row and ``domain.week.collapse`` keeps the same."""
    if session.get_bind().dialect.name == "sqlite":
        statement = select(hex_of(learner), func.min(day), text, func.count()).select_from(select_from)
        if join is not None:
            statement = statement.join(*join)
        statement = statement.where(*where).group_by(learner)
        return [(lid, first, words, n - 1) for lid, first, words, n in rows_of(session, statement, by_hex)]
    statement = select(hex_of(learner), day, text).select_from(select_from)
    if join is not None:
        statement = statement.join(*join)
    return w.collapse(rows_of(session, statement.where(*where), by_hex))


def _by_id(session, key, value, ids: set[uuid.UUID]) -> dict:  # noqa: ANN001
    """``{key: value}`` for ``ids``, asked in batches (SQLite's limit on parameters)."""
    found: dict = {}
    ids_list = list(ids)
    for start in range(0, len(ids_list), 500):
        found.update(session.execute(select(key, value).where(key.in_(ids_list[start:start + 500]))).all())
    return found


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


__all__ = ["MAX_CADENCE_WEEKS", "WeekService"]
