"""Stages of Personalized Learning: dated assessments, the framework in use, and the figures the charts read.

The framework files live in ``frameworks.py``, the class figures' SQL in ``class_queries.py``.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import (
    String,
    func,
    literal,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)

from plprofile.domain import profile as d
from plprofile.domain.framework import Framework, default_framework, load_framework
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor, Role, ValidationError
from plprofile.domain.progress import (
    Assessment,
    CheckInPoint,
    ClassSummary,
    DistributionAt,
    ElementRating,
    GoalEvent,
    Rater,
    carry_forward,
    element_over_time,
    overall_over_time,
    snap_counts,
)
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import Assessment as AssessmentRow
from plprofile.store.models import AssessmentRating, ChangeLog, CheckIn, Goal, Learner, Meta

from .access import (
    actor_first,
    class_scope,
    require_class,
    require_framework,
    require_learner_rows,
    taught_learners,
)
from .class_queries import (
    as_date,
    as_hex,
    by_bucket,
    effective_value,
    element_rows,
    element_spans,
    every_element_spans,
    latest_of_learner,
    live_learners,
    over_time_dates,
    overall_spans,
    read_spans,
    removed,
    scoped,
    to_domain,
)
from .frameworks import ACTIVE_KEY, frameworks_dir, keep_file, load_known
from .profiles import LearnerSummary, ProfileService

#: The class overview's list of who is due opens on learners not assessed in the last this many weeks.
DUE_WEEKS = 8

#: The class overview's reads that do not depend on each other run side by side, each on a connection of its
#: own: SQLite works without holding Python's lock, so a laptop's second core reads the bars of "now" and the
#: list of who is due while the first reads the year's spans. Threads start when first needed.
_READERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="plprofile-reader")

def _whose(actor: Actor) -> tuple:
    """What of the class an actor's figures cover, for the figures kept until the store changes."""
    return (actor.account_id, actor.admin)




