"""A real PostgreSQL for the tests: Debian's server, started if it is down, and a fresh database per use.

``$PLPROFILE_TEST_POSTGRES`` (a URL with the right to create databases) points at another server. Without a
server a test skips, except in CI (``$CI`` set), where it fails: CI must have run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid

import pytest

ROLE, PASSWORD = "plprofile_test", "plprofile_test"


def _fail_or_skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"no PostgreSQL here: {reason}")


def _as_postgres(*cmd: str) -> subprocess.CompletedProcess:
    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else ["sudo", "-n", "-u", "postgres"]
    return subprocess.run([*runner, *cmd], capture_output=True, text=True, timeout=120)


def _start_debian_cluster() -> str | None:
    """Start Debian's cluster if it is down; the reason it could not, or None."""
    if not shutil.which("pg_lsclusters"):
        return "Debian's postgresql package is not installed (apt-get install postgresql)"
    lines = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True).stdout.split()
    if not lines:
        return "no PostgreSQL cluster (pg_createcluster)"
    version, cluster, _port, status = lines[:4]
    if status != "online":
        start = subprocess.run(["pg_ctlcluster", version, cluster, "start"], capture_output=True, text=True,
                               timeout=120)
        if start.returncode != 0:
            return f"pg_ctlcluster {version} {cluster} start: {start.stderr.strip()}"
    return None


def server_url() -> str:
    """A URL on a server where ROLE may create databases (the server started, the role made, if need be)."""
    given = os.environ.get("PLPROFILE_TEST_POSTGRES")
    if given:
        return given.rstrip("/")
    problem = _start_debian_cluster()
    if problem:
        _fail_or_skip(problem)
    made = _as_postgres("psql", "-v", "ON_ERROR_STOP=1", "-qtAc",
                        f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='{ROLE}') THEN "
                        f"CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{PASSWORD}'; END IF; END$$;",
                        # dropping a test database ends an autovacuum worker still in it (it runs as no role)
                        "-c", f"GRANT pg_signal_backend TO {ROLE}")
    if made.returncode != 0:
        _fail_or_skip(f"the test role cannot be made: {made.stderr.strip()}")
    return f"postgresql+psycopg://{ROLE}:{PASSWORD}@127.0.0.1:5432"


def _admin_connect(base: str):  # noqa: ANN202
    import psycopg

    plain = base.replace("postgresql+psycopg://", "postgresql://")
    try:
        return psycopg.connect(f"{plain}/postgres", autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        _fail_or_skip(str(exc).strip().splitlines()[0])


def create_database(base: str) -> str:
    name = f"plprofile_t_{uuid.uuid4().hex[:12]}"
    with _admin_connect(base) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(base: str, name: str) -> None:
    """Drop a test database, ending what is still connected to it. On a server where the role may not end
    others' connections (an autovacuum worker just started in it), it tries again for a while."""
    import psycopg

    for attempt in range(20):
        with _admin_connect(base) as con:
            try:
                con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                if attempt == 19:
                    raise
        time.sleep(0.5)
