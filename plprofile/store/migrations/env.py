"""Alembic environment: always run programmatically by plprofile.store.migrate with a live connection."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from plprofile.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
