"""The app's tables on PostgreSQL: the same Alembic scripts a device runs give exactly the models' schema
(types included), and the hub's store opens, migrates once and reopens there."""

from __future__ import annotations


def test_migrations_on_postgresql_produce_exactly_the_models(postgres_url):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    from plprofile.store import models  # noqa: F401
    from plprofile.store.migrate import alembic_config

    engine = create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                           SQLModel.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_hub_store_opens_on_postgresql_and_keeps_rows(postgres_url):
    from plprofile.hub.store import open_hub
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import SCHEMA_HEAD

    store = open_hub(database=postgres_url)
    from plprofile.domain.profile import Actor, Role
    from plprofile.services.accounts import SYSTEM

    admin = Actor(account_id=SYSTEM.account_id, role=Role.TEACHER, admin=True)
    learner = ProfileService(store).add_learner(admin, given_name="Zoë", family_name="Núñez")
    device_id = store.device_id
    store.close()
    again = open_hub(database=postgres_url)
    try:
        assert again.device_id == device_id
        with again.session() as s:
            from sqlalchemy import text

            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        names = [(x.given_name, x.family_name) for x in ProfileService(again).list_learners(admin)]
        assert names == [("Zoë", "Núñez")] and learner.id
    finally:
        again.close()
