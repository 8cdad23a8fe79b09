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
    fw = stages.active_framework(teacher)
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


# ---------------------------------------------------------------------------------------------- one element


def expected_element(stages, teacher, framework, element, group=None):
    histories = stages.class_histories(teacher, group)
    days = [a.assessed_on for h in histories.values() for a in h]
    if not days:
        return []
    over_time = distribution_over_time(histories, framework, month_starts(min(days), max(TODAY, max(days))))
    return [(p.on, p.elements[element], p.learners) for p in over_time]


def actual_element(stages, teacher, framework, element, group=None):
    points = stages.class_element_over_time(teacher, element, group, framework=framework, today=TODAY)
    assert all(set(p.elements) == {element} and not p.overall for p in points)
    return [(p.on, p.elements[element], p.learners) for p in points]


def test_each_element_over_time_matches_the_domain(school, teacher):
    stages, fw, learners = school
    for element in fw.element_ids():
        want = expected_element(stages, teacher, fw, element)
        assert actual_element(stages, teacher, fw, element) == want, element
        assert sum(want[-1][1].values()) > 0
    # the awkward learners are in the first groups: one group, every element
    for group in {s.group_name for s in learners[:4]}:
        for element in fw.element_ids():
            assert (actual_element(stages, teacher, fw, element, group)
                    == expected_element(stages, teacher, fw, element, group)), (group, element)


def test_the_summary_carries_the_element_asked_for(school, teacher):
    stages, fw, _ = school
    element = list(fw.element_ids())[1]
    summary = stages.class_summary(teacher, framework=fw, today=TODAY, element=element)
    assert [(p.on, p.overall, p.learners) for p in summary.over_time] == expected(stages, teacher, fw)[2]
    assert [(p.on, p.elements[element], p.learners) for p in summary.over_time] == expected_element(
        stages, teacher, fw, element)
    assert (summary.now, summary.overall_now) == expected(stages, teacher, fw)[:2]


def test_the_demo_class_per_element_matches_the_domain(store, teacher):
    from plprofile.services.demo import generate_demo
    from plprofile.services.stages import StagesService

    generate_demo(store, learners=25, today=TODAY)
    stages = StagesService(store)
    fw = stages.active_framework(teacher)
    for element in fw.element_ids():
        want = expected_element(stages, teacher, fw, element)
        assert actual_element(stages, teacher, fw, element) == want, element
        assert len({tuple(sorted(c.items())) for _, c, _ in want}) > 2  # the distribution moves over the year


def test_hand_made_histories_per_element(store, teacher):
    """Quarter values between stages, an unrated element, learner-only and teacher-only views, a same-day
    re-assessment, and a learner whose latest assessment skips the element (carried forward: still counted)."""
    from plprofile.services.profiles import ProfileService
    from plprofile.services.stages import StagesService

    profiles = ProfileService(store)
    stages = StagesService(store, profiles)
    fw = stages.active_framework(teacher)
    voice, choice = list(fw.element_ids())[:2]
    ana = profiles.add_learner(teacher, given_name="Ana", family_name="A", group_name="5A").id
    ben = profiles.add_learner(teacher, given_name="Ben", family_name="B", group_name="5A").id
    cai = profiles.add_learner(teacher, given_name="Cai", family_name="C", group_name="5B").id
    profiles.add_learner(teacher, given_name="Dee", family_name="D", group_name="5B")  # never assessed
    record = stages.record_assessment
    record(teacher, ana, date(2025, 9, 10), [ElementRating(voice, learner=1.0, teacher=1.5)])  # 1.25 -> 1.5
    record(teacher, ana, date(2025, 11, 3), [ElementRating(voice, learner=2.5, teacher=2.0),  # 2.25 -> 2.5
                                             ElementRating(choice, agreed=2.0)])
    record(teacher, ana, date(2026, 2, 1), [ElementRating(choice, agreed=3.0)])  # voice not rated
    record(teacher, ben, date(2025, 10, 1), [ElementRating(voice, teacher=2.0)])
    record(teacher, ben, date(2025, 10, 1), [ElementRating(voice, learner=3.0)])  # the later one counts
    record(teacher, ben, date(2026, 1, 1), [ElementRating(voice, learner=1.0, teacher=2.0, agreed=1.5)])
    record(teacher, cai, date(2026, 3, 1), [ElementRating(voice, learner=1.5, teacher=2.0)])  # 1.75 -> 2
    got = actual_element(stages, teacher, fw, voice)
    assert got == expected_element(stages, teacher, fw, voice)
    by_day = {on: (dict(c), n) for on, c, n in got}
    assert by_day[date(2025, 10, 1)] == ({1.5: 1, 3.0: 1}, 2)
    assert by_day[date(2025, 12, 1)] == ({2.5: 1, 3.0: 1}, 2)
    assert by_day[date(2026, 2, 1)] == ({1.5: 1, 2.5: 1}, 2)  # Ana's latest carries Voice forward
    assert by_day[date(2026, 4, 1)] == ({1.5: 1, 2.0: 1, 2.5: 1}, 3)
    assert by_day[TODAY][1] == 3
    for element in (voice, choice):
        for group in (None, "5A", "5B"):
            assert (actual_element(stages, teacher, fw, element, group)
                    == expected_element(stages, teacher, fw, element, group)), (element, group)


