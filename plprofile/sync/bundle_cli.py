"""``plprofile bundle export|import``: sync by file when there is no network. No Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path


def add_parser(commands, data_dir: argparse.ArgumentParser, env_passphrase: str) -> None:  # noqa: ANN001
    bundle = commands.add_parser(
        "bundle", parents=[data_dir], help="sync by file: export or import a sealed bundle of changes",
        description="Carry changes between a device and the hub (or another device) on a file, sealed with a "
                    f"passphrase (${env_passphrase}, or asked on a terminal).")
    actions = bundle.add_subparsers(dest="bundle_command", metavar="{export,import}", title="actions")
    actions.required = True
    export = actions.add_parser(
        "export", parents=[data_dir], help="write the changes the hub has not acknowledged",
        description="Write this store's changes that the hub has not acknowledged (with --all: every change "
                    "it holds) into FILE, sealed with a passphrase. FILE is never overwritten.")
    export.add_argument("file", type=Path, metavar="FILE", help="the bundle to write (.plpx)")
    export.add_argument("--learner", dest="bundle_learner", metavar="NAME",
                        help="only this learner's changes (full name, or school ID)")
    export.add_argument("--all", dest="bundle_all", action="store_true", help="every change this store holds")
    importer = actions.add_parser(
        "import", parents=[data_dir], help="apply a bundle",
        description="Apply FILE with the sync merge rules, as the account that wrote it (which must be in this "
                    "store), checked by the access policy, in one transaction. A damaged bundle, a wrong "
                    "passphrase, a bundle of another schema or a refused change: exit 2, nothing written.")
    importer.add_argument("file", type=Path, metavar="FILE", help="the bundle (.plpx)")
    importer.add_argument("--json", dest="bundle_json", action="store_true",
                          help='print {"applied": n, "skipped": m, "conflicts": k}')


def run(args: argparse.Namespace, data_dir: Path, secret: Callable[..., str],
        store_key: Callable[[Path], tuple[bytes | None, str | None]], env_passphrase: str) -> int:
    from plprofile.services import backup as bk
    from plprofile.services import protect
    from plprofile.store.engine import StoreError, open_store

    from .bundle import BundleError, export_bundle, import_bundle, read_bundle

    if not bk.store_path(data_dir).exists():
        return _fail(f"there is no store in {data_dir}.", 3)
    try:
        if args.bundle_command == "export":
            if Path(args.file).exists():
                return _fail(f"{args.file} already exists; nothing was written.", 2)
            passphrase = secret("A passphrase for the bundle: ", env_passphrase, twice=True)
            key, _ = store_key(data_dir)
            store = open_store(data_dir, key)
            try:
                learner_id = _learner(store, args.bundle_learner) if args.bundle_learner else None
                count = export_bundle(store, args.file, passphrase, every=args.bundle_all, learner_id=learner_id)
            finally:
                store.close()
            print(f"Wrote {count} change(s) to {args.file}.", flush=True)
            return 0
        passphrase = secret("The bundle's passphrase: ", env_passphrase)
        bundle = read_bundle(args.file, passphrase)  # checked whole before the store is opened
        key, _ = store_key(data_dir)
        store = open_store(data_dir, key)
        try:
            result = import_bundle(store, bundle)
            if result.erased:
                _scrub(store, data_dir, result.erased)
        finally:
            store.close()
        for warning in result.warnings:
            print(f"plprofile: warning: {warning}", file=sys.stderr, flush=True)
        if args.bundle_json:
            print(json.dumps({"applied": result.applied, "skipped": result.skipped,
                              "conflicts": result.conflicts}), flush=True)
        else:
            print(f"Imported {result.applied} change(s); {result.skipped} already here or about an erased "
                  f"learner; {result.conflicts} conflict(s) kept for a person to resolve.", flush=True)
        return 0
    except (BundleError, protect.ProtectError, LookupError) as exc:
        return _fail(str(exc), 2)
    except StoreError as exc:
        return _fail(f"{exc} Nothing was changed.")


def _learner(store, name: str):  # noqa: ANN001, ANN202
    from plprofile.services.accounts import SYSTEM
    from plprofile.services.erase import find_learners

    found = find_learners(SYSTEM, store, name)
    if len(found) != 1:
        raise LookupError(f"{'no learner is' if not found else 'more than one learner is'} called {name!r}; "
                          "give the full name or the school ID. Nothing was written.")
    return found[0].id


def _scrub(store, data_dir: Path, learner_ids: list[str]) -> None:  # noqa: ANN001
    """Learners the bundle erased: out of the store's file, its journal and its backups too."""
    import uuid

    from plprofile.services.erase import backups_to_rewrite
    from plprofile.store.erase import EraseError, rewrite_without, scrub_store

    try:
        scrub_store(store.engine)
        backups, problems = backups_to_rewrite(data_dir, store.key)
        for path, key in backups:
            for learner_id in learner_ids:
                rewrite_without(path, uuid.UUID(learner_id), key)
        for problem in problems:
            print(f"plprofile: warning: an erased learner may remain in {problem}", file=sys.stderr, flush=True)
    except EraseError as exc:
        print(f"plprofile: warning: {exc}", file=sys.stderr, flush=True)


def _fail(message: str, code: int) -> int:
    print(f"plprofile: {message}", file=sys.stderr, flush=True)
    return code


__all__ = ["add_parser", "run"]
