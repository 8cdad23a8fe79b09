"""Two versions of a learner's or teacher's words that two devices wrote at once (a sync conflict), and what a
person decides about them: keep the one in the profile, take the other, or keep both, joined. Pure Python."""

from __future__ import annotations

from enum import StrEnum

#: Short one-line fields: both versions are joined on one line; longer texts as two paragraphs.
ONE_LINE = frozenset({("goal", "statement"), ("action_step", "text"), ("backpack_item", "name"),
                      ("choice_option", "text"), ("conference", "participants")})


#: A conflict's field when one device removed the row while another changed that field's words
#: (``SyncConflict.field`` is this prefix and the field's name): keep it (``OTHER``) or remove it (``THIS``).
REMOVED = "removed:"


class Choice(StrEnum):
    THIS = "this"  # keep the version the profile holds now
    OTHER = "other"  # take the other version instead
    BOTH = "both"  # keep both, joined


def both(entity: str, field: str, current: str, other: str) -> str:
    """Both versions as one text a person reads: the one in the profile first."""
    current, other = (current or "").strip(), (other or "").strip()
    if not current or other in current:
        return other if not current else current
    if not other or current in other:
        return other or current
    return f"{current} / {other}" if (entity, field) in ONE_LINE else f"{current}\n\n{other}"


def chosen(choice: Choice, entity: str, field: str, current: str | None, other: str | None) -> str:
    """The field's text once ``choice`` is made."""
    if choice is Choice.THIS:
        return current or ""
    if choice is Choice.OTHER:
        return other or ""
    return both(entity, field, current or "", other or "")


def settled(entity: str, field: str, current: str | None, kept: str | None, lost: str | None) -> bool:
    """Whether a decision made on another device has reached this one by its words: the field now holds the
    version that lost the merge, or both joined (both of which only a decision writes). A decision to keep the
    version that won changes no words: the service finds it in the change log."""
    current = current or ""
    return current == (lost or "") or current == both(entity, field, kept or "", lost or "")
