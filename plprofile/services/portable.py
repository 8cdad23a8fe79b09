"""A learner's whole profile, portable: written to a versioned JSON document and read back into another store.

The document (described in ``resources/profile-export/SCHEMA.md``) holds the learner and every live row of their
profile: entries, backpack, choices, goals with steps, supports, evidence and check-ins, conferences, Stages
assessments and ratings, questions between conferences and the learner's answers, each with its id, timestamps,
author and agreement as stored, and the learner's own account (no sign-in name, no secret). Columns the store
derives (an assessment's overall value and span) are left out; the store works them out again. The change history
is not part of the schema.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import LargeBinary, select

from plprofile.domain import evidence_files as ef
from plprofile.domain.policy import Action, Kind, Target, require
from plprofile.domain.profile import Actor
from plprofile.store import changes, spans
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
    ConferenceRemark,
    Evidence,
    EvidenceBlob,
    EvidenceChunk,
    FamilyContact,
    Goal,
    GoalSupport,
    Learner,
    ProfileEntry,
    Question,
    QuestionAnswer,
)
from plprofile.store.types import UTCDateTime

from .access import actor_first, require_class, require_learner_rows
from .views import LearnerInfo

FORMAT = "plprofile-profile"
#: 2: conferences say who led them (``led_by``) and carry what was said (``conference_remark``).
#: 3: evidence files: ``evidence_blob`` and ``evidence_chunk`` (the bytes, base64), ``evidence.blob_id`` and
#: ``evidence.best_work``; and the learner's family contacts (``family_contact``), as the school's roster
#: gave them.
#: 4: questions between conferences and the learner's answers (``question``, ``question_answer``, an answer
#: given as a recording naming its file by ``blob_id``), and the learner's say on evidence
#: (``evidence.shared_with_family``).
SCHEMA_VERSION = 4
#: The tables of a profile, parents before children (the order rows are written in on import).
TABLES = (ProfileEntry, BackpackItem, ChoiceOption, Goal, ActionStep, GoalSupport, EvidenceBlob, EvidenceChunk,
          Evidence, CheckIn, Conference, ConferenceRemark, Assessment, AssessmentRating, FamilyContact, Question,
          QuestionAnswer)
#: Never exported: the store's derived columns, an account's sign-in name and secrets, and the school's own
#: roster keys and marks (``sourced_id``, ``enabled``), which belong to the school the learner leaves.
_SCHOOLS = {"sourced_id", "enabled"}
LEFT_OUT = {"assessment": {"overall", "next_on"}, "assessment_rating": {"in_latest"}, "learner": _SCHOOLS,
            "family_contact": {"sourced_id"},
            "account": {"username", "secret_hash", "failed_attempts", "locked_until", "password_temporary"} | _SCHOOLS}


class ProfileFileError(ValueError):
    """A profile document that cannot be imported; the message says why. Nothing was written."""


@dataclass(frozen=True)
class Preview:
    """What a profile document would bring, read before anything is written (for the person to confirm)."""

    learner_id: uuid.UUID
    name: str
    group_name: str
    external_id: str | None
    schema_version: int
    #: rows per table (``profile_entry``, ``goal`` …), in table order
    counts: dict[str, int]


@dataclass(frozen=True)
class MergeReport:
    """What a merge added and what it left as it was (a row already in the store, by id), per table."""

    learner_id: uuid.UUID
    added: dict[str, int]
    skipped: dict[str, int]

    @property
    def added_total(self) -> int:
        return sum(self.added.values())

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def preview(document: Any) -> Preview:  # noqa: ANN401
    """Check ``document`` as an import would and say what it holds; ProfileFileError when it cannot be imported.
    Reads nothing from any store: it is the file's own content."""
    learner, _account, tables = PortableService._read(document)
    return Preview(learner["id"], f"{learner['preferred_name']} {learner['family_name']}", learner["group_name"],
                   learner.get("external_id"), document["schema_version"],
                   {m.__tablename__: len(tables[m.__tablename__]) for m in TABLES})


@functools.cache
def columns(model) -> list[str]:  # noqa: ANN001
    """The columns of ``model`` a profile document holds, in table order (the same list every time: callers
    do not change it)."""
    left_out = LEFT_OUT.get(model.__tablename__, set())
    return [c.name for c in model.__table__.columns if c.name not in left_out]


def _encode(value: Any) -> Any:  # noqa: ANN401
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):  # a kept file's piece or thumbnail
        return base64.b64encode(value).decode("ascii")
    return value


