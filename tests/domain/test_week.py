"""The conference rota and the list of who is due, against hand-made calendars: a cadence across a holiday
week, weekends and month ends; the teacher's moves; urgency."""

from __future__ import annotations

import uuid
from datetime import date

from plprofile.domain.week import (
    DueItem,
    DueKind,
    RotaLearner,
    WeekFacts,
    by_urgency,
    conference_due_on,
    due_items,
    monday_of,
    propose_week,
    school_days,
)

IDS = [uuid.UUID(int=i + 1) for i in range(12)]
# February 2026: Monday the 2nd … ; mid-term holiday Monday 16 to Friday 20
HALF_TERM = {date(2026, 2, d) for d in range(16, 21)}


def test_the_school_days_leave_out_weekends_and_holidays():
    assert school_days(date(2026, 2, 9)) == [date(2026, 2, d) for d in range(9, 14)]
    assert school_days(date(2026, 2, 16), HALF_TERM) == []
    assert school_days(date(2026, 3, 30), {date(2026, 4, 3)}) == [date(2026, 3, 30), date(2026, 3, 31),
                                                                  date(2026, 4, 1), date(2026, 4, 2)]
    assert monday_of(date(2026, 3, 1)) == date(2026, 2, 23)  # a Sunday belongs to the week before


def test_a_cadence_that_falls_in_the_holiday_comes_first_the_week_after():
    # three weeks after Friday 30 January is Friday 20 February, in the half-term holiday
    assert conference_due_on(date(2026, 1, 30), 3) == date(2026, 2, 20)
    rota = [RotaLearner(IDS[0], date(2026, 1, 30)), RotaLearner(IDS[1], date(2026, 2, 6), order=1)]
    assert propose_week(rota, date(2026, 2, 16), 3, HALF_TERM) == {}
    # the week after: the overdue learner takes Monday; the other (due Friday 27) waits for their day
    assert propose_week(rota, date(2026, 2, 23), 3, HALF_TERM) == {IDS[0]: date(2026, 2, 23),
                                                                   IDS[1]: date(2026, 2, 27)}


def test_across_a_month_end_the_due_day_is_kept_and_a_saturday_is_brought_into_the_week():
    rota = [RotaLearner(IDS[0], date(2026, 3, 10)),  # due Tuesday 31 March
            RotaLearner(IDS[1], date(2026, 3, 14), order=1),  # a Saturday conference: due Saturday 4 April
            RotaLearner(IDS[2], date(2026, 3, 20), order=2)]  # due 10 April: not this week
    plan = propose_week(rota, date(2026, 3, 30), 3, {date(2026, 4, 3)})  # Good Friday
    assert plan == {IDS[0]: date(2026, 3, 31), IDS[1]: date(2026, 3, 30)}


def test_a_class_is_spread_over_the_days_most_overdue_first_and_the_teachers_moves_stay():
    monday = date(2026, 5, 4)
    never = [RotaLearner(IDS[i], None, order=i) for i in range(6)]
    moved = RotaLearner(IDS[6], date(2026, 4, 1), planned_on=date(2026, 5, 4), order=6)
    later = RotaLearner(IDS[7], date(2026, 4, 1), planned_on=date(2026, 5, 12), order=7)  # moved to next week
    held_since = RotaLearner(IDS[8], date(2026, 4, 30), planned_on=date(2026, 4, 20), order=8)  # not due
    plan = propose_week([*never, moved, later, held_since], monday, 3)
    assert plan[IDS[6]] == monday
    assert IDS[7] not in plan and IDS[8] not in plan
    per_day = sorted(sum(1 for d in plan.values() if d == day) for day in school_days(monday))
    assert per_day == [1, 1, 1, 2, 2]  # seven conferences over five days, none left empty while another has 3
    # the first in the list goes to the least busy, earliest day: Tuesday (Monday has the moved one)
    assert plan[IDS[0]] == date(2026, 5, 5)


def test_a_move_to_an_earlier_week_that_did_not_happen_makes_the_learner_due_again():
    monday = date(2026, 5, 11)
    missed = RotaLearner(IDS[0], date(2026, 3, 1), planned_on=date(2026, 5, 6))
    assert propose_week([missed], monday, 3) == {IDS[0]: monday}


def test_the_list_holds_what_is_due_by_the_week_end_and_sorts_by_urgency():
    today, week_end = date(2026, 5, 6), date(2026, 5, 10)
    a, b, c = IDS[:3]
    facts = WeekFacts(
        checkins={a: (date(2026, 5, 8), False), b: (date(2026, 5, 1), True), c: (date(2026, 5, 20), False)},
        steps=[(a, date(2026, 5, 4), "Read 10 pages"), (b, date(2026, 5, 30), "Later step")],
        goals=[(b, date(2026, 4, 30), "Times tables"), (c, date(2026, 5, 6), "Due today, not past")],
        assessed={a: date(2026, 1, 5), b: None, c: date(2026, 4, 1)},
        proposals=[(c, date(2026, 5, 2), "Can I make a video?")],
    )
    items = by_urgency(due_items(facts, {a: date(2026, 5, 7)}, today, week_end, unrated_weeks=12),
                       {a: 0, b: 1, c: 2})
    assert [(i.learner_id, i.kind, i.due_on) for i in items] == [
        (b, DueKind.STAGES, None),  # never assessed
        (a, DueKind.STAGES, date(2026, 1, 5)),
        (b, DueKind.GOAL_PAST, date(2026, 4, 30)),
        (c, DueKind.PROPOSAL, date(2026, 5, 2)),
        (a, DueKind.STEP, date(2026, 5, 4)),
        (a, DueKind.CONFERENCE, date(2026, 5, 7)),
        (a, DueKind.CHECKIN, date(2026, 5, 8)),
    ]
    assert items[0].tab == "stages" and items[-1].tab == "goals"
    assert DueItem(a, DueKind.STEP, date(2026, 5, 4)).overdue(today)


def test_by_urgency_orders_as_one_sort_by_day_kind_place_and_subject():
    """``by_urgency`` sorts in stable passes (no key tuple per line): the same order as sorting by (day, kind,
    place in the class, subject) at once, ties on all four kept as given, learners missing from the order last
    as place 0."""
    import random

    rng = random.Random(21)
    learners = [uuid.UUID(int=rng.getrandbits(128)) for _ in range(40)]
    order = {lid: i for i, lid in enumerate(learners[:30])}  # ten not in the order: place 0
    days = [None, date(2026, 5, 4), date(2026, 5, 5), date(2026, 4, 1)]
    items = [DueItem(rng.choice(learners), rng.choice(list(DueKind)), rng.choice(days),
                     rng.choice(["", "Read", "read", "Times tables"]), rng.randrange(3)) for _ in range(3000)]
    plain = sorted(items, key=lambda i: (i.due_on or date.min, list(DueKind).index(i.kind),
                                         order.get(i.learner_id, 0), i.subject))
    got = by_urgency(items, order)
    assert [id(i) for i in got] == [id(i) for i in plain]  # the very same objects in the same places
    assert by_urgency(items) == sorted(items, key=lambda i: (i.due_on or date.min, list(DueKind).index(i.kind),
                                                              i.subject))
