"""A fast generator of a whole school's store, for benchmarks: the demo's content at scale, without the ORM.

``generate_demo`` writes through the change-logged ORM path (about 65 ms per learner); a school of 10,000
learners with years of history would take hours. This writes the same tables with plain ``executemany`` in
one transaction per batch of learners, in exactly the storage formats SQLAlchemy uses on SQLite (``Uuid`` as
32-character hex, ``UTCDateTime`` as naive UTC ``YYYY-MM-DD HH:MM:SS.ffffff``, dates ``YYYY-MM-DD``, booleans
0/1), and writes the change-log rows ``changes.create``/``update``/``soft_delete`` would have written
(content as JSON of ``as_text`` values, UUIDs hyphenated there). What it writes loads through
``ProfileService`` and ``StagesService`` like anything the app wrote itself (``tests/bench`` checks it), and
its change log, replayed through the sync core into an empty store, gives back every row column for column
(``tests/services/test_bulk_is_one_write_path.py``): one write path in effect, checked at every schema change.

Each learner: about 15 profile entries (some teacher suggestions, a few edited or removed later), a backpack,
voice-and-choice options, 5 goals with 4 action steps, 6 check-ins, supports and evidence each, 12 Stages
assessments over four years (10 elements each) and 6 conferences. Deterministic for a given seed and day.
"""

from __future__ import annotations

import json
import operator
import random
import sqlite3
import time as _time
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from plprofile.domain import profile as d
from plprofile.domain.framework import Framework, default_framework
from plprofile.store.engine import Store
from plprofile.store.models import (
    Account,
    ActionStep,
    Assessment,
    AssessmentRating,
    BackpackItem,
    ChangeLog,
    CheckIn,
    ChoiceOption,
    Conference,
    Evidence,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
)
from plprofile.store.spans import DERIVED, refresh_spans

from .demo import (
    BACKPACK,
    CHOICES,
    CONF_AGREEMENTS,
    CONF_NOTES,
    FAMILY,
    GIVEN,
    GOALS,
    I_AM,
    NICKNAMES,
    POOLS,
    PRONOUNS,
    REFLECTIONS,
    TEACHER_SUGGESTIONS,
    WORDS,
    _snap,
)

#: meta key marking a finished bulk store: ``{"learners": N, "seed": S, "generator": G}``.
MARKER_KEY = "bench_store"
GENERATOR_VERSION = 1
YEARS = 4
LEARNERS_PER_GROUP = 25
SYSTEM_ID = "0" * 32

#: Profile entries per section (15 in all), before teacher suggestions.
SECTION_COUNTS: dict[d.Section, int] = {
    d.Section.STRENGTHS: 2, d.Section.CHALLENGES: 2, d.Section.INTERESTS: 2, d.Section.ASPIRATIONS: 1,
    d.Section.TALENTS: 1, d.Section.ACCESS_WORKS: 1, d.Section.ENGAGE_WORKS: 1, d.Section.EXPRESS_WORKS: 1,
}
EDITED = " (and I keep getting better at it)"

_LOG_COLUMNS = [c.name for c in ChangeLog.__table__.columns]
_TABLES = (Learner, Account, ProfileEntry, BackpackItem, ChoiceOption, Goal, ActionStep, GoalSupport, Evidence,
           CheckIn, Conference, Assessment, AssessmentRating)
#: Each table's column order: the change log's JSON lists a new row's fields in it, as ``changes.create`` does.
#: Columns with a default the generator leaves as it is (the learner's say: "my teacher and me").
_UNSAID = {m.__tablename__: {"shared_with_family": False} for m in _TABLES if "shared_with_family" in m.__table__.columns}
_ORDER = {m.__tablename__: {c.name: i for i, c in enumerate(m.__table__.columns)} for m in _TABLES}


class Id(str):
    """A key in SQLAlchemy's SQLite storage format (32 hex digits); the change log writes it hyphenated."""

    __slots__ = ()

    def dashed(self) -> str:
        return f"{self[:8]}-{self[8:12]}-{self[12:16]}-{self[16:20]}-{self[20:]}"