def _decoder(column):  # noqa: ANN001, ANN202
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat
    if isinstance(kind, LargeBinary):
        return lambda v: base64.b64decode(v, validate=True) if isinstance(v, str) else _bad(column, v)
    try:
        python = kind.python_type
    except NotImplementedError:  # pragma: no cover
        return lambda v: v
    if python is uuid.UUID:
        return lambda v: uuid.UUID(str(v))
    if python is date:
        return date.fromisoformat
    if python is datetime:
        return datetime.fromisoformat
    if python is float:
        return lambda v: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else _bad(column, v)
    if python is int:
        return lambda v: v if isinstance(v, int) and not isinstance(v, bool) else _bad(column, v)
    if python is bool:
        return lambda v: v if isinstance(v, bool) else _bad(column, v)
    return lambda v: v if isinstance(v, str) else _bad(column, v)


def _bad(column, value: Any):  # noqa: ANN001, ANN202, ANN401
    raise ProfileFileError(f"The file is damaged ({column.table.name}.{column.name} holds {value!r}, which it "
                           "cannot hold); nothing was imported.")


def _row(model, obj) -> dict[str, Any]:  # noqa: ANN001
    return {name: _encode(getattr(obj, name)) for name in columns(model)}


@actor_first
class PortableService:
    """Export a learner's profile to a document, and import one into this store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def export_profile(self, actor: Actor, learner_id: uuid.UUID) -> dict[str, Any]:
        """The learner's whole profile as a document (teachers only: it holds teacher-only notes too)."""
        require_class(actor)
        with self.store.session() as s:
            learner = require_learner_rows(s, actor, learner_id, Kind.HISTORY)
            return profile_document(s, learner)

    @staticmethod
    def _parents_kept(model, row: dict[str, Any], kept: set[uuid.UUID]) -> bool:  # noqa: ANN001
        """Whether every row ``row`` refers to is in the document; a nullable reference to one left out (a row
        removed) is cleared instead."""
        for column in model.__table__.columns:
            if not column.foreign_keys or column.name == "learner_id" or row.get(column.name) is None:
                continue
            if uuid.UUID(row[column.name]) not in kept:
                if not column.nullable:
                    return False
                row[column.name] = None
        return True

    def import_profile(self, actor: Actor, document: Any) -> LearnerInfo:  # noqa: ANN401
        """Create the learner of ``document`` (from ``export_profile``) with everything in it, ids, times and
        authors as they were. Refused, with nothing written: a document of a newer schema, a damaged one, or a
        learner (or any row) already in this store."""
        require(actor, Action.CREATE, Target(Kind.LEARNER))
        learner_row, account_row, tables = self._read(document)
        with self.store.transaction() as s:
            if s.get(Learner, learner_row["id"]) is not None:
                raise ProfileFileError("This learner is already in this store; nothing was imported.")
            external = learner_row.get("external_id")
            if external and s.execute(select(Learner.id).where(Learner.external_id == external)).first():
                raise ProfileFileError(f"A learner with the student ID {external} is already in this store; "
                                       "nothing was imported.")
            conn = s.connection()
            conn.execute(Learner.__table__.insert(), [learner_row])
            if account_row is not None:
                if s.get(Account, account_row["id"]) is not None:
                    raise ProfileFileError("This learner's account is already in this store; nothing was imported.")
                conn.execute(Account.__table__.insert(), [account_row])
            _require_references(tables)
            for model in TABLES:
                rows = tables[model.__tablename__]
                if rows:
                    taken = s.execute(select(model.id).where(model.id.in_([r["id"] for r in rows]))).first()
                    if taken:
                        raise ProfileFileError("Part of this profile is already in this store; nothing was imported.")
                    conn.execute(model.__table__.insert(), rows)
            spans.refresh_spans(conn, [learner_row["id"]])
            count = sum(len(rows) for rows in tables.values())
            s.add(ChangeLog(hlc=changes.next_hlc(s, self.store.device_id), learner_id=learner_row["id"], entity="learner", entity_id=learner_row["id"],
                            action="create", field="import",
                            new_value=json.dumps({"imported": f"profile schema {SCHEMA_VERSION}", "rows": count}),
                            author_id=actor.account_id, author_role=str(actor.role), device_id=self.store.device_id))
        with self.store.session() as s:
            return LearnerInfo.of(s.get(Learner, learner_row["id"]))

    def merge_profile(self, actor: Actor, document: Any) -> MergeReport:  # noqa: ANN401
        """Add to a learner already in this store what ``document`` has and the store has not, by id: nothing in
        the store is changed or overwritten (a row already here, even one removed, stays as it is and is counted
        as skipped, and so is a row whose parent is not there). One transaction; refused, with nothing written,
        like an import (a newer schema, a damaged document), or when the learner is not in this store."""
        require(actor, Action.CREATE, Target(Kind.LEARNER))
        learner_row, account_row, tables = self._read(document)
        lid = learner_row["id"]
        added: dict[str, int] = {}
        skipped: dict[str, int] = {}
        with self.store.transaction() as s:
            if s.get(Learner, lid) is None:
                raise ProfileFileError("This learner is not in this store, so there is nothing to merge into: "
                                       "import the profile instead. Nothing was imported.")
            require_learner_rows(s, actor, lid, Kind.HISTORY)
            conn = s.connection()
            present: set[uuid.UUID] = {lid}
            if account_row is not None:
                has_account = s.execute(select(Account.id).where(Account.learner_id == lid)).first()
                if has_account or s.get(Account, account_row["id"]) is not None:
                    skipped["account"] = 1
                else:
                    conn.execute(Account.__table__.insert(), [account_row])
                    added["account"] = 1
            for model in TABLES:
                rows = tables[model.__tablename__]
                name = model.__tablename__
                ids = [r["id"] for r in rows]
                here = set(s.execute(select(model.id).where(model.id.in_(ids))).scalars()) if ids else set()
                fresh = []
                for row in rows:
                    if row["id"] in here:
                        present.add(row["id"])
                        skipped[name] = skipped.get(name, 0) + 1
                    elif self._parents_present(s, model, row, present):
                        fresh.append(row)
                        present.add(row["id"])
                    else:
                        skipped[name] = skipped.get(name, 0) + 1
                if fresh:
                    conn.execute(model.__table__.insert(), fresh)
                    added[name] = len(fresh)
            spans.refresh_spans(conn, [lid])
            s.add(ChangeLog(learner_id=lid, entity="learner", entity_id=lid, action="update", field="import",
                            new_value=json.dumps({"merged": f"profile schema {document['schema_version']}",
                                                  "added": sum(added.values()), "skipped": sum(skipped.values())}),
                            author_id=actor.account_id, author_role=str(actor.role), device_id=self.store.device_id))
        return MergeReport(lid, added, skipped)

    @staticmethod
    def _parents_present(s, model, row: dict[str, Any], present: set[uuid.UUID]) -> bool:  # noqa: ANN001
        """Whether every row ``row`` refers to is in the store or arrives with it (a nullable reference to a row
        that is nowhere is cleared, as an export does)."""
        for column in model.__table__.columns:
            if not column.foreign_keys or column.name == "learner_id" or row.get(column.name) is None:
                continue
            ref = row[column.name]
            if ref in present:
                continue
            target = next(iter(column.foreign_keys)).column.table
            same_learner = [target.c.learner_id == row["learner_id"]] if "learner_id" in target.c else []
            if s.execute(select(target.c.id).where(target.c.id == ref, *same_learner)).first() is not None:
                present.add(ref)
                continue
            if not column.nullable:
                return False
            row[column.name] = None
        return True

    @staticmethod
    def _read(document: Any):  # noqa: ANN401, ANN205
        """The rows of a document, decoded and checked; ProfileFileError saying what is wrong."""
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ProfileFileError("This is not a plprofile profile file; nothing was imported.")
        version = document.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ProfileFileError("The file does not say which version it is; nothing was imported.")
        if version > SCHEMA_VERSION:
            raise ProfileFileError(f"The file is of profile schema {version}, newer than this app reads "
                                   f"({SCHEMA_VERSION}): update plprofile first. Nothing was imported.")
        if version < 1:
            raise ProfileFileError(f"Profile schema {version} does not exist; nothing was imported.")
        tables = document.get("tables")
        if version == 1 and isinstance(tables, dict):
            tables = _from_schema_1(tables)
        if version <= 2 and isinstance(tables, dict):
            tables = _from_schema_2(tables)
            tables = {**tables, "family_contact": tables.get("family_contact", [])}
        if version <= 3 and isinstance(tables, dict):
            tables = _from_schema_3(tables)
        if not isinstance(tables, dict) or set(tables) != {m.__tablename__ for m in TABLES}:
            raise ProfileFileError("The file is damaged (its tables are not all there); nothing was imported.")

        def decode(model, raw: Any) -> dict[str, Any]:  # noqa: ANN001, ANN401
            names = columns(model)
            if isinstance(raw, dict) and "shared_with_family" in names and "shared_with_family" not in raw:
                raw = {**raw, "shared_with_family": False}  # a file from before the learner's say: not shared
            if not isinstance(raw, dict) or set(raw) != set(names):
                raise ProfileFileError(f"The file is damaged (a row of {model.__tablename__} has other fields); "
                                       "nothing was imported.")
            row = {}
            for column in model.__table__.columns:
                if column.name not in names:
                    continue
                value = raw[column.name]
                if value is None:
                    if not column.nullable and not column.primary_key:
                        raise ProfileFileError(f"The file is damaged ({model.__tablename__}.{column.name} is "
                                               "empty); nothing was imported.")
                    row[column.name] = None
                    continue
                try:
                    row[column.name] = _decoder(column)(value)
                except ProfileFileError:
                    raise
                except (TypeError, ValueError, AttributeError) as exc:
                    raise ProfileFileError(f"The file is damaged ({model.__tablename__}.{column.name}: "
                                           f"{value!r}); nothing was imported.") from exc
            return row

        learner = decode(Learner, document.get("learner"))
        account = None if document.get("account") is None else decode(Account, document["account"])
        rows = {}
        for model in TABLES:
            if not isinstance(tables[model.__tablename__], list):
                raise ProfileFileError("The file is damaged; nothing was imported.")
            rows[model.__tablename__] = [decode(model, r) for r in tables[model.__tablename__]]
        if learner["id"] is None:
            raise ProfileFileError("The file is damaged (the learner has no id); nothing was imported.")
        lid = learner["id"]
        if account is not None and account["learner_id"] != lid:
            raise ProfileFileError("The file is damaged (the account is someone else's); nothing was imported.")
        for table_rows in rows.values():
            if any(r["learner_id"] != lid or r["id"] is None for r in table_rows):
                raise ProfileFileError("The file is damaged (rows of another learner); nothing was imported.")
        _check_files(rows, lid)
        return learner, account, rows


