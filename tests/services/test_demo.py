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


def test_nothing_in_the_demo_happens_in_the_future(store):
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from plprofile.store.models import ChangeLog

    generate_demo(store)
    with store.session() as s:
        latest = s.execute(select(func.max(ChangeLog.at))).scalar_one()
    assert latest <= datetime.now(UTC)


def test_the_sign_in_screen_hint_only_while_the_demo_password_works(store):
    from plprofile.services.auth import AuthService
    from plprofile.services.demo import DEMO_TEACHER, set_demo_credentials

    auth = AuthService(store)
    assert not auth.demo_sign_in_works(*DEMO_TEACHER)  # no accounts yet
    auth.create_first_teacher("Ms Real", "teacher", "a real secret phrase")
    assert not auth.demo_sign_in_works(*DEMO_TEACHER)  # same name, real password: no hint
    set_demo_credentials(store)
    assert not auth.demo_sign_in_works(*DEMO_TEACHER)


def test_the_demo_sign_in_works_on_a_demo_store(store):
    from plprofile.services.auth import AuthService
    from plprofile.services.demo import DEMO_TEACHER, set_demo_credentials

    set_demo_credentials(store)
    assert AuthService(store).demo_sign_in_works(*DEMO_TEACHER)