def _db(value: Any) -> Any:
    """A Python value as SQLAlchemy stores it on SQLite."""
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _log_text(value: Any) -> str:
    """``changes.as_text`` for the same value (datetimes are UTC, written aware)."""
    if isinstance(value, Id):
        return value.dashed()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat() + "+00:00"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Writer:
    """Buffers rows (in storage format) and their change-log rows for one batch, then writes them."""

    def __init__(self, rng: random.Random, device_id: str) -> None:
        self.rng = rng
        self.device_id = device_id
        self.columns = {m.__tablename__: [c.name for c in m.__table__.columns] for m in _TABLES}
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self.columns}
        self.log_rows: list[tuple[Any, ...]] = []
        #: Clock readings for the generated changes: from now on, one per change (``domain.hlc``'s text form).
        self.hlc_ms, self.hlc_counter = _time.time_ns() // 1_000_000, -1

    def new_id(self) -> Id:
        n = self.rng.getrandbits(128)
        n = (n & ~(0xF000 << 64)) | (0x4000 << 64)  # version 4
        n = (n & ~(0xC000 << 48)) | (0x8000 << 48)  # RFC 4122 variant
        return Id(f"{n:032x}")

    def log(self, at: str, learner_id: Id | None, entity: str, entity_id: Id, action: str,
            author: tuple[Id, str], field: str | None = None, old: str | None = None,
            new: str | None = None) -> None:
        self.hlc_counter += 1
        if self.hlc_counter > 99_999:
            self.hlc_ms, self.hlc_counter = self.hlc_ms + 1, 0
        self.log_rows.append((self.new_id(), at, learner_id, entity, entity_id, action, field, old, new,
                              author[0], author[1], self.device_id, None, self.last_hlc()))

    def last_hlc(self) -> str:
        return f"{self.hlc_ms:013d}-{self.hlc_counter:05d}-{self.device_id}"

    def create(self, table: str, at: datetime, author: tuple[Id, str], owner: Id | None, /,
               **fields: Any) -> dict[str, Any]:
        """A new row and its "create" change-log row (fields put in the model's column order)."""
        row_id = self.new_id()
        stamp = _db(at)
        order = _ORDER[table]
        # a column the generator does not set keeps its default, logged as the app logs it (false is a value)
        fields = {**_UNSAID.get(table, {}), **fields}
        fields = dict(sorted(fields.items(), key=lambda kv: order[kv[0]]))
        content = {k: _log_text(v) for k, v in fields.items() if v is not None and v != "" and k not in DERIVED}
        row = {"id": row_id, "created_at": stamp, "updated_at": stamp, "author_id": author[0],
               "author_role": author[1], "deleted_at": None, "version": 1}
        for k, v in fields.items():
            row[k] = _db(v)
        self.rows[table].append(row)
        self.log(stamp, owner, table, row_id, "create", author, new=json.dumps(content, ensure_ascii=False))
        return row

    def update(self, table: str, row: dict[str, Any], at: datetime, author: tuple[Id, str],
               owner: Id | None, /, **changes: Any) -> None:
        """Typed new values; the row's stored value is the old one (strings and numbers only)."""
        stamp = _db(at)
        for field, new in changes.items():
            old = row[field]
            if old == _db(new):
                continue
            row[field] = _db(new)
            self.log(stamp, owner, table, row["id"], "update", author, field,
                     None if old is None else str(old), None if new is None else _log_text(new))
        row["updated_at"] = stamp
        row["version"] += 1

    def soft_delete(self, table: str, row: dict[str, Any], at: datetime, author: tuple[Id, str],
                    owner: Id | None) -> None:
        row["deleted_at"] = row["updated_at"] = _db(at)
        row["version"] += 1
        self.log(row["deleted_at"], owner, table, row["id"], "delete", author)

    def flush(self, con: sqlite3.Connection) -> int:
        written = 0
        for table, rows in self.rows.items():
            if not rows:
                continue
            cols = self.columns[table]
            values = operator.itemgetter(*cols)
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            con.executemany(sql, [values(r) for r in rows])
            written += len(rows)
            rows.clear()
        con.executemany(f"INSERT INTO change_log ({', '.join(_LOG_COLUMNS)}) VALUES "
                        f"({', '.join('?' * len(_LOG_COLUMNS))})", self.log_rows)
        written += len(self.log_rows)
        if self.log_rows:  # the store's clock stays after every reading it holds
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('hlc', ?)", (self.last_hlc(),))
        self.log_rows.clear()
        return written


