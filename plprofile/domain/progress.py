"""Progress through the Stages: per-learner series, trends, learner/teacher gaps, class distributions, goals.

Pure maths over plain dataclasses (no Qt, no SQL). Histories may mix framework versions: an element an
older version lacks simply has no value there. Dates are ``datetime.date``. Several assessments on the same
date keep their input order: the later one in the input counts as the later one.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from plprofile.domain.framework import Framework
from plprofile.domain.profile import GoalStatus


class Rater(StrEnum):
    """Whose value: the learner's self-assessment, the teacher's, or the one agreed in conference.

    ``EFFECTIVE`` is derived: agreed if set, else the mean of learner and teacher, else whichever is set.
    """

    LEARNER = "learner"
    TEACHER = "teacher"
    AGREED = "agreed"
    EFFECTIVE = "effective"


RaterLike = Rater | str


@dataclass(frozen=True)
class ElementRating:
    """The values given to one element in one assessment (None = not rated)."""

    element_id: str
    learner: float | None = None
    teacher: float | None = None
    agreed: float | None = None
    note: str = ""
    #: Not rated this time: the values are carried forward from the assessment of this date (see ``carry_forward``).
    carried_from: date | None = None

    def effective(self) -> float | None:
        if self.agreed is not None:
            return self.agreed
        if self.learner is not None and self.teacher is not None:
            return (self.learner + self.teacher) / 2
        return self.learner if self.learner is not None else self.teacher


@dataclass(frozen=True)
class Assessment:
    """One dated assessment of one learner against one framework version."""

    id: str
    learner_id: str
    assessed_on: date
    framework_id: str
    framework_version: str
    ratings: tuple[ElementRating, ...] = ()
    note: str = ""
    #: Some elements of its framework have no value, even carried forward: a partial check, never an Overall.
    partial: bool = False
    _by_element: dict[str, ElementRating] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if not isinstance(self.ratings, tuple):
            object.__setattr__(self, "ratings", tuple(self.ratings))
        self._by_element.update((r.element_id, r) for r in self.ratings)

    @property
    def framework_key(self) -> tuple[str, str]:
        return (self.framework_id, self.framework_version)

    def rating(self, element_id: str) -> ElementRating | None:
        return self._by_element.get(element_id)

    def value(self, element_id: str, rater: RaterLike) -> float | None:
        """The value ``rater`` gave ``element_id``; None if not rated. No fallback between raters."""
        rater = Rater(rater)
        rating = self._by_element.get(element_id)
        if rating is None:
            return None
        if rater is Rater.EFFECTIVE:
            return rating.effective()
        return getattr(rating, rater.value)

    def effective(self, element_id: str) -> float | None:
        """Agreed if set, else the mean of learner and teacher if both set, else whichever is set."""
        return self.value(element_id, Rater.EFFECTIVE)

    def values(self, rater: RaterLike, element_ids: Collection[str] | None = None) -> dict[str, float | None]:
        """Each rated element's value for ``rater`` in rating order (only ``element_ids`` if given)."""
        return {
            r.element_id: self.value(r.element_id, rater)
            for r in self.ratings
            if element_ids is None or r.element_id in element_ids
        }

    def overall(self, rater: RaterLike, element_ids: Collection[str] | None = None) -> float | None:
        """The mean of this assessment's values for ``rater`` (over ``element_ids`` if given); None for a partial
        check: an Overall stands only on a full set."""
        if self.partial:
            return None
        return overall_stage(self.values(rater, element_ids))

    def carried(self) -> list[ElementRating]:
        """The ratings carried forward from earlier assessments, in rating order."""
        return [r for r in self.ratings if r.carried_from is not None]


# ------------------------------------------------------------------------------------------- basics


def overall_stage(values: Mapping[str, float | None]) -> float | None:
    """The mean of the values present; None when there are none."""
    present = [v for v in values.values() if v is not None]
    return math.fsum(present) / len(present) if present else None


