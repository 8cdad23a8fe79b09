"""What a conflict is about and who wrote each version, in people's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..kit.common import fmt_datetime
from ..kit.labels import section_in_full

translate = QCoreApplication.translate


def what(conflict) -> str:  # noqa: ANN001
    """Which part of the profile, as a person names it: "Strengths", "Goal", "A step of “Read more”"."""
    entity, field = conflict.entity, conflict.field
    if entity == "profile_entry":
        try:
            return section_in_full(conflict.section)
        except ValueError:
            return translate("decide", "Profile")
    if entity == "goal":
        return translate("decide", "Why this goal matters") if field == "why" else translate("decide", "Goal")
    if entity == "action_step":
        return translate("decide", "A step of the goal “{goal}”").format(goal=conflict.context)
    if entity == "evidence":
        return translate("decide", "Evidence for the goal “{goal}”").format(goal=conflict.context)
    if entity == "backpack_item":
        return (translate("decide", "Backpack: how it helps") if field == "how_it_helps"
                else translate("decide", "Backpack"))
    if entity == "choice_option":
        return translate("decide", "Voice and choice")
    if entity == "conference":
        return {"participants": translate("decide", "Conference: who took part"),
                "notes": translate("decide", "Conference: notes"),
                "agreements": translate("decide", "Conference: what was agreed")}.get(
            field, translate("decide", "Conference"))
    return translate("decide", "Profile")


def written(version, me_id) -> str:  # noqa: ANN001
    """Who wrote a version, when and where: "Written by Ana Diaz · 5 Dec 2026 10:42 · on another device"."""
    by = version.author_name or translate("decide", "someone")
    if version.author_id is not None and version.author_id == me_id:
        by = translate("decide", "you")
    where = (translate("decide", "on this device") if version.on_this_device
             else translate("decide", "on another device"))
    if version.written_at is None:
        return translate("decide", "Written by {who} · {where}").format(who=by, where=where)
    return translate("decide", "Written by {who} · {when} · {where}").format(
        who=by, when=fmt_datetime(version.written_at), where=where)


def removed_or_changed(version, me_id, removed: bool) -> str:  # noqa: ANN001
    """A removal and a change made apart: "Removed by Ana Diaz · 5 Dec 2026 10:42 · on this device"."""
    by = version.author_name or translate("decide", "someone")
    if version.author_id is not None and version.author_id == me_id:
        by = translate("decide", "you")
    where = (translate("decide", "on this device") if version.on_this_device
             else translate("decide", "on another device"))
    when = fmt_datetime(version.written_at) if version.written_at is not None else ""
    if removed:
        text = translate("decide", "Removed by {who} · {when} · {where}")
    else:
        text = translate("decide", "Changed by {who} · {when} · {where}")
    return text.format(who=by, when=when, where=where).replace(" ·  · ", " · ")
