"""The school's structure: classes, and the learners and teachers in them. A school admin changes it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from plprofile.domain.oneroster import OneRosterMessage, OneRosterSet, RosterWarning
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor, Role, ValidationError, clean_text
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import ClassMember, SchoolClass

from . import oneroster, years
from .access import actor_first

#: Roles in a class: a learner's, and the two a member of staff may have.
STUDENT, TEACHER, AIDE = "student", "teacher", "aide"


@dataclass(frozen=True)
class ClassView:
    """One class as a chooser shows it: its title and how many learners are in it now."""

    id: uuid.UUID
    title: str
    learners: int
    teaches: bool  # whether the actor teaches it


@actor_first
class SchoolService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list_classes(self, actor: Actor) -> list[ClassView]:
        """The open classes, by title, each with its learners counted (staff)."""
        require(actor, Action.READ, Target(Kind.SCHOOL))
        live = (ClassMember.ended_at.is_(None), ClassMember.deleted_at.is_(None))
        with self.store.session() as s:
            counts = dict(s.execute(select(ClassMember.class_id, func.count()).where(
                ClassMember.learner_id.is_not(None), *live).group_by(ClassMember.class_id)).all())
            mine = set(s.execute(select(ClassMember.class_id).where(
                ClassMember.account_id == actor.account_id, *live)).scalars())
            classes = s.execute(select(SchoolClass.id, SchoolClass.title).where(
                SchoolClass.closed_at.is_(None), SchoolClass.deleted_at.is_(None))
                .order_by(func.lower(SchoolClass.title))).all()
        return [ClassView(cid, title, counts.get(cid, 0), cid in mine) for cid, title in classes]

    def class_learners(self, actor: Actor, class_id: uuid.UUID) -> frozenset[uuid.UUID]:
        """The learners in a class now (their ids; what of them the actor sees is the class list's business)."""
        require(actor, Action.READ, Target(Kind.SCHOOL))
        with self.store.session() as s:
            return frozenset(s.execute(select(ClassMember.learner_id).where(
                ClassMember.class_id == class_id, ClassMember.learner_id.is_not(None),
                ClassMember.ended_at.is_(None), ClassMember.deleted_at.is_(None))).scalars())

    def add_class(self, actor: Actor, title: str, *, class_code: str = "") -> SchoolClass:
        require(actor, Action.CREATE, Target(Kind.SCHOOL))
        row = SchoolClass(title=clean_text(title, field="title", limit=200),
                          class_code=clean_text(class_code, field="class_code", required=False, limit=100))
        with self.store.transaction() as s:
            changes.create(s, self.store.device_id, row, actor, None)
        return row

    def add_member(self, actor: Actor, class_id: uuid.UUID, *, learner_id: uuid.UUID | None = None,
                   account_id: uuid.UUID | None = None, role: str = STUDENT) -> ClassMember:
        """A learner (role student) or a member of staff (teacher, aide) joins a class."""
        require(actor, Action.CREATE, Target(Kind.SCHOOL))
        if (learner_id is None) == (account_id is None) or (role == STUDENT) != (learner_id is not None) \
                or role not in (STUDENT, TEACHER, AIDE):
            raise ValueError("a class member is a learner (student) or a staff account (teacher or aide)")
        row = ClassMember(class_id=class_id, learner_id=learner_id, account_id=account_id, role=role)
        with self.store.transaction() as s:
            changes.create(s, self.store.device_id, row, actor, learner_id)
        return row

    def end_member(self, actor: Actor, member_id: uuid.UUID) -> None:
        """The membership ends (the learner and their profile stay)."""
        require(actor, Action.UPDATE, Target(Kind.SCHOOL))
        with self.store.transaction() as s:
            row = s.get(ClassMember, member_id)
            if row is None or row.deleted_at is not None:
                raise changes.NotFoundError(f"class_member {member_id} not found")
            changes.update(s, self.store.device_id, row, {"ended_at": datetime.now(UTC)}, actor, row.learner_id)

    # ---- a OneRoster set: a preview of every change, then all of them in one transaction -------------------
    def preview_roster_set(self, actor: Actor, rset: OneRosterSet) -> oneroster.Plan:
        """What importing ``rset`` would change (nothing is written). A ``RosterError`` if it would make the
        store wrong."""
        self._require_import(actor)
        stamp = self.store.data_stamp()
        with self.store.session() as s:
            work = oneroster.plan(s, rset)
            # a set whose school year is newer than the store's starts that year: the old one ends first
            year = years.roster_year(s, rset.sessions)
        work.stamp = stamp  # type: ignore[attr-defined]
        work.year = year  # type: ignore[attr-defined]
        if year is not None:
            work.counts["snapshots_kept"] = year.snapshots
            work.counts["classes_closed"] = year.classes_closing
            work.warnings.insert(0, RosterWarning("academicSessions.csv", None, OneRosterMessage(
                "new_year", title=year.title, start=year.start,
                old=year.old_title or OneRosterMessage("year_before"), n=year.snapshots, k=year.classes_closing)))
        return work

    def import_roster_set(self, actor: Actor, work: oneroster.Plan) -> dict[str, int]:
        """Write a previewed import in one transaction (nothing when it plans nothing); refused if the store
        changed since the preview."""
        self._require_import(actor)
        if work.empty:
            return dict(work.counts)
        if getattr(work, "stamp", None) != self.store.data_stamp():
            raise ValidationError("roster", "preview_stale")
        year = getattr(work, "year", None)
        if year is not None:
            require(actor, Action.UPDATE, Target(Kind.SCHOOL))
        with self.store.transaction() as s:  # the year change and the roster: one transaction
            if year is not None:
                years.change_year(s, self.store.device_id, actor, year, new_session=False)
            oneroster.apply(s, self.store.device_id, actor, work)
        return dict(work.counts)

    @staticmethod
    def _require_import(actor: Actor) -> None:
        for kind, extra in ((Kind.SCHOOL, {}), (Kind.LEARNER, {}), (Kind.ACCOUNT, {"account_kind": Role.TEACHER.value})):
            require(actor, Action.CREATE, Target(kind, **extra))


__all__ = ["AIDE", "STUDENT", "TEACHER", "ClassView", "SchoolService"]