def round_to_step(x: float, step: float = 0.5, origin: float = 0.0) -> float:
    """Round to the nearest ``origin + k * step``; exact halves round up (1.25 -> 1.5)."""
    if step <= 0:
        raise ValueError(f"step must be greater than 0, not {step}")
    k = math.floor((x - origin) / step + 0.5 + 1e-9)
    return round(origin + k * step, 9)


def chronological(history: Iterable[Assessment]) -> list[Assessment]:
    """Oldest first; ties keep input order."""
    return sorted(history, key=lambda a: a.assessed_on)


def latest(history: Iterable[Assessment]) -> Assessment | None:
    """The most recent assessment (the later one in input order on a tie), or None."""
    result: Assessment | None = None
    for a in history:
        if result is None or a.assessed_on >= result.assessed_on:
            result = a
    return result


def latest_on_or_before(history: Iterable[Assessment], on: date) -> Assessment | None:
    return latest(a for a in history if a.assessed_on <= on)


# ------------------------------------------------------------------------------------------- partial sets


@dataclass(frozen=True)
class CarryPlan:
    """What saving a set of ratings does: the ratings to store (those given, then the carried ones in framework
    order), the elements carried (with the day their value is from) and those left with no value at all."""

    ratings: tuple[ElementRating, ...]
    carried: tuple[tuple[str, date], ...]
    missing: tuple[str, ...]

    @property
    def partial(self) -> bool:
        """Some element has no value: the assessment is saved as a partial check, never an Overall."""
        return bool(self.missing)


def carry_forward(history: Iterable[Assessment], ratings: Iterable[ElementRating],
                  element_ids: Sequence[str], *, only: RaterLike | None = None) -> CarryPlan:
    """Complete a set of ratings of some elements: each element of ``element_ids`` not rated here keeps its
    latest value from ``history`` (all three views of the latest assessment that gave it any, marked with
    that assessment's day: the day of the words, not of a later copy). Elements never rated stay missing.

    ``only`` (a learner's self-assessment: ``Rater.LEARNER``) carries that rater's own latest values and nothing
    else: a learner's self-check keeps their own earlier self-ratings, never the teacher's or the agreed values,
    and an element they never rated themselves stays missing (a partial check)."""
    own = Rater(only) if only is not None else None
    given = [r for r in ratings if r.learner is not None or r.teacher is not None or r.agreed is not None]
    rated = {r.element_id for r in given}
    ordered = chronological(history)
    carried: list[ElementRating] = []
    missing: list[str] = []

    def has_value(rating: ElementRating | None) -> bool:
        if rating is None:
            return False
        return (rating.effective() if own is None else getattr(rating, own.value)) is not None

    for element_id in element_ids:
        if element_id in rated:
            continue
        source = next((a.rating(element_id) for a in reversed(ordered) if has_value(a.rating(element_id))), None)
        if source is None:
            missing.append(element_id)
            continue
        on = source.carried_from or next(a.assessed_on for a in reversed(ordered)
                                         if a.rating(element_id) is source)
        if own is None:
            carried.append(ElementRating(element_id, source.learner, source.teacher, source.agreed, "", on))
        else:
            carried.append(ElementRating(element_id, **{own.value: getattr(source, own.value)}, carried_from=on))
    return CarryPlan((*given, *carried), tuple((r.element_id, r.carried_from) for r in carried), tuple(missing))


# ------------------------------------------------------------------------------------------- series


def element_series(
    history: Iterable[Assessment], element_id: str, rater: RaterLike
) -> list[tuple[date, float]]:
    """``(date, value)`` oldest first, for the assessments where ``rater`` rated ``element_id``."""
    rater = Rater(rater)
    series: list[tuple[date, float]] = []
    for a in chronological(history):
        v = a.value(element_id, rater)
        if v is not None:
            series.append((a.assessed_on, v))
    return series


def overall_series(
    history: Iterable[Assessment], rater: RaterLike, element_ids: Collection[str] | None = None
) -> list[tuple[date, float]]:
    """``(date, overall stage)`` oldest first: the mean of each assessment's values for ``rater``.

    Pass ``element_ids`` (e.g. the current framework's) to leave out elements of other versions.
    """
    rater = Rater(rater)
    series: list[tuple[date, float]] = []
    for a in chronological(history):
        v = a.overall(rater, element_ids)
        if v is not None:
            series.append((a.assessed_on, v))
    return series


