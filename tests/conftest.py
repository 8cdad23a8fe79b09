"""Test configuration: Qt runs offscreen and settings go to a throwaway folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="plprofile-test-config-")
os.environ.pop("PLPROFILE_DATA_DIR", None)

# In CI the fuzz tests replay a fixed sequence of examples, so a run judges the change and not the luck of
# the draw; on a developer's machine they explore new inputs each run (and keep the failures they find).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def store(tmp_path: Path):
    from plprofile.store.engine import open_store

    s = open_store(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def teacher(store):
    from plprofile.services.accounts import ensure_teacher, teacher_actor

    return teacher_actor(ensure_teacher(store))


@pytest.fixture
def profiles(store):
    from plprofile.services.profiles import ProfileService

    return ProfileService(store)
