"""Stages of Personalized Learning: dated assessments, the school's framework, and the data the charts read."""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    func,
    literal,
    not_,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)

from plprofile.domain import profile as d
from plprofile.domain.framework import Framework, FrameworkError, default_framework, load_framework
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor, ValidationError
from plprofile.domain.progress import (
    Assessment,
    CheckInPoint,
    ClassSummary,
    DistributionAt,
    ElementRating,
    GoalEvent,
    Span,
    carry_forward,
    element_over_time,
    month_starts,
    overall_over_time,
    snap_counts,
    stage_bounds,
)
from plprofile.store import changes, spans
from plprofile.store.engine import Store
from plprofile.store.models import Assessment as AssessmentRow
from plprofile.store.models import AssessmentRating, ChangeLog, CheckIn, Goal, Learner, Meta

from .access import actor_first, class_scope, require_class, require_framework, require_learner_rows
from .profiles import LearnerSummary, ProfileService

#: The class overview's list of who is due opens on learners not assessed in the last this many weeks.
DUE_WEEKS = 8

#: The class overview's reads that do not depend on each other run side by side, each on a connection of its
#: own: SQLite works without holding Python's lock, so a laptop's second core reads the bars of "now" and the
#: list of who is due while the first reads the year's spans. Threads start when first needed.
_READERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="plprofile-reader")

FRAMEWORKS_DIRNAME = "frameworks"
ACTIVE_KEY = "active_framework"


def _to_domain(row: AssessmentRow, ratings: Iterable[AssessmentRating]) -> Assessment:
    return Assessment(
        id=str(row.id), learner_id=str(row.learner_id), assessed_on=row.assessed_on,
        framework_id=row.framework_id, framework_version=row.framework_version, note=row.note,
        ratings=tuple(ElementRating(r.element_id, r.learner_value, r.teacher_value, r.agreed_value, r.note,
                                    r.carried_from) for r in ratings),
        partial=row.partial,
    )


def _effective():  # noqa: ANN202
    """A rating's effective value in the store: agreed, else the mean of learner and teacher, else either."""
    return spans.effective(AssessmentRating.__table__)


def _stage_counts(value, framework: Framework) -> list:  # noqa: ANN001
    """Aggregates for ``_spans``: how many rows, how many with ``value`` (not NULL), and how many reach each
    stage's bound (``stage_bounds``, from the domain: exactly as ``Scale.snap``). The counts at each stage are
    their differences, so the store groups by span alone and snaps nothing."""
    return [func.count(), func.count(value),
            *(func.count(case((value >= bound, 1))) for _, bound in stage_bounds(framework))]


def _live_learners(group: str | None):  # noqa: ANN202
    """The ids of the class's learners (of ``group``, or the whole school), removed ones left out."""
    learners = select(Learner.id).where(Learner.deleted_at.is_(None))
    return learners.where(Learner.group_name == group) if group else learners


def _by_span(kind: str, value, framework: Framework):  # noqa: ANN001, ANN202
    """The live assessments grouped by span (start, end), with ``_stage_counts`` of ``value``, in the columns
    ``_spans`` reads; the caller adds the FROM and WHERE of what is counted."""
    A = AssessmentRow  # noqa: N806
    return (select(literal(kind).label("kind"), A.assessed_on.label("start"), A.next_on.label("end"),
                   *_stage_counts(value, framework))
            .where(A.deleted_at.is_(None)).group_by(A.assessed_on, A.next_on))


def _latest_of_learner():  # noqa: ANN202
    """Join condition: a learner's latest live assessment (one at most; read from ix_assessment_latest)."""
    A = AssessmentRow  # noqa: N806
    return and_(A.learner_id == Learner.id, A.next_on.is_(None), A.deleted_at.is_(None))


#: "… of learners removed from the class": counted like the rest, then taken away (see ``_scoped``).
GONE = "-gone"


def _scoped(kind: str, group: str | None, gone: Sequence[uuid.UUID], build,  # noqa: ANN001
            learner=AssessmentRow.learner_id) -> list:  # noqa: ANN001
    """``build(kind, condition)`` (a list of selects) for the live assessments (or ratings: ``learner`` is the
    column naming the learner) of the class's learners.

    A class: its learners' assessments. The whole school: every assessment, and apart (``kind + GONE``) those
    of the learners removed from the class (``gone``: usually none), which ``_spans`` takes away again. The few
    removed learners are looked up instead of checking 120,000 assessments against 10,000 live learners."""
    if group:
        return build(kind, learner.in_(_live_learners(group)))
    return [*build(kind, true()), *(build(kind + GONE, learner.in_(gone)) if gone else [])]


def _removed(session) -> list[uuid.UUID]:  # noqa: ANN001
    """The learners removed from the class (kept, not purged)."""
    return list(session.execute(select(Learner.id).where(Learner.deleted_at.is_not(None))).scalars())