def _require_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Every row a row of the document refers to (an answer's question, a step's goal …) is in the document: a
    whole profile imports whole, or not at all."""
    ids = {row["id"] for rows in tables.values() for row in rows}
    for model in TABLES:
        refs = [c.name for c in model.__table__.columns if c.foreign_keys and c.name != "learner_id"]
        for row in tables[model.__tablename__]:
            if any(row.get(name) is not None and row[name] not in ids for name in refs):
                raise ProfileFileError(f"The file is damaged (a row of {model.__tablename__} refers to one that is "
                                       "not in it); nothing was imported.")


def _check_files(rows: dict[str, list[dict[str, Any]]], learner_id: uuid.UUID) -> None:
    """Every kept file of a document is whole: its pieces, in order, have its SHA-256, its id is the one the
    learner and that hash make, and it is a kind and size the store keeps."""
    pieces: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for chunk in rows["evidence_chunk"]:
        pieces.setdefault(chunk["blob_id"], []).append(chunk)
    for blob in rows["evidence_blob"]:
        mine = sorted(pieces.pop(blob["id"], []), key=lambda c: c["position"])
        data = b"".join(c["data"] for c in mine)
        if ([c["position"] for c in mine] != list(range(blob["chunks"]))
                or hashlib.sha256(data).hexdigest() != blob["sha256"] or len(data) != blob["size"]
                or blob["id"] != ef.blob_id(learner_id, blob["sha256"]) or len(data) > ef.MAX_FILE_BYTES
                or ef.sniff(data[:16]) is None):
            raise ProfileFileError("The file is damaged (a kept file is not whole); nothing was imported.")
    if pieces:
        raise ProfileFileError("The file is damaged (pieces of a file that is not there); nothing was imported.")


def _from_schema_1(tables: dict[str, Any]) -> dict[str, Any]:
    """A schema 1 document's tables as schema 2 has them: every conference led by the teacher, nothing said."""
    tables = dict(tables)
    if "conference_remark" not in tables:
        tables["conference_remark"] = []
    conferences = tables.get("conference")
    if isinstance(conferences, list):
        tables["conference"] = [{**row, "led_by": "teacher"} if isinstance(row, dict) and "led_by" not in row
                                else row for row in conferences]
    return tables


