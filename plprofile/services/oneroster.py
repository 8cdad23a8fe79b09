"""A OneRoster set into the store: first a plan of every change (the preview), then the plan in one transaction.

The plan is worked out from the set and the store as they are, before anything is written; writing it changes
exactly what the preview counted. ``sourcedId`` is the key of everything, so the same set imported again plans
nothing and writes nothing. A learner imported before from a plain CSV file is found by their student ID.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from plprofile.domain.oneroster import (
    ADMIN_ROLES,
    OneRosterMessage,
    OneRosterSet,
    Person,
    RosterWarning,
    located,
)
from plprofile.domain.profile import Actor, Role
from plprofile.domain.roster import RosterError, RosterProblem
from plprofile.store import changes
from plprofile.store.models import (
    AcademicSession,
    Account,
    ClassMember,
    FamilyContact,
    Learner,
    Org,
    SchoolClass,
)

COUNTS = ("learners_added", "learners_updated", "learners_left", "teachers_added", "classes_added",
          "enrollments_added", "enrollments_ended", "contacts_added", "contacts_updated", "contacts_removed")


@dataclass
class Plan:
    """Every change an import will make, and what the preview says about it."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    warnings: list[RosterWarning] = field(default_factory=list)
    creates: list[tuple[type, list[dict[str, Any]], list[uuid.UUID | None]]] = field(default_factory=list)
    updates: list[tuple[type, uuid.UUID, dict[str, Any], uuid.UUID | None]] = field(default_factory=list)
    #: Rows to soft-delete (a family contact the roster no longer gives): (model, id, owner learner).
    deletes: list[tuple[type, uuid.UUID, uuid.UUID | None]] = field(default_factory=list)
    #: Soft-deleted rows a later roster gives again, brought back before the updates.
    restores: list[tuple[type, uuid.UUID, uuid.UUID | None]] = field(default_factory=list)
    #: Classes of the store the set lists (not tobedeleted): open after the import, whatever closed them
    #: meanwhile (the year change of the same import closes the old year's classes before this plan is written).
    listed_classes: list[uuid.UUID] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.creates and not self.updates and not self.deletes and not self.restores


