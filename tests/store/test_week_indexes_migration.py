"""Migration 0015 (the due list's indexes, the school's days off): a store at 0012 keeps every row and gains
three indexes and the empty ``school_day_off`` table; taken back by its own downgrade, it is a 0012 store again."""

from __future__ import annotations

import sqlite3

from plprofile.store import engine
from tests.store.test_school_structure import _counts
from tests.store.test_spans import downgrade

INDEXES = {"ix_action_step_open", "ix_check_in_learner_on", "ix_conference_learner_held"}


def _names(path, kind: str) -> set[str]:
    with sqlite3.connect(path) as con:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type=?", (kind,))}


def test_a_store_from_0012_gains_the_indexes_and_the_days_off_and_loses_nothing(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=4)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0012_teacher_week")
    assert not INDEXES & _names(path, "index") and "school_day_off" not in _names(path, "table")
    before = _counts(path)

    engine.open_store(tmp_path / "d").close()

    assert engine.read_revision(path) == engine.SCHEMA_HEAD  # 0015 and what came after it
    assert _counts(path) == before
    assert INDEXES <= _names(path, "index") and "school_day_off" in _names(path, "table")
    with sqlite3.connect(path) as con:
        assert "answer" in {r[1] for r in con.execute("PRAGMA table_info(strategy_check)")}
        # the due list's reads use them
        plan = " ".join(r[3] for r in con.execute(
            "EXPLAIN QUERY PLAN SELECT learner_id, max(on_date) FROM check_in WHERE deleted_at IS NULL "
            "GROUP BY learner_id"))
        assert "ix_check_in_learner_on" in plan
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
