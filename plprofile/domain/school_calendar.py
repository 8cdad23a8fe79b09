"""The school calendar: which days are holidays, from the school year's terms and the school's own days off.

Pure Python (dates in, sets of dates out), so that the rota and the list of who is due are tested against
hand-made calendars.

**The rule, in one sentence for a teacher.** A day is a holiday when it falls between two terms (after one term
ends and before the next begins: the school's breaks) or is one of the days off the school listed; weekends are
never school days anyway. Days before the first term the store knows of, or after the last, are not called
holidays: the app does not know the school's plans there (a school that has not entered its terms has weekends
and its listed days off only).

The terms are the school's academic sessions below the school year (terms, semesters, grading periods) with a
start and an end; a school year entered without terms counts as one term, so it makes no break of its own. Two
sessions that overlap or follow each other (a semester holding grading periods) make one stretch of school.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

#: Academic sessions that hold teaching days (OneRoster's session types below ``schoolYear``).
TERM_TYPES = frozenset({"term", "semester", "gradingPeriod"})


def school_stretches(sessions: Iterable[tuple[str, date | None, date | None, str]]) -> list[tuple[date, date]]:
    """The stretches of school (start, end, both days included), merged and in order.

    ``sessions``: (session type, start, end, school year) of the academic sessions; sessions without both
    days are left out. A school year with terms counts by its terms; one without, as a whole."""
    rows = [(kind, start, end, year) for kind, start, end, year in sessions
            if start is not None and end is not None and start <= end]
    years_with_terms = {year for kind, _s, _e, year in rows if kind in TERM_TYPES}
    spans = sorted((start, end) for kind, start, end, year in rows
                   if kind in TERM_TYPES or (kind == "schoolYear" and year not in years_with_terms))
    merged: list[tuple[date, date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def holidays(stretches: list[tuple[date, date]], days_off: Collection[date], first: date, last: date) -> set[date]:
    """The holidays from ``first`` to ``last`` (both included): the days between two stretches of school, and
    the days off. Weekends are left to ``domain.week.school_days``."""
    found = {d for d in days_off if first <= d <= last}
    for (_start, end), (next_start, _end) in zip(stretches, stretches[1:], strict=False):
        day = max(end + timedelta(days=1), first)
        stop = min(next_start - timedelta(days=1), last)
        while day <= stop:
            found.add(day)
            day += timedelta(days=1)
    return found


__all__ = ["TERM_TYPES", "holidays", "school_stretches"]
