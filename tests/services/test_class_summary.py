"""The class overview's numbers aggregated in the store equal the domain's over the full histories."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from plprofile.domain.progress import (
    ElementRating,
    class_distribution,
    distribution_over_time,
    latest,
    month_starts,
    overall_distribution,
)

TODAY = date(2026, 6, 30)


def expected(stages, teacher, framework, group=None):
    histories = stages.class_histories(teacher, group)
    latest_by_learner = {lid: latest(h) for lid, h in histories.items() if h}
    days = [a.assessed_on for h in histories.values() for a in h]
    over_time = (distribution_over_time(histories, framework, month_starts(min(days), max(TODAY, max(days))))
                 if days else [])
    return (class_distribution(latest_by_learner, framework), overall_distribution(latest_by_learner, framework),
            [(p.on, p.overall, p.learners) for p in over_time], len(histories), len(latest_by_learner))


def actual(stages, teacher, framework, group=None):
    summary = stages.class_summary(teacher, group, framework=framework, today=TODAY)
    return (summary.now, summary.overall_now, [(p.on, p.overall, p.learners) for p in summary.over_time],
            summary.learners, summary.assessed)


@pytest.fixture
def school(store, teacher):
    from plprofile.services.bulk import generate_bulk
    from plprofile.services.profiles import ProfileService
    from plprofile.services.stages import StagesService
    from plprofile.store.models import Assessment

    generate_bulk(store, 60, seed=11, today=TODAY, batch=20)
    profiles = ProfileService(store)
    stages = StagesService(store, profiles)
    learners = profiles.list_learners(teacher)
    fw = stages.active_framework()
    elements = list(fw.element_ids())
    # the awkward cases: two assessments on one day (the later counts), partly rated, one removed,
    # a learner never assessed, a learner removed from the class, a value between two stages
    a = learners[0].id
    stages.record_assessment(teacher, a, date(2026, 3, 1), [ElementRating(elements[0], agreed=3.0)])
    stages.record_assessment(teacher, a, date(2026, 3, 1), [ElementRating(elements[1], learner=1.0, teacher=2.5)])
    b = learners[1].id
    stages.record_assessment(teacher, b, date(2026, 6, 1), [ElementRating(e, teacher=1.5) for e in elements])
    gone = stages.record_assessment(teacher, b, date(2026, 6, 15), [ElementRating(elements[2], agreed=3.0)])
    with store.transaction() as s:
        s.get(Assessment, __import__("uuid").UUID(gone.id)).deleted_at = datetime.now(UTC)
    profiles.add_learner(teacher, given_name="Nova", family_name="Never", group_name=learners[2].group_name)
    profiles.delete_learner(teacher, learners[3].id)
    return stages, fw, learners


def test_whole_school_matches_the_domain(school, teacher):
    stages, fw, _ = school
    assert actual(stages, teacher, fw) == expected(stages, teacher, fw)


def test_one_group_matches_the_domain(school, teacher):
    stages, fw, learners = school
    for group in {s.group_name for s in learners}:
        assert actual(stages, teacher, fw, group) == expected(stages, teacher, fw, group)


def test_empty_class(store, teacher):
    from plprofile.services.stages import StagesService

    stages = StagesService(store)
    summary = stages.class_summary(teacher, today=TODAY)
    assert (summary.learners, summary.assessed, summary.over_time, summary.overall_now) == (0, 0, [], {})
