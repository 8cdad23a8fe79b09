"""What the schema of a store must hold: every table, column and index the code's tables (SQLModel) declare.

A test (``test_migrations_produce_exactly_the_models``) keeps the tables equal to Alembic's head, so a store at
the head revision must have all of it. A file with a table, column or index dropped by hand or by damage passes
SQLite's own checks; this finds it, on any connection (read-only included), from ``sqlite_master`` and
``PRAGMA table_info``: a few milliseconds whatever the store's size.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from .revisions import SCHEMA_HEAD

#: The tables the first revision made (a test checks it): what a store at any older revision must have.
FIRST_TABLES = frozenset({
    "account", "action_step", "alembic_version", "assessment", "assessment_rating", "backpack_item", "change_log",
    "check_in", "choice_option", "conference", "evidence", "goal", "goal_support", "learner", "meta",
    "profile_entry",
})


@cache
def expected() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """table name -> (its column names, its index names), from the code's table definitions."""
    from sqlmodel import SQLModel

    from . import models  # noqa: F401  (the tables register themselves on SQLModel.metadata)

    tables = {
        name: (frozenset(c.name for c in table.columns), frozenset(i.name for i in table.indexes if i.name))
        for name, table in SQLModel.metadata.tables.items()
    }
    tables["alembic_version"] = (frozenset({"version_num"}), frozenset())
    return tables


def schema_problems(con: sqlite3.Connection, revision: str | None = SCHEMA_HEAD) -> list[str]:
    """What the database on ``con`` lacks, as plain phrases ("the table check_in is missing"); empty if nothing.

    At the head revision every table, column and index is required. A store at an older revision (about to be
    migrated) must have the tables of the first revision; the rest is the migration's business.
    """
    present: dict[str, set[str]] = {"table": set(), "index": set()}
    for kind, name in con.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index')"):
        present[kind].add(name)
    problems = []
    for table, (columns, indexes) in sorted(expected().items()):
        if revision != SCHEMA_HEAD and table not in FIRST_TABLES:
            continue
        if table not in present["table"]:
            problems.append(f"the table {table} is missing")
            continue
        if revision != SCHEMA_HEAD:
            continue
        have = {row[1] for row in con.execute(f'PRAGMA table_info("{table}")')}
        problems += [f"the column {table}.{c} is missing" for c in sorted(columns - have)]
        problems += [f"the index {i} (on {table}) is missing" for i in sorted(indexes - present["index"])]
    return problems


def describe(problems: list[str], limit: int = 5) -> str:
    """The problems in one sentence's worth: the first few, and how many more."""
    shown = "; ".join(problems[:limit])
    more = len(problems) - limit
    return shown + (f"; and {more} more" if more > 0 else "")
