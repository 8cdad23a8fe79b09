"""OneRoster CSV sets written from the specification (1.1 and 1.2), with the quirks real exports have: a BOM,
CRLF line ends, quoted multi-value fields, accents, middle names, TRUE for true, a date as 1/05/2026, a
student in two classes, a guardian linked by agentSourcedIds, a disabled student."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

_BULK = ("academicSessions", "classes", "courses", "enrollments", "orgs", "users")
_ALL = ("academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
        "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users")


def _csv(*lines: str) -> bytes:
    return codecs.BOM_UTF8 + ("\r\n".join(lines) + "\r\n").encode("utf-8")


def manifest(version: str, modes: dict[str, str]) -> bytes:
    names = _ALL + (("roles", "userProfiles") if version == "1.2" else ())
    rows = ["propertyName,value", "manifest.version,1.0", f"oneroster.version,{version}"]
    rows += [f"file.{n},{modes.get(n, 'absent')}" for n in names]
    rows += ["source.systemName,Test SIS"]
    return _csv(*rows)


ORGS = _csv("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
            "org-1,active,2026-08-01T00:00:00Z,Escuela Núñez,school,,")
SESSIONS = _csv("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
                "y2027,active,,2026-2027,schoolYear,2026-08-15,2027-06-30,,2027",
                "t1,active,,Term 1,term,2026-08-15,2026-12-20,y2027,2027")
COURSES = _csv("sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,"
               "subjectCodes", "c-math,active,,y2027,Mathematics 5,M5,05,org-1,,")
CLASSES = _csv("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
               "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
               'cl-5a,active,,5A Maths,05,c-math,5A,scheduled,,org-1,"t1,y2027",,,',
               "cl-5b,active,,5B Maths,05,c-math,5B,scheduled,,org-1,t1,,,")
USERS_11 = _csv(
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
    "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,",  # a trailing empty column
    'u-zoe,active,,TRUE,"org-1,org-2",student,zoe,,Zoë,Moreau,Anne,S-1,,,,u-g1,05,,',
    "u-jose,active,,true,org-1,student,jose,,José,Núñez,,S-2,,,,,05,,",
    "u-sean,active,,false,org-1,student,sean,,Seán,O’Brien,,S-3,,,,,05,,",
    "u-t1,active,,true,org-1,teacher,rivera,,Ana,Rivera,,,,,,,,,",
    "u-adm,active,,true,org-1,administrator,boss,,Head,Teacher,,,,,,,,,",
    'u-g1,active,,true,org-1,guardian,,,Marie,Moreau,,,,,,"u-zoe",,,')
ENROLLMENTS = _csv(
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
    "e1,active,,cl-5a,org-1,u-zoe,student,false,2026-08-15,",
    "e2,active,,cl-5b,org-1,u-zoe,student,false,1/05/2026,",  # a student in two classes; a messy date
    "e3,active,,cl-5a,org-1,u-jose,student,,,",
    "e4,active,,cl-5b,org-1,u-sean,student,,,",
    "e5,active,,cl-5a,org-1,u-t1,teacher,true,,",
    "e6,active,,cl-5a,org-1,u-g1,student,,,")  # a guardian enrolled as a student: never a learner


def set_11() -> dict[str, bytes]:
    return {"manifest.csv": manifest("1.1", dict.fromkeys(_BULK, "bulk")), "orgs.csv": ORGS,
            "academicSessions.csv": SESSIONS, "courses.csv": COURSES, "classes.csv": CLASSES,
            "users.csv": USERS_11, "enrollments.csv": ENROLLMENTS}


USERS_12 = _csv(
    "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,"
    "email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,"
    "preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
    'u-zoe,active,,true,zoe,,Zoë,Moreau,Anne,S-1,,,,u-g1,05,,,,Zo,,,org-1,she/her',
    "u-jose,active,,true,jose,,José,Núñez,,S-2,,,,,05,,,,Pepe,,,org-1,he/him",
    "u-sean,active,,false,sean,,Seán,O’Brien,,S-3,,,,,05,,,,,,,org-1,",
    "u-t1,active,,true,rivera,,Ana,Rivera,,,,,,,,,,,,,,org-1,",
    "u-adm,active,,true,boss,,Head,Teacher,,,,,,,,,,,,,,org-1,",
    "u-g1,active,,true,,,Marie,Moreau,,,,,,u-zoe,,,,,,,,org-1,")
ROLES_12 = _csv(
    "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
    "r1,active,,u-zoe,primary,student,,,org-1,",
    "r2,active,,u-jose,primary,student,,,org-1,",
    "r3,active,,u-sean,primary,student,,,org-1,",
    "r4,active,,u-t1,primary,teacher,,,org-1,",
    "r5,active,,u-adm,secondary,administrator,,,org-1,",  # only a secondary role
    "r6,active,,u-g1,primary,guardian,,,org-1,")


def set_12() -> dict[str, bytes]:
    modes = dict.fromkeys((*_BULK, "roles"), "bulk")
    return {"manifest.csv": manifest("1.2", modes), "orgs.csv": ORGS, "academicSessions.csv": SESSIONS,
            "courses.csv": COURSES, "classes.csv": CLASSES, "users.csv": USERS_12, "roles.csv": ROLES_12,
            "enrollments.csv": ENROLLMENTS}


def delta_11() -> dict[str, bytes]:
    """José's enrollment in 5A ends; a new student, Aroha, joins 5B."""
    users = _csv("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                 "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
                 "u-new,active,,true,org-1,student,aroha,,Aroha,Ngata,,S-4,,,,,05,")
    enrollments = _csv("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
                       "beginDate,endDate",
                       "e3,tobedeleted,,cl-5a,org-1,u-jose,student,,,",
                       "e7,active,,cl-5b,org-1,u-new,student,,,")
    return {"manifest.csv": manifest("1.1", {"users": "delta", "enrollments": "delta"}), "users.csv": users,
            "enrollments.csv": enrollments}


