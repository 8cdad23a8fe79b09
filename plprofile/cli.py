"""Command line: start the app (default) or run a non-GUI command. Kept light: Qt loads only for the GUI."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import __version__
from .cli_common import (  # noqa: F401  (the names the commands below use)
    ENV_DATA_DIR,
    ENV_NEW_PASSWORD,
    ENV_PASSPHRASE,
    ENV_PASSWORD,
    default_data_dir,
)
from .cli_common import Refused as _Refused
from .cli_common import secret as _secret
from .cli_common import store_key as _store_key

VIEWS = ("profile", "progress", "now", "class", "signin", "conference", "conference-learner-led",
         "snapshot", "due", "feed", "goals", "stages", "sync", "evidence", "decide")


COMMANDS_HELP = """\
how to use the commands (without a command, the app starts):
  plprofile [--data-dir DIR] check                 integrity, foreign-key and schema check of the store;
                                                   never changes it; exit 0 healthy, 1 not healthy, 3 no store
  plprofile [--data-dir DIR] backup create [FILE]  write a verified backup (to FILE, or to DIR/backups/)
  plprofile [--data-dir DIR] backup list           list the backups in DIR/backups/, newest first
  plprofile [--data-dir DIR] backup restore FILE   replace the store with a backup, keeping a copy of it
  plprofile [--data-dir DIR] encrypt [--user NAME] encrypt the store; prints a one-time recovery key
  plprofile [--data-dir DIR] decrypt               remove the encryption (store and backups)
  plprofile [--data-dir DIR] rekey [--user NAME]   a new key and recovery key for an encrypted store
  plprofile [--data-dir DIR] purge --learner NAME [--yes]
                                                   erase a learner for good: from the store, its journal
                                                   and every backup in DIR/backups/ (a leaver routine)
  plprofile export decrypt FILE [-o OUT]           open a passphrase-protected export (.plpx)
  plprofile [--data-dir DIR] summary NAME -o FILE.pdf [--lang es] [--conference DATE] [--protect]
                                                   a learner's one-page family summary (PDF)
  plprofile [--data-dir DIR] export profile NAME -o FILE.json
                                                   a learner's whole profile, portable (JSON)
  plprofile [--data-dir DIR] export profile NAME -o FILE.pdf [--lang es]
                                                   the same as a readable learner passport (PDF)
  plprofile [--data-dir DIR] export profile NAME -o FILE.json --protect
                                                   sealed with a passphrase (FILE.json.plpx)
  plprofile [--data-dir DIR] import-profile FILE.json [--merge]
                                                   create that learner here, with everything
  plprofile blank-profile -o FILE.pdf [--lang es]  a blank profile to print for a first conference
  plprofile [--data-dir DIR] new-year NAME --start DATE [--yes]
                                                   start a new school year: a snapshot of every profile,
                                                   the old year's classes closed, open goals carried over
  plprofile [--data-dir DIR] account set-password NAME
                                                   set (or reset) a teacher's or school admin's password
                                                   (from $PLPROFILE_PASSWORD, or asked twice); they choose
                                                   their own at their next sign-in
  plprofile [--data-dir DIR] import FILE [--yes] [--json] [--encoding ENC]
                                                   import a class (CSV) or a OneRoster set (.zip or
                                                   folder); shows what will change and
                                                   asks first (--yes: does not ask); creates the store if
                                                   there is none; exit 0 imported, 2 refused (nothing written)
  plprofile [--data-dir DIR] bundle export FILE [--learner NAME] [--all]
                                                   the changes the hub has not acknowledged (--all: every
                                                   change held), sealed with a passphrase, for sync by file
  plprofile [--data-dir DIR] bundle import FILE [--json]
                                                   apply a bundle (same merge and access policy as sync);
                                                   twice changes nothing; exit 2 refused (nothing written)

