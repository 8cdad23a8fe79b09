"""Names as people type them: one folding of text that makes "zoe", "ZOË", "obrien" and "O’Brien" meet.

Pure Python. ``fold`` takes Unicode compatibility decomposition (NFKD), drops the accents that decomposition
splits off, case-folds ("ß" → "ss") and removes apostrophes of every shape (', ’, ‘, ʼ, `, ´), so a name and
what someone types for it fold to the same text. The learner list folds each learner once per reading of the
class and each keystroke's words once; matching is then plain substring tests.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "learner_key", "matches_name", "query_words"]

# Apostrophes and the characters keyboards and word processors put in their place.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʻ`´′"), None)


def fold(text: str) -> str:
    """``text`` without case, accents or apostrophes: the form names are compared in."""
    if text.isascii():
        return text.casefold().translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # casefold can bring new compositions ("ǰ"), so decompose once more after it
    folded = unicodedata.normalize("NFKD", bare.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).translate(_APOSTROPHES)


def query_words(text: str) -> tuple[str, ...]:
    """The folded words of a search, each of which a learner's key must contain."""
    return tuple(w for w in fold(text).split() if w)


def learner_key(given_name: str, family_name: str, preferred_name: str, external_id: str | None) -> str:
    """One folded text a search looks into: preferred, given and family name, and the student ID."""
    return fold(f"{preferred_name} {given_name} {family_name} {external_id or ''}")


def matches_name(wanted: str, given_name: str, family_name: str, preferred_name: str) -> int:
    """How well ``wanted`` names a learner: 2 the full name (given or preferred, then family), 1 one of the
    names alone, 0 not at all; compared folded, with spaces made single."""
    w = " ".join(fold(wanted).split())
    given, family, preferred = fold(given_name), fold(family_name), fold(preferred_name)
    if w in {f"{given} {family}", f"{preferred} {family}"}:
        return 2
    return 1 if w in {given, family, preferred} else 0
