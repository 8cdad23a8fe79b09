"""The one-page conference summary for the learner and the family: the data, gathered in one place.

Rendering to PDF is Qt's job (plprofile.ui.documents.pdf); this module only decides what the page says: agreed words only
(a teacher's suggestion the learner has not accepted, an entry or a goal, is left out), of the learner's own words
only those they shared with their family (the learner's say: ``shared_with_family``), of their evidence only the
pieces they shared (best work first, pictures as thumbnails), and for a past conference the Stages and the
check-ins as they stood on its day.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from plprofile.domain import profile as d
from plprofile.domain.framework import Framework
from plprofile.domain.profile import Actor, Agreement, Role
from plprofile.domain.progress import Assessment, latest_on_or_before

from .evidence_files import EvidenceFileService
from .profiles import ProfileService
from .stages import StagesService

#: The sections the family summary lists, in order (the lenses' "what works" come together as one line).
SUMMARY_SECTIONS = (d.Section.STRENGTHS, d.Section.CHALLENGES, d.Section.INTERESTS, d.Section.ASPIRATIONS,
                    d.Section.TALENTS)
WORKS_SECTIONS = tuple(works for works, _barriers in d.LENS_SECTIONS.values())


@dataclass(frozen=True)
class GoalLine:
    statement: str
    status: str
    steps_done: int
    steps_total: int
    next_step: str
    latest_checkin: int | None
    latest_checkin_on: date | None = None


@dataclass(frozen=True)
class EvidenceLine:
    """A piece of evidence the learner shared with their family: its words (or file name), its kind (``Media``
    value for a file, ``EvidenceKind`` value otherwise), their best-work mark and a picture's thumbnail."""

    id: uuid.UUID
    text: str
    kind: str
    best_work: bool
    thumbnail: bytes = b""


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
    challenges: list[str] = field(default_factory=list)
    talents: list[str] = field(default_factory=list)
    #: Shown when some text was shortened or some items left out: the full text is in the profile.
    shortened: bool = False
    #: Goals left off the page for room (they are in the profile).
    more_goals: int = 0
    #: "learner" for a student-led conference: the page speaks in the learner's voice ("I am proud of …").
    led_by: str = d.ConferenceLead.TEACHER.value
    #: What was said at the conference, in order: (speaker, kind, text) (``domain.profile.Speaker``, ``RemarkKind``).
    remarks: list[tuple[str, str, str]] = field(default_factory=list)
    #: Whom the page is for (a family contact's name, "For: …" under the title); empty: nobody named.
    addressed_to: str = ""
    #: How many of the learner's own entries, backpack items and goals they kept for "my teacher and me" (left out).
    kept_private: int = 0
    #: The sections (``Section`` values) with words the learner kept for their teacher and them.
    kept_sections: frozenset[str] = frozenset()
    #: The evidence the learner shared with their family, best work first, then the newest (issue 20).
    evidence: list[EvidenceLine] = field(default_factory=list)
    #: Whether the shared pictures show as thumbnails (the page's last resort for room is their names alone).
    evidence_pictures: bool = True


class NoConference(LookupError):
    """No conference of the learner on the day asked for."""


#: The most remarks (what was said at the conference) one page lists; more stay in the profile.
MAX_REMARKS = 12

# ---- shortening: one page for an ordinary profile, a note when anything was cut ---------------------------


@dataclass(frozen=True)
class Limits:
    """How much of each kind of text one page holds (characters, or items)."""

    item: int = 150
    items: int = 4
    quote: int = 220
    goals: int = 4
    goal: int = 160
    step: int = 90
    agreements: int = 420
    evidence: int = 4
    pictures: bool = True

    def tighter(self) -> Limits:
        """About a third less of everything (at least one item, one goal and a few words each)."""
        return Limits(item=max(40, round(self.item * 0.7)), items=max(1, self.items - 1),
                      quote=max(40, round(self.quote * 0.7)), goals=max(1, self.goals - 1),
                      goal=max(40, round(self.goal * 0.7)), step=max(30, round(self.step * 0.7)),
                      agreements=max(60, round(self.agreements * 0.7)), evidence=max(1, self.evidence - 1),
                      pictures=self.pictures and self.evidence > 3)


