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
          "enrollments_added", "enrollments_ended", "contacts_added", "contacts_updated", "contacts_removed")


def _err(message: str) -> None:
    print(f"plprofile: {message}", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace, data_dir: Path, store_key: Callable) -> int:  # noqa: ANN001
    from .domain.roster import RosterError
    from .services.oneroster import is_oneroster

    path = Path(args.file).expanduser()
    if not path.exists():
        _err(f"{path} does not exist. Nothing was imported.")
        return EXIT_REFUSED
    try:
        if is_oneroster(path):
            return _import_set(args, path, data_dir, store_key)
        return _import_csv(args, path, data_dir, store_key)
    except RosterError as exc:
        _err(f"Nothing was imported.\n{exc}")
        return EXIT_REFUSED
    except OSError as exc:
        _err(f"{path} cannot be read: {exc.strerror}. Nothing was imported.")
        return EXIT_REFUSED


def _open(data_dir: Path, store_key: Callable):  # noqa: ANN202
    """The store (created if there is none) and the actor the command imports as."""
    from .services.accounts import ensure_teacher, teacher_actor
    from .store.engine import open_store

    key, _ = store_key(data_dir)
    store = open_store(data_dir, key)
    # whoever runs the command can reach the store's file anyway: they import as a school admin, authored
    # as the store's first staff account; a new store gets a (password-less) school admin account, which the
    # first person to set up sign-in takes over, so the learners never sit in a store without one
    return store, replace(teacher_actor(ensure_teacher(store, "School admin", kind="admin")), admin=True)


def _import_csv(args: argparse.Namespace, path: Path, data_dir: Path, store_key: Callable) -> int:
    from .domain.profile import ValidationError
    from .domain.roster import encoding_name, read_roster
    from .services.profiles import ProfileService
    from .store.engine import StoreError

    roster = read_roster(path.read_bytes(), encoding=args.encoding)  # checked before the store is opened
    counts = dict.fromkeys(COUNTS, 0)
    counts["learners_added"] = len(roster.rows)
    if not args.json:
        print(f"{path.name} (read as {encoding_name(roster.encoding)}): {len(roster.rows):,} learner(s) to add.",
              flush=True)
    if not args.yes and not _confirmed():
        _err("Nothing was imported.")
        return EXIT_DECLINED
    try:
        store, actor = _open(data_dir, store_key)
    except StoreError as exc:
        _err(f"{exc} Nothing was imported.")
        return EXIT_REFUSED
    try:
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


def _import_set(args: argparse.Namespace, path: Path, data_dir: Path, store_key: Callable) -> int:
    from .domain.oneroster import parse_oneroster
    from .domain.policy import AccessDenied
    from .domain.profile import ValidationError
    from .services.oneroster import read_set
    from .services.school import SchoolService
    from .store.engine import StoreError

    rset = parse_oneroster(read_set(path))  # the whole set is checked before the store is opened
    try:
        store, actor = _open(data_dir, store_key)
    except StoreError as exc:
        _err(f"{exc} Nothing was imported.")
        return EXIT_REFUSED
    try:
        school = SchoolService(store)
        work = school.preview_roster_set(actor, rset)
        if not args.json:
            print(f"{path.name}: OneRoster {rset.version} ({_modes(rset.modes)}). What will change:", flush=True)
            for name in COUNTS:
                print(f"  {name.replace('_', ' ')}: {work.counts[name]:,}", flush=True)
            for warning in work.warnings:
                print(f"  warning: {warning}", flush=True)
        if not args.yes and not work.empty and not _confirmed():
            _err("Nothing was imported.")
            return EXIT_DECLINED
        counts = school.import_roster_set(actor, work)
    except (ValidationError, AccessDenied) as exc:
        _err(f"Nothing was imported.\n{exc}")
        return EXIT_REFUSED
    finally:
        store.close()
    if args.json:
        print(json.dumps({"file": str(path), "oneroster_version": rset.version, **counts,
                          "warnings": [str(w) for w in work.warnings]}, ensure_ascii=False), flush=True)
    else:
        print("Nothing to change: the store already holds this roster." if work.empty else "Imported.", flush=True)
    return EXIT_OK


def _modes(modes: dict[str, str]) -> str:
    kinds = sorted(set(modes.values()))
    return " and ".join(kinds)


def _confirmed() -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        _err("Nothing was asked: this is not a terminal. Add --yes to import without asking.")
        return False
    try:
        return input("Import? [y/N] ").strip().casefold() in {"y", "yes"}
    except EOFError:
        return False
