"""Evidence files: a photo, scan, PDF or recording kept inside the store for a goal's evidence.

The file's bytes live in the store itself (so they are encrypted when the store is, and go wherever the store
goes: backups, the profile export, the hub's sync), content-addressed within the learner's profile: the same file
attached twice is kept once. Pictures arrive here already made ready (a large photo downscaled, a thumbnail made)
by ``plprofile.media``, which decodes them with Qt's readers; this layer checks what it is given again (kind from
the bytes, size limit) and keeps it.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from plprofile.domain import evidence_files as ef
from plprofile.domain import profile as d
from plprofile.domain.evidence_files import EvidenceFileError, Media, Prepared
from plprofile.domain.policy import Action
from plprofile.domain.profile import Actor, clean_text
from plprofile.store import changes
from plprofile.store.engine import Store
from plprofile.store.models import Evidence, EvidenceBlob, EvidenceChunk, Goal, Learner, Row

from . import access
from .access import actor_first
from .profiles import ProfileService
from .views import EvidenceView


@dataclass(frozen=True)
class FileInfo:
    """What a screen shows of a kept file (no session, no ORM row behind it)."""

    blob_id: uuid.UUID
    media: Media
    size: int
    width: int
    height: int
    original_bytes: int
    original_width: int
    original_height: int
    thumbnail: bytes

    @property
    def downscaled(self) -> bool:
        return bool(self.original_width) and (self.width, self.height) != (self.original_width,
                                                                         self.original_height)


@dataclass(frozen=True)
class StoredFile:
    """A kept file's bytes, with the name it was attached under and its kind."""

    name: str
    media: Media
    data: bytes


def _info(blob: EvidenceBlob) -> FileInfo:
    return FileInfo(blob.id, Media(blob.media), blob.size, blob.width, blob.height, blob.original_bytes,
                    blob.original_width, blob.original_height, bytes(blob.thumbnail or b""))


@actor_first
class EvidenceFileService:
    """Attach files to a goal's evidence, read them back, and the learner's *best work* mark."""

    def __init__(self, store: Store, profiles: ProfileService | None = None) -> None:
        self.store = store
        self.profiles = profiles or ProfileService(store)

    def attach(self, actor: Actor, goal_id: uuid.UUID, prepared: Prepared, text: str = "",
               added_on: date | None = None) -> EvidenceView:
        """Keep ``prepared`` as a new piece of the goal's evidence, in one transaction. A file the learner's
        profile already holds (same bytes) is not stored again; the new evidence points at it."""
        media = ef.check_prepared(prepared)
        name = clean_text(prepared.name or media.extension, field="file_name", limit=255)
        text = clean_text(text, field="evidence", required=False)
        p = self.profiles
        with self.store.transaction() as s:
            goal = p._get(s, Goal, goal_id, actor)
            blob = keep_or_find(s, actor, goal.learner_id, prepared, create=p._create)
            kind = d.EvidenceKind.PHOTO if media.is_image else d.EvidenceKind.FILE
            ev = Evidence(goal_id=goal.id, learner_id=goal.learner_id, kind=kind.value, text=text, location=name,
                          added_on=added_on or date.today(), blob_id=blob.id)
            return EvidenceView.of(p._create(s, ev, actor))

    def files(self, actor: Actor, learner_id: uuid.UUID) -> dict[uuid.UUID, FileInfo]:
        """The learner's kept files the actor may read, by id (thumbnails included, bytes not)."""
        with self.store.session() as s:
            self.profiles._get(s, Learner, learner_id, actor)
            blobs = s.execute(select(EvidenceBlob).where(EvidenceBlob.learner_id == learner_id,
                                                         EvidenceBlob.deleted_at.is_(None))).scalars().all()
            return {b.id: _info(b) for b in access.visible(actor, blobs, scope=access.class_scope(s, learner_id))}

    def read(self, actor: Actor, evidence_id: uuid.UUID) -> StoredFile:
        """The file of a piece of evidence, its bytes checked against their SHA-256."""
        with self.store.session() as s:
            ev = self.profiles._get(s, Evidence, evidence_id, actor)
            if ev.blob_id is None:
                raise EvidenceFileError("not_a_file")
            blob = self.profiles._get(s, EvidenceBlob, ev.blob_id, actor)
            return StoredFile(ev.location or f"evidence{Media(blob.media).extension}", Media(blob.media),
                              read_blob(s, blob))

    def restore(self, actor: Actor, evidence_id: uuid.UUID) -> EvidenceView:
        """Bring back a piece of evidence that was removed (a removal is a soft delete: nothing was lost)."""
        with self.store.transaction() as s:
            ev = self.profiles._get(s, Evidence, evidence_id, actor, Action.RESTORE, deleted=True)
            if ev.deleted_at is not None:
                changes.restore(s, self.store.device_id, ev, actor, ev.learner_id)
        return EvidenceView.of(ev)

    def set_best_work(self, actor: Actor, evidence_id: uuid.UUID, best: bool) -> EvidenceView:
        """The learner marks (or unmarks) a piece of their evidence as their best work."""
        with self.store.transaction() as s:
            ev = self.profiles._get(s, Evidence, evidence_id, actor)
            self.profiles._update(s, ev, {"best_work": bool(best)}, actor)
        return EvidenceView.of(ev)


