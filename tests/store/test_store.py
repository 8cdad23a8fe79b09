"""The store beneath the services: pragmas, migrations, round trips, change log, soft delete and purge."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from plprofile.domain.profile import Actor, Role
from plprofile.store import changes, engine
from plprofile.store.engine import CorruptStoreError, NewerStoreError, open_store
from plprofile.store.models import (
    Account,
    ActionStep,
    Assessment,
    AssessmentRating,
    BackpackItem,
    ChangeLog,
    CheckIn,
    ChoiceOption,
    Conference,
    Evidence,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
)

ALL_TABLES = (Learner, Account, ProfileEntry, BackpackItem, ChoiceOption, Goal, ActionStep, GoalSupport, Evidence,
              CheckIn, Conference, Assessment, AssessmentRating)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill_every_table(store, actor: Actor) -> dict[type, object]:
    """One row in every table, written through the change-logged path."""
    with store.transaction() as s:
        def add(row):
            return changes.create(s, store.device_id, row, actor, getattr(row, "learner_id", None) or row.id)

        learner = add(Learner(given_name="Zoë", family_name="Ng", preferred_name="Zo", pronouns="she/her",
                              grade="5", group_name="5A", external_id="S1"))
        rows = {Learner: learner}
        rows[Account] = add(Account(kind="learner", display_name="Zo", learner_id=learner.id))
        rows[ProfileEntry] = add(ProfileEntry(learner_id=learner.id, section="strengths", text="Drawing"))
        rows[BackpackItem] = add(BackpackItem(learner_id=learner.id, name="Timer", lens="engage"))
        rows[ChoiceOption] = add(ChoiceOption(learner_id=learner.id, dimension="pace", availability="asked",
                                              text="Move on when ready"))
        goal = add(Goal(learner_id=learner.id, statement="Read a chapter book", target_date=date(2027, 3, 1)))
        rows[Goal] = goal
        rows[ActionStep] = add(ActionStep(goal_id=goal.id, learner_id=learner.id, text="Pick a book",
                                          due_date=date(2027, 1, 10), done=True,
                                          done_at=datetime(2027, 1, 9, 14, 30, tzinfo=UTC)))
        rows[GoalSupport] = add(GoalSupport(goal_id=goal.id, learner_id=learner.id,
                                            backpack_item_id=rows[BackpackItem].id))
        rows[Evidence] = add(Evidence(goal_id=goal.id, learner_id=learner.id, kind="link", text="Blog",
                                      location="https://example.org", added_on=date(2027, 1, 2)))
        rows[CheckIn] = add(CheckIn(goal_id=goal.id, learner_id=learner.id, on_date=date(2027, 1, 3), scale=3,
                                    reflection="Going well"))
        rows[Conference] = add(Conference(learner_id=learner.id, held_on=date(2027, 1, 4), participants="Zo, Ms R",
                                          notes="n", agreements="a", next_checkin_on=date(2027, 2, 1)))
        assessment = add(Assessment(learner_id=learner.id, assessed_on=date(2027, 1, 4),
                                    framework_id="plprofile.stages.default", framework_version="1.0.0"))
        rows[Assessment] = assessment
        rows[AssessmentRating] = add(AssessmentRating(assessment_id=assessment.id, learner_id=learner.id,
                                                      element_id="voice", learner_value=2.0, teacher_value=1.5,
                                                      agreed_value=1.5, note="x"))
    return rows


def test_every_connection_gets_the_durability_pragmas(store):
    for _ in range(3):
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    # Fresh connections, not only the first one, must carry the pragmas.
    store.engine.dispose()
    for _ in range(2):
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == engine.BUSY_TIMEOUT_MS
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_every_table_round_trips_through_a_reopen(tmp_path, teacher):
    store = open_store(tmp_path / "rt")
    rows = _fill_every_table(store, teacher)
    store.close()
    reopened = open_store(tmp_path / "rt")
    try:
        with reopened.session() as s:
            for model in ALL_TABLES:
                original = rows[model]
                loaded = s.get(model, original.id)
                assert loaded is not None, model.__tablename__
                assert loaded.model_dump() == original.model_dump(), model.__tablename__
                assert loaded.created_at.tzinfo is not None
    finally:
        reopened.close()


def test_change_log_records_author_field_old_and_new(store, teacher):
    rows = _fill_every_table(store, teacher)
    learner = rows[Learner]
    me = Actor(account_id=rows[Account].id, role=Role.LEARNER, learner_id=learner.id)
    with store.transaction() as s:
        entry = s.get(ProfileEntry, rows[ProfileEntry].id)
        changes.update(s, store.device_id, entry, {"text": "Drawing animals"}, me, learner.id)
    with store.session() as s:
        log = s.execute(select(ChangeLog).where(ChangeLog.entity_id == entry.id, ChangeLog.action == "update")
                        ).scalars().one()
    assert (log.field, log.old_value, log.new_value) == ("text", "Drawing", "Drawing animals")
    assert log.author_role == "learner" and log.author_id == me.account_id
    assert log.learner_id == learner.id and log.device_id == store.device_id


def test_stale_edit_is_refused(store, teacher):
    rows = _fill_every_table(store, teacher)
    with store.transaction() as s:
        entry = s.get(ProfileEntry, rows[ProfileEntry].id)
        changes.update(s, store.device_id, entry, {"text": "first"}, teacher, entry.learner_id, expected_version=1)
    with pytest.raises(changes.StaleEditError) as info, store.transaction() as s:
        entry = s.get(ProfileEntry, rows[ProfileEntry].id)
        changes.update(s, store.device_id, entry, {"text": "second"}, teacher, entry.learner_id,
                       expected_version=1)
    assert info.value.current["text"] == "first"
    with store.session() as s:
        assert s.get(ProfileEntry, rows[ProfileEntry].id).text == "first"


def test_second_start_does_not_run_migrations(tmp_path, monkeypatch):
    open_store(tmp_path / "x").close()

    def boom(*_a, **_k):
        raise AssertionError("migrations ran on a store already at head")

    monkeypatch.setattr(engine, "_migrate", boom)
    open_store(tmp_path / "x").close()


def test_code_head_matches_alembic_scripts():
    from plprofile.store.migrate import all_revisions, script_head

    assert engine.SCHEMA_HEAD == script_head()
    assert tuple(all_revisions()) == engine.KNOWN_REVISIONS


def test_migrations_produce_exactly_the_models(tmp_path):
    """Autogenerate finds nothing to do: the migration scripts and the tables agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    open_store(tmp_path / "m").close()
    eng = create_engine(f"sqlite:///{tmp_path / 'm' / engine.DB_FILENAME}")
    with eng.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), SQLModel.metadata)
    eng.dispose()
    assert diff == []