def plan(session: Session, rset: OneRosterSet) -> Plan:
    """What importing ``rset`` would change in the store; a ``RosterError`` if it would make the store wrong."""
    result = Plan(warnings=list(rset.warnings))
    problems: list[RosterProblem] = []
    creates: dict[type, tuple[list[dict[str, Any]], list[uuid.UUID | None]]] = {}

    def create(model: type, values: dict[str, Any], learner_id: uuid.UUID | None = None) -> uuid.UUID:
        values.setdefault("id", uuid.uuid4())
        rows, owners = creates.setdefault(model, ([], []))
        rows.append(values)
        owners.append(learner_id if model is not Learner else values["id"])
        return values["id"]

    def update(model: type, row: Any, values: dict[str, Any], owner: uuid.UUID | None = None) -> bool:
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if changed:
            result.updates.append((model, row.id, changed, owner))
        return bool(changed)

    def stored(model: type) -> dict[str, Any]:
        # plain rows, not ORM objects: a school's 60,000 memberships are read in a fraction of the time
        return {r.sourced_id: r for r in session.execute(
            select(*model.__table__.columns).where(model.sourced_id.is_not(None)))}

    # the school, its years and terms
    orgs = stored(Org)
    org_ids: dict[str, uuid.UUID] = {k: r.id for k, r in orgs.items()}
    for o in rset.orgs:
        if o.sourced_id in orgs:
            update(Org, orgs[o.sourced_id], {"name": o.name, "org_type": o.org_type})
        elif not o.deleted:
            org_ids[o.sourced_id] = create(Org, {"sourced_id": o.sourced_id, "name": o.name, "org_type": o.org_type})
    sessions = stored(AcademicSession)
    session_ids: dict[str, uuid.UUID] = {k: r.id for k, r in sessions.items()}
    new_sessions = []
    for t in rset.sessions:
        values = {"title": t.title, "session_type": t.session_type, "start_date": t.start_date,
                  "end_date": t.end_date, "school_year": t.school_year[:16]}
        if t.sourced_id in sessions:
            update(AcademicSession, sessions[t.sourced_id], values)
        elif not t.deleted:
            session_ids[t.sourced_id] = create(AcademicSession, {"sourced_id": t.sourced_id, **values})
            new_sessions.append((session_ids[t.sourced_id], t.parent))
    for row in creates.get(AcademicSession, ([], []))[0]:
        parent = next((p for i, p in new_sessions if i == row["id"]), "")
        row["parent_id"] = session_ids.get(parent)

    # classes
    classes = stored(SchoolClass)
    class_ids: dict[str, uuid.UUID] = {k: r.id for k, r in classes.items()}
    now = datetime.now(UTC)
    for c in rset.classes:
        values = {"title": c.title, "class_code": c.class_code[:100], "course_title": c.course_title[:200],
                  "grades": c.grades[:100], "org_id": org_ids.get(c.school),
                  "session_id": next((session_ids[t] for t in c.terms if t in session_ids), None)}
        if c.sourced_id in classes:
            row = classes[c.sourced_id]
            if c.deleted:
                if row.closed_at is None:
                    update(SchoolClass, row, {"closed_at": now})
            else:
                update(SchoolClass, row, {**values, "closed_at": None})
                result.listed_classes.append(row.id)
        elif not c.deleted:
            class_ids[c.sourced_id] = create(SchoolClass, {"sourced_id": c.sourced_id, **values})
            result.counts["classes_added"] += 1

    # people: learners by sourcedId (or the student ID of a learner imported from a plain file), staff accounts
    learners = stored(Learner)
    by_student_id = {r.external_id: r for r in session.execute(
        select(*Learner.__table__.columns).where(Learner.external_id.is_not(None)))}
    accounts = stored(Account)
    learner_ids: dict[str, uuid.UUID] = {}
    account_ids: dict[str, uuid.UUID] = {}
    leaving: set[uuid.UUID] = set()
    new_ids: dict[str, int] = {}
    for person in rset.people:
        if person.is_learner:
            _plan_learner(person, learners, by_student_id, new_ids, learner_ids, leaving, create, update,
                          result, problems)
        elif person.is_staff:
            kind = "admin" if person.role in ADMIN_ROLES else Role.TEACHER.value
            values = {"display_name": f"{person.given_name} {person.family_name}".strip()[:200],
                      "enabled": person.enabled, "kind": kind}
            row = accounts.get(person.sourced_id)
            if row is not None:
                update(Account, row, values)
                account_ids[person.sourced_id] = row.id
            elif not person.deleted:
                account_ids[person.sourced_id] = create(Account, {"sourced_id": person.sourced_id, **values})
                result.counts["teachers_added"] += 1
    if problems:
        raise RosterError(problems)

    # memberships
    members = stored(ClassMember)
    open_before: dict[uuid.UUID, int] = dict(session.execute(
        select(ClassMember.learner_id, func.count()).where(
            ClassMember.learner_id.is_not(None), ClassMember.ended_at.is_(None), ClassMember.deleted_at.is_(None))
        .group_by(ClassMember.learner_id)).all())
    open_after = dict(open_before)
    people = {p.sourced_id: p for p in rset.people}
    seen: set[str] = set()

    def end(row: ClassMember) -> None:
        if row.ended_at is None:
            update(ClassMember, row, {"ended_at": now}, row.learner_id)
            result.counts["enrollments_ended"] += 1
            if row.learner_id is not None:
                open_after[row.learner_id] -= 1

    for e in rset.enrollments:
        seen.add(e.sourced_id)
        row = members.get(e.sourced_id)
        if e.deleted:
            if row is not None:
                end(row)
            continue
        person = people.get(e.user_id)
        learner_id = learner_ids.get(e.user_id) or (learners[e.user_id].id if e.user_id in learners else None)
        account_id = account_ids.get(e.user_id) or (accounts[e.user_id].id if e.user_id in accounts else None)
        if person is not None and not (person.is_learner or person.is_staff):
            result.warnings.append(RosterWarning("enrollments.csv", e.row, OneRosterMessage(
                "not_enrolled_role", user=e.user_id, role=person.role)))
            continue
        class_id = class_ids.get(e.class_id)
        if class_id is None or (learner_id is None and account_id is None):
            result.warnings.append(RosterWarning("enrollments.csv", e.row, OneRosterMessage(
                "class_unknown", key=e.class_id) if class_id is None else OneRosterMessage(
                "user_unknown", key=e.user_id)))
            continue
        role = "student" if learner_id is not None else ("aide" if e.role == "aide" else "teacher")
        values = {"class_id": class_id, "learner_id": learner_id, "account_id": None if learner_id else account_id,
                  "role": role, "begin_date": e.begin_date, "end_date": e.end_date}
        if row is None:
            create(ClassMember, {"sourced_id": e.sourced_id, **values}, learner_id)
            result.counts["enrollments_added"] += 1
            if learner_id is not None:
                open_after[learner_id] = open_after.get(learner_id, 0) + 1
        else:
            if row.ended_at is not None:
                values["ended_at"] = None
                result.counts["enrollments_added"] += 1
                if learner_id is not None:
                    open_after[learner_id] = open_after.get(learner_id, 0) + 1
            update(ClassMember, row, values, learner_id)
    if rset.modes.get("enrollments") == "bulk":  # a bulk file is the whole truth: what it leaves out ended
        for key, row in members.items():
            if key not in seen:
                end(row)
    for learner_id in leaving:  # a learner marked tobedeleted leaves every class; their profile stays
        for row in session.execute(select(ClassMember).where(
                ClassMember.learner_id == learner_id, ClassMember.ended_at.is_(None))).scalars():
            if not any(u[1] == row.id for u in result.updates):
                end(row)
    _plan_family(session, rset, learners, learner_ids, create, update, result)
    result.counts["learners_left"] = sum(1 for lid, n in open_before.items() if n > 0 and open_after.get(lid, 0) <= 0)
    result.creates = [(model, rows, owners) for model, (rows, owners) in creates.items()]
    return result


