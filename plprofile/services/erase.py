"""Erasing a learner for good (a privacy right, a school's leaver routine): the store, its journal and every
backup the app keeps, each rewritten without them and checked. No Qt: the command line uses it too."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from plprofile.domain.policy import Action
from plprofile.domain.profile import Actor
from plprofile.store import changes, cipher
from plprofile.store.backup import BACKUP_DIRNAME, SUFFIX, header_problem
from plprofile.store.engine import Store
from plprofile.store.erase import EraseError, rewrite_without, scrub_store
from plprofile.store.models import Learner

from .access import check, require_class
from .profiles import ProfileService

__all__ = ["EraseError", "Erased", "LearnerMatch", "backups_to_rewrite", "erase_learner", "find_learners"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LearnerMatch:
    id: uuid.UUID
    name: str
    group: str
    external_id: str
    #: removed from the class list (a soft delete): still in the store until erased
    removed: bool

    @property
    def label(self) -> str:
        extra = ", ".join(x for x in (self.group, self.external_id, "removed" if self.removed else "") if x)
        return f"{self.name} ({extra})" if extra else self.name


@dataclass
class Erased:
    name: str
    #: backups rewritten without the learner, checked
    rewritten: list[Path] = field(default_factory=list)
    #: backups that held nothing about the learner (left as they were)
    without: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def find_learners(actor: Actor, store: Store, name: str) -> list[LearnerMatch]:
    """The learners ``name`` names, removed ones included: a full name (given or preferred, then family) or
    the school's ID matches first; a single given, preferred or family name only when it is one learner's.
    Staff only (the class list)."""
    require_class(actor)
    wanted = " ".join((name or "").split()).casefold()
    if not wanted:
        return []
    with store.session() as s:
        learners = s.execute(select(Learner)).scalars().all()
    full, partial = [], []
    for r in learners:
        match = LearnerMatch(r.id, f"{r.preferred_name or r.given_name} {r.family_name}".strip(), r.group_name,
                             r.external_id or "", r.deleted_at is not None)
        names = {f"{r.given_name} {r.family_name}", f"{r.preferred_name} {r.family_name}", r.external_id or ""}
        if wanted in {" ".join(n.split()).casefold() for n in names if n}:
            full.append(match)
        elif wanted in {n.casefold() for n in (r.given_name, r.preferred_name, r.family_name) if n}:
            partial.append(match)
    return full or partial


class _Joined:
    """Several errors as one message argument, each in the reader's language when the message is read."""

    def __init__(self, errors: list[Exception]) -> None:
        self.errors = errors

    def __format__(self, _spec: str) -> str:
        return " ".join(str(e) for e in self.errors)


def backups_to_rewrite(data_dir: Path, key: bytes | None) -> tuple[list[tuple[Path, bytes | None]], list[str]]:
    """Every backup in ``<data_dir>/backups`` with the key that opens it (None: a plain file), and what is in
    the way: a backup this store's key does not open (made before a re-key, or damaged) cannot be erased."""
    folder = Path(data_dir) / BACKUP_DIRNAME
    try:
        paths = sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file()
                       and not p.name.startswith("."))
    except FileNotFoundError:
        return [], []
    found, problems = [], []
    for path in paths:
        problem = header_problem(path)
        if problem is None and cipher.is_plain_sqlite(path):
            found.append((path, None))
        elif problem is None and key is not None and cipher.opens_with(path, key):
            found.append((path, key))
        else:
            problems.append(f"{path.name}: {problem or 'encrypted under another key (made before a re-key)'}")
    return found, problems


def erase_learner(profiles: ProfileService, actor: Actor, learner_id: uuid.UUID,
                  progress: Callable[[int, int], None] | None = None) -> Erased:
    """Erase the learner from the store, its ``-wal`` and every backup in its backups folder.

    First every backup is checked to be one this store's key opens: if one is not, nothing is changed and
    EraseError names it. Then the learner's rows are deleted (``secure_delete`` zeroes what they freed), the
    store is rebuilt (VACUUM) and its WAL checkpointed and truncated, and each backup holding the learner is
    rewritten without them and checked before it replaces the old one. Leftover temporary copies in the
    backups folder are removed. A backup that fails its rewrite stays as it was, and EraseError names it after
    the others are done. ``progress(done, total)`` counts the steps.
    """
    started = time.perf_counter()
    store = profiles.store
    data_dir = store.path.parent
    with store.session() as s:
        learner = s.get(Learner, learner_id)  # a learner removed from the class list is erased too
        if learner is None:
            raise changes.NotFoundError(f"learner {learner_id} not found")
        check(s, actor, Action.PURGE, learner)  # before anything is read out or changed
    name = f"{learner.preferred_name or learner.given_name} {learner.family_name}".strip()
    backups, problems = backups_to_rewrite(data_dir, store.key)
    if problems:
        raise EraseError("backups_locked", name=name, files="; ".join(problems))
    total = 2 + len(backups)
    report = progress or (lambda _done, _total: None)
    report(0, total)
    profiles.purge_learner(actor, learner_id)
    report(1, total)
    scrub_store(store.engine)
    store.generation += 1
    report(2, total)
    _remove_leftovers(data_dir / BACKUP_DIRNAME)
    result = Erased(name)
    failed = []
    for i, (path, key) in enumerate(backups, start=3):
        try:
            done = rewrite_without(path, learner_id, key, words=[learner_id.hex.encode()])
            (result.rewritten if done else result.without).append(path)
        except EraseError as exc:
            log.warning("backup %s not rewritten: %s", path.name, exc)
            failed.append(exc)
        report(i, total)
    result.seconds = time.perf_counter() - started
    if failed:
        raise EraseError("backups_left", name=name, n=len(result.rewritten), problems=_Joined(failed))
    log.info("learner erased from the store and %d backup(s) in %.1f s", len(result.rewritten), result.seconds)
    return result


def _remove_leftovers(folder: Path) -> None:
    """Temporary copies left by a backup that was stopped half-way hold the learner too."""
    try:
        parts = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".part")]
    except OSError:
        return
    for path in parts:
        try:
            path.unlink()
        except OSError as exc:
            log.warning("could not remove %s: %s", path.name, exc)