On an encrypted store, check, backup, purge and decrypt/rekey ask for a teacher's password or the recovery key
(or read it from $PLPROFILE_PASSWORD); encrypt and rekey read a new password from $PLPROFILE_NEW_PASSWORD,
and protected exports read their passphrase from $PLPROFILE_PASSPHRASE, when these are set.
"""

# Exit codes of the commands (argparse itself uses 2 for a usage error).
EXIT_OK, EXIT_FAILED, EXIT_NO_STORE = 0, 1, 3


def build_parser() -> argparse.ArgumentParser:
    from .hub_command import HELP as HUB_HELP  # light: argparse only

    parser = argparse.ArgumentParser(
        prog="plprofile",
        description="Co-design Personal Learner Profiles with learners and chart their progress through the\n"
                    "Stages of Personalized Learning. Runs offline; everything lives in one local SQLite file.",
        epilog=COMMANDS_HELP + "\nthe school hub and sync:\n" + HUB_HELP + f"\nThe data folder defaults to the platform's user-data folder; ${ENV_DATA_DIR} or "
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
    parser.add_argument("--as-learner", metavar="NAME",
                        help="with --screenshot: what this learner sees after signing in (their home; with --view "
                             "goals or progress, that page)")
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
    commands = parser.add_subparsers(
        dest="command",
        metavar="{check,backup,encrypt,decrypt,rekey,purge,export,import,import-profile,summary,blank-profile,bundle,"
                "serve,hub,pair,sync}",
                                     title="commands")
    commands.add_parser(
        "check", parents=[data_dir], help="check the store's integrity, foreign keys and schema (never changes it)",
        description="Integrity, foreign-key and schema check of the store on a read-only connection (every table, "
                    "column and index this version needs must be there); the file is never changed. Exit status: "
                    "0 healthy, 1 not healthy, 3 no store.")
    backup = commands.add_parser("backup", parents=[data_dir], help="create, list or restore backups",
                                 description="Backups made with SQLite's online backup API, each verified with "
                                             "an integrity check. The app may be running while one is made.")
    actions = backup.add_subparsers(dest="backup_command", metavar="{create,list,restore}", title="actions")
    actions.required = True
    create = actions.add_parser("create", parents=[data_dir], help="write a verified backup now",
                                description="Write a verified backup of the store to FILE (a new file or a "
                                            "folder), or into DIR/backups/ without FILE.")
    create.add_argument("file", type=Path, nargs="?", metavar="FILE", help="where to write it (never overwritten)")
    create.add_argument("--protect", action="store_true",
                        help=f"seal the backup in FILE with a passphrase (asked for, or ${ENV_PASSPHRASE})")
    actions.add_parser("list", parents=[data_dir], help="list the backups, newest first")
    restore = actions.add_parser("restore", parents=[data_dir], help="replace the store with a backup",
                                 description="Validate FILE (integrity, foreign keys, schema), keep a copy of the "
                                             "current store in DIR/backups/before-restore-..., then replace the "
                                             "store with FILE. A plain FILE restored over an encrypted store is "
                                             "encrypted like it (unless --unencrypted). Close plprofile first.")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore (plain, encrypted or "
                                                                 "passphrase-protected)")
    restore.add_argument("--unencrypted", action="store_true",
                         help="restore a plain backup over an encrypted store as a plain store (its key file is "
                              "removed); without it, the restored store is encrypted like the one it replaces")
    encrypt = commands.add_parser(
        "encrypt", parents=[data_dir], help="encrypt the store and its backups (SQLCipher); prints a recovery key",
        description="Encrypt the store and every backup with a new random key. The key is kept wrapped under "
                    "the password you give (Argon2id) and under a one-time recovery key, printed once: write it "
                    "down or print it and keep it safe. A verified backup is made first. Close plprofile first.")
    encrypt.add_argument("--user", metavar="NAME", default="teacher",
                         help="the teacher's sign-in name the password belongs to (default: teacher)")
    commands.add_parser(
        "decrypt", parents=[data_dir], help="remove the encryption from the store and its backups",
        description="Decrypt the store and its backups (a verified backup is made first). Close plprofile first.")
    rekey = commands.add_parser(
        "rekey", parents=[data_dir], help="a new key and a new recovery key for an encrypted store",
        description="Re-encrypt the store and its backups under a new random key, with a new recovery key (old "
                    "recovery keys stop working). Only NAME's password is carried over; other teachers get "
                    "their key slot back when they next sign in. Close plprofile first.")
    rekey.add_argument("--user", metavar="NAME", default="teacher",
                       help="the teacher's sign-in name the new password belongs to (default: teacher)")
    purge = commands.add_parser(
        "purge", parents=[data_dir], help="erase a learner for good, from the store and every backup",
        description="Erase everything about one learner (profile, goals, assessments, conferences, history, "
                    "sign-in) from the store, its -wal journal and every backup in DIR/backups/, each backup "
                    "rewritten without them and checked. Copies kept elsewhere (a USB stick, a protected "
                    "export, a saved PDF) are not reached. This cannot be undone. Exit status: 0 erased, "
                    "1 not (or not everywhere: the message says where), 2 no such learner or not confirmed, "
                    "3 no store.")
    purge.add_argument("--learner", metavar="NAME", required=True, dest="purge_learner",
                       help="the learner's full name (given or preferred, then family) or school ID; a single "
                            "name if only one learner has it")
    purge.add_argument("--yes", action="store_true",
                       help="do not ask (for scripts); without it the command asks on a terminal and refuses "
                            "without one")
    export = commands.add_parser("export", parents=[data_dir], help="work with protected exports",
                                 description="Exports protected with a passphrase (.plpx files).")
    export_actions = export.add_subparsers(dest="export_command", metavar="{decrypt,profile}", title="actions")
    export_actions.required = True
    opener = export_actions.add_parser(
        "decrypt", help="open a passphrase-protected export",
        description="Check and decrypt FILE. A wrong passphrase or a damaged or altered file writes nothing.")
    opener.add_argument("file", type=Path, metavar="FILE", help="the protected file (.plpx)")
    opener.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="where to write it (default: its original name, beside FILE; never overwritten)")
    profile = export_actions.add_parser(
        "profile", parents=[data_dir], help="write a learner's whole profile to a JSON file",
        description="Write a learner's whole profile (every section, goals with steps, supports, evidence and "
                    "check-ins, conferences, Stages ratings, with authorship and agreement) to a JSON file of the "
                    "documented, versioned schema in resources/profile-export/SCHEMA.md, for another school or "
                    "store ('plprofile import-profile').")
    profile.add_argument("name", metavar="NAME", help="the learner: whole name, first name or student ID")
    profile.add_argument("-o", "--output", dest="profile_output", type=Path, metavar="FILE.json|FILE.pdf",
                         required=True, help="where to write it (never overwritten): a .json file (the portable "
                                             "profile) or a .pdf file (a readable learner passport)")
    profile.add_argument("--lang", dest="profile_lang", choices=("en", "es"), default="en",
                         help="the learner passport's language (default: en)")
    profile.add_argument("--protect", dest="profile_protect", action="store_true",
                         help="seal it with a passphrase (asked for, or $" + ENV_PASSPHRASE + "): the JSON file as a "
                              ".plpx file (.plpx is added to the name), the passport as a standard AES-256 PDF")
    importer = commands.add_parser(
        "import-profile", parents=[data_dir], help="create a learner from a profile file (JSON)",
        description="Create the learner of FILE (written by 'plprofile export profile') in this store with "
                    "everything in it, ids, dates and authors kept. A file of a newer schema, a damaged file, or "
                    "a learner already in this store is refused and nothing is written.")
    importer.add_argument("file", type=Path, metavar="FILE.json", help="the profile file")
    importer.add_argument("--merge", action="store_true",
                          help="the learner is already in this store: add what the file has and the store has "
                               "not (by id), never changing what is here, and say what was left as it was")
    summary = commands.add_parser(
        "summary", parents=[data_dir], help="write a learner's one-page family summary (PDF)",
        description="Write the one-page summary of a learner's latest conference (or the one held on DATE) for "
                    "the learner and the family: agreed words only, goals with their latest check-in, next steps "
                    "and the \"where we are now\" chart, in English or Spanish whatever the app speaks.")
    summary.add_argument("name", metavar="NAME", help="the learner: whole name, first name or student ID")
    summary.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", required=True,
                         help="where to write the PDF (never overwritten)")
    summary.add_argument("--lang", dest="summary_lang", choices=("en", "es"), default="en",
                         help="the summary's language (default: en)")
    summary.add_argument("--conference", metavar="DATE", type=_day,
                         help="the conference held on DATE (YYYY-MM-DD; default: the latest)")
    summary.add_argument("--protect", action="store_true",
                         help="lock the PDF with a passphrase (AES-256; any PDF reader opens it with the passphrase; "
                              f"asked for, or ${ENV_PASSPHRASE})")
    blank = commands.add_parser(
        "blank-profile", help="write a blank profile to print (PDF), for a first conference on paper",
        description="Write the profile's sections with room to write, to print for a first conference on paper, "
                    "in English or Spanish.")
    blank.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", required=True,
                       help="where to write the PDF (never overwritten)")
    blank.add_argument("--lang", dest="blank_lang", choices=("en", "es"), default="en",
                       help="its language (default: en)")
    new_year = commands.add_parser(
        "new-year", parents=[data_dir], help="start a new school year",
        description="Start the school year NAME on DATE, as a school admin: every learner's profile is kept as "
                    "it stands in a read-only snapshot of the year that ends, the open classes close (kept, "
                    "marked ended), and every open goal is carried over as it is (the window's School menu "
                    "also lets goals be closed with a reflection). One transaction. Says what will change and "
                    "asks first (--yes: does not ask). Exit status: 0 started, 1 refused or not confirmed, "
                    "3 no store.")
    new_year.add_argument("year_name", metavar="NAME", help="the new school year's name, e.g. 2027-2028")
    new_year.add_argument("--start", metavar="DATE", type=_day, required=True,
                          help="the day it starts (YYYY-MM-DD)")
    new_year.add_argument("--yes", action="store_true", help="start it without asking")
    account = commands.add_parser("account", parents=[data_dir], help="staff accounts",
                                  description="Teachers' and school admins' accounts.")
    account_actions = account.add_subparsers(dest="account_command", metavar="{set-password}", title="actions")
    account_actions.required = True
    set_password = account_actions.add_parser(
        "set-password", parents=[data_dir], help="set or reset a teacher's or school admin's password",
        description="Set (or reset) the password of the teacher or school admin NAME (their sign-in name, or "
                    "their whole name as the roster gives it), as a school admin does: a roster's staff arrive "
                    "without one. A sign-in name is made from their name if they have none. The password is "
                    f"read from ${ENV_PASSWORD}, or asked twice on a terminal. It is temporary: they choose "
                    "their own at their next sign-in. Exit status: 0 set, 1 refused, 2 no such account, "
                    "3 no store.")
    set_password.add_argument("account_name", metavar="NAME", help="the sign-in name or the whole name")
    importer = commands.add_parser(
        "import", parents=[data_dir], help="import a class (CSV) or a school roster (OneRoster .zip or folder)",
        description="Check FILE, say what will change, and (once confirmed, or with --yes) import it in one "
                    "transaction. A file with any problem is refused whole: exit 2, the problems on stderr, "
                    "nothing written. The store is created if there is none.")
    importer.add_argument("file", type=Path, metavar="FILE",
                          help="a CSV file of learners, or a OneRoster 1.1/1.2 set (a .zip or a folder)")
    importer.add_argument("--yes", action="store_true", help="import without asking")
    importer.add_argument("--json", action="store_true", help="print what changed as one JSON object")
    importer.add_argument("--encoding", metavar="ENC",
                          help="the file's text encoding (default: found from the file: UTF-8, UTF-16 with a "
                               "BOM, else Windows-1252 or Latin-1)")
    # sync by file (issue 17)
    from .sync.bundle_cli import add_parser as add_bundle_parser

    add_bundle_parser(commands, data_dir, ENV_PASSPHRASE)
    from .hub_command import add_parsers as add_hub_parsers

    add_hub_parsers(commands, data_dir)
    return parser


def _day(text: str):  # noqa: ANN202
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-23") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()
    if args.command is not None:
        if args.demo or args.screenshot or args.learner or args.as_learner:
            parser.error("--demo, --screenshot, --learner and --as-learner start the app; they do not go with a "
                         "command")
        return run_command(args, data_dir)
    if args.as_learner and (args.screenshot is None or args.learner):
        parser.error("--as-learner NAME goes with --screenshot FILE (and instead of --learner)")
    if args.screenshot is None and not has_display():
        return _fail("the app needs a display, and there is none here (no $DISPLAY or $WAYLAND_DISPLAY). "
                     "To work without one, use the commands above (plprofile --help), or take a picture with "
                     "QT_QPA_PLATFORM=offscreen plprofile --screenshot FILE.", 2)
    from .app import run_gui

    if args.lang:
        os.environ["PLPROFILE_LANG"] = args.lang
    if args.font_size:
        os.environ["PLPROFILE_FONT_SIZE"] = str(args.font_size)
    key = None
    if args.screenshot and os.environ.get(ENV_PASSWORD):  # a script's screenshot of an encrypted store
        try:
            key = _store_key(data_dir)[0]
        except _Refused as exc:
            print(f"plprofile: {exc}", file=sys.stderr)
            return 2
    return run_gui(data_dir, demo=args.demo, screenshot=args.screenshot, learner=args.as_learner or args.learner,
                   view=args.view, store_key=key, as_learner=bool(args.as_learner))


def has_display() -> bool:
    """Whether Qt can open a window here. On Linux and the BSDs Qt aborts (a core dump) when it finds neither
    an X11 nor a Wayland display; it is asked first, so that the person gets a sentence instead. A platform
    chosen by hand ($QT_QPA_PLATFORM: offscreen, vnc, eglfs...) is trusted. Windows and macOS always have one."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# ---- the commands: no Qt, so they are quick and work on a server without a screen ------------------------
