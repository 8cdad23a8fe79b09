"""Migration 0005 (school structure): a store from before keeps every row, and gains empty school tables."""

from __future__ import annotations

import sqlite3

from plprofile.store import engine
from tests.store.test_spans import downgrade

COUNTED = ("learner", "account", "profile_entry", "goal", "assessment", "assessment_rating", "change_log")


def _counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def test_a_store_from_0004_upgrades_with_every_row_after_a_backup(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=6)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0004_assessment_spans")
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in con.execute("PRAGMA table_info(learner)")}
    assert "school_class" not in tables and "sourced_id" not in columns
    before = _counts(path)
    backups_before = set((tmp_path / "d" / "backups").glob("*")) if (tmp_path / "d" / "backups").exists() else set()

    engine.open_store(tmp_path / "d").close()  # the app's path: a backup, then the migration

    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    assert _counts(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM learner WHERE enabled = 1 AND sourced_id IS NULL").fetchone()[0] == 6
        for table in ("org", "academic_session", "school_class", "class_member"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert set((tmp_path / "d" / "backups").glob("*")) - backups_before  # a backup was made first
