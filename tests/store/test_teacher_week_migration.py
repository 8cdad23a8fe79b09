"""Migration 0012 (the teacher's week): a store at 0006 keeps every row and gains the two empty planning
tables; taken back by the migration's own downgrade, it is a 0006 store again."""

from __future__ import annotations

import sqlite3

from plprofile.store import engine
from tests.store.test_school_structure import _counts
from tests.store.test_spans import downgrade


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as con:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_store_from_0006_gains_the_planning_tables_and_loses_nothing(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=4)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0006_school_structure")
    assert not {"teacher_week", "conference_slot"} & _tables(path)
    before = _counts(path)

    engine.open_store(tmp_path / "d").close()

    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    assert _counts(path) == before
    assert {"teacher_week", "conference_slot"} <= _tables(path)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM conference_slot").fetchone()[0] == 0
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