def value_at(series: Sequence[tuple[date, float]], on: date) -> float | None:
    """The last value of a chronological series at or before ``on``; None if it starts later."""
    i = bisect.bisect_right([d for d, _ in series], on)
    return series[i - 1][1] if i else None


def trend(
    history: Iterable[Assessment],
    element_id: str | None,
    start: date,
    end: date,
    rater: RaterLike = Rater.AGREED,
    *,
    element_ids: Collection[str] | None = None,
) -> float | None:
    """Value at (or just before) ``end`` minus value at (or just before) ``start``; None if either is missing.

    ``element_id`` None = the overall stage (over ``element_ids`` if given).
    """
    history = list(history)
    if element_id is None:
        series = overall_series(history, rater, element_ids)
    else:
        series = element_series(history, element_id, rater)
    before, after = value_at(series, start), value_at(series, end)
    if before is None or after is None:
        return None
    return round(after - before, 9)


# ------------------------------------------------------------------------------------------- gaps


@dataclass(frozen=True)
class Gap:
    """Where learner and teacher see an element differently: ``difference = learner - teacher``."""

    element_id: str
    learner: float
    teacher: float
    difference: float


def gaps(assessment: Assessment) -> list[Gap]:
    """One Gap per element that both learner and teacher rated (difference may be 0), in rating order."""
    result: list[Gap] = []
    for r in assessment.ratings:
        if r.learner is not None and r.teacher is not None:
            result.append(Gap(r.element_id, r.learner, r.teacher, round(r.learner - r.teacher, 9)))
    return result


def largest_gaps(assessment: Assessment, n: int = 3, min_difference: float = 0.5) -> list[Gap]:
    """Up to ``n`` gaps of at least ``min_difference``, largest first (ties keep rating order)."""
    found = [g for g in gaps(assessment) if abs(g.difference) >= min_difference - 1e-9]
    return sorted(found, key=lambda g: -abs(g.difference))[: max(n, 0)]


# ------------------------------------------------------------------------------------------- class view


def not_assessed_since(last_dates: Mapping[str, date | None], cutoff: date) -> list[str]:
    """Learners last assessed before ``cutoff`` or never (None), in the mapping's order."""
    return [lid for lid, last in last_dates.items() if last is None or last < cutoff]


def _stage_of(value: float | None, framework: Framework) -> float | None:
    return None if value is None else framework.scale.snap(value)


def class_distribution(
    latest_by_learner: Mapping[str, Assessment], framework: Framework
) -> dict[str, Counter[float]]:
    """For each framework element: how many learners stand at each stage value (effective, snapped to the scale).

    Learners with no value for an element are not counted for it; elements not in ``framework`` are ignored.
    """
    result: dict[str, Counter[float]] = {e.id: Counter() for e in framework.elements}
    for assessment in latest_by_learner.values():
        if assessment is None:
            continue
        for element_id, counter in result.items():
            stage = _stage_of(assessment.effective(element_id), framework)
            if stage is not None:
                counter[stage] += 1
    return result


def overall_distribution(latest_by_learner: Mapping[str, Assessment], framework: Framework) -> Counter[float]:
    """How many learners stand at each overall stage (mean of effective values of the framework's elements)."""
    result: Counter[float] = Counter()
    for assessment in latest_by_learner.values():
        if assessment is None:
            continue
        stage = _stage_of(assessment.overall(Rater.EFFECTIVE, framework.element_ids()), framework)
        if stage is not None:
            result[stage] += 1
    return result


@dataclass(frozen=True)
class DistributionAt:
    """The class distribution on one date: per element, overall, and how many learners had an assessment."""

    on: date
    elements: dict[str, Counter[float]]
    overall: Counter[float]
    learners: int


