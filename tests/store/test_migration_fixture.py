"""A store made by the first released schema, with data in every table, upgrades to head keeping every row.

The fixture is made here, not shipped as a binary: Alembic creates the schema at ``0001_initial`` and plain
SQL fills every table (the way that version's code stored values: UUIDs as 32 hex digits, naive UTC
datetimes, ISO dates, booleans as 0/1). The upgrade runs with foreign keys off (a batch rebuild must not
cascade) and ``foreign_key_check`` afterwards, as ``store/migrate.py`` does at start.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from plprofile.store import engine
from plprofile.store.migrate import ForeignKeyCheckError, upgrade_to_head

FIRST_RELEASED = "0001_initial"


def _value(table: str, column: str, declared: str, n: int):
    declared = declared.upper()
    if declared.startswith("CHAR(32)"):
        return uuid.uuid5(uuid.NAMESPACE_URL, f"plprofile:{table}.{column}:{n}").hex
    if declared == "DATETIME":
        return f"2026-0{1 + n % 9}-1{n % 10} 0{n % 10}:30:00.000000"
    if declared == "DATE":
        return f"2027-0{1 + n % 9}-2{n % 10}"
    if declared in ("BOOLEAN", "INTEGER"):
        return n % 2 if declared == "BOOLEAN" else n + 1
    if declared == "FLOAT":
        return 1.5 + n
    if declared.startswith("VARCHAR("):
        limit = int(declared[8:-1])
        return f"{table}.{column} #{n} — é ✓"[:limit]
    return f"{table}.{column} #{n}: a longer text — with ünïcödé ✓"


def _fill_every_table(path: Path, rows_per_table: int = 3) -> dict[str, list[dict]]:
    """Rows in every table of the schema at ``path``, parents before children, every column set."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")  # the fixture itself must be consistent
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('alembic_version') "
        "AND name NOT LIKE 'sqlite_%'")]
    parents = {t: {fk[3]: fk[2] for fk in con.execute(f'PRAGMA foreign_key_list("{t}")')} for t in tables}
    inserted: dict[str, list[dict]] = {}
    pending = list(tables)
    while pending:
        ready = [t for t in pending if all(p in inserted or p == t for p in parents[t].values())]
        assert ready, f"foreign keys form a cycle: {pending}"
        for table in ready:
            columns = [(c[1], c[2]) for c in con.execute(f'PRAGMA table_info("{table}")')]
            inserted[table] = []
            for n in range(rows_per_table):
                row = {}
                for name, declared in columns:
                    parent = parents[table].get(name)
                    if parent == table:  # a row hanging below another of the same table (suggestions)
                        row[name] = inserted[table][0]["id"] if n else None
                    elif parent:
                        row[name] = inserted[parent][n]["id"]
                    else:
                        row[name] = _value(table, name, declared, n)
                names = ", ".join(f'"{k}"' for k in row)
                marks = ", ".join("?" for _ in row)
                con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', tuple(row.values()))
                inserted[table].append(row)
            pending.remove(table)
    con.commit()
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    return inserted


@pytest.fixture
def first_release_store(tmp_path: Path) -> tuple[Path, dict[str, list[dict]]]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = data_dir / engine.DB_FILENAME
    upgrade_to_head(path, revision=FIRST_RELEASED)
    assert engine.read_revision(path) == FIRST_RELEASED
    return path, _fill_every_table(path)


def test_the_fixture_has_data_in_every_table(first_release_store):
    path, inserted = first_release_store
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert tables - {"alembic_version"} == set(inserted)
    assert len(inserted) >= 14 and all(len(rows) == 3 for rows in inserted.values())


def test_upgrade_from_the_first_release_to_head_keeps_every_row(first_release_store):
    path, inserted = first_release_store
    upgrade_to_head(path)  # foreign keys off during the migration, foreign_key_check after
    assert engine.read_revision(path) == engine.SCHEMA_HEAD
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, rows in inserted.items():
            key = "key" if table == "meta" else "id"
            for row in rows:
                stored = con.execute(f'SELECT * FROM "{table}" WHERE "{key}" = ?', (row[key],)).fetchone()
                assert stored is not None, f"{table} lost a row in the upgrade"
                # every column the first release wrote is still there with the same value
                assert {k: stored[k] for k in row} == row, table
    finally:
        con.close()


def test_the_upgraded_store_opens_and_the_models_read_every_row(first_release_store):
    from plprofile.store import models

    path, inserted = first_release_store
    store = engine.open_store(path.parent)  # the app's path: migrate if needed (after a backup), then open
    try:
        by_table = {m.__tablename__: m for m in vars(models).values()
                    if isinstance(m, type) and getattr(m, "__table__", None) is not None}
        with store.session() as s:
            for table, rows in inserted.items():
                model = by_table.get(table)
                if model is None or table == "meta":
                    continue
                for row in rows:
                    loaded = s.get(model, uuid.UUID(row["id"]))
                    assert loaded is not None, table
                    if hasattr(loaded, "created_at"):
                        assert loaded.created_at.tzinfo is not None  # stored naive UTC, read back aware
    finally:
        store.close()


def test_an_upgrade_that_would_break_a_foreign_key_keeps_nothing(first_release_store):
    """The check after the migration refuses a store whose rows point nowhere, and changes nothing."""
    path, _ = first_release_store
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("UPDATE goal SET learner_id = ? WHERE rowid = (SELECT min(rowid) FROM goal)", (uuid.uuid4().hex,))
    con.commit()
    con.close()
    with pytest.raises(ForeignKeyCheckError):
        upgrade_to_head(path)
    assert engine.read_revision(path) == FIRST_RELEASED
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
