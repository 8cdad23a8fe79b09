"""Pushes side by side on a PostgreSQL hub: a push about one learner's own rows holds that learner's lock
and the whole hub's lock shared, so pushes about different learners go at once; two about one learner, or
one that may touch more (an account, a class, an erasure), go one after the other. Numbering waits its own
turn, taken last. Waits are seen in PostgreSQL's own lock table, not timed."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import text

from plprofile.domain.hlc import HLC

A, B = str(uuid.uuid4()), str(uuid.uuid4())


@pytest.fixture
def hub_store(postgres_url):
    from plprofile.hub.store import open_hub

    store = open_hub(None, postgres_url)
    yield store
    store.close()


class Holder(threading.Thread):
    """A push transaction held open (``push_lock(store, learners)``) until told to finish."""

    def __init__(self, store, learners, number: bool = False) -> None:  # noqa: ANN001
        super().__init__(daemon=True)
        self.store, self.learners, self.number = store, learners, number
        self.inside = threading.Event()
        self.finish = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        from plprofile.hub.store import number_lock, push_lock

        try:
            with push_lock(self.store, self.learners) as session:
                if self.number:  # as a push does once its rows are written
                    number_lock(session)
                self.inside.set()
                assert self.finish.wait(120)
        except BaseException as exc:  # reported by the test
            self.error = exc
            self.inside.set()


def _waiting_for_advisory_locks(store) -> int:  # noqa: ANN001
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                            ).scalar_one()


def _blocked(store, holder: Holder) -> bool:  # noqa: ANN001
    """Whether ``holder`` (started) waits for a lock: PostgreSQL lists its wait, and it is not inside."""
    import time

    for _ in range(600):
        if holder.inside.is_set():
            return False
        if _waiting_for_advisory_locks(store) > 0:
            return not holder.inside.is_set()
        time.sleep(0.05)
    raise AssertionError("neither inside nor waiting after 30 s")


def _one_after_the_other(first: Holder, second: Holder) -> None:
    """``first`` gets in; ``second`` waits for it (PostgreSQL lists the wait) and gets in once it commits."""
    first.start()
    assert first.inside.wait(30)
    second.start()
    assert _blocked(first.store, second)
    first.finish.set()
    assert second.inside.wait(30)
    _done(first, second)


def _done(*holders: Holder) -> None:
    for h in holders:
        h.finish.set()
    for h in holders:
        h.join(60)
        assert not h.is_alive()
        assert h.error is None, h.error


def test_pushes_about_different_learners_go_at_once(hub_store):
    first = Holder(hub_store, [A])
    first.start()
    assert first.inside.wait(30)
    other = Holder(hub_store, [B])
    other.start()
    assert other.inside.wait(30), "a push about another learner waited"
    assert _waiting_for_advisory_locks(hub_store) == 0
    _done(first, other)


def test_two_pushes_about_one_learner_go_one_after_the_other(hub_store):
    _one_after_the_other(Holder(hub_store, [A, B]), Holder(hub_store, [B]))


@pytest.mark.parametrize("first_learners, then_learners", [([A], None), (None, [B]), (None, None)])
def test_a_push_that_may_touch_more_goes_alone(hub_store, first_learners, then_learners):
    _one_after_the_other(Holder(hub_store, first_learners), Holder(hub_store, then_learners))


def test_numbering_waits_its_turn_to_the_commit(hub_store):
    """Pushes about different learners: the second gets in at once, then waits to number its changes."""
    _one_after_the_other(Holder(hub_store, [A], number=True), Holder(hub_store, [B], number=True))


def test_the_hubs_clock_never_goes_back_when_pushes_finish_out_of_order(hub_store):
    """Two transactions read the clock, each moves it: the later reading stays, whichever commits last."""
    from plprofile.store import changes

    early, late, later = (HLC(1_000_000, 0, "a" * 32), HLC(2_000_000, 0, "b" * 32), HLC(3_000_000, 0, "c" * 32))
    for advance in (changes.advance_last_hlc, changes.advance_clock):  # a device's way, and the hub's push's
        with hub_store.transaction() as s:
            advance(s, late)
        with hub_store.transaction() as s:
            advance(s, early)
        with hub_store.session() as s:
            assert changes.last_hlc(s) == late
        late = later


def test_several_processes_are_for_a_postgresql_hub(tmp_path):
    from .conftest import run

    done = run("serve", "--data-dir", str(tmp_path / "hub"), "--workers", "2", "--port", "1")
    assert done.returncode == 2
    assert "--workers needs a PostgreSQL database" in done.stderr
    assert not (tmp_path / "hub").exists()  # refused before anything was made