def distribution_over_time(
    histories: Mapping[str, Sequence[Assessment]], framework: Framework, dates: Iterable[date]
) -> list[DistributionAt]:
    """For each date: the distribution of each learner's latest assessment on or before that date."""
    ordered = {lid: chronological(h) for lid, h in histories.items()}
    keyed = {lid: [a.assessed_on for a in h] for lid, h in ordered.items()}
    result: list[DistributionAt] = []
    for on in dates:
        latest_by_learner: dict[str, Assessment] = {}
        for lid, h in ordered.items():
            i = bisect.bisect_right(keyed[lid], on)
            if i:
                latest_by_learner[lid] = h[i - 1]
        result.append(
            DistributionAt(
                on,
                class_distribution(latest_by_learner, framework),
                overall_distribution(latest_by_learner, framework),
                len(latest_by_learner),
            )
        )
    return result


# ------------------------------------------------------------------------------------------- goals


@dataclass(frozen=True)
class GoalEvent:
    """A goal's status from ``on`` (its first event is when it was set)."""

    goal_id: str
    on: date
    status: str

    def __post_init__(self) -> None:
        GoalStatus(self.status)  # ValueError on an unknown status


@dataclass(frozen=True)
class CheckInPoint:
    """A progress check-in: how it's going, 1 (not yet) to 4 (got it)."""

    goal_id: str
    on: date
    scale: int


GOAL_COUNT_KEYS = ("set", "in_progress", "achieved")


def goal_counts_over_time(
    events: Iterable[GoalEvent], dates: Iterable[date]
) -> list[tuple[date, dict[str, int]]]:
    """For each date: goals set by then, and how many stand in progress / achieved (by their latest event).

    "set" counts every goal that exists by the date, whatever its status. "in_progress" also counts
    "revised" goals (still being worked on); "not_started" and "set_aside" count only as set.
    Pass ``goal_dates(events, ...)`` as ``dates`` for a step chart that changes exactly on event days.
    """
    by_goal: dict[str, list[GoalEvent]] = {}
    for e in sorted(events, key=lambda e: e.on):
        by_goal.setdefault(e.goal_id, []).append(e)
    keyed = {gid: [e.on for e in evs] for gid, evs in by_goal.items()}
    result: list[tuple[date, dict[str, int]]] = []
    for on in dates:
        counts = dict.fromkeys(GOAL_COUNT_KEYS, 0)
        for gid, evs in by_goal.items():
            i = bisect.bisect_right(keyed[gid], on)
            if not i:
                continue
            counts["set"] += 1
            status = evs[i - 1].status
            if status in (GoalStatus.IN_PROGRESS, GoalStatus.REVISED):
                counts["in_progress"] += 1
            elif status == GoalStatus.ACHIEVED:
                counts["achieved"] += 1
        result.append((on, counts))
    return result


def month_starts(start: date, end: date) -> list[date]:
    """The first day of each month from ``start``'s month through ``end``, plus ``end`` itself if later."""
    result: list[date] = []
    d = date(start.year, start.month, 1)
    while d <= end:
        result.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    if not result or result[-1] < end:
        result.append(end)
    return result


def goal_dates(events: Iterable[GoalEvent], start: date | None = None, end: date | None = None) -> list[date]:
    """The days on which any goal changed, within ``start``..``end``, with both ends included when given."""
    days = {e.on for e in events}
    if start is not None:
        days = {d for d in days if d >= start} | {start}
    if end is not None:
        days = {d for d in days if d <= end} | {end}
    return sorted(days)


# ------------------------------------------------------------------------------------------- class, aggregated


class Span(NamedTuple):
    """``count`` learners whose latest assessment, from ``start`` until the day before ``end`` (None: still
    their latest), had the overall stage ``overall`` (the mean of its effective values; None: none rated).

    What a store can aggregate for a whole school without handing every assessment to Python: a learner's
    assessments in date order give one span each, ending where the next one starts (an empty span when two
    fall on the same day: the later one counts, as in ``latest``). For ``element_over_time`` a span's
    ``overall`` is one element's effective value in that assessment instead. (A named tuple: a school's
    overview makes tens of thousands of them.)
    """

    start: date
    end: date | None
    overall: float | None
    count: int = 1


