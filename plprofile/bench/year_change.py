"""How long a school year change takes: ``python -m plprofile.bench.year_change [--learners N]``.

A store of N learners with years of history (the bulk generator the school benchmark uses), then a new school
year started as a school admin does: the preview, then the change itself (every learner's profile kept as a
snapshot of the year, the classes closed, the new year recorded). Prints wall and CPU seconds, the snapshots
kept and the peak RSS; it never fails on time (the machine may be shared).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher
from plprofile.services.bulk import generate_bulk
from plprofile.services.years import YearService
from plprofile.store.engine import open_store


def measure(learners: int, profile: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "data")
        try:
            generate_bulk(store, learners)
            admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
            years = YearService(store)
            profiler = None
            if profile:
                from pyinstrument import Profiler

                profiler = Profiler()
                profiler.start()
            wall, cpu = time.perf_counter(), time.process_time()
            plan = years.preview_new_year(admin, "2031-2032", date(2031, 8, 20))
            previewed = time.perf_counter() - wall
            made = years.start_new_year(admin, plan)
            figures = {"learners": learners, "snapshots": made, "preview_s": round(previewed, 2),
                       "year_change_s": round(time.perf_counter() - wall, 2),
                       "year_change_cpu_s": round(time.process_time() - cpu, 2)}
            if profiler is not None:
                profiler.stop()
                print(profiler.output_text(unicode=True, color=False))
        finally:
            store.close()
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument call tree")
    args = parser.parse_args()
    figures = measure(args.learners, args.profile)
    print(", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
