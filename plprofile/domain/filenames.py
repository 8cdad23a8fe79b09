"""File names built from words people can edit (a learner's name, a chart's title): one safe name, no path."""

from __future__ import annotations

import re
import unicodedata

#: Enough for "preferred-family-2026-12-05" in most alphabets, and far below every file system's 255 bytes.
MAX_BYTES = 120
#: Names Windows keeps for devices, whatever the extension (``con.pdf`` cannot be created there).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def safe_file_name(text: str, fallback: str = "file", max_bytes: int = MAX_BYTES) -> str:
    """``text`` as one file name without its extension: letters, digits, ``_`` and single dashes only.

    Separators (``/``, ``\\``), dots (so no ``..``), control and format characters, spaces and punctuation
    all become a dash; the result is never empty (``fallback``), never a Windows device name, and at most
    ``max_bytes`` bytes in UTF-8."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in text)
    name = _NOT_WORD.sub("-", text).strip("-_")
    while len(name.encode("utf-8")) > max_bytes:
        name = name[:-1]
    name = name.rstrip("-_")
    if not name:
        return fallback
    if name.casefold() in _RESERVED:
        name += "_"
    return name
