"""The school calendar as the app keeps it: the school year's terms (academic sessions, from a roster or the year
change) and the single days off a school admin lists; which days are holidays is ``domain.school_calendar``'s
rule. Staff read it; a school admin changes the days off."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from plprofile.domain import school_calendar as cal
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor, ValidationError, clean_text
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import AcademicSession, SchoolDayOff

from .access import actor_first

MAX_TITLE = 200


@dataclass(frozen=True)
class DayOffView:
    id: uuid.UUID
    day: date
    title: str


def holidays_between(session, first: date, last: date) -> set[date]:  # noqa: ANN001
    """The school's holidays from ``first`` to ``last``: the days between terms and the listed days off. For
    services that have already asked the policy (the rota and the due list)."""
    sessions = session.execute(select(AcademicSession.session_type, AcademicSession.start_date,
                                      AcademicSession.end_date, AcademicSession.school_year)
                               .where(AcademicSession.deleted_at.is_(None))).all()
    days_off = session.execute(select(SchoolDayOff.day).where(
        SchoolDayOff.deleted_at.is_(None), SchoolDayOff.day >= first, SchoolDayOff.day <= last)).scalars().all()
    return cal.holidays(cal.school_stretches(sessions), set(days_off), first, last)


@actor_first
class CalendarService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def days_off(self, actor: Actor) -> list[DayOffView]:
        """The days off the school listed, in date order."""
        require(actor, Action.READ, Target(Kind.SCHOOL))
        with self.store.session() as s:
            rows = s.execute(select(SchoolDayOff).where(SchoolDayOff.deleted_at.is_(None))
                             .order_by(SchoolDayOff.day)).scalars().all()
            return [DayOffView(r.id, r.day, r.title) for r in rows]

    def holidays(self, actor: Actor, first: date, last: date) -> set[date]:
        """The school's holidays from ``first`` to ``last`` (both included); weekends are not listed."""
        require(actor, Action.READ, Target(Kind.SCHOOL))
        with self.store.session() as s:
            return holidays_between(s, first, last)

    def add_day_off(self, actor: Actor, day: date, title: str = "") -> DayOffView:
        """List ``day`` as a day the school is closed (once: a day listed already is refused)."""
        title = clean_text(title, field="title", required=False, limit=MAX_TITLE)
        with self.store.transaction() as s:
            require(actor, Action.CREATE, Target(Kind.SCHOOL))
            if s.execute(select(SchoolDayOff.id).where(SchoolDayOff.day == day,
                                                       SchoolDayOff.deleted_at.is_(None))).first() is not None:
                raise ValidationError("day", "day_off_taken", day=day.isoformat())
            row = changes.create(s, self.store.device_id, SchoolDayOff(day=day, title=title), actor, None)
            return DayOffView(row.id, row.day, row.title)

    def remove_day_off(self, actor: Actor, day_off_id: uuid.UUID) -> None:
        """The day is a school day again (kept in the store as removed, like every row)."""
        with self.store.transaction() as s:
            require(actor, Action.DELETE, Target(Kind.SCHOOL))
            row = s.get(SchoolDayOff, day_off_id)
            if row is None or row.deleted_at is not None:
                raise changes.NotFoundError(f"school_day_off {day_off_id} not found")
            changes.soft_delete(s, self.store.device_id, row, actor, None)


__all__ = ["CalendarService", "DayOffView", "holidays_between"]
