"""Text equivalents of every chart (for screen readers and print), and the data both are drawn from.

No matplotlib here. ``figures.py`` plots exactly the numbers these helpers compute, so a chart and its
table always agree. Each ``*_table`` returns ``(headers, rows)`` of strings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from plprofile.charts.style import checkin_labels, local_date, rater_label, translate
from plprofile.domain.framework import Framework, format_value
from plprofile.domain.progress import (
    GOAL_COUNT_KEYS,
    Assessment,
    CheckInPoint,
    DistributionAt,
    Rater,
    element_series,
    overall_series,
)

Table = tuple[list[str], list[list[str]]]
# What a table cell shows for "no value".
NO_VALUE = "—"
OVERALL_KEY = ""
RATERS: tuple[str, ...] = (Rater.LEARNER.value, Rater.TEACHER.value, Rater.AGREED.value)


def fmt_value(value: float | None) -> str:
    """A stage value as text: ``2``, ``1.5``, an overall mean to two decimals (``1.83``); ``—`` if none."""
    if value is None:
        return NO_VALUE
    return f"{round(value, 2):g}"


def fmt_date(day: date) -> str:
    """A date in the interface's locale ("5 Mar 2025"; ISO without one), as the rest of the app shows it."""
    return local_date(day)


def overall_label() -> str:
    return translate("charts", "Overall")


# ---------------------------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class Panel:
    """One small multiple: the overall stage (key ``""``) or an element, with a series per rater."""

    key: str
    title: str
    series: dict[str, list[tuple[date, float]]]

    def is_empty(self) -> bool:
        return not any(self.series.values())


def progress_panels(history: Sequence[Assessment], framework: Framework, lang: str = "en") -> list[Panel]:
    """The overall panel first, then one per framework element (elements of other versions are left out)."""
    ids = framework.element_ids()
    panels = [Panel(OVERALL_KEY, overall_label(), {r: overall_series(history, r, ids) for r in RATERS})]
    for element in framework.elements:
        series = {r: element_series(history, element.id, r) for r in RATERS}
        panels.append(Panel(element.id, element.text(lang), series))
    return panels


def progress_table(history: Sequence[Assessment], framework: Framework, lang: str = "en") -> Table:
    """One row per element (overall first) and assessment date where anyone gave a value."""
    headers = [translate("charts", "Element"), translate("charts", "Date"), *(rater_label(r) for r in RATERS)]
    rows: list[list[str]] = []
    for panel in progress_panels(history, framework, lang):
        by_date: dict[date, dict[str, float]] = {}
        for rater, series in panel.series.items():
            for day, value in series:
                by_date.setdefault(day, {})[rater] = value
        for day in sorted(by_date):
            rows.append([panel.title, fmt_date(day), *(fmt_value(by_date[day].get(r)) for r in RATERS)])
    return headers, rows


# ---------------------------------------------------------------------------------------------- now


@dataclass(frozen=True)
class NowRow:
    """One element (or overall, key ``""``) of one assessment: each rater's value and the learner-teacher gap."""

    key: str
    label: str
    learner: float | None
    teacher: float | None
    agreed: float | None
    # not rated in this assessment: the values are carried forward from this day
    carried_from: date | None = None

    @property
    def difference(self) -> float | None:
        if self.learner is None or self.teacher is None:
            return None
        return round(self.learner - self.teacher, 9)


def now_rows(assessment: Assessment | None, framework: Framework, lang: str = "en") -> list[NowRow]:
    """Framework elements in order, then the overall row; empty when there is no assessment."""
    if assessment is None:
        return []
    rows = []
    for e in framework.elements:
        rating = assessment.rating(e.id)
        rows.append(NowRow(e.id, e.text(lang), *(assessment.value(e.id, r) for r in RATERS),
                           rating.carried_from if rating is not None else None))
    ids = framework.element_ids()
    rows.append(NowRow(OVERALL_KEY, overall_label(), *(assessment.overall(r, ids) for r in RATERS)))
    return rows


def now_table(assessment: Assessment | None, framework: Framework, lang: str = "en") -> Table:
    headers = [translate("charts", "Element"), *(rater_label(r) for r in RATERS), translate("charts", "Difference (learner − teacher)")]
    rows = []
    for row in now_rows(assessment, framework, lang):
        diff = row.difference
        diff_text = NO_VALUE if diff is None else f"{round(diff, 2):+g}" if diff else "0"
        label = row.label if row.carried_from is None else translate(
            "charts", "{element} (carried from {date})").format(element=row.label, date=fmt_date(row.carried_from))
        if row.key == OVERALL_KEY and assessment is not None and assessment.partial:
            label = translate("charts", "{overall} (none: a partial check)").format(overall=row.label)
        rows.append([label, fmt_value(row.learner), fmt_value(row.teacher), fmt_value(row.agreed), diff_text])
    return headers, rows


# ---------------------------------------------------------------------------------------------- goals


