"""Benchmarks: a whole school in one store and how the app feels on it (``python -m plprofile.bench``), and
importing rosters (``python -m plprofile.bench_import``)."""

from plprofile.bench.school import KEYS, main

__all__ = ["KEYS", "main"]
