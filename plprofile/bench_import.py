"""How long importing a class roster takes: ``python -m plprofile.bench_import [ROWS ...]``.

Prints figures only; it never fails on time. Each size gets a fresh store in a temporary folder.
With ``--profile`` the import runs under pyinstrument and its call tree is printed.
"""

from __future__ import annotations

import argparse
import inspect
import tempfile
import time
from pathlib import Path

from plprofile.domain.roster import parse_roster
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store


def roster_csv(rows: int) -> bytes:
    lines = ["given_name,family_name,preferred_name,grade,group,external_id,pronouns"]
    lines += [f"Learner{i},Family{i},,{i % 12 + 1},G{i % 30},X{i},they/them" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def measure(rows: int, profile: bool = False) -> None:
    data = roster_csv(rows)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "data")
        try:
            teacher = teacher_actor(ensure_teacher(store))
            service = ProfileService(store)
            started = time.perf_counter()
            parsed = parse_roster(data)
            parsed_at = time.perf_counter()
            calls = 0

            def progress(_done: int, _total: int) -> None:
                nonlocal calls
                calls += 1

            profiler = None
            if profile:
                from pyinstrument import Profiler

                profiler = Profiler()
                profiler.start()
            if "progress" in inspect.signature(service.import_roster).parameters:
                service.import_roster(teacher, parsed, progress=progress)
            else:  # an older service, to measure the figures before
                service.import_roster(teacher, parsed)
            finished = time.perf_counter()
            if profiler is not None:
                profiler.stop()
                print(profiler.output_text(unicode=True, color=False))
        finally:
            store.close()
    print(f"{rows:>7,} rows: parse {parsed_at - started:6.2f} s, import {finished - parsed_at:6.2f} s, "
          f"{calls} progress calls")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="*", type=int, default=[5_000, 50_000])
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument call tree")
    args = parser.parse_args()
    for rows in args.rows:
        measure(rows, args.profile)


if __name__ == "__main__":
    main()
