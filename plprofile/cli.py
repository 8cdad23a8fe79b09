"""Command line: start the app (default) or run a non-GUI command. Kept light: Qt loads only for the GUI."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import __version__

ENV_DATA_DIR = "PLPROFILE_DATA_DIR"
VIEWS = ("profile", "progress", "now", "class")


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("plprofile", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plprofile",
        description="Co-design Personal Learner Profiles with learners and chart their progress through the "
                    "Stages of Personalized Learning. Runs offline; everything lives in one local SQLite file.",
        epilog=f"The data folder defaults to the platform's user-data folder; ${ENV_DATA_DIR} or --data-dir "
               "point elsewhere.",
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()
    from .app import run_gui

    return run_gui(data_dir, demo=args.demo, screenshot=args.screenshot, learner=args.learner, view=args.view)
