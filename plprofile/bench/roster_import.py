"""How long importing a class roster takes: ``python -m plprofile.bench_import [ROWS ...]``.

``--oneroster STUDENTS`` measures a OneRoster set instead (STUDENTS learners, one teacher per 16 and one class
per 22 of them, six enrollments each): the first import, preview included, then the same set again.

Prints figures only; it never fails on time. Each size gets a fresh store in a temporary folder.
With ``--profile`` the import runs under pyinstrument and its call tree is printed.
"""

from __future__ import annotations

import argparse
import inspect
import tempfile
import time
from pathlib import Path

from plprofile.domain.roster import parse_roster
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store


def roster_csv(rows: int) -> bytes:
    lines = ["given_name,family_name,preferred_name,grade,group,external_id,pronouns"]
    lines += [f"Learner{i},Family{i},,{i % 12 + 1},G{i % 30},X{i},they/them" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def measure(rows: int, profile: bool = False) -> None:
    data = roster_csv(rows)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "data")
        try:
            teacher = teacher_actor(ensure_teacher(store))
            service = ProfileService(store)
            started = time.perf_counter()
            parsed = parse_roster(data)
            parsed_at = time.perf_counter()
            calls = 0

            def progress(_done: int, _total: int) -> None:
                nonlocal calls
                calls += 1

            profiler = None
            if profile:
                from pyinstrument import Profiler

                profiler = Profiler()
                profiler.start()
            if "progress" in inspect.signature(service.import_roster).parameters:
                service.import_roster(teacher, parsed, progress=progress)
            else:  # an older service, to measure the figures before
                service.import_roster(teacher, parsed)
            finished = time.perf_counter()
            if profiler is not None:
                profiler.stop()
                print(profiler.output_text(unicode=True, color=False))
        finally:
            store.close()
    print(f"{rows:>7,} rows: parse {parsed_at - started:6.2f} s, import {finished - parsed_at:6.2f} s, "
          f"{calls} progress calls")


def oneroster_set(students: int) -> dict[str, bytes]:
    """A bulk OneRoster 1.1 set: ``students`` learners, a teacher per 16, a class per 22, 6 classes each."""
    teachers, classes = max(1, students * 600 // 10_000), max(1, students * 450 // 10_000)
    head = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n"
    modes = "".join(f"file.{n},bulk\n" for n in ("orgs", "academicSessions", "classes", "users", "enrollments"))
    users = ["sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
             "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password"]
    users += [f"s{i},active,,true,org-1,student,,,Learnér{i},Family{i},,ID{i},,,,,05," for i in range(students)]
    users += [f"t{i},active,,true,org-1,teacher,,,Teacher{i},Staff{i},,,,,,,," for i in range(teachers)]
    rows = ["sourcedId,classSourcedId,userSourcedId,role,status"]
    rows += [f"e{i}-{k},c{(i * 6 + k) % classes},s{i},student,active" for i in range(students) for k in range(6)]
    rows += [f"t{c},c{c},t{c % teachers},teacher,active" for c in range(classes)]
    return {
        "manifest.csv": (head + modes).encode(),
        "orgs.csv": b"sourcedId,name,type\norg-1,School,school\n",
        "academicSessions.csv": b"sourcedId,title,type,startDate,endDate,schoolYear\n"
                                b"y1,2026-2027,schoolYear,2026-08-15,2027-06-30,2027\n",
        "classes.csv": ("sourcedId,title,termSourcedIds\n" + "".join(f"c{c},Class {c},y1\n"
                                                                    for c in range(classes))).encode(),
        "users.csv": ("\n".join(users) + "\n").encode(),
        "enrollments.csv": ("\n".join(rows) + "\n").encode(),
    }


def measure_oneroster(students: int) -> None:
    import resource

    from plprofile.domain.oneroster import parse_oneroster
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.school import SchoolService

    files = oneroster_set(students)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "data")
        try:
            admin = Actor(account_id=ensure_teacher(store).id, role=Role.TEACHER, admin=True)
            school = SchoolService(store)
            figures = []
            for _ in range(2):  # the first import, then the same set again
                started = time.perf_counter()
                work = school.preview_roster_set(admin, parse_oneroster(files))
                previewed = time.perf_counter()
                school.import_roster_set(admin, work)
                figures.append((previewed - started, time.perf_counter() - started, dict(work.counts)))
        finally:
            store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for label, (preview, total, counts) in zip(("first", "again"), figures, strict=True):
        print(f"OneRoster {students:,} students, {label}: preview {preview:6.2f} s, total {total:6.2f} s, "
              f"{counts['learners_added']:,} learners and {counts['enrollments_added']:,} enrollments added")
    print(f"peak RSS {rss:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="*", type=int, default=[5_000, 50_000])
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument call tree")
    parser.add_argument("--oneroster", type=int, metavar="STUDENTS", help="measure a OneRoster set instead")
    args = parser.parse_args()
    if args.oneroster:
        measure_oneroster(args.oneroster)
        return
    for rows in args.rows:
        measure(rows, args.profile)
