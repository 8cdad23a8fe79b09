"""The one CSV writer: every cell a spreadsheet would run as a formula arrives as text."""

from __future__ import annotations

import csv

import pytest

from plprofile.services.csvfile import neutralise, write_csv

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)", "\t=1+2", "\r=1+2"]


@pytest.mark.parametrize("text", HOSTILE)
def test_each_formula_start_is_written_as_text(tmp_path, text):
    path = tmp_path / "out.csv"
    write_csv(path, ["name", text], [[text, 3], ["Zoë", -0.5]])
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["name", "'" + text], ["'" + text, "3"], ["Zoë", "-0.5"]]


def test_plain_text_and_numbers_are_left_as_they_are():
    for value in ("Zoë", "5B", "never", "-0.5", "+3", "2026-03-02", 4, -1.5, None, ""):
        assert neutralise(value) == value
    assert neutralise("-") == "'-" and neutralise("=") == "'="