def _say(message: str) -> None:
    print(message, flush=True)


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"plprofile: {message}", file=sys.stderr, flush=True)
    return code


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    from .services import backup as bk
    from .services import protect
    from .store import cipher

    try:
        if args.command == "bundle":  # sync by file (issue 17)
            from .sync.bundle_cli import run as run_bundle

            return run_bundle(args, data_dir, _secret, _store_key, ENV_PASSPHRASE)
        if args.command in ("serve", "hub", "pair", "sync"):
            from .hub_command import run as run_hub

            return run_hub(args, data_dir)
        if args.command == "export" and args.export_command == "profile":
            return _export_profile(args, data_dir)
        if args.command == "import-profile":
            return _import_profile(args, data_dir)
        if args.command == "import":
            from .import_command import run_import

            return run_import(args, data_dir, _store_key)
        if args.command == "export":
            return _export_decrypt(args.file, args.output)
        if args.command == "summary":
            return _summary(args, data_dir)
        if args.command == "blank-profile":
            return _blank_profile(args)
        if args.command == "account":
            return _set_staff_password(args, data_dir)
        if args.command == "new-year":
            return _new_year(args, data_dir)
        if args.command in ("encrypt", "decrypt", "rekey"):
            return _encryption(args, data_dir)
        if args.command == "purge":
            return _purge(data_dir, args.purge_learner, args.yes)
        if args.command == "check":
            key, _ = _store_key(data_dir) if bk.store_path(data_dir).exists() else (None, None)
            result = bk.check(bk.store_path(data_dir), key)
            if result.status == bk.MISSING:
                return _fail(result.message, EXIT_NO_STORE)
            if not result.ok:
                return _fail(result.message)
            _say(result.message)
            return EXIT_OK
        if args.backup_command == "create":
            return _backup_create(bk, data_dir, args.file, args.protect)
        if args.backup_command == "list":
            return _backup_list(bk, data_dir)
        if args.backup_command == "restore":
            return _backup_restore(bk, data_dir, args.file, args.unencrypted)
    except (bk.BackupError, protect.ProtectError, cipher.CipherError) as exc:
        return _fail(str(exc))
    except _Refused as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("stopped; nothing was changed.", 130)
    raise AssertionError(f"unknown command {args}")  # pragma: no cover  (argparse refuses others)


