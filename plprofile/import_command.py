"""``plprofile import FILE``: check a class file, say what will change, then import it in one transaction."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

#: Exit codes: imported, not confirmed, refused (nothing written).
EXIT_OK, EXIT_DECLINED, EXIT_REFUSED = 0, 1, 2

#: The counts ``--json`` prints, every one of them always present.
COUNTS = ("learners_added", "learners_updated", "learners_left", "teachers_added", "classes_added",
          "enrollments_added", "enrollments_ended")


def _err(message: str) -> None:
    print(f"plprofile: {message}", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace, data_dir: Path, store_key: Callable) -> int:  # noqa: ANN001
    from .domain.profile import ValidationError
    from .domain.roster import RosterError, encoding_name, read_roster

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        _err(f"{path} cannot be read: {exc.strerror}. Nothing was imported.")
        return EXIT_REFUSED
    try:  # the whole file is checked before the store is even opened
        roster = read_roster(data, encoding=args.encoding)
    except RosterError as exc:
        _err(f"Nothing was imported.\n{exc}")
        return EXIT_REFUSED
    counts = dict.fromkeys(COUNTS, 0)
    counts["learners_added"] = len(roster.rows)
    preview = (f"{path.name} (read as {encoding_name(roster.encoding)}): {len(roster.rows):,} learner(s) to add.")
    if not args.json:
        print(preview, flush=True)
    if not args.yes and not _confirmed():
        _err("Nothing was imported.")
        return EXIT_DECLINED

    from .services.accounts import ensure_teacher, teacher_actor
    from .services.profiles import ProfileService
    from .store.engine import StoreError, open_store

    key, _ = store_key(data_dir)
    try:
        store = open_store(data_dir, key)
    except StoreError as exc:
        _err(f"{exc} Nothing was imported.")
        return EXIT_REFUSED
    try:
        # whoever runs the command can reach the store's file anyway: they import as a school admin, authored
        # as the store's first teacher; a new store gets that (password-less) teacher, so the learners never
        # sit in a store without one
        actor = replace(teacher_actor(ensure_teacher(store)), admin=True)
        ProfileService(store).import_roster(actor, roster.rows)
    except ValidationError as exc:
        _err(f"Nothing was imported.\n{exc}")
        return EXIT_REFUSED
    finally:
        store.close()
    if args.json:
        print(json.dumps({"file": str(path), "encoding": encoding_name(roster.encoding), **counts}), flush=True)
    else:
        print(f"Imported {counts['learners_added']:,} learner(s).", flush=True)
    return EXIT_OK


def _confirmed() -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        _err("Nothing was asked: this is not a terminal. Add --yes to import without asking.")
        return False
    try:
        return input("Import? [y/N] ").strip().casefold() in {"y", "yes"}
    except EOFError:
        return False
