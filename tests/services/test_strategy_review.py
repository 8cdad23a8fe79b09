"""*Did it help?* at a goal check-in: the strategies whose review day came without an answer are asked about;
the learner's yes / a bit / no is kept as the strategies dialog keeps an answer, and the snapshot's per-strategy
"tried / helped" counts take those answers in (checked against a plain-Python count over a generated class)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from plprofile.domain.profile import Actor, Role, ValidationError
from plprofile.services.profiles import ProfileService
from plprofile.services.snapshot import SnapshotService
from plprofile.services.stages import StagesService
from plprofile.services.strategies import HOW, StrategyService
from plprofile.store.models import StrategyCheck

TODAY = date(2026, 3, 16)


def _learner(profiles, teacher, name: str):
    lid = profiles.add_learner(teacher, given_name=name, family_name="Test").id
    return lid, Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=lid)


def test_what_a_check_in_asks_about_and_what_it_keeps(store, teacher):
    profiles = ProfileService(store)
    service = StrategyService(store)
    ana, me = _learner(profiles, teacher, "Ana")
    due = service.start(me, ana, "visual_timer", date(2026, 3, 2), date(2026, 3, 16))
    later = service.start(me, ana, "chunking", date(2026, 3, 2), date(2026, 3, 30))  # not yet
    service.start(me, ana, "headphones", date(2026, 3, 2))  # no review day: never asked
    answered = service.start(me, ana, "movement_break", date(2026, 2, 2), date(2026, 3, 9))
    service.answer(me, answered.id, True, date(2026, 3, 10))  # answered after its review day
    assert [u.id for u in service.to_review(me, ana, TODAY)] == [due.id]
    assert later.id not in {u.id for u in service.to_review(me, ana, TODAY)}
    service.answer(me, due.id, False, TODAY, how="a_bit")
    assert service.to_review(me, ana, TODAY) == []
    with store.session() as s:
        row = s.execute(select(StrategyCheck).where(StrategyCheck.use_id == due.id)).scalar_one()
        assert (row.answer, row.helped, row.on_date) == ("a_bit", True, TODAY)  # "a bit" counts as helped
    with pytest.raises(ValidationError):
        service.answer(me, due.id, True, TODAY, how="maybe")


def test_the_snapshot_counts_check_in_answers_as_a_plain_count_says(store, teacher):
    profiles = ProfileService(store)
    stages = StagesService(store, profiles)
    service = StrategyService(store, stages)
    rng = random.Random(21)
    tried: dict[str, set] = {}
    latest: dict[tuple, tuple] = {}  # (learner, strategy) -> (day, order, helped) of the latest answer
    order = 0
    for i in range(12):
        lid, me = _learner(profiles, teacher, f"L{i}")
        for sid in rng.sample(["visual_timer", "chunking", "headphones"], rng.randint(0, 3)):
            use = service.start(me, lid, sid, date(2026, 2, 2), date(2026, 3, 2))
            tried.setdefault(sid, set()).add(lid)
            for k in range(rng.randint(0, 3)):
                day = date(2026, 3, 2) + timedelta(days=7 * k)
                how = rng.choice(HOW)
                service.answer(me, use.id, how != "no", day, how=how)
                order += 1
                latest[(lid, sid)] = (day, order, how != "no")
    helped: dict[str, set] = {}
    for (lid, sid), (_day, _order, yes) in latest.items():
        if yes:
            helped.setdefault(sid, set()).add(lid)
    figures = {sid: (who, said) for sid, _label, who, said in
               SnapshotService(store, profiles, stages).class_snapshot(teacher).strategies}
    for sid, who in tried.items():
        assert figures[sid][0] == who
        assert figures[sid][1] == helped.get(sid, set())
