"""A school hub for the window's tests: a real hub process (tests/hub), an admin device that brought the
school's learners to it, and helpers to pair a window's store through the real dialog."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hub.conftest import Hub, make_hub, run

LEARNERS = (("Zoë", "Moreau"), ("Tomás", "Núñez"))


def school_hub(tmp_path: Path) -> tuple[Hub, Path]:
    """A started SQLite hub holding LEARNERS (from an admin's device, paired and synced by the command line);
    returns the hub and the admin device's folder."""
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.store.engine import open_store

    hub = make_hub(tmp_path, None)
    admin_dir = tmp_path / "admin"
    store = open_store(admin_dir)
    teacher = teacher_actor(ensure_teacher(store))
    for given, family in LEARNERS:
        ProfileService(store).add_learner(teacher, given_name=given, family_name=family)
    store.close()
    done = run("--data-dir", str(admin_dir), "pair", hub.url, hub.invite("admin", "Ada Admin"))
    assert done.returncode == 0, done.stderr
    sync(admin_dir)
    return hub, admin_dir


def sync(folder: Path) -> dict:
    done = run("--data-dir", str(folder), "sync", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
