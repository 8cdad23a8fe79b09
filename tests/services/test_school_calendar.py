"""The school calendar in the store: the days between the school year's terms and the days off a school admin
lists are holidays for the rota and the due list (a hand-made class and calendar, the week of 2 March 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import ValidationError
from plprofile.domain.week import DueKind
from plprofile.services.school_calendar import CalendarService
from plprofile.store import changes
from plprofile.store.models import AcademicSession
from tests.services.test_week import TODAY, week  # noqa: F401  (the fixture)


def _terms(store, admin, *spans: tuple[date, date]) -> None:
    with store.transaction() as s:
        changes.create(s, store.device_id, AcademicSession(title="2025-2026", session_type="schoolYear",
                                                           start_date=date(2025, 9, 1), end_date=date(2026, 7, 17),
                                                           school_year="2025-2026"), admin, None)
        for i, (start, end) in enumerate(spans):
            changes.create(s, store.device_id, AcademicSession(title=f"Term {i + 1}", session_type="term",
                                                               start_date=start, end_date=end,
                                                               school_year="2025-2026"), admin, None)


def test_without_a_calendar_only_the_weekend_is_left_out(week):  # noqa: F811
    plan = week["service"].week_plan(week["one"], TODAY)
    assert plan[week["ids"]["Cai"]] == date(2026, 3, 2)  # never had one: Monday, the least busy day


def test_a_break_between_terms_and_a_listed_day_off_are_skipped_by_the_rota_and_the_due_list(week):  # noqa: F811
    service, admin, one, ids = week["service"], week["admin"], week["one"], week["ids"]
    store = service.store
    # a break from Thursday 5 to Sunday 8 March (the next term starts Monday 9); Monday 2 March listed as closed
    _terms(store, admin, (date(2026, 1, 5), date(2026, 3, 4)), (date(2026, 3, 9), date(2026, 3, 27)))
    calendar = CalendarService(store)
    calendar.add_day_off(admin, date(2026, 3, 2), "Training day")
    assert calendar.holidays(one, date(2026, 3, 2), date(2026, 3, 8)) == {
        date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)}
    plan = service.week_plan(one, TODAY)
    # Cai (never had one) and Ana (due Wednesday 4) over the two school days left, Tuesday and Wednesday
    assert plan == {ids["Cai"]: date(2026, 3, 3), ids["Ana"]: date(2026, 3, 4)}
    due = {i.learner_id: i.due_on for i in service.due_list(one, TODAY) if i.kind is DueKind.CONFERENCE}
    assert due == plan
    # a week wholly in a break proposes nobody: they stay due for the first week back
    _terms(store, admin, (date(2026, 4, 20), date(2026, 7, 17)))  # Easter: 28 March to 19 April
    assert service.week_plan(one, date(2026, 4, 6)) == {}
    assert set(service.week_plan(one, date(2026, 4, 20))) == {ids["Ana"], ids["Ben"], ids["Cai"]}


def test_the_days_off_are_listed_added_once_and_removed_by_a_school_admin_only(week):  # noqa: F811
    store, admin, one = week["service"].store, week["admin"], week["one"]
    calendar = CalendarService(store)
    first = calendar.add_day_off(admin, date(2026, 5, 1), "  May Day ")
    calendar.add_day_off(admin, date(2026, 4, 3))
    assert [(d.day, d.title) for d in calendar.days_off(one)] == [(date(2026, 4, 3), ""),
                                                                  (date(2026, 5, 1), "May Day")]
    with pytest.raises(ValidationError):
        calendar.add_day_off(admin, date(2026, 5, 1), "Again")
    with pytest.raises(AccessDenied):
        calendar.add_day_off(one, date(2026, 6, 1))
    with pytest.raises(AccessDenied):
        calendar.remove_day_off(one, first.id)
    calendar.remove_day_off(admin, first.id)
    assert [d.day for d in calendar.days_off(one)] == [date(2026, 4, 3)]
    assert calendar.holidays(one, date(2026, 4, 27), date(2026, 5, 3)) == set()
    calendar.add_day_off(admin, date(2026, 5, 1), "May Day")  # listed again once removed
