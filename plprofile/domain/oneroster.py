"""Read a 1EdTech OneRoster 1.1 or 1.2 CSV set (the files of a .zip or a folder) into checked records.

Pure Python: no Qt, no SQL, no files (the caller hands over each file's bytes by name). Every file is read
and checked before anything is returned. What would make the store wrong (a missing required file or column,
two rows with one ``sourcedId``, a person without a name) is a ``RosterError`` naming the file, the row and the
column; what is messy but unambiguous (``TRUE`` for true, a date written ``1/05/2023``, an unknown column, an
enrollment whose role disagrees with the person's own role, a person with only a secondary role) is read and
listed as a warning naming the file and row. A person's own role (``users.csv`` ``role`` in 1.1, ``roles.csv``
in 1.2) decides whether they are a learner; an enrollment row never does.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .errors import QT_TRANSLATE_NOOP, UserError
from .profile import MAX_NAME_CHARS
from .roster import RosterError, RosterProblem, decode_roster

__all__ = ["LEARNER_ROLES", "STAFF_ROLES", "ADMIN_ROLES", "FAMILY_ROLES", "OneRosterSet", "Person",
           "SchoolClassRecord", "EnrollmentRecord", "OrgRecord", "SessionRecord", "FamilyLink", "OneRosterMessage",
           "RosterWarning", "parse_oneroster"]

LEARNER_ROLES = frozenset({"student"})
ADMIN_ROLES = frozenset({"administrator", "districtadministrator", "siteadministrator", "systemadministrator"})
#: Staff who teach in a class: teacher accounts (aides with the class role ``aide``).
STAFF_ROLES = frozenset({"teacher", "aide", "proctor"}) | ADMIN_ROLES
#: Never learners and never accounts: kept as the family contacts of the learners they are linked to.
FAMILY_ROLES = frozenset({"guardian", "parent", "relative"})
DELETED = "tobedeleted"

# file -> (required columns, the other columns the specification defines); headers compare case-insensitively
_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "orgs": (("sourcedId", "name", "type"), ("status", "dateLastModified", "identifier", "parentSourcedId")),
    "academicSessions": (("sourcedId", "title", "type"),
                         ("status", "dateLastModified", "startDate", "endDate", "parentSourcedId", "schoolYear")),
    "courses": (("sourcedId", "title"), ("status", "dateLastModified", "schoolYearSourcedId", "courseCode",
                                         "grades", "orgSourcedId", "subjects", "subjectCodes")),
    "classes": (("sourcedId", "title"), ("status", "dateLastModified", "grades", "courseSourcedId", "classCode",
                                         "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects",
                                         "subjectCodes", "periods")),
    "users": (("sourcedId", "givenName", "familyName"),
              ("status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username", "userIds",
               "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password",
               "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName",
               "preferredFamilyName", "primaryOrgSourcedId", "pronouns")),
    "enrollments": (("sourcedId", "classSourcedId", "userSourcedId", "role"),
                    ("status", "dateLastModified", "schoolSourcedId", "primary", "beginDate", "endDate")),
    "roles": (("sourcedId", "userSourcedId", "roleType", "role"),
              ("status", "dateLastModified", "orgSourcedId", "beginDate", "endDate", "userProfileSourcedId")),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STRIP = " \t\r\n\ufeff\u00a0\u200b"


class OneRosterMessage(UserError, ValueError):
    """What is wrong or odd in a OneRoster set, in the language of whoever reads it. The values from the files
    (columns, keys, roles) are shown as the files spell them."""

    MESSAGES = {
        "at_row": QT_TRANSLATE_NOOP("services", "{file}, row {row}: {message}"),
        "in_file": QT_TRANSLATE_NOOP("services", "{file}: {message}"),
        "no_manifest": QT_TRANSLATE_NOOP("services", "The set has no manifest.csv, so it is not a OneRoster set."),
        "zip_too_big": QT_TRANSLATE_NOOP("services", "The .zip unpacks to more than 500 MB; that is not a school's "
                                                     "roster."),
        "bad_zip": QT_TRANSLATE_NOOP("services", "The .zip file is damaged or not a .zip file."),
        "nothing_to_import": QT_TRANSLATE_NOOP("services", "the set has no users, classes or enrollments to "
                                                           "import."),
        "unclosed_quote": QT_TRANSLATE_NOOP("services", "a value is far too long to read: a quote mark (\") may "
                                                        "never be closed."),
        "no_key": QT_TRANSLATE_NOOP("services", "sourcedId is empty; every row needs its key."),
        "absent_file": QT_TRANSLATE_NOOP("services", "the manifest says this file is absent; it was not read."),
        "no_role": QT_TRANSLATE_NOOP("services", "role is empty; the person was not imported."),
        "missing_file": QT_TRANSLATE_NOOP("services", "the manifest lists {file} ({mode}) but the set does not have "
                                                      "it."),
        "missing_columns": QT_TRANSLATE_NOOP("services", "the column {columns} is missing (the first row must hold "
                                                         "the column names)."),
        "row_too_wide": QT_TRANSLATE_NOOP("services", "the row has {n} values but there are {m} columns."),
        "duplicate_key": QT_TRANSLATE_NOOP("services", "sourcedId “{key}” is also on row {row}; each row needs its "
                                                       "own."),
        "empty": QT_TRANSLATE_NOOP("services", "{column} is empty."),
        "too_long": QT_TRANSLATE_NOOP("services", "{column} is too long ({n} characters, at most {limit})."),
        "id_elsewhere": QT_TRANSLATE_NOOP("services", "the student ID “{id}” belongs to another learner in the "
                                                      "store (sourcedId “{key}”)."),
        "id_twice": QT_TRANSLATE_NOOP("services", "the student ID “{id}” is also on row {row}."),
        "version": QT_TRANSLATE_NOOP("services", "oneroster.version is “{version}”; read as OneRoster 1.1."),
        "mode": QT_TRANSLATE_NOOP("services", "file.{name} is “{mode}”; read as bulk."),
        "unknown_column": QT_TRANSLATE_NOOP("services", "the column “{column}” is not a OneRoster column of this "
                                                        "file; it was not read."),
        "status": QT_TRANSLATE_NOOP("services", "status “{status}” is neither “active” nor “tobedeleted”; read as "
                                                "active."),
        "read_true": QT_TRANSLATE_NOOP("services", "{column} is “{value}”; read as true."),
        "read_false": QT_TRANSLATE_NOOP("services", "{column} is “{value}”; read as false."),
        "neither_true": QT_TRANSLATE_NOOP("services", "{column} is “{value}”, neither true nor false; read as "
                                                      "true."),
        "neither_false": QT_TRANSLATE_NOOP("services", "{column} is “{value}”, neither true nor false; read as "
                                                       "false."),
        "not_a_date": QT_TRANSLATE_NOOP("services", "{column} “{value}” is not a date written YYYY-MM-DD; it was "
                                                    "left out."),
        "second_primary": QT_TRANSLATE_NOOP("services", "user “{user}” has a second primary role “{role}”; the "
                                                        "“{kept}” of row {row} was kept."),
        "secondary_only": QT_TRANSLATE_NOOP("services", "user “{user}” has only a secondary role; “{role}” was "
                                                        "used."),
        "no_role_12": QT_TRANSLATE_NOOP("services", "user “{user}” has no role in roles.csv; they were not "
                                                    "imported."),
        "role_unused": QT_TRANSLATE_NOOP("services", "role “{role}” is not one plprofile uses; the person was not "
                                                     "imported."),
        "role_disagrees": QT_TRANSLATE_NOOP("services", "the role “{role}” disagrees with the own role “{own}” of "
                                                        "user “{user}”; their own role was used."),
        "not_enrolled_role": QT_TRANSLATE_NOOP("services", "user “{user}” is a {role}, not a learner or teacher; "
                                                           "the enrollment was not read."),
        "class_unknown": QT_TRANSLATE_NOOP("services", "class “{key}” is neither in the set nor in the store; the "
                                                       "enrollment was not read."),
        "user_unknown": QT_TRANSLATE_NOOP("services", "user “{key}” is neither in the set nor in the store; the "
                                                      "enrollment was not read."),
        "contact_no_name": QT_TRANSLATE_NOOP("services", "the {role} “{key}” has no name; they were not kept as a "
                                                         "family contact."),
        "contact_no_student": QT_TRANSLATE_NOOP("services", "the student “{learner}” of {role} “{key}” is neither "
                                                            "in the set nor in the store; the family contact was not "
                                                            "kept."),
        "new_year": QT_TRANSLATE_NOOP("services", "a new school year starts: {title}, from {start}. {old} ends: {n} "
                                                  "learner profile(s) kept as a snapshot of the year, {k} class(es) "
                                                  "closed, open goals carried over."),
        "year_before": QT_TRANSLATE_NOOP("services", "The year before"),
    }


def located(file: str, row: int | None, message: UserError) -> OneRosterMessage:
    """``message`` after the file and row it is about ("users.csv, row 3: …")."""
    if row:
        return OneRosterMessage("at_row", file=file, row=row, message=message)
    return OneRosterMessage("in_file", file=file, message=message)


@dataclass(frozen=True)
class RosterWarning:
    """Something odd the import read anyway (or left out), with where it is; ``str()`` in the reader's
    language."""

    file: str
    row: int | None
    message: UserError

    def __str__(self) -> str:
        return str(located(self.file, self.row, self.message))


@dataclass(frozen=True)
class OrgRecord:
    sourced_id: str
    name: str
    org_type: str
    deleted: bool


@dataclass(frozen=True)
class SessionRecord:
    sourced_id: str
    title: str
    session_type: str
    start_date: date | None
    end_date: date | None
    parent: str
    school_year: str
    deleted: bool


@dataclass(frozen=True)
class SchoolClassRecord:
    sourced_id: str
    title: str
    class_code: str
    course_title: str
    grades: str
    school: str
    terms: tuple[str, ...]
    deleted: bool


@dataclass(frozen=True)
class Person:
    """A row of ``users.csv`` with the role that decides what they become."""

    sourced_id: str
    row: int
    role: str  # lower-case OneRoster role: student, teacher, administrator, aide, guardian ...
    given_name: str
    family_name: str
    middle_name: str
    preferred_name: str
    pronouns: str
    identifier: str
    username: str
    grades: str
    enabled: bool
    orgs: tuple[str, ...]
    agents: tuple[str, ...]
    deleted: bool
    email: str = ""
    phone: str = ""

    @property
    def is_family(self) -> bool:
        return self.role in FAMILY_ROLES

    @property
    def is_learner(self) -> bool:
        return self.role in LEARNER_ROLES

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES


@dataclass(frozen=True)
class EnrollmentRecord:
    sourced_id: str
    row: int
    class_id: str
    user_id: str
    role: str
    begin_date: date | None
    end_date: date | None
    deleted: bool


@dataclass(frozen=True)
class FamilyLink:
    """A guardian, parent or relative (``contact``, a family person's sourcedId) of a student (``learner``).

    OneRoster links them through ``agentSourcedIds`` in ``users.csv`` (1.1 and 1.2 alike; the 1.2 REST binding
    calls the same list ``agents``): a student's row may list their guardians, a guardian's row the students they
    are an agent for. Either side is enough."""

    contact: str
    learner: str


@dataclass
class OneRosterSet:
    """A whole OneRoster set, checked: what each file says, and each file's mode (``bulk`` or ``delta``)."""

    version: str
    modes: dict[str, str]
    orgs: list[OrgRecord] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    classes: list[SchoolClassRecord] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    enrollments: list[EnrollmentRecord] = field(default_factory=list)
    family: list[FamilyLink] = field(default_factory=list)
    warnings: list[RosterWarning] = field(default_factory=list)


class _Problems:
    def __init__(self) -> None:
        self.problems: list[RosterProblem] = []
        self.warnings: list[RosterWarning] = []

    def refuse(self, file: str, row: int | None, message: UserError | str, /, **arguments: object) -> None:
        """``message``: a code of ``OneRosterMessage`` with its arguments, or a message already made."""
        if isinstance(message, str):
            message = OneRosterMessage(message, **arguments)
        self.problems.append(RosterProblem(row, None, located(f"{file}.csv", row, message)))

    def warn(self, file: str, row: int | None, code: str, /, **arguments: object) -> None:
        self.warnings.append(RosterWarning(f"{file}.csv", row, OneRosterMessage(code, **arguments)))


def parse_oneroster(files: dict[str, bytes]) -> OneRosterSet:
    """Read the files of a OneRoster set (``{"manifest.csv": b"...", "users.csv": b"..."}``; names compared
    without case and folder). Raises ``RosterError`` listing every problem that would make the store wrong."""
    by_name = {name.replace("\\", "/").rsplit("/", 1)[-1].casefold(): data for name, data in files.items()}
    p = _Problems()
    manifest_bytes = by_name.get("manifest.csv")
    if manifest_bytes is None:
        raise RosterError([RosterProblem(None, None, OneRosterMessage("no_manifest"))])
    manifest = _manifest(manifest_bytes, p)
    version = manifest.get("oneroster.version", "")
    if version not in ("1.1", "1.2"):
        p.warn("manifest", None, "version", version=version)
        version = "1.1"
    modes: dict[str, str] = {}
    tables: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for name in _COLUMNS:
        mode = manifest.get(f"file.{name}".casefold(), "absent").casefold()
        if name == "roles" and version == "1.1":
            mode = "absent" if mode == "absent" else mode
        if mode not in ("bulk", "delta", "absent"):
            p.warn("manifest", None, "mode", name=name, mode=mode)
            mode = "bulk"
        data = by_name.get(f"{name}.csv".casefold())
        if mode == "absent":
            if data is not None:
                p.warn(name, None, "absent_file")
            continue
        if data is None:
            p.refuse(name, None, "missing_file", file=f"{name}.csv", mode=mode)
            continue
        modes[name] = mode
        tables[name] = _table(name, data, p)
    if "users" not in modes and "enrollments" not in modes and "classes" not in modes:
        p.refuse("manifest", None, "nothing_to_import")
    result = OneRosterSet(version=version, modes=modes)
    _read_orgs(tables.get("orgs", []), result, p)
    _read_sessions(tables.get("academicSessions", []), result, p)
    courses = {r["sourcedid"]: r.get("title", "") for _, r in tables.get("courses", [])}
    _read_classes(tables.get("classes", []), courses, result, p)
    roles = _read_roles(tables.get("roles", []), p)
    _read_people(tables.get("users", []), roles, version, result, p)
    _read_enrollments(tables.get("enrollments", []), result, p)
    _link_family(result, p)
    if p.problems:
        raise RosterError(p.problems)
    result.warnings = p.warnings
    return result


# ---- files --------------------------------------------------------------------------------------------------
def _manifest(data: bytes, p: _Problems) -> dict[str, str]:
    rows = _table("manifest", data, p, required=("propertyName", "value"))
    return {r["propertyname"].casefold(): r.get("value", "").strip(_STRIP) for _, r in rows}


def _table(name: str, data: bytes, p: _Problems,
           required: tuple[str, ...] | None = None) -> list[tuple[int, dict[str, str]]]:
    """(row number, {lower-case column: value}) for each data row; header problems refused, unknown columns
    warned about."""
    try:
        text, _codec = decode_roster(data)
    except RosterError as exc:
        for problem in exc.problems:
            p.refuse(name, None, problem.message)
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
    except csv.Error:
        header = []
    names = [h.strip(_STRIP) for h in header]
    while names and not names[-1]:
        names.pop()  # trailing empty columns a spreadsheet left
    if required is None:
        required, optional = _COLUMNS[name]
    else:
        optional = ()
    known = {c.casefold(): c for c in (*required, *optional)}
    lowered = [n.casefold() for n in names]
    missing = [c for c in required if c.casefold() not in lowered]
    if missing:
        p.refuse(name, None, "missing_columns", columns=", ".join(f"“{c}”" for c in missing))
        return []
    for n in names:
        if n and n.casefold() not in known:
            p.warn(name, 1, "unknown_column", column=n)
    rows: list[tuple[int, dict[str, str]]] = []
    line = 1
    try:
        for record in reader:
            line += 1
            if not any(v.strip(_STRIP) for v in record):
                continue
            if len(record) > len(names) and any(v.strip(_STRIP) for v in record[len(names):]):
                p.refuse(name, line, "row_too_wide", n=len(record), m=len(names))
                continue
            values = {k: _clean(record[i]) if i < len(record) else "" for i, k in enumerate(lowered) if k}
            rows.append((line, values))
    except csv.Error:
        p.refuse(name, line + 1, "unclosed_quote")
    return rows


def _clean(value: str) -> str:
    value = value.strip(_STRIP)
    return value if value.isascii() else unicodedata.normalize("NFC", value)


# ---- values -------------------------------------------------------------------------------------------------
def _deleted(name: str, line: int, row: dict[str, str], p: _Problems) -> bool:
    status = row.get("status", "").casefold()
    if status and status not in ("active", DELETED):
        p.warn(name, line, "status", status=row.get("status"))
    return status == DELETED


def _bool(name: str, line: int, column: str, value: str, default: bool, p: _Problems) -> bool:
    folded = value.casefold()
    if folded in ("true", "1", "yes", "y"):
        if value != "true":
            p.warn(name, line, "read_true", column=column, value=value)
        return True
    if folded in ("false", "0", "no", "n"):
        if value != "false":
            p.warn(name, line, "read_false", column=column, value=value)
        return False
    if value:
        p.warn(name, line, "neither_true" if default else "neither_false", column=column, value=value)
    return default


def _date(name: str, line: int, column: str, value: str, p: _Problems) -> date | None:
    if not value:
        return None
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    p.warn(name, line, "not_a_date", column=column, value=value)
    return None


def _list(value: str) -> tuple[str, ...]:
    return tuple(v.strip(_STRIP) for v in value.split(",") if v.strip(_STRIP))


def _keyed(name: str, rows: list[tuple[int, dict[str, str]]], p: _Problems) -> list[tuple[int, dict[str, str]]]:
    """The rows that have a sourcedId, each sourcedId once (a second row with it is refused)."""
    seen: dict[str, int] = {}
    kept = []
    for line, row in rows:
        key = row.get("sourcedid", "")
        if not key:
            p.refuse(name, line, "no_key")
        elif key in seen:
            p.refuse(name, line, "duplicate_key", key=key, row=seen[key])
        else:
            seen[key] = line
            kept.append((line, row))
    return kept


def _name(name: str, line: int, column: str, value: str, p: _Problems, required: bool = True) -> str:
    if required and not value:
        p.refuse(name, line, "empty", column=column)
    elif len(value) > MAX_NAME_CHARS:
        p.refuse(name, line, "too_long", column=column, n=f"{len(value):,}", limit=MAX_NAME_CHARS)
    return value


# ---- records ------------------------------------------------------------------------------------------------
def _read_orgs(rows, result: OneRosterSet, p: _Problems) -> None:  # noqa: ANN001
    for line, r in _keyed("orgs", rows, p):
        result.orgs.append(OrgRecord(r["sourcedid"], _name("orgs", line, "name", r.get("name", ""), p),
                                     r.get("type", "") or "school", _deleted("orgs", line, r, p)))


def _read_sessions(rows, result: OneRosterSet, p: _Problems) -> None:  # noqa: ANN001
    for line, r in _keyed("academicSessions", rows, p):
        result.sessions.append(SessionRecord(
            r["sourcedid"], _name("academicSessions", line, "title", r.get("title", ""), p),
            r.get("type", "") or "schoolYear",
            _date("academicSessions", line, "startDate", r.get("startdate", ""), p),
            _date("academicSessions", line, "endDate", r.get("enddate", ""), p),
            r.get("parentsourcedid", ""), r.get("schoolyear", ""), _deleted("academicSessions", line, r, p)))


def _read_classes(rows, courses: dict[str, str], result: OneRosterSet, p: _Problems) -> None:  # noqa: ANN001
    for line, r in _keyed("classes", rows, p):
        result.classes.append(SchoolClassRecord(
            r["sourcedid"], _name("classes", line, "title", r.get("title", ""), p), r.get("classcode", ""),
            courses.get(r.get("coursesourcedid", ""), ""), r.get("grades", ""), r.get("schoolsourcedid", ""),
            _list(r.get("termsourcedids", "")), _deleted("classes", line, r, p)))


def _read_roles(rows, p: _Problems) -> dict[str, tuple[str, int, bool]]:  # noqa: ANN001
    """1.2 ``roles.csv``: each user's role (primary, else a secondary one), with the row and whether primary."""
    chosen: dict[str, tuple[str, int, bool]] = {}
    for line, r in _keyed("roles", rows, p):
        if _deleted("roles", line, r, p):
            continue
        user, role = r.get("usersourcedid", ""), r.get("role", "").casefold()
        primary = r.get("roletype", "").casefold() == "primary"
        before = chosen.get(user)
        if before is None or (primary and not before[2]):
            chosen[user] = (role, line, primary)
        elif primary and before[2] and before[0] != role:
            p.warn("roles", line, "second_primary", user=user, role=role, row=before[1], kept=before[0])
    return chosen


def _read_people(rows, roles: dict[str, tuple[str, int, bool]], version: str,  # noqa: ANN001
                 result: OneRosterSet, p: _Problems) -> None:
    for line, r in _keyed("users", rows, p):
        key = r["sourcedid"]
        deleted = _deleted("users", line, r, p)
        role = r.get("role", "").casefold()
        if key in roles:
            role, role_line, primary = roles[key]
            if not primary:
                p.warn("roles", role_line, "secondary_only", user=key, role=role)
        elif version == "1.2" and not role and not deleted:
            p.warn("users", line, "no_role_12", user=key)
            continue
        if not role and not deleted:
            p.warn("users", line, "no_role")
            continue
        learner = role in LEARNER_ROLES
        staff = role in STAFF_ROLES
        if not learner and not staff and role not in FAMILY_ROLES:
            p.warn("users", line, "role_unused", role=role)
        given = r.get("givenname", "")
        family = r.get("familyname", "")
        if (learner or staff) and not deleted:
            given = _name("users", line, "givenName", given, p)
            family = _name("users", line, "familyName", family, p)
        preferred = r.get("preferredgivenname", "")
        if preferred:
            _name("users", line, "preferredGivenName", preferred, p)
        result.people.append(Person(
            key, line, role, given, family, r.get("middlename", ""), preferred, r.get("pronouns", "")[:50],
            r.get("identifier", ""), r.get("username", ""), r.get("grades", ""),
            _bool("users", line, "enabledUser", r.get("enableduser", ""), True, p),
            _list(r.get("orgsourcedids", "")), _list(r.get("agentsourcedids", "")), deleted,
            r.get("email", "")[:254], (r.get("phone", "") or r.get("sms", ""))[:50]))


def _read_enrollments(rows, result: OneRosterSet, p: _Problems) -> None:  # noqa: ANN001
    people = {person.sourced_id: person for person in result.people}
    for line, r in _keyed("enrollments", rows, p):
        role = r.get("role", "").casefold()
        user = r.get("usersourcedid", "")
        person = people.get(user)
        if person is not None and role != person.role and not r.get("status", "").casefold() == DELETED:
            if person.is_learner or person.is_staff:
                p.warn("enrollments", line, "role_disagrees", role=role, user=user, own=person.role)
            role = person.role
        result.enrollments.append(EnrollmentRecord(
            r["sourcedid"], line, r.get("classsourcedid", ""), user, role,
            _date("enrollments", line, "beginDate", r.get("begindate", ""), p),
            _date("enrollments", line, "endDate", r.get("enddate", ""), p),
            _deleted("enrollments", line, r, p)))


def _link_family(result: OneRosterSet, p: _Problems) -> None:
    """Each family person's link to a student, from either side's ``agentSourcedIds``; a family person needs a
    name to be kept (a contact without one is no use to a teacher)."""
    people = {person.sourced_id: person for person in result.people}
    links: dict[tuple[str, str], None] = {}
    for person in result.people:
        if person.deleted:
            continue
        if person.is_family:
            for agent in person.agents:
                other = people.get(agent)
                if other is None or other.is_learner:  # a student of an earlier file is found in the store
                    links[person.sourced_id, agent] = None
        elif person.is_learner:
            for agent in person.agents:
                other = people.get(agent)
                if other is not None and other.is_family and not other.deleted:
                    links[agent, person.sourced_id] = None
    for person in result.people:
        if person.is_family and not person.deleted and not (person.given_name or person.family_name):
            if any(c == person.sourced_id for c, _ in links):
                p.warn("users", person.row, "contact_no_name", role=person.role, key=person.sourced_id)
                links = {k: v for k, v in links.items() if k[0] != person.sourced_id}
    result.family = [FamilyLink(c, learner) for c, learner in links]
