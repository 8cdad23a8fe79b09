"""School years: a new year closes the old year's classes and keeps, for every learner, a dated snapshot of
their whole profile as it stood (read-only); each open goal is carried over or closed with a reflection.

A preview (``preview_new_year``) says what will change; ``start_new_year`` writes all of it in one
transaction. The snapshot's content is the portable profile document (``services.portable``), so a snapshot
holds exactly what moving the learner to another school would carry.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from plprofile.domain import profile as d
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor, Role, ValidationError, clean_text
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import (
    AcademicSession,
    ChangeLog,
    CheckIn,
    Goal,
    Learner,
    SchoolClass,
    YearSnapshot,
)
from plprofile.store.types import utcnow

from .access import actor_first, check, require_learner_rows
from .portable import dumps_compact, profile_documents

SCHOOL_YEAR = "schoolYear"
#: Goal statuses that are finished: a new year leaves them as they are.
DONE = (d.GoalStatus.ACHIEVED.value, d.GoalStatus.SET_ASIDE.value)


@dataclass(frozen=True)
class OpenGoal:
    """An open goal as the year change lists it (carry over or close)."""

    id: uuid.UUID
    learner_id: uuid.UUID
    learner_name: str
    statement: str


@dataclass
class YearPlan:
    """What starting ``title`` on ``start`` will change (nothing is written until ``start_new_year``)."""

    title: str
    start: date
    old_title: str  # the year that ends ("" when the store has none yet)
    old_session_id: uuid.UUID | None
    classes_closing: int
    snapshots: int  # one per live learner
    open_goals: list[OpenGoal] = field(default_factory=list)
    stamp: Any = None


@dataclass(frozen=True)
class SnapshotView:
    id: uuid.UUID
    learner_id: uuid.UUID
    title: str
    taken_on: date


def _current(s) -> AcademicSession | None:  # noqa: ANN001
    return s.execute(select(AcademicSession).where(
        AcademicSession.session_type == SCHOOL_YEAR, AcademicSession.deleted_at.is_(None))
        .order_by(AcademicSession.start_date.desc().nulls_last(), AcademicSession.created_at.desc())
    ).scalars().first()


def _school_year(title: str, start: date) -> str:
    """OneRoster's ``schoolYear``: the year the school year ends in (four digits in the title, else guessed)."""
    digits = [int(w) for w in title.replace("/", "-").replace("–", "-").split("-") if w.strip().isdigit()
              and len(w.strip()) == 4]
    return str(max(digits)) if digits else str(start.year + (1 if start.month >= 7 else 0))


