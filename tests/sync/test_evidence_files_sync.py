"""Evidence files travel with sync: each piece fits in one change, the hub gets the file whole, and a file
that is already there (same learner, same bytes) arriving again from another device is not stored twice."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import func, select

from plprofile.media.prepare import prepare_bytes
from plprofile.services.evidence_files import EvidenceFileService
from plprofile.services.profiles import ProfileService
from plprofile.store.models import EvidenceBlob, EvidenceChunk
from plprofile.sync.changes import MAX_VALUE_CHARS, Change, apply
from tests.evidence_samples import wav

from .test_apply import _admin, _push, _rows, two  # noqa: F401  (the fixture)


def _count(store, model) -> int:
    with store.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_a_file_reaches_the_hub_whole_in_changes_that_fit_the_wire(two):  # noqa: F811
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    learner = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    goal = p.add_goal(admin, learner.id, "Sing a song in front of the class")
    recording = prepare_bytes(wav(b"ana-sings", seconds=60.0), "song.wav")  # 480 KB: five pieces
    ev = EvidenceFileService(a, p).attach(admin, goal.id, recording)

    batch, result = _push(a, hub, admin)
    pieces = [c for c in batch if c.entity == "evidence_chunk"]
    assert len(pieces) == 5 and result.skipped == 0
    assert all(len(c.new) < MAX_VALUE_CHARS and Change.from_json(c.to_json()) == c for c in batch)
    assert _rows(hub, EvidenceBlob) == _rows(a, EvidenceBlob) and _rows(hub, EvidenceChunk) == _rows(a, EvidenceChunk)
    assert EvidenceFileService(hub).read(admin, ev.id).data == recording.data


def test_the_same_file_from_another_device_is_a_no_op(two):  # noqa: F811
    a, hub = two
    admin = _admin(a)
    p = ProfileService(a)
    learner = p.add_learner(admin, given_name="Ana", family_name="Diaz")
    goal = p.add_goal(admin, learner.id, "Sing a song in front of the class")
    EvidenceFileService(a, p).attach(admin, goal.id, prepare_bytes(wav(b"twice"), "song.wav"))
    batch, _ = _push(a, hub, admin)
    before = (_rows(hub, EvidenceBlob), _rows(hub, EvidenceChunk))

    # another device attached the same recording to the same learner: its changes name the same rows (the id is
    # the learner's and the content's), under change ids and clocks of its own
    again = [replace(c, id=str(uuid.uuid4()), hlc=c.hlc[:13] + "-00001-device-b", device_id="device-b")
             for c in batch if c.entity in ("evidence_blob", "evidence_chunk")]
    with hub.transaction() as s:
        result = apply(s, admin, again)
    assert result.applied == len(again)  # recorded in the hub's log (served on), rows left as they were
    assert (_rows(hub, EvidenceBlob), _rows(hub, EvidenceChunk)) == before
    assert _count(hub, EvidenceBlob) == 1 and _count(hub, EvidenceChunk) == 1
