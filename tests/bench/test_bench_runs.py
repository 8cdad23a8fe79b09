"""The benchmark keeps working (CI runs it at a tiny size; no timing is ever asserted), and the bulk store it
generates reads back through the services exactly like one the app wrote itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from plprofile.bench import KEYS

pytestmark = pytest.mark.slow


def test_quick_benchmark_writes_every_figure(tmp_path: Path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "plprofile.bench", "--quick", "--repeat", "1", "--data-dir", str(tmp_path / "data"),
         "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures) == {*KEYS, "machine", "learners"}
    assert figures["learners"] == 30
    for key in KEYS:
        value = figures[key]
        if key == "pdf_ms" and value is None:
            continue
        assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
    machine = figures["machine"]
    for field in ("cpu", "cores", "ram_gb", "os", "python", "qt"):
        assert machine.get(field), field
    assert "startup_ratio" in run.stdout and "first_key_wait_ms" in run.stdout  # the table was printed

    # a second run reuses the store instead of generating it again
    again = subprocess.run(
        [sys.executable, "-m", "plprofile.bench", "--quick", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert "reused" in again.stdout


def test_bench_refuses_a_store_it_did_not_make(tmp_path: Path):
    from plprofile.store.engine import open_store

    open_store(tmp_path / "data").close()
    run = subprocess.run(
        [sys.executable, "-m", "plprofile.bench", "--quick", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=120,
    )
    assert run.returncode != 0 and "not made by the benchmark" in run.stderr
    assert (tmp_path / "data" / "plprofile.sqlite3").exists()


def test_bulk_store_reads_back_through_the_services(store, teacher):
    from sqlmodel import select

    from plprofile.domain.profile import GoalStatus, Role
    from plprofile.services.bulk import generate_bulk
    from plprofile.services.profiles import ProfileService
    from plprofile.services.stages import StagesService
    from plprofile.store import changes
    from plprofile.store.models import LEARNER_OWNED, ChangeLog, Learner

    today = date(2026, 6, 30)
    rows = generate_bulk(store, 6, seed=7, today=today, batch=4)
    profiles, stages = ProfileService(store), StagesService(store)
    learners = profiles.list_learners(teacher)
    assert len(learners) == 6 and rows > 6 * 400
    statuses: Counter[str] = Counter()
    for summary in learners:
        view = profiles.load_profile(teacher, summary.id)
        assert isinstance(view.learner.id, uuid.UUID) and view.learner.created_at.tzinfo is UTC
        # 15 entries, a suggestion and a teacher-only note perhaps, and perhaps one talent removed: 14 to 17
        assert 14 <= len(view.entries) <= 17
        assert len(view.goals) == 5 and len(view.conferences) == 6
        for goal in view.goals:
            assert len(goal.steps) == 4 and len(goal.checkins) == 6 and goal.supports and goal.evidence
            statuses[goal.goal.status] += 1
        history = stages.history(teacher, summary.id)
        assert len(history) == 12 and all(len(a.ratings) == 10 for a in history)
        assert (history[-1].assessed_on - history[0].assessed_on).days > 3 * 365
        events, points, names = stages.goal_timeline(teacher, summary.id)
        assert len(names) == 5 and len(points) == 30 and len(events) >= 5
        log = profiles.history(teacher, summary.id)
        assert len(log) > 200
        account = profiles.learner_account(teacher, summary.id)
        assert account.kind == Role.LEARNER.value
    assert set(statuses) >= {GoalStatus.ACHIEVED.value, GoalStatus.IN_PROGRESS.value}
    class_histories = stages.class_histories(teacher)
    assert len(class_histories) == 6 and sum(len(h) for h in class_histories.values()) == 72

    # Every row still as created holds what changes.create would have logged for it.
    with store.session() as s:
        logs = {(c.entity, c.entity_id): c for c in s.execute(
            select(ChangeLog).where(ChangeLog.action == "create")).scalars()}
        checked = 0
        for model in (*LEARNER_OWNED, Learner):
            for row in s.execute(select(model).where(model.version == 1)).scalars():
                if str(row.id).replace("-", "") == str(teacher.account_id).replace("-", ""):
                    continue  # the fixture's own account, made through the ORM before the bulk store
                log = logs[(model.__tablename__, row.id)]
                content = {k: changes.as_text(v) for k, v in changes._content(row).items() if v not in (None, "")}
                # the same content, in the model's field order as changes.create writes it for a new row (a
                # row loaded back may dump its fields in another order, so the order is checked on its own)
                logged = json.loads(log.new_value)
                assert logged == content, model.__tablename__
                assert list(logged) == [c.name for c in model.__table__.columns if c.name in content]
                assert log.at == row.created_at and log.author_id == row.author_id
                assert log.learner_id == getattr(row, "learner_id", None) or log.learner_id == row.id
                checked += 1
        assert checked > 6 * 200
        updates = s.execute(select(ChangeLog).where(ChangeLog.action == "update")).scalars().all()
        assert updates and all(u.at <= datetime.combine(today, datetime.max.time(), tzinfo=UTC) for u in updates)
    with store.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert con.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
