"""Evidence files kept inside the store: content-addressed, checked, the learner's best work, encrypted with
the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from plprofile.domain import evidence_files as ef
from plprofile.domain import profile as d
from plprofile.domain.evidence_files import EvidenceFileError, Prepared
from plprofile.domain.policy import AccessDenied
from plprofile.media.prepare import prepare_bytes
from plprofile.services.accounts import learner_actor
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.store.models import Evidence, EvidenceBlob, EvidenceChunk
from tests.evidence_samples import pdf, picture, wav


@pytest.fixture
def files(store, profiles):
    return EvidenceFileService(store, profiles)


@pytest.fixture
def goal(profiles, teacher):
    learner = profiles.add_learner(teacher, given_name="Ayla", family_name="Brook")
    return profiles.add_goal(teacher, learner.id, "Build a bridge that holds a book")


def counts(store) -> tuple[int, int, int]:
    with store.session() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (Evidence, EvidenceBlob, EvidenceChunk))


def test_a_file_is_kept_in_pieces_and_read_back_whole(store, files, teacher, goal):
    data = picture(3000, 2000, "JPG", 95)
    ev = files.attach(teacher, goal.id, prepare_bytes(data, "bridge.jpg"), "My bridge")
    assert ev.kind == d.EvidenceKind.PHOTO.value and ev.location == "bridge.jpg" and ev.blob_id is not None
    back = files.read(teacher, ev.id)
    assert back.media is ef.Media.JPEG and back.name == "bridge.jpg"
    info = files.files(teacher, goal.learner_id)[ev.blob_id]
    assert (info.original_width, info.original_height, info.original_bytes) == (3000, 2000, len(data))
    assert info.downscaled and info.thumbnail[:3] == b"\xff\xd8\xff"
    big = prepare_bytes(wav(seconds=30.0), "voice.wav")  # 240 KB: three pieces
    ev2 = files.attach(teacher, goal.id, big)
    assert files.read(teacher, ev2.id).data == big.data
    assert counts(store)[2] == 1 + 3 if len(back.data) <= ef.CHUNK_BYTES else counts(store)[2] > 3


def test_the_same_file_attached_twice_is_stored_once(store, files, teacher, goal):
    prepared = prepare_bytes(pdf("twice"), "plan.pdf")
    first = files.attach(teacher, goal.id, prepared)
    second = files.attach(teacher, goal.id, prepared)
    assert first.id != second.id and first.blob_id == second.blob_id
    assert counts(store) == (2, 1, 1)


def test_what_is_not_a_keepable_file_changes_nothing(store, files, teacher, goal):
    before = counts(store)
    for bad in (Prepared("notes.txt", ef.Media.PDF, b"plain text"),
                Prepared("huge.pdf", ef.Media.PDF, b"%PDF-" + b"0" * ef.MAX_FILE_BYTES),
                Prepared("empty.pdf", ef.Media.PDF, b"")):
        with pytest.raises(EvidenceFileError):
            files.attach(teacher, goal.id, bad)
    assert counts(store) == before


def test_a_damaged_stored_file_is_reported_not_handed_out(store, files, teacher, goal):
    ev = files.attach(teacher, goal.id, prepare_bytes(pdf("mine"), "mine.pdf"))
    with store.transaction() as s:
        chunk = s.execute(select(EvidenceChunk)).scalars().one()
        chunk.data = chunk.data.replace(b"mine", b"MINE")
    with pytest.raises(EvidenceFileError) as caught:
        files.read(teacher, ev.id)
    assert caught.value.code == "file_damaged"


def test_best_work_is_the_learners_mark(store, files, profiles, teacher, goal):
    from plprofile.services.auth import AuthService

    AuthService(store).set_learner_pin(teacher, goal.learner_id, "4821", username="ayla")
    me = learner_actor(profiles.learner_account(teacher, goal.learner_id))
    ev = files.attach(me, goal.id, prepare_bytes(picture(100, 80), "drawing.png"))
    with pytest.raises(AccessDenied):
        files.set_best_work(teacher, ev.id, True)
    files.set_best_work(me, ev.id, True)
    view = profiles.load_profile(teacher, goal.learner_id)
    assert [e.best_work for gv in view.goals for e in gv.evidence] == [True]


def test_a_file_is_encrypted_with_the_store(tmp_path: Path, monkeypatch):
    from plprofile.services import encryption as enc
    from plprofile.services.accounts import ensure_teacher, teacher_actor
    from plprofile.services.profiles import ProfileService
    from plprofile.store import cipher
    from plprofile.store.engine import open_store

    monkeypatch.setattr(cipher, "KDF_PARAMS", dict(cipher.KDF_FLOOR))
    folder = tmp_path / "data"
    store = open_store(folder)
    me = teacher_actor(ensure_teacher(store))
    profiles = ProfileService(store)
    learner = profiles.add_learner(me, given_name="Ayla", family_name="Brook")
    goal = profiles.add_goal(me, learner.id, "Sing in the choir")
    marker = b"QZX-recording-marker-7731"
    ev = EvidenceFileService(store, profiles).attach(me, goal.id, prepare_bytes(wav(marker), "song.wav"))
    store.close()
    db = next(folder.glob("*.sqlite3"))
    assert marker in db.read_bytes()  # a plain store holds the bytes as they are
    enc.encrypt_store(folder, "rivera", "correct horse battery")
    assert marker not in db.read_bytes()
    key = enc.unlock(folder, "correct horse battery")
    store = open_store(folder, key)
    try:
        data = EvidenceFileService(store).read(me, ev.id).data
        assert marker in data and data.startswith(b"RIFF")
    finally:
        store.close()
