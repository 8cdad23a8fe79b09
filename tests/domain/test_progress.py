"""Progress maths over hand-made histories: none, one, several, and two framework versions."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from plprofile.domain.framework import default_framework
from plprofile.domain.progress import (
    Assessment,
    CheckInPoint,
    ElementRating,
    Gap,
    GoalEvent,
    Rater,
    class_distribution,
    distribution_over_time,
    element_series,
    gaps,
    goal_counts_over_time,
    goal_dates,
    largest_gaps,
    latest,
    latest_on_or_before,
    month_starts,
    not_assessed_since,
    overall_distribution,
    overall_series,
    overall_stage,
    round_to_step,
    trend,
)

FW = default_framework()
D1, D2, D3 = date(2025, 9, 10), date(2025, 12, 1), date(2026, 3, 2)


def assessment(
    aid: str, on: date, *ratings: ElementRating, learner: str = "ana", version: str = "1.0.0"
) -> Assessment:
    return Assessment(aid, learner, on, FW.id, version, tuple(ratings))


R = ElementRating
ONE = assessment(
    "a1", D1, R("voice", 1.0, 1.5, 1.0), R("choice", 2.0, 1.0, 1.5), R("purpose", None, 2.0, None)
)
TWO = assessment(
    "a2", D2, R("voice", 2.0, 1.5, 1.5), R("choice", 2.0, 2.0, 2.0), R("purpose", 2.5, None, None)
)
THREE = assessment(
    "a3", D3, R("voice", 3.0, 2.0, None), R("choice", 2.5, 2.5, 2.5), R("purpose", 3.0, 3.0, 3.0)
)
SEVERAL = [THREE, ONE, TWO]  # out of order on purpose


# ---------------------------------------------------------------------------------------------- one assessment


def test_values_are_explicit_per_rater() -> None:
    assert ONE.value("voice", "learner") == 1.0
    assert ONE.value("voice", Rater.TEACHER) == 1.5
    assert ONE.value("purpose", "agreed") is None  # no fallback
    assert ONE.value("missing", "agreed") is None
    with pytest.raises(ValueError):
        ONE.value("voice", "parent")


def test_effective() -> None:
    assert ONE.effective("voice") == 1.0  # agreed
    assert THREE.effective("voice") == 2.5  # mean of learner and teacher
    assert ONE.effective("purpose") == 2.0  # teacher only
    assert TWO.effective("purpose") == 2.5  # learner only
    assert ONE.effective("engagement") is None
    assert R("x").effective() is None


def test_overall_stage_and_rounding() -> None:
    assert overall_stage({}) is None
    assert overall_stage({"a": None}) is None
    assert overall_stage({"a": 1.0, "b": None, "c": 2.0}) == 1.5
    assert ONE.overall("agreed") == 1.25
    assert ONE.overall("teacher") == pytest.approx(1.5)
    assert round_to_step(1.25) == 1.5 and round_to_step(1.24) == 1.0 and round_to_step(2.74) == 2.5
    assert round_to_step(2.0) == 2.0 and round_to_step(7, step=2, origin=1) == 7
    with pytest.raises(ValueError):
        round_to_step(1, 0)


def test_gaps() -> None:
    assert gaps(ONE) == [Gap("voice", 1.0, 1.5, -0.5), Gap("choice", 2.0, 1.0, 1.0)]
    assert gaps(assessment("e", D1)) == []
    assert [g.element_id for g in largest_gaps(ONE)] == ["choice", "voice"]
    assert largest_gaps(ONE, n=1) == [Gap("choice", 2.0, 1.0, 1.0)]
    assert largest_gaps(ONE, min_difference=1.0) == [Gap("choice", 2.0, 1.0, 1.0)]
    assert largest_gaps(TWO) == [Gap("voice", 2.0, 1.5, 0.5)]  # equal views are no gap


# ---------------------------------------------------------------------------------------------- histories


def test_empty_history() -> None:
    assert latest([]) is None
    assert element_series([], "voice", "agreed") == []
    assert overall_series([], "agreed") == []
    assert trend([], "voice", D1, D3) is None
    assert trend([], None, D1, D3) is None


def test_single_assessment_history() -> None:
    assert latest([ONE]) is ONE
    assert element_series([ONE], "voice", "learner") == [(D1, 1.0)]
    assert trend([ONE], "voice", D1, D3) == 0.0
    assert trend([ONE], "voice", date(2025, 1, 1), D3) is None  # nothing before the start


def test_series_are_chronological_and_skip_missing() -> None:
    assert element_series(SEVERAL, "voice", "agreed") == [(D1, 1.0), (D2, 1.5)]
    assert element_series(SEVERAL, "voice", "learner") == [(D1, 1.0), (D2, 2.0), (D3, 3.0)]
    assert element_series(SEVERAL, "voice", "effective") == [(D1, 1.0), (D2, 1.5), (D3, 2.5)]
    assert element_series(SEVERAL, "engagement", "agreed") == []
    assert overall_series(SEVERAL, "agreed") == [(D1, 1.25), (D2, 1.75), (D3, 2.75)]
    assert latest(SEVERAL) is THREE
    assert latest_on_or_before(SEVERAL, date(2026, 1, 1)) is TWO
    assert latest_on_or_before(SEVERAL, date(2020, 1, 1)) is None


def test_same_day_ties_keep_input_order() -> None:
    again = assessment("a1b", D1, R("voice", 2.0, 2.0, 2.0))
    assert latest([ONE, again]) is again
    assert element_series([again, ONE], "voice", "agreed") == [(D1, 2.0), (D1, 1.0)]


def test_trend() -> None:
    assert trend(SEVERAL, "choice", D1, D3) == 1.0
    assert (
        trend(SEVERAL, "choice", date(2025, 11, 1), date(2026, 2, 1)) == 0.5
    )  # values just before each date
    assert trend(SEVERAL, "voice", D1, D3) == 0.5  # agreed at D3 missing: D2's value stands
    assert trend(SEVERAL, "voice", D1, D3, rater="learner") == 2.0
    assert trend(SEVERAL, None, D1, D3) == 1.5  # overall agreed 1.25 -> 2.75
    assert trend(SEVERAL, "purpose", D1, D3) is None  # no agreed value at the start
    assert trend(SEVERAL, "choice", D3, D1) == -1.0


def test_two_framework_versions() -> None:
    old = assessment("o", date(2025, 5, 1), R("voice", 1, 1, 1), R("retired", 3, 3, 3), version="0.9.0")
    history = [old, *SEVERAL]
    assert element_series(history, "voice", "agreed")[0] == (date(2025, 5, 1), 1)
    assert element_series(history, "choice", "agreed")[0] == (D1, 1.5)  # old version had no value: no crash
    assert overall_series(history, "agreed")[0] == (date(2025, 5, 1), 2.0)
    assert overall_series(history, "agreed", FW.element_ids())[0] == (date(2025, 5, 1), 1.0)
    assert trend(history, "retired", date(2025, 6, 1), D3) == 0.0
    assert trend(history, None, date(2025, 6, 1), D3, element_ids=FW.element_ids()) == 1.75
    assert class_distribution({"ana": old}, FW)["voice"] == Counter({1.0: 1})
    assert old.framework_key == (FW.id, "0.9.0")


# ---------------------------------------------------------------------------------------------- class


def test_not_assessed_since() -> None:
    last = {"ana": D3, "ben": D1, "cy": None, "dee": date(2026, 1, 1)}
    assert not_assessed_since(last, date(2026, 1, 1)) == ["ben", "cy"]
    assert not_assessed_since({}, D1) == []
    assert not_assessed_since({"cy": None}, date(1900, 1, 1)) == ["cy"]


def test_class_distribution_uses_effective_values_snapped_to_the_scale() -> None:
    ben = assessment("b", D2, R("voice", 3.0, 2.0, None), R("choice", 1.0, 1.5, None), learner="ben")
    cy = assessment(
        "c", D2, R("voice", None, None, None), R("choice", 3.0, None, 3.0), R("alien", 3, 3, 3), learner="cy"
    )
    dist = class_distribution({"ana": THREE, "ben": ben, "cy": cy}, FW)
    assert set(dist) == set(FW.element_ids())
    assert dist["voice"] == Counter({2.5: 2})  # ana 2.5 effective, ben mean 2.5, cy unrated
    assert dist["choice"] == Counter({2.5: 1, 1.5: 1, 3.0: 1})  # ben's 1.25 rounds up to 1.5
    assert dist["engagement"] == Counter()
    assert class_distribution({}, FW) == {e: Counter() for e in FW.element_ids()}
    overall = overall_distribution({"ana": THREE, "ben": ben, "cy": cy}, FW)
    assert overall == Counter({2.5: 1, 2.0: 1, 3.0: 1})  # 8/3 -> 2.5; 1.875 -> 2; 3


def test_distribution_over_time() -> None:
    ben = [
        assessment("b1", D2, R("voice", 1, 1, 1), learner="ben"),
        assessment("b2", D3, R("voice", 2, 2, 2), learner="ben"),
    ]
    histories = {"ana": SEVERAL, "ben": ben, "cy": []}
    days = [date(2025, 9, 1), D1, date(2026, 1, 1), date(2026, 6, 1)]
    points = distribution_over_time(histories, FW, days)
    assert [p.on for p in points] == days
    assert [p.learners for p in points] == [0, 1, 2, 2]
    assert points[0].elements["voice"] == Counter() and points[0].overall == Counter()
    assert points[1].elements["voice"] == Counter({1.0: 1})
    assert points[2].elements["voice"] == Counter({1.5: 1, 1.0: 1})
    assert points[3].elements["voice"] == Counter({2.5: 1, 2.0: 1})
    assert points[3].elements["purpose"] == Counter({3.0: 1})
    assert points[3].overall == Counter({2.5: 1, 2.0: 1})  # ana: (2.5 + 2.5 + 3) / 3
    assert distribution_over_time({}, FW, days)[0].learners == 0


def test_month_starts() -> None:
    assert month_starts(date(2025, 11, 15), date(2026, 2, 10)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 2, 10),
    ]
    assert month_starts(date(2025, 11, 1), date(2025, 11, 1)) == [date(2025, 11, 1)]


# ---------------------------------------------------------------------------------------------- goals


def test_goal_counts_over_time() -> None:
    events = [
        GoalEvent("g1", date(2025, 9, 1), "not_started"),
        GoalEvent("g1", date(2025, 10, 1), "in_progress"),
        GoalEvent("g2", date(2025, 10, 15), "in_progress"),
        GoalEvent("g1", date(2025, 12, 1), "achieved"),
        GoalEvent("g2", date(2026, 1, 10), "revised"),
        GoalEvent("g3", date(2026, 2, 1), "set_aside"),
    ]
    days = [date(2025, 8, 1), date(2025, 9, 1), date(2025, 10, 20), date(2025, 12, 1), date(2026, 3, 1)]
    counts = goal_counts_over_time(reversed(events), days)  # event order does not matter
    assert counts == [
        (date(2025, 8, 1), {"set": 0, "in_progress": 0, "achieved": 0}),
        (date(2025, 9, 1), {"set": 1, "in_progress": 0, "achieved": 0}),
        (date(2025, 10, 20), {"set": 2, "in_progress": 2, "achieved": 0}),
        (date(2025, 12, 1), {"set": 2, "in_progress": 1, "achieved": 1}),
        (date(2026, 3, 1), {"set": 3, "in_progress": 1, "achieved": 1}),  # revised still in progress
    ]
    assert goal_counts_over_time([], days)[0][1] == {"set": 0, "in_progress": 0, "achieved": 0}
    assert goal_dates(events, date(2025, 9, 15), date(2025, 12, 31)) == [
        date(2025, 9, 15),
        date(2025, 10, 1),
        date(2025, 10, 15),
        date(2025, 12, 1),
        date(2025, 12, 31),
    ]
    assert goal_dates([]) == []


def test_goal_event_rejects_unknown_status() -> None:
    with pytest.raises(ValueError):
        GoalEvent("g", D1, "finished")
    assert CheckInPoint("g", D1, 3).scale == 3


# ---------------------------------------------------------------------------------------------- partial sets


def test_a_partial_rating_carries_the_others_forward_with_their_day():
    from plprofile.domain.progress import carry_forward

    ids = ["voice", "choice", "purpose"]
    first = Assessment("a1", "L", date(2026, 1, 10), "f", "1", (
        ElementRating("voice", 1.0, 2.0, 1.5), ElementRating("choice", 2.0, 2.0, 2.0)))
    second = Assessment("a2", "L", date(2026, 3, 1), "f", "1", (ElementRating("choice", agreed=2.5),))
    plan = carry_forward([second, first], [ElementRating("voice", agreed=3.0)], ids)
    assert [r.element_id for r in plan.ratings] == ["voice", "choice"]
    assert plan.ratings[1] == ElementRating("choice", None, None, 2.5, "", date(2026, 3, 1))  # the latest value
    assert plan.carried == (("choice", date(2026, 3, 1)),) and plan.missing == ("purpose",) and plan.partial
    # a value carried twice keeps the day it was given, not the day it was copied
    third = Assessment("a3", "L", date(2026, 5, 1), "f", "1", plan.ratings)
    again = carry_forward([first, second, third], [ElementRating("purpose", teacher=1.0)], ids)
    assert again.carried == (("voice", date(2026, 5, 1)), ("choice", date(2026, 3, 1)))
    assert not again.partial


def test_a_partial_check_never_has_an_overall():
    partial = Assessment("p", "L", date(2026, 2, 1), "f", "1", (ElementRating("voice", agreed=1.5),), partial=True)
    full = Assessment("f", "L", date(2026, 1, 1), "f", "1", (
        ElementRating("voice", agreed=1.5), ElementRating("choice", agreed=2.0)))
    assert partial.overall("agreed") is None and full.overall("agreed") == 1.75
    assert overall_series([full, partial], "agreed") == [(date(2026, 1, 1), 1.75)]


def test_carry_forward_for_one_rater_copies_only_that_raters_own_values():
    from plprofile.domain.progress import Assessment, ElementRating, carry_forward

    earlier = Assessment("a", "L", date(2026, 9, 1), "fw", "1", (
        ElementRating("voice", learner=1.5, teacher=2.0, agreed=2.5),
        ElementRating("choice", teacher=2.0, agreed=2.0)))
    plan = carry_forward([earlier], [ElementRating("purpose", learner=3.0)], ["voice", "choice", "purpose"],
                         only="learner")
    assert plan.ratings[1] == ElementRating("voice", learner=1.5, carried_from=date(2026, 9, 1))
    assert plan.carried == (("voice", date(2026, 9, 1)),) and plan.missing == ("choice",) and plan.partial
    everything = carry_forward([earlier], [ElementRating("purpose", learner=3.0)], ["voice", "choice", "purpose"])
    assert everything.ratings[1] == ElementRating("voice", 1.5, 2.0, 2.5, "", date(2026, 9, 1))
    assert not everything.missing