@pytest.mark.parametrize("today", [TODAY, date(2026, 7, 1), date(2026, 12, 31), date(2027, 1, 1)])
def test_days_at_month_edges_count_on_the_same_dates_as_the_domain(store, teacher, today):
    """The store adds spans up by the chart dates they start and stop counting on (a day after a month's 1st
    first counts on the next 1st; days of the current month stay days): assessments on the 1st, the last of a
    month, across December to January, in the current month before and after today, after today, and the
    earliest one by a learner removed from the class (the chart then starts with the next learner's month)."""
    from plprofile.services.profiles import ProfileService
    from plprofile.services.stages import StagesService

    profiles = ProfileService(store)
    stages = StagesService(store, profiles)
    fw = stages.active_framework(teacher)
    voice = next(iter(fw.element_ids()))
    month = today.replace(day=1)
    days = [date(2025, 11, 30), date(2025, 12, 1), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2),
            month, today, today + (date(2027, 1, 2) - date(2027, 1, 1)), date(2027, 2, 15)]
    kids = [profiles.add_learner(teacher, given_name=f"K{i}", family_name="Edge", group_name=f"{i % 2}").id
            for i in range(6)]
    for i, kid in enumerate(kids):
        for k, day in enumerate(days[i % 3:: 2]):
            stages.record_assessment(teacher, kid, day, [ElementRating(voice, agreed=1.0 + 0.5 * ((i + k) % 5))])
    gone = profiles.add_learner(teacher, given_name="Gone", family_name="Early", group_name="0").id
    stages.record_assessment(teacher, gone, date(2025, 6, 20), [ElementRating(voice, agreed=3.0)])
    profiles.delete_learner(teacher, gone)

    def want(group=None):  # noqa: ANN001, ANN202
        histories = stages.class_histories(teacher, group)
        all_days = [a.assessed_on for h in histories.values() for a in h]
        dates = month_starts(min(all_days), max(today, max(all_days)))
        return [(p.on, p.overall, p.elements[voice], p.learners)
                for p in distribution_over_time(histories, fw, dates)]

    for group in (None, "0", "1"):
        got = stages.class_summary(teacher, group, framework=fw, today=today, element=voice).over_time
        assert [(p.on, p.overall, p.elements[voice], p.learners) for p in got] == want(group), group
        assert got[0].on == date(2025, 11, 1)  # the removed learner's June is not the start
        points = stages.class_element_over_time(teacher, voice, group, framework=fw, today=today)
        assert [(p.on, p.elements[voice], p.learners) for p in points] == [(a, c, n) for a, _, c, n in want(group)]