def read_blob(s: Session, blob: EvidenceBlob) -> bytes:
    """A kept file's bytes, checked against its SHA-256 (the caller has asked the policy)."""
    pieces = s.execute(select(EvidenceChunk.data).where(EvidenceChunk.blob_id == blob.id)
                       .order_by(EvidenceChunk.position)).scalars().all()
    data = b"".join(pieces)
    if len(pieces) != blob.chunks or hashlib.sha256(data).hexdigest() != blob.sha256:
        raise EvidenceFileError("file_damaged")
    return data


def keep_or_find(s: Session, actor: Actor, learner_id: uuid.UUID, prepared: Prepared, *,
                 create: Callable[[Session, Row, Actor], Row]) -> EvidenceBlob:
    """The learner's kept file with these bytes (a file already there is not stored again), or a new one."""
    sha = hashlib.sha256(prepared.data).hexdigest()
    blob = s.get(EvidenceBlob, ef.blob_id(learner_id, sha))
    if blob is not None:
        access.check(s, actor, Action.READ, blob)
        return blob
    return keep_file(s, actor, learner_id, prepared, create=create)


def keep_file(s: Session, actor: Actor, learner_id: uuid.UUID, prepared: Prepared, *,
              create: Callable[[Session, Row, Actor], Row]) -> EvidenceBlob:
    """Write the file's row and its pieces with ``create`` (the service's, which asks the policy; the demo
    generator's, which writes as the demo's people). The caller has checked the file is not there yet."""
    media = ef.check_prepared(prepared)
    sha = hashlib.sha256(prepared.data).hexdigest()
    blob_id = ef.blob_id(learner_id, sha)
    pieces = ef.chunks(prepared.data)
    blob = EvidenceBlob(id=blob_id, learner_id=learner_id, sha256=sha, media=media.value,
                        size=len(prepared.data), chunks=len(pieces), width=prepared.width,
                        height=prepared.height, original_bytes=prepared.original_bytes or len(prepared.data),
                        original_width=prepared.original_width, original_height=prepared.original_height,
                        thumbnail=prepared.thumbnail)
    create(s, blob, actor)
    for position, piece in enumerate(pieces):
        create(s, EvidenceChunk(id=ef.chunk_id(blob_id, position), blob_id=blob_id, learner_id=learner_id,
                                position=position, data=piece), actor)
    return blob


__all__ = ["EvidenceFileService", "FileInfo", "StoredFile", "keep_file", "keep_or_find", "read_blob"]
