"""The learner passport shows the pictures the learner marked best work, as small pictures under the evidence."""

from __future__ import annotations

from plprofile.media.prepare import prepare_bytes
from plprofile.services.accounts import learner_actor
from plprofile.services.auth import AuthService
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.passport import build_passport
from plprofile.services.stages import StagesService
from plprofile.ui.documents.passport import passport_html, write_passport_pdf
from tests.evidence_samples import picture


def _images(path) -> int:
    return path.read_bytes().count(b"/Subtype /Image")


def test_best_work_pictures_are_in_the_passport(qapp, store, profiles, teacher, tmp_path):
    learner = profiles.add_learner(teacher, given_name="Ayla", family_name="Brook")
    goal = profiles.add_goal(teacher, learner.id, "Build a bridge that holds a book")
    AuthService(store).set_learner_pin(teacher, learner.id, "2468", username="ayla")
    me = learner_actor(profiles.learner_account(teacher, learner.id))
    files = EvidenceFileService(store, profiles)
    ev = files.attach(me, goal.id, prepare_bytes(picture(800, 600), "bridge.png"), "My bridge")
    files.attach(me, goal.id, prepare_bytes(picture(800, 600, seed=7), "sketch.png"), "My sketch")
    stages = StagesService(store, profiles)

    plain = build_passport(profiles, stages, teacher, learner.id)
    assert plain.best_work == {}
    write_passport_pdf(plain, str(tmp_path / "plain.pdf"))

    files.set_best_work(me, ev.id, True)
    best = build_passport(profiles, stages, teacher, learner.id)
    assert list(best.best_work) == [ev.id] and best.best_work[ev.id][:3] == b"\xff\xd8\xff"
    assert f"evidence://{ev.id}" in passport_html(best, "en")
    write_passport_pdf(best, str(tmp_path / "best.pdf"))
    assert _images(tmp_path / "best.pdf") == _images(tmp_path / "plain.pdf") + 1
