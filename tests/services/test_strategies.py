"""Strategies that work: the bank in the framework file (a school's file adds and replaces strategies), a
learner trying one and saying whether it helped, and the snapshot's per-strategy figures against a plain count."""

from __future__ import annotations

import json
import random
import uuid
from datetime import date

import pytest

from plprofile import RESOURCES
from plprofile.domain import profile as d
from plprofile.domain.policy import AccessDenied
from plprofile.domain.profile import Actor, Role, ValidationError
from plprofile.services.profiles import ProfileService
from plprofile.services.snapshot import SnapshotService
from plprofile.services.stages import StagesService
from plprofile.services.strategies import StrategyService
from plprofile.store.models import BackpackItem


def _learner(profiles, teacher, name: str):
    lid = profiles.add_learner(teacher, given_name=name, family_name="Test").id
    return lid, Actor(account_id=uuid.uuid4(), role=Role.LEARNER, learner_id=lid)


def test_the_bank_is_the_defaults_with_the_schools_own_added_and_replaced(store, teacher):
    stages = StagesService(store)
    service = StrategyService(store, stages)
    default = service.bank(teacher)
    assert {"headphones", "chunking", "visual_timer"} <= {s.id for s in default}
    assert all(s.helps_with and s.text("es") != s.text("en") for s in default)  # both languages, tied to barriers
    data = json.loads((RESOURCES / "frameworks" / "default-stages.json").read_text(encoding="utf-8"))
    data.update(id="school.rubric", version="2.0", strategies=[
        {"id": "headphones", "name": {"en": "Ear defenders from the office", "es": "Cascos de la secretaría"},
         "helps_with": ["noise"], "match": {"en": ["ear defender*"]}},
        {"id": "fidget", "name": {"en": "A fidget tool", "es": "Un objeto antiestrés"}, "helps_with": ["sitting_still"]}])
    stages.install_framework(teacher, json.dumps(data).encode())
    bank = {s.id: s for s in service.bank(teacher)}
    assert bank["headphones"].text("en") == "Ear defenders from the office"
    assert "fidget" in bank and "chunking" in bank and len(bank) == len(default) + 1


def test_a_learner_tries_a_strategy_and_says_whether_it_helped(store, teacher):
    profiles = ProfileService(store)
    service = StrategyService(store)
    ana, ana_me = _learner(profiles, teacher, "Ana")
    _ben, ben_me = _learner(profiles, teacher, "Ben")
    use = service.start(ana_me, ana, "visual_timer", date(2026, 3, 2), date(2026, 3, 23), lang="es")
    service.answer(ana_me, use.id, False, date(2026, 3, 9))
    service.answer(ana_me, use.id, True, date(2026, 3, 16))
    [view] = service.uses(teacher, ana)
    assert (view.strategy_id, view.started_on, view.review_on, view.helped, view.answers) == (
        "visual_timer", date(2026, 3, 2), date(2026, 3, 23), True, 2)
    item = profiles.load_profile(teacher, ana).backpack[0]
    assert (item.name, item.kind, item.agreement) == ("Un temporizador visual", "strategy", "agreed")
    with pytest.raises(AccessDenied):
        service.answer(ben_me, use.id, True, date(2026, 3, 16))  # not Ben's to answer
    with pytest.raises(AccessDenied):
        service.start(ben_me, ana, "chunking", date(2026, 3, 2))
    with pytest.raises(ValidationError):
        service.start(ana_me, ana, "no_such_strategy", date(2026, 3, 2))
    with pytest.raises(ValidationError):
        service.start(ana_me, ana, "chunking", date(2026, 3, 2), date(2026, 3, 1))
    # a teacher's start stands beside the learner's words as a suggestion
    service.start(teacher, ana, "chunking", date(2026, 3, 2))
    assert {i.name: i.agreement for i in profiles.load_profile(teacher, ana).backpack}[
        "Break long texts into small parts"] == "suggestion"


def test_the_snapshot_counts_per_strategy_who_tried_it_and_who_said_it_helped(store, teacher):
    rng = random.Random(5)
    profiles, service = ProfileService(store), StrategyService(store)
    tried: dict[str, set[uuid.UUID]] = {}
    helped: dict[str, set[uuid.UUID]] = {}
    ids = ("headphones", "chunking", "visual_timer", "movement_break")
    for i in range(14):
        lid, me = _learner(profiles, teacher, f"L{i}")
        for sid in rng.sample(ids, rng.randint(0, 3)):
            use = service.start(me, lid, sid, date(2026, 3, 2))
            answers = [rng.random() < 0.5 for _ in range(rng.randint(0, 3))]
            for day, yes in enumerate(answers):
                service.answer(me, use.id, yes, date(2026, 3, 9 + day))
            if rng.random() < 0.15:  # taken out of the backpack: no longer tried
                profiles.delete_row(me, BackpackItem, use.backpack_item_id)
                continue
            tried.setdefault(sid, set()).add(lid)
            if answers and answers[-1]:  # the latest answer is what the learner says now
                helped.setdefault(sid, set()).add(lid)
        if i % 4 == 0:  # a backpack item from before the bank, in the learner's own words
            profiles.add_backpack_item(me, lid, "My noise-cancelling headphones", d.BackpackKind.TOOL)
            tried.setdefault("headphones", set()).add(lid)
    snapshot = SnapshotService(store, profiles).class_snapshot(teacher)
    shown = {sid: (set(who), set(yes)) for sid, _label, who, yes in snapshot.strategies}
    assert shown == {sid: (who, helped.get(sid, set())) for sid, who in tried.items()}
    counts = [len(who) for _sid, _label, who, _yes in snapshot.strategies]
    assert counts == sorted(counts, reverse=True)
