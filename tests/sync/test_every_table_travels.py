"""Every table the app writes through the change log either travels to the hub (``MODELS``, with the policy's
rules) or stays on the device that made it (``LOCAL_ONLY``). A table in neither would be sent and refused by the
hub as an unknown entity, and with it the whole push: a teacher who tried a strategy with a learner, or planned
the week's conferences, could never sync again."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import SQLModel, select

from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher
from plprofile.services.profiles import ProfileService
from plprofile.services.stages import StagesService
from plprofile.services.strategies import StrategyService
from plprofile.services.week import WeekService
from plprofile.store.engine import open_store
from plprofile.store.models import Row, StrategyCheck, StrategyUse
from plprofile.sync.changes import LOCAL_ONLY, MODELS, apply, everything, outgoing


def _row_tables() -> set[str]:
    return {t.name for t in SQLModel.metadata.sorted_tables
            if any(getattr(m, "__tablename__", None) == t.name for m in _subclasses(Row))}


def _subclasses(cls):  # noqa: ANN001, ANN202
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_row_table_travels_or_stays_home_on_purpose():
    tables = _row_tables()
    assert {"learner", "goal", "strategy_use", "teacher_week"} <= tables  # the walk found the tables
    assert not MODELS.keys() & LOCAL_ONLY
    assert tables - MODELS.keys() - LOCAL_ONLY == set()


@pytest.fixture
def device_and_hub(tmp_path):
    device, hub = open_store(tmp_path / "device"), open_store(tmp_path / "hub")
    yield device, hub
    device.close()
    hub.close()


def test_a_teachers_week_and_a_strategy_tried_sync_without_a_refusal(device_and_hub):
    device, hub = device_and_hub
    account = ensure_teacher(device, "Admin", kind="admin")
    admin = Actor(account_id=account.id, role=Role.TEACHER, admin=True)
    learner = ProfileService(device).add_learner(admin, given_name="Zoë", family_name="Moreau")
    strategies = StrategyService(device, StagesService(device))
    use = strategies.start(admin, learner.id, "headphones", date(2026, 11, 2), date(2026, 11, 16))
    strategies.answer(admin, use.id, True, date(2026, 11, 16))
    week = WeekService(device, ProfileService(device), StagesService(device))
    week.set_cadence(admin, 3)
    week.move_conference(admin, learner.id, date(2026, 12, 9))

    with device.session() as s:
        batch = outgoing(s)
        whole = everything(s)
    entities = {c.entity for c in batch}
    assert {"strategy_use", "strategy_check", "learner"} <= entities
    assert not entities & LOCAL_ONLY and not {c.entity for c in whole} & LOCAL_ONLY

    hub_admin = ensure_teacher(hub, "Admin", kind="admin")  # the hub's own accounts do not matter here
    assert hub_admin is not None
    with hub.transaction() as s:
        result = apply(s, admin, batch, check_policy=True)
    assert len(result.applied_ids) == len(batch)
    with hub.session() as s:
        assert s.execute(select(StrategyUse)).scalars().one().strategy_id == "headphones"
        assert s.execute(select(StrategyCheck)).scalars().one().helped is True
