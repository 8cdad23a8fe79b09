"""The class figures' SQL: who holds which stage over time (spans), who is due, the buckets of the charts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import NamedTuple

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    func,
    literal,
    not_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import aliased

from plprofile.domain.framework import Framework
from plprofile.domain.progress import (
    Assessment,
    ElementRating,
    Span,
    month_starts,
    stage_bounds,
)
from plprofile.store import spans
from plprofile.store.models import Assessment as AssessmentRow
from plprofile.store.models import AssessmentRating, Learner


def to_domain(row: AssessmentRow, ratings: Iterable[AssessmentRating]) -> Assessment:
    return Assessment(
        id=str(row.id), learner_id=str(row.learner_id), assessed_on=row.assessed_on,
        framework_id=row.framework_id, framework_version=row.framework_version, note=row.note,
        ratings=tuple(ElementRating(r.element_id, r.learner_value, r.teacher_value, r.agreed_value, r.note,
                                    r.carried_from) for r in ratings),
        partial=row.partial,
    )


def effective_value():  # noqa: ANN202
    """A rating's effective value in the store: agreed, else the mean of learner and teacher, else either."""
    return spans.effective(AssessmentRating.__table__)


def stage_counts(value, framework: Framework) -> list:  # noqa: ANN001
    """Aggregates for ``read_spans``: how many rows, how many with ``value`` (not NULL), and how many reach each
    stage's bound (``stage_bounds``, from the domain: exactly as ``Scale.snap``). The counts at each stage are
    their differences, so the store groups by span alone and snaps nothing."""
    return [func.count(), func.count(value),
            *(func.count(case((value >= bound, 1))) for _, bound in stage_bounds(framework))]


def live_learners(group: str | None, within=None):  # noqa: ANN001, ANN202
    """The ids of the class's learners (of ``group``, or the whole school; ``within``: only those of a statement
    selecting learner ids, a teacher's classes), removed ones left out."""
    learners = select(Learner.id).where(Learner.deleted_at.is_(None))
    if within is not None:
        learners = learners.where(Learner.id.in_(within))
    return learners.where(Learner.group_name == group) if group else learners


def by_span(kind: str, value, framework: Framework):  # noqa: ANN001, ANN202
    """The live assessments grouped by span (start, end), with ``stage_counts`` of ``value``, in the columns
    ``read_spans`` reads; the caller adds the FROM and WHERE of what is counted."""
    A = AssessmentRow  # noqa: N806
    return (select(literal(kind).label("kind"), A.assessed_on.label("start"), A.next_on.label("end"),
                   *stage_counts(value, framework))
            .where(A.deleted_at.is_(None)).group_by(A.assessed_on, A.next_on))


def latest_of_learner():  # noqa: ANN202
    """Join condition: a learner's latest live assessment (one at most; read from ix_assessment_latest)."""
    A = AssessmentRow  # noqa: N806
    return and_(A.learner_id == Learner.id, A.next_on.is_(None), A.deleted_at.is_(None))


#: "… of learners removed from the class": counted like the rest, then taken away (see ``scoped``).
GONE = "-gone"


def scoped(kind: str, group: str | None, gone: Sequence[uuid.UUID], build,  # noqa: ANN001
            learner=AssessmentRow.learner_id, within=None) -> list:  # noqa: ANN001
    """``build(kind, condition)`` (a list of selects) for the live assessments (or ratings: ``learner`` is the
    column naming the learner) of the class's learners.

    A class: its learners' assessments. The whole school: every assessment, and apart (``kind + GONE``) those
    of the learners removed from the class (``gone``: usually none), which ``read_spans`` takes away again. The few
    removed learners are looked up instead of checking 120,000 assessments against 10,000 live learners."""
    if group or within is not None:
        return build(kind, learner.in_(live_learners(group, within)))
    return [*build(kind, true()), *(build(kind + GONE, learner.in_(gone)) if gone else [])]


def removed(session) -> list[uuid.UUID]:  # noqa: ANN001
    """The learners removed from the class (kept, not purged)."""
    return list(session.execute(select(Learner.id).where(Learner.deleted_at.is_not(None))).scalars())