@actor_first
class YearService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def current_year(self, actor: Actor) -> str:
        """The name of the school year the store is in ("" before any)."""
        require(actor, Action.READ, Target(Kind.SCHOOL))
        with self.store.session() as s:
            year = _current(s)
            return year.title if year else ""

    def preview_new_year(self, actor: Actor, title: str, start: date) -> YearPlan:
        """What starting the school year ``title`` on ``start`` would change. Refused (ValidationError) with an
        empty name, or a start not after the current year's."""
        require(actor, Action.CREATE, Target(Kind.SCHOOL))
        title = clean_text(title, field="title", limit=200)
        stamp = self.store.data_stamp()
        with self.store.session() as s:
            plan = plan_year(s, title, start)
        plan.stamp = stamp
        return plan

    def start_new_year(self, actor: Actor, plan: YearPlan, closing: dict[uuid.UUID, str] | None = None) -> int:
        """Start the year of ``plan`` in one transaction: a snapshot of every learner's profile as it stands,
        the open classes closed (kept), the new year recorded, and the goals in ``closing`` (goal id → a
        one-line reflection) closed with that reflection as their closing check-in; every other open goal is
        carried over as it is, steps and evidence included. Refused if the store changed since the preview.
        Returns the number of snapshots."""
        require(actor, Action.CREATE, Target(Kind.SCHOOL))
        require(actor, Action.UPDATE, Target(Kind.SCHOOL))
        closing = dict(closing or {})
        open_ids = {g.id for g in plan.open_goals}
        reflections: dict[uuid.UUID, str] = {}
        for goal_id, text in closing.items():
            if goal_id not in open_ids:
                raise ValidationError("goal", "goal_not_open")
            reflections[goal_id] = clean_text(text, field="reflection", limit=300)
        if plan.stamp != self.store.data_stamp():
            raise ValidationError("year", "year_stale")
        with self.store.transaction() as s:
            made = change_year(s, self.store.device_id, actor, plan, reflections)
        return made

    def snapshots(self, actor: Actor, learner_id: uuid.UUID) -> list[SnapshotView]:
        """A learner's year snapshots, newest first (the learner's own, or a learner their teacher teaches)."""
        with self.store.session() as s:
            require_learner_rows(s, actor, learner_id, Kind.SNAPSHOT)
            rows = s.execute(select(YearSnapshot.id, YearSnapshot.learner_id, YearSnapshot.title,
                                    YearSnapshot.taken_on).where(YearSnapshot.learner_id == learner_id,
                                                                 YearSnapshot.deleted_at.is_(None))
                             .order_by(YearSnapshot.taken_on.desc(), YearSnapshot.created_at.desc())).all()
        return [SnapshotView(*r) for r in rows]

    def snapshot(self, actor: Actor, snapshot_id: uuid.UUID) -> dict[str, Any]:
        """One snapshot's profile document, as the reader may see it: a learner never sees teacher-only notes
        (nor suggestions on them) of their year either."""
        with self.store.session() as s:
            row = s.get(YearSnapshot, snapshot_id)
            if row is None or row.deleted_at is not None:
                raise changes.NotFoundError(f"year_snapshot {snapshot_id} not found")
            require_learner_rows(s, actor, row.learner_id, Kind.SNAPSHOT)
            document = json.loads(row.content)
        document["year"] = {"title": row.title, "taken_on": row.taken_on.isoformat()}
        if actor.role is Role.LEARNER:
            entries = document["tables"]["profile_entry"]
            hidden = {e["id"] for e in entries if e.get("teacher_only")}
            document["tables"]["profile_entry"] = [e for e in entries if e["id"] not in hidden
                                                   and e.get("parent_id") not in hidden]
            for item in document["tables"]["backpack_item"]:
                if item.get("challenge_id") in hidden:
                    item["challenge_id"] = None
        return document


def change_year(s, dev: str, actor: Actor, plan: YearPlan, reflections: dict[uuid.UUID, str] | None = None, *,  # noqa: ANN001
                new_session: bool = True) -> int:
    """The year change in the caller's transaction (``start_new_year``, or a roster import whose school year
    is newer: ``new_session=False``, the roster records the year itself). The caller has asked the policy.
    Returns the number of snapshots."""
    now = utcnow()
    # 1. every learner's profile as the year ends, before anything of it changes: read a chunk of learners at a
    # time as plain rows and written with one insert per chunk (a whole school's profiles never in memory)
    learner_ids = s.execute(select(Learner.id).where(Learner.deleted_at.is_(None))).scalars().all()
    title = plan.old_title or f"{plan.start.year - 1}-{plan.start.year}"
    role = str(actor.role)
    logged = json.dumps({"title": title, "taken_on": plan.start.isoformat()})
    conn = s.connection()
    made, snapshots, logs = 0, [], []
    for learner_id, document in profile_documents(s, list(learner_ids), family=False):
        snap_id = uuid.uuid4()
        snapshots.append({"id": snap_id, "created_at": now, "updated_at": now, "author_id": actor.account_id,
                          "author_role": role, "deleted_at": None, "version": 1, "learner_id": learner_id,
                          "session_id": plan.old_session_id, "title": title, "taken_on": plan.start,
                          "content": dumps_compact(document)})
        # the history says a snapshot was kept; its content is the profile the history already holds
        logs.append({"id": uuid.uuid4(), "at": now, "learner_id": learner_id, "entity": "year_snapshot",
                     "entity_id": snap_id, "action": "create", "field": None, "old_value": None,
                     "new_value": logged, "author_id": actor.account_id, "author_role": role, "device_id": dev,
                     "signed_in_id": None, "hlc": ""})
        made += 1
        if len(snapshots) >= 500:
            conn.execute(YearSnapshot.__table__.insert(), snapshots)
            conn.execute(ChangeLog.__table__.insert(), logs)
            snapshots, logs = [], []
    if snapshots:
        conn.execute(YearSnapshot.__table__.insert(), snapshots)
        conn.execute(ChangeLog.__table__.insert(), logs)
    # 2. the old year's classes close (kept, with their memberships, marked ended)
    for cls in s.execute(select(SchoolClass).where(SchoolClass.closed_at.is_(None),
                                                   SchoolClass.deleted_at.is_(None))).scalars():
        changes.update(s, dev, cls, {"closed_at": now}, actor, None)
    # 3. the new year
    if new_session:
        year = AcademicSession(title=plan.title, session_type=SCHOOL_YEAR, start_date=plan.start,
                               school_year=_school_year(plan.title, plan.start))
        changes.create(s, dev, year, actor, None)
    # 4. goals closed with a reflection (their closing check-in); the rest carried as they are
    for goal_id, reflection in (reflections or {}).items():
        goal = s.get(Goal, goal_id)
        if goal is None or goal.deleted_at is not None:
            raise changes.NotFoundError(f"goal {goal_id} not found")
        check(s, actor, Action.UPDATE, goal, {"status"})
        last = s.execute(select(CheckIn.scale).where(CheckIn.goal_id == goal.id, CheckIn.deleted_at.is_(None))
                         .order_by(CheckIn.on_date.desc(), CheckIn.created_at.desc())).scalars().first()
        ci = CheckIn(goal_id=goal.id, learner_id=goal.learner_id, on_date=plan.start,
                     scale=last if last is not None else d.CHECKIN_SCALE[0], reflection=reflection)
        check(s, actor, Action.CREATE, ci)
        changes.create(s, dev, ci, actor, goal.learner_id)
        changes.update(s, dev, goal, {"status": d.GoalStatus.SET_ASIDE.value}, actor, goal.learner_id)
    return made