def _from_schema_2(tables: dict[str, Any]) -> dict[str, Any]:
    """A schema 2 document's tables as schema 3 has them: no kept files, no evidence marked best work."""
    tables = dict(tables)
    for name in ("evidence_blob", "evidence_chunk"):
        tables.setdefault(name, [])
    evidence = tables.get("evidence")
    if isinstance(evidence, list):
        tables["evidence"] = [{"blob_id": None, "best_work": False, **row} if isinstance(row, dict) else row
                              for row in evidence]
    return tables


def _from_schema_3(tables: dict[str, Any]) -> dict[str, Any]:
    """A schema 3 document's tables as schema 4 has them: no questions asked, none answered (and, as for every
    row of the learner's words from before their say, no evidence shared with the family)."""
    return {**tables, "question": tables.get("question", []), "question_answer": tables.get("question_answer", [])}


def profile_document(s, learner: Learner, *, family: bool = True) -> dict[str, Any]:  # noqa: ANN001
    """The whole profile of ``learner`` as a document, read in the caller's session (``export_profile``'s
    content, and a school year's snapshot of it). The caller has asked the policy. ``family=False`` leaves the
    family contacts out (a year's snapshot, which the learner reads: contacts are staff's only)."""
    account = s.execute(select(Account).where(Account.learner_id == learner.id,
                                              Account.deleted_at.is_(None))).scalars().first()
    kept: set[uuid.UUID] = {learner.id}
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in TABLES:
        if model is FamilyContact and not family:
            tables[model.__tablename__] = []
            continue
        rows = s.execute(select(model).where(model.learner_id == learner.id, model.deleted_at.is_(None))
                         .order_by(model.created_at, model.id)).scalars().all()
        if model is ProfileEntry:  # an entry before the suggestions on it
            rows = sorted(rows, key=lambda r: r.parent_id is not None)
        out = []
        for obj in rows:
            row = _row(model, obj)
            if not PortableService._parents_kept(model, row, kept):
                continue
            kept.add(obj.id)
            out.append(row)
        tables[model.__tablename__] = out
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "learner": _row(Learner, learner),
            "account": _row(Account, account) if account else None, "tables": tables}