def _open_for_profiles(data_dir: Path):  # noqa: ANN202
    from .services import backup as bk
    from .services.accounts import cli_teacher
    from .store.engine import open_store

    if not bk.store_path(data_dir).exists():
        raise _Refused(f"there is no store in {data_dir}.")
    store = open_store(data_dir, _store_key(data_dir)[0])
    return store, cli_teacher(store)


def _new_year(args: argparse.Namespace, data_dir: Path) -> int:
    """``new-year NAME --start DATE``: as a school admin (whoever runs it can reach the store's file)."""
    from dataclasses import replace

    from .domain.policy import AccessDenied
    from .domain.profile import ValidationError
    from .services import backup as bk
    from .services.accounts import ensure_teacher, teacher_actor
    from .services.years import YearService

    if not bk.store_path(data_dir).exists():
        return _fail(f"there is no store in {data_dir}.", EXIT_NO_STORE)
    store, _ = _open_for_profiles(data_dir)
    try:
        admin = replace(teacher_actor(ensure_teacher(store)), admin=True)
        years = YearService(store)
        try:
            plan = years.preview_new_year(admin, args.year_name, args.start)
        except ValidationError as exc:
            return _fail(f"{exc} Nothing was changed.")
        ending = f"{plan.old_title} ends" if plan.old_title else "the year before ends"
        _say(f"Starting {plan.title} on {plan.start.isoformat()}: {ending}.\n"
             f"  {plan.snapshots} learner profile(s) kept as a snapshot of the year\n"
             f"  {plan.classes_closing} class(es) closed (kept, marked ended)\n"
             f"  {len(plan.open_goals)} open goal(s) carried over")
        if not args.yes:
            if not sys.stdin.isatty():
                return _fail("starting a school year is confirmed on a terminal, and there is none here; add "
                             "--yes. Nothing was changed.")
            if input("Start it? [y/N] ").strip().casefold() not in ("y", "yes"):
                return _fail("not started; nothing was changed.")
        try:
            made = years.start_new_year(admin, plan)
        except (ValidationError, AccessDenied) as exc:
            return _fail(f"{exc} Nothing was changed.")
    finally:
        store.close()
    _say(f"{plan.title} has started: {made} profile snapshot(s) kept.")
    return EXIT_OK


