"""``python -m plprofile.bench_import``: kept where it was; the benchmark lives in ``plprofile/bench/roster_import.py``."""

from plprofile.bench.roster_import import main

if __name__ == "__main__":
    main()
