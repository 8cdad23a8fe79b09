"""File names from editable names: never a path, never empty, never too long."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plprofile.domain.filenames import MAX_BYTES, safe_file_name

HOSTILE = ["/etc/cron.d/evil-../../x", "..", "../..", ".", "", "   ", "\x00\x1b[31m\r\n", "C:\\Windows\\system32",
           "a/b\\c", "CON", "nul", "x\u202egnp.exe", "é" * 500, "名前" * 200, "-", "\t"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_become_one_plain_file_name(text):
    name = safe_file_name(text, fallback="summary")
    _assert_safe(name)
    assert name.casefold() not in {"con", "nul"}


@given(st.text(max_size=400))
def test_any_text_becomes_one_plain_file_name(text):
    _assert_safe(safe_file_name(text, fallback="summary"))


def test_ordinary_names_keep_their_letters():
    assert safe_file_name("Zoë Moreau-2026-12-05") == "Zoë-Moreau-2026-12-05"
    assert safe_file_name("/etc/cron.d/evil-../../x") == "etc-cron-d-evil-x"
    assert safe_file_name("..", fallback="summary") == "summary"


def _assert_safe(name: str) -> None:
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and ".." not in name and "." not in name
    assert not any(ord(c) < 32 or ord(c) == 127 for c in name)
    assert len(name.encode("utf-8")) <= MAX_BYTES