def _set_staff_password(args: argparse.Namespace, data_dir: Path) -> int:
    """``account set-password NAME``: as a school admin (whoever runs the command can reach the store's file)."""
    from dataclasses import replace

    from .domain.policy import AccessDenied
    from .domain.profile import ValidationError
    from .services import backup as bk
    from .services import encryption as enc
    from .services.accounts import SYSTEM
    from .services.auth import AuthService
    from .store.engine import open_store

    if not bk.store_path(data_dir).exists():
        return _fail(f"there is no store in {data_dir}.", EXIT_NO_STORE)
    if enc.is_encrypted(data_dir):
        return _fail("the store is encrypted: set the password in the window (Learner → Accounts…), where the "
                     "teacher also gets their key to the store. Nothing was changed.")
    wanted = " ".join(args.account_name.split()).casefold()
    store = open_store(data_dir)
    try:
        auth = AuthService(store)
        admin = replace(SYSTEM, admin=True)  # the store's own computer: never one of the accounts it sets
        found = [a for a in auth.list_staff(admin)
                 if wanted in {(a.username or "").casefold(), " ".join(a.display_name.split()).casefold()}]
        if not found:
            return _fail(f"no teacher or school admin is called {args.account_name!r}; nothing was changed.", 2)
        if len(found) > 1:
            return _fail(f"{args.account_name!r} names {len(found)} accounts; give the sign-in name. Nothing was "
                         "changed.", 2)
        password = _secret(f"A password for {found[0].display_name}: ", ENV_PASSWORD, twice=True)
        try:
            name = auth.set_staff_password(admin, found[0].id, password)
        except (ValidationError, AccessDenied) as exc:
            return _fail(f"{exc} Nothing was changed.")
    finally:
        store.close()
    _say(f"{found[0].display_name} signs in as '{name}' with that password, and chooses their own the first time.")
    return EXIT_OK


def _export_profile(args: argparse.Namespace, data_dir: Path) -> int:
    from .services.portable import PortableService, dumps
    from .services.profiles import ProfileService
    from .services.report import pick_learner

    output = args.profile_output.expanduser()
    if output.exists():
        return _fail(f"{output} already exists; nothing was written.")
    if not output.parent.is_dir():
        return _fail(f"the folder {output.parent} does not exist; nothing was written.")
    passphrase = plain_name = None
    if args.profile_protect:
        from .services import protect

        if output.suffix.lower() != ".pdf" and output.suffix.lower() != protect.SUFFIX:
            output = output.with_name(output.name + protect.SUFFIX)  # zoe.json -> zoe.json.plpx
        plain_name = output.name.removesuffix(protect.SUFFIX) if output.suffix.lower() == protect.SUFFIX else None
        if output.exists():
            return _fail(f"{output} already exists; nothing was written.")
        try:
            passphrase = protect.check_passphrase(
                _secret("A passphrase for the profile: ", ENV_PASSPHRASE, twice=True))
        except protect.ProtectError as exc:
            return _fail(f"{exc} Nothing was written.")
        if not plain_name or not plain_name.lower().endswith(".json"):
            plain_name = (plain_name or "profile") + ".json"
    if output.suffix.lower() == ".pdf":
        return _export_passport(args, data_dir, output, passphrase)
    store, actor = _open_for_profiles(data_dir)
    try:
        learner = pick_learner(ProfileService(store).list_learners(actor), args.name)
        text = dumps(PortableService(store).export_profile(actor, learner.id))
    except LookupError as exc:
        return _fail(f"{exc} Nothing was written.")
    finally:
        store.close()
    if passphrase is not None:
        from .services import protect

        try:
            protect.protect_bytes(text.encode("utf-8"), output, passphrase, name=plain_name)
        except protect.ProtectError as exc:
            return _fail(str(exc))
        _say(f"Wrote the profile of {learner.display_name} to {output}, sealed with the passphrase.")
        return EXIT_OK
    part = output.with_name(output.name + ".part")
    part.write_text(text, encoding="utf-8")
    part.replace(output)
    _say(f"Wrote the profile of {learner.display_name} to {output}.")
    return EXIT_OK


