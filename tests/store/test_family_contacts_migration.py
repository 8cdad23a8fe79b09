"""Migration 0013 (family contacts): a store at 0012 keeps every row and gains the empty family_contact table;
taken back by the migration's own downgrade, it is a 0012 store again."""

from __future__ import annotations

import sqlite3

from plprofile.store import engine
from tests.store.test_school_structure import _counts
from tests.store.test_spans import downgrade


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as con:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_store_from_0012_gains_the_family_contacts_table_and_loses_nothing(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=4)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0012_teacher_week")
    assert "family_contact" not in _tables(path)
    before = _counts(path)

    engine.open_store(tmp_path / "d").close()

    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    assert _counts(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM family_contact").fetchone()[0] == 0
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
