"""Migration 0014 (evidence files): a store at 0012 keeps every row and gains the file tables and the evidence's
two new columns; taken back by the migration's own downgrade, it is a 0012 store again."""

from __future__ import annotations

import sqlite3

from plprofile.store import engine
from tests.store.test_school_structure import _counts
from tests.store.test_spans import downgrade


def _columns(path, table: str) -> set[str]:
    with sqlite3.connect(path) as con:
        return {r[1] for r in con.execute(f"PRAGMA table_info({table})")}


def test_a_store_from_0012_gains_the_file_tables_and_loses_nothing(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=4)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0012_teacher_week")
    assert "blob_id" not in _columns(path, "evidence") and not _columns(path, "evidence_blob")
    before = _counts(path)

    engine.open_store(tmp_path / "d").close()

    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    assert {k: v for k, v in _counts(path).items() if k in before} == before
    assert {"blob_id", "best_work"} <= _columns(path, "evidence")
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM evidence WHERE best_work").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM evidence WHERE blob_id IS NOT NULL").fetchone()[0] == 0
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
