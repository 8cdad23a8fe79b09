"""The family summary shows the evidence the learner shared, and nothing else of it: best work first, a picture as
its thumbnail, a PDF or a recording as its name and kind. Written by the real ``plprofile summary`` in a
subprocess and read back with poppler's ``pdftotext`` and ``pdfimages``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import select

from plprofile.media.prepare import prepare_bytes
from plprofile.services.accounts import learner_actor
from plprofile.services.auth import AuthService
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from plprofile.store.models import Evidence
from tests.evidence_samples import pdf, picture, wav

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfimages") is None,
                                reason="needs poppler-utils (pdftotext, pdfimages)")


def _summary(folder, out) -> tuple[str, int, str]:
    """The summary's text (one line), how many pictures it holds, and what the command said."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "plprofile", "--data-dir", str(folder), "summary", "Ayla",
                             "-o", str(out)], capture_output=True, text=True, env=env, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    pictures = [line for line in images.splitlines()[2:] if line.split()[2:3] == ["image"]]
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split()), len(pictures), result.stdout


def test_the_summary_shows_only_the_shared_evidence_best_work_first(qapp, tmp_path):
    folder = tmp_path / "data"
    store = open_store(folder)
    auth = AuthService(store)
    auth.create_first_teacher("Ms Rivera", "rivera", "correct horse battery")
    teacher = auth.sign_in("rivera", "correct horse battery").actor
    profiles = ProfileService(store)
    learner = profiles.add_learner(teacher, given_name="Ayla", family_name="Brook")
    goal = profiles.add_goal(teacher, learner.id, "Build a bridge that holds a book")
    auth.set_learner_pin(teacher, learner.id, "2468", username="ayla")
    ayla = learner_actor(profiles.learner_account(teacher, learner.id))
    files = EvidenceFileService(store, profiles)
    made = {
        "plan.pdf": files.attach(ayla, goal.id, prepare_bytes(pdf("my plan"), "plan.pdf"), added_on=date(2026, 11, 2)),
        "bridge.png": files.attach(ayla, goal.id, prepare_bytes(picture(800, 600, "PNG"), "bridge.png"),
                                   added_on=date(2026, 10, 1)),
        "how-i-built-it.wav": files.attach(ayla, goal.id, prepare_bytes(wav(b"ayla"), "how-i-built-it.wav"),
                                           added_on=date(2026, 11, 1)),
        "my-messy-desk.png": files.attach(ayla, goal.id, prepare_bytes(picture(640, 480, "PNG", seed=7),
                                                                       "my-messy-desk.png")),
        "class-photo.png": files.attach(teacher, goal.id, prepare_bytes(picture(640, 480, "PNG", seed=3),
                                                                        "class-photo.png")),
    }
    store.close()
    text, pictures, _said = _summary(folder, tmp_path / "before.pdf")
    assert not any(name in text for name in made), text  # nothing shared yet: no evidence at all
    assert "My work" not in text and pictures == 0

    store = open_store(folder)
    profiles = ProfileService(store)
    files = EvidenceFileService(store, profiles)
    for name in ("plan.pdf", "bridge.png", "how-i-built-it.wav"):
        profiles.set_shared_with_family(ayla, Evidence, made[name].id, True)
    files.set_best_work(ayla, made["bridge.png"].id, True)
    with store.session() as s:
        assert s.execute(select(Evidence).where(Evidence.shared_with_family)).scalars().all().__len__() == 3
    store.close()

    text, pictures, said = _summary(folder, tmp_path / "after.pdf")
    assert "My work" in text
    assert "my-messy-desk.png" not in text and "class-photo.png" not in text  # kept for her teacher and her
    assert "bridge.png (picture) ★ my best work" in text, text
    assert "plan.pdf (PDF)" in text and "how-i-built-it.wav (recording)" in text
    # best work first, then the newest, on the page's "My work" line
    assert text.index("bridge.png") < text.index("plan.pdf") < text.index("how-i-built-it.wav")
    assert "(1 page)" in said  # the one page still holds it all
    assert pictures == 1  # the one shared picture, as its thumbnail (no chart: no Stages ratings yet)