@actor_first
class StagesService:
    """Record assessments (insert-only), read histories, and manage the school's framework files."""

    def __init__(self, store: Store, profiles: ProfileService | None = None) -> None:
        self.store = store
        self.profiles = profiles or ProfileService(store)
        self._frameworks: dict[tuple[str, str], Framework] = {}
        #: Class figures read since the store last changed (``Store.data_stamp``): opening the overview
        #: again, or going back to a group or element, reads nothing. Any commit empties it.
        self._class_cache: dict = {}
        self._class_stamp: tuple | None = None
        #: One reading of class figures at a time: a second caller (the overview opened while ``warm_class``
        #: reads on a worker) waits for the first and finds what it read.
        self._class_lock = threading.RLock()

    def _forget_if_changed(self) -> None:
        stamp = self.store.data_stamp()
        if stamp != self._class_stamp:
            self._class_cache.clear()
            self._class_stamp = stamp

    def _cached(self, key: tuple, read):  # noqa: ANN001, ANN202
        with self._class_lock:
            self._forget_if_changed()
            if key not in self._class_cache:
                self._class_cache[key] = read()
            return self._class_cache[key]

    # ---- frameworks ---------------------------------------------------------------------------------
    @property
    def _frameworks_dir(self) -> Path:
        return frameworks_dir(self.store.path)

    def _known(self) -> dict[tuple[str, str], Framework]:
        if not self._frameworks:
            self._frameworks.update(load_known(self._frameworks_dir))
        return self._frameworks

    def active_framework(self, actor: Actor) -> Framework:
        """The framework new assessments are made against: the school's own if loaded, else the default."""
        require_framework(actor)
        return self._active_framework()

    def _active_framework(self) -> Framework:
        known = self._known()
        with self.store.session() as s:
            meta = s.get(Meta, ACTIVE_KEY)
        if meta is not None:
            key = tuple(json.loads(meta.value))
            if key in known:
                return known[key]  # type: ignore[index]
        return default_framework()

    def framework_for(self, actor: Actor, framework_id: str, version: str) -> Framework:
        """The framework an assessment was made with; if that file is gone, the active one reads it."""
        require_framework(actor)
        return self._known().get((framework_id, version)) or self._active_framework()

    def install_framework(self, actor: Actor, data: bytes) -> Framework:
        """Validate a school's framework file, keep a copy beside the store and make it the active one.

        A bad file raises FrameworkError (naming the element and what is wrong) and changes nothing.
        """
        require_framework(actor, Action.UPDATE)
        framework = load_framework(data)  # raises before anything is written
        keep_file(self._frameworks_dir, data, framework)
        with self.store.transaction() as s:
            meta = s.get(Meta, ACTIVE_KEY) or Meta(key=ACTIVE_KEY)
            meta.value = json.dumps(list(framework.key))
            s.add(meta)
        self._frameworks[framework.key] = framework
        return framework

    def use_default_framework(self, actor: Actor) -> Framework:
        require_framework(actor, Action.UPDATE)
        with self.store.transaction() as s:
            meta = s.get(Meta, ACTIVE_KEY)
            if meta is not None:
                s.delete(meta)
        return default_framework()

    # ---- assessments --------------------------------------------------------------------------------
    def record_assessment(self, actor: Actor, learner_id: uuid.UUID, assessed_on: date,
                          ratings: Sequence[ElementRating], *, framework: Framework | None = None,
                          note: str = "") -> Assessment:
        """Save one dated assessment. Values off the framework's scale are refused; nothing partial is kept.

        A learner records only their own self-assessment; the teacher records the conference (learner's view,
        teacher's view and the value they agree on). Elements not rated are carried forward from the learner's
        latest values on or before ``assessed_on`` (``progress.carry_forward``: marked with the day they are
        from; a learner's self-assessment carries only their own earlier self-ratings); if some element still has
        no value, the assessment is a partial check with no Overall.
        """
        framework = framework or self.active_framework(actor)
        if not ratings or all(r.learner is None and r.teacher is None and r.agreed is None for r in ratings):
            raise ValidationError("ratings", "rate_one")
        seen: set[str] = set()
        with self.store.session() as s:
            scope = class_scope(s, learner_id)
        for r in ratings:
            element = framework.get_element(r.element_id)
            if element is None:
                raise ValidationError("element", "not_an_element", element=r.element_id, framework=framework.text())
            if r.element_id in seen:
                raise ValidationError("element", "rated_twice", element=element.text())
            seen.add(r.element_id)
            for value in (r.learner, r.teacher, r.agreed):
                try:
                    framework.validate_value(value)
                except ValueError as exc:
                    raise ValidationError("value", "element_value", element=element.text(), problem=exc) from exc
            # each rating names the values it sets: a learner's self-assessment sets only their own
            given = {"element_id", "note"} | {name for name, value in (
                ("learner_value", r.learner), ("teacher_value", r.teacher), ("agreed_value", r.agreed))
                if value is not None}
            require(actor, Action.CREATE, Target(Kind.RATING, learner_id=learner_id, class_scope=scope), given)
        note = d.clean_text(note, field="note", required=False)
        with self.store.transaction() as s:
            learner = s.get(Learner, learner_id)
            if learner is None or learner.deleted_at is not None:
                raise changes.NotFoundError(str(learner_id))
            scope = class_scope(s, learner_id)
            require(actor, Action.CREATE, Target(Kind.ASSESSMENT, learner_id=learner_id, class_scope=scope))
            # a learner's self-check carries their own earlier self-ratings only (never the teacher's words)
            plan = carry_forward(self._history(s, learner_id, until=assessed_on), ratings, framework.element_ids(),
                                 only=Rater.LEARNER if actor.role is Role.LEARNER else None)
            if plan.carried:  # copies of earlier values, whoever saves: the same rule for each
                require(actor, Action.CREATE, Target(Kind.RATING, learner_id=learner_id, class_scope=scope),
                        {"element_id", "carried_from"})
            row = AssessmentRow(learner_id=learner_id, assessed_on=assessed_on, framework_id=framework.id,
                                framework_version=framework.version, note=note, partial=plan.partial)
            changes.create(s, self.store.device_id, row, actor, learner_id)
            rating_rows = []
            for r in plan.ratings:
                rr = AssessmentRating(assessment_id=row.id, learner_id=learner_id, element_id=r.element_id,
                                      learner_value=r.learner, teacher_value=r.teacher, agreed_value=r.agreed,
                                      note=d.clean_text(r.note, field="note", required=False, limit=1000),
                                      carried_from=r.carried_from)
                changes.create(s, self.store.device_id, rr, actor, learner_id)
                rating_rows.append(rr)
        return to_domain(row, rating_rows)

    def history(self, actor: Actor, learner_id: uuid.UUID) -> list[Assessment]:
        """Every assessment of one learner, oldest first."""
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.ASSESSMENT)
            return self._history(s, learner_id)

    @staticmethod
    def _history(s, learner_id: uuid.UUID, until: date | None = None) -> list[Assessment]:  # noqa: ANN001
        """One learner's live assessments (on or before ``until`` if given), oldest first."""
        rows = s.execute(select(AssessmentRow).where(
            AssessmentRow.learner_id == learner_id, AssessmentRow.deleted_at.is_(None),
            true() if until is None else AssessmentRow.assessed_on <= until,
        ).order_by(AssessmentRow.assessed_on, AssessmentRow.created_at)).scalars().all()
        ratings = s.execute(select(AssessmentRating).where(
            AssessmentRating.learner_id == learner_id, AssessmentRating.deleted_at.is_(None),
        ).order_by(AssessmentRating.created_at)).scalars().all()
        by_assessment: dict[uuid.UUID, list[AssessmentRating]] = defaultdict(list)
        for r in ratings:
            by_assessment[r.assessment_id].append(r)
        return [to_domain(row, by_assessment[row.id]) for row in rows]

    def class_histories(self, actor: Actor, group: str | None = None) -> dict[str, list[Assessment]]:
        """Every learner's assessments (learners with none map to an empty list), for the class overview."""
        require_class(actor)
        with self.store.session() as s:
            ids = s.execute(live_learners(group, taught_learners(s, actor))).scalars().all()
            histories: dict[str, list[Assessment]] = {str(i): [] for i in ids}
            rows = s.execute(select(AssessmentRow).where(AssessmentRow.deleted_at.is_(None))
                             .order_by(AssessmentRow.assessed_on, AssessmentRow.created_at)).scalars().all()
            ratings: dict[uuid.UUID, list[AssessmentRating]] = defaultdict(list)
            for r in s.execute(select(AssessmentRating).where(AssessmentRating.deleted_at.is_(None))
                               .order_by(AssessmentRating.created_at)).scalars():
                ratings[r.assessment_id].append(r)
        for row in rows:
            key = str(row.learner_id)
            if key in histories:
                histories[key].append(to_domain(row, ratings[row.id]))
        return histories

    def class_summary(self, actor: Actor, group: str | None = None, *, framework: Framework | None = None,
                      today: date | None = None, element: str | None = None) -> ClassSummary:
        """The class overview's numbers for every learner (or one group), aggregated in the store.

        The same figures as ``class_distribution``, ``overall_distribution`` and ``distribution_over_time``
        (at each month start since the first assessment, and today) over ``class_histories``, without loading
        a single assessment as an object: a school of 10,000 learners has 1.2 million ratings. The store
        gives each assessment's span (until the learner's next one) with its overall stage, and the counts
        per element and value of each learner's latest one; ``domain.progress`` turns them into stages.
        With ``element``, ``over_time`` also carries that element's counts (``elements[element]``), from the
        same statement; ``class_element_over_time`` gives them alone.
        """
        require_class(actor)
        framework = framework or self._active_framework()
        if element is not None:
            self._check_element(framework, element)
        today = today or date.today()
        return self._cached(("summary", framework.key, id(framework), group, today, element, _whose(actor)),
                            lambda: self._class_summary(group, framework, today, element, self._within(actor)))

    def class_overview(self, actor: Actor, cutoff: date, group: str | None = None, *,
                       framework: Framework | None = None, today: date | None = None, element: str | None = None
                       ) -> tuple[ClassSummary, list[tuple[LearnerSummary, date | None]]]:
        """``class_summary`` and ``not_assessed(cutoff)`` together, as the class overview opens: the list is
        read on another connection while the summary is (``_READERS``)."""
        require_class(actor)
        framework = framework or self._active_framework()
        today = today or date.today()
        key = ("not_assessed", cutoff, group, _whose(actor))
        with self._class_lock:
            self._forget_if_changed()
            rows = None if key in self._class_cache else _READERS.submit(self._due_rows, actor, cutoff, group)
            summary = self.class_summary(actor, group, framework=framework, today=today, element=element)
            return summary, self._cached(key, lambda: self._due_list(actor, rows.result() if rows is not None else
                                                                     self._due_rows(actor, cutoff, group)))

    def warm_class(self, actor: Actor, *, today: date | None = None) -> None:
        """Read what the class overview first shows (all groups, the overall stage, who has not been assessed in
        ``DUE_WEEKS``), for a worker thread while the teacher works: the overview then opens on it, as long as
        the store has not changed. At 10,000 learners it is a quarter of a second of reading, mostly in SQLite,
        that the teacher no longer waits for."""
        today = today or date.today()
        self.class_overview(actor, today - timedelta(weeks=DUE_WEEKS), today=today)

    def warm_elements(self, actor: Actor, group: str | None = None, *, framework: Framework | None = None,
                      today: date | None = None) -> None:
        """Start reading every element's counts over time (``class_element_over_time``) on a reader, unless they
        are kept or being read: the class overview asks once it is drawn, and the window's read-ahead last (after
        the teacher's week: not beside it), so that choosing an element under "Over time" finds them. Returns at
        once."""
        require_class(actor)
        self._every_element(actor, group, framework or self._active_framework(), today or date.today())

    def _within(self, actor: Actor):  # noqa: ANN202
        """``access.taught_learners`` of ``actor``: the learners of their classes, or None for everyone."""
        with self.store.session() as s:
            return taught_learners(s, actor)

    def _class_summary(self, group: str | None, framework: Framework, today: date,
                       element: str | None, within=None) -> ClassSummary:  # noqa: ANN001
        element_ids = list(framework.element_ids())
        R = AssessmentRating  # noqa: N806
        effective = effective_value()
        learners = live_learners(group, within)
        # the ratings of each live learner's latest assessment, by element and values, in the order of their
        # index (ix_assessment_rating_latest: nothing to sort): the bars of now (the framework's elements are
        # picked below)
        def latest(kind: str, condition) -> list:  # noqa: ANN001
            by = (R.element_id, R.agreed_value, R.learner_value, R.teacher_value)
            return [select(literal(kind), R.element_id, effective, func.count())
                    .where(R.in_latest.is_(True), R.deleted_at.is_(None), condition).group_by(*by)]

        with self.store.session() as s:
            gone = removed(s)
            # every assessment's span with how many stood at each overall stage, added up by chart dates
            parts = scoped("span", group, gone, overall_spans(framework, element_ids), within=within)
            if element is not None:
                parts += element_spans(element, framework, "element", group, gone, within)
            latest_rows = _READERS.submit(self._read_all, union_all(*scoped("now", group, gone, latest,
                                                                             R.learner_id, within)))
            count = s.execute(select(func.count()).select_from(learners.subquery())).scalar_one()
            rows = list(map(tuple, s.execute(by_bucket(union_all(*parts), today))))
            latest_rows = latest_rows.result()
        span_list = read_spans(rows, "span", framework)
        values: dict[str, Counter] = {e: Counter() for e in element_ids}
        for kind, el, v, n in latest_rows:
            if el in values and v is not None:
                values[el][v] += n if kind == "now" else -n
        now = {e: snap_counts((+values[e]).items(), framework) for e in element_ids}
        current = [sp for sp in span_list.spans if sp.end is None]
        overall_now = snap_counts(((sp.overall, sp.count) for sp in current), framework)
        assessed = sum(sp.count for sp in current)
        dates = over_time_dates(span_list, today)
        over_time = overall_over_time(span_list.spans, framework, dates)
        if element is not None:
            by_element = element_over_time(read_spans(rows, "element", framework).spans, framework, dates, element)
            over_time = [DistributionAt(p.on, q.elements, p.overall, p.learners)
                         for p, q in zip(over_time, by_element, strict=True)]
        return ClassSummary(now, overall_now, over_time, count, assessed)

    def _read_all(self, statement) -> list[tuple]:  # noqa: ANN001
        """Every row of ``statement``, on a connection of its own (for ``_READERS``)."""
        with self.store.session() as s:
            return list(map(tuple, s.execute(statement)))

    def class_element_over_time(self, actor: Actor, element_id: str, group: str | None = None, *,
                                framework: Framework | None = None, today: date | None = None
                                ) -> list[DistributionAt]:
        """How many learners stood at each stage of one element at the dates of ``class_summary().over_time``
        (``elements[element_id]`` of each point; ``overall`` is left empty), aggregated in the store.

        The same figures as ``distribution_over_time(class_histories(...), ...)``'s for that element: each
        assessment's span, grouped by (start, end, stage of the element's effective value in it); a learner
        whose latest assessment did not rate the element is not counted for it on those dates.
        """
        require_class(actor)
        framework = framework or self._active_framework()
        self._check_element(framework, element_id)
        today = today or date.today()
        key, reading = self._every_element(actor, group, framework, today)
        try:
            return reading.result()[element_id]  # waits (outside the lock) if the reading is still going on
        except BaseException:
            with self._class_lock:  # a failed reading is not kept: the next choice tries again
                if self._class_cache.get(key) is reading:
                    del self._class_cache[key]
            raise

    def _every_element(self, actor: Actor, group: str | None, framework: Framework, today: date
                       ) -> tuple[tuple, Future]:
        """Every element's counts over time (``_class_elements``) as kept until the store changes, or started now
        on a reader: (its key in the cache, the reading)."""
        key = ("elements", framework.key, id(framework), group, today, _whose(actor))
        with self._class_lock:
            self._forget_if_changed()
            reading = self._class_cache.get(key)
            if reading is None:
                within = self._within(actor)
                reading = self._class_cache[key] = _READERS.submit(self._class_elements, group, framework, today,
                                                                   within)
            return key, reading

    def _class_elements(self, group: str | None, framework: Framework, today: date,
                        within=None) -> dict[str, list[DistributionAt]]:  # noqa: ANN001
        """How many learners stood at each stage of each element at the dates of ``class_summary().over_time``,
        read in one pass over the ratings: one element's costs as much (a look-up per assessment), the rest
        comes almost free."""
        with self.store.session() as s:
            parts = every_element_spans(framework, "element", group, removed(s), within)
            rows = list(map(tuple, s.execute(by_bucket(union_all(*parts), today, keys=2))))
        result = {}
        for element_id in framework.element_ids():
            # every assessment is in it (the spans' totals): the same dates as the overall stage's
            span_list = read_spans(element_rows(rows, element_id), "element", framework)
            result[element_id] = element_over_time(span_list.spans, framework, over_time_dates(span_list, today),
                                                   element_id)
        return result

    @staticmethod
    def _check_element(framework: Framework, element_id: str) -> None:
        if framework.get_element(element_id) is None:
            raise ValidationError("element", "not_an_element", element=element_id, framework=framework.text())

    def last_assessed(self, actor: Actor) -> dict[str, date | None]:
        """When each learner was last assessed (None: never), for "who has not been assessed recently"."""
        require_class(actor)
        return self._cached(("last_assessed", _whose(actor)), lambda: self._last_assessed(self._within(actor)))

    def not_assessed(self, actor: Actor, cutoff: date, group: str | None = None
                     ) -> list[tuple[LearnerSummary, date | None]]:
        """The learners (of ``group``) not assessed since ``cutoff``, with their last day (None: never): never
        assessed first, then the longest ago, then by name. Kept, like the class figures, until the store
        changes: at 10,000 learners reading the names is most of the class overview's list."""
        require_class(actor)
        return self._cached(("not_assessed", cutoff, group, _whose(actor)), lambda: self._due_list(actor, self._due_rows(actor, cutoff, group)))

    def _due_rows(self, actor: Actor, cutoff: date, group: str | None) -> list[tuple[str, str | None]]:
        """Who is due, as the store keeps them: (id hex, ISO day of the last assessment or None): little but
        the store's work, so that it runs beside the class figures without holding Python's lock for long. The
        class list (``ProfileService.class_list``) is read here too when the store changed since it was."""
        A = AssessmentRow  # noqa: N806
        last = A.assessed_on
        stmt = (select(type_coerce(Learner.id, String), type_coerce(last, String))
                .outerjoin(A, latest_of_learner())
                .where(Learner.deleted_at.is_(None), or_(last.is_(None), last < cutoff)))
        if group:
            stmt = stmt.where(Learner.group_name == group)
        rows = self._read_all(stmt)
        self.profiles.class_list(actor)  # the names too, here beside the figures, if the store changed since last read
        return rows

    def _due_list(self, actor: Actor, rows: list[tuple[str, str | None]]
                  ) -> list[tuple[LearnerSummary, date | None]]:
        """``_due_rows`` with each learner's names (the class list, read once per store change): never assessed
        first, then the longest ago, then by name."""
        known = self.profiles.class_list(actor)
        # one pass over a whole school's rows (10,000 at once): ids as the store keeps them (SQLite: the hex
        # already), and each of the few hundred assessment days parsed once
        hexes = [learner if type(learner) is str and len(learner) == 32 and learner.islower() else as_hex(learner)
                 for learner, _day in rows]
        if not known.by_hex.keys() >= set(hexes):  # read before a learner came in: read again
            self.profiles.forget_class_list(actor)
            known = self.profiles.class_list(actor)
        names, by_hex = known.name_keys, known.by_hex
        days: dict = {None: None}
        # the same order as sorting by (assessed?, day, name) and, on a tie, as the store gave them
        never: list[tuple[str, int, str]] = []  # (name key, place, hex): never assessed, by name
        once: list[tuple[date, str, int, str]] = []  # (last day, name key, place, hex): the longest ago first
        for place, (hex_id, (_learner, text)) in enumerate(zip(hexes, rows, strict=True)):
            name = names.get(hex_id)
            if name is None:
                continue
            day = days.get(text, days)
            if day is days:
                day = days[text] = as_date(text)
            if day is None:
                never.append((name, place, hex_id))
            else:
                once.append((day, name, place, hex_id))
        never.sort()
        once.sort()
        return [(by_hex[n[2]], None) for n in never] + [(by_hex[o[3]], o[0]) for o in once]

    def _last_assessed(self, within=None) -> dict[str, date | None]:  # noqa: ANN001
        with self.store.session() as s:
            rows = s.execute(select(Learner.id, AssessmentRow.assessed_on)
                             .outerjoin(AssessmentRow, latest_of_learner())
                             .where(Learner.deleted_at.is_(None),
                                    *(() if within is None else (Learner.id.in_(within),)))).all()
        return {str(learner_id): last for learner_id, last in rows}

    # ---- goals over time, from the change log -------------------------------------------------------
    def goal_timeline(self, actor: Actor, learner_id: uuid.UUID) -> tuple[list[GoalEvent], list[CheckInPoint],
                                                                            dict[str, str]]:
        """Status events of each goal (from the change log), check-in values, and goal names."""
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.GOAL)
            goals = s.execute(select(Goal).where(Goal.learner_id == learner_id, Goal.deleted_at.is_(None))
                              ).scalars().all()
            names = {str(g.id): g.statement for g in goals}
            logs = s.execute(select(ChangeLog).where(
                ChangeLog.learner_id == learner_id, ChangeLog.entity == Goal.__tablename__,
            ).order_by(ChangeLog.at)).scalars().all()
            checkins = s.execute(select(CheckIn).where(CheckIn.learner_id == learner_id,
                                                       CheckIn.deleted_at.is_(None))
                                 .order_by(CheckIn.on_date)).scalars().all()
        events: list[GoalEvent] = []
        for log in logs:
            goal_id = str(log.entity_id)
            if goal_id not in names:
                continue
            if log.action == "create":
                status = json.loads(log.new_value or "{}").get("status", d.GoalStatus.NOT_STARTED.value)
                events.append(GoalEvent(goal_id, log.at.date(), status))
            elif log.action == "update" and log.field == "status" and log.new_value:
                events.append(GoalEvent(goal_id, log.at.date(), log.new_value))
        points = [CheckInPoint(str(c.goal_id), c.on_date, c.scale) for c in checkins if str(c.goal_id) in names]
        return events, points, names