def plan_year(s, title: str, start: date) -> YearPlan:  # noqa: ANN001
    """What starting ``title`` on ``start`` would change (the caller has asked the policy); a ValidationError
    when it does not start after the current year."""
    old = _current(s)
    if old is not None and old.start_date is not None and start <= old.start_date:
        raise ValidationError("start", "year_not_after", title=old.title, start=old.start_date)
    if old is not None and old.title.casefold() == title.casefold():
        raise ValidationError("title", "year_already", title=old.title)
    closing = s.execute(select(func.count()).select_from(SchoolClass).where(
        SchoolClass.closed_at.is_(None), SchoolClass.deleted_at.is_(None))).scalar_one()
    learners = s.execute(select(func.count()).select_from(Learner).where(
        Learner.deleted_at.is_(None))).scalar_one()
    goals = s.execute(select(Goal.id, Goal.learner_id, Learner.preferred_name, Learner.family_name,
                             Goal.statement).join(Learner, Learner.id == Goal.learner_id).where(
        Goal.deleted_at.is_(None), Learner.deleted_at.is_(None), Goal.status.not_in(DONE))
        .order_by(func.lower(Learner.family_name), func.lower(Learner.preferred_name), Goal.created_at)).all()
    return YearPlan(title, start, old.title if old else "", old.id if old else None, closing, learners,
                    [OpenGoal(g, lid, f"{p} {f}".strip(), st) for g, lid, p, f, st in goals])


def roster_year(s, sessions) -> YearPlan | None:  # noqa: ANN001
    """The year change a roster import brings: its newest school year (OneRoster ``academicSessions`` of type
    schoolYear) starts after the store's current one. None when it does not, or the store has no year yet (the
    first import only records the year)."""
    old = _current(s)
    years = [t for t in sessions if t.session_type == SCHOOL_YEAR and not t.deleted and t.start_date is not None]
    if old is None or old.start_date is None or not years:
        return None
    newest = max(years, key=lambda t: t.start_date)
    if newest.start_date <= old.start_date or old.sourced_id == newest.sourced_id:
        return None
    return plan_year(s, newest.title, newest.start_date)


__all__ = ["OpenGoal", "SnapshotView", "YearPlan", "YearService", "change_year", "plan_year", "roster_year"]
