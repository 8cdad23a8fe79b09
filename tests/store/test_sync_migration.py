"""Migration 0008 (sync): a store from 0006 keeps every row, and every change gets a clock reading that sorts
the changes as their times did; a fresh store stamps every change it makes."""

from __future__ import annotations

import sqlite3

from plprofile.domain.hlc import HLC
from plprofile.store import engine
from tests.store.test_spans import downgrade

COUNTED = ("learner", "account", "profile_entry", "goal", "assessment", "assessment_rating", "change_log")


def _counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def test_a_store_from_0006_upgrades_with_every_row_and_clock_readings_in_time_order(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    device = store.device_id
    generate_demo(store, learners=4)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    downgrade(path, "0006_school_structure")
    with sqlite3.connect(path) as con:
        assert "hlc" not in {r[1] for r in con.execute("PRAGMA table_info(change_log)")}
        order_before = [r[0] for r in con.execute("SELECT id FROM change_log ORDER BY at, rowid")]
    before = _counts(path)

    engine.open_store(tmp_path / "d").close()

    assert engine.read_revision(path) == engine.SCHEMA_HEAD  # through 0008 and every revision after it
    assert _counts(path) == before
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT id, hlc FROM change_log ORDER BY hlc").fetchall()
        last = con.execute("SELECT value FROM meta WHERE key='hlc'").fetchone()[0]
        for table in ("sync_conflict", "erased_learner"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert [r[0] for r in rows] == order_before
    readings = [HLC.decode(r[1]) for r in rows]
    assert len(set(readings)) == len(readings) and {r.device for r in readings} == {device}
    assert last == rows[-1][1]


def test_every_change_of_a_fresh_store_has_a_reading_and_new_ones_come_later(tmp_path):
    from plprofile.services.demo import generate_demo

    store = engine.open_store(tmp_path / "d")
    generate_demo(store, learners=3)
    with store.session() as s:
        readings = [r[0] for r in s.connection().exec_driver_sql("SELECT hlc FROM change_log ORDER BY rowid")]
    assert readings and all(readings)
    assert len(set(readings)) == len(readings)
    # the changes one transaction makes are stamped in the order they were made
    from plprofile.domain.profile import Actor, Role
    from plprofile.store import changes
    from plprofile.store.models import Learner

    actor = Actor(account_id=__import__("uuid").uuid4(), role=Role.TEACHER)
    with store.transaction() as s:
        row = changes.create(s, store.device_id, Learner(given_name="A", family_name="B", preferred_name="A"),
                             actor, None)
        changes.update(s, store.device_id, row, {"given_name": "C", "pronouns": "she"}, actor, row.id)
    with store.session() as s:
        mine = [r[0] for r in s.connection().exec_driver_sql(
            "SELECT hlc FROM change_log WHERE entity_id = ? ORDER BY rowid", (row.id.hex,))]
    assert len(mine) == 3 and mine == sorted(mine) and mine[0] > max(readings)
    store.close()


def test_the_bulk_writer_stamps_its_changes_and_the_clock(tmp_path):
    from plprofile.services.bulk import generate_bulk

    store = engine.open_store(tmp_path / "d")
    generate_bulk(store, learners=2)
    with store.session() as s:
        con = s.connection()
        readings = [r[0] for r in con.exec_driver_sql("SELECT hlc FROM change_log")]
        last = con.exec_driver_sql("SELECT value FROM meta WHERE key='hlc'").scalar()
    assert readings and all(readings) and len(set(readings)) == len(readings)
    assert last == max(readings)
    store.close()
