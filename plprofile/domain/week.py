"""The teacher's week: who is due a conference on the rota, and everything else due, sorted by urgency.

Pure Python (dates in, lists out), so that every rule is tested against hand-made calendars.

**The conference rota.** Each learner has a one-to-one conference every ``cadence_weeks`` weeks: the next one
is due ``cadence_weeks`` × 7 days after the last (a learner who never had one is due at once). A week's
proposal takes every learner due by the week's Sunday who has no conference put on a day by the teacher, most
overdue first, and spreads them over the week's school days (Monday to Friday, less the school's holidays):
each goes to the day with fewest conferences among the days on or after their due day (any day of the week when
that leaves none, as for a learner due on the Saturday), the earlier day on a tie. A week without school days
proposes nobody: they stay due and come first the next week. A conference the teacher moved stays on its day.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from operator import attrgetter

DEFAULT_CADENCE_WEEKS = 3
SCHOOL_WEEKDAYS = (0, 1, 2, 3, 4)  # Monday to Friday


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def school_days(monday: date, holidays: Collection[date] = (), weekdays: Sequence[int] = SCHOOL_WEEKDAYS
                ) -> list[date]:
    """The school days of the week starting ``monday``."""
    return [d for d in (monday + timedelta(days=i) for i in weekdays) if d not in holidays]


def conference_due_on(last_held: date | None, cadence_weeks: int) -> date | None:
    """When the next conference is due: ``cadence_weeks`` after the last; None when there never was one."""
    return None if last_held is None else last_held + timedelta(weeks=cadence_weeks)


@dataclass(frozen=True)
class RotaLearner:
    learner_id: uuid.UUID
    last_held: date | None
    #: The day the teacher put their next conference on (None: the rota proposes one).
    planned_on: date | None = None
    #: Their place in the class list (by name), for ties.
    order: int = 0


def propose_week(learners: Iterable[RotaLearner], monday: date, cadence_weeks: int,
                 holidays: Collection[date] = ()) -> dict[uuid.UUID, date]:
    """The conferences of the week starting ``monday``: the teacher's moves that fall in it, and the rota's
    proposals for everyone else due by its Sunday (see the module's docstring)."""
    sunday = monday + timedelta(days=6)
    days = school_days(monday, holidays)
    plan: dict[uuid.UUID, date] = {}
    waiting: list[tuple[date, int, uuid.UUID]] = []
    for r in learners:
        if r.planned_on is not None and (r.last_held is None or r.planned_on > r.last_held):
            if monday <= r.planned_on <= sunday:
                plan[r.learner_id] = r.planned_on
            if r.planned_on >= monday:
                continue  # moved to this week (kept) or to a later one (not proposed now)
        due = conference_due_on(r.last_held, cadence_weeks)
        if due is None or due <= sunday:
            waiting.append((due or date.min, r.order, r.learner_id))
    if not days:
        return plan
    load = {d: sum(1 for p in plan.values() if p == d) for d in days}
    for due, _order, learner in sorted(waiting):
        candidates = [d for d in days if d >= due] or days
        day = min(candidates, key=lambda d: (load[d], d))
        plan[learner] = day
        load[day] += 1
    return plan


class DueKind(StrEnum):
    """What is due, in the order a tie on the day is read."""

    CONFERENCE = "conference"
    CHECKIN = "checkin"
    STEP = "step"
    GOAL_PAST = "goal_past"
    PROPOSAL = "proposal"
    ANSWER = "answer"  # a learner's answer to their teacher's question, since their latest conference
    STRATEGY_REVIEW = "strategy_review"
    STAGES = "stages"


#: The profile tab each kind opens on.
TAB_OF = {DueKind.CONFERENCE: "conferences", DueKind.CHECKIN: "goals", DueKind.STEP: "goals",
          DueKind.GOAL_PAST: "goals", DueKind.PROPOSAL: "conferences", DueKind.STAGES: "stages",
          DueKind.STRATEGY_REVIEW: "backpack", DueKind.ANSWER: "conferences"}
_KIND_ORDER = {k: i for i, k in enumerate(DueKind)}


@dataclass(frozen=True, slots=True)
class DueItem:
    learner_id: uuid.UUID
    kind: DueKind
    #: When it is (or was) due; None: never done (a learner never assessed, never in a conference).
    due_on: date | None
    #: What it is about: a goal's statement, a step's text, a proposal's words ("" when the kind says it all).
    subject: str = ""
    #: How many more of this kind the learner has due (steps, goals past their date): one line per learner
    #: and kind, the most urgent named, the rest counted (a learner's whole list opens on the tab).
    more: int = 0

    @property
    def tab(self) -> str:
        return TAB_OF[self.kind]

    def overdue(self, today: date) -> bool:
        return self.due_on is None or self.due_on < today


def by_urgency(items: Iterable[DueItem], order: dict[uuid.UUID, int] | None = None) -> list[DueItem]:
    """Most urgent first: never done, then the earliest day (so what is overdue the longest leads), then the
    kind (a conference before a check-in…), then the learner's place in the class list."""
    order = order or {}
    # the same order as sorting by (day, kind, place, subject) at once, in four stable passes from the last key to
    # the first: a whole school's 50,000 lines then take no key tuple each (about 5 MB at once)
    result = sorted(items, key=attrgetter("subject"))
    result.sort(key=lambda i: order.get(i.learner_id, 0))
    result.sort(key=lambda i: _KIND_ORDER[i.kind])
    result.sort(key=lambda i: i.due_on or date.min)
    return result


@dataclass(frozen=True)
class WeekFacts:
    """What the store knows that the week's list is made from (live rows of the learners in scope only)."""

    #: learner → (next check-in day agreed at their latest conference, whether a check-in came on or after it)
    checkins: dict[uuid.UUID, tuple[date, bool]]
    #: (learner, due day, step text[, how many more]) of steps not done, of goals still open: several of one
    #: learner make one line (``collapse``), the earliest named
    steps: Sequence[tuple]
    #: (learner, target day, statement[, how many more]) of goals not achieved nor set aside
    goals: Sequence[tuple]
    #: learner → day last assessed (None: never)
    assessed: dict[uuid.UUID, date | None]
    #: (learner, day written, words) of the learner's proposals for the next conference not yet talked about
    proposals: Sequence[tuple[uuid.UUID, date, str]]
    #: (learner, review day, strategy) of strategies tried whose review day has no answer on or after it
    reviews: Sequence[tuple[uuid.UUID, date, str]] = ()
    #: (learner, day answered, question) of answers to the teacher's questions since the learner's latest conference
    answers: Sequence[tuple[uuid.UUID, date, str]] = ()


def collapse(rows: Iterable[tuple]) -> list[tuple[uuid.UUID, date, str, int]]:
    """(learner, day, text[, more]) rows as one per learner: the earliest day (then the first text), and how
    many more there are (a row's own ``more`` counted in)."""
    first: dict[uuid.UUID, list] = {}
    for lid, day, text, *rest in rows:
        more = rest[0] if rest else 0
        kept = first.get(lid)
        if kept is None:
            first[lid] = [day, text, more]
        else:
            if (day, text) < (kept[0], kept[1]):
                kept[0], kept[1] = day, text
            kept[2] += 1 + more
    return [(lid, day, text, more) for lid, (day, text, more) in first.items()]


def due_items(facts: WeekFacts, conferences: dict[uuid.UUID, date], today: date, week_end: date,
              unrated_weeks: int) -> list[DueItem]:
    """Everything due by ``week_end`` (and everything overdue), unsorted."""
    items = [DueItem(lid, DueKind.CONFERENCE, day) for lid, day in conferences.items()]
    items += [DueItem(lid, DueKind.CHECKIN, day) for lid, (day, done) in facts.checkins.items()
              if not done and day <= week_end]
    items += [DueItem(lid, DueKind.STEP, day, text, more)
              for lid, day, text, more in collapse(s for s in facts.steps if s[1] <= week_end)]
    items += [DueItem(lid, DueKind.GOAL_PAST, day, text, more)
              for lid, day, text, more in collapse(g for g in facts.goals if g[1] < today)]
    cutoff = today - timedelta(weeks=unrated_weeks)
    items += [DueItem(lid, DueKind.STAGES, last) for lid, last in facts.assessed.items()
              if last is None or last < cutoff]
    items += [DueItem(lid, DueKind.PROPOSAL, day, text) for lid, day, text in facts.proposals]
    items += [DueItem(lid, DueKind.ANSWER, day, text) for lid, day, text in facts.answers]
    items += [DueItem(lid, DueKind.STRATEGY_REVIEW, day, text) for lid, day, text in facts.reviews if day <= week_end]
    return items


__all__ = ["DEFAULT_CADENCE_WEEKS", "DueItem", "DueKind", "RotaLearner", "TAB_OF", "WeekFacts", "by_urgency",
           "collapse", "conference_due_on", "due_items", "monday_of", "propose_week", "school_days"]