def _plan_family(session: Session, rset: OneRosterSet, learners, learner_ids, create, update,  # noqa: ANN001
                 result: Plan) -> None:
    """The learners' family contacts: one row per (learner, family person) the set links; a bulk users file is
    the whole truth (a contact it no longer links is removed), a delta one adds and updates, and removes the
    people it marks ``tobedeleted``."""
    people = {p.sourced_id: p for p in rset.people}
    stored = {(r.learner_id, r.sourced_id): r for r in session.execute(
        select(*FamilyContact.__table__.columns).where(FamilyContact.sourced_id.is_not(None)))}
    wanted: set[tuple[uuid.UUID, str]] = set()
    for link in rset.family:
        person = people[link.contact]
        learner_id = learner_ids.get(link.learner) or (
            learners[link.learner].id if link.learner in learners else None)
        if learner_id is None:
            result.warnings.append(RosterWarning("users.csv", person.row, OneRosterMessage(
                "contact_no_student", learner=link.learner, role=person.role, key=person.sourced_id)))
            continue
        wanted.add((learner_id, person.sourced_id))
        values = {"relationship": person.role[:16], "given_name": person.given_name[:200],
                  "family_name": person.family_name[:200], "email": person.email, "phone": person.phone}
        row = stored.get((learner_id, person.sourced_id))
        if row is None:
            create(FamilyContact, {"learner_id": learner_id, "sourced_id": person.sourced_id, **values}, learner_id)
            result.counts["contacts_added"] += 1
        elif row.deleted_at is not None:
            result.restores.append((FamilyContact, row.id, learner_id))
            update(FamilyContact, row, values, learner_id)
            result.counts["contacts_added"] += 1
        elif update(FamilyContact, row, values, learner_id):
            result.counts["contacts_updated"] += 1
    bulk = rset.modes.get("users") == "bulk"
    gone = {p.sourced_id for p in rset.people if p.deleted}
    for (learner_id, key), row in stored.items():
        if row.deleted_at is None and (learner_id, key) not in wanted and (
                bulk or key in gone):
            result.deletes.append((FamilyContact, row.id, learner_id))
            result.counts["contacts_removed"] += 1