def _export_passport(args: argparse.Namespace, data_dir: Path, output: Path, passphrase: str | None = None) -> int:
    from .app import write_passport
    from .services import backup as bk

    if not bk.store_path(data_dir).exists():
        return _fail(f"there is no store in {data_dir}.", EXIT_NO_STORE)
    key, _ = _store_key(data_dir)
    try:
        name, pages = write_passport(data_dir, key, args.name, output, args.profile_lang, passphrase)
    except LookupError as exc:
        return _fail(f"{exc} Nothing was written.")
    locked = ", locked with the passphrase" if passphrase else ""
    _say(f"Wrote the learner passport of {name} to {output} ({pages} page{'s' if pages != 1 else ''}{locked}).")
    return EXIT_OK


def _import_profile(args: argparse.Namespace, data_dir: Path) -> int:
    from .services import protect
    from .services.portable import PortableService, ProfileFileError, loads, preview

    try:
        raw = args.file.expanduser().read_bytes()
    except OSError as exc:
        return _fail(f"{args.file} cannot be read ({exc.strerror or exc}); nothing was imported.")
    if raw.startswith(protect.MAGIC):  # sealed with a passphrase (export profile --protect)
        passphrase = _secret(f"The passphrase of {args.file.name}: ", ENV_PASSPHRASE)
        try:
            _name, raw = protect.open_bytes(args.file.expanduser(), passphrase)
        except protect.WrongPassphraseError:
            return _fail(f"that passphrase does not open {args.file.name} (or the file was altered); "
                         "nothing was imported.")
        except protect.ProtectError as exc:
            return _fail(f"{str(exc).removesuffix(' Nothing was written.')} Nothing was imported.")
    from .services.accounts import SYSTEM

    store, actor = _open_for_profiles(data_dir)
    if actor == SYSTEM:  # learners without a teacher would make the app offer a backup instead of a first teacher
        store.close()
        return _fail("this store has no teacher account yet: open plprofile and create one first. "
                     "Nothing was imported.")
    try:
        document = loads(raw)
        if args.merge:
            name = preview(document).name
            report = PortableService(store).merge_profile(actor, document)
        else:
            learner = PortableService(store).import_profile(actor, document)
    except ProfileFileError as exc:
        if not args.merge and "already in this store" in str(exc):
            return _fail(f"{exc} To add what the file has and this store has not, use --merge.")
        return _fail(str(exc))
    finally:
        store.close()
    if args.merge:
        skipped = ", ".join(f"{table} {count}" for table, count in report.skipped.items())
        _say(f"Merged the profile of {name}: added {report.added_total} row(s); left {report.skipped_total} "
             f"already here as they were" + (f" ({skipped})." if skipped else "."))
        return EXIT_OK
    _say(f"Imported the profile of {learner.preferred_name} {learner.family_name}.")
    return EXIT_OK


def _blank_profile(args: argparse.Namespace) -> int:
    from .app import write_blank

    output = args.output.expanduser()
    if output.exists():
        return _fail(f"{output} already exists; nothing was written.")
    if not output.parent.is_dir():
        return _fail(f"the folder {output.parent} does not exist; nothing was written.")
    pages = write_blank(output, args.blank_lang)
    _say(f"Wrote a blank profile to {output} ({pages} page{'s' if pages != 1 else ''}).")
    return EXIT_OK


def _summary(args: argparse.Namespace, data_dir: Path) -> int:
    from .app import write_summary
    from .services import backup as bk
    from .services.report import NoConference

    if not bk.store_path(data_dir).exists():
        return _fail(f"there is no store in {data_dir}.", EXIT_NO_STORE)
    output = args.output.expanduser()
    if output.exists():
        return _fail(f"{output} already exists; nothing was written.")
    if not output.parent.is_dir():
        return _fail(f"the folder {output.parent} does not exist; nothing was written.")
    from .services.pdf_lock import MIN_LENGTH

    key, _ = _store_key(data_dir)
    passphrase = None
    if args.protect:
        passphrase = _secret(f"A passphrase for the PDF (at least {MIN_LENGTH} characters): ", ENV_PASSPHRASE,
                             twice=True)
        if len(passphrase) < MIN_LENGTH:
            return _fail(f"the passphrase needs at least {MIN_LENGTH} characters; nothing was written.")
    try:
        name, pages = write_summary(data_dir, key, args.name, output, args.summary_lang, args.conference,
                                    passphrase)
    except NoConference:
        return _fail(f"{args.name} had no conference on {args.conference.isoformat()}; nothing was written.")
    except LookupError as exc:
        return _fail(f"{exc} Nothing was written.")
    locked = ", locked with the passphrase" if passphrase else ""
    _say(f"Wrote the summary of {name} to {output} ({pages} page{'s' if pages != 1 else ''}{locked}).")
    return EXIT_OK