def _group_name(index: int) -> tuple[str, str]:
    """(grade, group) for the ``index``-th group of 25: grades 1 to 12, then letters A, B, ..., AA, AB, ..."""
    grade = index % 12 + 1
    n = index // 12
    letters = ""
    while True:
        letters = chr(ord("A") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            break
    return str(grade), f"{grade}{letters}"


def generate_bulk(store: Store, learners: int, *, seed: int = 2026, today: date | None = None,
                  batch: int = 250, progress: Callable[[int, int], None] | None = None) -> int:
    """Fill the (empty) ``store`` with ``learners`` learners, their teachers and four years of history.

    Returns the number of rows written (change log included). The store gets a ``bench_store`` meta row
    once everything is written, so a half-written store is never mistaken for a finished one.
    """
    today = today or date.today()
    start = today - timedelta(days=365 * YEARS)
    framework = default_framework()
    con = sqlite3.connect(store.path, isolation_level=None)
    try:
        # A throwaway fixture: durability of each batch does not matter, speed does. The file stays in WAL.
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-262144")
        con.execute("PRAGMA temp_store=MEMORY")
        if con.execute("SELECT count(*) FROM learner").fetchone()[0]:
            raise ValueError(f"{store.path} already has learners; bulk generation needs an empty store")
        rng = random.Random(seed)
        writer = _Writer(rng, store.device_id)
        teachers: list[tuple[Id, str]] = []
        names: list[str] = []
        groups = (learners + LEARNERS_PER_GROUP - 1) // LEARNERS_PER_GROUP
        written = 0
        con.execute("BEGIN")
        hired = datetime.combine(start - timedelta(days=30), time(8, 0))
        for g in range(max(groups, 1)):
            family = FAMILY[(g * 7) % len(FAMILY)]
            name = "Teacher" if g == 0 else f"{rng.choice(['Ms', 'Mr', 'Mx'])} {family}"
            row = writer.create("account", hired + timedelta(minutes=g), (Id(SYSTEM_ID), "teacher"), None,
                                kind="teacher", display_name=name, username=f"teacher{g + 1}",
                                learner_id=None, secret_hash=None, failed_attempts=0, locked_until=None,
                                sourced_id=None, enabled=True, password_temporary=False)
            teachers.append((row["id"], "teacher"))
            names.append(name)
        written += writer.flush(con)
        con.execute("COMMIT")
        made = 0
        while made < learners:
            n = min(batch, learners - made)
            con.execute("BEGIN")
            for i in range(made, made + n):
                g = i // LEARNERS_PER_GROUP
                _one_learner(writer, rng, i, teachers[g], names[g], start, today, framework)
            written += writer.flush(con)
            con.execute("COMMIT")
            made += n
            if progress is not None:
                progress(made, learners)
        with store.engine.begin() as conn:  # each assessment's overall value and span, as every write keeps them
            refresh_spans(conn)
        marker = json.dumps({"learners": learners, "seed": seed, "generator": GENERATOR_VERSION,
                             "today": today.isoformat()})
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (MARKER_KEY, marker))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return written
    finally:
        con.close()


