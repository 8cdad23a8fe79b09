"""A store another program keeps busy: writes wait and try again, then say so in plain words; nothing is lost."""

from __future__ import annotations

import sqlite3
import time

import pytest

from plprofile.store import engine
from plprofile.store.engine import StoreBusyError, open_store
from plprofile.store.models import Meta


@pytest.fixture
def quick_busy(monkeypatch):
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(engine, "BUSY_RETRY_S", 0.6)


def test_a_write_to_a_busy_store_tries_again_then_says_so_and_works_once_free(tmp_path, quick_busy):
    store = open_store(tmp_path / "data")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing for a long time
    started = time.perf_counter()
    with pytest.raises(StoreBusyError, match="The store is busy"):
        with store.transaction() as s:
            s.add(Meta(key="mine", value="typed"))
    waited = time.perf_counter() - started
    assert 0.6 <= waited < 30, waited  # tried again for BUSY_RETRY_S, not once and not for ever
    other.execute("COMMIT")
    with store.transaction() as s:  # the same store writes again as soon as the other is done
        s.add(Meta(key="mine", value="typed"))
    with store.session() as s:
        assert s.get(Meta, "mine").value == "typed"
    other.close()
    store.close()


def test_a_short_busy_spell_is_waited_out(tmp_path, quick_busy):
    import threading

    store = open_store(tmp_path / "data")
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.4, lambda: other.execute("COMMIT")).start()  # longer than one try (0.2 s)
    with store.transaction() as s:
        s.add(Meta(key="mine", value="typed"))
    with store.session() as s:
        assert s.get(Meta, "mine") is not None
    other.close()
    store.close()