def test_an_unknown_element_is_refused(school, teacher):
    from plprofile.domain.profile import ValidationError

    stages, fw, _ = school
    with pytest.raises(ValidationError):
        stages.class_element_over_time(teacher, "no_such_element", framework=fw)


def test_figures_read_again_after_any_change(school, teacher, store):
    """The figures are kept until the store changes: every kind of edit shows at once, equal to the domain's."""
    from plprofile.store.models import Learner

    stages, fw, learners = school
    first = actual(stages, teacher, fw)
    assert actual(stages, teacher, fw) == first  # read once, kept
    last_before = stages.last_assessed(teacher)
    element = next(iter(fw.element_ids()))
    stages.record_assessment(teacher, learners[4].id, TODAY, [ElementRating(e, agreed=1.0) for e in fw.element_ids()])
    assert actual(stages, teacher, fw) == expected(stages, teacher, fw)
    assert actual(stages, teacher, fw) != first
    assert stages.last_assessed(teacher)[str(learners[4].id)] == TODAY != last_before[str(learners[4].id)]
    assert actual_element(stages, teacher, fw, element) == expected_element(stages, teacher, fw, element)
    # a learner moved to another group, written straight to the store (no service, no change-log row)
    group = learners[5].group_name
    before = actual(stages, teacher, fw, group)
    with store.transaction() as s:
        s.get(Learner, learners[5].id).group_name = "Elsewhere"
    assert actual(stages, teacher, fw, group) == expected(stages, teacher, fw, group) != before
    # a change from another process: only the change log says so
    import sqlite3

    before = actual(stages, teacher, fw)
    generation = store.generation
    with sqlite3.connect(store.path) as raw:
        raw.execute("UPDATE learner SET deleted_at = (SELECT at FROM change_log LIMIT 1) WHERE id = ?",
                    (learners[6].id.hex,))
        columns = [c[1] for c in raw.execute("PRAGMA table_info(change_log)")]
        raw.execute(f"INSERT INTO change_log ({', '.join(columns)}) SELECT ?, {', '.join(columns[1:])} "
                    "FROM change_log LIMIT 1", (__import__("uuid").uuid4().hex,))
    assert store.generation == generation
    assert actual(stages, teacher, fw) == expected(stages, teacher, fw) != before
    # a purge from another window or process writes no change-log row, and may even remove the last one
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    before = actual(stages, teacher, fw)
    due_before = {s.id for s, _ in stages.not_assessed(teacher, date(2099, 1, 1))}
    other = open_store(store.path.parent)
    try:
        ProfileService(other).purge_learner(teacher, learners[7].id)
    finally:
        other.close()
    assert store.generation == generation
    assert actual(stages, teacher, fw) == expected(stages, teacher, fw) != before
    assert learners[7].id in due_before
    assert learners[7].id not in {s.id for s, _ in stages.not_assessed(teacher, date(2099, 1, 1))}


def test_not_assessed_follows_the_domain_rule_and_any_change(school, teacher):
    from plprofile.domain.progress import not_assessed_since

    stages, fw, learners = school
    cutoff = date(2026, 5, 1)
    last = stages.last_assessed(teacher)
    due = stages.not_assessed(teacher, cutoff)
    assert {str(s.id) for s, _ in due} == set(not_assessed_since(last, cutoff))
    assert all(day == last[str(s.id)] for s, day in due)
    keys = [(day is not None, day or date.min, s.display_name.casefold()) for s, day in due]
    assert keys == sorted(keys) and keys[0][0] is False  # never assessed first (Nova), then the longest ago
    group = learners[0].group_name
    assert [s for s, _ in stages.not_assessed(teacher, cutoff, group)] == [s for s, _ in due if s.group_name == group]
    someone = next(s for s, day in due if day is not None)
    stages.record_assessment(teacher, someone.id, TODAY, [ElementRating(next(iter(fw.element_ids())), agreed=2.0)])
    assert someone.id not in {s.id for s, _ in stages.not_assessed(teacher, cutoff)}


