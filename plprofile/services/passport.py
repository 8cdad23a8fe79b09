"""The learner passport: a learner's whole profile gathered for a new teacher, to print or send as a PDF.

Rendering is Qt's job (plprofile.ui.documents.passport); this module gathers what the pages say: every section (agreed
words and what is still a suggestion, marked), the backpack and choices, every goal with its steps, evidence and
latest check-ins, the Stages where they are now, and the conference records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from plprofile.domain.framework import Framework
from plprofile.domain.profile import Actor
from plprofile.domain.progress import Assessment, latest

from .access import require_class
from .evidence_files import EvidenceFileService
from .profiles import ProfileService, ProfileView
from .stages import StagesService

#: How many of each goal's check-ins the passport lists (the newest; the rest stay in the profile).
LATEST_CHECKINS = 3


@dataclass(frozen=True)
class Passport:
    view: ProfileView
    now: Assessment | None
    framework: Framework | None
    made_on: date
    #: The thumbnails of the pictures the learner marked best work, by evidence id (issue 20).
    best_work: dict[uuid.UUID, bytes] = field(default_factory=dict)


def build_passport(profiles: ProfileService, stages: StagesService, actor: Actor, learner_id: uuid.UUID,
                   made_on: date | None = None) -> Passport:
    """Everything the passport shows (staff only, like the whole-profile export: it holds teacher-only notes)."""
    require_class(actor)
    view = profiles.load_profile(actor, learner_id)
    now = latest(stages.history(actor, learner_id))
    framework = stages.framework_for(actor, now.framework_id, now.framework_version) if now else None
    best = [ev for gv in view.goals for ev in gv.evidence if ev.best_work and ev.blob_id is not None]
    thumbs = EvidenceFileService(profiles.store, profiles).files(actor, learner_id) if best else {}
    best_work = {ev.id: thumbs[ev.blob_id].thumbnail for ev in best
                 if ev.blob_id in thumbs and thumbs[ev.blob_id].thumbnail}
    return Passport(view, now, framework, made_on or date.today(), best_work)
