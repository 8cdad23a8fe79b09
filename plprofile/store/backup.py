"""Online backups with SQLite's backup API, each verified with an integrity check."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

BACKUP_DIRNAME = "backups"


class BackupError(RuntimeError):
    pass


def online_backup(src: Path, dest: Path) -> Path:
    """Copy ``src`` to ``dest`` with the online backup API, then verify ``dest`` passes integrity_check."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            result = target.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"the backup did not verify: {result}")
        finally:
            target.close()
    finally:
        source.close()
    tmp.replace(dest)
    return dest


def backup_before_migration(path: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return online_backup(path, path.parent / BACKUP_DIRNAME / f"pre-migration-{revision}-{stamp}.sqlite3")
