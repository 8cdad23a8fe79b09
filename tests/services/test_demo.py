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


def test_the_demo_class_hangs_together(store, profiles, teacher):
    """Goals, steps, check-ins and reflections agree: each step is one of its goal's own steps, a check-in's words
    fit how it is going ("Got it!" never says "I need more help"), "Got it!" comes only on an achieved goal, whose
    last check-in says so; a few open goals are overdue, not all; a few names are in other scripts."""
    from plprofile.domain import profile as dom
    from plprofile.services.demo import GOALS, OTHER_SCRIPTS, REFLECTIONS

    today = date(2026, 11, 23)
    generate_demo(store, today=today)
    own_steps = {statement: {text for text, _ in steps} for statement, _w, _f, _l, steps, _e in GOALS}
    own_evidence = {statement: {text for _k, text, _loc in ev} for statement, _w, _f, _l, _s, ev in GOALS}
    open_goals = overdue = 0
    scripts: set[str] = set()
    for summary in profiles.list_learners(teacher):
        view = profiles.load_profile(teacher, summary.id)
        name = view.learner.given_name
        scripts |= {s for s, test in (("arabic", "\u0600"), ("devanagari", "\u0900"), ("cjk", "\u4e00"))
                    if any(test <= c <= chr(ord(test) + 0x2FF if test != "\u4e00" else 0x9FFF) for c in name)}
        for gv in view.goals:
            statement = gv.goal.statement
            assert {s.text for s in gv.steps} <= own_steps[statement], statement
            assert {e.text for e in gv.evidence} <= own_evidence[statement], statement
            for ci in gv.checkins:
                assert ci.reflection in REFLECTIONS[ci.scale], (ci.scale, ci.reflection)
                if ci.scale == 4:
                    assert gv.goal.status == dom.GoalStatus.ACHIEVED.value
            if gv.goal.status == dom.GoalStatus.ACHIEVED.value and gv.checkins:
                assert gv.checkins[-1].scale == 4
            if gv.goal.status in {"not_started", "in_progress", "revised"}:
                open_goals += 1
                overdue += gv.goal.target_date < today
    assert not any("need more help" in r for r in REFLECTIONS[4] + REFLECTIONS[3])
    assert 0 < overdue < open_goals / 2, (overdue, open_goals)
    assert scripts == {"arabic", "devanagari", "cjk"}
    assert len(OTHER_SCRIPTS) >= 3


def test_learners_with_names_in_other_scripts_get_readable_sign_in_names(store):
    from sqlalchemy import select

    from plprofile.store.models import Account

    generate_demo(store)
    with store.session() as s:
        names = list(s.execute(select(Account.username).where(Account.learner_id.is_not(None))).scalars())
    assert len(names) == 25 and all(n.isascii() and n.isalnum() for n in names)
    assert not any(n.startswith("learner") for n in names)
