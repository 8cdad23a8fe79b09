"""The merge rules, one by one, and the property that makes devices agree: whatever order two concurrent
writes arrive in, the same value stands and the same value is the conflict."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plprofile.domain.merge import FieldState, Outcome, Write, merge_field, presence

H1, H2, H3 = "0000000001000-00000-a", "0000000002000-00000-b", "0000000003000-00000-c"


def test_a_write_that_saw_the_stored_value_fast_forwards():
    m = merge_field("goal", "statement", FieldState("v0", H1, "teacher"), Write("v0", "v1", H2, "teacher"))
    assert m.outcome is Outcome.FAST_FORWARD and m.applies and not m.conflict


def test_the_same_value_is_nothing_to_do():
    m = merge_field("goal", "statement", FieldState("v1", H1, "teacher"), Write("v0", "v1", H2, "learner"))
    assert m.outcome is Outcome.SAME and not m.applies and not m.conflict


def test_concurrent_free_text_newer_wins_and_the_older_is_a_conflict():
    newer = merge_field("goal", "why", FieldState("mine", H1, "teacher"), Write("v0", "theirs", H2, "teacher"))
    assert newer.outcome is Outcome.INCOMING_WINS and newer.conflict
    older = merge_field("goal", "why", FieldState("mine", H2, "teacher"), Write("v0", "theirs", H1, "teacher"))
    assert older.outcome is Outcome.STORED_WINS and older.conflict and not older.applies


@pytest.mark.parametrize("staff", ["teacher", "admin"])
def test_a_learners_words_are_never_overwritten_by_a_concurrent_staff_edit(staff):
    # the teacher's edit is newer, still the learner's words stay and the teacher's become the conflict
    stored_learner = merge_field("profile_entry", "text", FieldState("my words", H1, "learner"),
                                 Write("v0", "teacher words", H3, staff))
    assert stored_learner.outcome is Outcome.STORED_WINS and stored_learner.conflict
    incoming_learner = merge_field("profile_entry", "text", FieldState("teacher words", H3, staff),
                                   Write("v0", "my words", H1, "learner"))
    assert incoming_learner.outcome is Outcome.INCOMING_WINS and incoming_learner.conflict


def test_a_teacher_edit_that_saw_the_learners_words_fast_forwards():
    m = merge_field("goal", "statement", FieldState("my goal", H1, "learner"), Write("my goal", "better", H2, "teacher"))
    assert m.outcome is Outcome.FAST_FORWARD


def test_other_fields_newest_wins_without_a_conflict_even_against_a_learner():
    m = merge_field("goal", "status", FieldState("done", H1, "learner"), Write("not_started", "active", H2, "teacher"))
    assert m.outcome is Outcome.INCOMING_WINS and not m.conflict
    m = merge_field("goal", "status", FieldState("done", H2, "learner"), Write("not_started", "active", H1, "teacher"))
    assert m.outcome is Outcome.STORED_WINS and not m.conflict


def test_an_older_write_that_names_the_stored_value_is_still_concurrent():
    m = merge_field("goal", "status", FieldState("a", H2, "teacher"), Write("a", "b", H1, "teacher"))
    assert m.outcome is Outcome.STORED_WINS


@pytest.mark.parametrize("entity", ["assessment", "assessment_rating", "check_in"])
def test_insert_only_rows_are_never_edited_and_never_conflict(entity):
    m = merge_field(entity, "note", FieldState("x", H1, "teacher"), Write("x", "y", H2, "teacher"))
    assert m.outcome is Outcome.IGNORED and not m.applies and not m.conflict


def test_delete_and_restore_newest_stands():
    assert presence(H1, H2) and not presence(H2, H1) and not presence(H2, H2)


roles = st.sampled_from(["learner", "teacher", "admin"])
fields = st.sampled_from([("profile_entry", "text"), ("goal", "status"), ("goal", "why"), ("learner", "grade")])


@given(fields, st.lists(st.tuples(st.text(max_size=3), roles), min_size=2, max_size=4, unique_by=lambda w: w[0]))
def test_concurrent_writes_converge_in_any_order(field, writes):
    """Writes made from one base value without seeing each other: every arrival order ends with the same
    value, and (on free text) every other value is recorded as a conflict."""
    entity, name = field
    base = "base"
    stamped = [Write(base, new, f"{1000 + i:013d}-00000-d{i}", role) for i, (new, role) in enumerate(writes)
               if new != base]
    outcomes = set()
    for order in itertools.permutations(stamped):
        state, lost = FieldState(base), []
        for w in order:
            m = merge_field(entity, name, state, w)
            if m.applies:
                if m.conflict:
                    lost.append(state.value)
                state = FieldState(w.new, w.hlc, w.author_role)
            elif m.conflict:
                lost.append(w.new)
        outcomes.add((state.value, tuple(sorted(v for v in lost if v != base))))
    assert len(outcomes) == 1
    value, lost = outcomes.pop()
    if stamped:
        from plprofile.domain.merge import is_free_text
        if is_free_text(entity, name):
            assert sorted([value, *lost]) == sorted(w.new for w in stamped)
            if any(w.author_role == "learner" for w in stamped):
                assert value in {w.new for w in stamped if w.author_role == "learner"}
        else:
            assert value == max(stamped, key=lambda w: w.hlc).new
