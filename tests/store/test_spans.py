"""Each assessment's derived ``overall`` and ``next_on`` stay equal to what its ratings and the learner's other
assessments say, after every kind of write: worked out here again in plain Python, from the rows themselves."""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from plprofile.domain.progress import ElementRating
from plprofile.store import engine


def _effective(agreed, learner, teacher):  # noqa: ANN001, ANN202
    if agreed is not None:
        return agreed
    if learner is not None and teacher is not None:
        return (learner + teacher) / 2
    return learner if learner is not None else teacher


def derived_by_hand(path: Path) -> dict[str, tuple[float | None, str | None]]:
    """assessment id -> (overall, next_on) from the assessment and rating rows, without the store's code."""
    con = sqlite3.connect(path)
    try:
        ratings = defaultdict(list)
        for aid, agreed, learner, teacher in con.execute(
                "SELECT assessment_id, agreed_value, learner_value, teacher_value FROM assessment_rating "
                "WHERE deleted_at IS NULL"):
            value = _effective(agreed, learner, teacher)
            if value is not None:
                ratings[aid].append(value)
        by_learner = defaultdict(list)
        partial = set()
        for aid, lid, on, created, deleted, is_partial in con.execute(
                "SELECT id, learner_id, assessed_on, created_at, deleted_at, partial FROM assessment"):
            if deleted is None:
                by_learner[lid].append((on, created, aid))
            if is_partial:
                partial.add(aid)
        result = {}
        for rows in by_learner.values():
            rows.sort()
            for k, (_on, _created, aid) in enumerate(rows):
                values = None if aid in partial else ratings.get(aid)  # a partial check: no overall
                result[aid] = (sum(values) / len(values) if values else None,
                               rows[k + 1][0] if k + 1 < len(rows) else None)
        return result
    finally:
        con.close()


def derived_in_store(path: Path) -> dict[str, tuple[float | None, str | None]]:
    con = sqlite3.connect(path)
    try:
        return {aid: (overall, next_on) for aid, overall, next_on in con.execute(
            "SELECT id, overall, next_on FROM assessment WHERE deleted_at IS NULL")}
    finally:
        con.close()


def latest_ratings_in_store(path: Path) -> tuple[set[str], set[str]]:
    """(ids of the live ratings marked ``in_latest``, ids of those whose assessment is the learner's latest)."""
    con = sqlite3.connect(path)
    try:
        marked = {r for (r,) in con.execute(
            "SELECT id FROM assessment_rating WHERE in_latest AND deleted_at IS NULL")}
        latest_ids = {aid for aid, (_, next_on) in derived_by_hand(path).items() if next_on is None}
        should = {r for r, aid in con.execute("SELECT id, assessment_id FROM assessment_rating "
                                              "WHERE deleted_at IS NULL") if aid in latest_ids}
        return marked, should
    finally:
        con.close()


def assert_derived_right(path: Path) -> None:
    marked, should = latest_ratings_in_store(path)
    assert marked == should
    by_hand, stored = derived_by_hand(path), derived_in_store(path)
    assert stored.keys() == by_hand.keys()
    for aid, (overall, next_on) in by_hand.items():
        got_overall, got_next = stored[aid]
        assert got_next == next_on, aid
        assert (got_overall is None) == (overall is None) and (
            overall is None or abs(got_overall - overall) < 1e-9), aid