_USERS_11_HEADER = ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                    "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password")
#: Family: Zoë's mother links herself to Zoë and to Zoë's brother Léo (a parent of two, from the parent's side);
#: Zoë's row names her grandfather (a relative, from the student's side, with a phone given only as sms); Léo's
#: row names his guardian, who lists nobody; a parent without a name; a parent of a student nobody knows.
USERS_FAMILY_11 = _csv(
    _USERS_11_HEADER,
    'u-zoe,active,,true,org-1,student,zoe,,Zoë,Moreau,,S-1,,,,"u-gp,u-g1",05,',
    "u-leo,active,,true,org-1,student,leo,,Léo,Moreau,,S-5,,,,u-gd,03,",
    "u-t1,active,,true,org-1,teacher,rivera,,Ana,Rivera,,,,,,,,",
    'u-g1,active,,true,org-1,parent,,,Marie,Moreau,,,marie.moreau@example.org,,+33 6 12 34 56 78,"u-zoe,u-leo",,',
    "u-gp,active,,true,org-1,relative,,,Henri,Dubois,,,,+33 6 99 88 77 66,,,,",
    "u-gd,active,,true,org-1,guardian,,,Awa,Diallo,,,awa@example.org,,,,,",
    "u-nn,active,,true,org-1,parent,,,,,,,,,,u-zoe,,",
    "u-far,active,,true,org-1,parent,,,Pat,Far,,,,,,u-ghost,,")
ENROLLMENTS_FAMILY = _csv(
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
    "e1,active,,cl-5a,org-1,u-zoe,student,,,",
    "e2,active,,cl-5b,org-1,u-leo,student,,,",
    "e5,active,,cl-5a,org-1,u-t1,teacher,true,,",
    "e6,active,,cl-5a,org-1,u-g1,parent,,,")  # a parent enrolled in a class: never a member


def set_family_11() -> dict[str, bytes]:
    return {"manifest.csv": manifest("1.1", dict.fromkeys(_BULK, "bulk")), "orgs.csv": ORGS,
            "academicSessions.csv": SESSIONS, "courses.csv": COURSES, "classes.csv": CLASSES,
            "users.csv": USERS_FAMILY_11, "enrollments.csv": ENROLLMENTS_FAMILY}


def set_family_12() -> dict[str, bytes]:
    """The same family in 1.2: roles in roles.csv, the links in users.csv's agentSourcedIds."""
    users = _csv(
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,"
        "email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,"
        "preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
        "u-zoe,active,,true,zoe,,Zoë,Moreau,,S-1,,,,u-g1,05,,,,Zo,,,org-1,she/her",
        "u-t1,active,,true,rivera,,Ana,Rivera,,,,,,,,,,,,,,org-1,",
        "u-g1,active,,true,,,Marie,Moreau,,,marie.moreau@example.org,,+33 6 12 34 56 78,u-zoe,,,,,,,,org-1,")
    roles = _csv(
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
        "userProfileSourcedId",
        "r1,active,,u-zoe,primary,student,,,org-1,",
        "r4,active,,u-t1,primary,teacher,,,org-1,",
        "r6,active,,u-g1,primary,parent,,,org-1,")
    enrollments = _csv(
        "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,"
        "endDate", "e1,active,,cl-5a,org-1,u-zoe,student,,,", "e5,active,,cl-5a,org-1,u-t1,teacher,true,,")
    modes = dict.fromkeys((*_BULK, "roles"), "bulk")
    return {"manifest.csv": manifest("1.2", modes), "orgs.csv": ORGS, "academicSessions.csv": SESSIONS,
            "courses.csv": COURSES, "classes.csv": CLASSES, "users.csv": users, "roles.csv": roles,
            "enrollments.csv": enrollments}


def delta_family() -> dict[str, bytes]:
    """Marie's new e-mail; the grandfather is tobedeleted; a new guardian for Léo, linked from the guardian's
    side to a student only the store knows."""
    users = _csv(
        _USERS_11_HEADER,
        'u-g1,active,,true,org-1,parent,,,Marie,Moreau,,,marie@example.net,,+33 6 12 34 56 78,"u-zoe,u-leo",,',
        "u-gp,tobedeleted,,true,org-1,relative,,,Henri,Dubois,,,,,,,,",
        "u-g2,active,,true,org-1,guardian,,,Omar,Diallo,,,,,,u-leo,,")
    return {"manifest.csv": manifest("1.1", {"users": "delta"}), "users.csv": users}


def write_zip(files: dict[str, bytes], path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def write_folder(files: dict[str, bytes], path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path
