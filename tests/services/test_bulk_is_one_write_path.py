"""The benchmark's generator writes rows with plain SQL for speed (``services/bulk.py``). This proves what it
writes equal to what the app's own write path would write: its change log, replayed into an empty store
through the sync core (the ORM, the change-log writer, the merge rules), gives back every row, column for
column, in the same storage formats. A generator that wrote a column the log does not carry, a format the ORM
does not write (a UUID with hyphens, a date-time with a zone) or a log row without its table row fails here.
(That each created row's log holds what ``changes.create`` would have logged, field for field, is
``tests/bench/test_bench_runs.py``'s check.)"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from plprofile.domain.profile import Actor, Role
from plprofile.services.bulk import generate_bulk
from plprofile.store.engine import open_store
from plprofile.sync.changes import SECRET_FIELDS, apply, everything

#: Tables whose rows the change log describes, and the columns each store keeps for itself.
TABLES = ("account", "learner", "profile_entry", "backpack_item", "choice_option", "goal", "action_step",
          "goal_support", "evidence", "check_in", "conference", "assessment", "assessment_rating")
OWN_COLUMNS = SECRET_FIELDS | {"updated_at", "version"}


def _raw(store, table: str) -> dict[str, dict]:
    """Every row as SQLite stores it (the storage format is part of what must be equal)."""
    with store.engine.connect() as con:
        result = con.execute(text(f"SELECT * FROM {table}"))  # noqa: S608 (a fixed table name)
        return {row["id"]: {k: v for k, v in row.items() if k not in OWN_COLUMNS}
                for row in map(dict, result.mappings())}


@pytest.fixture
def generated(tmp_path):
    bulk = open_store(tmp_path / "bulk")
    generate_bulk(bulk, 3, seed=7, today=date(2026, 11, 30))
    replayed = open_store(tmp_path / "replayed")
    yield bulk, replayed
    bulk.close()
    replayed.close()


def test_the_generators_change_log_replays_to_the_same_rows(generated):
    bulk, replayed = generated
    with bulk.session() as s:
        changes = everything(s)
    assert len(changes) > 500  # three learners' four years: the log is not empty by accident
    system = Actor(account_id=None, role=Role.TEACHER, admin=True)
    with replayed.transaction() as s:
        result = apply(s, system, changes, check_policy=False)
    assert len(result.applied_ids) == len(changes)

    for table in TABLES:
        written, rebuilt = _raw(bulk, table), _raw(replayed, table)
        assert written, f"the generator wrote no {table}"
        assert written.keys() == rebuilt.keys(), table
        for row_id, row in written.items():
            assert rebuilt[row_id] == row, (table, row_id)
