"""Two windows or processes on one file: no lost update, and a stale edit is told, not silently applied."""

from __future__ import annotations

import threading

import pytest

from plprofile.domain import profile as d
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.changes import StaleEditError
from plprofile.store.engine import open_store


@pytest.fixture
def two_windows(tmp_path):
    first = open_store(tmp_path / "shared")
    second = open_store(tmp_path / "shared")
    yield ProfileService(first), ProfileService(second), teacher_actor(ensure_teacher(first))
    first.close()
    second.close()


def test_an_edit_based_on_stale_data_is_refused_with_both_versions(two_windows):
    a, b, teacher = two_windows
    learner = a.add_learner(teacher, given_name="Amara", family_name="Okafor")
    goal = a.add_goal(teacher, learner.id, "Read more")
    seen_by_b = b.load_profile(teacher, learner.id).goals[0].goal  # window B opened the goal
    a.update_goal(teacher, goal.id, expected_version=goal.version, why="Because I love stories")
    with pytest.raises(StaleEditError) as info:
        b.update_goal(teacher, goal.id, expected_version=seen_by_b.version, why="For school")
    assert info.value.current["why"] == "Because I love stories"
    assert info.value.attempted["why"] == "For school"
    assert b.load_profile(teacher, learner.id).goals[0].goal.why == "Because I love stories"


def test_concurrent_writers_lose_no_update(two_windows):
    a, b, teacher = two_windows
    learner = a.add_learner(teacher, given_name="Liam", family_name="Nguyen")
    goal = a.add_goal(teacher, learner.id, "0")
    errors: list[BaseException] = []

    def bump(service: ProfileService, times: int) -> None:
        done = 0
        try:
            while done < times:
                current = service.load_profile(teacher, learner.id).goals[0].goal
                try:
                    service.update_goal(teacher, goal.id, expected_version=current.version,
                                        statement=str(int(current.statement) + 1))
                except StaleEditError:
                    continue  # someone else saved first: reload and try again, as a person would
                done += 1
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=bump, args=(svc, 40)) for svc in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert a.load_profile(teacher, learner.id).goals[0].goal.statement == "80"
    history = [r for r in a.history(teacher, learner.id) if r.field == "statement"]
    assert len(history) == 80


def test_entries_added_from_two_windows_are_all_kept(two_windows):
    a, b, teacher = two_windows
    learner = a.add_learner(teacher, given_name="Mei", family_name="Chen")
    for i in range(10):
        (a if i % 2 else b).add_entry(teacher, learner.id, d.Section.INTERESTS, f"interest {i}")
    texts = {e.text for e in a.load_profile(teacher, learner.id).entries}
    assert texts == {f"interest {i}" for i in range(10)}
