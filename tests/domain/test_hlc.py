"""The hybrid logical clock: monotonic when the wall clock goes back, a total order, text that sorts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plprofile.domain.hlc import HLC, MAX_SKEW_MS, ClockError, receive, tick

devices = st.sampled_from(["a1", "b2", "c3", "0f9e"])
ms = st.integers(min_value=0, max_value=10**13 - 2)
readings = st.builds(HLC, ms, st.integers(0, 99_999), devices)


def test_tick_follows_the_wall_clock_when_it_moves_on():
    first = tick(None, 1000, "a")
    assert first == HLC(1000, 0, "a")
    assert tick(first, 1005, "a") == HLC(1005, 0, "a")


def test_tick_counts_when_the_wall_clock_stands_or_goes_back():
    first = tick(None, 1000, "a")
    assert tick(first, 1000, "a") == HLC(1000, 1, "a")
    assert tick(HLC(1000, 1, "a"), 400, "a") == HLC(1000, 2, "a")


def test_receive_moves_past_the_remote_reading():
    mine = HLC(1000, 3, "a")
    nxt, warning = receive(mine, HLC(2000, 7, "b"), 1500, "a")
    assert nxt == HLC(2000, 8, "a") and warning is None
    nxt, _ = receive(mine, HLC(1000, 9, "b"), 900, "a")
    assert nxt == HLC(1000, 10, "a")
    nxt, _ = receive(mine, HLC(10, 0, "b"), 5000, "a")
    assert nxt == HLC(5000, 0, "a")


def test_a_clock_far_ahead_is_reported_and_still_ordered():
    now = 10_000_000
    ahead = HLC(now + MAX_SKEW_MS + 1, 0, "b")
    nxt, warning = receive(HLC(now, 0, "a"), ahead, now, "a")
    assert warning is not None and warning.device == "b" and warning.ahead_ms == MAX_SKEW_MS + 1
    assert nxt > ahead  # never a wrong merge: our next change still comes after theirs
    assert "minutes ahead" in warning.message()
    _, fine = receive(HLC(now, 0, "a"), HLC(now + MAX_SKEW_MS, 0, "b"), now, "a")
    assert fine is None


def test_counter_overflow_borrows_the_next_millisecond():
    assert tick(HLC(5, 99_999, "a"), 5, "a") == HLC(6, 0, "a")


@pytest.mark.parametrize("text", ["", "12-00001-a", "0000000001000-1-a", "0000000001000-00001-", "x" * 30])
def test_bad_text_is_refused(text):
    with pytest.raises(ClockError):
        HLC.decode(text)


@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=50))
def test_tick_is_strictly_monotonic_whatever_the_wall_clock_does(walls):
    last = None
    for wall in walls:
        nxt = tick(last, wall, "a")
        assert last is None or nxt > last
        assert nxt.ms >= wall
        last = nxt


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 10**12), readings), min_size=1, max_size=50))
def test_receive_and_tick_stay_monotonic_and_after_what_was_seen(events):
    last = None
    for is_remote, wall, remote in events:
        nxt = receive(last, remote, wall, "z")[0] if is_remote else tick(last, wall, "z")
        assert last is None or nxt > last
        if is_remote:
            assert (nxt.ms, nxt.counter) > (remote.ms, remote.counter)
        last = nxt


@given(readings)
def test_text_round_trip(reading):
    assert HLC.decode(reading.encode()) == reading


@given(readings, readings)
def test_text_sorts_like_the_clock(a, b):
    assert (a < b) == (a.encode() < b.encode())
    assert (a == b) == (a.encode() == b.encode())