def _plan_learner(person: Person, learners, by_student_id, new_ids, learner_ids, leaving, create, update,  # noqa: ANN001
                  result: Plan, problems: list[RosterProblem]) -> None:
    values = {"given_name": person.given_name, "family_name": person.family_name,
              "preferred_name": person.preferred_name or person.given_name, "enabled": person.enabled}
    if person.pronouns:
        values["pronouns"] = person.pronouns
    if person.grades:
        values["grade"] = person.grades[:50]
    row = learners.get(person.sourced_id)
    if row is None and person.identifier:
        twin = by_student_id.get(person.identifier)
        if twin is not None and twin.sourced_id is None:
            row = twin  # imported before from a plain file: the roster takes them over, profile and all
            values["sourced_id"] = person.sourced_id
        elif twin is not None:
            problems.append(RosterProblem(person.row, None, located("users.csv", person.row, OneRosterMessage(
                "id_elsewhere", id=person.identifier, key=twin.sourced_id))))
            return
    if person.identifier:
        if person.identifier in new_ids:
            problems.append(RosterProblem(person.row, None, located("users.csv", person.row, OneRosterMessage(
                "id_twice", id=person.identifier, row=new_ids[person.identifier]))))
            return
        new_ids[person.identifier] = person.row
        values["external_id"] = person.identifier[:100]
    if row is not None:
        learner_ids[person.sourced_id] = row.id
        if person.deleted:
            leaving.add(row.id)
        elif update(Learner, row, values, row.id):
            result.counts["learners_updated"] += 1
        return
    if person.deleted:
        return
    new = {"sourced_id": person.sourced_id, "pronouns": "", "grade": "", "group_name": "", "external_id": None,
           **values}
    learner_ids[person.sourced_id] = create(Learner, new)
    result.counts["learners_added"] += 1


def apply(session: Session, device_id: str, actor: Actor, work: Plan) -> None:
    """Write ``work`` in the caller's transaction, with its change log (parents before children)."""
    order = {Org: 0, AcademicSession: 1, SchoolClass: 2, Learner: 3, Account: 4, ClassMember: 5, FamilyContact: 6}
    for model, rows, owners in sorted(work.creates, key=lambda c: order[c[0]]):
        if model is AcademicSession:  # a term's parent year first
            rows_owners = sorted(zip(rows, owners, strict=True), key=lambda ro: ro[0].get("parent_id") is not None)
            rows, owners = [r for r, _ in rows_owners], [o for _, o in rows_owners]
        changes.create_many(session, device_id, model, rows, actor, owners)
        if model is Learner:  # every learner has their own account, so what they write is authored as them
            changes.create_many(session, device_id, Account, [
                {"kind": Role.LEARNER.value, "display_name": r["preferred_name"], "learner_id": r["id"]}
                for r in rows], actor, [r["id"] for r in rows])
    for class_id in work.listed_classes:  # listed again: open in the year the roster gives it
        row = session.get(SchoolClass, class_id)
        if row.closed_at is not None:
            changes.update(session, device_id, row, {"closed_at": None}, actor, None)
    for model, row_id, owner in work.restores:
        changes.restore(session, device_id, session.get(model, row_id), actor, owner)
    for model, row_id, values, owner in work.updates:
        row = session.get(model, row_id)
        changes.update(session, device_id, row, values, actor, owner)
    for model, row_id, owner in work.deletes:
        changes.soft_delete(session, device_id, session.get(model, row_id), actor, owner)


#: The most a set may unpack to (a school of 10,000 learners is about 15 MB).
MAX_SET_BYTES = 500_000_000


def is_oneroster(path) -> bool:  # noqa: ANN001
    """Whether ``path`` is a OneRoster set: a .zip, or a folder holding manifest.csv."""
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        return (path / "manifest.csv").exists()
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04" and _zip_names(path) is not None


def _zip_names(path) -> list[str] | None:  # noqa: ANN001
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
    except zipfile.BadZipFile:
        return None
    return names if any(n.replace("\\", "/").rsplit("/", 1)[-1].casefold() == "manifest.csv" for n in names) else None


def read_set(path) -> dict[str, bytes]:  # noqa: ANN001
    """The CSV files of a OneRoster .zip or folder, by name (a ``RosterError`` if it cannot be read)."""
    import zipfile
    from pathlib import Path

    path = Path(path)

    def fail(code: str) -> RosterError:
        return RosterError([RosterProblem(None, None, OneRosterMessage(code))])

    if path.is_dir():
        files = {p.name: p.read_bytes() for p in path.iterdir() if p.is_file() and p.suffix.casefold() == ".csv"}
    else:
        try:
            with zipfile.ZipFile(path) as z:
                infos = [i for i in z.infolist() if not i.is_dir() and i.filename.casefold().endswith(".csv")]
                if sum(i.file_size for i in infos) > MAX_SET_BYTES:
                    raise fail("zip_too_big")
                files = {i.filename: z.read(i) for i in infos}
        except zipfile.BadZipFile:
            raise fail("bad_zip") from None
    return files
