"""The demo class's evidence files: drawn and recorded on the spot, added by the learners themselves, with a
best work each; the rest of the demo class is the same as without them (no random draw is taken)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from plprofile.domain.evidence_files import Media
from plprofile.media.demo_files import demo_files
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.demo import generate_demo
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.store.engine import open_store
from plprofile.store.models import CheckIn, Evidence, Goal


def _story(store) -> list:
    with store.session() as s:
        return [sorted(s.execute(select(*cols)).all())
                for cols in ((Goal.statement, Goal.status, Goal.target_date),
                             (CheckIn.scale, CheckIn.on_date, CheckIn.reflection))]


def test_the_demo_class_has_files_the_learners_added(tmp_path):
    today = date(2026, 12, 1)
    plain, with_files = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    try:
        generate_demo(plain, learners=8, today=today)
        generate_demo(with_files, learners=8, today=today, files=demo_files())
        assert _story(plain) == _story(with_files)
        with with_files.session() as s:
            kept = s.execute(select(Evidence).where(Evidence.blob_id.is_not(None))).scalars().all()
        assert len(kept) >= 3 and all(ev.author_role == "learner" for ev in kept)
        assert any(ev.best_work for ev in kept)
        teacher = teacher_actor(ensure_teacher(with_files))
        service = EvidenceFileService(with_files)
        media = {service.read(teacher, ev.id).media for ev in kept}
        assert media == {Media.PNG, Media.WAV}
        infos = service.files(teacher, kept[0].learner_id)
        assert all(i.thumbnail or i.media is Media.WAV for i in infos.values())
    finally:
        plain.close()
        with_files.close()