def overall_spans(framework: Framework, element_ids: list[str]):  # noqa: ANN202
    """A builder for ``scoped``: the live assessments by span (start, end), with ``stage_counts`` of their
    overall values.

    An assessment made against ``framework`` has only its elements' ratings: its overall value is the one the
    store keeps on the row, read with its span from ``ix_assessment_span`` alone. One made against another
    framework or version counts by its ratings of ``framework``'s elements, worked out from them (as the
    domain does); a school has few or none."""
    A, R = AssessmentRow, AssessmentRating  # noqa: N806
    same = and_(A.framework_id == framework.id, A.framework_version == framework.version)
    # the few assessments of another framework, found in ix_assessment_span: grouped by A.id alone, SQLite would
    # walk every assessment in key order and read each row to find them
    other = aliased(AssessmentRow)
    others = select(other.id).where(other.deleted_at.is_(None), not_(and_(
        other.framework_id == framework.id, other.framework_version == framework.version)))

    def build(kind: str, condition) -> list:  # noqa: ANN001
        kept = by_span(kind, A.overall, framework).where(same, condition)
        each = (select(A.assessed_on.label("start"), A.next_on.label("end"), func.avg(effective_value()).label("value"))
                .select_from(A)
                .outerjoin(R, and_(R.assessment_id == A.id, R.deleted_at.is_(None), R.element_id.in_(element_ids)))
                .where(A.id.in_(others), condition).group_by(A.id).subquery())
        worked_out = (select(literal(kind), each.c.start, each.c.end, *stage_counts(each.c.value, framework))
                      .group_by(each.c.start, each.c.end))
        return [kept, worked_out]
    return build


def element_spans(element_id: str, framework: Framework, kind: str, group: str | None,
                   gone: Sequence[uuid.UUID], within=None) -> list:  # noqa: ANN001
    """The live assessments by span (start, end), with ``stage_counts`` of ``element_id``'s effective value in
    each; a span whose assessment did not rate it counts as unrated."""
    A, R = AssessmentRow, AssessmentRating  # noqa: N806
    rated = and_(R.assessment_id == A.id, R.element_id == element_id, R.deleted_at.is_(None))

    def build(kind: str, condition) -> list:  # noqa: ANN001
        return [by_span(kind, effective_value(), framework).select_from(A).outerjoin(R, rated).where(condition)]
    return scoped(kind, group, gone, build, within=within)


def every_element_spans(framework: Framework, kind: str, group: str | None, gone: Sequence[uuid.UUID],
                        within=None) -> list:  # noqa: ANN001
    """``element_spans`` of every element of ``framework`` at once, for ``by_bucket(..., keys=2)``: rows of
    (kind, element id, start, end, ``stage_counts``…). Each assessment's ratings are read with one look-up
    (``ix_assessment_rating_values``), not one per element. The spans' totals come apart, with no element
    (None): ``element_rows`` adds them to each element's rated counts, so an assessment that did not rate an
    element counts as unrated for it, as in ``element_spans``."""
    A, R = AssessmentRow, AssessmentRating  # noqa: N806
    value = effective_value()
    counts = stage_counts(value, framework)

    def build(kind: str, condition) -> list:  # noqa: ANN001
        totals = (select(literal(kind).label("kind"), cast(literal(None), String).label("element"),
                         A.assessed_on.label("start"), A.next_on.label("end"), func.count(),
                         *(literal(0) for _ in counts[1:]))
                  .where(A.deleted_at.is_(None), condition).group_by(A.assessed_on, A.next_on))
        rated = (select(literal(kind), R.element_id, A.assessed_on, A.next_on, literal(0), *counts[1:])
                 .select_from(A).join(R, and_(R.assessment_id == A.id, R.deleted_at.is_(None)))  # a range, not a
                 # look-up per element: elements of other frameworks come too, and ``element_rows`` passes them by
                 .where(A.deleted_at.is_(None), condition).group_by(R.element_id, A.assessed_on, A.next_on))
        return [totals, rated]
    return scoped(kind, group, gone, build, within=within)


def element_rows(rows: Iterable[tuple], element_id: str) -> list[tuple]:
    """The rows of ``by_bucket(union_all(*every_element_spans(...)), today, keys=2)`` for one element, as
    ``read_spans`` reads them: its rated counts with every span's total."""
    return [(kind, *rest) for kind, element, *rest in rows if element is None or element == element_id]