def _progress_printer():  # noqa: ANN202
    """Percent done on stderr when it is a terminal (scripts get clean output)."""
    if not sys.stderr.isatty():
        return None

    def show(remaining: int, total: int) -> None:
        done = 100 if not total else int(100 * (total - remaining) / total)
        print(f"\r{done:3d}%", end="" if remaining else "\n", file=sys.stderr, flush=True)

    return show


def _backup_create(bk, data_dir: Path, file: Path | None, protected: bool = False) -> int:  # noqa: ANN001
    if not bk.store_path(data_dir).exists():
        return _fail(f"There is no store in {data_dir} to back up.", EXIT_NO_STORE)
    if protected and file is None:
        return _fail("--protect needs FILE: the protected copy is meant to leave this computer.", 2)
    key, _ = _store_key(data_dir)
    passphrase = None
    if protected:
        from .services import protect

        passphrase = protect.check_passphrase(_secret("A passphrase for the protected backup: ", ENV_PASSPHRASE,
                                                      twice=True))
        file = Path(file).expanduser()
        if file.is_dir():
            file = file / (bk.new_backup_path(file, bk.MANUAL).name + protect.SUFFIX)
        if file.exists():
            return _fail(f"{file} already exists. A backup never overwrites a file; choose another name.")
    started = time.perf_counter()
    if passphrase is not None:
        from .services import protect

        info = bk.create_backup(data_dir, progress=_progress_printer(), key=key)
        try:
            protect.protect_file(info.path, file, passphrase, name=info.name)
        finally:
            if key is None:  # the plain copy stays only in the backups folder (an encrypted one is kept there)
                info.path.unlink(missing_ok=True)
        seconds = time.perf_counter() - started
        _say(f"Backed up {bk.store_path(data_dir)} to {file} (verified, protected with a passphrase, "
             f"{seconds:.2f} s).")
        return EXIT_OK
    info = bk.create_backup(data_dir, file, progress=_progress_printer(), key=key)
    seconds = time.perf_counter() - started
    how = "verified, encrypted" if info.encrypted else "verified"
    _say(f"Backed up {bk.store_path(data_dir)} to {info.path} ({bk.format_size(info.size)}, {how}, "
         f"{seconds:.2f} s).")
    return EXIT_OK


def _backup_restore(bk, data_dir: Path, file: Path, unencrypted: bool = False) -> int:  # noqa: ANN001
    import tempfile

    from .services import protect
    from .store import cipher

    file = Path(file).expanduser()
    key, secret = _store_key(data_dir) if bk.store_path(data_dir).exists() else (None, None)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir if data_dir.exists() else None) as tmp:
        source = file
        if protect.is_protected(file):
            passphrase = _secret(f"{file.name} is protected. Its passphrase: ", ENV_PASSPHRASE)
            source = protect.open_file(file, Path(tmp) / protect.original_name(file), passphrase)
        if not cipher.is_plain_sqlite(source) and cipher.keys_path(source).exists() and secret is None and not (
                key is not None and cipher.opens_with(source, key)):
            secret = _secret(f"{source.name} is encrypted. A password or recovery key that opens it: ", ENV_PASSWORD)
        result = bk.restore(data_dir, source, progress=_progress_printer(), key=key, secret=secret,
                            unencrypted=unencrypted)
    kept = f" The store it replaced was kept as {result.kept.path}." if result.kept else ""
    how = ", encrypted" if result.key is not None else ""
    if key is not None and result.key == key and not cipher.looks_encrypted(file) and not protect.is_protected(file):
        how = ", encrypted with the store's key like the store it replaced"
    elif key is not None and result.key is None:
        how = ", unencrypted as asked: the store's key file was removed"
    _say(f"Restored {result.store} from {file} (schema {result.revision}{how}).{kept}")
    return EXIT_OK