def test_the_kept_class_list_follows_changes_made_anywhere(school, teacher):
    """The class list (names for the window and for who is due) is read once and kept until the store changes:
    a learner renamed, added or removed here or in another window or process shows at the next look."""
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    stages, _fw, learners = school
    profiles = stages.profiles
    cutoff = date(2099, 1, 1)  # everyone is due

    def due_names() -> dict:
        return {s.id: s.display_name for s, _ in stages.not_assessed(teacher, cutoff)}

    first = profiles.list_learners(teacher)
    assert profiles.list_learners(teacher) == first
    assert profiles.class_list(teacher) is profiles.class_list(teacher)  # kept while nothing changes
    kept = profiles.class_list(teacher)
    assert due_names() == {s.id: s.display_name for s in first}

    other = open_store(stages.store.path.parent)
    try:
        elsewhere = ProfileService(other)
        elsewhere.update_learner(teacher, learners[4].id, preferred_name="Renamed")
        added = elsewhere.add_learner(teacher, given_name="Late", family_name="Arrival")
        elsewhere.delete_learner(teacher, learners[5].id)
    finally:
        other.close()
    assert profiles.class_list(teacher) is not kept
    names = {s.id: s.display_name for s in profiles.list_learners(teacher)}
    assert names[learners[4].id] == f"Renamed {learners[4].family_name}"
    assert names[added.id] == "Late Arrival" and learners[5].id not in names
    assert due_names() == names

    profiles.update_learner(teacher, learners[6].id, preferred_name="Here")  # and in this process
    assert due_names()[learners[6].id] == f"Here {learners[6].family_name}"


def test_assessments_of_another_framework_version_count_by_the_active_ones_elements(school, teacher):
    """An assessment made against another version (here with an element the active framework lacks) is
    counted from its ratings of the active framework's elements, as the domain counts it, not from the
    overall value the store keeps for it."""
    import copy
    import json

    from plprofile import RESOURCES
    from plprofile.domain.framework import load_framework

    stages, fw, learners = school
    data = json.loads((RESOURCES / "frameworks" / "default-stages.json").read_text(encoding="utf-8"))
    data["version"] = "2.0.0"
    extra = copy.deepcopy(data["elements"][0])
    extra["id"] = "courage"
    extra["name"] = {"en": "Courage", "es": "Valor"}
    data["elements"] = [data["elements"][0], extra]  # Voice and Courage: nothing of it to carry forward
    other = load_framework(json.dumps(data).encode())
    voice = next(iter(fw.element_ids()))
    for k, learner in enumerate(learners[5:9]):
        stages.record_assessment(teacher, learner.id, date(2026, 5, 2 + k),
                                 [ElementRating(voice, agreed=1.0), ElementRating("courage", agreed=3.0)],
                                 framework=other)
    got = actual(stages, teacher, fw)
    assert got == expected(stages, teacher, fw)
    # by the active framework these four stand at stage 1 now (Voice alone); the kept value would say 2
    assert got[1][1.0] >= 4
    # each element over time (read with every element in one pass: Courage's ratings come too, and count nowhere)
    for element in fw.element_ids():
        assert actual_element(stages, teacher, fw, element) == expected_element(stages, teacher, fw, element), element
    for group in {s.group_name for s in learners[5:9]}:
        assert actual(stages, teacher, fw, group) == expected(stages, teacher, fw, group)


def _count_reads(monkeypatch, stages, delay: float = 0.0) -> list[int]:
    """Count the summaries read from the store (each one a whole school's spans), slowed by ``delay``."""
    import time

    reads: list[int] = []
    real = stages._class_summary

    def counted(*args, **kwargs):
        reads.append(1)
        time.sleep(delay)
        return real(*args, **kwargs)

    monkeypatch.setattr(stages, "_class_summary", counted)
    return reads