@dataclass(frozen=True)
class ClassSummary:
    """What the class overview shows, with the same numbers ``class_distribution``, ``overall_distribution``
    and ``distribution_over_time`` give from the full histories (``over_time`` carries per-element counts
    only for the one element asked for, if any: the overview charts one series over time)."""

    now: dict[str, Counter[float]]
    overall_now: Counter[float]
    over_time: list[DistributionAt]
    learners: int
    assessed: int


def snap_counts(counts: Iterable[tuple[float | None, int]], framework: Framework) -> Counter[float]:
    """``(value, count)`` pairs added up by the stage each value snaps to (None values are left out)."""
    result: Counter[float] = Counter()
    for value, count in counts:
        stage = _stage_of(value, framework)
        if stage is not None:
            result[stage] += count
    return result


def stage_bounds(framework: Framework) -> list[tuple[float, float]]:
    """``(stage, lowest value snapping to it)`` for each stage above the lowest, ascending: a value snaps to
    the last stage whose bound it reaches (the lowest stage below the first bound), exactly as ``Scale.snap``
    does. For a store to count learners per stage without handing every value over."""
    scale = framework.scale
    values = framework.allowed_values()
    return [(v, scale.min + (k - 0.5 - 1e-9) * scale.step) for k, v in enumerate(values) if k]


def _fold_spans(spans: Iterable[Span], framework: Framework, dates: Sequence[date]
                ) -> list[tuple[Counter[float], int]]:
    """For each of ``dates`` (ascending): the stages of the spans covering it (``Span.overall`` snapped), and
    how many learners' spans cover it (whatever their value)."""
    n = len(dates)
    stages: dict[float | None, list[int]] = {}
    learners = [0] * (n + 1)
    snapped: dict[float | None, float | None] = {}
    for span in spans:
        first = bisect.bisect_left(dates, span.start)  # the first date on or after the start
        last = n if span.end is None else bisect.bisect_left(dates, span.end)  # dates before the end
        if first >= last:
            continue
        learners[first] += span.count
        learners[last] -= span.count
        if span.overall not in snapped:
            snapped[span.overall] = _stage_of(span.overall, framework)
        stage = snapped[span.overall]
        if stage is None:
            continue
        delta = stages.setdefault(stage, [0] * (n + 1))
        delta[first] += span.count
        delta[last] -= span.count
    running = dict.fromkeys(stages, 0)
    covered = 0
    result: list[tuple[Counter[float], int]] = []
    for i in range(n):
        covered += learners[i]
        counts: Counter[float] = Counter()
        for stage, delta in sorted(stages.items()):
            running[stage] += delta[i]
            if running[stage]:
                counts[stage] = running[stage]
        result.append((counts, covered))
    return result


def overall_over_time(spans: Iterable[Span], framework: Framework, dates: Sequence[date]) -> list[DistributionAt]:
    """For each of ``dates`` (ascending): the overall stages of the spans covering it, and the learners with an
    assessment by then (``DistributionAt.elements`` is left empty).

    Equal to ``distribution_over_time(...).overall`` and ``.learners`` for the histories the spans came from.
    """
    return [DistributionAt(on, {}, counts, covered)
            for on, (counts, covered) in zip(dates, _fold_spans(spans, framework, dates), strict=True)]


def element_over_time(spans: Iterable[Span], framework: Framework, dates: Sequence[date],
                      element_id: str) -> list[DistributionAt]:
    """Like ``overall_over_time`` for one element: each span's ``overall`` holds instead that element's
    effective value in the span's assessment (None: not rated there, so the learner is not counted for it).

    Equal to ``distribution_over_time(...).elements[element_id]`` and ``.learners`` for the histories the spans
    came from (``DistributionAt.overall`` is left empty, ``elements`` holds only ``element_id``).
    """
    return [DistributionAt(on, {element_id: counts}, Counter(), covered)
            for on, (counts, covered) in zip(dates, _fold_spans(spans, framework, dates), strict=True)]
