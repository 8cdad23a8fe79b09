"""Swapping the store's file under the app (encrypting it, restoring a backup) waits for the app's own
readers and writers on other threads, and holds new ones back until the file is in place."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from plprofile.store.engine import StoreBusyError, open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    yield s
    s.close()


def _reader(store, started: threading.Event, release: threading.Event, seen: list) -> threading.Thread:
    def read() -> None:
        with store.session() as session:
            session.execute(text("SELECT count(*) FROM learner")).scalar_one()  # a connection is lent out
            started.set()
            release.wait(10)
            seen.append(("reader done", time.monotonic()))

    thread = threading.Thread(target=read)
    thread.start()
    return thread


def test_set_aside_waits_for_a_read_in_flight_then_closes_the_pool(store):
    started, release, seen = threading.Event(), threading.Event(), []
    reader = _reader(store, started, release, seen)
    assert started.wait(10)
    threading.Timer(0.3, release.set).start()
    with store.set_aside(timeout=10):
        seen.append(("aside", time.monotonic()))
        assert store.engine.pool.checkedout() == 0
    reader.join(10)
    assert [what for what, _ in seen] == ["reader done", "aside"]
    with store.session() as session:  # the store works afterwards
        assert session.execute(text("SELECT 1")).scalar_one() == 1


def test_a_session_asked_for_while_the_file_is_aside_starts_once_it_is_given_back(store):
    order: list[str] = []
    entered = threading.Event()

    def later_reader() -> None:
        entered.wait(10)
        with store.session() as session:
            session.execute(text("SELECT 1")).scalar_one()
            order.append("read")

    thread = threading.Thread(target=later_reader)
    thread.start()
    with store.set_aside(timeout=10):
        entered.set()
        time.sleep(0.3)
        order.append("swapped")
        with store.session() as session:  # the thread holding the file aside may use the store itself
            assert session.execute(text("SELECT 1")).scalar_one() == 1
    thread.join(10)
    assert order == ["swapped", "read"]


def test_a_store_kept_busy_is_refused_and_nothing_is_held_back(store):
    started, release, seen = threading.Event(), threading.Event(), []
    reader = _reader(store, started, release, seen)
    assert started.wait(10)
    with pytest.raises(StoreBusyError, match="still in use"):
        with store.set_aside(timeout=0.2):
            pytest.fail("set aside while a read was in flight")
    release.set()
    reader.join(10)
    with store.session() as session:  # nobody is left waiting on the refused swap
        assert session.execute(text("SELECT 1")).scalar_one() == 1
    with store.set_aside(timeout=1):
        pass
