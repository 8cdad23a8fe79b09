"""Every CSV file the app writes: one writer, whose cells a spreadsheet can never run as formulas."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

#: What a spreadsheet takes as the start of a formula (OWASP, "CSV Injection"): = + - @, a tab, a carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would read as a formula gets a leading single quote (shown, never run).

    Numbers stay numbers: a negative value (-0.5) is data, and a text that is only a number cannot call
    anything, so it is left as it is."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_csv(path: str | Path, headers: Sequence[object], rows: Iterable[Sequence[object]]) -> None:
    """Write ``headers`` then ``rows`` to ``path`` as UTF-8 with a BOM (so spreadsheets read the accents),
    every text cell neutralised."""
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow([neutralise(c) for c in headers])
        writer.writerows([neutralise(c) for c in row] for row in rows)