def bucket(day, this_month: date):  # noqa: ANN001, ANN202
    """What the chart over time needs of a day, to add spans up by (``by_bucket``): from ``this_month`` on,
    the day itself; before, its month ("2025-03") if it is the 1st, else its month marked "+" (a span starting or
    ending then first counts, or stops counting, on the next month's 1st: the next date the chart shows)."""
    text = cast(day, String)
    return case((day >= this_month, text),
                else_=func.substr(text, 1, 7) + case((func.substr(text, 9, 2) == "01", ""), else_="+"))


def by_bucket(by_day, today: date, keys: int = 1):  # noqa: ANN001, ANN202
    """The rows of ``by_day`` (kind, start, end, ``stage_counts``…: assessments grouped by their span's days,
    in the order of ix_assessment_span) added up by ``bucket`` of start and end: over a school's years, a few
    hundred rows reach Python instead of one per pair of days, and the counts at every chart date are the same.
    ``keys``: how many columns before start and end say what is counted (kind, and the element).
    """
    columns = list(by_day.subquery().c)
    named, (start, end), counts = columns[:keys], columns[keys:keys + 2], columns[keys + 2:]
    this_month = today.replace(day=1)
    starts, ends = bucket(start, this_month), bucket(end, this_month)
    return select(*named, starts, ends, *(func.sum(c) for c in counts)).group_by(*named, starts, ends)


def bucket_day(key: str) -> tuple[date, date]:
    """A ``bucket`` read back: (the first chart date on or after the day, the 1st of the day's month)."""
    if len(key) == 10:
        day = date.fromisoformat(key)
        return day, day.replace(day=1)
    month = date(int(key[:4]), int(key[5:7]), 1)
    if not key.endswith("+"):
        return month, month
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1), month


class Spans(NamedTuple):
    """Spans whose start and end are chart dates (``bucket``), and the 1st of the month of the first start."""

    spans: list[Span]
    first_month: date | None


def read_spans(rows: Iterable, kind: str, framework: Framework) -> Spans:
    """The rows of ``kind`` (less those of ``kind + GONE``) from ``by_bucket`` as spans, one per (start, end,
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
            days[start_key] = bucket_day(start_key)
        start, month = days[start_key]
        first_month = month if first_month is None else min(first_month, month)
        end = None
        if end_key is not None:
            if end_key not in days:
                days[end_key] = bucket_day(end_key)
            end = days[end_key][0]
        if total > rated:
            result.append(Span(start, end, None, total - rated))
        # at stage k: those reaching its bound, less those reaching the next stage's
        for stage, here, above in zip(stages, (rated, *reached), (*reached, 0), strict=True):
            if here > above:
                result.append(Span(start, end, stage, here - above))
    return Spans(result, first_month)


def as_hex(value) -> str:  # noqa: ANN001
    """An id as the store gave it untyped (SQLite: the hex; a server: a UUID or its text) as its hex."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "").lower()


def as_date(value) -> date | None:  # noqa: ANN001
    """A day as the store gave it untyped (SQLite: ISO text; a server: a date)."""
    return value if value is None or isinstance(value, date) else date.fromisoformat(value)


def over_time_dates(spans: Spans, today: date | None) -> list[date]:
    """Each month start since the first assessment, and today (or the last assessment's day if later: a chart
    date, as ``bucket`` keeps the days from this month on)."""
    if spans.first_month is None:
        return []
    last = max(sp.start for sp in spans.spans)
    return month_starts(spans.first_month, max(today or date.today(), last))


def hex_of(column):  # noqa: ANN001, ANN201
    """A key column as the store keeps it (32 hex digits): read without making a UUID of every row."""
    return type_coerce(column, String)


def rows_of(session, statement, by_hex: dict[str, uuid.UUID]) -> Iterator[tuple]:  # noqa: ANN001
    """The rows of ``statement`` (its first column ``hex_of`` a learner key) whose learner is in ``by_hex``, that
    column made the learner's UUID; read through the connection, without the ORM's handling of each row."""
    for row in session.connection().execute(statement):
        learner = by_hex.get(row[0])
        if learner is not None:
            yield (learner, *row[1:])