def profile_documents(s, learner_ids: list[uuid.UUID], *, family: bool = True,  # noqa: ANN001
                      chunk: int = 500):  # noqa: ANN201
    """``(learner_id, document)`` for each of ``learner_ids``, as ``profile_document`` writes it, read a chunk
    of learners at a time: one query per table per chunk, plain rows rather than ORM objects (a school year's
    snapshots of a whole school). The caller has asked the policy."""
    for start in range(0, len(learner_ids), chunk):
        ids = learner_ids[start:start + chunk]

        def rows_of(model, where, order=()):  # noqa: ANN001, ANN202
            return s.execute(select(*model.__table__.columns).where(*where).order_by(*order)).all()

        learners = {r.id: r for r in rows_of(Learner, (Learner.id.in_(ids),))}
        accounts: dict[uuid.UUID, Any] = {}
        for r in rows_of(Account, (Account.learner_id.in_(ids), Account.deleted_at.is_(None))):
            accounts.setdefault(r.learner_id, r)
        by_table: dict[type, dict[uuid.UUID, list[Any]]] = {}
        for model in TABLES:
            grouped: dict[uuid.UUID, list[Any]] = {}
            if model is not FamilyContact or family:
                for r in rows_of(model, (model.learner_id.in_(ids), model.deleted_at.is_(None)),
                                 (model.learner_id, model.created_at, model.id)):
                    grouped.setdefault(r.learner_id, []).append(r)
            by_table[model] = grouped
        for learner_id in ids:
            learner = learners.get(learner_id)
            if learner is None:
                continue
            kept: set[uuid.UUID] = {learner_id}
            tables: dict[str, list[dict[str, Any]]] = {}
            for model in TABLES:
                found = by_table[model].get(learner_id, [])
                if model is ProfileEntry:  # an entry before the suggestions on it
                    found = sorted(found, key=lambda r: r.parent_id is not None)
                out = []
                for obj in found:
                    row = _row(model, obj)
                    if not PortableService._parents_kept(model, row, kept):
                        continue
                    kept.add(obj.id)
                    out.append(row)
                tables[model.__tablename__] = out
            account = accounts.get(learner_id)
            yield learner_id, {"format": FORMAT, "schema_version": SCHEMA_VERSION, "learner": _row(Learner, learner),
                               "account": _row(Account, account) if account else None, "tables": tables}


def dumps(document: dict[str, Any]) -> str:
    """The document as written to a file: UTF-8 JSON, indented, keys in table order."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def dumps_compact(document: dict[str, Any]) -> str:
    """The document as the store keeps it (a year's snapshot): the same JSON without indentation, which
    Python's C encoder writes (an indented one goes through the pure-Python encoder, several times slower)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:  # noqa: ANN401
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProfileFileError("The file is damaged (not readable JSON); nothing was imported.") from exc
