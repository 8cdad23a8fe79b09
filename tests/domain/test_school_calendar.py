"""The school calendar against hand-made calendars: the breaks between terms and the listed days off are
holidays; what lies before the first term or after the last is not; a year without terms makes no break."""

from __future__ import annotations

from datetime import date, timedelta

from plprofile.domain.school_calendar import holidays, school_stretches
from plprofile.domain.week import RotaLearner, propose_week, school_days

# 2025-2026: autumn term to Friday 19 December, spring term from Monday 5 January to Friday 13 February,
# half term the week of 16 February, then the rest of the spring term to Friday 27 March
YEAR = "2025-2026"
SESSIONS = [
    ("schoolYear", date(2025, 9, 1), date(2026, 7, 17), YEAR),
    ("term", date(2025, 9, 1), date(2025, 12, 19), YEAR),
    ("term", date(2026, 1, 5), date(2026, 2, 13), YEAR),
    ("term", date(2026, 2, 23), date(2026, 3, 27), YEAR),
    ("gradingPeriod", date(2026, 2, 23), date(2026, 3, 6), YEAR),  # inside a term: no break of its own
    ("term", None, date(2026, 7, 17), YEAR),  # no start: left out
]


def days(first: date, last: date) -> set[date]:
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


def test_the_days_between_terms_are_holidays_and_the_days_off_too():
    stretches = school_stretches(SESSIONS)
    assert stretches == [(date(2025, 9, 1), date(2025, 12, 19)), (date(2026, 1, 5), date(2026, 2, 13)),
                         (date(2026, 2, 23), date(2026, 3, 27))]
    off = {date(2025, 11, 3), date(2027, 1, 1)}  # a training day; one outside the range asked about
    found = holidays(stretches, off, date(2025, 8, 1), date(2026, 8, 31))
    assert found == (days(date(2025, 12, 20), date(2026, 1, 4)) | days(date(2026, 2, 14), date(2026, 2, 22))
                     | {date(2025, 11, 3)})
    # before the first term and after the last, the app does not know the school's plans
    assert date(2025, 8, 15) not in found and date(2026, 4, 15) not in found
    # only the range asked about
    assert holidays(stretches, off, date(2026, 2, 16), date(2026, 2, 20)) == days(date(2026, 2, 16),
                                                                                 date(2026, 2, 20))


def test_a_year_without_terms_is_one_stretch_and_two_years_make_the_summer_a_break():
    sessions = [("schoolYear", date(2024, 9, 2), date(2025, 7, 18), "2024-2025"),
                ("schoolYear", date(2025, 9, 1), date(2026, 7, 17), "2025-2026"),
                ("term", date(2025, 9, 1), date(2025, 12, 19), "2025-2026")]
    stretches = school_stretches(sessions)
    assert stretches == [(date(2024, 9, 2), date(2025, 7, 18)), (date(2025, 9, 1), date(2025, 12, 19))]
    summer = holidays(stretches, (), date(2025, 7, 1), date(2025, 9, 30))
    assert summer == days(date(2025, 7, 19), date(2025, 8, 31))
    assert holidays([], {date(2026, 5, 1)}, date(2026, 4, 27), date(2026, 5, 3)) == {date(2026, 5, 1)}


def test_the_rota_across_the_half_term_and_a_month_end_with_a_day_off():
    stretches = school_stretches(SESSIONS)
    learners = [RotaLearner(uuid_of(1), date(2026, 1, 30)),  # three weeks on: Friday 20 February, half term
                RotaLearner(uuid_of(2), date(2026, 2, 6), order=1)]  # due Friday 27 February
    half_term = holidays(stretches, (), date(2026, 2, 16), date(2026, 2, 22))
    assert school_days(date(2026, 2, 16), half_term) == []
    assert propose_week(learners, date(2026, 2, 16), 3, half_term) == {}
    # the week after the break, across the month end, with Monday 23 listed as a day off
    week = holidays(stretches, {date(2026, 2, 23)}, date(2026, 2, 23), date(2026, 3, 1))
    assert school_days(date(2026, 2, 23), week) == [date(2026, 2, 24), date(2026, 2, 25), date(2026, 2, 26),
                                                    date(2026, 2, 27)]
    assert propose_week(learners, date(2026, 2, 23), 3, week) == {uuid_of(1): date(2026, 2, 24),
                                                                  uuid_of(2): date(2026, 2, 27)}


def uuid_of(n: int):  # noqa: ANN201
    import uuid

    return uuid.UUID(int=n)