def test_every_write_keeps_the_spans_right(store, teacher, profiles):
    """Assessments recorded out of date order (each backdated one splits a span), two on one day, partly
    rated, learner-only and teacher-only views, and one removed: checked after every write."""
    from plprofile.services.stages import StagesService
    from plprofile.store.models import Assessment
    from plprofile.store.types import utcnow

    stages = StagesService(store, profiles)
    elements = list(stages.active_framework(teacher).element_ids())
    learners = [profiles.add_learner(teacher, given_name=n, family_name="Test").id for n in ("Ana", "Ben", "Cai")]
    rng = random.Random(4)
    days = [date(2025, 9, 1) + timedelta(days=rng.randint(0, 300)) for _ in range(14)]
    days[5] = days[4]  # two on one day
    path = store.path
    recorded = []
    for k, day in enumerate(days):
        ratings = [ElementRating(e, learner=rng.choice([None, 1.0, 2.5]), teacher=rng.choice([None, 1.5, 3.0]),
                                 agreed=rng.choice([None, None, 2.0])) for e in rng.sample(elements, 3)]
        ratings = [r for r in ratings if (r.learner, r.teacher, r.agreed) != (None, None, None)] or [
            ElementRating(elements[0], agreed=1.0)]
        recorded.append(stages.record_assessment(teacher, learners[k % 3], day, ratings))
        assert_derived_right(path)
    # one removed (never done by the app today, but the store keeps the spans right if it is)
    with store.transaction() as s:
        row = s.get(Assessment, __import__("uuid").UUID(recorded[3].id))
        row.deleted_at = utcnow()
    assert_derived_right(path)
    assert sum(1 for _, n in derived_in_store(path).values() if n is None) == 3  # one latest per learner


def test_the_objects_a_session_holds_show_the_derived_values(store, teacher, profiles):
    from plprofile.services.stages import StagesService
    from plprofile.store.models import Assessment

    stages = StagesService(store, profiles)
    voice = next(iter(stages.active_framework(teacher).element_ids()))
    lid = profiles.add_learner(teacher, given_name="Dee", family_name="Test").id
    stages.record_assessment(teacher, lid, date(2026, 1, 10), [ElementRating(voice, learner=1.0, teacher=2.0)])
    with store.transaction() as s:
        later = Assessment(learner_id=lid, assessed_on=date(2026, 3, 1), framework_id="f", framework_version="1")
        earlier = Assessment(learner_id=lid, assessed_on=date(2025, 12, 1), framework_id="f", framework_version="1")
        s.add_all([later, earlier])
        s.flush()
        # without a reload: what the flush wrote, as the store keeps it (no rating yet: no overall)
        assert (earlier.next_on, later.next_on) == (date(2026, 1, 10), None)
        assert later.overall is None and not s.dirty


def test_the_bulk_generator_leaves_them_right(store):
    from plprofile.services.bulk import generate_bulk

    generate_bulk(store, 8, seed=3, today=date(2026, 6, 30), batch=3)
    assert_derived_right(store.path)
    assert len(derived_in_store(store.path)) == 8 * 12


def test_the_demo_class_has_them_right(store):
    from plprofile.services.demo import generate_demo

    generate_demo(store)
    assert_derived_right(store.path)
    assert any(n is not None for _, n in derived_in_store(store.path).values())


def downgrade(path, revision: str) -> None:
    """Take the store at ``path`` back to ``revision`` with the migrations' own downgrades."""
    from alembic import command
    from sqlalchemy import create_engine

    from plprofile.store.migrate import alembic_config

    eng = create_engine(f"sqlite:///{path}")
    try:
        with eng.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        eng.dispose()


def test_migrating_works_them_out_for_what_is_there(tmp_path):
    """A store at 0003 with assessments (the demo class, written before the columns existed) upgrades with
    every assessment's values worked out."""
    from plprofile.services.demo import generate_demo
    from plprofile.store.migrate import upgrade_to_head

    store = engine.open_store(tmp_path / "d")
    generate_demo(store)
    store.close()
    path = tmp_path / "d" / engine.DB_FILENAME
    upgrade_to_head(path, "0003_change_log_signed_in")  # no-op: already past it
    downgrade(path, "0004_assessment_spans")  # what came after 0004 goes first
    con = sqlite3.connect(path)
    con.executescript("DROP INDEX ix_assessment_latest; DROP INDEX ix_assessment_span; "
                      "DROP INDEX ix_assessment_rating_latest; ALTER TABLE assessment_rating DROP COLUMN in_latest; "
                      "ALTER TABLE assessment DROP COLUMN overall; ALTER TABLE assessment DROP COLUMN next_on; "
                      "UPDATE alembic_version SET version_num = '0003_change_log_signed_in';")
    con.close()
    reopened = engine.open_store(tmp_path / "d")  # the app's path: a backup, then the migration
    reopened.close()
    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    assert_derived_right(path)
    stored = derived_in_store(path)
    assert len(stored) > 50 and all(o is not None for o, _ in stored.values())