def _overall_spans(framework: Framework, element_ids: list[str]):  # noqa: ANN202
    """A builder for ``_scoped``: the live assessments by span (start, end), with ``_stage_counts`` of their
    overall values.

    An assessment made against ``framework`` has only its elements' ratings: its overall value is the one the
    store keeps on the row, read with its span from ``ix_assessment_span`` alone. One made against another
    framework or version counts by its ratings of ``framework``'s elements, worked out from them (as the
    domain does); a school has few or none."""
    A, R = AssessmentRow, AssessmentRating  # noqa: N806
    same = and_(A.framework_id == framework.id, A.framework_version == framework.version)

    def build(kind: str, condition) -> list:  # noqa: ANN001
        kept = _by_span(kind, A.overall, framework).where(same, condition)
        each = (select(A.assessed_on.label("start"), A.next_on.label("end"), func.avg(_effective()).label("value"))
                .select_from(A)
                .outerjoin(R, and_(R.assessment_id == A.id, R.deleted_at.is_(None), R.element_id.in_(element_ids)))
                .where(A.deleted_at.is_(None), not_(same), condition).group_by(A.id).subquery())
        worked_out = (select(literal(kind), each.c.start, each.c.end, *_stage_counts(each.c.value, framework))
                      .group_by(each.c.start, each.c.end))
        return [kept, worked_out]
    return build


def _element_spans(element_id: str, framework: Framework, kind: str, group: str | None,
                   gone: Sequence[uuid.UUID]) -> list:
    """The live assessments by span (start, end), with ``_stage_counts`` of ``element_id``'s effective value in
    each; a span whose assessment did not rate it counts as unrated."""
    A, R = AssessmentRow, AssessmentRating  # noqa: N806
    rated = and_(R.assessment_id == A.id, R.element_id == element_id, R.deleted_at.is_(None))

    def build(kind: str, condition) -> list:  # noqa: ANN001
        return [_by_span(kind, _effective(), framework).select_from(A).outerjoin(R, rated).where(condition)]
    return _scoped(kind, group, gone, build)


def _bucket(day, this_month: date):  # noqa: ANN001, ANN202
    """What the chart over time needs of a day, to add spans up by (``_by_bucket``): from ``this_month`` on,
    the day itself; before, its month ("2025-03") if it is the 1st, else its month marked "+" (a span starting or
    ending then first counts, or stops counting, on the next month's 1st: the next date the chart shows)."""
    text = cast(day, String)
    return case((day >= this_month, text),
                else_=func.substr(text, 1, 7) + case((func.substr(text, 9, 2) == "01", ""), else_="+"))


def _by_bucket(by_day, today: date):  # noqa: ANN001, ANN202
    """The rows of ``by_day`` (kind, start, end, ``_stage_counts``…: assessments grouped by their span's days,
    in the order of ix_assessment_span) added up by ``_bucket`` of start and end: over a school's years, a few
    hundred rows reach Python instead of one per pair of days, and the counts at every chart date are the same.
    """
    spans_by_day = by_day.subquery()
    kind, start, end, *counts = spans_by_day.c
    this_month = today.replace(day=1)
    starts, ends = _bucket(start, this_month), _bucket(end, this_month)
    return select(kind, starts, ends, *(func.sum(c) for c in counts)).group_by(kind, starts, ends)


def _bucket_day(key: str) -> tuple[date, date]:
    """A ``_bucket`` read back: (the first chart date on or after the day, the 1st of the day's month)."""
    if len(key) == 10:
        day = date.fromisoformat(key)
        return day, day.replace(day=1)
    month = date(int(key[:4]), int(key[5:7]), 1)
    if not key.endswith("+"):
        return month, month
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1), month


class Spans(NamedTuple):
    """Spans whose start and end are chart dates (``_bucket``), and the 1st of the month of the first start."""

    spans: list[Span]
    first_month: date | None


def _spans(rows: Iterable, kind: str, framework: Framework) -> Spans:
    """The rows of ``kind`` (less those of ``kind + GONE``) from ``_by_bucket`` as spans, one per (start, end,
    stage) counted; the unrated have stage None."""
    net: dict[tuple, list[int]] = {}
    for r in rows:
        sign = 1 if r[0] == kind else -1 if r[0] == kind + GONE else 0
        if sign:
            counts = net.setdefault((r[1], r[2]), [0] * (len(r) - 3))
            for k, n in enumerate(r[3:]):
                counts[k] += sign * n
    stages = framework.allowed_values()
    result = []
    days: dict[str, tuple[date, date]] = {}
    first_month = None
    for (start_key, end_key), (total, rated, *reached) in net.items():
        if not total:
            continue  # only learners removed from the class began or ended a span then
        if start_key not in days:
            days[start_key] = _bucket_day(start_key)
        start, month = days[start_key]
        first_month = month if first_month is None else min(first_month, month)
        end = None
        if end_key is not None:
            if end_key not in days:
                days[end_key] = _bucket_day(end_key)
            end = days[end_key][0]
        if total > rated:
            result.append(Span(start, end, None, total - rated))
        # at stage k: those reaching its bound, less those reaching the next stage's
        for stage, here, above in zip(stages, (rated, *reached), (*reached, 0), strict=True):
            if here > above:
                result.append(Span(start, end, stage, here - above))
    return Spans(result, first_month)


