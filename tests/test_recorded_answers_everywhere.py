"""An answer given as a recording goes wherever a profile goes, as an evidence file does: the profile file carries
it (export, then import elsewhere: the same bytes play), sync carries it to the hub, and erasing the learner
(`plprofile purge`, a real process) leaves none of its bytes in the store or any backup."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from plprofile.domain import evidence_files as ef
from plprofile.media.prepare import prepare_bytes
from plprofile.services import backup as bk
from plprofile.services.accounts import ensure_teacher, learner_actor, teacher_actor
from plprofile.services.auth import AuthService
from plprofile.services.portable import PortableService, dumps
from plprofile.services.profiles import ProfileService
from plprofile.services.questions import QuestionService
from plprofile.store.engine import open_store
from tests.evidence_samples import wav
from tests.sync.test_apply import _admin, _push
from tests.test_cli_purge import grep, run

MARKER = b"ANSWER-RECORDING-41d2-unique-marker"


def _answered(data: Path):  # noqa: ANN202
    store = open_store(data)
    me = teacher_actor(ensure_teacher(store))
    profiles = ProfileService(store)
    leaver = profiles.add_learner(me, given_name="Quinn", family_name="Leaver", group_name="6B")
    AuthService(store).set_learner_pin(me, leaver.id, "2468", "quinn")
    quinn = learner_actor(profiles.learner_account(me, leaver.id))
    questions = QuestionService(store)
    question, = questions.ask(me, [leaver.id], "What helped you most this week?")
    answer = questions.answer(quinn, question.id, "", recording=prepare_bytes(wav(MARKER, seconds=2.0), "me.wav"))
    return store, me, leaver, answer


def test_the_profile_file_and_sync_carry_the_recording(tmp_path: Path):
    store, me, leaver, answer = _answered(tmp_path / "data")
    try:
        doc = json.loads(dumps(PortableService(store).export_profile(me, leaver.id)))
        (row,) = doc["tables"]["question_answer"]
        assert row["blob_id"] == str(answer.blob_id) and row["text"] == ""
        other = open_store(tmp_path / "other")
        try:
            okoye = teacher_actor(ensure_teacher(other, "Mr Okoye"))
            PortableService(other).import_profile(okoye, doc)
            played = QuestionService(other).recording(okoye, answer.id)
            assert played.data == wav(MARKER, seconds=2.0) and played.media is ef.Media.WAV
        finally:
            other.close()
        hub = open_store(tmp_path / "hub")
        try:
            admin = _admin(hub)
            _batch, result = _push(store, hub, admin, check_policy=False)
            assert result.skipped == 0
            assert QuestionService(hub).recording(admin, answer.id).data == wav(MARKER, seconds=2.0)
        finally:
            hub.close()
    finally:
        store.close()


def test_purge_leaves_no_byte_of_a_recorded_answer(tmp_path: Path):
    data = tmp_path / "data"
    store, _me, _leaver, _answer = _answered(data)
    store.close()
    bk.create_backup(data)
    raw = wav(MARKER, seconds=2.0)
    logged = base64.b64encode(raw[:ef.CHUNK_BYTES]).decode()[:200]
    db = next(data.glob("*.sqlite3"))
    assert MARKER in db.read_bytes() and logged.encode() in db.read_bytes()
    result = run("--data-dir", str(data), "purge", "--learner", "Quinn Leaver", "--yes")
    assert result.returncode == 0, result.stderr
    assert grep(data, [MARKER.decode(), logged]) == []
