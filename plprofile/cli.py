"""Command line: start the app (default) or run a non-GUI command. Kept light: Qt loads only for the GUI."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import __version__

ENV_DATA_DIR = "PLPROFILE_DATA_DIR"
VIEWS = ("profile", "progress", "now", "class", "signin")


COMMANDS_HELP = """\
how to use the commands (without a command, the app starts):
  plprofile [--data-dir DIR] check                 integrity and foreign-key check of the store; never
                                                   changes it; exit 0 healthy, 1 not healthy, 3 no store
  plprofile [--data-dir DIR] backup create [FILE]  write a verified backup (to FILE, or to DIR/backups/)
  plprofile [--data-dir DIR] backup list           list the backups in DIR/backups/, newest first
  plprofile [--data-dir DIR] backup restore FILE   replace the store with a backup, keeping a copy of it
"""

# Exit codes of the commands (argparse itself uses 2 for a usage error).
EXIT_OK, EXIT_FAILED, EXIT_NO_STORE = 0, 1, 3


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("plprofile", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plprofile",
        description="Co-design Personal Learner Profiles with learners and chart their progress through the\n"
                    "Stages of Personalized Learning. Runs offline; everything lives in one local SQLite file.",
        epilog=COMMANDS_HELP + f"\nThe data folder defaults to the platform's user-data folder; ${ENV_DATA_DIR} or "
               "--data-dir\npoint elsewhere.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"plprofile {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help=f"folder holding the store (default: ${ENV_DATA_DIR} or the user-data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="fill an empty store with a realistic demo class before opening")
    parser.add_argument("--screenshot", type=Path, metavar="FILE",
                        help="open the store, show the main window, write a PNG of it to FILE and exit "
                             "(works headless with QT_QPA_PLATFORM=offscreen)")
    parser.add_argument("--learner", metavar="NAME", help="with --screenshot: the learner to show (default: the first)")
    parser.add_argument("--view", choices=VIEWS, default="profile",
                        help="with --screenshot: which view to capture (default: profile)")
    parser.add_argument("--lang", metavar="LANG", choices=("system", "en", "es"),
                        help="interface language for this run: system, en or es (default: the Language setting; "
                             "$PLPROFILE_LANG does the same)")
    parser.add_argument("--font-size", type=float, metavar="POINTS",
                        help="text size in points for this run (default: the system's; the Text size setting "
                             "or $PLPROFILE_FONT_SIZE do the same)")

    # --data-dir is also accepted after the command; SUPPRESS keeps it from hiding the one given before.
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                          help="folder holding the store")
    commands = parser.add_subparsers(dest="command", metavar="{check,backup}", title="commands")
    commands.add_parser(
        "check", parents=[data_dir], help="check the store's integrity and foreign keys (never changes it)",
        description="Integrity and foreign-key check of the store on a read-only connection; the file is "
                    "never changed. Exit status: 0 healthy, 1 not healthy, 3 no store.")
    backup = commands.add_parser("backup", parents=[data_dir], help="create, list or restore backups",
                                 description="Backups made with SQLite's online backup API, each verified with "
                                             "an integrity check. The app may be running while one is made.")
    actions = backup.add_subparsers(dest="backup_command", metavar="{create,list,restore}", title="actions")
    actions.required = True
    create = actions.add_parser("create", parents=[data_dir], help="write a verified backup now",
                                description="Write a verified backup of the store to FILE (a new file or a "
                                            "folder), or into DIR/backups/ without FILE.")
    create.add_argument("file", type=Path, nargs="?", metavar="FILE", help="where to write it (never overwritten)")
    actions.add_parser("list", parents=[data_dir], help="list the backups, newest first")
    restore = actions.add_parser("restore", parents=[data_dir], help="replace the store with a backup",
                                 description="Validate FILE, keep a copy of the current store in "
                                             "DIR/backups/before-restore-..., then replace the store with FILE. "
                                             "Close plprofile first.")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()
    if args.command is not None:
        if args.demo or args.screenshot or args.learner:
            parser.error("--demo, --screenshot and --learner start the app; they do not go with a command")
        return run_command(args, data_dir)
    from .app import run_gui

    if args.lang:
        os.environ["PLPROFILE_LANG"] = args.lang
    if args.font_size:
        os.environ["PLPROFILE_FONT_SIZE"] = str(args.font_size)
    return run_gui(data_dir, demo=args.demo, screenshot=args.screenshot, learner=args.learner, view=args.view)


# ---- the commands: no Qt, so they are quick and work on a server without a screen ------------------------
def _say(message: str) -> None:
    print(message, flush=True)


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"plprofile: {message}", file=sys.stderr, flush=True)
    return code


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    from .services import backup as bk

    try:
        if args.command == "check":
            result = bk.check(bk.store_path(data_dir))
            if result.status == bk.MISSING:
                return _fail(result.message, EXIT_NO_STORE)
            if not result.ok:
                return _fail(result.message)
            _say(result.message)
            return EXIT_OK
        if args.backup_command == "create":
            return _backup_create(bk, data_dir, args.file)
        if args.backup_command == "list":
            return _backup_list(bk, data_dir)
        if args.backup_command == "restore":
            result = bk.restore(data_dir, args.file, progress=_progress_printer())
            kept = f" The store it replaced was kept as {result.kept.path}." if result.kept else ""
            _say(f"Restored {result.store} from {result.restored_from} (schema {result.revision}).{kept}")
            return EXIT_OK
    except bk.BackupError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("stopped; nothing was changed.", 130)
    raise AssertionError(f"unknown command {args}")  # pragma: no cover  (argparse refuses others)


def _progress_printer():  # noqa: ANN202
    """Percent done on stderr when it is a terminal (scripts get clean output)."""
    if not sys.stderr.isatty():
        return None

    def show(remaining: int, total: int) -> None:
        done = 100 if not total else int(100 * (total - remaining) / total)
        print(f"\r{done:3d}%", end="" if remaining else "\n", file=sys.stderr, flush=True)

    return show


def _backup_create(bk, data_dir: Path, file: Path | None) -> int:  # noqa: ANN001
    if not bk.store_path(data_dir).exists():
        return _fail(f"There is no store in {data_dir} to back up.", EXIT_NO_STORE)
    started = time.perf_counter()
    info = bk.create_backup(data_dir, file, progress=_progress_printer())
    seconds = time.perf_counter() - started
    _say(f"Backed up {bk.store_path(data_dir)} to {info.path} ({bk.format_size(info.size)}, verified, "
         f"{seconds:.2f} s).")
    return EXIT_OK


def _backup_list(bk, data_dir: Path) -> int:  # noqa: ANN001
    backups = bk.list_backups(data_dir)
    if not backups:
        _say(f"No backups yet in {bk.backup_dir(data_dir)}.")
        return EXIT_OK
    _say(f"Backups in {bk.backup_dir(data_dir)}, newest first:")
    rows = [("WHEN (local time)", "KIND", "SIZE", "VERIFIED", "FILE")]
    for b in backups:
        verified = {True: "yes", False: "NO", None: "unknown"}[b.verified]
        rows.append((b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S"), b.kind, bk.format_size(b.size),
                     verified, b.name))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        _say("  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
    return EXIT_OK