def _one_learner(w: _Writer, rng: random.Random, index: int, teacher: tuple[Id, str], teacher_name: str,
                 start: date, today: date, framework: Framework) -> None:
    def at(day: date) -> datetime:
        return datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)))

    def between(a: date, b: date) -> date:
        return a + timedelta(days=rng.randint(0, max(0, (b - a).days)))

    grade, group = _group_name(index // LEARNERS_PER_GROUP)
    given = rng.choice(GIVEN)
    family = rng.choice(FAMILY)
    preferred = NICKNAMES.get(given, given)
    enrolled = start + timedelta(days=rng.randint(0, 30))
    learner = w.create("learner", at(enrolled), teacher, None, given_name=given, family_name=family,
                       preferred_name=preferred, pronouns=rng.choice(PRONOUNS), grade=grade, group_name=group,
                       external_id=f"S{100000 + index}", sourced_id=None, enabled=True)
    lid: Id = learner["id"]
    # the learner row's own change-log row carries its id (as ProfileService._insert_learner does)
    w.log_rows[-1] = w.log_rows[-1][:2] + (lid,) + w.log_rows[-1][3:]
    account = w.create("account", at(enrolled), teacher, lid, kind="learner", display_name=preferred,
                       username=f"{preferred}{family}{index}".casefold().replace(" ", "").replace("'", ""),
                       learner_id=lid, secret_hash=None, failed_attempts=0, locked_until=None, sourced_id=None,
                       enabled=True, password_temporary=False)
    me = (account["id"], "learner")
    first = enrolled + timedelta(days=rng.randint(3, 20))

    # ---- profile: 15 entries over the years, teacher suggestions, a few edits and removals
    entries: dict[d.Section, list[dict[str, Any]]] = {}

    def entry(section: d.Section, text: str, author: tuple[Id, str], day: date, position: int,
              agreement: str = "agreed", parent: Id | None = None, teacher_only: bool = False) -> dict[str, Any]:
        row = w.create("profile_entry", at(day), author, lid, learner_id=lid, section=section.value, text=text,
                       agreement=agreement, parent_id=parent, teacher_only=teacher_only, position=position)
        entries.setdefault(section, []).append(row)
        return row

    entry(d.Section.I_AM, rng.choice(I_AM), me, first, 0)
    for pos, word in enumerate(rng.sample(WORDS, 3)):
        entry(d.Section.MY_WORDS, word, me, first, pos)
    for section, k in SECTION_COUNTS.items():
        for pos, text in enumerate(rng.sample(POOLS[section], k)):
            entry(section, text, me, between(first, today), pos)
    if rng.random() < 0.6:
        entry(d.Section.STRENGTHS, rng.choice(TEACHER_SUGGESTIONS), teacher, between(first, today), 0,
              "suggestion", parent=entries[d.Section.STRENGTHS][0]["id"])
    if rng.random() < 0.3:
        entry(d.Section.CHALLENGES, "Gets tired after lunch; check sleep with family", teacher,
              between(first, today), 9, "suggestion", teacher_only=True)
    for row in rng.sample(entries[d.Section.INTERESTS] + entries[d.Section.STRENGTHS], 2):
        if rng.random() < 0.5:
            day = between(date.fromisoformat(row["created_at"][:10]), today)
            w.update("profile_entry", row, at(day), me, lid, text=row["text"] + EDITED)
    if rng.random() < 0.2:
        row = entries[d.Section.TALENTS][0]
        w.soft_delete("profile_entry", row, at(between(date.fromisoformat(row["created_at"][:10]), today)), me, lid)

    # ---- backpack and voice and choice
    challenges = entries[d.Section.CHALLENGES]
    items = []
    for name, kind, lens, helps in rng.sample(BACKPACK, 3):
        items.append(w.create(
            "backpack_item", at(between(first, today)), rng.choice([me, teacher]), lid, learner_id=lid, name=name,
            kind=kind.value, lens=lens.value, challenge_id=challenges[0]["id"] if rng.random() < 0.4 else None,
            how_it_helps=helps, agreement="agreed"))
    for dim, (today_opts, asked_opts) in rng.sample(list(CHOICES.items()), 4):
        w.create("choice_option", at(first), teacher, lid, learner_id=lid, dimension=dim.value,
                 availability=d.ChoiceAvailability.TODAY.value, text=today_opts[0], agreement="agreed")
        if rng.random() < 0.3:
            w.create("choice_option", at(between(first, today)), me, lid, learner_id=lid, dimension=dim.value,
                     availability=d.ChoiceAvailability.ASKED.value, text=asked_opts[0], agreement="agreed")

    # ---- 5 goals over the years: 4 steps, 6 check-ins, supports and evidence each
    span = (today - first).days
    for g_index, (statement, why, focus, lens, steps, evidence) in enumerate(rng.sample(GOALS, 5)):
        set_on = first + timedelta(days=span * g_index // 5 + rng.randint(0, 20))
        last = g_index == 4
        status = rng.choice([d.GoalStatus.IN_PROGRESS, d.GoalStatus.NOT_STARTED]) if last else rng.choice(
            [d.GoalStatus.ACHIEVED, d.GoalStatus.ACHIEVED, d.GoalStatus.REVISED, d.GoalStatus.SET_ASIDE,
             d.GoalStatus.IN_PROGRESS])
        goal = w.create("goal", at(set_on), me, lid, learner_id=lid, statement=statement, why=why,
                        focus=focus.value, lens=lens.value if lens else None,
                        target_date=set_on + timedelta(days=rng.choice([42, 70, 90])),
                        status=d.GoalStatus.NOT_STARTED.value, agreement="agreed")
        gid = goal["id"]
        if status is not d.GoalStatus.NOT_STARTED:
            w.update("goal", goal, at(set_on + timedelta(days=rng.randint(1, 10))), me, lid,
                     status=d.GoalStatus.IN_PROGRESS.value)
        if status not in (d.GoalStatus.NOT_STARTED, d.GoalStatus.IN_PROGRESS):
            w.update("goal", goal, at(min(today, set_on + timedelta(days=rng.randint(120, 200)))),
                     rng.choice([me, teacher]), lid, status=status.value)
        for pos, (text, owner) in enumerate(steps[:4]):  # the goal's own steps
            due = set_on + timedelta(days=7 * (pos + 1))
            done = status is d.GoalStatus.ACHIEVED or (status is d.GoalStatus.IN_PROGRESS and pos == 0)
            w.create("action_step", at(set_on), me, lid, goal_id=gid, learner_id=lid, text=text,
                     owner=owner.value, due_date=due, done=done, done_at=at(min(due, today)) if done else None,
                     position=pos)
        for item in rng.sample(items, rng.randint(1, 2)):
            w.create("goal_support", at(set_on), me, lid, goal_id=gid, learner_id=lid, backpack_item_id=item["id"])
        day, scale = set_on, rng.randint(1, 2)
        for _ in range(6):
            day = min(today, day + timedelta(days=rng.randint(10, 25)))
            scale = min(4, max(1, scale + rng.choice([-1, 0, 1, 1])))
            w.create("check_in", at(day), me, lid, goal_id=gid, learner_id=lid, on_date=day, scale=scale,
                     reflection=rng.choice(REFLECTIONS[scale]))
        kind, text, location = rng.choice(evidence)
        on = between(set_on, min(today, set_on + timedelta(days=150)))
        w.create("evidence", at(on), me, lid, goal_id=gid, learner_id=lid, kind=kind.value, text=text,
                 location=location, added_on=on, blob_id=None, best_work=False)

    # ---- 12 Stages assessments over the years; a conference at every other one
    pace = rng.choice([0.2, 0.3, 0.4, 0.5, 0.5, 0.6])  # stages gained per year
    base = rng.choice([1.0, 1.0, 1.0, 1.5])
    optimism = rng.choice([0.0, 0.0, 0.5, 0.5, 1.0])
    offsets = {e.id: rng.choice([-0.5, 0.0, 0.0, 0.0, 0.5]) for e in framework}
    step = (today - timedelta(days=5) - first).days / 12
    for k in range(12):
        held = first + timedelta(days=round(step * k) + rng.randint(0, 10))
        held_at = at(held)
        if k % 2 == 1:
            w.create("conference", held_at, teacher, lid, learner_id=lid, held_on=held,
                     participants=f"{preferred}, {teacher_name}", notes=rng.choice(CONF_NOTES),
                     agreements=rng.choice(CONF_AGREEMENTS),
                     next_checkin_on=held + timedelta(days=rng.randint(35, 60)), led_by="teacher")
        assessment = w.create("assessment", held_at, teacher, lid, learner_id=lid, assessed_on=held,
                              framework_id=framework.id, framework_version=framework.version, note="",
                              overall=None, next_on=None, partial=False)  # derived: refresh_spans, once all is written
        years = (held - start).days / 365
        for element in framework:
            true = base + pace * years + offsets[element.id] + rng.choice([-0.25, 0, 0, 0.25])
            teacher_value = _snap(true)
            learner_value = _snap(true + rng.choice([0.0, optimism, optimism, -0.5 * (optimism == 0)]))
            agreed = _snap((teacher_value + learner_value) / 2) if learner_value != teacher_value else teacher_value
            w.create("assessment_rating", held_at, teacher, lid, assessment_id=assessment["id"], learner_id=lid,
                     element_id=element.id, learner_value=learner_value, teacher_value=teacher_value,
                     agreed_value=agreed, note="", in_latest=False, carried_from=None)
