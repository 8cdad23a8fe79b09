"""The one-page conference summary for the learner and the family: the data, gathered in one place.

Rendering to PDF is Qt's job (plprofile.ui.pdf); this module only decides what the page says.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from plprofile.domain import profile as d
from plprofile.domain.framework import Framework
from plprofile.domain.profile import Actor, Agreement
from plprofile.domain.progress import Assessment, latest

from .profiles import ProfileService
from .stages import StagesService


@dataclass
class GoalLine:
    statement: str
    status: str
    steps_done: int
    steps_total: int
    next_step: str
    latest_checkin: int | None


@dataclass
class ConferenceSummary:
    learner_name: str
    full_name: str
    held_on: date
    participants: str
    agreements: str
    notes: str
    next_checkin_on: date | None
    i_am: str
    strengths: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    aspirations: list[str] = field(default_factory=list)
    lenses: dict[str, list[str]] = field(default_factory=dict)  # lens value -> what works
    backpack: list[str] = field(default_factory=list)
    goals: list[GoalLine] = field(default_factory=list)
    assessment: Assessment | None = None
    framework: Framework | None = None


def _agreed(entries, section: d.Section, limit: int) -> list[str]:  # noqa: ANN001
    return [e.text for e in entries if e.section == section.value and e.parent_id is None
            and e.agreement == Agreement.AGREED.value and not e.teacher_only][:limit]


def build_summary(profiles: ProfileService, stages: StagesService, actor: Actor, learner_id: uuid.UUID,
                  conference_id: uuid.UUID | None = None) -> ConferenceSummary:
    """What the page says: the latest (or given) conference, the profile in brief, goals and the Stages now."""
    view = profiles.load_profile(actor, learner_id)
    conference = next((c for c in view.conferences if c.id == conference_id), None) if conference_id else None
    conference = conference or (view.conferences[0] if view.conferences else None)
    history = stages.history(actor, learner_id)
    now = latest(history)
    goals = []
    for gv in view.goals:
        if gv.goal.status not in (d.GoalStatus.IN_PROGRESS.value, d.GoalStatus.NOT_STARTED.value,
                                  d.GoalStatus.ACHIEVED.value):
            continue
        open_steps = [s.text for s in gv.steps if not s.done]
        goals.append(GoalLine(gv.goal.statement, gv.goal.status, sum(s.done for s in gv.steps), len(gv.steps),
                              open_steps[0] if open_steps else "",
                              gv.checkins[-1].scale if gv.checkins else None))
    entries = view.entries
    i_am = _agreed(entries, d.Section.I_AM, 1)
    return ConferenceSummary(
        learner_name=view.learner.preferred_name,
        full_name=f"{view.learner.preferred_name} {view.learner.family_name}",
        held_on=conference.held_on if conference else date.today(),
        participants=conference.participants if conference else "",
        agreements=conference.agreements if conference else "",
        notes=conference.notes if conference else "",
        next_checkin_on=conference.next_checkin_on if conference else None,
        i_am=i_am[0] if i_am else "",
        strengths=_agreed(entries, d.Section.STRENGTHS, 4),
        interests=_agreed(entries, d.Section.INTERESTS, 4),
        aspirations=_agreed(entries, d.Section.ASPIRATIONS, 2),
        lenses={lens.value: _agreed(entries, works, 3) for lens, (works, _b) in d.LENS_SECTIONS.items()},
        backpack=[b.name for b in view.backpack][:6],
        goals=goals[:5],
        assessment=now,
        framework=stages.framework_for(actor, now.framework_id, now.framework_version) if now else None,
    )
