"""Who is due at a school's size: one line per learner for their steps and one for their goals past their date
(the earliest named, the rest counted), checked against a plain-Python count over a generated class with removed,
done and closed rows; what is kept is read again once the store changes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from plprofile.domain import profile as d
from plprofile.domain.week import DueKind
from plprofile.services.kept import forget
from plprofile.store.models import ActionStep, Goal
from tests.services.test_week import TODAY, week  # noqa: F401  (the fixture)

WEEK_END = date(2026, 3, 8)


def test_steps_and_goals_are_one_line_per_learner_counted_as_a_plain_count_says(week):  # noqa: F811
    service, admin, ids = week["service"], week["admin"], week["ids"]
    profiles = service.profiles
    rng = random.Random(21)
    steps: dict = {}  # learner -> [(due, text)] of what must be counted
    goals: dict = {}
    for name in ("Ana", "Ben", "Cai"):
        lid = ids[name]
        for g in range(rng.randint(2, 5)):
            target = TODAY + timedelta(days=rng.randint(-60, 20))
            status = rng.choice([d.GoalStatus.NOT_STARTED] * 4 + [d.GoalStatus.ACHIEVED, d.GoalStatus.SET_ASIDE])
            goal = profiles.add_goal(admin, lid, f"{name} goal {g}", target_date=target, status=status)
            removed_goal = rng.random() < 0.2
            open_goal = status is d.GoalStatus.NOT_STARTED and not removed_goal
            if open_goal and target < TODAY:
                goals.setdefault(lid, []).append((target, goal.statement))
            for k in range(rng.randint(0, 5)):
                due = TODAY + timedelta(days=rng.randint(-40, 12))
                step = profiles.add_step(admin, goal.id, f"{name} step {g}.{k}", due_date=due)
                done, removed = rng.random() < 0.2, rng.random() < 0.15
                if done:
                    profiles.set_step_done(admin, step.id, True)
                if removed:
                    profiles.delete_row(admin, ActionStep, step.id)
                if open_goal and not done and not removed and due <= WEEK_END:
                    steps.setdefault(lid, []).append((due, step.text))
            if removed_goal:
                profiles.delete_row(admin, Goal, goal.id)
    # the fixture's own: Ana's "Pick a book" step (2 March), Ben's "Times tables" (20 February)
    steps.setdefault(ids["Ana"], []).append((date(2026, 3, 2), "Pick a book"))
    goals.setdefault(ids["Ben"], []).append((date(2026, 2, 20), "Times tables"))

    # the generated class has learners with several of each: the test can tell one line from many
    assert max(len(rows) for rows in steps.values()) > 1 and max(len(rows) for rows in goals.values()) > 1
    items = service.due_list(week["one"], TODAY)
    for kind, expected in ((DueKind.STEP, steps), (DueKind.GOAL_PAST, goals)):
        got = {i.learner_id: i for i in items if i.kind is kind}
        assert set(got) == set(expected)
        for lid, rows in expected.items():
            earliest = min(day for day, _t in rows)
            assert got[lid].due_on == earliest
            assert got[lid].subject in {t for day, t in rows if day == earliest}
            assert got[lid].more == len(rows) - 1
    # one line per learner and kind
    assert len({(i.learner_id, i.kind) for i in items}) == len(items)


def test_what_is_kept_is_read_again_once_the_store_changes(week):  # noqa: F811
    service, admin, ids = week["service"], week["admin"], week["ids"]
    first = service.due_list(week["one"], TODAY)
    assert service.due_list(week["one"], TODAY) is first  # kept: nothing read
    goal = service.profiles.add_goal(admin, ids["Cai"], "Spelling", target_date=date(2026, 2, 1))
    again = service.due_list(week["one"], TODAY)
    assert again is not first
    assert (ids["Cai"], DueKind.GOAL_PAST, "Spelling") in {(i.learner_id, i.kind, i.subject) for i in again}
    forget(service.store)
    assert service.due_list(week["one"], TODAY) is not again
    assert goal.id