def test_the_overview_opens_on_what_warm_class_read_until_the_store_changes(school, teacher, monkeypatch):
    from datetime import timedelta

    from plprofile.services.stages import DUE_WEEKS

    stages, fw, learners = school
    reads = _count_reads(monkeypatch, stages)
    stages.warm_class(teacher, today=TODAY)
    assert len(reads) == 1
    cutoff = TODAY - timedelta(weeks=DUE_WEEKS)
    summary, due = stages.class_overview(teacher, cutoff, None, framework=fw, today=TODAY)
    assert len(reads) == 1  # the overview as it first opens: nothing read again
    assert (summary.now, summary.learners) == expected(stages, teacher, fw)[0:4:3]
    assert [s.id for s, _ in due] == [s.id for s, _ in stages.not_assessed(teacher, cutoff)]
    stages.record_assessment(teacher, learners[4].id, TODAY, [ElementRating(e, agreed=2.0) for e in fw.element_ids()])
    stages.class_overview(teacher, cutoff, None, framework=fw, today=TODAY)
    assert len(reads) == 2  # a change since: read again


def test_an_overview_opened_while_warm_class_reads_waits_for_it_and_reads_nothing_twice(school, teacher, monkeypatch):
    import threading
    import time
    from datetime import timedelta

    from plprofile.services.stages import DUE_WEEKS

    stages, fw, _learners = school
    reads = _count_reads(monkeypatch, stages, delay=0.3)
    worker = threading.Thread(target=stages.warm_class, args=(teacher,), kwargs={"today": TODAY})
    worker.start()
    deadline = time.monotonic() + 10
    while not reads and time.monotonic() < deadline:  # the worker is reading
        threading.Event().wait(0.01)
    assert reads, "the read-ahead did not start"
    summary, _due = stages.class_overview(teacher, TODAY - timedelta(weeks=DUE_WEEKS), None, today=TODAY)
    worker.join(10)
    assert len(reads) == 1
    assert summary.now == expected(stages, teacher, fw)[0]


def test_a_learner_cannot_warm_the_class(school, store, teacher):
    from plprofile.domain.policy import AccessDenied
    from plprofile.services.accounts import learner_actor

    stages, _fw, learners = school
    with pytest.raises(AccessDenied):
        stages.warm_class(learner_actor(stages.profiles.learner_account(teacher, learners[0].id)))


def _count_element_reads(monkeypatch, stages) -> list[tuple]:
    """Count the passes over every element's ratings (``_class_elements``), with their group."""
    reads: list[tuple] = []
    real = stages._class_elements

    def counted(group, *args, **kwargs):
        reads.append((group,))
        return real(group, *args, **kwargs)

    monkeypatch.setattr(stages, "_class_elements", counted)
    return reads


def test_every_element_is_read_in_one_pass_kept_until_the_store_changes(school, teacher, monkeypatch):
    """Choosing elements one after another under "Over time" reads the ratings once for all of them (the
    figures equal to the domain's); the class overview starts that reading ahead (``warm_elements``) and the
    first choice waits for it; any change reads again."""
    stages, fw, learners = school
    reads = _count_element_reads(monkeypatch, stages)
    stages.warm_elements(teacher, framework=fw, today=TODAY)
    for element in fw.element_ids():
        assert actual_element(stages, teacher, fw, element) == expected_element(stages, teacher, fw, element)
    assert reads == [(None,)]
    group = learners[0].group_name
    for element in fw.element_ids():
        assert (actual_element(stages, teacher, fw, element, group)
                == expected_element(stages, teacher, fw, element, group))
    assert reads == [(None,), (group,)]
    stages.record_assessment(teacher, learners[4].id, TODAY, [ElementRating(e, agreed=3.0) for e in fw.element_ids()])
    element = next(iter(fw.element_ids()))
    assert actual_element(stages, teacher, fw, element) == expected_element(stages, teacher, fw, element)
    assert reads == [(None,), (group,), (None,)]