def _encryption(args: argparse.Namespace, data_dir: Path) -> int:
    from .services import encryption as enc
    from .store import cipher

    if not enc.bk.store_path(data_dir).exists():
        return _fail(f"There is no store in {data_dir}.", EXIT_NO_STORE)
    started = time.perf_counter()
    if args.command == "encrypt":
        if enc.is_encrypted(data_dir):
            return _fail("This store is already encrypted. Use 'plprofile rekey' for a new key.")
        password = _secret(f"A password to unlock the store (for {args.user}, at least 8 characters): ",
                           ENV_NEW_PASSWORD if os.environ.get(ENV_NEW_PASSWORD) else ENV_PASSWORD, twice=True)
        result = enc.encrypt_store(data_dir, args.user, password)
    else:
        if not enc.is_encrypted(data_dir):
            return _fail("This store is not encrypted.")
        key, secret = _store_key(data_dir)
        if args.command == "decrypt":
            result = enc.decrypt_store(data_dir, key)
        else:
            password = os.environ.get(ENV_NEW_PASSWORD) or (
                secret if cipher.normalise_recovery_key(secret) is None else
                _secret(f"A new password for {args.user} (at least 8 characters): ", ENV_NEW_PASSWORD, twice=True))
            result = enc.rekey_store(data_dir, key, args.user, password)
    seconds = time.perf_counter() - started
    done = {"encrypt": "Encrypted", "decrypt": "Decrypted", "rekey": "Re-keyed"}[args.command]
    _say(f"{done} {enc.bk.store_path(data_dir)} ({seconds:.1f} s). A backup of it as it was: {result.backup.path}.")
    if result.converted:
        _say(f"{len(result.converted)} backup(s) in {enc.bk.backup_dir(data_dir)} converted the same way.")
    for path in result.skipped:
        _say(f"Left as it was (another key, or damaged): {path}")
    if result.recovery_key:
        _say("")
        _say("RECOVERY KEY (shown only this once; write it down or print it and keep it somewhere safe):")
        _say("")
        _say(f"    {result.recovery_key}")
        _say("")
        _say("It opens the store if every teacher's password is forgotten.")
    return EXIT_OK


def _purge(data_dir: Path, name: str, yes: bool) -> int:
    from dataclasses import replace

    from .services import backup as bk
    from .services import erase
    from .services.accounts import SYSTEM
    from .services.profiles import ProfileService
    from .store.engine import StoreError, open_store

    if not bk.store_path(data_dir).exists():
        return _fail(f"There is no store in {data_dir}.", EXIT_NO_STORE)
    key, _ = _store_key(data_dir)
    try:
        store = open_store(data_dir, key)
    except StoreError as exc:
        return _fail(f"{exc} Nothing was erased.")
    # the school's tool for erasure requests, run on the store's own computer: it acts as a school admin, who
    # may erase any learner (a plain teacher's account may not erase a learner of another teacher's class)
    admin = replace(SYSTEM, admin=True)
    try:
        found = erase.find_learners(admin, store, name)
        if not found:
            return _fail(f"no learner is called {name!r}; nothing was erased. Give the full name (given or "
                         "preferred name, then family name) or the school ID.", 2)
        if len(found) > 1:
            names = "; ".join(m.label for m in found)
            return _fail(f"{len(found)} learners are called {name!r} ({names}); nothing was erased. Give the "
                         "full name or the school ID.", 2)
        learner = found[0]
        backups, _problems = erase.backups_to_rewrite(data_dir, store.key)
        if not yes and not sys.stdin.isatty():
            return _fail(f"erasing {learner.label} is confirmed on a terminal, and there is none here; add --yes "
                         "to erase without asking. Nothing was erased.", 2)
        if not yes:
            print(f"This erases everything about {learner.label} (profile, goals, assessments, conferences, "
                  f"history and sign-in) from {bk.store_path(data_dir)} and from the {len(backups)} backup(s) "
                  f"in {bk.backup_dir(data_dir)}. Copies kept elsewhere are not reached. It cannot be undone.",
                  flush=True)
            try:
                answer = input("Type 'erase' to go on: ")
            except EOFError:
                answer = ""
            if answer.strip().casefold() != "erase":
                return _fail("not confirmed; nothing was erased.", 2)
        started = time.perf_counter()
        try:
            result = erase.erase_learner(ProfileService(store), admin, learner.id)
        except erase.EraseError as exc:
            return _fail(str(exc))
        seconds = time.perf_counter() - started
        _say(f"Erased {learner.label} from {bk.store_path(data_dir)} and its journal, and from "
             f"{len(result.rewritten)} backup(s) that held them (each rewritten and checked; "
             f"{len(result.without)} held nothing about them) in {seconds:.1f} s.")
        return EXIT_OK
    finally:
        store.close()


def _export_decrypt(file: Path, output: Path | None) -> int:
    from .services import protect

    file = Path(file).expanduser()
    if not protect.is_protected(file):
        return _fail(f"{file} is not a protected plprofile export.")
    target = Path(output).expanduser() if output else file.with_name(protect.original_name(file))
    passphrase = _secret(f"The passphrase of {file.name}: ", ENV_PASSPHRASE)
    protect.open_file(file, target, passphrase)
    _say(f"Opened {file} into {target}.")
    return EXIT_OK


def _backup_list(bk, data_dir: Path) -> int:  # noqa: ANN001
    backups = bk.list_backups(data_dir)
    if not backups:
        _say(f"No backups yet in {bk.backup_dir(data_dir)}.")
        return EXIT_OK
    _say(f"Backups in {bk.backup_dir(data_dir)}, newest first:")
    rows = [("WHEN (local time)", "KIND", "SIZE", "VERIFIED", "FILE")]
    for b in backups:
        verified = {True: "yes", False: "NO", None: "unknown"}[b.verified] + (", encrypted" if b.encrypted else "")
        rows.append((b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S"), b.kind, bk.format_size(b.size),
                     verified, b.name))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        _say("  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
    return EXIT_OK
