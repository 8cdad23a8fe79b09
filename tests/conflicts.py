"""Two devices that disagree: a teacher's laptop and a learner's tablet, each with the same profile, edited at
once and then synced through ``sync.changes.apply`` (as the hub does): the conflicts a person decides."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from plprofile.domain.profile import Actor, Role, Section
from plprofile.services.accounts import ensure_teacher, learner_actor
from plprofile.services.profiles import ProfileService
from plprofile.store import changes as store_changes
from plprofile.store.engine import Store, open_store
from plprofile.sync.changes import apply, mark_acknowledged, outgoing


@dataclass
class Pair:
    laptop: Store
    tablet: Store
    teacher: Actor  # a school admin (Ms Rivera)
    ana: Actor  # the learner
    learner_id: uuid.UUID
    ids: dict[str, uuid.UUID]

    def close(self) -> None:
        self.laptop.close()
        self.tablet.close()


def push(src: Store, dst: Store, *senders: Actor) -> int:
    """``src``'s unacknowledged changes applied to ``dst``, each author's as that author (as the hub takes each
    device's changes as its account), checked by the policy; returns the conflicts recorded."""
    with src.session() as s:
        batch = outgoing(s)
    conflicts = 0
    with dst.transaction() as s:
        others = {str(a.account_id) for a in senders if not a.admin}
        for sender in senders:  # a school admin's device also carries the school's first data, written by others
            mine = [c for c in batch if c.author_id == str(sender.account_id)
                    or (sender.admin and c.author_id not in others)]
            conflicts += apply(s, sender, mine, check_policy=True).conflicts
    with src.transaction() as s:
        mark_acknowledged(s, [c.id for c in batch])
    return conflicts


def exchange(pair: Pair) -> None:
    push(pair.laptop, pair.tablet, pair.teacher, pair.ana)
    push(pair.tablet, pair.laptop, pair.teacher, pair.ana)


def build(root: Path, data_dir: Path | None = None) -> Pair:
    """Ana's profile on both devices, then four disagreements: her own strength (both hers), her goal (she and
    her teacher), the teacher's goal (the same two) and a teacher-only note (two staff edits)."""
    laptop, tablet = open_store(data_dir or root / "laptop"), open_store(root / "tablet")
    admin = ensure_teacher(laptop, "Ms Rivera", kind="admin")
    teacher = Actor(account_id=admin.id, role=Role.TEACHER, admin=True)
    p = ProfileService(laptop)
    learner = p.add_learner(teacher, given_name="Ana", family_name="Diaz")
    ana = learner_actor(p.learner_account(teacher, learner.id))  # the account a learner is made with
    ids = {
        "entry": p.add_entry(ana, learner.id, Section.STRENGTHS, "I draw").id,
        "goal": p.add_goal(ana, learner.id, "Read").id,
        "teacher_goal": p.add_goal(teacher, learner.id, "Join a club").id,
        "note": p.add_entry(teacher, learner.id, Section.CHALLENGES, "Family news", teacher_only=True).id,
    }
    push(laptop, tablet, teacher, ana)
    on_tablet = ProfileService(tablet)
    on_tablet.edit_entry(ana, ids["entry"], "I draw comics")
    on_tablet.update_goal(ana, ids["goal"], statement="Read every night")
    on_tablet.update_goal(ana, ids["teacher_goal"], statement="Join the robot club")
    on_tablet.edit_entry(teacher, ids["note"], "Family news: a new baby")
    # the laptop's edits come later (its clock a little ahead, so the order is certain)
    store_changes.CLOCK_SKEW_MS[laptop.device_id] = 5_000
    try:
        p.edit_entry(ana, ids["entry"], "I draw horses")
        p.update_goal(teacher, ids["goal"], statement="Read for 20 minutes")
        p.update_goal(teacher, ids["teacher_goal"], statement="Join the chess club")
        p.edit_entry(teacher, ids["note"], "Family news: moving house")
    finally:
        store_changes.CLOCK_SKEW_MS.pop(laptop.device_id, None)
    pair = Pair(laptop, tablet, teacher, ana, learner.id, ids)
    exchange(pair)
    return pair