def _as_hex(value) -> str:  # noqa: ANN001
    """An id as the store gave it untyped (SQLite: the hex; a server: a UUID or its text) as its hex."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "").lower()


def _as_date(value) -> date | None:  # noqa: ANN001
    """A day as the store gave it untyped (SQLite: ISO text; a server: a date)."""
    return value if value is None or isinstance(value, date) else date.fromisoformat(value)


def _over_time_dates(spans: Spans, today: date | None) -> list[date]:
    """Each month start since the first assessment, and today (or the last assessment's day if later: a chart
    date, as ``_bucket`` keeps the days from this month on)."""
    if spans.first_month is None:
        return []
    last = max(sp.start for sp in spans.spans)
    return month_starts(spans.first_month, max(today or date.today(), last))


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
        return self.store.path.parent / FRAMEWORKS_DIRNAME

    def _known(self) -> dict[tuple[str, str], Framework]:
        if not self._frameworks:
            fw = default_framework()
            self._frameworks[fw.key] = fw
            if self._frameworks_dir.is_dir():
                for path in sorted(self._frameworks_dir.glob("*.json")):
                    try:
                        loaded = load_framework(path)
                    except FrameworkError:
                        continue  # a damaged copy never stops the app; the default still works
                    self._frameworks[loaded.key] = loaded
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
        self._frameworks_dir.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in f"{framework.id}-{framework.version}")
        target = self._frameworks_dir / f"{safe}.json"
        tmp = target.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(target)
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
        from); if some element still has no value, the assessment is a partial check with no Overall.
        """
        framework = framework or self.active_framework(actor)
        if not ratings or all(r.learner is None and r.teacher is None and r.agreed is None for r in ratings):
            raise ValidationError("ratings", "rate_one")
        seen: set[str] = set()
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
            require(actor, Action.CREATE, Target(Kind.RATING, learner_id=learner_id), given)
        note = d.clean_text(note, field="note", required=False)
        with self.store.transaction() as s:
            learner = s.get(Learner, learner_id)
            if learner is None or learner.deleted_at is not None:
                raise changes.NotFoundError(str(learner_id))
            scope = class_scope(s, learner_id)
            require(actor, Action.CREATE, Target(Kind.ASSESSMENT, learner_id=learner_id, class_scope=scope))
            plan = carry_forward(self._history(s, learner_id, until=assessed_on), ratings, framework.element_ids())
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
        return _to_domain(row, rating_rows)

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
        return [_to_domain(row, by_assessment[row.id]) for row in rows]

    def class_histories(self, actor: Actor, group: str | None = None) -> dict[str, list[Assessment]]:
        """Every learner's assessments (learners with none map to an empty list), for the class overview."""
        require_class(actor)
        with self.store.session() as s:
            learners = select(Learner.id).where(Learner.deleted_at.is_(None))
            if group:
                learners = learners.where(Learner.group_name == group)
            ids = s.execute(learners).scalars().all()
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
                histories[key].append(_to_domain(row, ratings[row.id]))
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
        return self._cached(("summary", framework.key, id(framework), group, today, element),
                            lambda: self._class_summary(group, framework, today, element))

    def class_overview(self, actor: Actor, cutoff: date, group: str | None = None, *,
                       framework: Framework | None = None, today: date | None = None, element: str | None = None
                       ) -> tuple[ClassSummary, list[tuple[LearnerSummary, date | None]]]:
        """``class_summary`` and ``not_assessed(cutoff)`` together, as the class overview opens: the list is
        read on another connection while the summary is (``_READERS``)."""
        require_class(actor)
        key = ("not_assessed", cutoff, group)
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

    def _class_summary(self, group: str | None, framework: Framework, today: date,
                       element: str | None) -> ClassSummary:
        element_ids = list(framework.element_ids())
        R = AssessmentRating  # noqa: N806
        effective = _effective()
        learners = _live_learners(group)
        # the ratings of each live learner's latest assessment, by element and values, in the order of their
        # index (ix_assessment_rating_latest: nothing to sort): the bars of now (the framework's elements are
        # picked below)
        def latest(kind: str, condition) -> list:  # noqa: ANN001
            by = (R.element_id, R.agreed_value, R.learner_value, R.teacher_value)
            return [select(literal(kind), R.element_id, effective, func.count())
                    .where(R.in_latest.is_(True), R.deleted_at.is_(None), condition).group_by(*by)]

        with self.store.session() as s:
            gone = _removed(s)
            # every assessment's span with how many stood at each overall stage, added up by chart dates
            parts = _scoped("span", group, gone, _overall_spans(framework, element_ids))
            if element is not None:
                parts += _element_spans(element, framework, "element", group, gone)
            latest_rows = _READERS.submit(self._read_all, union_all(*_scoped("now", group, gone, latest,
                                                                             R.learner_id)))
            count = s.execute(select(func.count()).select_from(learners.subquery())).scalar_one()
            rows = list(map(tuple, s.execute(_by_bucket(union_all(*parts), today))))
            latest_rows = latest_rows.result()
        span_list = _spans(rows, "span", framework)
        values: dict[str, Counter] = {e: Counter() for e in element_ids}
        for kind, el, v, n in latest_rows:
            if el in values and v is not None:
                values[el][v] += n if kind == "now" else -n
        now = {e: snap_counts((+values[e]).items(), framework) for e in element_ids}
        current = [sp for sp in span_list.spans if sp.end is None]
        overall_now = snap_counts(((sp.overall, sp.count) for sp in current), framework)
        assessed = sum(sp.count for sp in current)
        dates = _over_time_dates(span_list, today)
        over_time = overall_over_time(span_list.spans, framework, dates)
        if element is not None:
            by_element = element_over_time(_spans(rows, "element", framework).spans, framework, dates, element)
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
        return self._cached(("element", framework.key, id(framework), group, today, element_id),
                            lambda: self._class_element_over_time(element_id, group, framework, today))

    def _class_element_over_time(self, element_id: str, group: str | None, framework: Framework,
                                 today: date) -> list[DistributionAt]:
        with self.store.session() as s:
            parts = _element_spans(element_id, framework, "element", group, _removed(s))
            rows = list(map(tuple, s.execute(_by_bucket(union_all(*parts), today))))
        span_list = _spans(rows, "element", framework)  # every assessment is in it (left join): the same dates
        return element_over_time(span_list.spans, framework, _over_time_dates(span_list, today), element_id)

    @staticmethod
    def _check_element(framework: Framework, element_id: str) -> None:
        if framework.get_element(element_id) is None:
            raise ValidationError("element", "not_an_element", element=element_id, framework=framework.text())

    def last_assessed(self, actor: Actor) -> dict[str, date | None]:
        """When each learner was last assessed (None: never), for "who has not been assessed recently"."""
        require_class(actor)
        return self._cached(("last_assessed",), self._last_assessed)

    def not_assessed(self, actor: Actor, cutoff: date, group: str | None = None
                     ) -> list[tuple[LearnerSummary, date | None]]:
        """The learners (of ``group``) not assessed since ``cutoff``, with their last day (None: never): never
        assessed first, then the longest ago, then by name. Kept, like the class figures, until the store
        changes: at 10,000 learners reading the names is most of the class overview's list."""
        require_class(actor)
        return self._cached(("not_assessed", cutoff, group), lambda: self._due_list(actor, self._due_rows(actor, cutoff, group)))

    def _due_rows(self, actor: Actor, cutoff: date, group: str | None) -> list[tuple[str, str | None]]:
        """Who is due, as the store keeps them: (id hex, ISO day of the last assessment or None): little but
        the store's work, so that it runs beside the class figures without holding Python's lock for long. The
        class list (``ProfileService.class_list``) is read here too when the store changed since it was."""
        A = AssessmentRow  # noqa: N806
        last = A.assessed_on
        stmt = (select(type_coerce(Learner.id, String), type_coerce(last, String))
                .outerjoin(A, _latest_of_learner())
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
        rows = [(_as_hex(learner), day) for learner, day in rows]
        if any(hex_id not in known.by_hex for hex_id, _ in rows):  # read before a learner came in: read again
            self.profiles.forget_class_list(actor)
            known = self.profiles.class_list(actor)
        names = known.name_keys
        due = [(hex_id, _as_date(day)) for hex_id, day in rows if hex_id in names]
        due.sort(key=lambda x: (x[1] is not None, x[1] or date.min, names[x[0]]))
        return [(known.by_hex[hex_id], day) for hex_id, day in due]

    def _last_assessed(self) -> dict[str, date | None]:
        with self.store.session() as s:
            rows = s.execute(select(Learner.id, AssessmentRow.assessed_on)
                             .outerjoin(AssessmentRow, _latest_of_learner())
                             .where(Learner.deleted_at.is_(None))).all()
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
