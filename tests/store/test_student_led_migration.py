"""Migration 0010 (student-led conferences): a store from 0006 keeps every conference, each led by the teacher."""

from __future__ import annotations

import sqlite3
from datetime import date

from plprofile.store import engine
from tests.store.test_spans import downgrade


def test_a_store_from_0006_keeps_its_conferences_led_by_the_teacher(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=4)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0006_school_structure")
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "conference_remark" not in tables
        before = con.execute("SELECT id, held_on, notes FROM conference ORDER BY id").fetchall()
    assert before

    engine.open_store(tmp_path / "d").close()

    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT id, held_on, notes FROM conference ORDER BY id").fetchall() == before
        assert {r[0] for r in con.execute("SELECT led_by FROM conference")} == {"teacher"}
        assert con.execute("SELECT count(*) FROM conference_remark").fetchone()[0] == 0
    assert date.fromisoformat(before[0][1])
