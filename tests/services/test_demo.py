from __future__ import annotations

from collections import Counter
from datetime import date

from plprofile.domain import profile as d
from plprofile.services.demo import generate_demo, store_is_empty


def test_demo_class_is_realistic(store, profiles, teacher):
    assert store_is_empty(store)
    assert generate_demo(store, today=date(2026, 11, 23)) == 25
    learners = profiles.list_learners(teacher)
    assert len(learners) == 25 and len({s.group_name for s in learners}) == 3
    statuses: Counter[str] = Counter()
    for summary in learners:
        view = profiles.load_profile(teacher, summary.id)
        assert view.section(d.Section.STRENGTHS) and view.section(d.Section.ACCESS_WORKS)
        assert len(view.conferences) >= 3
        assert view.backpack and view.goals
        statuses.update(g.goal.status for g in view.goals)
    assert set(statuses) == {s.value for s in d.GoalStatus}
    assert not store_is_empty(store)