def test_warm_elements_reads_every_element_ahead(school, teacher, monkeypatch):
    stages, fw, _ = school
    reads = _count_element_reads(monkeypatch, stages)
    stages.warm_elements(teacher, today=TODAY)
    element = list(fw.element_ids())[3]
    assert actual_element(stages, teacher, fw, element) == expected_element(stages, teacher, fw, element)
    assert reads == [(None,)]


def test_a_failed_pass_over_the_elements_is_not_kept(school, teacher, monkeypatch):
    stages, fw, _ = school
    real = stages._class_elements
    monkeypatch.setattr(stages, "_class_elements", lambda *a, **k: (_ for _ in ()).throw(OSError("disk gone")))
    with pytest.raises(OSError):
        actual_element(stages, teacher, fw, "voice")
    monkeypatch.setattr(stages, "_class_elements", real)
    assert actual_element(stages, teacher, fw, "voice") == expected_element(stages, teacher, fw, "voice")


def test_the_spans_of_another_framework_are_found_without_walking_every_assessment(school, teacher):
    """The overall spans' part for assessments of another framework looks them up by key (an IN subquery), not
    by walking every assessment in key order and reading its row (which took most of the overview's SQL)."""
    from sqlalchemy import union_all

    from plprofile.services.class_queries import by_bucket, overall_spans, scoped

    stages, fw, _ = school
    statement = by_bucket(union_all(*scoped("span", None, [], overall_spans(fw, list(fw.element_ids())))), TODAY)
    with stages.store.session() as s:
        conn = s.connection()
        sql = str(statement.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = [str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    assert not [step for step in plan if step.startswith("SCAN assessment USING INDEX")], plan
    assert "SEARCH assessment USING INDEX sqlite_autoindex_assessment_1 (id=?)" in plan, plan


def test_who_is_due_is_read_in_one_pass_in_the_same_order(store, teacher):
    """``_due_list`` (one pass over a whole school's rows) orders as sorting by (assessed?, day, name) does, ties
    kept in the store's order (learners sharing a name and a day); ids given as the hex, as a server's UUIDs or
    their text; a learner the kept class list does not know yet makes it read again."""
    import uuid

    from plprofile.services.profiles import ProfileService
    from plprofile.services.stages import StagesService

    profiles = ProfileService(store)
    stages = StagesService(store, profiles)
    made = [profiles.add_learner(teacher, given_name=given, family_name=family) for given, family in
            [("Ana", "Ruiz"), ("Ana", "Ruiz"), ("ben", "Ode"), ("Ana", "Ruiz"), ("Cy", "Zed"), ("Ben", "Ode")]]
    days = [None, "2026-03-01", "2026-03-01", "2026-03-01", None, "2025-11-30"]
    forms = [lambda i: i.hex, lambda i: i, lambda i: str(i), lambda i: str(i).upper(), lambda i: i.hex,
             lambda i: i]
    rows = [(form(s.id), day) for s, day, form in zip(made, days, forms, strict=True)]
    rows.reverse()  # not in the order they were made
    got = [(s.id, day) for s, day in stages._due_list(teacher, rows)]
    names = {s.id: s.display_name.casefold() for s in made}
    plain = [(uuid.UUID(str(lid)) if not isinstance(lid, uuid.UUID) else lid,
              None if day is None else date.fromisoformat(day)) for lid, day in rows]
    plain.sort(key=lambda x: (x[1] is not None, x[1] or date.min, names[x[0]]))  # stable: ties as given
    assert got == plain
    assert [day for _, day in got[:2]] == [None, None] and len({lid for lid, _ in got}) == 6
    # a learner added since the class list was kept: found (the list is read again), not dropped
    stages.profiles.class_list(teacher)  # kept before the learner below comes in
    late = profiles.add_learner(teacher, given_name="Dee", family_name="Late")
    got = stages._due_list(teacher, [*rows, (late.id.hex, None)])
    assert late.id in {s.id for s, _ in got}