def goal_series_labels() -> dict[str, str]:
    return {"set": translate("charts", "Goals set"), "in_progress": translate("charts", "In progress"), "achieved": translate("charts", "Achieved")}


def checkins_by_goal(checkins: Iterable[CheckInPoint]) -> dict[str, list[CheckInPoint]]:
    """Check-ins grouped by goal (first-seen order), oldest first."""
    grouped: dict[str, list[CheckInPoint]] = {}
    for c in sorted(checkins, key=lambda c: c.on):
        grouped.setdefault(c.goal_id, []).append(c)
    return grouped


def goal_name(goal_id: str, goal_names: Mapping[str, str] | None, index: int) -> str:
    if goal_names and goal_names.get(goal_id):
        return goal_names[goal_id]
    return translate("charts", "Goal {n}").format(n=index + 1)


def goals_table(
    goal_counts: Sequence[tuple[date, Mapping[str, int]]],
    checkins: Iterable[CheckInPoint],
    lang: str = "en",
    goal_names: Mapping[str, str] | None = None,
) -> Table:
    """One row per date that has counts or check-ins: the counts, and each check-in as "goal: value (label)"."""
    labels = goal_series_labels()
    headers = [translate("charts", "Date"), *(labels[k] for k in GOAL_COUNT_KEYS), translate("charts", "Check-ins (1 = not yet, 4 = got it)")]
    counts = dict(goal_counts)
    grouped = checkins_by_goal(checkins)
    names = {gid: goal_name(gid, goal_names, i) for i, gid in enumerate(grouped)}
    scale = checkin_labels()
    by_day: dict[date, list[str]] = {}
    for c in sorted((c for points in grouped.values() for c in points), key=lambda c: c.on):
        by_day.setdefault(c.on, []).append(f"{names[c.goal_id]}: {c.scale} ({scale.get(c.scale, '?')})")
    rows = []
    for day in sorted(set(counts) | set(by_day)):
        count = counts.get(day)
        cells = [str(count.get(k, 0)) if count is not None else NO_VALUE for k in GOAL_COUNT_KEYS]
        rows.append([fmt_date(day), *cells, "; ".join(by_day.get(day, [])) or NO_VALUE])
    return headers, rows


# ---------------------------------------------------------------------------------------------- class


def stage_column_label(framework: Framework, value: float, lang: str = "en") -> str:
    """``"1 Teacher-centred"`` for a stage, ``"1.5"`` for a half step."""
    stage = framework.stage(value)
    return f"{format_value(value)} {stage.text(lang)}" if stage else format_value(value)


def over_time_counts(point: DistributionAt, element: str | None = None) -> Counter[float]:
    """The counts a class chart shows over time: ``element``'s if given, else the overall stage's."""
    return point.overall if element is None else point.elements.get(element, Counter())


def over_time_name(framework: Framework, element: str | None = None, lang: str = "en") -> str:
    """What the class chart shows over time: "Overall stage", or the element's name."""
    found = framework.get_element(element) if element is not None else None
    return found.text(lang) if found is not None else translate("charts", "Overall stage")


def over_time_title(framework: Framework, element: str | None = None, lang: str = "en") -> str:
    """"Overall stage over time", "Voice over time"."""
    if element is None:
        return translate("charts", "Overall stage over time")
    return translate("charts", "{element} over time").format(element=over_time_name(framework, element, lang))


def class_table(
    distribution_now: Mapping[str, Counter[float]],
    distribution_over_time: Sequence[DistributionAt],
    framework: Framework,
    lang: str = "en",
    *,
    element: str | None = None,
) -> Table:
    """Learners per stage value: a row per element now, then a row per date for the overall stage (or for
    ``element``, whose counts ``distribution_over_time`` then carries in ``elements``)."""
    values = framework.allowed_values()
    headers = [
        translate("charts", "Element or date"),
        *(stage_column_label(framework, v, lang) for v in values),
        translate("charts", "Learners"),
    ]
    rows = []
    for e in framework.elements:
        counter = distribution_now.get(e.id, Counter())
        rows.append([e.text(lang), *(str(counter.get(v, 0)) for v in values), str(sum(counter.values()))])
    name = over_time_name(framework, element, lang)
    for point in distribution_over_time:
        day = fmt_date(point.on)
        label = (translate("charts", "Overall on {date}").format(date=day) if element is None
                 else translate("charts", "{element} on {date}").format(element=name, date=day))
        counts = over_time_counts(point, element)
        rows.append([label, *(str(counts.get(v, 0)) for v in values), str(sum(counts.values()))])
    return headers, rows


def class_is_empty(
    distribution_now: Mapping[str, Counter[float]],
    distribution_over_time: Sequence[DistributionAt],
    element: str | None = None,
) -> bool:
    return not any(sum(c.values()) for c in distribution_now.values()) and not any(
        sum(over_time_counts(p, element).values()) for p in distribution_over_time
    )
