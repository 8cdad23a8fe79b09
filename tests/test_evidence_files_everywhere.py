"""Evidence files go wherever a profile goes: a backup restored brings them back, the profile export carries
them and an import puts them back whole (one transaction), and erasing a learner (`plprofile purge`, a real
process) leaves none of their bytes in the store, its journal or any backup."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest

from plprofile.domain import evidence_files as ef
from plprofile.media.prepare import prepare_bytes
from plprofile.services import backup as bk
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.portable import PortableService, ProfileFileError, dumps
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store
from tests.evidence_samples import pdf, picture, wav
from tests.test_cli_purge import grep, run

MARKER = b"LEAVER-RECORDING-7c1e-unique-marker"
SIBLING = b"SIBLING-RECORDING-2b9f-unique-marker"


def _fill(data: Path):  # noqa: ANN202
    store = open_store(data)
    me = teacher_actor(ensure_teacher(store))
    profiles = ProfileService(store)
    files = EvidenceFileService(store, profiles)
    leaver = profiles.add_learner(me, given_name="Quinn", family_name="Leaver", group_name="6B")
    sibling = profiles.add_learner(me, given_name="Quinn", family_name="Stays", group_name="6B")
    goal = profiles.add_goal(me, leaver.id, "Sing in the choir")
    recording = files.attach(me, goal.id, prepare_bytes(wav(MARKER, seconds=30.0), "song.wav"))
    photo = files.attach(me, goal.id, prepare_bytes(picture(3200, 2400, "JPG", 92), "stage.jpg"))
    other = profiles.add_goal(me, sibling.id, "Paint a mural")
    files.attach(me, other.id, prepare_bytes(wav(SIBLING), "mural.wav"))
    return store, me, leaver, (recording, photo)


def test_a_backup_restored_brings_the_files_back(tmp_path: Path):
    data = tmp_path / "data"
    store, me, leaver, (recording, photo) = _fill(data)
    wanted = {ev.id: EvidenceFileService(store).read(me, ev.id).data for ev in (recording, photo)}
    store.close()
    backup = bk.create_backup(data)
    usb = tmp_path / "usb" / backup.path.name  # a copy kept away from the laptop
    usb.parent.mkdir()
    shutil.copy2(backup.path, usb)
    store = open_store(data)
    from plprofile.services.erase import erase_learner

    erase_learner(ProfileService(store), me, leaver.id)  # the learner, and their files, gone
    store.close()
    assert grep(data, [MARKER.decode()]) == []

    bk.restore(data, usb)
    store = open_store(data)
    try:
        assert {i: EvidenceFileService(store).read(me, i).data for i in wanted} == wanted
    finally:
        store.close()


def test_export_and_import_carry_the_files_whole_in_one_transaction(tmp_path: Path):
    store, me, leaver, (recording, photo) = _fill(tmp_path / "a")
    files = EvidenceFileService(store)
    files.attach(me, recording.goal_id, prepare_bytes(pdf("plan"), "plan.pdf"))
    wanted = {ev.id: files.read(me, ev.id).data for ev in (recording, photo)}
    document = json.loads(dumps(PortableService(store).export_profile(me, leaver.id)))
    store.close()
    assert len(document["tables"]["evidence_blob"]) == 3 and document["tables"]["evidence_chunk"]

    other = open_store(tmp_path / "b")
    try:
        okoye = teacher_actor(ensure_teacher(other, "Mr Okoye"))
        # a damaged piece: refused whole, nothing written
        broken = json.loads(json.dumps(document))
        piece = broken["tables"]["evidence_chunk"][0]
        piece["data"] = base64.b64encode(b"X" + base64.b64decode(piece["data"])[1:]).decode()
        with pytest.raises(ProfileFileError, match="not whole"):
            PortableService(other).import_profile(okoye, broken)
        assert ProfileService(other).list_learners(okoye) == []

        PortableService(other).import_profile(okoye, document)
        assert {i: EvidenceFileService(other).read(okoye, i).data for i in wanted} == wanted
        info = EvidenceFileService(other).files(okoye, leaver.id)[photo.blob_id]
        assert (info.original_width, info.original_height) == (3200, 2400) and info.thumbnail
        # merged again: every row already there, nothing added
        report = PortableService(other).merge_profile(okoye, document)
        assert report.added_total == 0 and report.skipped["evidence_blob"] == 3
    finally:
        other.close()


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
def test_purge_leaves_no_byte_of_the_learners_files(tmp_path: Path):
    data = tmp_path / "data"
    store, _me, _leaver, (recording, _photo) = _fill(data)
    store.close()
    bk.create_backup(data)
    db = next(data.glob("*.sqlite3"))
    # the file's bytes as stored, and as the change log (the sync outbox) writes them
    raw = wav(MARKER, seconds=30.0)
    logged = base64.b64encode(raw[:ef.CHUNK_BYTES]).decode()[:200]
    assert MARKER in db.read_bytes() and logged.encode() in db.read_bytes()
    assert len(grep(data, [MARKER.decode(), logged])) == 2  # the store and its backup

    result = run("--data-dir", str(data), "purge", "--learner", "Quinn Leaver", "--yes")
    assert result.returncode == 0, result.stderr

    assert grep(data, [MARKER.decode(), logged]) == []
    assert len(grep(data, [SIBLING.decode()])) == 2  # the sibling's file stays, in the store and the backup