def shorten(text: str, limit: int) -> tuple[str, bool]:
    """``text`` cut at a word boundary to at most ``limit`` characters with "…"; and whether it was cut."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if len(text) <= limit:
        return text, False
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…", True


def fitted(summary: ConferenceSummary, limits: Limits) -> ConferenceSummary:
    """A copy within ``limits``, with ``shortened`` set when anything was cut or left out."""
    cut = False

    def one(text: str, limit: int) -> str:
        nonlocal cut
        short, was_cut = shorten(text, limit)
        cut = cut or was_cut
        return short

    def many(items: list[str]) -> list[str]:
        nonlocal cut
        cut = cut or len(items) > limits.items
        return [one(t, limits.item) for t in items[: limits.items]]

    goals = summary.goals[: limits.goals]
    cut = len(summary.goals) > limits.goals
    result = replace(
        summary,
        i_am=one(summary.i_am, limits.quote),
        strengths=many(summary.strengths), challenges=many(summary.challenges),
        interests=many(summary.interests), aspirations=many(summary.aspirations), talents=many(summary.talents),
        lenses={lens: many(works) for lens, works in summary.lenses.items()},
        goals=[replace(g, statement=one(g.statement, limits.goal), next_step=one(g.next_step, limits.step))
               for g in goals],
        agreements=one(summary.agreements, limits.agreements),
        # what was said is the conference itself: shortened like the rest, but kept before anything else is
        remarks=[(who, kind, one(text, limits.item)) for who, kind, text in summary.remarks[:MAX_REMARKS]],
        evidence=[replace(ev, text=one(ev.text, limits.step)) for ev in summary.evidence[:limits.evidence]],
        evidence_pictures=summary.evidence_pictures and limits.pictures,
    )
    cut = cut or len(summary.remarks) > MAX_REMARKS or len(summary.evidence) > limits.evidence
    result.shortened = summary.shortened or cut
    result.more_goals = summary.more_goals + max(0, len(summary.goals) - limits.goals)
    return result


# ---- which learner ---------------------------------------------------------------------------------------


def pick_learner(learners, name: str):  # noqa: ANN001, ANN201
    """The one learner ``name`` names (the whole name, preferred or given, case and accents as typed, or the
    student ID); LookupError saying why when none or several do."""
    wanted = " ".join(name.split()).casefold()
    found = [ls for ls in learners if wanted in {
        ls.display_name.casefold(), f"{ls.given_name} {ls.family_name}".casefold(),
        ls.preferred_name.casefold(), ls.given_name.casefold(), (ls.external_id or "").casefold()}]
    if not found:
        raise LookupError(f"no learner called '{name}'.")
    if len(found) > 1:
        names = ", ".join(f"{ls.display_name} ({ls.group_name or '-'})" for ls in found)
        raise LookupError(f"'{name}' names {len(found)} learners: {names}. Give the whole name or the student ID.")
    return found[0]


# ---- gathering ------------------------------------------------------------------------------------------


def for_family(row) -> bool:  # noqa: ANN001
    """Whether the family may read ``row``: a teacher's words, or the learner's own that they shared."""
    return row.author_role != Role.LEARNER.value or bool(getattr(row, "shared_with_family", False))


def _agreed(entries, section: d.Section) -> list[str]:  # noqa: ANN001
    return [e.text for e in entries if e.section == section.value and e.parent_id is None
            and e.agreement == Agreement.AGREED.value and not e.teacher_only and e.text.strip() and for_family(e)]


def build_summary(profiles: ProfileService, stages: StagesService, actor: Actor, learner_id: uuid.UUID,
                  conference_id: uuid.UUID | None = None, *, held_on: date | None = None) -> ConferenceSummary:
    """What the page says: the latest conference (or the one with ``conference_id``, or the one held on
    ``held_on``), the profile's agreed words, the agreed goals with their latest check-in and the Stages, as
    they stood on the conference's day. Words are today's agreed words (the history keeps older ones)."""
    view = profiles.load_profile(actor, learner_id)
    if held_on is not None:
        conference = next((c for c in view.conferences if c.held_on == held_on), None)
        if conference is None:
            raise NoConference(held_on)
    else:
        conference = next((c for c in view.conferences if c.id == conference_id), None) if conference_id else None
        conference = conference or (view.conferences[0] if view.conferences else None)
    day = conference.held_on if conference else date.today()
    latest_conference = conference is None or conference is view.conferences[0]
    history = stages.history(actor, learner_id)
    now = latest_on_or_before(history, max(day, date.today()) if latest_conference else day)
    goals = []
    kept = sum(1 for e in view.entries if e.parent_id is None and not e.teacher_only and not for_family(e))
    kept += sum(1 for b in view.backpack if not for_family(b))
    for gv in view.goals:
        goal = gv.goal
        if not for_family(goal):  # the learner kept it for their teacher and them
            kept += 1
            continue
        if goal.agreement != Agreement.AGREED.value or goal.status not in (
                d.GoalStatus.IN_PROGRESS.value, d.GoalStatus.NOT_STARTED.value, d.GoalStatus.REVISED.value,
                d.GoalStatus.ACHIEVED.value):
            continue
        open_steps = [s.text for s in gv.steps if not s.done]
        checkins = [c for c in gv.checkins if (latest_conference or c.on_date <= day) and for_family(c)]
        last = max(checkins, key=lambda c: c.on_date) if checkins else None
        order = {d.GoalStatus.IN_PROGRESS.value: 0, d.GoalStatus.REVISED.value: 0,
                 d.GoalStatus.NOT_STARTED.value: 1}.get(goal.status, 2)
        goals.append(((order, -goal.created_at.timestamp()), GoalLine(
            goal.statement, goal.status, sum(s.done for s in gv.steps), len(gv.steps),
            open_steps[0] if open_steps else "", last.scale if last else None, last.on_date if last else None)))
    # what is being worked on first (the newest first), then not started, then achieved: a short page keeps those
    goals = [line for _key, line in sorted(goals, key=lambda pair: pair[0])]
    evidence = _shared_evidence(profiles, actor, learner_id, view)
    entries = view.entries
    i_am = _agreed(entries, d.Section.I_AM)
    return ConferenceSummary(
        learner_name=view.learner.preferred_name,
        full_name=f"{view.learner.preferred_name} {view.learner.family_name}",
        held_on=day,
        participants=conference.participants if conference else "",
        agreements=conference.agreements if conference else "",
        notes=conference.notes if conference else "",
        next_checkin_on=conference.next_checkin_on if conference else None,
        i_am=i_am[0] if i_am else "",
        strengths=_agreed(entries, d.Section.STRENGTHS),
        challenges=_agreed(entries, d.Section.CHALLENGES),
        interests=_agreed(entries, d.Section.INTERESTS),
        aspirations=_agreed(entries, d.Section.ASPIRATIONS),
        talents=_agreed(entries, d.Section.TALENTS),
        lenses={lens.value: _agreed(entries, works) for lens, (works, _b) in d.LENS_SECTIONS.items()},
        backpack=[b.name for b in view.backpack if for_family(b)],
        goals=goals,
        assessment=now,
        framework=stages.framework_for(actor, now.framework_id, now.framework_version) if now else None,
        led_by=conference.led_by if conference else d.ConferenceLead.TEACHER.value,
        remarks=[(r.speaker, r.kind, r.text) for r in view.remarks_of(conference.id)] if conference else [],
        kept_private=kept,
        kept_sections=frozenset(e.section for e in entries if e.parent_id is None and not e.teacher_only
                                and e.agreement == Agreement.AGREED.value and not for_family(e)),
        evidence=evidence,
    )


def _shared_evidence(profiles: ProfileService, actor: Actor, learner_id: uuid.UUID,
                     view) -> list[EvidenceLine]:  # noqa: ANN001
    """The pieces of evidence the learner chose "my family too" for (only those: a teacher's piece too waits for
    the learner's say), best work first, then the newest; a picture with its thumbnail."""
    shared = [ev for gv in view.goals for ev in gv.evidence if ev.shared_with_family]
    if not shared:
        return []
    files = EvidenceFileService(profiles.store, profiles).files(actor, learner_id) if any(
        ev.blob_id for ev in shared) else {}
    shared.sort(key=lambda ev: (not ev.best_work, -ev.added_on.toordinal(), -ev.created_at.timestamp()))
    lines = []
    for ev in shared:
        info = files.get(ev.blob_id) if ev.blob_id else None
        if ev.blob_id and info is None:  # a file this actor may not read, or one removed
            continue
        lines.append(EvidenceLine(ev.id, ev.text or ev.location, info.media.value if info else ev.kind,
                                  ev.best_work, info.thumbnail if info and info.media.is_image else b""))
    return lines