def test_upgrade_from_initial_revision_keeps_data(tmp_path, teacher):
    from plprofile.store.migrate import upgrade_to_head

    store = open_store(tmp_path / "u")
    rows = _fill_every_table(store, teacher)
    store.close()
    path = tmp_path / "u" / engine.DB_FILENAME
    upgrade_to_head(path)  # from the initial revision to head
    reopened = open_store(tmp_path / "u")
    with reopened.session() as s:
        for model in ALL_TABLES:
            assert s.get(model, rows[model].id) is not None
    reopened.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    open_store(tmp_path / "n").close()
    path = tmp_path / "n" / engine.DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(NewerStoreError, match="newer version"):
        open_store(tmp_path / "n")
    assert _digest(path) == before


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_foreign_or_corrupt_file_is_refused_and_left_untouched(tmp_path, content):
    folder = tmp_path / "c"
    folder.mkdir()
    path = folder / engine.DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(CorruptStoreError):
        open_store(folder)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_not_taken_over(tmp_path):
    folder = tmp_path / "o"
    folder.mkdir()
    con = sqlite3.connect(folder / engine.DB_FILENAME)
    con.execute("CREATE TABLE photos(id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(CorruptStoreError, match="not a plprofile store"):
        open_store(folder)


def test_first_tables_are_what_the_first_revision_makes(tmp_path):
    """What a store at an older revision must hold (schema.FIRST_TABLES) is what 0001 creates."""
    from plprofile.store.migrate import upgrade_to_head
    from plprofile.store.schema import FIRST_TABLES, schema_problems

    path = tmp_path / "old.sqlite3"
    upgrade_to_head(path, "0001_initial")
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == FIRST_TABLES
    assert schema_problems(con, "0001_initial") == []
    assert "the index ix_assessment_span (on assessment) is missing" in schema_problems(con)
    con.close()


def test_health_check_names_missing_schema_and_broken_references(tmp_path):
    store = open_store(tmp_path / "h")
    store.close()
    path = tmp_path / "h" / engine.DB_FILENAME
    assert engine.health_check(path) == [] and engine.health_check(path, full=True) == []
    con = sqlite3.connect(path)
    con.execute("INSERT INTO goal_support (id, created_at, updated_at, author_role, version, goal_id, learner_id, "
                "backpack_item_id) VALUES ('x', '2026-01-01', '2026-01-01', 'teacher', 1, 'g', 'l', 'b')")
    con.commit()
    con.close()
    for full in (False, True):
        problems = engine.health_check(path, full=full)
        assert problems and all("a row in goal_support (row 1) refers to a missing row in" in p for p in problems)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE check_in")
    con.commit()
    con.close()
    assert engine.health_check(path) == ["the table check_in is missing"]


def test_refusing_a_wal_mode_file_leaves_no_wal_or_shm_beside_it(tmp_path):
    folder = tmp_path / "foreign"
    folder.mkdir()
    path = folder / engine.DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE notes (text)")
    con.commit()
    con.close()
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(CorruptStoreError, match="not a plprofile store"):
        open_store(folder)
    assert sorted(p.name for p in folder.iterdir()) == before == [engine.DB_FILENAME]
